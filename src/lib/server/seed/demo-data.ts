import type { Stage } from '#lib/domain/stages.ts';
import type {
	Actor,
	Cadence,
	Confidence,
	Direction,
	Force,
	ForceRating,
	OutcomeVerdict,
	ResourceUnit,
	Verdict
} from '#lib/domain/method/types.ts';
import type { OrgRole } from '../db/schema.ts';

/**
 * The demo organisation and its board. Every date is a day offset from the seeding day (0 = today,
 * −7 = a week ago), so the demo always looks current: pilots under way, check-ins due, some missed.
 * Each card meets the gates of every stage up to its own (domain/method/gates.ts).
 */

export const DEMO_PASSWORD = 'bouture-demo';

export const DEMO_TEAMS = [
	{ name: 'Production', color: '#2f7d4f' },
	{ name: 'Commercial', color: '#3a6ea5' },
	{ name: 'Qualité & achats', color: '#b5832b' }
] as const;

export type TeamName = (typeof DEMO_TEAMS)[number]['name'];

export const DEMO_GUEST_COMPANY = 'Épicerie Dupont';

export const DEMO_PEOPLE = [
	{ name: 'Claire Lefèvre', email: 'claire@demo.bouture.fr', role: 'owner', teams: ['Commercial'] },
	{ name: 'Karim Benali', email: 'karim@demo.bouture.fr', role: 'manager', teams: ['Production'] },
	{ name: 'Sophie Martin', email: 'sophie@demo.bouture.fr', role: 'member', teams: ['Qualité & achats'] },
	{ name: 'Lucas Moreau', email: 'lucas@demo.bouture.fr', role: 'member', teams: ['Commercial', 'Production'] },
	// A client invited as a guest: she sees only the cards shared with her company, in the guest portal.
	{ name: 'Nadia Dupont', email: 'nadia@demo.bouture.fr', role: 'guest', company: DEMO_GUEST_COMPANY, teams: [] }
] as const satisfies readonly {
	name: string;
	email: string;
	role: OrgRole;
	company?: string;
	teams: readonly TeamName[];
}[];

export type PersonName = (typeof DEMO_PEOPLE)[number]['name'];

/** The board's global objectives, in order; cards refer to them by key. */
export const DEMO_OBJECTIVES = [
	{ key: 'environment', title: 'Réduire notre empreinte énergétique et nos déchets' },
	{ key: 'loyalty', title: 'Fidéliser la clientèle de proximité' },
	{ key: 'supply', title: 'Sécuriser nos approvisionnements' }
] as const;

export type ObjectiveKey = (typeof DEMO_OBJECTIVES)[number]['key'];

export interface DemoCheckIn {
	day: number;
	value: number;
	confidence: Confidence;
	note: string;
	by: PersonName;
	/** Shown to the guests the card is shared with. */
	shared?: boolean;
}

export interface DemoPhase {
	name: string;
	segments: string[];
	start: number;
	end: number;
	cadence: Cadence;
	decision?: { verdict: Verdict; day: number; reason: string };
}

export interface DemoCard {
	stage: Stage;
	/** Companies whose guests see the card in their portal ('*': every guest). */
	sharedWith?: string[];
	title: string;
	description: string;
	createdBy: PersonName;
	globalObjective?: ObjectiveKey;
	strengths?: string[];
	difficulties?: string[];
	micro?: Partial<Record<Actor, string>>;
	forces?: Partial<Record<Force, ForceRating>>;
	objective?: {
		metric: string;
		unit: string;
		direction: Direction;
		baseline: number;
		target?: number;
		deadline?: number;
		why: string;
	};
	owner?: PersonName;
	team?: TeamName;
	contributing?: TeamName[];
	segments?: string[];
	resources?: { amount: number; unit: ResourceUnit; who: string; forWhat: string }[];
	phases?: DemoPhase[];
	checkIns?: DemoCheckIn[];
	outcome?: { verdict: OutcomeVerdict; day: number; result: number; learnings: string };
}

const CROIX_ROUSSE = 'Épiceries fines de la Croix-Rousse';
const PENTES = 'Épiceries vrac des Pentes';
const BELGIUM = 'Particuliers de Bruxelles et de Wallonie';
const REGULARS = 'Habitués de la boutique de l’atelier';
const GROCERS = 'Épiceries clientes depuis plus d’un an';
const SHARED_GROCERS = 'Épiceries livrées par les deux maisons';

export const DEMO_CARDS: DemoCard[] = [
	// ——— Ideas & signals ———
	{
		stage: 'ideas',
		title: 'Vente en circuit court au marché de Villeurbanne',
		description:
			'Signal : trois clients ont demandé où acheter nos produits en direct. Un emplacement se libère au marché du samedi, place Grandclément.',
		createdBy: 'Claire Lefèvre',
		globalObjective: 'loyalty'
	},
	{
		stage: 'ideas',
		title: 'Gamme éphémère de Noël (3 références)',
		description:
			'Idée venue du salon de septembre : plusieurs épiceries fines cherchent des biscuits de Noël en petites séries (pain d’épices, sablés à la cannelle, bredele).',
		createdBy: 'Lucas Moreau'
	},
	{
		stage: 'ideas',
		title: 'Service de réparation des présentoirs',
		description:
			'Signal : deux épiceries remplacent nos présentoirs en bois abîmés par ceux d’un concurrent. Les réparer nous-mêmes garderait notre place en rayon.',
		createdBy: 'Karim Benali',
		globalObjective: 'loyalty',
		strengths: ['Karim sait travailler le bois et l’atelier a l’outillage nécessaire']
	},

	// ——— Review ———
	{
		stage: 'review',
		title: 'Boucle de retours clients sur la gamme bio',
		description: 'Recueillir chaque mois l’avis des épiceries et de leurs clients sur nos six références bio.',
		createdBy: 'Claire Lefèvre',
		globalObjective: 'loyalty',
		strengths: [
			'Clientèle fidèle : 70 % des épiceries commandent chaque mois depuis plus de deux ans',
			'Claire connaît personnellement la plupart des gérants'
		],
		difficulties: [
			'Aucun canal de retour structuré : les remarques se perdent au téléphone',
			'Peu de temps disponible côté Commercial pendant les fêtes'
		],
		micro: {
			clients:
				'Les épiceries relaient les remarques de leurs clients (trop sucré, sachet difficile à refermer), mais seulement quand on les appelle.',
			partners:
				'La Biocoop de la Croix-Rousse propose d’afficher un QR code vers un questionnaire près de notre rayon.',
			suppliers: 'Le Moulin Perrier peut ajuster la mouture de la farine T80 si les retours portent sur la texture.',
			competitors: 'Deux biscuiteries régionales affichent déjà les notes de leurs clients sur leurs fiches produits.',
			prescribers:
				'Une diététicienne de Villeurbanne recommande nos sablés sans huile de palme ; elle pourrait relayer le questionnaire.'
		}
	},
	{
		stage: 'review',
		title: 'Audit SEO des concurrents régionaux',
		description: 'Trois concurrents directs sont mieux placés que nous sur « biscuits artisanaux Lyon ».',
		createdBy: 'Lucas Moreau',
		globalObjective: 'loyalty',
		strengths: ['Site refait l’an dernier, rapide et bien noté sur mobile'],
		micro: {
			clients: 'Les nouveaux clients des épiceries nous trouvent surtout via Google Maps, rarement par le site.',
			competitors:
				'La Biscuiterie des Canuts et Les Délices de Fourvière publient un article par mois et ont trois fois plus d’avis Google.'
		}
	},

	// ——— Objective ———
	{
		stage: 'objective',
		title: 'Réduire la consommation d’énergie de l’atelier',
		description: 'Les fours tournent à vide entre deux fournées et la chambre froide est ouverte trop souvent.',
		createdBy: 'Karim Benali',
		globalObjective: 'environment',
		strengths: [
			'Compteurs électriques par zone posés en janvier : on mesure déjà les kWh de chaque four',
			'L’équipe Production est volontaire (idées remontées en réunion d’atelier)'
		],
		difficulties: [
			'Fours de 2009 sans mode veille',
			'Impossible de modifier les cuissons pendant la production de Noël'
		],
		micro: {
			suppliers:
				'Notre fournisseur d’électricité propose un diagnostic gratuit ; le fabricant des fours vend un kit de régulation.',
			partners: 'La CCI Lyon Métropole accompagne les PME sur un programme énergie (50 % du diagnostic pris en charge).'
		},
		objective: {
			metric: 'Consommation d’énergie par tonne produite',
			unit: 'kWh/t',
			direction: 'decrease',
			baseline: 410,
			target: 350,
			deadline: 150,
			why: 'L’énergie pèse 9 % de notre coût de revient, contre 5 % il y a trois ans. 60 kWh/t de moins, c’est environ 14 000 € par an.'
		}
	},
	{
		stage: 'objective',
		title: 'Carte de fidélité numérique à la boutique de l’atelier',
		description: 'Remplacer la carte à tampons par une carte liée à la caisse, pour connaître nos habitués.',
		createdBy: 'Claire Lefèvre',
		globalObjective: 'loyalty',
		strengths: ['Environ 300 clients réguliers à la boutique', 'La caisse accepte déjà un module de fidélité'],
		difficulties: ['Clientèle âgée peu à l’aise avec les applications', 'Abonnement au module : 39 € par mois'],
		objective: {
			metric: 'Clients venus au moins deux fois dans le mois',
			unit: 'clients',
			direction: 'increase',
			baseline: 180,
			why: 'Les habitués font 80 % du chiffre de la boutique : en garder plus vaut mieux qu’en attirer de nouveaux.'
		}
	},

	// ——— Scope ———
	{
		stage: 'scope',
		title: 'Audit de vulnérabilité des fournisseurs',
		description:
			'Nos fournisseurs critiques (beurre, farine, œufs) notés sur un score de risque, et une deuxième source pour chacun.',
		createdBy: 'Sophie Martin',
		globalObjective: 'supply',
		strengths: [
			'Relations anciennes avec le Moulin Perrier et la laiterie coopérative',
			'Sophie suit déjà les prix d’achat chaque mois'
		],
		difficulties: [
			'Beurre : un seul fournisseur, rupture de dix jours en mars dernier',
			'Aucune clause de volume ni de délai dans nos contrats'
		],
		micro: {
			suppliers: 'La laiterie coopérative sert d’abord ses gros clients industriels quand le beurre manque.',
			competitors: 'Les grandes biscuiteries achètent à l’année et sécurisent leurs volumes bien avant nous.'
		},
		objective: {
			metric: 'Achats critiques couverts par une deuxième source',
			unit: '%',
			direction: 'increase',
			baseline: 20,
			target: 80,
			deadline: 120,
			why: 'La rupture de beurre de mars nous a coûté trois jours de production et environ 6 000 € de chiffre d’affaires.'
		},
		owner: 'Sophie Martin',
		team: 'Qualité & achats',
		contributing: ['Production'],
		segments: ['Fournisseurs de beurre et de crème', 'Meuneries', 'Fournisseurs d’œufs'],
		resources: [
			{ amount: 4, unit: 'hours/week', who: 'Sophie Martin', forWhat: 'Entretiens fournisseurs et grille de risque' },
			{ amount: 2, unit: 'days', who: 'Karim Benali', forWhat: 'Essais de fabrication avec les matières alternatives' },
			{ amount: 800, unit: '€', who: 'Qualité & achats', forWhat: 'Analyses de laboratoire des échantillons' }
		]
	},

	// ——— Rollout ———
	{
		// On track: ahead of the line, check-ins every week.
		stage: 'rollout',
		sharedWith: [DEMO_GUEST_COMPANY],
		title: 'Emballages consignés pour les épiceries',
		description:
			'Bocaux en verre consignés à la place des sachets. Pilote avec trois épiceries de la Croix-Rousse, étendu depuis deux semaines aux épiceries vrac des Pentes.',
		createdBy: 'Lucas Moreau',
		globalObjective: 'environment',
		strengths: [
			'Les épiceries vrac réclament du zéro déchet',
			'Bocaux standard de 750 ml, faciles à laver sur notre plonge'
		],
		difficulties: [
			'Il faut récupérer les bocaux vides à chaque livraison',
			'Un bocal coûte 1,10 € pour une consigne de 0,50 €'
		],
		micro: {
			clients: 'Les clients des épiceries rapportent volontiers les bocaux quand la consigne est affichée en caisse.',
			partners: 'Le réseau Vrac & Co Lyon relaie l’opération dans sa lettre d’information.',
			suppliers: 'Le verrier livre les bocaux par palette de 1 200, sous trois semaines.',
			competitors: 'Aucun biscuitier lyonnais ne propose encore de consigne.',
			prescribers: 'La Métropole de Lyon subventionne les projets de réemploi (appel à projets « Zéro déchet »).'
		},
		objective: {
			metric: 'Taux de retour des bocaux consignés',
			unit: '%',
			direction: 'increase',
			baseline: 40,
			target: 85,
			deadline: 40,
			why: 'Sous 80 % de retour, la consigne coûte plus cher que le sachet ; au-delà, nous économisons 0,30 € par bocal.'
		},
		owner: 'Lucas Moreau',
		team: 'Commercial',
		contributing: ['Production', 'Qualité & achats'],
		segments: [CROIX_ROUSSE, PENTES],
		resources: [
			{ amount: 3, unit: 'hours/week', who: 'Lucas Moreau', forWhat: 'Collecte des bocaux pendant la tournée' },
			{ amount: 2, unit: 'hours/week', who: 'Production', forWhat: 'Lavage et contrôle des bocaux' },
			{ amount: 1320, unit: '€', who: 'Qualité & achats', forWhat: 'Achat de 1 200 bocaux' }
		],
		phases: [
			{
				name: 'Pilote avec 3 épiceries de la Croix-Rousse',
				segments: [CROIX_ROUSSE],
				start: -44,
				end: -16,
				cadence: 'weekly',
				decision: {
					verdict: 'go',
					day: -16,
					reason: '58 % de retour en quatre semaines et aucune casse : on étend aux épiceries vrac.'
				}
			},
			{
				name: 'Extension aux épiceries vrac des Pentes',
				segments: [CROIX_ROUSSE, PENTES],
				start: -15,
				end: 40,
				cadence: 'weekly'
			}
		],
		checkIns: [
			{
				day: -37,
				value: 46,
				confidence: 'on-track',
				note: 'Première semaine : 46 % des bocaux revenus, surtout à l’Épicerie Rousse.',
				by: 'Lucas Moreau'
			},
			{
				day: -30,
				value: 49,
				confidence: 'on-track',
				note: 'Stable. Une épicerie oublie de rendre les caisses.',
				by: 'Lucas Moreau'
			},
			{
				day: -23,
				value: 55,
				confidence: 'on-track',
				note: 'Affichette « bocal consigné 0,50 € » en caisse : effet net dès la semaine.',
				by: 'Lucas Moreau'
			},
			{
				day: -16,
				value: 58,
				confidence: 'on-track',
				note: 'Fin du pilote, aucun bocal cassé au lavage.',
				by: 'Karim Benali',
				shared: true
			},
			{
				day: -8,
				value: 62,
				confidence: 'on-track',
				note: 'Les deux épiceries vrac démarrent bien, leurs clients connaissent déjà la consigne.',
				by: 'Lucas Moreau'
			},
			{
				day: -1,
				value: 66,
				confidence: 'on-track',
				note: 'En avance sur la trajectoire. Prochaine étape : un bac de collecte dans chaque épicerie.',
				by: 'Lucas Moreau',
				shared: true
			}
		]
	},
	{
		// At risk: a little below the line, no check-in missed.
		stage: 'rollout',
		title: 'Test d’une marketplace en Belgique',
		description:
			'Pilote sur 4 références pendant 8 semaines sur une marketplace belge d’épicerie fine, avant d’élargir le catalogue.',
		createdBy: 'Claire Lefèvre',
		strengths: [
			'Nos biscuits se conservent six mois : ils supportent l’expédition',
			'Deux références ont déjà un emballage bilingue français/néerlandais'
		],
		difficulties: [
			'Frais d’expédition élevés vers Bruxelles (8,90 € par colis)',
			'Personne ne parle néerlandais dans l’équipe'
		],
		micro: {
			clients: 'Les acheteurs belges comparent nos prix à ceux des spéculoos industriels.',
			partners: 'La marketplace offre une mise en avant en page d’accueil pendant le premier mois.',
			competitors: 'Trois biscuiteries françaises y sont déjà, avec plus de 200 avis chacune.'
		},
		forces: {
			buyersPower: { rating: 4, note: 'Les clients comparent en un clic ; les avis font la vente.' },
			suppliersPower: { rating: 2, note: 'Ingrédients courants, plusieurs sources possibles.' },
			newEntrants: { rating: 3, note: 'Ouvrir une boutique sur la marketplace est à la portée de tout artisan.' },
			substitutes: { rating: 4, note: 'Spéculoos et biscuits belges locaux, moins chers.' },
			rivalry: { rating: 3, note: 'Concurrence réelle, mais peu de biscuits artisanaux français.' }
		},
		objective: {
			metric: 'Commandes par semaine sur la marketplace',
			unit: 'commandes/semaine',
			direction: 'increase',
			baseline: 0,
			target: 60,
			deadline: 77,
			why: 'À 60 commandes par semaine, le canal couvre ses frais fixes (abonnement, préparation des colis) et justifie d’élargir la gamme.'
		},
		owner: 'Claire Lefèvre',
		team: 'Commercial',
		contributing: ['Qualité & achats'],
		segments: [BELGIUM],
		resources: [
			{ amount: 5, unit: 'hours/week', who: 'Claire Lefèvre', forWhat: 'Fiches produits et service client' },
			{ amount: 4, unit: 'hours/week', who: 'Lucas Moreau', forWhat: 'Préparation et expédition des colis' },
			{ amount: 450, unit: '€', who: 'Commercial', forWhat: 'Abonnement et mise en avant pendant 8 semaines' }
		],
		phases: [
			{ name: 'Pilote sur 4 références', segments: [BELGIUM], start: -35, end: 21, cadence: 'weekly' },
			{ name: 'Catalogue élargi à 12 références', segments: [BELGIUM], start: 22, end: 77, cadence: 'biweekly' }
		],
		checkIns: [
			{
				day: -28,
				value: 4,
				confidence: 'on-track',
				note: 'Mise en avant en page d’accueil : 4 commandes dès la première semaine.',
				by: 'Claire Lefèvre'
			},
			{
				day: -21,
				value: 6,
				confidence: 'on-track',
				note: 'Premiers avis : 4,8/5 sur le sablé au beurre salé.',
				by: 'Claire Lefèvre'
			},
			{
				day: -14,
				value: 9,
				confidence: 'at-risk',
				note: 'Fin de la mise en avant : les commandes progressent moins vite.',
				by: 'Claire Lefèvre'
			},
			{
				day: -7,
				value: 12,
				confidence: 'at-risk',
				note: 'Le port décourage les petits paniers. Piste : livraison offerte dès 35 €.',
				by: 'Lucas Moreau'
			}
		]
	},
	{
		// Off track: below the line, and three weekly check-ins missed (flagged).
		stage: 'rollout',
		title: 'Précommande en ligne pour réduire les invendus',
		description:
			'Les clients de la boutique réservent leur pain et leurs viennoiseries du week-end avant jeudi soir ; la Production ajuste les fournées du samedi.',
		createdBy: 'Karim Benali',
		globalObjective: 'environment',
		strengths: ['80 % des ventes du samedi viennent d’habitués', 'Le site a déjà un module de commande'],
		difficulties: ['Les clients ont l’habitude d’acheter sans réserver', 'Vendeuses du samedi peu formées à l’outil'],
		micro: {
			clients: 'Les habitués aiment l’idée mais oublient de réserver avant jeudi.',
			competitors: 'La boulangerie de la place prend déjà les réservations par téléphone.'
		},
		objective: {
			metric: 'Taux d’invendus du week-end',
			unit: '%',
			direction: 'decrease',
			baseline: 14,
			target: 6,
			deadline: 32,
			why: 'Chaque point d’invendus, c’est environ 60 € de pain jeté ou donné chaque week-end.'
		},
		owner: 'Karim Benali',
		team: 'Production',
		contributing: ['Commercial'],
		segments: [REGULARS],
		resources: [
			{
				amount: 2,
				unit: 'hours/week',
				who: 'Karim Benali',
				forWhat: 'Ajuster les fournées du samedi aux réservations'
			},
			{ amount: 1, unit: 'days', who: 'Lucas Moreau', forWhat: 'Former les vendeuses à l’outil de réservation' },
			{ amount: 150, unit: '€', who: 'Commercial', forWhat: 'Affiches et flyers en boutique' }
		],
		phases: [
			{ name: 'Pilote à la boutique de l’atelier', segments: [REGULARS], start: -52, end: 32, cadence: 'weekly' }
		],
		checkIns: [
			{
				day: -45,
				value: 13.5,
				confidence: 'on-track',
				note: 'Premier week-end : 22 réservations.',
				by: 'Karim Benali'
			},
			{
				day: -38,
				value: 13,
				confidence: 'on-track',
				note: '31 réservations, fournée du samedi réduite de 5 %.',
				by: 'Karim Benali'
			},
			{
				day: -31,
				value: 12.8,
				confidence: 'at-risk',
				note: 'Les réservations stagnent : beaucoup oublient la date limite du jeudi.',
				by: 'Lucas Moreau'
			},
			{
				day: -24,
				value: 12.9,
				confidence: 'off-track',
				note: 'Depuis le réaménagement de la vitrine, l’affiche n’est plus visible. Retour au niveau de départ.',
				by: 'Karim Benali'
			}
		]
	},

	// ——— Outcome ———
	{
		stage: 'outcome',
		title: 'Prise de commande par SMS',
		description:
			'Les épiceries passent commande par SMS au lieu d’appeler ; un modèle de message fixe les références et les quantités.',
		createdBy: 'Claire Lefèvre',
		globalObjective: 'loyalty',
		strengths: [
			'Tous les gérants d’épicerie ont un smartphone',
			'Lucas saisit déjà les commandes dans le logiciel de gestion'
		],
		difficulties: ['Risque d’erreurs de saisie sans confirmation', 'Commandes tardives le vendredi soir'],
		micro: {
			clients: 'Les épiceries veulent commander le soir après la fermeture, quand personne ne répond au téléphone.',
			partners: 'L’éditeur de notre logiciel de gestion propose un module SMS à 25 € par mois.'
		},
		objective: {
			metric: 'Commandes récurrentes des épiceries',
			unit: 'commandes/mois',
			direction: 'increase',
			baseline: 110,
			target: 125,
			deadline: -42,
			why: 'Des commandes plus régulières lissent la production et évitent le pic du lundi matin.'
		},
		owner: 'Claire Lefèvre',
		team: 'Commercial',
		contributing: ['Production'],
		segments: [GROCERS],
		resources: [
			{ amount: 300, unit: '€', who: 'Commercial', forWhat: 'Module SMS du logiciel de gestion (12 mois)' },
			{ amount: 2, unit: 'hours/week', who: 'Lucas Moreau', forWhat: 'Saisie et confirmation des commandes' }
		],
		phases: [
			{
				name: 'Pilote avec 10 épiceries',
				segments: [GROCERS],
				start: -140,
				end: -98,
				cadence: 'biweekly',
				decision: {
					verdict: 'go',
					day: -98,
					reason: '+7 % de commandes chez les 10 épiceries, aucune erreur de livraison.'
				}
			},
			{
				name: 'Toutes les épiceries clientes',
				segments: [GROCERS],
				start: -97,
				end: -42,
				cadence: 'biweekly',
				decision: {
					verdict: 'go',
					day: -40,
					reason: 'Objectif dépassé : on généralise et on arrête la prise de commande par téléphone le soir.'
				}
			}
		],
		checkIns: [
			{
				day: -126,
				value: 113,
				confidence: 'on-track',
				note: 'Les 10 épiceries ont adopté le modèle de SMS.',
				by: 'Lucas Moreau'
			},
			{
				day: -112,
				value: 116,
				confidence: 'on-track',
				note: 'Deux erreurs de quantité, corrigées par la confirmation.',
				by: 'Lucas Moreau'
			},
			{ day: -98, value: 118, confidence: 'on-track', note: 'Fin du pilote, bilan positif.', by: 'Claire Lefèvre' },
			{
				day: -83,
				value: 121,
				confidence: 'on-track',
				note: '34 épiceries sur 41 commandent par SMS.',
				by: 'Lucas Moreau'
			},
			{
				day: -69,
				value: 124,
				confidence: 'on-track',
				note: 'Heure limite du jeudi 18 h bien respectée.',
				by: 'Lucas Moreau'
			},
			{
				day: -55,
				value: 128,
				confidence: 'on-track',
				note: 'Objectif dépassé avec deux semaines d’avance.',
				by: 'Claire Lefèvre'
			}
		],
		outcome: {
			verdict: 'generalised',
			day: -35,
			result: 130,
			learnings:
				'Généralisé : +18 % de commandes récurrentes (130 par mois contre 110). 34 épiceries sur 41 commandent désormais par SMS.\n' +
				'Ce qui a marché : un modèle de message très simple (référence × quantité) et une confirmation systématique en retour.\n' +
				'À retenir : fixer dès le départ une heure limite (jeudi 18 h), sinon les commandes du vendredi soir désorganisent la production.'
		}
	},
	{
		stage: 'outcome',
		title: 'Livraison mutualisée avec la Fromagerie Besson',
		description:
			'Partager la camionnette et le chauffeur avec une fromagerie voisine qui livre les mêmes épiceries, le mardi et le vendredi.',
		createdBy: 'Karim Benali',
		globalObjective: 'environment',
		strengths: [
			'Douze épiceries en commun sur nos tournées',
			'Camionnette réfrigérée aux normes pour les deux maisons'
		],
		difficulties: [
			'Horaires de livraison différents : nous le matin, eux l’après-midi',
			'Partage des coûts et de l’assurance à contractualiser'
		],
		micro: {
			partners: 'La Fromagerie Besson est prête à partager carburant et chauffeur à parts égales.',
			clients: 'Les épiceries apprécient une seule livraison, mais veulent le pain avant 9 h.'
		},
		objective: {
			metric: 'Coût de livraison par tournée',
			unit: '€',
			direction: 'decrease',
			baseline: 62,
			target: 45,
			deadline: -20,
			why: 'La livraison représente 11 % de notre prix de vente aux épiceries : c’est notre premier levier de marge.'
		},
		owner: 'Karim Benali',
		team: 'Production',
		contributing: ['Commercial'],
		segments: [SHARED_GROCERS],
		resources: [
			{ amount: 1, unit: 'days', who: 'Karim Benali', forWhat: 'Refonte des tournées avec la fromagerie' },
			{ amount: 500, unit: '€', who: 'Production', forWhat: 'Étagères séparées dans la camionnette' }
		],
		phases: [
			{
				name: 'Tournée commune du mardi',
				segments: [SHARED_GROCERS],
				start: -90,
				end: -48,
				cadence: 'weekly',
				decision: { verdict: 'go', day: -48, reason: 'Coût en baisse, horaires tenables : on ajoute le vendredi.' }
			},
			{
				name: 'Tournées du mardi et du vendredi',
				segments: [SHARED_GROCERS],
				start: -47,
				end: -20,
				cadence: 'weekly',
				decision: {
					verdict: 'no-go',
					day: -19,
					reason: 'Le vendredi, le pain arrive trop tard dans les épiceries : on ne garde que le mardi.'
				}
			}
		],
		checkIns: [
			{
				day: -83,
				value: 58,
				confidence: 'on-track',
				note: 'Première tournée commune sans incident.',
				by: 'Karim Benali'
			},
			{
				day: -69,
				value: 54,
				confidence: 'on-track',
				note: 'Chauffeur partagé : le coût baisse nettement.',
				by: 'Karim Benali'
			},
			{ day: -55, value: 52, confidence: 'on-track', note: 'Tournée du mardi rodée.', by: 'Karim Benali' },
			{
				day: -40,
				value: 51,
				confidence: 'at-risk',
				note: 'Retards le vendredi : deux épiceries se plaignent.',
				by: 'Lucas Moreau'
			},
			{
				day: -26,
				value: 55,
				confidence: 'off-track',
				note: 'Tournée du vendredi rallongée pour tenir les horaires : le gain disparaît.',
				by: 'Karim Benali'
			}
		],
		outcome: {
			verdict: 'adjusted',
			day: -15,
			result: 55,
			learnings:
				'Ajusté : le coût par tournée baisse (55 € au lieu de 62 €) sans atteindre les 45 € visés. Les horaires des deux métiers ne coïncident que le mardi.\n' +
				'Décision : la tournée commune du mardi continue ; nous livrons seuls le vendredi.\n' +
				'À retenir : vérifier les horaires de réception des clients avant de chiffrer les économies d’une mutualisation.'
		}
	}
];
