import { readObjectives } from '../../src/lib/board/board-settings.ts';
import { createCard } from '../../src/lib/board/commands.ts';
import { putEntry, setField } from '../../src/lib/board/section-commands.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import type { Member } from './accounts.ts';
import { connectClient, connectFeed, eventually, whenSynced } from './yclient.ts';

export const FLOW_CARD = { title: 'Relances automatiques', objective: 'Réduire les délais' };

/**
 * A board with one global objective (added through the settings page, as a manager would) and one
 * initiative serving it (40 → 30 days, measured 35: half way, an effect of 5 days), written by a
 * y-websocket client; then a January past in the card log: Ideas on the 5th, Review on the 7th,
 * Outcome on the 17th (generalised). Returns the card's id once the projection holds it.
 */
export async function seedFlowBoard(url: string, db: Db, owner: Member, boardId: string): Promise<string> {
	const added = await fetch(`${url}/b/${boardId}/settings?/addObjective`, {
		method: 'POST',
		headers: { Cookie: owner.cookie, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ title: FLOW_CARD.objective })
	});
	if (added.status !== 200) throw new Error(`addObjective: ${added.status}`);
	const feed = connectFeed(url, boardId, owner.cookie);
	await whenSynced(feed);
	await eventually(() => readObjectives(feed.doc).length > 0, 5000, 'the objective');
	const objectiveId = readObjectives(feed.doc)[0]!.id;
	feed.destroy();

	const cardId = `flow-card-${boardId.slice(0, 8)}`;
	const client = connectClient(url, boardId, owner.cookie);
	await whenSynced(client);
	client.doc.transact(() => {
		createCard(client.doc, {
			id: cardId,
			title: FLOW_CARD.title,
			stage: 'rollout',
			rank: 'a0',
			createdBy: owner.userId
		});
		setField(client.doc, cardId, 'unit', 'jours');
		setField(client.doc, cardId, 'direction', 'decrease');
		setField(client.doc, cardId, 'baseline', 40);
		setField(client.doc, cardId, 'target', 30);
		setField(client.doc, cardId, 'globalObjectiveId', objectiveId);
		const checkIn = {
			date: '2026-11-20',
			value: 35,
			confidence: 'on-track',
			note: '',
			by: owner.userId,
			at: Date.now()
		} as const;
		putEntry(client.doc, cardId, 'checkIns', 'ci-1', checkIn);
	});
	const projected = async () =>
		(await db.selectFrom('card').select('id').where('id', '=', cardId).executeTakeFirst()) !== undefined;
	for (let i = 0; i < 100 && !(await projected()); i++) await new Promise((r) => setTimeout(r, 50));
	client.destroy();

	const event = (kind: string, at: string, data: Record<string, unknown>) => ({
		id: `${cardId}-${kind}-${at}`,
		board_id: boardId,
		card_id: cardId,
		kind,
		actor_id: owner.userId,
		data: JSON.stringify(data),
		created_at: Date.parse(at)
	});
	await db
		.insertInto('card_event')
		.values([
			event('created', '2026-01-05T10:00:00Z', { stage: 'ideas' }),
			event('moved', '2026-01-07T10:00:00Z', { from: 'ideas', to: 'review' }),
			event('moved', '2026-01-17T10:00:00Z', { from: 'review', to: 'outcome' }),
			event('outcome', '2026-01-17T10:01:00Z', { verdict: 'generalised' })
		])
		.execute();
	return cardId;
}
