import { expect } from 'vitest';
import type { Member } from './accounts.ts';

/** A server-sent event stream read as text, as `who`; `until` waits for a piece of it. */
export async function openStream(baseUrl: string, who: Member, path: string) {
	const response = await fetch(`${baseUrl}${path}`, { headers: { Cookie: who.cookie } });
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('text/event-stream');
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
	return {
		/** True when `piece` arrived within `ms`. */
		async until(piece: string, ms: number): Promise<boolean> {
			const deadline = Date.now() + ms;
			while (!text.includes(piece)) {
				const left = deadline - Date.now();
				if (left <= 0) return false;
				reading ??= reader.read();
				const next = await Promise.race([reading, new Promise<null>((r) => setTimeout(() => r(null), left))]);
				if (!next) return false;
				reading = null;
				if (next.done) return false;
				text += decoder.decode(next.value, { stream: true });
			}
			return true;
		},
		close: () => reader.cancel()
	};
}
