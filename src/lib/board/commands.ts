import * as Y from 'yjs';
import type { Stage } from '#lib/domain/stages.ts';
import { cardsMap, DESCRIPTION, getCard } from './schema.ts';
import { setRecord } from './section-store.ts';
import type { CollectionRecords } from './sections.ts';

/** Every write to the board document goes through here, each in one transaction. */

export interface NewCard {
	id: string;
	title: string;
	stage: Stage;
	rank: string;
	createdBy: string;
	description?: string;
}

export function createCard(doc: Y.Doc, input: NewCard, now = Date.now()): void {
	doc.transact(() => {
		const card = new Y.Map<unknown>();
		card.set('id', input.id);
		card.set('title', input.title);
		card.set('stage', input.stage);
		card.set('rank', input.rank);
		card.set('archived', false);
		card.set('createdAt', now);
		card.set('createdBy', input.createdBy);
		card.set(DESCRIPTION, new Y.Text(input.description ?? ''));
		cardsMap(doc).set(input.id, card); // sections are written on first use (section-store.ts)
	});
}

export function renameCard(doc: Y.Doc, id: string, title: string): void {
	const card = getCard(doc, id);
	if (card && card.get('title') !== title) card.set('title', title);
}

export interface GateOverride {
	id: string;
	record: CollectionRecords['overrides'];
}

/**
 * Stage and rank change together, in one transaction, so a card is always at one place. A move past
 * an unmet gate carries its override in the same transaction, so the server sees both at once.
 */
export function moveCard(doc: Y.Doc, id: string, stage: Stage, rank: string, override?: GateOverride): void {
	const card = getCard(doc, id);
	if (!card) return;
	doc.transact(() => {
		if (override) setRecord(card, 'overrides', override.id, override.record);
		if (card.get('stage') !== stage) card.set('stage', stage);
		card.set('rank', rank);
	});
}

export function setArchived(doc: Y.Doc, id: string, archived: boolean): void {
	const card = getCard(doc, id);
	if (card && card.get('archived') !== archived) card.set('archived', archived);
}
