import { isStage, type Stage } from '../stages.ts';
import { lineStatus } from '../method/status.ts';
import type { IsoDate, MethodCard, MethodSettings, Status } from '../method/types.ts';

/** One row of the server's card log (card_event), as the stand-up reads it. */
export interface LoggedEvent {
	cardId: string;
	kind: string;
	actorId: string | null;
	data: Record<string, unknown>;
	at: number;
}

interface Base {
	at: number;
	actorId: string | null;
}

/** What happened to a card since the last stand-up, one entry per logged event worth saying. */
export type StandupChange = Base &
	(
		| { kind: 'created'; stage: Stage }
		| { kind: 'moved'; from: Stage; to: Stage }
		| { kind: 'check-in'; value: number; date: IsoDate; before: Status; after: Status }
		| { kind: 'phase-decision'; phase: string; verdict: string }
		| { kind: 'action'; text: string; ownerId: string | null; due: string | null }
		| { kind: 'outcome'; verdict: string }
		| { kind: 'comment'; excerpt: string }
		| { kind: 'signal'; guest: boolean; company: string; text: string }
		| { kind: 'help'; teamId: string }
		| { kind: 'gate'; from: Stage; to: Stage; forced: boolean }
	);

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The stand-up's reading of one logged event (null: nothing to say, e.g. a comment edit). A check-in
 * says which status it moved the card from and to, judged on the card as it is now.
 */
export function toChange(event: LoggedEvent, card: MethodCard, settings: Pick<MethodSettings, 'tolerance'>) {
	const { data } = event;
	const base = { at: event.at, actorId: event.actorId };
	switch (event.kind) {
		case 'created':
			return isStage(data.stage) ? ({ ...base, kind: 'created', stage: data.stage } as StandupChange) : null;
		case 'moved':
		case 'gate-forced':
		case 'gate-flagged': {
			if (!isStage(data.from) || !isStage(data.to)) return null;
			if (event.kind === 'moved') return { ...base, kind: 'moved', from: data.from, to: data.to } as StandupChange;
			return {
				...base,
				kind: 'gate',
				from: data.from,
				to: data.to,
				forced: event.kind === 'gate-forced'
			} as StandupChange;
		}
		case 'check-in': {
			if (typeof data.value !== 'number' || typeof data.date !== 'string') return null;
			const { before, after } = statusChange(card, data.date, data.value, settings);
			return { ...base, kind: 'check-in', value: data.value, date: data.date, before, after } as StandupChange;
		}
		case 'decision':
			return {
				...base,
				kind: 'phase-decision',
				phase: text(data.phaseName),
				verdict: text(data.verdict)
			} as StandupChange;
		case 'action':
			return {
				...base,
				kind: 'action',
				text: text(data.text),
				ownerId: textOrNull(data.ownerId),
				due: textOrNull(data.due)
			} as StandupChange;
		case 'outcome':
			return { ...base, kind: 'outcome', verdict: text(data.verdict) } as StandupChange;
		case 'comment':
			return { ...base, kind: 'comment', excerpt: text(data.excerpt) } as StandupChange;
		case 'signal':
			return {
				...base,
				kind: 'signal',
				guest: 'company' in data,
				company: text(data.company),
				text: text(data.text)
			} as StandupChange;
		case 'help':
			return typeof data.teamId === 'string' ? ({ ...base, kind: 'help', teamId: data.teamId } as StandupChange) : null;
		default:
			return null;
	}
}

/**
 * The line status just before and just after the check-in of `date` with `value`: the card's
 * check-ins dated up to that day, without then with that one (later ones are not counted).
 */
export function statusChange(
	card: MethodCard,
	date: string,
	value: number,
	settings: Pick<MethodSettings, 'tolerance'>
): { before: Status; after: Status } {
	const upTo = (card.checkIns ?? []).filter((c) => c.date <= date);
	const index = upTo.findIndex((c) => c.date === date && c.value === value);
	const without = index === -1 ? upTo : upTo.filter((_, i) => i !== index);
	const withIt = index === -1 ? upTo : [...without, upTo[index]!];
	return {
		before: lineStatus({ ...card, checkIns: without }, settings),
		after: lineStatus({ ...card, checkIns: withIt }, settings)
	};
}
