/**
 * Handing the memory of unloaded rooms back to the system. A room's document is garbage once the room
 * unloads, but an idle server allocates too little for V8 to collect it soon, and an ordinary collection
 * keeps the emptied heap pages resident: measured with bench P3, the resident size stayed 7–28× its start
 * long after every board had left (the V8 heap itself back near its start). A memory-reducing collection
 * (V8's "last resort": compacts, then releases the free pages) hands them back at once.
 *
 * It stops the process while it runs, for a time that grows with what is still live (about 0.4 s with 50
 * boards of 200 cards loaded, a few ms with none): so it runs a few seconds after a burst of unloads, and
 * only once at least as many rooms have unloaded since the last one as are still loaded, i.e. when a good
 * part of the memory is garbage. Between those, V8's own collections recycle the pages for new rooms.
 *
 * It needs `gc` on the global object, which server/index.ts exposes; without it (tests, vite dev) this
 * does nothing.
 */

/** Quiet time after the last unload before collecting: a burst of unloads costs one collection. */
const QUIET_MS = 5_000;
/** …but no longer than this after the first one, so steady unloading is looked at now and then. */
const MAX_WAIT_MS = 60_000;

export class Reclaimer {
	/** Undefined: the global `gc`, looked up when needed (server/index.ts may expose it after the hub exists). */
	#gc: NodeJS.GCFunction | null | undefined;
	#loaded: () => number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#firstAt = 0;
	/** Rooms unloaded since the last collection. */
	#unloaded = 0;

	/** `loaded`: how many rooms are loaded now. */
	constructor(loaded: () => number, gc?: NodeJS.GCFunction | null) {
		this.#loaded = loaded;
		this.#gc = gc;
	}

	/** A room was unloaded. */
	unloaded(): void {
		if (!this.#collector()) return;
		this.#unloaded++;
		const now = Date.now();
		if (this.#timer) clearTimeout(this.#timer);
		else this.#firstAt = now;
		const wait = Math.max(0, Math.min(QUIET_MS, this.#firstAt + MAX_WAIT_MS - now));
		this.#timer = setTimeout(() => this.#collect(), wait);
		this.#timer.unref();
	}

	#collect(): void {
		this.#timer = null;
		const gc = this.#collector();
		if (!gc || this.#unloaded < this.#loaded()) return;
		this.#unloaded = 0;
		gc({ type: 'major', execution: 'async', flavor: 'last-resort' }).catch(() => undefined);
	}

	#collector(): NodeJS.GCFunction | null {
		return this.#gc === undefined ? (globalThis.gc ?? null) : this.#gc;
	}

	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
