import { afterAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import { readCards } from '../../src/lib/board/schema.ts';
import { currentGeneration } from '../../src/lib/server/sync/head.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { eventually, GenerationClient, whenSynced, workCardOver, workUntilGeneration } from '../factories/yclient.ts';

// Compactions every few updates and no minimum size: the board starts a new generation quickly.
const setup = useClusterBoard(2, { COMPACT_EVERY: '10', RENEW_MIN_BYTES: '1' });
const clients: GenerationClient[] = [];
afterAll(() => clients.forEach((c) => c.destroy()));

function follow(i: number): GenerationClient {
	const c = new GenerationClient(setup.cluster.server(i).url, setup.boardId, setup.alice.cookie);
	clients.push(c);
	return c;
}

const generation = () => currentGeneration(setup.db, setup.boardId);

describe('a new generation with two processes', () => {
	it('the clients of both processes follow it, and go on editing together', { timeout: 60_000 }, async () => {
		const [a, b] = [follow(0), follow(1)];
		await Promise.all([whenSynced(a.current, 10_000), whenSynced(b.current, 10_000)]);
		createCard(a.doc, {
			id: 'card-cluster-01',
			title: 'Pilote',
			stage: 'ideas',
			rank: 'a0',
			createdBy: setup.alice.userId
		});
		await eventually(() => readCards(b.doc).length === 1, 10_000, 'the card on process 1');
		// Both processes' clients work the card over.
		await workUntilGeneration(generation, 1, (round) =>
			[a, b].forEach((c) => workCardOver(c.doc, 'card-cluster-01', round))
		);
		await eventually(() => a.generation === 1 && b.generation === 1, 20_000, 'both clients on generation 1');
		await Promise.all([whenSynced(a.current, 10_000), whenSynced(b.current, 10_000)]);
		createCard(b.doc, {
			id: 'card-cluster-02',
			title: 'Extension',
			stage: 'ideas',
			rank: 'a1',
			createdBy: setup.alice.userId
		});
		await eventually(() => readCards(a.doc).length === 2, 10_000, 'a card made on process 1 after the switch');
		const titles = (c: GenerationClient) =>
			readCards(c.doc)
				.map((card) => card.title)
				.sort();
		expect(titles(a)).toEqual(['Extension', 'Pilote']);
		expect(titles(b)).toEqual(titles(a));
		expect(await generation()).toBe(1);
	});
});
