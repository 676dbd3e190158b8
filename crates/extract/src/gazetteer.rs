//! The place table: GeoNames cities of 15,000+ people, countries and a few hand-added
//! areas (see `data/gazetteer.tsv` and `tools/build_gazetteer.py`), indexed for one
//! linear Aho-Corasick pass over the text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::ExtractError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Capital,
    City,
    Region,
    Continent,
    Area,
    /// A country's people or adjective ("Russians", "Russian"): found like a place,
    /// never an event's place.
    Demonym,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub kind: Kind,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonameid: u64,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    /// Pattern i of the automaton is `names[i]`; each lists the places it may denote.
    names: Vec<(String, Vec<usize>)>,
    automaton: AhoCorasick,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Gazetteer({} places, {} names)",
            self.places.len(),
            self.names.len()
        )
    }
}

/// Raw match of a gazetteer name in text (byte offsets).
#[derive(Debug, Clone)]
pub struct NameHit {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<usize>,
}

#[cfg(feature = "embedded-gazetteer")]
static EMBEDDED: &str = include_str!("../data/gazetteer.tsv");

impl Gazetteer {
    /// The table compiled into the library (native builds).
    #[cfg(feature = "embedded-gazetteer")]
    pub fn embedded() -> &'static Gazetteer {
        use std::sync::OnceLock;
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(EMBEDDED).unwrap_or_else(|_| Gazetteer::empty()))
    }

    pub fn empty() -> Gazetteer {
        Gazetteer::from_places(Vec::new(), Vec::new()).unwrap_or_else(|_| unreachable_empty())
    }

    /// Parses the TSV table (`kind name country lat lon population aliases geonameid`).
    pub fn parse(tsv: &str) -> Result<Gazetteer, ExtractError> {
        let mut places = Vec::new();
        let mut aliases = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || ExtractError::Gazetteer { line: n + 1 };
            if f.len() < 8 {
                return Err(bad());
            }
            let kind = match f[0] {
                "C" => Kind::Country,
                "K" => Kind::Capital,
                "P" => Kind::City,
                "A" => Kind::Area,
                "R" => Kind::Region,
                "O" => Kind::Continent,
                "D" => Kind::Demonym,
                _ => return Err(bad()),
            };
            let id = places.len();
            places.push(Place {
                kind,
                name: f[1].to_string(),
                country: f[2].to_string(),
                lat: f[3].parse().map_err(|_| bad())?,
                lon: f[4].parse().map_err(|_| bad())?,
                population: f[5].parse().map_err(|_| bad())?,
                geonameid: f[7].parse().map_err(|_| bad())?,
            });
            for a in f[6].split('|').filter(|a| !a.is_empty()) {
                aliases.push((a.to_string(), id));
            }
        }
        Gazetteer::from_places(places, aliases)
    }

    fn from_places(
        places: Vec<Place>,
        aliases: Vec<(String, usize)>,
    ) -> Result<Gazetteer, ExtractError> {
        let mut map: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, p) in places.iter().enumerate() {
            map.entry(p.name.to_lowercase()).or_default().push(i);
        }
        for (a, i) in aliases {
            let e = map.entry(a.to_lowercase()).or_default();
            if !e.contains(&i) {
                e.push(i);
            }
        }
        let mut names: Vec<(String, Vec<usize>)> = map
            .into_iter()
            .filter(|(k, _)| k.chars().count() >= 2)
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|n| n.0.as_str()))
            .map_err(|e| ExtractError::Index(e.to_string()))?;
        Ok(Gazetteer {
            places,
            names,
            automaton,
        })
    }

    /// Every name occurrence on word boundaries (leftmost-longest, non-overlapping).
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let bytes = text.as_bytes();
        let is_word = |i: usize| -> bool {
            // Look at the whole char around byte i; non-ASCII letters count as word chars.
            text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        };
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let before_ok = s == 0 || !is_word(s);
            let after_ok = e == bytes.len()
                || !text[e..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric());
            // Short names match only as written in capitals: "US" the country, not "us".
            let short_ok = e - s > 3
                || text[s..e]
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase());
            if before_ok && after_ok && short_ok {
                out.push(NameHit {
                    start: s,
                    end: e,
                    candidates: self.names[m.pattern().as_usize()].1.clone(),
                });
            }
        }
        out
    }

    /// Places whose name or alias is exactly `name` (case-insensitive).
    pub fn lookup(&self, name: &str) -> Vec<usize> {
        let key = name.to_lowercase();
        self.names
            .binary_search_by(|n| n.0.as_str().cmp(key.as_str()))
            .map(|i| self.names[i].1.clone())
            .unwrap_or_default()
    }

    /// The country row for an ISO code.
    pub fn country(&self, iso: &str) -> Option<&Place> {
        self.places
            .iter()
            .find(|p| p.kind == Kind::Country && p.country == iso)
    }

    /// The capital city row for an ISO code.
    pub fn capital(&self, iso: &str) -> Option<&Place> {
        self.places
            .iter()
            .find(|p| p.kind == Kind::Capital && p.country == iso)
    }
}

fn unreachable_empty() -> Gazetteer {
    // Building an automaton from zero patterns cannot fail; keep a typed fallback anyway.
    Gazetteer {
        places: Vec::new(),
        names: Vec::new(),
        automaton: AhoCorasick::new(["\u{0}"]).expect("a one-byte pattern always builds"),
    }
}

#[cfg(all(test, feature = "embedded-gazetteer"))]
mod tests {
    use super::*;

    #[test]
    fn finds_names_on_word_boundaries() {
        let g = Gazetteer::embedded();
        let t = "Strikes hit Irkutsk and Moscowville, then Istanbul.";
        let found: Vec<&str> = g.find(t).iter().map(|h| &t[h.start..h.end]).collect();
        assert!(found.contains(&"Irkutsk"));
        assert!(found.contains(&"Istanbul"));
        assert!(!found.iter().any(|f| f.starts_with("Moscow")));
    }

    #[test]
    fn rejects_malformed_rows() {
        assert!(Gazetteer::parse("X\tA\tB").is_err());
        assert!(Gazetteer::parse("P\tA\tUA\tnotanumber\t1\t1\t\t1").is_err());
    }
}
