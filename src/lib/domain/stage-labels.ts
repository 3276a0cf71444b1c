import { m } from '#lib/paraglide/messages.js';
import type { Stage } from './stages.ts';

type Locale = 'fr' | 'en';

const STAGE_LABELS: Record<Stage, (inputs: object, options?: { locale?: Locale }) => string> = {
	ideas: m.board_stage_ideas,
	review: m.board_stage_review,
	objective: m.board_stage_objective,
	scope: m.board_stage_scope,
	rollout: m.board_stage_rollout,
	outcome: m.board_stage_outcome
};

/** The stage's name in `locale`, or in the user's language. */
export function stageLabel(stage: Stage, locale?: Locale): string {
	return STAGE_LABELS[stage]({}, locale ? { locale } : {});
}
