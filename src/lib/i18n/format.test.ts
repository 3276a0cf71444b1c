import { describe, expect, it } from 'vitest';
import { m } from '#lib/paraglide/messages.js';
import { elide } from './format.ts';

describe('elide', () => {
	it('elides "de" and "que" before a vowel in French, where a variable starts the word', () => {
		const fr = { locale: 'fr' } as const;
		expect(elide(m.activity_signal({ company: 'Épicerie Dupont' }, fr), 'fr')).toBe('Nouveau signal d’Épicerie Dupont');
		expect(elide(m.activity_moved({ name: 'Karim', from: 'Idées & signaux', to: 'Revue' }, fr), 'fr')).toBe(
			'Karim a déplacé la carte d’Idées & signaux à Revue'
		);
		expect(elide('Commentaire de Anne', 'fr')).toBe('Commentaire d’Anne');
		expect(elide('Plus grand que Omar (de « Eux »)', 'fr')).toBe('Plus grand qu’Omar (de « Eux »)');
	});

	it('leaves consonants, other words and other languages alone', () => {
		expect(elide('Signal de Boulangerie', 'fr')).toBe('Signal de Boulangerie');
		expect(elide('la monde entier', 'fr')).toBe('la monde entier');
		expect(elide('Fonde une équipe', 'fr')).toBe('Fonde une équipe');
		expect(elide('Feedback de Anne', 'en')).toBe('Feedback de Anne');
	});
});

describe('counted messages', () => {
	const fr = { locale: 'fr' } as const;
	const en = { locale: 'en' } as const;

	it('use real plural forms in both languages, never "(s)"', () => {
		expect(m.face_review({ strengths: 1, difficulties: 2 }, en)).toBe('1 strength · 2 difficulties');
		expect(m.face_review({ strengths: 0, difficulties: 1 }, fr)).toBe('0 force · 1 difficulté');
		expect(m.portal_board_cards({ count: 1, organization: 'Maison Lefèvre' }, fr)).toBe(
			'1 initiative partagée par Maison Lefèvre'
		);
		expect(m.portal_board_cards({ count: 3, organization: 'Maison Lefèvre' }, en)).toBe(
			'3 initiatives shared by Maison Lefèvre'
		);
		expect(m.signal_count({ count: 2 }, fr)).toBe('2 signaux');
		expect(m.standup_history_line({ minutes: 12, cards: 1, decisions: 3 }, fr)).toBe('12 min · 1 carte · 3 décisions');
		expect(m.filter_count({ shown: 1, total: 4 }, fr)).toBe('1 initiative affichée sur 4');
		expect(m.gate_refused_announce({ count: 1, stage: 'Scope' }, en)).toBe(
			'Move refused: 1 item missing to enter Scope.'
		);
	});

	it('has no "(s)" left in any message', async () => {
		for (const locale of ['fr', 'en']) {
			const file = await import(`../../../messages/${locale}.json`, { with: { type: 'json' } });
			const texts = JSON.stringify(file.default);
			expect(texts, locale).not.toMatch(/\((s|e|es|ies|x)\)/);
		}
	});
});
