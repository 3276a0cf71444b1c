import { describe, expect, it } from 'vitest';
import { elide } from '#lib/i18n/format.ts';
import { changeLine } from './change-lines.ts';

const nameOf = () => 'Karim';
const teamName = () => 'Atelier';

describe('changeLine', () => {
	it('gives a guest’s feedback with the client’s company and words, never "a guest (Someone)"', () => {
		const guest = {
			kind: 'signal',
			at: 0,
			actorId: 'guest-1',
			guest: true,
			company: 'Épicerie Dupont',
			text: 'Trop cher'
		} as const;
		expect(elide(changeLine(guest, nameOf, teamName), 'fr')).toBe('Retour d’Épicerie Dupont : « Trop cher »');
		const member = { ...guest, guest: false, company: '', text: 'Les clients demandent du vrac' } as const;
		expect(changeLine(member, nameOf, teamName)).toBe(
			'Karim a noté un signal terrain : « Les clients demandent du vrac »'
		);
	});
});
