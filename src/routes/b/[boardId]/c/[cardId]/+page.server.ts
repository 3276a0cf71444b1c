import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { COMMENT_BODY_MAX, CommentBody } from '#lib/board/comments.ts';
import { can } from '#lib/domain/permissions.ts';
import { isId } from '#lib/domain/validation.ts';
import { requireUser } from '#lib/server/auth/guard.ts';
import { hit, RATE_LIMITS } from '#lib/server/rate-limit.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import { findBoardCard } from '#lib/server/services/cards.ts';
import { listAdminNames } from '#lib/server/services/directory.ts';
import { createTeam, TEAM_COLORS, TeamInput } from '#lib/server/services/teams.ts';
import { addComment, deleteComment, editComment, findComment, listMemberTeams } from '#lib/server/services/comments.ts';
import { m } from '#lib/paraglide/messages.js';
import { turnSignalIntoIdea } from '#lib/server/services/signal-ideas.ts';
import { parseMemberSignal, recordCardSignal } from '#lib/server/services/member-signals.ts';
import type { Signal } from '#lib/board/signals.ts';
import { elide } from '#lib/i18n/format.ts';
import { signalKindLabel } from '#lib/i18n/labels.ts';
import {
	askHelp,
	closeAnsweredHelp,
	closeHelp,
	findHelp,
	listCardHelp,
	mirrorOpenHelp
} from '#lib/server/services/help.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db } = locals;
	const board = isId(params.boardId) ? await findBoardForUser(db, params.boardId, user.id) : null;
	if (!board) error(404);
	const help = isId(params.cardId) ? await listCardHelp(db, board.id, params.cardId) : [];
	return {
		memberTeams: await listMemberTeams(db, board.organizationId),
		help,
		// A new organisation has no team, and the Scope gate needs one: who can create it.
		mayCreateTeams: can(board.role, 'org.admin'),
		teamAdmins: await listAdminNames(db, board.organizationId)
	};
};

/** The board, the person and the form, for a person who may write on the board; 404 / 403 otherwise. */
async function writer({ locals, url, params, request }: RequestEvent<{ boardId: string; cardId: string }>) {
	const user = requireUser(locals, url);
	const board = isId(params.boardId) ? await findBoardForUser(locals.db, params.boardId, user.id) : null;
	if (!board || !isId(params.cardId)) error(404);
	const form = await request.formData();
	return { user, board, locals, form, forbidden: board.level === 'read' };
}

/** The comment named by the form, on this card; null when there is none. */
async function commentOf(event: Awaited<ReturnType<typeof writer>>, cardId: string) {
	const id = event.form.get('commentId');
	const comment = isId(id) ? await findComment(event.locals.db, id) : undefined;
	return comment && comment.card_id === cardId && comment.board_id === event.board.id ? comment : null;
}

const bodyOf = (form: FormData) => v.safeParse(CommentBody, form.get('body'));
const echo = (form: FormData) => String(form.get('body') ?? '').slice(0, COMMENT_BODY_MAX);

/** Seconds to wait when the person has written too many comments lately (each call counts one); else null. */
async function commentWait(w: Awaited<ReturnType<typeof writer>>): Promise<number | null> {
	const verdict = await hit(w.locals.db, RATE_LIMITS.commentsPerUser, w.user.id);
	return verdict.ok ? null : Math.ceil(verdict.retryAfterMs / 1000);
}

async function post(event: RequestEvent<{ boardId: string; cardId: string }>, reply: boolean) {
	const w = await writer(event);
	if (w.forbidden) return fail(403, { forbidden: true });
	const parentId = reply ? w.form.get('parentId') : null;
	if (reply && !isId(parentId)) return fail(400, { invalid: true, body: echo(w.form) });
	const body = bodyOf(w.form);
	if (!body.success) return fail(400, { invalid: true, body: echo(w.form), parentId });
	const wait = await commentWait(w);
	if (wait !== null) return fail(429, { limited: wait, body: echo(w.form), parentId });
	const input = { boardId: w.board.id, cardId: event.params.cardId, authorId: w.user.id, body: body.output };
	const id = await addComment(w.locals, { ...input, parentId: parentId as string | null });
	if (!id) error(404);
	if (reply && (await closeAnsweredHelp(w.locals.db, id)))
		await mirrorOpenHelp(w.locals, w.board.id, event.params.cardId, w.user.id);
	return { commented: id };
}

export const actions: Actions = {
	comment: (event) => post(event, false),
	reply: (event) => post(event, true),
	edit: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const comment = await commentOf(w, event.params.cardId);
		if (!comment) error(404);
		if (comment.author_id !== w.user.id) return fail(403, { forbidden: true });
		const body = bodyOf(w.form);
		if (!body.success) return fail(400, { invalid: true, body: echo(w.form), commentId: comment.id });
		if (!(await editComment(w.locals, comment, w.user.id, body.output))) error(404);
		return { edited: comment.id };
	},
	/** A guest's (or anyone's) signal becomes a new idea that links back to this card. */
	convertSignal: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const signalId = w.form.get('signalId');
		const card = await findBoardCard(w.locals.db, w.board.id, event.params.cardId);
		if (typeof signalId !== 'string' || !card) error(404);
		const link = new URL(`/b/${w.board.id}/c/${event.params.cardId}`, event.url.origin).href;
		const describe = (signal: Signal) =>
			elide(
				m.signal_idea_description({
					company: signal.company || m.signal_unknown_company(),
					kind: signalKindLabel(signal.kind),
					title: card.title,
					text: signal.text,
					link
				})
			);
		const ideaId = await turnSignalIntoIdea(w.locals, {
			boardId: w.board.id,
			cardId: event.params.cardId,
			signalId,
			userId: w.user.id,
			describe
		});
		if (!ideaId) error(404);
		return { converted: ideaId };
	},
	/** Asks another team of the organisation: the question is a comment, the team hears of it. */
	askHelp: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const cardId = event.params.cardId;
		const card = await findBoardCard(w.locals.db, w.board.id, cardId);
		if (!card) error(404);
		const teamId = w.form.get('teamId');
		const team = isId(teamId)
			? await w.locals.db
					.selectFrom('team')
					.select('id')
					.where('id', '=', teamId)
					.where('organization_id', '=', w.board.organizationId)
					.executeTakeFirst()
			: undefined;
		if (!team || team.id === card.teamId) return fail(400, { helpInvalid: true, body: echo(w.form) });
		const body = bodyOf(w.form);
		if (!body.success) return fail(400, { helpInvalid: true, body: echo(w.form) });
		const wait = await commentWait(w);
		if (wait !== null) return fail(429, { helpLimited: wait, body: echo(w.form) });
		const input = { boardId: w.board.id, cardId, authorId: w.user.id, parentId: null, body: body.output };
		const commentId = await addComment(w.locals, input);
		if (!commentId) error(404);
		await askHelp(w.locals.db, {
			boardId: w.board.id,
			cardId,
			askerId: w.user.id,
			commentId,
			teamId: team.id,
			excerpt: body.output
		});
		await mirrorOpenHelp(w.locals, w.board.id, cardId, w.user.id);
		return { helpAsked: commentId };
	},
	/** The asker ends a request (answered elsewhere, no longer needed). */
	closeHelp: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const commentId = w.form.get('commentId');
		const request = isId(commentId) ? await findHelp(w.locals.db, commentId) : null;
		if (!request || request.cardId !== event.params.cardId || request.boardId !== w.board.id) error(404);
		if (request.askerId !== w.user.id) return fail(403, { forbidden: true });
		await closeHelp(w.locals.db, request, w.user.id, 'asker');
		await mirrorOpenHelp(w.locals, w.board.id, request.cardId, w.user.id);
		return { helpClosed: request.commentId };
	},
	delete: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const comment = await commentOf(w, event.params.cardId);
		if (!comment) error(404);
		if (comment.author_id !== w.user.id && !can(w.board.role, 'board.manage')) return fail(403, { forbidden: true });
		if (!(await deleteComment(w.locals, comment, w.user.id))) error(404);
		return { deleted: comment.id };
	},
	/** An owner or manager creates a team from the Scope section (a new organisation has none yet). */
	createTeam: async (event) => {
		const w = await writer(event);
		if (w.forbidden || !can(w.board.role, 'org.admin')) return fail(403, { forbidden: true });
		const color = TEAM_COLORS[0].value;
		const input = v.safeParse(TeamInput, { name: w.form.get('name'), color });
		if (!input.success) return fail(400, { teamInvalid: true });
		const id = await createTeam(w.locals.db, w.board.organizationId, input.output);
		if (!id) return fail(409, { teamTaken: true });
		return { team: { id, name: input.output.name, color } };
	},
	/** A member's observation from the field, recorded on this card (signals are server-only). */
	recordSignal: async (event) => {
		const w = await writer(event);
		if (w.forbidden) return fail(403, { forbidden: true });
		const signal = parseMemberSignal(w.form);
		if (!signal) return fail(400, { invalid: true });
		const input = { boardId: w.board.id, cardId: event.params.cardId, userId: w.user.id, signal };
		const signalId = await recordCardSignal(w.locals, input);
		if (!signalId) error(404);
		return { recorded: signalId };
	}
};
