import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What one process tells the others after it stored an update: the board's sequence number, which
 * process wrote it, and the update itself, or null for a doorbell (an update too large to send
 * through Redis: the receivers read it from the log).
 */
export interface SequencedUpdate {
	seq: number;
	origin: string;
	update: Uint8Array | null;
}

/** Updates larger than this go out as doorbells (Redis copies every message to every subscriber). */
export const DOORBELL_BYTES = 64 * 1024;

export function encodeMessage(message: SequencedUpdate): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, message.seq);
	encoding.writeVarString(encoder, message.origin);
	const bell = message.update === null || message.update.byteLength > DOORBELL_BYTES;
	encoding.writeUint8(encoder, bell ? 0 : 1);
	if (!bell && message.update) encoding.writeVarUint8Array(encoder, message.update);
	return encoding.toUint8Array(encoder);
}

/** Null for a message that is not one of ours (another version, or noise on the channel). */
export function decodeMessage(data: Uint8Array): SequencedUpdate | null {
	try {
		const decoder = decoding.createDecoder(data);
		const seq = decoding.readVarUint(decoder);
		const origin = decoding.readVarString(decoder);
		const update = decoding.readUint8(decoder) === 1 ? decoding.readVarUint8Array(decoder) : null;
		return decoding.hasContent(decoder) ? null : { seq, origin, update };
	} catch {
		return null;
	}
}
