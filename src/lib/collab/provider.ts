import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE } from '#lib/domain/close-codes.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Why the server ended the session for good (a 44xx close code): reconnecting would not help. Out of
 * step (4409) is an exception: the next connection's sync brings what the server lacked; so is a new
 * generation (4410): the next connection carries this copy's changes over (see sync/carry-over.ts).
 */
export const CLOSE_REASONS = [
	'unauthorized',
	'forbidden',
	'notFound',
	'badMessage',
	'tooLarge',
	'tooManyMessages',
	'refused'
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const REASONS: Record<number, CloseReason> = {
	[CLOSE.unauthorized]: 'unauthorized',
	[CLOSE.forbidden]: 'forbidden',
	[CLOSE.notFound]: 'notFound',
	[CLOSE.badMessage]: 'badMessage',
	[CLOSE.tooLarge]: 'tooLarge',
	[CLOSE.tooManyMessages]: 'tooManyMessages'
};

export function isTerminalClose(code: number): boolean {
	return code >= 4400 && code < 4500 && code !== CLOSE.outOfStep && code !== CLOSE.newGeneration;
}

export function closeReasonOf(code: number): CloseReason {
	return REASONS[code] ?? 'refused';
}

export interface ConnectionEvents {
	onStatus(status: ConnectionStatus): void;
	onSynced(synced: boolean): void;
	onClosed(reason: CloseReason): void;
	/** The changes this copy held were carried over into generation `generation`: load that one instead. */
	onNewGeneration(generation: number): void;
}

/**
 * Syncs the board's read-only feed (comments, signals, help, flags, settings) down: its own socket
 * at /sync/{boardId}/feed, no presence, reconnecting like the board's; nothing is ever written to it.
 */
export function connectFeed(feed: Y.Doc, boardId: string): BoardConnection {
	const awareness = new Awareness(feed);
	awareness.setLocalState(null); // presence goes with the board document
	const provider = new WebsocketProvider(syncServerUrl(window.location), `${boardId}/feed`, feed, {
		awareness,
		shouldReconnect: (event) => !isTerminalClose(event.code)
	});
	return {
		provider,
		destroy() {
			provider.destroy();
			awareness.destroy();
		}
	};
}

export interface BoardConnection {
	provider: WebsocketProvider;
	destroy(): void;
}

/** ws(s)://host/sync — the provider appends `/{boardId}`; the session cookie goes along by itself. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * Connects `doc` to the board's sync room and reports a simple status: `reconnecting` right after a
 * drop, `offline` once an attempt has failed (or the browser says it is offline), `connected` once
 * the board is in step with the server again. Browser only.
 */
export function connectBoard(
	doc: Y.Doc,
	awareness: Awareness,
	{ boardId, generation }: { boardId: string; generation: number },
	events: ConnectionEvents
): BoardConnection {
	const provider = new WebsocketProvider(syncServerUrl(window.location), boardId, doc, {
		awareness,
		connect: false,
		params: { gen: String(generation) },
		shouldReconnect: (event) => !isTerminalClose(event.code)
	});
	let everSynced = false;
	let attemptFailed = false; // stays set until a socket syncs again, so the badge does not flicker
	let closedForGood = false;
	// An edit made once the socket is open may reach the server after it carried this copy over to a
	// new generation (and be dropped with the copy): such a copy is carried over once more first.
	let editedSinceOpen = false;
	const noteEdit = (_update: Uint8Array, origin: unknown) => {
		if (origin !== provider) editedSinceOpen = true;
	};
	doc.on('update', noteEdit);

	const online = () => navigator.onLine !== false; // undefined (no such API) counts as online
	const report = (status: ConnectionStatus) => events.onStatus(online() || status === 'connected' ? status : 'offline');

	// "Connected" means the board is in step with the server, so it waits for the sync, not the socket.
	provider.on('status', ({ status }) => {
		if (status === 'connected') editedSinceOpen = false;
		if (status === 'connecting') report(attemptFailed ? 'offline' : everSynced ? 'reconnecting' : 'connecting');
	});
	provider.on('sync', (synced) => {
		if (synced) {
			everSynced = true;
			attemptFailed = false;
			report('connected');
		}
		events.onSynced(synced);
	});
	// `synced` still describes the socket that just closed: a socket that never synced is a failed
	// attempt (refused, or closed at once), one that did is a drop worth a quiet retry.
	provider.on('connection-close', () => {
		if (closedForGood) return;
		if (!provider.synced) attemptFailed = true;
		report(attemptFailed ? 'offline' : 'reconnecting');
	});
	provider.on('closed', ({ code, reason }) => {
		closedForGood = true;
		provider.disconnect(); // also stops the BroadcastChannel; shouldConnect is already false
		if (code === CLOSE.carriedOver && editedSinceOpen) {
			closedForGood = false;
			return provider.connect();
		}
		if (code === CLOSE.carriedOver) return events.onNewGeneration(Number(reason));
		events.onStatus('offline');
		events.onClosed(closeReasonOf(code));
	});

	const goOffline = () => events.onStatus('offline');
	// Retry at once instead of waiting for the back-off timer.
	const goOnline = () => {
		if (closedForGood) return;
		if (provider.synced) events.onStatus('connected');
		else provider.connect();
	};
	window.addEventListener('offline', goOffline);
	window.addEventListener('online', goOnline);
	provider.connect();
	if (!online()) goOffline();

	return {
		provider,
		destroy() {
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
			doc.off('update', noteEdit);
			provider.destroy();
		}
	};
}
