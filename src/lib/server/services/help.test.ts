import { insertCardRow } from '../../../../tests/factories/cards.ts';
import { insertComment } from '../../../../tests/factories/comments.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../../../tests/factories/db.ts';
import { createMember, type Member } from '../../../../tests/factories/accounts.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { createBoard } from './boards.ts';
import { askHelp, closeAnsweredHelp, closeHelp, findHelp, listCardHelp, listOpenHelpForTeam } from './help.ts';
import { addTeamMember, createTeam } from './teams.ts';

let temp: TempDatabase;
let owner: Member;
let claire: Member;
let jean: Member;
let boardId: string;
let teamId: string;
const cardId = 'card-1';

beforeEach(async () => {
	temp = await openTempDatabase();
	owner = await createMember(temp.db, 'Olivier');
	claire = await createPerson(temp.db, owner.organizationId, 'Claire Lefèvre');
	jean = await createPerson(temp.db, owner.organizationId, 'Jean Dupont');
	boardId = await createBoard(temp.db, owner.organizationId, 'Projets');
	teamId = (await createTeam(temp.db, owner.organizationId, { name: 'Atelier', color: '#2f855a' }))!;
	await addTeamMember(temp.db, owner.organizationId, teamId, claire.userId);
	await insertCardRow(temp.db, { id: cardId, boardId, title: 'Nouveau four', ownerId: owner.userId });
});

afterEach(() => temp.dispose());

async function comment(authorId: string, body: string, parentId: string | null = null): Promise<string> {
	const id = await insertComment(temp.db, { boardId, cardId, authorId, body, parentId });
	return id;
}

async function ask(body = 'Pouvez-vous régler le four ?') {
	const commentId = await comment(owner.userId, body);
	await askHelp(temp.db, { boardId, cardId, askerId: owner.userId, commentId, teamId, excerpt: body });
	return commentId;
}

describe('help requests', () => {
	it('is open for the asked team until answered by one of its members', async () => {
		const commentId = await ask();
		expect(await listOpenHelpForTeam(temp.db, teamId)).toMatchObject([
			{ commentId, askerId: owner.userId, open: true }
		]);
		// A reply by someone outside the team does not close it.
		expect(await closeAnsweredHelp(temp.db, await comment(jean.userId, 'Je ne sais pas', commentId))).toBe(false);
		expect((await findHelp(temp.db, commentId))?.open).toBe(true);
		// A top-level comment neither.
		expect(await closeAnsweredHelp(temp.db, await comment(claire.userId, 'Autre sujet'))).toBe(false);
		expect(await closeAnsweredHelp(temp.db, await comment(claire.userId, 'Oui, demain', commentId))).toBe(true);
		expect(await findHelp(temp.db, commentId)).toMatchObject({ open: false, closedBy: 'answer' });
		expect(await listOpenHelpForTeam(temp.db, teamId)).toEqual([]);
		// Answering again changes nothing.
		expect(await closeAnsweredHelp(temp.db, await comment(claire.userId, 'Encore', commentId))).toBe(false);
	});

	it('can be closed by the asker, once', async () => {
		const first = await ask('Première');
		const second = await ask('Seconde');
		const request = (await findHelp(temp.db, first))!;
		expect(await closeHelp(temp.db, request, owner.userId, 'asker')).toBe(true);
		expect(await closeHelp(temp.db, (await findHelp(temp.db, first))!, owner.userId, 'asker')).toBe(false);
		const all = await listCardHelp(temp.db, boardId, cardId);
		expect(all.map((r) => [r.commentId, r.open, r.closedBy])).toEqual([
			[first, false, 'asker'],
			[second, true, null]
		]);
		expect((await listOpenHelpForTeam(temp.db, teamId)).map((r) => r.commentId)).toEqual([second]);
	});

	it('knows nothing of plain comments', async () => {
		expect(await findHelp(temp.db, await comment(owner.userId, 'Rien'))).toBeNull();
	});
});
