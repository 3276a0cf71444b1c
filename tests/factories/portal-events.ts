import type { Member } from './accounts.ts';

/** Reads a portal's server-sent events as the browser's EventSource would, keeping the text received. */
export async function followPortalEvents(baseUrl: string, who: Member, board: string) {
	const controller = new AbortController();
	const res = await fetch(`${baseUrl}/portal/${board}/events`, {
		headers: { Cookie: who.cookie },
		signal: controller.signal
	});
	const type = res.headers.get('content-type');
	if (res.status !== 200 || type !== 'text/event-stream') throw new Error(`portal events: ${res.status} ${type}`);
	const reader = res.body!.getReader();
	const events = { received: '', stop: async () => {} };
	const reading = (async () => {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			events.received += new TextDecoder().decode(value);
		}
	})().catch(() => undefined);
	events.stop = async () => {
		controller.abort();
		await reading;
	};
	return events;
}
