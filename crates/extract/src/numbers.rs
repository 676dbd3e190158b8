//! Numbers as written ("12", "2,800", "seven", "twenty-five", "dozens", "7.7 million")
//! and the qualifiers around them, turned into intervals. Qualifier rules follow the
//! corpus labelling conventions: "more than 60" means at least 61, "about 20" is 20
//! flagged as approximate, "fewer than ten" means at most 9.

use crate::model::Interval;
use crate::text::{Tok, TokKind};

/// A number found at tokens `start..end` (qualifier words included).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    /// Index of the first token of the number itself (after any qualifier).
    pub value_start: usize,
    pub value: f64,
    pub interval: Interval,
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
];
/// Vague plurals: a lower bound only, flagged approximate ("dozens" is at least 24).
const VAGUE: &[(&str, u64)] = &[
    ("several", 3),
    ("dozens", 24),
    ("scores", 40),
    ("hundreds", 200),
    ("thousands", 2000),
];

/// Parses one word-number ("seven", "twenty-five"); `None` if the word is not one.
pub fn word_value(word: &str) -> Option<u64> {
    // Cheap reject first: every number word is 3–13 letters and starts with one of these.
    let b = word.as_bytes();
    if b.len() < 3
        || b.len() > 13
        || !matches!(
            b[0].to_ascii_lowercase(),
            b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
        )
    {
        return None;
    }
    let w = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    };
    let w: &str = &w;
    if let Some((_, v)) = UNITS.iter().chain(TENS.iter()).find(|(n, _)| *n == w) {
        return Some(*v);
    }
    let (t, u) = w.split_once('-')?;
    let tv = TENS.iter().find(|(n, _)| *n == t)?.1;
    let uv = UNITS[1..10].iter().find(|(n, _)| *n == u)?.1;
    Some(tv + uv)
}

/// Parses a digit token ("2,800", "7.7"); `None` for clock times and non-numbers.
pub fn digit_value(tok: &str) -> Option<f64> {
    if tok.contains(':') {
        return None;
    }
    let clean: String = tok.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok()
}

fn scale_at(toks: &[Tok], i: usize) -> Option<f64> {
    let t = toks.get(i)?;
    SCALES.iter().find(|(n, _)| t.is(n)).map(|p| p.1)
}

/// The bare value at token `i`, and the index after it.
fn value_at(toks: &[Tok], i: usize) -> Option<(f64, usize, bool)> {
    let t = toks.get(i)?;
    let (mut v, mut j) = match t.kind {
        TokKind::Number => (digit_value(t.text)?, i + 1),
        TokKind::Word => {
            if let Some((_, lb)) = VAGUE.iter().find(|(n, _)| t.is(n)) {
                return Some((*lb as f64, i + 1, true));
            }
            if t.is("a") && toks.get(i + 1).is_some_and(|n| n.is("dozen")) {
                return Some((12.0, i + 2, false));
            }
            // "a hundred", "a thousand": the article stands for one.
            if t.is("a") && scale_at(toks, i + 1).is_some() {
                let mut v = 1.0;
                let mut j = i + 1;
                while let Some(s) = scale_at(toks, j) {
                    v *= s;
                    j += 1;
                }
                return Some((v, j, false));
            }
            (word_value(t.norm())? as f64, i + 1)
        }
        TokKind::Punct => return None,
    };
    while let Some(s) = scale_at(toks, j) {
        v *= s;
        j += 1;
    }
    Some((v, j, false))
}

fn could_start(w: &str) -> bool {
    matches!(
        w,
        "at" | "more"
            | "greater"
            | "fewer"
            | "less"
            | "up"
            | "as"
            | "no"
            | "not"
            | "over"
            | "above"
            | "exceeding"
            | "nearly"
            | "almost"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "some"
            | "an"
            | "estimated"
            | "between"
            | "a"
    ) || VAGUE.iter().any(|(n, _)| *n == w)
        || word_value(w).is_some()
}

/// Finds the number expression starting at token `i` (qualifiers included), if any.
pub fn number_at(toks: &[Tok], i: usize) -> Option<NumberMatch> {
    // Fast exit: a number expression starts with digits, a number word or a qualifier;
    // most tokens are none of these, and this runs at every token.
    let first = toks.get(i)?;
    if first.kind == TokKind::Punct || (first.kind == TokKind::Word && !could_start(first.norm())) {
        return None;
    }
    let lower = |k: usize| toks.get(k).map(|t| t.norm()).unwrap_or_default();
    // Qualifier phrases, longest first; each gives how many tokens it takes.
    let (qual, qlen): (&str, usize) = match (lower(i), lower(i + 1)) {
        ("at", "least") => ("min", 2),
        // "no fewer than 15", "not less than 15": at least 15.
        ("no" | "not", "fewer" | "less") if lower(i + 2) == "than" => ("min", 3),
        ("more", "than") | ("greater", "than") => ("gt", 2),
        ("fewer", "than") | ("less", "than") => ("lt", 2),
        ("up", "to") | ("as", "many") => ("max", if lower(i) == "as" { 3 } else { 2 }),
        ("at", "most") | ("no", "more") => ("max", if lower(i) == "no" { 3 } else { 2 }),
        ("over", _) | ("above", _) | ("exceeding", _) => ("gt", 1),
        ("nearly", _)
        | ("almost", _)
        | ("about", _)
        | ("around", _)
        | ("roughly", _)
        | ("approximately", _)
        | ("some", _)
        | ("an", "estimated")
        | ("estimated", _) => ("approx", if lower(i) == "an" { 2 } else { 1 }),
        ("between", _) => ("between", 1),
        _ => ("", 0),
    };
    let vs = i + qlen;
    let (v, mut j, vague) = value_at(toks, vs)?;
    let n = v.round().max(0.0) as u64;
    let mut iv = match qual {
        "min" => Interval {
            min: Some(n),
            max: None,
            approx: false,
        },
        "gt" => Interval {
            min: Some(n + 1),
            max: None,
            approx: false,
        },
        "lt" => Interval {
            min: None,
            max: Some(n.saturating_sub(1)),
            approx: false,
        },
        "max" => Interval {
            min: None,
            max: Some(n),
            approx: false,
        },
        "approx" => Interval {
            min: Some(n),
            max: Some(n),
            approx: true,
        },
        _ if vague => Interval {
            min: Some(n),
            max: None,
            approx: true,
        },
        _ => Interval::exact(n),
    };
    // Ranges: "10 to 15", "10-15" (tokenized as one word), "between 10 and 15".
    let joiner = lower(j);
    if (joiner == "to" && qual.is_empty()) || (joiner == "and" && qual == "between") {
        if let Some((hi, k, _)) = value_at(toks, j + 1) {
            if hi >= v {
                iv = Interval {
                    min: Some(n),
                    max: Some(hi.round() as u64),
                    approx: false,
                };
                j = k;
            }
        }
    } else if qual == "between" {
        return None;
    }
    Some(NumberMatch {
        start: i,
        end: j,
        value_start: vs,
        value: v,
        interval: iv,
    })
}

/// All number expressions in a token list, left to right, non-overlapping.
pub fn find_numbers(toks: &[Tok]) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(m) = number_at(toks, i) {
            i = m.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (min, max, approx)
    type Bounds = (Option<u64>, Option<u64>, bool);
    use crate::model::Span;
    use crate::text::tokenize;

    fn iv(s: &str) -> Option<Bounds> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find_numbers(&toks)
            .first()
            .map(|m| (m.interval.min, m.interval.max, m.interval.approx))
    }

    #[test]
    fn interval_table() {
        let cases: &[(&str, Option<Bounds>)] = &[
            ("12 killed", Some((Some(12), Some(12), false))),
            ("at least 12", Some((Some(12), None, false))),
            ("no fewer than 15 persons", Some((Some(15), None, false))),
            ("not less than 40", Some((Some(40), None, false))),
            ("over 60 others", Some((Some(61), None, false))),
            ("more than 60", Some((Some(61), None, false))),
            ("up to 5", Some((None, Some(5), false))),
            ("fewer than ten people", Some((None, Some(9), false))),
            ("about 20", Some((Some(20), Some(20), true))),
            ("nearly 30", Some((Some(30), Some(30), true))),
            ("10 to 15", Some((Some(10), Some(15), false))),
            ("between 10 and 15", Some((Some(10), Some(15), false))),
            ("seven missiles", Some((Some(7), Some(7), false))),
            ("Thirteen people", Some((Some(13), Some(13), false))),
            ("twenty-five", Some((Some(25), Some(25), false))),
            ("2,800 miles", Some((Some(2800), Some(2800), false))),
            (
                "7.7 million people",
                Some((Some(7_700_000), Some(7_700_000), false)),
            ),
            ("dozens", Some((Some(24), None, true))),
            ("several", Some((Some(3), None, true))),
            ("hundreds of", Some((Some(200), None, true))),
            ("a dozen", Some((Some(12), Some(12), false))),
            ("more than a hundred", Some((Some(101), None, false))),
            ("at 12:50", None),
            ("no number here", None),
        ];
        for (input, want) in cases {
            assert_eq!(&iv(input), want, "input {input:?}");
        }
    }
}
