import * as Y from 'yjs';
import { isStage, type Stage } from '#lib/domain/stages.ts';

/**
 * The board document. One Y.Doc per board:
 *   cards: Y.Map<cardId, Y.Map>  — each card a Y.Map of fields (see CardFields)
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
	if (typeof rank !== 'string') return null;
	const description = card.get(DESCRIPTION);
	return {
		id,
		title,
		stage,
		rank,
		archived: card.get('archived') === true,
		createdAt: numberOr(card.get('createdAt'), 0),
		createdBy: typeof card.get('createdBy') === 'string' ? (card.get('createdBy') as string) : '',
		description: description instanceof Y.Text ? description.toString() : ''
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
