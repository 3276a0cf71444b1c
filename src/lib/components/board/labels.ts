import * as v from 'valibot';
import { m } from '#lib/paraglide/messages.js';
import type { Stage } from '#lib/domain/stages.ts';
import { CardTitle, LIMITS } from '#lib/domain/validation.ts';

const STAGE_LABELS: Record<Stage, () => string> = {
	ideas: m.board_stage_ideas,
	review: m.board_stage_review,
	objective: m.board_stage_objective,
	scope: m.board_stage_scope,
	rollout: m.board_stage_rollout,
	outcome: m.board_stage_outcome
};

/** The stage's name in the user's language. */
export function stageLabel(stage: Stage): string {
	return STAGE_LABELS[stage]();
}

/** What is wrong with a card title, in the user's language, or null when it is fine. */
export function titleError(title: string): string | null {
	if (v.safeParse(CardTitle, title).success) return null;
	return title.trim() === '' ? m.card_title_required() : m.card_title_too_long({ max: LIMITS.title });
}
