/**
 * The guest portal's live refresh, as server-sent events: a bare `changed` event (no card data:
 * the page fetches what it may see again) when the cards guests see on a board change. Bursts of
 * changes (someone typing) are coalesced; before each event the guest's access is checked again, and
 * the stream ends once it is gone.
 */

export interface PortalEventSource {
	/** Subscribes to changes of the board's shared cards; returns the unsubscribe. */
	subscribe(listener: () => void): () => void;
	/** Whether the guest may still see the board. */
	mayStillSee(): Promise<boolean>;
}

export const COALESCE_MS = 250;
const KEEP_ALIVE_MS = 25_000;

export function portalEventStream(source: PortalEventSource, coalesceMs = COALESCE_MS): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			let pending: ReturnType<typeof setTimeout> | null = null;
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop(); // the reader went away
				}
			};
			const flush = async () => {
				pending = null;
				if (await source.mayStillSee().catch(() => false)) return send('event: changed\ndata: {}\n\n');
				stop();
				try {
					controller.close();
				} catch {
					// already closed by the reader
				}
			};
			const unsubscribe = source.subscribe(() => {
				pending ??= setTimeout(() => void flush(), coalesceMs);
			});
			// A comment line now and then keeps proxies from closing a quiet connection.
			const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
			stop = () => {
				unsubscribe();
				clearInterval(keepAlive);
				if (pending) clearTimeout(pending);
			};
			send('retry: 3000\n\n');
		},
		cancel() {
			stop();
		}
	});
}
