//! Runs the extractor over `articles/*.txt` at build time, joins the results into one
//! collection (an incident two articles tell is one event) and writes it as JSON for the
//! app to embed, so the page shows real extraction output with no fetch and no
//! hand-typed data. A failure to extract an article fails the build, loudly.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=articles");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let gaz = eventlens_extract::Gazetteer::embedded();
    let mut all = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let raw = std::fs::read_to_string(f)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
        let id = f.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
        let x = eventlens_extract::extract_text(&raw, id, None, gaz)
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        all.push(x);
    }
    let x = eventlens_extract::collection::combine(all);
    // Capitals of the countries events happen in: the default reference places for distances.
    let mut capitals = Vec::new();
    {
        for c in x
            .events
            .iter()
            .filter_map(|e| e.country.as_deref())
            .chain(x.locations.iter().filter_map(|l| l.country.as_deref()))
        {
            if let Some(k) = gaz.capital(c) {
                let row =
                    serde_json::json!({"country": c, "name": k.name, "lat": k.lat, "lon": k.lon});
                if !capitals.contains(&row) {
                    capitals.push(row);
                }
            }
        }
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("articles.json");
    let json = serde_json::to_string(&serde_json::json!({"collection": x, "capitals": capitals}))
        .expect("extraction serializes");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
