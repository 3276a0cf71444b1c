import type { Locator, Page } from '@playwright/test';
import * as Y from 'yjs';
import { getCard } from '../../src/lib/board/schema.ts';
import { createCard } from '../../src/lib/board/commands.ts';
import { setField } from '../../src/lib/board/section-commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createColleague, createTestBoard, type Member } from '../factories/accounts.ts';
import { until } from '../factories/portal.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';
import { openBoard } from './board-helpers.ts';
import { insertTeams, openCard } from './card-helpers.ts';
import { expect, test, type App } from './fixtures.ts';

/** A card in Idées owned by `teamId`, written as a browser would; returns its id. */
async function writeTeamCard(app: App, who: Member, boardId: string, title: string, teamId: string) {
	const id = newId();
	const raw = connectClient(app.server.url, boardId, who.cookie);
	await whenSynced(raw);
	raw.doc.transact(() => {
		createCard(raw.doc, { id, title, stage: 'ideas', rank: 'a0', createdBy: who.userId });
		setField(raw.doc, id, 'teamId', teamId);
	});
	// Stored and projected before this client goes (its socket's last frames are not waited for otherwise).
	await until(
		async () => Boolean(await app.db.selectFrom('card').select('id').where('id', '=', id).executeTakeFirst()),
		'the card stored'
	);
	raw.destroy();
	return id;
}

const comments = (dialog: Locator) => dialog.getByTestId('comments');
const commentBy = (dialog: Locator, name: string) =>
	comments(dialog).getByRole('article', { name: `Commentaire de ${name}` });
const face = (page: Page, title: string) => page.getByRole('button', { name: title, exact: true });

async function post(dialog: Locator, body: string) {
	await comments(dialog).getByRole('textbox', { name: 'Votre commentaire' }).fill(body);
	await comments(dialog).getByRole('button', { name: 'Commenter' }).click();
}

test('a comment shows up live in another browser, with its edits, versions and deletion', async ({
	app,
	browser,
	member
}) => {
	const teams = await insertTeams(app.db, member.organizationId, ['Ventes', 'Logistique']);
	const bruno = await createColleague(app.db, member, 'Bruno');
	await app.db
		.insertInto('team_member')
		.values([
			{ team_id: teams.Ventes!, user_id: member.userId },
			{ team_id: teams.Logistique!, user_id: bruno.userId }
		])
		.execute();
	const boardId = await createTestBoard(app.db, member, 'Conversation');
	await writeTeamCard(app, member, boardId, 'Vrac en boutique', teams.Ventes!);
	const a = await openBoard(browser, app, member, boardId);
	const b = await openBoard(browser, app, bruno, boardId);
	const mine = await openCard(a.page, 'Vrac en boutique');
	const theirs = await openCard(b.page, 'Vrac en boutique');

	// Camille (Ventes, the owning team) comments: no badge. Bruno (Logistique) answers: "Autre équipe".
	await post(mine, 'On teste en **boutique** ?');
	await expect(commentBy(theirs, 'Camille')).toContainText('On teste en boutique ?');
	await expect(commentBy(theirs, 'Camille').locator('.body strong')).toHaveText('boutique');
	await expect(commentBy(theirs, 'Camille')).not.toContainText('Autre équipe');
	await commentBy(theirs, 'Camille').getByRole('button', { name: 'Répondre' }).click();
	await theirs.getByRole('textbox', { name: 'Votre réponse' }).fill('La _logistique_ peut aider');
	await theirs.getByRole('button', { name: 'Envoyer la réponse' }).click();
	const reply = commentBy(mine, 'Bruno');
	await expect(reply).toContainText('La logistique peut aider');
	await expect(reply).toContainText('Autre équipe · Logistique');
	await expect(mine.getByRole('heading', { name: /Commentaires/ })).toContainText('(2)');

	// Bruno edits: "modifié" for everyone; he sees the earlier version.
	await commentBy(theirs, 'Bruno').getByRole('button', { name: 'Modifier' }).click();
	await theirs.getByRole('textbox', { name: 'Modifier le commentaire' }).fill('La logistique livre mardi');
	await comments(theirs).getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(reply).toContainText('La logistique livre mardi');
	await expect(reply).toContainText('modifié');
	await commentBy(theirs, 'Bruno').getByRole('button', { name: 'Versions précédentes' }).click();
	await expect(
		commentBy(theirs, 'Bruno').getByRole('region', { name: 'Versions précédentes du commentaire' })
	).toContainText('La _logistique_ peut aider');

	// The count on the card face, live.
	await a.page.getByRole('button', { name: 'Fermer', exact: true }).click();
	await expect(face(a.page, 'Vrac en boutique').getByTestId('badge-comments')).toHaveText('2 commentaires');

	// Bruno deletes his reply: a placeholder stays, the count drops.
	b.page.once('dialog', (dialog) => void dialog.accept());
	await commentBy(theirs, 'Bruno').getByRole('button', { name: 'Supprimer' }).click();
	await expect(commentBy(theirs, 'Bruno')).toContainText('Commentaire supprimé');
	await expect(commentBy(theirs, 'Bruno')).not.toContainText('livre mardi');
	await expect(face(a.page, 'Vrac en boutique').getByTestId('badge-comments')).toHaveText('1 commentaire');
	for (const x of [a, b]) await x.context.close();
});

const XSS = [
	'<script>window.__xss=1;alert(1)</script>',
	'<img src=x onerror="window.__xss=1;alert(1)">',
	'[x](javascript:window.__xss=1)',
	'[x](JaVaScRiPt:alert(1))',
	'[x]( javascript:alert(1))',
	'[x](\tjavascript:alert(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'<svg onload="window.__xss=1;alert(1)">',
	'<a href="javascript:alert(1)">x</a>',
	'**bold** _it_ `code` - list'
];

test('an XSS corpus, through the form and through a raw Yjs update, renders inert', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Hostile');
	const cardId = await writeTeamCard(app, member, boardId, 'Cible', newId());
	const { page, context } = await openBoard(browser, app, member, boardId);
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	const card = await openCard(page, 'Cible');
	const area = comments(card);
	for (const [index, body] of XSS.entries()) {
		await post(card, body);
		await expect(area.getByRole('article')).toHaveCount(index + 1);
	}

	// Watch the whole page for anything dangerous appearing, even for an instant.
	await page.evaluate(() => {
		const danger = 'script, img, svg, iframe, math, object, embed, [onerror], [onload]';
		const w = window as unknown as { __dangerous: number };
		w.__dangerous = 0;
		// Only where user text is rendered: comment bodies (markdown) and card titles.
		const userText = '[data-testid="comments"] .body, [data-testid="card-title"]';
		new MutationObserver((mutations) => {
			for (const mutation of mutations)
				for (const node of mutation.addedNodes) {
					const inUserText = node.parentElement?.closest(userText);
					if (inUserText && node instanceof Element && (node.matches(danger) || node.querySelector(danger)))
						w.__dangerous++;
				}
		}).observe(document.body, { subtree: true, childList: true });
	});

	// A hostile client writes comment records straight into the board document, past the server's forms
	// (where comments used to live: nothing reads them there now; the feed, where they live, refuses
	// client writes), and hostile text into fields it may write (the title, the description). Whatever
	// reaches the page stays inert.
	const raw = connectClient(app.server.url, boardId, member.cookie);
	await whenSynced(raw);
	const target = getCard(raw.doc, cardId);
	if (!target) throw new Error('no card');
	const hostile = [
		...XSS,
		'<iframe src="javascript:alert(1)"></iframe>',
		'<math><a xlink:href="javascript:alert(1)">m</a></math>'
	];
	raw.doc.transact(() => {
		const map = new Y.Map<unknown>();
		target.set('comments', map);
		for (const body of hostile)
			map.set(newId(), {
				parentId: null,
				authorId: member.userId,
				body,
				createdAt: Date.now(),
				editedAt: null,
				deleted: false
			});
		map.set(newId(), { body: '<img src=x onerror=alert(1)>', html: '<script>alert(1)</script>' }); // malformed
		target.set('title', '<img src=x onerror="window.__xss=1">');
		const description = target.get('description');
		if (description instanceof Y.Text) description.insert(0, '<script>window.__xss=1</script>');
	});
	await expect(page.getByRole('button', { name: '<img src=x onerror="window.__xss=1">' })).toBeVisible();
	raw.destroy();

	// Nothing ran, nothing dangerous made it into the page: live, then again after a fresh load.
	const count = XSS.length;
	async function expectInert(region: Locator) {
		await expect(region.getByRole('article')).toHaveCount(count);
		const inBodies = region
			.locator('.body')
			.locator('script, img, svg, iframe, math, object, embed, [onerror], [onload]');
		expect(await inBodies.count()).toBe(0);
		expect(await page.getByTestId('card-title').locator('*').count()).toBe(0); // titles are plain text
		const hrefs = await region
			.locator('a[href]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.filter((href) => /^[^a-z]*(javascript|data|vbscript):/i.test(href))).toEqual([]);
		expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
		expect(dialogs).toEqual([]);
	}
	const renamed = comments(page.getByRole('dialog', { name: '<img src=x onerror="window.__xss=1">' }));
	await expectInert(renamed);
	expect(await page.evaluate(() => (window as unknown as { __dangerous: number }).__dangerous)).toBe(0);
	await page.reload();
	const reloaded = comments(page.getByRole('dialog', { name: '<img src=x onerror="window.__xss=1">' }));
	await expectInert(reloaded);

	// The markdown subset still works, and hostile HTML is shown as text.
	await expect(reloaded.locator('.body strong').first()).toHaveText('bold');
	await expect(reloaded.locator('.body em').first()).toHaveText('it');
	await expect(reloaded.locator('.body code').first()).toHaveText('code');
	await expect(reloaded.getByText('<script>window.__xss=1;alert(1)</script>').first()).toBeVisible();
	await context.close();
});
