import { nanoid } from 'nanoid';

/** Unguessable ids (126 bits) for every object that appears in a URL or a room name. */
export function newId(): string {
	return nanoid(21);
}

const PALETTE = ['#2f7d4f', '#b4543a', '#3a6ea5', '#8a5a9e', '#8a6212', '#1f6f6f', '#a63d6b', '#5b6b2f'];

/** A stable avatar colour for a person, picked from a palette readable with white text. */
export function colorFor(seed: string): string {
	let h = 0;
	for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return PALETTE[h % PALETTE.length] ?? '#2f7d4f';
}
