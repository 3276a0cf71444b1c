import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '#lib/board/schema.ts';
import { readInbox } from '#lib/board/signal-inbox.ts';
import { cardSignals } from '#lib/board/signals.ts';
import { openTestRuntime } from '../../../../tests/factories/runtime.ts';
import { newId } from '../ids.ts';
import type { BoardDeps } from '../deps.ts';
import { listCardEvents } from './events.ts';
import {
	attachSignal,
	parseMemberSignal,
	recordCardSignal,
	recordInboxSignal,
	turnInboxSignalIntoIdea,
	type MemberSignalInput
} from './member-signals.ts';

let world: Awaited<ReturnType<typeof openTestRuntime>>;
let runtime: BoardDeps;
let boardId: string;
let cardId: string;
const alice = newId();
const signal: MemberSignalInput = {
	source: 'client',
	channel: 'phone',
	sentiment: 'negative',
	date: '2026-11-20',
	text: 'Les livraisons arrivent en retard'
};

beforeAll(async () => {
	world = await openTestRuntime('bouture-test-', { title: 'Livraison', createdBy: alice });
	({ runtime, boardId, cardId } = world);
});

afterAll(() => world.dispose());

const doc = async () => (await runtime.sync.openFeed(boardId)).doc;
const board = async () => (await runtime.sync.openRoom(boardId)).doc;

describe('member signals', () => {
	it('parses a form and refuses a missing or unknown field', () => {
		const form = new FormData();
		for (const [k, value] of Object.entries(signal)) form.set(k, value);
		expect(parseMemberSignal(form)).toEqual(signal);
		form.set('channel', 'pigeon');
		expect(parseMemberSignal(form)).toBeNull();
		form.set('channel', 'phone');
		form.set('text', '   ');
		expect(parseMemberSignal(form)).toBeNull();
	});

	it('records a signal on a card with its fields and logs an event', async () => {
		const id = await recordCardSignal(runtime, { boardId, cardId, userId: alice, signal });
		expect(id).not.toBeNull();
		expect(cardSignals(await doc(), cardId)[0]).toMatchObject({ id, ...signal, kind: 'fails', recordedBy: alice });
		const [event] = await listCardEvents(runtime.db, cardId);
		expect(event).toMatchObject({ kind: 'signal' });
		expect(JSON.stringify(event)).toContain('client');
		expect(await recordCardSignal(runtime, { boardId, cardId: newId(), userId: alice, signal })).toBeNull();
	});

	it('records in the inbox, then attaches to a card (the signal moves)', async () => {
		const id = await recordInboxSignal(runtime, { boardId, userId: alice, signal: { ...signal, text: 'Inbox' } });
		expect(readInbox(await doc()).map((s) => s.id)).toContain(id);
		expect(await attachSignal(runtime, { boardId, signalId: id!, cardId, userId: alice })).toBe(true);
		expect(readInbox(await doc()).map((s) => s.id)).not.toContain(id);
		expect(cardSignals(await doc(), cardId).find((s) => s.id === id)?.text).toBe('Inbox');
		expect(await attachSignal(runtime, { boardId, signalId: id!, cardId, userId: alice })).toBe(false);
	});

	it('turns an inbox signal into a new idea, once', async () => {
		const id = await recordInboxSignal(runtime, {
			boardId,
			userId: alice,
			signal: { ...signal, sentiment: 'positive', text: 'Idée de terrain' }
		});
		const input = { boardId, signalId: id!, userId: alice, describe: () => 'desc' };
		const ideaId = await turnInboxSignalIntoIdea(runtime, input);
		expect(readCards(await board()).find((c) => c.id === ideaId)).toMatchObject({
			title: 'Idée de terrain',
			stage: 'ideas'
		});
		expect(readInbox(await doc()).find((s) => s.id === id)?.convertedTo).toBe(ideaId);
		expect(await turnInboxSignalIntoIdea(runtime, input)).toBeNull();
	});
});
