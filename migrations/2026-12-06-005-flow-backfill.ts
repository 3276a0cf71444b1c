import type { Kysely } from 'kysely';

// Frozen: never edit a landed migration, add a new one. Uses only Kysely's dialect-neutral builder.
interface Tables {
	card: { id: string; board_id: string; stage: string; updated_at: number };
	card_event: {
		id: string;
		board_id: string;
		card_id: string;
		kind: string;
		actor_id: string | null;
		data: string;
		created_at: number;
	};
}

/**
 * The flow metrics place cards in stages from their 'created' and 'moved' events. Cards projected
 * before the log recorded them have neither: each gets one 'created' event in its current stage,
 * marked backfilled, dated at its first logged event (or its row's last update when it has none).
 * That is the earliest moment the server can vouch for; the time before it is not counted.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
	const db = untyped as unknown as Kysely<Tables>;
	const cards = await db.selectFrom('card').select(['id', 'board_id', 'stage', 'updated_at']).execute();
	const placed = new Set(
		(
			await db.selectFrom('card_event').select('card_id').where('kind', 'in', ['created', 'moved']).distinct().execute()
		).map((row) => row.card_id)
	);
	const first = new Map<string, number>();
	for (const row of await db
		.selectFrom('card_event')
		.select(['card_id', (eb) => eb.fn.min<number>('created_at').as('at')])
		.groupBy('card_id')
		.execute())
		first.set(row.card_id, Number(row.at));
	for (const card of cards) {
		if (placed.has(card.id)) continue;
		await db
			.insertInto('card_event')
			.values({
				id: `backfill-${card.id}`,
				board_id: card.board_id,
				card_id: card.id,
				kind: 'created',
				actor_id: null,
				data: JSON.stringify({ stage: card.stage, backfilled: true }),
				created_at: Math.min(first.get(card.id) ?? card.updated_at, card.updated_at)
			})
			.execute();
	}
}

export async function down(): Promise<void> {
	throw new Error('forward-only migrations');
}
