import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What one process tells the others after it stored an update: the document's sequence number, the
 * person whose client sent it (null: the server's own write), and the update itself, or null for a
 * doorbell (an update too large to send through Redis: the receivers read it from the log).
 */
export interface SequencedUpdate {
	seq: number;
	writer: string | null;
	update: Uint8Array | null;
}

/** Updates larger than this go out as doorbells (Redis copies every message to every subscriber). */
export const DOORBELL_BYTES = 64 * 1024;

const HAS_UPDATE = 1;
const HAS_WRITER = 2;

export function encodeMessage(message: SequencedUpdate): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, message.seq);
	const update = message.update && message.update.byteLength <= DOORBELL_BYTES ? message.update : null;
	encoding.writeUint8(encoder, (update ? HAS_UPDATE : 0) | (message.writer !== null ? HAS_WRITER : 0));
	if (message.writer !== null) encoding.writeVarString(encoder, message.writer);
	if (update) encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** Null for a message that is not one of ours (another version, or noise on the channel). */
export function decodeMessage(data: Uint8Array): SequencedUpdate | null {
	try {
		const decoder = decoding.createDecoder(data);
		const seq = decoding.readVarUint(decoder);
		const flags = decoding.readUint8(decoder);
		const writer = flags & HAS_WRITER ? decoding.readVarString(decoder) : null;
		const update = flags & HAS_UPDATE ? decoding.readVarUint8Array(decoder) : null;
		return decoding.hasContent(decoder) ? null : { seq, writer, update };
	} catch {
		return null;
	}
}
