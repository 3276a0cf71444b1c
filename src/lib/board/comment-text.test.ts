import { describe, expect, it } from 'vitest';
import { commentText } from './comment-text.ts';

describe('commentText', () => {
	it('keeps the words of a markdown comment, without its marks', () => {
		expect(commentText('**Commander** les _guirlandes_ chez [Lumière](https://example.com) @Karim')).toBe(
			'Commander les guirlandes chez Lumière @Karim'
		);
		expect(commentText('Deux points :\n\n- le `prix`\n- la *date*\n\n# Titre')).toBe(
			'Deux points : le prix la date Titre'
		);
	});

	it('leaves plain text as it is', () => {
		expect(commentText('Relancer le client lundi')).toBe('Relancer le client lundi');
	});
});
