import { describe, expect, it } from 'vitest';
import { guessStage } from './guess.ts';

describe('guessStage', () => {
	it.each([
		['Idées', 'ideas'],
		['Backlog', 'ideas'],
		['To Do', 'ideas'],
		['À étudier', 'review'],
		['Review', 'review'],
		['Objectifs', 'objective'],
		['Planned', 'scope'],
		['Périmètre', 'scope'],
		['En cours', 'rollout'],
		['In progress', 'rollout'],
		['Terminé ✅', 'outcome'],
		['Done', 'outcome'],
		['Divers', 'ideas']
	])('%s → %s', (name, stage) => expect(guessStage(name)).toBe(stage));
});
