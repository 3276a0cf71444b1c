import type * as Y from 'yjs';
import { invalidate } from '$app/navigation';

/** What the map pages' loads depend on (`depends`): invalidating it computes the map again. */
export const MAP_DEPENDENCY = 'app:social-map';

/** Bursts of changes (someone typing, a reply and its help answer) make one reload. */
const COALESCE_MS = 400;

/**
 * The board map follows the board's live document: comments, signals and answered help requests are
 * written there by the server right after they are stored, so a change means the map may have moved.
 * Returns the stop function.
 */
export function refreshOnBoardChanges(doc: Y.Doc, coalesceMs = COALESCE_MS): () => void {
	let pending: ReturnType<typeof setTimeout> | null = null;
	const onUpdate = () => {
		pending ??= setTimeout(() => {
			pending = null;
			void invalidate(MAP_DEPENDENCY);
		}, coalesceMs);
	};
	doc.on('update', onUpdate);
	return () => {
		doc.off('update', onUpdate);
		if (pending) clearTimeout(pending);
	};
}

/**
 * The organisation map spans every board, so it listens to the server's event log instead
 * (routes/admin/map/events, server-sent). The browser's EventSource reconnects by itself.
 */
export function refreshOnOrganizationEvents(): () => void {
	const source = new EventSource('/admin/map/events');
	const onChanged = () => void invalidate(MAP_DEPENDENCY);
	source.addEventListener('changed', onChanged);
	return () => source.close();
}
