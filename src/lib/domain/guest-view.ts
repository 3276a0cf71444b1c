import * as v from 'valibot';
import { isIsoDate } from './method/dates.ts';
import { CONFIDENCES, DIRECTIONS, type IsoDate } from './method/types.ts';
import { STAGES } from './stages.ts';

/**
 * The shape of what a guest may see of a card (built by the server's projection, shown by the guest
 * portal): its title, the objective's numbers, its stage and current rollout phase, its progress, and
 * the check-ins marked for guests. Nothing else.
 */

/** At most this many public check-ins, newest first. */
export const GUEST_CHECK_INS = 24;

const nullableNumber = v.nullable(v.pipe(v.number(), v.finite()));
export const GuestViewSchema = v.object({
	title: v.string(),
	stage: v.picklist(STAGES),
	phase: v.nullable(v.string()),
	objective: v.object({
		metric: v.nullable(v.string()),
		unit: v.nullable(v.string()),
		direction: v.picklist(DIRECTIONS),
		baseline: nullableNumber,
		target: nullableNumber,
		deadline: v.nullable(v.custom<IsoDate>(isIsoDate))
	}),
	progress: nullableNumber,
	checkIns: v.array(
		v.object({
			date: v.custom<IsoDate>(isIsoDate),
			value: v.pipe(v.number(), v.finite()),
			confidence: v.picklist(CONFIDENCES),
			note: v.string()
		})
	)
});
export type GuestView = v.InferOutput<typeof GuestViewSchema>;
