//! Turns an English news article about armed conflict into structured events whose every
//! fact points back to the sentence it came from.
//!
//! Pipeline: [`article`] header → [`text`] sentences and tokens → per-sentence rules
//! ([`numbers`], [`casualties`], [`weapons`], [`dates`], [`places`], [`actors`],
//! [`distances`], [`quotes`]) → [`events`] (coreference) → [`totals`]. Everything is
//! pure and deterministic; there is no I/O here, so it runs natively and in wasm alike.

pub mod actors;
pub mod article;
pub mod casualties;
pub mod collection;
pub mod cues;
pub mod dates;
pub mod distances;
pub mod error;
pub mod events;
pub mod export;
mod facilities;
pub mod gazetteer;
pub mod geo;
pub mod ledger;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod places;
pub mod quotes;
mod read;
mod singular;
pub mod text;
pub mod totals;
pub mod weapons;

use std::collections::HashSet;

pub use error::ExtractError;
pub use gazetteer::Gazetteer;
pub use model::*;

use text::{split_sentences, tokenize};

/// Inputs above this size are refused rather than risk the browser tab.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Checks raw bytes and decodes them; the errors are what a user sees for bad files.
pub fn decode(bytes: &[u8]) -> Result<&str, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(ExtractError::Binary);
    }
    let s = std::str::from_utf8(bytes).map_err(|_| ExtractError::Binary)?;
    if s.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(s)
}

/// Extracts from raw article text (with or without a metadata header).
pub fn extract_text(
    raw: &str,
    id: &str,
    published: Option<&str>,
    gaz: &Gazetteer,
) -> Result<Extraction, ExtractError> {
    decode(raw.as_bytes())?;
    let mut meta = article::parse(raw, id);
    if let Some(p) = published {
        if dates::Date::parse(p).is_none() {
            return Err(ExtractError::BadDate(p.to_string()));
        }
        meta.published = Some(p.to_string());
    }
    Ok(extract(meta, gaz))
}

/// Adds the facilities the text names; a gazetteer name inside a facility's name
/// ("Kherson" in "Kherson Regional Hospital") gives way to the facility.
fn with_facilities(
    text: &str,
    toks: &[Vec<text::Tok>],
    mut mentions: Vec<places::PlaceMention>,
) -> Vec<places::PlaceMention> {
    let found = facilities::find(text, toks, &mentions);
    mentions.retain(|m| {
        !found
            .iter()
            .any(|f| f.span.start < m.span.end && m.span.start < f.span.end)
    });
    mentions.extend(found);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions
}

/// Extracts from an article whose metadata is already known. Never fails: problems with
/// the text become warnings on the result.
pub fn extract(meta: ArticleMeta, gaz: &Gazetteer) -> Extraction {
    let text = meta.text.as_str();
    let pub_date = meta.published.as_deref().and_then(dates::Date::parse);
    let mut warnings = article::warnings(text);
    warnings.extend(date_warning(meta.published.is_some(), pub_date.is_some()));
    let spans = split_sentences(text);
    let sentences: Vec<Sentence> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            id: i,
            span: *s,
            // A title has a body after it; a one-line text without a full stop is
            // still the story itself.
            heading: i == 0
                && spans.len() > 1
                && !text[s.start..s.end].ends_with(['.', '!', '?', '"', '”']),
        })
        .collect();

    // Actors first: the countries they name steer ambiguous place names.
    let toks: Vec<Vec<text::Tok>> = spans.iter().map(|s| tokenize(text, *s)).collect();
    let actor_hits: Vec<Vec<actors::ActorHit>> = toks.iter().map(|t| actors::find(t)).collect();
    let ctx: HashSet<String> = actor_hits
        .iter()
        .flatten()
        .filter(|a| !a.country.is_empty())
        .map(|a| a.country.to_string())
        .collect();
    let mentions = with_facilities(text, &toks, places::find(text, &spans, &toks, gaz, &ctx));
    let mut r = read::read_sentences(text, pub_date, &sentences, toks, actor_hits, &mentions);
    let (locations, place_ids) = read::locations(&mentions);
    read::resolve_place_ids(&mut r.distances, &place_ids);

    let (events, mut ledger) = events::build(&r.facts, &mentions, &place_ids);
    // A country or region as the lede's place leaves room for parts told elsewhere in it.
    let broad = |id: &str| {
        locations
            .iter()
            .any(|l| l.id == id && matches!(l.kind, PlaceKind::Country | PlaceKind::Region))
    };
    ledger::reconcile_events(&events, &mut ledger, &|s| sentences[s].heading, &broad);
    let totals = totals::compute_over(events.iter(), &ledger);
    ledger.extend(r.other_numbers);
    ledger.sort_by_key(|f| (f.sentence, f.span.start));
    Extraction {
        schema_version: SCHEMA_VERSION.to_string(),
        article: meta.clone(),
        sentences,
        events,
        locations,
        distances: r.distances,
        quotes: r.quotes,
        dates: r.dates,
        totals,
        ledger,
        warnings,
        parts: Vec::new(),
    }
}

/// What a reader must know when relative dates could not be resolved.
fn date_warning(given: bool, parsed: bool) -> Option<String> {
    match (given, parsed) {
        (true, false) => {
            Some("the publication date is not YYYY-MM-DD; relative dates were not resolved".into())
        }
        (false, _) => {
            Some("no publication date; weekdays and dates without a year were not resolved".into())
        }
        (true, true) => None,
    }
}

/// The person a later "He said" most likely refers to: in the last sentence that names
/// people, the one who is the subject of a reporting verb, else the first named.
/// "President Zelenskyy" is expanded to the fullest form of that name seen so far.
pub(crate) fn last_named_person(t: &[text::Tok], known: &mut Vec<String>) -> Option<String> {
    const TITLES: &[&str] = &[
        "president",
        "minister",
        "governor",
        "general",
        "gen.",
        "spokesman",
        "spokeswoman",
        "commander",
        "mayor",
        "secretary",
        "leader",
        "chief",
    ];
    const REPORTING: &[&str] = &[
        "said",
        "says",
        "revealed",
        "announced",
        "stated",
        "told",
        "added",
        "confirmed",
        "noted",
        "emphasized",
        "wrote",
        "declared",
    ];
    let mut people: Vec<(String, bool)> = Vec::new();
    for i in 0..t.len() {
        if TITLES.contains(&t[i].norm()) {
            let names: Vec<&text::Tok> = t[i + 1..]
                .iter()
                .take_while(|x| {
                    x.is_capitalized()
                        && x.kind == text::TokKind::Word
                        && x.text.len() > 1
                        && !TITLES.contains(&x.norm())
                })
                .take(3)
                .collect();
            if !names.is_empty() {
                let end = i + 1 + names.len();
                let name = names.iter().map(|x| x.text).collect::<Vec<_>>().join(" ");
                let full = known
                    .iter()
                    .find(|k| k.ends_with(&name) && k.len() > name.len())
                    .cloned()
                    .unwrap_or(name.clone());
                if !known.contains(&full) {
                    known.push(full.clone());
                }
                let subject = t.get(end).is_some_and(|x| REPORTING.contains(&x.norm()))
                    || t.get(end + 1)
                        .is_some_and(|x| REPORTING.contains(&x.norm()));
                people.push((full, subject));
            }
        }
    }
    people
        .iter()
        .find(|p| p.1)
        .or(people.first())
        .map(|p| p.0.clone())
}
