import type { HandleClientError } from '@sveltejs/kit/hooks';
import { toast } from 'svelte-sonner';
import { m } from '#lib/paraglide/messages.js';

/**
 * The browser's one error layer: an unexpected error in a navigation or a form submission (the server
 * unreachable, a proxy's error page, a bug) is shown as a toast in the person's language, besides
 * SvelteKit's error page. Errors our own code raises on purpose (`error(…)`) and unknown addresses
 * have their page already. Errors inside a part of a page stay in that part (ui/PartBoundary.svelte).
 */
export const handleError: HandleClientError = (caught) => {
	if (caught.kind === 'app' || (caught.kind === 'framework' && caught.error.status === 404)) return;
	console.error(caught.error);
	// fetch() rejects with a TypeError when the request never got an answer.
	const unreachable = caught.kind === 'unknown' && caught.error instanceof TypeError;
	const message = unreachable ? m.error_request_failed() : m.error_unexpected();
	toast.error(message);
	return { message };
};
