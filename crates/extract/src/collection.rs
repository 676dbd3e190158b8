//! Many articles as one dataset. Their texts are joined into one text and every span,
//! sentence id, place id and event id is moved into it, so everything downstream (the
//! page, the exports, the totals) reads a collection exactly as it reads one article.
//!
//! The same incident told by two articles must be counted once: an event that matches
//! another article's event on date, place and category is folded into it, the later
//! article's figures win (a toll usually grows as bodies are found), and the earlier
//! article's figures stay in the ledger as restated or superseded, with the reason.

use crate::model::{
    ArticleMeta, ArticlePart, Event, Extraction, Figure, FigureRole, Interval, Location, Merge,
    Span,
};

/// Put between two articles' texts, so no sentence runs across articles.
const SEPARATOR: &str = "\n\n";

/// Joins extractions into one, newest article first, and folds incidents that several
/// articles tell into one event.
pub fn combine(mut articles: Vec<Extraction>) -> Extraction {
    // Newest first; undated articles last; ties keep their given order.
    articles.sort_by(|a, b| b.article.published.cmp(&a.article.published));
    let mut out = Extraction {
        schema_version: crate::model::SCHEMA_VERSION.to_string(),
        ..Extraction::default()
    };
    for a in articles {
        append(&mut out, a);
    }
    let n = out.parts.len();
    out.article = ArticleMeta {
        id: "collection".into(),
        title: format!("{n} article{}", if n == 1 { "" } else { "s" }),
        published: out.parts.iter().filter_map(|p| p.published.clone()).max(),
        source: None,
        text: std::mem::take(&mut out.article.text),
    };
    fold_shared_incidents(&mut out);
    out.totals = crate::totals::compute_over(out.events.iter(), &out.ledger);
    out
}

/// Where one article's sentences and text start in the collection.
#[derive(Clone, Copy)]
struct Offset {
    sentence: usize,
    text: usize,
}

impl Offset {
    /// Moves a (sentence, span) pair of the article into the joined text.
    fn apply(self, sentence: &mut usize, span: &mut Span) {
        *sentence += self.sentence;
        *span = Span::new(span.start + self.text, span.end + self.text);
    }
}

/// Moves one article's extraction into the collection: offsets for text and sentences,
/// ids prefixed with the article's id, places shared by name and GeoNames id.
fn append(out: &mut Extraction, a: Extraction) {
    let text_at = if out.article.text.is_empty() {
        0
    } else {
        out.article.text.push_str(SEPARATOR);
        out.article.text.len()
    };
    let sent_at = out.sentences.len();
    let at = Offset {
        sentence: sent_at,
        text: text_at,
    };
    let id = a.article.id.clone();
    let ev = |e: &str| format!("{id}:{e}");
    out.article.text.push_str(&a.article.text);
    out.parts.push(ArticlePart {
        id: id.clone(),
        title: a.article.title.clone(),
        published: a.article.published.clone(),
        source: a.article.source.clone(),
        span: Span::new(text_at, out.article.text.len()),
        sentences: Span::new(sent_at, sent_at + a.sentences.len()),
    });
    out.sentences.extend(a.sentences.into_iter().map(|mut s| {
        at.apply(&mut s.id, &mut s.span);
        s
    }));
    let place_ids: Vec<(String, String)> = a
        .locations
        .into_iter()
        .map(|l| {
            let old = l.id.clone();
            (old, share_place(out, l, at))
        })
        .collect();
    let place = |p: &Option<String>| {
        p.as_ref().and_then(|p| {
            place_ids
                .iter()
                .find(|(old, _)| old == p)
                .map(|(_, new)| new.clone())
        })
    };
    for mut e in a.events {
        e.id = ev(&e.id);
        e.place_id = place(&e.place_id);
        e.sentences.iter_mut().for_each(|s| *s += sent_at);
        for m in &mut e.merges {
            m.sentence += sent_at;
        }
        for c in &mut e.casualties {
            at.apply(&mut c.sentence, &mut c.span);
        }
        for w in &mut e.weapons {
            at.apply(&mut w.sentence, &mut w.span);
        }
        out.events.push(e);
    }
    for mut f in a.ledger {
        at.apply(&mut f.sentence, &mut f.span);
        f.event = f.event.as_deref().map(ev);
        f.refers_to = f.refers_to.as_deref().map(ev);
        out.ledger.push(f);
    }
    for mut d in a.distances {
        at.apply(&mut d.sentence, &mut d.span);
        d.reference_id = place(&d.reference_id);
        d.subject_id = place(&d.subject_id);
        out.distances.push(d);
    }
    for mut q in a.quotes {
        at.apply(&mut q.sentence, &mut q.span);
        out.quotes.push(q);
    }
    for mut d in a.dates {
        at.apply(&mut d.sentence, &mut d.span);
        out.dates.push(d);
    }
    out.warnings
        .extend(a.warnings.into_iter().map(|w| format!("{id}: {w}")));
}

/// Adds a place to the collection, or its mentions to the same place already there, and
/// returns the collection's id for it.
fn share_place(out: &mut Extraction, mut l: Location, at: Offset) -> String {
    for m in &mut l.mentions {
        at.apply(&mut m.sentence, &mut m.span);
    }
    let same = |o: &&mut Location| {
        o.name == l.name && o.kind == l.kind && o.geonameid == l.geonameid && o.country == l.country
    };
    if let Some(o) = out.locations.iter_mut().find(same) {
        o.mentions.append(&mut l.mentions);
        return o.id.clone();
    }
    l.id = format!("p{}", out.locations.len() + 1);
    out.locations.push(l);
    out.locations[out.locations.len() - 1].id.clone()
}

/// The article an event came from: its id is prefixed with the article's id.
fn article_id(e: &Event) -> &str {
    e.id.rsplit_once(':').map_or("", |(a, _)| a)
}

/// Two articles' tellings of one incident: both dated to the same day, of the same
/// kind, at the same place; or, when one telling names no place, in no other country and
/// with death tolls that agree. Background events (tallies, recalled incidents) are
/// never folded: they stand for many incidents or for none in particular.
fn same_incident(a: &Event, b: &Event) -> bool {
    let base = !a.background
        && !b.background
        && article_id(a) != article_id(b)
        && a.date.is_some()
        && a.date == b.date
        && a.category == b.category;
    base && match (&a.place_id, &b.place_id) {
        (Some(p), Some(q)) => p == q,
        (None, None) => false,
        _ => {
            let countries = a.country.is_none() || b.country.is_none() || a.country == b.country;
            countries && overlap(&a.killed, &b.killed)
        }
    }
}

/// Two death tolls that could both be true: their intervals meet.
fn overlap(a: &Option<Interval>, b: &Option<Interval>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let lo = a.min.unwrap_or(0).max(b.min.unwrap_or(0));
    let hi = a.max.unwrap_or(u64::MAX).min(b.max.unwrap_or(u64::MAX));
    lo <= hi
}

/// How a figure reads in a reason: "12", "≥12", "12–15", or "none told".
fn figure(i: &Option<Interval>) -> String {
    i.as_ref()
        .map_or_else(|| "none told".into(), crate::events::fmt_iv)
}

/// Which of two tellings wins: the later-published article; on the same day, the
/// higher toll (a toll told later in a day is seldom lower).
fn later(x: &Extraction, a: &Event, b: &Event) -> bool {
    let pub_of = |e: &Event| x.article_of(e).2.map(str::to_string);
    let low = |e: &Event| e.killed.as_ref().and_then(|k| k.min).unwrap_or(0);
    (pub_of(a), low(a)) > (pub_of(b), low(b))
}

/// Folds each event that another article already told into that article's event.
fn fold_shared_incidents(x: &mut Extraction) {
    let mut i = 0;
    while i < x.events.len() {
        let twin = (0..i).find(|&j| {
            same_incident(&x.events[j], &x.events[i])
                // One event per article in a fold: two incidents of one article stay two.
                && !x.events[j].merges.iter().any(|m| {
                    x.part_of_sentence(m.sentence).map(|p| p.id.as_str())
                        == Some(article_id(&x.events[i]))
                })
        });
        match twin {
            Some(j) => {
                let (keep, drop) = if later(x, &x.events[i], &x.events[j]) {
                    (i, j)
                } else {
                    (j, i)
                };
                fold(x, keep, drop);
                x.events.remove(drop);
                if drop < i {
                    // The kept event moved down into the slot being examined.
                    continue;
                }
            }
            None => i += 1,
        }
    }
}

/// Folds event `drop` into event `keep`: sentences, a merge with the reason, figures
/// the kept telling lacks; the dropped telling's counted figures become restated or
/// superseded by the kept ones.
fn fold(x: &mut Extraction, keep: usize, drop: usize) {
    let (k, d) = (x.events[keep].clone(), x.events[drop].clone());
    let (_, title, published) = x.article_of(&d);
    let reason = format!(
        "also told by “{title}”{}: same date{}; killed {} and {}, injured {} and {}; {}",
        published.map(|p| format!(" ({p})")).unwrap_or_default(),
        if k.place_id == d.place_id {
            ", place and category"
        } else {
            " and category, one telling names no place and the tolls agree"
        },
        figure(&k.killed),
        figure(&d.killed),
        figure(&k.injured),
        figure(&d.injured),
        "the later article's figures are counted",
    );
    let counted_kinds: Vec<_> = x
        .ledger
        .iter()
        .filter(|f| f.event.as_deref() == Some(k.id.as_str()) && f.role == FigureRole::Counted)
        .map(|f| (f.kind, f.count.clone()))
        .collect();
    let (_, ktitle, _) = x.article_of(&k);
    let ktitle = ktitle.to_string();
    for f in x
        .ledger
        .iter_mut()
        .filter(|f| f.event.as_deref() == Some(d.id.as_str()))
    {
        f.event = Some(k.id.clone());
        if f.role == FigureRole::Counted {
            restate(f, &counted_kinds, &k.id, &ktitle);
        }
    }
    for f in x.ledger.iter_mut() {
        if f.refers_to.as_deref() == Some(d.id.as_str()) {
            f.refers_to = Some(k.id.clone());
        }
    }
    let e = &mut x.events[keep];
    e.sentences.extend(&d.sentences);
    e.sentences.sort_unstable();
    e.sentences.dedup();
    e.merges.push(Merge {
        sentence: d.sentences.first().copied().unwrap_or(0),
        reason,
    });
    e.killed = e.killed.take().or(d.killed);
    e.injured = e.injured.take().or(d.injured);
    e.time = e.time.take().or(d.time);
    e.place_id = e.place_id.take().or(d.place_id);
    e.country = e.country.take().or(d.country);
    for a in d.actors {
        if !e.actors.contains(&a) {
            e.actors.push(a);
        }
    }
    if e.weapons.is_empty() {
        e.weapons = d.weapons;
    }
}

/// A counted figure of the earlier telling: restated when the kept telling counts the
/// same figure of its kind, superseded when it counts another; still counted when the
/// kept telling gives no figure of that kind.
fn restate(f: &mut Figure, kept: &[(Option<crate::CasualtyKind>, Interval)], id: &str, by: &str) {
    let Some((_, count)) = kept.iter().find(|(kind, _)| *kind == f.kind) else {
        return;
    };
    f.refers_to = Some(id.to_string());
    if *count == f.count {
        f.role = FigureRole::Restated;
        f.reason = format!("the same figure told for the same incident by “{by}”");
    } else {
        f.role = FigureRole::Superseded;
        f.reason = format!(
            "“{by}” tells the same incident later and gives {}; its figure is counted",
            figure(&Some(count.clone()))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract_text, Gazetteer};

    fn art(id: &str, published: &str, text: &str) -> Extraction {
        extract_text(text, id, Some(published), Gazetteer::embedded()).expect("extracts")
    }

    fn killed(x: &Extraction) -> Option<u64> {
        x.totals.killed.as_ref().and_then(|k| k.min)
    }

    #[test]
    fn spans_and_ids_point_into_the_joined_text() {
        let a = art(
            "a",
            "2024-03-02",
            "A drone strike killed two people in Kherson on Friday.",
        );
        let b = art(
            "b",
            "2024-03-05",
            "Shelling wounded four people in Kharkiv on Monday.",
        );
        let x = combine(vec![a.clone(), b.clone()]);
        // Newest first.
        assert_eq!(x.parts[0].id, "b");
        assert_eq!(x.events.len(), 2);
        for e in &x.events {
            let (art, _, _) = x.article_of(e);
            assert!(e.id.starts_with(&format!("{art}:")), "{}", e.id);
            for &s in &e.sentences {
                let text = x.sentences[s].span.slice(&x.article.text);
                let part = x.part_of_sentence(s).expect("in a part");
                assert!(part.span.slice(&x.article.text).contains(text));
            }
        }
        for f in &x.ledger {
            assert!(
                f.span.slice(&x.article.text).contains(&f.count_text),
                "{f:?}"
            );
        }
        let p = x
            .events
            .iter()
            .find_map(|e| e.place_id.clone())
            .expect("placed");
        assert!(x.locations.iter().any(|l| l.id == p));
        assert_eq!(killed(&x), Some(2));
    }

    #[test]
    fn one_incident_told_twice_counts_once_with_the_later_toll() {
        let early = art(
            "early",
            "2024-03-02",
            "A missile strike killed 9 people in Odesa on Saturday, officials said.",
        );
        let late = art(
            "late",
            "2024-03-04",
            "The toll from Saturday's missile strike on Odesa rose to 12 on Monday.",
        );
        let x = combine(vec![early, late]);
        let merged: Vec<&Event> = x.events.iter().filter(|e| !e.merges.is_empty()).collect();
        assert_eq!(merged.len(), 1, "{:#?}", x.events);
        assert!(merged[0].merges[0]
            .reason
            .contains("same date, place and category"));
        assert_eq!(killed(&x), Some(12));
        // The earlier article's figure is kept in the ledger, with why it is not counted.
        let old = x
            .ledger
            .iter()
            .find(|f| f.count.min == Some(9))
            .expect("kept");
        assert_eq!(old.role, FigureRole::Superseded);
    }

    #[test]
    fn two_incidents_of_one_article_are_not_folded_by_a_third() {
        let a = art(
            "a",
            "2024-03-02",
            "A drone strike killed two people in Kherson on Friday. Separately, a second drone strike killed three people in Kherson on Friday evening.",
        );
        let b = art(
            "b",
            "2024-03-03",
            "A drone strike killed two people in Kherson on Friday.",
        );
        let (na, nb) = (a.events.len(), b.events.len());
        assert_eq!(na, 2, "{:#?}", a.events);
        let x = combine(vec![a, b]);
        // b's one incident folds into one of a's two, never both.
        assert_eq!(x.events.len(), na + nb - 1, "{:#?}", x.events);
        assert_eq!(
            x.events
                .iter()
                .filter(|e| !e
                    .merges
                    .iter()
                    .all(|m| !m.reason.starts_with("also told by")))
                .count(),
            1
        );
    }

    #[test]
    fn a_telling_without_a_place_joins_when_the_tolls_agree() {
        let a = art(
            "a",
            "2024-03-02",
            "A missile strike on a market killed at least 15 people on Saturday.",
        );
        let b = art(
            "b",
            "2024-03-02",
            "A missile struck a market in Sumy on Saturday, killing 16.",
        );
        let c = art(
            "c",
            "2024-03-02",
            "A missile strike on a market killed 40 people on Saturday.",
        );
        let x = combine(vec![a.clone(), b.clone()]);
        assert_eq!(
            x.events.len(),
            a.events.len() + b.events.len() - 1,
            "{:#?}",
            x.events
        );
        let x = combine(vec![c.clone(), b.clone()]);
        assert_eq!(
            x.events.len(),
            c.events.len() + b.events.len(),
            "{:#?}",
            x.events
        );
    }

    #[test]
    fn different_days_or_places_stay_apart() {
        let a = art(
            "a",
            "2024-03-02",
            "A drone strike killed two people in Kherson on Friday.",
        );
        let b = art(
            "b",
            "2024-03-02",
            "A drone strike killed two people in Sumy on Friday.",
        );
        let c = art(
            "c",
            "2024-03-09",
            "A drone strike killed two people in Kherson on Friday.",
        );
        let x = combine(vec![a, b, c]);
        assert!(x.events.iter().all(|e| e.merges.is_empty()));
        assert_eq!(killed(&x), Some(6));
    }
}
