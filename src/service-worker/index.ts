/**
 * The service worker: the app opens with no network. The app shell (built code and static files)
 * is cached per version at install; the boards list and the board pages a person opened (and their
 * `__data.json`) are fetched network first and kept, and served from that copy when the network
 * fails. The board document itself comes from IndexedDB (src/lib/collab/local-copy.ts), so the
 * board opens read-write and syncs once back online. A kept page is the full response: its CSP
 * header and the nonce in its HTML stay together.
 */
import { assets, immutable } from '$app/manifest';
import { version } from '$app/env';
import { self } from '$app/service-worker';
import { isKeepable, isKeptPage, PAGE_CACHE_PREFIX, SHELL_CACHE_PREFIX } from '../lib/collab/offline-pages.ts';

const SHELL = `${SHELL_CACHE_PREFIX}${version}`;
const PAGES = `${PAGE_CACHE_PREFIX}${version}`;
const SHELL_FILES = new Set([...immutable, ...assets].map(({ path }) => new URL(path, self.location.href).href));
/** The page shown for a page never opened here while the network is down (static/offline.html). */
const OFFLINE_PAGE = new URL('/offline.html', self.location.href).href;

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...SHELL_FILES]))
			.then(() => self.skipWaiting())
	);
});

// Old versions' caches go: their pages name code chunks that this version no longer has. The pages
// already open (loaded before this worker existed) are kept now, so the first visit is enough.
self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(names.filter((n) => n !== SHELL && n !== PAGES).map((n) => caches.delete(n))))
			.then(() => self.clients.claim())
			.then(() => self.clients.matchAll({ type: 'window' }))
			.then((open) =>
				Promise.all(
					open
						.filter(isKept)
						.map((client) => networkFirst(new Request(client.url, { headers: { accept: 'text/html' } }), event))
				)
			)
			.catch(() => {})
	);
});

function isKept(client: Client): boolean {
	return isKeptPage('GET', new URL(client.url), self.location.origin);
}

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== self.location.origin) return;
	if (SHELL_FILES.has(url.href)) event.respondWith(fromShell(request));
	else if (isKeptPage(request.method, url, self.location.origin)) event.respondWith(networkFirst(request, event));
	else if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => offlinePage(request)));
	// Everything else (the websocket, /inbox/unread, forms, data) goes to the network untouched.
});

async function fromShell(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: SHELL })) ?? fetch(request);
}

/** The network's answer (kept, once complete, while the event lives), or the kept one when it fails. */
async function networkFirst(request: Request, event: ExtendableEvent): Promise<Response> {
	try {
		const response = await fetch(request);
		if (isKeepable(response)) {
			const copy = response.clone();
			event.waitUntil(caches.open(PAGES).then((cache) => cache.put(request, copy)));
		}
		return response;
	} catch (error) {
		const kept = await caches.match(request, { cacheName: PAGES });
		if (kept) return kept;
		if (request.mode === 'navigate') return offlinePage(request, error);
		throw error;
	}
}

/** Offline, a page never kept here: a short bilingual word instead of the browser's own error page. */
async function offlinePage(request: Request, error?: unknown): Promise<Response> {
	const page = await caches.match(OFFLINE_PAGE, { cacheName: SHELL });
	if (page) return page;
	throw error ?? new Error(`offline: ${request.url}`);
}
