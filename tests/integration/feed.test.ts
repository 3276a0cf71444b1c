import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readObjectives, readSettings } from '../../src/lib/board/board-settings.ts';
import { moveCard } from '../../src/lib/board/commands.ts';
import { cardComments } from '../../src/lib/board/comments.ts';
import { readFlags } from '../../src/lib/board/feed.ts';
import { cardOpenHelp } from '../../src/lib/board/help.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { readInbox } from '../../src/lib/board/signal-inbox.ts';
import { cardSignals } from '../../src/lib/board/signals.ts';
import { CLOSE } from '../../src/lib/domain/close-codes.ts';
import { addTeamMember, createTeam } from '../../src/lib/server/services/teams.ts';
import type { Member } from '../factories/accounts.ts';
import { createTestBoard } from '../factories/accounts.ts';
import { startCardBoard, type CardBoard } from '../factories/card-board.ts';
import { failInserts } from '../factories/db-faults.ts';
import { createLegacyCard } from '../factories/legacy-card.ts';
import { connectClient, connectFeed, eventually, whenSynced, type Client } from '../factories/yclient.ts';

let setup: CardBoard;
let claire: Member;
const clients: Client[] = [];

beforeAll(async () => {
	setup = await startCardBoard('Olivier', ['Claire']);
	[claire] = setup.colleagues as [Member];
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await setup.close();
});

async function open(who: Member, kind: 'board' | 'feed', boardId = setup.boardId): Promise<Client> {
	const c = (kind === 'feed' ? connectFeed : connectClient)(setup.server.url, boardId, who.cookie);
	clients.push(c);
	await whenSynced(c);
	return c;
}

function closeCodeOf(client: Client): Promise<number> {
	return new Promise((resolve) => client.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
}

function act(who: Member, action: string, fields: Record<string, string>): Promise<Response> {
	const { server, boardId, cardId } = setup;
	return fetch(`${server.url}/b/${boardId}/c/${cardId}?/${action}`, {
		method: 'POST',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/** Posts a comment and waits until the owner's feed shows it: whatever was sent before has arrived too. */
async function commentAndWait(body: string): Promise<void> {
	expect((await act(setup.owner, 'comment', { body })).status).toBe(200);
	await eventually(() => cardComments(setup.feed.doc, setup.cardId).some((c) => c.body === body), 5000, body);
}

const storedFeedUpdates = async () =>
	Number(
		(
			await setup.db
				.selectFrom('feed_update')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('board_id', '=', setup.boardId)
				.executeTakeFirstOrThrow()
		).n
	);

describe('the read-only feed document', () => {
	it('a member’s client writing to the feed is closed with its code; nothing is stored or broadcast', async () => {
		const forger = await open(claire, 'feed');
		const closed = closeCodeOf(forger);
		const before = await storedFeedUpdates();
		const forged = { parentId: null, authorId: setup.owner.userId, body: 'Jamais écrit', createdAt: 1, editedAt: null };
		forger.doc.transact(() => {
			const card = new Y.Map<unknown>();
			const comments = new Y.Map<unknown>();
			card.set('comments', comments);
			forger.doc.getMap('cards').set(setup.cardId, card);
			comments.set('c_forged_00001', { ...forged, deleted: false });
		});
		expect(await closed).toBe(CLOSE.readOnlyDocument);
		await commentAndWait('Après la tentative');
		expect(cardComments(setup.feed.doc, setup.cardId).map((c) => c.body)).toEqual(['Après la tentative']);
		expect(await storedFeedUpdates()).toBe(before + 1); // the real comment only
	});

	it('a member can no longer erase the help badge or a gate flag: the write has no place to land', async () => {
		const team = (await createTeam(setup.db, setup.owner.organizationId, { name: 'Atelier', color: '#2f855a' }))!;
		await addTeamMember(setup.db, setup.owner.organizationId, team, claire.userId);
		expect((await act(setup.owner, 'askHelp', { teamId: team, body: 'Un coup de main ?' })).status).toBe(200);
		const board = await open(claire, 'board');
		moveCard(board.doc, setup.cardId, 'outcome', 'a0'); // past every gate: flagged by the server
		const { cardId, feed } = setup;
		await eventually(() => cardOpenHelp(feed.doc, cardId).includes(team), 5000, 'the help badge');
		const outcomeFlag = () => readFlags(feed.doc, cardId).some((f) => f.to === 'outcome');
		await eventually(outcomeFlag, 5000, 'the gate flag');
		const flags = readFlags(feed.doc, cardId);

		// In the board document, where these used to live, a write changes nothing anyone reads.
		board.doc.transact(() => {
			const card = getCard(board.doc, cardId)!;
			card.set('openHelp', []);
			const flags = card.get('flags');
			if (flags instanceof Y.Map) for (const key of [...flags.keys()]) flags.delete(key);
		});
		// In the feed, the socket is closed.
		const eraser = await open(claire, 'feed');
		const closed = closeCodeOf(eraser);
		eraser.doc.transact(() => {
			getCard(eraser.doc, cardId)?.delete('openHelp');
			(getCard(eraser.doc, cardId)?.get('flags') as Y.Map<unknown>).clear();
		});
		expect(await closed).toBe(CLOSE.readOnlyDocument);
		await commentAndWait('Toujours signalé ?');
		const fresh = await open(setup.owner, 'feed');
		for (const doc of [feed.doc, fresh.doc]) {
			expect(cardOpenHelp(doc, cardId)).toEqual([team]);
			expect(readFlags(doc, cardId)).toEqual(flags);
		}
	});

	it('a server write whose storage fails is seen by no client, whose socket closes with the server-error code', async () => {
		const { db, boardId, cardId } = setup;
		const witness = await open(claire, 'feed');
		let seen = false;
		witness.doc.on('update', () => {
			seen ||= cardComments(witness.doc, cardId).some((c) => c.body === 'Jamais stocké');
		});
		const closed = closeCodeOf(witness);
		const heal = await failInserts(db, 'feed_update', boardId);
		try {
			expect((await act(setup.owner, 'comment', { body: 'Jamais stocké' })).status).toBeGreaterThanOrEqual(500);
			expect(await closed).toBe(CLOSE.serverError);
		} finally {
			await heal();
		}
		await whenSynced(witness);
		await commentAndWait('Stocké, lui');
		await eventually(
			() => cardComments(witness.doc, cardId).some((c) => c.body === 'Stocké, lui'),
			5000,
			'the next comment'
		);
		expect(seen).toBe(false);
		expect(cardComments(setup.feed.doc, cardId).some((c) => c.body === 'Jamais stocké')).toBe(false);
	});
});

describe('a board written before the feed existed', () => {
	it('moves its comments, signals, flags, help, settings, objectives and inbox into the feed, losing nothing', async () => {
		const { db, owner } = setup;
		const boardId = await createTestBoard(db, owner, 'Ancien');
		const card = 'card_legacy_0001';
		const old = new Y.Doc();
		old.transact(() => {
			const map = createLegacyCard(old, {
				id: card,
				title: 'Ancienne',
				stage: 'review',
				rank: 'a0',
				createdBy: owner.userId
			});
			const comment = { parentId: null, authorId: owner.userId, body: 'Vieux commentaire', createdAt: 1 };
			map.set('comments', new Y.Map([['c_legacy_00001', { ...comment, editedAt: null, deleted: false }]]));
			const signal = { kind: 'works', text: 'Vieux signal', company: 'Acme', by: owner.userId, at: 2 };
			map.set('signals', new Y.Map([['s_legacy_00001', signal]]));
			const flag = { from: 'ideas', to: 'review', missing: ['why'], by: owner.userId, at: 3 };
			(map.get('flags') as Y.Map<unknown>).set('f_legacy_00001', flag);
			map.set('openHelp', ['AAAAAAAAAAAAAAAAAAAAA']);
			old.getMap('settings').set('timeZone', 'America/Montreal');
			old.getMap('objectives').set('o_legacy_00001', { title: 'Vieil objectif', rank: 'a0' });
			old.getMap('inbox').set('i_legacy_00001', { ...signal, text: 'Vieux signal en attente' });
		});
		await db
			.insertInto('board_update')
			.values({ board_id: boardId, seq: 1, data: Y.encodeStateAsUpdate(old), user_id: null, created_at: 1 })
			.execute();

		const board = await open(owner, 'board', boardId);
		const feed = await open(owner, 'feed', boardId);
		expect(cardComments(feed.doc, card).map((c) => c.body)).toEqual(['Vieux commentaire']);
		expect(cardSignals(feed.doc, card).map((s) => s.text)).toEqual(['Vieux signal']);
		expect(readFlags(feed.doc, card).map((f) => f.id)).toEqual(['f_legacy_00001']);
		expect(cardOpenHelp(feed.doc, card)).toEqual(['AAAAAAAAAAAAAAAAAAAAA']);
		expect(readSettings(feed.doc).timeZone).toBe('America/Montreal');
		expect(readObjectives(feed.doc).map((o) => o.title)).toEqual(['Vieil objectif']);
		expect(readInbox(feed.doc).map((s) => s.text)).toEqual(['Vieux signal en attente']);
		// …and gone from the board document, which keeps the card itself.
		const moved = getCard(board.doc, card)!;
		expect(moved.get('title')).toBe('Ancienne');
		expect(cardComments(board.doc, card)).toEqual([]);
		expect(cardSignals(board.doc, card)).toEqual([]);
		expect(moved.has('openHelp')).toBe(false);
		expect((moved.get('flags') as Y.Map<unknown>).size).toBe(0);
		expect(board.doc.getMap('settings').size + board.doc.getMap('objectives').size).toBe(0);
		expect(board.doc.getMap('inbox').size).toBe(0);
	});
});
