/**
 * The social-capital map: who contributes to whose initiatives. A contribution from person P to card C
 * counts for every team of P (row) toward C's owning team (column) when P is not a member of that team.
 * Cards without an owning team are left out. Pure: the server loads the inputs from SQL.
 */

export type ContributionKind = 'comments' | 'help' | 'signals';

export interface MapTeam {
	id: string;
	name: string;
	color?: string | null;
}

export interface MapMembership {
	teamId: string;
	userId: string;
}

export interface MapCard {
	id: string;
	boardId: string;
	title: string;
	teamId: string | null;
}

export interface Contribution {
	kind: ContributionKind;
	personId: string;
	cardId: string;
	at: number;
	deleted?: boolean;
}

export interface Cell {
	comments: number;
	help: number;
	signals: number;
	total: number;
}

export interface SocialMap {
	rows: MapTeam[];
	cols: MapTeam[];
	cells: Record<string, Record<string, Cell>>;
	max: number;
	isolated: MapCard[];
}

export interface Period {
	from: number;
	to: number;
}

const emptyCell = (): Cell => ({ comments: 0, help: 0, signals: 0, total: 0 });

export function buildSocialMap(input: {
	teams: MapTeam[];
	memberships: MapMembership[];
	cards: MapCard[];
	contributions: Contribution[];
	period: Period;
}): SocialMap {
	const teams = [...input.teams].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	const known = new Set(teams.map((t) => t.id));
	const teamsOf = new Map<string, Set<string>>();
	for (const m of input.memberships) {
		if (!known.has(m.teamId)) continue;
		const set = teamsOf.get(m.userId) ?? new Set<string>();
		set.add(m.teamId);
		teamsOf.set(m.userId, set);
	}
	const cells: Record<string, Record<string, Cell>> = {};
	for (const from of teams) {
		const row: Record<string, Cell> = {};
		for (const to of teams) row[to.id] = emptyCell();
		cells[from.id] = row;
	}
	const owned = new Map<string, MapCard>();
	for (const card of input.cards) if (card.teamId && known.has(card.teamId)) owned.set(card.id, card);
	const touched = new Set<string>();
	for (const c of input.contributions) {
		if (c.deleted) continue;
		if (c.at < input.period.from || c.at >= input.period.to) continue;
		const card = owned.get(c.cardId);
		if (!card || !card.teamId) continue;
		const mine = teamsOf.get(c.personId);
		if (!mine || mine.has(card.teamId)) continue;
		touched.add(card.id);
		for (const from of mine) {
			const cell = cells[from]?.[card.teamId];
			if (!cell) continue;
			cell[c.kind] += 1;
			cell.total += 1;
		}
	}
	let max = 0;
	for (const row of Object.values(cells)) for (const cell of Object.values(row)) max = Math.max(max, cell.total);
	const isolated = [...owned.values()]
		.filter((card) => !touched.has(card.id))
		.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
	return { rows: teams, cols: teams, cells, max, isolated };
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayStart = (date: string | null): number | null => {
	if (!date || !DATE.test(date)) return null;
	const at = Date.parse(`${date}T00:00:00Z`);
	return Number.isNaN(at) ? null : at;
};
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The period from `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, `to` excluded); the last 30 days by default. */
export function parsePeriod(
	from: string | null,
	to: string | null,
	now: number
): Period & { fromDate: string; toDate: string } {
	const end = dayStart(to) ?? Math.floor(now / DAY) * DAY + DAY;
	let start = dayStart(from) ?? end - 30 * DAY;
	if (start >= end) start = end - DAY;
	return { from: start, to: end, fromDate: isoDay(start), toDate: isoDay(end) };
}
