import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { ApiCaller } from '../auth/api-tokens.ts';
import { authenticate } from './caller.ts';
import { ApiFailure, failureResponse } from './respond.ts';

/** An API endpoint: authenticated first, its ApiFailures answered as JSON errors. */
export function apiEndpoint(handle: (event: RequestEvent, caller: ApiCaller) => Promise<Response>): RequestHandler {
	return async (event) => {
		try {
			return await handle(event, await authenticate(event));
		} catch (failure) {
			if (failure instanceof ApiFailure) return failureResponse(failure);
			throw failure;
		}
	};
}
