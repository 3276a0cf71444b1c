import { withClients } from './fleet.ts';
import type { Target } from './targets.ts';
import type { WriteParams } from '../clients/writer.ts';

export interface Writes {
	written: number;
	acked: number;
	latencies: number[];
	/** From the first update sent to the last one back, over all writer processes. */
	seconds: number;
}

/** Runs the write load (clients/writer.ts) over `processes` client processes, boards split among them. */
export async function runWrites(
	target: Pick<Target, 'endpoint'>,
	processes: number,
	params: Omit<WriteParams, 'endpoint'>
): Promise<Writes> {
	return withClients('writer', processes, async (writers) => {
		const parts = await Promise.all(
			writers.map((w, i) =>
				w.request<Writes>('run', {
					...params,
					endpoint: target.endpoint,
					boards: params.boards.filter((_, k) => k % processes === i)
				})
			)
		);
		return {
			written: parts.reduce((s, p) => s + p.written, 0),
			acked: parts.reduce((s, p) => s + p.acked, 0),
			latencies: parts.flatMap((p) => p.latencies),
			seconds: Math.max(...parts.map((p) => p.seconds))
		};
	});
}
