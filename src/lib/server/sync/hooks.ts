import type { Origin, Room } from './room.ts';

/**
 * What runs beside the transport (in the style of Hocuspocus's extensions): the projection, the
 * feed's migration… Every hook sees both kinds of rooms (`room.kind`); a hook that throws is logged,
 * never allowed to stop the room. Who may connect is the hub's `Admit` (the `onAuthenticate` hook).
 */
export interface SyncHooks {
	/** A room was loaded from storage; awaited before anyone joins it or anyone gets it from `openRoom`. */
	onLoaded?(room: Room): Promise<void>;
	/** After each batch stored and applied, with the origins of its updates (peers, or the server). */
	onApplied?(room: Room, origins: readonly Origin[]): void;
	/** Before a room is unloaded or the server stops: finish what follows from its changes. */
	onSettle?(room: Room): Promise<void>;
	/** The room is gone from memory (idle, reloaded after a failed write, or the server stopped). */
	onUnloaded?(room: Room): void;
}
