import { STAGES, stageIndex, type Stage } from '#lib/domain/stages.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../ids.ts';
import type { DemoCard } from './demo-data.ts';

const DAY = 86_400_000;

/**
 * A past for the demo's initiatives, written into the card log: the seed puts every card straight
 * into its stage today, which would leave the flow metrics with nothing to show. Each card is said
 * to have started in Ideas and moved one stage every few days, arriving in its stage within the
 * last three weeks; every third card past Objective went back once; concluded ones got their verdict.
 * (The projection's own 'created' event, today and in the same stage, changes nothing.)
 */
export async function seedDemoHistory(
	db: Db,
	boardId: string,
	cards: readonly { id: string; card: DemoCard; actorId: string | null }[],
	now: number
): Promise<void> {
	const rows: { card_id: string; kind: string; data: Record<string, unknown>; at: number; actor: string | null }[] = [];
	cards.forEach(({ id, card, actorId }, j) => {
		const target = stageIndex(card.stage);
		const step = (4 + (j % 4) * 2) * DAY;
		const arrival = now - (2 + ((j * 5) % 20)) * DAY;
		const push = (kind: string, data: Record<string, unknown>, at: number) =>
			rows.push({ card_id: id, kind, data, at, actor: actorId });
		push('created', { stage: 'ideas' }, arrival - target * step);
		for (let s = 1; s <= target; s++) {
			const at = arrival - (target - s) * step;
			const from = STAGES[s - 1] as Stage;
			const to = STAGES[s] as Stage;
			push('moved', { from, to }, at);
			if (s === stageIndex('scope') && s < target && j % 3 === 0) {
				push('moved', { from: to, to: from }, at + DAY);
				push('moved', { from, to }, at + 2 * DAY);
			}
		}
		if (card.outcome) push('outcome', { verdict: card.outcome.verdict }, arrival + 3_600_000);
	});
	if (rows.length === 0) return;
	await db
		.insertInto('card_event')
		.values(
			rows.map((r) => ({
				id: newId(),
				board_id: boardId,
				card_id: r.card_id,
				kind: r.kind,
				actor_id: r.actor,
				data: JSON.stringify(r.data),
				created_at: r.at
			}))
		)
		.execute();
}
