import { OperationNodeTransformer, TableNode, type KyselyPlugin, type QueryId } from 'kysely';
import type { Db } from '../db/open.ts';
import { BoardStore } from './store.ts';

/**
 * The feed documents are stored exactly like the board documents, in tables of their own
 * (feed_update, feed_snapshot): the same BoardStore runs on a view of the database whose queries
 * name those tables instead, so the write-through and compaction code exists once.
 */
const FEED_TABLES: Readonly<Record<string, string>> = {
	board_update: 'feed_update',
	board_snapshot: 'feed_snapshot',
	board_head: 'feed_head'
};

class RenameTables extends OperationNodeTransformer {
	#names: Readonly<Record<string, string>>;

	constructor(names: Readonly<Record<string, string>>) {
		super();
		this.#names = names;
	}

	protected override transformTable(node: TableNode, queryId?: QueryId): TableNode {
		const renamed = this.#names[node.table.identifier.name];
		return renamed && !node.table.schema ? TableNode.create(renamed) : super.transformTable(node, queryId);
	}
}

function renameTables(names: Readonly<Record<string, string>>): KyselyPlugin {
	const transformer = new RenameTables(names);
	return {
		transformQuery: ({ node, queryId }) => transformer.transformNode(node, queryId),
		transformResult: async ({ result }) => result
	};
}

/** The store of the boards' read-only feed documents. */
export function feedStore(db: Db): BoardStore {
	return new BoardStore(db.withPlugin(renameTables(FEED_TABLES)));
}
