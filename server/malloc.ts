import { existsSync } from 'node:fs';

/**
 * Memory allocator settings for the server process. They are read when the process starts, so they go
 * into the environment of the process that runs server/index.ts: `npm start` (scripts/start.ts) and the
 * bench put them there, each only when the environment does not set that variable itself
 * (`LD_PRELOAD= npm start` keeps glibc's malloc).
 *
 * Bench P3, 1,000 boards of 200 cards loaded, then all left; resident size 60 s later (after the hub's
 * collection, sync/reclaim.ts) over the size before: glibc's defaults 2.5×; MALLOC_MMAP_THRESHOLD_=65536
 * (buffers of 64 KB and more, such as board snapshots and sync messages, get pages of their own, returned
 * when freed, instead of leaving holes in the main heap) 1.8×; adding MALLOC_ARENA_MAX=2 1.9×; jemalloc
 * (Debian's libjemalloc2, preloaded) 1.2×, with load times no worse. So jemalloc when it is installed,
 * else glibc with the lower mmap threshold.
 */
const JEMALLOC = [
	'/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
	'/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
	'/usr/lib64/libjemalloc.so.2',
	'/usr/lib/libjemalloc.so.2'
];

export function mallocDefaults(): Record<string, string> {
	const defaults: Record<string, string> = { MALLOC_MMAP_THRESHOLD_: '65536' };
	const jemalloc = process.platform === 'linux' ? JEMALLOC.find((path) => existsSync(path)) : undefined;
	if (jemalloc) defaults.LD_PRELOAD = jemalloc;
	return defaults;
}

/** `env` with the defaults above where it does not set them. */
export function withMallocDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const out = { ...env };
	for (const [name, value] of Object.entries(mallocDefaults())) out[name] ??= value;
	return out;
}
