/**
 * glibc malloc settings for the server process. glibc reads them when the process starts, so they go
 * into the environment of the process that runs server/index.ts: `npm start` (scripts/start.ts) and the
 * bench put them there, each only when the environment does not set that variable itself.
 *
 * Bench P3, 1,000 boards of 200 cards loaded, then all left; resident size 60 s later (after the hub's
 * collection, sync/reclaim.ts) over the size before: glibc's defaults 2.5×; MALLOC_MMAP_THRESHOLD_=65536
 * 1.8× (buffers of 64 KB and more, such as board snapshots and sync messages, get pages of their own,
 * returned when freed, instead of leaving holes in the main heap); 16384 no better (1.76×) and slower to
 * load boards; adding MALLOC_ARENA_MAX=2 1.9×. jemalloc (Debian's libjemalloc2 through LD_PRELOAD) is not
 * the default: as is, it returns freed pages only when called again (1.2× to 2.3×, depending on what the
 * idle server happens to allocate); with MALLOC_CONF=background_thread:true it reached 1.0×, but the mass
 * unload then stalled the event loop for 3.6–4.3 s (0.2–0.7 s on glibc).
 */
export const MALLOC_DEFAULTS: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '65536' };

/** `env` with the defaults above where it does not set them. */
export function withMallocDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const out = { ...env };
	for (const [name, value] of Object.entries(MALLOC_DEFAULTS)) out[name] ??= value;
	return out;
}
