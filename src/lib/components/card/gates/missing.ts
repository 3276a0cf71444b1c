import { m } from '#lib/paraglide/messages.js';
import type { Missing, MissingCode } from '#lib/domain/method/gates.ts';

/** What a card lacks, in the user's language: one exact sentence per missing item. */
export function missingLabel(missing: Missing): string {
	switch (missing.code) {
		case 'strengths':
			return m.gate_missing_strengths();
		case 'difficulties':
			return m.gate_missing_difficulties();
		case 'metric':
			return m.gate_missing_metric();
		case 'baseline':
			return m.gate_missing_baseline();
		case 'target':
			return m.gate_missing_target();
		case 'target-direction':
			return missing.direction === 'increase' ? m.gate_missing_target_above() : m.gate_missing_target_below();
		case 'deadline':
			return m.gate_missing_deadline();
		case 'owner':
			return m.gate_missing_owner();
		case 'team':
			return m.gate_missing_team();
		case 'segments':
			return m.gate_missing_segments();
		case 'segments-too-many':
			return m.gate_missing_segments_too_many({ max: missing.max });
		case 'check-in':
			return m.gate_missing_check_in();
		case 'phases':
			return m.gate_missing_phases();
		case 'decision':
			return m.gate_missing_decision();
	}
}

/** The anchor of the section that fills the missing item, in the card's page. */
export function missingAnchor(missing: Missing): string {
	return missing.code === 'check-in' ? 'check-ins' : missing.section;
}

const CODES: ReadonlySet<string> = new Set<MissingCode>([
	'strengths',
	'difficulties',
	'metric',
	'baseline',
	'target',
	'target-direction',
	'deadline',
	'owner',
	'team',
	'segments',
	'segments-too-many',
	'check-in',
	'phases',
	'decision'
]);

/** The wording of a stored code (gate flags and overrides keep codes only). */
export function missingCodeLabel(code: string, maxSegments: number): string {
	if (!CODES.has(code)) return code;
	if (code === 'target-direction') return m.gate_missing_target_direction();
	// The section does not change the wording; the code and the board's maximum do.
	return missingLabel({ code, section: 'review', max: maxSegments } as Missing);
}
