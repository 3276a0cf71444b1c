import type { Selectable } from 'kysely';
import * as Y from 'yjs';
import type { Stage } from '#lib/domain/stages.ts';
import { readSettings } from '#lib/board/board-settings.ts';
import { observeCardTexts } from '#lib/board/card-texts.ts';
import { cardsMap, getCard, readCard, readCards, touchedCardIds, type CardView } from '#lib/board/schema.ts';
import { liveCards, readWipLimits } from '#lib/board/wip-limits.ts';
import { hasLimits, type LiveCard } from '#lib/domain/method/wip-limits.ts';
import type { CollectionRecords } from '#lib/board/sections.ts';
import { cardSharing, toAudience } from '#lib/board/sharing.ts';
import { localDate } from '#lib/domain/method/dates.ts';
import type { Db } from '../db/open.ts';
import type { Database } from '../db/schema.ts';
import { writeEvents, type CardEvent } from '../services/events.ts';
import { cardChanges, marksOf, type CardMarks } from './card-events.ts';
import { checkInPlanColumn } from './check-in-plan.ts';
import { bypassFlag, limitCodes } from './gate-guard.ts';
import { guestColumns } from './guest-view.ts';

export type Flag = CollectionRecords['flags'];
/** How long changes wait to be projected together (see flushSoon). */
export const FLUSH_DELAY_MS = 25;

/** A card's state before and after a flush: [id, previous, projected]. */
type Seen = [string, CardMarks | null, CardMarks | null];

export interface ProjectionOptions {
	/** The board's feed document, for its settings (read when flushing). */
	feed: () => Promise<Y.Doc>;
	/** Whether a person may force gates on this board (owners and managers). */
	mayOverride: (userId: string) => Promise<boolean>;
	/** Called with each move that crossed a gate without a valid override; the caller writes the flag. */
	onBypass: (cardId: string, flag: Flag) => void;
	/** Called after a flush that changed what guests see (a card shared, unshared, or its guest view). */
	onGuestChange?: () => void;
	/** Runs first in every transaction that writes rows or events: throws when this process lost the board. */
	guard?: (trx: Db) => Promise<void>;
}

/**
 * Keeps the relational `card` rows (what search, stand-ups and the guest portal read) in step with a
 * board document. Collects the ids of cards touched by each change, and who made it; `flush` writes
 * them in one go and checks forward moves against the gates.
 */
export class CardProjection {
	#db: Db;
	#boardId: string;
	#doc: Y.Doc;
	#options: ProjectionOptions;
	/** Card id → the person whose change touched it last (null: the server itself). */
	#dirty = new Map<string, string | null>();
	/** Card id → its last projected state, what the event log compares (its marks: a whole CardView per card weighs). */
	#last = new Map<string, CardMarks>();
	/** Events get strictly increasing times, so the log keeps their order. */
	#lastAt = 0;
	/** The flush under way, and the one asked for meanwhile. */
	#flushing: Promise<void> | null = null;
	#next: Promise<void> | null = null;
	/** Stops following the cards' texts (root-level, outside `cards`: see card-texts.ts). */
	#stopTexts: () => void;
	#soon: ReturnType<typeof setTimeout> | null = null;

	constructor(db: Db, boardId: string, doc: Y.Doc, options: ProjectionOptions) {
		this.#db = db;
		this.#boardId = boardId;
		this.#doc = doc;
		this.#options = options;
		cardsMap(doc).observeDeep(this.#collect);
		this.#stopTexts = observeCardTexts(doc, (ids, transaction) => this.#mark(ids, transaction));
	}

	/** Stops following the document (it is unloaded). */
	stop(): void {
		cardsMap(this.#doc).unobserveDeep(this.#collect);
		this.#stopTexts();
		if (this.#soon) clearTimeout(this.#soon);
	}

	/**
	 * Flushes within FLUSH_DELAY_MS: while many people move cards, one transaction projects a burst of
	 * changes rather than one each (the rows are for search, stand-ups and guests, not the live board).
	 */
	flushSoon(): void {
		this.#soon ??= setTimeout(() => {
			this.#soon = null;
			this.flush().catch((e: unknown) => console.error(`[projection] board ${this.#boardId}: ${String(e)}`));
		}, FLUSH_DELAY_MS);
	}

	#collect = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
		const ids = new Set<string>();
		touchedCardIds(this.#doc, events, ids);
		this.#mark(ids, transaction);
	};

	#mark(ids: Set<string>, transaction: Y.Transaction): void {
		const writer = writerOf(transaction.origin);
		for (const id of ids) this.#dirty.set(id, writer);
	}

	/**
	 * Rewrites every card of the board (at load: heals any drift). Moves are not judged here; a card
	 * created or moved since its row was written (a process that died before projecting it) is logged.
	 */
	async rebuild(): Promise<void> {
		for (const id of cardsMap(this.#doc).keys()) this.#dirty.set(id, null);
		await this.flush(false);
	}

	/**
	 * Projects what changed since the last flush. One flush at a time: those asked for while one runs
	 * become one more after it, so a busy board costs a transaction per flush, not one per change.
	 */
	flush(logEvents = true): Promise<void> {
		if (!this.#flushing) {
			this.#flushing = this.#flushNow(logEvents).finally(() => (this.#flushing = null));
			return this.#flushing;
		}
		return (this.#next ??= this.#flushing
			.catch(() => undefined)
			.then(() => {
				this.#next = null;
				return this.flush(logEvents);
			}));
	}

	async #flushNow(logEvents: boolean): Promise<void> {
		if (this.#dirty.size === 0) return;
		const events: CardEvent[] = [];
		const seen: Seen[] = [];
		const dirty = [...this.#dirty];
		this.#dirty.clear();
		const now = Date.now();
		const flags: [string, Flag][] = [];
		const feed = await this.#options.feed();
		const settings = readSettings(feed);
		const wipLimits = readWipLimits(feed);
		// The whole board is read once, and only when a flush holds a move to judge against limits.
		let board: LiveCard[] | null = null;
		const boardNow = () => (board ??= liveCards(readCards(this.#doc)));
		const { timeZone } = settings;
		const today = localDate(now, timeZone);
		let guestChange = false;
		// Asked before the transaction: SQLite has one connection, so a query inside would wait for itself.
		const mayOverride = await this.#rolesOf(dirty.map(([, writer]) => writer));
		const written = this.#db.transaction().execute(async (trx) => {
			await this.#options.guard?.(trx);
			const stored = await storedRows(
				trx,
				this.#boardId,
				dirty.map(([id]) => id)
			);
			for (const [id, writer] of dirty) {
				const map = getCard(this.#doc, id);
				const read = map ? readCard(map) : null;
				const card = read?.id === id ? read : null;
				// Read and replaced with no await in between, so two flushes never log the same change twice.
				const previous = this.#last.get(id) ?? null;
				const marks = card && marksOf(card);
				seen.push([id, previous, marks]);
				if (marks) this.#last.set(id, marks);
				else this.#last.delete(id);
				if (!card) {
					const gone = await trx
						.deleteFrom('card')
						.where('id', '=', id)
						.where('board_id', '=', this.#boardId)
						.returning('shared_with')
						.execute();
					guestChange ||= gone.some((row) => row.shared_with !== '[]');
					continue;
				}
				const before = stored.get(id);
				// A card written straight into a later stage is judged as a move from the first one.
				const from = (before?.stage ?? 'ideas') as Stage;
				const changes = logEvents ? cardChanges(previous, card) : missedChanges(before, card, stored.size > 0);
				for (const { kind, data } of changes)
					events.push({ boardId: this.#boardId, cardId: id, kind, data, actorId: writer, at: this.#nextAt() });
				if (writer && from !== card.stage) {
					const who = { userId: writer, mayOverride: mayOverride.has(writer) };
					// Limits judge moves of cards already on the board (a new card is not a move).
					const limits = before && hasLimits(wipLimits) ? limitCodes(boardNow(), card, from, wipLimits) : [];
					const flag = bypassFlag(card, from, settings, who, now, limits);
					if (flag) {
						flags.push([id, flag]);
						const data = { from: flag.from, to: flag.to, missing: flag.missing };
						events.push({
							boardId: this.#boardId,
							cardId: id,
							kind: 'gate-flagged',
							data,
							actorId: flag.by,
							at: this.#nextAt()
						});
					}
				}
				const row = {
					title: card.title,
					stage: card.stage,
					rank: card.rank,
					archived: card.archived ? 1 : 0,
					owner_id: card.sections.ownerId,
					team_id: card.sections.teamId,
					// A rebuild at load re-reads every card: it must not make them all look just edited.
					updated_at: logEvents || !before ? now : before.updated_at,
					check_in_plan: checkInPlanColumn(card, timeZone),
					...guestColumns(card, toAudience(cardSharing(this.#doc, id)), today)
				};
				guestChange ||=
					(before?.shared_with ?? '[]') !== row.shared_with || (before?.guest_view ?? '{}') !== row.guest_view;
				// At load nearly every row is already right: rewriting them all would make opening a board slow.
				if (!logEvents && before && sameRow(before, row)) continue;
				await trx
					.insertInto('card')
					.values({ id, board_id: this.#boardId, ...row })
					.onConflict((oc) => oc.column('id').doUpdateSet(row).where('card.board_id', '=', this.#boardId))
					.execute();
			}
			// In the same transaction as the rows: a crash keeps both or neither, so a later rebuild logs
			// what this one did not, and never twice.
			return writeEvents(trx, events);
		});
		// Forgotten again if not written, so the next flush logs these changes rather than losing them.
		const tellListeners = await written.catch((error: unknown) => {
			this.#forget(seen);
			throw error;
		});
		await tellListeners();
		for (const [id, flag] of flags) this.#options.onBypass(id, flag);
		if (guestChange) this.#options.onGuestChange?.();
	}

	#nextAt(): number {
		return (this.#lastAt = Math.max(Date.now(), this.#lastAt + 1));
	}

	/** After a failed write: back to the states last projected, unless a later flush moved on already. */
	#forget(seen: Seen[]): void {
		for (const [id, previous, card] of seen.reverse()) {
			if ((this.#last.get(id) ?? null) !== card) continue;
			if (previous) this.#last.set(id, previous);
			else this.#last.delete(id);
		}
	}

	/** Which of these writers may force gates. */
	async #rolesOf(writers: (string | null)[]): Promise<Set<string>> {
		const allowed = new Set<string>();
		for (const writer of new Set(writers)) if (writer && (await this.#options.mayOverride(writer))) allowed.add(writer);
		return allowed;
	}
}

/** The person behind a change: a sync peer's user id; null for the server's own writes. */
function writerOf(origin: unknown): string | null {
	if (typeof origin !== 'object' || origin === null || !('userId' in origin)) return null;
	const peer = origin as { userId: unknown; server?: unknown };
	return typeof peer.userId === 'string' && peer.userId !== '' && peer.server !== true ? peer.userId : null;
}

type CardRow = Selectable<Database['card']>;
type ProjectedRow = Omit<CardRow, 'id' | 'board_id'>;

/** The stored rows of these cards, read in chunks (SQLite bounds the parameters of one query). */
async function storedRows(db: Db, boardId: string, ids: string[]): Promise<Map<string, CardRow>> {
	const rows = new Map<string, CardRow>();
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = await db
			.selectFrom('card')
			.selectAll()
			.where('board_id', '=', boardId)
			.where('id', 'in', ids.slice(i, i + 500))
			.execute();
		for (const row of chunk) rows.set(row.id, row);
	}
	return rows;
}

/**
 * What a rebuild logs: a card created or moved since its row was written. Only on a board projected
 * before (some rows stored): a board restored or loaded for the first time did not just get its cards.
 */
function missedChanges(stored: CardRow | undefined, card: CardView, projectedBefore: boolean) {
	if (!projectedBefore) return [];
	if (!stored) return cardChanges(null, card);
	return stored.stage === card.stage ? [] : [{ kind: 'moved' as const, data: { from: stored.stage, to: card.stage } }];
}

/** Whether a stored row already says what the projection would write (its time aside). */
function sameRow(stored: CardRow, row: ProjectedRow): boolean {
	return (Object.keys(row) as (keyof ProjectedRow)[]).every((key) => key === 'updated_at' || stored[key] === row[key]);
}
