import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CardEditor } from '#lib/collab/card-editor.ts';
import { TEMPLATES } from '#lib/content/templates.ts';
import { checkMove } from '#lib/domain/method/gates.ts';
import { templateCard } from '#lib/domain/templates.ts';
import { readSections, toMethodCard } from './card-sections.ts';
import { getCard } from './schema.ts';
import { createCardFromTemplate } from './template-commands.ts';

const CARD = 'card-from-template';

function fromTemplate(): Y.Doc {
	const doc = new Y.Doc();
	const template = TEMPLATES[0];
	if (!template) throw new Error('no template');
	createCardFromTemplate(
		doc,
		{ id: CARD, stage: 'review', rank: 'a0', createdBy: 'user-0000001' },
		templateCard(template, 'en', '2026-03-02')
	);
	return doc;
}

const sectionsOf = (doc: Y.Doc) => {
	const card = getCard(doc, CARD);
	if (!card) throw new Error('no card');
	return readSections(card);
};

describe('a card made from a template', () => {
	it('shows the review questions as prompts, which do not pass the Review gate', () => {
		const doc = fromTemplate();
		const sections = sectionsOf(doc);
		expect(sections.strengths.length).toBeGreaterThan(0);
		expect(sections.strengths.every((item) => item.prompt === true)).toBe(true);
		expect(sections.difficulties.every((item) => item.prompt === true)).toBe(true);
		expect(checkMove(toMethodCard(sections), 'review', 'objective')).toEqual({
			allowed: false,
			missing: [
				{ code: 'strengths', section: 'review' },
				{ code: 'difficulties', section: 'review' }
			]
		});
	});

	it('counts a prompt once someone answers it in their own words', () => {
		const doc = fromTemplate();
		const editor = new CardEditor(doc, 'user-0000001');
		const { strengths, difficulties } = sectionsOf(doc);
		const [strength, difficulty] = [strengths[0], difficulties[1]];
		if (!strength || !difficulty) throw new Error('no prompts');
		expect(editor.editItem(CARD, 'strengths', strength.id, 'Loyal clients who talk about us')).toBe(true);
		// Moving a prompt keeps it a prompt.
		editor.shiftItem(CARD, 'difficulties', difficulty.id, -1);
		const after = sectionsOf(doc);
		expect(after.strengths.find((item) => item.id === strength.id)?.prompt).toBeUndefined();
		expect(after.difficulties.find((item) => item.id === difficulty.id)?.prompt).toBe(true);
		expect(toMethodCard(after).review?.strengths).toEqual(['Loyal clients who talk about us']);
		expect(checkMove(toMethodCard(after), 'review', 'objective')).toEqual({
			allowed: false,
			missing: [{ code: 'difficulties', section: 'review' }]
		});
	});
});
