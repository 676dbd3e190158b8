//! Named facilities: "al-Shifa Hospital", "Shati refugee camp", "Rashid Street". No
//! gazetteer lists them, yet readers look for them on the map, so each is kept as a
//! place at the point of the town it is in (said in the same sentence, or the last town
//! named before it), flagged so nobody mistakes that point for the facility's own.

use crate::model::{PlaceKind, Span, ToponymRole};
use crate::places::PlaceMention;
use crate::text::Tok;

/// Nouns that end a facility's name.
const HEADS: &[&str] = &[
    "hospital",
    "clinic",
    "street",
    "road",
    "avenue",
    "highway",
    "camp",
    "base",
    "airbase",
    "airport",
    "airfield",
    "hotel",
    "market",
    "mall",
    "plant",
    "factory",
    "refinery",
    "beach",
    "school",
    "mosque",
    "church",
    "cathedral",
    "stadium",
    "square",
    "bridge",
    "prison",
    "garrison",
    "port",
    "harbour",
    "harbor",
    "station",
    "embankment",
    "park",
    "dam",
    "crossing",
    "junction",
];

/// Lower-case words that may stand between a name and its head ("Shati refugee camp",
/// "Amstor shopping mall", "Shaykovka air base").
const MODIFIERS: &[&str] = &[
    "refugee",
    "shopping",
    "air",
    "military",
    "naval",
    "power",
    "railway",
    "train",
    "bus",
    "border",
    "medical",
    "children's",
    "central",
    "main",
    "army",
    "police",
    "detention",
    "displacement",
    "fuel",
    "oil",
    "gas",
    "nuclear",
    "machinery",
    "international",
];

/// Capitalised words that open a sentence or a phrase, not a name.
const NOT_NAME: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "near", "from", "to", "of", "and", "but", "when", "after",
    "before", "outside", "inside", "by", "with", "while", "as", "its", "his", "her", "their",
    "this", "that", "one", "two", "three", "several", "many",
];

/// Facilities of every sentence, placed at their town; `places` are the gazetteer's
/// mentions in text order. A gazetteer name inside a facility's name ("Kherson" in
/// "Kherson Regional Hospital") is left for the caller to drop.
pub fn find(text: &str, tokens: &[Vec<Tok>], places: &[PlaceMention]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for (sid, toks) in tokens.iter().enumerate() {
        let mut i = 0;
        while i < toks.len() {
            let Some((a, b)) = facility_at(toks, i) else {
                i += 1;
                continue;
            };
            let span = Span::new(toks[a].span.start, toks[b].span.end);
            if let Some(town) = anchor(places, sid, span) {
                out.push(placed(text, sid, span, town));
            }
            i = b + 1;
        }
    }
    out
}

/// Whether the capitalised words from token `from` run into a facility's head noun
/// ("Regional Hospital"): a town name before them is part of the facility's name.
pub(crate) fn head_follows(toks: &[Tok], from: usize) -> bool {
    toks[from.min(toks.len())..]
        .iter()
        .take_while(|t| is_name_word(t))
        .any(|t| HEADS.contains(&t.norm()))
}

/// The facility whose head noun is token `h`: its first and last token.
fn facility_at(toks: &[Tok], h: usize) -> Option<(usize, usize)> {
    let head = &toks[h];
    if !HEADS.contains(&head.norm()) {
        return None;
    }
    let mut j = h;
    if !head.is_capitalized() {
        // "Shati refugee camp": up to two lower-case modifiers after the name.
        while j > 0 && h - (j - 1) <= 2 && MODIFIERS.contains(&toks[j - 1].norm()) {
            j -= 1;
        }
    }
    let mut start = j;
    while start > 0 && is_name_word(&toks[start - 1]) {
        start -= 1;
    }
    (start < j).then_some((start, h))
}

fn is_name_word(t: &Tok) -> bool {
    let arabic_article = ["al-", "el-", "Al-", "El-"]
        .iter()
        .any(|p| t.text.starts_with(p) && t.text.len() > p.len());
    (t.is_capitalized() || arabic_article)
        && !NOT_NAME.contains(&t.norm())
        && t.text.chars().any(|c| c.is_alphabetic())
        && !crate::dates::is_calendar_word(t.text)
}

/// The town a facility is in: a town or region named in its sentence (the first after
/// it, as in "X Hospital in Y", then one inside its name, as in "Y Regional Hospital",
/// then the nearest before), else the last one named in an earlier sentence.
fn anchor(places: &[PlaceMention], sid: usize, span: Span) -> Option<&PlaceMention> {
    let town = |m: &&PlaceMention| {
        matches!(m.kind, PlaceKind::City | PlaceKind::Region)
            && (m.role.is_literal() || m.role == ToponymRole::Organisation)
    };
    let same: Vec<&PlaceMention> = places
        .iter()
        .filter(|m| m.sentence == sid)
        .filter(town)
        .collect();
    same.iter()
        .find(|m| m.span.start >= span.end)
        .or_else(|| {
            same.iter()
                .find(|m| m.span.start >= span.start && m.span.end <= span.end)
        })
        .or_else(|| same.iter().rev().find(|m| m.span.end <= span.start))
        .copied()
        .or_else(|| {
            places
                .iter()
                .filter(|m| m.sentence < sid && m.role.is_literal())
                .rfind(town)
        })
}

fn placed(text: &str, sid: usize, span: Span, town: &PlaceMention) -> PlaceMention {
    PlaceMention {
        sentence: sid,
        span,
        name: text[span.start..span.end].to_string(),
        kind: PlaceKind::Facility,
        country: town.country.clone(),
        lat: town.lat,
        lon: town.lon,
        geonameid: 0,
        resolution: format!(
            "a facility named in the text; no gazetteer lists it, so it is shown at the point of {}",
            town.name
        ),
        role: ToponymRole::Literal,
        point_of: Some(town.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    fn town(name: &str, sentence: usize, start: usize) -> PlaceMention {
        PlaceMention {
            sentence,
            span: Span::new(start, start + name.len()),
            name: name.to_string(),
            kind: PlaceKind::City,
            country: Some("XX".into()),
            lat: 1.0,
            lon: 2.0,
            geonameid: 1,
            resolution: String::new(),
            role: ToponymRole::Literal,
            point_of: None,
        }
    }

    /// Facility names found in a made-up text whose only town is "Brenville".
    fn names(text: &str) -> Vec<String> {
        let spans = split_sentences(text);
        let toks: Vec<Vec<Tok>> = spans.iter().map(|s| tokenize(text, *s)).collect();
        let places: Vec<PlaceMention> = spans
            .iter()
            .enumerate()
            .filter_map(|(sid, s)| {
                text[s.start..s.end]
                    .find("Brenville")
                    .map(|at| town("Brenville", sid, s.start + at))
            })
            .collect();
        find(text, &toks, &places)
            .into_iter()
            .map(|m| {
                assert_eq!(m.point_of.as_deref(), Some("Brenville"));
                m.name
            })
            .collect()
    }

    #[test]
    fn names_facilities_and_places_them_at_their_town() {
        let cases: &[(&str, &[&str])] = &[
            (
                "A shell hit Saint Mora Hospital in Brenville.",
                &["Saint Mora Hospital"],
            ),
            (
                "Brenville was shelled. Tents burned in Dalo refugee camp.",
                &["Dalo refugee camp"],
            ),
            (
                "Crowds gathered on al-Nour Street in Brenville.",
                &["al-Nour Street"],
            ),
            (
                "The Grand Orvel Hotel in Brenville was hit.",
                &["Grand Orvel Hotel"],
            ),
            (
                "Doctors at Brenville Regional Hospital said so.",
                &["Brenville Regional Hospital"],
            ),
            // No name before the head, or no town to place it at: nothing.
            ("The hospital in Brenville was hit.", &[]),
            ("A shell hit Saint Mora Hospital.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }
}
