import { setTimeout as sleep } from 'node:timers/promises';
import { onBoth, rowsOf } from '../lib/both.ts';
import { buildBoard } from '../lib/boards.ts';
import { Wire } from '../clients/wire.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaled } from '../lib/scenario.ts';
import type { Target } from '../lib/targets.ts';
import { eventually } from '../../tests/factories/yclient.ts';

const PACE_MS = 10;

interface Loss {
	seen: number;
	missing: number;
}

/**
 * One writer sends `updates` updates (a key each), one every PACE_MS; once another client has
 * received them all (the server took them), the server is killed with SIGKILL while both are still
 * connected (a last client leaving would make Hocuspocus store at once), started again on the same
 * store, and a new client counts the keys that came back.
 */
async function crashLoss(target: Target, updates: number): Promise<Loss> {
	if (!target.crash) throw new Error(`${target.kind} has no store to crash`);
	const boardId = await target.addBoard(buildBoard(20).update);
	const writer = new Wire(target.endpoint, boardId);
	const reader = new Wire(target.endpoint, boardId, { applyUpdates: true });
	await Promise.all([writer.synced, reader.synced]);
	const keys = writer.doc.getMap<number>('crash');
	for (let i = 0; i < updates; i++) {
		keys.set(`k${i}`, i);
		await sleep(PACE_MS);
	}
	const seen = () => reader.doc.getMap('crash').size;
	await eventually(() => seen() >= updates, 15_000, 'every update broadcast').catch(() => {});
	const received = seen();
	await target.crash();
	await Promise.all([writer.close(), reader.close()]);
	const after = new Wire(target.endpoint, boardId);
	await after.synced;
	const kept = after.doc.getMap('crash').size;
	await after.close();
	return { seen: received, missing: received - kept };
}

export const p9: Scenario = {
	id: 'P9',
	title: 'durability: updates broadcast to another client, then kill -9 and restart',
	async run(context) {
		const updates = scaled(context, 500, 100);
		const kinds = context.kinds.filter((kind) => kind !== 'bare');
		const r = await onBoth(context, (target) => crashLoss(target, updates), kinds);
		const title = `${this.title} (${updates} updates, one every ${PACE_MS} ms)`;
		const row = rowsOf('P9', title, r);
		const missing = row('broadcast but missing from the store after restart', 'count', (l) => l.missing);
		missing.goal = '0';
		missing.met = missing.ours === null ? null : missing.ours === 0;
		missing.note = 'bare: no store';
		return [row('updates the other client received', 'count', (l) => l.seen), missing];
	}
};
