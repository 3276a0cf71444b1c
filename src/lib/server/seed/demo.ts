import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { DEFAULT_TIME_ZONE, putObjective, readSettings, writeSettings } from '#lib/board/board-settings.ts';
import { createCard } from '#lib/board/commands.ts';
import { localDate, toDay } from '#lib/domain/method/dates.ts';
import type { Stage } from '#lib/domain/stages.ts';
import type { Db } from '../db/open.ts';
import type { OrgRole } from '../db/schema.ts';
import { colorFor, newId } from '../ids.ts';
import { hashPassword } from '../auth/password.ts';
import { createBoard } from '../services/boards.ts';
import type { Rooms } from '../deps.ts';
import { DEMO, type DemoCard } from './demo-data.ts';
import { writeDemoSections } from './demo-sections.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedDemoStandup } from './demo-standup.ts';

export interface DemoLogin {
	email: string;
	password: string;
	role: OrgRole;
}

/**
 * Seeds a demo organisation (people in several teams, boards with initiatives) into an empty database.
 * Returns the demo logins when the demo is there (so every start can print them), else null.
 */
export async function seedDemoIfEmpty(db: Db, sync: Rooms): Promise<DemoLogin[] | null> {
	const { organisation } = DEMO;
	const logins = organisation.people.map((p) => ({ email: p.email, password: organisation.password, role: p.role }));
	const existing = await db
		.selectFrom('user')
		.select('email')
		.where('email', '=', organisation.people[0]?.email ?? '')
		.executeTakeFirst();
	if (existing) return logins;
	const anyone = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
	if (anyone) return null;
	const now = Date.now();
	const organizationId = newId();
	const passwordHash = await hashPassword(organisation.password);
	await db
		.insertInto('organization')
		.values({ id: organizationId, name: organisation.organisation, created_at: now })
		.execute();
	const teamIds = new Map<string, string>();
	for (const team of organisation.teams) {
		const id = newId();
		teamIds.set(team.name, id);
		await db
			.insertInto('team')
			.values({ id, organization_id: organizationId, name: team.name, color: team.color })
			.execute();
	}
	const userIds = new Map<string, string>();
	for (const person of organisation.people) {
		const id = newId();
		userIds.set(person.name, id);
		await db
			.insertInto('user')
			.values({
				id,
				email: person.email,
				name: person.name,
				password_hash: passwordHash,
				color: colorFor(person.email),
				created_at: now
			})
			.execute();
		await db
			.insertInto('membership')
			.values({
				organization_id: organizationId,
				user_id: id,
				role: person.role,
				company: person.company ?? null,
				created_at: now
			})
			.execute();
		for (const team of person.teams) {
			await db
				.insertInto('team_member')
				.values({ team_id: teamIds.get(team) ?? '', user_id: id })
				.execute();
		}
	}
	await seedBoard(db, sync, organizationId, userIds, teamIds);
	return logins;
}

/**
 * The main board: three global objectives and initiatives in every stage, filled in as far as their
 * stage requires, dated relative to today so pilots are under way and check-ins due whenever it runs.
 */
async function seedBoard(
	db: Db,
	sync: Rooms,
	organizationId: string,
	people: ReadonlyMap<string, string>,
	teams: ReadonlyMap<string, string>
): Promise<void> {
	const { organisation, cards: demoCards } = DEMO;
	const boardId = await createBoard(db, organizationId, organisation.boards.main);
	for (const name of organisation.boards.others) await createBoard(db, organizationId, name);
	const room = await sync.openRoom(boardId);
	const now = Date.now();
	const today = toDay(localDate(now, DEFAULT_TIME_ZONE)) ?? Math.floor(now / 86_400_000);
	const objectives = new Map<string, string>(organisation.objectives.map((o) => [o.key, newId()]));
	const context = { now, today, people, teams, objectives };
	const byStage = new Map<Stage, DemoCard[]>();
	for (const card of demoCards) byStage.set(card.stage, [...(byStage.get(card.stage) ?? []), card]);
	const author = people.get(organisation.author) ?? null;
	const placed: { id: string; card: DemoCard; actorId: string | null }[] = [];
	await (
		await sync.openFeed(boardId)
	).write(author, (feed) => {
		writeSettings(feed, { ...readSettings(feed), timeZone: DEFAULT_TIME_ZONE });
		const objectiveRanks = generateNKeysBetween(null, null, organisation.objectives.length);
		organisation.objectives.forEach((o, i) =>
			putObjective(feed, { id: objectives.get(o.key) ?? newId(), title: o.title, rank: objectiveRanks[i] ?? 'a0' })
		);
	});
	await room.write(author, (doc) => {
		for (const [stage, cards] of byStage) {
			const ranks = generateNKeysBetween(null, null, cards.length);
			cards.forEach((card, i) => {
				const id = newId();
				createCard(
					doc,
					{
						id,
						title: card.title,
						stage,
						rank: ranks[i] ?? 'a0',
						createdBy: people.get(card.createdBy) ?? '',
						description: card.description
					},
					now
				);
				writeDemoSections(doc, id, card, context);
				placed.push({ id, card, actorId: people.get(card.createdBy) ?? null });
			});
		}
	});
	await seedDemoHistory(db, boardId, placed, now);
	const { standup } = organisation;
	const facilitator = people.get(standup.facilitator) ?? '';
	const attendees = standup.attendees.map((n) => people.get(n) ?? '');
	await seedDemoStandup(db, sync, { id: boardId, name: organisation.boards.main }, { facilitator, attendees }, now);
}
