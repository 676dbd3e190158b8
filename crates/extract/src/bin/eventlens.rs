//! Command-line front end: parses arguments, reads a file, prints the extraction.
//! All logic lives in the library.

use std::process::ExitCode;

use eventlens_extract::{collection, decode, export, extract_text, Extraction, Gazetteer};

const USAGE: &str = "usage: eventlens extract FILE... [--published YYYY-MM-DD] [--format json|csv|geojson]\n       eventlens schema\nWith several files, the output is one collection: an incident told twice is one event.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("eventlens: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("schema") => schema(),
        Some("extract") => {
            let mut files = Vec::new();
            let mut published = None;
            let mut format = "json".to_string();
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--published" => {
                        published = Some(it.next().ok_or("--published needs a date")?.clone())
                    }
                    "--format" => {
                        format = it
                            .next()
                            .ok_or("--format needs json, csv or geojson")?
                            .clone()
                    }
                    f if !f.starts_with("--") => files.push(f.to_string()),
                    other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
                }
            }
            if files.is_empty() {
                return Err(USAGE.to_string());
            }
            let mut all = Vec::new();
            for file in &files {
                let x = extract_file(file, published.as_deref())?;
                for w in &x.warnings {
                    eprintln!("warning: {file}: {w}");
                }
                all.push(x);
            }
            let x = if all.len() == 1 {
                all.remove(0)
            } else {
                collection::combine(all)
            };
            match format.as_str() {
                "json" => serde_json::to_string_pretty(&x).map_err(|e| e.to_string()),
                "csv" => Ok(export::csv(&x, &export::all(&x))),
                "geojson" => serde_json::to_string_pretty(&export::geojson(&x, &export::all(&x)))
                    .map_err(|e| e.to_string()),
                other => Err(format!(
                    "unknown format {other:?}; use json, csv or geojson"
                )),
            }
        }
        _ => Err(USAGE.to_string()),
    }
}

fn extract_file(file: &str, published: Option<&str>) -> Result<Extraction, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let text = decode(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let id = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    extract_text(text, id, published, Gazetteer::embedded()).map_err(|e| format!("{file}: {e}"))
}

#[cfg(feature = "schema")]
fn schema() -> Result<String, String> {
    serde_json::to_string_pretty(&schemars::schema_for!(eventlens_extract::Extraction))
        .map_err(|e| e.to_string())
}

#[cfg(not(feature = "schema"))]
fn schema() -> Result<String, String> {
    Err("built without the `schema` feature".into())
}
