import type { MethodCard } from './types.ts';

/**
 * Test-only: a card that meets every gate. Weekly pilot from 2026-01-05; objective from 0 to 100 by
 * 2026-04-15 (100 days later), so the planned line is one unit per day.
 */
export function completeCard(): Required<Omit<MethodCard, 'outcome'>> {
	return {
		review: { strengths: ['Loyal clients'], difficulties: ['Small team'] },
		objective: {
			metric: 'Repeat orders',
			unit: '%',
			direction: 'increase',
			baseline: 0,
			target: 100,
			deadline: '2026-04-15'
		},
		scope: { ownerId: 'user_0123456789', teamId: 'team_0123456789', segments: ['Bakeries'] },
		rollout: {
			phases: [
				{
					name: 'Pilot',
					segments: ['Bakeries'],
					start: '2026-01-05',
					end: '2026-03-29',
					cadence: 'weekly',
					decision: { verdict: 'go', date: '2026-03-29', reason: 'Orders up' }
				}
			]
		},
		checkIns: [{ date: '2026-01-12', value: 7, confidence: 'on-track', note: '' }]
	};
}
