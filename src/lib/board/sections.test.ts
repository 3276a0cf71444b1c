import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CardEditor } from '#lib/collab/card-editor.ts';
import { completeCard } from '#lib/domain/method/fixtures.ts';
import { checkMove } from '#lib/domain/method/gates.ts';
import { METHOD_LIMITS } from '#lib/domain/method/schemas.ts';
import { DEFAULT_METHOD_SETTINGS, FORCES } from '#lib/domain/method/types.ts';
import {
	DEFAULT_TIME_ZONE,
	objectivesMap,
	putObjective,
	readObjectives,
	readSettings,
	removeObjective,
	settingsMap,
	writeSettings
} from './board-settings.ts';
import { emptySections, readSections, toMethodCard, type CardSections } from './card-sections.ts';
import { createCard, moveCard } from './commands.ts';
import { getCard, readCard } from './schema.ts';
import { putEntry, removeEntry, setField } from './section-commands.ts';
import { createLegacyCard } from '../../../tests/factories/legacy-card.ts';
import { collectionEntries, learningsText, microText, setRecord } from './section-store.ts';
import { COLLECTIONS, FIELDS, readEntries, readList, type Collection, type CollectionRecords } from './sections.ts';

const CARD = 'card_0123456789';
const USER = 'user_alice_0001';

function newBoard(stage: 'ideas' | 'review' = 'ideas'): Y.Doc {
	const doc = new Y.Doc();
	createCard(doc, { id: CARD, title: 'Loyalty', stage, rank: 'a0', createdBy: USER }, 1_000);
	return doc;
}

function cardOf(doc: Y.Doc, id = CARD): Y.Map<unknown> {
	const card = getCard(doc, id);
	if (!card) throw new Error(`no card ${id}`);
	return card;
}

/** Writes a raw value where the card keeps the collection's records, as a hostile writer could. */
function putRaw(doc: Y.Doc, name: Collection, id: string, value: unknown): void {
	setRecord(cardOf(doc), name, id, value);
}

const sections = (doc: Y.Doc): CardSections => readSections(cardOf(doc));

/** Counts the updates a doc emits while `run` runs (0: nothing was written). */
function updatesDuring(doc: Y.Doc, run: () => void): number {
	let count = 0;
	const count1 = () => void (count += 1);
	doc.on('update', count1);
	try {
		run();
	} finally {
		doc.off('update', count1);
	}
	return count;
}

/** A second replica of `doc`, as another browser would hold it. */
function replica(doc: Y.Doc): Y.Doc {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	return other;
}

/** Exchanges every update both ways, as the sync server would. */
function exchange(a: Y.Doc, b: Y.Doc): void {
	const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, fromA);
	Y.applyUpdate(a, fromB);
}

const phase = (start: string, end: string, name = 'Pilot'): CollectionRecords['phases'] => ({
	name,
	segments: ['Bakeries'],
	start,
	end,
	cadence: 'weekly',
	decision: null
});

const checkIn = (date: string, at: number, value = 1): CollectionRecords['checkIns'] => ({
	date,
	value,
	confidence: 'on-track',
	note: '',
	by: USER,
	at
});

describe('createCard', () => {
	it('creates no section container: a new card holds its fields alone, the document no text', () => {
		const doc = newBoard();
		const keys = [...cardOf(doc).keys()].sort();
		expect(keys).toEqual(['archived', 'createdAt', 'createdBy', 'description', 'id', 'rank', 'stage', 'title']);
		expect(readCard(cardOf(doc))?.sections).toEqual(emptySections());
		expect([...doc.share.keys()]).toEqual(['cards']); // reading made no text either
	});

	it('reads a new card as empty sections', () => {
		const view = readCard(cardOf(newBoard()));
		expect(view?.sections).toEqual(emptySections());
		expect(view).toMatchObject({ id: CARD, title: 'Loyalty', stage: 'ideas', createdAt: 1_000, createdBy: USER });
	});

	it('reads the micro-environment and learnings texts, leaving out empty notes', () => {
		const doc = newBoard();
		const card = cardOf(doc);
		microText(card, 'clients')?.insert(0, 'They reorder monthly');
		learningsText(card)?.insert(0, 'Start small');
		expect(sections(doc).micro).toEqual({ clients: 'They reorder monthly' });
		expect(sections(doc).learnings).toBe('Start small');
		expect(toMethodCard(sections(doc)).review?.microEnvironment).toEqual({ clients: 'They reorder monthly' });
	});
});

describe('plain fields', () => {
	it('sets text, numbers and dates, and reads them into the objective', () => {
		const doc = newBoard();
		setField(doc, CARD, 'metric', 'Repeat orders');
		setField(doc, CARD, 'unit', '%');
		setField(doc, CARD, 'baseline', -2.5);
		setField(doc, CARD, 'target', 0);
		setField(doc, CARD, 'deadline', '2028-02-29');
		setField(doc, CARD, 'why', 'Clients leave');
		setField(doc, CARD, 'globalObjectiveId', 'goal_0123456789');
		expect(sections(doc).objective).toEqual({
			metric: 'Repeat orders',
			unit: '%',
			direction: 'increase',
			baseline: -2.5,
			target: 0,
			deadline: '2028-02-29',
			why: 'Clients leave',
			globalObjectiveId: 'goal_0123456789'
		});
	});

	it('defaults the direction to increase and reads decrease', () => {
		const doc = newBoard();
		expect(sections(doc).objective.direction).toBe('increase');
		setField(doc, CARD, 'direction', 'decrease');
		expect(sections(doc).objective.direction).toBe('decrease');
		setField(doc, CARD, 'direction', 'increase');
		expect(sections(doc).objective.direction).toBe('increase');
	});

	it("clears a field with '' or null", () => {
		const doc = newBoard();
		setField(doc, CARD, 'metric', 'NPS');
		setField(doc, CARD, 'baseline', 10);
		setField(doc, CARD, 'deadline', '2026-06-30');
		setField(doc, CARD, 'ownerId', 'user_0123456789');
		setField(doc, CARD, 'outcomeResult', 42);
		setField(doc, CARD, 'metric', '');
		setField(doc, CARD, 'baseline', null);
		setField(doc, CARD, 'deadline', '');
		setField(doc, CARD, 'ownerId', '');
		setField(doc, CARD, 'outcomeResult', null);
		const card = cardOf(doc);
		for (const key of ['metric', 'baseline', 'deadline', 'ownerId', 'outcomeResult'] as const)
			expect(card.has(FIELDS[key]), key).toBe(false);
		const read = sections(doc);
		expect(read.objective).toEqual({ direction: 'increase' });
		expect(read.ownerId).toBeNull();
		expect(read.outcome.result).toBeNull();
	});

	it('reads the scope ids and the outcome', () => {
		const doc = newBoard();
		setField(doc, CARD, 'ownerId', 'user_0123456789');
		setField(doc, CARD, 'teamId', 'team_0123456789');
		setField(doc, CARD, 'contributingTeamIds', ['team_aaaaaaaaaa', 'team_bbbbbbbbbb']);
		setField(doc, CARD, 'outcomeVerdict', 'adjusted');
		setField(doc, CARD, 'outcomeDate', '2026-09-01');
		setField(doc, CARD, 'outcomeResult', 0);
		const read = sections(doc);
		expect(read.ownerId).toBe('user_0123456789');
		expect(read.teamId).toBe('team_0123456789');
		expect(read.contributingTeamIds).toEqual(['team_aaaaaaaaaa', 'team_bbbbbbbbbb']);
		expect(read.outcome).toEqual({ verdict: 'adjusted', date: '2026-09-01', result: 0 });
	});

	it('does not write when the value is unchanged', () => {
		const doc = newBoard();
		setField(doc, CARD, 'contributingTeamIds', ['team_aaaaaaaaaa']);
		expect(updatesDuring(doc, () => setField(doc, CARD, 'contributingTeamIds', ['team_aaaaaaaaaa']))).toBe(0);
		expect(updatesDuring(doc, () => setField(doc, CARD, 'metric', ''))).toBe(0);
		expect(updatesDuring(doc, () => setField(doc, CARD, 'metric', 'NPS'))).toBe(1);
	});

	it('ignores a card that does not exist', () => {
		const doc = newBoard();
		expect(updatesDuring(doc, () => setField(doc, 'card_missing_000', 'metric', 'NPS'))).toBe(0);
		expect(getCard(doc, 'card_missing_000')).toBeNull();
	});

	it('reads hostile field values as missing', () => {
		const doc = newBoard();
		const card = cardOf(doc);
		card.set(FIELDS.metric, 42);
		card.set(FIELDS.direction, 'sideways');
		card.set(FIELDS.baseline, Number.NaN);
		card.set(FIELDS.target, Number.POSITIVE_INFINITY);
		card.set(FIELDS.deadline, '2026-02-30');
		card.set(FIELDS.why, { text: 'not a string' });
		card.set(FIELDS.ownerId, 7);
		card.set(FIELDS.teamId, '');
		card.set(FIELDS.contributingTeamIds, ['team_aaaaaaaaaa', 3, null]);
		card.set(FIELDS.outcomeVerdict, 'victory');
		card.set(FIELDS.outcomeDate, '2026-13-01');
		card.set(FIELDS.outcomeResult, '12');
		const read = sections(doc);
		expect(read.objective).toEqual({ direction: 'increase' });
		expect(read.ownerId).toBeNull();
		expect(read.teamId).toBeNull();
		expect(read.contributingTeamIds).toEqual(['team_aaaaaaaaaa']);
		expect(read.outcome).toEqual({ verdict: null, date: null, result: null });
		card.set(FIELDS.baseline, '10');
		card.set(FIELDS.contributingTeamIds, 'team_aaaaaaaaaa');
		expect(sections(doc).objective.baseline).toBeUndefined();
		expect(sections(doc).contributingTeamIds).toEqual([]);
	});
});

describe('collections', () => {
	it('adds, replaces and removes entries of every collection', () => {
		const doc = newBoard();
		const records: { [C in Collection]: CollectionRecords[C] } = {
			strengths: { text: 'Loyal clients', rank: 'a0' },
			difficulties: { text: 'Small team', rank: 'a0' },
			segments: { text: 'Bakeries', rank: 'a0' },
			forces: { rating: 4, note: 'Few buyers' },
			resources: { amount: 4, unit: 'hours/week', who: 'Sam', forWhat: 'Calls', rank: 'a0' },
			phases: phase('2026-01-05', '2026-03-29'),
			checkIns: checkIn('2026-01-12', 5),
			overrides: { from: 'review', to: 'objective', reason: 'Board decided so', missing: [], by: USER, at: 1 },
			flags: { from: 'review', to: 'objective', missing: ['strengths'], by: USER, at: 2 }
		};
		for (const name of COLLECTIONS) {
			const id = name === 'forces' ? 'rivalry' : `${name}-1`;
			putEntry(doc, CARD, name, id, records[name]);
			expect(readEntries(cardOf(doc), name), name).toEqual([{ ...records[name], id }]);
		}
		const read = sections(doc);
		expect(read.strengths.map((s) => s.text)).toEqual(['Loyal clients']);
		expect(read.forces).toEqual({ rivalry: { rating: 4, note: 'Few buyers' } });
		expect(read.overrides).toEqual([{ ...records.overrides, id: 'overrides-1' }]);
		expect(read.flags).toEqual([{ ...records.flags, id: 'flags-1' }]);

		putEntry(doc, CARD, 'strengths', 'strengths-1', { text: 'Very loyal clients', rank: 'a0' });
		expect(sections(doc).strengths).toEqual([{ id: 'strengths-1', text: 'Very loyal clients', rank: 'a0' }]);

		for (const name of COLLECTIONS) {
			removeEntry(doc, CARD, name, name === 'forces' ? 'rivalry' : `${name}-1`);
			expect(readEntries(cardOf(doc), name), name).toEqual([]);
		}
		expect(sections(doc)).toEqual(emptySections());
	});

	it('does not write an identical record again, nor remove a missing one', () => {
		const doc = newBoard();
		putEntry(doc, CARD, 'strengths', 's1', { text: 'A', rank: 'a0' });
		expect(updatesDuring(doc, () => putEntry(doc, CARD, 'strengths', 's1', { text: 'A', rank: 'a0' }))).toBe(0);
		expect(updatesDuring(doc, () => removeEntry(doc, CARD, 'strengths', 'nope'))).toBe(0);
		expect(updatesDuring(doc, () => putEntry(doc, CARD, 'strengths', 's1', { text: 'B', rank: 'a0' }))).toBe(1);
	});

	it('orders lists and resources by rank, then id', () => {
		const doc = newBoard();
		putEntry(doc, CARD, 'strengths', 'c', { text: 'third', rank: 'a2' });
		putEntry(doc, CARD, 'strengths', 'a', { text: 'first', rank: 'a0' });
		putEntry(doc, CARD, 'strengths', 'z', { text: 'second (tie, id z)', rank: 'a1' });
		putEntry(doc, CARD, 'strengths', 'b', { text: 'second (tie, id b)', rank: 'a1' });
		expect(sections(doc).strengths.map((s) => s.id)).toEqual(['a', 'b', 'z', 'c']);
		const resource = (rank: string) => ({ amount: 1, unit: 'days', who: '', forWhat: '', rank });
		putEntry(doc, CARD, 'resources', 'r1', resource('a5'));
		putEntry(doc, CARD, 'resources', 'r2', resource('a1'));
		expect(sections(doc).resources.map((r) => r.id)).toEqual(['r2', 'r1']);
	});

	it('orders phases by start date, then id', () => {
		const doc = newBoard();
		putEntry(doc, CARD, 'phases', 'p-late', phase('2026-05-01', '2026-06-01'));
		putEntry(doc, CARD, 'phases', 'p-b', phase('2026-01-05', '2026-02-01'));
		putEntry(doc, CARD, 'phases', 'p-a', phase('2026-01-05', '2026-03-01'));
		putEntry(doc, CARD, 'phases', 'p-early', phase('2025-12-31', '2026-01-04'));
		expect(sections(doc).phases.map((p) => p.id)).toEqual(['p-early', 'p-a', 'p-b', 'p-late']);
	});

	it('orders check-ins by date, then by when they were recorded', () => {
		const doc = newBoard();
		putEntry(doc, CARD, 'checkIns', 'k1', checkIn('2026-02-01', 300));
		putEntry(doc, CARD, 'checkIns', 'k2', checkIn('2026-01-15', 900));
		putEntry(doc, CARD, 'checkIns', 'k3', checkIn('2026-01-15', 100));
		putEntry(doc, CARD, 'checkIns', 'k0', checkIn('2026-01-16', 50));
		expect(sections(doc).checkIns.map((c) => c.id)).toEqual(['k3', 'k2', 'k0', 'k1']);
	});

	it('orders overrides and flags oldest first', () => {
		const doc = newBoard();
		const flag = (at: number): CollectionRecords['flags'] => ({
			from: 'ideas',
			to: 'scope',
			missing: [],
			by: USER,
			at
		});
		putEntry(doc, CARD, 'flags', 'f-new', flag(30));
		putEntry(doc, CARD, 'flags', 'f-old', flag(10));
		putEntry(doc, CARD, 'flags', 'f-mid', flag(20));
		expect(sections(doc).flags.map((f) => f.id)).toEqual(['f-old', 'f-mid', 'f-new']);
	});

	it('keeps only the five forces', () => {
		const doc = newBoard();
		for (const force of FORCES) putEntry(doc, CARD, 'forces', force, { rating: 3, note: '' });
		putRaw(doc, 'forces', 'weather', { rating: 3, note: '' });
		expect(Object.keys(sections(doc).forces).sort()).toEqual([...FORCES].sort());
	});

	it('ignores a hostile value under a collection name: entries are written and read beside it', () => {
		const doc = newBoard();
		cardOf(doc).set('strengths', 'not a map');
		putEntry(doc, CARD, 'strengths', 's1', { text: 'A', rank: 'a0' });
		expect(readList(cardOf(doc), 'strengths').map((item) => item.text)).toEqual(['A']);
	});
});

describe('hostile records', () => {
	const huge = 'x'.repeat(1_000_000);

	/** Writes each hostile value next to one good record, and returns the ids read back. */
	function readAfter(name: Collection, good: unknown, hostile: unknown[], roundTrip = false): string[] {
		const doc = newBoard();
		putRaw(doc, name, name === 'forces' ? 'rivalry' : 'good', good);
		hostile.forEach((value, i) =>
			putRaw(doc, name, name === 'forces' ? (FORCES[i % 4] ?? 'buyersPower') : `bad-${i}`, value)
		);
		const read = roundTrip ? replica(doc) : doc;
		return readEntries(cardOf(read), name).map((e) => e.id);
	}

	it('skips list items of the wrong shape, type or size', () => {
		const good = { text: 'Loyal clients', rank: 'a0' };
		const hostile = [
			null,
			'Loyal clients',
			42,
			['Loyal clients', 'a0'],
			{ text: 42, rank: 'a1' },
			{ text: 'No rank' },
			{ text: 'Number rank', rank: 1 },
			{ text: 'x'.repeat(METHOD_LIMITS.listItem + 1), rank: 'a2' },
			{ text: huge, rank: 'a3' }
		];
		for (const list of ['strengths', 'difficulties', 'segments'] as const) {
			expect(readAfter(list, good, hostile), list).toEqual(['good']);
			expect(readAfter(list, good, hostile, true), `${list} after a round trip`).toEqual(['good']);
		}
		const doc = newBoard();
		putRaw(doc, 'strengths', 'y-text', new Y.Text('Loyal'));
		putRaw(doc, 'strengths', 'y-map', new Y.Map());
		expect(sections(doc).strengths).toEqual([]);
	});

	it('skips forces with a rating out of range or a non-number', () => {
		const good = { rating: 5, note: '' };
		const hostile = [
			{ rating: 0, note: '' },
			{ rating: 6, note: '' },
			{ rating: '3', note: '' },
			{ rating: 2.5, note: '' },
			{ rating: Number.NaN, note: '' },
			{ rating: 3, note: huge },
			{ rating: 3 }
		];
		for (let i = 0; i < hostile.length; i += 1)
			expect(readAfter('forces', good, [hostile[i]]), JSON.stringify(hostile[i]).slice(0, 40)).toEqual(['rivalry']);
	});

	it('skips resources with NaN, infinite or text amounts and oversized labels', () => {
		const good = { amount: 3, unit: 'days', who: 'Sam', forWhat: 'Calls', rank: 'a0' };
		const hostile = [
			{ ...good, amount: Number.NaN },
			{ ...good, amount: Number.POSITIVE_INFINITY },
			{ ...good, amount: '3' },
			{ ...good, unit: 'u'.repeat(METHOD_LIMITS.unit + 1) },
			{ ...good, who: huge },
			{ ...good, forWhat: null },
			{ amount: 3, unit: 'days', who: 'Sam', forWhat: 'Calls' }
		];
		expect(readAfter('resources', good, hostile)).toEqual(['good']);
	});

	it('skips phases with impossible dates, unknown cadences or too many segments', () => {
		const good = phase('2026-01-05', '2026-03-29');
		const hostile = [
			{ ...good, start: '2026-02-30' },
			{ ...good, end: '2026-04-31' },
			{ ...good, start: '2026-1-5' },
			{ ...good, start: 20260105 },
			{ ...good, end: '2026-03-29T00:00:00Z' },
			{ ...good, cadence: 'daily' },
			{ ...good, name: huge },
			{ ...good, segments: 'Bakeries' },
			{ ...good, segments: Array.from({ length: METHOD_LIMITS.segments + 1 }, (_, i) => `S${i}`) },
			{ ...good, segments: [42] },
			{ ...good, decision: { verdict: 'maybe', date: '2026-03-29', reason: '' } },
			{ ...good, decision: { verdict: 'go', date: '2026-02-30', reason: '' } },
			{ ...good, decision: undefined }
		];
		expect(readAfter('phases', good, hostile)).toEqual(['good']);
	});

	it('skips check-ins with NaN values, bad dates or unknown confidences', () => {
		const good = checkIn('2026-01-12', 1);
		const hostile = [
			{ ...good, value: Number.NaN },
			{ ...good, value: Number.NEGATIVE_INFINITY },
			{ ...good, value: '7' },
			{ ...good, date: '2026-02-30' },
			{ ...good, date: '2025-02-29' },
			{ ...good, date: 'yesterday' },
			{ ...good, confidence: 'fine' },
			{ ...good, note: huge },
			{ ...good, at: Number.NaN },
			{ ...good, at: '1' },
			{ ...good, by: 3 }
		];
		expect(readAfter('checkIns', good, hostile)).toEqual(['good']);
		expect(readAfter('checkIns', good, hostile, true)).toEqual(['good']);
	});

	it('skips overrides and flags naming unknown stages or of the wrong shape', () => {
		const override = { from: 'review', to: 'objective', reason: 'Board decided so', missing: [], by: USER, at: 1 };
		const overrides = [
			{ ...override, to: 'launch' },
			{ ...override, from: 'Review' },
			{ ...override, from: 2 },
			{ ...override, reason: 'r'.repeat(METHOD_LIMITS.reason + 1) },
			{ ...override, missing: 'strengths' },
			{ ...override, missing: [1] },
			{ ...override, by: null },
			{ ...override, at: Number.NaN }
		];
		expect(readAfter('overrides', override, overrides)).toEqual(['good']);
		const flag = { from: 'review', to: 'objective', missing: ['strengths'], by: USER, at: 1 };
		const flags = [
			{ ...flag, to: 'launch' },
			{ ...flag, from: null },
			{ ...flag, missing: null },
			{ ...flag, at: '1' }
		];
		expect(readAfter('flags', flag, flags)).toEqual(['good']);
	});

	it('skips a whole collection replaced by a non-map, and a micro-environment of the wrong type', () => {
		const doc = newBoard();
		const card = cardOf(doc);
		card.set('phases', [phase('2026-01-05', '2026-03-29')]);
		card.set('checkIns', { k1: checkIn('2026-01-12', 1) });
		card.set('micro', 'notes');
		card.set('learnings', 'learned');
		const read = sections(doc);
		expect(read.phases).toEqual([]);
		expect(read.checkIns).toEqual([]);
		expect(read.micro).toEqual({});
		expect(read.learnings).toBe('');
	});
});

describe('concurrent editing', () => {
	it('keeps both strengths added at once by two people', () => {
		const alice = newBoard();
		const bob = replica(alice);
		const aliceId = new CardEditor(alice, 'user_alice_0001').addItem(CARD, 'strengths', 'Loyal clients');
		const bobId = new CardEditor(bob, 'user_bob_000001').addItem(CARD, 'strengths', 'Good location');
		expect(aliceId).not.toBeNull();
		expect(bobId).not.toBeNull();
		exchange(alice, bob);
		const texts = sections(alice).strengths.map((s) => s.text);
		expect([...texts].sort()).toEqual(['Good location', 'Loyal clients']);
		expect(sections(bob).strengths).toEqual(sections(alice).strengths);
	});

	it('keeps each item once when two people reorder the same list at once', () => {
		const alice = newBoard();
		const editor = new CardEditor(alice, USER);
		const ids = ['one', 'two', 'three', 'four'].map((text) => editor.addItem(CARD, 'segments', text));
		const bob = replica(alice);
		const [, second, third, fourth] = ids as string[];
		// Both move "four" up, by different amounts; Bob also moves "two" down.
		new CardEditor(alice, USER).shiftItem(CARD, 'segments', fourth ?? '', -1);
		const bobEditor = new CardEditor(bob, 'user_bob_000001');
		bobEditor.shiftItem(CARD, 'segments', fourth ?? '', -1);
		bobEditor.shiftItem(CARD, 'segments', fourth ?? '', -1);
		bobEditor.shiftItem(CARD, 'segments', second ?? '', 1);
		exchange(alice, bob);
		const order = sections(alice).segments.map((s) => s.id);
		expect(order).toHaveLength(4);
		expect(new Set(order)).toEqual(new Set(ids));
		expect(sections(bob).segments.map((s) => s.id)).toEqual(order);
		expect(order).toContain(third);
	});

	it('converges on the same order after many random concurrent moves', () => {
		const alice = newBoard();
		const editor = new CardEditor(alice, USER);
		const ids = Array.from({ length: 8 }, (_, i) => editor.addItem(CARD, 'strengths', `item ${i}`) ?? '');
		const bob = replica(alice);
		let seed = 7;
		const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
		for (let round = 0; round < 20; round += 1) {
			for (const doc of [alice, bob]) {
				const e = new CardEditor(doc, USER);
				const id = ids[Math.floor(random() * ids.length)] ?? '';
				e.shiftItem(CARD, 'strengths', id, random() < 0.5 ? -1 : 1);
			}
			if (round % 3 === 2) exchange(alice, bob);
		}
		exchange(alice, bob);
		const order = sections(alice).strengths.map((s) => s.id);
		expect([...order].sort()).toEqual([...ids].sort());
		expect(sections(bob).strengths.map((s) => s.id)).toEqual(order);
	});

	it('keeps what two people type at once into a note nobody had written yet', () => {
		const alice = newBoard();
		const bob = replica(alice);
		microText(cardOf(alice), 'clients')?.insert(0, 'Loyal. ');
		microText(cardOf(bob), 'clients')?.insert(0, 'Price-sensitive.');
		learningsText(cardOf(alice))?.insert(0, 'Start small. ');
		learningsText(cardOf(bob))?.insert(0, 'Ask early.');
		exchange(alice, bob);
		const { micro, learnings } = sections(alice);
		expect([micro.clients, learnings]).toEqual([
			expect.stringMatching(/^(Loyal\. Price-sensitive\.|Price-sensitive\.Loyal\. )$/),
			expect.stringMatching(/^(Start small\. Ask early\.|Ask early\.Start small\. )$/)
		]);
		expect(sections(bob)).toEqual(sections(alice));
	});

	it('keeps both entries of every collection added at once by two people', () => {
		const alice = newBoard();
		const bob = replica(alice);
		putEntry(alice, CARD, 'checkIns', 'k-alice', checkIn('2026-01-12', 1));
		putEntry(bob, CARD, 'checkIns', 'k-bob', checkIn('2026-01-19', 2));
		putEntry(alice, CARD, 'forces', 'rivalry', { rating: 2, note: '' });
		putEntry(bob, CARD, 'forces', 'newEntrants', { rating: 4, note: '' });
		exchange(alice, bob);
		expect(sections(alice).checkIns.map((k) => k.id)).toEqual(['k-alice', 'k-bob']);
		expect(Object.keys(sections(alice).forces).sort()).toEqual(['newEntrants', 'rivalry']);
		expect(sections(bob)).toEqual(sections(alice));
	});

	it('converges on one value when two people set the same field', () => {
		const alice = newBoard();
		const bob = replica(alice);
		setField(alice, CARD, 'metric', 'Repeat orders');
		setField(bob, CARD, 'metric', 'Basket size');
		exchange(alice, bob);
		expect(['Repeat orders', 'Basket size']).toContain(sections(alice).objective.metric);
		expect(sections(bob).objective.metric).toBe(sections(alice).objective.metric);
	});
});

/** Fills the card through the editor, exactly as completeCard() describes it. */
function fillComplete(doc: Y.Doc): void {
	const editor = new CardEditor(doc, USER);
	const c = completeCard();
	const ok = (value: unknown) => expect(value === null || value === false).toBe(false);
	for (const text of c.review.strengths ?? []) ok(editor.addItem(CARD, 'strengths', text));
	for (const text of c.review.difficulties ?? []) ok(editor.addItem(CARD, 'difficulties', text));
	const { direction, metric, unit, baseline, target, deadline } = c.objective;
	ok(editor.setField(CARD, 'metric', metric));
	ok(editor.setField(CARD, 'unit', unit));
	ok(editor.setField(CARD, 'direction', direction));
	ok(editor.setField(CARD, 'baseline', baseline));
	ok(editor.setField(CARD, 'target', target));
	ok(editor.setField(CARD, 'deadline', deadline));
	ok(editor.setField(CARD, 'ownerId', c.scope.ownerId));
	ok(editor.setField(CARD, 'teamId', c.scope.teamId));
	for (const text of c.scope.segments ?? []) ok(editor.addItem(CARD, 'segments', text));
	for (const p of c.rollout.phases ?? []) ok(editor.putPhase(CARD, null, p));
	for (const k of c.checkIns) ok(editor.putCheckIn(CARD, null, k));
}

describe('toMethodCard and the gates', () => {
	it('lets a card filled as completeCard() through every gate', () => {
		const doc = newBoard();
		expect(checkMove(toMethodCard(sections(doc)), 'ideas', 'outcome')).toMatchObject({ allowed: false });
		fillComplete(doc);
		const method = toMethodCard(sections(doc));
		expect(method).toMatchObject(completeCard());
		expect(checkMove(method, 'ideas', 'outcome', readSettings(doc))).toEqual({ allowed: true });
		expect(checkMove(toMethodCard(sections(replica(doc))), 'ideas', 'outcome')).toEqual({ allowed: true });
	});

	it('names exactly what a bare card lacks', () => {
		const missing = checkMove(toMethodCard(emptySections()), 'ideas', 'outcome');
		expect(missing.allowed ? [] : missing.missing.map((m) => m.code)).toEqual([
			'strengths',
			'difficulties',
			'metric',
			'baseline',
			'target',
			'deadline',
			'owner',
			'team',
			'segments',
			'check-in',
			'phases'
		]);
	});

	it('judges the rollout by the phase that starts last', () => {
		const doc = newBoard();
		fillComplete(doc);
		const editor = new CardEditor(doc, USER);
		const later = editor.putPhase(CARD, null, { ...phase('2026-04-01', '2026-04-30', 'Wider') });
		expect(later).not.toBeNull();
		const check = checkMove(toMethodCard(sections(doc)), 'rollout', 'outcome');
		expect(check.allowed ? [] : check.missing.map((m) => m.code)).toEqual(['decision']);
		expect(editor.decide(CARD, later ?? '', { verdict: 'no-go', date: '2026-04-30', reason: '' })).toBe(true);
		expect(checkMove(toMethodCard(sections(doc)), 'rollout', 'outcome')).toEqual({ allowed: true });
	});

	it('drops items and check-ins the gates would refuse, since they are skipped on read', () => {
		const doc = newBoard();
		fillComplete(doc);
		for (const [id] of collectionEntries(cardOf(doc), 'checkIns'))
			putRaw(doc, 'checkIns', id, { ...checkIn('2026-01-12', 1), value: Number.NaN });
		const check = checkMove(toMethodCard(sections(doc)), 'rollout', 'outcome');
		expect(check.allowed ? [] : check.missing.map((m) => m.code)).toEqual(['check-in']);
	});

	it('maps an outcome only once it has both a verdict and a date', () => {
		const doc = newBoard();
		learningsText(cardOf(doc))?.insert(0, 'Start small');
		setField(doc, CARD, 'outcomeVerdict', 'generalised');
		expect(toMethodCard(sections(doc)).outcome).toBeUndefined();
		setField(doc, CARD, 'outcomeDate', '2026-10-01');
		expect(toMethodCard(sections(doc)).outcome).toEqual({
			verdict: 'generalised',
			date: '2026-10-01',
			result: null,
			learnings: 'Start small'
		});
	});

	it('counts segments beyond the board setting against the scope gate', () => {
		const doc = newBoard();
		fillComplete(doc);
		const editor = new CardEditor(doc, USER);
		expect(editor.addItem(CARD, 'segments', 'Cafés')).not.toBeNull();
		const settings = { ...DEFAULT_METHOD_SETTINGS, maxSegments: 1 };
		const check = checkMove(toMethodCard(sections(doc)), 'scope', 'rollout', settings);
		expect(check.allowed ? [] : check.missing.map((m) => m.code)).toEqual(['segments-too-many']);
	});
});

describe('CardEditor', () => {
	function refuses(doc: Y.Doc, run: () => unknown): unknown {
		let result: unknown;
		expect(updatesDuring(doc, () => (result = run()))).toBe(0);
		return result;
	}

	it('refuses invalid field values without writing', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const invalid: [Parameters<CardEditor['setField']>[1], unknown][] = [
			['direction', 'sideways'],
			['baseline', Number.NaN],
			['target', Number.POSITIVE_INFINITY],
			['target', METHOD_LIMITS.magnitude * 10],
			['baseline', '10'],
			['deadline', '2026-02-30'],
			['outcomeDate', '30/01/2026'],
			['metric', 'm'.repeat(METHOD_LIMITS.shortText + 1)],
			['ownerId', 'short'],
			['teamId', 'has spaces in it'],
			['contributingTeamIds', ['short']],
			['outcomeVerdict', 'victory'],
			['unit', 42]
		];
		for (const [field, value] of invalid)
			expect(
				refuses(doc, () => editor.setField(CARD, field, value)),
				`${field} = ${String(value)}`
			).toBe(false);
		expect(sections(doc)).toEqual(emptySections());
	});

	it('accepts and trims valid field values, and clears with an empty value', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		expect(editor.setField(CARD, 'metric', '  NPS  ')).toBe(true);
		expect(editor.setField(CARD, 'baseline', 3)).toBe(true);
		expect(sections(doc).objective).toMatchObject({ metric: 'NPS', baseline: 3 });
		expect(editor.setField(CARD, 'metric', '   ')).toBe(true);
		expect(editor.setField(CARD, 'baseline', null)).toBe(true);
		expect(sections(doc).objective).toEqual({ direction: 'increase' });
	});

	it('refuses empty, blank or oversized list items without writing', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		expect(refuses(doc, () => editor.addItem(CARD, 'strengths', ''))).toBeNull();
		expect(refuses(doc, () => editor.addItem(CARD, 'strengths', ' \n\t '))).toBeNull();
		expect(refuses(doc, () => editor.addItem(CARD, 'strengths', 's'.repeat(METHOD_LIMITS.listItem + 1)))).toBeNull();
		expect(refuses(doc, () => editor.addItem('card_missing_000', 'strengths', 'Loyal'))).toBeNull();
		const id = editor.addItem(CARD, 'strengths', '  Loyal  ');
		expect(sections(doc).strengths).toEqual([expect.objectContaining({ id, text: 'Loyal' })]);
		expect(refuses(doc, () => editor.editItem(CARD, 'strengths', id ?? '', '  '))).toBe(false);
		expect(refuses(doc, () => editor.editItem(CARD, 'strengths', 'unknown-id', 'Loyal'))).toBe(false);
		expect(editor.editItem(CARD, 'strengths', id ?? '', 'Very loyal')).toBe(true);
		expect(sections(doc).strengths.map((s) => s.text)).toEqual(['Very loyal']);
	});

	it('appends items in order and refuses segments beyond METHOD_LIMITS', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		for (let i = 0; i < METHOD_LIMITS.segments; i += 1)
			expect(editor.addItem(CARD, 'segments', `Segment ${i}`), `segment ${i}`).not.toBeNull();
		expect(refuses(doc, () => editor.addItem(CARD, 'segments', 'One too many'))).toBeNull();
		expect(sections(doc).segments.map((s) => s.text)).toEqual(
			Array.from({ length: METHOD_LIMITS.segments }, (_, i) => `Segment ${i}`)
		);
	});

	it('refuses strengths beyond METHOD_LIMITS.listItems', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		for (let i = 0; i < METHOD_LIMITS.listItems; i += 1) editor.addItem(CARD, 'strengths', `S${i}`);
		expect(sections(doc).strengths).toHaveLength(METHOD_LIMITS.listItems);
		expect(refuses(doc, () => editor.addItem(CARD, 'strengths', 'One too many'))).toBeNull();
	});

	it('moves items up and down, and ignores moves past either end', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const [a, b, c] = ['a', 'b', 'c'].map((text) => editor.addItem(CARD, 'difficulties', text) ?? '');
		const order = () => sections(doc).difficulties.map((d) => d.text);
		editor.shiftItem(CARD, 'difficulties', c ?? '', -1);
		expect(order()).toEqual(['a', 'c', 'b']);
		editor.shiftItem(CARD, 'difficulties', a ?? '', 1);
		expect(order()).toEqual(['c', 'a', 'b']);
		expect(refuses(doc, () => editor.shiftItem(CARD, 'difficulties', c ?? '', -1))).toBeUndefined();
		expect(refuses(doc, () => editor.shiftItem(CARD, 'difficulties', b ?? '', 1))).toBeUndefined();
		expect(order()).toEqual(['c', 'a', 'b']);
	});

	it('keeps adding strengths after a hostile item with a malformed rank', () => {
		// A record with any string rank passes the read validation; adding after it must not throw.
		const doc = newBoard();
		putRaw(doc, 'strengths', 'hostile-rank', { text: 'Sorted last', rank: 'zzz' });
		const editor = new CardEditor(doc, USER);
		let id: string | null = null;
		expect(() => (id = editor.addItem(CARD, 'strengths', 'Loyal clients'))).not.toThrow();
		expect(id).not.toBeNull();
	});

	it('refuses a phase ending before it starts, or with a bad date, without writing', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		expect(refuses(doc, () => editor.putPhase(CARD, null, phase('2026-03-01', '2026-02-28')))).toBeNull();
		expect(refuses(doc, () => editor.putPhase(CARD, null, phase('2026-02-30', '2026-03-31')))).toBeNull();
		expect(
			refuses(doc, () => editor.putPhase(CARD, null, { ...phase('2026-01-01', '2026-02-01'), name: ' ' }))
		).toBeNull();
		expect(
			refuses(doc, () => editor.putPhase(CARD, null, { ...phase('2026-01-01', '2026-02-01'), cadence: 'daily' }))
		).toBeNull();
		const id = editor.putPhase(CARD, null, phase('2026-03-01', '2026-03-01'));
		expect(id).not.toBeNull();
		expect(sections(doc).phases).toEqual([{ ...phase('2026-03-01', '2026-03-01'), id }]);
	});

	it(`refuses more than ${METHOD_LIMITS.phases} phases but still edits an existing one`, () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const ids: (string | null)[] = [];
		for (let i = 0; i < METHOD_LIMITS.phases; i += 1)
			ids.push(editor.putPhase(CARD, null, phase(`2026-01-${String(i + 1).padStart(2, '0')}`, '2026-12-31')));
		expect(ids.every((id) => id !== null)).toBe(true);
		expect(refuses(doc, () => editor.putPhase(CARD, null, phase('2026-02-01', '2026-03-01')))).toBeNull();
		expect(editor.putPhase(CARD, ids[0] ?? null, phase('2026-01-01', '2026-01-31', 'Renamed'))).toBe(ids[0]);
		expect(sections(doc).phases).toHaveLength(METHOD_LIMITS.phases);
		expect(sections(doc).phases[0]).toMatchObject({ name: 'Renamed', end: '2026-01-31' });
	});

	it('records and clears a phase decision, and refuses a bad one', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const id = editor.putPhase(CARD, null, phase('2026-01-05', '2026-03-29')) ?? '';
		expect(refuses(doc, () => editor.decide(CARD, id, { verdict: 'maybe', date: '2026-03-29', reason: '' }))).toBe(
			false
		);
		expect(refuses(doc, () => editor.decide(CARD, 'unknown-phase', null))).toBe(false);
		const decision = { verdict: 'go', date: '2026-03-29', reason: 'Orders up' } as const;
		expect(editor.decide(CARD, id, decision)).toBe(true);
		expect(sections(doc).phases[0]?.decision).toEqual(decision);
		expect(editor.decide(CARD, id, null)).toBe(true);
		expect(sections(doc).phases[0]?.decision).toBeNull();
	});

	it('refuses a check-in with NaN, a bad date or an unknown confidence, without writing', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const good = { date: '2026-01-12', value: 7, confidence: 'on-track', note: '' };
		for (const bad of [
			{ ...good, value: Number.NaN },
			{ ...good, value: Number.POSITIVE_INFINITY },
			{ ...good, value: '7' },
			{ ...good, date: '2026-02-30' },
			{ ...good, confidence: 'meh' },
			{ ...good, note: 'n'.repeat(METHOD_LIMITS.note + 1) }
		])
			expect(refuses(doc, () => editor.putCheckIn(CARD, null, bad))).toBeNull();
		expect(sections(doc).checkIns).toEqual([]);
	});

	it('stamps a new check-in with its author and keeps the stamp when corrected', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const before = Date.now();
		const id = editor.putCheckIn(CARD, null, { date: '2026-01-12', value: 7, confidence: 'on-track' });
		const [first] = sections(doc).checkIns;
		expect(first).toMatchObject({ id, value: 7, note: '', by: USER });
		expect(first?.at).toBeGreaterThanOrEqual(before);
		const other = new CardEditor(doc, 'user_bob_000001');
		expect(other.putCheckIn(CARD, id, { date: '2026-01-12', value: 8, confidence: 'at-risk' })).toBe(id);
		expect(sections(doc).checkIns).toEqual([{ ...first, value: 8, confidence: 'at-risk' }]);
	});

	it('rates, re-rates and clears forces, refusing unknown forces and ratings', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		expect(refuses(doc, () => editor.setForce(CARD, 'weather' as 'rivalry', 3, ''))).toBe(false);
		expect(refuses(doc, () => editor.setForce(CARD, 'rivalry', 6, ''))).toBe(false);
		expect(refuses(doc, () => editor.setForce(CARD, 'rivalry', 0, ''))).toBe(false);
		expect(refuses(doc, () => editor.setForce(CARD, 'rivalry', 2, 'n'.repeat(METHOD_LIMITS.note + 1)))).toBe(false);
		expect(editor.setForce(CARD, 'rivalry', 2, ' Many shops ')).toBe(true);
		expect(sections(doc).forces).toEqual({ rivalry: { rating: 2, note: 'Many shops' } });
		expect(editor.setForce(CARD, 'rivalry', null, '')).toBe(true);
		expect(sections(doc).forces).toEqual({});
	});

	it('refuses negative or NaN resources and keeps the rank of one replaced', () => {
		const doc = newBoard();
		const editor = new CardEditor(doc, USER);
		const good = { amount: 4, unit: 'hours/week', who: 'Sam', forWhat: 'Calls' };
		expect(refuses(doc, () => editor.putResource(CARD, null, { ...good, amount: -1 }))).toBeNull();
		expect(refuses(doc, () => editor.putResource(CARD, null, { ...good, amount: Number.NaN }))).toBeNull();
		expect(refuses(doc, () => editor.putResource(CARD, null, { ...good, unit: ' ' }))).toBeNull();
		const first = editor.putResource(CARD, null, good);
		const second = editor.putResource(CARD, null, { ...good, who: 'Kim' });
		expect(sections(doc).resources.map((r) => r.id)).toEqual([first, second]);
		expect(editor.putResource(CARD, first, { ...good, amount: 8 })).toBe(first);
		expect(sections(doc).resources.map((r) => [r.id, r.amount])).toEqual([
			[first, 8],
			[second, 4]
		]);
		editor.remove(CARD, 'resources', first ?? '');
		expect(sections(doc).resources.map((r) => r.id)).toEqual([second]);
	});
});

describe('moveCard', () => {
	it('writes the override with the move, in one transaction', () => {
		const doc = newBoard('review');
		const override = {
			id: 'override-1',
			record: {
				from: 'review',
				to: 'objective',
				reason: 'Decided at the board meeting',
				missing: ['strengths', 'difficulties'],
				by: USER,
				at: 5
			}
		} satisfies Parameters<typeof moveCard>[4];
		const other = replica(doc);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		moveCard(doc, CARD, 'objective', 'a5', override);
		expect(updates).toHaveLength(1);
		// The one update carries both: a peer receiving it never sees the move without its override.
		Y.applyUpdate(other, updates[0] ?? new Uint8Array());
		const moved = readCard(cardOf(other));
		expect(moved).toMatchObject({ stage: 'objective', rank: 'a5' });
		expect(moved?.sections.overrides).toEqual([{ ...override.record, id: 'override-1' }]);
	});

	it('moves without an override and ignores an unknown card', () => {
		const doc = newBoard();
		moveCard(doc, CARD, 'review', 'a1');
		expect(readCard(cardOf(doc))).toMatchObject({ stage: 'review', rank: 'a1' });
		expect(sections(doc).overrides).toEqual([]);
		expect(updatesDuring(doc, () => moveCard(doc, 'card_missing_000', 'scope', 'a1'))).toBe(0);
	});
});

describe('board settings and objectives', () => {
	it('reads the defaults from an empty document', () => {
		expect(readSettings(new Y.Doc())).toEqual({ ...DEFAULT_METHOD_SETTINGS, timeZone: DEFAULT_TIME_ZONE });
		expect(readObjectives(new Y.Doc())).toEqual([]);
	});

	it('reads back what was written', () => {
		const doc = new Y.Doc();
		writeSettings(doc, { maxSegments: 5, tolerance: 0.25, timeZone: 'America/Montreal' });
		expect(readSettings(replica(doc))).toEqual({ maxSegments: 5, tolerance: 0.25, timeZone: 'America/Montreal' });
		expect(updatesDuring(doc, () => writeSettings(doc, readSettings(doc)))).toBe(0);
	});

	it('falls back to the defaults for hostile settings', () => {
		const hostile: Record<string, unknown>[] = [
			{ maxSegments: 0 },
			{ maxSegments: METHOD_LIMITS.segments + 1 },
			{ maxSegments: 2.5 },
			{ maxSegments: '4' },
			{ maxSegments: Number.NaN },
			{ tolerance: -0.1 },
			{ tolerance: 1.5 },
			{ tolerance: Number.POSITIVE_INFINITY },
			{ tolerance: '0.2' }
		];
		for (const values of hostile) {
			const doc = new Y.Doc();
			for (const [key, value] of Object.entries(values)) settingsMap(doc).set(key, value);
			const read = readSettings(doc);
			const [key] = Object.keys(values) as ('maxSegments' | 'tolerance')[];
			expect(read[key ?? 'maxSegments'], JSON.stringify(values)).toBe(DEFAULT_METHOD_SETTINGS[key ?? 'maxSegments']);
			expect(read.timeZone).toBe(DEFAULT_TIME_ZONE);
		}
		for (const zone of ['Mars/Olympus_Mons', '', 42, null, 'x'.repeat(100_000)]) {
			const doc = new Y.Doc();
			settingsMap(doc).set('timeZone', zone);
			settingsMap(doc).set('maxSegments', 2);
			expect(readSettings(doc), String(zone).slice(0, 20)).toEqual({
				...DEFAULT_METHOD_SETTINGS,
				maxSegments: 2,
				timeZone: DEFAULT_TIME_ZONE
			});
		}
	});

	it('orders objectives by rank and skips hostile ones', () => {
		const doc = new Y.Doc();
		putObjective(doc, { id: 'goal-b', title: 'Grow', rank: 'a2' });
		putObjective(doc, { id: 'goal-a', title: 'Keep', rank: 'a1' });
		const map = objectivesMap(doc);
		map.set('no-title', { rank: 'a0' });
		map.set('number-title', { title: 5, rank: 'a0' });
		map.set('long-title', { title: 't'.repeat(201), rank: 'a0' });
		map.set('no-rank', { title: 'Lost' });
		map.set('a-string', 'Grow');
		map.set('a-text', new Y.Text('Grow'));
		expect(readObjectives(doc)).toEqual([
			{ id: 'goal-a', title: 'Keep', rank: 'a1' },
			{ id: 'goal-b', title: 'Grow', rank: 'a2' }
		]);
		removeObjective(doc, 'goal-a');
		expect(readObjectives(replica(doc)).map((o) => o.id)).toEqual(['goal-b']);
	});
});

describe('cards stored before sections were made on first use', () => {
	function legacyBoard(): Y.Doc {
		const doc = new Y.Doc();
		createLegacyCard(doc, { id: CARD, title: 'Loyalty', stage: 'ideas', rank: 'a0', createdBy: USER }, 1_000);
		return doc;
	}

	/** Every key of the card map and root type written outside the containers of the older layout. */
	const outside = (doc: Y.Doc) => [
		...[...cardOf(doc).keys()].filter((key) => key.includes('/')),
		...[...doc.share.keys()].filter((name) => name !== 'cards')
	];

	it('reads and writes a card in its nested containers, through the same commands', () => {
		const doc = legacyBoard();
		expect(sections(doc)).toEqual(emptySections());
		fillComplete(doc);
		microText(cardOf(doc), 'clients')?.insert(0, 'They reorder monthly');
		learningsText(cardOf(doc))?.insert(0, 'Start small');
		putEntry(doc, CARD, 'forces', 'rivalry', { rating: 4, note: '' });
		moveCard(doc, CARD, 'review', 'a1', {
			id: 'override-1',
			record: { from: 'ideas', to: 'review', reason: 'Why not', missing: [], by: USER, at: 1 }
		});
		const read = sections(replica(doc));
		expect(toMethodCard(read)).toMatchObject(completeCard());
		expect(read).toMatchObject({
			micro: { clients: 'They reorder monthly' },
			learnings: 'Start small',
			forces: { rivalry: { rating: 4, note: '' } }
		});
		expect(read.overrides.map((o) => o.id)).toEqual(['override-1']);
		expect(outside(doc)).toEqual([]);
		const strengths = cardOf(doc).get('strengths') as Y.Map<unknown>;
		expect(strengths.size).toBe(completeCard().review.strengths?.length);

		const [first] = read.strengths;
		removeEntry(doc, CARD, 'strengths', first?.id ?? '');
		expect(strengths.size).toBe((completeCard().review.strengths?.length ?? 0) - 1);
	});

	it('keeps both strengths and both notes two people add at once', () => {
		const alice = legacyBoard();
		const bob = replica(alice);
		new CardEditor(alice, USER).addItem(CARD, 'strengths', 'Loyal clients');
		new CardEditor(bob, 'user_bob_000001').addItem(CARD, 'strengths', 'Good location');
		microText(cardOf(alice), 'partners')?.insert(0, 'A');
		microText(cardOf(bob), 'partners')?.insert(0, 'B');
		exchange(alice, bob);
		expect(
			sections(alice)
				.strengths.map((s) => s.text)
				.sort()
		).toEqual(['Good location', 'Loyal clients']);
		expect(sections(alice).micro.partners).toHaveLength(2);
		expect(sections(bob)).toEqual(sections(alice));
		expect(outside(alice)).toEqual([]);
	});
});
