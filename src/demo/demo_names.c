/* Names of West and Central Africa for demo databases, with the spellings
 * clerks really write (Aïssatou / Aissatou / Aishatu, Diallo / Jallow), by
 * naming tradition and by country. */
#include <string.h>
#include "demo/demo_gen.h"

/* ---- names -------------------------------------------------------------- */

/* A name group: the spellings of one name, '|'-separated; the first is the
 * usual one in that tradition. Given names are drawn from a tradition
 * (pool), family names from a country's list. */


static const char *const sahel_m[] = {
	"Mohamed|Mouhamed|Mohammed|Muhammad|Mahamed", "Mamadou|Mamoudou|Mahamadou",
	"Mahamadou|Mahamadu", "Ousmane|Usman|Ousman|Osmane",
	"Abdoulaye|Abdullahi|Abdoulahi|Ablaye", "Ibrahim|Ibrahima|Brahim", "Moussa|Musa|Mousa",
	"Amadou|Ahmadou|Hamadou|Ahmed", "Boubacar|Aboubacar|Abubakar|Boubakar", "Issa|Isa",
	"Souleymane|Suleiman|Souleimane|Sulaiman", "Idrissa|Idris|Driss",
	"Alassane|Hassane|Hassan", "Seydou|Saidou|Seidou", "Lamine|Alamine", "Adama",
	"Sékou|Sekou", "Yacouba|Yakouba|Yakubu", "Oumar|Omar|Umar", "Aliou|Alioune|Aliyu",
	"Harouna|Haruna|Arouna", "Hamidou|Amidou", "Ismaël|Ismael|Ismaila|Ismaïla",
	"Salif|Salifou", "Bakary|Bakari|Backary", "Abdou", "Cheikh|Cheick|Sheikh",
	"Abdoul Karim|Abdoulkarim|Karim", "Modibo", "Saliou|Saliu", "Tidiane|Tijani",
	"Souley|Souleye", "Maman|Mamane", "Garba", "Yahaya|Yahya|Yaou", "Djibril|Jibril|Djibrilla",
	"Fousseyni|Fousseini|Housseini", "Youssouf|Yusuf|Youssoufa", "Daouda|Dauda", "Siaka",
	"Mahamane|Mahaman",
};
static const char *const sahel_f[] = {
	"Aïssatou|Aissatou|Aishatu|Aïssa|Aissa|Aichatou",
	"Fatoumata|Fatimata|Fatouma|Fatima|Fanta", "Mariama|Mariam|Maryam",
	"Hadiza|Hadizatou|Adiza", "Kadiatou|Khadija|Kadidia|Kadidiatou",
	"Aminata|Aminatou|Amina|Aminatu", "Ramatou|Ramata", "Zeinabou|Zénabou|Zeinab|Zainab",
	"Hawa|Awa|Hawaou", "Salamatou|Salamata", "Rahinatou|Rahina|Rahinatu", "Binta|Bintou",
	"Oumou|Oumoul|Umu", "Djénéba|Djeneba|Zeneba", "Nafissatou|Nafissa|Nafisa",
	"Balkissa|Balkisa|Bilkisu", "Halima|Halimatou|Alima", "Safiatou|Safiya|Safia",
	"Rokia|Rokiatou|Rokiya", "Maïmouna|Maimouna|Maimuna", "Habsatou|Hafsatou|Hafsa",
	"Rabi|Rabiatou|Rabiatu", "Mariétou|Marietou", "Ramatoulaye", "Hadjara|Hadiara", "Fati",
	"Assétou|Assetou|Assita", "Salimata|Sali", "Kadi|Kady", "Aïcha|Aicha|Aisha",
};
static const char *const hausa_m[] = {
	"Muhammad|Muhammed|Mohammed|Mohammad", "Usman|Usmanu|Uthman",
	"Abdullahi|Abdullah|Abdulahi", "Ibrahim", "Musa|Moussa", "Abubakar|Aboubakar",
	"Yakubu|Yakub", "Haruna", "Aliyu|Aliu", "Sani", "Bello", "Garba", "Umar|Umaru|Omar",
	"Suleiman|Sulaiman|Sulaimanu", "Yusuf|Yusufu", "Idris|Idrisu", "Isa|Isah", "Lawal|Lawali",
	"Nasiru|Nasir", "Kabiru|Kabir", "Bashir|Bashiru", "Ahmed|Ahmad", "Mustapha|Mustafa",
	"Jibrin|Jibril", "Auwal|Auwalu", "Shehu",
};
static const char *const hausa_f[] = {
	"Aishatu|Aisha|A'ishatu|Aishat", "Fatima|Fatimah|Fatimatu", "Zainab|Zainabu", "Hadiza",
	"Maryam|Mariam|Maryamu", "Amina|Aminatu", "Hauwa|Hawa", "Halima|Halimatu",
	"Khadija|Khadijat", "Hafsat|Hafsatu|Hafsa", "Rukayya|Rukaiya|Rukayat", "Bilkisu|Balkisu",
	"Asma'u|Asmau", "Jamila", "Safiya|Safiyya", "Rabi|Rabiatu", "Maimuna", "Salamatu", "Binta",
};
static const char *const senegambia_m[] = {
	"Lamin|Lamine", "Ebrima|Ibrahima", "Modou|Momodou|Modu", "Alieu|Aliou", "Omar|Oumar",
	"Ousman|Ousmane", "Musa|Moussa", "Bakary|Bakari", "Abdoulie|Abdoulaye",
	"Sulayman|Suleiman", "Babucarr|Baboucarr|Boubacar", "Sheriff|Cherif",
	"Mohammed|Muhammed|Mohamed", "Alhagie|Alhaji", "Yusupha|Yusuf", "Kebba", "Saikou|Sekou",
	"Amadou|Ahmad", "Mamadou|Momodou", "Fabakary",
};
static const char *const senegambia_f[] = {
	"Fatou|Fatu", "Isatou|Aissatou|Isatu", "Mariama|Mariam", "Awa|Hawa", "Binta", "Haddy|Hadi",
	"Kaddy|Kadijatou", "Ndey", "Fatoumata|Fatima", "Aminata|Aminatta", "Adama", "Oumie|Oumou",
	"Jainaba|Zeinab", "Kumba|Coumba", "Isha|Aisha",
};
static const char *const christian_en_m[] = {
	"John", "Emmanuel", "Samuel", "Daniel", "Peter", "Joseph", "Michael", "Godwin",
	"Chukwuemeka|Emeka", "Chinedu", "Ikechukwu|Ike", "Obinna", "Oluwaseun|Seun",
	"Babatunde|Tunde", "Olumide", "Oluwafemi|Femi", "Kwame", "Kofi", "Kwabena", "Yaw",
	"Patrick", "Francis", "Prince", "Osagie", "Efosa", "Friday", "Sunday", "Victor",
	"Stephen|Steven", "David", "Solomon", "Moses",
};
static const char *const christian_en_f[] = {
	"Blessing", "Joy", "Precious", "Mercy", "Grace", "Esther", "Chioma", "Ngozi", "Adaeze|Ada",
	"Funmilayo|Funmi", "Folake", "Abena", "Akosua", "Ama", "Comfort", "Patience", "Gift",
	"Faith", "Favour|Favor", "Osasere|Osas", "Efe", "Victoria", "Mary", "Deborah", "Success",
	"Peace", "Juliet", "Princess",
};
static const char *const christian_fr_m[] = {
	"Jean", "Jean-Pierre|Jean Pierre", "Emmanuel", "Christian", "Éric|Eric", "Paul", "Serge",
	"Patrick", "Hervé|Herve", "Arnaud", "Franck", "Yannick", "Junior", "Stéphane|Stephane",
	"Joël|Joel", "Koffi|Kofi", "Kouadio", "Kouamé|Kouame", "Brice", "Rodrigue", "Blaise",
	"Didier", "Landry", "Thierry",
};
static const char *const christian_fr_f[] = {
	"Marie", "Marie-Claire|Marie Claire", "Josiane", "Mireille", "Christelle", "Nadège|Nadege",
	"Sandrine", "Carine|Karine", "Pélagie|Pelagie", "Brigitte", "Estelle", "Clarisse",
	"Rachelle|Rachel", "Prisca", "Adjoua", "Affoué|Affoue", "Ange", "Grâce|Grace", "Fabiola",
	"Hortense", "Solange",
};
static const char *const arab_m[] = {
	"Mahamat|Mohamed|Mahamad", "Abakar|Abbakar|Aboubakar", "Ahmat|Ahmed", "Hassan|Hassane",
	"Adam|Adoum", "Idriss|Idris", "Saleh|Salih", "Ibrahim|Brahim", "Osman|Othman",
	"Abdelkarim|Abdel Karim", "Yagoub|Yacoub", "Ali",
};
static const char *const arab_f[] = {
	"Khadidja|Khadija", "Halimé|Halime|Halima", "Achta", "Fatimé|Fatime|Fatima",
	"Zenaba|Zeinab", "Hawaye|Hawa", "Mariam|Maryam", "Amna|Amina", "Asha|Aisha",
};
static const char *const luso_m[] = {
	"João|Joao", "António|Antonio", "Carlos", "Fernando", "Domingos", "Armando", "Augusto",
	"Braima", "Mamadu|Mamadou", "Aladje",
};
static const char *const luso_f[] = {
	"Maria", "Ana", "Fátima|Fatima", "Joana", "Rosa", "Isabel", "Domingas",
};

const struct demo_pool demo_pools[POOL_COUNT_] = {
	[POOL_SAHEL] = { N(sahel_m), N(sahel_f) },
	[POOL_HAUSA] = { N(hausa_m), N(hausa_f) },
	[POOL_SENEGAMBIA] = { N(senegambia_m), N(senegambia_f) },
	[POOL_CHRISTIAN_EN] = { N(christian_en_m), N(christian_en_f) },
	[POOL_CHRISTIAN_FR] = { N(christian_fr_m), N(christian_fr_f) },
	[POOL_ARAB] = { N(arab_m), N(arab_f) },
	[POOL_LUSO] = { N(luso_m), N(luso_f) },
};

static const char *const fam_ner[] = {
	"Mahamadou|Mahamadu", "Issoufou|Issoufa", "Abdou", "Hamani", "Moussa|Mousa", "Sani",
	"Garba", "Oumarou|Oumaru", "Idrissa", "Souley", "Boubacar", "Harouna", "Adamou", "Ibrahim",
	"Maman", "Salifou", "Yacouba", "Tanko", "Ali", "Hassane", "Djibo", "Seyni|Seini", "Amadou",
	"Soumana", "Halidou|Alidou", "Mounkaïla|Mounkaila", "Hima", "Hamidou", "Tahirou",
	"Illiassou|Iliassou", "Maïga|Maiga", "Abdoulaye", "Chaïbou|Chaibou", "Rabiou|Rabiu",
	"Nouhou", "Zakari", "Laouali|Lawali", "Mamane", "Ousseini|Housseini", "Ag Alhassane",
};
static const char *const fam_nga_north[] = {
	"Ibrahim", "Bello", "Abubakar", "Musa", "Yusuf", "Aliyu", "Usman", "Lawal", "Danjuma",
	"Sani", "Abdullahi", "Garba", "Mohammed|Muhammad", "Umar", "Suleiman", "Adamu", "Haruna",
	"Idris",
};
static const char *const fam_nga_south[] = {
	"Okafor", "Adebayo", "Okonkwo", "Eze", "Nwosu", "Adeyemi", "Ogunleye", "Olawale", "Obi",
	"Okeke", "Chukwu", "Adewale", "Okoro", "Igwe", "Babatunde", "Edet", "Effiong", "Osagie",
	"Osaro", "Igbinedion", "Omoregie", "Ehigiator", "Aigbe", "Obaseki", "Iyamu", "Nwachukwu",
};
static const char *const fam_mli[] = {
	"Traoré|Traore", "Keita|Keïta", "Coulibaly|Kulibali", "Diarra", "Konaté|Konate",
	"Touré|Toure", "Diallo", "Sissoko|Cissoko", "Camara", "Dembélé|Dembele", "Sangaré|Sangare",
	"Doumbia", "Koné|Kone", "Maïga|Maiga", "Cissé|Cisse", "Sidibé|Sidibe", "Kanté|Kante",
	"Diakité|Diakite", "Samaké|Samake", "Sylla",
};
static const char *const fam_sen[] = {
	"Diop", "Ndiaye|N'Diaye|N'diaye", "Fall", "Sow", "Ba|Bâ", "Sarr", "Faye", "Gueye|Guèye",
	"Diouf", "Mbaye|M'Baye", "Niang", "Seck", "Thiam", "Diallo", "Sy", "Kane", "Cissé|Cisse",
	"Ndour|N'Dour", "Badji", "Diatta", "Sané|Sane", "Mané|Mane", "Ndao", "Mendy", "Gomis",
};
static const char *const fam_gmb[] = {
	"Jallow|Diallo|Jalloh", "Ceesay|Cisse|Sise", "Jammeh", "Touray|Toure", "Bah", "Sowe|Sow",
	"Camara", "Darboe", "Sanneh|Sane", "Jobe|Diop", "Njie|Ndiaye", "Drammeh|Dramé", "Manneh",
	"Sonko", "Jatta", "Bojang", "Fatty", "Saidy", "Sillah|Sylla", "Trawally|Traoré", "Barrow",
	"Marong", "Colley", "Jawara", "Kanteh|Kanté",
};
static const char *const fam_gin[] = {
	"Diallo", "Bah|Ba|Bâ", "Barry", "Sow", "Camara", "Condé|Conde", "Soumah", "Sylla",
	"Bangoura", "Touré|Toure", "Keita|Keïta", "Kourouma", "Baldé|Balde", "Kaba", "Doumbouya",
	"Cissé|Cisse", "Sacko", "Sidibé|Sidibe", "Diakité|Diakite", "Kouyaté|Kouyate", "Fofana",
	"Traoré|Traore",
};
static const char *const fam_gnb[] = {
	"Baldé|Balde", "Embaló|Embalo", "Djaló|Djalo|Jalo", "Mané|Mane", "Sanhá|Sanha", "Seidi",
	"Indjai", "Candé|Cande", "Sambu", "Turé|Touré", "Camará|Camara",
};
static const char *const fam_gnb_luso[] = {
	"Gomes", "Mendes", "Da Silva|da Silva", "Correia", "Có|Co", "Sá|Sa", "Monteiro", "Vieira",
	"Fernandes", "Pereira", "Lopes", "Cabral",
};
static const char *const fam_cmr[] = {
	"Mbarga", "Ngono", "Fotso", "Kamga", "Tchoumi", "Essomba", "Atangana", "Njoya", "Owona",
	"Tchakounté|Tchakounte", "Nkoulou", "Abega", "Mballa", "Ndongo", "Fouda", "Onana",
	"Kengne", "Djomo",
};
static const char *const fam_cmr_en[] = {
	"Nfor", "Tanyi", "Fru", "Ndi", "Ngwa", "Tabi", "Ayuk", "Enow", "Ashu", "Tambe",
};
static const char *const fam_cmr_north[] = {
	"Oumarou", "Hamadou", "Bouba", "Aminou", "Hayatou", "Moussa", "Abdoulaye", "Alim",
};
static const char *const fam_civ_north[] = {
	"Ouattara", "Traoré|Traore", "Bamba", "Koné|Kone", "Coulibaly", "Diomandé|Diomande",
	"Touré|Toure", "Soro", "Fofana", "Cissé|Cisse", "Silué|Silue", "Yéo|Yeo",
};
static const char *const fam_civ_south[] = {
	"Kouassi", "Koffi", "Konan", "Yao", "Kouamé|Kouame", "N'Guessan|Nguessan", "Kouadio",
	"Aka", "Gnagne", "Yapi", "Tanoh", "Brou", "Gbagbo", "Zadi",
};
static const char *const fam_bfa[] = {
	"Ouédraogo|Ouedraogo", "Sawadogo", "Compaoré|Compaore", "Kaboré|Kabore", "Zongo",
	"Ouattara", "Traoré|Traore", "Sankara", "Zoungrana", "Nikiéma|Nikiema", "Ilboudo",
	"Tapsoba", "Diallo", "Bationo", "Sanou", "Kinda",
};
static const char *const fam_gha_north[] = {
	"Issah", "Abubakari", "Mahama", "Iddrisu", "Alhassan", "Seidu", "Yakubu",
};
static const char *const fam_gha_south[] = {
	"Mensah", "Owusu", "Asante", "Boateng", "Osei", "Agyeman", "Appiah", "Acheampong", "Amoah",
	"Darko", "Addo", "Ofori",
};
static const char *const fam_sle[] = {
	"Kamara", "Conteh", "Sesay", "Bangura", "Koroma", "Kargbo", "Turay", "Jalloh|Diallo",
	"Mansaray", "Fofanah", "Kanu",
};
static const char *const fam_lbr[] = {
	"Johnson", "Kollie", "Flomo", "Kpoto", "Doe", "Weah", "Togba", "Dolo", "Kamara", "Tarpeh",
	"Sirleaf", "Konneh", "Kromah",
};
static const char *const fam_ben[] = {
	"Houngbédji|Houngbedji", "Agossou", "Dossou", "Hounkpatin", "Ahouansou", "Zinsou",
	"Adjovi", "Gbaguidi", "Akplogan", "Sossou", "Tossou", "Kiki",
};
static const char *const fam_ben_north[] = { "Bio", "Orou", "Yarou", "Sabi", "Gounou", "Chabi" };
static const char *const fam_tgo[] = {
	"Agbeko", "Kodjo", "Amegah", "Mensah", "Lawson", "Adjamagbo", "Kpodar", "Ayité|Ayite",
	"Amouzou", "Akakpo", "Dogbé|Dogbe", "Tchalla",
};
static const char *const fam_tcd[] = {
	"Mahamat", "Abakar", "Hassan", "Idriss", "Ahmat", "Saleh", "Brahim", "Oumar", "Abdelkerim",
	"Adoum", "Haroun", "Youssouf", "Zakaria",
};
static const char *const fam_tcd_south[] = {
	"Nodjimbadem", "Ndilbé|Ndilbe", "Mbaïdoum|Mbaidoum", "Ngaradoum", "Djimadoum",
	"Béassoumal",
};
static const char *const fam_sdn[] = {
	"Abdelrahman|Abdalrahman|Abdel Rahman", "Osman|Othman", "Adam", "Ishag|Ishaq",
	"Yagoub|Yacoub", "Abdalla|Abdallah", "Elnour|El Nour", "Mohamed", "Ahmed", "Hamid",
};



/* Victims of trafficking found in Niger are mostly Nigerien and Nigerian
 * (Edo State for sexual exploitation, Hausa children for begging and work). */
const struct nation demo_nations[DEMO_NATIONS] = {
	{ "GIN", 1700, 20, 5, NULL, "fuf fuf fuf sus sus emk", "fra fra fra fuf sus",
	  { { POOL_SAHEL, N(fam_gin), 90 }, { POOL_CHRISTIAN_FR, N(fam_gin), 10 } } },
	{ "MLI", 1500, 20, 20, "223", "bam bam bam bam ffm snk khq", "fra fra bam",
	  { { POOL_SAHEL, N(fam_mli), 100 } } },
	{ "NGA", 1200, 450, 5, "234", "hau hau hau yor ibo bin bin pcm", "eng eng pcm pcm hau",
	  { { POOL_HAUSA, N(fam_nga_north), 35 }, { POOL_CHRISTIAN_EN, N(fam_nga_south), 65 } } },
	{ "NER", 1000, 420, 0, NULL, "hau hau hau hau dje dje fuv tmh kau", "fra hau hau dje",
	  { { POOL_SAHEL, N(fam_ner), 100 } } },
	{ "SEN", 950, 10, 5, NULL, "wol wol wol wol fuc srr dyo", "fra fra wol",
	  { { POOL_SAHEL, N(fam_sen), 92 }, { POOL_CHRISTIAN_FR, N(fam_sen), 8 } } },
	{ "CIV", 800, 10, 5, NULL, "fra fra dyu dyu bci", "fra dyu",
	  { { POOL_SAHEL, N(fam_civ_north), 50 }, { POOL_CHRISTIAN_FR, N(fam_civ_south), 50 } } },
	{ "CMR", 600, 20, 80, NULL, "fra fra fra eng ewo bas ful", "fra eng",
	  { { POOL_CHRISTIAN_FR, N(fam_cmr), 60 }, { POOL_CHRISTIAN_EN, N(fam_cmr_en), 20 },
	    { POOL_SAHEL, N(fam_cmr_north), 20 } } },
	{ "GMB", 600, 0, 5, NULL, "mnk mnk mnk wol fuc", "eng eng wol",
	  { { POOL_SENEGAMBIA, N(fam_gmb), 100 } } },
	{ "BFA", 400, 10, 10, NULL, "mos mos mos dyu fuh", "fra fra dyu",
	  { { POOL_SAHEL, N(fam_bfa), 70 }, { POOL_CHRISTIAN_FR, N(fam_bfa), 30 } } },
	{ "GNB", 300, 0, 5, NULL, "pov pov fuc mnk", "por pov",
	  { { POOL_SAHEL, N(fam_gnb), 65 }, { POOL_LUSO, N(fam_gnb_luso), 35 } } },
	{ "SLE", 300, 0, 5, NULL, "kri kri tem men", "eng kri",
	  { { POOL_SENEGAMBIA, N(fam_sle), 60 }, { POOL_CHRISTIAN_EN, N(fam_sle), 40 } } },
	{ "GHA", 200, 10, 5, NULL, "twi twi ewe dag hau", "eng eng",
	  { { POOL_HAUSA, N(fam_gha_north), 30 }, { POOL_CHRISTIAN_EN, N(fam_gha_south), 70 } } },
	{ "LBR", 150, 0, 5, NULL, "eng eng kpe vai", "eng",
	  { { POOL_CHRISTIAN_EN, N(fam_lbr), 80 }, { POOL_SENEGAMBIA, N(fam_lbr), 20 } } },
	{ "BEN", 100, 20, 5, NULL, "fon fon yor", "fra",
	  { { POOL_CHRISTIAN_FR, N(fam_ben), 70 }, { POOL_SAHEL, N(fam_ben_north), 30 } } },
	{ "TGO", 60, 10, 5, NULL, "ewe ewe kbp", "fra",
	  { { POOL_CHRISTIAN_FR, N(fam_tgo), 100 } } },
	{ "TCD", 60, 0, 150, NULL, "shu shu ara", "fra ara",
	  { { POOL_ARAB, N(fam_tcd), 75 }, { POOL_CHRISTIAN_FR, N(fam_tcd_south), 25 } } },
	{ "SDN", 40, 0, 300, NULL, "ara", "eng",
	  { { POOL_ARAB, N(fam_sdn), 100 } } },
};

const char *const demo_nicknames_m[DEMO_NICKNAMES_M] = {
	"Baba", "Papis", "Junior", "Pape", "Bouba", "Doudou", "Vieux", "Petit", "Tonton", "Ladji",
};
const char *const demo_nicknames_f[DEMO_NICKNAMES_F] = {
	"Mama", "Tata", "Fifi", "Nana", "Mimi", "Ina", "Baby", "Sister",
};

/* How many spellings a group has. */
int demo_variant_count(const char *g)
{
	int n = 1;
	for (; *g; g++)
		n += *g == '|';
	return n;
}

/* Copies spelling k of group g to out. */
void demo_variant_copy(const char *g, int k, char *out, size_t size)
{
	for (; k > 0; g++)
		if (*g == '|')
			k--;
	size_t len = strcspn(g, "|");
	if (len >= size)
		len = size - 1;
	memcpy(out, g, len);
	out[len] = '\0';
}

/* The usual spelling more than half the time, a variant otherwise. */
static int pick_variant(struct rng *r, const char *g)
{
	int n = demo_variant_count(g);
	return (n == 1 || chance(r, 550)) ? 0 : 1 + (int)below(r, (unsigned)n - 1);
}


void demo_pick_name(struct rng *r, const char *const *list, int n, struct name *out)
{
	out->group = list[below(r, (unsigned)n)];
	out->variant = pick_variant(r, out->group);
	demo_variant_copy(out->group, out->variant, out->text, sizeof out->text);
}

/* Appends text to a ';'- or ' '-separated list in buf. */
void demo_append(char *buf, size_t size, char sep, const char *text)
{
	size_t len = strlen(buf);
	if (len + 1 + strlen(text) + 1 > size)
		return;
	if (len)
		buf[len++] = sep;
	strcpy(buf + len, text);
}

