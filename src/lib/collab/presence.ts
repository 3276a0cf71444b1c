/** Who is on the board, from the Yjs awareness states: { user: {id, name, color}, openCard, standup }. */

export interface BoardUser {
	id: string;
	name: string;
	color: string;
}

/** The card a stand-up's facilitator is showing, for the others to follow. */
export interface StandupFocus {
	standupId: string;
	cardId: string | null;
}

export interface PresenceState {
	user: BoardUser;
	openCard: string | null;
	standup?: StandupFocus | null;
}

export interface Presence {
	/** Other people on the board, one entry per person however many tabs they have open. */
	people: BoardUser[];
	/** Card id → the other people who have that card open. */
	viewers: Map<string, BoardUser[]>;
	/** Person id → the stand-up card they are showing (only facilitators set it). */
	focus: Map<string, StandupFocus>;
}

const FALLBACK_COLOR = '#64748b';

/** `#rgb` or `#rrggbb` → `#rrggbb`; anything else (it would end up in a style attribute) → grey. */
export function safeColor(color: unknown): string {
	if (typeof color !== 'string') return FALLBACK_COLOR;
	if (/^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase();
	if (/^#[0-9a-f]{3}$/i.test(color))
		return (
			'#' +
			[...color.slice(1)]
				.map((c) => c + c)
				.join('')
				.toLowerCase()
		);
	return FALLBACK_COLOR;
}

/** Awareness states come from other browsers: keep only well-formed ones. */
export function parsePresence(state: unknown): PresenceState | null {
	if (typeof state !== 'object' || state === null) return null;
	const { user, openCard, standup } = state as Record<string, unknown>;
	if (typeof user !== 'object' || user === null) return null;
	const { id, name, color } = user as Record<string, unknown>;
	if (typeof id !== 'string' || typeof name !== 'string' || !id) return null;
	return {
		user: {
			id,
			name: name.slice(0, 80),
			color: safeColor(color)
		},
		openCard: typeof openCard === 'string' ? openCard : null,
		standup: parseFocus(standup)
	};
}

function parseFocus(focus: unknown): StandupFocus | null {
	if (typeof focus !== 'object' || focus === null) return null;
	const { standupId, cardId } = focus as Record<string, unknown>;
	if (typeof standupId !== 'string') return null;
	return { standupId, cardId: typeof cardId === 'string' ? cardId : null };
}

export function readPresence(states: Map<number, unknown>, selfUserId: string): Presence {
	const people = new Map<string, BoardUser>();
	const viewers = new Map<string, BoardUser[]>();
	const focus = new Map<string, StandupFocus>();
	for (const raw of states.values()) {
		const state = parsePresence(raw);
		if (!state || state.user.id === selfUserId) continue;
		if (state.standup) focus.set(state.user.id, state.standup);
		if (!people.has(state.user.id)) people.set(state.user.id, state.user);
		if (state.openCard === null) continue;
		const list = viewers.get(state.openCard) ?? [];
		if (!list.some((u) => u.id === state.user.id)) list.push(state.user);
		viewers.set(state.openCard, list);
	}
	const byName = (a: BoardUser, b: BoardUser) => a.name.localeCompare(b.name);
	return { people: [...people.values()].sort(byName), viewers, focus };
}

/** Up to two initials, e.g. "Ana Lopez" → "AL". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
	return letters
		.map((w) => [...(w ?? '')][0] ?? '')
		.join('')
		.toUpperCase();
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): '#000000' | '#ffffff' {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	return luminance > 0.179 ? '#000000' : '#ffffff';
}
