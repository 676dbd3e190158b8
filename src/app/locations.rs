//! The location list: each place with its stated and great-circle distances from the
//! chosen reference place.

use std::sync::Arc;

use eventlens_extract::{geo, PlaceKind};
use leptos::prelude::*;

use super::*;
use crate::data;
use crate::format;
use crate::state::Unit;

#[component]
pub(super) fn Locations(ctx: Ctx, capitals: Arc<Vec<data::Capital>>) -> impl IntoView {
    let by_name = RwSignal::new(false);
    let caps = capitals.clone();
    let options = move || ctx.ix.with(|ix| reference_options(&ix.x, &caps));
    // Memos, so a filter change (which rewrites the view state) does not rebuild the table.
    let unit_memo = Memo::new(move |_| ctx.state.with(|s| s.unit));
    let unit = move || unit_memo.get();
    // Events in view per place and per country, in one pass; each row's count cell reads
    // it, so a filter change edits counts in place instead of rebuilding rows.
    let counts = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.visible.with(|visible| {
                let mut at_place = std::collections::HashMap::<usize, usize>::new();
                let mut in_country = std::collections::HashMap::<String, usize>::new();
                for &i in visible {
                    if let Some(l) = ix.loc[i] {
                        *at_place.entry(l).or_insert(0) += 1;
                    }
                    if let Some(c) = ix.x.events[i].country.as_deref() {
                        *in_country.entry(c.to_string()).or_insert(0) += 1;
                    }
                }
                (at_place, in_country)
            })
        })
    });
    // The places listed: in a collection, those of the articles whose events are in view.
    let shown_places = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.articles.with(|articles| {
                ix.x.locations
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        l.is_named_place()
                            && l.mentions
                                .iter()
                                .any(|m| filter::in_articles(ix, m.sentence, articles))
                    })
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows = move || {
        let r = ctx.reference.get();
        let u = unit();
        let shown = shown_places.get();
        ctx.ix.with(|ix| {
            let x = &ix.x;
            let mut rows: Vec<_> = shown.iter().map(|&li| {
                let l = &x.locations[li];
                // A country row counts every event in view in that country, whatever its place.
                let country = (l.kind == PlaceKind::Country).then(|| l.country.clone()).flatten();
                let n_events = move || counts.with(|(at_place, in_country)| match &country {
                    Some(c) => in_country.get(c).copied().unwrap_or(0),
                    None => at_place.get(&li).copied().unwrap_or(0),
                });
                let d = r.as_ref().map(|r| geo::haversine_km(r.lat, r.lon, l.lat, l.lon));
                let stated: Vec<String> = x.distances.iter().filter(|d| !d.is_length && d.subject_id.as_deref() == Some(l.id.as_str())).map(|d| {
                    let refl = d.reference_id.as_ref().and_then(|id| x.locations.iter().find(|m| &m.id == id));
                    match refl {
                        Some(rl) => {
                            let gc = geo::haversine_km(rl.lat, rl.lon, l.lat, l.lon);
                            let pct = geo::percent_diff(d.km, gc);
                            let flag = if pct.abs() > format::FLAG_PERCENT { " ⚑ differs by more than 5%" } else { "" };
                            format!("stated “{}” = {} ({}); great-circle from {}: {}; difference {:+.1}%{}", d.text, format::distance(d.km, Unit::Km), format::distance(d.km, Unit::Mi), rl.name, format::distance(gc, u), pct, flag)
                        }
                        None => format!("stated “{}” = {}", d.text, format::distance(d.km, u)),
                    }
                }).collect();
                (l.clone(), n_events, d, stated)
            }).collect();
            if by_name.get() {
                rows.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            } else {
                rows.sort_by(|a, b| a.2.unwrap_or(f64::MAX).total_cmp(&b.2.unwrap_or(f64::MAX)));
            }
            rows
        })
    };
    let lengths = move || {
        ctx.ix.with(|ix| {
            ix.x.distances
                .iter()
                .filter(|d| d.is_length)
                .map(|d| {
                    format!(
                        "“{}” ({}, {}) is a length, not a distance between places",
                        d.text,
                        format::distance(d.km, Unit::Km),
                        format::distance(d.km, Unit::Mi)
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="locations" aria-labelledby="loc-h">
            <h2 id="loc-h">"Locations"</h2>
            <div class="loc-controls">
                <label for="f-ref">"Distances from"</label>
                <select id="f-ref" prop:value=move || ctx.reference.get().map(|r| r.name).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(ctx, true, |s| s.reference = Some(v)) }>
                    {move || {
                        let cur = ctx.reference.get().map(|r| r.name);
                        options().into_iter().map(|o| { let sel = Some(&o.name) == cur.as_ref(); view! { <option value=o.name.clone() selected=sel>{o.name.clone()}</option> } }).collect_view()
                    }}
                </select>
                <button type="button" aria-pressed=move || (unit() == Unit::Mi).to_string()
                    on:click=move |_| update(ctx, true, |s| s.unit = if s.unit == Unit::Km { Unit::Mi } else { Unit::Km })>
                    {move || if unit() == Unit::Km { "Show miles" } else { "Show kilometres" }}
                </button>
                <button type="button" on:click=move |_| by_name.update(|b| *b = !*b)>
                    {move || if by_name.get() { "Sort by distance" } else { "Sort by name" }}
                </button>
            </div>
            <div class="table-wrap">
            <table aria-label="Locations">
                <thead><tr><th scope="col">"Place"</th><th scope="col">"Kind"</th><th scope="col">"Country"</th><th scope="col">"Coordinates"</th><th scope="col">"Events"</th><th scope="col">"Distance"</th><th scope="col">"Stated in article"</th></tr></thead>
                <tbody>
                    <For each=rows key=|(l, _, d, stated)| (l.id.clone(), d.map(f64::to_bits), stated.clone()) children=|(l, n, d, stated)| {
                        let kind = match l.kind { PlaceKind::Country => "country", PlaceKind::Region => "region", PlaceKind::City => "city", PlaceKind::Area => "area", PlaceKind::Facility => "facility" };
                        let flagged = stated.iter().any(|s| s.contains('⚑'));
                        view! {
                            <tr class:flagged=flagged>
                                <th scope="row" title=l.resolution.clone()>{l.name.clone()}</th>
                                <td>{kind}</td>
                                <td>{l.country.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>{format!("{:.3}, {:.3}", l.lat, l.lon)}</td>
                                <td>{n}</td>
                                <td>{d.map(|d| format!("{} / {}", format::distance(d, Unit::Km), format::distance(d, Unit::Mi))).unwrap_or_else(|| "—".into())}</td>
                                <td>{if stated.is_empty() { "—".to_string() } else { stated.join("; ") }}</td>
                            </tr>
                        }
                    } />
                </tbody>
            </table>
            </div>
            <ul class="lengths">{move || lengths().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}
