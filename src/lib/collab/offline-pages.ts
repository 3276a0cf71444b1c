/**
 * What the service worker (src/service-worker/) keeps of the pages a person opened, so a board
 * opens with no network: the boards list, each board and its card pages, and their `__data.json`.
 * Nothing else: a page that needs the server (settings, stand-up, inbox…) is better missing than stale.
 */

/** Caches of visited pages start with this; the app shell's cache with SHELL_CACHE_PREFIX. */
export const PAGE_CACHE_PREFIX = 'bouture-pages-';
export const SHELL_CACHE_PREFIX = 'bouture-shell-';

const KEPT = [/^\/boards$/, /^\/b\/[^/]+$/, /^\/b\/[^/]+\/c\/[^/]+$/];
const DATA_SUFFIX = '/__data.json';

/** True for a same-origin GET of a page (or its data) that is worth keeping for offline use. */
export function isKeptPage(method: string, url: URL, origin: string): boolean {
	if (method !== 'GET' || url.origin !== origin) return false;
	const path = url.pathname.endsWith(DATA_SUFFIX) ? url.pathname.slice(0, -DATA_SUFFIX.length) : url.pathname;
	return KEPT.some((pattern) => pattern.test(path));
}

/** Only a complete, successful answer of our own server is kept (no error, redirect or login page). */
export function isKeepable(response: Response): boolean {
	return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/**
 * Deletes the kept pages (on logout: a shared computer keeps nothing of the boards). The app shell
 * stays: it holds no one's data.
 */
export async function clearKeptPages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter((name) => name.startsWith(PAGE_CACHE_PREFIX)).map((name) => caches.delete(name)));
}

const OWNER_KEY = 'bouture:pages-owner';

/**
 * The kept pages belong to whoever was logged in when they were kept. When someone else is now
 * logged in here (the last session expired without a logout, or another person logs in), those
 * pages go before they could be served to this person offline.
 */
export async function keepPagesFor(userId: string): Promise<void> {
	if (typeof localStorage === 'undefined') return;
	if (localStorage.getItem(OWNER_KEY) === userId) return;
	await clearKeptPages();
	localStorage.setItem(OWNER_KEY, userId);
}
