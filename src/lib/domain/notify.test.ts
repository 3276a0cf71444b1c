import { describe, expect, it } from 'vitest';
import { routeNotifications, type RoutedEvent } from './notify.ts';

const card = { ownerId: 'owner', followers: ['owner', 'fan'] };
const sorted = (list: { userId: string; kind: string }[]) => [...list].sort((a, b) => a.userId.localeCompare(b.userId));

describe('routeNotifications', () => {
	it('tells mentioned people and the author replied to; followers hear nothing of comments', () => {
		const event: RoutedEvent = { kind: 'comment', actorId: 'ann', card, mentions: ['bob'], parentAuthorId: 'cat' };
		expect(sorted(routeNotifications(event))).toEqual([
			{ userId: 'bob', kind: 'mention' },
			{ userId: 'cat', kind: 'reply' }
		]);
	});
	it('gives one notification per person, the most specific kind', () => {
		const event: RoutedEvent = {
			kind: 'comment',
			actorId: 'ann',
			card,
			mentions: ['cat', 'cat'],
			parentAuthorId: 'cat'
		};
		expect(routeNotifications(event)).toEqual([{ userId: 'cat', kind: 'mention' }]);
	});
	it('never notifies the actor', () => {
		const comment: RoutedEvent = { kind: 'comment', actorId: 'ann', card, mentions: ['ann'], parentAuthorId: 'ann' };
		expect(routeNotifications(comment)).toEqual([]);
		const moved: RoutedEvent = { kind: 'moved', actorId: 'owner', card };
		expect(routeNotifications(moved)).toEqual([{ userId: 'fan', kind: 'stage' }]);
	});
	it('sends a help request to the team, a mention beating help', () => {
		const event: RoutedEvent = {
			kind: 'help',
			actorId: 'ann',
			card,
			teamMembers: ['ann', 'bob', 'cat'],
			mentions: ['cat']
		};
		expect(sorted(routeNotifications(event))).toEqual([
			{ userId: 'bob', kind: 'help' },
			{ userId: 'cat', kind: 'mention' }
		]);
	});
	it('tells the owner of check-ins due or missed, not the followers', () => {
		for (const kind of ['check-in-due', 'check-in-missed'] as const) {
			expect(routeNotifications({ kind, actorId: null, card })).toEqual([{ userId: 'owner', kind: 'check-in' }]);
		}
		expect(
			routeNotifications({ kind: 'check-in-due', actorId: null, card: { ownerId: null, followers: ['fan'] } })
		).toEqual([]);
	});
	it('tells the owner and followers of a signal, the owner even after unfollowing', () => {
		const event: RoutedEvent = { kind: 'signal', actorId: 'guest', card: { ownerId: 'owner', followers: ['fan'] } };
		expect(sorted(routeNotifications(event))).toEqual([
			{ userId: 'fan', kind: 'signal' },
			{ userId: 'owner', kind: 'signal' }
		]);
	});
	it('tells the asker when their help request closes, unless they closed it themselves', () => {
		const answered: RoutedEvent = { kind: 'help-closed', actorId: 'bob', card, askerId: 'ann' };
		expect(routeNotifications(answered)).toEqual([{ userId: 'ann', kind: 'help-closed' }]);
		expect(routeNotifications({ ...answered, actorId: 'ann' })).toEqual([]);
		expect(routeNotifications({ ...answered, askerId: null })).toEqual([]);
	});
	it('tells followers of a stage change', () => {
		expect(sorted(routeNotifications({ kind: 'moved', actorId: 'x', card }))).toEqual([
			{ userId: 'fan', kind: 'stage' },
			{ userId: 'owner', kind: 'stage' }
		]);
	});
	it('respects each person’s settings, a switched-off kind giving nothing', () => {
		const event: RoutedEvent = {
			kind: 'comment',
			actorId: 'ann',
			card,
			mentions: ['bob', 'cat'],
			parentAuthorId: 'cat'
		};
		const settings: Record<string, { mention?: boolean }> = { cat: { mention: false }, bob: { mention: true } };
		expect(routeNotifications(event, (id) => settings[id])).toEqual([{ userId: 'bob', kind: 'mention' }]);
	});
});
