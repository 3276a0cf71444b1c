import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import { createMember } from '../factories/accounts.ts';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { logIn, postForm, within } from '../factories/forms.ts';
import { firstCloseCode, whenSynced } from '../factories/yclient.ts';

const PASSWORD = 'correct horse battery';

const setup = useClusterBoard(2);

const url = (i: number) => setup.cluster.server(i).url;

const post = (i: number, path: string, cookie: string | null, fields: Record<string, string> = {}) =>
	postForm(url(i), path, cookie, fields);

/** Logs in through process i's login page; the session's cookie and id. */
async function logInOn(i: number, email: string): Promise<{ cookie: string; sessionId: string }> {
	const session = await logIn(url(i), email, PASSWORD);
	if (!session) throw new Error(`login on process ${i} failed`);
	return session;
}

const pageStatus = async (i: number, path: string, cookie: string) =>
	(await fetch(`${url(i)}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })).status;

/** A synced socket of `cookie`'s session on process i; resolves the first close code it sees. */
async function openSocket(i: number, cookie: string): Promise<{ closed: Promise<number> }> {
	const client = setup.connect(url(i), { cookie });
	await whenSynced(client);
	const closed = firstCloseCode(client);
	client.provider.shouldConnect = false; // a page would reload into the login page: the old socket only
	return { closed };
}

describe('sessions across processes', () => {
	it('a login on one process opens pages and the board socket on the other', async () => {
		const { cookie } = await logInOn(0, setup.alice.email);
		expect(await pageStatus(1, '/boards', cookie)).toBe(200);
		expect(await pageStatus(1, `/b/${setup.boardId}`, cookie)).toBe(200);
		await openSocket(1, cookie);
	});

	it("a session revoked on the account page of one process closes that session's sockets on the other", async () => {
		const laptop = await logInOn(1, setup.alice.email);
		const socket = await openSocket(1, laptop.cookie);
		const res = await post(0, '/account?/revoke', setup.alice.cookie, { sessionId: laptop.sessionId });
		expect(res.status).toBe(200);
		expect(await within(socket.closed, 5000, 'socket closed')).toBe(CLOSE.unauthorized);
		expect(await pageStatus(1, '/boards', laptop.cookie)).toBe(303);
		expect(await pageStatus(1, '/boards', setup.alice.cookie)).toBe(200);
	});

	it("a logout on one process closes that session's sockets on the other", async () => {
		const phone = await logInOn(0, setup.alice.email);
		const [here, there] = [await openSocket(0, phone.cookie), await openSocket(1, phone.cookie)];
		expect((await post(0, '/logout', phone.cookie)).status).toBe(303);
		expect(await within(there.closed, 5000, 'socket on the other process closed')).toBe(CLOSE.unauthorized);
		expect(await within(here.closed, 5000, 'socket on this process closed')).toBe(CLOSE.unauthorized);
		expect(await pageStatus(1, '/boards', phone.cookie)).toBe(303);
	});

	it('six failed logins alternating processes are slowed down like six on one', async () => {
		const bob = await createMember(setup.db, 'Bob');
		const took: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			const start = Date.now();
			const res = await post(attempt % 2, '/login', null, { email: bob.email, password: 'not the password' });
			took.push(Date.now() - start);
			expect(res.status).toBe(400);
		}
		// Three free failures, then 1 s, 2 s, 4 s (FREE_FAILURES, loginDelay): counted in the database, not per process.
		const least = [0, 0, 0, 1000, 2000, 4000];
		took.forEach((ms, attempt) => expect(ms).toBeGreaterThanOrEqual(least[attempt] ?? 0));
		const counter = await setup.db
			.selectFrom('rate_limit')
			.select('hits')
			.where('key', '=', `login-account:${bob.email}`)
			.executeTakeFirst();
		expect(counter?.hits).toBe(6);
	});
});
