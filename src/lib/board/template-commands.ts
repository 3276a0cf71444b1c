import type * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing-jittered';
import { nanoid } from 'nanoid';
import type { TemplateCard } from '#lib/domain/templates.ts';
import { createCard, type NewCard } from './commands.ts';
import { getCard } from './schema.ts';
import { putEntry, setField } from './section-commands.ts';
import { microText } from './section-store.ts';

/** A new card pre-filled from a template (review prompts, suggested metric and rollout), in one transaction. */
// Strengths and difficulties are written as prompts: hints to answer, never content a gate accepts.
export function createCardFromTemplate(doc: Y.Doc, card: Omit<NewCard, 'title' | 'description'>, filled: TemplateCard) {
	doc.transact(() => {
		createCard(doc, { ...card, title: filled.title, description: filled.description });
		const map = getCard(doc, card.id);
		if (!map) return;
		for (const list of ['strengths', 'difficulties'] as const) {
			const ranks = generateNKeysBetween(null, null, filled[list].length);
			filled[list].forEach((text, i) =>
				putEntry(doc, card.id, list, nanoid(12), { text, rank: ranks[i] ?? 'a0', prompt: true })
			);
		}
		for (const [actor, note] of Object.entries(filled.microEnvironment))
			microText(map, actor as keyof typeof filled.microEnvironment)?.insert(0, note);
		setField(doc, card.id, 'metric', filled.objective.metric);
		setField(doc, card.id, 'unit', filled.objective.unit);
		setField(doc, card.id, 'direction', filled.objective.direction);
		for (const phase of filled.phases) putEntry(doc, card.id, 'phases', nanoid(12), phase);
	});
}
