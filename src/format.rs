//! Words and numbers as the page shows them: intervals in the text's own qualifiers,
//! distances in km or miles, and the stated-vs-computed comparison.

use eventlens_extract::{geo, CasualtyKind, Event, Extraction, Interval};

use crate::state::Unit;

/// "at least 12", "over 60" is never shown: a bound of 61 came from "over 60", so the
/// page says "at least 61" only when no source phrase exists; cards show source text.
pub fn interval(i: &Interval) -> String {
    let approx = if i.approx { "about " } else { "" };
    match (i.min, i.max) {
        (Some(a), Some(b)) if a == b => format!("{approx}{}", thousands(a)),
        (Some(a), None) => format!("at least {}", thousands(a)),
        (None, Some(b)) => format!("at most {}", thousands(b)),
        (Some(a), Some(b)) => format!("{}–{}", thousands(a), thousands(b)),
        (None, None) => "unknown".into(),
    }
}

/// Compact form for summaries: "≥ 12", "13", "≤ 9".
pub fn interval_short(i: &Interval) -> String {
    match (i.min, i.max) {
        (Some(a), Some(b)) if a == b => thousands(a),
        (Some(a), None) => format!("≥ {}", thousands(a)),
        (None, Some(b)) => format!("≤ {}", thousands(b)),
        (Some(a), Some(b)) => format!("{}–{}", thousands(a), thousands(b)),
        (None, None) => "?".into(),
    }
}

/// The header line: what is loaded, in one glance. A collection reads
/// "39 articles · 217 events · dates from 2022-04-02 to 2025-07-30"; one article reads
/// its title and publication date.
pub fn dataset_line(x: &Extraction) -> String {
    let n = x.events.len();
    let events = format!(
        "{} event{}",
        thousands(n as u64),
        if n == 1 { "" } else { "s" }
    );
    let mut dates = x.events.iter().filter_map(|e| e.date.as_deref());
    let first = dates.next();
    let (lo, hi) = dates.fold((first, first), |(lo, hi), d| {
        (lo.min(Some(d)), hi.max(Some(d)))
    });
    let span = match (lo, hi) {
        (Some(a), Some(b)) if a != b => format!(" · dates from {a} to {b}"),
        (Some(a), _) => format!(" · dated {a}"),
        _ => String::new(),
    };
    if x.parts.is_empty() {
        let published = x.article.published.as_deref().unwrap_or("date unknown");
        format!("{} · published {published} · {events}", x.article.title)
    } else {
        format!("{} · {events}{span}", x.article.title)
    }
}

/// A total as the summary shows it: a figure, or "not reported" when the text gives none
/// (which is not the same as zero).
/// The line under the totals: over how many events they are, or that none states one.
pub fn totals_note(events: usize) -> String {
    match events {
        0 => "no event in view states a figure".into(),
        1 => "from 1 event that states figures".into(),
        n => format!("over {n} events that state figures; a retold incident counts once"),
    }
}

pub fn total(i: &Option<Interval>, what: &str) -> String {
    match i {
        Some(i) => format!("{} {what}", interval_short(i)),
        None => format!("{what}: not reported"),
    }
}

/// A ledger figure as written, with an explicit zero spelled as a number ("0 killed"
/// rather than "no killed").
pub fn ledger_figure(count: &Interval, count_text: &str, k: CasualtyKind) -> String {
    if count.is_zero() {
        format!("0 {}", kind_label(k))
    } else {
        format!("{count_text} {}", kind_label(k))
    }
}

pub fn kind_label(k: CasualtyKind) -> &'static str {
    match k {
        CasualtyKind::Killed => "killed",
        CasualtyKind::Injured => "injured",
        CasualtyKind::Missing => "missing",
        CasualtyKind::Captured => "captured",
    }
}

pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn distance(km: f64, unit: Unit) -> String {
    match unit {
        Unit::Km => format!("{} km", thousands(km.round() as u64)),
        Unit::Mi => format!("{} mi", thousands((km / geo::KM_PER_MILE).round() as u64)),
    }
}

/// Casualty lines for a card, in the article's words where it has them.
pub fn casualty_lines(e: &Event) -> Vec<String> {
    if e.no_casualties {
        return vec!["no casualties reported".into()];
    }
    let mut out = Vec::new();
    // The article's own wording of the figure that won reconciliation, else the interval.
    let worded = |kind: CasualtyKind, iv: &Interval| -> String {
        e.casualties
            .iter()
            .find(|c| c.kind == kind && &c.count == iv)
            .map(|c| c.count_text.clone())
            .unwrap_or_else(|| interval(iv))
    };
    if let Some(k) = &e.killed {
        out.push(format!("{} killed", worded(CasualtyKind::Killed, k)));
    }
    if let Some(i) = &e.injured {
        out.push(format!("{} injured", worded(CasualtyKind::Injured, i)));
    }
    if out.is_empty() {
        out.push("casualties not reported".into());
    }
    out
}

/// Flag a stated distance that differs from the great-circle one by more than 5%.
pub const FLAG_PERCENT: f64 = 5.0;

/// A small SVG path per category (24×24 box), so the category is shown by shape and text,
/// never by colour alone, and without relying on an emoji font.
pub fn icon_path(c: eventlens_extract::Category) -> &'static str {
    use eventlens_extract::Category::*;
    match c {
        MissileAttack => "M4 20l4-1 10-10 2-6-6 2L4 15l-1 4zM14 6l4 4",
        AirDroneStrike => "M12 3v18M4 9l8 3 8-3M8 20h8M3 6h4M17 6h4",
        Shelling => "M12 2l2 6 6-2-4 5 5 4-6 0 1 6-4-4-4 4 1-6-6 0 5-4-4-5 6 2z",
        ArmedClash => "M4 4l16 16M20 4L4 20M4 8V4h4M20 8V4h-4",
        AttackOnCivilians => "M12 3l10 18H2zM12 10v5M12 18v1",
        Explosion => "M12 2v5M12 17v5M2 12h5M17 12h5M5 5l3 3M16 16l3 3M19 5l-3 3M8 16l-3 3",
        DiplomacyTalks => "M3 12l5-5 4 4 4-4 5 5-5 5-4-4-4 4z",
        Investigation => "M10 4a6 6 0 110 12 6 6 0 010-12zM15 15l6 6",
        Other => "M12 8a4 4 0 110 8 4 4 0 010-8z",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_note_never_says_over_zero() {
        assert_eq!(totals_note(0), "no event in view states a figure");
        assert_eq!(totals_note(1), "from 1 event that states figures");
        assert!(totals_note(3).starts_with("over 3 events"));
    }

    #[test]
    fn interval_table() {
        let iv = |min, max, approx| Interval { min, max, approx };
        let cases = [
            (iv(Some(12), None, false), "at least 12"),
            (iv(Some(13), Some(13), false), "13"),
            (iv(None, Some(9), false), "at most 9"),
            (iv(Some(20), Some(20), true), "about 20"),
            (iv(Some(10), Some(15), false), "10–15"),
            (iv(Some(61000), None, false), "at least 61,000"),
        ];
        for (i, want) in cases {
            assert_eq!(interval(&i), want);
        }
    }

    #[test]
    fn ledger_figures_read_as_written() {
        let k = CasualtyKind::Killed;
        assert_eq!(ledger_figure(&Interval::zero(), "no", k), "0 killed");
        let twelve = Interval {
            min: Some(12),
            max: None,
            approx: false,
        };
        assert_eq!(
            ledger_figure(&twelve, "at least 12", k),
            "at least 12 killed"
        );
    }

    #[test]
    fn unknown_totals_are_not_zero() {
        assert_eq!(total(&None, "killed"), "killed: not reported");
        assert_eq!(total(&Some(Interval::zero()), "killed"), "0 killed");
        assert_eq!(
            total(
                &Some(Interval {
                    min: Some(12),
                    max: None,
                    approx: false
                }),
                "injured"
            ),
            "≥ 12 injured"
        );
    }

    #[test]
    fn distance_units() {
        assert_eq!(distance(4506.16, Unit::Km), "4,506 km");
        assert_eq!(distance(4506.16, Unit::Mi), "2,800 mi");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn the_header_names_the_collection_and_its_dates() {
        let x = crate::data::bundle().collection;
        let line = dataset_line(&x);
        assert!(
            line.starts_with(&format!("{} articles · ", x.parts.len())),
            "{line}"
        );
        assert!(line.contains(" events · dates from 20"), "{line}");
        let one = Extraction {
            article: eventlens_extract::ArticleMeta {
                title: "Title".into(),
                published: Some("2025-06-01".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            dataset_line(&one),
            "Title · published 2025-06-01 · 0 events"
        );
    }
}
