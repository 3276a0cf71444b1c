import { createCard } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { setField } from '../../src/lib/board/section-commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import type { Member } from '../factories/accounts.ts';
import { connectClient, eventually, whenSynced } from '../factories/yclient.ts';
import type { App } from './fixtures.ts';

const DAY = 86_400_000;

/**
 * Cards written by a raw client, each in its stage (no gates to cross: they are created there),
 * optionally for a team and created `daysAgo` (the stand-up then sees them as old).
 */
export async function writeStageCards(
	app: App,
	owner: Member,
	boardId: string,
	cards: { title: string; stage: 'ideas' | 'review'; teamId?: string }[],
	daysAgo = 0
): Promise<string[]> {
	const client = connectClient(app.server.url, boardId, owner.cookie);
	await whenSynced(client);
	const ids = cards.map(() => newId());
	client.doc.transact(() =>
		cards.forEach(({ title, stage, teamId }, i) => {
			const id = ids[i]!;
			const rank = `a${String(i).padStart(3, '0')}`;
			createCard(client.doc, { id, title, stage, rank, createdBy: owner.userId }, Date.now() - daysAgo * DAY);
			if (teamId) setField(client.doc, id, 'teamId', teamId);
		})
	);
	const check = connectClient(app.server.url, boardId, owner.cookie);
	await whenSynced(check);
	await eventually(() => ids.every((id) => getCard(check.doc, id)), 5000, 'the cards on the server');
	check.destroy();
	client.destroy();
	return ids;
}
