import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { compareRanked, rankBetween, rankForIndex, sortRanked, type Ranked } from './ordering.ts';

/** Sorted ranks built the way the app builds them: each new rank between two existing neighbours. */
function ranksFromInsertions(positions: readonly number[]): string[] {
	const ranks: string[] = [];
	for (const p of positions) {
		const at = p % (ranks.length + 1);
		ranks.splice(at, 0, rankBetween(ranks[at - 1] ?? null, ranks[at] ?? null));
	}
	return ranks;
}

const ids = (items: readonly Ranked[]) => items.map((c) => c.id);

const insertions = fc.array(fc.nat(1000), { maxLength: 40 });

describe('compareRanked / sortRanked', () => {
	it('orders by rank first, then by id', () => {
		const cards = [
			{ id: 'b', rank: 'a1' },
			{ id: 'z', rank: 'a0' },
			{ id: 'a', rank: 'a1' },
			{ id: 'c', rank: 'a2' }
		];
		expect(ids(sortRanked(cards))).toEqual(['z', 'a', 'b', 'c']);
		expect(compareRanked({ id: 'x', rank: 'a1' }, { id: 'x', rank: 'a1' })).toBe(0);
		expect(compareRanked({ id: 'b', rank: 'a0' }, { id: 'a', rank: 'a1' })).toBe(-1);
		expect(compareRanked({ id: 'b', rank: 'a1' }, { id: 'a', rank: 'a1' })).toBe(1);
	});

	it('does not mutate its input', () => {
		const cards = [
			{ id: 'b', rank: 'a1' },
			{ id: 'a', rank: 'a0' }
		];
		sortRanked(cards);
		expect(ids(cards)).toEqual(['b', 'a']);
	});

	it('gives the same order whatever the input order (a total order)', () => {
		const card = fc.record({ id: fc.string({ maxLength: 3 }), rank: fc.constantFrom('a0', 'a1', 'a1V', 'a2') });
		fc.assert(
			fc.property(
				fc
					.uniqueArray(card, { selector: (c) => c.id, maxLength: 20 })
					.chain((cards) => fc.tuple(fc.constant(cards), fc.shuffledSubarray(cards, { minLength: cards.length }))),
				([cards, shuffled]) => {
					expect(sortRanked(shuffled)).toEqual(sortRanked(cards));
				}
			)
		);
	});
});

describe('rankBetween', () => {
	it('sorts strictly between two sorted neighbours (or past a list end)', () => {
		fc.assert(
			fc.property(insertions, fc.nat(), (positions, pick) => {
				const ranks = ranksFromInsertions(positions);
				const gap = pick % (ranks.length + 1);
				const before = ranks[gap - 1] ?? null;
				const after = ranks[gap] ?? null;
				const rank = rankBetween(before, after);
				if (before !== null) expect(rank > before).toBe(true);
				if (after !== null) expect(rank < after).toBe(true);
			})
		);
	});

	it('refuses neighbours that are equal or out of order', () => {
		expect(() => rankBetween('a1', 'a1')).toThrow();
		expect(() => rankBetween('a2', 'a1')).toThrow();
	});
});

describe('rankForIndex', () => {
	type Op = { kind: 'insert'; index: number } | { kind: 'move'; which: number; index: number };
	const op: fc.Arbitrary<Op> = fc.oneof(
		fc.record({ kind: fc.constant('insert' as const), index: fc.nat(60) }),
		fc.record({ kind: fc.constant('move' as const), which: fc.nat(60), index: fc.nat(60) })
	);

	it('puts N inserted (and moved) cards exactly where they were dropped', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
				const cards = new Map<string, Ranked>();
				const intended: string[] = [];
				ops.forEach((o, n) => {
					const column = sortRanked([...cards.values()]);
					if (o.kind === 'insert' || intended.length === 0) {
						const id = `card-${n}`;
						const index = o.index % (intended.length + 1);
						cards.set(id, { id, rank: rankForIndex(column, id, index) });
						intended.splice(index, 0, id);
					} else {
						const id = intended[o.which % intended.length]!;
						const index = o.index % intended.length; // index among the other cards
						cards.set(id, { id, rank: rankForIndex(column, id, index) });
						intended.splice(intended.indexOf(id), 1);
						intended.splice(index, 0, id);
					}
					expect(ids(sortRanked([...cards.values()]))).toEqual(intended);
				});
			})
		);
	});

	it('clamps an index past either end to that end', () => {
		const column = [
			{ id: 'a', rank: 'a0' },
			{ id: 'b', rank: 'a1' }
		];
		const first = { id: 'x', rank: rankForIndex(column, 'x', -5) };
		const last = { id: 'y', rank: rankForIndex(column, 'y', 99) };
		expect(ids(sortRanked([...column, first, last]))).toEqual(['x', 'a', 'b', 'y']);
	});

	it('steps over neighbours that share a rank instead of failing', () => {
		// 'y' and 'z' collided on 'a1' in the past; dropping between them cannot sort between them.
		const column = [
			{ id: 'x', rank: 'a0' },
			{ id: 'y', rank: 'a1' },
			{ id: 'z', rank: 'a1' },
			{ id: 'w', rank: 'a2' }
		];
		const rank = rankForIndex(column, 'new', 2);
		expect(rank > 'a1' && rank < 'a2').toBe(true);
		expect(ids(sortRanked([...column, { id: 'new', rank }]))).toEqual(['x', 'y', 'z', 'new', 'w']);
		// A whole tail of equal ranks: the new rank goes past the end.
		const tail = rankForIndex(column.slice(0, 3), 'new', 2);
		expect(tail > 'a1').toBe(true);
	});

	it('with collided ranks, lands at the intended index or just past the colliding run', () => {
		fc.assert(
			fc.property(insertions, fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), (positions, dupes, pick) => {
				const ranks = ranksFromInsertions(positions);
				for (const d of dupes) if (ranks.length > 0) ranks.push(ranks[d % ranks.length]!);
				const column = sortRanked(ranks.map((rank, i) => ({ id: `c${String(i).padStart(3, '0')}`, rank })));
				const index = pick % (column.length + 1);
				const rank = rankForIndex(column, 'new', index);
				const order = ids(sortRanked([...column, { id: 'new', rank }]));
				const landed = order.indexOf('new');
				const beforeRank = column[index - 1]?.rank;
				const run = column.slice(index).filter((c) => c.rank === beforeRank).length;
				expect(landed).toBeGreaterThanOrEqual(index);
				expect(landed).toBeLessThanOrEqual(index + run);
				// Nobody who was meant to be before the new card ends up after it.
				expect(order.slice(0, landed)).toEqual(expect.arrayContaining(ids(column.slice(0, index))));
			})
		);
	});
});

describe('concurrent replicas', () => {
	/** Each replica is a Y.Doc holding cards by id; ranks are computed against the replica's own view. */
	function column(doc: Y.Doc): Ranked[] {
		const cards = doc.getMap<string>('ranks');
		return sortRanked([...cards.entries()].map(([id, rank]) => ({ id, rank })));
	}

	function sync(a: Y.Doc, b: Y.Doc): void {
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
	}

	it('converge on one total order with no duplicate or lost card when ranking into the same gap', () => {
		fc.assert(
			fc.property(
				insertions,
				fc.nat(),
				fc.integer({ min: 1, max: 5 }),
				fc.integer({ min: 1, max: 5 }),
				(positions, pick, countA, countB) => {
					const alice = new Y.Doc();
					const bob = new Y.Doc();
					ranksFromInsertions(positions).forEach((rank, i) => alice.getMap('ranks').set(`base-${i}`, rank));
					sync(alice, bob);
					const base = column(alice);
					const gap = pick % (base.length + 1);

					// Offline, both drop their own cards into the same gap (each always at the gap's start).
					for (const [doc, prefix, count] of [
						[alice, 'a', countA],
						[bob, 'b', countB]
					] as const) {
						for (let i = 0; i < count; i++) {
							const id = `${prefix}-${i}`;
							doc.getMap('ranks').set(id, rankForIndex(column(doc), id, gap));
						}
					}
					sync(alice, bob);

					const order = ids(column(alice));
					expect(ids(column(bob))).toEqual(order);
					expect(new Set(order).size).toBe(order.length);
					expect(order).toHaveLength(base.length + countA + countB);
					// The base cards keep their order, and the new cards all sit in the gap.
					expect(order.filter((id) => id.startsWith('base-'))).toEqual(ids(base));
					const newcomers = order.slice(gap, gap + countA + countB);
					expect(newcomers.every((id) => !id.startsWith('base-'))).toBe(true);
				}
			),
			{ numRuns: 50 }
		);
	});

	it('break an exact rank collision by id, identically on both replicas', () => {
		const alice = new Y.Doc();
		const bob = new Y.Doc();
		alice.getMap('ranks').set('first', 'a0');
		alice.getMap('ranks').set('last', 'a2');
		sync(alice, bob);
		alice.getMap('ranks').set('zeta', 'a1');
		bob.getMap('ranks').set('alpha', 'a1');
		sync(alice, bob);
		expect(ids(column(alice))).toEqual(['first', 'alpha', 'zeta', 'last']);
		expect(ids(column(bob))).toEqual(['first', 'alpha', 'zeta', 'last']);
	});
});
