import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

/** Board documents kept in this browser, one IndexedDB database per person and board. */
const PREFIX = 'bouture:';
const SERVER_VECTOR = 'server-state-vector';
const GENERATION = 'generation';

export function localCopyName(userId: string, boardId: string): string {
	return `${PREFIX}${userId}:${boardId}`;
}

/**
 * The board document's copy in this browser (y-indexeddb): every update is stored as it happens,
 * so an edit made offline survives a reload, a closed tab or a restarted browser, and merges when
 * the connection returns. It also keeps the last state the server was known to hold, so the
 * number of unsent changes is right after a reload too.
 */
export interface LocalCopy {
	/** Resolves once the stored copy is in the document: true if it held anything. */
	readonly loaded: Promise<boolean>;
	/** True while updates are being written to IndexedDB (false: none in this browser, or it failed). */
	readonly holding: boolean;
	readServerVector(): Promise<Uint8Array | null>;
	writeServerVector(vector: Uint8Array): void;
	/** Which generation of the board document the copy holds (null: not recorded, see BoardSession). */
	readGeneration(): Promise<number | null>;
	writeGeneration(generation: number): void;
	destroy(): void;
}

const open = new Set<IndexeddbPersistence>();

export function openLocalCopy(doc: Y.Doc, userId: string, boardId: string): LocalCopy {
	if (typeof indexedDB === 'undefined') return NO_COPY;
	const persistence = new IndexeddbPersistence(localCopyName(userId, boardId), doc);
	open.add(persistence);
	let holding = false;
	const loaded = persistence.whenSynced.then(
		() => {
			holding = true;
			return doc.store.clients.size > 0;
		},
		() => false
	);
	return {
		loaded,
		get holding() {
			return holding && !persistence._destroyed;
		},
		async readServerVector() {
			const value: unknown = await persistence.get(SERVER_VECTOR).catch(() => null);
			return value instanceof ArrayBuffer ? new Uint8Array(value) : null;
		},
		writeServerVector(vector) {
			if (!persistence._destroyed) void persistence.set(SERVER_VECTOR, new Uint8Array(vector).buffer).catch(() => {});
		},
		async readGeneration() {
			const value: unknown = await persistence.get(GENERATION).catch(() => null);
			return typeof value === 'number' ? value : null;
		},
		writeGeneration(generation) {
			if (!persistence._destroyed) void persistence.set(GENERATION, generation).catch(() => {});
		},
		destroy() {
			open.delete(persistence);
			void persistence.destroy();
		}
	};
}

/**
 * Deletes every board copy this person left in this browser (on logout: a shared computer keeps
 * nothing). Open copies are closed first, or the deletion would wait for them.
 */
export async function clearLocalCopies(userId: string): Promise<void> {
	await Promise.all([...open].map((p) => p.destroy()));
	open.clear();
	await deleteCopies((name) => name.startsWith(`${PREFIX}${userId}:`));
}

/** Deletes this person's copy of one board: its changes were carried over into a new generation. */
export async function discardLocalCopy(userId: string, boardId: string): Promise<void> {
	const name = localCopyName(userId, boardId);
	await Promise.all([...open].filter((p) => p.name === name).map((p) => p.destroy()));
	if (typeof indexedDB !== 'undefined') await deleteDatabase(name);
}

/**
 * Deletes the board copies that someone else left in this browser without logging out (their
 * session expired, or another person logs in here): the next person must not read them.
 */
export async function clearOthersCopies(userId: string): Promise<void> {
	await deleteCopies((name) => name.startsWith(PREFIX) && !name.startsWith(`${PREFIX}${userId}:`));
}

async function deleteCopies(matches: (name: string) => boolean): Promise<void> {
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
	const names = (await indexedDB.databases()).flatMap((d) => (d.name && matches(d.name) ? [d.name] : []));
	await Promise.all(names.map(deleteDatabase));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

const NO_COPY: LocalCopy = {
	loaded: Promise.resolve(false),
	holding: false,
	readServerVector: () => Promise.resolve(null),
	writeServerVector: () => {},
	readGeneration: () => Promise.resolve(null),
	writeGeneration: () => {},
	destroy: () => {}
};
