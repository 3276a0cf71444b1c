import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoardFollower } from './follower.ts';
import type { LoggedUpdate } from './log.ts';

// The log is the list a test appends to; compactedTo says up to where it was folded into a snapshot.
function follow(log: LoggedUpdate[], options: { lastSeq?: number; compactedTo?: number } = {}) {
	const applied: number[] = [];
	const reads: number[] = [];
	let reloads = 0;
	const follower = new BoardFollower({
		lastSeq: options.lastSeq ?? 0,
		read: async (after) => {
			reads.push(after);
			return after < (options.compactedTo ?? 0) ? null : log.filter((row) => row.seq > after);
		},
		apply: (_update, seq) => void applied.push(seq),
		reload: async () => {
			reloads += 1;
			return log.at(-1)?.seq ?? 0;
		}
	});
	return { follower, applied, reads, reloads: () => reloads };
}

const row = (seq: number): LoggedUpdate => ({ seq, data: new Uint8Array([seq]) });
const message = (seq: number, update: Uint8Array | null = new Uint8Array([seq])) => ({ seq, writer: null, update });
const logOf = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));

describe('a board follower', () => {
	it('applies the next number at once, without reading the log, and drops what it has', async () => {
		const { follower, applied, reads } = follow(logOf(2));
		await follower.receive(message(1));
		await follower.receive(message(2));
		await follower.receive(message(1));
		await follower.receive(message(2));
		expect(applied).toEqual([1, 2]);
		expect(reads).toEqual([]);
		expect(follower.lastSeq).toBe(2);
	});

	it('fills a gap from the log, in order, and then drops the message that revealed it', async () => {
		const { follower, applied, reads } = follow(logOf(5), { lastSeq: 1 });
		await follower.receive(message(5));
		await follower.receive(message(3));
		expect(applied).toEqual([2, 3, 4, 5]);
		expect(reads).toEqual([1]);
	});

	it('reads a doorbell from the log', async () => {
		const { follower, applied } = follow(logOf(1));
		await follower.receive(message(1, null));
		expect(applied).toEqual([1]);
	});

	it('reloads the board when the missing updates were compacted into the snapshot', async () => {
		const { follower, applied, reloads } = follow(logOf(6), { lastSeq: 1, compactedTo: 4 });
		await follower.receive(message(6));
		expect(reloads()).toBe(1);
		expect(applied).toEqual([]);
		expect(follower.lastSeq).toBe(6);
	});

	it('counts its own stored updates without applying them, catching up when others wrote in between', async () => {
		const { follower, applied } = follow(logOf(4));
		await follower.stored(1, 1);
		await follower.stored(4, 4);
		expect(applied).toEqual([2, 3, 4]);
		expect(follower.lastSeq).toBe(4);
	});

	it('applies every update exactly once and in order, whatever Redis loses, repeats or reorders', async () => {
		const deliveries = fc.array(fc.record({ seq: fc.integer({ min: 1, max: 30 }), bell: fc.boolean() }), {
			maxLength: 60
		});
		await fc.assert(
			fc.asyncProperty(deliveries, async (list) => {
				const { follower, applied } = follow(logOf(30));
				for (const d of list) await follower.receive(message(d.seq, d.bell ? null : new Uint8Array([d.seq])));
				await follower.catchUp(); // the periodic head check
				expect(applied).toEqual(logOf(30).map((r) => r.seq));
			}),
			{ numRuns: 500 }
		);
	});
});
