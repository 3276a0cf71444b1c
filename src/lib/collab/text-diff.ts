/** One contiguous replacement: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextEdit {
	index: number;
	remove: number;
	insert: string;
}

/**
 * The smallest single edit that turns `before` into `after`, given where the caret ended up.
 * A plain common-prefix/suffix diff is ambiguous in repeated text ("aa" → "aaa"); anchoring the
 * change at the caret records the edit where the person actually typed, which matters when others
 * type nearby at the same moment. Returns null when nothing changed.
 */
export function diffAroundCursor(before: string, after: string, cursor: number): TextEdit | null {
	if (before === after) return null;
	const grown = Math.max(0, after.length - before.length);
	// The change ends at the caret, so the untouched prefix cannot reach past caret − inserted length.
	const prefixLimit = Math.max(0, Math.min(before.length, after.length, cursor - grown));
	let start = 0;
	while (start < prefixLimit && before[start] === after[start]) start++;
	// Never cut an emoji (a UTF-16 surrogate pair) in half: Y.Text would store a broken character.
	if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;

	const suffixLimit = Math.min(before.length, after.length) - start;
	let suffix = 0;
	while (suffix < suffixLimit && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
		suffix++;
	}
	if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
	return {
		index: start,
		remove: before.length - start - suffix,
		insert: after.slice(start, after.length - suffix)
	};
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
