//! The JSON Schema in `schema/` is the published contract; it must match the types.
//! Regenerate with `cargo run -p eventlens-extract -- schema > schema/extraction.schema.json`.
#![cfg(feature = "schema")]

use eventlens_extract::{extract_text, Extraction, Gazetteer};

#[test]
fn committed_schema_matches_types() {
    let committed: serde_json::Value =
        serde_json::from_str(include_str!("../../../schema/extraction.schema.json"))
            .expect("schema parses");
    let generated =
        serde_json::to_value(schemars::schema_for!(Extraction)).expect("schema serializes");
    assert_eq!(
        committed, generated,
        "schema/extraction.schema.json is stale: regenerate it"
    );
}

#[test]
fn output_round_trips_through_the_contract() {
    let x = extract_text(
        include_str!("../../../articles/article-001.txt"),
        "a",
        None,
        Gazetteer::embedded(),
    )
    .expect("extracts");
    let json = serde_json::to_string(&x).expect("serializes");
    let back: Extraction = serde_json::from_str(&json).expect("deserializes");
    // Compare as JSON: floats may differ in the last bit after a text round trip.
    let (a, b) = (
        serde_json::to_value(&back).expect("value"),
        serde_json::to_value(&x).expect("value"),
    );
    if let Some(path) = first_difference(&a, &b, String::new()) {
        panic!("round trip changed {path}");
    }
    assert_eq!(x.schema_version, eventlens_extract::SCHEMA_VERSION);
}

fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let d = first_difference(
                    x.get(k).unwrap_or(&Null),
                    y.get(k).unwrap_or(&Null),
                    format!("{path}.{k}"),
                );
                if d.is_some() {
                    return d;
                }
            }
            None
        }
        (Array(x), Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, format!("{path}[{i}]"))),
        (Number(x), Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) if (p - q).abs() <= 1e-9 * p.abs().max(1.0) => None,
            _ => Some(format!("{path}: {x} vs {y}")),
        },
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}
