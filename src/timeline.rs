//! Timeline binning: events along their dates, in bins of a day, a week or a month
//! chosen so a few dozen bars cover the span. Pure, so the bins a reader sees and the
//! From/To range a selection sets are tested without a browser.

use eventlens_extract::dates::Date;
use eventlens_extract::Event;

use crate::filter::lower;

/// How wide one bar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Day,
    Week,
    Month,
}

/// Bars wanted at most; fewer when the span is short.
const MAX_BARS: i64 = 60;

#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    /// First and last day of the bin (`YYYY-MM-DD`), the range a click sets.
    pub from: String,
    pub to: String,
    /// Events dated in it.
    pub events: usize,
    /// Stated lower bounds of killed and injured, summed over its events that are not
    /// background (the bar's height; the summary, not this, is the careful total).
    pub killed: u64,
    pub injured: u64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub bins: Vec<Bin>,
    /// Events with no date: counted aside, never placed on the axis.
    pub undated: usize,
}

/// The step that keeps the span within [`MAX_BARS`] bars.
pub fn step_for(first: Date, last: Date) -> Step {
    let days = last.days() - first.days() + 1;
    if days <= MAX_BARS {
        Step::Day
    } else if days <= MAX_BARS * 7 {
        Step::Week
    } else {
        Step::Month
    }
}

/// The first day of the bin holding `d`: weeks start on Monday.
fn bin_start(d: Date, step: Step) -> Date {
    match step {
        Step::Day => d,
        Step::Week => d.add_days(-(d.weekday() as i64)),
        Step::Month => Date { d: 1, ..d },
    }
}

/// The first day of the next bin.
fn next_start(d: Date, step: Step) -> Date {
    match step {
        Step::Day => d.add_days(1),
        Step::Week => d.add_days(7),
        Step::Month if d.m == 12 => Date {
            y: d.y + 1,
            m: 1,
            d: 1,
        },
        Step::Month => Date {
            m: d.m + 1,
            d: 1,
            ..d
        },
    }
}

/// Bins the given events by date, every bin from the first dated event to the last
/// (empty bins included, so gaps in time show as gaps).
pub fn bins<'a>(events: impl Iterator<Item = &'a Event>) -> Timeline {
    let mut dated: Vec<(Date, &Event)> = Vec::new();
    let mut undated = 0;
    for e in events {
        match e.date.as_deref().and_then(Date::parse) {
            Some(d) => dated.push((d, e)),
            None => undated += 1,
        }
    }
    let (Some(first), Some(last)) = (
        dated.iter().map(|p| p.0).min_by_key(|d| d.days()),
        dated.iter().map(|p| p.0).max_by_key(|d| d.days()),
    ) else {
        return Timeline {
            bins: Vec::new(),
            undated,
        };
    };
    let step = step_for(first, last);
    let mut out = Vec::new();
    let mut start = bin_start(first, step);
    while start.days() <= last.days() {
        let next = next_start(start, step);
        out.push(Bin {
            from: start.to_string(),
            to: next.add_days(-1).to_string(),
            events: 0,
            killed: 0,
            injured: 0,
        });
        start = next;
    }
    let base = bin_start(first, step);
    for (d, e) in dated {
        let i = index_of(base, d, step);
        if let Some(b) = out.get_mut(i) {
            b.events += 1;
            if !e.background {
                b.killed += lower(&e.killed);
                b.injured += lower(&e.injured);
            }
        }
    }
    Timeline { bins: out, undated }
}

/// Which bin, counted from the bin starting at `base`, holds `d`.
fn index_of(base: Date, d: Date, step: Step) -> usize {
    let i = match step {
        Step::Day => d.days() - base.days(),
        Step::Week => (d.days() - base.days()) / 7,
        Step::Month => (d.y - base.y) as i64 * 12 + d.m as i64 - base.m as i64,
    };
    usize::try_from(i).unwrap_or(0)
}

/// The From/To a selection of bars sets: from the first day of the earlier bar to the
/// last day of the later one, whichever order they were picked in.
pub fn range(t: &Timeline, a: usize, b: usize) -> Option<(String, String)> {
    let (lo, hi) = (a.min(b), a.max(b));
    Some((t.bins.get(lo)?.from.clone(), t.bins.get(hi)?.to.clone()))
}

/// Whether a bar lies inside the From/To range in view (open ends reach the edge).
pub fn in_range(b: &Bin, from: Option<&str>, to: Option<&str>) -> bool {
    from.is_none_or(|f| b.to.as_str() >= f) && to.is_none_or(|t| b.from.as_str() <= t)
}

/// A bar's height as a share of the tallest, by casualties (square root, so one large
/// toll does not flatten every other bar); a bar with events but no figures stays
/// visible at a small fixed height.
pub fn height(b: &Bin, tallest: u64) -> f64 {
    if b.events == 0 {
        return 0.0;
    }
    let v = (b.killed + b.injured) as f64;
    let h = if tallest == 0 {
        0.0
    } else {
        v.sqrt() / (tallest as f64).sqrt()
    };
    h.max(0.06)
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventlens_extract::Interval;

    fn ev(date: Option<&str>, killed: u64) -> Event {
        Event {
            id: "e".into(),
            category: eventlens_extract::Category::Other,
            date: date.map(str::to_string),
            time: None,
            place_id: None,
            country: None,
            actors: Vec::new(),
            killed: Some(Interval::exact(killed)),
            injured: None,
            no_casualties: false,
            background: false,
            casualties: Vec::new(),
            weapons: Vec::new(),
            summary: String::new(),
            sentences: Vec::new(),
            merges: Vec::new(),
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn the_step_follows_the_span() {
        assert_eq!(step_for(d("2025-06-01"), d("2025-06-02")), Step::Day);
        assert_eq!(step_for(d("2025-01-01"), d("2025-06-30")), Step::Week);
        assert_eq!(step_for(d("2022-04-02"), d("2025-07-30")), Step::Month);
    }

    #[test]
    fn days_bins_count_events_and_sum_tolls_with_gaps_kept() {
        let es = [
            ev(Some("2025-06-01"), 12),
            ev(Some("2025-06-01"), 0),
            ev(Some("2025-06-03"), 2),
            ev(None, 5),
        ];
        let t = bins(es.iter());
        assert_eq!(t.undated, 1);
        let got: Vec<(&str, usize, u64)> = t
            .bins
            .iter()
            .map(|b| (b.from.as_str(), b.events, b.killed))
            .collect();
        assert_eq!(
            got,
            [
                ("2025-06-01", 2, 12),
                ("2025-06-02", 0, 0),
                ("2025-06-03", 1, 2)
            ]
        );
    }

    #[test]
    fn months_cross_the_year_and_a_range_spans_whole_bars() {
        let es = [ev(Some("2022-11-20"), 1), ev(Some("2025-02-03"), 1)];
        let t = bins(es.iter());
        assert_eq!(t.bins.first().map(|b| b.from.as_str()), Some("2022-11-01"));
        assert_eq!(t.bins.last().map(|b| b.to.as_str()), Some("2025-02-28"));
        assert_eq!(t.bins.len(), 28);
        assert_eq!(t.bins[2].from, "2023-01-01");
        // Picked right to left, the range still runs forward.
        assert_eq!(
            range(&t, 2, 0),
            Some(("2022-11-01".to_string(), "2023-01-31".to_string()))
        );
        assert_eq!(range(&t, 0, 99), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2025-06-04 is a Wednesday; its week starts on Monday 2025-06-02.
        let es = [ev(Some("2025-06-04"), 1), ev(Some("2025-09-30"), 1)];
        let t = bins(es.iter());
        assert_eq!(t.bins[0].from, "2025-06-02");
        assert_eq!(t.bins[0].to, "2025-06-08");
        assert_eq!(t.bins.iter().map(|b| b.events).sum::<usize>(), 2);
    }

    #[test]
    fn ranges_and_heights() {
        let b = Bin {
            from: "2025-06-01".into(),
            to: "2025-06-30".into(),
            events: 1,
            killed: 0,
            injured: 0,
        };
        assert!(in_range(&b, Some("2025-06-15"), None));
        assert!(!in_range(&b, Some("2025-07-01"), None));
        assert!(in_range(&b, None, Some("2025-06-01")));
        assert!(height(&b, 100) > 0.0, "events without figures stay visible");
        let big = Bin {
            killed: 100,
            ..b.clone()
        };
        assert_eq!(height(&big, 100), 1.0);
        assert_eq!(height(&Bin { events: 0, ..b }, 100), 0.0);
    }
}
