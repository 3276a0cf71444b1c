import type { RequestEvent } from '@sveltejs/kit';
import type { ApiCaller } from '../auth/api-tokens.ts';
import { authenticate } from './caller.ts';
import { ApiFailure, failureResponse } from './respond.ts';

/**
 * An API endpoint: authenticated first, its ApiFailures answered as JSON errors. Generic over the
 * route's own event type, so a handler sees its typed params.
 */
export function apiEndpoint<E extends RequestEvent>(
	handle: (event: E, caller: ApiCaller) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handle(event, await authenticate(event));
		} catch (failure) {
			if (failure instanceof ApiFailure) return failureResponse(failure);
			throw failure;
		}
	};
}
