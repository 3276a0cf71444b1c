import { createCard, setArchived } from '../../src/lib/board/commands.ts';
import { putEntry, setField } from '../../src/lib/board/section-commands.ts';
import { setSharing, type Sharing } from '../../src/lib/board/sharing.ts';
import type { Stage } from '../../src/lib/domain/stages.ts';
import type { Db } from '../../src/lib/server/db/open.ts';
import { newId } from '../../src/lib/server/ids.ts';
import type { Member } from './accounts.ts';
import { connectClient, whenSynced } from './yclient.ts';

export interface SeedCard {
	title: string;
	description?: string;
	stage?: Stage;
	sharing?: Sharing;
	archived?: boolean;
	/** Check-ins (value, note): the first one marked visible to guests, the others internal. */
	checkIns?: { value: number; note: string; shared: boolean }[];
}

/**
 * Writes cards into a board as a member's browser would (a y-websocket client), with an objective,
 * and waits until the server's projection holds every one of them. Returns their ids, in order.
 */
export async function writeCards(baseUrl: string, db: Db, who: Member, boardId: string, cards: SeedCard[]) {
	const client = connectClient(baseUrl, boardId, who.cookie);
	await whenSynced(client);
	const ids = cards.map(() => newId());
	const { doc } = client;
	doc.transact(() =>
		cards.forEach((card, i) => {
			const id = ids[i] ?? newId();
			const { title, description = '', stage = 'rollout' } = card;
			createCard(doc, { id, title, stage, rank: `a${i}`, createdBy: who.userId, description });
			setField(doc, id, 'metric', 'Ventes en vrac');
			setField(doc, id, 'unit', 'kg');
			setField(doc, id, 'baseline', 0);
			setField(doc, id, 'target', 200);
			setField(doc, id, 'ownerId', who.userId);
			(card.checkIns ?? []).forEach(({ value, note, shared }, k) =>
				putEntry(doc, id, 'checkIns', newId(), {
					date: `2026-01-${String(10 + k).padStart(2, '0')}`,
					value,
					confidence: 'on-track',
					note,
					shared,
					by: who.userId,
					at: Date.now() + k
				})
			);
			if (card.sharing) setSharing(doc, id, card.sharing);
			if (card.archived) setArchived(doc, id, true);
		})
	);
	try {
		await until(async () => {
			const rows = await db.selectFrom('card').select('id').where('board_id', '=', boardId).execute();
			return ids.every((id) => rows.some((r) => r.id === id));
		}, 'the cards in the projection');
	} finally {
		client.destroy();
	}
	return ids;
}

/** Polls an asynchronous check until it holds (real servers are asynchronous; no fixed sleeps). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!(await check())) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}
