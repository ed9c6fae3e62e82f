/* The tables of the demo medical generator (see demo_medical_data.h).
 * Diagnoses and treatments are in French, as written at the centres. */
#include <string.h>
#include "demo/demo_medical_data.h"

/* ---- what the centres see ----------------------------------------------- */

static const struct entry respiratory[] = {
	{ 30, "IRA", "Amoxicilline 5 jours", ANYONE, 10, P_CSI, "Radiographie pulmonaire", NULL },
	{ 25, "Rhinopharyngite", "Paracétamol, lavage nasal au sérum physiologique",
	  ANYONE, 0, P_CSI, NULL, NULL },
	{ 12, "Bronchite aiguë", "Amoxicilline 5 jours, paracétamol",
	  ANYONE, 10, P_CSI, "Radiographie pulmonaire", NULL },
	{ 10, "Angine", "Amoxicilline 6 jours, paracétamol", ANYONE, 0, P_CSI, NULL, NULL },
	{ 8, "Grippe", "Paracétamol, hydratation, repos", ANYONE, 0, P_CSI, NULL, NULL },
	{ 8, "Pneumonie", "Amoxicilline 7 jours, paracétamol",
	  ANYONE, 100, P_HOSPITAL, "Pneumonie, radiographie", NULL },
	{ 3, "Pneumonie grave", "Première dose de ceftriaxone, référé",
	  CHILD, 1000, P_HOSPITAL, "Pneumonie grave de l'enfant", NULL },
	{ 3, "Toux de plus de 2 semaines, suspicion de tuberculose", "Crachats pour GeneXpert",
	  ADULT, 700, P_TB, "Dépistage de la tuberculose", NULL },
	{ 4, "Crise d'asthme", "Salbutamol inhalé",
	  ANYONE, 60, P_HOSPITAL, "Crise d'asthme sévère", NULL },
};

static const struct entry diarrhoea[] = {
	{ 30, "Diarrhée aiguë aqueuse", "SRO, zinc 10 jours",
	  CHILD, 20, P_CSI, "Surveillance de la déshydratation", NULL },
	{ 25, "Diarrhée aiguë aqueuse", "SRO, conseils d'hygiène",
	  ADULT, 10, P_CSI, "Surveillance de la déshydratation", NULL },
	{ 15, "Gastro-entérite", "SRO, paracétamol", ANYONE, 10, P_CSI, "Bilan biologique", NULL },
	{ 10, "Dysenterie", "Ciprofloxacine 3 jours, SRO",
	  ANYONE, 20, P_HOSPITAL, "Dysenterie, examen des selles", NULL },
	{ 12, "Parasitose intestinale", "Albendazole 400 mg dose unique", ANYONE, 0, P_CSI, NULL, NULL },
	{ 5, "Diarrhée avec déshydratation modérée", "SRO plan B, surveillance 4 heures",
	  ANYONE, 100, P_CSI, "Déshydratation", NULL },
	{ 2, "Déshydratation sévère", "Ringer lactate IV, référé",
	  ANYONE, 1000, P_HOSPITAL, "Déshydratation sévère, réhydratation IV", NULL },
};

static const struct entry malaria[] = {
	{ 45, "Paludisme simple", "ACT 3 jours, paracétamol",
	  ANYONE, 10, P_CSI, "Contrôle biologique", NULL },
	{ 15, "Paludisme simple, TDR positif", "Artéméther-luméfantrine 3 jours, paracétamol",
	  ANYONE, 5, P_CSI, "Contrôle biologique", NULL },
	{ 20, "Fièvre, TDR négatif", "Paracétamol, surveillance",
	  ANYONE, 20, P_CSI, "Bilan de fièvre", NULL },
	{ 2, "Paludisme grave", "Artésunate injectable, référé",
	  ANYONE, 1000, P_HOSPITAL, "Paludisme grave", NULL },
	{ 4, "Suspicion de fièvre typhoïde", "Ciprofloxacine 7 jours, paracétamol",
	  ADULT, 200, P_HOSPITAL, "Widal et hémoculture", NULL },
};

static const struct entry skin[] = {
	{ 35, "Gale", "Benzoate de benzyle, lavage des vêtements", ANYONE, 0, P_CSI, NULL, NULL },
	{ 8, "Gale surinfectée", "Benzoate de benzyle, amoxicilline 7 jours",
	  ANYONE, 10, P_CSI, "Avis dermatologique", NULL },
	{ 15, "Mycose cutanée", "Crème de miconazole 2 semaines", ANYONE, 0, P_CSI, NULL, NULL },
	{ 8, "Teigne du cuir chevelu", "Griséofulvine 6 semaines", CHILD, 0, P_CSI, NULL, NULL },
	{ 10, "Impétigo", "Soins locaux à la povidone iodée", ANYONE, 0, P_CSI, NULL, NULL },
	{ 8, "Abcès cutané", "Incision, drainage, pansement", ANYONE, 50, P_CSI, "Abcès étendu", NULL },
	{ 8, "Dermatite allergique", "Crème d'hydrocortisone, loratadine", ANYONE, 0, P_CSI, NULL, NULL },
	{ 4, "Brûlures solaires", "Crème hydratante, paracétamol", ANYONE, 0, P_CSI, NULL, NULL },
};

static const struct entry injury[] = {
	{ 20, "Plaie au pied", "Pansement, SAT", ANYONE, 10, P_CSI, "Plaie profonde", NULL },
	{ 12, "Plaie à la main", "Suture, pansement, SAT", ANYONE, 20, P_CSI, "Plaie profonde", NULL },
	{ 12, "Ampoules et plaies des pieds après la marche", "Soins locaux, pansement",
	  ANYONE, 0, P_CSI, NULL, NULL },
	{ 10, "Entorse de la cheville", "Bandage, ibuprofène",
	  ANYONE, 20, P_HOSPITAL, "Radiographie", NULL },
	{ 12, "Contusions multiples", "Paracétamol, repos", ANYONE, 10, P_HOSPITAL, "Radiographie", NULL },
	{ 6, "Brûlure du deuxième degré", "Pansement gras, antalgique",
	  ANYONE, 150, P_HOSPITAL, "Brûlure étendue", NULL },
	{ 4, "Suspicion de fracture de l'avant-bras", "Attelle, antalgique",
	  ANYONE, 900, P_HOSPITAL, "Radiographie, plâtre", NULL },
	{ 1, "Morsure de chien", "Lavage, pansement, SAT",
	  ANYONE, 900, P_HOSPITAL, "Vaccination antirabique", NULL },
	{ 5, "Traumatisme après agression", "Soins, certificat médical",
	  ANYONE, 150, P_HOSPITAL, "Bilan lésionnel", NULL },
};

/* Seen only for women of 15 to 45. */
static const struct entry pregnancy[] = {
	{ 30, "Suivi de grossesse", "Fer-acide folique",
	  ANYONE, 20, P_MATERNITY, "Échographie obstétricale", NULL },
	{ 12, "Grossesse, nausées et vomissements", "Conseils alimentaires, métoclopramide",
	  ANYONE, 0, P_MATERNITY, NULL, NULL },
	{ 10, "Anémie de la grossesse", "Fer-acide folique, contrôle de l'hémoglobine",
	  ANYONE, 100, P_MATERNITY, "Anémie sévère", NULL },
	{ 8, "Infection urinaire sur grossesse", "Amoxicilline 7 jours",
	  ANYONE, 50, P_MATERNITY, "Examen cytobactériologique des urines", NULL },
	{ 8, "Douleurs pelviennes, grossesse", "Paracétamol, repos",
	  ANYONE, 300, P_MATERNITY, "Échographie obstétricale", NULL },
	{ 5, "Paludisme sur grossesse", "Artéméther-luméfantrine 3 jours, paracétamol",
	  ANYONE, 150, P_MATERNITY, "Paludisme de la femme enceinte", NULL },
	{ 4, "Menace d'accouchement prématuré", "Repos, référée",
	  ANYONE, 1000, P_MATERNITY, "Menace d'accouchement prématuré", NULL },
	{ 3, "Saignements au cours de la grossesse", "Référée en urgence",
	  ANYONE, 1000, P_MATERNITY, "Saignements", NULL },
	{ 4, "Consultation postnatale", "Fer-acide folique, conseils",
	  ANYONE, 0, P_MATERNITY, NULL, NULL },
};

static const struct entry mental[] = {
	{ 25, "Anxiété", "Écoute, orientation vers le soutien psychosocial",
	  ANYONE, 30, P_PSYCHIATRY, "Évaluation psychiatrique", NULL },
	{ 20, "Troubles du sommeil", "Écoute, conseils",
	  ANYONE, 10, P_PSYCHIATRY, "Évaluation psychiatrique", NULL },
	{ 15, "État de stress post-traumatique", "Soutien psychologique, suivi psychosocial",
	  ANYONE, 150, P_PSYCHIATRY, "Évaluation psychiatrique", NULL },
	{ 10, "Épisode dépressif", "Suivi psychosocial",
	  ADULT, 150, P_PSYCHIATRY, "Évaluation psychiatrique", NULL },
	{ 4, "Épisode psychotique aigu", "Halopéridol, référé",
	  ADULT, 1000, P_PSYCHIATRY, "Prise en charge psychiatrique", NULL },
	{ 6, "Usage de tramadol", "Conseils, suivi psychosocial",
	  ADULT, 50, P_PSYCHIATRY, "Sevrage", NULL },
	{ 5, "Céphalées de tension, stress", "Paracétamol, écoute", ANYONE, 0, P_PSYCHIATRY, NULL, NULL },
};

static const struct entry chronic[] = {
	{ 25, "Hypertension artérielle", "Amlodipine 5 mg, contrôle tensionnel",
	  ADULT, 50, P_HOSPITAL, "Bilan de l'hypertension", NULL },
	{ 12, "Diabète de type 2", "Metformine, contrôle glycémique",
	  ADULT, 80, P_HOSPITAL, "Bilan du diabète", NULL },
	{ 10, "Épilepsie", "Phénobarbital", ANYONE, 50, P_HOSPITAL, "Avis neurologique", NULL },
	{ 8, "Drépanocytose, crise douloureuse", "Antalgiques, hydratation",
	  ANYONE, 300, P_HOSPITAL, "Crise drépanocytaire", NULL },
	{ 10, "Asthme", "Salbutamol inhalé", ANYONE, 20, P_HOSPITAL, "Avis pneumologique", NULL },
	{ 12, "Gastrite chronique", "Oméprazole 20 mg", ADULT, 10, P_HOSPITAL, "Fibroscopie", NULL },
	{ 5, "Hépatite B connue", "Conseils, bilan hépatique",
	  ADULT, 200, P_HOSPITAL, "Bilan hépatique", NULL },
};

static const struct entry other[] = {
	{ 15, "Céphalées", "Paracétamol", ANYONE, 0, P_CSI, NULL, NULL },
	{ 10, "Douleurs dentaires", "Paracétamol, amoxicilline",
	  ANYONE, 100, P_HOSPITAL, "Soins dentaires", NULL },
	{ 10, "Conjonctivite", "Pommade ophtalmique à la tétracycline",
	  ANYONE, 10, P_CSI, "Avis ophtalmologique", NULL },
	{ 8, "Infection urinaire", "Ciprofloxacine 5 jours",
	  ADULT, 10, P_CSI, "Examen cytobactériologique des urines", NULL },
	{ 10, "Gastrite", "Oméprazole, conseils alimentaires", ADULT, 0, P_CSI, NULL, NULL },
	{ 10, "Lombalgie", "Ibuprofène, repos", ADULT, 0, P_CSI, NULL, NULL },
	{ 6, "Otite moyenne", "Amoxicilline 5 jours", ANYONE, 10, P_CSI, "Avis ORL", NULL },
	{ 8, "Déshydratation, fatigue", "SRO, repos", ANYONE, 20, P_CSI, "Bilan biologique", NULL },
	{ 5, "Infection sexuellement transmissible", "Traitement syndromique (ceftriaxone, azithromycine)",
	  ADULT, 50, P_HOSPITAL, "Dépistage des IST", NULL },
	{ 4, "Malnutrition aiguë modérée", "Supplément nutritionnel (Plumpy'Sup)",
	  CHILD, 50, P_CSI, "Programme nutritionnel", NULL },
	{ 4, "Anémie", "Fer-acide folique, déparasitage", ANYONE, 50, P_HOSPITAL, "Bilan d'anémie", NULL },
	{ 3, "Coup de chaleur", "Réhydratation, repos à l'ombre",
	  ANYONE, 50, P_HOSPITAL, "Surveillance hospitalière", NULL },
};

const struct demo_reason demo_reasons[R_COUNT_] = {
	[R_RESPIRATORY] = { respiratory, E_COUNT(respiratory), 70, 2, 3 },
	[R_DIARRHOEA] = { diarrhoea, E_COUNT(diarrhoea), 70, 2, 2 },
	[R_MALARIA] = { malaria, E_COUNT(malaria), 70, 2, 2 },
	[R_SKIN] = { skin, E_COUNT(skin), 90, 7, 8 },
	[R_INJURY] = { injury, E_COUNT(injury), 220, 2, 6 },
	[R_PREGNANCY] = { pregnancy, E_COUNT(pregnancy), 250, 14, 15 },
	[R_MENTAL] = { mental, E_COUNT(mental), 250, 7, 8 },
	[R_CHRONIC] = { chronic, E_COUNT(chronic), 450, 28, 4 },
	[R_OTHER] = { other, E_COUNT(other), 40, 3, 8 },
};

/* The consultation at admission of people with no complaint. */
const struct entry demo_admission = {
	1, "Visite d'entrée, pas de plainte", "Conseils", ANYONE, 0, P_CSI, NULL, NULL
};

/* What a return visit finds. */
const char *const demo_return_treatment[DEMO_RETURN_TREATMENTS] = {
	"Évolution favorable, poursuite du traitement", "Guéri, fin du traitement",
	"Amélioration, même traitement", "Pas d'amélioration, traitement adapté",
	"Évolution favorable, pansement refait",
};
const char *const demo_return_chronic = "Renouvellement du traitement";

/* ---- where people are referred ------------------------------------------ */

/* Up to two places of each kind near each town. */
const char *const demo_refer_to[T_COUNT_][P_COUNT_][2] = {
	[T_NIAMEY] = {
		[P_HOSPITAL] = { "Hôpital national de Niamey", "Hôpital général de référence de Niamey" },
		[P_CSI] = { "CSI Lazaret", "CSI Yantala" },
		[P_MATERNITY] = { "Maternité Issaka Gazobi", NULL },
		[P_PSYCHIATRY] = { "Hôpital national de Niamey, service de psychiatrie", NULL },
		[P_TB] = { "Centre national antituberculeux de Niamey", NULL },
	},
	[T_AGADEZ] = {
		[P_HOSPITAL] = { "Centre hospitalier régional d'Agadez", NULL },
		[P_CSI] = { "CSI Dagmanet", NULL },
		[P_MATERNITY] = { "Centre hospitalier régional d'Agadez, maternité", NULL },
		[P_PSYCHIATRY] = { "Centre hospitalier régional d'Agadez", NULL },
		[P_TB] = { "CDT du Centre hospitalier régional d'Agadez", NULL },
	},
	[T_ARLIT] = {
		[P_HOSPITAL] = { "Hôpital de district d'Arlit", "Centre hospitalier régional d'Agadez" },
		[P_CSI] = { "Hôpital de district d'Arlit", NULL },
		[P_MATERNITY] = { "Hôpital de district d'Arlit, maternité", NULL },
		[P_PSYCHIATRY] = { "Centre hospitalier régional d'Agadez", NULL },
		[P_TB] = { "CDT de l'hôpital de district d'Arlit", NULL },
	},
	[T_DIRKOU] = {
		[P_HOSPITAL] = { "Centre hospitalier régional d'Agadez", NULL },
		[P_CSI] = { "CSI de Dirkou", NULL },
		[P_MATERNITY] = { "CSI de Dirkou, maternité", NULL },
		[P_PSYCHIATRY] = { "Centre hospitalier régional d'Agadez", NULL },
		[P_TB] = { "CSI de Dirkou", NULL },
	},
	[T_ZINDER] = {
		[P_HOSPITAL] = { "Hôpital national de Zinder", NULL },
		[P_CSI] = { "Hôpital national de Zinder", NULL },
		[P_MATERNITY] = { "Hôpital national de Zinder, maternité", NULL },
		[P_PSYCHIATRY] = { "Hôpital national de Zinder, service de psychiatrie", NULL },
		[P_TB] = { "CDT de l'hôpital national de Zinder", NULL },
	},
};

/* The town of a centre code ("NY1" in Niamey, "AGZ" in Agadez...). */
enum town demo_town_of(const char *code)
{
	if (strcmp(code, "AGZ") == 0)
		return T_AGADEZ;
	if (strcmp(code, "ARL") == 0)
		return T_ARLIT;
	if (strcmp(code, "DRK") == 0)
		return T_DIRKOU;
	if (strcmp(code, "ZIN") == 0)
		return T_ZINDER;
	return T_NIAMEY;
}

/* ---- medical cases ------------------------------------------------------ */

/* The consultation that opens a case, with the case's notes. */
static const struct entry open_chronic[] = {
	{ 30, "Hypertension artérielle", "Amlodipine 5 mg, contrôle tensionnel mensuel",
	  ADULT, 100, P_HOSPITAL, "Bilan de l'hypertension",
	  "HTA connue, traitement interrompu pendant le voyage" },
	{ 15, "Diabète de type 2", "Metformine 500 mg deux fois par jour",
	  ADULT, 150, P_HOSPITAL, "Bilan du diabète", "Glycémie à jeun élevée à l'entrée" },
	{ 12, "Épilepsie", "Phénobarbital 100 mg le soir",
	  ANYONE, 100, P_HOSPITAL, "Avis neurologique", "Épilepsie connue, crises pendant le trajet" },
	{ 8, "Drépanocytose", "Acide folique, antalgiques en cas de crise",
	  ANYONE, 200, P_HOSPITAL, "Suivi de la drépanocytose",
	  "Drépanocytose SS, crises douloureuses fréquentes" },
	{ 10, "Asthme", "Salbutamol inhalé à la demande",
	  ANYONE, 50, P_HOSPITAL, "Avis pneumologique", "Asthme aggravé par la poussière" },
};
static const struct entry open_pregnancy[] = {
	{ 1, "Grossesse, première consultation", "Fer-acide folique, SP (TPI), VAT",
	  ANYONE, 150, P_MATERNITY, "Échographie obstétricale", NULL },
};
static const struct entry open_injury[] = {
	{ 10, "Fracture de la jambe", "Immobilisation, antalgiques",
	  ANYONE, 950, P_HOSPITAL, "Radiographie, plâtre",
	  "Fracture du tibia après une chute d'un camion" },
	{ 15, "Plaies infectées des pieds", "Pansements quotidiens, amoxicilline",
	  ANYONE, 100, P_HOSPITAL, "Plaies étendues", "Plaies des pieds après la marche dans le désert" },
	{ 8, "Brûlures étendues", "Pansements, antalgiques",
	  ANYONE, 600, P_HOSPITAL, "Brûlures étendues", "Brûlures par le carburant pendant le trajet" },
	{ 10, "Traumatisme après violences", "Soins, antalgiques, certificat médical",
	  ANYONE, 300, P_HOSPITAL, "Bilan lésionnel", "Blessures par coups, protection informée" },
};
static const struct entry open_disability[] = {
	{ 10, "Amputation d'un membre inférieur", "Béquilles, soins du moignon",
	  ANYONE, 100, P_HOSPITAL, "Appareillage", "Amputation ancienne, béquilles fournies" },
	{ 10, "Déficience visuelle", "Accompagnement",
	  ANYONE, 200, P_HOSPITAL, "Avis ophtalmologique", "Malvoyance, besoin d'accompagnement" },
	{ 5, "Paraplégie", "Fauteuil roulant, prévention des escarres",
	  ANYONE, 300, P_HOSPITAL, "Rééducation", "Paraplégie après un accident de la route" },
	{ 8, "Surdité", "Accompagnement",
	  ANYONE, 50, P_HOSPITAL, "Avis ORL", "Communication par écrit et par gestes" },
};
static const struct entry open_tb[] = {
	{ 10, "Tuberculose pulmonaire", "Traitement antituberculeux 2RHZE/4RH",
	  ADULT, 800, P_TB, "Prise en charge de la tuberculose", "GeneXpert positif, traitement débuté" },
	{ 5, "Tuberculose pulmonaire sous traitement", "Poursuite du traitement antituberculeux",
	  ANYONE, 500, P_TB, "Poursuite du traitement",
	  "Traitement débuté avant l'arrivée, carte de traitement présentée" },
};
static const struct entry open_hiv[] = {
	{ 10, "Infection à VIH", "Orientation vers un site de prise en charge ARV",
	  ADULT, 800, P_HOSPITAL, "Mise sous ARV", "Dépistage positif au centre, conseil post-test fait" },
	{ 8, "Infection à VIH sous ARV", "Poursuite des ARV (TLD)",
	  ANYONE, 400, P_HOSPITAL, "Renouvellement des ARV",
	  "Sous ARV depuis le pays d'origine, traitement interrompu" },
};
static const struct entry open_malnutrition[] = {
	{ 15, "Malnutrition aiguë modérée", "Supplément nutritionnel (Plumpy'Sup), suivi hebdomadaire",
	  ANYONE, 50, P_CSI, "Programme nutritionnel", "PB entre 115 et 125 mm à l'entrée" },
	{ 6, "Malnutrition aiguë sévère sans complication", "ATPE (Plumpy'Nut), amoxicilline",
	  ANYONE, 300, P_HOSPITAL, "Programme nutritionnel", "PB inférieur à 115 mm, appétit conservé" },
};
static const struct entry open_mental[] = {
	{ 15, "État de stress post-traumatique", "Suivi psychosocial hebdomadaire",
	  ANYONE, 200, P_PSYCHIATRY, "Évaluation psychiatrique", "Violences subies pendant le trajet" },
	{ 10, "Épisode dépressif", "Suivi psychosocial, fluoxétine",
	  ADULT, 300, P_PSYCHIATRY, "Évaluation psychiatrique",
	  "Tristesse, insomnie, perte d'appétit depuis l'expulsion" },
	{ 4, "Trouble psychotique", "Halopéridol, suivi psychiatrique",
	  ADULT, 900, P_PSYCHIATRY, "Prise en charge psychiatrique",
	  "Suivi par le service de psychiatrie" },
};
static const struct entry open_other[] = {
	{ 10, "Hépatite B chronique", "Bilan hépatique, conseils",
	  ADULT, 400, P_HOSPITAL, "Bilan hépatique", "AgHBs positif" },
	{ 8, "Anémie sévère", "Fer-acide folique, référé pour transfusion",
	  ANYONE, 1000, P_HOSPITAL, "Transfusion", "Hémoglobine à 6 g/dl à l'entrée" },
	{ 6, "Goitre volumineux", "Avis chirurgical",
	  ADULT, 700, P_HOSPITAL, "Avis chirurgical", "Gêne à la déglutition" },
};

/* How each condition is followed: the reason of its consultations, its
 * openings, how long until it is over (0: not while in the centre), the
 * outcomes, and the days between its follow-ups. */
const struct demo_condition demo_conditions[C_COUNT_] = {
	[C_CHRONIC] = { R_CHRONIC, open_chronic, E_COUNT(open_chronic), 0, 0, NULL,
	                "Sorti du centre avec 3 mois de traitement", 30 },
	[C_PREGNANCY] = { R_PREGNANCY, open_pregnancy, E_COUNT(open_pregnancy), 0, 0, NULL,
	                  "Sortie du centre avant l'accouchement, carnet de CPN remis", 28 },
	[C_INJURY] = { R_INJURY, open_injury, E_COUNT(open_injury), 14, 40, "Guéri",
	               "Sorti du centre, soins à poursuivre", 3 },
	[C_DISABILITY] = { R_OTHER, open_disability, E_COUNT(open_disability), 0, 0, NULL,
	                   "Sorti du centre, accompagnement organisé pour le voyage", 30 },
	[C_TB] = { R_RESPIRATORY, open_tb, E_COUNT(open_tb), 180, 10, "Traitement terminé, guéri",
	           "Transféré au programme tuberculose du pays de retour", 14 },
	[C_HIV] = { R_OTHER, open_hiv, E_COUNT(open_hiv), 0, 0, NULL,
	            "Sorti du centre, orienté vers un site ARV du pays de retour", 30 },
	[C_MALNUTRITION] = { R_OTHER, open_malnutrition, E_COUNT(open_malnutrition), 30, 40,
	                     "Guéri, sorti du programme nutritionnel",
	                     "Sorti du centre avant la guérison, fiche de transfert remise", 7 },
	[C_MENTAL] = { R_MENTAL, open_mental, E_COUNT(open_mental), 30, 90,
	               "Amélioration, suivi terminé", "Sorti du centre, suivi psychosocial à poursuivre", 14 },
	[C_OTHER] = { R_OTHER, open_other, E_COUNT(open_other), 14, 60, "Guéri", "Sorti du centre", 14 },
};

const char *const demo_antenatal_notes[DEMO_ANTENATAL_NOTES] = {
	"CPN1 : examen général, groupe sanguin, test VIH proposé, fer-acide folique, VAT1",
	"CPN2 : tension normale, SP (TPI) dose 1, VAT2",
	"CPN3 : hauteur utérine conforme, SP (TPI) dose 2",
	"CPN4 : présentation céphalique, plan d'accouchement",
};
const char *const demo_antenatal_later = "Contrôle : tension et bruits du cœur fœtal normaux";

