//! Casualty statements inside one sentence: a count, the people it counts and the
//! predicate that says what happened to them, read as clauses of English:
//! - object of a casualty verb: "killing seven men", "shot dead five", "wounded two others";
//! - subject of a casualty predicate: "seven herdsmen were killed", "16 prisoners died";
//! - a toll and the verb that moves it: "the death toll rose to 25";
//! - one person without a numeral: "a mayor was shot dead", "killed a village chief";
//! - explicit negatives: "no one was hurt" (zero, which is not the same as unknown).
//!
//! Each number gets at most one statement, so a clause is never counted twice. What the
//! statement means for the totals (a subset, an earlier toll, a tally) is decided by
//! [`crate::cues`] and [`crate::ledger`], not here.

use crate::cues::{self, Cue};
use crate::lexicon::Class;
use crate::model::{CasualtyKind, Interval};
use crate::numbers::{find_numbers, NumberMatch};
use crate::singular;
use crate::text::{Tok, TokKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: CasualtyKind,
    pub count: Interval,
    pub who: Option<String>,
    /// The number as written, qualifier included ("at least 12", "over 60", "a", "no").
    pub count_text: String,
    /// Token range of the whole statement.
    pub start: usize,
    pub end: usize,
    /// Token range of the count itself.
    pub num: (usize, usize),
    /// What the surrounding words say about the figure (subset, earlier toll, tally…).
    pub cue: Cue,
    /// Coordinated with the previous statement ("five men and two women"): they add up.
    pub joined: bool,
}

/// A count candidate: a number expression, or "a"/"an" before a person noun.
pub(crate) struct Count {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// First token of the value itself, after any qualifier ("at least").
    pub(crate) value_start: usize,
    pub(crate) interval: Interval,
}

impl From<&NumberMatch> for Count {
    fn from(n: &NumberMatch) -> Self {
        Count {
            start: n.start,
            end: n.end,
            value_start: n.value_start,
            interval: n.interval.clone(),
        }
    }
}

pub(crate) fn kind_of_predicate(t: &Tok) -> Option<CasualtyKind> {
    if t.has(Class::DEATH) {
        Some(CasualtyKind::Killed)
    } else if t.has(Class::INJURY) {
        Some(CasualtyKind::Injured)
    } else if t.has(Class::MISSING) {
        Some(CasualtyKind::Missing)
    } else if t.has(Class::CAPTURE) {
        Some(CasualtyKind::Captured)
    } else {
        None
    }
}

pub(crate) fn kind_of_verb(t: &Tok) -> Option<CasualtyKind> {
    if t.has(Class::KILL_VERB) {
        Some(CasualtyKind::Killed)
    } else if t.has(Class::INJURE_VERB) {
        Some(CasualtyKind::Injured)
    } else if t.has(Class::CAPTURE_VERB) {
        Some(CasualtyKind::Captured)
    } else {
        None
    }
}

/// Numbers in a sentence about casualties that count something else, with the reason:
/// the ledger lists them so a reader sees why "47" or "2017" was not taken as a toll.
pub fn not_counts(toks: &[Tok], hits: &[Hit]) -> Vec<(usize, usize, &'static str)> {
    let about_casualties = toks.iter().any(|t| {
        t.has(Class::DEATH)
            || t.has(Class::INJURY)
            || t.has(Class::KILL_VERB)
            || t.has(Class::INJURE_VERB)
    });
    if !about_casualties {
        return Vec::new();
    }
    let mut out = Vec::new();
    for n in find_numbers(toks) {
        if hits
            .iter()
            .any(|h| h.num.0 <= n.start && n.start < h.num.1.max(h.num.0 + 1))
        {
            continue;
        }
        let c = Count::from(&n);
        let next = toks.get(c.end);
        let reason = if next.is_some_and(|t| t.is_any(&["years", "year"]))
            || c.start
                .checked_sub(1)
                .is_some_and(|p| toks[p].is_any(&["aged", "age"]))
        {
            "an age or a length of time"
        } else if next.is_some_and(|t| t.has(Class::UNIT)) {
            "a measure (distance, time, share)"
        } else if next.is_some_and(|t| t.has(Class::THING)) {
            "counts things (weapons, buildings, attacks), not people"
        } else if not_a_head_count(toks, &c) {
            "a year, an age or a label, not a count of people"
        } else {
            continue;
        };
        out.push((c.start, c.end, reason));
    }
    out
}

/// Numbers that count something other than people: ages, years, clock times, measures.
fn not_a_head_count(toks: &[Tok], c: &Count) -> bool {
    let next = toks.get(c.end);
    if next.is_some_and(|t| t.has(Class::UNIT) || t.has(Class::THING)) {
        return true;
    }
    let vs = &toks[c.value_start];
    if vs.kind == TokKind::Number
        && vs.text.len() == 4
        && c.interval.min.is_some_and(|v| (1900..2100).contains(&v))
    {
        return true;
    }
    // "a 5 June attack": a day of the month.
    if next.is_some_and(|t| crate::dates::month_of(t.text).is_some() && t.is_capitalized()) {
        return true;
    }
    let prev = c.start.checked_sub(1).map(|p| &toks[p]);
    // "aged 14", "age 30", "a boy of 17", "(17)".
    if prev.is_some_and(|p| p.is_any(&["aged", "age", "ages"])) {
        return true;
    }
    if prev.is_some_and(|p| p.is("of"))
        && c.start >= 2
        && toks[c.start - 2].has(Class::PERSON)
        && !toks[c.start - 2].norm().ends_with('s')
        && !toks[c.start - 2].is("family")
    {
        return true;
    }
    if prev.is_some_and(|p| p.text == "(") && next.is_some_and(|t| t.text == ")") {
        return true;
    }
    // "Edwin Doe, 28, a farmer": a bare number set off by commas after a name or a
    // person noun is an age.
    let after_name = c.start >= 2
        && (toks[c.start - 2].is_capitalized() || toks[c.start - 2].has(Class::PERSON))
        && toks[c.start - 2].kind == TokKind::Word;
    prev.is_some_and(|p| p.text == ",")
        && next.is_some_and(|t| t.text == ",")
        && after_name
        && vs.kind == TokKind::Number
        && c.value_start == c.start
        && c.end == c.start + 1
}

fn who_text(toks: &[Tok], from: usize, to: usize) -> Option<String> {
    let words: Vec<&str> = toks[from..to.min(toks.len())]
        .iter()
        .filter(|t| !t.has(Class::AUX) && !t.is_any(&["others", "other", "more", "of", "them"]))
        .filter(|t| kind_of_predicate(t).is_none())
        .map(|t| t.text)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn count_text(toks: &[Tok], c: &Count) -> String {
    let words: Vec<&str> = toks[c.start..c.end].iter().map(|t| t.text).collect();
    // "Thirteen people died" → "thirteen": sentence-initial capitals are not names.
    crate::text::lowercase_first(&words.join(" "))
}

/// Person words after an object count ("five civilians", "two of them", "a sheikh").
fn object_end(toks: &[Tok], from: usize) -> usize {
    let mut e = from;
    while e < toks.len() && e < from + 5 {
        let t = &toks[e];
        let ok = t.has(Class::PERSON)
            || t.is_any(&["of", "them", "more", "other"])
            || (t.kind == TokKind::Word
                && !t.has(Class::BREAK)
                && !t.has(Class::AUX)
                && kind_of_predicate(t).is_none()
                && kind_of_verb(t).is_none()
                && toks[e + 1..(e + 3).min(toks.len())]
                    .iter()
                    .any(|n| n.has(Class::PERSON)));
        if !ok {
            break;
        }
        e += 1;
    }
    e
}

/// The verb that governs a count as its object, and where the statement starts.
fn governing_verb(toks: &[Tok], c: &Count) -> Option<(CasualtyKind, usize)> {
    let p = c.start.checked_sub(1)?;
    let prev = &toks[p];
    if let Some(k) = kind_of_verb(prev) {
        return Some((k, p));
    }
    // "shot dead five", "gunned down two", "burnt to death three".
    if prev.is_any(&["dead", "down"]) && p >= 1 && toks[p - 1].has(Class::AUX) {
        return Some((CasualtyKind::Killed, p - 1));
    }
    // "shooting at least nine of them dead", "shot five dead".
    if prev.is_any(&["shot", "shooting", "gunned"]) {
        let e = object_end(toks, c.end);
        if toks.get(e).is_some_and(|t| t.is("dead")) {
            return Some((CasualtyKind::Killed, p));
        }
    }
    // "the clash claimed 10 lives", "cost 12 lives".
    if toks
        .get(c.end)
        .is_some_and(|t| t.is_any(&["lives", "life"]))
        && prev.is_any(&[
            "claimed", "claiming", "claims", "cost", "costing", "took", "taking",
        ])
    {
        return Some((CasualtyKind::Killed, p));
    }
    // "the dead included six civilians", "the wounded include two children".
    if prev.is_any(&["included", "include", "includes"]) {
        let head = (p.saturating_sub(3)..p)
            .rev()
            .find_map(|k| kind_of_predicate(&toks[k]));
        if let Some(k) = head.filter(|k| matches!(k, CasualtyKind::Killed | CasualtyKind::Injured))
        {
            return Some((k, p));
        }
    }
    // "slaughtered a family of seven".
    if prev.is("of") && p >= 2 && toks[p - 1].is_any(&["family", "group"]) {
        if let Some(v) = (p.saturating_sub(4)..p - 1).find(|&k| kind_of_verb(&toks[k]).is_some()) {
            return kind_of_verb(&toks[v]).map(|k| (k, v));
        }
    }
    // "the deaths of 12", "the lives of 40", "the bodies of nine".
    if prev.is("of") && p >= 1 {
        let n = &toks[p - 1];
        if n.is_any(&[
            "deaths",
            "lives",
            "bodies",
            "killing",
            "killings",
            "death",
            "massacre",
            "murder",
            "murders",
            "execution",
            "executions",
            "slaughter",
            "killers",
            "murderers",
        ]) {
            return Some((CasualtyKind::Killed, p - 1));
        }
        if n.is_any(&["injuries", "wounding"]) {
            return Some((CasualtyKind::Injured, p - 1));
        }
    }
    toll_verb(toks, c.start).map(|(k, s)| (k, s.min(p)))
}

/// "the death toll rose to 25", "the number of people killed has climbed to 44",
/// "the toll stands at 12": an update verb (or "toll of") before the count, with a toll
/// noun earlier in the same clause. The kind comes from the toll's own words.
/// Nouns that name a casualty count as a whole: "the toll", "the final total".
const TOLL_NOUNS: &[&str] = &["toll", "tolls", "tally", "total"];

fn toll_verb(toks: &[Tok], at: usize) -> Option<(CasualtyKind, usize)> {
    let mut p = at.checked_sub(1)?;
    if toks[p].is_any(&["to", "at", "of"]) {
        p = p.checked_sub(1)?;
    }
    // "had put it at nine": the toll named earlier in the clause, then a pronoun.
    if toks[p].is("it") {
        p = p.checked_sub(1)?;
    }
    // "bringing the number of dead to ten": the counted noun itself before "to" (a
    // toll that moves; "put the number of dead at 100" only states one).
    let counted_noun = p >= 2
        && toks[p + 1].is("to")
        && (toks[p].has(Class::DEATH) || toks[p].has(Class::INJURY))
        && toks[p - 1].is("of")
        && toks[p - 2].is_any(&["number", "toll", "count"]);
    let lo = p.saturating_sub(40);
    let verb_ok = toks[p].has(Class::UPDATE_VERB)
        || toks[p].is_any(TOLL_NOUNS)
        || counted_noun
        || puts_toll_at(&toks[lo..=p + 1]);
    if !verb_ok {
        return None;
    }
    let mut kind = None;
    for j in (lo..=p).rev() {
        let t = &toks[j];
        if t.text == "." || t.text == ";" {
            break;
        }
        if t.is_any(TOLL_NOUNS) || t.is_any(&["number", "count", "figure"]) {
            // The nearest casualty word after the toll noun decides killed or injured.
            let k = toks[j..=p]
                .iter()
                .chain(j.checked_sub(1).map(|q| &toks[q]))
                .find_map(|w| {
                    if w.has(Class::INJURY) || w.is("injury") {
                        Some(CasualtyKind::Injured)
                    } else if w.has(Class::DEATH)
                        || w.has(Class::KILL_VERB)
                        || w.is_any(&["death", "toll", "tolls"])
                    {
                        Some(CasualtyKind::Killed)
                    } else {
                        None
                    }
                });
            // The statement starts at the verb: the toll noun may sit a clause away.
            if let Some(k) = k {
                kind = Some((k, p));
            }
            if t.is_any(TOLL_NOUNS) && kind.is_some() {
                break;
            }
        }
    }
    kind
}

/// "the number of people killed … has been put at 32", "puts the death total from the
/// attack at 14": a verb of stating with "at" before the count, the toll noun its
/// subject or object. `w` ends with the word before the count ("at").
fn puts_toll_at(w: &[Tok]) -> bool {
    // "the toll stands at 12" states a figure too.
    let stating = |t: &Tok| t.is_any(crate::cues::STATING) || t.is_any(&["stands", "stood"]);
    let n = w.len();
    if n < 2 || !w[n - 1].is("at") {
        return false;
    }
    // The clause only: a stop or semicolon ends the search.
    let start = w
        .iter()
        .rposition(|t| t.text == "." || t.text == ";")
        .map_or(0, |i| i + 1);
    let clause = &w[start..n - 1];
    clause.last().is_some_and(stating)
        || clause.windows(4).any(|x| {
            stating(&x[0])
                && x[1..]
                    .iter()
                    .any(|t| t.is_any(TOLL_NOUNS) || t.is("number"))
        })
}

/// The predicate a count is the subject of ("seven herdsmen were killed"), with the end
/// of the statement. Coordinated counts share it ("five men and two women died").
fn predicate_after(toks: &[Tok], c: &Count) -> Option<(CasualtyKind, usize)> {
    let mut limit = (c.end + 12).min(toks.len());
    let mut j = c.end;
    let mut saw_unknown = 0;
    while j < limit {
        match predicate_at(toks, j) {
            Some(Step::Found(k, e)) => return Some((k, e)),
            Some(_) => return None,
            None => {}
        }
        match subject_word(toks, c, j, limit) {
            Step::Found(k, e) => return Some((k, e)),
            Step::Stop => return None,
            Step::Jump(k) => {
                // The predicate may come a few words after a long aside.
                limit = limit.max((k + 6).min(toks.len()));
                j = k;
                continue;
            }
            Step::Unknown => {
                saw_unknown += 1;
                if saw_unknown > 5 {
                    return None;
                }
            }
            Step::Next => {}
        }
        j += 1;
    }
    None
}

/// What a token after a subject count says, read left to right.
enum Step {
    /// The predicate, of this kind, ending here.
    Found(CasualtyKind, usize),
    /// Another clause begins: the count has no predicate of its own.
    Stop,
    /// Skip to this token (past an aside or a participle clause).
    Jump(usize),
    /// A word that may sit in a subject but that the rules do not know.
    Unknown,
    /// A word of the subject.
    Next,
}

/// The casualty predicate at `j`, if one starts there: `Found`, or `Stop` where a
/// predicate-like word belongs to something else ("carry the wounded", "held talks").
fn predicate_at(toks: &[Tok], j: usize) -> Option<Step> {
    let t = &toks[j];
    if t.is("to") && toks.get(j + 1).is_some_and(|n| n.is("death")) {
        return Some(Step::Found(CasualtyKind::Killed, j + 2));
    }
    // "gunned down", "hacked down", "mowed down" (but not "shot down", said of aircraft).
    if t.is("down") && j > 0 && toks[j - 1].is_any(&["gunned", "hacked", "mowed", "cut"]) {
        return Some(Step::Found(CasualtyKind::Killed, j + 1));
    }
    // "bomber killed 31": an active verb with its own object is another clause.
    if kind_of_verb(t).is_some() && starts_count(toks, j + 1) {
        return Some(Step::Stop);
    }
    // "suffered shrapnel wounds", "sustained burns", "was taken to hospital".
    if let Some(e) = hurt_phrase(toks, j) {
        return Some(Step::Found(CasualtyKind::Injured, e));
    }
    // "lost their lives".
    if t.is_any(&["lost", "lose"])
        && toks
            .get(j + 2)
            .is_some_and(|n| n.is_any(&["lives", "life"]))
    {
        return Some(Step::Found(CasualtyKind::Killed, j + 3));
    }
    let k = kind_of_predicate(t)?;
    // "who helped carry the wounded": after "the" it is a noun for other people.
    let among = j >= 2 && toks[j - 2].is_any(&["among", "of"]);
    if j > 0 && toks[j - 1].is_any(&["the", "carry", "carried", "treat", "treated"]) && !among {
        return Some(Step::Stop);
    }
    // "taken" and "held" count only as "taken captive", "held hostage".
    let captive = toks
        .get(j + 1)
        .is_some_and(|n| n.is_any(&["captive", "prisoner", "prisoners", "hostage"]));
    if t.is_any(&["taken", "held"]) && !captive {
        return Some(Step::Stop);
    }
    // "were abducted and killed", "were attacked and killed": the last predicate of
    // the pair says what became of them.
    if let Some(e) = and_then_death(toks, j + 1) {
        return Some(Step::Found(CasualtyKind::Killed, e));
    }
    // "six of the wounded died in hospital": a share of the wounded whose own
    // predicate says they died.
    if k == CasualtyKind::Injured && j >= 2 && toks[j - 2].is("of") && toks[j - 1].is("the") {
        if let Some(d) = (j + 1..(j + 4).min(toks.len()))
            .find(|&d| toks[d].has(Class::DEATH) && !toks[d].has(Class::INJURY))
        {
            return Some(Step::Found(CasualtyKind::Killed, d + 1));
        }
    }
    Some(Step::Found(k, j + 1))
}

/// A token between a subject count and its predicate that is not a predicate itself.
fn subject_word(toks: &[Tok], c: &Count, j: usize, limit: usize) -> Step {
    let t = &toks[j];
    // "five children playing with a shell were killed": a participle clause between
    // the subject and its verb.
    if t.norm().ends_with("ing") && j > 0 && toks[j - 1].has(Class::PERSON) {
        if let Some(k) = (j + 1..(j + 12).min(toks.len()))
            .take_while(|&k| !matches!(toks[k].text, "." | ";" | ":"))
            .find(|&k| toks[k].is_any(&["were", "was", "have", "has", "had", "are"]))
        {
            return Step::Jump(k);
        }
    }
    // "are said to have died", "were reported to have been shot dead": reported
    // speech wrapped around the predicate.
    if t.is_any(&[
        "said",
        "reported",
        "believed",
        "thought",
        "known",
        "understood",
    ]) && toks.get(j + 1).is_some_and(|n| n.is("to"))
    {
        return Step::Jump(j + 2);
    }
    if matches!(t.text, "," | "-" | "–" | "—") {
        // "11 people, including women and children, have been killed".
        // A count that opens its clause may head a list ("four civilians, two
        // policemen and a customs officer were killed").
        let opens = c.start == 0
            || toks[c.start - 1].text == ","
            || toks[c.start - 1].is_any(&["that", "and", "while"]);
        return skip_aside(toks, j, limit + 6, opens).map_or(Step::Stop, Step::Jump);
    }
    // "(10 civilians and five policemen)", "(LoC)": a parenthesis inside the subject.
    if t.text == "(" {
        return (j + 1..(j + 10).min(toks.len()))
            .find(|&k| toks[k].text == ")")
            .map_or(Step::Stop, |k| Step::Jump(k + 1));
    }
    if t.kind == TokKind::Punct || t.has(Class::THING) || t.has(Class::UNIT) {
        return Step::Stop;
    }
    if t.is("and") {
        return and_in_subject(toks, c, j);
    }
    // "Citizens for Liberty Party": a small word inside a name does not end the subject.
    let in_name = j > 0
        && toks[j - 1].is_capitalized()
        && toks.get(j + 1).is_some_and(|n| n.is_capitalized());
    if t.has(Class::BREAK)
        && !t.has(Class::AUX)
        && !in_name
        && !t.is_any(&["in", "of", "from", "on", "at", "near"])
    {
        return Step::Stop;
    }
    let known = t.has(Class::PERSON)
        || t.has(Class::AUX)
        || t.kind == TokKind::Number
        || t.is_capitalized()
        || t.is_any(&["the", "same", "his", "her", "their", "its"]);
    if known {
        Step::Next
    } else {
        Step::Unknown
    }
}

/// Injury told with a verb of undergoing or of care: "suffered shrapnel wounds",
/// "sustained burns", "was taken to hospital", "was treated at the scene". Returns the
/// end of the phrase.
fn hurt_phrase(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.is_any(&["suffered", "sustained"]) {
        return (i + 1..(i + 4).min(toks.len()))
            .find(|&k| toks[k].is_any(&["wounds", "injuries", "burns", "wound"]))
            .map(|k| k + 1);
    }
    if t.is("taken") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
        let h =
            (i + 2..(i + 4).min(toks.len())).find(|&k| toks[k].is_any(&["hospital", "hospitals"]));
        return h.map(|k| k + 1);
    }
    (t.is("treated") && i > 0 && toks[i - 1].has(Class::AUX)).then_some(i + 1)
}

/// "and killed", "and later died" at `i`: the end of that death predicate.
fn and_then_death(toks: &[Tok], i: usize) -> Option<usize> {
    if !toks.get(i)?.is("and") {
        return None;
    }
    let mut j = i + 1;
    while toks.get(j)?.has(Class::AUX) && !toks[j].has(Class::DEATH) && j < i + 3 {
        j += 1;
    }
    let t = toks.get(j)?;
    (t.has(Class::DEATH) && !t.is_any(&["bodies", "corpses", "deaths", "death"])).then_some(j + 1)
}

/// "and" inside a subject: another count sharing the predicate, or the second verb of
/// "were attacked and killed"; anything else ends the subject.
fn and_in_subject(toks: &[Tok], c: &Count, j: usize) -> Step {
    // "19 people were attacked and killed" (people, not "pagers … detonated and
    // killed").
    let people = toks[c.end..j].iter().any(|w| w.has(Class::PERSON))
        || toks.get(c.end).is_some_and(|w| w.has(Class::AUX));
    if let Some(e) = and_then_death(toks, j).filter(|_| people) {
        return Step::Found(CasualtyKind::Killed, e);
    }
    // "two teachers were shot and wounded": the second verb says they were hurt.
    let hurt = toks
        .get(j + 1)
        .is_some_and(|t| t.has(Class::INJURY) && !t.has(Class::DEATH));
    if people && hurt && j > c.end && toks[j - 1].has(Class::HARM_VERB) {
        return Step::Found(CasualtyKind::Injured, j + 2);
    }
    // "five men and two women were killed": the next count shares the predicate;
    // "a mother and her four children": a possessive may come before the count.
    let possessive = toks
        .get(j + 1)
        .is_some_and(|n| n.is_any(&["his", "her", "their", "its"]));
    let at = j + 1 + usize::from(possessive);
    // "five soldiers and at least 12 militants": the next count may carry a qualifier.
    let next_is_count = toks.get(at).is_some_and(|n| {
        n.kind == TokKind::Number
            || crate::numbers::word_value(n.norm()).is_some()
            || n.is_any(&["a", "an"])
    }) || (at < toks.len() && crate::numbers::number_at(toks, at).is_some());
    if next_is_count {
        Step::Next
    } else {
        Step::Stop
    }
}

/// Whether a count starts at `i` ("31", "at least 16", "a soldier").
fn starts_count(toks: &[Tok], i: usize) -> bool {
    crate::numbers::number_at(toks, i).is_some() || singular::singular_person(toks, i).is_some()
}

/// ", including women and children," or ", among them two boys,": an aside inside a
/// subject; returns the index after its closing comma.
fn skip_aside(toks: &[Tok], comma: usize, limit: usize, opens: bool) -> Option<usize> {
    // "--" is written as two dashes: the aside opens after both.
    let close = toks[comma].text;
    let comma = if toks
        .get(comma + 1)
        .is_some_and(|t| t.text == close && close != ",")
    {
        comma + 1
    } else {
        comma
    };
    let first = toks.get(comma + 1)?;
    // "six people, two foreigners and four locals, were killed".
    let counted = crate::numbers::number_at(toks, comma + 1).is_some();
    if !counted
        && !first.is_any(&[
            "including",
            "among",
            "mostly",
            "most",
            "many",
            "all",
            "both",
            "a",
            "an",
            "the",
        ])
    {
        return None;
    }
    // The aside ends at its closing comma, or where the verb resumes when the writer
    // left the comma out ("11 people, including two children have been killed").
    // A counted aside is closed ("six people, two foreigners and four locals, were
    // killed") or continues a list that the first count opened; otherwise the count
    // after the comma is its own clause's subject ("after an attack by 20 gunmen,
    // seven people were killed").
    let open_end = !counted || opens;
    let end = (comma + 2..limit.min(toks.len())).find(|&k| {
        toks[k].text == close
            || (open_end && toks[k].is_any(&["have", "has", "were", "was", "had"]))
            || (open_end
                && k > comma + 2
                && toks[k].is_any(&["killed", "wounded", "injured", "dead"]))
    })?;
    if toks[end].text != close {
        return Some(end);
    }
    // Past the closing mark, both dashes of a "--".
    let mut k = end + 1;
    while toks.get(k).is_some_and(|t| t.text == close && close != ",") {
        k += 1;
    }
    Some(k)
}

/// Counts joined by "and" with no predicate between them share one ("five men and two
/// women were killed", "killing 21 passengers and four soldiers"): they add up.
fn coordinated(toks: &[Tok], prev: &Hit, h: &Hit) -> bool {
    // "him, his son and two guests": a comma joins people listed one by one;
    // "four civilians, two policemen and a customs officer were killed": subjects
    // listed with commas share the very same predicate.
    let one = |x: &Hit| x.count.min == Some(1) && x.count.max == Some(1);
    let comma = prev.num.1 < h.num.0 && toks[h.num.0 - 1].text == ",";
    let shared = prev.start == prev.num.0 && h.start == h.num.0 && prev.end == h.end;
    let listed = comma && ((one(prev) && one(h)) || shared);
    prev.kind == h.kind
        && prev.num.1 <= h.num.0
        && (listed || toks[prev.num.1..h.num.0].iter().any(|t| t.is("and")))
        && toks[prev.num.1..h.num.0].iter().all(|t| {
            kind_of_predicate(t).is_none()
                && kind_of_verb(t).is_none()
                && (t.kind != TokKind::Punct || t.text == ",")
        })
}

/// All casualty statements in one sentence's tokens.
pub fn find(toks: &[Tok]) -> Vec<Hit> {
    let mut counts: Vec<Count> = find_numbers(toks).iter().map(Count::from).collect();
    for i in 0..toks.len() {
        if let Some(c) =
            singular::singular_person(toks, i).or_else(|| singular::singular_object(toks, i))
        {
            if !counts.iter().any(|n| n.start <= i && i < n.end) {
                counts.push(c);
            }
        }
    }
    counts.sort_by_key(|c| c.start);
    let mut out: Vec<Hit> = Vec::new();
    for c in &counts {
        // "No one was hurt" is a negative, handled below, not a count of one.
        if c.start > 0 && toks[c.start - 1].is_any(&["no", "not"]) {
            continue;
        }
        if not_a_head_count(toks, c) {
            continue;
        }
        if let Some(h) = statement(toks, c)
            .or_else(|| appositive(toks, c, out.last()))
            .or_else(|| coordinated_object(toks, c, out.last()))
        {
            out.push(h);
        }
    }
    let singles = singular::hits(toks, &out);
    out.extend(singles);
    out.sort_by_key(|h| h.num.0);
    // A count listed after people named one by one ("him, his son and two guests"):
    // only now are the named ones known.
    for c in &counts {
        let taken = out
            .iter()
            .any(|h| h.num.0 <= c.start && c.start < h.num.1.max(h.end));
        let before = out.iter().rev().find(|h| h.end <= c.start);
        let after_one = before.is_some_and(|h| h.count.min == Some(1) && h.count.max == Some(1));
        if !taken && after_one && !not_a_head_count(toks, c) {
            if let Some(h) = before.and_then(|b| listed_after(toks, c, b)) {
                out.push(h);
            }
        }
    }
    let along = singular::companions(toks, &out);
    out.extend(along);
    out.extend(negatives(toks));
    out.sort_by_key(|h| h.num.0);
    for i in 0..out.len() {
        out[i].cue = cues::of(toks, &out[i]);
        if i > 0 && coordinated(toks, &out[i - 1], &out[i]) {
            out[i].joined = true;
        }
    }
    out
}

fn statement(toks: &[Tok], c: &Count) -> Option<Hit> {
    let make = |kind, start, end, who_from: usize, who_to: usize| Hit {
        kind,
        count: c.interval.clone(),
        who: who_text(toks, who_from, who_to),
        count_text: count_text(toks, c),
        start,
        end,
        num: (c.start, c.end),
        cue: Cue::None,
        joined: false,
    };
    if let Some((kind, start)) = governing_verb(toks, c) {
        let e = object_end(toks, c.end);
        // "killed 20 buildings" is not a count of people; "killing five" is.
        if toks.get(e).is_some_and(|t| t.has(Class::THING)) {
            return None;
        }
        return Some(make(kind, start, e, c.end, e));
    }
    let (kind, end) = predicate_after(toks, c)?;
    let who_end = (c.end..end)
        .find(|&j| toks[j].has(Class::AUX) || kind_of_predicate(&toks[j]).is_some())
        .unwrap_or(end);
    Some(make(kind, c.start, end, c.end, who_end))
}

/// A share named beside an earlier count, which takes that count's predicate:
/// "killed 30 people, including six children", "44 dead, five of them children".
fn appositive(toks: &[Tok], c: &Count, last: Option<&Hit>) -> Option<Hit> {
    let last = last?;
    let before = |k: usize| c.start.checked_sub(k).map(|i| &toks[i]);
    let after = |k: usize| toks.get(c.end + k);
    let shares = before(1).is_some_and(|t| t.is_any(&["including", "includes"]))
        || (before(2).is_some_and(|t| t.is("among")) && before(1).is_some_and(|t| t.is("them")))
        || (after(0).is_some_and(|t| t.is("of"))
            && after(1).is_some_and(|t| t.is_any(&["them", "whom"])));
    if !shares {
        return None;
    }
    let e = object_end(toks, c.end);
    Some(Hit {
        kind: last.kind,
        count: c.interval.clone(),
        who: who_text(toks, c.end, e),
        count_text: count_text(toks, c),
        start: c.start,
        end: e.max(c.end),
        num: (c.start, c.end),
        cue: Cue::None,
        joined: false,
    })
}

/// A second object of the same verb: "killing 21 passengers and four soldiers", "the
/// dead included six civilians and eight soldiers".
fn coordinated_object(toks: &[Tok], c: &Count, last: Option<&Hit>) -> Option<Hit> {
    // Only after an object (its statement starts at the verb), not after a subject.
    let last = last.filter(|l| l.num.0 > l.start)?;
    listed_after(toks, c, last)
}

/// A count joined to the statement before it by "and" alone, taking its kind.
fn listed_after(toks: &[Tok], c: &Count, last: &Hit) -> Option<Hit> {
    let between = toks.get(last.end..c.start)?;
    let joined =
        between.iter().any(|t| t.is("and")) && between.iter().all(|t| t.is("and") || t.text == ",");
    if !joined {
        return None;
    }
    let e = object_end(toks, c.end);
    Some(Hit {
        kind: last.kind,
        count: c.interval.clone(),
        who: who_text(toks, c.end, e),
        count_text: count_text(toks, c),
        start: c.start,
        end: e.max(c.end),
        num: (c.start, c.end),
        cue: Cue::None,
        joined: false,
    })
}

/// Explicit statements that nobody was hurt: "no one was killed", "there were no
/// casualties", "without injuries". Saying nothing is not one of them.
fn negatives(toks: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = |k: usize| toks.get(i + k);
        let mk = |kind, end| Hit {
            kind,
            count: Interval::zero(),
            who: None,
            count_text: "no".into(),
            start: i,
            end,
            num: (i, i + 1),
            cue: Cue::None,
            joined: false,
        };
        let nobody =
            (t.is("no") && w(1).is_some_and(|x| x.is("one"))) || t.is_any(&["nobody", "none"]);
        if nobody {
            let from = if t.is("no") { i + 2 } else { i + 1 };
            // "no one was killed or injured", "nobody was hurt", "none of the aid
            // workers were injured".
            for k in from..(from + 7).min(toks.len()) {
                if toks[k].kind == TokKind::Punct {
                    break;
                }
                if let Some(kind) = kind_of_predicate(&toks[k]) {
                    out.push(mk(kind, k + 1));
                    if let Some(k2) = toks.get(k + 2).filter(|_| toks[k + 1].is("or")) {
                        if let Some(kind2) = kind_of_predicate(k2) {
                            out.push(mk(kind2, k + 3));
                        }
                    }
                    break;
                }
            }
        } else if t.is_any(&["no", "without"]) {
            let Some(n) = w(1) else { continue };
            if n.is_any(&["casualties", "victims"]) {
                out.push(mk(CasualtyKind::Killed, i + 2));
                out.push(mk(CasualtyKind::Injured, i + 2));
            } else if n.is_any(&["injuries", "injured", "wounded"]) {
                out.push(mk(CasualtyKind::Injured, i + 2));
            } else if n.is_any(&["deaths", "fatalities", "dead"]) {
                out.push(mk(CasualtyKind::Killed, i + 2));
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
    use CasualtyKind::*;

    type Row = (CasualtyKind, Option<u64>, Option<u64>);

    fn hits(s: &str) -> Vec<Row> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find(&toks)
            .into_iter()
            .map(|h| (h.kind, h.count.min, h.count.max))
            .collect()
    }

    #[test]
    fn coordinated_counts_are_joined() {
        let s = "Three men and two women were killed.";
        let toks = tokenize(s, Span::new(0, s.len()));
        let h = find(&toks);
        assert_eq!(
            h.iter().map(|h| h.joined).collect::<Vec<_>>(),
            [false, true]
        );
        let s = "Raiders killed four men and wounded two others.";
        let toks = tokenize(s, Span::new(0, s.len()));
        assert!(find(&toks).iter().all(|h| !h.joined));
    }

    /// Made-up sentences, one pattern of English each.
    #[test]
    fn clause_patterns() {
        let cases: &[(&str, &[Row])] = &[
            // Tolls named as a whole, with the verb that moves them.
            (
                "Updated tolls put the final total at 57.",
                &[(Killed, Some(57), Some(57))],
            ),
            (
                "Divers found three bodies, bringing the number of dead to ten.",
                &[(Killed, Some(3), Some(3)), (Killed, Some(10), Some(10))],
            ),
            (
                "A week of unrest saw the death toll climb to 12.",
                &[(Killed, Some(12), Some(12))],
            ),
            (
                "Officials placed the toll at 30.",
                &[(Killed, Some(30), Some(30))],
            ),
            (
                "Two teachers were shot and wounded by the gunmen.",
                &[(Injured, Some(2), Some(2))],
            ),
            (
                "Six of the wounded later died in hospital.",
                &[(Killed, Some(6), Some(6))],
            ),
            (
                "Two of the wounded are in a critical condition.",
                &[(Injured, Some(2), Some(2))],
            ),
            (
                "Five soldiers and at least 12 militants were killed.",
                &[(Killed, Some(5), Some(5)), (Killed, Some(12), None)],
            ),
            // Subject of a predicate, with qualifiers.
            (
                "at least 12 service members were killed and over 60 others injured",
                &[(Killed, Some(12), None), (Injured, Some(61), None)],
            ),
            (
                "Nine fishermen were killed near the lake.",
                &[(Killed, Some(9), Some(9))],
            ),
            (
                "Thirteen people died and 61 were injured;",
                &[(Killed, Some(13), Some(13)), (Injured, Some(61), Some(61))],
            ),
            (
                "leaving at least 118 villagers dead and 760 injured",
                &[(Killed, Some(118), None), (Injured, Some(760), Some(760))],
            ),
            (
                "reported two presumed deaths, six injuries and damage",
                &[(Killed, Some(2), Some(2)), (Injured, Some(6), Some(6))],
            ),
            // An aside without its closing comma; a participle clause before the verb.
            (
                "At least 11 people, including two women have been killed.",
                &[(Killed, Some(11), None), (Killed, Some(2), Some(2))],
            ),
            (
                "Four boys herding goats near the river were killed.",
                &[(Killed, Some(4), Some(4))],
            ),
            // Injury told by what was undergone or what care followed.
            (
                "A 42-year-old man suffered shrapnel wounds in the city.",
                &[(Injured, Some(1), Some(1))],
            ),
            (
                "One person was taken to hospital and another was treated at the scene.",
                &[(Injured, Some(1), Some(1)), (Injured, Some(1), Some(1))],
            ),
            // Objects and subjects in other shapes.
            (
                "Gunmen ambushed miners, shooting at least nine of them dead.",
                &[(Killed, Some(9), None)],
            ),
            (
                "Raiders slaughtered a family of seven in the village.",
                &[(Killed, Some(7), Some(7))],
            ),
            (
                "The dead included six civilians and eight soldiers.",
                &[(Killed, Some(6), Some(6)), (Killed, Some(8), Some(8))],
            ),
            (
                "Six people, two foreigners and four locals, were killed in the capital.",
                &[(Killed, Some(6), Some(6))],
            ),
            (
                "At least 45 people, mostly women and children killed by armed men.",
                &[(Killed, Some(45), None)],
            ),
            (
                "At least seven civilians on the far side of the border were killed.",
                &[(Killed, Some(7), None)],
            ),
            (
                "At least 13 people, most of them members of the same family, were killed.",
                &[(Killed, Some(13), None)],
            ),
            (
                "A clash between two gangs claimed 10 lives in the village.",
                &[(Killed, Some(10), Some(10))],
            ),
            (
                "Two aid workers lost their lives in the attack.",
                &[(Killed, Some(2), Some(2))],
            ),
            (
                "At least 15 people (10 civilians and five policemen) were killed.",
                &[(Killed, Some(15), None)],
            ),
            (
                "Two members of the Doctors for Peace Party were killed.",
                &[(Killed, Some(2), Some(2))],
            ),
            (
                "Eighteen people -- seven herders and 11 raiders -- have been killed.",
                &[(Killed, Some(18), Some(18))],
            ),
            (
                "Four civilians, two policemen and a customs officer were killed.",
                &[
                    (Killed, Some(4), Some(4)),
                    (Killed, Some(2), Some(2)),
                    (Killed, Some(1), Some(1)),
                ],
            ),
            (
                "In a 5 June attack on the village, seven people were killed.",
                &[(Killed, Some(7), Some(7))],
            ),
            (
                "After an attack by 20 gunmen, seven people were killed.",
                &[(Killed, Some(7), Some(7))],
            ),
            (
                "At least five people are said to have died after the raid.",
                &[(Killed, Some(5), None)],
            ),
            (
                "Lawmakers condemned the massacre of 12 civilians by soldiers.",
                &[(Killed, Some(12), Some(12))],
            ),
            (
                "Police launched a hunt for the killers of five women.",
                &[(Killed, Some(5), Some(5))],
            ),
            (
                "A mother and her four children were killed on Sunday.",
                &[(Killed, Some(1), Some(1)), (Killed, Some(4), Some(4))],
            ),
            (
                "Six children - three of them from one family - have been killed.",
                &[(Killed, Some(6), Some(6)), (Killed, Some(3), Some(3))],
            ),
            ("Gunmen killed 73 cows in the village.", &[]),
            // Two predicates: the last one says what became of them.
            (
                "Six villagers were abducted and killed by the raiders.",
                &[(Killed, Some(6), Some(6))],
            ),
            (
                "Three men were attacked and killed on the road.",
                &[(Killed, Some(3), Some(3))],
            ),
            (
                "No fewer than 15 people were killed in the raid.",
                &[(Killed, Some(15), None)],
            ),
            // Object of a verb; killed and wounded in one clause stay apart.
            (
                "Gunmen shot dead four traders and wounded three others.",
                &[(Killed, Some(4), Some(4)), (Injured, Some(3), Some(3))],
            ),
            (
                "the raid, killing six guards and injuring two others",
                &[(Killed, Some(6), Some(6)), (Injured, Some(2), Some(2))],
            ),
            ("killing fewer than ten people", &[(Killed, None, Some(9))]),
            (
                "resulted in the deaths of 12 soldiers",
                &[(Killed, Some(12), Some(12))],
            ),
            // One person without a numeral.
            (
                "Bandits killed a village elder on Monday.",
                &[(Killed, Some(1), Some(1))],
            ),
            (
                "A retired teacher was stabbed to death.",
                &[(Killed, Some(1), Some(1))],
            ),
            (
                "A 40-year-old driver was wounded.",
                &[(Injured, Some(1), Some(1))],
            ),
            // A singular passive is one person; "no one" is not.
            (
                "The district mayor was shot dead outside his home.",
                &[(Killed, Some(1), Some(1))],
            ),
            (
                "Gunmen killed the village chief at dawn.",
                &[(Killed, Some(1), Some(1))],
            ),
            (
                "A bomber killed at least 31 people and wounded 35.",
                &[(Killed, Some(31), None), (Injured, Some(35), Some(35))],
            ),
            (
                "At least 11 people, including two nurses, have been killed.",
                &[(Killed, Some(11), None), (Killed, Some(2), Some(2))],
            ),
            // Coordinated counts share the predicate.
            (
                "Three men and two women were killed.",
                &[(Killed, Some(3), Some(3)), (Killed, Some(2), Some(2))],
            ),
            // Tolls and the verbs that move them.
            (
                "The death toll from the blast rose to 31 on Friday.",
                &[(Killed, Some(31), Some(31))],
            ),
            (
                "The number of people killed has climbed to 18.",
                &[(Killed, Some(18), Some(18))],
            ),
            (
                "The number of injured stood at 40.",
                &[(Injured, Some(40), Some(40))],
            ),
            // A toll stated, not moved: "put at", with the toll far back in its clause.
            (
                "The total number of people killed in four days of fighting between the two clans around the river towns has been put at 27 by the elders.",
                &[(Killed, Some(27), Some(27))],
            ),
            (
                "A monitoring group puts the death total from the raid on the village at nine.",
                &[(Killed, Some(9), Some(9))],
            ),
            // "at" after a noun with no verb of stating is not a toll.
            ("Rescuers worked at 30 sites after the storm.", &[]),
            // Missing and captured are their own kinds.
            ("Eleven crew are missing.", &[(Missing, Some(11), Some(11))]),
            (
                "Raiders abducted 30 pupils from the school.",
                &[(Captured, Some(30), Some(30))],
            ),
            // Explicit negatives; silence is not zero.
            (
                "no casualties were reported",
                &[(Killed, Some(0), Some(0)), (Injured, Some(0), Some(0))],
            ),
            ("No one was hurt.", &[(Injured, Some(0), Some(0))]),
            (
                "None of the aid workers were injured.",
                &[(Injured, Some(0), Some(0))],
            ),
            (
                "No one was killed or injured.",
                &[(Killed, Some(0), Some(0)), (Injured, Some(0), Some(0))],
            ),
            ("the incident posed no threat to civilians", &[]),
            ("officials said nothing about casualties", &[]),
            // Numbers that count other things.
            ("a 17-year-old girl and twin sisters aged 14", &[]),
            ("a boy of 15 was hurt", &[(Injured, Some(1), Some(1))]),
            ("a population of about 217,000", &[]),
            ("472 drones were launched", &[]),
            ("Twenty buildings were destroyed", &[]),
            ("24 kilometers from the front line", &[]),
            ("a bombing in 2017 killed", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(&hits(s), want, "{s:?}");
        }
    }
}
