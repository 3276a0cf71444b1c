import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { cardsMap } from '#lib/board/schema.ts';
import { inboxMap, readGuestFeedback, readInbox, type GuestFeedback } from '#lib/board/signal-inbox.ts';
import type { Signal } from '#lib/board/signals.ts';

/**
 * The board's signals inbox as the live feed holds it: reading `signals` (or `guestFeedback`) in a
 * reactive context re-reads it whenever the server records, attaches or converts a signal, or a
 * guest sends feedback on a card, whoever asked for it.
 */
export function followInbox(doc: Y.Doc): { readonly signals: Signal[]; readonly guestFeedback: GuestFeedback[] } {
	const inbox = createSubscriber((update) => {
		const map = inboxMap(doc);
		const onChange = () => update();
		map.observe(onChange);
		return () => map.unobserve(onChange);
	});
	const cards = createSubscriber((update) => {
		const map = cardsMap(doc);
		const onChange = () => update();
		map.observeDeep(onChange);
		return () => map.unobserveDeep(onChange);
	});
	return {
		get signals() {
			inbox();
			return readInbox(doc);
		},
		get guestFeedback() {
			cards();
			return readGuestFeedback(doc);
		}
	};
}
