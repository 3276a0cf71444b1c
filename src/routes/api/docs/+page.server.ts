import { listOperations, listRequestBodies } from '#lib/server/api/openapi.ts';
import type { PageServerLoad } from './$types';

/** The OpenAPI document, rendered on the server (see the README for why no client-side renderer). */
export const load: PageServerLoad = () => ({ operations: listOperations(), bodies: listRequestBodies() });
