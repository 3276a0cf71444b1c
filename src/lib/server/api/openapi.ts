import { MAX_LIMIT } from './pages.ts';
import { ref, schemas } from './openapi-schemas.ts';

/**
 * The API's OpenAPI 3.1 document, written by hand here (paths) and in openapi-schemas.ts; its enums and limits come from
 * the same constants the valibot schemas use, so they cannot drift apart.
 */

const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const list = (item: string) => ({ type: 'object', properties: { items: { type: 'array', items: ref(item) } } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

const COMMON = {
	'401': err('Missing, unknown, expired or revoked token'),
	'404': err('No such board or card for this token'),
	'429': err('Too many requests with this token')
};
const WRITE = {
	...COMMON,
	'400': err('Invalid body: `fields` names each invalid field'),
	'403': err('Read-only token, or read-only access to the board')
};
const BOARD = [path('boardId')];
const CARD = [path('boardId'), path('cardId')];

export interface Operation {
	method: 'get' | 'post';
	path: string;
	summary: string;
}

const paths = {
	'/boards': {
		get: { summary: 'List the boards you may open', responses: { '200': ok('Boards', list('Board')), ...COMMON } }
	},
	'/boards/{boardId}': {
		get: { summary: 'Get a board', parameters: BOARD, responses: { '200': ok('The board', ref('Board')), ...COMMON } }
	},
	'/boards/{boardId}/cards': {
		get: {
			summary: 'List cards, a page at a time',
			parameters: [
				...BOARD,
				{
					name: 'cursor',
					in: 'query',
					schema: { type: 'string' },
					description: 'The `nextCursor` of the previous page'
				},
				{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 50 } }
			],
			responses: { '200': ok('A page of cards', ref('CardPage')), ...COMMON }
		},
		post: {
			summary: 'Create a card in Ideas & signals',
			parameters: BOARD,
			requestBody: body(ref('NewCard')),
			responses: { '201': ok('The card', ref('Card')), ...WRITE }
		}
	},
	'/boards/{boardId}/cards/{cardId}': {
		get: { summary: 'Get a card', parameters: CARD, responses: { '200': ok('The card', ref('Card')), ...COMMON } }
	},
	'/boards/{boardId}/cards/{cardId}/move': {
		post: {
			summary: 'Move a card to a stage, through its gates',
			parameters: CARD,
			requestBody: body(ref('Move')),
			responses: {
				'200': ok('The moved card', ref('Card')),
				'409': err('A gate is not met: `fields` lists what is missing'),
				...WRITE
			}
		}
	},
	'/boards/{boardId}/cards/{cardId}/comments': {
		get: {
			summary: "List a card's comments",
			parameters: CARD,
			responses: { '200': ok('Comments', list('Comment')), ...COMMON }
		},
		post: {
			summary: 'Comment on a card',
			parameters: CARD,
			requestBody: body(ref('NewComment')),
			responses: { '201': ok('The comment', ref('Comment')), ...WRITE }
		}
	},
	'/boards/{boardId}/cards/{cardId}/check-ins': {
		get: {
			summary: "List a card's check-ins",
			parameters: CARD,
			responses: { '200': ok('Check-ins', list('CheckIn')), ...COMMON }
		},
		post: {
			summary: 'Add a check-in',
			parameters: CARD,
			requestBody: body(ref('NewCheckIn')),
			responses: { '201': ok('The check-in', ref('CheckIn')), ...WRITE }
		}
	},
	'/boards/{boardId}/cards/{cardId}/signals': {
		get: {
			summary: "List a card's signals",
			parameters: CARD,
			responses: { '200': ok('Signals', list('Signal')), ...COMMON }
		},
		post: {
			summary: 'Record a signal from the field',
			parameters: CARD,
			requestBody: body(ref('NewSignal')),
			responses: { '201': ok('The signal', ref('Signal')), ...WRITE }
		}
	}
};

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Bouture API',
			version: '1',
			description:
				'Personal access tokens (account page) go in `Authorization: Bearer <token>`. Cookies do not authenticate this API.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
		paths
	};
}

/** Every operation, for the docs page. */
export function listOperations(): Operation[] {
	return Object.entries(paths).flatMap(([p, ops]) =>
		Object.entries(ops).map(([method, op]) => ({ method: method as Operation['method'], path: p, summary: op.summary }))
	);
}

/** The request bodies' fields, for the docs page. */
export function listRequestBodies(): { name: string; fields: { name: string; type: string; required: boolean }[] }[] {
	return ['NewCard', 'Move', 'NewComment', 'NewCheckIn', 'NewSignal'].map((name) => {
		const schema = schemas[name as keyof typeof schemas] as { required?: string[]; properties: Record<string, object> };
		const fields = Object.entries(schema.properties).map(([field, spec]) => ({
			name: field,
			type: describeType(spec),
			required: schema.required?.includes(field) ?? false
		}));
		return { name, fields };
	});
}

function describeType(spec: { enum?: readonly string[]; type?: string; format?: string; oneOf?: object[] }): string {
	if (spec.enum) return spec.enum.join(' | ');
	if (spec.oneOf) return spec.oneOf.map((s) => describeType(s)).join(' | ');
	return spec.format ?? spec.type ?? 'object';
}
