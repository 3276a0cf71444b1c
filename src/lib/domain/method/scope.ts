import { isFiniteNumber } from './progress.ts';
import type { Resource, ResourceUnit } from './types.ts';

export interface ResourceTotal {
	unit: ResourceUnit;
	total: number;
}

/** Sum of the resources per unit, units in order of first use. Units differing only by case or
 * surrounding spaces are one unit ("Days" and "days "); amounts that are not finite are skipped. */
export function resourceTotals(resources: readonly Resource[] = []): ResourceTotal[] {
	const totals = new Map<string, ResourceTotal>();
	for (const { amount, unit } of resources) {
		const label = unit.trim();
		if (!isFiniteNumber(amount) || label === '') continue;
		const key = label.toLocaleLowerCase('en');
		const entry = totals.get(key) ?? { unit: label, total: 0 };
		entry.total += amount;
		totals.set(key, entry);
	}
	return [...totals.values()];
}
