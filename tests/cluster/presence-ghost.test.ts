import { describe, expect, it } from 'vitest';
import { useClusterBoard } from '../factories/cluster-board.ts';
import { eventually, whenSynced } from '../factories/yclient.ts';

const setup = useClusterBoard(2);

describe("a dead process's presence", () => {
	it('disappears from the other process within seconds (node heartbeat), not after the 30 s awareness timeout', async () => {
		const [onA, onB] = [setup.client(0), setup.client(1)];
		await Promise.all([whenSynced(onA), whenSynced(onB)]);
		onA.provider.awareness.setLocalStateField('user', { id: setup.alice.userId, name: 'Alice', color: '#000' });
		const ghostOnB = () => onB.provider.awareness.getStates().has(onA.doc.clientID);
		await eventually(ghostOnB, 5000, 'A’s client in presence on B');

		onA.provider.shouldConnect = false; // a page that stays away: only the server's heartbeat may clear it
		const killedAt = Date.now();
		await setup.cluster.kill(0);
		// The heartbeat beats every 2 s; a node unheard for 6 s is dead: at most about 8 s, well under 30 s.
		await eventually(() => !ghostOnB(), 12_000, 'the ghost gone on B');
		const took = Date.now() - killedAt;
		expect(took).toBeGreaterThanOrEqual(4_000);
		expect(took).toBeLessThan(12_000);
		console.info(`[presence-ghost] gone after ${took} ms`);
	});
});
