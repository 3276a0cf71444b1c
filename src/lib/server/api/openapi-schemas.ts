import { STAGES } from '#lib/domain/stages.ts';
import { CONFIDENCES } from '#lib/domain/method/types.ts';
import { SIGNAL_CHANNELS, SIGNAL_SENTIMENTS, SIGNAL_SOURCES } from '#lib/board/signals.ts';
import { COMMENT_BODY_MAX } from '#lib/board/comments.ts';
import { LIMITS } from '#lib/domain/validation.ts';

/** The OpenAPI document's component schemas (see openapi.ts), from the constants the valibot schemas use. */

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const date = { type: 'string', format: 'date' };
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });

export const schemas = {
	Error: {
		type: 'object',
		required: ['error'],
		properties: {
			error: {
				type: 'object',
				required: ['code', 'message'],
				properties: {
					code: str,
					message: str,
					fields: { type: 'object', additionalProperties: str, description: 'Field path → what is wrong' }
				}
			}
		}
	},
	Board: {
		type: 'object',
		properties: { id: str, name: str, visibility: str, access: { enum: ['edit', 'read'] }, updatedAt: time }
	},
	CardSummary: {
		type: 'object',
		properties: {
			id: str,
			title: str,
			stage: { enum: STAGES },
			archived: { type: 'boolean' },
			ownerId: nullable(str),
			teamId: nullable(str),
			updatedAt: time
		}
	},
	CardPage: {
		type: 'object',
		properties: { items: { type: 'array', items: ref('CardSummary') }, nextCursor: nullable(str) }
	},
	Card: {
		type: 'object',
		properties: {
			id: str,
			title: str,
			description: str,
			stage: { enum: STAGES },
			archived: { type: 'boolean' },
			createdAt: time,
			createdBy: str,
			ownerId: nullable(str),
			teamId: nullable(str),
			objective: { type: 'object' },
			outcome: { type: 'object' }
		}
	},
	NewCard: {
		type: 'object',
		required: ['title'],
		properties: {
			title: { type: 'string', minLength: 1, maxLength: LIMITS.title },
			description: { type: 'string', maxLength: LIMITS.description }
		}
	},
	Move: {
		type: 'object',
		required: ['stage'],
		properties: {
			stage: { enum: STAGES },
			index: { type: 'integer', minimum: 0, description: 'Place in the column; the end when absent' },
			overrideReason: { type: 'string', description: 'Owners and managers: force an unmet gate, with a written reason' }
		}
	},
	Comment: {
		type: 'object',
		properties: {
			id: str,
			parentId: nullable(str),
			authorId: str,
			body: str,
			createdAt: time,
			editedAt: nullable(time)
		}
	},
	NewComment: {
		type: 'object',
		required: ['body'],
		properties: { body: { type: 'string', minLength: 1, maxLength: COMMENT_BODY_MAX }, parentId: nullable(str) }
	},
	CheckIn: {
		type: 'object',
		properties: {
			id: str,
			date,
			value: { type: 'number' },
			confidence: { enum: CONFIDENCES },
			note: str,
			shared: { type: 'boolean' },
			by: str,
			recordedAt: time
		}
	},
	NewCheckIn: {
		type: 'object',
		required: ['date', 'value', 'confidence'],
		properties: {
			date,
			value: { type: 'number' },
			confidence: { enum: CONFIDENCES },
			note: str,
			shared: { type: 'boolean' }
		}
	},
	Signal: {
		type: 'object',
		properties: { id: str, kind: str, text: str, source: str, channel: str, sentiment: str, date, by: str, at: time }
	},
	NewSignal: {
		type: 'object',
		required: ['source', 'channel', 'sentiment', 'date', 'text'],
		properties: {
			source: { enum: SIGNAL_SOURCES },
			channel: { enum: SIGNAL_CHANNELS },
			sentiment: { enum: SIGNAL_SENTIMENTS },
			date,
			text: { type: 'string', minLength: 1 }
		}
	}
};
