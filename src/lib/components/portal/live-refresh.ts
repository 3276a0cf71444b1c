/**
 * Follows a board's portal events (server-sent, see routes/portal/[boardId]/events) and calls
 * `onChange` on each: the event carries no data, the page loads what it may see again. The browser's
 * EventSource reconnects by itself. Returns the stop function.
 */
export function followPortal(boardId: string, onChange: () => void): () => void {
	const source = new EventSource(`/portal/${encodeURIComponent(boardId)}/events`);
	source.addEventListener('changed', onChange);
	return () => source.close();
}
