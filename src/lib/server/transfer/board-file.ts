import * as v from 'valibot';
import { LIMITS } from '#lib/domain/validation.ts';

/**
 * A whole board in one versioned JSON file: its settings, its two Yjs documents (state as base64) and
 * the rows that hang off it. Rows keep their column names; `board_id` is left out (a restore picks a new one).
 */

const Text = v.string();
const Nullable = <T extends v.GenericSchema>(s: T) => v.nullable(s);
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'));

const Person = v.object({ id: Text, email: Text, name: Text });
const Grant = v.object({
	subject: v.picklist(['user', 'team']),
	subject_id: Text,
	level: v.picklist(['edit', 'read'])
});
const Comment = v.object({
	id: Text,
	card_id: Text,
	parent_id: Nullable(Text),
	author_id: Text,
	body: Text,
	created_at: Time,
	edited_at: Nullable(Time),
	deleted_at: Nullable(Time)
});
const CommentVersion = v.object({ comment_id: Text, body: Text, replaced_at: Time });
const CardEvent = v.object({
	id: Text,
	card_id: Text,
	kind: Text,
	actor_id: Nullable(Text),
	data: Text,
	created_at: Time
});
const Standup = v.object({
	id: Text,
	facilitator_id: Text,
	since: Time,
	started_at: Time,
	ended_at: Nullable(Time),
	time_box: v.number(),
	locale: Text,
	summary: Nullable(Text),
	options: Nullable(Text),
	agenda: Nullable(Text)
});
const Attendee = v.object({ standup_id: Text, user_id: Text, joined_at: Time });
const StandupCard = v.object({ standup_id: Text, card_id: Text, seconds: v.number(), reviewed_at: Time });
const Decision = v.object({
	id: Text,
	standup_id: Text,
	card_id: Text,
	text: Text,
	owner_id: Nullable(Text),
	due_date: Nullable(Text),
	created_by: Text,
	created_at: Time
});

export const BoardFile = v.object({
	format: v.literal('bouture-board'),
	version: v.literal(1),
	exportedAt: Time,
	board: v.object({
		name: v.pipe(Text, v.trim(), v.nonEmpty(), v.maxLength(LIMITS.boardName)),
		visibility: v.picklist(['organisation', 'restricted']),
		standup_day: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
		standup_time: v.pipe(Text, v.regex(/^\d{2}:\d{2}$/)),
		standup_time_box: v.pipe(v.number(), v.integer(), v.minValue(1)),
		standup_length: v.pipe(v.number(), v.integer(), v.minValue(1))
	}),
	people: v.array(Person),
	grants: v.array(Grant),
	documents: v.object({ board: Base64, feed: Base64 }),
	comments: v.array(Comment),
	commentVersions: v.array(CommentVersion),
	cardEvents: v.array(CardEvent),
	standups: v.array(Standup),
	standupAttendees: v.array(Attendee),
	standupCards: v.array(StandupCard),
	standupDecisions: v.array(Decision)
});
export type BoardFile = v.InferOutput<typeof BoardFile>;
