//! The data the page starts with: the collection of `articles/`, extracted at build
//! time by `build.rs` (embedded, no fetch), plus capitals used as default reference places, and
//! a synthetic corpus generator for performance checks.

use eventlens_extract::{Category, Extraction};
use serde::Deserialize;

static EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.json"));

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Capital {
    pub country: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Deserialize, Default)]
pub struct Bundle {
    /// Every article of `articles/` as one collection ([`eventlens_extract::collection`]).
    pub collection: Extraction,
    pub capitals: Vec<Capital>,
}

/// Parses the embedded data once; the page calls this a single time at start-up.
pub fn bundle() -> Bundle {
    serde_json::from_str(EMBEDDED).unwrap_or_default()
}

/// A corpus of `n` events made by repeating the article's events with shifted dates and
/// rotated categories: the shape of real output at a size no article reaches.
pub fn synthetic(base: &Extraction, n: usize) -> Extraction {
    let mut x = base.clone();
    if base.events.is_empty() {
        return x;
    }
    x.events = (0..n)
        .map(|i| {
            let mut e = base.events[i % base.events.len()].clone();
            e.id = format!("e{}", i + 1);
            if i >= base.events.len() {
                e.category = Category::ALL[i % Category::ALL.len()];
                let day = eventlens_extract::dates::Date {
                    y: 2025,
                    m: 6,
                    d: 1,
                }
                .add_days(-((i / 7) as i64 % 900));
                e.date = Some(day.to_string());
                e.summary = format!("{} (synthetic #{})", e.summary, i + 1);
            }
            e
        })
        .collect();
    // Each synthetic event settles its own figures, so the ledger matches the new ids.
    x.ledger = x
        .events
        .iter_mut()
        .flat_map(|e| eventlens_extract::ledger::settle(e, &[]))
        .collect();
    x.totals = eventlens_extract::totals::compute_over(x.events.iter(), &x.ledger);
    x
}
