//! Scores the extractor against every hand-labelled article in `articles/` (those with a `.gold.json`) and the
//! seed in `articles/`, prints a precision/recall table per field and each article's
//! totals beside the gold ones, and fails below the floors set here. Raise the floors as
//! the rules improve; never lower them silently.
//!
//! The corpus is split: rules are developed on articles 01–24 and only measured on 25–36
//! (held out). Both splits' scores are printed; a large gap means the rules fit the
//! examples. Held-out articles' own rows print only with `EVENTLENS_SHOW_HELD_OUT=1`.

use std::collections::HashSet;

use eventlens_extract::{extract_text, Extraction, Gazetteer, Interval};
use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Pr {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Pr {
    fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn r(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn add(&mut self, gold: &HashSet<String>, pred: &HashSet<String>) {
        self.tp += gold.intersection(pred).count();
        self.fp += pred.difference(gold).count();
        self.fn_ += gold.difference(pred).count();
    }
    /// Counts every item, not every distinct one: six events with one key are six
    /// events, so splitting one incident into several costs precision.
    fn add_all(&mut self, gold: &[String], pred: &[String]) {
        let mut left: Vec<&String> = gold.iter().collect();
        for p in pred {
            match left.iter().position(|g| *g == p) {
                Some(i) => {
                    left.swap_remove(i);
                    self.tp += 1;
                }
                None => self.fp += 1,
            }
        }
        self.fn_ += left.len();
    }
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace(['’', '\''], "")
        .trim_start_matches("the ")
        .to_string()
}

fn iv_key(v: &Value) -> Option<(Option<u64>, Option<u64>)> {
    if v.is_null() {
        return None;
    }
    Some((v["min"].as_u64(), v["max"].as_u64()))
}

fn ours(i: &Option<Interval>) -> Option<(Option<u64>, Option<u64>)> {
    i.as_ref().map(|i| (i.min, i.max))
}

/// Places match when one name contains the other ("Irkutsk region" ~ "Irkutsk",
/// "southern Israel" ~ "Israel") and the countries agree.
fn place_match(g: &Value, x: &Extraction) -> bool {
    let gn = norm(g["name"].as_str().unwrap_or(""));
    let gc = g["country"].as_str();
    x.locations.iter().filter(|l| l.is_named_place()).any(|l| {
        let ln = norm(&l.name);
        (gn.contains(&ln) || ln.contains(&gn)) && (gc.is_none() || l.country.as_deref() == gc)
    })
}

/// Held-out articles whose totals must stay exact (measured, not tuned on).
const HELD_OUT_FLOOR: usize = 5;

/// Gold `{"min","max"}` (or null) against our figure; a gold interval of nulls and no
/// figure of ours both mean "the text gives none".
fn same_total(gold: &Value, ours: &Option<Interval>) -> bool {
    match (iv_key(gold), ours) {
        (None | Some((None, None)), None) => true,
        (Some(g), Some(o)) => g == (o.min, o.max),
        _ => false,
    }
}

fn show(i: &Option<Interval>) -> String {
    match i {
        None => "null".into(),
        Some(i) => eventlens_extract::events::fmt_iv(i),
    }
}

fn show_gold(v: &Value) -> String {
    match iv_key(v) {
        None | Some((None, None)) => "null".into(),
        Some((min, max)) => show(&Some(Interval {
            min,
            max,
            approx: false,
        })),
    }
}

struct Case {
    name: String,
    x: Extraction,
    gold: Option<Value>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let raw = std::fs::read_to_string(&f).expect("read");
        let stem = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let gold_path = f.with_extension("gold.json");
        let gold = std::fs::read_to_string(gold_path)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok());
        let x = extract_text(&raw, &stem, None, Gazetteer::embedded()).expect("extracts");
        out.push(Case {
            name: stem,
            x,
            gold,
        });
    }
    out
}

#[test]
fn corpus_scores_above_floors() {
    let mut places = Pr::default();
    let mut casualties = Pr::default();
    let mut weapons = Pr::default();
    let mut dates = Pr::default();
    let mut events = Pr::default();
    // Events per split: development 01-24 and held out 25-36.
    let mut events_split = [Pr::default(); 2];
    // (exact totals, articles) for the development and held-out splits.
    let mut split = [(0usize, 0usize); 2];
    let show_held_out = std::env::var_os("EVENTLENS_SHOW_HELD_OUT").is_some();
    println!(
        "\n{:<40} {:>6} {:>16} {:>16}  ok",
        "article", "events", "killed got/gold", "injured got/gold"
    );
    for c in cases() {
        let x = &c.x;
        assert!(
            x.events.iter().all(|e| !e.sentences.is_empty()),
            "{}: every event needs a source sentence",
            c.name
        );
        let Some(g) = &c.gold else { continue };
        let held_out = c
            .name
            .get(..2)
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n >= 25);
        let k_ok = same_total(&g["totals"]["killed"], &x.totals.killed);
        let i_ok = same_total(&g["totals"]["injured"], &x.totals.injured);
        // Held-out rows stay hidden unless asked for, so nobody tunes rules on them by
        // reading the table; their count is always printed below.
        if !held_out || show_held_out {
            println!(
                "{:<40} {:>6} {:>16} {:>16}  {}",
                c.name.chars().take(40).collect::<String>(),
                x.events.len(),
                format!(
                    "{}/{}",
                    show(&x.totals.killed),
                    show_gold(&g["totals"]["killed"])
                ),
                format!(
                    "{}/{}",
                    show(&x.totals.injured),
                    show_gold(&g["totals"]["injured"])
                ),
                if k_ok && i_ok { "yes" } else { "no" }
            );
        }
        let sp = &mut split[usize::from(held_out)];
        sp.1 += 1;
        sp.0 += usize::from(k_ok && i_ok);
        // Places: a gold place counts as found if any location matches it.
        let empty = Vec::new();
        let gp = g["places"].as_array().unwrap_or(&empty);
        let found = gp.iter().filter(|p| place_match(p, x)).count();
        places.tp += found;
        places.fn_ += gp.len() - found;
        places.fp += x
            .locations
            .iter()
            .filter(|l| l.is_named_place())
            .filter(|l| {
                !gp.iter().any(|p| {
                    let gn = norm(p["name"].as_str().unwrap_or(""));
                    let ln = norm(&l.name);
                    gn.contains(&ln) || ln.contains(&gn)
                })
            })
            .count();
        // Casualties: (kind, min, max) per event.
        let ge = g["events"].as_array().unwrap_or(&empty);
        let mut gold_c = HashSet::new();
        let mut gold_w = HashSet::new();
        let mut gold_d = HashSet::new();
        let mut gold_e = Vec::new();
        for e in ge {
            if let Some(k) = iv_key(&e["killed"]) {
                gold_c.insert(format!("killed {k:?}"));
            }
            if let Some(k) = iv_key(&e["injured"]) {
                gold_c.insert(format!("injured {k:?}"));
            }
            for w in e["weapons"].as_array().unwrap_or(&empty) {
                gold_w.insert(format!(
                    "{} {}",
                    w["kind"].as_str().unwrap_or(""),
                    w["count"]
                ));
            }
            if let Some(d) = e["date"].as_str() {
                gold_d.insert(d.to_string());
            }
            gold_e.push(format!(
                "{} {}",
                e["category"].as_str().unwrap_or(""),
                e["date"].as_str().unwrap_or("-")
            ));
        }
        let mut pred_c = HashSet::new();
        let mut pred_w = HashSet::new();
        let mut pred_d = HashSet::new();
        let mut pred_e = Vec::new();
        for e in &x.events {
            if let Some(k) = ours(&e.killed) {
                pred_c.insert(format!("killed {k:?}"));
            }
            if let Some(k) = ours(&e.injured) {
                pred_c.insert(format!("injured {k:?}"));
            }
            for (k, n) in e.weapon_totals() {
                pred_w.insert(format!("{} {n}", k.key()));
            }
            if let Some(d) = &e.date {
                pred_d.insert(d.clone());
            }
            pred_e.push(format!(
                "{} {}",
                e.category.label(),
                e.date.as_deref().unwrap_or("-")
            ));
        }
        casualties.add(&gold_c, &pred_c);
        weapons.add(&gold_w, &pred_w);
        dates.add(&gold_d, &pred_d);
        events.add_all(&gold_e, &pred_e);
        events_split[usize::from(held_out)].add_all(&gold_e, &pred_e);
    }
    println!("\n{:<12} {:>9} {:>9}", "field", "precision", "recall");
    let rows = [
        ("places", places),
        ("casualties", casualties),
        ("weapons", weapons),
        ("dates", dates),
        ("events", events),
    ];
    for (name, pr) in rows {
        println!(
            "{:<12} {:>9.2} {:>9.2}   (tp {} fp {} fn {})",
            name,
            pr.p(),
            pr.r(),
            pr.tp,
            pr.fp,
            pr.fn_
        );
    }
    for (name, pr) in ["events, development 01-24", "events, held out 25-36"]
        .iter()
        .zip(events_split)
    {
        println!("{name}: P {:.2} R {:.2}", pr.p(), pr.r());
    }
    let [(dev_ok, dev_n), (held_ok, held_n)] = split;
    println!("killed and injured totals exact: development 01-24 {dev_ok}/{dev_n}, held out 25-36 {held_ok}/{held_n}");
    // Floors: measured values; raise them as the rules improve.
    assert!(
        dev_ok >= 24,
        "development totals exact {dev_ok}/{dev_n} below floor 24"
    );
    assert!(
        held_ok >= HELD_OUT_FLOOR,
        "held-out totals exact {held_ok}/{held_n} below floor"
    );
    // Floors: measured values rounded down; raise them as rules improve.
    let floors = [
        ("places", places, 0.83, 0.80),
        ("casualties", casualties, 0.76, 0.73),
        ("weapons", weapons, 0.85, 0.50),
        ("dates", dates, 0.80, 0.74),
        ("events", events, 0.40, 0.48),
    ];
    for (name, pr, fp, fr) in floors {
        assert!(
            pr.p() >= fp && pr.r() >= fr,
            "{name}: P {:.2} R {:.2} below floor P {fp} R {fr}",
            pr.p(),
            pr.r()
        );
    }
}
