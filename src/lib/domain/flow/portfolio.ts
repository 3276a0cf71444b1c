import { isFiniteNumber, progress } from '../method/progress.ts';
import type { Objective, OutcomeVerdict, Status } from '../method/types.ts';
import type { Stage } from '../stages.ts';

/** One initiative as the portfolio reads it (from the board document, on the server). */
export interface PortfolioCard {
	cardId: string;
	boardId: string;
	title: string;
	stage: Stage;
	/** null once concluded (see cardStatus). */
	status: Status | null;
	objective: Objective | undefined;
	/** The outcome's result when recorded, else the latest check-in's value, else null. */
	measured: number | null;
	verdict: OutcomeVerdict | null;
}

/** What the page shows of an initiative (the objective's long texts stay behind: the page ships less). */
export interface PortfolioLine extends Omit<PortfolioCard, 'objective'> {
	target: number | null;
	/** Share of the way from baseline to target (1 = reached), null when it cannot be told. */
	progress: number | null;
	/** Improvement in the objective's direction (measured − baseline, negated for a decrease), in its unit. */
	effect: number | null;
	unit: string;
}

export interface PortfolioGroup {
	objective: { id: string; boardId: string; title: string };
	lines: PortfolioLine[];
	/** The effects added up per unit: one total when the units agree, one per unit otherwise. */
	totals: { unit: string; effect: number; count: number }[];
}

export interface Portfolio {
	groups: PortfolioGroup[];
	/** Initiatives that serve no (existing) global objective. */
	unaligned: PortfolioLine[];
}

/** Groups the initiatives under the global objectives they serve, in the objectives' order. */
export function buildPortfolio(
	objectives: readonly { id: string; boardId: string; title: string }[],
	cards: readonly PortfolioCard[]
): Portfolio {
	const groups = new Map(objectives.map((o) => [o.id, { objective: o, lines: [] as PortfolioLine[] }]));
	const unaligned: PortfolioLine[] = [];
	for (const card of cards) {
		const line = toLine(card);
		const group = card.objective?.globalObjectiveId ? groups.get(card.objective.globalObjectiveId) : undefined;
		(group ? group.lines : unaligned).push(line);
	}
	return {
		groups: [...groups.values()].map((g) => ({ ...g, totals: totalsOf(g.lines) })),
		unaligned
	};
}

function toLine({ objective, ...card }: PortfolioCard): PortfolioLine {
	const unit = objective?.unit?.trim() ?? '';
	const target = objective?.target ?? null;
	if (!objective || card.measured === null) return { ...card, target, progress: null, effect: null, unit };
	const sign = objective.direction === 'decrease' ? -1 : 1;
	const effect = isFiniteNumber(objective.baseline) ? tidy(sign * (card.measured - objective.baseline)) : null;
	return { ...card, target, progress: progress(objective, card.measured), effect, unit };
}

/** Units compare without case or surrounding spaces ("€" and " € " agree; "€" and "k€" do not). */
function totalsOf(lines: readonly PortfolioLine[]): PortfolioGroup['totals'] {
	const totals = new Map<string, { unit: string; effect: number; count: number }>();
	for (const line of lines) {
		if (line.effect === null) continue;
		const key = line.unit.toLocaleLowerCase('fr');
		const total = totals.get(key) ?? { unit: line.unit, effect: 0, count: 0 };
		total.effect = tidy(total.effect + line.effect);
		total.count += 1;
		totals.set(key, total);
	}
	return [...totals.values()];
}

/** Drops binary noise (12.9 − 11.8 is 1.0999999999999996): six decimals are more than any unit needs. */
const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;
