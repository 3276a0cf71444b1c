import { createCard } from '../../src/lib/board/commands.ts';
import { setField } from '../../src/lib/board/section-commands.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { createTestBoard } from '../factories/accounts.ts';
import { connectClient, whenSynced } from '../factories/yclient.ts';
import { addCard, titlesIn } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

// A browser whose number formatter chokes on one value (as an engine without some Intl feature would):
// the card face that formats it throws while it renders. Injected into this test's page only.
const CHOKES_ON = 424_242;
function chokingNumberFormat(value: number): void {
	const proto = Intl.NumberFormat.prototype;
	const format = Object.getOwnPropertyDescriptor(proto, 'format')?.get;
	Object.defineProperty(proto, 'format', {
		get(this: Intl.NumberFormat) {
			const real = format?.call(this) as (n: number) => string;
			return (n: number) => {
				if (n === value) throw new RangeError(`this browser cannot format ${value}`);
				return real(n);
			};
		}
	});
}

test.describe('browser error layer', () => {
	test('a card face that throws shows a notice in its place; the board keeps working', async ({
		app,
		browser,
		member
	}) => {
		const boardId = await createTestBoard(app.db, member, 'Erreurs');
		const writer = connectClient(app.server.url, boardId, `session=${member.token}`);
		await whenSynced(writer);
		const [broken, fine] = [newId(), newId()];
		writer.doc.transact(() => {
			createCard(writer.doc, { id: broken, title: 'Vrac', stage: 'objective', rank: 'a0', createdBy: member.userId });
			createCard(writer.doc, { id: fine, title: 'Compost', stage: 'objective', rank: 'a1', createdBy: member.userId });
			for (const [id, baseline] of [
				[broken, CHOKES_ON],
				[fine, 10]
			] as const) {
				setField(writer.doc, id, 'metric', 'Déchets');
				setField(writer.doc, id, 'baseline', baseline);
				setField(writer.doc, id, 'target', 5);
			}
		});

		const { page } = await loggedInPage(browser, app, member);
		await page.addInitScript(chokingNumberFormat, CHOKES_ON);
		await gotoReady(page, `/b/${boardId}`);
		const tile = (title: string) => page.getByRole('button', { name: title, exact: true });
		await expect(tile('Vrac')).toContainText('Cette partie n’a pas pu s’afficher. Le reste de la page fonctionne.');
		await expect(tile('Compost')).toContainText('Déchets');
		await expect(tile('Compost')).not.toContainText('n’a pas pu');

		// The rest of the board still works: a new card appears, and live changes still arrive.
		await addCard(page, 'Idées', 'Tri sélectif');
		await expect(titlesIn(page, 'Idées')).toHaveText(['Tri sélectif']);
		// When the card's data changes, its face is tried again.
		writer.doc.transact(() => setField(writer.doc, broken, 'baseline', 12));
		await expect(tile('Vrac')).toContainText('Déchets');
		await expect(tile('Vrac')).not.toContainText('n’a pas pu');
		writer.destroy();
	});

	for (const [locale, text] of [
		['fr-FR', 'La requête n’a pas abouti. Vérifiez votre connexion et réessayez.'],
		['en-GB', 'The request did not go through. Check your connection and try again.']
	] as const) {
		test(`a request that gets no answer shows a toast (${locale})`, async ({ app, browser, member }) => {
			const { page } = await loggedInPage(browser, app, member, locale);
			await gotoReady(page, '/account');
			await page.route(
				(url) => url.pathname === '/account' && url.search.includes('/password'),
				(route) => route.abort('connectionrefused')
			);
			const form = page.locator('form[action="?/password"]');
			await form.getByRole('button').click();
			await expect(page.getByText(text)).toBeVisible();
		});
	}
});
