import type { Missing } from '#lib/domain/method/gates.ts';

/** The anchor of the section that fills the missing item, in the card's page. */
export function missingAnchor(missing: Missing): string {
	return missing.code === 'check-in' ? 'check-ins' : missing.section;
}
