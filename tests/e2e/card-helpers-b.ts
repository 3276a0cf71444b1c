import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_TIME_ZONE } from '../../src/lib/board/board-settings.ts';
import { createCard } from '../../src/lib/board/commands.ts';
import { getCard } from '../../src/lib/board/schema.ts';
import { putEntry, setField } from '../../src/lib/board/section-commands.ts';
import { fromDay, localDate, toDay } from '../../src/lib/domain/method/dates.ts';
import { DEFAULT_METHOD_SETTINGS, type Status } from '../../src/lib/domain/method/types.ts';
import type { Member } from '../factories/accounts.ts';
import { connectClient, eventually, whenSynced } from '../factories/yclient.ts';
import type { App } from './fixtures.ts';

const newId = () => randomUUID().replaceAll('-', '');

/** A team of `member`'s organisation, with `member` in it (the test organisation has none by default). */
export async function createTeam(app: App, member: Member, name: string): Promise<string> {
	const id = newId();
	await app.db
		.insertInto('team')
		.values({ id, organization_id: member.organizationId, name, color: '#3a6ea5' })
		.execute();
	await app.db.insertInto('team_member').values({ team_id: id, user_id: member.userId }).execute();
	return id;
}

/** Today in the board's time zone (the default one: tests do not change the board settings). */
export const today = (): number => toDay(localDate(Date.now(), DEFAULT_TIME_ZONE)) ?? 0;

/** The planned line of a rollout card, as days (see domain/method/line.ts). */
export interface PlannedLine {
	baseline: number;
	target: number;
	startDay: number;
	deadlineDay: number;
}

/** The value the line expects on `day`: baseline at the first phase start, target at the deadline. */
export function expectedValue(line: PlannedLine, day: number): number {
	const share = Math.min(1, Math.max(0, (day - line.startDay) / (line.deadlineDay - line.startDay)));
	return line.baseline + (line.target - line.baseline) * share;
}

/**
 * The method's status for a value measured on `day` (domain/method/status.ts, restated for an
 * increasing metric): the shortfall is the share of time elapsed minus the share of the way covered;
 * ≤ 0 on track, ≤ tolerance at risk, beyond off track.
 */
export function expectedStatus(
	line: PlannedLine,
	value: number,
	day: number,
	tolerance = DEFAULT_METHOD_SETTINGS.tolerance
): Status {
	const span = line.target - line.baseline;
	const shortfall = (expectedValue(line, day) - value) / span;
	if (shortfall <= 1e-9) return 'on-track';
	return shortfall <= tolerance + 1e-9 ? 'at-risk' : 'off-track';
}

export interface RolloutCard {
	cardId: string;
	title: string;
	line: PlannedLine;
	/** The day and value of the one check-in the card starts with. */
	checkIn: { day: number; value: number };
}

/**
 * Writes a card straight into Déploiement with a raw y-websocket client of `owner`, in one transaction,
 * with every earlier gate's criteria met (so the server has nothing to flag): review, objective
 * (0 → 100, increasing, deadline in 60 days), scope (owner, team, one segment), a weekly phase that
 * started 30 days ago, and one check-in on the line a week ago. Resolves once the server holds it.
 */
export async function writeRolloutCard(
	app: App,
	owner: Member,
	boardId: string,
	title: string,
	teamId: string
): Promise<RolloutCard> {
	const now = today();
	const line: PlannedLine = { baseline: 0, target: 100, startDay: now - 30, deadlineDay: now + 60 };
	const checkInDay = now - 7; // after the last weekly date (day 28 of the phase, 2 days ago): none missed
	const checkIn = { day: checkInDay, value: Math.ceil(expectedValue(line, checkInDay)) };
	const cardId = newId();

	const raw = connectClient(app.server.url, boardId, owner.cookie);
	await whenSynced(raw);
	const { doc } = raw;
	doc.transact(() => {
		createCard(doc, { id: cardId, title, stage: 'rollout', rank: 'a0', createdBy: owner.userId });
		putEntry(doc, cardId, 'strengths', newId(), { text: 'Des clients fidèles', rank: 'a0' });
		putEntry(doc, cardId, 'difficulties', newId(), { text: 'Peu de temps en saison', rank: 'a0' });
		setField(doc, cardId, 'metric', 'Part des ventes en vrac');
		setField(doc, cardId, 'unit', '%');
		setField(doc, cardId, 'direction', 'increase');
		setField(doc, cardId, 'baseline', line.baseline);
		setField(doc, cardId, 'target', line.target);
		setField(doc, cardId, 'deadline', fromDay(line.deadlineDay));
		setField(doc, cardId, 'ownerId', owner.userId);
		setField(doc, cardId, 'teamId', teamId);
		putEntry(doc, cardId, 'segments', newId(), { text: 'Boutique du centre', rank: 'a0' });
		putEntry(doc, cardId, 'phases', newId(), {
			name: 'Pilote en boutique',
			segments: ['Boutique du centre'],
			start: fromDay(line.startDay),
			end: fromDay(line.deadlineDay),
			cadence: 'weekly',
			decision: null
		});
		putEntry(doc, cardId, 'checkIns', newId(), {
			date: fromDay(checkIn.day),
			value: checkIn.value,
			confidence: 'on-track',
			note: '',
			by: owner.userId,
			at: Date.now()
		});
	});

	// A fresh connection sees the card only once the server has stored it.
	const check = connectClient(app.server.url, boardId, owner.cookie);
	try {
		await whenSynced(check);
		await eventually(() => getCard(check.doc, cardId) !== null, 5000, 'the card on the server');
	} finally {
		check.destroy();
		raw.destroy();
	}
	return { cardId, title, line, checkIn };
}

/** A card's tile on the board (named by its title). */
export const tile = (page: Page, title: string) => page.getByRole('button', { name: title, exact: true });

/** The status shown on a tile's face. */
export const tileStatus = (page: Page, title: string) => tile(page, title).locator('.status-badge');

/** The status in the open card's check-in summary. */
export const dialogStatus = (page: Page) => page.locator('#check-ins').getByRole('definition').locator('[data-status]');

/** Records a check-in dated today through the card's form. */
export async function addCheckIn(page: Page | Locator, value: number, confidence: string): Promise<void> {
	const form = page.getByRole('form', { name: 'Nouveau point d’étape' });
	await form.getByRole('textbox', { name: /^Valeur mesurée/ }).fill(String(value));
	await form.getByRole('radio', { name: confidence }).check();
	await form.getByRole('button', { name: 'Enregistrer le point d’étape' }).click();
}

/** The status labels as the UI words them. */
export const STATUS_LABELS: Record<'fr' | 'en', Record<Status, string>> = {
	fr: {
		'on-track': 'En bonne voie',
		'at-risk': 'À surveiller',
		'off-track': 'Hors trajectoire',
		'no-data': 'Pas de données'
	},
	en: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' }
};
