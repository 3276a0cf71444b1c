import { json, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';

/**
 * The API's one error shape: `{ error: { code, message, fields? } }`, `fields` naming each invalid
 * field by its path (`stage`, `checkIn.value`). Handlers throw ApiFailure; `answer` turns it into JSON.
 */
export class ApiFailure extends Error {
	readonly status: number;
	readonly code: string;
	readonly fields: Record<string, string> | undefined;
	readonly headers: Record<string, string>;

	constructor(
		status: number,
		code: string,
		message: string,
		extra: { fields?: Record<string, string>; headers?: Record<string, string> } = {}
	) {
		super(message);
		this.status = status;
		this.code = code;
		this.fields = extra.fields;
		this.headers = extra.headers ?? {};
	}
}

export const notFound = () => new ApiFailure(404, 'not_found', 'No such resource, or not yours to see.');
export const forbidden = (message: string) => new ApiFailure(403, 'forbidden', message);

export function failureResponse(failure: ApiFailure): Response {
	const { code, message, fields } = failure;
	return json(
		{ error: { code, message, ...(fields ? { fields } : {}) } },
		{ status: failure.status, headers: failure.headers }
	);
}

/** Each issue under its field's dotted path ('body' for the document as a whole), first message kept. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of issues) fields[v.getDotPath(issue) ?? 'body'] ??= issue.message;
	return fields;
}

/** The parsed value, or a 400 naming every invalid field. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const parsed = v.safeParse(schema, input);
	if (parsed.success) return parsed.output;
	throw new ApiFailure(400, 'validation_failed', 'Some fields are invalid.', { fields: fieldErrors(parsed.issues) });
}

const MAX_BODY = 64 * 1024;

/** The request's JSON body validated against `schema`. */
export async function readBody<S extends v.GenericSchema>(event: RequestEvent, schema: S): Promise<v.InferOutput<S>> {
	const text = await event.request.text();
	if (text.length > MAX_BODY) throw new ApiFailure(413, 'too_large', `The body exceeds ${MAX_BODY} bytes.`);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ApiFailure(400, 'invalid_json', 'The body is not valid JSON.');
	}
	return validate(schema, body);
}
