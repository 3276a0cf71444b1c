/**
 * Mentions in comments: `@Claire-Lefèvre` for a person, `@qualité-achats` for a team. Matching ignores
 * case and accents, takes the longest known handle, and skips e-mail addresses and code spans.
 */

export interface MentionDirectory {
	people: { id: string; name: string }[];
	teams: { id: string; name: string }[];
}

export interface Mentions {
	userIds: string[];
	teamIds: string[];
}

/** A person's handle keeps the case of their name; a team's is lower-case (a slug). */
export function handleOf(name: string, kind: 'person' | 'team' = 'person'): string {
	const handle = name
		.trim()
		.replace(/[\s&@]+/gu, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-|-$/g, '');
	return kind === 'team' ? handle.toLocaleLowerCase('fr') : handle;
}

/** Case and accents folded away, so "@claire-lefevre" finds "Claire Lefèvre". */
export function foldHandle(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/** Characters that continue a handle: a match must not stop in the middle of a longer word. */
const HANDLE_CHAR = /[\p{L}\p{N}_-]/u;
/** Characters that, just before '@', make it part of an e-mail address or a word. */
const WORD_BEFORE = /[\p{L}\p{N}._%+-]/u;
/** Fenced blocks and inline code: their '@' are code, not mentions. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/** One mention in a text, as written: `text.slice(start, end)` is "@Claire-Lefèvre". */
export interface MentionSpan {
	start: number;
	end: number;
	kind: 'person' | 'team';
	id: string;
}

/** Every mention of a known person or team in `text`, in order (two people sharing a handle: both). */
export function findMentions(text: string, directory: MentionDirectory): MentionSpan[] {
	const entries = [
		...directory.people.map((p) => ({ kind: 'person' as const, id: p.id, handle: foldHandle(handleOf(p.name)) })),
		...directory.teams.map((t) => ({ kind: 'team' as const, id: t.id, handle: foldHandle(handleOf(t.name, 'team')) }))
	].filter((e) => e.handle.length > 0);
	// Folded one character at a time, so each folded position maps back to the text as written.
	const masked = text.replace(CODE, (code) => ' '.repeat(code.length));
	let plain = '';
	const origin: number[] = [];
	for (let i = 0; i < masked.length;) {
		const char = String.fromCodePoint(masked.codePointAt(i) ?? 0);
		const folded = foldHandle(char);
		plain += folded;
		for (let k = 0; k < folded.length; k++) origin.push(i);
		i += char.length;
	}
	origin.push(masked.length);
	const spans: MentionSpan[] = [];
	for (let at = plain.indexOf('@'); at !== -1; at = plain.indexOf('@', at + 1)) {
		if (at > 0 && WORD_BEFORE.test(plain.charAt(at - 1))) continue;
		const rest = plain.slice(at + 1);
		const fits = entries.filter((e) => rest.startsWith(e.handle) && !HANDLE_CHAR.test(rest.charAt(e.handle.length)));
		const longest = Math.max(0, ...fits.map((e) => e.handle.length));
		for (const e of fits) {
			if (e.handle.length !== longest) continue;
			const end = origin[at + 1 + longest] ?? text.length;
			spans.push({ start: origin[at] ?? 0, end, kind: e.kind, id: e.id });
		}
	}
	return spans;
}

export function parseMentions(text: string, directory: MentionDirectory): Mentions {
	const spans = findMentions(text, directory);
	const ids = (kind: MentionSpan['kind']) => [...new Set(spans.filter((s) => s.kind === kind).map((s) => s.id))];
	return { userIds: ids('person'), teamIds: ids('team') };
}

/** The people and teams whose handle starts with what follows '@' (for autocomplete), best first. */
export function suggestHandles<T extends { name: string }>(query: string, items: T[], limit = 8): T[] {
	const q = foldHandle(query);
	const scored = items
		.map((item) => {
			const folded = foldHandle(item.name);
			const handle = foldHandle(handleOf(item.name));
			const rank = handle.startsWith(q) ? 0 : folded.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : -1;
			return { item, rank };
		})
		.filter((s) => s.rank >= 0);
	scored.sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name, 'fr'));
	return scored.slice(0, limit).map((s) => s.item);
}

// '@' at the start or after a space or punctuation (not in an e-mail address), then handle characters.
const TYPING = /(?:^|[^\p{L}\p{N}._%+-])@([\p{L}\p{N}_.'-]*)$/u;

/** The mention being typed just before `caret`: where its '@' is and what follows it; null if none. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
	const before = text.slice(0, caret);
	const query = TYPING.exec(before)?.[1];
	return query === undefined ? null : { start: before.length - query.length - 1, query };
}

/** Replaces the mention being typed with the chosen handle and a space; returns the text and the new caret. */
export function insertMention(text: string, typing: { start: number; query: string }, handle: string) {
	const inserted = `@${handle} `;
	const end = typing.start + 1 + typing.query.length;
	return { text: text.slice(0, typing.start) + inserted + text.slice(end), caret: typing.start + inserted.length };
}
