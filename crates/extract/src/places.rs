//! Toponyms: gazetteer names found in one pass, filtered so that people, organisations
//! and calendar words are not places, turned into regions where the text says so
//! ("the Siberian region of Irkutsk", "Poltava Oblast", "Ryazan and Murmansk regions"),
//! and resolved by context (countries the article names) before population, so Moscow
//! is Russia's and not Idaho's.

use std::collections::HashSet;

use crate::gazetteer::{Gazetteer, Kind, NameHit};
use crate::model::{PlaceKind, Span};
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
    pub metonym: bool,
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
    "ukrainian",
    "russian",
    "israeli",
    "american",
    "british",
    "french",
    "german",
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
            if !looks_like_place(written, &at) {
                continue;
            }
            let Some(c) = choose(h, gaz, &ctx, written) else {
                continue;
            };
            out.push(mention(sid, h, written, &gaz.places[c], &ctx, &at));
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

/// Whether a gazetteer name, where it is written, names a place: capitalised, not a
/// word of the calendar, not part of a person's name (a title or first name before, a
/// surname after), not a time-zone label ("Kyiv time").
fn looks_like_place(written: &str, at: &At) -> bool {
    if !written.chars().next().is_some_and(|c| c.is_uppercase())
        || NOT_PLACES.contains(&written.to_lowercase().as_str())
        || crate::dates::is_calendar_word(written)
    {
        return false;
    }
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

/// The candidate a name stands for: a country the article names, then kind, then size.
fn choose(h: &NameHit, gaz: &Gazetteer, ctx: &HashSet<String>, written: &str) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for &c in &h.candidates {
        let p = &gaz.places[c];
        let kind_bonus = match p.kind {
            Kind::Country => 8.0,
            Kind::Area | Kind::Continent => 6.0,
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

/// The mention of a chosen place, with the reason for the choice, a region named after
/// its main city where the text says "region", and whether it is a metonym.
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
        Kind::Country => PlaceKind::Country,
        Kind::Area | Kind::Continent => PlaceKind::Area,
        Kind::Region => PlaceKind::Region,
        Kind::Capital | Kind::City => PlaceKind::City,
    };
    let mut m = PlaceMention {
        sentence: sid,
        span: Span::new(h.start, h.end),
        name: p.name.clone(),
        kind,
        country: (!p.country.is_empty()).then(|| p.country.clone()),
        lat: p.lat,
        lon: p.lon,
        geonameid: p.geonameid,
        resolution,
        metonym: metonymy(p, at),
    };
    as_region(&mut m, written, p, at);
    m
}

/// "X region", "X Oblast", "region of X", "X and Y regions": the region named after a
/// city; "X City" keeps its suffix.
fn as_region(m: &mut PlaceMention, written: &str, p: &crate::gazetteer::Place, at: &At) {
    let (toks, ti, last) = (at.toks, at.ti, at.last);
    let next = at.next();
    let region_after = next.filter(|n| REGION_WORDS.contains(&n.norm()));
    let coordinated = (|| {
        let and = toks.get(last + 1)?;
        if !and.is("and") {
            return None;
        }
        let j = (last + 2..toks.len()).find(|&j| at.is_hit_at(j))?;
        let r = toks.get(j + 1)?;
        REGION_WORDS.contains(&r.norm()).then_some(r)
    })();
    let region_before =
        ti >= 2 && toks[ti - 1].is("of") && REGION_WORDS.contains(&toks[ti - 2].norm());
    let prev_region_coord = ti >= 2
        && toks[ti - 1].is("and")
        && at.is_hit_at(ti - 2)
        && next.is_some_and(|n| REGION_WORDS.contains(&n.norm()));
    let named_region =
        region_after.is_some() || coordinated.is_some() || region_before || prev_region_coord;
    if m.kind != PlaceKind::Country && named_region {
        let word = region_after
            .or(coordinated)
            .map(|r| r.norm())
            .unwrap_or_else(|| {
                if region_before {
                    toks[ti - 2].norm()
                } else {
                    "region"
                }
            });
        let singular = word.trim_end_matches('s').to_string();
        let singular = if singular == "oblast" || singular == "state" {
            crate::text::capitalize(&singular)
        } else {
            singular
        };
        // Keep the written base name: "Ryazan region", not GeoNames' "Ryazan’ region".
        m.name = format!("{} {}", written, singular);
        if let Some(r) = region_after {
            m.span = Span::new(m.span.start, r.span.end);
        }
        m.kind = PlaceKind::Region;
        m.resolution = format!(
            "{}; a region named after its main city {}, whose point stands in for the region",
            m.resolution, p.name
        );
    } else if let Some(n) = next.filter(|n| SUFFIXES.contains(&n.norm()) && n.is("City")) {
        m.name = format!("{} City", p.name);
        m.span = Span::new(m.span.start, n.span.end);
    }
}

/// "U.S. soldiers", "Russian-held": a country name modifying a noun describes whose,
/// not where, so it never places an event; "Moscow said", "Russia's forces": the state
/// acting.
fn metonymy(p: &crate::gazetteer::Place, at: &At) -> bool {
    let next = at.next();
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
    modifier || (matches!(p.kind, Kind::Country | Kind::Capital) && state_acting)
}
