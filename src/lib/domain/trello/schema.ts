import * as v from 'valibot';

/**
 * The parts of a Trello board export (Menu → Print, export and share → JSON) the import reads. Trello
 * files carry much more; unknown fields pass through unread. The bounds keep one import reasonable.
 */

const Id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(64));
const Name = v.pipe(v.string(), v.maxLength(16_384));
const Text = v.pipe(v.string(), v.maxLength(100_000));
const Optional = <T extends v.GenericSchema>(s: T) => v.optional(v.nullable(s));

const List = v.object({ id: Id, name: Name, closed: v.optional(v.boolean(), false) });
const Label = v.object({ id: Id, name: Optional(Name), color: Optional(v.string()) });
const Member = v.object({ id: Id, fullName: Optional(Name), username: Optional(Name), email: Optional(Name) });
const Card = v.object({
	id: Id,
	name: Name,
	desc: Optional(Text),
	idList: Id,
	closed: v.optional(v.boolean(), false),
	due: Optional(v.string()),
	pos: v.optional(v.number(), 0),
	idLabels: v.optional(v.array(Id), []),
	idMembers: v.optional(v.array(Id), [])
});
const CheckItem = v.object({ name: Name, state: v.optional(v.string(), 'incomplete'), pos: v.optional(v.number(), 0) });
const Checklist = v.object({
	id: Id,
	idCard: Id,
	name: Optional(Name),
	pos: v.optional(v.number(), 0),
	checkItems: v.array(CheckItem)
});
const Action = v.object({
	id: Id,
	type: v.string(),
	date: v.pipe(v.string(), v.isoTimestamp()),
	idMemberCreator: Optional(Id),
	memberCreator: v.optional(v.nullable(v.object({ fullName: Optional(Name), username: Optional(Name) }))),
	data: v.optional(v.object({ text: v.optional(Text), card: v.optional(v.object({ id: Id })) }), {})
});

export const TrelloBoard = v.object({
	name: v.pipe(Name, v.nonEmpty()),
	lists: v.pipe(v.array(List), v.maxLength(500)),
	cards: v.pipe(v.array(Card), v.maxLength(5_000)),
	labels: v.optional(v.pipe(v.array(Label), v.maxLength(500)), []),
	members: v.optional(v.pipe(v.array(Member), v.maxLength(1_000)), []),
	checklists: v.optional(v.pipe(v.array(Checklist), v.maxLength(20_000)), []),
	actions: v.optional(v.pipe(v.array(Action), v.maxLength(100_000)), [])
});
export type TrelloBoard = v.InferOutput<typeof TrelloBoard>;
export type TrelloCard = TrelloBoard['cards'][number];
