import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as Y from 'yjs';
import { createCard } from './commands.ts';
import { getCard, getDescription, readCards } from './schema.ts';
import {
	addSignal,
	cardSignals,
	convertSignal,
	FeedbackInput,
	ideaTitle,
	SIGNALS,
	type SignalRecord
} from './signals.ts';

const CARD = 'card_0123456789';
const GUEST = 'user_guest_00001';

function board(): Y.Doc {
	const doc = new Y.Doc();
	createCard(doc, { id: CARD, title: 'Tri', stage: 'rollout', rank: 'a0', createdBy: 'user_0123456789' });
	return doc;
}

const signal = (at: number, text = 'Bien', kind: SignalRecord['kind'] = 'works'): SignalRecord => ({
	kind,
	text,
	company: 'Acme',
	by: GUEST,
	at
});

describe('signals', () => {
	it('the first signal creates the collection; signals read newest first', () => {
		const doc = board();
		expect(cardSignals(doc, CARD)).toEqual([]);
		expect(addSignal(doc, CARD, 'sig_old_0001', signal(100, 'Ancien'))).toBe(true);
		expect(addSignal(doc, CARD, 'sig_new_0001', signal(200, 'Récent', 'idea'))).toBe(true);
		expect(cardSignals(doc, CARD).map((s) => [s.id, s.text, s.kind, s.company])).toEqual([
			['sig_new_0001', 'Récent', 'idea', 'Acme'],
			['sig_old_0001', 'Ancien', 'works', 'Acme']
		]);
	});

	it('refuses a missing card or an invalid record', () => {
		const doc = board();
		expect(addSignal(doc, 'card_missing_00', 'sig_0000000001', signal(1))).toBe(false);
		expect(addSignal(doc, CARD, 'sig_0000000001', signal(1, ''))).toBe(false);
		expect(addSignal(doc, CARD, 'sig_0000000001', { ...signal(1), kind: 'meh' as 'idea' })).toBe(false);
		expect(cardSignals(doc, CARD)).toEqual([]);
	});

	it('skips malformed records (a buggy or hostile writer)', () => {
		const doc = board();
		addSignal(doc, CARD, 'sig_good_0001', signal(1));
		const map = getCard(doc, CARD)?.get(SIGNALS) as Y.Map<unknown>;
		map.set('bad1', { ...signal(2), text: 'x'.repeat(2001) });
		map.set('bad2', { ...signal(3), at: Number.NaN });
		map.set('bad3', { ...signal(4), convertedTo: 'not an id' });
		map.set('bad4', 'text');
		expect(cardSignals(doc, CARD).map((s) => s.id)).toEqual(['sig_good_0001']);
	});

	it('turns a signal into a new idea that links back, once, in one transaction', () => {
		const doc = board();
		addSignal(doc, CARD, 'sig_0000000001', signal(1, 'Ajouter le vrac'));
		let transactions = 0;
		doc.on('afterTransaction', () => (transactions += 1));
		const idea = {
			id: 'idea_000000001',
			title: 'Ajouter le vrac',
			stage: 'ideas' as const,
			rank: 'a1',
			createdBy: 'user_0123456789',
			description: 'Signal de Acme : http://x/b/board/c/card_0123456789'
		};
		expect(convertSignal(doc, CARD, 'sig_0000000001', idea)).toBe(true);
		expect(transactions).toBe(1);
		expect(cardSignals(doc, CARD)[0]?.convertedTo).toBe('idea_000000001');
		expect(readCards(doc).find((c) => c.id === 'idea_000000001')).toMatchObject({
			stage: 'ideas',
			title: 'Ajouter le vrac'
		});
		expect(getDescription(doc, 'idea_000000001')?.toString()).toContain('/c/card_0123456789');
		// Already converted, or unknown: nothing more happens.
		expect(convertSignal(doc, CARD, 'sig_0000000001', { ...idea, id: 'idea_000000002' })).toBe(false);
		expect(convertSignal(doc, CARD, 'sig_missing_001', { ...idea, id: 'idea_000000003' })).toBe(false);
		expect(readCards(doc)).toHaveLength(2);
	});

	it('converting in one document keeps a signal added at the same time in another', () => {
		const server = board();
		addSignal(server, CARD, 'sig_0000000001', signal(1));
		const member = new Y.Doc();
		Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
		addSignal(server, CARD, 'sig_0000000002', signal(2));
		const idea = { id: 'idea_000000001', title: 'x', stage: 'ideas' as const, rank: 'a1', createdBy: 'u' };
		convertSignal(member, CARD, 'sig_0000000001', idea);
		Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
		Y.applyUpdate(server, Y.encodeStateAsUpdate(member));
		for (const doc of [server, member])
			expect(cardSignals(doc, CARD).map((s) => [s.id, s.convertedTo ?? null])).toEqual([
				['sig_0000000002', null],
				['sig_0000000001', 'idea_000000001']
			]);
	});

	it('validates what a guest sends and titles ideas from the first line', () => {
		expect(v.safeParse(FeedbackInput, { kind: 'fails', text: '  Trop cher  ' }).output).toEqual({
			kind: 'fails',
			text: 'Trop cher'
		});
		for (const bad of [
			{ kind: 'fails', text: '   ' },
			{ kind: 'fails', text: 'x'.repeat(2001) },
			{ kind: 'love', text: 'Bien' },
			{ text: 'Bien' }
		])
			expect(v.safeParse(FeedbackInput, bad).success).toBe(false);
		expect(ideaTitle('  Le vrac\nparce que…')).toBe('Le vrac');
		expect(ideaTitle('x'.repeat(300))).toHaveLength(120);
	});
});
