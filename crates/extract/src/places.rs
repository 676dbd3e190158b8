//! Toponyms: gazetteer names found in one pass, filtered so that people, organisations
//! and calendar words are not places, turned into regions where the text says so
//! ("the Siberian region of Irkutsk", "Poltava Oblast", "Ryazan and Murmansk regions"),
//! and resolved by context (countries the article names) before population, so Moscow
//! is Russia's and not Idaho's.

use std::collections::HashSet;

use crate::gazetteer::{Gazetteer, Kind, NameHit};
use crate::model::{PlaceKind, Span, ToponymRole};
use crate::text::Tok;

/// A resolved place mention.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub sentence: usize,
    pub span: Span,
    pub name: String,
    pub kind: PlaceKind,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: u64,
    pub resolution: String,
    pub role: ToponymRole,
    /// The place whose point this one borrows (facilities).
    pub point_of: Option<String>,
}

/// Capitalised words that are gazetteer names but, in news text, almost never places.
const NOT_PLACES: &[&str] = &[
    "president",
    "governor",
    "minister",
    "general",
    "colonel",
    "police",
    "army",
    "union",
    "central",
    "command",
    "government",
    "university",
    "independence",
    "victory",
    "liberty",
    "justice",
    "freedom",
    "progress",
    "god",
    "mercy",
    "hope",
    "unity",
    "concord",
    "union city",
    "marine",
    "colonia",
    "forces",
    "islamic",
    "islam",
    "resistance",
    "guard",
    "guards",
    "republic",
    "national",
    "reading",
    "mobile",
    "split",
    "nice",
    "bath",
    "deal",
    "of",
    "aden gulf",
    "amelina",
    "victoria",
    "caro",
    "tower",
    "hamas",
    "wagner",
    "salem",
    "florence",
    "media",
    "press",
    "telegram",
    "reuters",
    "sky",
    "carney",
    "confidence",
    "true",
    "male",
    "post",
    "along",
    "jackson",
    // Capitalised only because they open a sentence ("Most of the fighting…").
    "most",
    "many",
    "before",
    "after",
    "during",
    "since",
    "while",
    "however",
    "today",
    "earlier",
    "later",
    "both",
    "each",
    "every",
    "such",
    "there",
    "here",
    "madison",
    "clinton",
    "columbia",
    "chester",
    "wellington",
    "kingston",
    "warren",
    "marion",
    "troy",
    "homs hospital",
    "asia minor",
    "sheffield",
    "oxford",
];
const TITLES: &[&str] = &[
    "president",
    "governor",
    "minister",
    "gen",
    "gen.",
    "general",
    "colonel",
    "col",
    "mr",
    "mrs",
    "ms",
    "dr",
    "writer",
    "novelist",
    "journalist",
    "veteran",
    "leader",
    "spokesman",
    "spokeswoman",
    "commander",
    "lt",
    "sergeant",
    "captain",
    "chief",
    "secretary",
    "prime",
    "king",
    "queen",
    "prince",
    "sheikh",
    "pope",
    "mayor",
    "senator",
    "rep",
    "ambassador",
    "premier",
];
const SUFFIXES: &[&str] = &[
    "city",
    "oblast",
    "region",
    "regions",
    "province",
    "provinces",
    "governorate",
    "state",
    "krai",
    "district",
    "county",
    "oblasts",
    "strip",
];
const REGION_WORDS: &[&str] = &[
    "region",
    "regions",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "governorate",
    "governorates",
    "state",
    "krai",
    "district",
    "districts",
    "county",
];
/// Head nouns of organisation names: a place name right before one ("Washington
/// Post", "Pakistan Army") or after one and "of" ("University of Cambridge") is part
/// of the name.
const ORG_HEADS: &[&str] = &[
    "university",
    "college",
    "post",
    "times",
    "herald",
    "journal",
    "tribune",
    "gazette",
    "chronicle",
    "observer",
    "news",
    "airlines",
    "airways",
    "bank",
    "police",
    "department",
    "ministry",
    "party",
    "club",
    "fc",
    "company",
    "corporation",
    "institute",
    "agency",
    "commission",
    "council",
    "authority",
    "association",
    "federation",
    "league",
    "board",
    "court",
    "senate",
    "assembly",
    "parliament",
    "army",
    "navy",
    "government",
    "church",
    "diocese",
    "archdiocese",
    "foundation",
    "society",
    "union",
    "committee",
];

/// Words after which a capitalised name is most likely a place.
const LOCATIVES: &[&str] = &[
    "in", "near", "at", "from", "outside", "of", "to", "into", "towards", "toward", "around",
    "village", "town", "villages", "towns", "hit", "struck", "across", "between",
];

/// Verbs that make a country or capital stand for its government or forces.
const ACTING: &[&str] = &[
    "said",
    "says",
    "indicated",
    "launched",
    "fired",
    "denied",
    "claimed",
    "announced",
    "urged",
    "warned",
    "accused",
    "agreed",
    "will",
    "would",
    "began",
    "conducted",
    "struck",
    "attacked",
    "played",
    "insisted",
    "responded",
    "turned",
    "has",
    "had",
    "is",
    "was",
    "launches",
    "fires",
    "says",
    "stated",
    "added",
    "also",
    "sent",
    "used",
    "rejected",
    "demanded",
    "called",
    "blamed",
    "confirmed",
    "pressed",
    "to",
    "and",
];

fn tok_index_at(toks: &[Tok], byte: usize) -> Option<usize> {
    toks.iter()
        .position(|t| t.span.start <= byte && byte < t.span.end)
}

/// Finds and resolves places in every sentence.
/// `tokens[i]` are the tokens of `sentences[i]` (tokenized once by the caller).
pub fn find(
    text: &str,
    sentences: &[Span],
    tokens: &[Vec<Tok>],
    gaz: &Gazetteer,
    context: &HashSet<String>,
) -> Vec<PlaceMention> {
    let hits = gaz.find(text);
    let ctx = article_countries(&hits, gaz, context);
    let mut out = Vec::new();
    let mut hi = 0;
    for (sid, sspan) in sentences.iter().enumerate() {
        let toks = &tokens[sid];
        while hi < hits.len() && hits[hi].start < sspan.start {
            hi += 1;
        }
        let mut local = Vec::new();
        while hi < hits.len() && hits[hi].end <= sspan.end {
            local.push(hits[hi].clone());
            hi += 1;
        }
        let hit_tok: Vec<Option<usize>> =
            local.iter().map(|h| tok_index_at(toks, h.start)).collect();
        for (k, h) in local.iter().enumerate() {
            let Some(ti) = hit_tok[k] else { continue };
            let written = &text[h.start..h.end];
            let last = (ti..toks.len())
                .find(|&j| toks[j].span.end >= h.end)
                .unwrap_or(ti);
            let at = At {
                toks,
                ti,
                last,
                hit_tok: &hit_tok,
            };
            let national = h
                .candidates
                .iter()
                .any(|&c| matches!(gaz.places[c].kind, Kind::Country | Kind::Demonym));
            let reading = reading(written, &at, national);
            if reading == Reading::NotAPlace {
                continue;
            }
            let locative = at.prev().is_some_and(|p| p.is_any(LOCATIVES));
            let region = region_word(&at);
            let Some(c) = choose(h, gaz, &ctx, written, region.is_some(), locative) else {
                continue;
            };
            let mut m = mention(sid, h, written, &gaz.places[c], &ctx, &at);
            as_region(&mut m, written, &gaz.places[c], &at, region);
            match reading {
                Reading::InOrganisation => m.role = ToponymRole::Organisation,
                Reading::NationalModifier if m.role.is_literal() => m.role = ToponymRole::Modifier,
                _ => {}
            }
            out.push(m);
        }
    }
    out
}

/// Countries named anywhere in the article (as actors or as places): they steer
/// ambiguous names towards them.
fn article_countries(
    hits: &[NameHit],
    gaz: &Gazetteer,
    context: &HashSet<String>,
) -> HashSet<String> {
    let mut ctx: HashSet<String> = context.clone();
    for h in hits {
        if let Some(c) = h
            .candidates
            .iter()
            .map(|&i| &gaz.places[i])
            .find(|p| p.kind == Kind::Country)
        {
            ctx.insert(c.country.clone());
        }
    }
    ctx
}

/// Where a name hit sits in its sentence's tokens.
struct At<'a, 'b> {
    toks: &'a [Tok<'b>],
    /// First and last token of the name.
    ti: usize,
    last: usize,
    /// Token index of every name hit of the sentence.
    hit_tok: &'a [Option<usize>],
}

impl At<'_, '_> {
    fn prev(&self) -> Option<&Tok<'_>> {
        self.ti.checked_sub(1).map(|p| &self.toks[p])
    }
    fn next(&self) -> Option<&Tok<'_>> {
        self.toks.get(self.last + 1)
    }
    fn is_hit_at(&self, j: usize) -> bool {
        self.hit_tok.contains(&Some(j))
    }
}

/// What a gazetteer name is where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    NotAPlace,
    Place,
    /// A word of an organisation's name ("Washington Post"): a toponym, not a place.
    InOrganisation,
    /// A country before a title or a name ("U.S. President", "UK Maritime Trade
    /// Operations"): whose, not where.
    NationalModifier,
}

/// Reads a gazetteer name where it is written: a place when capitalised, not a word of
/// the calendar, not part of a person's name (a title or first name before, a surname
/// after) and not a time-zone label ("Kyiv time"); part of an organisation's name when
/// an organisation's head noun is joined to it. A country or its demonym before a
/// capitalised word ("U.S. President", "Russian Navy") is read as a modifier, not a name.
fn reading(written: &str, at: &At, national: bool) -> Reading {
    if !written.chars().next().is_some_and(|c| c.is_uppercase())
        || NOT_PLACES.contains(&written.to_lowercase().as_str())
        || crate::dates::is_calendar_word(written)
    {
        return Reading::NotAPlace;
    }
    if names_a_weapon(at) {
        return Reading::NotAPlace;
    }
    let org_head = |t: &Tok| t.is_capitalized() && ORG_HEADS.contains(&t.norm());
    let of_org = at.ti >= 2 && at.toks[at.ti - 1].is("of") && org_head(&at.toks[at.ti - 2]);
    if at.next().is_some_and(org_head) || of_org || names_an_office(at) {
        return Reading::InOrganisation;
    }
    if looks_like_place(at) || crate::facilities::head_follows(at.toks, at.last + 1) {
        Reading::Place
    } else if national && at.prev().is_none_or(|p| !TITLES.contains(&p.norm())) {
        Reading::NationalModifier
    } else {
        Reading::NotAPlace
    }
}

/// "the Donetsk regional prosecutor's office", "the Odesa city council", "the Kharkiv
/// regional military administration": the name says
/// whose office speaks, not where anything happened.
fn names_an_office(at: &At) -> bool {
    let after = &at.toks[(at.last + 1).min(at.toks.len())..];
    after.first().is_some_and(|t| {
        t.is_any(&[
            "regional",
            "provincial",
            "district",
            "municipal",
            "city",
            "oblast",
        ])
    }) && after[1..]
        .iter()
        .find(|t| !t.is_any(&["military", "civil", "state"]))
        .is_some_and(|t| {
            t.is_any(&[
                "prosecutor",
                "prosecutors",
                "prosecutor's",
                "administration",
                "office",
                "police",
                "authorities",
                "council",
                "court",
                "department",
            ])
        })
}

/// "Iskander missiles", "Kalibr cruise missiles": a weapon's model, not a place. A
/// weapon noun that heads an event noun ("a Kharkiv missile strike") leaves the place.
fn names_a_weapon(at: &At) -> bool {
    let after = &at.toks[(at.last + 1).min(at.toks.len())..];
    let subtypes = after
        .iter()
        .take_while(|t| crate::weapons::SUBTYPES.contains(&t.norm()))
        .count();
    after
        .get(subtypes)
        .is_some_and(|w| crate::weapons::weapon_of(w).is_some())
        && !after.get(subtypes + 1).is_some_and(|n| {
            n.is_any(&[
                "strike", "strikes", "attack", "attacks", "barrage", "barrages", "raid", "raids",
            ])
        })
}

/// The context checks of [`reading`]: no title, first name or surname around the name.
fn looks_like_place(at: &At) -> bool {
    let (ti, last) = (at.ti, at.last);
    let prev = at.prev();
    let next = at.next();
    if prev.is_some_and(|p| TITLES.contains(&p.norm())) {
        return false;
    }
    if let Some(p) = prev {
        if p.is_capitalized()
            && ti > 1
            && !at.is_hit_at(ti - 1)
            && p.text.chars().all(|c| c.is_alphabetic())
            && !p.is_any(&["The", "In", "On", "At", "From", "Near", "And", "Of", "To"])
        {
            return false;
        }
    }
    // "local (Sanaa) time", "Kyiv time": a time-zone label, not a place.
    let after = at.toks.get(last + 2);
    if next.is_some_and(|n| n.is("time"))
        || (next.is_some_and(|n| n.text == ")") && after.is_some_and(|a| a.is("time")))
    {
        return false;
    }
    let next_suffix = next.is_some_and(|n| SUFFIXES.contains(&n.norm()));
    !next.is_some_and(|n| {
        n.is_capitalized()
            && n.norm().chars().all(|c| c.is_alphabetic() || c == '-')
            && !next_suffix
            && !at.is_hit_at(last + 1)
    })
}

/// Towns smaller than this are a last resort: only in a country the article names,
/// after a word that introduces a place ("in", "near", "village of"), and when no
/// bigger place has the name. Thousands of villages share names with people and
/// words, or with better-known places.
const SMALL_TOWN: u64 = 15_000;

/// The candidate a name stands for: a country the article names, then kind, then size.
/// A division loses to a sizeable town of the same name ("Idlib" alone is the city)
/// unless the text says "region", "province", …
fn choose(
    h: &NameHit,
    gaz: &Gazetteer,
    ctx: &HashSet<String>,
    written: &str,
    says_region: bool,
    locative: bool,
) -> Option<usize> {
    // A town counts when it is a real share of the division (Idlib the city holds much
    // of Idlib province; Oregon, Ohio is nothing beside the state of Oregon).
    let town_in = |region: &crate::gazetteer::Place| {
        h.candidates.iter().any(|&o| {
            let q = &gaz.places[o];
            matches!(q.kind, Kind::City | Kind::Capital)
                && q.country == region.country
                && q.population >= 10_000
                && q.population.saturating_mul(10) >= region.population
        })
    };
    let has_larger = h.candidates.iter().any(|&o| {
        let q = &gaz.places[o];
        q.kind != Kind::City || q.population >= SMALL_TOWN
    });
    let mut best: Option<(f64, usize)> = None;
    for &c in &h.candidates {
        let p = &gaz.places[c];
        let small = p.kind == Kind::City && p.population < SMALL_TOWN;
        // Another spelling ("Soroka" for Moldova's Soroca) names a town abroad only
        // when the town is big enough to be what a reader means.
        let foreign_spelling = p.kind == Kind::City
            && !p.name.eq_ignore_ascii_case(written)
            && p.population < 100_000
            && !ctx.contains(&p.country);
        if foreign_spelling {
            continue;
        }
        if (p.kind == Kind::Region && !says_region && town_in(p))
            || (small && (!locative || !ctx.contains(&p.country) || has_larger))
        {
            continue;
        }
        let kind_bonus = match p.kind {
            Kind::Country | Kind::Demonym => 8.0,
            Kind::Area | Kind::Continent => 6.0,
            Kind::Region if says_region => 20.0,
            Kind::Region => 4.0,
            Kind::Capital => 3.0,
            Kind::City => 0.0,
        };
        let ctx_bonus = if ctx.contains(&p.country) { 10.0 } else { 0.0 };
        let exact = if p.name.eq_ignore_ascii_case(written) {
            0.5
        } else {
            0.0
        };
        let score = kind_bonus + ctx_bonus + exact + ((p.population + 1) as f64).log10();
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, c));
        }
    }
    best.map(|b| b.1)
}

/// The mention of a chosen place, with the reason for the choice and its role (the
/// caller turns it into a region where the text says so).
fn mention(
    sid: usize,
    h: &NameHit,
    written: &str,
    p: &crate::gazetteer::Place,
    ctx: &HashSet<String>,
    at: &At,
) -> PlaceMention {
    let n_cand = h.candidates.len();
    let resolution = if n_cand == 1 {
        "only gazetteer entry with this name".to_string()
    } else if ctx.contains(&p.country) {
        format!(
            "{n_cand} entries share the name; chose the one in {}, a country the article names",
            p.country
        )
    } else {
        format!(
            "{n_cand} entries share the name; chose the most prominent (population {})",
            p.population
        )
    };
    let kind = match p.kind {
        Kind::Country | Kind::Demonym => PlaceKind::Country,
        Kind::Area | Kind::Continent => PlaceKind::Area,
        Kind::Region => PlaceKind::Region,
        Kind::Capital | Kind::City => PlaceKind::City,
    };
    // A town keeps the article's spelling ("Khan Younis", not GeoNames' "Khān Yūnis"),
    // so the reader finds it in the text; countries keep their full name ("U.S." is
    // the United States).
    let name = if matches!(p.kind, Kind::City | Kind::Capital | Kind::Region) {
        title_case(written)
    } else {
        p.name.clone()
    };
    PlaceMention {
        sentence: sid,
        span: Span::new(h.start, h.end),
        name,
        kind,
        country: (!p.country.is_empty()).then(|| p.country.clone()),
        lat: p.lat,
        lon: p.lon,
        geonameid: p.geonameid,
        resolution,
        role: role(p, at),
        point_of: None,
    }
}

/// The division word the text puts with a name: "X region", "X Oblast" (with the
/// word's token when it follows the name), "region of X", "X and Y regions".
fn region_word<'a>(at: &'a At) -> Option<(&'a str, Option<&'a Tok<'a>>)> {
    let (toks, ti, last) = (at.toks, at.ti, at.last);
    let is_region = |t: &Tok| REGION_WORDS.contains(&t.norm());
    let next = at.next().filter(|n| is_region(n));
    if let Some(r) = next {
        return Some((r.norm(), Some(r)));
    }
    let coordinated = (|| {
        let and = toks.get(last + 1)?;
        if !and.is("and") {
            return None;
        }
        let j = (last + 2..toks.len()).find(|&j| at.is_hit_at(j))?;
        toks.get(j + 1).filter(|r| is_region(r))
    })();
    if let Some(r) = coordinated {
        return Some((r.norm(), None));
    }
    if ti >= 2 && toks[ti - 1].is("of") && is_region(&toks[ti - 2]) {
        return Some((toks[ti - 2].norm(), None));
    }
    let prev_coord = ti >= 2
        && toks[ti - 1].is("and")
        && at.is_hit_at(ti - 2)
        && at.next().is_some_and(is_region);
    prev_coord.then_some(("region", None))
}

/// A name as written, with a dateline's capitals undone: "KHAN YOUNIS" → "Khan Younis".
fn title_case(written: &str) -> String {
    if written.chars().any(|c| c.is_lowercase()) {
        return written.to_string();
    }
    let mut out = String::with_capacity(written.len());
    let mut start = true;
    for c in written.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// "X region", "X Oblast", "region of X", "X and Y regions": the division, at its own
/// point when the gazetteer has it, else named after its main city at the city's point;
/// "X City" keeps its suffix.
fn as_region(
    m: &mut PlaceMention,
    written: &str,
    p: &crate::gazetteer::Place,
    at: &At,
    region: Option<(&str, Option<&Tok>)>,
) {
    if let Some((word, after)) = region.filter(|_| m.kind != PlaceKind::Country) {
        let singular = word.trim_end_matches('s').to_string();
        let singular = if singular == "oblast" || singular == "state" {
            crate::text::capitalize(&singular)
        } else {
            singular
        };
        // Keep the written base name: "Ryazan region", not GeoNames' "Ryazan’ region".
        m.name = format!("{} {}", written, singular);
        if let Some(r) = after {
            m.span = Span::new(m.span.start, r.span.end);
        }
        let how = if p.kind == Kind::Region {
            format!(
                "the first-level division {}, at the mean point of its towns",
                p.name
            )
        } else {
            format!(
                "a region named after its main city {}, whose point stands in for the region",
                p.name
            )
        };
        m.kind = PlaceKind::Region;
        m.resolution = format!("{}; {how}", m.resolution);
    } else if let Some(n) = at.next().filter(|n| n.is("City")) {
        m.name = format!("{} City", p.name);
        m.span = Span::new(m.span.start, n.span.end);
    }
}

/// "U.S. soldiers": a country name modifying a noun describes whose, not where, so it
/// never places an event; "Moscow said", "Russia's forces": the state acting;
/// "Syrians", "Russian-held": a demonym, as noun or adjective.
fn role(p: &crate::gazetteer::Place, at: &At) -> ToponymRole {
    let next = at.next();
    if p.kind == Kind::Demonym {
        return ToponymRole::Demonym;
    }
    let possessive = at.toks[at.last].is_possessive();
    let modifier = p.kind == Kind::Country
        && !possessive
        && next.is_some_and(|n| {
            n.text.chars().next().is_some_and(|c| c.is_lowercase())
                && !ACTING.contains(&n.norm())
                && !n.is_any(&[
                    "and", "or", "in", "on", "at", "to", "from", "of", "for", "with", "by",
                    "after", "before", "since",
                ])
        });
    let state_acting = next.is_some_and(|n| ACTING.contains(&n.norm()))
        || (possessive
            && next.is_some_and(|n| {
                n.is_any(&[
                    "government",
                    "military",
                    "forces",
                    "army",
                    "air",
                    "defense",
                    "defence",
                    "foreign",
                    "president",
                    "troops",
                    "account",
                    "requests",
                ])
            }));
    if modifier {
        ToponymRole::Modifier
    } else if matches!(p.kind, Kind::Country | Kind::Capital) && state_acting {
        ToponymRole::Metonym
    } else {
        ToponymRole::Literal
    }
}

#[cfg(all(test, feature = "embedded-gazetteer"))]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    /// (written, name, role) of every toponym found in a made-up text.
    fn found(text: &str) -> Vec<(String, String, ToponymRole)> {
        let spans = split_sentences(text);
        let toks: Vec<Vec<Tok>> = spans.iter().map(|s| tokenize(text, *s)).collect();
        find(text, &spans, &toks, Gazetteer::embedded(), &HashSet::new())
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.name, m.role))
            .collect()
    }

    fn role_of(text: &str, written: &str) -> Option<ToponymRole> {
        found(text)
            .into_iter()
            .find(|(w, _, _)| w == written)
            .map(|(_, _, r)| r)
    }

    #[test]
    fn every_toponym_gets_a_role() {
        use ToponymRole::*;
        let cases: &[(&str, &str, Option<ToponymRole>)] = &[
            (
                "Shells fell on Kharkiv overnight.",
                "Kharkiv",
                Some(Literal),
            ),
            (
                "U.S. officials declined to comment.",
                "U.S.",
                Some(Modifier),
            ),
            (
                "The talks were hosted by U.S. President Smith.",
                "U.S.",
                Some(Modifier),
            ),
            (
                "Moscow said the drones were shot down.",
                "Moscow",
                Some(Metonym),
            ),
            ("Syrians queued for bread.", "Syrians", Some(Demonym)),
            ("Russian troops advanced.", "Russian", Some(Demonym)),
            (
                "Europeans were evacuated first.",
                "Europeans",
                Some(Demonym),
            ),
            (
                "He told the Washington Post about it.",
                "Washington",
                Some(Organisation),
            ),
            (
                "She studied at the University of Cambridge.",
                "Cambridge",
                Some(Organisation),
            ),
            // A weapon's model is not a place, but a town's strike keeps its place.
            ("Two Iskander missiles were fired.", "Iskander", None),
        ];
        for (text, written, want) in cases {
            assert_eq!(role_of(text, written), *want, "{text}");
        }
    }

    #[test]
    fn divisions_have_their_own_point_when_the_text_says_so() {
        let g = Gazetteer::embedded();
        let text = "Fighting spread across Borno. A drone hit Kharkiv region and Kharkiv.";
        let spans = split_sentences(text);
        let toks: Vec<Vec<Tok>> = spans.iter().map(|s| tokenize(text, *s)).collect();
        let ms = find(text, &spans, &toks, g, &HashSet::new());
        let by = |name: &str| ms.iter().find(|m| m.name == name).cloned();
        let borno = by("Borno").expect("a state named without its word");
        assert_eq!(borno.kind, PlaceKind::Region);
        let region = by("Kharkiv region").expect("the region");
        let city = by("Kharkiv").expect("the city");
        assert_eq!(region.kind, PlaceKind::Region);
        assert_eq!(city.kind, PlaceKind::City);
        assert!(region.lat != city.lat || region.lon != city.lon);
    }

    #[test]
    fn towns_keep_the_article_spelling() {
        // "Kharkov" is an old transliteration GeoNames lists for Kharkiv.
        let f = found("Shelling hit Kharkov. KHARKIV, Ukraine — Calm returned.");
        assert!(f.iter().any(|(w, n, _)| w == "Kharkov" && n == "Kharkov"));
        assert!(f.iter().any(|(w, n, _)| w == "KHARKIV" && n == "Kharkiv"));
    }

    #[test]
    fn small_towns_need_their_country_and_a_place_word() {
        // A small namesake never beats a better-known place, nor stands alone for a
        // capitalised word.
        let f = found("Storms crossed the Atlantic.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "Atlantic Ocean");
        let f = found("Commerce between the United States and Canada grew.");
        assert!(f.iter().all(|(w, _, _)| w != "Commerce"), "{f:?}");
    }

    #[test]
    fn title_case_undoes_dateline_capitals() {
        assert_eq!(title_case("KHAN YOUNIS"), "Khan Younis");
        assert_eq!(title_case("PORT-AU-PRINCE"), "Port-Au-Prince");
        assert_eq!(title_case("Kyiv"), "Kyiv");
    }

    #[test]
    fn an_office_named_for_a_place_is_not_the_place() {
        let f =
            found("Figures from the Kharkiv regional prosecutor's office put the toll at nine.");
        assert!(
            f.iter()
                .all(|(w, _, r)| w != "Kharkiv" || *r == ToponymRole::Organisation),
            "{f:?}"
        );
        let f = found("A drone hit a regional hospital in Kharkiv.");
        assert!(f
            .iter()
            .any(|(w, _, r)| w == "Kharkiv" && *r == ToponymRole::Literal));
    }
}
