import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime } from '../../../../tests/factories/runtime.ts';
import { writeSettings, readSettings } from '#lib/board/board-settings.ts';
import { createCard, moveCard } from '#lib/board/commands.ts';
import { CardEditor } from '#lib/collab/card-editor.ts';
import { fromDay, localDate, toDay } from '#lib/domain/method/dates.ts';
import { addSignal } from '#lib/board/signals.ts';
import { orderAgenda } from '#lib/domain/standup/agenda.ts';
import type { BoardDeps } from '../deps.ts';
import { recordEvent, type CardEvent } from './events.ts';
import { loadAgenda } from './standup-agenda.ts';
import { buildSummary } from './standup-summary.ts';
import { closeStandup, recordDecision, startStandup } from './standups.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A scripted week on a real runtime: the document is set up first, the log emptied, then the week's
 * events written at chosen instants around the previous stand-up. "Now" is a Sunday noon UTC a week
 * ahead — already Monday in Auckland, still Sunday in Paris — so the board's time zone decides
 * which check-ins fall due "this week".
 */
let runtime: BoardDeps;
let boardId: string;
let dispose: () => Promise<void>;
let rollout: string;
let quiet: string;
let helped: string;
let now: number;
let since: number;
const user = 'user-claire';

function nextSundayNoon(from: number): number {
	const day = Math.floor(from / DAY);
	const sunday = day + ((3 - (day % 7) + 7) % 7); // day 3 after the epoch (a Thursday) was a Sunday
	return sunday * DAY + 12 * HOUR;
}

/** Waits for the projection to log the set-up, so its events are not mistaken for the week's. */
async function projected(found: () => Promise<unknown>) {
	for (let tries = 0; !(await found()); tries++) {
		if (tries > 250) throw new Error('the projection never logged the set-up');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function setUp(timeZone: string) {
	const opened = await openTestRuntime('standup-', { title: 'Four solaire', createdBy: user });
	({ runtime, boardId, dispose } = opened);
	rollout = opened.cardId;
	quiet = 'card-quiet-0001';
	helped = 'card-helped-001';
	now = nextSundayNoon(Date.now() + 7 * DAY);
	// A Wednesday two weeks back: weekly dues fall on Wednesdays; the first one is covered by the check-ins.
	const start = toDay(localDate(now, 'Pacific/Auckland'))! - 12;
	const room = await runtime.sync.openRoom(boardId);
	const feed = await runtime.sync.openFeed(boardId);
	await feed.write(user, (doc) => writeSettings(doc, { ...readSettings(doc), timeZone }));
	await room.write(user, (doc) => {
		createCard(doc, { id: quiet, title: 'Tarifs fournisseurs', stage: 'objective', rank: 'a1', createdBy: user });
		createCard(doc, { id: helped, title: 'Vitrine', stage: 'review', rank: 'a2', createdBy: user });
		const editor = new CardEditor(doc, user);
		editor.setField(rollout, 'baseline', 0);
		editor.setField(rollout, 'target', 100);
		editor.setField(rollout, 'direction', 'increase');
		editor.setField(rollout, 'deadline', fromDay(start + 100));
		const phase = { name: 'Pilote', segments: [], start: fromDay(start), end: fromDay(start + 60), cadence: 'weekly' };
		editor.putPhase(rollout, null, phase);
		editor.putCheckIn(rollout, null, { date: fromDay(start + 1), value: 0, confidence: 'at-risk' });
		editor.putCheckIn(rollout, null, { date: fromDay(start + 2), value: 60, confidence: 'on-track' });
	});
	// Projected apart (the projection gathers changes made within a few milliseconds), so the move is logged as one.
	await projected(() =>
		runtime.db.selectFrom('card_event').select('id').where('kind', '=', 'created').executeTakeFirst()
	);
	await room.write(user, (doc) => moveCard(doc, rollout, 'rollout', 'a0'));
	await projected(() =>
		runtime.db.selectFrom('card_event').select('id').where('kind', '=', 'moved').executeTakeFirst()
	);
	await runtime.db.deleteFrom('card_event').execute();
	since = now - 3 * DAY;
	const previous = await startStandup(runtime.db, {
		boardId,
		facilitatorId: user,
		locale: 'fr',
		timeBox: 90,
		now: since - HOUR
	});
	await closeStandup(runtime.db, previous.id, { endedAt: since } as never);
	const log = (cardId: string, kind: CardEvent['kind'], at: number, data: Record<string, unknown> = {}) =>
		recordEvent(runtime.db, { boardId, cardId, kind, actorId: user, data, at });
	await log(rollout, 'moved', since - 1, { from: 'scope', to: 'rollout' }); // before: not this week's
	await log(rollout, 'check-in', since + HOUR, { value: 0, date: fromDay(start + 1) });
	await log(rollout, 'check-in', since + 2 * HOUR, { value: 60, date: fromDay(start + 2) });
	await log(rollout, 'comment', since + 5 * HOUR, { commentId: 'c1', excerpt: 'Bravo' });
	await log(rollout, 'comment-edited', since + 6 * HOUR, { commentId: 'c1', excerpt: 'Bravo !' });
	// The guest's words are in the feed; the log keeps only who sent it.
	const feedback = {
		kind: 'works' as const,
		text: 'Les clients adorent',
		company: 'Épicerie Dupont',
		by: 'guest-1',
		at: since
	};
	await (await runtime.sync.openFeed(boardId)).write(user, (doc) => addSignal(doc, rollout, 's1', feedback));
	await log(rollout, 'signal', since + 7 * HOUR, { signalId: 's1', kind: 'works', company: 'Épicerie Dupont' });
	await log(helped, 'help', since, { commentId: 'c2', teamId: 'team-atelier-01', status: 'open' }); // on the edge: in
	await log(helped, 'signal', since + DAY, { signalId: 's2', source: 'client' });
	await log(rollout, 'outcome', now + 1, { verdict: 'generalised' }); // after now: not yet
}

afterEach(async () => dispose());

describe('the stand-up agenda over a scripted week', () => {
	beforeEach(() => setUp('Pacific/Auckland'));

	it('lists exactly the changes since the last stand-up, and nothing else', async () => {
		const standup = await startStandup(runtime.db, { boardId, facilitatorId: user, locale: 'fr', timeBox: 90, now });
		expect(standup.since).toBe(since);
		const { items } = await loadAgenda(runtime, boardId, standup.since, now);
		const byId = new Map(items.map((item) => [item.cardId, item]));
		expect(byId.get(rollout)!.changes.map(({ actorId: _a, ...c }) => c)).toEqual([
			{ kind: 'check-in', at: since + HOUR, value: 0, date: expect.any(String), before: 'no-data', after: 'at-risk' },
			{
				kind: 'check-in',
				at: since + 2 * HOUR,
				value: 60,
				date: expect.any(String),
				before: 'at-risk',
				after: 'on-track'
			},
			{ kind: 'comment', at: since + 5 * HOUR, excerpt: 'Bravo' },
			{ kind: 'signal', at: since + 7 * HOUR, guest: true, company: 'Épicerie Dupont', text: 'Les clients adorent' }
		]);
		expect(byId.get(helped)!.changes).toEqual([
			{ kind: 'help', at: since, actorId: user, teamId: 'team-atelier-01' },
			{ kind: 'signal', at: since + DAY, actorId: user, guest: false, company: '', text: '' }
		]);
		expect(byId.get(quiet)!).toMatchObject({ changes: [], untouched: true });
		expect(byId.get(rollout)!.untouched).toBe(false);
		expect(byId.get(helped)!.helpTeamIds).toEqual(['team-atelier-01']); // unanswered: on that team's list too
	});

	it('walks right to left, and puts what needs attention first when asked', async () => {
		const { items } = await loadAgenda(runtime, boardId, since, now);
		const walk = (riskFirst: boolean, changedOnly = false) =>
			orderAgenda(items, { riskFirst, filter: changedOnly ? 'changed' : 'all', teamId: null }).map(
				(item) => item.cardId
			);
		expect(walk(false)).toEqual([rollout, quiet, helped]);
		expect(walk(false, true)).toEqual([rollout, helped]);
	});

	it('counts a check-in due on Wednesday as this week in Auckland, where it is already Monday', async () => {
		const { items } = await loadAgenda(runtime, boardId, since, now);
		const due = items.find((item) => item.cardId === rollout)!.dueThisWeek;
		expect(due).toBe(fromDay(toDay(localDate(now, 'Pacific/Auckland'))! + 2));
	});

	it('freezes the week in the summary at the close, decisions included', async () => {
		const standup = await startStandup(runtime.db, { boardId, facilitatorId: user, locale: 'fr', timeBox: 90, now });
		await recordDecision(runtime.db, standup, {
			cardId: rollout,
			text: 'Étendre au 2e site',
			ownerId: null,
			due: null,
			by: user
		});
		const summary = await buildSummary(runtime, standup, 'Projets', now);
		expect(summary.perStage).toEqual({ ideas: 0, review: 1, objective: 1, scope: 0, rollout: 1, outcome: 0 });
		expect(summary.decisions).toEqual([
			{ cardId: rollout, title: 'Four solaire', text: 'Étendre au 2e site', owner: null, due: null }
		]);
		expect(summary.signals).toEqual({ guest: 1, member: 1 });
		expect(summary.outcomes).toEqual([]);
	});
});

describe('the same week on a board in Paris', () => {
	beforeEach(() => setUp('Europe/Paris'));

	it('leaves that Wednesday to next week: it is still Sunday there', async () => {
		const { items } = await loadAgenda(runtime, boardId, since, now);
		expect(items.find((item) => item.cardId === rollout)!.dueThisWeek).toBeNull();
	});
});
