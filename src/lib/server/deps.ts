import type { Db } from './db/open.ts';
import type { MailQueue } from './mail-outbox.ts';
import type { BoardActivity } from './services/board-activity.ts';
import type { BoardProjection } from './projection/board-projection.ts';
import type { Runtime } from './runtime.ts';
import type { BoardGenerations } from './sync/board-generations.ts';
import type { SyncHub } from './sync/hub.ts';

/** The sync hub as services and routes see it: a board's live rooms, re-checking someone's sockets, new generations. */
export type Rooms = Pick<SyncHub, 'openRoom' | 'openFeed' | 'reassessUser'> & {
	/** A board document's generations: which one is current, the ended ones ("earlier versions"), restoring one. */
	generations: Pick<BoardGenerations, 'current' | 'list' | 'restore' | 'keepDays'>;
};

/**
 * What a service that writes to a board needs: the database and the live rooms. The key stays `sync`
 * so that the runtime itself, and `{ db, sync }`, still fit wherever a service asks for it.
 */
export interface BoardDeps {
	db: Db;
	sync: Rooms;
}

/** What routes may use, put on `event.locals` once per request by hooks.server.ts. */
export interface RequestDeps extends BoardDeps {
	/** E-mails, queued (disabled when SMTP_URL is unset: invitation links are then only shown for copying). */
	mail: MailQueue;
	/** Card events on any board, whichever process recorded them (the organisation map's live refresh). */
	boardActivity: BoardActivity;
	/** The guest portal's change notices. */
	projection: Pick<BoardProjection, 'onSharedCardsChanged'>;
}

/** The narrow view of the process's runtime that a request gets (no config, no shutdown, no upgrade). */
export function requestDeps({ db, sync, mail, boardActivity, projection }: Runtime): RequestDeps {
	return { db, sync, mail, boardActivity: { on: boardActivity.on }, projection };
}
