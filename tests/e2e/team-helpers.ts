import type { Locator, Page } from '@playwright/test';
import { createCard } from '../../src/lib/board/commands.ts';
import { setField } from '../../src/lib/board/section-commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import type { Member } from '../factories/accounts.ts';
import { until } from '../factories/portal.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';
import { insertTeams } from './card-helpers.ts';
import { expect, type App } from './fixtures.ts';

/** Teams in `owner`'s organisation with their members; returns the team ids by name. */
export async function seedTeams(app: App, owner: Member, teams: Record<string, Member[]>) {
	const ids = await insertTeams(app.db, owner.organizationId, Object.keys(teams));
	const rows = Object.entries(teams).flatMap(([name, members]) =>
		members.map((m) => ({ team_id: ids[name] ?? '', user_id: m.userId }))
	);
	await app.db.insertInto('team_member').values(rows).execute();
	return ids;
}

/**
 * Cards in Ideas & signals, each owned by a team, written as a browser would; waits until the server's
 * projection holds their teams (the map reads SQL). Returns their ids, in order.
 */
export async function writeTeamCards(
	app: App,
	who: Member,
	boardId: string,
	cards: { title: string; teamId: string }[]
): Promise<string[]> {
	const ids = cards.map(() => newId());
	const raw = connectClient(app.server.url, boardId, who.cookie);
	await whenSynced(raw);
	raw.doc.transact(() =>
		cards.forEach((card, i) => {
			const id = ids[i] ?? '';
			createCard(raw.doc, { id, title: card.title, stage: 'ideas', rank: `a${i}`, createdBy: who.userId });
			setField(raw.doc, id, 'teamId', card.teamId);
		})
	);
	await until(async () => {
		const rows = await app.db.selectFrom('card').select('team_id').where('id', 'in', ids).execute();
		return rows.length === ids.length && rows.every((r) => r.team_id !== null);
	}, 'the cards projected with their teams');
	raw.destroy();
	return ids;
}

/** The heat map's cells of one contributing team, by accessible name, in column order (teams A→Z). */
export async function expectRow(scope: Locator | Page, team: string, cells: string[]) {
	const row = scope.getByRole('rowheader', { name: team, exact: true }).locator('xpath=..');
	await expect(row.getByRole('cell')).toHaveCount(cells.length);
	for (const [index, name] of cells.entries())
		await expect(row.getByRole('cell').nth(index)).toHaveAccessibleName(name);
}
