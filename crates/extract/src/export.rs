//! Output formats besides the JSON contract: CSV with ACLED-like columns, one row per
//! event, and GeoJSON (RFC 7946) with one Point feature per place and its events.

use serde_json::{json, Value};

use crate::events::fmt_iv;
use crate::model::{Extraction, Interval};

const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time",
    "event_type",
    "actor1",
    "country",
    "location",
    "latitude",
    "longitude",
    "fatalities_min",
    "fatalities_max",
    "injured_min",
    "injured_max",
    "weapons",
    "notes",
    "source_sentences",
    "source",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn bound(v: Option<u64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

pub fn to_csv(x: &Extraction) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for e in &x.events {
        let loc = e
            .place_id
            .as_ref()
            .and_then(|id| x.locations.iter().find(|l| &l.id == id));
        let none = Interval::default();
        let k = e.killed.as_ref().unwrap_or(&none);
        let i = e.injured.as_ref().unwrap_or(&none);
        let weapons: Vec<String> = e
            .weapons
            .iter()
            .map(|w| format!("{} {}", w.count.unwrap_or(0), w.kind.key()))
            .collect();
        let sents: Vec<String> = e.sentences.iter().map(|s| s.to_string()).collect();
        let row = [
            format!("{}-{}", x.article.id, e.id),
            e.date.clone().unwrap_or_default(),
            e.time.clone().unwrap_or_default(),
            e.category.label().to_string(),
            e.actors.join("; "),
            e.country.clone().unwrap_or_default(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.map(|l| format!("{:.4}", l.lat)).unwrap_or_default(),
            loc.map(|l| format!("{:.4}", l.lon)).unwrap_or_default(),
            if e.killed.is_some() {
                bound(k.min)
            } else {
                String::new()
            },
            if e.killed.is_some() {
                bound(k.max)
            } else {
                String::new()
            },
            if e.injured.is_some() {
                bound(i.min)
            } else {
                String::new()
            },
            if e.injured.is_some() {
                bound(i.max)
            } else {
                String::new()
            },
            weapons.join("; "),
            e.summary.clone(),
            sents.join(" "),
            x.article
                .source
                .clone()
                .unwrap_or_else(|| x.article.title.clone()),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

pub fn to_geojson(x: &Extraction) -> Value {
    let features: Vec<Value> = x
        .locations
        .iter()
        .map(|l| {
            let events: Vec<Value> = x
                .events
                .iter()
                .filter(|e| e.place_id.as_deref() == Some(l.id.as_str()))
                .map(|e| json!({
                    "id": e.id, "category": e.category.label(), "date": e.date, "summary": e.summary,
                    "killed": e.killed.as_ref().map(fmt_iv), "injured": e.injured.as_ref().map(fmt_iv),
                }))
                .collect();
            json!({
                "type": "Feature",
                "id": l.id,
                // RFC 7946: longitude first.
                "geometry": {"type": "Point", "coordinates": [l.lon, l.lat]},
                "properties": {"name": l.name, "kind": l.kind, "country": l.country, "geonameid": l.geonameid,
                               "mentions": l.mentions.len(), "events": events},
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
