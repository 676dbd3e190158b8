//! Discourse cues around a casualty figure: the words that tell a reader whether a
//! number is a share of another ("including five children"), an earlier toll ("had
//! earlier put the toll at"), an update ("rose to"), a running tally ("since the war
//! began"), one side's claim, or a further incident ("elsewhere"). General English only:
//! no rule here names a place, a person or an outlet.

use crate::casualties::Hit;
use crate::lexicon::Class;
use crate::text::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cue {
    #[default]
    None,
    /// A share of another figure: "including", "among them", "five of them children".
    Subset,
    /// A figure that a later one replaced: "earlier", "initially", "had given".
    Earlier,
    /// A toll that moved: "rose to", "climbed to", "raised the toll to".
    Update,
    /// A running or war-wide tally: "since", "so far", "this year".
    Aggregate,
    /// A figure one side claims: "claimed", "said it had killed".
    Claim,
    /// Further victims: "11 others", "another civilian", "two more". Inside a summary
    /// these may be one of its parts, unless `beyond`: "three more", "11 others" say
    /// outright that they come on top of the figure before.
    Additional { beyond: bool },
    /// A further incident, said outright: "elsewhere", "separately", "in another attack".
    Separate,
    /// Further victims in a headline ("…; three more die in second attack"): the body
    /// tells them in full, so the headline's word is a summary, not an addition.
    HeadlineMore,
    /// The dead counted after the fact, with no act of violence in the clause: "graves
    /// for about 110 bodies", "25 bodies had been buried". Inside a told toll, a share of
    /// it; alone, the only figure there is.
    Aftermath,
}

fn clause_break(t: &Tok) -> bool {
    matches!(t.text, "," | ";" | ":" | "(" | ")" | "—" | "–") || t.is_any(&["but", "while"])
}

/// Tokens of the clause around `a..b`: back to the previous break, forward to the next.
fn clause(toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let start = (0..a)
        .rev()
        .find(|&i| clause_break(&toks[i]))
        .map_or(0, |i| i + 1);
    let end = (b..toks.len())
        .find(|&i| clause_break(&toks[i]))
        .unwrap_or(toks.len());
    (start, end)
}

fn is_subset(toks: &[Tok], h: &Hit) -> bool {
    let (a, b) = h.num;
    let before = |k: usize| a.checked_sub(k).map(|i| &toks[i]);
    // "including five children", "including at least two".
    if (1..=2).any(|k| before(k).is_some_and(|t| t.is_any(&["including", "includes", "incl"]))) {
        return true;
    }
    // "among them two children", "of whom three were", "of which".
    if before(2).is_some_and(|t| t.is_any(&["among", "of"]))
        && before(1).is_some_and(|t| t.is_any(&["them", "whom", "which", "those"]))
    {
        return true;
    }
    // "five of them children", "two of whom"; not "killed at least ten of them", where
    // the verb makes it the whole figure.
    let after = |k: usize| toks.get(b + k);
    let governed = before(1).is_some_and(|t| t.has(Class::VIOLENCE_VERB));
    if !governed
        && after(0).is_some_and(|t| t.is("of"))
        && after(1).is_some_and(|t| t.is_any(&["them", "whom"]))
    {
        return true;
    }
    // "Fifteen children were among the wounded", "among the dead were four soldiers".
    if toks[b..h.end.max(b)].iter().any(|t| t.is("among")) {
        return true;
    }
    // "ambulances carried 102 injured to hospitals": one service's share of the toll.
    // Not "one person was taken to hospital": there the count is the one hurt.
    // The verb comes before the count: "three soldiers were wounded and taken to
    // hospital" are all the wounded, not a share.
    let (cs, ce) = clause(toks, a, b);
    let moved = (cs..a).any(|i| {
        toks[i].is_any(&[
            "carried",
            "brought",
            "taken",
            "received",
            "admitted",
            "treated",
            "transported",
        ]) && !(i > 0 && toks[i - 1].is_any(&["was", "were", "been", "is", "are"]))
    });
    if moved && (cs..ce).any(|i| toks[i].is_any(&["hospital", "hospitals", "morgue", "morgues"])) {
        return true;
    }
    (a.saturating_sub(6)..a).any(|i| {
        toks[i].is("among")
            && toks
                .get(i + 2)
                .is_some_and(|t| t.has(Class::DEATH) || t.has(Class::INJURY) || t.is("victims"))
    })
}

fn is_earlier(toks: &[Tok], h: &Hit) -> bool {
    const EARLIER: &[&str] = &[
        "earlier",
        "initially",
        "previously",
        "first",
        "preliminary",
        "provisional",
        "tentative",
        "initial",
        "originally",
        "early",
    ];
    let (a, b) = h.num;
    // "rose to 44 from 40", "up from 31": the figure after "from" is the old one.
    if a >= 1 && toks[a - 1].is("from") && (a.saturating_sub(6)..a).any(|i| toks[i].is("to")) {
        return true;
    }
    let (cs, ce) = clause(toks, h.start.min(a), b);
    let near = |i: usize| toks[i].is_any(EARLIER) && !toks.get(i + 1).is_some_and(|n| n.is("on"));
    if (cs..ce.min(b + 6)).any(near) {
        // "the first strike killed five" is an ordinal, not an earlier toll.
        let ordinal = (cs..ce).any(|i| {
            toks[i].is("first")
                && toks
                    .get(i + 1)
                    .is_some_and(|n| !n.has(Class::SAY) && !n.is_any(&["put", "gave"]))
        });
        if !ordinal {
            return true;
        }
    }
    // "had given a figure of 40", "had put the toll at 30": a report overtaken since.
    (cs..a).any(|i| {
        toks[i].is("had")
            && toks[i + 1..(i + 3).min(toks.len())]
                .iter()
                .any(|t| t.is_any(&["given", "put", "reported", "said", "announced", "cited"]))
    })
}

fn is_update(toks: &[Tok], h: &Hit) -> bool {
    let a = h.num.0;
    (a.saturating_sub(8)..a).any(|i| toks[i].has(Class::UPDATE_VERB))
        && a >= 1
        && toks[a - 1].is_any(&["to", "at"])
}

fn is_aggregate(toks: &[Tok], h: &Hit) -> bool {
    let lo = h.start.saturating_sub(15);
    let hi = (h.end + 15).min(toks.len());
    let win = &toks[lo..hi];
    let comparative = |i: usize| {
        (i.saturating_sub(4)..i).any(|j| {
            toks[j].is_any(&[
                "deadliest",
                "worst",
                "largest",
                "biggest",
                "first",
                "highest",
                "heaviest",
                "bloodiest",
            ])
        })
    };
    // "since the war began", "since January"; not the adverb in "have since died".
    let adverb = |i: usize| {
        toks.get(i + 1).is_some_and(|n| {
            n.has(Class::DEATH) || n.has(Class::INJURY) || n.has(Class::AUX) || n.text == ","
        })
    };
    let since = (lo..hi).any(|i| toks[i].is("since") && !comparative(i) && !adverb(i));
    // "from November 2023 to December 2024", "between March and June": a period, so a
    // sum over what happened in it.
    let period = (lo..hi).any(|i| {
        toks[i].is_any(&["from", "between"])
            && toks.get(i + 1).is_some_and(is_calendar)
            && (i + 2..(i + 5).min(toks.len())).any(|j| {
                toks[j].is_any(&["to", "until", "through", "and"])
                    && toks.get(j + 1).is_some_and(is_calendar)
            })
    });
    let pairs = win.windows(2).any(|w| {
        (w[0].is("so") && w[1].is("far"))
            || (w[0].is("to") && w[1].is("date"))
            || (w[0].is_any(&["this", "last"]) && w[1].is_any(&["year", "month"]))
            || (w[0].is("in") && w[1].is_any(&["total", "recent"]))
            || (w[0].is_any(&["past", "recent"]) && w[1].is_any(&["months", "years", "weeks"]))
            || (w[0].is_any(&["war", "conflict", "insurgency", "violence"])
                && w[1].is_any(&["has", "have", "had"]))
    });
    let words = win
        .iter()
        .any(|t| t.is_any(&["cumulative", "overall", "tally", "throughout", "altogether"]));
    // "in the past three months", "in the 24 hours to Sunday" (a ministry's daily
    // count): a sum over many incidents. Not "over the past two days": a spate of
    // attacks that close together is the story's own. Place alone ("across the
    // country") is not either: one barrage or one night's raids can span a country.
    let spread = win.windows(3).any(|w| {
        (w[0].is_any(&["past", "last"]) && w[2].is_any(&["months", "years", "weeks", "hours"]))
            || (w[0].is("the") && w[1].kind == crate::text::TokKind::Number && w[2].is("hours"))
    });
    // "the offensive has killed", "the violence … has left 40,000 dead". Not
    // "fighting": "fighting between clans has killed 55" is as often one outbreak.
    const WAR: &[&str] = &[
        "war",
        "conflict",
        "violence",
        "insurgency",
        "offensive",
        "campaign",
        "uprising",
        "crackdown",
    ];
    let perfect = toks.windows(2).any(|w| {
        w[0].is_any(&["has", "have"])
            && (w[1].has(Class::KILL_VERB) || w[1].is_any(&["left", "claimed", "cost"]))
    }) && toks[..h.num.0].iter().any(|t| t.is_any(WAR));
    since || period || pairs || words || spread || perfect
}

/// A month name or a year.
fn is_calendar(t: &Tok) -> bool {
    crate::dates::month_of(t.text).is_some()
        || (t.kind == crate::text::TokKind::Number
            && t.text.len() == 4
            && t.text
                .parse::<u32>()
                .is_ok_and(|y| (1900..2100).contains(&y)))
}

/// Verbs that state a figure ("put the toll at 17"), shared by the toll rule and the
/// estimate cue.
pub(crate) const STATING: &[&str] = &["put", "puts", "putting", "placed", "places"];

/// "A leaked report put the number of dead at around 100": one source's estimate, told
/// beside the reported toll rather than as an update of it. A figure named earlier,
/// official or updated is left to those cues.
fn is_stated_estimate(toks: &[Tok], h: &Hit) -> bool {
    let a = h.num.0;
    if a == 0 || !toks[a - 1].is("at") {
        return false;
    }
    let win = &toks[a.saturating_sub(12)..a];
    win.iter().any(|t| t.is_any(STATING))
        && !win.iter().any(|t| {
            (t.has(Class::UPDATE_VERB) && !t.is_any(STATING))
                || t.is_any(&[
                    "earlier",
                    "initially",
                    "official",
                    "officials",
                    "updated",
                    "latest",
                    "final",
                    "new",
                    "revised",
                ])
        })
}

fn is_claim(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| t.is_any(&["claimed", "claims", "alleged", "insisted", "boasted"]))
        || toks.iter().enumerate().any(|(i, t)| {
            // "said it had killed", "said its men had killed": a side reporting what
            // it did itself.
            // "said on its website that it had killed": the pronoun may come a few
            // words after the verb of saying.
            let clause: Vec<&Tok> = toks[i + 1..(i + 14).min(toks.len())]
                .iter()
                .take_while(|w| !matches!(w.text, "." | ";") && !w.is("but"))
                .collect();
            let own = clause
                .iter()
                .take(6)
                .position(|w| w.is_any(&["it", "its", "they", "their", "we", "our"]));
            // Active: "it had killed", not "its workers were killed".
            let did_kill = |p: usize| {
                (p + 1..clause.len()).any(|k| {
                    clause[k].has(Class::KILL_VERB)
                        && !clause[k - 1].is_any(&["was", "were", "been", "be", "is", "are"])
                })
            };
            t.is_any(&["said", "says"]) && own.is_some_and(did_kill)
        })
}

/// A time shift set off at the start of a sentence ("Earlier, gunmen killed…", "Two
/// days later, a drone…"): the sentence moves to another incident. Not "Earlier, the
/// ministry said…", which reports a toll.
pub fn opens_with_time_shift(toks: &[Tok]) -> bool {
    let Some(comma) = toks.iter().take(5).position(|t| t.text == ",") else {
        return false;
    };
    comma > 0
        && toks[comma - 1].is_any(&["earlier", "later", "previously", "before"])
        && !toks[comma..(comma + 6).min(toks.len())]
            .iter()
            .any(|t| t.has(Class::SAY) || t.has(Class::UPDATE_VERB))
}

fn is_separate(toks: &[Tok], h: &Hit) -> bool {
    let before = &toks[..h.num.0];
    opens_with_time_shift(toks)
        || before
            .iter()
            .any(|t| t.is_any(&["elsewhere", "separately", "separate"]))
        || before.windows(2).any(|w| {
            (w[0].is("a") && w[1].is_any(&["second", "third"]))
                || (w[0].is("in") && w[1].is_any(&["another", "separate"]))
        })
}

/// Bodies recovered, buried or mourned, with no verb of violence in the sentence: a
/// count made after the incident, not a telling of it. "More" bodies are further dead.
fn is_aftermath(toks: &[Tok], h: &Hit) -> bool {
    let violent = Class::VIOLENCE_VERB.union(Class::UPDATE_VERB);
    let bodies = toks[h.num.1..h.end.max(h.num.1)]
        .iter()
        .any(|t| t.is_any(&["bodies", "corpses", "remains"]));
    let more = toks
        .get(h.num.1)
        .is_some_and(|t| t.is_any(&["more", "others", "other"]));
    bodies && !more && !toks.iter().any(|t| t.has(violent))
}

fn is_additional(toks: &[Tok], h: &Hit) -> bool {
    let before = &toks[..h.num.0];
    let next = toks.get(h.num.1);
    next.is_some_and(|t| t.is_any(&["more", "others"]))
        || toks.get(h.num.0).is_some_and(|t| t.is("another"))
        || before
            .last()
            .is_some_and(|t| t.is_any(&["another", "further"]))
        || before.windows(2).any(|w| {
            (w[0].is("a") && w[1].is("further"))
                || (w[0].is("another") && !w[1].is_any(&["one", "two"]))
        })
}

/// The strongest cue around one casualty statement. Order matters: a subset inside an
/// update ("rose to 44, including five children") is still a subset.
pub fn of(toks: &[Tok], h: &Hit) -> Cue {
    if is_subset(toks, h) {
        Cue::Subset
    } else if is_earlier(toks, h) {
        Cue::Earlier
    } else if is_aggregate(toks, h) {
        Cue::Aggregate
    } else if is_stated_estimate(toks, h) {
        Cue::Claim
    } else if is_update(toks, h) {
        Cue::Update
    } else if is_claim(toks) {
        Cue::Claim
    } else if is_separate(toks, h) {
        Cue::Separate
    } else if is_aftermath(toks, h) {
        Cue::Aftermath
    } else if is_additional(toks, h) {
        Cue::Additional {
            beyond: toks
                .get(h.num.1)
                .is_some_and(|t| t.is_any(&["more", "others"])),
        }
    } else {
        Cue::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casualties::find;
    use crate::model::Span;
    use crate::text::tokenize;

    fn cues(s: &str) -> Vec<(Option<u64>, Cue)> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find(&toks).iter().map(|h| (h.count.min, h.cue)).collect()
    }

    #[test]
    fn cue_table() {
        type Case<'a> = (&'a str, &'a [(Option<u64>, Cue)]);
        let cases: &[Case] = &[
            (
                "The blast killed 30 people, including six children.",
                &[(Some(30), Cue::None), (Some(6), Cue::Subset)],
            ),
            (
                "Nine children were among the wounded.",
                &[(Some(9), Cue::Subset)],
            ),
            (
                "It killed 14 people, four of them children.",
                &[(Some(14), Cue::None), (Some(4), Cue::Subset)],
            ),
            (
                "Officials had earlier put the death toll at 20.",
                &[(Some(20), Cue::Earlier)],
            ),
            (
                "The toll rose to 25 from 19 killed.",
                &[(Some(25), Cue::Update), (Some(19), Cue::Earlier)],
            ),
            (
                "The governor had given a figure of 12 dead on Monday.",
                &[(Some(12), Cue::Earlier)],
            ),
            (
                "A rights group put the provisional toll at 17.",
                &[(Some(17), Cue::Earlier)],
            ),
            (
                "It brought to 15 the number of people killed in such attacks this month.",
                &[(Some(15), Cue::Aggregate)],
            ),
            (
                "The army said it had struck a command post and killed 20 fighters.",
                &[(Some(20), Cue::Claim)],
            ),
            (
                "The group said on its website that it had killed 35 soldiers.",
                &[(Some(35), Cue::Claim)],
            ),
            (
                "The railway said two of its workers were killed.",
                &[(Some(2), Cue::None)],
            ),
            (
                "Women dug graves for about 110 bodies taken from a single pit.",
                &[(Some(110), Cue::Aftermath)],
            ),
            (
                "A leaked memo put the number of dead at about 90.",
                &[(Some(90), Cue::Claim)],
            ),
            (
                "The ministry's latest count put the number of dead at 90.",
                &[(Some(90), Cue::Update)],
            ),
            (
                "Rescuers pulled eight more bodies from the rubble.",
                &[(Some(8), Cue::Additional { beyond: true })],
            ),
            (
                "Three soldiers were wounded and taken to a military hospital.",
                &[(Some(3), Cue::None)],
            ),
            (
                "Earlier, gunmen killed four farmers in a nearby hamlet.",
                &[(Some(4), Cue::Separate)],
            ),
            (
                "Earlier, the ministry said 11 people had died.",
                &[(Some(11), Cue::None)],
            ),
            (
                "The war has killed more than 9,000 people since it began.",
                &[(Some(9001), Cue::Aggregate)],
            ),
            (
                "So far this year 300 civilians have been killed in the province.",
                &[(Some(300), Cue::Aggregate)],
            ),
            (
                "It was the deadliest attack since 2019, killing 40 people.",
                &[(Some(40), Cue::None)],
            ),
            (
                "Raiders hit 40 villages from March 2023 to June 2024, killing 300 people.",
                &[(Some(300), Cue::Aggregate)],
            ),
            (
                "At least five people have been killed over the past two days in the villages.",
                &[(Some(5), Cue::None)],
            ),
            (
                "The ministry counted 141 people killed in the 24 hours to Sunday.",
                &[(Some(141), Cue::Aggregate)],
            ),
            (
                "Five people have since died in hospital.",
                &[(Some(5), Cue::None)],
            ),
            (
                "Raiders opened fire on farmers and killed at least 10 of them.",
                &[(Some(10), Cue::None)],
            ),
            (
                "Fighting between two clans has killed at least 55 people.",
                &[(Some(55), Cue::None)],
            ),
            (
                "The group later said its men had killed about 300 militiamen.",
                &[(Some(300), Cue::Claim)],
            ),
            (
                "The army claimed it had killed 50 fighters.",
                &[(Some(50), Cue::Claim)],
            ),
            (
                "A guided bomb killed three more people at a bus stop.",
                &[(Some(3), Cue::Additional { beyond: true })],
            ),
            (
                "Elsewhere, shelling killed two people in a village.",
                &[(Some(2), Cue::Separate)],
            ),
            (
                "Another three civilians died in the shelling.",
                &[(Some(3), Cue::Additional { beyond: false })],
            ),
            (
                "The first strike killed five soldiers.",
                &[(Some(5), Cue::None)],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(&cues(s), want, "{s:?}");
        }
    }
}
