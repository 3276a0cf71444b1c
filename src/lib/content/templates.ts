import * as v from 'valibot';
import { ACTORS, CADENCES, DIRECTIONS } from '#lib/domain/method/types.ts';
import type { InitiativeTemplate } from '#lib/domain/templates.ts';
import { Lines, parseContent } from './parse.ts';
import competitorSeoAudit from './templates/competitor-seo-audit.json' with { type: 'json' };
import customerFeedbackLoop from './templates/customer-feedback-loop.json' with { type: 'json' };
import energySavings from './templates/energy-savings.json' with { type: 'json' };
import ephemeralRange from './templates/ephemeral-range.json' with { type: 'json' };
import localSourcing from './templates/local-sourcing.json' with { type: 'json' };
import marketplaceExportTest from './templates/marketplace-export-test.json' with { type: 'json' };
import paymentDelayReduction from './templates/payment-delay-reduction.json' with { type: 'json' };
import repairServicePilot from './templates/repair-service-pilot.json' with { type: 'json' };
import supplierRiskAudit from './templates/supplier-risk-audit.json' with { type: 'json' };
import unsoldStockReduction from './templates/unsold-stock-reduction.json' with { type: 'json' };

/**
 * The initiative templates, one JSON file each in ./templates/ (plain imports, so Vite bundles them
 * for the browser and plain Node reads them too), checked when this module loads. Listed in the
 * order the template picker shows them.
 */
const FILES: Record<string, unknown> = {
	'local-sourcing': localSourcing,
	'energy-savings': energySavings,
	'customer-feedback-loop': customerFeedbackLoop,
	'supplier-risk-audit': supplierRiskAudit,
	'competitor-seo-audit': competitorSeoAudit,
	'marketplace-export-test': marketplaceExportTest,
	'repair-service-pilot': repairServicePilot,
	'ephemeral-range': ephemeralRange,
	'unsold-stock-reduction': unsoldStockReduction,
	'payment-delay-reduction': paymentDelayReduction
};

const Text = v.pipe(v.string(), v.nonEmpty());
const Localized = v.strictObject({ fr: Text, en: Text });
const Prompts = v.pipe(v.array(Localized), v.minLength(1), v.maxLength(3));

const TemplateFile = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug')),
	title: Localized,
	summary: Localized,
	description: v.strictObject({ fr: Lines, en: Lines }),
	strengths: Prompts,
	difficulties: Prompts,
	microEnvironment: v.record(v.picklist(ACTORS), Localized),
	metric: v.strictObject({ name: Localized, unit: Localized, direction: v.picklist(DIRECTIONS) }),
	phases: v.pipe(
		v.array(
			v.strictObject({
				name: Localized,
				weeks: v.pipe(v.number(), v.integer(), v.minValue(1)),
				cadence: v.picklist(CADENCES)
			})
		),
		v.minLength(1),
		v.maxLength(3)
	)
});

/** One template file's data, checked; `name` is its file name without `.json`, which must be its id. */
export function parseTemplate(data: unknown, name: string): InitiativeTemplate {
	const file = `src/lib/content/templates/${name}.json`;
	const template: InitiativeTemplate = parseContent(TemplateFile, data, file);
	if (template.id !== name) throw new Error(`Malformed content file\n${file}: id: must be the file name, "${name}"`);
	return template;
}

export const TEMPLATES: readonly InitiativeTemplate[] = Object.entries(FILES).map(([name, data]) =>
	parseTemplate(data, name)
);

export function findTemplate(id: string): InitiativeTemplate | null {
	return TEMPLATES.find((template) => template.id === id) ?? null;
}
