import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open.ts';
import { createMember, createTestBoard, openTestDb, type Member } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { startServer, type RunningServer } from '../factories/server.ts';

/** Invitations through the real form actions of the built server: a plain browser's form posts. */

let server: RunningServer;
let db: Db;
let owner: Member;
let manager: Member;
let member: Member;
let boardId: string;
let counter = 0;

beforeAll(async () => {
	server = await startServer();
	db = openTestDb(server.dbPath);
	owner = await createMember(db, 'Olivia');
	manager = await createPerson(db, owner.organizationId, 'Marc', 'manager');
	member = await createPerson(db, owner.organizationId, 'Mona', 'member');
	boardId = await createTestBoard(db, owner, 'Fournil');
});

afterAll(async () => {
	await server.stop();
	await db.destroy();
});

function post(path: string, fields: Record<string, string>, cookie?: string, lang = 'fr'): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			Origin: server.url,
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'text/html',
			'Accept-Language': lang,
			...(cookie ? { Cookie: cookie } : {})
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

function get(path: string, cookie?: string, lang = 'fr'): Promise<Response> {
	const headers = { 'Accept-Language': lang, ...(cookie ? { Cookie: cookie } : {}) };
	return fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
}

/** Creates a link through the admin form and returns its token, read from the page like a person would. */
async function invite(fields: Record<string, string>, by: Member = owner): Promise<string> {
	const res = await post('/admin/invitations?/create', { days: '7', boardId: '', company: '', ...fields }, by.cookie);
	const html = await res.text();
	expect(res.status, html.slice(0, 300)).toBe(200);
	const token = new RegExp(`value="${server.url}/invite/([a-z2-7]{32})"`).exec(html)?.[1];
	if (!token) throw new Error('no invitation link on the page');
	return token;
}

function newcomer(name: string) {
	counter += 1;
	return {
		name,
		email: `${name.toLowerCase()}-${counter}-${Date.now()}@example.test`,
		password: 'un mot de passe solide'
	};
}

const idOf = (token: string) => createHash('sha256').update(token).digest('hex');
const sessionCookie = (res: Response) => /^session=[a-z2-7]{32}/.exec(res.headers.get('set-cookie') ?? '')?.[0];

async function membershipsOf(email: string) {
	return db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['membership.organization_id', 'membership.role', 'membership.company'])
		.where('user.email', '=', email)
		.execute();
}

async function userExists(email: string): Promise<boolean> {
	return (await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

describe('a new person signs up through a link', () => {
	it('joins the inviting organisation as a member, owns no organisation, and lands on the board', async () => {
		const token = await invite({ role: 'member', boardId });
		const stored = await db.selectFrom('invitation').selectAll().where('id', '=', idOf(token)).executeTakeFirst();
		expect(stored).toMatchObject({ organization_id: owner.organizationId, role: 'member', board_id: boardId });
		expect(JSON.stringify(await db.selectFrom('invitation').selectAll().execute())).not.toContain(token);

		const page = await (await get(`/invite/${token}`)).text();
		expect(page).toContain('Olivia SARL vous invite');
		expect(page).toContain('Votre rôle : Membre');
		expect(page).not.toContain('Nom de l’organisation');

		const organizations = (await db.selectFrom('organization').select('id').execute()).length;
		const nina = newcomer('Nina');
		const res = await post(`/invite/${token}?/signup`, nina);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/b/${boardId}`);
		const cookie = sessionCookie(res);
		expect(cookie).toBeDefined();
		expect((await get(`/b/${boardId}`, cookie)).status).toBe(200);
		expect(await membershipsOf(nina.email)).toEqual([
			{ organization_id: owner.organizationId, role: 'member', company: null }
		]);
		expect(await db.selectFrom('organization').select('id').execute()).toHaveLength(organizations);
	});

	it('a guest link needs a company; the guest joins with it and is sent to the portal', async () => {
		const refused = await post('/admin/invitations?/create', { role: 'guest', company: ' ', days: '7' }, owner.cookie);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Saisissez le nom de l’entreprise');

		const token = await invite({ role: 'guest', company: 'Boulangerie Martin', boardId });
		expect(await (await get(`/invite/${token}`)).text()).toContain('invité de l’entreprise Boulangerie Martin');
		const gaston = newcomer('Gaston');
		const res = await post(`/invite/${token}?/signup`, gaston);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/portal');
		expect(await membershipsOf(gaston.email)).toEqual([
			{ organization_id: owner.organizationId, role: 'guest', company: 'Boulangerie Martin' }
		]);
	});

	it('an e-mail that already has an account is sent to log in, and the link stays usable', async () => {
		const token = await invite({ role: 'member' });
		const res = await post(`/invite/${token}?/signup`, { ...newcomer('Twin'), email: owner.email });
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('Cet e-mail a déjà un compte');
		expect((await get(`/invite/${token}`)).status).toBe(200);
		expect(await (await get(`/invite/${token}`)).text()).toContain('Créer mon compte et rejoindre');
	});
});

describe('an existing account accepts', () => {
	it('is sent to log in first, then gets a new membership and lands on its boards', async () => {
		const token = await invite({ role: 'manager' });
		const anonymous = await post(`/invite/${token}?/accept`, {});
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/invite/${token}`)}`);

		const paul = await createMember(db, 'Paul');
		expect(await (await get(`/invite/${token}`, paul.cookie)).text()).toContain('Accepter l’invitation');
		const res = await post(`/invite/${token}?/accept`, {}, paul.cookie);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/boards');
		const roles = await membershipsOf(paul.email);
		expect(roles).toContainEqual({ organization_id: owner.organizationId, role: 'manager', company: null });
		expect(roles).toContainEqual({ organization_id: paul.organizationId, role: 'owner', company: null });
	});

	it('someone already in the organisation is told so and the link stays pending', async () => {
		const token = await invite({ role: 'member' });
		expect(await (await get(`/invite/${token}`, member.cookie)).text()).toContain(
			'Vous faites déjà partie de Olivia SARL'
		);
		const res = await post(`/invite/${token}?/accept`, {}, member.cookie);
		expect(res.status).toBe(409);
		const row = await db.selectFrom('invitation').select('used_at').where('id', '=', idOf(token)).executeTakeFirst();
		expect(row?.used_at).toBeNull();
	});

	it('two accepts at once: exactly one wins', async () => {
		const token = await invite({ role: 'member' });
		const racers = await Promise.all([createMember(db, 'Rita'), createMember(db, 'Remi')]);
		const results = await Promise.all(racers.map((r) => post(`/invite/${token}?/accept`, {}, r.cookie)));
		expect(results.map((r) => r.status).sort()).toEqual([303, 410]);
		const joined = await db
			.selectFrom('membership')
			.select('user_id')
			.where('organization_id', '=', owner.organizationId)
			.where(
				'user_id',
				'in',
				racers.map((r) => r.userId)
			)
			.execute();
		expect(joined).toHaveLength(1);
	});
});

describe('links that cannot be used are refused clearly, and create nothing', () => {
	it('a used link', async () => {
		const token = await invite({ role: 'member' });
		expect((await post(`/invite/${token}?/signup`, newcomer('First'))).status).toBe(303);
		expect(await (await get(`/invite/${token}`)).text()).toContain('Invitation déjà utilisée');
		const second = newcomer('Second');
		const res = await post(`/invite/${token}?/signup`, second);
		expect(res.status).toBe(410);
		expect(await res.text()).toContain('Aucun compte n’a été créé.');
		expect(await userExists(second.email)).toBe(false);
	});

	it('a revoked link (revoked from the admin page, once)', async () => {
		const token = await invite({ role: 'member' });
		expect((await post('/admin/invitations?/revoke', { id: idOf(token) }, owner.cookie)).status).toBe(200);
		expect((await post('/admin/invitations?/revoke', { id: idOf(token) }, owner.cookie)).status).toBe(409);
		expect(await (await get(`/invite/${token}`)).text()).toContain('Invitation révoquée');
		const late = newcomer('Late');
		expect((await post(`/invite/${token}?/signup`, late)).status).toBe(410);
		expect(await userExists(late.email)).toBe(false);
	});

	it('an expired link', async () => {
		const token = await invite({ role: 'member', days: '1' });
		await db
			.updateTable('invitation')
			.set({ expires_at: Date.now() - 1000 })
			.where('id', '=', idOf(token))
			.execute();
		expect(await (await get(`/invite/${token}`)).text()).toContain('Invitation expirée');
		expect(await (await get(`/invite/${token}`, undefined, 'en')).text()).toContain('Invitation expired');
		const paul = await createMember(db, 'Paul');
		expect((await post(`/invite/${token}?/accept`, {}, paul.cookie)).status).toBe(410);
		expect(await membershipsOf(paul.email)).toHaveLength(1);
	});

	it('an unknown or malformed link, in both languages', async () => {
		for (const token of ['a'.repeat(32), 'not-a-token']) {
			expect(await (await get(`/invite/${token}`)).text()).toContain('Lien d’invitation invalide');
			expect(await (await get(`/invite/${token}`, undefined, 'en')).text()).toContain('Invalid invitation link');
		}
	});
});

describe('who may invite', () => {
	it('members, guests and anonymous visitors may not', async () => {
		expect((await get('/admin/invitations', member.cookie)).status).toBe(403);
		expect((await post('/admin/invitations?/create', { role: 'member', days: '7' }, member.cookie)).status).toBe(403);
		const anonymous = await get('/admin/invitations');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Finvitations');
	});

	it('a manager invites members and guests, but not managers, and cannot revoke a manager’s link', async () => {
		const page = await (await get('/admin/invitations', manager.cookie)).text();
		expect(page).toContain('<option value="guest"');
		expect(page).not.toContain('<option value="manager"');
		expect((await post('/admin/invitations?/create', { role: 'manager', days: '7' }, manager.cookie)).status).toBe(403);
		expect((await post('/admin/invitations?/create', { role: 'owner', days: '7' }, owner.cookie)).status).toBe(403);
		await invite({ role: 'member' }, manager);
		const managerLink = await invite({ role: 'manager' });
		expect((await post('/admin/invitations?/revoke', { id: idOf(managerLink) }, manager.cookie)).status).toBe(403);
	});

	it('another organisation sees none of these invitations, nor their boards', async () => {
		const stranger = await createMember(db, 'Stranger');
		const token = await invite({ role: 'member' });
		expect((await post('/admin/invitations?/revoke', { id: idOf(token) }, stranger.cookie)).status).toBe(404);
		expect(await (await get('/admin/invitations', stranger.cookie)).text()).not.toContain('Fournil');
		const res = await post('/admin/invitations?/create', { role: 'member', boardId, days: '7' }, stranger.cookie);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Choisissez un tableau de l’organisation.');
	});

	it('lists each invitation with its status', async () => {
		const page = await (await get('/admin/invitations', owner.cookie)).text();
		for (const status of ['pending', 'used', 'expired', 'revoked']) expect(page).toContain(`data-status="${status}"`);
		expect(page).toContain('Utilisée par Nina');
	});

	it('refuses an expiry outside 1 to 30 days', async () => {
		for (const days of ['0', '31', 'x']) {
			const res = await post('/admin/invitations?/create', { role: 'member', days }, owner.cookie);
			expect(res.status).toBe(400);
			expect(await res.text()).toContain('Choisissez une durée de 1 à 30 jours.');
		}
	});
});
