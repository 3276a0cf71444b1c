import { json } from '@sveltejs/kit';
import { openApiDocument } from '#lib/server/api/openapi.ts';
import type { RequestHandler } from './$types';

/** Public: the document describes the API, it opens nothing. */
export const GET: RequestHandler = ({ url }) => json(openApiDocument(url.origin));
