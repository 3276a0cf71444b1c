import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkSizes, TooLarge } from './limits.ts';

/** y-websocket message types (the stock client speaks these). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export class BadMessage extends Error {}

/** An update's structs and delete set, decoded once at the door and checked before it is stored. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What a client asked for, decoded and validated; nothing here touches the room yet. */
export type ClientMessage =
	| { kind: 'sync-step1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'query-awareness' };

/**
 * Decodes one frame. Throws BadMessage on anything truncated, overflowing, unknown or trailing, and
 * TooLarge on an update carrying a value over the forms' limits.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new BadMessage('trailing bytes');
		return message;
	} catch (error) {
		if (error instanceof BadMessage || error instanceof TooLarge) throw error;
		throw new BadMessage(error instanceof Error ? error.message : String(error));
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	if (type === MESSAGE_SYNC) {
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === syncProtocol.messageYjsSyncStep1) {
			Y.decodeStateVector(payload);
			return { kind: 'sync-step1', stateVector: payload };
		}
		if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
			// Decoding validates the structure before anything is stored; the sizes are checked too.
			const decoded = Y.decodeUpdate(payload);
			checkSizes(decoded);
			return { kind: 'update', update: payload, decoded };
		}
		throw new BadMessage(`unknown sync step ${step}`);
	}
	if (type === MESSAGE_AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
	if (type === MESSAGE_QUERY_AWARENESS) return { kind: 'query-awareness' };
	throw new BadMessage(`unknown message type ${type}`);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}

/** An update that changes nothing (e.g. a sync step 2 from a client with nothing new). */
export function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Presence tells the others who is here, and a client may only speak for itself. Providers relay
 * the states they hear from others, so an update is first cut down to the client ids that are not
 * someone else's connection (`isOthers`); each state left that names a user must name the
 * connection's own person, else the whole update is refused (a hostile member would otherwise
 * show up under someone else's name); its name and colour are then set from the account.
 * Returns the update to apply, or null when nothing is left.
 */
export function ownAwarenessUpdate(
	update: Uint8Array,
	who: { userId: string; name: string; color: string },
	isOthers: (clientId: number) => boolean
): Uint8Array | null {
	const decoder = decoding.createDecoder(update);
	const kept: { clientId: number; clock: number; json: string }[] = [];
	const count = decoding.readVarUint(decoder);
	for (let i = 0; i < count; i++) {
		const entry = { clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: '' };
		entry.json = decoding.readVarString(decoder);
		if (isOthers(entry.clientId)) continue; // a relay of someone else's presence: theirs to send
		const state: unknown = JSON.parse(entry.json);
		if (typeof state === 'object' && state !== null && 'user' in state) {
			const user = (state as { user: unknown }).user;
			const id = typeof user === 'object' && user !== null && 'id' in user ? (user as { id: unknown }).id : null;
			if (id !== who.userId) throw new BadMessage('presence for someone else');
			// The name and colour shown come from the account, whatever the client wrote.
			entry.json = JSON.stringify({ ...state, user: { id: who.userId, name: who.name, color: who.color } });
		}
		kept.push(entry);
	}
	if (decoding.hasContent(decoder)) throw new BadMessage('trailing bytes in presence');
	if (kept.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	for (const { clientId, clock, json } of kept) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

/**
 * Whether applying `update` would leave `doc` as it is: no item it lacks, no deletion it has not
 * made. A read-only client's sync step 2 always carries its whole delete set, which is fine when the
 * server has made every one of those deletions itself.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
	if (isEmptyUpdate(update)) return true;
	const { structs, ds } = Y.decodeUpdate(update);
	if (structs.length > 0) return false;
	const known = Y.createDeleteSetFromStructStore(doc.store);
	for (const [client, ranges] of ds.clients) {
		const mine = known.clients.get(client) ?? [];
		for (const { clock, len } of ranges)
			if (!mine.some((r) => r.clock <= clock && clock + len <= r.clock + r.len)) return false;
	}
	return true;
}
