import { DataTypeNode, OperationNodeTransformer, type KyselyPlugin, type QueryId } from 'kysely';

/**
 * The frozen migrations were written for SQLite and are never edited: on PostgreSQL the migrator runs
 * them through this plugin, which rewrites the column types PostgreSQL lacks. Their times are already
 * `bigint` (epoch ms overflow int4) and their `integer` columns hold small counts and 0/1 flags, so
 * binary data is the only gap: `blob` becomes `bytea` (pg reads it as a Buffer, a Uint8Array).
 */
const POSTGRES_TYPES: Readonly<Record<string, DataTypeNode['dataType']>> = { blob: 'bytea' };

class MapColumnTypes extends OperationNodeTransformer {
	protected override transformDataType(node: DataTypeNode, queryId?: QueryId): DataTypeNode {
		const mapped = POSTGRES_TYPES[node.dataType];
		return mapped ? DataTypeNode.create(mapped) : super.transformDataType(node, queryId);
	}
}

/** For the migrator only: the app's own queries name no column types. */
export function sqliteTypesOnPostgres(): KyselyPlugin {
	const transformer = new MapColumnTypes();
	return {
		transformQuery: ({ node, queryId }) => transformer.transformNode(node, queryId),
		transformResult: async ({ result }) => result
	};
}
