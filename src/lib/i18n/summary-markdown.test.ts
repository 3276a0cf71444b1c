import { describe, expect, it } from 'vitest';
import type { StandupSummary } from '#lib/domain/standup/record.ts';
import { escapeMarkdown, summaryMarkdown } from './summary-markdown.ts';

const at = (iso: string) => Date.parse(iso);

function summary(overrides: Partial<StandupSummary> = {}): StandupSummary {
	return {
		boardName: 'Boulangerie Martin',
		locale: 'fr',
		timeZone: 'Europe/Paris',
		facilitator: 'Claire',
		since: at('2026-11-16T08:30:00Z'),
		startedAt: at('2026-11-23T08:30:00Z'),
		endedAt: at('2026-11-23T08:44:30Z'),
		attendees: ['Claire', 'Karim'],
		reviewed: [
			{ cardId: 'c1', title: 'Vitrine de Noël', seconds: 95 },
			{ cardId: 'c2', title: 'Tournée du samedi', seconds: 40 }
		],
		perStage: { ideas: 3, review: 2, objective: 1, scope: 0, rollout: 2, outcome: 1 },
		atRisk: [{ cardId: 'c2', title: 'Tournée du samedi', status: 'off-track', missed: 2 }],
		decisions: [
			{ cardId: 'c1', title: 'Vitrine de Noël', text: 'Commander les guirlandes', owner: 'Karim', due: '2026-11-27' }
		],
		outcomes: [{ cardId: 'c3', title: 'Pain au levain', verdict: 'generalised' }],
		signals: { guest: 4, member: 1 },
		...overrides
	};
}

describe('summaryMarkdown', () => {
	it('writes the whole record in French, dates on the board’s wall clock', () => {
		const md = summaryMarkdown(summary());
		expect(md).toMatch(/^# Boulangerie Martin — point hebdomadaire du 23 novembre 2026\n/);
		expect(md).toContain('- **Période couverte** : du 16 novembre 2026 au 23 novembre 2026');
		expect(md).toContain('- **Horaire** : de 09:30 à 09:44 (Europe/Paris)');
		expect(md).toContain('- **Animation** : Claire');
		expect(md).toContain('- **Présents** : Claire, Karim');
		expect(md).toContain('- **Durée** : 14 min 30 s');
		expect(md).toContain('## Cartes passées en revue (2)\n\n| Carte | Temps passé |\n| --- | --- |\n');
		expect(md).toContain('| Vitrine de Noël | 1 min 35 s |\n| Tournée du samedi | 40 s |');
		expect(md).toContain('| Idées \\& signaux | 3 |');
		expect(md).toContain('| Déploiement | 2 |');
		expect(md).toContain('| Total | 9 |');
		expect(md).toContain('## Initiatives à surveiller (1)');
		expect(md).toContain('| Initiative | Pourquoi |');
		expect(md).toContain('| Tournée du samedi | Hors trajectoire · 2 points d’étape manqués |');
		expect(md).toContain('## Décisions (1)');
		expect(md).toContain('| Commander les guirlandes | Vitrine de Noël | Karim | 27 nov. 2026 |');
		expect(md).toContain('| Pain au levain | Généralisée |');
		expect(md).toContain('| Invités (clients, partenaires) | 4 |\n| Équipe | 1 |');
	});

	it('writes it in English when the stand-up was held in English, whatever the reader’s language', () => {
		const md = summaryMarkdown(summary({ locale: 'en', timeZone: 'America/New_York' }));
		// 08:30 UTC is 03:30 in New York, still the 23rd.
		expect(md).toMatch(/^# Boulangerie Martin — weekly stand-up of November 23, 2026\n/);
		expect(md).toContain('- **Time**: 3:30');
		expect(md).toContain('(America/New\\_York)');
		expect(md).toContain('- **Period covered**: November 16, 2026 to November 23, 2026');
		expect(md).toContain('- **Facilitator**: Claire');
		expect(md).toContain('## Initiatives needing attention (1)');
		expect(md).toContain('| Tournée du samedi | Off track · 2 missed check-ins |');
		expect(md).toContain('| Commander les guirlandes | Vitrine de Noël | Karim | Nov 27, 2026 |');
		expect(md).toContain('| Guests (customers, partners) | 4 |');
	});

	it('says why each initiative needs attention, an open help request on an on-track card included', () => {
		const md = summaryMarkdown(
			summary({
				locale: 'en',
				atRisk: [
					{ cardId: 'c2', title: 'Saturday round', status: 'on-track', missed: 0, reasons: ['help'] },
					{ cardId: 'c4', title: 'Shop window', status: 'at-risk', missed: 1, reasons: ['at-risk', 'missed', 'gate'] }
				]
			})
		);
		expect(md).toContain('| Saturday round | Help requested |');
		expect(md).toContain('| Shop window | At risk · 1 missed check-in · Gate bypassed |');
	});

	it('dates the title in the board’s time zone: late Sunday in Paris is already Monday in Auckland', () => {
		const late = { startedAt: at('2026-11-22T22:30:00Z'), endedAt: at('2026-11-22T22:40:00Z') };
		expect(summaryMarkdown(summary({ ...late, timeZone: 'Europe/Paris' }))).toContain('du 22 novembre 2026');
		expect(summaryMarkdown(summary({ ...late, timeZone: 'Pacific/Auckland' }))).toContain('du 23 novembre 2026');
	});

	it('says plainly when a section is empty, and names missing owners and dates', () => {
		const md = summaryMarkdown(
			summary({
				attendees: [],
				reviewed: [],
				atRisk: [],
				outcomes: [],
				decisions: [{ cardId: 'c1', title: 'Vitrine', text: 'Appeler le fournisseur', owner: null, due: null }]
			})
		);
		expect(md).toContain('- **Présents** : personne');
		expect(md).toContain('## Cartes passées en revue (0)\n\nAucune carte passée en revue.');
		expect(md).toContain('Aucune initiative à surveiller.');
		expect(md).toContain('Aucune initiative n’a atteint son résultat cette semaine.');
		expect(md).toContain('| Appeler le fournisseur | Vitrine | non attribuée | sans échéance |');
	});

	it('keeps people’s text inert: no emphasis, link, code, HTML, heading or extra table cell', () => {
		const md = summaryMarkdown(
			summary({
				boardName: '# Équipe *Nord* #',
				facilitator: '<script>alert(1)</script>',
				attendees: ['_Lina_', 'A&amp;B'],
				decisions: [
					{
						cardId: 'c1',
						title: '[clic](https://evil.example)',
						text: 'Prix | 2 `code` ~~barré~~\n## faux titre',
						owner: '**Karim**',
						due: null
					}
				]
			})
		);
		expect(md).toMatch(/^# \\# Équipe \\\*Nord\\\* \\# — point/);
		expect(md).toContain('- **Animation** : \\<script\\>alert(1)\\</script\\>');
		expect(md).toContain('- **Présents** : \\_Lina\\_, A\\&amp;B');
		expect(md).toContain(
			'| Prix \\| 2 \\`code\\` \\~\\~barré\\~\\~ \\#\\# faux titre | \\[clic\\](https://evil.example) | \\*\\*Karim\\*\\* |'
		);
		expect(md).not.toMatch(/^## faux titre/m);
		// Every table row still has exactly as many cells as its header.
		const decisionRow = md.split('\n').find((line) => line.startsWith('| Prix'))!;
		expect(decisionRow.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
	});
});

describe('escapeMarkdown', () => {
	it('escapes each markup character once and leaves ordinary punctuation alone', () => {
		expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
		expect(escapeMarkdown('Vitrine 2.0 - été (test) : 30 %')).toBe('Vitrine 2.0 - été (test) : 30 %');
		expect(escapeMarkdown('ligne 1\r\nligne 2')).toBe('ligne 1 ligne 2');
	});
});
