import * as v from 'valibot';
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { rankBetween, rankForIndex } from '#lib/domain/ordering.ts';
import { CheckInInput, DecisionInput, METHOD_LIMITS, PhaseInput, ResourceInput } from '#lib/domain/method/schemas.ts';
import { FORCES, type Force } from '#lib/domain/method/types.ts';
import { getCard } from '#lib/board/schema.ts';
import { putEntry, removeEntry, setField } from '#lib/board/section-commands.ts';
import { FIELD_INPUTS, readEntries, readList, type Collection, type Field } from '#lib/board/sections.ts';

export type ListName = 'strengths' | 'difficulties' | 'segments';

const ListText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(METHOD_LIMITS.listItem));
const ForceNote = v.pipe(v.string(), v.trim(), v.maxLength(METHOD_LIMITS.note));
const LIST_MAX: Record<ListName, number> = {
	strengths: METHOD_LIMITS.listItems,
	difficulties: METHOD_LIMITS.listItems,
	segments: METHOD_LIMITS.segments
};

/**
 * Edits of a card's method sections, from this person's browser. Each input is validated here
 * (false or null when refused) before it becomes one write to the document.
 */
export class CardEditor {
	readonly #doc: Y.Doc;
	readonly #userId: string;

	constructor(doc: Y.Doc, userId: string) {
		this.#doc = doc;
		this.#userId = userId;
	}

	setField<F extends Field>(cardId: string, field: F, value: unknown): boolean {
		const parsed = v.safeParse(FIELD_INPUTS[field], value);
		if (parsed.success) setField(this.#doc, cardId, field, parsed.output as v.InferOutput<(typeof FIELD_INPUTS)[F]>);
		return parsed.success;
	}

	/** Appends an item to a list; returns its id, or null when the text or the list size is refused. */
	addItem(cardId: string, list: ListName, text: string): string | null {
		const card = getCard(this.#doc, cardId);
		const parsed = v.safeParse(ListText, text);
		if (!card || !parsed.success) return null;
		const items = readList(card, list);
		if (items.length >= LIST_MAX[list]) return null;
		const id = nanoid(12);
		putEntry(this.#doc, cardId, list, id, { text: parsed.output, rank: rankBetween(items.at(-1)?.rank ?? null, null) });
		return id;
	}

	editItem(cardId: string, list: ListName, id: string, text: string): boolean {
		const card = getCard(this.#doc, cardId);
		const item = card ? readList(card, list).find((i) => i.id === id) : undefined;
		const parsed = v.safeParse(ListText, text);
		if (!item || !parsed.success) return false;
		// Rewritten in someone's own words, a template's prompt becomes a real item.
		putEntry(this.#doc, cardId, list, id, { text: parsed.output, rank: item.rank });
		return true;
	}

	/** Moves an item up (−1) or down (+1) its list. */
	shiftItem(cardId: string, list: ListName, id: string, offset: -1 | 1): void {
		const card = getCard(this.#doc, cardId);
		const items = card ? readList(card, list) : [];
		const index = items.findIndex((i) => i.id === id);
		const item = items[index];
		if (!item || index + offset < 0 || index + offset >= items.length) return;
		const rank = rankForIndex(items, id, index + offset);
		putEntry(
			this.#doc,
			cardId,
			list,
			id,
			item.prompt ? { text: item.text, rank, prompt: true } : { text: item.text, rank }
		);
	}

	remove(cardId: string, collection: Exclude<Collection, 'overrides' | 'flags'>, id: string): void {
		removeEntry(this.#doc, cardId, collection, id);
	}

	/** Rates one of the five forces; a null rating clears it. */
	setForce(cardId: string, force: Force, rating: number | null, note: string): boolean {
		if (!FORCES.includes(force)) return false;
		if (rating === null) return (removeEntry(this.#doc, cardId, 'forces', force), true);
		const parsed = v.safeParse(v.object({ rating: v.picklist([1, 2, 3, 4, 5]), note: ForceNote }), { rating, note });
		if (parsed.success) putEntry(this.#doc, cardId, 'forces', force, parsed.output);
		return parsed.success;
	}

	/** Adds (id null) or replaces a resource; returns its id or null when refused. */
	putResource(cardId: string, id: string | null, input: unknown): string | null {
		const card = getCard(this.#doc, cardId);
		const parsed = v.safeParse(ResourceInput, input);
		if (!card || !parsed.success) return null;
		const existing = readEntries(card, 'resources');
		const kept = existing.find((r) => r.id === id);
		if (!kept && existing.length >= METHOD_LIMITS.resources) return null;
		const rank =
			kept?.rank ??
			rankBetween(
				existing
					.map((r) => r.rank)
					.sort()
					.at(-1) ?? null,
				null
			);
		const key = kept ? kept.id : nanoid(12);
		putEntry(this.#doc, cardId, 'resources', key, { ...parsed.output, rank });
		return key;
	}

	/** Adds (id null) or replaces a rollout phase; returns its id or null when refused. */
	putPhase(cardId: string, id: string | null, input: unknown): string | null {
		const card = getCard(this.#doc, cardId);
		const parsed = v.safeParse(PhaseInput, input);
		if (!card || !parsed.success) return null;
		const existing = readEntries(card, 'phases');
		if (!existing.some((p) => p.id === id) && existing.length >= METHOD_LIMITS.phases) return null;
		const key = id ?? nanoid(12);
		putEntry(this.#doc, cardId, 'phases', key, parsed.output);
		return key;
	}

	/** Records (or clears, with null) the go/no-go decision of a phase. */
	decide(cardId: string, phaseId: string, decision: unknown): boolean {
		const card = getCard(this.#doc, cardId);
		const phase = card ? readEntries(card, 'phases').find((p) => p.id === phaseId) : undefined;
		const parsed = v.safeParse(v.nullable(DecisionInput), decision);
		if (!phase || !parsed.success) return false;
		const { id: _id, ...record } = phase;
		putEntry(this.#doc, cardId, 'phases', phaseId, { ...record, decision: parsed.output });
		return true;
	}

	/** Adds (id null) or corrects a check-in; returns its id or null when refused. */
	putCheckIn(cardId: string, id: string | null, input: unknown): string | null {
		const card = getCard(this.#doc, cardId);
		const parsed = v.safeParse(CheckInInput, input);
		if (!card || !parsed.success) return null;
		const existing = readEntries(card, 'checkIns');
		const kept = existing.find((c) => c.id === id);
		if (!kept && existing.length >= METHOD_LIMITS.checkIns) return null;
		const key = kept ? kept.id : nanoid(12);
		const stamp = kept ? { by: kept.by, at: kept.at } : { by: this.#userId, at: Date.now() };
		putEntry(this.#doc, cardId, 'checkIns', key, { ...parsed.output, ...stamp });
		return key;
	}
}
