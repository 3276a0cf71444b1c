import { readFileSync } from 'node:fs';

/**
 * `node bench/lib/profile-summary.ts file.cpuprofile [n]`: the functions with the most self time and
 * the most total (inclusive) time in a --cpu-prof profile, to see where a server spends its CPU.
 */
interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts file.cpuprofile [n]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n: Node) =>
	`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src|build)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
for (const [id, time] of self) {
	const node = byId.get(id);
	if (!node) continue;
	selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + time);
	const seen = new Set<string>();
	for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
		const l = label(byId.get(at) as Node);
		if (seen.has(l)) continue;
		seen.add(l);
		totalBy.set(l, (totalBy.get(l) ?? 0) + time);
	}
}
const all = [...self.values()].reduce((a, b) => a + b, 0);
const show = (title: string, map: Map<string, number>) => {
	console.log(`${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
	for (const [l, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
		console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${((t / all) * 100).toFixed(1).padStart(5)}%  ${l}`);
};
show('self', selfBy);
show('total', totalBy);
