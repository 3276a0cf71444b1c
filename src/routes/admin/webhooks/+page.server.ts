import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { isId } from '#lib/domain/validation.ts';
import { WEBHOOK_EVENTS } from '#lib/domain/webhook-events.ts';
import * as hooks from '#lib/server/webhooks/manage.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireAdmin } from '../admin.server.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { membership } = requireAdmin(locals, url);
	const boards = await locals.db
		.selectFrom('board')
		.select(['id', 'name'])
		.where('organization_id', '=', membership.organizationId)
		.orderBy('name')
		.execute();
	return { webhooks: await hooks.listWebhooks(locals.db, membership.organizationId), boards, events: WEBHOOK_EVENTS };
};

/** The organisation and the webhook named by the form (404 when it is not one of theirs). */
async function target(event: RequestEvent): Promise<{ organizationId: string; id: string }> {
	const { membership } = requireAdmin(event.locals, event.url);
	const id = (await event.request.formData()).get('webhookId');
	if (!isId(id)) error(404);
	return { organizationId: membership.organizationId, id };
}

export const actions: Actions = {
	create: async (event) => {
		const { user, membership } = requireAdmin(event.locals, event.url);
		const form = await event.request.formData();
		const input = { url: form.get('url') ?? '', events: form.getAll('events'), boardId: form.get('boardId') ?? '' };
		const parsed = v.safeParse(hooks.WebhookInput, input);
		const url = String(input.url).slice(0, hooks.WEBHOOK_URL_MAX);
		if (!parsed.success) {
			const field = v.getDotPath(parsed.issues[0])?.split('.')[0] ?? 'url';
			return fail(400, { action: 'create' as const, invalid: field, url });
		}
		const created = await hooks.createWebhook(event.locals.db, membership.organizationId, user.id, parsed.output);
		if (!created) error(404);
		return { action: 'create' as const, created: { id: created.id, secret: created.secret } };
	},
	test: async (event) => {
		const { organizationId, id } = await target(event);
		if (!(await hooks.sendTest(event.locals.db, organizationId, id))) error(404);
		return { action: 'test' as const, webhookId: id };
	},
	enable: async (event) => {
		const { organizationId, id } = await target(event);
		if (!(await hooks.enableWebhook(event.locals.db, organizationId, id))) error(404);
		return { action: 'enable' as const, webhookId: id };
	},
	delete: async (event) => {
		const { organizationId, id } = await target(event);
		if (!(await hooks.deleteWebhook(event.locals.db, organizationId, id))) error(404);
		return { action: 'delete' as const, webhookId: id };
	}
};
