/** The method's stages, in board order (left to right). */
export const STAGES = ['ideas', 'review', 'objective', 'scope', 'rollout', 'outcome'] as const;

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
	return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function stageIndex(stage: Stage): number {
	return STAGES.indexOf(stage);
}

/** The stage `offset` columns away, or null past either end of the board. */
export function neighbourStage(stage: Stage, offset: number): Stage | null {
	return STAGES[stageIndex(stage) + offset] ?? null;
}
