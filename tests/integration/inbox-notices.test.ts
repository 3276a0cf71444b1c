import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsMap } from '../../src/lib/board/schema.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { until, writeCards } from '../factories/portal.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';

// The inbox as the built server renders it: check-in and closed-help notices in words, and no link
// to a card that was archived or deleted since.

let server: RunningServer;
let db: Db;
let owner: Member;
let boardId: string;
let live: string;
let archived: string;
let deleted: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivier');
	boardId = await createTestBoard(db, owner, 'Boîte');
	[live, archived, deleted] = (await writeCards(server.url, db, owner, boardId, [
		{ title: 'Carte vivante' },
		{ title: 'Carte archivée', archived: true },
		{ title: 'Carte supprimée' }
	])) as [string, string, string];
	const client = connectClient(server.url, boardId, owner.cookie);
	await whenSynced(client);
	cardsMap(client.doc).delete(deleted);
	await until(
		async () => !(await db.selectFrom('card').select('id').where('id', '=', deleted).executeTakeFirst()),
		'the deleted card out of the projection'
	);
	client.destroy();
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

async function notify(cardId: string, kind: string, data: Record<string, unknown>, at: number) {
	await db
		.insertInto('notification')
		.values({
			id: newId(),
			user_id: owner.userId,
			kind,
			board_id: boardId,
			card_id: cardId,
			actor_id: owner.userId,
			data: JSON.stringify(data),
			created_at: at,
			read_at: null
		})
		.execute();
}

/** The inbox's list items, as HTML, newest first. */
async function inboxItems(): Promise<string[]> {
	const response = await fetch(`${server.url}/inbox`, { headers: { Cookie: owner.cookie } });
	expect(response.status).toBe(200);
	const html = await response.text();
	const list = /<ul[^>]*aria-label="Vos notifications[^"]*"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
	return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
}

const linkTo = (cardId: string) => `href="/b/${boardId}/c/${cardId}"`;

describe('the inbox', () => {
	it('words check-ins due and missed with their date, and a help request answered', async () => {
		const now = Date.now();
		await notify(live, 'check-in', { title: 'Carte vivante', date: '2030-01-14', missed: false }, now - 3000);
		await notify(live, 'check-in', { title: 'Carte vivante', date: '2030-01-14', missed: true }, now - 2000);
		await notify(live, 'help-closed', { title: 'Carte vivante', by: 'answer' }, now - 1000);
		const [answered, missed, due] = await inboxItems();
		expect(due).toContain('Point d’étape attendu le 14 janvier 2030 sur « Carte vivante »');
		expect(missed).toContain('Point d’étape du 14 janvier 2030 manqué sur « Carte vivante »');
		expect(answered).toContain('Olivier a répondu à votre demande d’aide sur « Carte vivante » : elle est close');
		for (const item of [answered, missed, due]) {
			expect(item).toContain(linkTo(live));
			expect(item).not.toContain('Carte supprimée ou archivée');
		}
	});

	it('shows notices of a card archived or deleted since without a link, marked removed', async () => {
		const now = Date.now() + 10_000;
		await notify(archived, 'stage', { title: 'Carte archivée' }, now);
		await notify(deleted, 'signal', { title: 'Carte supprimée' }, now + 1);
		const [gone, hidden] = await inboxItems();
		expect(gone).toContain('Nouveau signal sur « Carte supprimée »');
		expect(hidden).toContain('« Carte archivée » a changé d’étape');
		for (const [item, cardId] of [
			[gone, deleted],
			[hidden, archived]
		] as const) {
			expect(item).toContain('Carte supprimée ou archivée');
			expect(item).not.toContain(linkTo(cardId!));
			expect(item).not.toContain('<a ');
		}
	});
});
