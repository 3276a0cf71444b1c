import type { Page, Response } from '@playwright/test';
import { createTestBoard } from '../factories/accounts.ts';
import { createPerson } from '../factories/people.ts';
import { writeCards } from '../factories/portal.ts';
import { column, openBoard, seriousViolations } from './board-helpers.ts';
import { cardDialog, openCard, section } from './card-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

const SHARED = 'Vrac en boutique';
const SHARED_LATER = 'Consigne des bocaux';
const NOT_SHARED = 'Rachat du concurrent';
const OTHER_COMPANY = 'Livraison à vélo';
const DESCRIPTIONS = [
	'DESCRIPTION-VRAC-marge',
	'DESCRIPTION-CONSIGNE-cout',
	'DESCRIPTION-RACHAT-prix',
	'DESCRIPTION-VELO'
];
const PRIVATE_NOTE = 'NOTE-INTERNE-fournisseur';
const TYPED_LIVE = 'TAPE-EN-DIRECT-confidentiel';

/** Every byte the guest's browser received over HTTP (the event stream apart: it never ends). */
function recordTraffic(page: Page): { bodies: Promise<string>[]; sockets: string[] } {
	const traffic = { bodies: [] as Promise<string>[], sockets: [] as string[] };
	page.on('websocket', (ws) => traffic.sockets.push(ws.url()));
	page.on('response', (response: Response) => {
		if (response.url().endsWith('/events')) return;
		traffic.bodies.push(
			response.body().then(
				(body) => `${response.url()}\n${body.toString('utf8')}`,
				() => ''
			)
		);
	});
	return traffic;
}

/** The board's event stream as the guest receives it, read from Node with the guest's cookie. */
async function recordEventStream(url: string, cookie: string) {
	const controller = new AbortController();
	const res = await fetch(url, { headers: { Cookie: cookie }, signal: controller.signal });
	expect(res.status).toBe(200);
	let text = '';
	const reader = res.body!.getReader();
	const done = (async () => {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			text += new TextDecoder().decode(value);
		}
	})().catch(() => undefined);
	return {
		text: () => text,
		stop: async () => (controller.abort(), await done)
	};
}

test('a guest sees exactly the shared cards, live, and nothing else ever reaches their browser; their feedback becomes a signal and an idea', async ({
	app,
	browser,
	member
}) => {
	const guest = await createPerson(app.db, member.organizationId, 'Gaëlle', 'guest', 'Acme');
	await createPerson(app.db, member.organizationId, 'Bertrand', 'guest', 'Biocoop');
	const boardId = await createTestBoard(app.db, member, 'Épicerie');
	const [sharedId] = await writeCards(app.server.url, app.db, member, boardId, [
		{
			title: SHARED,
			description: DESCRIPTIONS[0],
			sharing: { mode: 'all' },
			checkIns: [
				{ value: 50, note: 'Premiers clients conquis', shared: true },
				{ value: 60, note: PRIVATE_NOTE, shared: false }
			]
		},
		{ title: SHARED_LATER, description: DESCRIPTIONS[1] },
		{ title: NOT_SHARED, description: DESCRIPTIONS[2] },
		{ title: OTHER_COMPANY, description: DESCRIPTIONS[3], sharing: { mode: 'companies', companies: ['Biocoop'] } }
	]);

	// The guest, every response recorded, and the board's event stream alongside.
	const { context: guestContext, page: portal } = await loggedInPage(browser, app, guest);
	const traffic = recordTraffic(portal);
	const events = await recordEventStream(`${app.server.url}/portal/${boardId}/events`, guest.cookie);
	await gotoReady(portal, '/portal');
	await portal.getByRole('link', { name: 'Épicerie' }).click();
	const titles = portal.getByRole('heading', { level: 2 });
	await expect(titles).toHaveText([SHARED]);
	await expect(portal.getByText('Premiers clients conquis')).toBeVisible();
	expect(await seriousViolations(portal)).toEqual([]);

	// A member shares a second card with the guest's company: the open portal shows it by itself.
	const owner = await openBoard(browser, app, member, boardId);
	const later = await openCard(owner.page, SHARED_LATER);
	const sharing = section(later, 'Partage avec les invités');
	await sharing.getByRole('radio', { name: 'Entreprises choisies' }).check();
	await expect(sharing.getByRole('checkbox')).toHaveCount(2); // Acme and Biocoop, the organisation's guests
	await sharing.getByRole('checkbox', { name: 'Acme' }).check();
	await expect(titles).toHaveText([SHARED, SHARED_LATER]);
	// Typing into a shared card's description sends the guest nothing of it.
	await later.getByRole('textbox', { name: 'Description' }).pressSequentially(` ${TYPED_LIVE}`);
	await later.getByRole('button', { name: 'Fermer', exact: true }).click();

	// The member keeps the first card open while the guest answers on it.
	const card = await openCard(owner.page, SHARED);
	const feedback = portal.getByRole('form', { name: `Votre retour sur « ${SHARED} »` });
	await feedback.getByRole('radio', { name: 'Ça ne marche pas pour nous' }).check();
	await feedback.getByRole('textbox', { name: 'Votre message' }).fill('Nos clients veulent des sachets kraft');
	await feedback.getByRole('button', { name: 'Envoyer' }).click();
	await expect(feedback.getByRole('status')).toHaveText('Merci ! Votre retour a été transmis à l’équipe.');

	const signals = section(card, 'Signaux des invités');
	await expect(signals.getByRole('listitem')).toHaveCount(1);
	expect(await seriousViolations(owner.page)).toEqual([]);
	await expect(signals).toContainText('Acme');
	await expect(signals).toContainText('Ça ne marche pas pour nous');
	await expect(signals).toContainText('Nos clients veulent des sachets kraft');
	await expect(owner.page.getByRole('button', { name: SHARED, exact: true })).toContainText('1 signal');

	// The member turns it into a new idea, which links back to the card.
	await signals.getByRole('button', { name: 'Transformer en nouvelle idée' }).click();
	await expect(signals).toContainText('Devenu une idée');
	const idea = 'Nos clients veulent des sachets kraft';
	await expect(column(owner.page, 'Idées').getByRole('button', { name: idea, exact: true })).toBeVisible();
	await signals.getByRole('link', { name: 'voir l’idée' }).click();
	const ideaCard = cardDialog(owner.page, idea);
	await expect(ideaCard.getByRole('textbox', { name: 'Description' })).toHaveValue(
		new RegExp(`Signal d’Acme .*« ${SHARED} »[\\s\\S]*/b/${boardId}/c/${sharedId}`)
	);

	// The board's signals inbox lists the guest's feedback too, with its company, words and card.
	await gotoReady(owner.page, `/b/${boardId}/signals`);
	const inbox = owner.page.getByRole('list', { name: 'Retours des invités' });
	await expect(inbox.getByRole('listitem')).toHaveCount(1);
	await expect(inbox).toContainText('Acme · Ça ne marche pas pour nous');
	await expect(inbox).toContainText('Nos clients veulent des sachets kraft');
	await expect(inbox.getByRole('link', { name: `sur « ${SHARED} »` })).toBeVisible();
	await expect(inbox).toContainText('Transformé en idée.');

	// Nothing internal ever reached the guest's browser.
	await expect(titles).toHaveText([SHARED, SHARED_LATER]);
	await portal.reload();
	await expect(titles).toHaveText([SHARED, SHARED_LATER]);
	await guestContext.close();
	await events.stop();
	expect(events.text()).toContain('event: changed');
	const received = [...(await Promise.all(traffic.bodies)), events.text()].join('\n');
	expect(received).toContain(SHARED_LATER); // the recording did catch the page's data
	for (const secret of [NOT_SHARED, OTHER_COMPANY, ...DESCRIPTIONS, PRIVATE_NOTE, TYPED_LIVE, member.email])
		expect(received).not.toContain(secret);
	expect(traffic.sockets).toEqual([]);
	await owner.context.close();
});
