import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json' with { type: 'json' };
import fr from '../../../messages/fr.json' with { type: 'json' };
import { SIGNAL_CHANNELS, SIGNAL_KINDS, SIGNAL_SENTIMENTS, SIGNAL_SOURCES } from '#lib/board/signals.ts';
import { CLOSE_REASONS } from '#lib/collab/provider.ts';
import type { MissingCode } from '#lib/domain/method/gates.ts';
import {
	ACTORS,
	CADENCES,
	CONFIDENCES,
	FORCES,
	OUTCOME_VERDICTS,
	RESOURCE_UNITS,
	VERDICTS
} from '#lib/domain/method/types.ts';
import { NOTIFICATION_KINDS } from '#lib/domain/notify.ts';
import { ORG_ROLES } from '#lib/domain/permissions.ts';
import { STAGES } from '#lib/domain/stages.ts';
import { label, LABELS, missingCodeLabel, stageLabel, statusLabel } from './labels.ts';

const MISSING = [
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
	'check-in',
	'phases',
	'decision'
] as const satisfies readonly Exclude<MissingCode, 'segments-too-many'>[];
/** Every code the app names, per table, from the lists that define them. */
const CODES: Record<keyof typeof LABELS, readonly string[]> = {
	stage: STAGES,
	status: [...CONFIDENCES, 'no-data'],
	cadence: CADENCES,
	verdict: VERDICTS,
	verdictHint: VERDICTS,
	outcome: OUTCOME_VERDICTS,
	actor: ACTORS,
	force: FORCES,
	forceRating: ['1', '2', '3', '4', '5'],
	resourceUnit: RESOURCE_UNITS,
	missing: MISSING,
	signalKind: SIGNAL_KINDS,
	signalSource: SIGNAL_SOURCES,
	signalChannel: SIGNAL_CHANNELS,
	signalSentiment: SIGNAL_SENTIMENTS,
	role: ORG_ROLES,
	inviteRole: ORG_ROLES,
	closeReason: CLOSE_REASONS,
	notificationSetting: NOTIFICATION_KINDS
};

const MESSAGES: Record<'fr' | 'en', Record<string, unknown>> = { fr, en };
const kinds = Object.keys(LABELS) as (keyof typeof LABELS)[];

describe('the labels of codes', () => {
	it('have one table per kind of code, each naming exactly the codes of its list', () => {
		expect(Object.keys(CODES).sort()).toEqual([...kinds].sort());
		for (const kind of kinds) expect(Object.keys(LABELS[kind]).sort(), kind).toEqual([...CODES[kind]].sort());
	});

	it('give every code a French and an English message, and say it in the language asked', () => {
		for (const kind of kinds)
			for (const code of CODES[kind]) {
				const message = (LABELS[kind] as Record<string, { name: string }>)[code];
				const key = message?.name ?? '';
				for (const locale of ['fr', 'en'] as const) {
					const text = MESSAGES[locale][key];
					expect(typeof text === 'string' && text.trim() !== '', `${kind} ${code}: ${key} in ${locale}.json`).toBe(
						true
					);
					expect(label(kind, code as never, locale), `${kind} ${code} in ${locale}`).toBe(text);
				}
			}
	});

	it('name a stage and a status in the language asked, whatever the reader’s', () => {
		expect(stageLabel('ideas', 'fr')).toBe('Idées & signaux');
		expect(stageLabel('ideas', 'en')).toBe('Ideas & signals');
		expect(statusLabel('off-track', 'fr')).toBe('Hors trajectoire');
		expect(statusLabel('off-track', 'en')).toBe('Off track');
	});

	it('show a stored gate code it does not know as it is', () => {
		expect(missingCodeLabel('a-code-from-the-future', 3)).toBe('a-code-from-the-future');
		expect(missingCodeLabel('toString', 3)).toBe('toString');
	});
});
