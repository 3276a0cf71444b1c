import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readList } from '../../src/lib/board/sections.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createTeam } from '../../src/lib/server/services/teams.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, eventually, whenSynced, type Client } from '../factories/yclient.ts';
import { generateLargeTrelloBoard } from '../fixtures/trello/generate-large.ts';

/**
 * Trello exports imported through the board's live room: a y-websocket client connected before the
 * import sees the cards arrive; people are matched by e-mail, unknown ones named in their comments.
 */

const SMALL = readFileSync(new URL('../fixtures/trello/small-board.json', import.meta.url), 'utf8');

let server: RunningServer;
let db: Db;
let owner: Member;
let camille: Member;
let teamId = '';

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Owner');
	camille = await createPerson(db, owner.organizationId, 'Camille');
	await db.updateTable('user').set({ email: 'camille.martin@atelier.test' }).where('id', '=', camille.userId).execute();
	const ana = await createPerson(db, owner.organizationId, 'Ana');
	await db.updateTable('user').set({ email: 'ana.souza@example.test' }).where('id', '=', ana.userId).execute();
	teamId = (await createTeam(db, owner.organizationId, { name: 'Atelier', color: '#2f7d4f' })) ?? '';
}, 30_000);

afterAll(async () => {
	await server?.stop();
	await db?.destroy();
});

function send(boardId: string, action: 'preview' | 'import', file: string | Blob, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', typeof file === 'string' ? new Blob([file], { type: 'application/json' }) : file, 'trello.json');
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return fetch(`${server.url}/b/${boardId}/transfer/trello?/${action}`, {
		method: 'POST',
		headers: { Cookie: owner.cookie, Origin: server.url, Accept: 'application/json' },
		body: form
	});
}

async function connected(boardId: string): Promise<Client> {
	const client = connectClient(server.url, boardId, owner.cookie);
	await whenSynced(client);
	return client;
}

type CardJson = {
	title: string;
	stage: string;
	archived: boolean;
	deadline?: string;
	teamId?: string;
	ownerId?: string;
	description: string;
	strengths: { text: string }[];
};
/** The cards' fields as stored, and their strengths as the board reads them (where they are stored is its business). */
const cardsOf = (client: Client): CardJson[] =>
	[...client.doc.getMap<Y.Map<unknown>>('cards').values()].map((card) => ({
		...(card.toJSON() as CardJson),
		strengths: readList(card, 'strengths')
	}));

describe('Trello import', () => {
	it('imports the small board with the mapping chosen, live for a connected client', async () => {
		const boardId = await createTestBoard(db, owner, 'From Trello');
		const client = await connected(boardId);
		const preview = await send(boardId, 'preview', SMALL);
		expect(preview.status).toBe(200);
		const shown = await preview.text();
		expect(shown).toContain('Camille Martin');
		expect(client.doc.getMap('cards').size).toBe(0); // a preview writes nothing
		const res = await send(boardId, 'import', SMALL, {
			'list:list-idees': 'ideas',
			'list:list-etude': 'objective', // changed from the guess (review)
			'list:list-cours': 'rollout',
			'list:list-fait': 'outcome',
			'list:list-vieux': 'ideas',
			'label:lbl-atelier': `team:${teamId}`,
			'label:lbl-boutique': 'tag',
			'label:lbl-urgent': 'ignore',
			checklists: 'review'
		});
		expect(res.status).toBe(200);
		await eventually(() => client.doc.getMap('cards').size === 5, 5000, 'five cards');
		const byTitle = new Map(cardsOf(client).map((c) => [c.title, c]));
		const fidelite = byTitle.get('Carte de fidélité numérique');
		expect(fidelite).toMatchObject({
			stage: 'ideas',
			deadline: '2025-06-30',
			ownerId: camille.userId,
			archived: false
		});
		expect(fidelite?.description).toContain('Tags: Boutique');
		expect((fidelite?.strengths ?? []).map((s) => s.text).sort()).toEqual([
			'[ ] Sonder dix habitués',
			'[x] Demander le devis du logiciel de caisse'
		]);
		expect(byTitle.get('Réduire le temps de chauffe du four')).toMatchObject({ stage: 'objective', teamId });
		expect(byTitle.get('Réduire le temps de chauffe du four')?.description).not.toContain('Urgent');
		expect(byTitle.get("Horaires d'été affichés en vitrine")?.archived).toBe(true);
		expect(byTitle.get('Pain au levain du dimanche')?.archived).toBe(true); // its list was closed
		const comments = await db
			.selectFrom('comment')
			.select(['author_id', 'body', 'created_at'])
			.where('board_id', '=', boardId)
			.orderBy('created_at')
			.execute();
		expect(comments).toEqual([
			{
				author_id: camille.userId,
				body: 'Le logiciel de caisse le fait déjà, à vérifier.',
				created_at: Date.parse('2025-03-01T14:05:00.000Z')
			},
			{
				author_id: owner.userId,
				body: '**Yann Le Goff** (2025-03-02) :\n\nAttention au RGPD pour les numéros de téléphone.',
				created_at: Date.parse('2025-03-02T09:12:44.120Z')
			}
		]);
		client.destroy();
	}, 30_000);

	it('imports 500 cards with their comments and checklists while a client watches', async () => {
		const boardId = await createTestBoard(db, owner, 'Big');
		const client = await connected(boardId);
		const sizes = new Set<number>();
		client.doc.getMap('cards').observe(() => sizes.add(client.doc.getMap('cards').size));
		const file = JSON.stringify(generateLargeTrelloBoard(500));
		const fields = Object.fromEntries(
			['ideas', 'review', 'objective', 'scope', 'rollout', 'outcome'].map((s, i) => [`list:list-${i}`, s])
		);
		const started = performance.now();
		const res = await send(boardId, 'import', file, { ...fields, checklists: 'note' });
		const took = performance.now() - started;
		expect(res.status).toBe(200);
		await eventually(() => client.doc.getMap('cards').size === 500, 20_000, '500 cards');
		console.log(`[trello] 500 cards, 1000 comments imported in ${Math.round(took)} ms (${file.length} bytes)`);
		const cards = cardsOf(client);
		expect(cards.filter((c) => c.archived).length).toBe(10);
		expect(cards.every((c) => c.description.includes('### Steps'))).toBe(true);
		expect(sizes.size).toBeGreaterThan(1); // they arrived in steps, each server write as it was stored
		const comments = await db.selectFrom('comment').select('id').where('board_id', '=', boardId).execute();
		expect(comments.length).toBe(1000);
		client.destroy();
	}, 60_000);

	it('refuses a malformed or huge file, naming the field, and adds nothing', async () => {
		const boardId = await createTestBoard(db, owner, 'Untouched');
		const client = await connected(boardId);
		const noList = JSON.parse(SMALL) as { cards: Record<string, unknown>[] };
		delete noList.cards[1]?.idList;
		const cases: [string | Blob, string][] = [
			['{"name": "x", "lists": [', 'json'],
			[JSON.stringify(noList), 'cards.1.idList'],
			[JSON.stringify({ name: 'x', lists: 'no' }), 'lists'],
			[new Blob([new Uint8Array(11 * 1024 * 1024)]), 'too-large']
		];
		for (const [file, named] of cases) {
			for (const action of ['preview', 'import'] as const) {
				const res = await send(boardId, action, file, { 'list:list-idees': 'ideas' });
				expect(res.status, named).toBe(400);
				expect(((await res.json()) as { data: string }).data, named).toContain(named);
			}
		}
		expect(client.doc.getMap('cards').size).toBe(0);
		expect((await db.selectFrom('comment').select('id').where('board_id', '=', boardId).execute()).length).toBe(0);
		client.destroy();
	}, 30_000);
});
