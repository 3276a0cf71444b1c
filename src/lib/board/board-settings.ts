import * as v from 'valibot';
import * as Y from 'yjs';
import { isRank, sortRanked } from '#lib/domain/ordering.ts';
import { isTimeZone } from '#lib/domain/method/dates.ts';
import { MethodSettingsInput } from '#lib/domain/method/schemas.ts';
import { DEFAULT_METHOD_SETTINGS, type MethodSettings } from '#lib/domain/method/types.ts';
import { LIMITS } from '#lib/domain/validation.ts';

/**
 * Board-wide parts of the document, written only by the server on a manager's request (the board
 * settings page), read by everyone: the method's settings and the global objectives.
 */

export interface BoardSettings extends MethodSettings {
	/** Where "today" is for check-in due dates. */
	timeZone: string;
}

export interface GlobalObjective {
	id: string;
	title: string;
	rank: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const MAX_GLOBAL_OBJECTIVES = 12;

const ObjectiveRecord = v.object({
	title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
	rank: v.custom<string>(isRank)
});

export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('settings');
}

export function objectivesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('objectives');
}

export function readSettings(doc: Y.Doc): BoardSettings {
	const map = settingsMap(doc);
	// Each setting on its own: one bad value falls back to its default without taking the others along.
	const valid = <K extends keyof MethodSettings>(key: K): MethodSettings[K] => {
		const parsed = v.safeParse(MethodSettingsInput, { [key]: map.get(key) ?? undefined });
		return parsed.success ? parsed.output[key] : DEFAULT_METHOD_SETTINGS[key];
	};
	const zone = map.get('timeZone');
	return {
		maxSegments: valid('maxSegments'),
		tolerance: valid('tolerance'),
		timeZone: typeof zone === 'string' && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE
	};
}

export function writeSettings(doc: Y.Doc, settings: BoardSettings): void {
	const map = settingsMap(doc);
	doc.transact(() => {
		for (const [key, value] of Object.entries(settings)) if (map.get(key) !== value) map.set(key, value);
	});
}

export function readObjectives(doc: Y.Doc): GlobalObjective[] {
	const objectives: GlobalObjective[] = [];
	for (const [id, value] of objectivesMap(doc).entries()) {
		const parsed = v.safeParse(ObjectiveRecord, value);
		if (parsed.success) objectives.push({ id, ...parsed.output });
	}
	return sortRanked(objectives);
}

export function putObjective(doc: Y.Doc, { id, title, rank }: GlobalObjective): void {
	objectivesMap(doc).set(id, { title, rank });
}

export function removeObjective(doc: Y.Doc, id: string): void {
	objectivesMap(doc).delete(id);
}
