import * as v from 'valibot';
import { rankForIndex, sortRanked } from '#lib/domain/ordering.ts';
import { readCards } from '#lib/board/schema.ts';
import { attachInboxSignal, addInboxSignal, convertInboxSignal, readInbox } from '#lib/board/signal-inbox.ts';
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
import type { Runtime } from '../runtime.ts';

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
	runtime: Runtime,
	input: { boardId: string; cardId: string; userId: string; signal: MemberSignalInput }
): Promise<string | null> {
	const room = await runtime.sync.openRoom(input.boardId);
	const signalId = newId();
	let added = false;
	await room.change(input.userId, (doc) => {
		added = addSignal(doc, input.cardId, signalId, memberRecord(input.signal, input.userId));
	});
	if (!added) return null;
	await recordEvent(runtime.db, {
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
	runtime: Runtime,
	input: { boardId: string; userId: string; signal: MemberSignalInput }
): Promise<string | null> {
	const room = await runtime.sync.openRoom(input.boardId);
	const signalId = newId();
	let added = false;
	await room.change(input.userId, (doc) => {
		added = addInboxSignal(doc, signalId, memberRecord(input.signal, input.userId));
	});
	return added ? signalId : null;
}

/** Moves an inbox signal onto a card. False when the signal or the card is gone. */
export async function attachSignal(
	runtime: Runtime,
	input: { boardId: string; signalId: string; cardId: string; userId: string }
): Promise<boolean> {
	const room = await runtime.sync.openRoom(input.boardId);
	const signal = readInbox(room.doc).find((s) => s.id === input.signalId);
	let attached = false;
	await room.change(input.userId, (doc) => {
		attached = attachInboxSignal(doc, input.signalId, input.cardId);
	});
	if (!attached) return false;
	await recordEvent(runtime.db, {
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
	runtime: Runtime,
	input: { boardId: string; signalId: string; userId: string; describe: (signal: Signal) => string }
): Promise<string | null> {
	const room = await runtime.sync.openRoom(input.boardId);
	const signal = readInbox(room.doc).find((s) => s.id === input.signalId);
	if (!signal || signal.convertedTo) return null;
	const id = newId();
	let converted = false;
	await room.change(input.userId, (doc) => {
		const ideas = sortRanked(readCards(doc).filter((c) => c.stage === 'ideas' && !c.archived));
		converted = convertInboxSignal(doc, input.signalId, {
			id,
			title: ideaTitle(signal.text),
			stage: 'ideas',
			description: input.describe(signal),
			rank: rankForIndex(ideas, id, ideas.length),
			createdBy: input.userId
		});
	});
	if (!converted) return null;
	await recordEvent(runtime.db, {
		boardId: input.boardId,
		cardId: id,
		kind: 'signal',
		actorId: input.userId,
		data: { signalId: input.signalId, source: signal.source ?? 'other' }
	});
	return id;
}
