/**
 * Runs `tick` now, then `everyMs` after each run ends (never two at once); a failing run is logged
 * under `name` and the next one comes anyway. Returns the way to stop, which waits for a run underway.
 */
export function startPolling(name: string, everyMs: number, tick: () => Promise<unknown>): () => Promise<void> {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	const run = () => {
		if (stopped) return;
		running = tick()
			.catch((error: unknown) => console.error(`[${name}] ${String(error)}`))
			.finally(() => {
				if (!stopped) timer = setTimeout(run, everyMs);
			});
	};
	let timer = setTimeout(run, 0);
	return async () => {
		stopped = true;
		clearTimeout(timer);
		await running;
	};
}
