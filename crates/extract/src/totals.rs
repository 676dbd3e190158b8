//! Casualty totals. The one invariant users rely on: an incident is counted once, however
//! many times the article tells it. The ledger ([`crate::ledger`]) gives every figure one
//! role; totals add the counted ones over whichever events are in view.

use std::collections::HashSet;

use crate::model::{CasualtyKind, Event, Figure, FigureRole, Interval, Totals};

/// Adds intervals: lower bounds add (a missing lower bound counts as 0); the upper bound
/// stays known only while every added interval has one.
pub fn sum<'a>(items: impl Iterator<Item = &'a Interval>) -> Interval {
    let mut min = 0u64;
    let mut max = Some(0u64);
    let mut approx = false;
    let mut any_min = false;
    for i in items {
        if let Some(m) = i.min {
            min = min.saturating_add(m);
            any_min = true;
        }
        max = match (max, i.max) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        approx |= i.approx;
    }
    Interval {
        min: if any_min || max == Some(0) {
            Some(min)
        } else {
            None
        },
        max,
        approx,
    }
}

/// Whether a figure of an event in view adds to the totals: a counted figure does; a
/// part does only when the summary it belongs to is not in view (else the summary is
/// counted and the part is inside it). The one rule every total in the project uses.
pub fn adds(role: FigureRole, summary_in_view: bool) -> bool {
    role == FigureRole::Counted || (role == FigureRole::Part && !summary_in_view)
}

/// The figures that make the totals over a set of events: see [`adds`]. Background
/// events add nothing.
pub fn counted<'a, 'e>(
    events: impl Iterator<Item = &'e Event>,
    ledger: &'a [Figure],
) -> Vec<&'a Figure> {
    let ids: HashSet<&str> = events
        .filter(|e| !e.background)
        .map(|e| e.id.as_str())
        .collect();
    ledger
        .iter()
        .filter(|f| {
            f.event.as_deref().is_some_and(|e| ids.contains(e))
                && adds(
                    f.role,
                    f.refers_to.as_deref().is_some_and(|r| ids.contains(r)),
                )
        })
        .collect()
}

/// Totals of the given figures (those [`counted`] chose): each kind summed, and the
/// events whose killed or injured figures went in, in ledger order. `None` when no
/// figure of that kind is in view: unknown, not zero.
pub fn totals_of_figures<'a>(figures: impl Iterator<Item = &'a Figure> + Clone) -> Totals {
    let of_kind = |k: CasualtyKind| -> Option<Interval> {
        let mut xs = figures.clone().filter(|f| f.kind == Some(k)).peekable();
        xs.peek().is_some().then(|| sum(xs.map(|f| &f.count)))
    };
    // The ledger is in text order, so one event's figures need not be adjacent.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut evs: Vec<String> = Vec::new();
    for f in figures
        .clone()
        .filter(|f| matches!(f.kind, Some(CasualtyKind::Killed | CasualtyKind::Injured)))
    {
        if let Some(e) = f.event.as_deref().filter(|e| seen.insert(e)) {
            evs.push(e.to_string());
        }
    }
    Totals {
        killed: of_kind(CasualtyKind::Killed),
        injured: of_kind(CasualtyKind::Injured),
        events: evs,
    }
}

/// Totals over a set of events: the sum of [`counted`] figures of each kind.
pub fn compute_over<'a>(events: impl Iterator<Item = &'a Event>, ledger: &[Figure]) -> Totals {
    totals_of_figures(counted(events, ledger).into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(min: Option<u64>, max: Option<u64>) -> Interval {
        Interval {
            min,
            max,
            approx: false,
        }
    }

    #[test]
    fn each_event_is_listed_once() {
        let text = "Shelling killed three people in Kherson on Monday.\nA drone hit a bus in Sumy on Monday, killing two.\nThe shelling in Kherson also wounded five.";
        let x = crate::extract_text(text, "t", Some("2025-03-10"), crate::Gazetteer::embedded())
            .expect("extracts");
        // One event's figures apart in text order: e1 killed, e2 killed, e1 injured.
        let mut ledger = x.ledger.clone();
        let last = ledger.len() - 1;
        ledger[last].event = Some("e1".into());
        let t = compute_over(x.events.iter(), &ledger);
        assert_eq!(t.events, ["e1", "e2"]);
    }

    #[test]
    fn sum_table() {
        let cases: &[(&[Interval], Interval)] = &[
            (
                &[iv(Some(12), None), iv(Some(0), Some(0))],
                iv(Some(12), None),
            ),
            (
                &[iv(Some(13), Some(13)), iv(Some(5), Some(5))],
                iv(Some(18), Some(18)),
            ),
            (
                &[iv(None, Some(9)), iv(Some(2), Some(2))],
                iv(Some(2), Some(11)),
            ),
            (&[], iv(Some(0), Some(0))),
        ];
        for (input, want) in cases {
            assert_eq!(&sum(input.iter()), want, "{input:?}");
        }
    }
}
