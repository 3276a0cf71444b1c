import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCardRow } from '../factories/cards.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { addTeamMember, createTeam } from '../../src/lib/server/services/teams.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

let server: RunningServer;
let db: Db;
let owner: Member;
let claire: Member;
let stranger: Member;
let boardId: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivier');
	claire = await createPerson(db, owner.organizationId, 'Claire');
	stranger = await createMember(db, 'Stranger');
	const atelier = (await createTeam(db, owner.organizationId, { name: 'Atelier', color: '#2f855a' }))!;
	const vente = (await createTeam(db, owner.organizationId, { name: 'Vente', color: '#2b6cb0' }))!;
	await addTeamMember(db, owner.organizationId, atelier, claire.userId);
	boardId = await createTestBoard(db, owner, 'Vrac');
	const now = Date.now();
	const card = (id: string, title: string, teamId: string) => insertCardRow(db, { id, boardId, title, teamId });
	const [sold, made] = [newId(), newId()];
	await Promise.all([card(sold, 'Salon de printemps', vente), card(made, 'Nouvelle presse', atelier)]);
	const comment = (cardId: string) => ({
		id: newId(),
		board_id: boardId,
		card_id: cardId,
		parent_id: null,
		author_id: claire.userId,
		body: 'x',
		created_at: now - 1000,
		edited_at: null,
		deleted_at: null
	});
	await db
		.insertInto('comment')
		.values([comment(sold), comment(sold), comment(sold), comment(made)])
		.execute();
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

const get = (who: Member, path: string) =>
	fetch(`${server.url}${path}`, { headers: { Cookie: who.cookie }, redirect: 'manual' });

describe('social map', () => {
	it('shows a board map to its members, with the numbers and the initiatives without outside input', async () => {
		const response = await get(owner, `/b/${boardId}/map`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('3 au total : 3 commentaires, 0 aides, 0 signaux');
		expect(html).toContain('Nouvelle presse');
	});

	it('hides a board from another organisation, and the organisation map from plain members', async () => {
		expect((await get(stranger, `/b/${boardId}/map`)).status).toBe(404);
		expect((await get(claire, '/map')).status).toBe(403);
		expect((await get(claire, '/admin/map')).status).toBe(403);
		expect((await get(owner, '/map')).headers.get('location')).toBe('/admin/map');
		expect((await get(owner, '/admin/map')).status).toBe(200);
	});
});
