import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { STANDUPS, standupEndedAt } from '#lib/board/standup-end.ts';

/** When the stand-up ended, read live from the board's feed (null while it runs): the end reaches every screen. */
export function followStandupEnd(feed: Y.Doc, standupId: () => string): { readonly endedAt: number | null } {
	const subscribe = createSubscriber((update) => {
		const map = feed.getMap(STANDUPS);
		const onChange = () => update();
		map.observe(onChange);
		return () => map.unobserve(onChange);
	});
	return {
		get endedAt() {
			subscribe();
			return standupEndedAt(feed, standupId());
		}
	};
}
