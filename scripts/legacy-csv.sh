#!/bin/sh
# A legacy spreadsheet of N people for trying and measuring `taimako
# import`: saved as older software does (Windows-1252, ';', CRLF), names
# with accents and apostrophes, day-first dates, ages in words, some
# departures. Goes with docs/import-example.map.
# Usage: legacy-csv.sh N [CENTRE] > FILE.csv
set -eu
n=${1:?usage: legacy-csv.sh N [CENTRE]}
centre=${2:-AGZ}
awk -v n="$n" -v centre="$centre" 'BEGIN {
	srand(18);
	split("ba ka ma ni sa di ou ya ze to mou ra la fa ki bo ha ne gui sou", syl, " ");
	split("Aminata Moussa Aïssa Ibrahim Fatoumata Oumarou Hadiza Abdoulaye Zélie Boubacar Mariama Seydou Adèle Issoufou Rékia Hamadou", given, " ");
	split("Nigérienne Malienne Sénégalaise Nigériane Ivoirienne Guinéenne Camerounaise Burkinabè", nat, " ");
	split("F H", sex, " ");
	printf "N°;NOM;Prénoms;Sexe;Nationalité;Age;Date de naissance;Date d'"'"'arrivée;Centre;Téléphone;Vulnérabilités;Date de départ;Motif\r\n";
	for (i = 1; i <= n; i++) {
		fam = "";
		k = 2 + int(rand() * 2);
		for (j = 0; j < k; j++)
			fam = fam syl[1 + int(rand() * 20)];
		fam = toupper(substr(fam, 1, 1)) substr(fam, 2);
		if (rand() < 0.05)
			fam = "N'"'"'" fam;
		g = given[1 + int(rand() * 16)];
		s = sex[1 + int(rand() * 2)];
		y = 2015 + int(rand() * 9);
		m = 1 + int(rand() * 12);
		d = 1 + int(rand() * 28);
		arrival = sprintf("%02d/%02d/%04d", d, m, y);
		age = ""; birth = "";
		r = rand();
		if (r < 0.4)
			age = sprintf("environ %d ans", 18 + int(rand() * 30));
		else if (r < 0.8)
			birth = sprintf("%04d", y - 18 - int(rand() * 30));
		else
			birth = sprintf("%02d/%02d/%04d", 1 + int(rand() * 28), 1 + int(rand() * 12), y - 18 - int(rand() * 30));
		phone = rand() < 0.5 ? sprintf("+227 9%d %02d %02d %02d", int(rand() * 10), int(rand() * 100), int(rand() * 100), int(rand() * 100)) : "";
		dep = ""; why = "";
		if (rand() < 0.6) {
			dd = d + 1 + int(rand() * 20);
			dm = m;
			if (dd > 28) { dd -= 28; dm++ }
			if (dm > 12) { dm = 12; dd = 28 }
			dep = sprintf("%02d/%02d/%04d", dd, dm, y);
			why = rand() < 0.5 ? "Retour" : "Parti";
		}
		printf "%d;%s;%s;%s;%s;%s;%s;%s;%s;%s;;%s;%s\r\n", i, fam, g, s, nat[1 + int(rand() * 8)], age, birth,
			arrival, centre, phone, dep, why;
	}
}' | iconv -f UTF-8 -t WINDOWS-1252
