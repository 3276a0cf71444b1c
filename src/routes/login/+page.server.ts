import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { LoginInput } from '#lib/domain/validation.ts';
import { startSession } from '#lib/server/auth/login.ts';
import { FREE_FAILURES } from '#lib/server/rate-limit.ts';
import { checkLogin } from '#lib/server/services/accounts.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/boards');
	// After a sign-up with an address that may already have an account (see the sign-up action).
	return { signupNotice: url.searchParams.get('signup') === 'check' };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').slice(0, 300);
		const parsed = v.safeParse(LoginInput, { email, password: form.get('password') });
		if (!parsed.success) return fail(400, { email, error: 'invalid_credentials' as const });
		const { db } = locals;
		const result = await checkLogin(db, parsed.output.email, parsed.output.password, getClientAddress());
		if (!result.ok && result.retryAfterMs > 0) {
			return fail(429, { email, error: 'throttled' as const, seconds: Math.ceil(result.retryAfterMs / 1000) });
		}
		if (!result.ok) return fail(400, { email, error: 'invalid_credentials' as const });
		await startSession(db, cookies, url, result.userId, request.headers.get('user-agent'));
		// Someone tried this account's password: its owner hears of it first thing.
		if (result.failedAttempts >= FREE_FAILURES) redirect(303, `/account?failed=${result.failedAttempts}`);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};

/** Only same-site paths: never an open redirect. */
function safeNext(next: string | null): string {
	return next && /^\/(?!\/)[\w\-/]*$/.test(next) ? next : '/boards';
}
