import * as v from 'valibot';

/** Shared input rules: the same limits for forms, endpoints and the board document. */
export const LIMITS = {
	title: 200,
	boardName: 80,
	personName: 80,
	email: 254,
	passwordMin: 10,
	passwordMax: 256,
	description: 20_000
} as const;

const trimmed = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const CardTitle = trimmed(LIMITS.title);
export const BoardName = trimmed(LIMITS.boardName);
export const PersonName = trimmed(LIMITS.personName);
export const OrganizationName = trimmed(LIMITS.boardName);
export const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email());
export const Password = v.pipe(v.string(), v.minLength(LIMITS.passwordMin), v.maxLength(LIMITS.passwordMax));

export const LoginInput = v.object({ email: Email, password: v.pipe(v.string(), v.minLength(1)) });
export const SignupInput = v.object({
	name: PersonName,
	email: Email,
	password: Password,
	organization: OrganizationName
});

/** Board and card ids: nanoid alphabet, long enough to be unguessable. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

export function isId(value: unknown): value is string {
	return typeof value === 'string' && ID_PATTERN.test(value);
}
