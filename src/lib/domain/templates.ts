import { fromDay, toDay } from './method/dates.ts';
import { ACTORS, type Actor, type Cadence, type Direction, type IsoDate } from './method/types.ts';

/**
 * Ready-made micro-initiatives a new card can start from: the card's title and description, review
 * prompts, a metric and a suggested rollout, in French and English. Everything is a starting point
 * to adapt; nothing here is a rule of the method.
 */

export type TemplateLocale = 'fr' | 'en';

export interface Localized {
	fr: string;
	en: string;
}

export interface InitiativeTemplate {
	/** Kebab-case slug, stable: it may be stored or linked to. */
	id: string;
	/** Becomes the card title (at most LIMITS.title). */
	title: Localized;
	/** One line shown in the template picker. */
	summary: Localized;
	/** The card description: context and how to run it, as plain text. */
	description: Localized;
	/** Typical strengths, phrased as questions to adapt. */
	strengths: Localized[];
	/** Typical difficulties, phrased as questions to adapt. */
	difficulties: Localized[];
	/** Review prompts: questions to answer about each actor. */
	microEnvironment: Partial<Record<Actor, Localized>>;
	metric: { name: Localized; unit: Localized; direction: Direction };
	/** Suggested rollout, a pilot then its extensions, run back to back. */
	phases: { name: Localized; weeks: number; cadence: Cadence }[];
}

/** What a template pre-fills on a new card, in one language; phases are dated back to back, the first starting `start`. */
export interface TemplateCard {
	title: string;
	description: string;
	strengths: string[];
	difficulties: string[];
	microEnvironment: Partial<Record<Actor, string>>;
	objective: { metric: string; unit: string; direction: Direction };
	phases: { name: string; segments: string[]; start: IsoDate; end: IsoDate; cadence: Cadence; decision: null }[];
}

const lines = (...paragraphs: string[]) => paragraphs.join('\n');

export const TEMPLATES: readonly InitiativeTemplate[] = [
	{
		id: 'local-sourcing',
		title: { fr: 'Passer une partie des achats en circuit court', en: 'Move part of purchasing to local suppliers' },
		summary: {
			fr: 'Remplacer quelques achats par des producteurs ou fournisseurs locaux, en commençant par une famille de produits.',
			en: 'Replace some purchases with local producers or suppliers, starting with one product family.'
		},
		description: {
			fr: lines(
				'Objectif : acheter davantage auprès de producteurs et fournisseurs proches (à moins de 150 km, par exemple), sans dégrader la marge ni la régularité des livraisons.',
				'',
				'Comment s’y prendre :',
				'– choisir une famille de produits pour laquelle une offre locale existe (matières premières, denrées, emballages…) ;',
				'– trouver deux ou trois fournisseurs par la chambre d’agriculture, la CCI, la CMA ou les réseaux de producteurs ;',
				'– tester quelques semaines sur des volumes limités, en suivant prix, qualité et délais ;',
				'– étendre aux autres familles si l’essai est concluant.',
				'',
				'Mesure : part des achats (en valeur) faits localement, calculée chaque mois à partir des factures.'
			),
			en: lines(
				'Goal: buy more from nearby producers and suppliers (within 150 km, say) without hurting the margin or the regularity of deliveries.',
				'',
				'How to run it:',
				'- pick a product family for which local supply exists (raw materials, food, packaging…);',
				'- find two or three suppliers through the chamber of agriculture, the chamber of commerce or producer networks;',
				'- test for a few weeks on limited volumes, tracking price, quality and lead times;',
				'- extend to other families if the trial works.',
				'',
				'Measure: share of purchases (by value) made locally, computed every month from the invoices.'
			)
		},
		strengths: [
			{
				fr: 'Des producteurs ou artisans locaux que l’équipe connaît déjà ?',
				en: 'Local producers or craftspeople the team already knows?'
			},
			{
				fr: 'Une clientèle attentive à l’origine des produits ?',
				en: 'Customers who care where products come from?'
			}
		],
		difficulties: [
			{
				fr: 'Des prix locaux plus élevés : quelle part de marge peut-on y consacrer ?',
				en: 'Higher local prices: how much margin can we give up?'
			},
			{
				fr: 'Des volumes ou une régularité de livraison insuffisants ?',
				en: 'Volumes or delivery regularity too low?'
			}
		],
		microEnvironment: {
			suppliers: {
				fr: 'Quels fournisseurs locaux peuvent livrer nos volumes, à quel prix et à quelle fréquence ? Que perd-on chez les fournisseurs actuels (remises, franco de port) ?',
				en: 'Which local suppliers can deliver our volumes, at what price and how often? What do we lose with current suppliers (discounts, free-delivery thresholds)?'
			},
			clients: {
				fr: 'Nos clients remarquent-ils l’origine locale ? Sont-ils prêts à payer un peu plus pour elle ?',
				en: 'Do our customers notice the local origin? Would they pay a little more for it?'
			},
			partners: {
				fr: 'Quels réseaux (chambre d’agriculture, CCI, groupements d’achat, plateformes de producteurs) peuvent nous mettre en relation ?',
				en: 'Which networks (chamber of agriculture, chamber of commerce, buying groups, producer platforms) can introduce us?'
			},
			competitors: {
				fr: 'Des concurrents mettent-ils déjà le local en avant ? Sur quels produits ?',
				en: 'Do competitors already promote local sourcing? On which products?'
			}
		},
		metric: {
			name: { fr: 'Part des achats locaux', en: 'Share of local purchasing' },
			unit: { fr: '%', en: '%' },
			direction: 'increase'
		},
		phases: [
			{
				name: { fr: 'Pilote sur une famille de produits', en: 'Pilot on one product family' },
				weeks: 8,
				cadence: 'biweekly'
			},
			{
				name: { fr: 'Extension aux autres familles', en: 'Extension to other families' },
				weeks: 12,
				cadence: 'monthly'
			}
		]
	},
	{
		id: 'energy-savings',
		title: { fr: 'Réduire la consommation d’électricité', en: 'Cut electricity consumption' },
		summary: {
			fr: 'Repérer les gros postes de consommation et tester des réglages simples avant d’investir.',
			en: 'Find the biggest consumers of power and test simple settings before investing.'
		},
		description: {
			fr: lines(
				'Objectif : baisser la facture d’électricité en agissant d’abord sur les usages (horaires, réglages, veilles), puis sur les équipements.',
				'',
				'Comment s’y prendre :',
				'– relever la consommation des douze derniers mois (factures, espace client du fournisseur, courbe de charge du compteur Linky) ;',
				'– faire le tour des postes : chauffage et climatisation, froid, éclairage, machines, informatique ;',
				'– tester pendant un mois des mesures sans investissement : programmation, extinction la nuit et le week-end, consignes de température ;',
				'– chiffrer ensuite les investissements (LED, variateurs, régulation) et les aides possibles (certificats d’économies d’énergie, diagnostics de la CCI ou de l’ADEME).',
				'',
				'Mesure : consommation électrique mensuelle en kWh, comparée au même mois de l’année précédente.'
			),
			en: lines(
				'Goal: lower the electricity bill by acting first on usage (opening hours, settings, standby), then on equipment.',
				'',
				'How to run it:',
				'- collect the last twelve months of consumption (bills, the supplier’s customer area, the smart meter’s load curve);',
				'- go through every use: heating and air conditioning, refrigeration, lighting, machines, IT;',
				'- for one month, test measures that cost nothing: timers, switching off at night and at weekends, temperature set points;',
				'- then price the investments (LED lighting, variable-speed drives, controls) and the available grants or energy-saving certificates.',
				'',
				'Measure: monthly electricity consumption in kWh, compared with the same month of the previous year.'
			)
		},
		strengths: [
			{
				fr: 'Des factures et relevés disponibles sur plusieurs années ?',
				en: 'Bills and meter readings available over several years?'
			},
			{
				fr: 'Une équipe prête à changer quelques habitudes ?',
				en: 'A team willing to change a few habits?'
			}
		],
		difficulties: [
			{
				fr: 'Des équipements anciens, coûteux à remplacer ?',
				en: 'Old equipment that is costly to replace?'
			},
			{
				fr: 'Une consommation qui dépend de la météo ou de l’activité, donc difficile à comparer ?',
				en: 'Consumption driven by weather or activity, hence hard to compare?'
			}
		],
		microEnvironment: {
			suppliers: {
				fr: 'Notre fournisseur d’énergie propose-t-il un suivi détaillé ou un contrat mieux adapté (heures creuses, offre professionnelle) ?',
				en: 'Does our energy supplier offer detailed monitoring or a better-suited contract (off-peak hours, business plan)?'
			},
			partners: {
				fr: 'Qui peut nous accompagner : CCI ou CMA, installateur, propriétaire des locaux ?',
				en: 'Who can help us: chamber of commerce or trades, installer, landlord?'
			},
			clients: {
				fr: 'Les changements (horaires, température, éclairage) gênent-ils l’accueil des clients ?',
				en: 'Do the changes (hours, temperature, lighting) get in the way of welcoming customers?'
			}
		},
		metric: {
			name: { fr: 'Consommation électrique', en: 'Electricity consumption' },
			unit: { fr: 'kWh/mois', en: 'kWh/month' },
			direction: 'decrease'
		},
		phases: [
			{ name: { fr: 'Mesures sans investissement', en: 'No-cost measures' }, weeks: 4, cadence: 'weekly' },
			{ name: { fr: 'Investissements ciblés', en: 'Targeted investments' }, weeks: 8, cadence: 'biweekly' }
		]
	},
	{
		id: 'customer-feedback-loop',
		title: {
			fr: 'Mettre en place une boucle de retours clients sur une offre existante',
			en: 'Set up a customer-feedback loop on an existing offer'
		},
		summary: {
			fr: 'Recueillir régulièrement l’avis des clients sur une offre, en tirer une amélioration et vérifier son effet.',
			en: 'Regularly gather customer opinions on one offer, turn them into an improvement and check its effect.'
		},
		description: {
			fr: lines(
				'Objectif : écouter les clients d’une offre déjà vendue, corriger ce qui les gêne et vérifier que leur satisfaction progresse.',
				'',
				'Comment s’y prendre :',
				'– choisir une offre (un produit, un service, une formule) et un moment de contact : après l’achat, la livraison ou l’intervention ;',
				'– poser deux ou trois questions courtes, dont « Recommanderiez-vous notre offre à un proche ? » sur une échelle de 0 à 10 ;',
				'– relire les réponses chaque semaine, retenir une seule amélioration à la fois et dire aux clients ce qui a changé ;',
				'– comparer la note avant et après chaque amélioration.',
				'',
				'Mesure : score de recommandation (NPS), de −100 à +100.'
			),
			en: lines(
				'Goal: listen to the customers of an offer we already sell, fix what bothers them and check that their satisfaction improves.',
				'',
				'How to run it:',
				'- pick one offer (a product, a service, a package) and one point of contact: after purchase, delivery or the visit;',
				'- ask two or three short questions, including “How likely are you to recommend us to a friend?” on a 0 to 10 scale;',
				'- read the answers every week, pick one improvement at a time and tell customers what changed;',
				'- compare the score before and after each improvement.',
				'',
				'Measure: Net Promoter Score (NPS), from −100 to +100.'
			)
		},
		strengths: [
			{
				fr: 'Des clients fidèles qui acceptent de donner leur avis ?',
				en: 'Loyal customers willing to give feedback?'
			},
			{
				fr: 'Un contact direct avec les clients (comptoir, livraison, téléphone) ?',
				en: 'Direct contact with customers (counter, delivery, phone)?'
			}
		],
		difficulties: [
			{
				fr: 'Peu de réponses, ou seulement celles des clients très contents ou très mécontents ?',
				en: 'Few answers, or only from very happy or very unhappy customers?'
			},
			{
				fr: 'Du temps pour traiter les retours et y répondre ?',
				en: 'Time to process the feedback and reply to it?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Quels clients interroger en premier ? Qu’attendent-ils de l’offre, et qu’est-ce qui les fait hésiter à racheter ?',
				en: 'Which customers should we ask first? What do they expect from the offer, and what makes them hesitate to buy again?'
			},
			partners: {
				fr: 'Des distributeurs ou revendeurs nous font-ils déjà remonter des remarques de clients ?',
				en: 'Do distributors or resellers already pass customer comments on to us?'
			},
			competitors: {
				fr: 'Que disent les avis en ligne sur les offres concurrentes ?',
				en: 'What do online reviews say about competing offers?'
			},
			prescribers: {
				fr: 'Qui nous recommande (bouche-à-oreille, avis Google, prescripteurs), et pour quelles raisons ?',
				en: 'Who recommends us (word of mouth, Google reviews, referrers), and why?'
			}
		},
		metric: {
			name: { fr: 'Score de recommandation (NPS)', en: 'Net Promoter Score (NPS)' },
			unit: { fr: 'points', en: 'points' },
			direction: 'increase'
		},
		phases: [
			{ name: { fr: 'Premier cycle sur une offre', en: 'First cycle on one offer' }, weeks: 6, cadence: 'weekly' },
			{ name: { fr: 'Boucle en routine', en: 'Loop as a routine' }, weeks: 12, cadence: 'monthly' }
		]
	},
	{
		id: 'supplier-risk-audit',
		title: {
			fr: 'Auditer la vulnérabilité de la chaîne d’approvisionnement',
			en: 'Audit supply-chain vulnerability'
		},
		summary: {
			fr: 'Noter chaque fournisseur critique sur cinq risques, puis réduire l’exposition aux plus fragiles.',
			en: 'Score each critical supplier on five risks, then reduce exposure to the weakest ones.'
		},
		description: {
			fr: lines(
				'Objectif : savoir quels fournisseurs pourraient bloquer l’activité en cas de défaillance, et réduire ce risque avant qu’il ne se réalise.',
				'',
				'Comment s’y prendre :',
				'– lister les fournisseurs dont l’absence arrêterait la production ou la vente (souvent une dizaine) ;',
				'– noter chacun de 1 à 5 sur cinq critères : dépendance (part de nos achats, fournisseur unique), fragilité financière, distance et délais, difficulté à le remplacer, fiabilité passée (retards, non-conformités) ;',
				'– additionner les notes pour obtenir un score sur 25 par fournisseur ;',
				'– pour les scores les plus élevés : chercher un second fournisseur, constituer un stock de sécurité ou revoir le contrat.',
				'',
				'Mesure : score de risque moyen des fournisseurs critiques, recalculé à chaque point d’étape.'
			),
			en: lines(
				'Goal: know which suppliers could halt the business if they failed, and reduce that risk before it happens.',
				'',
				'How to run it:',
				'- list the suppliers whose absence would stop production or sales (often about ten);',
				'- score each from 1 to 5 on five criteria: dependence (share of our purchases, single source), financial fragility, distance and lead times, difficulty of replacing them, past reliability (delays, defects);',
				'- add up the scores to get a score out of 25 per supplier;',
				'- for the highest scores: find a second supplier, build safety stock or renegotiate the contract.',
				'',
				'Measure: average risk score of the critical suppliers, recomputed at every check-in.'
			)
		},
		strengths: [
			{
				fr: 'Des relations anciennes et de confiance avec les fournisseurs clés ?',
				en: 'Long-standing, trusted relationships with key suppliers?'
			},
			{
				fr: 'Un historique des commandes et des retards facile à retrouver ?',
				en: 'An easy-to-find history of orders and delays?'
			}
		],
		difficulties: [
			{
				fr: 'Un fournisseur unique, impossible à remplacer à court terme ?',
				en: 'A single supplier that cannot be replaced in the short term?'
			},
			{
				fr: 'Peu d’informations sur la santé financière des fournisseurs ?',
				en: 'Little information on suppliers’ financial health?'
			}
		],
		microEnvironment: {
			suppliers: {
				fr: 'Quels fournisseurs sont uniques ou lointains ? Ont-ils eux-mêmes des sources de secours ?',
				en: 'Which suppliers are single sources or far away? Do they have back-up sources themselves?'
			},
			partners: {
				fr: 'Peut-on partager des achats ou un stock avec d’autres entreprises du secteur ?',
				en: 'Could we pool purchases or stock with other businesses in the sector?'
			},
			clients: {
				fr: 'Quels clients seraient touchés en premier par une rupture, et avec quelles conséquences ?',
				en: 'Which customers would a shortage hit first, and with what consequences?'
			},
			competitors: {
				fr: 'Nos concurrents dépendent-ils des mêmes fournisseurs ? Qui serait servi en premier en cas de pénurie ?',
				en: 'Do our competitors depend on the same suppliers? Who would be served first in a shortage?'
			}
		},
		metric: {
			name: { fr: 'Score de risque fournisseurs moyen', en: 'Average supplier risk score' },
			unit: { fr: '/25', en: '/25' },
			direction: 'decrease'
		},
		phases: [
			{
				name: { fr: 'Audit des fournisseurs critiques', en: 'Audit of critical suppliers' },
				weeks: 4,
				cadence: 'weekly'
			},
			{
				name: { fr: 'Plans de secours pour les plus exposés', en: 'Back-up plans for the most exposed' },
				weeks: 12,
				cadence: 'biweekly'
			}
		]
	},
	{
		id: 'competitor-seo-audit',
		title: { fr: 'Auditer le référencement naturel des concurrents', en: 'Audit competitors’ search rankings' },
		summary: {
			fr: 'Comparer notre visibilité sur Google à celle de trois concurrents, puis combler l’écart sur quelques recherches clés.',
			en: 'Compare our Google visibility with three competitors’, then close the gap on a few key searches.'
		},
		description: {
			fr: lines(
				'Objectif : comprendre pourquoi des concurrents apparaissent avant nous dans les recherches de nos clients, puis gagner des positions sur une courte liste de mots-clés.',
				'',
				'Comment s’y prendre :',
				'– choisir dix à vingt recherches que font vraiment nos clients (métier + ville, problème à résoudre, nom de produit) ;',
				'– relever pour chacune la position de notre site et celle de trois concurrents, et comparer les fiches d’établissement Google ;',
				'– noter ce qu’ils font mieux : pages dédiées, contenus, nombre d’avis, liens depuis d’autres sites ;',
				'– corriger nos pages et notre fiche, puis relever les positions chaque mois.',
				'',
				'Mesure : nombre de mots-clés suivis pour lesquels notre site apparaît en première page.'
			),
			en: lines(
				'Goal: understand why competitors show up before us in our customers’ searches, then gain positions on a short list of keywords.',
				'',
				'How to run it:',
				'- pick ten to twenty searches our customers really make (trade + town, problem to solve, product name);',
				'- for each one, note where our site ranks and where three competitors rank, and compare the Google Business Profiles;',
				'- note what they do better: dedicated pages, content, number of reviews, links from other sites;',
				'- fix our pages and our profile, then check the rankings every month.',
				'',
				'Measure: number of tracked keywords for which our site appears on the first page.'
			)
		},
		strengths: [
			{
				fr: 'Un savoir-faire ou des réalisations à montrer sur le site ?',
				en: 'Know-how or past work to show on the website?'
			},
			{
				fr: 'Des clients satisfaits prêts à laisser un avis en ligne ?',
				en: 'Happy customers willing to leave an online review?'
			}
		],
		difficulties: [
			{
				fr: 'Un site ancien ou difficile à modifier soi-même ?',
				en: 'An old website, or one that is hard to edit ourselves?'
			},
			{
				fr: 'Peu de temps pour écrire des contenus régulièrement ?',
				en: 'Little time to write content regularly?'
			}
		],
		microEnvironment: {
			competitors: {
				fr: 'Quels concurrents sortent en premier sur nos recherches clés ? Avec quelles pages, quels contenus et combien d’avis ?',
				en: 'Which competitors come first on our key searches? With which pages, what content and how many reviews?'
			},
			clients: {
				fr: 'Quels mots nos clients tapent-ils vraiment pour trouver un prestataire comme nous ?',
				en: 'Which words do our customers really type to find a business like ours?'
			},
			partners: {
				fr: 'Qui gère notre site (agence, prestataire, en interne) et peut faire les modifications ?',
				en: 'Who runs our website (agency, freelancer, in-house) and can make the changes?'
			},
			prescribers: {
				fr: 'Quels annuaires, fédérations ou sites partenaires pourraient publier un lien vers nous ?',
				en: 'Which directories, trade federations or partner sites could link to us?'
			}
		},
		metric: {
			name: { fr: 'Mots-clés suivis en première page de Google', en: 'Tracked keywords on Google’s first page' },
			unit: { fr: 'mots-clés', en: 'keywords' },
			direction: 'increase'
		},
		phases: [
			{ name: { fr: 'Audit et premières corrections', en: 'Audit and first fixes' }, weeks: 6, cadence: 'biweekly' },
			{
				name: { fr: 'Contenus et fiche d’établissement', en: 'Content and business profile' },
				weeks: 12,
				cadence: 'monthly'
			}
		]
	},
	{
		id: 'marketplace-export-test',
		title: { fr: 'Tester un marché étranger via une marketplace', en: 'Test a foreign market through a marketplace' },
		summary: {
			fr: 'Vendre une petite sélection de produits sur une marketplace d’un pays voisin pour mesurer la demande avant d’aller plus loin.',
			en: 'Sell a small selection of products on a marketplace in a neighbouring country to gauge demand before going further.'
		},
		description: {
			fr: lines(
				'Objectif : vérifier à moindre coût qu’un marché étranger achète nos produits, sans ouvrir de filiale ni recruter.',
				'',
				'Comment s’y prendre :',
				'– choisir un pays (langue, proximité, habitudes d’achat) et une marketplace bien implantée dans notre secteur (Amazon, eBay, Etsy, ManoMano…) ;',
				'– sélectionner cinq à dix produits qui voyagent bien et dont la marge supporte commissions et frais de port ;',
				'– faire traduire les fiches produits et vérifier les obligations : TVA (guichet unique OSS), étiquetage, droit de rétractation et retours ;',
				'– suivre les ventes, les avis et la marge réelle pendant tout le test.',
				'',
				'Mesure : chiffre d’affaires mensuel réalisé sur la marketplace dans le pays testé.'
			),
			en: lines(
				'Goal: check cheaply whether a foreign market buys our products, without opening a subsidiary or hiring.',
				'',
				'How to run it:',
				'- pick a country (language, proximity, buying habits) and a marketplace that is strong in our sector (Amazon, eBay, Etsy, ManoMano…);',
				'- select five to ten products that travel well and whose margin can absorb fees and shipping;',
				'- have the product pages translated and check the obligations: VAT (EU One-Stop Shop), labelling, withdrawal rights and returns;',
				'- track sales, reviews and the real margin throughout the test.',
				'',
				'Measure: monthly revenue made on the marketplace in the test country.'
			)
		},
		strengths: [
			{
				fr: 'Des produits déjà demandés par des clients étrangers ou des touristes ?',
				en: 'Products already asked for by foreign customers or tourists?'
			},
			{
				fr: 'Quelqu’un dans l’équipe qui parle la langue du pays visé ?',
				en: 'Someone on the team who speaks the target country’s language?'
			}
		],
		difficulties: [
			{
				fr: 'Des commissions, frais de port et retours qui mangent la marge ?',
				en: 'Fees, shipping and returns eating up the margin?'
			},
			{
				fr: 'Des obligations fiscales et réglementaires mal connues (TVA, étiquetage, garanties) ?',
				en: 'Poorly known tax and regulatory obligations (VAT, labelling, warranties)?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Qui achète ce type de produit dans le pays visé, à quel prix et avec quelles attentes de livraison ?',
				en: 'Who buys this kind of product in the target country, at what price and with what delivery expectations?'
			},
			competitors: {
				fr: 'Quels vendeurs, locaux ou étrangers, sont déjà présents sur la marketplace ? À quels prix, avec quels avis ?',
				en: 'Which sellers, local or foreign, are already on the marketplace? At what prices, with what reviews?'
			},
			partners: {
				fr: 'Qui peut nous aider : Team France Export, CCI, logisticien, traducteur ?',
				en: 'Who can help us: the national export agency, chamber of commerce, logistics provider, translator?'
			},
			suppliers: {
				fr: 'Nos fournisseurs et notre transporteur peuvent-ils suivre des envois vers l’étranger ?',
				en: 'Can our suppliers and our carrier keep up with shipments abroad?'
			}
		},
		metric: {
			name: { fr: 'Chiffre d’affaires mensuel sur le marché testé', en: 'Monthly revenue in the test market' },
			unit: { fr: '€/mois', en: '€/month' },
			direction: 'increase'
		},
		phases: [
			{
				name: { fr: 'Test sur une sélection de produits', en: 'Test on a product selection' },
				weeks: 8,
				cadence: 'weekly'
			},
			{ name: { fr: 'Élargissement du catalogue', en: 'Wider catalogue' }, weeks: 12, cadence: 'biweekly' }
		]
	},
	{
		id: 'repair-service-pilot',
		title: {
			fr: 'Lancer un service de réparation ou d’après-vente',
			en: 'Launch a repair or after-sales service'
		},
		summary: {
			fr: 'Proposer réparation et entretien des produits vendus, d’abord sur une gamme, pour fidéliser et créer un revenu.',
			en: 'Offer repair and servicing of the products we sell, first on one range, to build loyalty and a new revenue stream.'
		},
		description: {
			fr: lines(
				'Objectif : prolonger la vie des produits vendus et garder le contact avec les clients après l’achat, avec un service qui couvre au moins ses coûts.',
				'',
				'Comment s’y prendre :',
				'– choisir une gamme où les pannes ou l’usure sont fréquentes et les pièces détachées disponibles ;',
				'– définir une offre simple : diagnostic, forfaits de réparation, délais annoncés ;',
				'– décider qui répare (en interne ou un artisan partenaire) et vérifier si le bonus réparation (label QualiRépar) s’applique à nos produits ;',
				'– en parler aux clients au moment de la vente, puis suivre les demandes, les délais et la satisfaction.',
				'',
				'Mesure : nombre de réparations ou d’interventions réalisées par mois.'
			),
			en: lines(
				'Goal: extend the life of the products we sell and stay in touch with customers after the sale, with a service that at least covers its costs.',
				'',
				'How to run it:',
				'- pick a range where breakdowns or wear are common and spare parts are available;',
				'- define a simple offer: diagnosis, fixed-price repairs, stated turnaround times;',
				'- decide who repairs (in-house or a partner craftsperson) and check whether a repair bonus scheme covers our products;',
				'- mention it to customers at the point of sale, then track requests, turnaround and satisfaction.',
				'',
				'Measure: number of repairs or service jobs completed per month.'
			)
		},
		strengths: [
			{
				fr: 'Un savoir-faire technique déjà présent dans l’équipe ?',
				en: 'Technical know-how already in the team?'
			},
			{
				fr: 'Des clients qui demandent déjà si l’on peut réparer ?',
				en: 'Customers who already ask whether we can repair?'
			}
		],
		difficulties: [
			{
				fr: 'Des pièces détachées rares ou chères ?',
				en: 'Spare parts that are scarce or expensive?'
			},
			{
				fr: 'Des réparations qui prennent de la place ou du temps à l’atelier ou en magasin ?',
				en: 'Repairs taking up room or time in the workshop or the shop?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Quels clients ont déjà demandé une réparation ? Quel prix et quel délai accepteraient-ils ?',
				en: 'Which customers have already asked for a repair? What price and turnaround would they accept?'
			},
			suppliers: {
				fr: 'Nos fournisseurs ou les fabricants fournissent-ils pièces détachées et documentation technique ?',
				en: 'Do our suppliers or the manufacturers provide spare parts and technical documentation?'
			},
			partners: {
				fr: 'Un artisan réparateur ou un atelier voisin peut-il prendre une partie des interventions ?',
				en: 'Could a repairer or a nearby workshop take on part of the jobs?'
			},
			competitors: {
				fr: 'Qui répare déjà ces produits près de chez nous, et à quels tarifs ?',
				en: 'Who already repairs these products near us, and at what prices?'
			}
		},
		metric: {
			name: { fr: 'Réparations réalisées', en: 'Repairs completed' },
			unit: { fr: 'réparations/mois', en: 'repairs/month' },
			direction: 'increase'
		},
		phases: [
			{ name: { fr: 'Pilote sur une gamme', en: 'Pilot on one range' }, weeks: 8, cadence: 'biweekly' },
			{ name: { fr: 'Extension à d’autres gammes', en: 'Extension to other ranges' }, weeks: 12, cadence: 'monthly' }
		]
	},
	{
		id: 'ephemeral-range',
		title: { fr: 'Lancer une gamme éphémère', en: 'Launch a limited-time range' },
		summary: {
			fr: 'Proposer une petite série limitée dans le temps pour tester une nouveauté et donner aux clients une raison de revenir.',
			en: 'Offer a small limited-time series to test something new and give customers a reason to come back.'
		},
		description: {
			fr: lines(
				'Objectif : tester une idée de produit sans s’engager sur une gamme permanente, en jouant sur la nouveauté et la rareté.',
				'',
				'Comment s’y prendre :',
				'– choisir un thème (saison, fête, collaboration avec un créateur ou un producteur local) et trois à cinq références ;',
				'– fixer dès le départ la durée, les quantités et les prix, et l’annoncer clairement : « disponible jusqu’au… » ;',
				'– préparer la communication : vitrine, réseaux sociaux, fichier clients ;',
				'– suivre les ventes chaque semaine et décider à la fin : arrêter, reconduire ou intégrer à la gamme.',
				'',
				'Mesure : taux d’écoulement, soit la part des quantités produites ou achetées qui a été vendue.'
			),
			en: lines(
				'Goal: test a product idea without committing to a permanent range, playing on novelty and scarcity.',
				'',
				'How to run it:',
				'- pick a theme (season, holiday, collaboration with a designer or local producer) and three to five items;',
				'- set the duration, quantities and prices from the start, and say so clearly: “available until…”;',
				'- prepare the communication: shop window, social media, customer mailing list;',
				'- track sales every week and decide at the end: stop, repeat or add to the permanent range.',
				'',
				'Measure: sell-through rate, the share of the quantities made or bought that was sold.'
			)
		},
		strengths: [
			{
				fr: 'Une clientèle d’habitués curieuse des nouveautés ?',
				en: 'Regular customers who are curious about new things?'
			},
			{
				fr: 'Des fournisseurs ou un atelier capables de produire de petites séries ?',
				en: 'Suppliers or a workshop able to produce small batches?'
			}
		],
		difficulties: [
			{
				fr: 'Des invendus si la série ne trouve pas son public ?',
				en: 'Unsold stock if the series does not find its audience?'
			},
			{
				fr: 'Des minimums de commande trop élevés chez les fournisseurs ?',
				en: 'Suppliers’ minimum order quantities too high?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Quels clients réagissent aux nouveautés ? Par quel canal les prévenir ?',
				en: 'Which customers respond to new products? Through which channel should we tell them?'
			},
			suppliers: {
				fr: 'Quels fournisseurs acceptent de petites quantités, et dans quels délais ?',
				en: 'Which suppliers accept small quantities, and with what lead times?'
			},
			partners: {
				fr: 'Avec quel créateur, producteur ou commerce voisin pourrait-on faire une collaboration ?',
				en: 'Which designer, producer or neighbouring shop could we collaborate with?'
			},
			competitors: {
				fr: 'Que proposent les concurrents pour la même saison ?',
				en: 'What do competitors offer for the same season?'
			}
		},
		metric: {
			name: { fr: 'Taux d’écoulement de la gamme éphémère', en: 'Sell-through rate of the limited range' },
			unit: { fr: '%', en: '%' },
			direction: 'increase'
		},
		phases: [
			{ name: { fr: 'Première série', en: 'First series' }, weeks: 6, cadence: 'weekly' },
			{ name: { fr: 'Deuxième série ajustée', en: 'Adjusted second series' }, weeks: 6, cadence: 'weekly' }
		]
	},
	{
		id: 'unsold-stock-reduction',
		title: { fr: 'Réduire les invendus', en: 'Reduce unsold stock' },
		summary: {
			fr: 'Commander et produire au plus juste, et donner une seconde vie aux invendus plutôt que de les jeter.',
			en: 'Order and produce closer to demand, and give unsold goods a second life instead of throwing them away.'
		},
		description: {
			fr: lines(
				'Objectif : perdre moins de marchandise (produits périmés, fins de série, surproduction) en commandant plus juste et en écoulant le reste.',
				'',
				'Comment s’y prendre :',
				'– peser ou compter les invendus pendant deux semaines, par famille de produits, pour savoir d’où ils viennent ;',
				'– ajuster commandes et production sur les familles les plus touchées (historique des ventes, jour de la semaine, météo) ;',
				'– organiser l’écoulement : prix réduits en fin de journée ou de saison, paniers antigaspi, dons à des associations ;',
				'– vérifier les obligations : la loi Agec interdit de détruire les invendus non alimentaires, qui doivent être donnés ou recyclés.',
				'',
				'Mesure : part des invendus dans les quantités achetées ou produites.'
			),
			en: lines(
				'Goal: lose less stock (expired products, end-of-line items, overproduction) by ordering more accurately and moving what is left.',
				'',
				'How to run it:',
				'- weigh or count unsold goods for two weeks, per product family, to see where they come from;',
				'- adjust orders and production for the worst families (sales history, day of the week, weather);',
				'- organise clearance: reduced prices at the end of the day or season, anti-waste bags, donations to charities;',
				'- check the obligations: in France, the Agec law bans destroying unsold non-food goods, which must be donated or recycled.',
				'',
				'Measure: share of unsold goods in the quantities bought or produced.'
			)
		},
		strengths: [
			{
				fr: 'Un historique de ventes fiable (caisse, logiciel de gestion) ?',
				en: 'A reliable sales history (till, management software)?'
			},
			{
				fr: 'Des associations ou partenaires proches prêts à récupérer des produits ?',
				en: 'Nearby charities or partners ready to collect products?'
			}
		],
		difficulties: [
			{
				fr: 'Une demande très irrégulière (météo, saison, événements) ?',
				en: 'Very irregular demand (weather, season, events)?'
			},
			{
				fr: 'La peur de manquer, qui pousse à commander large ?',
				en: 'Fear of running out, which leads to over-ordering?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Nos clients achèteraient-ils des produits à date courte ou des fins de série à prix réduit ?',
				en: 'Would our customers buy short-dated or end-of-line products at a discount?'
			},
			suppliers: {
				fr: 'Nos fournisseurs acceptent-ils des commandes plus petites et plus fréquentes, ou des retours ?',
				en: 'Do our suppliers accept smaller, more frequent orders, or returns?'
			},
			partners: {
				fr: 'Quelles associations, applications antigaspi ou entreprises voisines peuvent récupérer nos invendus ?',
				en: 'Which charities, anti-waste apps or nearby businesses could take our unsold goods?'
			},
			competitors: {
				fr: 'Comment les commerces comparables écoulent-ils leurs fins de série ?',
				en: 'How do similar shops clear their end-of-line stock?'
			}
		},
		metric: {
			name: { fr: 'Taux d’invendus', en: 'Unsold rate' },
			unit: { fr: '%', en: '%' },
			direction: 'decrease'
		},
		phases: [
			{
				name: {
					fr: 'Mesure et ajustement sur les familles les plus touchées',
					en: 'Measure and adjust the worst families'
				},
				weeks: 4,
				cadence: 'weekly'
			},
			{ name: { fr: 'Généralisation', en: 'Roll-out to all families' }, weeks: 8, cadence: 'biweekly' }
		]
	},
	{
		id: 'payment-delay-reduction',
		title: { fr: 'Réduire les retards de paiement clients', en: 'Reduce customer payment delays' },
		summary: {
			fr: 'Raccourcir le délai moyen de paiement grâce à des conditions claires et des relances régulières.',
			en: 'Shorten the average payment time with clear terms and regular reminders.'
		},
		description: {
			fr: lines(
				'Objectif : encaisser plus vite ce qui nous est dû, pour soulager la trésorerie, sans abîmer la relation avec les clients.',
				'',
				'Comment s’y prendre :',
				'– calculer le délai moyen de paiement (DSO) sur les trois derniers mois et repérer les clients qui paient le plus tard ;',
				'– vérifier que devis et factures indiquent l’échéance, les pénalités de retard et l’indemnité forfaitaire de 40 € pour frais de recouvrement ;',
				'– mettre en place un calendrier de relances : rappel courtois avant l’échéance, relance écrite à J+7, appel à J+15 ;',
				'– proposer des moyens de paiement plus rapides : virement, prélèvement, acompte à la commande.',
				'',
				'Mesure : délai moyen de paiement des clients, en jours.'
			),
			en: lines(
				'Goal: collect what we are owed sooner, to ease cash flow, without damaging customer relationships.',
				'',
				'How to run it:',
				'- compute days sales outstanding (DSO) over the last three months and spot the customers who pay latest;',
				'- check that quotes and invoices state the due date, late-payment penalties and the fixed recovery fee (€40 in France);',
				'- set up a reminder schedule: friendly reminder before the due date, written reminder at D+7, phone call at D+15;',
				'- offer faster ways to pay: bank transfer, direct debit, deposit on order.',
				'',
				'Measure: average customer payment time, in days.'
			)
		},
		strengths: [
			{
				fr: 'Des clients fidèles avec qui l’on peut parler franchement des délais ?',
				en: 'Loyal customers we can talk to frankly about payment terms?'
			},
			{
				fr: 'Un logiciel de facturation capable d’envoyer des relances ?',
				en: 'Invoicing software that can send reminders?'
			}
		],
		difficulties: [
			{
				fr: 'La crainte de froisser un gros client ?',
				en: 'Fear of upsetting a major customer?'
			},
			{
				fr: 'Des factures contestées ou incomplètes qui retardent le paiement ?',
				en: 'Disputed or incomplete invoices that hold up payment?'
			}
		],
		microEnvironment: {
			clients: {
				fr: 'Quels clients paient en retard, et pourquoi : trésorerie tendue, circuit de validation, facture contestée ?',
				en: 'Which customers pay late, and why: tight cash, approval process, disputed invoice?'
			},
			partners: {
				fr: 'Notre expert-comptable ou notre banque peuvent-ils nous aider (suivi des encours, affacturage) ?',
				en: 'Can our accountant or our bank help (receivables tracking, factoring)?'
			},
			suppliers: {
				fr: 'Quels délais nous accordent nos fournisseurs, et sont-ils cohérents avec ceux de nos clients ?',
				en: 'What payment terms do our suppliers give us, and do they match our customers’?'
			},
			competitors: {
				fr: 'Quelles conditions de paiement les concurrents pratiquent-ils ?',
				en: 'What payment terms do competitors offer?'
			}
		},
		metric: {
			name: { fr: 'Délai moyen de paiement clients', en: 'Average customer payment time' },
			unit: { fr: 'jours', en: 'days' },
			direction: 'decrease'
		},
		phases: [
			{ name: { fr: 'Relance des plus gros retards', en: 'Chase the largest delays' }, weeks: 4, cadence: 'weekly' },
			{
				name: { fr: 'Relances pour tous les clients', en: 'Reminders for all customers' },
				weeks: 12,
				cadence: 'monthly'
			}
		]
	}
];

export function findTemplate(id: string): InitiativeTemplate | null {
	return TEMPLATES.find((template) => template.id === id) ?? null;
}

/** The card a template pre-fills, in `locale`; throws a RangeError when `start` is not a real date. */
export function templateCard(template: InitiativeTemplate, locale: TemplateLocale, start: IsoDate): TemplateCard {
	const first = toDay(start);
	if (first === null) throw new RangeError(`Not a date: ${start}`);
	const microEnvironment: Partial<Record<Actor, string>> = {};
	for (const actor of ACTORS) {
		const prompt = template.microEnvironment[actor];
		if (prompt) microEnvironment[actor] = prompt[locale];
	}
	let day = first;
	const phases = template.phases.map(({ name, weeks, cadence }) => {
		const phaseStart = day;
		day += 7 * weeks;
		return {
			name: name[locale],
			segments: [],
			start: fromDay(phaseStart),
			end: fromDay(day - 1),
			cadence,
			decision: null
		};
	});
	return {
		title: template.title[locale],
		description: template.description[locale],
		strengths: template.strengths.map((item) => item[locale]),
		difficulties: template.difficulties.map((item) => item[locale]),
		microEnvironment,
		objective: {
			metric: template.metric.name[locale],
			unit: template.metric.unit[locale],
			direction: template.metric.direction
		},
		phases
	};
}
