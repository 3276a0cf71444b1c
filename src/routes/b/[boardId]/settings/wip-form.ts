import * as v from 'valibot';
import { STAGES } from '#lib/domain/stages.ts';
import { MAX_WIP_LIMIT, WipLimitsInput, type WipLimits } from '#lib/domain/method/wip-limits.ts';

/** One limit field: empty is "no limit", else a whole number from 1 to MAX_WIP_LIMIT. */
const LimitField = v.union([
	v.pipe(
		v.string(),
		v.trim(),
		v.empty(),
		v.transform(() => undefined)
	),
	v.pipe(v.string(), v.trim(), v.regex(/^\d+$/), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(MAX_WIP_LIMIT))
]);

export type WipFormResult = { limits: WipLimits } | { errors: string[]; values: Record<string, string> };

/**
 * The limits typed in the settings form: fields `stage-{stage}` and `team-{teamId}` (only the
 * organisation's teams). Returns the limits, or the names of the fields in error with what was typed.
 */
export function parseWipForm(form: FormData, teamIds: readonly string[]): WipFormResult {
	const values: Record<string, string> = {};
	const errors: string[] = [];
	const read = (name: string): number | undefined => {
		const raw = form.get(name);
		values[name] = typeof raw === 'string' ? raw : '';
		const parsed = v.safeParse(LimitField, values[name]);
		if (!parsed.success) errors.push(name);
		return parsed.success ? parsed.output : undefined;
	};
	const stages: WipLimits['stages'] = {};
	for (const stage of STAGES) {
		const limit = read(`stage-${stage}`);
		if (limit !== undefined) stages[stage] = limit;
	}
	const teams: WipLimits['teams'] = {};
	for (const id of teamIds) {
		const limit = read(`team-${id}`);
		if (limit !== undefined) teams[id] = limit;
	}
	if (errors.length > 0) return { errors, values };
	const parsed = v.safeParse(WipLimitsInput, { stages, teams });
	return parsed.success ? { limits: parsed.output } : { errors: ['teams'], values };
}
