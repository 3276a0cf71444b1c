/** Where a board and its cards live. `search` (the board's filters, '?…' or '') travels along. */

export function boardHref(boardId: string, search = ''): string {
	return `/b/${encodeURIComponent(boardId)}${search}`;
}

export function cardHref(boardId: string, cardId: string, search = '', section?: string): string {
	return `/b/${encodeURIComponent(boardId)}/c/${encodeURIComponent(cardId)}${search}${section ? `#${section}` : ''}`;
}
