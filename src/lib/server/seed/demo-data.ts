import type { Stage } from '#lib/domain/stages.ts';
import type { OrgRole } from '../db/schema.ts';

export const DEMO_PASSWORD = 'bouture-demo';

export const DEMO_TEAMS = [
	{ name: 'Production', color: '#2f7d4f' },
	{ name: 'Commercial', color: '#3a6ea5' },
	{ name: 'Qualité & achats', color: '#b5832b' }
] as const;

type TeamName = (typeof DEMO_TEAMS)[number]['name'];

export const DEMO_PEOPLE: { name: string; email: string; role: OrgRole; teams: TeamName[] }[] = [
	{ name: 'Claire Lefèvre', email: 'claire@demo.bouture.fr', role: 'owner', teams: ['Commercial'] },
	{ name: 'Karim Benali', email: 'karim@demo.bouture.fr', role: 'manager', teams: ['Production'] },
	{ name: 'Sophie Martin', email: 'sophie@demo.bouture.fr', role: 'member', teams: ['Qualité & achats'] },
	{ name: 'Lucas Moreau', email: 'lucas@demo.bouture.fr', role: 'member', teams: ['Commercial', 'Production'] }
];

export const DEMO_CARDS: { stage: Stage; title: string; description: string }[] = [
	{
		stage: 'ideas',
		title: 'Vente en circuit court au marché de Villeurbanne',
		description: 'Signal : trois clients ont demandé où acheter nos produits en direct.'
	},
	{ stage: 'ideas', title: 'Gamme éphémère de Noël (3 références)', description: 'Idée venue du salon de septembre.' },
	{ stage: 'ideas', title: 'Service de réparation des présentoirs', description: '' },
	{
		stage: 'review',
		title: 'Boucle de retours clients sur la gamme bio',
		description: 'Forces : clientèle fidèle. Difficultés : pas de canal de retour structuré.'
	},
	{
		stage: 'review',
		title: 'Audit SEO des concurrents régionaux',
		description: 'Trois concurrents directs mieux placés sur « fromage fermier Lyon ».'
	},
	{
		stage: 'objective',
		title: 'Réduire la consommation d’énergie de l’atelier',
		description: 'Indicateur : kWh par tonne produite. Base 410, cible 350 d’ici juin.'
	},
	{
		stage: 'scope',
		title: 'Audit de vulnérabilité des fournisseurs',
		description: 'Périmètre : les 5 fournisseurs de lait, score de risque par fournisseur.'
	},
	{
		stage: 'rollout',
		title: 'Test d’une marketplace en Belgique',
		description: 'Pilote sur 4 références pendant 8 semaines.'
	},
	{
		stage: 'rollout',
		title: 'Emballages consignés pour les épiceries',
		description: 'Pilote avec 3 épiceries de la Croix-Rousse.'
	},
	{ stage: 'outcome', title: 'Prise de commande par SMS', description: 'Généralisé : +18 % de commandes récurrentes.' }
];
