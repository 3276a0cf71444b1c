import { readCards } from '#lib/board/schema.ts';
import type { Db } from '../db/open.ts';
import { buildSummary } from '../services/standup-summary.ts';
import { addCardTime, closeStandup, joinStandup, recordDecision, startStandup } from '../services/standups.ts';
import type { Rooms } from '../deps.ts';
import { DEMO } from './demo-data.ts';

const MINUTE = 60_000;

/**
 * Last week's stand-up on the demo board, led by the manager: the history and the summary page have
 * something to show on the first visit, and this week's stand-up counts its changes from there.
 */
export async function seedDemoStandup(
	db: Db,
	sync: Rooms,
	board: { id: string; name: string },
	people: { facilitator: string; attendees: string[] },
	now: number
): Promise<void> {
	const startedAt = now - 7 * 24 * 60 * MINUTE;
	const standup = await startStandup(db, {
		boardId: board.id,
		facilitatorId: people.facilitator,
		locale: 'fr',
		timeBox: 90,
		now: startedAt
	});
	for (const [i, userId] of [people.facilitator, ...people.attendees].entries())
		await joinStandup(db, standup.id, userId, startedAt + i * MINUTE);
	const rollout = readCards((await sync.openRoom(board.id)).doc).filter((card) => card.stage === 'rollout');
	for (const [i, card] of rollout.entries()) {
		await addCardTime(db, standup.id, card.id, 75 + i * 20, startedAt + (i + 1) * 2 * MINUTE);
		if (i === 0)
			await recordDecision(db, standup, {
				cardId: card.id,
				text: DEMO.organisation.standup.decision,
				ownerId: people.attendees[0] ?? null,
				due: null,
				by: people.facilitator,
				now: startedAt + 3 * MINUTE
			});
	}
	const summary = await buildSummary({ db, sync }, standup, board.name, startedAt + 14 * MINUTE);
	await closeStandup(db, standup.id, summary);
}
