import { startReceiver } from '../factories/receiver.ts';
import { isSignatureValid } from '../../src/lib/server/webhooks/sign.ts';
import { seriousViolations } from './board-helpers.ts';
import { expect, gotoReady, loggedInPage, test } from './fixtures.ts';

test('an owner adds a webhook, sees its secret once, sends a test and reads the delivery log', async ({
	app,
	browser,
	member
}) => {
	const receiver = await startReceiver();
	const { page } = await loggedInPage(browser, app, member);
	await gotoReady(page, '/admin/webhooks');
	await expect(page.getByText('Aucun webhook pour l’instant.')).toBeVisible();

	const add = page.getByRole('region', { name: 'Ajouter un webhook' });
	await add.getByLabel('URL du destinataire').fill('ftp://example.test/hook');
	await add.getByRole('button', { name: 'Ajouter le webhook' }).click();
	await expect(add.getByRole('alert')).toHaveText('Indiquez une URL http ou https de 500 caractères au plus.');
	await add.getByLabel('URL du destinataire').fill(receiver.url);
	await add.getByRole('button', { name: 'Ajouter le webhook' }).click();
	const secretField = page.getByLabel('Son secret de signature : copiez-le maintenant, il ne sera plus affiché.');
	await expect(secretField).toHaveValue(/^whsec_/);
	const secret = await secretField.inputValue();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('button', { name: `Envoyer un test à ${receiver.url}` }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Envoi de test programmé : il apparaît dans le journal ci-dessous.'
	);
	await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
	const [ping] = receiver.received;
	expect(JSON.parse(ping!.body)).toMatchObject({ event: 'ping', organizationId: member.organizationId });
	expect(isSignatureValid(secret, ping!.body, ping!.headers['x-bouture-signature'] as string)).toBe(true);

	const log = page.getByRole('table', { name: `Envois vers ${receiver.url}` });
	await expect(async () => {
		await page.getByRole('button', { name: 'Actualiser les journaux' }).click();
		await expect(log.getByRole('row').nth(1)).toContainText(/ping\s*Livré\s*200\s*1/, { timeout: 1000 });
	}).toPass({ timeout: 10_000 });

	// Shown once: gone after a reload.
	await page.reload();
	await expect(secretField).toHaveCount(0);
	await expect(page.locator('body')).not.toContainText(secret);
	await receiver.close();
});
