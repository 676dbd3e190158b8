//! Actors: states and armed groups named directly, by demonym ("Russian forces"), or by
//! metonym ("the Kremlin", "Moscow indicated", "Kyiv"). Each maps to one canonical name
//! and, for states, an ISO country code used to place events with no named place.

use crate::text::Tok;

/// (words as written, canonical actor, ISO country or "").
const ACTORS: &[(&[&str], &str, &str)] = &[
    (
        &["russia", "russian", "russians", "kremlin", "moscow"],
        "Russia",
        "RU",
    ),
    (
        &["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"],
        "Ukraine",
        "UA",
    ),
    (&["israel", "israeli", "israelis", "idf"], "Israel", "IL"),
    (&["palestinian", "palestinians"], "Palestinians", "PS"),
    (&["hamas"], "Hamas", "PS"),
    (&["hezbollah"], "Hezbollah", "LB"),
    (&["houthi", "houthis"], "Houthis", "YE"),
    (&["iran", "iranian", "tehran"], "Iran", "IR"),
    (
        &[
            "u.s.",
            "us",
            "american",
            "americans",
            "pentagon",
            "washington",
            "centcom",
        ],
        "United States",
        "US",
    ),
    (&["rsf"], "Rapid Support Forces", "SD"),
    (&["saf"], "Sudanese Armed Forces", "SD"),
    (&["sudan", "sudanese"], "Sudan", "SD"),
    (&["syria", "syrian"], "Syria", "SY"),
    (&["iraq", "iraqi"], "Iraq", "IQ"),
    (&["jordan", "jordanian"], "Jordan", "JO"),
    (&["turkey", "turkish", "türkiye", "ankara"], "Turkey", "TR"),
    (&["belarus", "belarusian", "minsk"], "Belarus", "BY"),
    (&["china", "chinese", "beijing"], "China", "CN"),
    (&["nato"], "NATO", ""),
    (&["wagner"], "Wagner Group", "RU"),
    (&["yemen", "yemeni"], "Yemen", "YE"),
    (&["lebanon", "lebanese"], "Lebanon", "LB"),
    (
        &["britain", "british", "uk", "u.k."],
        "United Kingdom",
        "GB",
    ),
    (&["france", "french"], "France", "FR"),
    (&["germany", "german"], "Germany", "DE"),
];

/// Multi-word group names, matched before single words.
const GROUPS: &[(&[&str], &str, &str)] = &[
    (
        &["rapid", "support", "forces"],
        "Rapid Support Forces",
        "SD",
    ),
    (
        &["sudanese", "armed", "forces"],
        "Sudanese Armed Forces",
        "SD",
    ),
    (
        &["islamic", "resistance", "in", "iraq"],
        "Islamic Resistance in Iraq",
        "IQ",
    ),
    (&["islamic", "state"], "Islamic State", ""),
    (&["united", "states"], "United States", "US"),
    (&["central", "command"], "United States", "US"),
    (&["wagner", "group"], "Wagner Group", "RU"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct ActorHit {
    pub name: &'static str,
    pub country: &'static str,
    pub start: usize,
    pub end: usize,
}

pub fn find(toks: &[Tok]) -> Vec<ActorHit> {
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < toks.len() {
        for (words, name, cc) in GROUPS {
            if i + words.len() <= toks.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + k].norm() == *w)
            {
                out.push(ActorHit {
                    name,
                    country: cc,
                    start: i,
                    end: i + words.len(),
                });
                i += words.len();
                continue 'outer;
            }
        }
        let t = &toks[i];
        let n = t.norm();
        // Single words need a capital ("US" the country, not "us" the pronoun).
        if t.is_capitalized() {
            if let Some((_, name, cc)) = ACTORS.iter().find(|(w, _, _)| w.contains(&&*n)) {
                if !(n == "us" && t.text != "US") {
                    out.push(ActorHit {
                        name,
                        country: cc,
                        start: i,
                        end: i + 1,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

/// Nouns that mark a demonym as the victim side ("Ukrainian soldiers", "Ukrainian targets").
pub const TARGET_NOUNS: &[&str] = &[
    "targets",
    "target",
    "positions",
    "soldiers",
    "service",
    "servicemen",
    "troops",
    "civilians",
    "cities",
    "city",
    "territory",
    "infrastructure",
    "energy",
    "towns",
    "villages",
    "people",
    "children",
];
