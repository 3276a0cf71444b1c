import * as Y from 'yjs';
import { isStage, type Stage } from '#lib/domain/stages.ts';
import { isRank } from '#lib/domain/ordering.ts';
import { readSections, type CardSections } from './card-sections.ts';

/**
 * The board document. One Y.Doc per board:
 *   cards: Y.Map<cardId, Y.Map>  — each card a Y.Map of fields (see CardFields) and sections (sections.ts)
 *   micro:<cardId>:<actor>, learnings:<cardId>: Y.Text — a card's prose (card-texts.ts)
 *   settings: Y.Map              — the board's method settings (board-settings.ts)
 *   objectives: Y.Map<id, {…}>   — the board's global objectives (board-settings.ts)
 * Short fields are plain values (last writer wins); the description is a Y.Text so that people
 * typing at once all keep their words. Only this folder knows the key names.
 */
export interface CardFields {
	id: string;
	title: string;
	stage: Stage;
	rank: string;
	archived: boolean;
	createdAt: number;
	createdBy: string;
}

/** A plain snapshot of a card, safe to put into $state or a database row. */
export interface CardView extends CardFields {
	description: string;
	/** The method's sections (see sections.ts for how they are stored). */
	sections: CardSections;
}

export const DESCRIPTION = 'description';

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap('cards');
}

export function readCard(card: Y.Map<unknown>): CardView | null {
	const id = card.get('id');
	const title = card.get('title');
	const stage = card.get('stage');
	const rank = card.get('rank');
	if (typeof id !== 'string' || typeof title !== 'string' || !isStage(stage)) return null;
	if (!isRank(rank)) return null;
	const description = card.get(DESCRIPTION);
	return {
		id,
		title,
		stage,
		rank,
		archived: card.get('archived') === true,
		createdAt: numberOr(card.get('createdAt'), 0),
		createdBy: typeof card.get('createdBy') === 'string' ? (card.get('createdBy') as string) : '',
		description: description instanceof Y.Text ? description.toString() : '',
		sections: readSections(card)
	};
}

/** Every well-formed card of the document; malformed entries (hostile or buggy writers) are skipped. */
export function readCards(doc: Y.Doc): CardView[] {
	const cards: CardView[] = [];
	for (const card of cardsMap(doc).values()) {
		if (!(card instanceof Y.Map)) continue;
		const view = readCard(card);
		if (view) cards.push(view);
	}
	return cards;
}

export function getCard(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const card = cardsMap(doc).get(id);
	return card instanceof Y.Map ? card : null;
}

export function getDescription(doc: Y.Doc, id: string): Y.Text | null {
	const text = getCard(doc, id)?.get(DESCRIPTION);
	return text instanceof Y.Text ? text : null;
}

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Ids of the cards a batch of deep-observed changes touched (added, removed or edited). */
export function touchedCardIds(
	doc: Y.Doc,
	events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
	into: Set<string>
): void {
	const cards = cardsMap(doc);
	for (const event of events) {
		const [first] = event.path;
		if (typeof first === 'string') into.add(first);
		else if (event.target === cards) for (const key of event.keys.keys()) into.add(key);
	}
}
