import type { ExpressionBuilder } from 'kysely';
import * as v from 'valibot';
import { ASSIGNABLE_ROLES, type OrgRole } from '#lib/domain/permissions.ts';
import { OrganizationName } from '#lib/domain/validation.ts';
import type { Db } from '../db/open.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { DAY, generateSessionToken, sessionIdFromToken } from '../auth/token.ts';
import { newId } from '../ids.ts';
import { insertUser } from './accounts.ts';

/**
 * Invitation links. The token lives only in the link (like a session token, same generator); the
 * database keeps its SHA-256 as the invitation id, so a leaked table opens no invitation.
 */

export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';
/** Why a link cannot be used: the token matches nothing, or the invitation is no longer pending. */
export type Refusal = 'invalid' | Exclude<InvitationStatus, 'pending'>;

/** Roles an inviter may put on a link: what they may assign, except owner (not handed out by link). */
export function invitableRoles(inviterRole: OrgRole): OrgRole[] {
	if (inviterRole !== 'owner' && inviterRole !== 'manager') return [];
	return ASSIGNABLE_ROLES[inviterRole].filter((role) => role !== 'owner');
}

const Days = v.pipe(
	v.string(),
	v.toNumber(),
	v.integer(),
	v.minValue(INVITATION_DAYS.min),
	v.maxValue(INVITATION_DAYS.max)
);
/** The create form: guests need their company; members and managers may land on a board. */
export const InvitationInput = v.variant('role', [
	v.object({ role: v.literal('guest'), company: OrganizationName, days: Days }),
	v.object({
		role: v.picklist(['member', 'manager']),
		boardId: v.nullable(v.string()),
		days: Days
	})
]);

/** The shape of the link's token (32 base32 characters), checked before any database lookup. */
export function isInvitationToken(value: string): boolean {
	return /^[a-z2-7]{32}$/.test(value);
}

export function invitationStatus(
	row: { expires_at: number; used_at: number | null; revoked_at: number | null },
	now: number
): InvitationStatus {
	if (row.revoked_at !== null) return 'revoked';
	if (row.used_at !== null) return 'used';
	return now >= row.expires_at ? 'expired' : 'pending';
}

export interface NewInvitation {
	organizationId: string;
	createdBy: string;
	role: OrgRole;
	/** Guests only. */
	company: string | null;
	/** Where a member lands after accepting; guests always land on the portal. */
	boardId: string | null;
	days: number;
}

/** Stores a pending invitation and returns the link's token: the only copy, shown once. */
export async function createInvitation(db: Db, input: NewInvitation, now = Date.now()): Promise<string> {
	const token = generateSessionToken();
	const guest = input.role === 'guest';
	await db
		.insertInto('invitation')
		.values({
			id: sessionIdFromToken(token),
			organization_id: input.organizationId,
			role: input.role,
			company: guest ? input.company : null,
			board_id: guest ? null : input.boardId,
			created_by: input.createdBy,
			created_at: now,
			expires_at: now + input.days * DAY,
			used_at: null,
			used_by: null,
			revoked_at: null
		})
		.execute();
	return token;
}

export interface InvitationSummary {
	id: string;
	role: OrgRole;
	company: string | null;
	boardName: string | null;
	createdByName: string | null;
	usedByName: string | null;
	createdAt: number;
	expiresAt: number;
	status: InvitationStatus;
}

/** An organisation's invitations, newest first, with their status at `now`. */
export async function listInvitations(db: Db, organizationId: string, now = Date.now()): Promise<InvitationSummary[]> {
	const rows = await db
		.selectFrom('invitation')
		.leftJoin('board', 'board.id', 'invitation.board_id')
		.leftJoin('user as creator', 'creator.id', 'invitation.created_by')
		.leftJoin('user as invitee', 'invitee.id', 'invitation.used_by')
		.select([
			'invitation.id',
			'invitation.role',
			'invitation.company',
			'invitation.created_at',
			'invitation.expires_at',
			'invitation.used_at',
			'invitation.revoked_at',
			'board.name as board_name',
			'creator.name as creator_name',
			'invitee.name as invitee_name'
		])
		.where('invitation.organization_id', '=', organizationId)
		.orderBy('invitation.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		role: r.role,
		company: r.company,
		boardName: r.board_name,
		createdByName: r.creator_name,
		usedByName: r.invitee_name,
		createdAt: r.created_at,
		expiresAt: r.expires_at,
		status: invitationStatus(r, now)
	}));
}

/** One invitation of the organisation (by its stored id), or null. */
export async function findInvitationById(
	db: Db,
	organizationId: string,
	id: string,
	now = Date.now()
): Promise<{ role: OrgRole; status: InvitationStatus } | null> {
	const row = await db
		.selectFrom('invitation')
		.select(['role', 'expires_at', 'used_at', 'revoked_at'])
		.where('id', '=', id)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ? { role: row.role, status: invitationStatus(row, now) } : null;
}

/** Revokes a pending invitation; false when it was used, expired or revoked meanwhile. */
export async function revokeInvitation(db: Db, id: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set({ revoked_at: now })
		.where('id', '=', id)
		.where(stillPending(now))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface InvitationView {
	organizationId: string;
	organizationName: string;
	role: OrgRole;
	company: string | null;
	boardId: string | null;
	status: InvitationStatus;
}

/** What the link's page shows, or null when the token matches no invitation. */
export async function findInvitation(db: Db, token: string, now = Date.now()): Promise<InvitationView | null> {
	if (!isInvitationToken(token)) return null;
	const row = await db
		.selectFrom('invitation')
		.innerJoin('organization', 'organization.id', 'invitation.organization_id')
		.select([
			'invitation.organization_id',
			'organization.name',
			'invitation.role',
			'invitation.company',
			'invitation.board_id',
			'invitation.expires_at',
			'invitation.used_at',
			'invitation.revoked_at'
		])
		.where('invitation.id', '=', sessionIdFromToken(token))
		.executeTakeFirst();
	if (!row) return null;
	return {
		organizationId: row.organization_id,
		organizationName: row.name,
		role: row.role,
		company: row.company,
		boardId: row.board_id,
		status: invitationStatus(row, now)
	};
}

export type Accepted = { ok: true; userId: string; invitation: InvitationView };
export type AcceptRefused = { ok: false; reason: Refusal | 'already_member' | 'email_taken' };

/** Attaches an existing account: a new membership with the invited role and company. */
export async function acceptInvitation(
	db: Db,
	token: string,
	userId: string,
	now = Date.now()
): Promise<Accepted | AcceptRefused> {
	return db.transaction().execute(async (trx): Promise<Accepted | AcceptRefused> => {
		const member = await trx
			.selectFrom('invitation')
			.innerJoin('membership', 'membership.organization_id', 'invitation.organization_id')
			.select('membership.user_id')
			.where('invitation.id', '=', sessionIdFromToken(token))
			.where('membership.user_id', '=', userId)
			.executeTakeFirst();
		if (member) return { ok: false, reason: 'already_member' };
		const invitation = await claim(trx, token, userId, now);
		if (typeof invitation === 'string') return { ok: false, reason: invitation };
		await join(trx, invitation, userId, now);
		return { ok: true, userId, invitation };
	});
}

export interface InvitedAccount {
	name: string;
	email: string;
	password: string;
}

class EmailTakenMeanwhile extends Error {}

/** Creates an account that joins the inviting organisation (no organisation of its own). */
export async function createAccountFromInvitation(
	db: Db,
	token: string,
	input: InvitedAccount,
	now = Date.now()
): Promise<Accepted | AcceptRefused> {
	const passwordHash = await hashPassword(input.password);
	const userId = newId();
	// Claimed before the account is written: a refused link leaves nothing behind. An e-mail taken by a
	// sign-up committing meanwhile throws, to roll the claim back, so the link stays usable.
	const taken = { ok: false, reason: 'email_taken' } as const;
	try {
		return await db.transaction().execute(async (trx): Promise<Accepted | AcceptRefused> => {
			if (await trx.selectFrom('user').select('id').where('email', '=', input.email).executeTakeFirst()) return taken;
			const invitation = await claim(trx, token, userId, now);
			if (typeof invitation === 'string') return { ok: false, reason: invitation };
			if (!(await insertUser(trx, { id: userId, email: input.email, name: input.name, passwordHash }, now))) {
				throw new EmailTakenMeanwhile();
			}
			await join(trx, invitation, userId, now);
			return { ok: true, userId, invitation };
		});
	} catch (error) {
		if (error instanceof EmailTakenMeanwhile) return taken;
		throw error;
	}
}

/**
 * Marks the invitation used by `userId`. The update only matches a pending row, so of two accepts
 * at once exactly one wins; the loser learns why from the row.
 */
async function claim(trx: Db, token: string, userId: string, now: number): Promise<InvitationView | Refusal> {
	const updated = await trx
		.updateTable('invitation')
		.set({ used_at: now, used_by: userId })
		.where('id', '=', sessionIdFromToken(token))
		.where(stillPending(now))
		.executeTakeFirst();
	const invitation = await findInvitation(trx, token, now);
	if (!invitation) return 'invalid';
	if (Number(updated.numUpdatedRows) === 1) return invitation;
	return invitation.status === 'pending' ? 'invalid' : invitation.status;
}

async function join(trx: Db, invitation: InvitationView, userId: string, now: number): Promise<void> {
	await trx
		.insertInto('membership')
		.values({
			organization_id: invitation.organizationId,
			user_id: userId,
			role: invitation.role,
			company: invitation.company,
			created_at: now
		})
		.execute();
}

/** Matches an invitation still pending at `now`: not used, not revoked, not expired. */
function stillPending(now: number) {
	return (eb: ExpressionBuilder<Database, 'invitation'>) =>
		eb.and([eb('used_at', 'is', null), eb('revoked_at', 'is', null), eb('expires_at', '>', now)]);
}
