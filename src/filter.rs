//! Filtering, facet counts, sorting and totals over events: pure functions of
//! (events, ViewState), tested without a browser. Components only display the results.

use eventlens_extract::{totals, Event, Extraction, Totals};

use crate::state::{Sort, ViewState};

/// Where an event's place is, resolved once so filters do not search locations per event.
pub struct Indexed {
    pub x: Extraction,
    /// Distinct for every dataset loaded in this page, so list keys never collide
    /// between the embedded article, a pasted one and a synthetic corpus.
    pub generation: u64,
    /// Per event: (place name, place country).
    pub place: Vec<(Option<String>, Option<String>)>,
    /// Per event: lower-cased searchable text (summary, sentences, place, actors).
    pub haystack: Vec<String>,
}

impl Indexed {
    pub fn new(x: Extraction) -> Self {
        let place: Vec<_> = x
            .events
            .iter()
            .map(|e| {
                let loc = e
                    .place_id
                    .as_ref()
                    .and_then(|id| x.locations.iter().find(|l| &l.id == id));
                (
                    loc.map(|l| l.name.clone()),
                    loc.and_then(|l| l.country.clone()),
                )
            })
            .collect();
        let haystack = x
            .events
            .iter()
            .zip(&place)
            .map(|(e, p)| {
                let mut h = e.summary.to_lowercase();
                for &s in &e.sentences {
                    if let Some(sent) = x.sentences.get(s) {
                        h.push(' ');
                        h.push_str(&sent.span.slice(&x.article.text).to_lowercase());
                    }
                }
                if let Some(n) = &p.0 {
                    h.push(' ');
                    h.push_str(&n.to_lowercase());
                }
                h
            })
            .collect();
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Indexed {
            x,
            generation,
            place,
            haystack,
        }
    }
}

/// Which filter a facet count is for; a facet ignores its own filter so each option
/// shows how many events choosing it would leave.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Cat,
    Country,
    Place,
    Actor,
    Weapon,
    None,
}

pub fn matches(ix: &Indexed, i: usize, s: &ViewState, skip: Facet) -> bool {
    let e = &ix.x.events[i];
    if skip != Facet::Cat && s.cat.is_some_and(|c| c != e.category) {
        return false;
    }
    if skip != Facet::Country {
        if let Some(c) = &s.country {
            if e.country.as_deref() != Some(c.as_str()) {
                return false;
            }
        }
    }
    if skip != Facet::Place {
        if let Some(p) = &s.place {
            if ix.place[i].0.as_deref() != Some(p.as_str()) {
                return false;
            }
        }
    }
    if skip != Facet::Actor {
        if let Some(a) = &s.actor {
            if !e.actors.iter().any(|x| x == a) {
                return false;
            }
        }
    }
    if skip != Facet::Weapon {
        if let Some(w) = &s.weapon {
            if !e
                .weapons
                .iter()
                .any(|x| format!("{:?}", x.kind).eq_ignore_ascii_case(w))
            {
                return false;
            }
        }
    }
    if let Some(f) = &s.from {
        if e.date.as_ref().is_none_or(|d| d < f) {
            return false;
        }
    }
    if let Some(t) = &s.to {
        if e.date.as_ref().is_none_or(|d| d > t) {
            return false;
        }
    }
    if s.casualties_only && !has_casualties(e) {
        return false;
    }
    if !s.q.is_empty() {
        let q = s.q.to_lowercase();
        if !q.split_whitespace().all(|w| ix.haystack[i].contains(w)) {
            return false;
        }
    }
    true
}

/// An event with at least one person killed or injured by the text's lower bound.
pub fn has_casualties(e: &Event) -> bool {
    e.killed.as_ref().is_some_and(|k| k.min.unwrap_or(0) > 0)
        || e.injured.as_ref().is_some_and(|k| k.min.unwrap_or(0) > 0)
}

/// Indexes of events that pass every filter, in the chosen order.
pub fn visible(
    ix: &Indexed,
    s: &ViewState,
    distance_of: &dyn Fn(usize) -> Option<f64>,
) -> Vec<usize> {
    let mut v: Vec<usize> = (0..ix.x.events.len())
        .filter(|&i| matches(ix, i, s, Facet::None))
        .collect();
    let ev = &ix.x.events;
    match s.sort {
        Sort::Article => {}
        Sort::Date => v.sort_by(|&a, &b| {
            ev[a]
                .date
                .as_deref()
                .unwrap_or("9999")
                .cmp(ev[b].date.as_deref().unwrap_or("9999"))
        }),
        Sort::Casualties => v.sort_by_key(|&i| std::cmp::Reverse(severity(&ev[i]))),
        Sort::Distance => v.sort_by(|&a, &b| {
            let (da, db) = (
                distance_of(a).unwrap_or(f64::MAX),
                distance_of(b).unwrap_or(f64::MAX),
            );
            da.total_cmp(&db)
        }),
    }
    v
}

fn severity(e: &Event) -> u64 {
    e.killed.as_ref().and_then(|k| k.min).unwrap_or(0) * 1000
        + e.injured.as_ref().and_then(|k| k.min).unwrap_or(0)
}

/// Counts per option for one facet, over events matching every other filter.
pub fn facet_counts(ix: &Indexed, s: &ViewState, facet: Facet) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut bump = |k: String| match counts.iter_mut().find(|c| c.0 == k) {
        Some(c) => c.1 += 1,
        None => counts.push((k, 1)),
    };
    for i in 0..ix.x.events.len() {
        if !matches(ix, i, s, facet) {
            continue;
        }
        let e = &ix.x.events[i];
        match facet {
            Facet::Cat => bump(e.category.key().to_string()),
            Facet::Country => {
                if let Some(c) = &e.country {
                    bump(c.clone())
                }
            }
            Facet::Place => {
                if let Some(p) = &ix.place[i].0 {
                    bump(p.clone())
                }
            }
            Facet::Actor => e.actors.iter().for_each(|a| bump(a.clone())),
            Facet::Weapon => {
                let mut kinds: Vec<String> = e
                    .weapons
                    .iter()
                    .map(|w| format!("{:?}", w.kind).to_lowercase())
                    .collect();
                kinds.dedup();
                kinds.into_iter().for_each(&mut bump)
            }
            Facet::None => {}
        }
    }
    counts.sort_by(|a, b| a.0.cmp(&b.0));
    counts
}

/// Totals over the given events; merged incidents are single events, so nothing is counted twice.
pub fn totals_of(x: &Extraction, idx: &[usize]) -> Totals {
    totals::compute_over(idx.iter().map(|&i| &x.events[i]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn seed() -> Extraction {
        data::articles()
            .into_iter()
            .next()
            .expect("the seed is embedded")
    }

    fn count(q: &str) -> usize {
        let ix = Indexed::new(seed());
        let (s, _) = ViewState::from_query(q);
        visible(&ix, &s, &|_| None).len()
    }

    #[test]
    fn filters_narrow_as_expected() {
        let all = count("");
        assert!(all >= 5);
        assert_eq!(count("?cat=talks"), 1);
        assert_eq!(count("?place=Irkutsk+region"), 1);
        assert_eq!(count("?country=TR"), 1);
        assert!(count("?country=RU") >= 3);
        assert_eq!(count("?casualties=1"), 1);
        assert_eq!(count("?weapon=drone"), 1);
        assert_eq!(count("?q=army+training"), 1);
        assert_eq!(count("?q=nothing-matches-this"), 0);
        assert_eq!(count("?from=2025-06-02&to=2025-06-02"), 1);
        assert_eq!(count("?cat=missile&country=UA"), 2);
    }

    #[test]
    fn facets_ignore_their_own_filter() {
        let ix = Indexed::new(seed());
        let (s, _) = ViewState::from_query("?cat=talks");
        let cats = facet_counts(&ix, &s, Facet::Cat);
        assert!(
            cats.iter().any(|c| c.0 == "missile" && c.1 == 2),
            "{cats:?}"
        );
        let countries = facet_counts(&ix, &s, Facet::Country);
        assert_eq!(countries, vec![("TR".to_string(), 1)]);
    }

    #[test]
    fn totals_follow_filters_and_never_double_count() {
        let ix = Indexed::new(seed());
        let x = &ix.x;
        let all = visible(&ix, &ViewState::default(), &|_| None);
        let t = totals_of(x, &all);
        assert_eq!((t.killed.min, t.killed.max), (Some(12), None));
        assert_eq!((t.injured.min, t.injured.max), (Some(61), None));
        let (s, _) = ViewState::from_query("?country=RU");
        let ru = visible(&ix, &s, &|_| None);
        let t = totals_of(x, &ru);
        assert_eq!((t.killed.min, t.killed.max), (Some(0), Some(0)));
    }
}
