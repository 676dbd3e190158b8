//! Words and numbers as the page shows them: intervals in the text's own qualifiers,
//! distances in km or miles, and the stated-vs-computed comparison.

use eventlens_extract::{geo, Event, Interval};

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
    if let Some(k) = &e.killed {
        out.push(format!("{} killed", interval(k)));
    }
    if let Some(i) = &e.injured {
        out.push(format!("{} injured", interval(i)));
    }
    if out.is_empty() {
        out.push("casualties not reported".into());
    }
    out
}

/// Flag a stated distance that differs from the great-circle one by more than 5%.
pub const FLAG_PERCENT: f64 = 5.0;

pub fn icon(c: eventlens_extract::Category) -> &'static str {
    use eventlens_extract::Category::*;
    match c {
        MissileAttack => "🚀",
        AirDroneStrike => "✈",
        Shelling => "💥",
        ArmedClash => "⚔",
        AttackOnCivilians => "⚠",
        Explosion => "✹",
        DiplomacyTalks => "🤝",
        Investigation => "🔎",
        Other => "•",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn distance_units() {
        assert_eq!(distance(4506.16, Unit::Km), "4,506 km");
        assert_eq!(distance(4506.16, Unit::Mi), "2,800 mi");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
