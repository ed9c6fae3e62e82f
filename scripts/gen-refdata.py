#!/usr/bin/env python3
# gen-refdata.py - generate Taimako's reference-data SQL migrations
#
# DEVELOPER-TIME TOOL.  Neither the program nor its build runs this script.
# A developer runs it by hand when the reference lists (countries,
# languages) have to change, reviews the diff, and commits the generated
# SQL files as FROZEN migrations:
#
#   src/db/migrations/003_countries.sql   ISO 3166-1 countries
#   src/db/migrations/004_languages.sql   ISO 639-3 languages
#
# ONCE A MIGRATION HAS BEEN RELEASED IT MUST NEVER BE EDITED BY HAND, NOR
# REGENERATED IN PLACE: databases in the field have already applied it, and
# a changed file would make them diverge from new installs.  To change the
# lists after a release, write the output to a new migration number
# (--countries-out / --languages-out), and turn the difference into a new
# migration that UPDATEs/INSERTs rows.  The script refuses to overwrite an
# existing file unless --force is given.
#
# Input: Debian's iso-codes package (apt-get install iso-codes):
#   /usr/share/iso-codes/json/iso_3166-1.json, iso_639-3.json, iso_639-2.json
#   /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo, iso_639-3.mo, iso_639-2.mo
# The iso-codes version is read from /usr/share/pkgconfig/iso-codes.pc (or
# dpkg-query) and written into each file's header.
#
# Python 3 standard library only.  The output is deterministic (rows sorted by
# code, no timestamps), UTF-8, LF line endings, one INSERT per row, and no
# BEGIN/COMMIT: the program runs each migration in its own transaction.
#
# Usage:  python3 scripts/gen-refdata.py [--force] [--iso-codes-version V]

import argparse
import gettext
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "src", "db", "migrations"))
DEFAULT_JSON_DIR = "/usr/share/iso-codes/json"
DEFAULT_LOCALE_DIR = "/usr/share/locale"
DEFAULT_PC_FILE = "/usr/share/pkgconfig/iso-codes.pc"

# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------
# English: iso-codes' common_name when it has one (Bolivia, Iran, Laos,
# Moldova, North/South Korea, Syria, Taiwan, Tanzania, Venezuela, Vietnam):
# staff look for the everyday name, not "Korea, Republic of".  The entries
# below replace the remaining inverted or formal ISO names.
COUNTRY_EN = {
    "COD": "Democratic Republic of the Congo",  # ISO: "Congo, The Democratic Republic of the"
    "COG": "Republic of the Congo",             # ISO: "Congo"; matches French, tells the two apart
    "FSM": "Micronesia",                        # ISO: "Micronesia, Federated States of"
    "PSE": "Palestine",                         # ISO: "Palestine, State of"
    "RUS": "Russia",                            # ISO: "Russian Federation"
    "VGB": "British Virgin Islands",            # ISO: "Virgin Islands, British"
    "VIR": "United States Virgin Islands",      # ISO: "Virgin Islands, U.S."
}

# French: iso-codes' translation (of common_name when there is one, else of
# name), first letter capitalised.  These replace translations that are
# inverted ("Åland, Îles"), untranslated ("Syria", "Türkiye"), or not the
# usual French form.
COUNTRY_FR = {
    "ALA": "Îles Åland",                        # iso-codes: "Åland, Îles"
    "CCK": "Îles Cocos (Keeling)",              # iso-codes: "Cocos (Keeling), Îles"
    "CXR": "Île Christmas",                     # iso-codes: "Christmas, Île"
    "FLK": "Îles Malouines (Falkland)",         # iso-codes: "Malouines, Îles (Falkland)"
    "FSM": "Micronésie",                        # iso-codes: "Micronésie, États fédérés de"
    "GNQ": "Guinée équatoriale",                # iso-codes: "Guinée Équatoriale" (capital É)
    "GRL": "Groenland",                         # iso-codes: "Groënland" (old spelling)
    "IRN": "Iran",                              # common_name "Iran" has no translation
    "LAO": "Laos",                              # common_name "Laos" has no translation
    "MAC": "Macao",                             # iso-codes: "Macau"; French official form is Macao
    "NGA": "Nigéria",                           # iso-codes: "Nigeria"; ISO 3166 French list: "Nigéria"
    "PSE": "Palestine",                         # iso-codes: "Palestine, État de"
    "REU": "La Réunion",                        # iso-codes: "Réunion, Île de la"
    "RUS": "Russie",                            # iso-codes: "Russie, Fédération de"
    "SLB": "Îles Salomon",                      # iso-codes: "Salomon, Îles"
    "SYR": "Syrie",                             # iso-codes common_name left untranslated ("Syria")
    "TUR": "Turquie",                           # iso-codes: "Türkiye" (untranslated)
    "VAT": "Saint-Siège (État de la Cité du Vatican)",  # iso-codes: lower-case "état", "cité"
    "VEN": "Venezuela",                         # iso-codes: "Vénézuela"; usual French spelling has no accent
    "VIR": "Îles Vierges des États-Unis",       # iso-codes: "Îles Vierges, États-Unis"
    "WLF": "Wallis-et-Futuna",                  # iso-codes: "Wallis et Futuna"
}

# ---------------------------------------------------------------------------
# Languages
# ---------------------------------------------------------------------------
# 1. Every living ISO 639-3 language (type L) that has an ISO 639-1 code.
#    That covers individual languages and the macrolanguages that ISO 639-1
#    itself uses as the common choice (ar Arabic, ff Fula, kr Kanuri, ak Akan,
#    sw Swahili, fa Persian, zh Chinese, ps Pashto, om Oromo...).
#    Excluded: hbs "Serbo-Croatian" (sh, withdrawn from ISO 639-1; Bosnian,
#    Croatian and Serbian are present).
GENERAL_EXCLUDE = {"hbs"}

# 2. Curated: languages people at the centres actually speak, most of which
#    have no ISO 639-1 code.  Grouped by where migrants come from / travel
#    through; the group texts are copied into the SQL header.
CURATED = [
    ("Niger, the host country: its official and national languages",
     "ara hau dje ses twq tmh taq ttq thz kau knc kby krt ful fuh fuq gux bdm dzg tuq"),
    ("Mali, Burkina Faso and the Sahel",
     "bam dyu ffm khq snk mos bib"),
    ("Senegal, The Gambia, Guinea-Bissau, Guinea, Mauritania, Cabo Verde",
     "wol fuc fuf srr dyo mnk man mlq emk sus kqs kss bjt ble pov kea mey"),
    ("Sierra Leone, Liberia, Côte d'Ivoire, Ghana, Togo, Benin",
     "kri tem men kpe vai bsq tod bci aka twi fat gaa dag ewe gej kbp fon bba ddn fue"),
    ("Nigeria",
     "yor ibo pcm fuv efi ibb tiv bin urh ijc"),
    ("Chad and the Lake Chad basin",
     "shu sba kbl mde"),
    ("Cameroon and Central Africa (CAR, Congo, DRC, Gabon, Equatorial Guinea)",
     "wes fub ewo dua bas bum fan sag lin kon mkw ktu lua swa kin run"),
    ("North Africa: Arabic varieties, Berber/Tamazight",
     "ayl arq ary aeb arz kab tzm zgh shi rif thv"),
    ("Sudan and the Horn of Africa",
     "apd fvr zag mls bej din nus tir tig amh som orm"),
]

# English labels replacing ISO names that staff would not recognise, or that
# carry a qualifier only needed to tell apart languages we do not list.
# " (macrolanguage)" is stripped generically.
LANGUAGE_EN = {
    "bba": "Baatonum (Bariba)",
    "bin": "Edo (Bini)",
    "bsq": "Bassa (Liberia)",
    "dyo": "Jola-Fonyi (Diola)",
    "dzg": "Dazaga (Tebu)",
    "ell": "Greek",                             # ISO: "Modern Greek (1453-)"
    "emk": "Eastern Maninkakan (Malinke)",
    "ful": "Fula (Fulfulde)",                   # ISO: "Fulah"
    "gej": "Gen (Mina)",
    "hat": "Haitian Creole",                    # ISO: "Haitian"
    "ijc": "Izon (Ijaw)",
    "kea": "Cape Verdean Creole (Kabuverdianu)",
    "lua": "Luba-Lulua (Tshiluba)",
    "men": "Mende",                             # ISO: "Mende (Sierra Leone)"
    "mlq": "Western Maninkakan (Malinke)",
    "mos": "Mooré (Mossi)",                     # ISO: "Mossi"
    "oci": "Occitan",                           # ISO: "Occitan (post 1500)"
    "pov": "Upper Guinea Creole (Kriol)",       # ISO: "Upper Guinea Crioulo"
    "pus": "Pashto",                            # ISO: "Pushto"
    "run": "Kirundi",                           # ISO: "Rundi"
    "tem": "Temne",                             # ISO: "Timne"
    "tmh": "Tuareg (Tamashek)",                 # macrolanguage
    "tuq": "Tedaga (Tebu)",
    "wes": "Cameroonian Pidgin",                # ISO: "Cameroon Pidgin"
}

# French names.  Order: this table, then iso-codes' iso_639-3 French
# translation, then iso_639-2's, then the English name.  Entries marked
# "fix" correct an iso-codes translation that is wrong or unusual; the others
# give the usual French form or make a group consistent ("Kanouri ...").
# " (macrolangue)" is stripped generically; first letter capitalised.
LANGUAGE_FR = {
    "bas": "Bassa (Cameroun)",                  # iso-codes: "basa (Cameroun)"
    "bba": "Baatonum (bariba)",
    "bdm": "Boudouma",                          # iso-codes: "buduma"
    "bej": "Bedja",                             # only iso_639-2 has it
    "bin": "Édo (bini)",
    "bsq": "Bassa (Libéria)",
    "dyo": "Diola-fogny",                       # iso-codes: "jola-fonyi"
    "dzg": "Dazaga (toubou)",
    "ell": "Grec",                              # iso-codes: "grec moderne (après 1453)"
    "emk": "Malinké oriental (maninkakan)",
    "fan": "Fang (Guinée équatoriale)",         # iso-codes: "Guinée Équatoriale"
    "ffm": "Fulfulde du Macina",                # iso-codes: "de Maasina"; French name of the region
    "fub": "Fulfulde de l'Adamaoua",            # iso-codes: "d'Adamawa"
    "fue": "Fulfulde du Borgou",                # iso-codes: "de Borgu"
    "ful": "Peul (fulfulde)",
    "fvr": "Four",                              # iso-codes: "fur"
    "gej": "Mina (gen)",                        # iso-codes: "mina"
    "guj": "Goudjarati",                        # iso-codes: "goudjarâtî (gujrâtî)"
    "gux": "Gourmantché",                       # iso-codes: "gourmanchéma"
    "hat": "Créole haïtien",
    "ijc": "Izon (ijaw)",
    "kal": "Groenlandais",                      # iso-codes: "kalaallisut"
    "kan": "Kannada",                           # iso-codes: "kannara (canara)"
    "kbl": "Kanembou",                          # iso-codes: "kanembu"
    "kea": "Créole cap-verdien (kabuverdianu)",
    "khq": "Songhaï koyra chiini",              # iso-codes: "songhay de Koyra Chiini"
    "knc": "Kanouri central",                   # iso-codes: "kanuri central"; cf. kau "kanouri"
    "krt": "Kanouri de Tumari",                 # iso-codes: "kanuri de Tumari"
    "kss": "Kissi méridional",                  # iso-codes: "kisi méridional"; cf. kqs
    "ktu": "Kituba (République démocratique du Congo)",
    "lua": "Tshiluba (luba-lulua)",
    "khm": "Khmer",                             # only iso_639-2 has it, as "khmer central"
    "kpe": "Kpellé",                            # iso-codes: "kpèllé"
    "men": "Mendé",                             # iso-codes: "mende (Sierra Léone)"
    "mey": "Hassaniya",                         # iso-codes: "hassaniyya"
    "mlq": "Malinké occidental (maninkakan)",
    "mls": "Massalit",                          # iso-codes: "masalit"
    "mos": "Mooré (mossi)",                     # iso-codes: "moré"
    "nau": "Nauruan",                           # iso-codes: "Nauru" (untranslated)
    "run": "Kirundi",                           # iso-codes: "rundi"
    "pcm": "Pidgin nigérian",                   # fix: iso-codes says "nigérien" (= of Niger)
    "pov": "Créole de Guinée-Bissau (kriol)",   # iso-codes: "crioulo de Haute-Guinée"
    "pus": "Pachto",                            # iso-codes: "pushto"
    "ses": "Songhaï koyraboro senni",           # iso-codes: "songhai de Koyraboro Senni"
    "sus": "Soussou",                           # iso-codes: "sosso"
    "tem": "Temné",                             # iso-codes: "timné"
    "tig": "Tigré",                             # iso-codes: "tigre"
    "tmh": "Touareg (tamacheq)",
    "ton": "Tongien",                           # iso-codes: "tongien (Îles Tonga)"
    "tuq": "Téda (toubou)",                     # iso-codes: "tedaga"
    "twq": "Tassawaq",                          # iso-codes: "tasawaq"
    "uzb": "Ouzbek",                            # fix: iso-codes typo "ouszbek"
    "wes": "Pidgin camerounais",                # iso-codes: "pidgin du Cameroun"
}

STRIP_RE = re.compile(r"\s*\((?:macrolanguage|macrolangue)\)$")


class _Missing(gettext.NullTranslations):
    """Fallback that tells "no translation" apart from "same text"."""

    def gettext(self, message):
        return None


def load_mo(locale_dir, domain):
    path = os.path.join(locale_dir, "fr", "LC_MESSAGES", domain + ".mo")
    with open(path, "rb") as fp:
        t = gettext.GNUTranslations(fp)
    t.add_fallback(_Missing())
    return t


def load_json(json_dir, name, key):
    with open(os.path.join(json_dir, name), encoding="utf-8") as fp:
        return json.load(fp)[key]


def iso_codes_version(pc_file):
    try:
        with open(pc_file, encoding="utf-8") as fp:
            for line in fp:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True).stdout
        return out.strip().split("-")[0] or None
    except (OSError, subprocess.CalledProcessError):
        return None


def ucfirst(s):
    return s[:1].upper() + s[1:]


def sql_str(s):
    if s is None:
        return "NULL"
    if any(ord(c) < 0x20 for c in s):
        raise ValueError("control character in %r" % s)
    return "'" + s.replace("'", "''") + "'"


def build_countries(json_dir, locale_dir):
    mo = load_mo(locale_dir, "iso_3166-1")
    rows = []
    for c in load_json(json_dir, "iso_3166-1.json", "3166-1"):
        iso3, iso2 = c["alpha_3"], c["alpha_2"]
        common = c.get("common_name")
        name_en = COUNTRY_EN.get(iso3) or common or c["name"]
        name_fr = COUNTRY_FR.get(iso3)
        if name_fr is None and common:
            name_fr = mo.gettext(common)
            if name_fr is None:
                print("warning: common name of %s has no French translation; "
                      "add it to COUNTRY_FR" % iso3, file=sys.stderr)
        if name_fr is None:
            name_fr = mo.gettext(c["name"])
        if name_fr is None:
            print("warning: no French name for %s, using English" % iso3, file=sys.stderr)
            name_fr = name_en
        rows.append((iso3, iso2, name_en, ucfirst(name_fr)))
    for table in (COUNTRY_EN, COUNTRY_FR):
        for code in table:
            if code not in {r[0] for r in rows}:
                sys.exit("error: override for unknown country %s" % code)
    rows.sort()
    return rows


def build_languages(json_dir, locale_dir):
    mo3 = load_mo(locale_dir, "iso_639-3")
    mo2 = load_mo(locale_dir, "iso_639-2")
    l3 = {x["alpha_3"]: x for x in load_json(json_dir, "iso_639-3.json", "639-3")}
    # iso_639-2.json's alpha_3 is the terminology code (fra, not fre), the
    # same code ISO 639-3 uses.
    l2 = {x["alpha_3"]: x for x in load_json(json_dir, "iso_639-2.json", "639-2")}

    codes = {c for c, x in l3.items()
             if "alpha_2" in x and x["type"] == "L" and c not in GENERAL_EXCLUDE}
    for _, group in CURATED:
        for c in group.split():
            x = l3.get(c)
            if x is None:
                sys.exit("error: curated code %s is not in ISO 639-3" % c)
            if x["type"] != "L":
                sys.exit("error: curated code %s is not a living language" % c)
            codes.add(c)
    for table in (LANGUAGE_EN, LANGUAGE_FR):
        for c in table:
            if c not in codes:
                sys.exit("error: name override for unlisted language %s" % c)

    curated = {c for _, g in CURATED for c in g.split()}
    rows = []
    for c in sorted(codes):
        x = l3[c]
        name_en = LANGUAGE_EN.get(c) or STRIP_RE.sub("", x["name"])
        name_fr = LANGUAGE_FR.get(c) or mo3.gettext(x["name"])
        if name_fr is None and c in l2:
            name_fr = mo2.gettext(l2[c]["name"])
        if name_fr is None:
            if c in curated:
                print("warning: no French name for curated %s, using English" % c,
                      file=sys.stderr)
            name_fr = name_en
        name_fr = ucfirst(STRIP_RE.sub("", name_fr))
        rows.append((c, x.get("alpha_2"), name_en, name_fr))

    for idx, what in ((2, "English"), (3, "French")):
        seen = {}
        for r in rows:
            if r[idx] in seen:
                print("warning: %s name %r shared by %s and %s"
                      % (what, r[idx], seen[r[idx]], r[0]), file=sys.stderr)
            seen[r[idx]] = r[0]
    return rows


def migration_number(path):
    m = re.match(r"(\d+)_", os.path.basename(path))
    if not m:
        sys.exit("error: output file name must start with a migration number: %s" % path)
    return m.group(1)


def write_file(path, text, force):
    if os.path.exists(path) and not force:
        sys.exit("error: %s exists; released migrations are frozen "
                 "(use --force only for an unreleased one)" % path)
    with open(path, "w", encoding="utf-8", newline="\n") as fp:
        fp.write(text)
    print("wrote %s" % path, file=sys.stderr)


def countries_sql(rows, path, version):
    out = [
        "-- %s: ISO 3166-1 countries with English and French names "
        "(generated by scripts/gen-refdata.py from iso-codes %s)" % (migration_number(path), version),
        "-- FROZEN MIGRATION: do not edit by hand; see scripts/gen-refdata.py.",
        "-- English: ISO short name, or iso-codes' common name (e.g. Bolivia, Taiwan)",
        "-- where it has one; French: iso-codes' French translation, with a few",
        "-- corrections listed in the script.  %d rows." % len(rows),
        "",
    ]
    for iso3, iso2, en, fr in rows:
        out.append("INSERT INTO country (iso3, iso2, name_en, name_fr) VALUES (%s, %s, %s, %s);"
                   % (sql_str(iso3), sql_str(iso2), sql_str(en), sql_str(fr)))
    return "\n".join(out) + "\n"


def languages_sql(rows, path, version):
    out = [
        "-- %s: ISO 639-3 languages with English and French names "
        "(generated by scripts/gen-refdata.py from iso-codes %s)" % (migration_number(path), version),
        "-- FROZEN MIGRATION: do not edit by hand; see scripts/gen-refdata.py.",
        "--",
        "-- Why these languages: staff must be able to record the languages people",
        "-- at the centres speak, so that interpreters and information can be found.",
        "-- 1. Every living ISO 639-3 language that has an ISO 639-1 code, including",
        "--    the macrolanguages ISO 639-1 uses as the common choice (ara Arabic,",
        "--    ful Fula, kau Kanuri, aka Akan, swa Swahili, fas Persian...); hbs",
        "--    Serbo-Croatian left out (bos, hrv, srp are present).",
        "-- 2. West, Central and North African languages of people arriving in or",
        "--    passing through Niger, most without an ISO 639-1 code:",
    ]
    for title, group in CURATED:
        out.append("--    * %s:" % title)
        line = "--        "
        for c in group.split():
            if len(line) + len(c) + 1 > 78:
                out.append(line.rstrip())
                line = "--        "
            line += c + " "
        out.append(line.rstrip())
    out += [
        "-- French names: iso-codes' French translation, with corrections and",
        "-- additions written for the project (listed in the script); the English",
        "-- name where neither exists.  iso1 is the ISO 639-1 code or NULL.",
        "-- %d rows." % len(rows),
        "",
    ]
    for code, iso1, en, fr in rows:
        out.append("INSERT INTO language (code, iso1, name_en, name_fr) VALUES (%s, %s, %s, %s);"
                   % (sql_str(code), sql_str(iso1), sql_str(en), sql_str(fr)))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__ or "Generate reference-data migrations.")
    ap.add_argument("--json-dir", default=DEFAULT_JSON_DIR)
    ap.add_argument("--locale-dir", default=DEFAULT_LOCALE_DIR)
    ap.add_argument("--iso-codes-version", help="default: read from %s" % DEFAULT_PC_FILE)
    ap.add_argument("--countries-out", default=os.path.join(DEFAULT_OUT_DIR, "003_countries.sql"))
    ap.add_argument("--languages-out", default=os.path.join(DEFAULT_OUT_DIR, "004_languages.sql"))
    ap.add_argument("--force", action="store_true", help="overwrite existing output files")
    args = ap.parse_args()

    version = args.iso_codes_version or iso_codes_version(DEFAULT_PC_FILE)
    if not version:
        sys.exit("error: cannot find the iso-codes version; pass --iso-codes-version")

    countries = build_countries(args.json_dir, args.locale_dir)
    languages = build_languages(args.json_dir, args.locale_dir)
    write_file(args.countries_out, countries_sql(countries, args.countries_out, version), args.force)
    write_file(args.languages_out, languages_sql(languages, args.languages_out, version), args.force)
    print("%d countries, %d languages" % (len(countries), len(languages)), file=sys.stderr)


if __name__ == "__main__":
    main()
