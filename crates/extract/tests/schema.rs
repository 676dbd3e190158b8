//! The JSON Schema in `schema/` is the published contract; it must match the types.
//! Regenerate with `cargo run -p eventlens-extract -- schema > schema/extraction.schema.json`.
#![cfg(feature = "schema")]

use eventlens_extract::{extract_text, Extraction, Gazetteer};

#[test]
fn committed_schema_matches_types() {
    let committed: serde_json::Value = serde_json::from_str(include_str!("../../../schema/extraction.schema.json")).expect("schema parses");
    let generated = serde_json::to_value(schemars::schema_for!(Extraction)).expect("schema serializes");
    assert_eq!(committed, generated, "schema/extraction.schema.json is stale: regenerate it");
}

#[test]
fn output_round_trips_through_the_contract() {
    let x = extract_text(include_str!("../../../articles/article-001.txt"), "a", None, Gazetteer::embedded()).expect("extracts");
    let json = serde_json::to_string(&x).expect("serializes");
    let back: Extraction = serde_json::from_str(&json).expect("deserializes");
    // Compare as JSON: floats may differ in the last bit after a text round trip.
    assert_eq!(serde_json::to_value(&back).expect("value"), serde_json::to_value(&x).expect("value"));
    assert_eq!(x.schema_version, eventlens_extract::SCHEMA_VERSION);
}
