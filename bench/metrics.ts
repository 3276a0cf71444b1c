/**
 * The metrics page of a big board: 500 initiatives and 20,000 events in the card log. Measures how long
 * the server takes to answer `GET /b/{board}/metrics` (the whole page, server-rendered: log read, flow
 * maths, portfolio from the live document) and one CSV export. Not a test; prints the figures.
 *
 *   node bench/metrics.ts [--samples=30] [--cards=500] [--events=20000]
 *
 * Runs `node server/index.ts` from the current directory (build first). The client is on the same
 * machine, so the time measured is the server's plus a loopback round trip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { STAGES } from '../src/lib/domain/stages.ts';
import { createMember, createTestBoard, openTestDb } from '../tests/factories/accounts.ts';
import { writeCards } from '../tests/factories/portal.ts';
import { startServer } from '../tests/factories/server.ts';

const { values } = parseArgs({
	options: {
		samples: { type: 'string', default: '30' },
		cards: { type: 'string', default: '500' },
		events: { type: 'string', default: '20000' }
	}
});
const samples = Number(values.samples);
const cardCount = Number(values.cards);
const eventCount = Number(values.events);
const DAY = 86_400_000;

const server = await startServer();
const db = openTestDb(server.dbPath);
const owner = await createMember(db, 'Olivier');
const boardId = await createTestBoard(db, owner, 'Grand tableau');
const cards = Array.from({ length: cardCount }, (_, i) => ({
	title: `Initiative ${i}`,
	stage: STAGES[i % STAGES.length],
	checkIns: [
		{ value: 40 + (i % 50), note: '', shared: false },
		{ value: 60 + (i % 70), note: '', shared: false }
	]
}));
const ids = await writeCards(server.url, db, owner, boardId, cards);

// A plausible log over the last 16 weeks: each card walks forward and sometimes back, a verdict now and then.
const now = Date.now();
const perCard = Math.floor(eventCount / ids.length);
const rows = ids.flatMap((cardId, c) => {
	let stage = 0;
	let at = now - 112 * DAY + (c % 7) * DAY;
	const step = (112 * DAY) / perCard;
	return Array.from({ length: perCard }, (_, k) => {
		at += step * (0.5 + ((c * 31 + k * 17) % 100) / 100);
		const base = {
			id: `bench-${c}-${k}`,
			board_id: boardId,
			card_id: cardId,
			actor_id: owner.userId,
			created_at: Math.floor(at)
		};
		if (k === 0) return { ...base, kind: 'created', data: JSON.stringify({ stage: 'ideas' }) };
		if (k % 9 === 0)
			return {
				...base,
				kind: 'outcome',
				data: JSON.stringify({ verdict: ['generalised', 'adjusted', 'abandoned'][k % 3] })
			};
		const from = STAGES[stage]!;
		stage = (k + c) % 4 === 0 && stage > 0 ? stage - 1 : Math.min(stage + 1, STAGES.length - 1);
		if (STAGES[stage] === from) stage = Math.max(0, stage - 1);
		return { ...base, kind: 'moved', data: JSON.stringify({ from, to: STAGES[stage] }) };
	});
});
for (let i = 0; i < rows.length; i += 500)
	await db
		.insertInto('card_event')
		.values(rows.slice(i, i + 500))
		.execute();
const logged = await db
	.selectFrom('card_event')
	.select((eb) => eb.fn.countAll<number>().as('n'))
	.executeTakeFirstOrThrow();

/**
 * The server's own CPU time (user + system, ms) from /proc: unlike the wall clock, it hardly moves
 * when other work shares the machine. The server is the process started with our database file.
 */
const serverPid = readdirSync('/proc').find((pid) => {
	try {
		return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`file:${server.dbPath}`);
	} catch {
		return false;
	}
});
const cpuMs = (): number => {
	if (!serverPid) return NaN;
	const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};

async function time(path: string): Promise<number> {
	const start = performance.now();
	const res = await fetch(server.url + path, { headers: { Cookie: owner.cookie } });
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
	return performance.now() - start;
}

const page: number[] = [];
const year: number[] = [];
const csv: number[] = [];
for (let i = 0; i < 3; i++) await time(`/b/${boardId}/metrics`); // warm-up
const cpuBefore = cpuMs();
for (let i = 0; i < samples; i++) await time(`/b/${boardId}/metrics`);
const cpuPerPage = (cpuMs() - cpuBefore) / samples;
for (let i = 0; i < samples + 3; i++) {
	const a = await time(`/b/${boardId}/metrics`);
	const b = await time(`/b/${boardId}/metrics?from=${new Date(now - 365 * DAY).toISOString().slice(0, 10)}`);
	const c = await time(`/b/${boardId}/metrics/export?figure=cumulative`);
	if (i < 3) continue; // warm-up
	page.push(a);
	year.push(b);
	csv.push(c);
}

const pct = (list: number[], p: number) => {
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const row = (name: string, list: number[]) =>
	`${name.padEnd(40)} p50 ${pct(list, 50).toFixed(1).padStart(6)} ms   p95 ${pct(list, 95).toFixed(1).padStart(6)} ms`;
console.log(`metrics page, ${ids.length} initiatives, ${logged.n} events in the log, ${samples} samples`);
console.log(row('GET /b/{board}/metrics (12 weeks)', page));
console.log(row('GET /b/{board}/metrics (a year, 366 days)', year));
console.log(row('GET …/metrics/export?figure=cumulative', csv));
console.log(
	`${'server CPU time per metrics page (12 weeks)'.padEnd(40)} ${cpuPerPage.toFixed(1)} ms   (load ${loadavg()[0]!.toFixed(1)})`
);
await server.stop();
await db.destroy();
