import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { SignupInput } from '#lib/domain/validation.ts';
import { isCommonPassword } from '#lib/server/auth/common-passwords.ts';
import { hit, RATE_LIMITS } from '#lib/server/rate-limit.ts';
import { createAccountWithOrganization } from '#lib/server/services/accounts.ts';
import { signupTakenMail } from './signup-taken-mail.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/boards');
};

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = await request.formData();
		const echo = {
			name: String(form.get('name') ?? '').slice(0, 200),
			email: String(form.get('email') ?? '').slice(0, 300),
			organization: String(form.get('organization') ?? '').slice(0, 200)
		};
		const { db, mail } = locals;
		const limit = await hit(db, RATE_LIMITS.signupsPerIp, getClientAddress());
		if (!limit.ok) return fail(429, { ...echo, invalid: [], seconds: Math.ceil(limit.retryAfterMs / 1000) });
		const parsed = v.safeParse(SignupInput, { ...echo, password: form.get('password') });
		if (!parsed.success) {
			const field = v.flatten<typeof SignupInput>(parsed.issues).nested ?? {};
			return fail(400, { ...echo, invalid: Object.keys(field) });
		}
		if (isCommonPassword(parsed.output.password)) return fail(400, { ...echo, invalid: ['password'], common: true });
		// A new address and a registered one get the same answer (and the same password hashing time), so
		// sign-up never tells who has an account: the newcomer logs in next; a registered address's owner
		// hears of the attempt by e-mail instead.
		const account = await createAccountWithOrganization(db, parsed.output);
		if (!account) {
			const login = new URL('/login', url.origin).href;
			await mail.enqueue(db, signupTakenMail(parsed.output.email, login));
		}
		redirect(303, '/login?signup=check');
	}
};
