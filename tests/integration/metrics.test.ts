import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../src/lib/board/commands.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';
import { seedFlowBoard } from '../factories/flow.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';

/**
 * The metrics pages and their CSV export against a real server: figures computed from the card log
 * (backdated moves written into it), the portfolio from the live board, restricted boards left out of
 * the organisation's figures for people who may not open them.
 */

let server: RunningServer;
let db: Db;
let owner: Member;
let member: Member;
let boardId: string;
let hiddenId: string;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Odile');
	member = await createPerson(db, owner.organizationId, 'Mehdi', 'member');
	boardId = await createTestBoard(db, owner, 'Atelier');
	hiddenId = await createTestBoard(db, owner, 'Direction');
	await db.updateTable('board').set({ visibility: 'restricted' }).where('id', '=', hiddenId).execute();
	const hidden = connectClient(server.url, hiddenId, owner.cookie);
	await whenSynced(hidden);
	createCard(hidden.doc, {
		id: 'hidden-card-000001',
		title: 'Projet confidentiel',
		stage: 'ideas',
		rank: 'a0',
		createdBy: owner.userId
	});
	await new Promise((r) => setTimeout(r, 200)); // stored before the client leaves
	hidden.destroy();

	await seedFlowBoard(server.url, db, owner, boardId);
}, 30_000);

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

const get = (path: string, who: Member) => fetch(server.url + path, { headers: { Cookie: who.cookie } });
const JANUARY = 'from=2026-01-01&to=2026-01-31';

describe('the metrics CSV export', () => {
	it('gives the period’s figures from the log, with a BOM, in the reader’s language', async () => {
		const res = await get(`/b/${boardId}/metrics/export?${JANUARY}&figure=time`, member);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain(
			'attachment; filename="Atelier-time-2026-01-01-2026-01-31.csv"'
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text).toContain('Étape,Initiatives,Médiane (jours),85e centile (jours)');
		expect(text).toContain('Revue,1,10,10');
		expect(text).toContain('Idées & signaux,1,2,2');
		expect(text).toContain('Temps de cycle Revue → Résultat,1,10,10');
	});

	it('counts throughput per local week and the outcome rate', async () => {
		const weeks = await (await get(`/b/${boardId}/metrics/export?${JANUARY}&figure=throughput`, member)).text();
		expect(weeks).toContain('2026-01-12,1\r\n');
		expect(weeks).toContain('2026-01-05,0\r\n');
		const outcomes = await (await get(`/b/${boardId}/metrics/export?${JANUARY}&figure=outcomes`, member)).text();
		expect(outcomes).toMatch(/Généralisée?,1,100/);
	});

	it('refuses a figure it does not know, naming it', async () => {
		const res = await get(`/b/${boardId}/metrics/export?figure=nope`, member);
		expect(res.status).toBe(400);
	});

	it('exports the portfolio: the initiative under its objective, with progress and effect', async () => {
		const text = await (await get(`/b/${boardId}/metrics/export?figure=portfolio`, owner)).text();
		expect(text).toContain('Réduire les délais,Relances automatiques,Déploiement,');
		expect(text).toMatch(/,35,30,jours,50,5\r\n/);
	});
});

describe('the metrics pages', () => {
	it('shows the board’s figures and its portfolio', async () => {
		const html = await (await get(`/b/${boardId}/metrics?${JANUARY}`, member)).text();
		expect(html).toContain('Flux cumulé');
		expect(html).toContain('Réduire les délais');
		expect(html).toContain('Relances automatiques');
		expect(html).toContain('Effet total : +5 jours');
	});

	it('says which field of the period is wrong', async () => {
		const html = await (await get(`/b/${boardId}/metrics?from=2026-02-31`, member)).text();
		expect(html).toContain('« from » n’est pas valide');
	});

	it('leaves out of the organisation’s figures a board the reader may not open', async () => {
		const mine = await (await get('/metrics/export?figure=portfolio', member)).text();
		expect(mine).toContain('Relances automatiques');
		expect(mine).not.toContain('Projet confidentiel');
		const theirs = await (await get('/metrics/export?figure=portfolio', owner)).text();
		expect(theirs).toContain('Projet confidentiel');
	});
});
