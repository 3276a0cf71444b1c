import { generateJitteredKeyBetween, generateKeyBetween } from 'fractional-indexing-jittered';

export interface Ranked {
	id: string;
	rank: string;
}

/**
 * Total order of a column: by fractional rank, then by id. Two people who pick the same rank at the
 * same moment still see the same order, and no card is ever duplicated or lost.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
	if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortRanked<T extends Ranked>(items: readonly T[]): T[] {
	return [...items].sort(compareRanked);
}

/** A rank strictly between two neighbours (null = list end). Jittered, so that two people inserting
 * into the same gap at once almost never collide. */
export function rankBetween(before: string | null, after: string | null): string {
	return generateJitteredKeyBetween(before, after);
}

/**
 * Rank that puts `movingId` at `index` of `column` (sorted, may contain the moving card). Neighbours
 * that share a rank (a rare past collision) are stepped over so the new rank still sorts correctly.
 */
export function rankForIndex(column: readonly Ranked[], movingId: string, index: number): string {
	const others = column.filter((c) => c.id !== movingId);
	const clamped = Math.max(0, Math.min(index, others.length));
	const before = others[clamped - 1]?.rank ?? null;
	const after = others.slice(clamped).find((c) => before === null || c.rank > before)?.rank ?? null;
	return rankBetween(before, after);
}

/** Whether `value` is a rank the generator can place others around (a hostile writer may store anything). */
export function isRank(value: unknown): value is string {
	if (typeof value !== 'string' || value.length > MAX_RANK_LENGTH) return false;
	try {
		generateKeyBetween(value, null);
		return true;
	} catch {
		return false;
	}
}

// Ranks grow by about a character per insertion in the same gap; this leaves room for years of edits.
const MAX_RANK_LENGTH = 1_000;
