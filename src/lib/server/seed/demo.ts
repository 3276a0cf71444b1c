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
import type { SyncHub } from '../sync/hub.ts';
import {
	DEMO_CARDS,
	DEMO_OBJECTIVES,
	DEMO_PASSWORD,
	DEMO_PEOPLE,
	DEMO_TEAMS,
	type ObjectiveKey,
	type PersonName,
	type TeamName
} from './demo-data.ts';
import { writeDemoSections } from './demo-sections.ts';
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
export async function seedDemoIfEmpty(db: Db, sync: SyncHub): Promise<DemoLogin[] | null> {
	const logins = DEMO_PEOPLE.map((p) => ({ email: p.email, password: DEMO_PASSWORD, role: p.role }));
	const existing = await db
		.selectFrom('user')
		.select('email')
		.where('email', '=', DEMO_PEOPLE[0]?.email ?? '')
		.executeTakeFirst();
	if (existing) return logins;
	const anyone = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
	if (anyone) return null;
	const now = Date.now();
	const organizationId = newId();
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.insertInto('organization').values({ id: organizationId, name: 'Maison Lefèvre', created_at: now }).execute();
	const teamIds = new Map<TeamName, string>();
	for (const team of DEMO_TEAMS) {
		const id = newId();
		teamIds.set(team.name, id);
		await db
			.insertInto('team')
			.values({ id, organization_id: organizationId, name: team.name, color: team.color })
			.execute();
	}
	const userIds = new Map<PersonName, string>();
	for (const person of DEMO_PEOPLE) {
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
				company: 'company' in person ? person.company : null,
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
	sync: SyncHub,
	organizationId: string,
	people: ReadonlyMap<PersonName, string>,
	teams: ReadonlyMap<TeamName, string>
): Promise<void> {
	const boardId = await createBoard(db, organizationId, 'Micro-initiatives 2026');
	await createBoard(db, organizationId, 'Atelier de Lyon');
	const room = await sync.openRoom(boardId);
	const now = Date.now();
	const today = toDay(localDate(now, DEFAULT_TIME_ZONE)) ?? Math.floor(now / 86_400_000);
	const objectives = new Map<ObjectiveKey, string>(DEMO_OBJECTIVES.map((o) => [o.key, newId()]));
	const context = { now, today, people, teams, objectives };
	const byStage = new Map<Stage, typeof DEMO_CARDS>();
	for (const card of DEMO_CARDS) byStage.set(card.stage, [...(byStage.get(card.stage) ?? []), card]);
	const claire = people.get('Claire Lefèvre') ?? null;
	await (
		await sync.openFeed(boardId)
	).write(claire, (feed) => {
		writeSettings(feed, { ...readSettings(feed), timeZone: DEFAULT_TIME_ZONE });
		const objectiveRanks = generateNKeysBetween(null, null, DEMO_OBJECTIVES.length);
		DEMO_OBJECTIVES.forEach((o, i) =>
			putObjective(feed, { id: objectives.get(o.key) ?? newId(), title: o.title, rank: objectiveRanks[i] ?? 'a0' })
		);
	});
	await room.write(claire, (doc) => {
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
			});
		}
	});
	const facilitator = people.get('Karim Benali') ?? '';
	const attendees = ['Sophie Martin', 'Claire Lefèvre', 'Lucas Moreau'] as const;
	await seedDemoStandup(db, sync, boardId, { facilitator, attendees: attendees.map((n) => people.get(n) ?? '') }, now);
}
