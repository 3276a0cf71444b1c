import { createColleague, createTestBoard } from '../factories/accounts.ts';
import { addCard, column, openBoard, titlesIn } from './board-helpers.ts';
import {
	cardDialog,
	closeCard,
	commit,
	dragToColumn,
	expectRefusal,
	fillIn,
	insertTeams,
	isoDay,
	moveRightByKeyboard,
	openCard,
	section
} from './card-helpers.ts';
import { expect, test } from './fixtures.ts';

test('every section filled in one browser appears live in a second browser', async ({ app, browser, member }) => {
	const boardId = await createTestBoard(app.db, member, 'Sections');
	const teams = await insertTeams(app.db, member.organizationId, ['Atelier', 'Boutique']);
	const hugo = await createColleague(app.db, member, 'Hugo');
	const owner = await openBoard(browser, app, member, boardId);
	const colleague = await openBoard(browser, app, hugo, boardId);
	const title = 'Carte de fidélité';
	await addCard(owner.page, 'Revue', title);
	const mine = await openCard(owner.page, title);
	const theirs = await openCard(colleague.page, title);

	// Review: strengths (reordered), a difficulty, a note on clients, one of the five forces.
	const review = section(mine, 'Revue de l’existant');
	for (const strength of ['Clientèle fidèle', 'Produits faits maison']) {
		await review.getByRole('textbox', { name: 'Nouvelle force' }).fill(strength);
		await review.getByRole('button', { name: 'Ajouter la force' }).click();
	}
	await review.getByRole('button', { name: 'Monter « Produits faits maison »' }).click();
	await review.getByRole('textbox', { name: 'Nouvelle difficulté' }).fill('Peu de visibilité en ligne');
	await review.getByRole('button', { name: 'Ajouter la difficulté' }).click();
	await review.getByRole('textbox', { name: 'Clients', exact: true }).fill('Veulent des récompenses simples');
	await review.getByText('Analyse des cinq forces (facultatif)').click();
	await review.getByRole('combobox', { name: 'Pouvoir de négociation des clients' }).selectOption('4');
	await commit(
		review.getByRole('textbox', { name: 'Note : Pouvoir de négociation des clients' }),
		'Trois boulangeries dans la rue'
	);

	const theirReview = section(theirs, 'Revue de l’existant');
	await expect(theirReview.getByRole('group', { name: 'Forces', exact: true }).getByRole('listitem')).toHaveText([
		'Produits faits maison',
		'Clientèle fidèle'
	]);
	await expect(theirReview.getByRole('group', { name: 'Difficultés' }).getByRole('listitem')).toHaveText([
		'Peu de visibilité en ligne'
	]);
	await expect(theirReview.getByRole('textbox', { name: 'Clients', exact: true })).toHaveValue(
		'Veulent des récompenses simples'
	);
	await theirReview.getByText('Analyse des cinq forces (facultatif)').click(); // folded until opened
	await expect(theirReview.getByRole('combobox', { name: 'Pouvoir de négociation des clients' })).toHaveValue('4');
	await expect(theirReview.getByRole('textbox', { name: 'Note : Pouvoir de négociation des clients' })).toHaveValue(
		'Trois boulangeries dans la rue'
	);

	// Objective: a decimal typed the French way comes back the French way.
	const objective = section(mine, 'Objectif chiffré');
	await commit(objective.getByRole('textbox', { name: 'Indicateur' }), 'Délai de livraison');
	await commit(objective.getByRole('textbox', { name: 'Unité' }), 'jours');
	await objective.getByRole('combobox', { name: 'Sens souhaité' }).selectOption({ label: 'À réduire' });
	await commit(objective.getByRole('textbox', { name: 'Valeur de départ' }), '12,5');
	await commit(objective.getByRole('textbox', { name: 'Cible', exact: true }), '8');
	await commit(objective.getByLabel('Échéance'), '2026-06-30');
	await commit(objective.getByRole('textbox', { name: 'Pourquoi c’est important' }), 'Les clients partent ailleurs');

	const theirObjective = section(theirs, 'Objectif chiffré');
	await expect(theirObjective.getByRole('textbox', { name: 'Indicateur' })).toHaveValue('Délai de livraison');
	await expect(theirObjective.getByRole('textbox', { name: 'Unité' })).toHaveValue('jours');
	await expect(theirObjective.getByRole('combobox', { name: 'Sens souhaité' })).toHaveValue('decrease');
	await expect(theirObjective.getByRole('textbox', { name: 'Valeur de départ' })).toHaveValue('12,5');
	await expect(theirObjective.getByRole('textbox', { name: 'Cible', exact: true })).toHaveValue('8');
	await expect(theirObjective.getByLabel('Échéance')).toHaveValue('2026-06-30');
	await expect(theirObjective.getByRole('textbox', { name: 'Pourquoi c’est important' })).toHaveValue(
		'Les clients partent ailleurs'
	);
	await expect(theirObjective).toContainText('Objectif : passer de 12,5 jours à 8 jours d’ici le 30 juin 2026');

	// Scope: a person, the owning team, a contributing team, two segments, two resources and their total.
	const scope = section(mine, 'Périmètre');
	await scope.getByRole('combobox', { name: 'Responsable' }).selectOption({ label: 'Hugo' });
	await scope.getByRole('combobox', { name: 'Équipe porteuse' }).selectOption({ label: 'Atelier' });
	await scope
		.getByRole('group', { name: 'Équipes contributrices' })
		.getByRole('checkbox', { name: 'Boutique' })
		.check();
	for (const segment of ['Lyon', 'Villeurbanne']) {
		await scope.getByRole('textbox', { name: 'Nouveau segment' }).fill(segment);
		await scope.getByRole('button', { name: 'Ajouter le segment' }).click();
	}
	const newResource = scope.getByRole('group', { name: 'Nouvelle ressource' });
	for (const [amount, who, forWhat] of [
		['4', 'Hugo', 'Relancer les clients inactifs'],
		['2,5', 'Camille', 'Préparer les cartes']
	] as const) {
		await newResource.getByRole('textbox', { name: 'Quantité' }).fill(amount);
		await newResource.getByRole('combobox', { name: 'Unité' }).fill('h/semaine');
		await newResource.getByRole('textbox', { name: 'Qui ou quoi' }).fill(who);
		await newResource.getByRole('textbox', { name: 'Pour quoi faire (fonction précise)' }).fill(forWhat);
		await newResource.getByRole('button', { name: 'Ajouter la ressource' }).click();
	}
	await expect(scope.getByRole('list', { name: 'Total par unité' })).toHaveText('6,5 h/semaine');

	const theirScope = section(theirs, 'Périmètre');
	await expect(theirScope.getByRole('combobox', { name: 'Responsable' })).toHaveValue(hugo.userId);
	await expect(theirScope.getByRole('combobox', { name: 'Équipe porteuse' })).toHaveValue(teams.Atelier ?? '');
	await expect(theirScope.getByRole('checkbox', { name: 'Boutique' })).toBeChecked();
	await expect(theirScope.getByRole('group', { name: 'Segments ciblés' }).getByRole('listitem')).toHaveText([
		'Lyon',
		'Villeurbanne'
	]);
	await expect(theirScope).toContainText('2 / 3 segments');
	const theirResources = theirScope.getByRole('group', { name: 'Ressources' });
	await expect(theirResources).toContainText('4 h/semaine Hugo Pour : Relancer les clients inactifs');
	await expect(theirResources).toContainText('2,5 h/semaine Camille Pour : Préparer les cartes');
	await expect(theirScope.getByRole('list', { name: 'Total par unité' })).toHaveText('6,5 h/semaine');

	// Rollout: a pilot phase on one segment, then its go / no-go decision.
	const rollout = section(mine, 'Déploiement');
	await rollout.getByRole('button', { name: 'Ajouter une phase' }).click();
	const phaseForm = rollout.getByRole('form', { name: 'Nouvelle phase' });
	await phaseForm.getByRole('textbox', { name: 'Nom de la phase' }).fill('Pilote Lyon');
	await phaseForm.getByRole('checkbox', { name: 'Lyon' }).check();
	await phaseForm.getByLabel('Début').fill('2026-03-02');
	await phaseForm.getByLabel('Fin').fill('2026-04-27');
	await phaseForm.getByRole('combobox', { name: 'Rythme des points d’étape' }).selectOption({
		label: 'Toutes les deux semaines'
	});
	await phaseForm.getByRole('button', { name: 'Enregistrer la phase' }).click();
	await rollout.getByRole('button', { name: 'Enregistrer la décision : Pilote Lyon' }).click();
	const decisionForm = rollout.getByRole('form', { name: 'Enregistrer la décision : Pilote Lyon' });
	await decisionForm.getByRole('radio', { name: 'Go', exact: true }).check();
	await decisionForm.getByLabel('Date de la décision').fill('2026-04-28');
	await decisionForm.getByRole('textbox', { name: 'Motif' }).fill('Délai tenu sur Lyon');
	await decisionForm.getByRole('button', { name: 'Enregistrer la décision', exact: true }).click();

	const theirPhases = section(theirs, 'Déploiement').getByRole('list', { name: 'Phases du déploiement' });
	await expect(theirPhases.getByRole('listitem')).toHaveCount(1);
	await expect(theirPhases.getByRole('heading', { name: 'Pilote Lyon' })).toBeVisible();
	for (const text of [
		'Segments Lyon',
		'Dates du 2 mars 2026 au 27 avr. 2026',
		'Rythme des points d’étape Toutes les deux semaines',
		'Go, le 28 avr. 2026',
		'Délai tenu sur Lyon'
	])
		await expect(theirPhases).toContainText(text);

	// A check-in.
	const checkIns = section(mine, 'Points d’étape');
	const checkInForm = checkIns.getByRole('form', { name: 'Nouveau point d’étape' });
	await checkInForm.getByLabel('Date').fill('2026-03-16');
	await checkInForm.getByRole('textbox', { name: 'Valeur mesurée (jours)' }).fill('10,5');
	await checkInForm.getByRole('radio', { name: 'À surveiller' }).check();
	await checkInForm.getByRole('textbox', { name: 'Note' }).fill('Livreur absent une semaine');
	await checkInForm.getByRole('button', { name: 'Enregistrer le point d’étape' }).click();

	const theirCheckIns = section(theirs, 'Points d’étape').getByRole('list', { name: 'Points d’étape enregistrés' });
	await expect(theirCheckIns.getByRole('listitem')).toHaveCount(1);
	for (const text of [
		'16 mars 2026',
		'10,5 jours',
		'Confiance du responsable : À surveiller',
		'Livreur absent une semaine',
		'Relevé par Camille'
	])
		await expect(theirCheckIns).toContainText(text);

	// The outcome and what was learnt.
	const outcome = section(mine, 'Résultat');
	await outcome.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Généralisée' });
	await commit(outcome.getByLabel('Date du bilan'), '2026-07-01');
	await commit(outcome.getByRole('textbox', { name: 'Résultat mesuré (jours)' }), '8,5');
	await outcome.getByRole('textbox', { name: 'Enseignements' }).fill('Prévenir les clients la veille');

	const theirOutcome = section(theirs, 'Résultat');
	await expect(theirOutcome.getByRole('combobox', { name: 'Verdict' })).toHaveValue('generalised');
	await expect(theirOutcome.getByLabel('Date du bilan')).toHaveValue('2026-07-01');
	await expect(theirOutcome.getByRole('textbox', { name: 'Résultat mesuré (jours)' })).toHaveValue('8,5');
	await expect(theirOutcome.getByRole('textbox', { name: 'Enseignements' })).toHaveValue(
		'Prévenir les clients la veille'
	);
	await owner.context.close();
	await colleague.context.close();
});

test('a manager takes an idea through every stage to an outcome, guided by the gates, while a colleague watches', async ({
	app,
	browser,
	member
}) => {
	const boardId = await createTestBoard(app.db, member, 'Parcours');
	await insertTeams(app.db, member.organizationId, ['Atelier']);
	const { page, context } = await openBoard(browser, app, member, boardId); // the organisation's owner
	const colleague = await openBoard(browser, app, await createColleague(app.db, member, 'Inès'), boardId);
	const title = 'Panier anti-gaspi';
	const card = cardDialog(page, title);
	const tileSeen = (stage: string) => column(colleague.page, stage).getByRole('button', { name: title });
	await addCard(page, 'Idées', title);

	// Ideas → Review: any idea may be put up for review.
	await moveRightByKeyboard(page, title);
	await expect(titlesIn(colleague.page, 'Revue')).toHaveText([title]);

	// Review → Objective, by drag: refused until a strength and a difficulty are noted.
	await dragToColumn(page, title, 'Objectif');
	let refusal = await expectRefusal(page, title, 'Objectif', [
		'au moins une force (Revue)',
		'au moins une difficulté (Revue)'
	]);
	await expect(titlesIn(page, 'Revue')).toHaveText([title]);
	await fillIn(page, refusal, 'au moins une force (Revue)', 'review');
	const review = section(card, 'Revue de l’existant');
	await review.getByRole('textbox', { name: 'Nouvelle force' }).fill('Partenariat avec une association');
	await review.getByRole('button', { name: 'Ajouter la force' }).click();
	await review.getByRole('textbox', { name: 'Nouvelle difficulté' }).fill('Invendus connus tard');
	await review.getByRole('button', { name: 'Ajouter la difficulté' }).click();
	await closeCard(page, title);
	await dragToColumn(page, title, 'Objectif');
	await expect(titlesIn(colleague.page, 'Objectif')).toHaveText([title]);

	// Objective → Scope, by keyboard: refused until the objective is measurable.
	await moveRightByKeyboard(page, title);
	refusal = await expectRefusal(page, title, 'Périmètre', [
		'l’indicateur mesuré (Objectif)',
		'la valeur de départ (Objectif)',
		'la cible (Objectif)',
		'l’échéance (Objectif)'
	]);
	await fillIn(page, refusal, 'la cible (Objectif)', 'objective');
	const objective = section(card, 'Objectif chiffré');
	await commit(objective.getByRole('textbox', { name: 'Indicateur' }), 'Invendus redistribués');
	await commit(objective.getByRole('textbox', { name: 'Unité' }), '%');
	await commit(objective.getByRole('textbox', { name: 'Valeur de départ' }), '0');
	await commit(objective.getByRole('textbox', { name: 'Cible', exact: true }), '100');
	await commit(objective.getByLabel('Échéance'), isoDay(56)); // eight weeks from today
	await closeCard(page, title);
	await expect(tileSeen('Objectif')).toContainText('Invendus redistribués : 0 % → 100 %');
	await moveRightByKeyboard(page, title);
	await expect(titlesIn(colleague.page, 'Périmètre')).toHaveText([title]);

	// Scope → Rollout, by drag: refused until someone, a team and a segment are named.
	await dragToColumn(page, title, 'Déploiement');
	refusal = await expectRefusal(page, title, 'Déploiement', [
		'un ou une responsable (Périmètre)',
		'l’équipe porteuse (Périmètre)',
		'au moins un segment ciblé (Périmètre)'
	]);
	await fillIn(page, refusal, 'l’équipe porteuse (Périmètre)', 'scope');
	const scope = section(card, 'Périmètre');
	await scope.getByRole('combobox', { name: 'Responsable' }).selectOption({ label: 'Camille' });
	await scope.getByRole('combobox', { name: 'Équipe porteuse' }).selectOption({ label: 'Atelier' });
	await scope.getByRole('textbox', { name: 'Nouveau segment' }).fill('Magasin de Lyon');
	await scope.getByRole('button', { name: 'Ajouter le segment' }).click();
	await closeCard(page, title);
	await dragToColumn(page, title, 'Déploiement');
	await expect(titlesIn(colleague.page, 'Déploiement')).toHaveText([title]);
	await expect(tileSeen('Déploiement').locator('.status-badge')).toHaveText('Pas de données');

	// Rollout → Outcome, by keyboard: refused until a phase ran, was measured and was decided.
	await moveRightByKeyboard(page, title);
	refusal = await expectRefusal(page, title, 'Résultat', [
		'au moins un point d’étape mesuré (Points d’étape)',
		'une phase de déploiement (Déploiement)'
	]);
	await fillIn(page, refusal, 'une phase de déploiement (Déploiement)', 'rollout');
	const rollout = section(card, 'Déploiement');
	await rollout.getByRole('button', { name: 'Ajouter une phase' }).click();
	const phaseForm = rollout.getByRole('form', { name: 'Nouvelle phase' });
	await expect(phaseForm.getByRole('textbox', { name: 'Nom de la phase' })).toHaveValue('Pilote');
	await phaseForm.getByRole('checkbox', { name: 'Magasin de Lyon' }).check();
	await phaseForm.getByLabel('Début').fill(isoDay(-28)); // four weeks ago
	await phaseForm.getByLabel('Fin').fill(isoDay(28));
	await phaseForm.getByRole('button', { name: 'Enregistrer la phase' }).click();
	// Four weeks into a twelve-week plan from 0 to 100, 40 is ahead of the line (33).
	const checkInForm = section(card, 'Points d’étape').getByRole('form', { name: 'Nouveau point d’étape' });
	await checkInForm.getByLabel('Date').fill(isoDay(0));
	await checkInForm.getByRole('textbox', { name: 'Valeur mesurée (%)' }).fill('40');
	await checkInForm.getByRole('radio', { name: 'En bonne voie' }).check();
	await checkInForm.getByRole('button', { name: 'Enregistrer le point d’étape' }).click();
	const bar = section(card, 'Points d’étape').getByRole('progressbar', { name: 'Progression vers la cible' });
	await expect(bar).toHaveAttribute('aria-valuenow', '40');
	await expect(bar).toHaveAttribute('aria-valuetext', /^40\s%$/);
	await closeCard(page, title);

	const rolloutTile = tileSeen('Déploiement');
	await expect(rolloutTile).toContainText('Phase : Pilote');
	await expect(rolloutTile.locator('.status-badge')).toHaveAttribute('data-status', 'on-track');
	await expect(rolloutTile.locator('.status-badge')).toHaveText('En bonne voie');
	await expect(rolloutTile.getByTestId('sparkline')).toHaveAttribute('data-points', '1');
	await expect(rolloutTile).toContainText(/Progression : 40\s%/);
	await expect(rolloutTile.getByTestId('badge-missed')).toHaveCount(0);

	// Measured, but the pilot is not decided yet: only the decision is missing now.
	await moveRightByKeyboard(page, title);
	refusal = await expectRefusal(page, title, 'Résultat', ['la décision go / no-go de la dernière phase (Déploiement)']);
	await fillIn(page, refusal, 'la décision go / no-go de la dernière phase (Déploiement)', 'rollout');
	await rollout.getByRole('button', { name: 'Enregistrer la décision : Pilote' }).click();
	const decisionForm = rollout.getByRole('form', { name: 'Enregistrer la décision : Pilote' });
	await decisionForm.getByRole('radio', { name: 'Go', exact: true }).check();
	await decisionForm.getByRole('button', { name: 'Enregistrer la décision', exact: true }).click();
	await expect(rollout).toContainText('Go, le');
	await closeCard(page, title);
	await moveRightByKeyboard(page, title);
	await expect(titlesIn(colleague.page, 'Résultat')).toHaveText([title]);
	await expect(tileSeen('Résultat')).toContainText('Bilan à rédiger');

	// The outcome, written in the card, shows on its face for everyone.
	await page.getByRole('button', { name: title }).click();
	const outcome = section(card, 'Résultat');
	await outcome.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Généralisée' });
	await commit(outcome.getByRole('textbox', { name: 'Résultat mesuré (%)' }), '45');
	await expect(outcome).toContainText(/Cible : 100 %, soit 45\s% du chemin parcouru\./);
	await expect(tileSeen('Résultat')).toContainText('Généralisée · Résultat : 45 %');
	await context.close();
	await colleague.context.close();
});
