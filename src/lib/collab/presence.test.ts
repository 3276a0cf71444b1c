import { describe, expect, it } from 'vitest';
import { initials, inkOn, readPresence, safeColor } from './presence.ts';

const ana = { id: 'ana', name: 'Ana Lopez', color: '#2f7d4f' };
const ben = { id: 'ben', name: 'Ben', color: '#fc0' };

describe('presence', () => {
	it('lists other people once each, and who has which card open', () => {
		const states = new Map<number, unknown>([
			[1, { user: { id: 'me', name: 'Me', color: '#000000' }, openCard: 'c1' }],
			[2, { user: ana, openCard: 'c1' }],
			[3, { user: ana, openCard: null }], // Ana's second tab
			[4, { user: ben, openCard: 'c2' }],
			[5, { user: { id: 'x' } }], // malformed: ignored
			[6, {}]
		]);
		const { people, viewers } = readPresence(states, 'me');
		expect(people.map((p) => p.id)).toEqual(['ana', 'ben']);
		expect(viewers.get('c1')?.map((p) => p.id)).toEqual(['ana']);
		expect(viewers.get('c2')?.[0]?.color).toBe('#ffcc00');
	});

	it('reads the stand-up card a facilitator shows, and ignores malformed ones', () => {
		const states = new Map<number, unknown>([
			[1, { user: ana, openCard: null, standup: { standupId: 's1', cardId: 'c3' } }],
			[2, { user: ben, openCard: null, standup: { standupId: 42, cardId: 'c3' } }]
		]);
		const { focus } = readPresence(states, 'me');
		expect(focus.get('ana')).toEqual({ standupId: 's1', cardId: 'c3' });
		expect(focus.has('ben')).toBe(false);
	});

	it('keeps only plain hex colours, and picks readable ink', () => {
		expect(safeColor('red; background: url(x)')).toBe('#64748b');
		expect(inkOn('#ffffff')).toBe('#000000');
		expect(inkOn('#1f5c39')).toBe('#ffffff');
		expect(initials('Claire  Lefèvre')).toBe('CL');
		expect(initials('Ben')).toBe('B');
	});
});
