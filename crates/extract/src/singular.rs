//! One victim without a numeral. Most reports of a single killing never write "one":
//! "gunmen killed the head of a water board", "a judge was gunned down", "the killing of
//! a radio presenter", "the village chief killed at a market". These rules read such
//! clauses as a count of one, from the shape of the noun phrase (a determiner or a name,
//! and a head noun that is not plural) and the verb or noun that says what happened.
//!
//! They only add statements where [`crate::casualties`] found none on the same words, so
//! a number always wins over a reading of "one".

use crate::casualties::{kind_of_predicate, kind_of_verb, Count, Hit};
use crate::cues::Cue;
use crate::lexicon::Class;
use crate::model::{CasualtyKind, Interval};
use crate::text::{Tok, TokKind};

/// Plural forms that do not end in "s", and collectives that never mean one person.
const PLURAL_FORMS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "crew",
    "family",
    "personnel",
    "gunmen",
    "militiamen",
    "policemen",
    "servicemen",
    "herdsmen",
    "fishermen",
    "tribesmen",
    "clansmen",
    "crewmen",
    "youth",
    "elderly",
    "militia",
    "army",
    "military",
    "government",
    "group",
];

/// Words that end a person's noun phrase although they are plain words: pronouns,
/// relatives and adverbs of time or manner ("killed him", "killed overnight").
const NOT_IN_PHRASE: &[&str] = &[
    "who",
    "whom",
    "whose",
    "it",
    "this",
    "these",
    "those",
    "there",
    "here",
    "himself",
    "herself",
    "themselves",
    "them",
    "us",
    "one",
    "outside",
    "inside",
    "near",
    "last",
    "early",
    "late",
    "earlier",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "instantly",
    "of",
    "off",
    "up",
    "what",
    "everyone",
    "anyone",
    "someone",
    "nobody",
    "none",
    "no",
    "not",
    "several",
    "many",
    "some",
    "dozens",
    "hundreds",
    "scores",
    "more",
    "most",
    "other",
    "others",
    "another",
    "against",
    "about",
    "between",
    "among",
    "under",
    "through",
    "across",
    "along",
    "behind",
    "beyond",
    "toward",
    "towards",
    "within",
    "upon",
    "via",
    "whose",
    "where",
];

/// Titles written with a full stop, which does not end the name after them.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "rev",
];

/// Whether a noun is plural: an irregular plural or collective, or a lower-case noun in
/// "-s" ("civilians", not "boss" or "bus"). Capitalised words ending in "s" are names
/// ("Santos") unless the lexicon knows them as people ("Kurds" is not known, and rare).
pub(crate) fn is_plural(t: &Tok) -> bool {
    let n = t.norm();
    if PLURAL_FORMS.contains(&n) {
        return true;
    }
    let s_plural = n.len() > 3
        && n.ends_with('s')
        && !n.ends_with("ss")
        && !n.ends_with("us")
        && !n.ends_with("is");
    s_plural && (!t.is_capitalized() || t.has(Class::PERSON))
}

fn one(start: usize, end: usize) -> Count {
    Count {
        start,
        end,
        value_start: start,
        interval: Interval::exact(1),
    }
}

/// "a 50-year-old man", "an unarmed village sheikh", "another civilian": one person,
/// at tokens `i..end`.
pub(crate) fn singular_person(toks: &[Tok], i: usize) -> Option<Count> {
    let t = toks.get(i)?;
    // "another civilian" is one more person (the cue step marks it as further victims).
    if !t.is_any(&["a", "an", "another"]) {
        return None;
    }
    // "… and another was treated at the scene": "another" alone stands for one person.
    if t.is("another")
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_any(&["was", "died", "is"]))
    {
        return Some(one(i, i + 1));
    }
    let mut j = i + 1;
    while j < toks.len() && j <= i + 4 {
        let w = &toks[j];
        if w.has(Class::PERSON) {
            // Singular only: "a family" is one family, "a few people" is not one.
            return (!is_plural(w)).then(|| one(i, i + 1));
        }
        let modifier = w.kind == TokKind::Word
            && !w.has(Class::BREAK)
            && !w.has(Class::AUX)
            && !w.has(Class::THING)
            && kind_of_predicate(w).is_none()
            && kind_of_verb(w).is_none()
            && !w.is_any(&["few", "number", "total", "lot", "dozen", "couple"]);
        if !modifier {
            return None;
        }
        j += 1;
    }
    None
}

/// The object of a casualty verb when it is one definite person: "killed the village
/// chief", "shot dead the mayor", "executed him".
pub(crate) fn singular_object(toks: &[Tok], i: usize) -> Option<Count> {
    let verb = (i.saturating_sub(3)..i).any(|v| kill_phrase(toks, v).is_some_and(|(_, e)| e == i));
    if !verb {
        return None;
    }
    let t = &toks[i];
    if t.is_any(&["him", "her"]) {
        return Some(one(i, i + 1));
    }
    if !t.is_any(&["the", "his", "her", "their", "its"]) {
        return None;
    }
    let head = (i + 1..(i + 5).min(toks.len())).find(|&j| toks[j].has(Class::PERSON))?;
    let clean = toks[i + 1..head].iter().all(|x| {
        x.kind == TokKind::Word
            && !x.has(Class::BREAK)
            && crate::numbers::word_value(x.norm()).is_none()
    });
    (!is_plural(&toks[head]) && clean).then(|| one(i, i + 1))
}

/// A word that can sit inside a person's noun phrase (modifier, title, name or head).
fn phrase_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && !t.has(Class::BREAK)
        && !t.has(Class::AUX)
        && !t.has(Class::UNIT)
        && kind_of_predicate(t).is_none()
        && kind_of_verb(t).is_none()
        && !NOT_IN_PHRASE.contains(&t.norm())
        && !crate::dates::is_full_calendar_name(t.norm())
        && crate::numbers::word_value(t.norm()).is_none()
        && (!t.norm().ends_with("ly") || t.is_capitalized())
        // "campaigning against", "working for": a participle starts a clause of its own.
        && !(t.norm().ends_with("ing") && t.norm().len() > 5 && !t.is_capitalized())
}

/// The subject of the clause that ends at `chain` (an auxiliary), when it names one
/// person. Subjects in news run long ("A federal judge whose court handled cartel
/// cases was killed", "Edwin Doe, 28, a farm leader, was shot dead"), so this looks at
/// each clause start before the verb, nearest first, and takes the first phrase there
/// that names one person.
fn clause_subject(toks: &[Tok], chain: usize) -> Option<usize> {
    let starts = |k: usize| {
        k == 0
            || matches!(toks[k - 1].text, "," | ";" | ":" | "(")
            || toks[k - 1].is_any(&["that", "said", "says", "when", "after", "while", "but"])
    };
    for k in (chain.saturating_sub(30)..chain).rev() {
        let title = toks[k].text == "." && k > 0 && TITLES.contains(&toks[k - 1].norm());
        if matches!(toks[k].text, "." | ";") && !title {
            return None;
        }
        if !starts(k) {
            continue;
        }
        let Some((end, _)) = one_person(toks, k, false) else {
            continue;
        };
        let plural_verb = toks[end..chain]
            .iter()
            .any(|t| t.is_any(&["were", "are", "have"]) || t.text == ".");
        if end <= chain && !plural_verb {
            return Some(k);
        }
    }
    None
}

/// The noun phrase at `from` when it names one person, as `(end, head)`: "the head of a
/// water board" (head "head"), "prominent poet Jon Marek", "a surgeon", "Mexico's top
/// prosecutor". Without a determiner it must be a name of two words or more, or a
/// person noun: a lone capitalised word after a verb is as often a group as a person.
/// `any_head` accepts any singular head noun (the object of "killed" is a living being);
/// elsewhere the head must be a person noun or a name.
fn one_person(toks: &[Tok], from: usize, any_head: bool) -> Option<(usize, usize)> {
    let first = toks.get(from)?;
    let det = first.is_any(&["the", "a", "an", "his", "her", "their", "its"])
        || (first.is_possessive() && first.is_capitalized());
    let body = from + usize::from(det);
    let mut j = body;
    while j < toks.len() && j < body + 7 {
        let t = &toks[j];
        let title_stop = t.text == "." && j > body && TITLES.contains(&toks[j - 1].norm());
        if !(phrase_word(t) || title_stop) {
            break;
        }
        j += 1;
    }
    let head = j.checked_sub(1).filter(|&h| h >= body)?;
    let h = &toks[head];
    if h.kind != TokKind::Word || is_plural(h) || h.has(Class::THING) {
        return None;
    }
    let named = toks[body..j]
        .iter()
        .filter(|t| t.is_capitalized() && t.kind == TokKind::Word)
        .count();
    // Headline style drops the article: "kills militia commander X", "says senior
    // official was killed"; where one person is expected, a person noun will do.
    let ok = if det {
        any_head || h.has(Class::PERSON) || h.is_capitalized()
    } else {
        named >= 2
            || (h.has(Class::PERSON)
                && (any_head || (body..head).any(|k| toks[k].is_capitalized())))
    };
    ok.then_some((j, head))
}

/// A verb phrase that kills or wounds its object, as `(kind, end)`: "killed", "shot
/// dead", "gunning down", "stabbing to death". Not the bare infinitive ("vowed to kill
/// the mayor" reports no death) and not a noun ("the killing of").
fn kill_phrase(toks: &[Tok], i: usize) -> Option<(CasualtyKind, usize)> {
    let t = &toks[i];
    // One bit test first: this runs at every token.
    if !t.has(Class::VIOLENCE_VERB) {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    if prev.is_some_and(|p| p.is_any(&["to", "the", "his", "her", "their", "a", "not", "never"])) {
        return None;
    }
    let next = |k: usize| toks.get(i + k);
    if next(1).is_some_and(|n| n.is_any(&["dead", "down"]))
        && t.is_any(&["shot", "shooting", "gunned", "gunning", "cut", "hacked"])
    {
        return Some((CasualtyKind::Killed, i + 2));
    }
    // "stabbed to death", "beaten to death": the harm verbs, less those that take
    // "down" rather than "to death".
    if next(1).is_some_and(|n| n.is("to"))
        && next(2).is_some_and(|n| n.is("death"))
        && t.has(Class::HARM_VERB)
        && !t.is_any(&["gunned", "gunning", "cut"])
    {
        return Some((CasualtyKind::Killed, i + 3));
    }
    if t.is_any(&["kill", "injure", "wound"]) {
        return None;
    }
    match kind_of_verb(t)? {
        k @ (CasualtyKind::Killed | CasualtyKind::Injured) => Some((k, i + 1)),
        _ => None,
    }
}

fn covered(taken: &[Hit], i: usize) -> bool {
    taken
        .iter()
        .any(|h| (h.start <= i && i < h.end) || (h.num.0 <= i && i < h.num.1))
}

fn hit(toks: &[Tok], kind: CasualtyKind, start: usize, end: usize, who: (usize, usize)) -> Hit {
    let who: Vec<&str> = toks[who.0..who.1].iter().map(|t| t.text).collect();
    Hit {
        kind,
        count: Interval::exact(1),
        who: (!who.is_empty()).then(|| who.join(" ")),
        count_text: "one".into(),
        start,
        end,
        num: (start, start + 1),
        cue: Cue::None,
        joined: false,
    }
}

/// Objects of a casualty verb that name one person each: "killed the head of a water
/// board", "shot dead poet Jon Marek", "stabbing to death a pastor", "killed the mayor
/// and his driver" (two, joined).
fn objects(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Some((kind, mut at)) = kill_phrase(toks, i) else {
            continue;
        };
        loop {
            let end = if let Some(h) = taken.iter().chain(&out).find(|h| h.num.0 == at) {
                h.end
            } else if covered(taken, at) || covered(&out, at) {
                break;
            } else if let Some((end, _)) = one_person(toks, at, true) {
                out.push(hit(toks, kind, at, end, (at, end)));
                end
            } else {
                break;
            };
            // "the mayor and his driver", "him, his son and two guests": further
            // objects share the verb.
            // A comma continues a list only if an "and" closes it ("him, his son and
            // two guests"); otherwise what follows is an appositive ("Peter Olsen, a
            // council member,").
            let list_comma = toks.get(end).is_some_and(|t| t.text == ",")
                && toks[end + 1..(end + 7).min(toks.len())]
                    .iter()
                    .take_while(|t| t.text != "," && t.text != ".")
                    .any(|t| t.is("and"));
            let and = toks.get(end).is_some_and(|t| t.is("and")) || list_comma;
            let next_verb = end + 1 < toks.len() && kill_phrase(toks, end + 1).is_some();
            // "militia commander and election candidate Hayat Doe": bare titles joined
            // by "and" before a name are one person's.
            let bare_title = toks[at..end].iter().all(|t| {
                !t.is_capitalized()
                    && !t.is_any(&["the", "a", "an", "his", "her", "him", "them"])
                    && t.kind == TokKind::Word
            });
            if !and || next_verb || bare_title {
                break;
            }
            at = end + 1;
        }
    }
    out
}

/// Nouns of one death followed by whose it was: "the killing of a radio presenter", "the
/// shooting death of candidate Ana Ruiz", "the body of a missionary"; and "his body",
/// "her murder" with a singular possessive.
fn nominals(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    const NOUNS: &[&str] = &[
        "killing",
        "murder",
        "assassination",
        "slaying",
        "death",
        "execution",
        "beheading",
        "lynching",
        "body",
        "corpse",
    ];
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].is_any(NOUNS) || covered(taken, i) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        if prev.is_some_and(|p| p.is_any(&["his", "her"])) {
            // "his body was found", "her murder": one person named before.
            let says_death = !toks[i].is("death")
                || toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_any(&["on", "in", "at", "was"]));
            if says_death {
                out.push(hit(
                    toks,
                    CasualtyKind::Killed,
                    i - 1,
                    i + 1,
                    (i - 1, i + 1),
                ));
            }
            continue;
        }
        if !toks.get(i + 1).is_some_and(|n| n.is("of")) {
            continue;
        }
        if let Some((end, _)) = one_person(toks, i + 2, false) {
            out.push(hit(toks, CasualtyKind::Killed, i, end, (i + 2, end)));
        }
    }
    out
}

/// The start of the noun phrase whose head is at `head`, or `None` when the word there
/// cannot head a phrase naming one person.
fn phrase_before(toks: &[Tok], head: usize) -> Option<usize> {
    phrase_ending(toks, head, false)
}

/// As [`phrase_before`]; `any_head` as in [`one_person`] (the subject of "was
/// assassinated" is someone, whatever the noun).
fn phrase_ending(toks: &[Tok], head: usize, any_head: bool) -> Option<usize> {
    let mut s = head;
    while s > 0 && s + 7 > head && phrase_word(&toks[s - 1]) {
        s -= 1;
    }
    if s > 0 && toks[s - 1].is_any(&["the", "a", "an", "his", "her"]) {
        s -= 1;
    }
    let (_, h) = one_person(toks, s, any_head)?;
    (h == head).then_some(s)
}

/// "the ninth reporter killed this year": an ordinal places the person in a tally of
/// victims; it is not one more.
fn ordinal_in(toks: &[Tok]) -> bool {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "latest",
    ];
    // Only the person's own words: not "the mayor of the country's third city".
    toks.iter().take_while(|t| !t.is("of")).any(|t| {
        let n = t.norm();
        let digits = ["th", "st", "nd", "rd"]
            .iter()
            .find_map(|s| n.strip_suffix(s))
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        ORDINALS.contains(&n) || digits
    })
}

/// "the village chief killed at a market", "a policeman shot dead in the raid": a
/// singular person followed directly by a past participle of killing and a preposition.
fn reduced_relatives(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let Some((kind, end)) = kill_phrase(toks, i) else {
            continue;
        };
        let participle = toks[i].norm().ends_with("ed") || toks[i].is_any(&["shot", "cut"]);
        let then_prep = toks.get(end).is_some_and(|t| {
            t.is_any(&[
                "in", "at", "on", "near", "during", "outside", "inside", "last", "while",
            ])
        });
        if !participle || !then_prep || covered(taken, i) || !toks[i - 1].has(Class::PERSON) {
            continue;
        }
        if let Some(s) = phrase_before(toks, i - 1) {
            if toks[s].is_any(&["the", "a", "an", "his", "her"]) && !ordinal_in(&toks[s..i]) {
                out.push(hit(toks, kind, s, end, (s, i)));
            }
        }
    }
    out
}

/// A singular passive or "died" with no count of its own: "the party secretary has been
/// assassinated", "a judge was gunned down", "Tom Hale died on Sunday".
pub(crate) fn singular_passives(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        // The auxiliary chain before `i`: "was", "is", "has been", "had been"; none for "died".
        let chain = if toks[i - 1].is_any(&["was", "is"]) {
            i - 1
        } else if toks[i - 1].is("been") && i >= 2 && toks[i - 2].is_any(&["has", "had"]) {
            i - 2
        } else if toks[i].is_any(&["died", "dies"]) {
            if toks[i - 1].is("had") {
                i - 1
            } else {
                i
            }
        } else {
            continue;
        };
        // "was killed", "was shot dead", "was stabbed to death", "was badly wounded".
        let mut j = i;
        while j < toks.len()
            && j < i + 3
            && toks[j].has(Class::AUX)
            && kind_of_predicate(&toks[j]).is_none()
        {
            j += 1;
        }
        let Some(t) = toks.get(j) else { continue };
        let to_death = t.is("to") && toks.get(j + 1).is_some_and(|n| n.is("death"));
        // "gunned down", "cut down"; not "shot down", which is said of aircraft.
        let down =
            t.is("down") && j > i && toks[j - 1].is_any(&["gunned", "cut", "hacked", "mowed"]);
        let kind = if to_death || down {
            Some(CasualtyKind::Killed)
        } else {
            kind_of_predicate(t)
                .filter(|k| matches!(k, CasualtyKind::Killed | CasualtyKind::Injured))
        };
        let Some(kind) = kind else { continue };
        if t.is_any(&[
            "bodies",
            "corpses",
            "death",
            "deaths",
            "fatalities",
            "injuries",
            "injury",
            "burned",
            "drowned",
        ]) {
            continue;
        }
        let negated = (chain.saturating_sub(3)..chain)
            .any(|k| toks[k].is_any(&["no", "nobody", "none", "not", "never"]));
        if negated || covered(taken, i) || covered(&out, i) {
            continue;
        }
        let pronoun = chain >= 1 && toks[chain - 1].is_any(&["he", "she"]);
        // Only people are assassinated or shot dead; "was hurt" or "died" may be said
        // of other things, so there the noun must be a person's.
        let killing = kind == CasualtyKind::Killed && !t.is_any(&["died", "dies", "dead"]);
        let subject = chain
            .checked_sub(1)
            .and_then(|h| phrase_ending(toks, h, killing))
            .or_else(|| clause_subject(toks, chain));
        if let Some(s) = subject.filter(|&s| !ordinal_in(&toks[s..chain])) {
            out.push(hit(toks, kind, s, j + 1, (s, chain)));
        } else if pronoun {
            out.push(hit(toks, kind, chain - 1, j + 1, (chain - 1, chain)));
        }
    }
    out
}

/// Two people named and joined by "and" as the subject of a plural passive: "Mbele and
/// his cousin, Tom Ndlovu, were shot dead" (two, joined so they add up).
fn coordinated_passives(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in 2..toks.len() {
        let plural_aux =
            toks[i - 1].is("were") || (toks[i - 1].is("been") && toks[i - 2].is("have"));
        let Some((kind, end)) = plural_aux.then(|| kill_phrase(toks, i)).flatten() else {
            continue;
        };
        let chain = if toks[i - 1].is("been") { i - 2 } else { i - 1 };
        if covered(taken, i) || chain == 0 {
            continue;
        }
        // Skip an appositive naming the second person: ", Tom Ndlovu,".
        let mut k = chain - 1;
        if toks[k].text == "," {
            match (k.saturating_sub(6)..k)
                .rev()
                .find(|&j| toks[j].text == ",")
            {
                Some(j) if j > 0 => k = j - 1,
                _ => continue,
            }
        }
        let Some(s2) = phrase_before(toks, k) else {
            continue;
        };
        if s2 < 2 || !toks[s2 - 1].is("and") {
            continue;
        }
        // Beside a person, a lone name is a person too ("Mbele and his cousin").
        let lone_name = toks[s2 - 2].is_capitalized()
            && toks[s2 - 2].kind == TokKind::Word
            && (s2 == 2 || !phrase_word(&toks[s2 - 3]));
        let Some(s1) = phrase_before(toks, s2 - 2).or(lone_name.then_some(s2 - 2)) else {
            continue;
        };
        let first = hit(toks, kind, s1, end, (s1, s2 - 1));
        let mut second = hit(toks, kind, s2, end, (s2, k + 1));
        second.joined = true;
        out.push(first);
        out.push(second);
    }
    out
}

/// Victims added with "along with" or "together with" after a statement: "the mayor
/// was killed along with his wife and 10 other people" (one, one and ten, joined).
pub(crate) fn companions(toks: &[Tok], found: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::new();
    for h in found.iter().filter(|h| h.kind == CasualtyKind::Killed) {
        let Some(w) = (h.end..(h.end + 6).min(toks.len().saturating_sub(1)))
            .find(|&k| toks[k].is_any(&["along", "together"]) && toks[k + 1].is("with"))
        else {
            continue;
        };
        // "has been killed by gunmen, along with another supporter": one comma may
        // set the companions off.
        let punct = toks[h.end..w]
            .iter()
            .enumerate()
            .any(|(k, t)| t.kind == TokKind::Punct && !(t.text == "," && h.end + k + 1 == w));
        if punct {
            continue;
        }
        let mut p = w + 2;
        while p < toks.len() {
            // "his 94-year-old mother-in-law", "another supporter": an age or "another"
            // before the noun is not a count of its own.
            if toks[p].text.contains("-year-old") || toks[p].is("another") {
                p += 1;
            }
            let (count, end) = if let Some(n) = crate::numbers::number_at(toks, p) {
                let e = (n.end..(n.end + 4).min(toks.len()))
                    .take_while(|&k| phrase_word(&toks[k]) || toks[k].is_any(&["other", "others"]))
                    .last()
                    .map_or(n.end, |k| k + 1);
                (n.interval.clone(), e)
            } else if let Some((e, _)) = one_person(toks, p, true) {
                // In a list of victims any singular noun is a person ("his mother-in-law").
                (Interval::exact(1), e)
            } else if toks[p].has(Class::PERSON) && !is_plural(&toks[p]) {
                (Interval::exact(1), p + 1)
            } else {
                break;
            };
            let mut c = hit(toks, h.kind, p, end, (p, end));
            c.count = count;
            c.joined = true;
            out.push(c);
            let sep = toks.get(end).is_some_and(|t| t.is("and") || t.text == ",");
            p = end + 1 + usize::from(toks.get(end + 1).is_some_and(|t| t.is("and")));
            if !sep {
                break;
            }
        }
    }
    out
}

/// Every reading of one victim that the numeric rules left: objects, nouns of a death,
/// reduced relatives and singular passives.
pub(crate) fn hits(toks: &[Tok], taken: &[Hit]) -> Vec<Hit> {
    // Each rule sees what the ones before it found; one copy serves them all.
    let mut all = taken.to_vec();
    let first = all.len();
    let passives = singular_passives(toks, taken);
    all.extend(passives);
    for rule in [objects, nominals, reduced_relatives, coordinated_passives] {
        let found = rule(toks, &all);
        all.extend(found);
    }
    all.split_off(first)
}

#[cfg(test)]
mod tests {
    use crate::casualties::find;
    use crate::model::{CasualtyKind, Span};
    use crate::text::tokenize;

    fn killed(s: &str) -> u64 {
        let toks = tokenize(s, Span::new(0, s.len()));
        find(&toks)
            .iter()
            .filter(|h| h.kind == CasualtyKind::Killed)
            .filter_map(|h| h.count.min)
            .sum()
    }

    /// Made-up sentences: each names one victim without writing "one".
    #[test]
    fn one_victim_without_a_numeral() {
        for s in [
            "Gunmen killed the head of a local water board in the town on Monday.",
            "Attackers killed a surgeon who led a vaccination drive in the city.",
            "Armed men shot dead prominent poet Jon Marek outside his home.",
            "Militants killed Peter Olsen, a council member, near the market.",
            "The regional party secretary has been assassinated by unidentified gunmen.",
            "A veteran judge was gunned down in the capital on Tuesday.",
            "The killing of a radio presenter prompted protests in the capital.",
            "The shooting death of candidate Ana Ruiz prompted an inquiry.",
            "The burned body of a missionary was recovered near the border.",
            "The village chief killed at a market on Tuesday was buried the next day.",
            "Tom Hale died on Sunday after police beat him during a protest.",
            "Attackers stormed a church, stabbing to death a pastor.",
            "Police said Mr. Ime Doe had been shot dead by unknown gunmen.",
            "A federal judge whose court handled cartel cases was killed in the city.",
            "Edwin Doe, 28, a farm leader on the reserve, was shot dead on Friday.",
            "The district head of a religious party was gunned down in the market.",
            "A nurse campaigning against the dam was killed with a machete.",
            "A witness says senior local government official was killed in the blast.",
            "The mayor of the country's third city was shot dead outside his house.",
            "The secretary of the council, Mr. Ime Doe, has been assassinated by gunmen.",
            "A dissident television executive was assassinated in the city.",
            "Car bomb kills militia commander and election candidate Hayat Doe in the city.",
        ] {
            assert_eq!(killed(s), 1, "{s}");
        }
    }

    #[test]
    fn companions_add_up() {
        assert_eq!(
            killed("The mayor was killed along with his wife and 10 other people."),
            12
        );
        assert_eq!(
            killed("A leader was shot dead together with his wife, 90-year-old mother and driver."),
            4
        );
        assert_eq!(
            killed("The ward chairman has been killed by gunmen, along with another supporter."),
            2
        );
    }

    /// Curly quotes and other multi-byte marks next to the words these rules read.
    #[test]
    fn non_ascii_marks_never_break_the_rules() {
        let s = "’ ’’ «12th» ９th ‘first’";
        let toks = tokenize(s, Span::new(0, s.len()));
        assert!(!super::ordinal_in(&toks[..1]));
        assert!(super::ordinal_in(&toks));
        for s in [
            "The mayor’s driver was killed ’ in the ’ blast.",
            "’’ was shot dead — “the ‘third’ man” —, along with ‘another’.",
            "Killed: ‘him’, « his son » and two ‘guests’ ’",
        ] {
            let _ = killed(s);
        }
    }

    #[test]
    fn two_objects_of_one_verb_add_up() {
        assert_eq!(
            killed("Gunmen killed the mayor and his driver at a checkpoint."),
            2
        );
        assert_eq!(
            killed("Mbele and his cousin, Tom Doe, were shot dead on Sunday."),
            2
        );
        assert_eq!(
            killed("Raiders stormed the house, killing him, his son and two guests."),
            4
        );
    }

    /// Plurals, threats, things and time words are not one victim.
    #[test]
    fn not_one_victim() {
        for s in [
            "Gunmen killed civilians in the town on Monday.",
            "The group vowed to kill the governor.",
            "Rebels killed Saturday in a raid on the base.",
            "The village was burned by the raiders.",
            "The death of the ceasefire was announced by both sides.",
            "The commanders killed in the strike were buried on Sunday.",
            "He is the ninth reporter murdered in the country this year.",
            "He is the 12th reporter murdered in the country this year.",
            "Nobody was killed in the blast.",
            "Militants killed Hamas fighters in the clash.",
            "A drone was shot down over the city, the army said.",
            "The convoy carrying the governor was attacked; his driver fled.",
        ] {
            assert_eq!(killed(s), 0, "{s}");
        }
    }
}
