import * as Y from 'yjs';

/**
 * Stand-ups that ended, in the board's feed document (a top-level Y.Map `standups`: id → end time in
 * epoch ms). The server writes it when the facilitator closes the meeting, so every screen following
 * the stand-up learns of the end at once, whoever is connected.
 */
export const STANDUPS = 'standups';

export function standupEndedAt(feed: Y.Doc, standupId: string): number | null {
	const at = feed.getMap(STANDUPS).get(standupId);
	return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/** Server side: records the end of a stand-up (once). */
export function markStandupEnded(feed: Y.Doc, standupId: string, endedAt: number): boolean {
	const map = feed.getMap(STANDUPS);
	if (map.has(standupId)) return false;
	map.set(standupId, endedAt);
	return true;
}
