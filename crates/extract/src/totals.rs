//! Casualty totals. The one invariant users rely on: an incident is counted once, however
//! many times the article tells it. Events are already merged by coreference, so totals
//! add each event's reconciled figure; background aggregates are never added.

use crate::model::{Event, Interval, Totals};

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

pub fn compute(events: &[Event]) -> Totals {
    compute_over(events.iter())
}

/// Totals over any subset of events (the app passes the filtered ones).
pub fn compute_over<'a>(events: impl Iterator<Item = &'a Event>) -> Totals {
    let counted: Vec<&Event> = events.filter(|e| !e.background).collect();
    let killed = sum(counted.iter().filter_map(|e| e.killed.as_ref()));
    let injured = sum(counted.iter().filter_map(|e| e.injured.as_ref()));
    let ids = counted
        .iter()
        .filter(|e| e.killed.is_some() || e.injured.is_some())
        .map(|e| e.id.clone())
        .collect();
    Totals {
        killed,
        injured,
        events: ids,
    }
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
