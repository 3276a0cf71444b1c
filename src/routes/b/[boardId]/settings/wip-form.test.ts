import { describe, expect, it } from 'vitest';
import { parseWipForm } from './wip-form.ts';

const TEAM = 'team_sales_001';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

describe('parseWipForm', () => {
	it('reads whole numbers per stage and per team; empty or missing fields are no limit', () => {
		const parsed = parseWipForm(form({ 'stage-rollout': ' 5 ', 'stage-scope': '', [`team-${TEAM}`]: '2' }), [TEAM]);
		expect(parsed).toEqual({ limits: { stages: { rollout: 5 }, teams: { [TEAM]: 2 } } });
		expect(parseWipForm(form({}), [TEAM])).toEqual({ limits: { stages: {}, teams: {} } });
	});

	it('names every field in error and keeps what was typed', () => {
		const typed = { 'stage-ideas': '0', 'stage-review': '1.5', 'stage-objective': 'abc', [`team-${TEAM}`]: '1000' };
		const parsed = parseWipForm(form(typed), [TEAM]);
		expect(parsed).toMatchObject({
			errors: ['stage-ideas', 'stage-review', 'stage-objective', `team-${TEAM}`],
			values: typed
		});
	});

	it("ignores fields of teams that are not the organisation's", () => {
		expect(parseWipForm(form({ 'team-someone_elses_team': '3' }), [TEAM])).toEqual({
			limits: { stages: {}, teams: {} }
		});
	});
});
