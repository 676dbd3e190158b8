//! Filtering, facet counts, sorting and totals over events: pure functions of
//! (events, ViewState), tested without a browser. Components only display the results.

use eventlens_extract::{
    actors, text, totals, CasualtyKind, Category, Event, Extraction, Figure, Interval, Span, Totals,
};

use crate::state::{Sort, ViewState};

/// What filters look up per event, resolved once so a filter change does not search
/// places, articles or events by id.
pub struct Indexed {
    /// Shared, so loading the embedded collection does not copy it.
    pub x: std::sync::Arc<Extraction>,
    /// Distinct for every dataset loaded in this page, so list keys never collide
    /// between the embedded article, a pasted one and a synthetic corpus.
    pub generation: u64,
    /// Per event: the index of its place in `x.locations`.
    pub loc: Vec<Option<usize>>,
    /// Per event: lower-cased searchable text (summary, sentences, place, actors).
    pub haystack: Vec<String>,
    /// Per event: the articles that tell it as indexes into `x.parts`
    /// ([`Extraction::parts_of`]); empty for a single article.
    pub parts: Vec<Vec<usize>>,
    /// Per ledger figure: the index of its event, and of the event it defers to, so
    /// totals over a view are worked out with index masks instead of id lookups.
    pub fig_event: Vec<Option<usize>>,
    pub fig_refers: Vec<Option<usize>>,
}

/// Position by id, for items that carry one.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> std::collections::HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

impl Indexed {
    pub fn new(x: impl Into<std::sync::Arc<Extraction>>) -> Self {
        let x: std::sync::Arc<Extraction> = x.into();
        let by_id = positions(x.locations.iter().map(|l| l.id.as_str()));
        let loc: Vec<Option<usize>> = x
            .events
            .iter()
            .map(|e| e.place_id.as_deref().and_then(|id| by_id.get(id).copied()))
            .collect();
        let haystack = x
            .events
            .iter()
            .zip(&loc)
            .map(|(e, l)| {
                let mut h = e.summary.to_lowercase();
                for &s in &e.sentences {
                    if let Some(sent) = x.sentences.get(s) {
                        h.push(' ');
                        h.push_str(&sent.span.slice(&x.article.text).to_lowercase());
                    }
                }
                if let Some(l) = l {
                    h.push(' ');
                    h.push_str(&x.locations[*l].name.to_lowercase());
                }
                h
            })
            .collect();
        let parts = x.events.iter().map(|e| x.parts_of(e)).collect();
        let event_ix = positions(x.events.iter().map(|e| e.id.as_str()));
        let ix_of = |id: &Option<String>| id.as_deref().and_then(|i| event_ix.get(i).copied());
        let fig_event = x.ledger.iter().map(|f| ix_of(&f.event)).collect();
        let fig_refers = x.ledger.iter().map(|f| ix_of(&f.refers_to)).collect();
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Indexed {
            x,
            generation,
            loc,
            haystack,
            parts,
            fig_event,
            fig_refers,
        }
    }

    /// The ids of the articles that tell event `i`, the one that told it first first
    /// (two when a collection folded one incident told by two articles).
    pub fn article_ids(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        let single = self.parts[i]
            .is_empty()
            .then_some(self.x.article.id.as_str());
        single
            .into_iter()
            .chain(self.parts[i].iter().map(|&p| self.x.parts[p].id.as_str()))
    }

    /// The name of event `i`'s place, when the text places it.
    pub fn place_name(&self, i: usize) -> Option<&str> {
        self.location(i).map(|l| l.name.as_str())
    }

    /// Where event `i` happened, when the text places it.
    pub fn location(&self, i: usize) -> Option<&eventlens_extract::Location> {
        self.loc
            .get(i)
            .copied()
            .flatten()
            .map(|l| &self.x.locations[l])
    }
}

/// Which filter a facet count is for; a facet ignores its own filter so each option
/// shows how many events choosing it would leave.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Article,
    Cat,
    Country,
    Place,
    Actor,
    Weapon,
    /// The From/To range (the timeline shows every date the other filters leave).
    Dates,
    None,
}

pub fn matches(ix: &Indexed, i: usize, s: &ViewState, skip: Facet) -> bool {
    let e = &ix.x.events[i];
    if skip != Facet::Article {
        if let Some(a) = &s.article {
            if !ix.article_ids(i).any(|id| id == a) {
                return false;
            }
        }
    }
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
            if ix.place_name(i) != Some(p.as_str()) {
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
            if !e.weapons.iter().any(|x| x.kind.key() == w) {
                return false;
            }
        }
    }
    if skip != Facet::Dates {
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

/// The stated lower bound of a figure, 0 when there is none (for ordering and bars).
pub fn lower(i: &Option<Interval>) -> u64 {
    i.as_ref().and_then(|i| i.min).unwrap_or(0)
}

fn severity(e: &Event) -> u64 {
    lower(&e.killed) * 1000 + lower(&e.injured)
}

/// Counts per option for one facet, over events matching every other filter. Keys are
/// borrowed while counting, so a pass over 100,000 events allocates only per option.
pub fn facet_counts<'a>(ix: &'a Indexed, s: &ViewState, facet: Facet) -> Vec<(String, usize)> {
    let mut counts: std::collections::HashMap<&'a str, usize> = std::collections::HashMap::new();
    let mut bump = |k: &'a str| *counts.entry(k).or_insert(0) += 1;
    for i in 0..ix.x.events.len() {
        if !matches(ix, i, s, facet) {
            continue;
        }
        let e = &ix.x.events[i];
        match facet {
            Facet::Article => ix.article_ids(i).for_each(&mut bump),
            Facet::Cat => bump(e.category.key()),
            Facet::Country => {
                if let Some(c) = &e.country {
                    bump(c)
                }
            }
            Facet::Place => {
                if let Some(p) = ix.place_name(i) {
                    bump(p)
                }
            }
            Facet::Actor => e.actors.iter().for_each(|a| bump(a)),
            Facet::Weapon => {
                let mut seen: [bool; 5] = [false; 5];
                for w in &e.weapons {
                    let slot = w.kind as usize;
                    if !seen[slot] {
                        seen[slot] = true;
                        bump(w.kind.key());
                    }
                }
            }
            Facet::Dates | Facet::None => {}
        }
    }
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The ledger figures that make the totals over the given events (see
/// [`totals::adds`]), as indexes into `x.ledger`; background events add nothing. Worked
/// out with a mask over events, so a view of 100,000 events costs one pass.
fn counted_figures(ix: &Indexed, idx: &[usize]) -> Vec<usize> {
    let mut in_view = vec![false; ix.x.events.len()];
    for &i in idx {
        in_view[i] = !ix.x.events[i].background;
    }
    (0..ix.x.ledger.len())
        .filter(|&f| {
            ix.fig_event[f].is_some_and(|e| in_view[e])
                && totals::adds(
                    ix.x.ledger[f].role,
                    ix.fig_refers[f].is_some_and(|r| in_view[r]),
                )
        })
        .collect()
}

/// Totals over the given events: the ledger's counted figures (and the parts of a summary
/// that is out of view), so nothing is counted twice and unknown stays unknown.
pub fn totals_of(ix: &Indexed, idx: &[usize]) -> Totals {
    let figs = counted_figures(ix, idx);
    totals::totals_of_figures(figs.iter().map(|&f| &ix.x.ledger[f]))
}

/// Killed and injured per category over the given events, for the summary chart: only
/// categories with a stated figure, largest first, each total worked out as the summary
/// works out its own (counted figures, a retold incident once). Background events are
/// left out; the second value is how many events in view state no figure at all.
pub fn by_category(ix: &Indexed, idx: &[usize]) -> (Vec<(Category, Totals)>, usize) {
    let x = &ix.x;
    let silent = idx
        .iter()
        .map(|&i| &x.events[i])
        .filter(|e| !e.background && e.category.is_violent())
        .filter(|e| e.killed.is_none() && e.injured.is_none())
        .count();
    let figs = counted_figures(ix, idx);
    let mut out: Vec<(Category, Totals)> = Category::ALL
        .iter()
        .filter(|c| c.is_violent())
        .map(|&c| {
            let of_c = figs
                .iter()
                .filter(|&&f| ix.fig_event[f].is_some_and(|e| x.events[e].category == c))
                .map(|&f| &x.ledger[f]);
            (c, totals::totals_of_figures(of_c))
        })
        .filter(|(_, t)| t.killed.is_some() || t.injured.is_some())
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse((lower(&c.1.killed), lower(&c.1.injured))));
    (out, silent)
}

/// The ledger rows a reader should see for the given events: their figures, and the
/// numbers judged not to be casualty counts in the articles those events come from
/// (`articles`, as [`articles_in_view`] gives it).
pub fn ledger_of<'a>(ix: &'a Indexed, idx: &[usize], articles: &[bool]) -> Vec<&'a Figure> {
    let mut in_view = vec![false; ix.x.events.len()];
    for &i in idx {
        in_view[i] = true;
    }
    ix.x.ledger
        .iter()
        .enumerate()
        .filter(|(n, f)| match ix.fig_event[*n] {
            Some(e) => in_view[e],
            None => f.event.is_none() && in_articles(ix, f.sentence, articles),
        })
        .map(|(_, f)| f)
        .collect()
}

/// Which articles tell the given events, as a mask over `x.parts` (empty for a single
/// article, which has no parts).
pub fn articles_in_view(ix: &Indexed, idx: &[usize]) -> Vec<bool> {
    let mut mask = vec![false; ix.x.parts.len()];
    for &i in idx {
        for &p in &ix.parts[i] {
            mask[p] = true;
        }
    }
    mask
}

/// Whether a sentence belongs to one of the articles in the mask; always true for a
/// single article.
pub fn in_articles(ix: &Indexed, sentence: usize, articles: &[bool]) -> bool {
    ix.x.parts.is_empty()
        || ix
            .x
            .part_index(sentence)
            .is_some_and(|p| articles.get(p).copied().unwrap_or(false))
}

/// Whose casualties a statement counts, when the text says ("12 Ukrainian soldiers").
fn side_of(who: Option<&str>) -> String {
    let Some(who) = who else {
        return "not stated".into();
    };
    let toks = text::tokenize(who, Span::new(0, who.len()));
    actors::find(&toks)
        .first()
        .map(|a| a.name.to_string())
        .unwrap_or_else(|| "not stated".into())
}

/// Killed and injured per side over the given events: the figures the totals add (see
/// [`totals::counted`]), each on the side its incident's statements name, so the sides
/// always add up to the summary's totals.
pub fn by_side(ix: &Indexed, idx: &[usize]) -> Vec<(String, Option<Interval>, Option<Interval>)> {
    let x = &ix.x;
    let mut sides: Vec<(String, Vec<Interval>, Vec<Interval>)> = Vec::new();
    for n in counted_figures(ix, idx) {
        let f = &x.ledger[n];
        let kind = match f.kind {
            Some(k @ (CasualtyKind::Killed | CasualtyKind::Injured)) => k,
            _ => continue,
        };
        if f.count.is_zero() {
            continue;
        }
        let Some(e) = ix.fig_event[n].map(|i| &x.events[i]) else {
            continue;
        };
        // Any statement of the same kind may say whose ("the deaths of 12 Ukrainian
        // soldiers" and "at least 12 service members" tell one toll).
        let side = e
            .casualties
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| side_of(c.who.as_deref()))
            .find(|s| s != "not stated")
            .unwrap_or_else(|| "not stated".into());
        let slot = match sides.iter().position(|s| s.0 == side) {
            Some(p) => p,
            None => {
                sides.push((side, Vec::new(), Vec::new()));
                sides.len() - 1
            }
        };
        if kind == CasualtyKind::Killed {
            sides[slot].1.push(f.count.clone());
        } else {
            sides[slot].2.push(f.count.clone());
        }
    }
    let total = |v: Vec<Interval>| (!v.is_empty()).then(|| totals::sum(v.iter()));
    sides
        .into_iter()
        .map(|(s, k, i)| (s, total(k), total(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn seed() -> Extraction {
        let x = data::bundle().collection;
        let idx: Vec<usize> = (0..x.events.len())
            .filter(|&i| x.article_of(&x.events[i]).0 == "article-001")
            .collect();
        let mut seed = eventlens_extract::export::subset(&x, &idx);
        seed.parts.clear();
        seed
    }

    fn count(q: &str) -> usize {
        let ix = Indexed::new(seed());
        let (s, _) = ViewState::from_query(q);
        visible(&ix, &s, &|_| None).len()
    }

    #[test]
    fn the_chart_has_one_row_per_category_with_figures() {
        let ix = Indexed::new(seed());
        let all: Vec<usize> = (0..ix.x.events.len()).collect();
        let (rows, silent) = by_category(&ix, &all);
        // The missile strike's toll first; the drone strikes that the text says hurt no
        // one are a row of zeros; events that state nothing are counted aside instead
        // of drawn as empty rows.
        assert_eq!(rows[0].0, Category::MissileAttack);
        assert_eq!(rows[0].1.killed.as_ref().and_then(|k| k.min), Some(12));
        assert!(rows[1..]
            .iter()
            .all(|(_, t)| t.killed.as_ref().is_some_and(|k| k.is_zero())));
        assert!(silent >= 3);
    }

    #[test]
    fn the_article_is_a_facet_of_the_collection() {
        let ix = Indexed::new(data::bundle().collection);
        assert!(ix.x.parts.len() >= 37);
        let n = |q: &str| visible(&ix, &ViewState::from_query(q).0, &|_| None).len();
        assert_eq!(n("?article=article-001"), count(""));
        assert_eq!(n("?article=no-such-article"), 0);
        // A folded incident is found under each article that tells it.
        let folded = ix
            .parts
            .iter()
            .position(|p| p.len() > 1)
            .expect("a folded incident");
        for a in ix.article_ids(folded) {
            let (s, _) = ViewState::from_query(&format!("?article={a}"));
            assert!(visible(&ix, &s, &|_| None).contains(&folded), "{a}");
        }
        let counts = facet_counts(&ix, &ViewState::default(), Facet::Article);
        assert_eq!(counts.len(), ix.x.parts.len());
    }

    #[test]
    fn sides_add_up_to_the_totals() {
        let ix = Indexed::new(data::bundle().collection);
        let all: Vec<usize> = (0..ix.x.events.len()).collect();
        let t = totals_of(&ix, &all);
        // The index-mask totals agree with the library's own over the same events.
        assert_eq!(t, totals::compute_over(ix.x.events.iter(), &ix.x.ledger));
        let sides = by_side(&ix, &all);
        let killed = totals::sum(sides.iter().filter_map(|s| s.1.as_ref()));
        let injured = totals::sum(sides.iter().filter_map(|s| s.2.as_ref()));
        assert_eq!(Some(killed.min), t.killed.map(|k| k.min));
        assert_eq!(Some(injured.min), t.injured.map(|k| k.min));
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
    fn side_from_who() {
        assert_eq!(side_of(Some("Ukrainian soldiers")), "Ukraine");
        assert_eq!(side_of(Some("service members")), "not stated");
        assert_eq!(side_of(None), "not stated");
    }

    #[test]
    fn casualties_by_side_follow_the_text() {
        let ix = Indexed::new(seed());
        let all = visible(&ix, &ViewState::default(), &|_| None);
        let sides = by_side(&ix, &all);
        let ua = sides
            .iter()
            .find(|s| s.0 == "Ukraine")
            .unwrap_or_else(|| panic!("the killed were Ukrainian soldiers: {sides:?}"));
        assert_eq!(
            ua.1.as_ref().map(|k| (k.min, k.max)),
            Some((Some(12), None))
        );
        assert_eq!(ua.2, None, "no injured figure is attributed to a side");
        // "over 60 others injured" does not say whose.
        assert!(sides
            .iter()
            .any(|s| s.0 == "not stated" && s.2.as_ref().and_then(|i| i.min) == Some(61)));
    }

    #[test]
    fn totals_follow_filters_and_never_double_count() {
        let ix = Indexed::new(seed());
        let all = visible(&ix, &ViewState::default(), &|_| None);
        let t = totals_of(&ix, &all);
        let k = t.killed.expect("the seed states a death toll");
        let i = t.injured.expect("the seed states an injury toll");
        assert_eq!((k.min, k.max), (Some(12), None));
        assert_eq!((i.min, i.max), (Some(61), None));
        let (s, _) = ViewState::from_query("?country=RU");
        let ru = visible(&ix, &s, &|_| None);
        let t = totals_of(&ix, &ru);
        let k = t.killed.expect("\"no casualties\" is an explicit zero");
        assert_eq!((k.min, k.max), (Some(0), Some(0)));
        // Every figure in view has a role and a reason.
        let articles = articles_in_view(&ix, &all);
        assert!(ledger_of(&ix, &all, &articles)
            .iter()
            .all(|f| !f.reason.is_empty()));
    }
}
