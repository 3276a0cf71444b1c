import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, moveCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { BoardStore } from '../../src/lib/server/sync/store.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { eventually, whenSynced, type Client } from '../factories/yclient.ts';

const setup = useClusterBoard(2);

const client = (url: string): Client => setup.connect(url);

const cardsOf = (doc: Y.Doc) =>
	readCards(doc)
		.map((card) => `${card.id}:${card.stage}`)
		.sort()
		.join(',');

describe('two processes on one board', () => {
	it('converge, equal a fresh load from the database, and number the updates without gaps', async () => {
		const [a, b] = [setup.cluster.server(0), setup.cluster.server(1)];
		const onA = [client(a.url), client(a.url)];
		const onB = [client(b.url), client(b.url)];
		await Promise.all([...onA, ...onB].map((c) => whenSynced(c)));
		const all = [...onA, ...onB];
		all.forEach((c, i) => {
			for (let n = 0; n < 10; n++)
				createCard(c.doc, {
					id: `c${i}-${n}`,
					title: `${i}/${n}`,
					stage: 'ideas',
					rank: `a${i}${n}`,
					createdBy: setup.alice.userId
				});
		});
		moveCard(onB[0]!.doc, 'c0-0', 'review', 'b');
		await eventually(() => all.every((c) => readCards(c.doc).length === 40), 10_000, 'all cards everywhere');
		await eventually(() => new Set(all.map((c) => cardsOf(c.doc))).size === 1, 10_000, 'one state');
		const stored = await new BoardStore(setup.db).load(setup.boardId);
		expect(cardsOf(stored.doc)).toBe(cardsOf(onA[0]!.doc));
		const seqs = (
			await setup.db
				.selectFrom('board_update')
				.select('seq')
				.where('board_id', '=', setup.boardId)
				.orderBy('seq')
				.execute()
		).map((r) => r.seq);
		expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 1) + i));
	});

	it('shows who is on the board in the other process, and drops them when they leave', async () => {
		const [a, b] = [setup.cluster.server(0), setup.cluster.server(1)];
		const here = client(a.url);
		const there = client(b.url);
		await Promise.all([whenSynced(here), whenSynced(there)]);
		here.provider.awareness.setLocalStateField('user', { id: setup.alice.userId, name: 'forged', color: '#000' });
		const seenThere = () =>
			[...there.provider.awareness.getStates()].find(([id]) => id === here.doc.clientID)?.[1] as
				{ user?: { name?: string } } | undefined;
		await eventually(() => seenThere()?.user?.name === 'Alice', 5000, 'presence across processes');
		here.destroy();
		await eventually(() => seenThere() === undefined, 5000, 'presence gone');
	});
});
