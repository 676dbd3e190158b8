//! Casualty statements: who was killed, injured, missing or captured, how many, as an
//! interval. Also explicit negatives ("no casualties were reported", "posed no threat to
//! civilians"), recorded as zero because "none" and "not reported" mean different things.

use crate::model::{CasualtyKind, Interval};
use crate::numbers::{find_numbers, NumberMatch};
use crate::text::{Tok, TokKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: CasualtyKind,
    pub count: Interval,
    pub who: Option<String>,
    /// The number as written, qualifier included ("at least 12", "over 60", "no").
    pub count_text: String,
    /// Token range of the whole statement.
    pub start: usize,
    pub end: usize,
}

fn kind_of(word: &str) -> Option<CasualtyKind> {
    Some(match word {
        "killed" | "dead" | "died" | "deaths" | "fatalities" | "slain" | "perished" | "death" => {
            CasualtyKind::Killed
        }
        "injured" | "wounded" | "hurt" | "injuries" | "injury" | "wounds" => CasualtyKind::Injured,
        "missing" => CasualtyKind::Missing,
        "captured" | "detained" | "abducted" | "kidnapped" | "taken" => CasualtyKind::Captured,
        _ => return None,
    })
}

fn verb_kind(word: &str) -> Option<CasualtyKind> {
    Some(match word {
        "killing" | "killed" | "kill" | "kills" => CasualtyKind::Killed,
        "injuring" | "wounding" | "injured" | "wounded" | "injure" => CasualtyKind::Injured,
        _ => return None,
    })
}

/// Words that may stand between a number and its casualty word ("12 Ukrainian service
/// members were killed"): people nouns, demonyms, auxiliaries.
const AUX: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "are",
    "is",
    "reportedly",
    "also",
    "being",
    "later",
    "confirmed",
];
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "service",
    "members",
    "member",
    "others",
    "other",
    "more",
    "children",
    "child",
    "women",
    "men",
    "fighters",
    "militants",
    "officers",
    "police",
    "policemen",
    "personnel",
    "residents",
    "workers",
    "staff",
    "crew",
    "sailors",
    "seafarers",
    "journalists",
    "medics",
    "patients",
    "students",
    "of",
    "them",
    "those",
    "us",
    "u.s.",
    "and",
    "coalition",
    "presumed",
    "confirmed",
    "serious",
    "minor",
    "critical",
    "seriously",
    "critically",
    "lightly",
    "slightly",
    "palestinians",
    "israelis",
    "ukrainians",
    "russians",
    "americans",
    "passengers",
    "pilgrims",
    "displaced",
    "refugees",
    "hostages",
    "aid",
    "employees",
];

fn is_who_word(t: &Tok) -> bool {
    let n = t.norm();
    PEOPLE.contains(&n)
        || (t.is_capitalized() && t.kind == TokKind::Word && n.ends_with("an")
            || n.ends_with("ian")
            || n.ends_with("ese")
            || n.ends_with("i") && t.is_capitalized())
}

fn who_text(toks: &[Tok], from: usize, to: usize) -> Option<String> {
    let words: Vec<&str> = toks[from..to]
        .iter()
        .filter(|t| {
            !AUX.contains(&t.norm())
                && !t.is_any(&["others", "other", "more", "of", "them", "presumed"])
        })
        .map(|t| t.text)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn number_text(toks: &[Tok], n: &NumberMatch) -> String {
    let words: Vec<&str> = toks[n.start..n.end].iter().map(|t| t.text).collect();
    let s = words.join(" ");
    // "Thirteen people died" → "thirteen killed": sentence-initial capitals are not names.
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Tokens between index `a` and `b` all allowed as filler.
fn filler(toks: &[Tok], a: usize, b: usize, allow: impl Fn(&Tok) -> bool) -> bool {
    a <= b && toks[a..b].iter().all(allow)
}

pub fn find(toks: &[Tok]) -> Vec<Hit> {
    let nums = find_numbers(toks);
    let mut out: Vec<Hit> = Vec::new();
    for n in &nums {
        // "No one was hurt" is a negative, handled below, not a count of one.
        if n.start > 0 && toks[n.start - 1].is_any(&["no", "not"]) {
            continue;
        }
        if let Some(h) = after_number(toks, n).or_else(|| before_number(toks, n)) {
            if !out.iter().any(|o| o.start == h.start && o.kind == h.kind) {
                out.push(h);
            }
        }
    }
    out.extend(negatives(toks));
    out
}

/// "12 soldiers were killed", "760 injured", "two presumed deaths", "13 people died".
fn after_number(toks: &[Tok], n: &NumberMatch) -> Option<Hit> {
    // Numbers that are ages, years or units are not counts of people.
    let next = toks.get(n.end)?;
    if next.is_any(&[
        "years",
        "year",
        "km",
        "kilometers",
        "kilometres",
        "miles",
        "percent",
        "%",
        "hectare",
        "hectares",
        "minutes",
        "hours",
        "days",
        "times",
        "occasions",
        "attacks",
    ]) {
        return None;
    }
    if toks.get(n.value_start).is_some_and(|t| {
        t.text.len() == 4 && t.kind == TokKind::Number && t.text.starts_with(['1', '2'])
    }) && n.interval.min.is_some_and(|v| (1900..2100).contains(&v))
    {
        return None;
    }
    let limit = (n.end + 7).min(toks.len());
    for j in n.end..limit {
        let w = toks[j].norm();
        if let Some(kind) = kind_of(w) {
            // "taken" counts only as "taken captive/prisoner/hostage".
            if w == "taken"
                && !toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_any(&["captive", "prisoner", "hostage"]))
            {
                return None;
            }
            let ok = filler(toks, n.end, j, |t| {
                is_who_word(t) || AUX.contains(&t.norm())
            });
            if !ok {
                return None;
            }
            let who = who_text(toks, n.end, j);
            return Some(Hit {
                kind,
                count: n.interval.clone(),
                who,
                count_text: number_text(toks, n),
                start: n.start,
                end: j + 1,
            });
        }
    }
    None
}

/// "killing 12 people", "the deaths of 12 Ukrainian soldiers", "death toll reached 61,000".
fn before_number(toks: &[Tok], n: &NumberMatch) -> Option<Hit> {
    let prev = n.start.checked_sub(1).map(|i| &toks[i])?;
    let (kind, start) = if let Some(k) = verb_kind(prev.norm()) {
        (k, n.start - 1)
    } else if prev.is("of")
        && n.start >= 2
        && toks[n.start - 2].is_any(&["deaths", "death", "lives", "killing"])
    {
        (CasualtyKind::Killed, n.start - 2)
    } else if prev.is_any(&["reached", "rose", "climbed", "stood", "to", "at"])
        && toks[..n.start].iter().rev().take(8).any(|t| t.is("toll"))
    {
        (CasualtyKind::Killed, n.start - 1)
    } else {
        return None;
    };
    // The people the number counts follow it ("12 Ukrainian soldiers").
    let mut e = n.end;
    while e < toks.len() && e < n.end + 4 && is_who_word(&toks[e]) && !toks[e].is("and") {
        e += 1;
    }
    let who = who_text(toks, n.end, e);
    Some(Hit {
        kind,
        count: n.interval.clone(),
        who,
        count_text: number_text(toks, n),
        start,
        end: e,
    })
}

/// Explicit statements that nobody was hurt.
fn negatives(toks: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let n1 = toks.get(i + 1).map(|x| x.norm()).unwrap_or_default();
        let n2 = toks.get(i + 2).map(|x| x.norm()).unwrap_or_default();
        let n3 = toks.get(i + 3).map(|x| x.norm()).unwrap_or_default();
        let mk = |kind, end| Hit {
            kind,
            count: Interval::zero(),
            who: None,
            count_text: "no".into(),
            start: i,
            end,
        };
        if t.is("no") || t.is("without") {
            match n1 {
                "casualties" | "victims" => {
                    out.push(mk(CasualtyKind::Killed, i + 2));
                    out.push(mk(CasualtyKind::Injured, i + 2));
                }
                "injuries" | "injured" => out.push(mk(CasualtyKind::Injured, i + 2)),
                "deaths" | "fatalities" | "dead" => out.push(mk(CasualtyKind::Killed, i + 2)),
                "one" if matches!(n2, "was" | "had" | "has") => {
                    let n4 = toks.get(i + 4).map(|x| x.norm()).unwrap_or_default();
                    let k = [n3, n4].iter().find_map(|w| kind_of(w));
                    match k {
                        Some(k) => out.push(mk(k, i + 4)),
                        None if n3 == "hurt" => out.push(mk(CasualtyKind::Injured, i + 4)),
                        None => {}
                    }
                }
                // "posed no threat to civilians": nobody was harmed.
                "threat" | "danger" if n2 == "to" => {
                    out.push(mk(CasualtyKind::Killed, i + 4));
                    out.push(mk(CasualtyKind::Injured, i + 4));
                }
                _ => {}
            }
        }
        if t.is("nobody") && matches!(n1, "was" | "had") {
            if let Some(k) = kind_of(n2).or_else(|| kind_of(n3)) {
                out.push(mk(k, i + 3));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    type Row = (CasualtyKind, Option<u64>, Option<u64>);

    fn hits(s: &str) -> Vec<Row> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find(&toks)
            .into_iter()
            .map(|h| (h.kind, h.count.min, h.count.max))
            .collect()
    }

    #[test]
    fn casualty_table() {
        use CasualtyKind::*;
        let cases: &[(&str, &[Row])] = &[
            (
                "at least 12 service members were killed and over 60 others injured",
                &[(Killed, Some(12), None), (Injured, Some(61), None)],
            ),
            (
                "resulted in the deaths of 12 Ukrainian soldiers",
                &[(Killed, Some(12), Some(12))],
            ),
            (
                "Thirteen people died and 61 were injured;",
                &[(Killed, Some(13), Some(13)), (Injured, Some(61), Some(61))],
            ),
            (
                "leaving at least 118 Palestinians dead and 760 injured",
                &[(Killed, Some(118), None), (Injured, Some(760), Some(760))],
            ),
            (
                "reported two presumed deaths, six injuries and damage",
                &[(Killed, Some(2), Some(2)), (Injured, Some(6), Some(6))],
            ),
            ("killing fewer than ten people", &[(Killed, None, Some(9))]),
            (
                "no casualties were reported",
                &[(Killed, Some(0), Some(0)), (Injured, Some(0), Some(0))],
            ),
            (
                "the incident posed no threat to civilians",
                &[(Killed, Some(0), Some(0)), (Injured, Some(0), Some(0))],
            ),
            ("No one was hurt.", &[(Injured, Some(0), Some(0))]),
            (
                "five more people were injured there",
                &[(Injured, Some(5), Some(5))],
            ),
            ("a 17-year-old girl and twin sisters aged 14", &[]),
            ("a population of about 217,000", &[]),
            ("472 drones were launched", &[]),
            ("24 kilometers from the front line", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(&hits(s), want, "{s:?}");
        }
    }
}
