import Papa from 'papaparse';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { generateSessionToken } from '../../src/lib/server/auth/token.ts';
import { cardOfText, renameCardText } from '../../src/lib/board/card-texts.ts';
import { remapJson, remapValue } from '../../src/lib/server/transfer/remap.ts';
import type { BoardFile } from '../../src/lib/server/transfer/board-file.ts';
import { openTestDb } from '../factories/accounts.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { eventually } from '../factories/yclient.ts';

/**
 * Export and restore on the demo board (every stage filled in, a closed stand-up with decisions),
 * plus a conversation written through the card page: the CSV opens in a CSV parser with the
 * conventions of each language, and a backup restored into a new board gives the same board back.
 */

let server: RunningServer;
let db: Db;
let cookie = '';
let boardId = '';

beforeAll(async () => {
	server = await startServer({ env: { SEED_DEMO: 'true' } });
	db = openTestDb(server.dbPath);
	const owner = await db
		.selectFrom('membership')
		.select('user_id')
		.where('role', '=', 'owner')
		.executeTakeFirstOrThrow();
	const token = generateSessionToken();
	await createSession(db, token, owner.user_id);
	cookie = `session=${token}`;
	const boards = await db.selectFrom('board').select(['id']).orderBy('created_at').execute();
	boardId = boards[0]?.id ?? '';
	// The demo's card rows come from the board's projection, which may still be writing them.
	const firstCard = () => db.selectFrom('card').select('id').where('board_id', '=', boardId).executeTakeFirst();
	await eventually(async () => (await firstCard()) !== undefined, 10_000, 'the demo board projected');
	const card = (await firstCard())!;
	const commented = await post(`/b/${boardId}/c/${card.id}?/comment`, {
		body: 'Premier avis ; « guillemets », virgules'
	});
	expect(commented.status).toBe(200);
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await db?.destroy();
});

function post(path: string, fields: Record<string, string> | FormData) {
	const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
	return fetch(server.url + path, {
		method: 'POST',
		headers: { Cookie: cookie, Origin: server.url, Accept: 'application/json' },
		body,
		redirect: 'manual'
	});
}

function get(path: string, locale = 'fr') {
	return fetch(server.url + path, { headers: { Cookie: `${cookie}; PARAGLIDE_LOCALE=${locale}` } });
}

describe('initiatives as CSV', () => {
	it('in French: BOM, semicolons, decimal commas; one row per live card', async () => {
		const res = await get(`/b/${boardId}/transfer/initiatives.csv`, 'fr');
		expect(res.headers.get('content-type')).toContain('text/csv');
		const buffer = new Uint8Array(await res.arrayBuffer());
		expect([...buffer.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer).slice(1);
		const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ';' });
		expect(parsed.errors).toEqual([]);
		const [header, ...rows] = parsed.data;
		expect(header).toEqual([
			'Initiative',
			'Étape',
			'Responsable',
			'Équipe',
			'Objectif (indicateur)',
			'Valeur de départ',
			'Cible',
			'Dernière valeur',
			'Statut',
			'Résultat'
		]);
		const live = await db
			.selectFrom('card')
			.select('title')
			.where('board_id', '=', boardId)
			.where('archived', '=', 0)
			.execute();
		expect(rows.map((r) => r[0]).sort()).toEqual(live.map((c) => c.title).sort());
		const numbers = rows.flatMap((r) => r.slice(5, 8)).filter((cell) => cell !== '');
		expect(numbers.length).toBeGreaterThan(0);
		for (const cell of numbers) expect(cell).toMatch(/^-?\d+(,\d+)?$/);
		expect(numbers.some((cell) => cell.includes(','))).toBe(true);
		expect(rows.some((r) => r[2] !== '' && r[8] !== '')).toBe(true);
	});

	it('in English: commas between fields and decimal points', async () => {
		const text = (await (await get(`/b/${boardId}/transfer/initiatives.csv`, 'en')).text()).replace(/^\uFEFF/, '');
		const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ',' });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data[0]?.[1]).toBe('Stage');
		const numbers = parsed.data
			.slice(1)
			.flatMap((r) => r.slice(5, 8))
			.filter((cell) => cell !== '');
		for (const cell of numbers) expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
		expect(numbers.some((cell) => cell.includes('.'))).toBe(true);
	});
});

/** The documents as JSON and the rows, ids replaced by `ids` (from the first board's to the restored one's). */
function comparable(file: BoardFile, ids: ReadonlyMap<string, string>) {
	const doc = (b64: string) => {
		const d = new Y.Doc();
		Y.applyUpdate(d, Buffer.from(b64, 'base64'));
		return Object.fromEntries(
			[...d.share.keys()].map((name) => {
				const card = cardOfText(name); // a card's text is named after it: the name takes the restored id
				if (card !== null) return [renameCardText(name, ids.get(card) ?? card), d.getText(name).toString()];
				return [name, d.getMap(name).toJSON()];
			})
		);
	};
	const { exportedAt: _, documents, cardEvents, standups, ...rest } = file;
	const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
	return {
		...(remapValue(rest, ids) as object),
		board: remapValue(doc(documents.board), ids),
		feed: remapValue(doc(documents.feed), ids),
		cardEvents: sorted(cardEvents.map((e) => ({ ...(remapValue(e, ids) as object), data: remapJson(e.data, ids) }))),
		standups: sorted(
			standups.map((s) =>
				remapValue(
					{
						...s,
						summary: s.summary && JSON.parse(s.summary),
						agenda: s.agenda && JSON.parse(s.agenda),
						options: s.options && JSON.parse(s.options)
					},
					ids
				)
			)
		)
	};
}

async function download(id: string): Promise<BoardFile> {
	const res = await get(`/b/${id}/transfer/board.json`);
	expect(res.status).toBe(200);
	return (await res.json()) as BoardFile;
}

/** Pairs each id of the first export with the restored one's, by position (same cards, rows in the same order). */
function pairIds(a: BoardFile, b: BoardFile): Map<string, string> {
	const ids = new Map<string, string>();
	// Cards by title and place (the document's key order is not its insertion order).
	const keys = (f: BoardFile) => {
		const d = new Y.Doc();
		Y.applyUpdate(d, Buffer.from(f.documents.board, 'base64'));
		const cards = Object.entries(d.getMap('cards').toJSON() as Record<string, { title: string; rank: string }>);
		return cards.sort(([, p], [, q]) => `${p.title}${p.rank}`.localeCompare(`${q.title}${q.rank}`)).map(([id]) => id);
	};
	const pair = (x: string[], y: string[]) => x.forEach((id, i) => ids.set(id, y[i] ?? ''));
	pair(keys(a), keys(b));
	for (const key of ['comments', 'standups', 'standupDecisions'] as const)
		pair(
			a[key].map((r) => r.id),
			b[key].map((r) => r.id)
		);
	// The restored file's card ids are new already; the first file's are mapped to them, so both sort alike.
	const cardKey = (id: string) => ids.get(id) ?? id;
	const events = (f: BoardFile) =>
		[...f.cardEvents]
			.sort(
				(p, q) =>
					p.created_at - q.created_at ||
					p.kind.localeCompare(q.kind) ||
					cardKey(p.card_id).localeCompare(cardKey(q.card_id)) ||
					p.data.localeCompare(q.data)
			)
			.map((e) => e.id);
	pair(events(a), events(b));
	return ids;
}

describe('board backup and restore', () => {
	it('restores into a new board identical to the first: documents and rows', async () => {
		const first = await download(boardId);
		expect(first.format).toBe('bouture-board');
		expect(first.comments.length).toBeGreaterThan(0);
		expect(first.standupDecisions.length).toBeGreaterThan(0);
		const form = new FormData();
		form.set('file', new Blob([JSON.stringify(first)], { type: 'application/json' }), 'backup.json');
		const before = await db.selectFrom('board').select('id').execute();
		const res = await fetch(`${server.url}/b/${boardId}/transfer?/restore`, {
			method: 'POST',
			headers: { Cookie: cookie, Origin: server.url },
			body: form,
			redirect: 'manual'
		});
		const after = await db.selectFrom('board').select('id').execute();
		expect(after.length).toBe(before.length + 1);
		const restoredId = after.map((b) => b.id).find((id) => !before.some((b) => b.id === id)) ?? '';
		expect([303, 200]).toContain(res.status);
		const second = await download(restoredId);
		expect(second.board.name).toBe(`${first.board.name} (restauré)`);
		second.board.name = first.board.name;
		const ids = pairIds(first, second);
		expect(new Set(ids.values()).size).toBe(ids.size);
		for (const [from, to] of ids) expect(to).not.toBe(from);
		expect(comparable(second, new Map())).toEqual(comparable(first, ids));
		const cards = await db
			.selectFrom('card')
			.select(['title', 'stage', 'owner_id', 'team_id'])
			.where('board_id', '=', restoredId)
			.orderBy('title')
			.execute();
		const original = await db
			.selectFrom('card')
			.select(['title', 'stage', 'owner_id', 'team_id'])
			.where('board_id', '=', boardId)
			.orderBy('title')
			.execute();
		expect(cards).toEqual(original);
	}, 30_000);

	it('refuses a malformed file, naming the field, and changes nothing', async () => {
		const count = async () => (await db.selectFrom('board').select('id').execute()).length;
		const before = await count();
		const broken = { ...(await download(boardId)), comments: [{ id: 1 }] };
		const cases: [Blob, string][] = [
			[new Blob(['{not json']), 'json'],
			[new Blob([JSON.stringify(broken)]), 'comments.0.id'],
			[
				new Blob([JSON.stringify({ ...broken, comments: [], documents: { board: '/////w==', feed: '' } })]),
				'documents.board'
			],
			[new Blob([new Uint8Array(11 * 1024 * 1024)]), 'too-large']
		];
		for (const [blob, named] of cases) {
			const form = new FormData();
			form.set('file', blob, 'backup.json');
			const res = await post(`/b/${boardId}/transfer?/restore`, form);
			expect(res.status, named).toBe(400);
			expect(((await res.json()) as { data: string }).data, named).toContain(named);
		}
		expect(await count()).toBe(before);
	}, 30_000);
});
