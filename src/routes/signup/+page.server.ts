import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { SignupInput } from '#lib/domain/validation.ts';
import { startSession } from '#lib/server/auth/login.ts';
import { getRuntime } from '#lib/server/runtime.ts';
import { createAccountWithOrganization } from '#lib/server/services/accounts.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/boards');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const echo = {
			name: String(form.get('name') ?? '').slice(0, 200),
			email: String(form.get('email') ?? '').slice(0, 300),
			organization: String(form.get('organization') ?? '').slice(0, 200)
		};
		const parsed = v.safeParse(SignupInput, { ...echo, password: form.get('password') });
		if (!parsed.success) {
			const field = v.flatten<typeof SignupInput>(parsed.issues).nested ?? {};
			return fail(400, { ...echo, invalid: Object.keys(field) });
		}
		const { db } = getRuntime();
		const account = await createAccountWithOrganization(db, parsed.output);
		if (!account) return fail(409, { ...echo, invalid: [], taken: true });
		await startSession(db, cookies, url, account.userId, request.headers.get('user-agent'));
		redirect(303, '/boards');
	}
};
