import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as Y from 'yjs';
import { createCard } from './commands.ts';
import { getCard } from './schema.ts';
import {
	addSignal,
	cardSignals,
	FeedbackInput,
	markSignalConverted,
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

	it('refuses an invalid record', () => {
		const doc = board();
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

	it('marks a signal as turned into an idea, once', () => {
		const doc = new Y.Doc();
		addSignal(doc, CARD, 'sig_0000000001', signal(1, 'Ajouter le vrac'));
		expect(markSignalConverted(doc, CARD, 'sig_0000000001', 'idea_000000001')).toBe(true);
		expect(cardSignals(doc, CARD)[0]?.convertedTo).toBe('idea_000000001');
		// Already converted, or unknown: nothing more happens.
		expect(markSignalConverted(doc, CARD, 'sig_0000000001', 'idea_000000002')).toBe(false);
		expect(markSignalConverted(doc, CARD, 'sig_missing_001', 'idea_000000003')).toBe(false);
		expect(cardSignals(doc, CARD)[0]?.convertedTo).toBe('idea_000000001');
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
		expect(ideaTitle('x'.repeat(300))).toHaveLength(60);
	});

	it('titles an idea with a short first sentence, cut at a word (the full text goes to its description)', () => {
		const text =
			'Nos clients demandent des sachets kraft depuis la rentrée. Ils trouvent le plastique peu pratique et le disent en caisse.';
		expect(ideaTitle(text)).toBe('Nos clients demandent des sachets kraft depuis la rentrée');
		const long = 'Les clients du samedi matin aimeraient pouvoir commander la veille par téléphone et passer prendre';
		expect(ideaTitle(long)).toBe('Les clients du samedi matin aimeraient pouvoir commander la…');
		expect(ideaTitle(long).length).toBeLessThanOrEqual(60);
		expect(ideaTitle('Pourquoi pas le vrac ? On en parle.')).toBe('Pourquoi pas le vrac ?');
	});
});
