import { STAGES, type Stage } from '#lib/domain/stages.ts';
import { attentionReasons } from '#lib/domain/standup/agenda.ts';
import type { StandupSummary } from '#lib/domain/standup/record.ts';
import type { BoardDeps } from '../deps.ts';
import { loadAgenda } from './standup-agenda.ts';
import { listAttendees, listCardTimes, listDecisions, type Standup } from './standups.ts';

/** The figures of a stand-up at its close, with every name resolved, ready to be frozen. */
export async function buildSummary(
	runtime: BoardDeps,
	standup: Standup,
	boardName: string,
	now = Date.now()
): Promise<StandupSummary> {
	const { db } = runtime;
	const [agenda, attendees, times, decisions] = await Promise.all([
		loadAgenda(runtime, standup.boardId, standup.since, now),
		listAttendees(db, standup.id),
		listCardTimes(db, standup.id),
		listDecisions(db, standup.id)
	]);
	const titles = new Map(agenda.cards.map((c) => [c.id, c.title]));
	const names = await personNames(runtime, [
		standup.facilitatorId,
		...decisions.flatMap((d) => (d.ownerId ? [d.ownerId] : []))
	]);
	const titleOf = (cardId: string) => titles.get(cardId) ?? '—';
	const perStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
	for (const card of agenda.cards) perStage[card.stage] += 1;
	const signals = agenda.events.filter((e) => e.kind === 'signal');
	return {
		boardName,
		locale: standup.locale,
		timeZone: agenda.timeZone,
		facilitator: names.get(standup.facilitatorId) ?? '—',
		since: standup.since,
		startedAt: standup.startedAt,
		endedAt: now,
		attendees: attendees.map((a) => a.name),
		reviewed: times.map((t) => ({ ...t, title: titleOf(t.cardId) })),
		perStage,
		atRisk: agenda.items
			.map((item) => ({ item, reasons: attentionReasons(item) }))
			.filter(({ item, reasons }) => item.stage === 'rollout' && reasons.length > 0)
			.map(({ item, reasons }) => ({
				cardId: item.cardId,
				title: item.title,
				status: item.status,
				missed: item.missed,
				reasons
			})),
		decisions: decisions.map((d) => ({
			cardId: d.cardId,
			title: titleOf(d.cardId),
			text: d.text,
			owner: d.ownerId ? (names.get(d.ownerId) ?? null) : null,
			due: d.due
		})),
		outcomes: agenda.events
			.filter((e) => e.kind === 'outcome' && typeof e.data.verdict === 'string')
			.map((e) => ({ cardId: e.cardId, title: titleOf(e.cardId), verdict: String(e.data.verdict) })),
		signals: {
			guest: signals.filter((e) => 'company' in e.data).length,
			member: signals.filter((e) => !('company' in e.data)).length
		}
	};
}

async function personNames(runtime: Pick<BoardDeps, 'db'>, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await runtime.db.selectFrom('user').select(['id', 'name']).where('id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}
