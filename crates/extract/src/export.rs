//! Output formats for a selection of events (the page's filtered view, or every event
//! for the CLI): CSV with ACLED-like columns, GeoJSON (RFC 7946), and the JSON contract
//! itself cut down to the selection. One implementation, so a download from the page and
//! the CLI's output of the same events are the same bytes.

use serde_json::{json, Value};

use crate::model::{Event, Extraction, Figure, Interval, Location, PlaceKind};

const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "time",
    "event_type",
    "background",
    "actors",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities_min",
    "fatalities_max",
    "injured_min",
    "injured_max",
    "weapons",
    "notes",
    "article",
    "source_sentences",
];

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
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

/// (min, max) as CSV fields; both empty when the text gives no figure (unknown, not 0).
fn bounds(i: Option<&Interval>) -> [String; 2] {
    match i {
        Some(i) => [bound(i.min), bound(i.max)],
        None => [String::new(), String::new()],
    }
}

/// ACLED's geo-precision code: 1 for a town or a named site, 2 for a region, 3 for a
/// country or a wider area (a point that stands for a whole area).
fn precision(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Facility => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country | PlaceKind::Area => 3,
    }
}

fn location_of<'a>(x: &'a Extraction, e: &Event) -> Option<&'a Location> {
    let id = e.place_id.as_deref()?;
    x.locations.iter().find(|l| l.id == id)
}

/// The sentences an event was read from, as written, so each row can be checked
/// against the article without opening it.
fn source_sentences(x: &Extraction, e: &Event) -> String {
    e.sentences
        .iter()
        .filter_map(|&s| x.sentences.get(s))
        .filter_map(|s| x.article.text.get(s.span.start..s.span.end))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The id a row carries: unique across articles. In a collection the event's id already
/// names its article; a single article's ids are prefixed with the article's id.
fn row_id(x: &Extraction, e: &Event) -> String {
    if x.parts.is_empty() {
        format!("{}-{}", x.article.id, e.id)
    } else {
        e.id.clone()
    }
}

/// The titles of the articles that tell an event, the first teller first.
fn articles_of(x: &Extraction, e: &Event) -> String {
    let parts = x.parts_of(e);
    if parts.is_empty() {
        return x.article.title.clone();
    }
    parts
        .iter()
        .map(|&p| x.parts[p].title.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn selected<'a>(x: &'a Extraction, idx: &'a [usize]) -> impl Iterator<Item = &'a Event> {
    idx.iter().filter_map(|&i| x.events.get(i))
}

/// Every event index of an extraction: the CLI exports them all.
pub fn all(x: &Extraction) -> Vec<usize> {
    (0..x.events.len()).collect()
}

/// One CSV row per selected event, with a header row.
pub fn csv(x: &Extraction, idx: &[usize]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for e in selected(x, idx) {
        let loc = location_of(x, e);
        let [kmin, kmax] = bounds(e.killed.as_ref());
        let [imin, imax] = bounds(e.injured.as_ref());
        let weapons: Vec<String> = e
            .weapons
            .iter()
            .map(|w| format!("{} {}", w.count.unwrap_or(0), w.kind.key()))
            .collect();
        let row = [
            row_id(x, e),
            e.date.clone().unwrap_or_default(),
            e.time.clone().unwrap_or_default(),
            e.category.label().to_string(),
            e.background.to_string(),
            e.actors.join("; "),
            e.country.clone().unwrap_or_default(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.map(|l| format!("{:.4}", l.lat)).unwrap_or_default(),
            loc.map(|l| format!("{:.4}", l.lon)).unwrap_or_default(),
            loc.map(|l| precision(l.kind).to_string())
                .unwrap_or_default(),
            kmin,
            kmax,
            imin,
            imax,
            weapons.join("; "),
            e.summary.clone(),
            articles_of(x, e),
            source_sentences(x, e),
        ];
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

fn interval(i: Option<&Interval>) -> Value {
    i.map_or(Value::Null, |i| json!({"min": i.min, "max": i.max}))
}

/// A FeatureCollection with one Feature per selected event: a Point at its place
/// (longitude first, as RFC 7946 requires) or, for an event the text does not place,
/// a null geometry (RFC 7946 §3.2), so the file lists exactly the selected events.
pub fn geojson(x: &Extraction, idx: &[usize]) -> Value {
    let features: Vec<Value> = selected(x, idx)
        .map(|e| {
            let loc = location_of(x, e);
            let geometry = loc.map_or(
                Value::Null,
                |l| json!({"type": "Point", "coordinates": [l.lon, l.lat]}),
            );
            json!({
                "type": "Feature",
                "id": row_id(x, e),
                "geometry": geometry,
                "properties": {
                    "article": articles_of(x, e),
                    "event": e.id,
                    "date": e.date,
                    "category": e.category.label(),
                    "background": e.background,
                    "place": loc.map(|l| l.name.clone()),
                    "place_kind": loc.map(|l| l.kind),
                    "geo_precision": loc.map(|l| precision(l.kind)),
                    "country": e.country,
                    "killed": interval(e.killed.as_ref()),
                    "injured": interval(e.injured.as_ref()),
                    "summary": e.summary,
                    "sentences": e.sentences,
                },
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// The JSON contract for a selection: the article, the selected events and the ledger
/// entries that belong to them, with totals over the selection. Everything else the
/// article gives (sentences, places, distances, quotes, dates) is kept whole, since
/// the events point into it.
pub fn subset(x: &Extraction, idx: &[usize]) -> Extraction {
    let events: Vec<Event> = selected(x, idx).cloned().collect();
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let ledger: Vec<Figure> = x
        .ledger
        .iter()
        .filter(|f| f.event.as_deref().is_none_or(|e| ids.contains(&e)))
        .cloned()
        .collect();
    let totals = crate::totals::compute_over(events.iter(), &ledger);
    Extraction {
        events,
        ledger,
        totals,
        ..x.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract_text, Gazetteer};

    fn sample() -> Extraction {
        extract_text(
            "Shelling kills two in Kherson\nShelling killed two people, a man and a woman, in Kherson on Sunday, officials said.\nIn Kharkiv, a drone wounded three people on Sunday.",
            "t",
            Some("2025-03-10"),
            Gazetteer::embedded(),
        )
        .expect("extracts")
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn csv_has_one_row_per_selected_event_and_unknown_stays_empty() {
        let x = sample();
        let all = csv(&x, &all(&x));
        assert_eq!(all.lines().count(), 1 + x.events.len());
        let one = csv(&x, &[1]);
        assert_eq!(one.lines().count(), 2);
        let header: Vec<&str> = one.lines().next().unwrap_or("").split(',').collect();
        assert_eq!(header, CSV_COLUMNS);
        // The Kharkiv event states no deaths: the killed columns are empty, not 0.
        let row = one.lines().nth(1).unwrap_or("");
        assert!(row.contains("Kharkiv"), "{row}");
        assert!(row.contains(",,,3,3,"), "{row}");
    }

    #[test]
    fn geojson_points_are_longitude_first_and_every_event_is_a_feature() {
        let x = sample();
        let g = geojson(&x, &all(&x));
        let features = g["features"].as_array().map_or(0, Vec::len);
        assert_eq!(features, x.events.len());
        let f = &g["features"][0];
        assert_eq!(f["geometry"]["type"], "Point");
        // Kherson is at about 46.6 N, 32.6 E.
        let lon = f["geometry"]["coordinates"][0].as_f64().unwrap_or(0.0);
        let lat = f["geometry"]["coordinates"][1].as_f64().unwrap_or(0.0);
        assert!((32.0..33.5).contains(&lon) && (46.0..47.5).contains(&lat));
    }

    #[test]
    fn a_subset_keeps_its_own_figures_and_totals() {
        let x = sample();
        let s = subset(&x, &[1]);
        assert_eq!(s.events.len(), 1);
        assert!(s
            .ledger
            .iter()
            .all(|f| f.event.as_deref().is_none_or(|e| e == s.events[0].id)));
        assert_eq!(s.totals.killed, None);
        assert_eq!(s.totals.injured.and_then(|i| i.min), Some(3));
    }
}
