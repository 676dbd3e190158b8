//! Reading the article sentence by sentence: every rule runs once per sentence, and what
//! it finds is kept twice, as the sentence's facts for building events and in the
//! article-level lists (stated distances, quotes, dates, numbers that are not tolls)
//! that the JSON exposes with their spans.

use std::collections::HashMap;

use crate::dates::Date;
use crate::events::SentenceFacts;
use crate::places::PlaceMention;
use crate::text::Tok;
use crate::{
    actors, casualties, dates, distances, ledger, quotes, weapons, DateMention, Figure, Location,
    Mention, Quote, Sentence, Span, StatedDistance,
};

/// What the sentence-by-sentence pass collects.
#[derive(Default)]
pub(crate) struct Readings<'a> {
    pub facts: Vec<SentenceFacts<'a>>,
    pub distances: Vec<StatedDistance>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    /// Numbers in casualty sentences that count something else, for the ledger.
    pub other_numbers: Vec<Figure>,
}

/// Runs the per-sentence rules over every sentence, in order (quotes need the last
/// person named before them).
pub(crate) fn read_sentences<'a>(
    text: &'a str,
    pub_date: Option<Date>,
    sentences: &[Sentence],
    toks: Vec<Vec<Tok<'a>>>,
    actor_hits: Vec<Vec<actors::ActorHit>>,
    mentions: &[PlaceMention],
) -> Readings<'a> {
    // Mention indexes per sentence, so per-sentence lookups stay linear overall.
    let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        in_sentence[m.sentence].push(i);
    }
    let mut r = Readings::default();
    let mut last_person: Option<String> = None;
    let mut known_people: Vec<String> = Vec::new();
    for ((sid, t), actors) in toks.into_iter().enumerate().zip(actor_hits) {
        let excluded = stated_distances(text, &t, sid, &in_sentence[sid], mentions, &mut r);
        for q in quotes::find(text, sentences[sid].span, last_person.as_deref()) {
            r.quotes.push(Quote {
                text: q.text,
                speaker: q.speaker,
                attribution: q.attribution,
                sentence: sid,
                span: q.span,
            });
        }
        if let Some(p) = crate::last_named_person(&t, &mut known_people) {
            last_person = Some(p);
        }
        let (sent_dates, report_dates, time) =
            sentence_dates(text, &t, sid, pub_date, &mut r.dates);
        let places: Vec<usize> = in_sentence[sid]
            .iter()
            .copied()
            // Facilities are listed and shown, but events stay placed at towns for now.
            .filter(|i| {
                mentions[*i].role.is_literal()
                    && mentions[*i].kind != crate::model::PlaceKind::Facility
                    && !excluded.contains(i)
            })
            .collect();
        let cas = casualties::find(&t);
        for (a, b, why) in casualties::not_counts(&t, &cas) {
            r.other_numbers
                .push(ledger::not_casualties(text, &t, sid, a, b, why));
        }
        let weapons = weapons::find(&t);
        r.facts.push(SentenceFacts {
            id: sid,
            heading: sentences[sid].heading,
            toks: t,
            casualties: cas,
            weapons,
            dates: sent_dates,
            report_dates,
            time,
            places,
            actors,
        });
    }
    r
}

fn span_of(t: &[Tok], a: usize, b: usize) -> Span {
    Span::new(t[a].span.start, t[b - 1].span.end)
}

/// Stated distances of one sentence ("40 km north of Kyiv"), with the place mentions
/// they measure from and to. Returns the reference places, which are not where the
/// sentence's events happened.
fn stated_distances(
    text: &str,
    t: &[Tok],
    sid: usize,
    in_sentence: &[usize],
    mentions: &[PlaceMention],
    r: &mut Readings,
) -> Vec<usize> {
    let mut excluded = Vec::new();
    for d in distances::find(t) {
        let reference = d
            .reference
            .map(|(a, b)| (t[a].span.start, t[b - 1].span.end));
        let ref_mention = reference.and_then(|(a, b)| {
            in_sentence
                .iter()
                .copied()
                .find(|&i| mentions[i].span.start >= a && mentions[i].span.end <= b)
        });
        excluded.extend(ref_mention);
        let dist_start = t[d.start].span.start;
        let subject = in_sentence.iter().copied().rfind(|&i| {
            let m = &mentions[i];
            m.span.end <= dist_start && Some(i) != ref_mention && m.role.is_literal()
        });
        let span = span_of(t, d.start, d.end);
        r.distances.push(StatedDistance {
            text: text[span.start..span.end].to_string(),
            value: d.value,
            unit: d.unit.to_string(),
            km: d.km,
            qualifier: d.qualifier.clone(),
            direction: d.direction.clone(),
            reference: reference.map(|(a, b)| text[a..b].to_string()),
            // Mention indexes for now; `resolve_place_ids` turns them into location ids.
            reference_id: ref_mention.map(|i| i.to_string()),
            subject_id: subject.filter(|_| !d.is_length).map(|i| i.to_string()),
            is_length: d.is_length,
            sentence: sid,
            span,
        });
    }
    excluded
}

/// The dates and clock time of one sentence: the incident dates and the dates of saying
/// (as strings for its events), and every date as a mention with its span for the
/// article's date list.
fn sentence_dates(
    text: &str,
    t: &[Tok],
    sid: usize,
    pub_date: Option<Date>,
    out: &mut Vec<DateMention>,
) -> (Vec<String>, Vec<String>, Option<String>) {
    let mut sent_dates = Vec::new();
    let mut report_dates = Vec::new();
    for h in dates::find_dates(t, pub_date) {
        let span = span_of(t, h.start, h.end);
        let report = dates::is_report_date(t, &h);
        let back = dates::days_back_to_incident(t, &h);
        for d in &h.dates {
            if report {
                report_dates.push(d.to_string());
            } else if let Some(n) = back {
                sent_dates.push(d.add_days(-n).to_string());
            } else {
                sent_dates.push(d.to_string());
            }
            out.push(DateMention {
                text: text[span.start..span.end].to_string(),
                date: Some(d.to_string()),
                time: None,
                sentence: sid,
                span,
            });
        }
    }
    let time = dates::find_time(t).map(|(a, b, tm)| {
        let span = span_of(t, a, b);
        out.push(DateMention {
            text: text[span.start..span.end].to_string(),
            date: None,
            time: Some(tm.clone()),
            sentence: sid,
            span,
        });
        tm
    });
    (sent_dates, report_dates, time)
}

/// One location per distinct place, in order of first mention, and the location id of
/// every mention.
pub(crate) fn locations(mentions: &[PlaceMention]) -> (Vec<Location>, Vec<String>) {
    let mut locations: Vec<Location> = Vec::new();
    let mut index: HashMap<(String, Option<&str>), usize> = HashMap::new();
    let mut place_ids = Vec::with_capacity(mentions.len());
    for m in mentions {
        // One town written two ways is one location; a region named after a town is not
        // the town.
        let key = if m.geonameid != 0 && m.kind == crate::model::PlaceKind::City {
            (m.geonameid.to_string(), m.country.as_deref())
        } else {
            (m.name.clone(), m.country.as_deref())
        };
        let idx = *index.entry(key).or_insert_with(|| {
            locations.push(Location {
                id: format!("p{}", locations.len() + 1),
                name: m.name.clone(),
                kind: m.kind,
                country: m.country.clone(),
                lat: m.lat,
                lon: m.lon,
                geonameid: m.geonameid,
                resolution: m.resolution.clone(),
                point_of: m.point_of.clone(),
                mentions: Vec::new(),
            });
            locations.len() - 1
        });
        locations[idx].mentions.push(Mention {
            sentence: m.sentence,
            span: m.span,
            role: m.role,
        });
        place_ids.push(locations[idx].id.clone());
    }
    (locations, place_ids)
}

/// Distances were read before locations existed: their place references are mention
/// indexes until here.
pub(crate) fn resolve_place_ids(distances: &mut [StatedDistance], place_ids: &[String]) {
    let resolve = |id: Option<String>| {
        id.and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| place_ids.get(i).cloned())
    };
    for d in distances {
        d.reference_id = resolve(d.reference_id.take());
        d.subject_id = resolve(d.subject_id.take());
    }
}
