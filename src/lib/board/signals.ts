import * as v from 'valibot';
import * as Y from 'yjs';
import { ID_PATTERN, LIMITS } from '#lib/domain/validation.ts';
import { feedCollection } from './feed.ts';
import { getCard } from './schema.ts';

/**
 * Feedback on a card (guests', and members' observations): a collection `signals` (a Y.Map of id →
 * record, each record replaced whole) on the card's entry in the board's feed (feed.ts). Only the
 * server writes it; members ask it to, e.g. to turn a signal into an idea. Every read validates, so
 * a malformed record is skipped, never shown. `doc` below is the board's feed document.
 */

export const SIGNALS = 'signals';
export const SIGNAL_KINDS = ['works', 'fails', 'idea'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const SIGNAL_TEXT_MAX = 2_000;

/** What a guest sends: a verdict and a text. */
export const FeedbackInput = v.object({
	kind: v.picklist(SIGNAL_KINDS),
	text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SIGNAL_TEXT_MAX))
});

export const SIGNAL_SOURCES = ['client', 'partner', 'supplier', 'employee', 'other'] as const;
export const SIGNAL_CHANNELS = ['visit', 'phone', 'email', 'social', 'other'] as const;
export const SIGNAL_SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

export const SignalRecord = v.object({
	kind: v.picklist(SIGNAL_KINDS),
	text: v.pipe(v.string(), v.minLength(1), v.maxLength(SIGNAL_TEXT_MAX)),
	/** The guest's company ('' for a guest without one). */
	company: v.pipe(v.string(), v.maxLength(LIMITS.boardName)),
	by: v.string(),
	at: v.pipe(v.number(), v.finite()),
	/** The idea card it became, once a member turned it into one. */
	convertedTo: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN))),
	/** A member's observation (see services/member-signals.ts): who it came from, how, when, in what mood. */
	source: v.optional(v.picklist(SIGNAL_SOURCES)),
	channel: v.optional(v.picklist(SIGNAL_CHANNELS)),
	sentiment: v.optional(v.picklist(SIGNAL_SENTIMENTS)),
	/** The day it was observed, YYYY-MM-DD. */
	date: v.optional(v.pipe(v.string(), v.isoDate())),
	recordedBy: v.optional(v.string())
});
export type SignalRecord = v.InferOutput<typeof SignalRecord>;
export type Signal = SignalRecord & { id: string };

/** The card's valid signals, newest first. */
export function readSignals(card: Y.Map<unknown>): Signal[] {
	const map = card.get(SIGNALS);
	if (!(map instanceof Y.Map)) return [];
	const signals: Signal[] = [];
	for (const [id, value] of map.entries()) {
		const parsed = v.safeParse(SignalRecord, value);
		if (parsed.success) signals.push({ ...parsed.output, id });
	}
	return signals.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

export function cardSignals(doc: Y.Doc, cardId: string): Signal[] {
	const card = getCard(doc, cardId);
	return card ? readSignals(card) : [];
}

/** Adds a signal (server side; the caller checked the card). False when the record is malformed. */
export function addSignal(feed: Y.Doc, cardId: string, id: string, record: SignalRecord): boolean {
	if (!v.safeParse(SignalRecord, record).success) return false;
	feed.transact(() => feedCollection(feed, cardId, SIGNALS).set(id, record));
	return true;
}

/**
 * Marks a signal as turned into the idea card `ideaId` (which the caller then creates in the board
 * document). False when the signal is gone or already converted: the idea is then not made.
 */
export function markSignalConverted(feed: Y.Doc, cardId: string, signalId: string, ideaId: string): boolean {
	const signal = cardSignals(feed, cardId).find((s) => s.id === signalId);
	if (!signal || signal.convertedTo) return false;
	const { id: _id, ...record } = signal;
	feedCollection(feed, cardId, SIGNALS).set(signalId, { ...record, convertedTo: ideaId });
	return true;
}

/**
 * The short title of an idea made from a signal: the text's first sentence, cut at a word to at most
 * `max` characters. The whole text goes into the idea's description.
 */
export function ideaTitle(text: string, max = 60): string {
	const line = text.trim().split('\n')[0]?.trim() ?? '';
	const sentence = /^(.+?[.!?…])(\s|$)/u.exec(line)?.[1]?.replace(/\.$/, '') ?? line;
	if (sentence.length <= max) return sentence;
	const cut = sentence.slice(0, max);
	const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut.slice(0, max - 1);
	return `${atWord.replace(/[\s,;:–-]+$/u, '')}…`;
}
