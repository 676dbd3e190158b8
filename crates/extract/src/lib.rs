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
pub mod cues;
pub mod dates;
pub mod distances;
pub mod error;
pub mod events;
pub mod export;
pub mod gazetteer;
pub mod geo;
pub mod ledger;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod places;
pub mod quotes;
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

/// Extracts from an article whose metadata is already known. Never fails: problems with
/// the text become warnings on the result.
pub fn extract(meta: ArticleMeta, gaz: &Gazetteer) -> Extraction {
    let text = meta.text.as_str();
    let pub_date = meta.published.as_deref().and_then(dates::Date::parse);
    let mut warnings = article::warnings(text);
    if meta.published.is_some() && pub_date.is_none() {
        warnings.push(
            "the publication date is not YYYY-MM-DD; relative dates were not resolved".into(),
        );
    } else if pub_date.is_none() {
        warnings.push(
            "no publication date; weekdays and dates without a year were not resolved".into(),
        );
    }
    let spans = split_sentences(text);
    let sentences: Vec<Sentence> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            id: i,
            span: *s,
            heading: i == 0 && !text[s.start..s.end].ends_with(['.', '!', '?', '"', '”']),
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
    let mentions = places::find(text, &spans, &toks, gaz, &ctx);
    // Mention indexes per sentence, so per-sentence lookups stay linear overall.
    let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); spans.len()];
    for (i, m) in mentions.iter().enumerate() {
        in_sentence[m.sentence].push(i);
    }

    let mut distances = Vec::new();
    let mut quotes = Vec::new();
    let mut date_mentions = Vec::new();
    let mut facts = Vec::new();
    let mut other_numbers = Vec::new();
    let mut last_person: Option<String> = None;
    let mut known_people: Vec<String> = Vec::new();
    for (sid, span) in spans.iter().enumerate() {
        let t = &toks[sid];
        let dist_hits = distances::find(t);
        let mut excluded: Vec<usize> = Vec::new();
        for d in &dist_hits {
            let reference = d
                .reference
                .map(|(a, b)| (t[a].span.start, t[b - 1].span.end));
            let ref_mention = reference.and_then(|(a, b)| {
                in_sentence[sid]
                    .iter()
                    .copied()
                    .find(|&i| mentions[i].span.start >= a && mentions[i].span.end <= b)
            });
            if let Some(r) = ref_mention {
                excluded.push(r);
            }
            let dist_start = t[d.start].span.start;
            let subject = in_sentence[sid].iter().copied().rfind(|&i| {
                let m = &mentions[i];
                m.span.end <= dist_start && Some(i) != ref_mention && !m.metonym
            });
            distances.push(StatedDistance {
                text: text[t[d.start].span.start..t[d.end - 1].span.end].to_string(),
                value: d.value,
                unit: d.unit.to_string(),
                km: d.km,
                qualifier: d.qualifier.clone(),
                direction: d.direction.clone(),
                reference: reference.map(|(a, b)| text[a..b].to_string()),
                reference_id: ref_mention.map(|i| i.to_string()),
                subject_id: if d.is_length {
                    None
                } else {
                    subject.map(|i| i.to_string())
                },
                is_length: d.is_length,
                sentence: sid,
                span: Span::new(t[d.start].span.start, t[d.end - 1].span.end),
            });
        }
        for q in quotes::find(text, *span, last_person.as_deref()) {
            quotes.push(Quote {
                text: q.text,
                speaker: q.speaker,
                attribution: q.attribution,
                sentence: sid,
                span: q.span,
            });
        }
        if let Some(p) = last_named_person(t, &mut known_people) {
            last_person = Some(p);
        }
        let date_hits = dates::find_dates(t, pub_date);
        let time = dates::find_time(t);
        let mut sent_dates = Vec::new();
        for h in &date_hits {
            for d in &h.dates {
                sent_dates.push(d.to_string());
                date_mentions.push(DateMention {
                    text: text[t[h.start].span.start..t[h.end - 1].span.end].to_string(),
                    date: Some(d.to_string()),
                    time: None,
                    sentence: sid,
                    span: Span::new(t[h.start].span.start, t[h.end - 1].span.end),
                });
            }
        }
        if let Some((a, b, tm)) = &time {
            date_mentions.push(DateMention {
                text: text[t[*a].span.start..t[*b - 1].span.end].to_string(),
                date: None,
                time: Some(tm.clone()),
                sentence: sid,
                span: Span::new(t[*a].span.start, t[*b - 1].span.end),
            });
        }
        let places: Vec<usize> = in_sentence[sid]
            .iter()
            .copied()
            .filter(|i| !mentions[*i].metonym && !excluded.contains(i))
            .collect();
        let cas = casualties::find(t);
        for (a, b, why) in casualties::not_counts(t, &cas) {
            other_numbers.push(ledger::not_casualties(text, t, sid, a, b, why));
        }
        facts.push(events::SentenceFacts {
            id: sid,
            heading: sentences[sid].heading,
            toks: t.clone(),
            casualties: cas,
            weapons: weapons::find(t),
            dates: sent_dates,
            time: time.map(|x| x.2),
            places,
            actors: actor_hits[sid].clone(),
        });
    }

    // Locations: one per distinct place, in order of first mention.
    let mut locations: Vec<Location> = Vec::new();
    let mut place_ids = Vec::with_capacity(mentions.len());
    for m in &mentions {
        let idx = match locations
            .iter()
            .position(|l| l.name == m.name && l.country == m.country)
        {
            Some(i) => i,
            None => {
                locations.push(Location {
                    id: format!("p{}", locations.len() + 1),
                    name: m.name.clone(),
                    kind: m.kind,
                    country: m.country.clone(),
                    lat: m.lat,
                    lon: m.lon,
                    geonameid: m.geonameid,
                    resolution: m.resolution.clone(),
                    mentions: Vec::new(),
                });
                locations.len() - 1
            }
        };
        locations[idx].mentions.push(Mention {
            sentence: m.sentence,
            span: m.span,
            metonym: m.metonym,
        });
        place_ids.push(locations[idx].id.clone());
    }
    for d in &mut distances {
        d.reference_id = d
            .reference_id
            .take()
            .and_then(|i| i.parse::<usize>().ok())
            .map(|i| place_ids[i].clone());
        d.subject_id = d
            .subject_id
            .take()
            .and_then(|i| i.parse::<usize>().ok())
            .map(|i| place_ids[i].clone());
    }

    let (events, mut ledger) = events::build(&facts, &mentions, &place_ids);
    // A country or region as the lede's place leaves room for parts told elsewhere in it.
    let broad = |id: &str| {
        locations
            .iter()
            .any(|l| l.id == id && matches!(l.kind, PlaceKind::Country | PlaceKind::Region))
    };
    ledger::reconcile_events(&events, &mut ledger, &|s| sentences[s].heading, &broad);
    let totals = totals::compute_over(events.iter(), &ledger);
    ledger.extend(other_numbers);
    ledger.sort_by_key(|f| (f.sentence, f.span.start));
    Extraction {
        schema_version: SCHEMA_VERSION.to_string(),
        article: meta.clone(),
        sentences,
        events,
        locations,
        distances,
        quotes,
        dates: date_mentions,
        totals,
        ledger,
        warnings,
    }
}

/// The person a later "He said" most likely refers to: in the last sentence that names
/// people, the one who is the subject of a reporting verb, else the first named.
/// "President Zelenskyy" is expanded to the fullest form of that name seen so far.
fn last_named_person(t: &[text::Tok], known: &mut Vec<String>) -> Option<String> {
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
