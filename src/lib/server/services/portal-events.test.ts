import { describe, expect, it } from 'vitest';
import { portalEventStream, type PortalEventSource } from './portal-events.ts';

function fakeSource(allowed: { value: boolean }) {
	const listeners = new Set<() => void>();
	const source: PortalEventSource = {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		mayStillSee: async () => allowed.value
	};
	return { source, listeners, fire: () => [...listeners].forEach((l) => l()) };
}

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
	const { value, done } = await reader.read();
	return done ? null : new TextDecoder().decode(value);
}

describe('the portal event stream', () => {
	it('sends one bare "changed" event per burst of changes', async () => {
		const { source, fire } = fakeSource({ value: true });
		const reader = portalEventStream(source, 20).getReader();
		expect(await readText(reader)).toBe('retry: 3000\n\n');
		fire();
		fire();
		fire();
		expect(await readText(reader)).toBe('event: changed\ndata: {}\n\n');
		fire();
		expect(await readText(reader)).toBe('event: changed\ndata: {}\n\n');
		await reader.cancel();
	});

	it('ends the stream once the guest may no longer see the board', async () => {
		const allowed = { value: true };
		const { source, listeners, fire } = fakeSource(allowed);
		const reader = portalEventStream(source, 5).getReader();
		await readText(reader);
		allowed.value = false;
		fire();
		expect(await readText(reader)).toBeNull();
		expect(listeners.size).toBe(0);
	});

	it('unsubscribes when the reader goes away', async () => {
		const { source, listeners } = fakeSource({ value: true });
		const reader = portalEventStream(source, 5).getReader();
		await readText(reader);
		expect(listeners.size).toBe(1);
		await reader.cancel();
		expect(listeners.size).toBe(0);
	});
});
