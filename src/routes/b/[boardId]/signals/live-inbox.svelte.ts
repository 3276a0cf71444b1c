import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { inboxMap, readInbox } from '#lib/board/signal-inbox.ts';
import type { Signal } from '#lib/board/signals.ts';

/**
 * The board's signals inbox as the live document holds it: reading `signals` in a reactive context
 * re-reads it whenever the server records, attaches or converts a signal, whoever asked for it.
 */
export function followInbox(doc: Y.Doc): { readonly signals: Signal[] } {
	const subscribe = createSubscriber((update) => {
		const map = inboxMap(doc);
		const onChange = () => update();
		map.observe(onChange);
		return () => map.unobserve(onChange);
	});
	return {
		get signals() {
			subscribe();
			return readInbox(doc);
		}
	};
}
