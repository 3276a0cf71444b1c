import { publishJson, subscribeJson, type ClusterBus } from '../cluster/bus.ts';
import { onCardEvent } from './events.ts';

/**
 * "Something happened on board X", heard by every process: the card events recorded here (see
 * events.ts) and, over the bus, those recorded by the other processes of the deployment (a board's
 * events are recorded by whichever process owns it). Live views spanning boards (the organisation's
 * map) listen here, so a viewer on any process sees every change.
 */
export interface BoardActivity {
	/** Runs `listener` with the board's id after each card event on any board; returns the way to stop. */
	on(listener: (boardId: string) => void): () => void;
}

const CHANNEL = 'relay:board-activity';

export function startBoardActivity(bus: ClusterBus): BoardActivity & { close(): Promise<void> } {
	const listeners = new Set<(boardId: string) => void>();
	const tell = (boardId: string) => {
		for (const listener of listeners) listener(boardId);
	};
	const stopLocal = onCardEvent(({ boardId }) => {
		tell(boardId);
		if (bus.shared) void publishJson(bus, CHANNEL, { boardId });
	});
	const stopRelay = subscribeJson(bus, CHANNEL, decodeBoardId, tell);
	return {
		on(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async close() {
			stopLocal();
			listeners.clear();
			await (
				await stopRelay
			)();
		}
	};
}

function decodeBoardId(data: unknown): string | null {
	const boardId = (data as { boardId?: unknown } | null)?.boardId;
	return typeof boardId === 'string' && boardId.length > 0 && boardId.length <= 100 ? boardId : null;
}
