import { describe, expect, it } from 'vitest';
import { findMentions, handleOf, insertMention, mentionAt, parseMentions, suggestHandles } from './mentions.ts';

const directory = {
	people: [
		{ id: 'claire', name: 'Claire Lefèvre' },
		{ id: 'claire2', name: 'Claire' },
		{ id: 'jean', name: 'Jean Dupont' },
		{ id: 'jeanne', name: 'Jeanne Martin' }
	],
	teams: [
		{ id: 'qa', name: 'Qualité & achats' },
		{ id: 'prod', name: 'Production' }
	]
};

describe('handleOf', () => {
	it('joins a name with dashes, keeping case and accents for people', () => {
		expect(handleOf('Claire Lefèvre')).toBe('Claire-Lefèvre');
		expect(handleOf('  Jean   Dupont ')).toBe('Jean-Dupont');
	});
	it('slugs a team name: lower-case, accents kept, "&" and spaces become one dash', () => {
		expect(handleOf('Qualité & achats', 'team')).toBe('qualité-achats');
		expect(handleOf('R&D', 'team')).toBe('r-d');
	});
});

describe('parseMentions', () => {
	it('finds people and teams', () => {
		expect(parseMentions('@Claire-Lefèvre et @qualité-achats, voyez ça', directory)).toEqual({
			userIds: ['claire'],
			teamIds: ['qa']
		});
	});
	it('ignores case and accents', () => {
		expect(parseMentions('@claire-lefevre @QUALITE-ACHATS @production', directory)).toEqual({
			userIds: ['claire'],
			teamIds: ['qa', 'prod']
		});
	});
	it('takes the longest handle that fits', () => {
		expect(parseMentions('merci @Claire-Lefèvre', directory).userIds).toEqual(['claire']);
		expect(parseMentions('merci @Claire !', directory).userIds).toEqual(['claire2']);
		expect(parseMentions('@Jeanne-Martin', directory).userIds).toEqual(['jeanne']);
	});
	it('does not stop inside a longer word', () => {
		expect(parseMentions('@Jeanne', directory).userIds).toEqual([]);
		expect(parseMentions('@Productions', directory).teamIds).toEqual([]);
	});
	it('accepts punctuation after a handle and at the start of the text', () => {
		expect(parseMentions('@Jean-Dupont.', directory).userIds).toEqual(['jean']);
		expect(parseMentions('(@Jean-Dupont)', directory).userIds).toEqual(['jean']);
	});
	it('ignores e-mail addresses', () => {
		expect(parseMentions('écrire à jean@production.fr ou a@b.fr', directory)).toEqual({ userIds: [], teamIds: [] });
	});
	it('ignores code spans and fenced code', () => {
		expect(parseMentions('`@Jean-Dupont` et\n```\n@production\n```', directory)).toEqual({
			userIds: [],
			teamIds: []
		});
		expect(parseMentions('`code` puis @Jean-Dupont', directory).userIds).toEqual(['jean']);
	});
	it('ignores unknown handles and bare @', () => {
		expect(parseMentions('@inconnu @ @@ fin@', directory)).toEqual({ userIds: [], teamIds: [] });
	});
	it('counts each person once', () => {
		expect(parseMentions('@Jean-Dupont @jean-dupont', directory).userIds).toEqual(['jean']);
	});
	it('matches decomposed accents too', () => {
		expect(parseMentions('@Claire-Lefe\u0300vre', directory).userIds).toEqual(['claire']);
	});
});

describe('suggestHandles', () => {
	it('offers handles starting with the query first, then names with a word starting with it', () => {
		const people = directory.people;
		expect(suggestHandles('jean', people).map((p) => p.id)).toEqual(['jean', 'jeanne']);
		expect(suggestHandles('lef', people).map((p) => p.id)).toEqual(['claire']);
		expect(suggestHandles('', people)).toHaveLength(4);
	});
});

describe('mentionAt and insertMention', () => {
	it('finds the mention being typed before the caret', () => {
		expect(mentionAt('Bonjour @Cla', 12)).toEqual({ start: 8, query: 'Cla' });
		expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
		expect(mentionAt('(@qualité-a', 11)).toEqual({ start: 1, query: 'qualité-a' });
	});
	it('finds none in an e-mail address, after a space or away from the caret', () => {
		expect(mentionAt('jean@prod', 9)).toBeNull();
		expect(mentionAt('@Claire fin', 11)).toBeNull();
		expect(mentionAt('@Cla et', 7)).toBeNull();
	});
	it('replaces what was typed with the handle and a space, keeping the rest', () => {
		const typing = mentionAt('Voir @cla merci', 9)!;
		expect(insertMention('Voir @cla merci', typing, 'Claire-Lefèvre')).toEqual({
			text: 'Voir @Claire-Lefèvre  merci',
			caret: 21
		});
	});
});

describe('findMentions', () => {
	const names = {
		people: [{ id: 'u-claire', name: 'Claire Lefèvre' }],
		teams: [{ id: 't-qa', name: 'Qualité & achats' }]
	};

	it('gives each mention’s place in the text as written, accents and case included', () => {
		const text = 'Ŀ’avis de @CLAIRE-lefevre et de @qualité-achats, pas `@claire-lefevre` ni claire@x.fr';
		const spans = findMentions(text, names);
		expect(spans.map((s) => [text.slice(s.start, s.end), s.kind, s.id])).toEqual([
			['@CLAIRE-lefevre', 'person', 'u-claire'],
			['@qualité-achats', 'team', 't-qa']
		]);
	});
});
