import { insertCardRow } from '../../../../tests/factories/cards.ts';
import { insertComment } from '../../../../tests/factories/comments.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createMember, type Member } from '../../../../tests/factories/accounts.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { createBoard } from './boards.ts';
import { recordEvent } from './events.ts';
import { countUnread, listNotifications, markRead, readSettings, saveSettings } from './inbox.ts';
import { isFollowing, listFollowers, setFollowing } from './notifications.ts';
import { askHelp, closeHelp, findHelp } from './help.ts';
import { addTeamMember, createTeam } from './teams.ts';

let temp: TempDatabase;
let owner: Member;
let claire: Member;
let jean: Member;
let guest: Member;
let boardId: string;
const cardId = 'card-1';

beforeEach(async () => {
	temp = await openTempDatabase();
	owner = await createMember(temp.db, 'Olivier');
	claire = await createPerson(temp.db, owner.organizationId, 'Claire Lefèvre');
	jean = await createPerson(temp.db, owner.organizationId, 'Jean Dupont');
	guest = await createPerson(temp.db, owner.organizationId, 'Gus Invité', 'guest');
	boardId = await createBoard(temp.db, owner.organizationId, 'Projets');
	await insertCardRow(temp.db, { id: cardId, boardId, title: 'Nouveau four', ownerId: owner.userId });
});

afterEach(async () => {
	await temp.dispose();
});

async function comment(authorId: string, body: string, parentId: string | null = null): Promise<string> {
	const id = await insertComment(temp.db, { boardId, cardId, authorId, body, parentId });
	await recordEvent(temp.db, {
		boardId,
		cardId,
		kind: 'comment',
		actorId: authorId,
		data: { commentId: id, parentId, excerpt: body }
	});
	return id;
}

const kindsOf = async (m: Member) => (await listNotifications(temp.db, m.userId)).map((n) => n.kind);

describe('notifications', () => {
	it('tells a mentioned person, with the card and an excerpt in words (no markdown)', async () => {
		await comment(jean.userId, '**Avis** de @claire-lefevre ? et `@Olivier` en _code_');
		const [item] = await listNotifications(temp.db, claire.userId);
		expect(item).toMatchObject({ kind: 'mention', boardId, cardId, actorName: 'Jean Dupont', read: false });
		expect(item?.data).toMatchObject({
			title: 'Nouveau four',
			excerpt: 'Avis de @claire-lefevre ? et @Olivier en code'
		});
		expect(await kindsOf(owner)).toEqual([]);
		expect(await kindsOf(jean)).toEqual([]);
	});

	it('expands a team to its members, never telling the author', async () => {
		const teamId = (await createTeam(temp.db, owner.organizationId, { name: 'Qualité & achats', color: '#2f7d4f' }))!;
		for (const m of [claire, jean]) await addTeamMember(temp.db, owner.organizationId, teamId, m.userId);
		await comment(jean.userId, 'Pour @qualité-achats');
		expect(await kindsOf(claire)).toEqual(['mention']);
		expect(await kindsOf(jean)).toEqual([]);
	});

	it('tells the author replied to; commenters follow the card', async () => {
		const first = await comment(claire.userId, 'Une question');
		expect(await isFollowing(temp.db, claire.userId, cardId)).toBe(true);
		await comment(jean.userId, 'Réponse', first);
		expect(await kindsOf(claire)).toEqual(['reply']);
	});

	it('tells followers and the owner of stage moves, and stops after an unfollow', async () => {
		await setFollowing(temp.db, jean.userId, boardId, cardId, true);
		await recordEvent(temp.db, {
			boardId,
			cardId,
			kind: 'moved',
			actorId: claire.userId,
			data: { from: 'idea', to: 'test' }
		});
		expect(await kindsOf(jean)).toEqual(['stage']);
		expect((await listNotifications(temp.db, owner.userId))[0]?.data).toMatchObject({ from: 'idea', to: 'test' });
		await setFollowing(temp.db, owner.userId, boardId, cardId, false);
		await comment(owner.userId, 'Je commente mais ne suis plus');
		expect(await listFollowers(temp.db, cardId)).toEqual([jean.userId]);
	});

	it('tells the owner and followers of a signal', async () => {
		await setFollowing(temp.db, claire.userId, boardId, cardId, true);
		await recordEvent(temp.db, { boardId, cardId, kind: 'signal', actorId: jean.userId, data: {} });
		expect(await kindsOf(owner)).toEqual(['signal']);
		expect(await kindsOf(claire)).toEqual(['signal']);
	});

	it('tells no guest and nobody who may not open the board', async () => {
		await comment(owner.userId, '@Gus-Invité regardez');
		expect(await kindsOf(guest)).toEqual([]);
		await temp.db.updateTable('board').set({ visibility: 'restricted' }).where('id', '=', boardId).execute();
		await comment(owner.userId, '@Claire-Lefèvre ?');
		expect(await kindsOf(claire)).toEqual([]);
	});

	it('respects settings, and counts and marks read', async () => {
		await saveSettings(temp.db, claire.userId, new Set(['reply']));
		expect((await readSettings(temp.db, claire.userId)).mention).toBe(false);
		await comment(jean.userId, '@Claire-Lefèvre');
		expect(await kindsOf(claire)).toEqual([]);
		await comment(jean.userId, '@Olivier un');
		await new Promise((resolve) => setTimeout(resolve, 5)); // newest first needs distinct times
		await comment(jean.userId, '@Olivier deux');
		expect(await countUnread(temp.db, owner.userId)).toBe(2);
		const [newest] = await listNotifications(temp.db, owner.userId);
		expect(newest?.data.excerpt).toBe('@Olivier deux');
		await markRead(temp.db, claire.userId, newest?.id ?? ''); // someone else's: no effect
		expect(await countUnread(temp.db, owner.userId)).toBe(2);
		await markRead(temp.db, owner.userId, newest?.id ?? '');
		expect(await countUnread(temp.db, owner.userId)).toBe(1);
		await markRead(temp.db, owner.userId, null);
		expect(await countUnread(temp.db, owner.userId)).toBe(0);
	});

	it('tells the asker when the team answers their help request, not when they close it themselves', async () => {
		const teamId = (await createTeam(temp.db, owner.organizationId, { name: 'Atelier', color: '#2f7d4f' }))!;
		await addTeamMember(temp.db, owner.organizationId, teamId, claire.userId);
		const ask = async (body: string) => {
			const commentId = await insertComment(temp.db, { boardId, cardId, authorId: jean.userId, body, parentId: null });
			await askHelp(temp.db, { boardId, cardId, askerId: jean.userId, commentId, teamId, excerpt: body });
			return (await findHelp(temp.db, commentId))!;
		};
		await closeHelp(temp.db, await ask('Le four chauffe mal'), claire.userId, 'answer');
		const [closed] = await listNotifications(temp.db, jean.userId);
		expect(closed).toMatchObject({ kind: 'help-closed', actorName: 'Claire Lefèvre', cardRemoved: false });
		expect(closed?.data).toMatchObject({ title: 'Nouveau four', excerpt: 'Le four chauffe mal' });
		await closeHelp(temp.db, await ask('Autre question'), jean.userId, 'asker');
		expect(await kindsOf(jean)).toEqual(['help-closed']);
	});

	it('tells the owner of a check-in due or missed, with its date', async () => {
		for (const kind of ['check-in-due', 'check-in-missed'] as const)
			await recordEvent(temp.db, { boardId, cardId, kind, actorId: null, data: { date: '2026-01-12' } });
		const items = await listNotifications(temp.db, owner.userId);
		expect(items.map((n) => [n.kind, n.data.date, n.data.missed]).sort()).toEqual([
			['check-in', '2026-01-12', false],
			['check-in', '2026-01-12', true]
		]);
		expect(await kindsOf(claire)).toEqual([]);
	});

	it('marks notifications of a card archived or deleted since as removed', async () => {
		await recordEvent(temp.db, { boardId, cardId, kind: 'signal', actorId: jean.userId, data: {} });
		const removed = async () => (await listNotifications(temp.db, owner.userId)).map((n) => n.cardRemoved);
		expect(await removed()).toEqual([false]);
		await temp.db.updateTable('card').set({ archived: 1 }).where('id', '=', cardId).execute();
		expect(await removed()).toEqual([true]);
		await temp.db.deleteFrom('card').where('id', '=', cardId).execute();
		expect(await removed()).toEqual([true]);
	});

	it('ignores events of boards it does not know and comments it cannot find', async () => {
		await recordEvent(temp.db, { boardId, cardId, kind: 'comment', actorId: jean.userId, data: { commentId: 'nope' } });
		expect(await kindsOf(owner)).toEqual([]);
	});
});
