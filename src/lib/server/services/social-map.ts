import type { Db } from '../db/open.ts';
import { buildSocialMap, type Contribution, type Period, type SocialMap } from '#lib/domain/social-map.ts';

/**
 * The social-capital map of a board or of an organisation over [from, to) (epoch ms), from SQL only:
 * comments (not deleted), help answered (the 'help-closed' event by 'answer', counted for its actor)
 * and signals recorded by members, on cards that have an owning team.
 */
export async function loadSocialMap(
	db: Db,
	scope: { boardId: string } | { organizationId: string },
	period: Period
): Promise<SocialMap> {
	const organizationId =
		'organizationId' in scope
			? scope.organizationId
			: (
					await db
						.selectFrom('board')
						.select('organization_id')
						.where('id', '=', scope.boardId)
						.executeTakeFirstOrThrow()
				).organization_id;
	const boardIds =
		'boardId' in scope
			? [scope.boardId]
			: (await db.selectFrom('board').select('id').where('organization_id', '=', organizationId).execute()).map(
					(b) => b.id
				);
	const teams = await db
		.selectFrom('team')
		.select(['id', 'name', 'color'])
		.where('organization_id', '=', organizationId)
		.execute();
	if (boardIds.length === 0 || teams.length === 0) {
		return buildSocialMap({ teams, memberships: [], cards: [], contributions: [], period });
	}
	const memberships = (
		await db
			.selectFrom('team_member')
			.select(['team_id', 'user_id'])
			.where(
				'team_id',
				'in',
				teams.map((t) => t.id)
			)
			.execute()
	).map((m) => ({ teamId: m.team_id, userId: m.user_id }));
	const cards = (
		await db
			.selectFrom('card')
			.select(['id', 'board_id', 'title', 'team_id'])
			.where('board_id', 'in', boardIds)
			.where('archived', '=', 0)
			.where('team_id', 'is not', null)
			.execute()
	).map((c) => ({ id: c.id, boardId: c.board_id, title: c.title, teamId: c.team_id }));
	const comments = await db
		.selectFrom('comment')
		.select(['author_id', 'card_id', 'created_at', 'deleted_at'])
		.where('board_id', 'in', boardIds)
		.where('created_at', '>=', period.from)
		.where('created_at', '<', period.to)
		.execute();
	const events = await db
		.selectFrom('card_event')
		.select(['card_id', 'kind', 'actor_id', 'data', 'created_at'])
		.where('board_id', 'in', boardIds)
		.where('kind', 'in', ['help-closed', 'signal'])
		.where('actor_id', 'is not', null)
		.where('created_at', '>=', period.from)
		.where('created_at', '<', period.to)
		.execute();
	const contributions: Contribution[] = comments.map((c) => ({
		kind: 'comments',
		personId: c.author_id,
		cardId: c.card_id,
		at: c.created_at,
		deleted: c.deleted_at !== null
	}));
	for (const e of events) {
		if (!e.actor_id) continue;
		if (e.kind === 'signal') {
			contributions.push({ kind: 'signals', personId: e.actor_id, cardId: e.card_id, at: e.created_at });
			continue;
		}
		if (answered(e.data)) {
			contributions.push({ kind: 'help', personId: e.actor_id, cardId: e.card_id, at: e.created_at });
		}
	}
	return buildSocialMap({ teams, memberships, cards, contributions, period });
}

function answered(json: string): boolean {
	try {
		return (JSON.parse(json) as Record<string, unknown>).by === 'answer';
	} catch {
		return false;
	}
}
