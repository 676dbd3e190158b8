//! The casualty ledger: every figure in the article gets exactly one role, with the
//! reason a reader can check. Totals add only `counted` figures (and the parts of a
//! summary when the summary itself is out of view), so nothing is counted twice and
//! silence never becomes zero.
//!
//! Two passes. Within an event, cues decide (a subset, an earlier toll, a tally), then
//! the figure the incident ends on is counted: the latest update if the text gives one,
//! else the largest lower bound; coordinated counts in one clause add up ("three men and
//! two women"). Across events, a figure that only repeats another event's toll (a
//! headline, a summary told before its parts) is marked so that it is not added twice.

use std::collections::{HashMap, HashSet};

use crate::cues::Cue;
use crate::events::{fmt_iv, overlaps};
use crate::model::{Casualty, CasualtyKind, Event, Figure, FigureRole, Interval, Span};
use crate::totals::sum;

const KINDS: [CasualtyKind; 4] = [
    CasualtyKind::Killed,
    CasualtyKind::Injured,
    CasualtyKind::Missing,
    CasualtyKind::Captured,
];

fn entry(c: &Casualty, event: &str, role: FigureRole, reason: impl Into<String>) -> Figure {
    Figure {
        kind: Some(c.kind),
        count: c.count.clone(),
        count_text: c.count_text.clone(),
        text: c.text.clone(),
        sentence: c.sentence,
        span: c.span,
        event: Some(event.to_string()),
        refers_to: None,
        role,
        reason: reason.into(),
    }
}

/// The role a cue gives on its own, before figures are compared.
fn role_from_cue(c: &Casualty) -> Option<(FigureRole, &'static str)> {
    match c.cue {
        Cue::Aggregate => Some((
            FigureRole::Background,
            "a cumulative figure (\"since\", \"so far\", \"this year\"), not one incident",
        )),
        Cue::Subset => Some((
            FigureRole::Subset,
            "a share of another figure (\"including\", \"among them\")",
        )),
        Cue::Earlier => Some((
            FigureRole::Superseded,
            "an earlier figure (\"earlier\", \"initially\", \"had given\") replaced by a later one",
        )),
        Cue::HeadlineMore => Some((
            FigureRole::Restated,
            "further victims named in the headline; the body tells them with their incident",
        )),
        _ => None,
    }
}

/// One clause's worth of figures: coordinated counts in a sentence add up.
struct Group<'a> {
    items: Vec<&'a Casualty>,
    value: Interval,
    update: bool,
    claim: bool,
}

fn groups<'a>(cands: &[&'a Casualty]) -> Vec<Group<'a>> {
    let mut out: Vec<Group> = Vec::new();
    for c in cands {
        match out.last_mut() {
            Some(g) if c.joined && g.items[0].sentence == c.sentence => g.items.push(c),
            _ => out.push(Group {
                items: vec![c],
                value: Interval::default(),
                update: false,
                claim: false,
            }),
        }
    }
    for g in &mut out {
        g.value = sum(g.items.iter().map(|c| &c.count));
        g.update = g.items.iter().any(|c| c.cue == Cue::Update);
        g.claim = g.items.iter().all(|c| c.cue == Cue::Claim);
    }
    out
}

/// Which group an incident ends on: the last update if the text moves the toll, else the
/// highest lower bound among non-claims (ties to the first telling).
fn chosen(gs: &[Group]) -> Option<usize> {
    if let Some(i) = gs.iter().rposition(|g| g.update && !g.claim) {
        return Some(i);
    }
    let pool: Vec<usize> = (0..gs.len()).filter(|&i| !gs[i].claim).collect();
    let pool = if pool.is_empty() {
        (0..gs.len()).collect()
    } else {
        pool
    };
    let positive: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| !gs[i].value.is_zero())
        .collect();
    let pool = if positive.is_empty() { pool } else { positive };
    pool.into_iter().rev().max_by_key(|&i| {
        (
            gs[i].value.min.unwrap_or(0),
            gs[i].value.max.map_or(u64::MAX, |m| m),
        )
    })
}

/// Settles one event: sets its killed/injured figures and returns its ledger entries.
///
/// `earlier_stands`: kinds for which the whole article gives only earlier figures ("the
/// mission earlier reported two wounded" and nothing after): there the earlier figure is
/// all the text gives, so it is counted rather than superseded by nothing.
pub fn settle(e: &mut Event, earlier_stands: &[CasualtyKind]) -> Vec<Figure> {
    let mut out = Vec::new();
    for kind in KINDS {
        let stmts: Vec<&Casualty> = e.casualties.iter().filter(|c| c.kind == kind).collect();
        let mut cands = Vec::new();
        // Bodies counted after the fact are a share of a toll told for the incident.
        let told = stmts.iter().any(|c| c.cue != Cue::Aftermath);
        for c in &stmts {
            if c.cue == Cue::Aftermath && told {
                out.push(entry(
                    c,
                    &e.id,
                    FigureRole::Subset,
                    "bodies recovered or buried afterwards: within the incident's toll",
                ));
                continue;
            }
            let stands = c.cue == Cue::Earlier && earlier_stands.contains(&kind);
            match role_from_cue(c).filter(|_| !stands) {
                Some((role, why)) => out.push(entry(c, &e.id, role, why)),
                None => cands.push(*c),
            }
        }
        let all = groups(&cands);
        // "eight more bodies were found, raising the toll to 20": the increase is inside
        // the update told in the same sentence, not added to it.
        let updated_in: Vec<usize> = all
            .iter()
            .filter(|g| g.update)
            .map(|g| g.items[0].sentence)
            .collect();
        let increment = |g: &Group| {
            matches!(g.items[0].cue, Cue::Additional { .. })
                && updated_in.contains(&g.items[0].sentence)
        };
        // "killed 11 others", "elsewhere, two died": further victims add to the figure.
        let (extra, gs): (Vec<Group>, Vec<Group>) = all.into_iter().partition(|g| {
            matches!(g.items[0].cue, Cue::Additional { .. } | Cue::Separate)
                && !g.value.is_zero()
                && !increment(g)
        });
        let mut figure = chosen(&gs).map(|best| {
            let b = &gs[best];
            for (i, g) in gs.iter().enumerate() {
                for c in &g.items {
                    let (role, why) = if increment(g) && i != best {
                        (
                            FigureRole::Part,
                            format!("the increase inside the updated toll {}", fmt_iv(&b.value)),
                        )
                    } else {
                        compare(i == best, g, b)
                    };
                    let mut f = entry(c, &e.id, role, why);
                    if role == FigureRole::Part {
                        // A part of this event's own toll: never added beside it.
                        f.refers_to = Some(e.id.clone());
                    }
                    out.push(f);
                }
            }
            b.value.clone()
        });
        for g in &extra {
            for c in &g.items {
                out.push(entry(
                    c,
                    &e.id,
                    FigureRole::Counted,
                    "further victims (\"others\", \"another\", \"elsewhere\"): added",
                ));
            }
            figure = Some(match figure {
                Some(f) => sum([&f, &g.value].into_iter()),
                None => g.value.clone(),
            });
        }
        match kind {
            CasualtyKind::Killed => e.killed = figure,
            CasualtyKind::Injured => e.injured = figure,
            _ => {}
        }
    }
    // A background event (a tally, an incident recalled from further back) keeps its
    // own figure for its card, but nothing in it counts towards the totals.
    if e.background {
        let (role, why) = background_role();
        for f in out.iter_mut().filter(|f| f.role == FigureRole::Counted) {
            f.role = role;
            f.reason = why.into();
        }
    }
    out.sort_by_key(|f| (f.sentence, f.span.start));
    out
}

fn background_role() -> (FigureRole, &'static str) {
    (
        FigureRole::Background,
        "part of a running tally or an incident recalled from further back",
    )
}

fn compare(is_best: bool, g: &Group, best: &Group) -> (FigureRole, String) {
    if is_best {
        let why = if g.items.len() > 1 {
            "the incident's figure; counts in one clause add up"
        } else if g.update {
            "the incident's latest figure (the toll was updated to it)"
        } else {
            "the incident's figure"
        };
        return (FigureRole::Counted, why.into());
    }
    let b = fmt_iv(&best.value);
    // One side's own account stays a claim even when it fits the reported figure
    // ("at least 17" and "30"): a reader should see whose number it is.
    if g.claim {
        return (
            FigureRole::Claim,
            format!("one side's figure, competing with the reported {b}"),
        );
    }
    if overlaps(&g.value, &best.value) {
        return (
            FigureRole::Restated,
            format!("the same toll told again ({b})"),
        );
    }
    if best.update {
        return (
            FigureRole::Superseded,
            format!("replaced by the updated toll {b}"),
        );
    }
    if g.value.min.unwrap_or(0) < best.value.min.unwrap_or(0) {
        return (
            FigureRole::Superseded,
            format!("a lower count of the same incident, overtaken by {b}"),
        );
    }
    (FigureRole::Claim, format!("a figure competing with {b}"))
}

/// Whether a ledger entry is a counted figure of this kind in this event.
fn counted_in(f: &Figure, event: &str, kind: CasualtyKind) -> bool {
    f.role == FigureRole::Counted && f.kind == Some(kind) && f.event.as_deref() == Some(event)
}

/// Counted figure of one kind for each event (by index), from the ledger in one pass:
/// asking per event would make reconciling quadratic in the length of the text.
fn counted_all(events: &[Event], ledger: &[Figure], kind: CasualtyKind) -> Vec<Option<Interval>> {
    let index: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut xs: Vec<Vec<&Interval>> = vec![Vec::new(); events.len()];
    for f in ledger {
        if f.role != FigureRole::Counted || f.kind != Some(kind) {
            continue;
        }
        if let Some(&i) = f.event.as_deref().and_then(|e| index.get(e)) {
            xs[i].push(&f.count);
        }
    }
    xs.into_iter()
        .map(|v| (!v.is_empty()).then(|| sum(v.into_iter())))
        .collect()
}

/// Whether an event only sums up or repeats others: a headline, or a mention with no
/// place of its own.
fn is_general(e: &Event, heading: &dyn Fn(usize) -> bool) -> bool {
    e.sentences.iter().all(|&s| heading(s)) || e.place_id.is_none()
}

/// Across events: a general event whose figure equals another event's is a restatement;
/// one whose figure equals the sum of several later events is a summary of them (the
/// summary is counted, they become its parts).
pub fn reconcile_events(
    events: &[Event],
    ledger: &mut [Figure],
    heading: &dyn Fn(usize) -> bool,
    broad: &dyn Fn(&str) -> bool,
) {
    shared_statements(ledger);
    for kind in [CasualtyKind::Killed, CasualtyKind::Injured] {
        let figs = counted_all(events, ledger, kind);
        let live: Vec<usize> = (0..events.len())
            .filter(|&i| !events[i].background && figs[i].as_ref().is_some_and(|f| !f.is_zero()))
            .collect();
        let mut x = Across {
            events,
            ledger: &mut *ledger,
            kind,
            figs: &figs,
            live: &live,
            restated: HashSet::new(),
        };
        x.twins();
        x.summaries(heading);
        let restated = x.restated;
        // Figures again: the rules above may have turned some into parts or retellings.
        let figs = counted_all(events, ledger, kind);
        let live: Vec<usize> = live
            .into_iter()
            .filter(|&i| !restated.contains(&i) && figs[i].is_some())
            .collect();
        lede_parts(events, ledger, kind, &live, &figs, broad);
        one_sided(events, ledger, kind, &live);
    }
}

/// One statement shared by events split from one sentence (one per place) counts once.
fn shared_statements(ledger: &mut [Figure]) {
    let mut seen: HashSet<(Span, Option<CasualtyKind>)> = HashSet::new();
    let mut first_event: Vec<(Span, String)> = Vec::new();
    for f in ledger.iter_mut() {
        if !seen.insert((f.span, f.kind)) && f.role == FigureRole::Counted {
            let owner = first_event
                .iter()
                .find(|(s, _)| *s == f.span)
                .map(|(_, e)| e.clone());
            f.role = FigureRole::Restated;
            f.reason =
                "the same statement, already counted with another place of its sentence".into();
            f.refers_to = owner;
        } else if let Some(e) = f.event.as_ref().filter(|_| f.role == FigureRole::Counted) {
            first_event.push((f.span, e.clone()));
        }
    }
}

/// The events with a counted figure of one kind, compared with each other.
struct Across<'a> {
    events: &'a [Event],
    ledger: &'a mut [Figure],
    kind: CasualtyKind,
    /// Counted figure per event (by index).
    figs: &'a [Option<Interval>],
    /// Events in text order with a non-zero counted figure, not background.
    live: &'a [usize],
    /// Events found to retell another's toll.
    restated: HashSet<usize>,
}

impl Across<'_> {
    fn mark(&mut self, i: usize, role: FigureRole, j: usize, reason: String) {
        let (e, r) = (&self.events[i].id, &self.events[j].id);
        mark(self.ledger, e, self.kind, role, r, reason);
    }

    /// The same toll in two events of one category whose dates and places agree is one
    /// incident told twice (the coreference step kept them apart, e.g. over an update).
    fn twins(&mut self) {
        let (events, figs, live) = (self.events, self.figs, self.live);
        for (n, &i) in live.iter().enumerate() {
            let twin = live[..n].iter().copied().find(|&j| {
                !self.restated.contains(&j)
                    && events[j].category == events[i].category
                    && (events[j].date.is_none()
                        || events[i].date.is_none()
                        || events[j].date == events[i].date)
                    && events[j].place_id == events[i].place_id
                    && figs[j] == figs[i]
            });
            if let Some(j) = twin {
                self.restated.insert(i);
                let fi = figs[i].as_ref().map(fmt_iv).unwrap_or_default();
                let why = format!(
                    "the toll of {} told again ({fi}; same category, no conflicting date)",
                    events[j].id
                );
                self.mark(i, FigureRole::Restated, j, why);
            }
        }
    }

    /// A general event (a headline, a mention with no place) at the top whose figure is
    /// the sum of the specific events told after it is their summary; one equal to
    /// another event's figure repeats it. Further down, a figure without a place is one
    /// more incident whose place the text did not name.
    fn summaries(&mut self, heading: &dyn Fn(usize) -> bool) {
        let (events, figs, live) = (self.events, self.figs, self.live);
        for &i in live {
            let top = events[i].sentences.first().is_some_and(|&s| s <= 2);
            if self.restated.contains(&i) || !is_general(&events[i], heading) || !top {
                continue;
            }
            let Some(fi) = figs[i].as_ref() else {
                continue;
            };
            let parts: Vec<usize> = live
                .iter()
                .copied()
                .filter(|&j| {
                    j != i && !self.restated.contains(&j) && !is_general(&events[j], heading)
                })
                .collect();
            let part_sum = sum(parts.iter().filter_map(|&j| figs[j].as_ref()));
            if parts.len() >= 2 && part_sum.min == fi.min && part_sum.min.is_some() {
                for &j in &parts {
                    let why = format!(
                        "one part of the summary figure {} in {}",
                        fmt_iv(fi),
                        events[i].id
                    );
                    self.mark(j, FigureRole::Part, i, why);
                }
                continue;
            }
            let same = live.iter().copied().find(|&j| {
                j != i
                    && !self.restated.contains(&j)
                    && figs[j].as_ref().is_some_and(|fj| fj.min == fi.min)
            });
            if let Some(j) = same {
                self.restated.insert(i);
                let why = format!("the toll of {} told again ({})", events[j].id, fmt_iv(fi));
                self.mark(i, FigureRole::Restated, j, why);
            }
        }
    }
}

/// An incident told after the lede whose only figure is what one side says it did
/// ("the group said its men had killed 300 militiamen"): a claim, shown but not added
/// to the reported tolls. A claim that is the article's only figure still counts: it is
/// all the text gives.
fn one_sided(events: &[Event], ledger: &mut [Figure], kind: CasualtyKind, live: &[usize]) {
    for &j in live.iter().skip(1) {
        let mut own = events[j]
            .casualties
            .iter()
            .filter(|c| c.kind == kind)
            .peekable();
        if own.peek().is_some() && own.all(|c| c.cue == Cue::Claim) {
            mark(
                ledger,
                &events[j].id,
                kind,
                FigureRole::Claim,
                &events[live[0]].id,
                "one side's own account, beside the reported toll".into(),
            );
        }
    }
}

/// Whether a figure counts the attackers ("shot dead five gunmen", "the bomber died").
fn is_attackers(c: &Casualty) -> bool {
    let words = c.who.as_deref().unwrap_or(&c.text);
    words
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| crate::lexicon::class_of(&w.to_lowercase()).has(crate::lexicon::Class::ATTACKER))
}

/// The lede states the incident's toll and the sentences after it break it down: "Air
/// strikes killed 10 civilians in the province. Six died in one town … another
/// civilian died in shelling …". Later figures that could be its parts (same day or no
/// date, a place inside the lede's or a lede without a precise place, no "elsewhere" or
/// "in a separate attack") and that add up to no more than the lede's figure are parts
/// of it, not further victims. When they add up to more, they are left alone: the text
/// then tells further incidents or a new toll. A breakdown follows its lede within a
/// few sentences; figures further down belong to the rest of the story.
fn lede_parts(
    events: &[Event],
    ledger: &mut [Figure],
    kind: CasualtyKind,
    live: &[usize],
    figs: &[Option<Interval>],
    broad: &dyn Fn(&str) -> bool,
) {
    let Some(&lede) = live.first() else { return };
    let le = &events[lede];
    if le.sentences.first().is_none_or(|&s| s > 2) {
        return;
    }
    let Some(total) = figs[lede].clone() else {
        return;
    };
    let Some(cap) = total.min else { return };
    let fit = Fit {
        lede: le,
        kind,
        open_place: le.place_id.as_deref().is_none_or(broad),
        attackers: le
            .casualties
            .iter()
            .any(|c| c.kind == kind && is_attackers(c)),
    };
    let later = &live[1..];
    let total_of = |js: &[usize]| sum(js.iter().filter_map(|&j| figs[j].as_ref())).min;
    let pick = |strict: bool, near: bool| -> Vec<usize> {
        later
            .iter()
            .copied()
            .filter(|&j| fit.part(&events[j], strict, near))
            .collect()
    };
    // Parts that, with the lede's own smaller figures ("at least ten in the capital"),
    // add up exactly to the lede's toll are its breakdown wherever they are told.
    let inner: u64 = ledger
        .iter()
        .filter(|f| f.event.as_deref() == Some(le.id.as_str()) && f.kind == Some(kind))
        .filter(|f| f.role == FigureRole::Restated && f.count.min.is_some_and(|m| m < cap))
        .filter_map(|f| f.count.min)
        .sum();
    let everywhere = pick(false, false);
    let elsewhere = inner == 0
        && !fit.open_place
        && matches!(everywhere.as_slice(), [j] if fresh_elsewhere(&events[*j], &fit, broad));
    let exact = !elsewhere && total_of(&everywhere).is_some_and(|m| m + inner == cap);
    // Otherwise the candidates told close after the lede; if they overshoot, only those
    // not told as further victims ("another civilian died" may be one of the parts).
    let parts = if exact {
        everywhere
    } else {
        let near = pick(false, true);
        if total_of(&near).is_some_and(|m| m > cap) {
            pick(true, true)
        } else {
            near
        }
    };
    if parts.is_empty() || total_of(&parts).is_none_or(|m| m > cap) {
        return;
    }
    // One later figure equal to the lede's is the same toll told again.
    let retold = parts.len() == 1 && total_of(&parts) == Some(cap);
    for &j in &parts {
        let (role, why) = if retold {
            (FigureRole::Restated, "the lede's toll told again")
        } else {
            (
                FigureRole::Part,
                "told after the lede's figure, and within it",
            )
        };
        mark(
            ledger,
            &events[j].id,
            kind,
            role,
            &le.id,
            format!("{why} ({} in {})", fmt_iv(&total), le.id),
        );
    }
}

/// One later figure equal to the lede's, told as a fresh incident ("shelling killed two
/// men") in another town, is another incident with the same toll. A toll update ("the
/// toll had risen to 12") or a country named in passing is a retelling.
fn fresh_elsewhere(e: &Event, fit: &Fit, broad: &dyn Fn(&str) -> bool) -> bool {
    let fresh = e
        .casualties
        .iter()
        .all(|c| c.kind != fit.kind || !matches!(c.cue, Cue::Update | Cue::Earlier));
    fresh
        && e.place_id
            .as_deref()
            .is_some_and(|p| Some(p) != fit.lede.place_id.as_deref() && !broad(p))
}

/// Whether a later event can be one part of the lede's toll.
struct Fit<'a> {
    lede: &'a Event,
    kind: CasualtyKind,
    /// The lede names no precise place (none, a country or a region).
    open_place: bool,
    /// The lede itself counts attackers.
    attackers: bool,
}

impl Fit<'_> {
    /// Same day or undated, not attackers (they are not a share of the victims), not
    /// told as another incident; with `strict`, not told as further
    /// victims either; with `near`, told within five sentences of the lede and inside
    /// its place.
    fn part(&self, e: &Event, strict: bool, near: bool) -> bool {
        let le = self.lede;
        // One person told by name after a toll ("the novelist X was injured") is one
        // of its victims, wherever the sentence is and whatever place it names.
        let mut own = e
            .casualties
            .iter()
            .filter(|c| c.kind == self.kind)
            .peekable();
        let named = own.peek().is_some() && own.all(|c| c.count_text == "one" && c.who.is_some());
        let close = !near
            || named
            || e.sentences
                .first()
                .is_some_and(|&s| s <= le.sentences[0] + 5);
        let dated = le.date.is_none() || e.date.is_none() || e.date == le.date;
        // An exact sum (`near` off) is evidence enough that the lede spans several places.
        let placed =
            !near || named || self.open_place || e.place_id.is_none() || e.place_id == le.place_id;
        let mut cues = e.casualties.iter().filter(|c| c.kind == self.kind);
        // "In a separate strike …" may still be one part of a lede that sums a wave of
        // strikes; only an exact sum (`near` off) is evidence enough for that.
        // An exact sum may include attackers killed in the lede's own count ("attacks
        // killed 19": six villagers, three soldiers and ten militants).
        let separate = cues.any(|c| {
            (is_attackers(c) && !self.attackers && near)
                || (near && c.cue == Cue::Separate)
                || (strict && matches!(c.cue, Cue::Additional { .. }))
                || (near && c.cue == Cue::Additional { beyond: true })
        });
        close && dated && placed && !separate
    }
}

fn mark(
    ledger: &mut [Figure],
    event: &str,
    kind: CasualtyKind,
    role: FigureRole,
    refers_to: &str,
    reason: String,
) {
    for f in ledger.iter_mut().filter(|f| counted_in(f, event, kind)) {
        f.role = role;
        f.refers_to = Some(refers_to.to_string());
        f.reason = reason.clone();
    }
}

/// A number that a reader might take for a toll but that counts something else.
pub fn not_casualties(
    text: &str,
    toks: &[crate::text::Tok],
    sentence: usize,
    a: usize,
    b: usize,
    why: &str,
) -> Figure {
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    let end = toks.get(b).map_or(span.end, |t| t.span.end);
    let words = Span::new(span.start, end);
    Figure {
        kind: None,
        count: Interval::default(),
        count_text: span.slice(text).to_string(),
        text: words.slice(text).to_string(),
        sentence,
        span,
        event: None,
        refers_to: None,
        role: FigureRole::NotCasualties,
        reason: why.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{CasualtyKind, FigureRole};
    use crate::{extract_text, Gazetteer};

    /// (role, kind, min) of each casualty figure, and the killed total.
    fn roles(text: &str) -> (Vec<(FigureRole, u64)>, Option<u64>) {
        let x =
            extract_text(text, "t", Some("2025-03-10"), Gazetteer::embedded()).expect("extracts");
        let rows = x
            .ledger
            .iter()
            .filter(|f| f.kind == Some(CasualtyKind::Killed))
            .map(|f| (f.role, f.count.min.unwrap_or(0)))
            .collect();
        (rows, x.totals.killed.and_then(|k| k.min))
    }

    /// Made-up articles, one discourse pattern each.
    #[test]
    fn ledger_roles() {
        use FigureRole::*;
        type Case<'a> = (&'a str, &'a [(FigureRole, u64)], Option<u64>);
        let cases: &[Case] = &[
            (
                "A drone strike on a market in Kharkiv killed 14 people, including three children.",
                &[(Counted, 14), (Subset, 3)],
                Some(14),
            ),
            (
                "A missile hit a school in Odesa on Sunday, killing nine people.\nThe toll rose to 12 on Monday, officials said, after they had earlier put it at nine.",
                &[(Superseded, 9), (Counted, 12), (Superseded, 9)],
                Some(12),
            ),
            (
                "Shelling killed four people in Kherson on Monday.\nThe war has killed more than 10,000 civilians since it began.",
                &[(Counted, 4), (Background, 10001)],
                Some(4),
            ),
            (
                "Gunmen shot dead five farmers in a village near Kano on Sunday.\nElsewhere, two more people were killed.",
                &[(Counted, 5), (Counted, 2)],
                Some(7),
            ),
            ("Officials said nothing about casualties after the drone strike on Kursk.", &[], None),
            // A lede and its breakdown: the parts add up to no more than the lede.
            (
                "Air strikes killed 10 civilians in Syria on Sunday.\nSix people died in a strike on a market in Idlib.\nAnother civilian died in shelling near Aleppo.",
                &[(Counted, 10), (Part, 6), (Part, 1)],
                Some(10),
            ),
            // A lede summing strikes in several cities, its parts told further down
            // (one "separate"): they add up exactly, with the capital's own figure.
            // Two places in one sentence keep their own figures.
            (
                "Missiles kill 20 across Ukraine\nRussian missiles killed at least 20 people across Ukraine on Monday, officials said.\nIn Kyiv, at least 11 people were killed when a missile hit a clinic.\nIn a separate strike on Dnipro, five people died.\nThree people died in Kharkiv and one person was killed in Odesa.",
                &[(Restated, 20), (Counted, 20), (Restated, 11), (Part, 5), (Part, 3), (Part, 1)],
                Some(20),
            ),
            // A victim named after the toll is one of its victims, not one more.
            (
                "A missile killed 12 people at a cafe in Kramatorsk on Sunday.\nRescuers worked through the night.\nThe writers gathered in the city again on Monday.\nThe poet Jane Doe was killed, her publisher in Kyiv said.",
                &[(Counted, 12), (Part, 1)],
                Some(12),
            ),
            // What one side says it did, told after the toll, is a claim.
            (
                "Gunmen killed 12 villagers near Maiduguri on Sunday.\nThe army said its soldiers had killed 40 of the gunmen in a raid near Maiduguri.",
                &[(Counted, 12), (Claim, 40)],
                Some(12),
            ),
            // The lede's toll told again paragraphs later, without a place.
            (
                "An air strike killed seven aid workers in Deir al-Balah on Monday.\nThe convoy had three cars.\nIt had crossed the border at dawn.\nThe drivers had worked there for a year.\nNobody answered the radio after the first strike.\nThe roads were closed.\nThe charity later confirmed that seven of its team had died.",
                &[(Counted, 7), (Restated, 7)],
                Some(7),
            ),
            // A month other than the main incident's, even without a day, is recalled.
            (
                "A car bomb killed 12 people at a beach in Mogadishu on August 2, 2024.\nIn mid-July, a car bomb outside a cafe in Mogadishu killed nine people.",
                &[(Counted, 12), (Background, 9)],
                Some(12),
            ),
            // The same toll in two places is two incidents.
            (
                "A drone killed two women in Kherson on Sunday.\nShelling killed two men in Kharkiv on Sunday.",
                &[(Counted, 2), (Counted, 2)],
                Some(4),
            ),
            // An earlier figure that nothing replaced stands.
            (
                "A drone hit a cargo ship near Hodeidah on Sunday.\nThe navy had earlier reported three sailors dead.",
                &[(Counted, 3)],
                Some(3),
            ),
            // An incident recalled from a year before is background, not added.
            (
                "A drone strike killed four people in Kherson on March 9, 2025.\nOn April 2, 2024, a strike on the same town killed six people.",
                &[(Counted, 4), (Background, 6)],
                Some(4),
            ),
            // A lede whose parts, attackers included, add up to it exactly.
            (
                "Attacks in three provinces killed 19 people on Sunday.\nIn the north, gunmen killed six villagers at a well.\nA roadside bomb killed three soldiers in the east.\nSoldiers killed ten militants in a raid in the west.",
                &[(Counted, 19), (Part, 6), (Part, 3), (Part, 10)],
                Some(19),
            ),
            // The increase told with an update is inside it.
            (
                "A missile hit an apartment block on Monday, killing 12 people.\nRescuers pulled eight more bodies from the rubble on Wednesday, raising the death toll to 20.",
                &[(Superseded, 12), (Part, 8), (Counted, 20)],
                Some(20),
            ),
            // Bodies buried days later are within the toll, not another incident.
            (
                "Gunmen killed at least 40 people in a village on Monday.\nOn Wednesday, residents dug graves for about 25 bodies.",
                &[(Counted, 40), (Subset, 25)],
                Some(40),
            ),
            // One side's own account is its claim even when it fits the reported toll.
            (
                "Five soldiers and at least 12 militants were killed in clashes near the border on Thursday.\nThe militants said they had killed 30 soldiers, a figure the army dismissed.",
                &[(Counted, 5), (Counted, 12), (Claim, 30)],
                Some(17),
            ),
            // Attackers shot dead are not a share of the victims.
            (
                "A car bomb killed 12 civilians at a market in Mogadishu on Friday.\nSoldiers later shot dead three gunmen near the market in Mogadishu.",
                &[(Counted, 12), (Counted, 3)],
                Some(15),
            ),
        ];
        for (text, want, total) in cases {
            let (got, t) = roles(text);
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(&t, total, "total of {text:?}");
        }
    }
}
