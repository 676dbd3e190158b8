//! The seed article end to end: what a reader of the shipped page must see.

use eventlens_extract::{extract_text, geo, Category, Extraction, Gazetteer};

fn seed() -> Extraction {
    let raw = include_str!("../../../articles/article-001.txt");
    extract_text(raw, "article-001", None, Gazetteer::embedded()).expect("seed extracts")
}

fn place_name<'a>(x: &'a Extraction, id: &Option<String>) -> Option<&'a str> {
    let id = id.as_ref()?;
    x.locations
        .iter()
        .find(|l| &l.id == id)
        .map(|l| l.name.as_str())
}

#[test]
fn one_missile_strike_with_merged_casualties() {
    let x = seed();
    let strikes: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.killed.as_ref().is_some_and(|k| k.min == Some(12)))
        .collect();
    assert_eq!(
        strikes.len(),
        1,
        "the 12 killed are told twice but are one incident"
    );
    let e = strikes[0];
    assert_eq!(e.category, Category::MissileAttack);
    assert_eq!(e.killed.as_ref().and_then(|k| k.min), Some(12));
    assert_eq!(e.injured.as_ref().and_then(|k| k.min), Some(61));
    assert_eq!(e.injured.as_ref().and_then(|k| k.max), None);
    assert_eq!(e.date.as_deref(), Some("2025-06-01"));
    assert_eq!(e.time.as_deref(), Some("12:50"));
    assert!(!e.merges.is_empty(), "the merge records why");
    assert_eq!(x.totals.killed.as_ref().and_then(|k| k.min), Some(12));
    assert_eq!(x.totals.injured.as_ref().and_then(|k| k.min), Some(61));
}

#[test]
fn weapons_drones_and_missiles() {
    let x = seed();
    let count = |k: &str| {
        x.events
            .iter()
            .flat_map(|e| &e.weapons)
            .filter(|w| w.kind.key() == k)
            .filter_map(|w| w.count)
            .max()
    };
    assert_eq!(count("drone"), Some(472));
    assert_eq!(count("missile"), Some(7));
}

#[test]
fn talks_in_istanbul_on_monday() {
    let x = seed();
    let talks: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.category == Category::DiplomacyTalks)
        .collect();
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0].date.as_deref(), Some("2025-06-02"));
    assert_eq!(place_name(&x, &talks[0].place_id), Some("Istanbul"));
    assert_eq!(talks[0].country.as_deref(), Some("TR"));
    let text = &x.article.text;
    let umerov = talks[0]
        .sentences
        .iter()
        .any(|&s| x.sentences[s].span.slice(text).contains("Umerov will lead"));
    assert!(
        umerov,
        "Umerov leading the delegation supports the talks event"
    );
}

#[test]
fn russian_regions_hit_without_casualties() {
    let x = seed();
    for region in ["Irkutsk", "Ryazan", "Murmansk"] {
        let e = x
            .events
            .iter()
            .find(|e| place_name(&x, &e.place_id).is_some_and(|n| n.starts_with(region)));
        let e = e.unwrap_or_else(|| panic!("no event in {region}"));
        assert_eq!(e.category, Category::AirDroneStrike, "{region}");
        assert_eq!(e.country.as_deref(), Some("RU"), "{region}");
        if region == "Irkutsk" {
            // "posed no threat to civilians" says nothing about casualties: unknown, not zero.
            assert!(
                !e.no_casualties && e.killed.is_none(),
                "{region}: not stated"
            );
        } else {
            assert!(e.no_casualties, "{region}: zero casualties stated");
        }
    }
}

#[test]
fn irkutsk_stated_distance_is_checkable() {
    let x = seed();
    let d = x
        .distances
        .iter()
        .find(|d| !d.is_length)
        .expect("a stated distance");
    assert!((d.km - 4506.16).abs() < 1.0, "{}", d.km);
    assert_eq!(d.qualifier.as_deref(), Some("over"));
    assert_eq!(d.direction.as_deref(), Some("east"));
    let r = x
        .locations
        .iter()
        .find(|l| Some(&l.id) == d.reference_id.as_ref())
        .expect("reference resolved");
    let s = x
        .locations
        .iter()
        .find(|l| Some(&l.id) == d.subject_id.as_ref())
        .expect("subject resolved");
    assert_eq!(r.name, "Moscow");
    assert!(s.name.starts_with("Irkutsk"));
    let gc = geo::haversine_km(r.lat, r.lon, s.lat, s.lon);
    // The region's own point (the mean of its towns) lies west of Irkutsk city, which
    // is about 4,200 km from Moscow.
    assert!((3900.0..4300.0).contains(&gc), "{gc}");
    let len = x
        .distances
        .iter()
        .find(|d| d.is_length)
        .expect("the front line is a length");
    assert!((len.km - 997.8).abs() < 1.0);
}

#[test]
fn quotes_with_speakers() {
    let x = seed();
    let z = x
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We are doing everything"))
        .expect("Zelenskyy quote");
    assert_eq!(z.speaker.as_deref(), Some("Volodymyr Zelenskyy"));
    let g = x
        .quotes
        .iter()
        .find(|q| q.text.starts_with("If it is established"))
        .expect("Ground Forces quote");
    assert!(g
        .speaker
        .as_deref()
        .is_some_and(|s| s.contains("Ground Forces")));
}

#[test]
fn places_stay_in_ukraine_russia_turkey() {
    let x = seed();
    for l in &x.locations {
        assert!(
            matches!(l.country.as_deref(), Some("UA" | "RU" | "TR")),
            "{} in {:?}",
            l.name,
            l.country
        );
    }
    let moscow = x
        .locations
        .iter()
        .find(|l| l.name == "Moscow")
        .expect("Moscow");
    assert_eq!(moscow.country.as_deref(), Some("RU"));
}

#[test]
fn every_fact_points_into_its_sentence() {
    let x = seed();
    for e in &x.events {
        assert!(!e.sentences.is_empty(), "{} has no source", e.id);
        for c in &e.casualties {
            let s = x.sentences[c.sentence].span;
            assert!(s.start <= c.span.start && c.span.end <= s.end);
        }
        for w in &e.weapons {
            let s = x.sentences[w.sentence].span;
            assert!(s.start <= w.span.start && w.span.end <= s.end);
        }
    }
}
