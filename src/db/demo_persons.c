/* Synthetic people for demo databases. Everything comes from one
 * splitmix64 stream seeded by the caller, in a fixed order, so the same
 * seed and count give the same people. People are generated one unit at a
 * time (a person alone, or a family of 2 to 5) and written at once: nothing
 * is kept in memory but the case-number counters. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/names.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/demo_persons.h"

#define BATCH 50000L          /* people per transaction */
#define PROGRESS_EVERY 10000L
#define FIRST_YEAR 2016
#define YEARS 11              /* 2016 .. 2026 */

/* ---- randomness --------------------------------------------------------- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in 0 .. n-1 (n >= 1). */
static unsigned below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

/* True with probability per_mille / 1000. */
static bool chance(struct rng *r, unsigned per_mille)
{
	return below(r, 1000) < per_mille;
}

/* An index into weights[0 .. n-1], drawn in proportion to them. */
static int pick_weighted(struct rng *r, const unsigned *weights, int n)
{
	unsigned total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	unsigned x = below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

/* ---- calendar ----------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* "YYYY-MM-DD" of day z. */
static void iso_day(long z, char out[11])
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static int year_of(long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	return y;
}

/* The demo data ends a few days before the release it ships with: fixed,
 * so that the same seed gives the same people whatever the clock says. */
static long last_day(void)
{
	return days_from_civil(2026, 11, 15);
}

/* Arrivals per day, by year: the 2016-2019 peak of assisted returns, the
 * 2020 border closures, and the expulsions from Algeria since 2023. */
static const unsigned year_intensity[YEARS] = { 9, 10, 10, 9, 5, 7, 9, 11, 11, 10, 9 };

/* The arrival day of the i-th of n people: arrivals spread over the period
 * in order, so that case numbers follow arrival dates. */
static long arrival_day(long i, long n)
{
	double span[YEARS], total = 0;
	for (int k = 0; k < YEARS; k++) {
		long first = days_from_civil(FIRST_YEAR + k, 1, 1);
		long end = k == YEARS - 1 ? last_day() + 1 : days_from_civil(FIRST_YEAR + k + 1, 1, 1);
		span[k] = (double)(end - first) * year_intensity[k];
		total += span[k];
	}
	double target = ((double)i + 0.5) / (double)n * total;
	for (int k = 0; k < YEARS; k++) {
		if (target < span[k] || k == YEARS - 1) {
			long day = days_from_civil(FIRST_YEAR + k, 1, 1) + (long)(target / year_intensity[k]);
			return day > last_day() ? last_day() : day;
		}
		target -= span[k];
	}
	return last_day();
}

/* ---- names -------------------------------------------------------------- */

/* A name group: the spellings of one name, '|'-separated; the first is the
 * usual one in that tradition. Given names are drawn from a tradition
 * (pool), family names from a country's list. */
#define COUNT(a) ((unsigned)(sizeof a / sizeof a[0]))
#define N(a) a, (int)COUNT(a)

enum pool { POOL_SAHEL, POOL_HAUSA, POOL_SENEGAMBIA, POOL_CHRISTIAN_EN, POOL_CHRISTIAN_FR,
            POOL_ARAB, POOL_LUSO, POOL_COUNT_ };

static const char *const sahel_m[] = {
	"Mohamed|Mouhamed|Mohammed|Muhammad|Mohamed|Mahamed", "Mamadou|Mamoudou|Mahamadou",
	"Mahamadou|Mahamadu", "Ousmane|Usman|Ousman|Osmane", "Abdoulaye|Abdullahi|Abdoulahi|Ablaye",
	"Ibrahim|Ibrahima|Brahim", "Moussa|Musa|Mousa", "Amadou|Ahmadou|Hamadou|Ahmed",
	"Boubacar|Aboubacar|Abubakar|Boubakar", "Issa|Isa", "Souleymane|Suleiman|Souleimane|Sulaiman",
	"Idrissa|Idris|Driss", "Alassane|Hassane|Hassan", "Seydou|Saidou|Seidou", "Lamine|Alamine",
	"Adama", "Sékou|Sekou", "Yacouba|Yakouba|Yakubu", "Oumar|Omar|Umar", "Aliou|Alioune|Aliyu",
	"Harouna|Haruna|Arouna", "Hamidou|Amidou", "Ismaël|Ismael|Ismaila|Ismaïla", "Salif|Salifou",
	"Bakary|Bakari|Backary", "Abdou", "Cheikh|Cheick|Sheikh", "Abdoul Karim|Abdoulkarim|Karim",
	"Modibo", "Saliou|Saliu", "Tidiane|Tijani", "Souley|Souleye", "Maman|Mamane", "Garba",
	"Yahaya|Yahya|Yaou", "Djibril|Jibril|Djibrilla", "Fousseyni|Fousseini|Housseini",
	"Youssouf|Yusuf|Youssoufa", "Daouda|Dauda", "Siaka", "Mahamane|Mahaman",
};
static const char *const sahel_f[] = {
	"Aïssatou|Aissatou|Aishatu|Aïssa|Aissa|Aichatou", "Fatoumata|Fatimata|Fatouma|Fatima|Fanta",
	"Mariama|Mariam|Maryam", "Hadiza|Hadizatou|Adiza", "Kadiatou|Khadija|Kadidia|Kadidiatou",
	"Aminata|Aminatou|Amina|Aminatu", "Ramatou|Ramata", "Zeinabou|Zénabou|Zeinab|Zainab",
	"Hawa|Awa|Hawaou", "Salamatou|Salamata", "Rahinatou|Rahina|Rahinatu", "Binta|Bintou",
	"Oumou|Oumoul|Umu", "Djénéba|Djeneba|Zeneba", "Nafissatou|Nafissa|Nafisa",
	"Balkissa|Balkisa|Bilkisu", "Halima|Halimatou|Alima", "Safiatou|Safiya|Safia",
	"Rokia|Rokiatou|Rokiya", "Maïmouna|Maimouna|Maimuna", "Habsatou|Hafsatou|Hafsa",
	"Rabi|Rabiatou|Rabiatu", "Mariétou|Marietou", "Ramatoulaye", "Hadjara|Hadiara", "Fati",
	"Assétou|Assetou|Assita", "Salimata|Sali", "Kadi|Kady", "Aïcha|Aicha|Aisha",
};
static const char *const hausa_m[] = {
	"Muhammad|Muhammed|Mohammed|Mohammad", "Usman|Usmanu|Uthman", "Abdullahi|Abdullah|Abdulahi",
	"Ibrahim", "Musa|Moussa", "Abubakar|Aboubakar", "Yakubu|Yakub", "Haruna", "Aliyu|Aliu",
	"Sani", "Bello", "Garba", "Umar|Umaru|Omar", "Suleiman|Sulaiman|Sulaimanu", "Yusuf|Yusufu",
	"Idris|Idrisu", "Isa|Isah", "Lawal|Lawali", "Nasiru|Nasir", "Kabiru|Kabir", "Bashir|Bashiru",
	"Ahmed|Ahmad", "Mustapha|Mustafa", "Jibrin|Jibril", "Auwal|Auwalu", "Shehu",
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
	"Babatunde|Tunde", "Olumide", "Oluwafemi|Femi", "Kwame", "Kofi", "Kwabena", "Yaw", "Patrick",
	"Francis", "Prince", "Osagie", "Efosa", "Friday", "Sunday", "Victor", "Stephen|Steven",
	"David", "Solomon", "Moses",
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

static const struct {
	const char *const *male;
	int nmale;
	const char *const *female;
	int nfemale;
} pools[POOL_COUNT_] = {
	[POOL_SAHEL] = { N(sahel_m), N(sahel_f) },
	[POOL_HAUSA] = { N(hausa_m), N(hausa_f) },
	[POOL_SENEGAMBIA] = { N(senegambia_m), N(senegambia_f) },
	[POOL_CHRISTIAN_EN] = { N(christian_en_m), N(christian_en_f) },
	[POOL_CHRISTIAN_FR] = { N(christian_fr_m), N(christian_fr_f) },
	[POOL_ARAB] = { N(arab_m), N(arab_f) },
	[POOL_LUSO] = { N(luso_m), N(luso_f) },
};

static const char *const fam_ner[] = {
	"Mahamadou|Mahamadu", "Issoufou|Issoufa", "Abdou", "Hamani", "Moussa|Mousa", "Sani", "Garba",
	"Oumarou|Oumaru", "Idrissa", "Souley", "Boubacar", "Harouna", "Adamou", "Ibrahim", "Maman",
	"Salifou", "Yacouba", "Tanko", "Ali", "Hassane", "Djibo", "Seyni|Seini", "Amadou", "Soumana",
	"Halidou|Alidou", "Mounkaïla|Mounkaila", "Hima", "Hamidou", "Tahirou", "Illiassou|Iliassou",
	"Maïga|Maiga", "Abdoulaye", "Chaïbou|Chaibou", "Rabiou|Rabiu", "Nouhou", "Zakari",
	"Laouali|Lawali", "Mamane", "Ousseini|Housseini", "Ag Alhassane",
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
	"Tchakounté|Tchakounte", "Nkoulou", "Abega", "Mballa", "Ndongo", "Fouda", "Onana", "Kengne",
	"Djomo",
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
	"Mensah", "Owusu", "Asante", "Boateng", "Osei", "Agyeman", "Appiah", "Acheampong",
	"Amoah", "Darko", "Addo", "Ofori",
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
	"Houngbédji|Houngbedji", "Agossou", "Dossou", "Hounkpatin", "Ahouansou", "Zinsou", "Adjovi",
	"Gbaguidi", "Akplogan", "Sossou", "Tossou", "Kiki",
};
static const char *const fam_ben_north[] = { "Bio", "Orou", "Yarou", "Sabi", "Gounou", "Chabi" };
static const char *const fam_tgo[] = {
	"Agbeko", "Kodjo", "Amegah", "Mensah", "Lawson", "Adjamagbo", "Kpodar", "Ayité|Ayite",
	"Amouzou", "Akakpo", "Dogbé|Dogbe", "Tchalla",
};
static const char *const fam_tcd[] = {
	"Mahamat", "Abakar", "Hassan", "Idriss", "Ahmat", "Saleh", "Brahim", "Oumar",
	"Abdelkerim", "Adoum", "Haroun", "Youssouf", "Zakaria",
};
static const char *const fam_tcd_south[] = {
	"Nodjimbadem", "Ndilbé|Ndilbe", "Mbaïdoum|Mbaidoum", "Ngaradoum", "Djimadoum", "Béassoumal",
};
static const char *const fam_sdn[] = {
	"Abdelrahman|Abdalrahman|Abdel Rahman", "Osman|Othman", "Adam", "Ishag|Ishaq",
	"Yagoub|Yacoub", "Abdalla|Abdallah", "Elnour|El Nour", "Mohamed", "Ahmed", "Hamid",
};

/* One naming tradition of a country: its given names, its family names,
 * its share of the country's people. */
struct strand {
	enum pool pool;
	const char *const *family;
	int nfamily;
	unsigned weight;
};

/* A nationality: share of arrivals (per 10,000) and of trafficking victims
 * (per 1,000), asylum seekers among its adults (per 1,000), its own phone
 * network when its people often keep a SIM from home (+234, +223; the
 * others use Nigerien numbers), naming traditions, languages (3-letter
 * codes, repeated for weight; the second drawn from `second`). */
struct nation {
	const char *iso3;
	unsigned weight, trafficking, asylum;
	const char *dial;
	struct strand strands[3];
	const char *langs;
	const char *second;
};

/* Victims of trafficking found in Niger are mostly Nigerien and Nigerian
 * (Edo State for sexual exploitation, Hausa children for begging and work). */
static const struct nation nations[] = {
	{ "GIN", 1700, 20, 5, NULL,
	  { { POOL_SAHEL, N(fam_gin), 90 }, { POOL_CHRISTIAN_FR, N(fam_gin), 10 } },
	  "fuf fuf fuf sus sus emk", "fra fra fra fuf sus" },
	{ "MLI", 1500, 20, 20, "223",
	  { { POOL_SAHEL, N(fam_mli), 100 } },
	  "bam bam bam bam ffm snk khq", "fra fra bam" },
	{ "NGA", 1200, 450, 5, "234",
	  { { POOL_HAUSA, N(fam_nga_north), 35 }, { POOL_CHRISTIAN_EN, N(fam_nga_south), 65 } },
	  "hau hau hau yor ibo bin bin pcm", "eng eng pcm pcm hau" },
	{ "NER", 1000, 420, 0, NULL,
	  { { POOL_SAHEL, N(fam_ner), 100 } },
	  "hau hau hau hau dje dje fuv tmh kau", "fra hau hau dje" },
	{ "SEN", 950, 10, 5, NULL,
	  { { POOL_SAHEL, N(fam_sen), 92 }, { POOL_CHRISTIAN_FR, N(fam_sen), 8 } },
	  "wol wol wol wol fuc srr dyo", "fra fra wol" },
	{ "CIV", 800, 10, 5, NULL,
	  { { POOL_SAHEL, N(fam_civ_north), 50 }, { POOL_CHRISTIAN_FR, N(fam_civ_south), 50 } },
	  "fra fra dyu dyu bci", "fra dyu" },
	{ "CMR", 600, 20, 80, NULL,
	  { { POOL_CHRISTIAN_FR, N(fam_cmr), 60 }, { POOL_CHRISTIAN_EN, N(fam_cmr_en), 20 },
	    { POOL_SAHEL, N(fam_cmr_north), 20 } },
	  "fra fra fra eng ewo bas ful", "fra eng" },
	{ "GMB", 600, 0, 5, NULL,
	  { { POOL_SENEGAMBIA, N(fam_gmb), 100 } },
	  "mnk mnk mnk wol fuc", "eng eng wol" },
	{ "BFA", 400, 10, 10, NULL,
	  { { POOL_SAHEL, N(fam_bfa), 70 }, { POOL_CHRISTIAN_FR, N(fam_bfa), 30 } },
	  "mos mos mos dyu fuh", "fra fra dyu" },
	{ "GNB", 300, 0, 5, NULL,
	  { { POOL_SAHEL, N(fam_gnb), 65 }, { POOL_LUSO, N(fam_gnb_luso), 35 } },
	  "pov pov fuc mnk", "por pov" },
	{ "SLE", 300, 0, 5, NULL,
	  { { POOL_SENEGAMBIA, N(fam_sle), 60 }, { POOL_CHRISTIAN_EN, N(fam_sle), 40 } },
	  "kri kri tem men", "eng kri" },
	{ "GHA", 200, 10, 5, NULL,
	  { { POOL_HAUSA, N(fam_gha_north), 30 }, { POOL_CHRISTIAN_EN, N(fam_gha_south), 70 } },
	  "twi twi ewe dag hau", "eng eng" },
	{ "LBR", 150, 0, 5, NULL,
	  { { POOL_CHRISTIAN_EN, N(fam_lbr), 80 }, { POOL_SENEGAMBIA, N(fam_lbr), 20 } },
	  "eng eng kpe vai", "eng" },
	{ "BEN", 100, 20, 5, NULL,
	  { { POOL_CHRISTIAN_FR, N(fam_ben), 70 }, { POOL_SAHEL, N(fam_ben_north), 30 } },
	  "fon fon yor", "fra" },
	{ "TGO", 60, 10, 5, NULL,
	  { { POOL_CHRISTIAN_FR, N(fam_tgo), 100 } },
	  "ewe ewe kbp", "fra" },
	{ "TCD", 60, 0, 150, NULL,
	  { { POOL_ARAB, N(fam_tcd), 75 }, { POOL_CHRISTIAN_FR, N(fam_tcd_south), 25 } },
	  "shu shu ara", "fra ara" },
	{ "SDN", 40, 0, 300, NULL,
	  { { POOL_ARAB, N(fam_sdn), 100 } },
	  "ara", "eng" },
};
#define NATIONS ((int)(sizeof nations / sizeof nations[0]))

static const char *const nicknames_m[] = {
	"Baba", "Papis", "Junior", "Pape", "Bouba", "Doudou", "Vieux", "Petit", "Tonton", "Ladji",
};
static const char *const nicknames_f[] = {
	"Mama", "Tata", "Fifi", "Nana", "Mimi", "Ina", "Baby", "Sister",
};

/* How many spellings a group has. */
static int variant_count(const char *g)
{
	int n = 1;
	for (; *g; g++)
		n += *g == '|';
	return n;
}

/* Copies spelling k of group g to out. */
static void variant_copy(const char *g, int k, char *out, size_t size)
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
	int n = variant_count(g);
	return (n == 1 || chance(r, 550)) ? 0 : 1 + (int)below(r, (unsigned)n - 1);
}

/* A name drawn from a list of groups, remembering which for aliases. */
struct name {
	const char *group;
	int variant;
	char text[48];
};

static void pick_name(struct rng *r, const char *const *list, int n, struct name *out)
{
	out->group = list[below(r, (unsigned)n)];
	out->variant = pick_variant(r, out->group);
	variant_copy(out->group, out->variant, out->text, sizeof out->text);
}

/* Appends text to a ';'- or ' '-separated list in buf. */
static void append(char *buf, size_t size, char sep, const char *text)
{
	size_t len = strlen(buf);
	if (len + 1 + strlen(text) + 1 > size)
		return;
	if (len)
		buf[len++] = sep;
	strcpy(buf + len, text);
}

/* ---- people ------------------------------------------------------------- */

enum centre { C_NY1, C_NY2, C_NY3, C_AGZ, C_ARL, C_DRK, C_ZIN, C_COUNT_ };
static const char *const centre_code[C_COUNT_] = { "NY1", "NY2", "NY3", "AGZ", "ARL", "DRK", "ZIN" };
/* Where migrants arrive: Agadez and its desert route first, then Niamey. */
static const unsigned centre_migrants[C_COUNT_] = { 15, 13, 10, 35, 14, 10, 3 };
static const unsigned centre_trafficking[C_COUNT_] = { 12, 6, 2, 15, 0, 0, 65 };

enum flag { F_UNACCOMPANIED, F_SEPARATED, F_ACCOMPANIED, F_PREGNANT, F_TRAFFICKING_PRESUMED,
            F_TRAFFICKING_IDENTIFIED, F_VIOLENCE, F_OLDER, F_MEDICAL, F_DISABILITY, F_ASYLUM,
            F_COUNT_ };
static const char *const flag_name[F_COUNT_] = {
	"unaccompanied_child", "separated_child", "accompanied_child", "pregnant",
	"trafficking_presumed", "trafficking_identified", "violence_victim", "older_person",
	"serious_medical", "disability", "asylum_seeker",
};
#define FLAG(f) (1u << (f))

enum kind { K_MIGRANT, K_TRAFFICKING, K_FAMILY };

/* One person being made. */
struct person_gen {
	const struct nation *nat;
	bool nat_unknown;         /* no papers and would not say: NULL */
	int strand;
	enum kind kind;
	char sex;
	int age;                  /* at arrival */
	struct name family, given;
	char given_names[112];
	char other_names[160];
	long arrival;
	int centre;
	const char *mode;
	unsigned flags;
};

/* What the generator carries from person to person. */
struct gen {
	struct db *db;
	struct rng rng;
	long long centre_id[C_COUNT_];
	long seq[C_COUNT_][YEARS];      /* the next sequence, per centre and year */
	long long consent_by;           /* the demo intake clerk, 0 when none */
	sqlite3_stmt *person, *name_key, *language, *document, *flag, *link, *stay, *service,
	             *search;
};

static const struct nation *pick_nation(struct rng *r, enum kind kind)
{
	unsigned w[NATIONS];
	for (int i = 0; i < NATIONS; i++)
		w[i] = kind == K_TRAFFICKING ? nations[i].trafficking : nations[i].weight;
	return &nations[pick_weighted(r, w, NATIONS)];
}

static int pick_strand(struct rng *r, const struct nation *nat)
{
	unsigned w[3];
	for (int i = 0; i < 3; i++)
		w[i] = nat->strands[i].family ? nat->strands[i].weight : 0;
	return pick_weighted(r, w, 3);
}

/* Ages at arrival: mostly young men and women; a tail to 70. */
static int adult_age(struct rng *r)
{
	unsigned u = below(r, 1000);
	if (u < 360)
		return 18 + (int)below(r, 7);
	if (u < 760)
		return 25 + (int)below(r, 10);
	if (u < 910)
		return 35 + (int)below(r, 10);
	if (u < 975)
		return 45 + (int)below(r, 15);
	return 60 + (int)below(r, 11);
}

/* Given names (one, sometimes two) and family name of p, from its
 * nationality's traditions; family_from, when not NULL, gives the family
 * name (children and spouses). */
static void make_names(struct gen *g, struct person_gen *p, const struct name *family_from)
{
	struct rng *r = &g->rng;
	const struct strand *s = &p->nat->strands[p->strand];
	int np = p->sex == 'f' ? pools[s->pool].nfemale : pools[s->pool].nmale;
	const char *const *list = p->sex == 'f' ? pools[s->pool].female : pools[s->pool].male;
	pick_name(r, list, np, &p->given);
	snprintf(p->given_names, sizeof p->given_names, "%s", p->given.text);
	if (chance(r, 250)) {
		struct name second;
		pick_name(r, list, np, &second);
		if (second.group != p->given.group)
			append(p->given_names, sizeof p->given_names, ' ', second.text);
	}
	if (family_from)
		p->family = *family_from;
	else
		pick_name(r, s->family, s->nfamily, &p->family);

	/* Aliases: another spelling the person also used, a nickname, or the
	 * family name as written on another document. */
	p->other_names[0] = '\0';
	if (!chance(r, 100))
		return;
	int aliases = chance(r, 150) ? 2 : 1;
	for (int i = 0; i < aliases; i++) {
		char alias[48];
		unsigned u = below(r, 10);
		const struct name *base = u < 4 ? &p->given : &p->family;
		int nv = variant_count(base->group);
		if (u < 7 && nv > 1) {
			int k = (base->variant + 1 + (int)below(r, (unsigned)nv - 1)) % nv;
			variant_copy(base->group, k, alias, sizeof alias);
		} else if (p->sex == 'f') {
			snprintf(alias, sizeof alias, "%s", nicknames_f[below(r, COUNT(nicknames_f))]);
		} else {
			snprintf(alias, sizeof alias, "%s", nicknames_m[below(r, COUNT(nicknames_m))]);
		}
		if (!strstr(p->other_names, alias))
			append(p->other_names, sizeof p->other_names, ';', alias);
	}
}

/* Birth date of someone aged `age` on day `arrival`: an estimated year for
 * half of the people, month and year for some, a full date for the rest
 * (often the 1st of January, as on documents made without a birth record),
 * a few unknown (""). */
static void make_birth(struct rng *r, long arrival, int age, char out[11], int *estimated)
{
	long born = arrival - (long)age * 365 - age / 4 - (long)below(r, 365);
	int y, m, d;
	civil_from_days(born, &y, &m, &d);
	unsigned u = below(r, 1000);
	*estimated = 0;
	if (u < 20) {
		out[0] = '\0';
	} else if (u < 520) {
		snprintf(out, 11, "%04d", y);
		*estimated = 1;
	} else if (u < 620) {
		snprintf(out, 11, "%04d-%02d", y, m);
	} else if (u < 680) {
		snprintf(out, 11, "%04d-01-01", y);
	} else {
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	}
}

/* A mobile number as people write it: Nigerien mostly (a SIM bought on the
 * way), Nigerian or Malian for some of those countries' people. */
static void make_phone(struct rng *r, const struct nation *nat, char *out, size_t size)
{
	static const char ner[] = "90 91 92 93 94 96 97 98 99 80 81 82 84 85 86 87 88 89 70 74";
	static const char mli[] = "76 77 78 79 66 65 70 71 90 91 92 93 94 95 96 97 98 99 60 61 62 63";
	static const char nga[] = "803 806 813 816 703 706 810 814 903 906 805 807 815 705 905 802 "
	                          "808 708 812 701 902 809 817 818 909";
	if (nat->dial && strcmp(nat->dial, "234") == 0 && chance(r, 650)) {
		const char *p = nga + 4 * below(r, (unsigned)sizeof nga / 4);
		unsigned x = below(r, 10000000);
		switch (below(r, 4)) {
		case 0:
			snprintf(out, size, "+234 %.3s %03u %04u", p, x / 10000, x % 10000);
			break;
		case 1:
			snprintf(out, size, "+234%.3s%07u", p, x);
			break;
		case 2:
			snprintf(out, size, "0%.3s %03u %04u", p, x / 10000, x % 10000);
			break;
		default:
			snprintf(out, size, "0%.3s%07u", p, x);
		}
		return;
	}
	const char *cc = "227", *list = ner;
	unsigned count = (unsigned)sizeof ner / 3;
	if (nat->dial && strcmp(nat->dial, "223") == 0 && chance(r, 450)) {
		cc = "223";
		list = mli;
		count = (unsigned)sizeof mli / 3;
	}
	const char *p = list + 3 * below(r, count);
	unsigned x = below(r, 1000000);
	switch (below(r, 5)) {
	case 0:
	case 1:
		snprintf(out, size, "+%s %.2s %02u %02u %02u", cc, p, x / 10000, x / 100 % 100, x % 100);
		break;
	case 2:
		snprintf(out, size, "+%s%.2s%06u", cc, p, x);
		break;
	case 3:
		snprintf(out, size, "00%s %.2s%06u", cc, p, x);
		break;
	default:
		snprintf(out, size, "%.2s %02u %02u %02u", p, x / 10000, x / 100 % 100, x % 100);
	}
}

/* The digits of phone, and its last 8 (the lookup key; all when fewer). */
static void phone_digits(const char *phone, char digits[24], char key[9])
{
	size_t n = 0;
	for (; *phone && n < 23; phone++)
		if (*phone >= '0' && *phone <= '9')
			digits[n++] = *phone;
	digits[n] = '\0';
	snprintf(key, 9, "%s", digits + (n > 8 ? n - 8 : 0));
}

/* Language i (3 letters) of a list of codes separated by blanks. */
static void pick_language(struct rng *r, const char *list, char out[4])
{
	unsigned count = (unsigned)(strlen(list) + 1) / 4;
	memcpy(out, list + 4 * below(r, count), 3);
	out[3] = '\0';
}

static const char *pick_mode(struct rng *r, enum kind kind, int centre)
{
	static const char *const modes[] = { "self", "rescue", "police", "transfer", "other" };
	/* Rescues in the desert around Agadez, Arlit and Dirkou; convoys from
	 * Agadez to Niamey; victims of trafficking mostly referred by police. */
	static const unsigned desert[] = { 45, 25, 5, 20, 5 }, city[] = { 50, 0, 5, 40, 5 },
	                      victims[] = { 12, 10, 45, 25, 8 };
	const unsigned *w = kind == K_TRAFFICKING || centre == C_ZIN ? victims
	                    : centre == C_AGZ || centre == C_ARL || centre == C_DRK ? desert : city;
	return modes[pick_weighted(r, w, 5)];
}

/* The vulnerabilities any person may have, beside those of the kind of
 * person (children, victims of trafficking). */
static void common_flags(struct rng *r, struct person_gen *p)
{
	if (p->sex == 'f' && p->age >= 16 && p->age <= 45 && chance(r, 60))
		p->flags |= FLAG(F_PREGNANT);
	if (chance(r, p->age < 18 ? 40 : p->sex == 'f' ? 90 : 25))
		p->flags |= FLAG(F_VIOLENCE);
	if (p->age >= 60)
		p->flags |= FLAG(F_OLDER);
	if (chance(r, 30))
		p->flags |= FLAG(F_MEDICAL);
	if (chance(r, 15))
		p->flags |= FLAG(F_DISABILITY);
	if (p->age >= 18 && chance(r, p->nat->asylum))
		p->flags |= FLAG(F_ASYLUM);
}

/* ---- stays -------------------------------------------------------------- */

/* The stays of one person (a family shares them): the first at the arrival
 * centre, a second for some (transferred, or back months later). departed
 * is -1 while the person is still there. */
struct stays {
	int n;
	int centre[2];
	long admitted[2], departed[2];
	const char *reason[2];
};

static const char *pick_reason(struct rng *r, const struct person_gen *p, bool may_transfer)
{
	if (p->flags & FLAG(F_ASYLUM))
		return chance(r, 800) ? "referred" : "left";
	if (p->kind == K_TRAFFICKING) {
		unsigned u = below(r, 100);
		return u < 60 ? "avr" : u < 85 ? "referred" : "left";
	}
	unsigned u = below(r, 1000);
	if (u < 80)
		return may_transfer ? "transferred" : "avr";
	return u < 150 ? "continued" : u < 200 ? "left" : u < 240 ? "referred" : "avr";
}

static long stay_length(struct rng *r, const struct person_gen *p)
{
	if (p->kind == K_TRAFFICKING)
		return 14 + (long)below(r, 60) + (long)below(r, 120);
	return 2 + (long)below(r, 20) + (long)below(r, 30) + (chance(r, 100) ? (long)below(r, 90) : 0);
}

/* Where a transferred person goes: from the Agadez region and Zinder to
 * Niamey, between the Niamey centres. */
static int transfer_to(struct rng *r, int from)
{
	switch (from) {
	case C_ARL:
	case C_DRK:
		return C_AGZ;
	case C_AGZ:
	case C_ZIN:
		return C_NY1 + (int)below(r, 3);
	default:
		return C_NY1 + (from - C_NY1 + 1 + (int)below(r, 2)) % 3;
	}
}

/* Fills stay k from its centre and admission day. */
static void plan_departure(struct rng *r, const struct person_gen *p, struct stays *s, int k)
{
	long out = s->admitted[k] + stay_length(r, p);
	s->reason[k] = pick_reason(r, p, k == 0);
	s->departed[k] = out > last_day() ? -1 : out;
	if (s->departed[k] < 0)
		s->reason[k] = NULL;
}

static void plan_stays(struct rng *r, const struct person_gen *p, struct stays *s)
{
	s->n = 1;
	s->centre[0] = p->centre;
	s->admitted[0] = p->arrival;
	plan_departure(r, p, s, 0);
	if (s->departed[0] < 0)
		return;
	long back = -1;
	if (strcmp(s->reason[0], "transferred") == 0) {
		s->centre[1] = transfer_to(r, p->centre);
		back = s->departed[0] + (long)below(r, 3);
	} else if ((strcmp(s->reason[0], "continued") == 0 || strcmp(s->reason[0], "left") == 0)
	           && chance(r, 250)) {
		s->centre[1] = pick_weighted(r, centre_migrants, C_COUNT_);
		back = s->departed[0] + 30 + (long)below(r, 400);
	}
	if (back < 0)
		return;
	if (back > last_day()) {
		/* A transfer still on the road: record its arrival today. */
		if (strcmp(s->reason[0], "transferred") != 0)
			return;
		back = last_day();
	}
	s->n = 2;
	s->admitted[1] = back;
	plan_departure(r, p, s, 1);
}

/* ---- writing ------------------------------------------------------------ */

/* Steps an insert and resets it, for the next person. */
static enum status run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Text from the generator's own buffers, unchanged until the step: no copy. */
static void bind(sqlite3_stmt *st, int idx, const char *text)
{
	if (text)
		sqlite3_bind_text(st, idx, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, idx);
}

static enum status add_stays(struct gen *g, long long person, const struct person_gen *p,
                             const struct stays *s)
{
	static const char *const services[] = { "accommodation", "food", "water", "nfi" };
	const unsigned share[] = { 960, 985, 985, p->kind == K_TRAFFICKING ? 800 : 350 };
	enum status st = ST_OK;
	for (int k = 0; k < s->n && st == ST_OK; k++) {
		char admitted[11], departed[11];
		iso_day(s->admitted[k], admitted);
		if (s->departed[k] >= 0)
			iso_day(s->departed[k], departed);
		sqlite3_bind_int64(g->stay, 1, person);
		sqlite3_bind_int64(g->stay, 2, g->centre_id[s->centre[k]]);
		bind(g->stay, 3, admitted);
		bind(g->stay, 4, s->departed[k] >= 0 ? departed : NULL);
		bind(g->stay, 5, s->reason[k]);
		st = run(g->stay);
		long long stay = sqlite3_last_insert_rowid(db_sqlite(g->db));
		bool any = false;
		for (int i = 0; i < 4 && st == ST_OK; i++) {
			if (!chance(&g->rng, share[i]) && (i < 3 || any))
				continue;
			any = true;
			sqlite3_bind_int64(g->service, 1, stay);
			bind(g->service, 2, services[i]);
			st = run(g->service);
		}
	}
	return st;
}

static enum status add_documents(struct gen *g, long long person, const struct person_gen *p)
{
	static const char *const types[] = { "passport", "id_card", "birth_certificate",
	                                     "laissez_passer", "other" };
	static const unsigned adult_w[] = { 38, 35, 4, 18, 5 }, child_w[] = { 5, 10, 75, 10, 0 };
	struct rng *r = &g->rng;
	if (!chance(r, p->age < 18 ? 150 : 330))
		return ST_OK;
	int count = chance(r, 100) ? 2 : 1, previous = -1;
	enum status st = ST_OK;
	for (int i = 0; i < count && st == ST_OK; i++) {
		int t = pick_weighted(r, p->age < 18 ? child_w : adult_w, 5);
		if (t == previous)
			continue;
		previous = t;
		char number[32] = "", expiry[11];
		long issued = p->arrival - (long)below(r, 5 * 365), until = -1;
		switch (t) {
		case 0:
			snprintf(number, sizeof number, "%c%c%07u", 'A' + (char)below(r, 3),
			         'A' + (char)below(r, 26), below(r, 10000000));
			until = issued + 5 * 365;
			break;
		case 1:
			snprintf(number, sizeof number, "%09u%u", below(r, 1000000000), below(r, 10));
			until = issued + 10 * 365;
			break;
		case 2:
			snprintf(number, sizeof number, "%u/%04d", 1 + below(r, 2000),
			         year_of(p->arrival) - p->age);
			break;
		case 3:
			snprintf(number, sizeof number, "LP%06u", below(r, 1000000));
			until = p->arrival + 30 + (long)below(r, 60);
			break;
		default:
			break;
		}
		if (until >= 0)
			iso_day(until, expiry);
		sqlite3_bind_int64(g->document, 1, person);
		bind(g->document, 2, types[t]);
		bind(g->document, 3, number);
		bind(g->document, 4, p->nat_unknown ? NULL : p->nat->iso3);
		bind(g->document, 5, until >= 0 ? expiry : NULL);
		st = run(g->document);
	}
	return st;
}

static enum status add_languages(struct gen *g, long long person, const struct person_gen *p)
{
	char first[4], second[4];
	pick_language(&g->rng, p->nat->langs, first);
	pick_language(&g->rng, p->nat->second, second);
	bool two = p->age >= 8 && chance(&g->rng, 550) && strcmp(first, second) != 0;
	enum status st = ST_OK;
	for (int i = 0; i < (two ? 2 : 1) && st == ST_OK; i++) {
		sqlite3_bind_int64(g->language, 1, person);
		bind(g->language, 2, i ? second : first);
		st = run(g->language);
	}
	return st;
}

static enum status add_flags(struct gen *g, long long person, unsigned flags)
{
	enum status st = ST_OK;
	for (int f = 0; f < F_COUNT_ && st == ST_OK; f++) {
		if (!(flags & FLAG(f)))
			continue;
		sqlite3_bind_int64(g->flag, 1, person);
		bind(g->flag, 2, flag_name[f]);
		st = run(g->flag);
	}
	return st;
}

/* The sound keys of every word of the names, for the duplicate check. */
static enum status add_name_keys(struct gen *g, long long person, const struct person_gen *p)
{
	const char *fields[3] = { p->family.text, p->given_names, p->other_names };
	char keys[3 * NAMES_MAX_WORDS][NAMES_KEY_MAX];
	int nkeys = 0;
	enum status st = ST_OK;
	for (int f = 0; f < 3 && st == ST_OK; f++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(fields[f], words);
		for (int w = 0; w < nw && st == ST_OK; w++) {
			names_key(words[w], keys[nkeys], sizeof keys[nkeys]);
			bool seen = keys[nkeys][0] == '\0';
			for (int k = 0; k < nkeys && !seen; k++)
				seen = strcmp(keys[k], keys[nkeys]) == 0;
			if (seen)
				continue;
			bind(g->name_key, 1, keys[nkeys]);
			sqlite3_bind_int64(g->name_key, 2, person);
			st = run(g->name_key);
			nkeys++;
		}
	}
	return st;
}

/* The row of the quick-lookup index: names, aliases, case key, phone. */
static enum status add_search(struct gen *g, long long person, const struct person_gen *p,
                              const char *case_key, const char *digits, const char *key)
{
	char text[640];
	snprintf(text, sizeof text, "%s %s %s %s %s %s", p->family.text, p->given_names,
	         p->other_names, case_key, digits, strcmp(digits, key) != 0 ? key : "");
	for (char *c = text; *c; c++)
		if (*c == ';')
			*c = ' ';
	sqlite3_bind_int64(g->search, 1, person);
	bind(g->search, 2, text);
	return run(g->search);
}

/* Writes p with everything that hangs from it; *id gets its row id. */
static enum status write_person(struct gen *g, const struct person_gen *p, const struct stays *s,
                                long long *id)
{
	struct rng *r = &g->rng;
	int year = year_of(p->arrival);
	long *seq = &g->seq[p->centre][year - FIRST_YEAR];
	char display[CASENUM_MAX], case_key[CASENUM_MAX];
	/* Sequences whose check value has no character are skipped, as the
	 * allocator of real registrations does. */
	int tries = 0;
	while (!casenum_format(centre_code[p->centre], year, *seq, display, sizeof display)) {
		if (++tries > 8)
			return ST_INTERNAL;
		(*seq)++;
	}
	(*seq)++;
	if (!casenum_key(display, case_key, sizeof case_key))
		return ST_INTERNAL;

	char birth[11];
	int estimated;
	make_birth(r, p->arrival, p->age, birth, &estimated);
	char phone[32] = "", digits[24] = "", key[9] = "";
	if (chance(r, p->age >= 18 ? 450 : p->age >= 14 ? 200 : 0)) {
		make_phone(r, p->nat, phone, sizeof phone);
		phone_digits(phone, digits, key);
	}
	bool consent_data = chance(r, 975), consent_share = consent_data && chance(r, 850);
	char arrival[11], created[24];
	iso_day(p->arrival, arrival);
	snprintf(created, sizeof created, "%sT%02u:%02u:%02uZ", arrival, 7 + below(r, 10),
	         below(r, 60), below(r, 60));
	char sex[2] = { p->sex, '\0' };

	sqlite3_stmt *st = g->person;
	bind(st, 1, case_key);
	bind(st, 2, p->family.text);
	bind(st, 3, p->given_names);
	bind(st, 4, p->other_names);
	bind(st, 5, sex);
	bind(st, 6, birth[0] ? birth : NULL);
	sqlite3_bind_int(st, 7, estimated);
	bind(st, 8, p->nat_unknown ? NULL : p->nat->iso3);
	bind(st, 9, phone);
	bind(st, 10, key);
	bind(st, 11, arrival);
	sqlite3_bind_int64(st, 12, g->centre_id[p->centre]);
	bind(st, 13, p->mode);
	sqlite3_bind_int(st, 14, consent_data);
	sqlite3_bind_int(st, 15, consent_share);
	bind(st, 16, arrival);
	if (g->consent_by > 0)
		sqlite3_bind_int64(st, 17, g->consent_by);
	else
		sqlite3_bind_null(st, 17);
	bind(st, 18, created);
	enum status status = run(st);
	if (status != ST_OK)
		return status;
	*id = sqlite3_last_insert_rowid(db_sqlite(g->db));

	status = add_languages(g, *id, p);
	if (status == ST_OK)
		status = add_documents(g, *id, p);
	if (status == ST_OK)
		status = add_flags(g, *id, p->flags);
	if (status == ST_OK)
		status = add_stays(g, *id, p, s);
	if (status == ST_OK)
		status = add_name_keys(g, *id, p);
	if (status == ST_OK)
		status = add_search(g, *id, p, case_key, digits, key);
	return status;
}

/* ---- units: a person alone, a family ------------------------------------ */

static void pick_origin(struct rng *r, struct person_gen *p, enum kind kind)
{
	p->kind = kind;
	p->nat = pick_nation(r, kind);
	p->nat_unknown = chance(r, 5);
	p->strand = pick_strand(r, p->nat);
}

static enum status gen_single(struct gen *g, long index, long n)
{
	struct rng *r = &g->rng;
	struct person_gen p;
	memset(&p, 0, sizeof p);
	pick_origin(r, &p, chance(r, 35) ? K_TRAFFICKING : K_MIGRANT);
	p.arrival = arrival_day(index, n);
	if (p.kind == K_TRAFFICKING) {
		/* Zinder 2022: most victims are children; more girls than among
		 * migrants. */
		bool child = chance(r, 800);
		p.sex = chance(r, 400) ? 'f' : 'm';
		p.age = child ? 9 + (int)below(r, 9) : 18 + (int)below(r, 12);
		p.centre = pick_weighted(r, centre_trafficking, C_COUNT_);
		p.flags = FLAG(chance(r, 400) ? F_TRAFFICKING_IDENTIFIED : F_TRAFFICKING_PRESUMED);
		if (child)
			p.flags |= FLAG(F_UNACCOMPANIED);
		if (chance(r, 300))
			p.flags |= FLAG(F_VIOLENCE);
		if (chance(r, 80))
			p.flags |= FLAG(F_MEDICAL);
	} else if (chance(r, 80)) {
		/* Children travelling alone, mostly adolescent boys; separated
		 * children came with a relative who is not registered here. */
		p.sex = chance(r, 800) ? 'm' : 'f';
		p.age = chance(r, 850) ? 12 + (int)below(r, 6) : 7 + (int)below(r, 5);
		p.centre = pick_weighted(r, centre_migrants, C_COUNT_);
		p.flags = FLAG(chance(r, 750) ? F_UNACCOMPANIED : F_SEPARATED);
		common_flags(r, &p);
	} else {
		p.sex = chance(r, 810) ? 'm' : 'f';
		p.age = adult_age(r);
		p.centre = pick_weighted(r, centre_migrants, C_COUNT_);
		common_flags(r, &p);
	}
	p.mode = pick_mode(r, p.kind, p.centre);
	make_names(g, &p, NULL);
	struct stays s;
	plan_stays(r, &p, &s);
	long long id;
	return write_person(g, &p, &s, &id);
}

enum member { M_HEAD, M_SPOUSE, M_CHILD, M_SIBLING };

/* What b is to a, in family_link's words. */
static const char *relation(enum member a, enum member b)
{
	bool a_parent = a == M_HEAD || a == M_SPOUSE, b_parent = b == M_HEAD || b == M_SPOUSE;
	if (a == M_CHILD && b_parent)
		return "head";
	if (a_parent && b == M_CHILD)
		return "child";
	if (a_parent && b_parent)
		return "spouse";
	return "sibling";
}

/* A family of size 2 to 5 arriving together: a couple with or without
 * children, a parent (most often a mother) with children, or siblings with
 * the eldest an adult. They share nationality, arrival, centre and stays,
 * and are linked both ways. */
static enum status gen_family(struct gen *g, long index, long n, int size)
{
	struct rng *r = &g->rng;
	struct person_gen m[5];
	enum member role[5];
	memset(m, 0, sizeof m);
	unsigned shape = below(r, 100);
	bool couple = shape < 55, siblings = shape >= 85;

	struct person_gen *head = &m[0];
	pick_origin(r, head, K_FAMILY);
	head->arrival = arrival_day(index, n);
	head->centre = pick_weighted(r, centre_migrants, C_COUNT_);
	head->mode = pick_mode(r, K_FAMILY, head->centre);
	role[0] = M_HEAD;
	if (siblings) {
		head->sex = chance(r, 700) ? 'm' : 'f';
		head->age = 18 + (int)below(r, 18);
	} else {
		head->sex = couple ? (chance(r, 950) ? 'm' : 'f') : (chance(r, 700) ? 'f' : 'm');
		head->age = 20 + (int)below(r, couple ? 36 : 26);
	}
	make_names(g, head, NULL);
	int youngest_parent = head->age;

	/* Children take their father's family name; in Niger often his given
	 * name. With a parent alone they carry their absent father's. */
	struct name child_family = head->family;
	if (!couple && !siblings && (head->sex == 'f' || chance(r, 300)))
		pick_name(r, head->nat->strands[head->strand].family,
		          head->nat->strands[head->strand].nfamily, &child_family);
	else if (couple && head->sex == 'm' && strcmp(head->nat->iso3, "NER") == 0 && chance(r, 300))
		child_family = head->given;

	for (int i = 1; i < size; i++) {
		struct person_gen *p = &m[i];
		*p = *head;
		p->flags = 0;
		p->other_names[0] = '\0';
		if (couple && i == 1) {
			role[i] = M_SPOUSE;
			p->sex = head->sex == 'm' ? 'f' : 'm';
			p->age = head->age + (p->sex == 'f' ? -(int)below(r, 10) : (int)below(r, 8));
			if (p->age < 18)
				p->age = 18;
			if (p->age < youngest_parent)
				youngest_parent = p->age;
			/* Women keep their own family name more often than not. */
			make_names(g, p, chance(r, 400) ? &head->family : NULL);
		} else if (siblings) {
			role[i] = M_SIBLING;
			p->sex = chance(r, 550) ? 'm' : 'f';
			p->age = head->age - 1 - (int)below(r, 14);
			if (p->age < 0)
				p->age = 0;
			make_names(g, p, &head->family);
		} else {
			role[i] = M_CHILD;
			p->sex = chance(r, 500) ? 'm' : 'f';
			int oldest = youngest_parent - 16;
			if (oldest > 17)
				oldest = 17;
			p->age = (int)below(r, (unsigned)(oldest < 0 ? 0 : oldest) + 1);
			make_names(g, p, &child_family);
		}
	}
	for (int i = 0; i < size; i++) {
		if (m[i].age < 18)
			m[i].flags |= FLAG(role[i] == M_SIBLING ? F_SEPARATED : F_ACCOMPANIED);
		common_flags(r, &m[i]);
	}

	struct stays s;
	plan_stays(r, head, &s);
	long long id[5];
	enum status st = ST_OK;
	for (int i = 0; i < size && st == ST_OK; i++)
		st = write_person(g, &m[i], &s, &id[i]);
	for (int a = 0; a < size && st == ST_OK; a++) {
		for (int b = 0; b < size && st == ST_OK; b++) {
			if (a == b)
				continue;
			sqlite3_bind_int64(g->link, 1, id[a]);
			sqlite3_bind_int64(g->link, 2, id[b]);
			bind(g->link, 3, relation(role[a], role[b]));
			st = run(g->link);
		}
	}
	return st;
}

/* ---- the run ------------------------------------------------------------ */

/* Looks up the centres, the case-number sequences already taken, the demo
 * intake clerk (who takes consent), and prepares the inserts. */
static enum status prepare(struct gen *g)
{
	static const char sql_centre[] = "SELECT id FROM centre WHERE code = ?1";
	static const char sql_seq[] = "SELECT next FROM case_sequence WHERE centre_id = ?1 AND year = ?2";
	static const char sql_clerk[] = "SELECT id FROM app_user WHERE name = 'intake' AND active = 1";
	sqlite3_stmt *st = db_stmt(g->db, sql_centre);
	sqlite3_stmt *seq = db_stmt(g->db, sql_seq);
	sqlite3_stmt *clerk = db_stmt(g->db, sql_clerk);
	if (!st || !seq || !clerk)
		return ST_INTERNAL;
	for (int c = 0; c < C_COUNT_; c++) {
		bind(st, 1, centre_code[c]);
		g->centre_id[c] = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (g->centre_id[c] == 0)
			return ST_INTERNAL;
		for (int y = 0; y < YEARS; y++) {
			sqlite3_bind_int64(seq, 1, g->centre_id[c]);
			sqlite3_bind_int(seq, 2, FIRST_YEAR + y);
			long next = sqlite3_step(seq) == SQLITE_ROW ? (long)sqlite3_column_int64(seq, 0) : 1;
			sqlite3_reset(seq);
			g->seq[c][y] = next > 1 ? next : 1;
		}
	}
	g->consent_by = sqlite3_step(clerk) == SQLITE_ROW ? sqlite3_column_int64(clerk, 0) : 0;
	sqlite3_reset(clerk);

	g->person = db_stmt(g->db,
		"INSERT INTO person (case_key, family_name, given_names, other_names, sex, birth_date, "
		"birth_estimated, nationality, phone, phone_key, arrival_date, centre_id, arrival_mode, "
		"consent_data, consent_share, consent_date, consent_by, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
	g->name_key = db_stmt(g->db,
		"INSERT OR IGNORE INTO person_name_key (key, person_id) VALUES (?1, ?2)");
	g->language = db_stmt(g->db,
		"INSERT INTO person_language (person_id, language) VALUES (?1, ?2)");
	g->document = db_stmt(g->db,
		"INSERT INTO person_document (person_id, doc_type, number, issued_by, expiry) "
		"VALUES (?1, ?2, ?3, ?4, ?5)");
	g->flag = db_stmt(g->db, "INSERT INTO person_flag (person_id, flag) VALUES (?1, ?2)");
	g->link = db_stmt(g->db,
		"INSERT INTO family_link (person_id, relative_id, relation) VALUES (?1, ?2, ?3)");
	g->stay = db_stmt(g->db,
		"INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5)");
	g->service = db_stmt(g->db, "INSERT INTO stay_service (stay_id, service) VALUES (?1, ?2)");
	g->search = db_stmt(g->db, "INSERT INTO person_search (rowid, text) VALUES (?1, ?2)");
	bool ok = g->person && g->name_key && g->language && g->document && g->flag && g->link
	          && g->stay && g->service && g->search;
	return ok ? ST_OK : ST_INTERNAL;
}

/* Sets every sequence used so that later registrations continue after the
 * demo people (never lowering one). */
static enum status save_sequences(struct gen *g)
{
	static const char sql[] =
		"INSERT INTO case_sequence (centre_id, year, next) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (centre_id, year) DO UPDATE SET next = max(next, excluded.next)";
	sqlite3_stmt *st = db_stmt(g->db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (int c = 0; c < C_COUNT_ && s == ST_OK; c++) {
		for (int y = 0; y < YEARS && s == ST_OK; y++) {
			if (g->seq[c][y] <= 1)
				continue;
			sqlite3_bind_int64(st, 1, g->centre_id[c]);
			sqlite3_bind_int(st, 2, FIRST_YEAR + y);
			sqlite3_bind_int64(st, 3, g->seq[c][y]);
			s = run(st);
		}
	}
	return s;
}

static enum status generate(struct gen *g, long n, void (*progress)(long, long, void *),
                            void *ctx)
{
	/* Family sizes 2, 3, 4, 5; a unit is a family about 1 time in 19, so
	 * that some 15% of people come with family. */
	static const unsigned family_size[] = { 35, 30, 22, 13 };
	long done = 0, next_commit = BATCH, next_report = PROGRESS_EVERY, reported = 0;
	enum status s = db_begin(g->db);
	while (s == ST_OK && done < n) {
		int size = chance(&g->rng, 53) ? 2 + pick_weighted(&g->rng, family_size, 4) : 1;
		if (size > n - done)
			size = (int)(n - done);
		s = size > 1 ? gen_family(g, done, n, size) : gen_single(g, done, n);
		done += size;
		if (s == ST_OK && done >= next_commit && done < n) {
			s = db_commit(g->db);
			if (s == ST_OK)
				s = db_begin(g->db);
			next_commit += BATCH;
		}
		if (s == ST_OK && done >= next_report) {
			if (progress)
				progress(done, n, ctx);
			reported = done;
			while (next_report <= done)
				next_report += PROGRESS_EVERY;
		}
	}
	if (s == ST_OK)
		s = save_sequences(g);
	if (s == ST_OK) {
		char json[48];
		snprintf(json, sizeof json, "{\"persons\": %ld}", n);
		s = audit_log(g->db, "create", "demo_persons", 0, json);
	}
	if (s == ST_OK)
		s = db_commit(g->db);
	else
		db_rollback(g->db);
	if (s == ST_OK && progress && reported != n)
		progress(n, n, ctx);
	return s;
}

enum status demo_persons(struct db *db, long n, unsigned seed,
                         void (*progress)(long done, long total, void *ctx), void *ctx)
{
	if (n < 0)
		return ST_INVALID;
	/* Only the administrator making a demo database, never into real
	 * records: no permission of the matrix covers this. */
	if (db_actor(db)->role != ROLE_ADMIN)
		return ST_DENIED;
	if (!db_is_demo(db))
		return ST_INVALID;
	struct gen g;
	memset(&g, 0, sizeof g);
	g.db = db;
	g.rng.s = 0x5441494d00000000ULL ^ seed;
	enum status s = prepare(&g);
	if (s != ST_OK)
		return s;

	/* A demo database is thrown away if power fails mid-generation: no
	 * syncing while it fills (FULL again after, as db.c sets it), and a
	 * larger page cache for the indexes. */
	sqlite3 *sql = db_sqlite(db);
	int rc = sqlite3_exec(sql, "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		s = generate(&g, n, progress, ctx);
	else
		s = db_status_of(rc);
	rc = sqlite3_exec(sql, "PRAGMA synchronous=FULL; PRAGMA cache_size=-2000", NULL, NULL, NULL);
	if (s == ST_OK && rc != SQLITE_OK)
		s = db_status_of(rc);
	return s;
}
