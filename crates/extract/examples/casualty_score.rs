//! Fast, in-process scoring of killed/injured totals on a JSONL file of short reports
//! (`{"id", "text", "killed", "injured"}` per line), with the same metrics as
//! `../shared/eval/casualty_eval.py` but without a process per record, so a rule change
//! can be checked on hundreds of records in a second. Reads the data at run time only:
//! third-party text never enters the repository.
//!
//! usage: cargo run --release -p eventlens-extract --example casualty_score -- FILE [FROM TO] [--show K]

use eventlens_extract::{extract_text, Gazetteer};
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: casualty_score FILE [FROM TO] [--show K] [--field injured]");
        std::process::exit(2);
    };
    let nums: Vec<usize> = args[1..]
        .iter()
        .take_while(|a| !a.starts_with("--"))
        .filter_map(|a| a.parse().ok())
        .collect();
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // Which field's misses `--show` prints: killed unless `--field injured`.
    let show_field = args
        .iter()
        .position(|a| a == "--field")
        .and_then(|i| args.get(i + 1))
        .map_or("killed", String::as_str);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2)
    });
    let recs: Vec<Value> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let (from, to) = match nums.as_slice() {
        [a, b] => (a.saturating_sub(1), (*b).min(recs.len())),
        _ => (0, recs.len()),
    };
    let gaz = Gazetteer::embedded();
    let mut shown = 0;
    for field in ["killed", "injured"] {
        let (mut n, mut lower, mut exact, mut within) = (0, 0, 0, 0);
        for r in &recs[from..to] {
            let Some(g) = r[field].as_u64() else { continue };
            n += 1;
            let text = r["text"].as_str().unwrap_or("");
            let Ok(x) = extract_text(text, "r", None, gaz) else {
                continue;
            };
            let iv = if field == "killed" {
                x.totals.killed.clone()
            } else {
                x.totals.injured.clone()
            };
            let (lo, hi) = iv.map(|i| (i.min, i.max)).unwrap_or((None, None));
            lower += usize::from(lo == Some(g));
            exact += usize::from(lo == Some(g) && hi == Some(g));
            within += usize::from(lo.unwrap_or(0) <= g && hi.is_none_or(|h| g <= h));
            if lo != Some(g) && shown < show && field == show_field {
                shown += 1;
                println!("- {} gold {g} got {:?}/{:?}\n    {}", r["id"], lo, hi, text);
            }
        }
        let f = |k: usize| k as f64 / n.max(1) as f64;
        println!(
            "{field:8} n {n:4}  lower {:.3}  exact {:.3}  within {:.3}",
            f(lower),
            f(exact),
            f(within)
        );
    }
}
