import type { Stage } from '../stages.ts';

/** Words of list names, in French and English, and the stage they suggest (first match wins). */
const HINTS: readonly [Stage, readonly string[]][] = [
	['outcome', ['done', 'termine', 'fini', 'fait', 'outcome', 'resultat', 'bilan', 'archive', 'closed', 'clos']],
	['rollout', ['doing', 'in progress', 'en cours', 'rollout', 'deploiement', 'pilot', 'test', 'wip']],
	['scope', ['scope', 'perimetre', 'planned', 'planifie', 'ready', 'pret', 'next', 'a venir', 'sprint']],
	['objective', ['objective', 'objectif', 'goal', 'kpi', 'metric', 'indicateur']],
	['review', ['review', 'revue', 'analyse', 'analysis', 'etudi', 'a voir', 'evaluat', 'discovery', 'triage']],
	['ideas', ['idea', 'idee', 'backlog', 'inbox', 'todo', 'to do', 'a faire', 'signal', 'suggestion']]
];

/** The stage a Trello list most likely is, from its name; ideas when nothing matches. */
export function guessStage(listName: string): Stage {
	const name = listName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	for (const [stage, words] of HINTS) if (words.some((word) => name.includes(word))) return stage;
	return 'ideas';
}
