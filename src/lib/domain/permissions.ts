/**
 * Who may do what, defined once. Organisation roles grant actions; on a board, a person's access
 * (edit, read or none) comes from the board's own rules (see boardAccess). Server code asks `can`
 * and `boardAccess`; pages only hide what these refuse anyway.
 */

export const ORG_ROLES = ['owner', 'manager', 'member', 'guest'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Roles an owner or manager may hand out; only an owner makes another owner. */
export const ASSIGNABLE_ROLES: Record<'owner' | 'manager', readonly OrgRole[]> = {
	owner: ['owner', 'manager', 'member', 'guest'],
	manager: ['member', 'guest']
};

export const ACTIONS = {
	/** The people and teams page: list people, manage teams and their members. */
	'org.admin': ['owner', 'manager'],
	/** Change someone's role or remove them (within ASSIGNABLE_ROLES). */
	'org.people': ['owner', 'manager'],
	'org.invite': ['owner', 'manager'],
	'board.create': ['owner', 'manager', 'member'],
	/** Rename a board, restrict it to teams or people, grant read-only access. */
	'board.manage': ['owner', 'manager'],
	/** Method settings and global objectives. */
	'board.settings': ['owner', 'manager'],
	/** Force a stage gate with a written reason. */
	'gate.override': ['owner', 'manager'],
	/** Start, lead and close a board's weekly stand-up. */
	'standup.facilitate': ['owner', 'manager'],
	/** Open the guest portal and leave feedback on cards shared with one's company. */
	'portal.use': ['guest']
} as const satisfies Record<string, readonly OrgRole[]>;
export type Action = keyof typeof ACTIONS;

export function can(role: OrgRole | null | undefined, action: Action): boolean {
	return role != null && (ACTIONS[action] as readonly OrgRole[]).includes(role);
}

export function isOrgRole(value: unknown): value is OrgRole {
	return typeof value === 'string' && (ORG_ROLES as readonly string[]).includes(value);
}

export type BoardLevel = 'edit' | 'read';
export type BoardAccessLevel = BoardLevel | 'none';

export interface BoardRules {
	/** 'organisation': every member may edit; 'restricted': only the listed teams and people. */
	visibility: 'organisation' | 'restricted';
}

/** One line of a board's access list, for a person or a team. */
export interface Grant {
	subject: 'user' | 'team';
	subjectId: string;
	level: BoardLevel;
}

/**
 * A person's access to a board of their organisation. Owners and managers always edit. A grant to
 * the person themselves wins (so a board open to all can still make someone an observer); then
 * an open board lets members edit; a restricted one gives the best of their teams' grants. Guests
 * never reach a board: they see the guest portal.
 */
export function boardAccess(
	role: OrgRole,
	rules: BoardRules,
	grants: readonly Grant[],
	userId: string,
	teamIds: readonly string[]
): BoardAccessLevel {
	if (role === 'guest') return 'none';
	if (role === 'owner' || role === 'manager') return 'edit';
	const own = grants.find((g) => g.subject === 'user' && g.subjectId === userId);
	if (own) return own.level;
	if (rules.visibility === 'organisation') return 'edit';
	const levels = grants.filter((g) => g.subject === 'team' && teamIds.includes(g.subjectId)).map((g) => g.level);
	if (levels.includes('edit')) return 'edit';
	return levels.includes('read') ? 'read' : 'none';
}
