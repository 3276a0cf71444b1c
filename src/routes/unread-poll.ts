const EVERY_MS = 15_000;
const AT_MOST_MS = 5 * 60_000;

/**
 * Asks for the unread count every 15 s with a plain fetch, never through Kit's `invalidate`: a load
 * that fails offline makes Kit fall back to a full page load, which shows the browser's offline page
 * and throws the board away. A failure only waits longer (doubling up to 5 min); coming back online
 * asks at once. Returns the stop function.
 */
export function pollUnread(onCount: (unread: number) => void): () => void {
	let wait = EVERY_MS;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const ask = async () => {
		timer = undefined;
		try {
			if (navigator.onLine === false) throw new Error('offline');
			const response = await fetch('/inbox/unread', { headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(String(response.status));
			const { unread } = (await response.json()) as { unread: number };
			onCount(unread);
			wait = EVERY_MS;
		} catch {
			wait = Math.min(wait * 2, AT_MOST_MS);
		}
		if (!stopped) timer = setTimeout(ask, wait);
	};
	const online = () => {
		if (timer === undefined) return; // a request is under way (or polling stopped)
		clearTimeout(timer);
		wait = EVERY_MS;
		void ask();
	};
	timer = setTimeout(ask, wait);
	window.addEventListener('online', online);
	return () => {
		stopped = true;
		clearTimeout(timer);
		window.removeEventListener('online', online);
	};
}
