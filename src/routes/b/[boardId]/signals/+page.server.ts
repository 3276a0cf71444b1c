import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { isId } from '#lib/domain/validation.ts';
import { readCards } from '#lib/board/schema.ts';
import { readGuestFeedback, readInbox } from '#lib/board/signal-inbox.ts';
import type { Signal } from '#lib/board/signals.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireUser } from '#lib/server/auth/guard.ts';
import { findBoardForUser } from '#lib/server/services/boards.ts';
import {
	attachSignal,
	parseMemberSignal,
	recordInboxSignal,
	turnInboxSignalIntoIdea
} from '#lib/server/services/member-signals.ts';
import type { Actions, PageServerLoad } from './$types';

/** The board, for a member who may write on it: 404 for non-members, 403 for observers. */
async function writableBoard(locals: App.Locals, url: URL, boardId: string) {
	const user = requireUser(locals, url);
	const board = isId(boardId) ? await findBoardForUser(locals.db, boardId, user.id) : null;
	if (!board) error(404);
	if (board.level === 'read') error(403);
	return { user, board };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { board } = await writableBoard(locals, url, params.boardId);
	const room = await locals.sync.openRoom(board.id);
	const cards = readCards(room.doc)
		.filter((card) => !card.archived)
		.map((card) => ({ id: card.id, title: card.title }))
		.sort((a, b) => a.title.localeCompare(b.title));
	const feed = await locals.sync.openFeed(board.id);
	return { signals: readInbox(feed.doc), guestFeedback: readGuestFeedback(feed.doc), cards };
};

const SOURCES: Record<NonNullable<Signal['source']>, () => string> = {
	client: m.msignal_source_client,
	partner: m.msignal_source_partner,
	supplier: m.msignal_source_supplier,
	employee: m.msignal_source_employee,
	other: m.msignal_source_other
};
const CHANNELS: Record<NonNullable<Signal['channel']>, () => string> = {
	visit: m.msignal_channel_visit,
	phone: m.msignal_channel_phone,
	email: m.msignal_channel_email,
	social: m.msignal_channel_social,
	other: m.msignal_channel_other
};

const describe = (signal: Signal) =>
	m.msignal_idea_description({
		source: SOURCES[signal.source ?? 'other'](),
		channel: CHANNELS[signal.channel ?? 'other'](),
		date: signal.date ?? new Date(signal.at).toISOString().slice(0, 10),
		text: signal.text
	});

async function writer({ locals, url, params, request }: RequestEvent<{ boardId: string }>) {
	const { user, board } = await writableBoard(locals, url, params.boardId);
	return { user, board, locals, form: await request.formData() };
}

export const actions: Actions = {
	record: async (event) => {
		const { user, board, locals, form } = await writer(event);
		const signal = parseMemberSignal(form);
		if (!signal) return fail(400, { invalid: true });
		const id = await recordInboxSignal(locals, { boardId: board.id, userId: user.id, signal });
		if (!id) return fail(400, { invalid: true });
		return { recorded: id };
	},
	attach: async (event) => {
		const { user, board, locals, form } = await writer(event);
		const signalId = form.get('signalId');
		const cardId = form.get('cardId');
		if (!isId(signalId) || !isId(cardId)) return fail(400, { invalid: true });
		if (!(await attachSignal(locals, { boardId: board.id, signalId, cardId, userId: user.id }))) error(404);
		return { attached: signalId };
	},
	convert: async (event) => {
		const { user, board, locals, form } = await writer(event);
		const signalId = form.get('signalId');
		if (!isId(signalId)) error(404);
		const ideaId = await turnInboxSignalIntoIdea(locals, {
			boardId: board.id,
			signalId,
			userId: user.id,
			describe
		});
		if (!ideaId) error(404);
		return { converted: ideaId };
	}
};
