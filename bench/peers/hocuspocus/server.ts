import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';

/**
 * Hocuspocus as the bench's third contender: `@hocuspocus/server` with its SQLite extension, stock
 * settings except `--debounce` (ms; its default is 2,000, at most 10,000 behind) and a long idle
 * timeout (its own provider pings; the bench's lean clients do not). Prints
 * `listening on http://127.0.0.1:PORT` (port 0: the system picks). For set-up only,
 * `PUT /seed/{name}` with a Yjs update as body stores a document, as the bare relay's seed does.
 */
const { values } = parseArgs({ options: { database: { type: 'string' }, debounce: { type: 'string' } } });
if (!values.database) throw new Error('--database is required (a SQLite file path)');

const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	timeout: 3_600_000,
	...(values.debounce === undefined ? {} : { debounce: Number(values.debounce) }),
	extensions: [new SQLite({ database: values.database })],
	async onRequest({ request, response, instance }) {
		const match = /^\/seed\/([^/?]+)$/.exec(request.url ?? '');
		if (request.method !== 'PUT' || !match?.[1]) return;
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const connection = await instance.openDirectConnection(decodeURIComponent(match[1]));
		await connection.transact((doc) => Y.applyUpdate(doc, Buffer.concat(chunks)));
		await connection.disconnect(); // stores at once and unloads, as a board at rest in our database
		response.writeHead(204).end();
		// Hocuspocus answers every request itself unless the hook rejects without an error.
		throw null;
	}
});
await server.listen();
console.log(`listening on http://127.0.0.1:${server.address.port}`);
