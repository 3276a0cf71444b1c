import * as v from 'valibot';
import { getCard } from '#lib/board/schema.ts';
import { attachInboxSignal, addInboxSignal, markInboxSignalConverted, readInbox } from '#lib/board/signal-inbox.ts';
import {
	addSignal,
	ideaTitle,
	SIGNAL_CHANNELS,
	SIGNAL_SENTIMENTS,
	SIGNAL_SOURCES,
	SIGNAL_TEXT_MAX,
	type Signal,
	type SignalKind,
	type SignalRecord
} from '#lib/board/signals.ts';
import { newId } from '../ids.ts';
import { recordEvent } from './events.ts';
import { addIdea } from './signal-ideas.ts';
import type { BoardDeps } from '../deps.ts';

/** What a member records: an observation from the field. */
export const MemberSignalInput = v.object({
	source: v.picklist(SIGNAL_SOURCES),
	channel: v.picklist(SIGNAL_CHANNELS),
	sentiment: v.picklist(SIGNAL_SENTIMENTS),
	date: v.pipe(v.string(), v.isoDate()),
	text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SIGNAL_TEXT_MAX))
});
export type MemberSignalInput = v.InferOutput<typeof MemberSignalInput>;

/** Reads the form's fields; null when one is missing or invalid. */
export function parseMemberSignal(form: FormData): MemberSignalInput | null {
	const fields = Object.fromEntries(['source', 'channel', 'sentiment', 'date', 'text'].map((k) => [k, form.get(k)]));
	const parsed = v.safeParse(MemberSignalInput, fields);
	return parsed.success ? parsed.output : null;
}

/** The kind the guests' list shows: a member's sentiment read as a verdict. */
const KIND_OF: Record<MemberSignalInput['sentiment'], SignalKind> = {
	positive: 'works',
	negative: 'fails',
	neutral: 'idea'
};

export function memberRecord(input: MemberSignalInput, userId: string, at = Date.now()): SignalRecord {
	return { ...input, kind: KIND_OF[input.sentiment], company: '', by: userId, recordedBy: userId, at };
}

/** Records a member's signal on a card; its id, or null without the card. */
export async function recordCardSignal(
	deps: BoardDeps,
	input: { boardId: string; cardId: string; userId: string; signal: MemberSignalInput }
): Promise<string | null> {
	if (!(await hasCard(deps, input.boardId, input.cardId))) return null;
	const feed = await deps.sync.openFeed(input.boardId);
	const signalId = newId();
	const record = memberRecord(input.signal, input.userId);
	if (!(await feed.write(input.userId, (doc) => addSignal(doc, input.cardId, signalId, record)))) return null;
	await recordEvent(deps.db, {
		boardId: input.boardId,
		cardId: input.cardId,
		kind: 'signal',
		actorId: input.userId,
		data: { signalId, source: input.signal.source }
	});
	return signalId;
}

/** Records an unassigned signal in the board's inbox; its id. */
export async function recordInboxSignal(
	deps: Pick<BoardDeps, 'sync'>,
	input: { boardId: string; userId: string; signal: MemberSignalInput }
): Promise<string | null> {
	const feed = await deps.sync.openFeed(input.boardId);
	const signalId = newId();
	const record = memberRecord(input.signal, input.userId);
	return (await feed.write(input.userId, (doc) => addInboxSignal(doc, signalId, record))) ? signalId : null;
}

/** Moves an inbox signal onto a card. False when the signal or the card is gone. */
export async function attachSignal(
	deps: BoardDeps,
	input: { boardId: string; signalId: string; cardId: string; userId: string }
): Promise<boolean> {
	if (!(await hasCard(deps, input.boardId, input.cardId))) return false;
	const feed = await deps.sync.openFeed(input.boardId);
	const signal = readInbox(feed.doc).find((s) => s.id === input.signalId);
	if (!(await feed.write(input.userId, (doc) => attachInboxSignal(doc, input.signalId, input.cardId)))) return false;
	await recordEvent(deps.db, {
		boardId: input.boardId,
		cardId: input.cardId,
		kind: 'signal',
		actorId: input.userId,
		data: { signalId: input.signalId, source: signal?.source ?? 'other' }
	});
	return true;
}

/** Turns an inbox signal into a new card at the end of Ideas & signals; its id, or null. */
export async function turnInboxSignalIntoIdea(
	deps: BoardDeps,
	input: { boardId: string; signalId: string; userId: string; describe: (signal: Signal) => string }
): Promise<string | null> {
	const feed = await deps.sync.openFeed(input.boardId);
	const signal = readInbox(feed.doc).find((s) => s.id === input.signalId);
	if (!signal || signal.convertedTo) return null;
	const id = newId();
	if (!(await feed.write(input.userId, (doc) => markInboxSignalConverted(doc, input.signalId, id)))) return null;
	await addIdea(deps, input.boardId, input.userId, {
		id,
		title: ideaTitle(signal.text),
		description: input.describe(signal)
	});
	await recordEvent(deps.db, {
		boardId: input.boardId,
		cardId: id,
		kind: 'signal',
		actorId: input.userId,
		data: { signalId: input.signalId, source: signal.source ?? 'other' }
	});
	return id;
}

/** Whether the card is on the board (signals are only written for cards that exist). */
async function hasCard(deps: Pick<BoardDeps, 'sync'>, boardId: string, cardId: string): Promise<boolean> {
	return getCard((await deps.sync.openRoom(boardId)).doc, cardId) !== null;
}
