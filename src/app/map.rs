//! The map: country outlines (fetched after the first card is painted, cached by the
//! service worker), one focusable marker per located event in view, the reference
//! place with great-circle lines to the event places labelled in the chosen unit, and
//! each stated distance drawn as a circle of that radius around its origin. It fits
//! the events in view; wheel, drag, pinch, buttons and keys zoom and pan.

use std::cell::RefCell;
use std::rc::Rc;

use eventlens_extract::Category;
use leptos::ev;
use leptos::prelude::*;
use serde::Deserialize;

use super::*;
use crate::format;
use crate::map::{self, View};
use crate::url;

/// Markers drawn at most; the most severe first. More would not be readable, and each
/// is a focusable element a filter change may have to build.
const MAX_MARKERS: usize = 300;
/// Great-circle lines drawn at most, to the nearest places.
const MAX_LINES: usize = 30;

#[derive(Deserialize, Clone, PartialEq)]
struct Country {
    name: String,
    d: String,
}

#[derive(Deserialize, Clone, PartialEq)]
struct World {
    attribution: String,
    countries: Vec<Country>,
}

#[derive(Clone, PartialEq)]
struct Marker {
    index: usize,
    id: String,
    x: f64,
    y: f64,
    category: Category,
    killed: u64,
    label: String,
}

/// The located events in view, most severe first, as markers.
fn markers(ix: &Indexed, visible: &[usize]) -> (Vec<Marker>, usize) {
    let x = &ix.x;
    let mut out: Vec<Marker> = visible
        .iter()
        .filter_map(|&i| {
            let e = &x.events[i];
            let l = ix.location(i)?;
            let (px, py) = map::project(l.lat, l.lon);
            let killed = filter::lower(&e.killed);
            let mut label = format!(
                "{}, {}, {}",
                e.category.label(),
                l.name,
                e.date.as_deref().unwrap_or("date not stated")
            );
            if killed > 0 {
                label.push_str(&format!(", {} killed", format::thousands(killed)));
            }
            Some(Marker {
                index: i,
                id: e.id.clone(),
                x: px,
                y: py,
                category: e.category,
                killed,
                label,
            })
        })
        .collect();
    let located = out.len();
    out.sort_by_key(|m| std::cmp::Reverse(m.killed));
    out.truncate(MAX_MARKERS);
    // Small markers on top of large ones, so none hides another.
    out.reverse();
    (out, located)
}

/// Pointers down on the map, for drag and pinch.
#[derive(Default)]
struct Pointers {
    down: Vec<(i32, f64, f64)>,
}

#[component]
pub(super) fn MapView(ctx: Ctx) -> impl IntoView {
    let world = RwSignal::new(None::<std::sync::Arc<World>>);
    let status = RwSignal::new(String::from("Loading country outlines…"));
    // After the first card is painted: the outlines are not needed to read the page.
    request_animation_frame(move || {
        url::fetch_text("world.json", move |r| {
            match r.and_then(|t| serde_json::from_str::<World>(&t).map_err(|e| e.to_string())) {
                Ok(w) => {
                    status.set(String::new());
                    world.set(Some(std::sync::Arc::new(w)));
                }
                Err(e) => status.set(format!("Country outlines not shown: {e}.")),
            }
        })
    });
    let marks = Memo::new(move |_| ctx.ix.with(|ix| ctx.visible.with(|v| markers(ix, v))));
    let fitted = Memo::new(move |_| {
        marks.with(|(m, _)| map::fit(&m.iter().map(|m| (m.x, m.y)).collect::<Vec<_>>()))
    });
    // A zoom or pan of the reader's own, until the events in view change.
    let own = RwSignal::new(None::<View>);
    Effect::new(move |_| {
        fitted.track();
        own.set(None);
    });
    let view = move || own.get().unwrap_or_else(|| fitted.get());
    // Map units per screen pixel, so markers and labels keep their size on screen.
    let width_px = RwSignal::new(900.0f64);
    let k = move || view().w / width_px.get().max(1.0);
    let set = move |v: View| own.set(Some(v));

    let pointers = Rc::new(RefCell::new(Pointers::default()));
    let (p1, p2, p3) = (pointers.clone(), pointers.clone(), pointers);
    let on_down = move |e: ev::PointerEvent| {
        p1.borrow_mut()
            .down
            .push((e.pointer_id(), e.client_x() as f64, e.client_y() as f64));
    };
    let on_move = move |e: ev::PointerEvent| {
        let Some((_, _, w, h)) = url::rect_of(e.current_target()) else {
            return;
        };
        width_px.set(w);
        let mut p = p2.borrow_mut();
        let (id, cx, cy) = (e.pointer_id(), e.client_x() as f64, e.client_y() as f64);
        let Some(slot) = p.down.iter().position(|d| d.0 == id) else {
            return;
        };
        let before = p.down.clone();
        p.down[slot] = (id, cx, cy);
        let v = view();
        if before.len() >= 2 {
            // Pinch: the change in distance between two fingers zooms.
            let dist = |d: &[(i32, f64, f64)]| (d[0].1 - d[1].1).hypot(d[0].2 - d[1].2);
            let (a, b) = (dist(&before), dist(&p.down));
            if a > 0.0 {
                set(v.zoom(b / a, 0.5, 0.5));
            }
        } else {
            let (_, ox, oy) = before[slot];
            set(v.pan(-(cx - ox) / w, -(cy - oy) / h));
        }
    };
    let on_up = move |e: ev::PointerEvent| {
        p3.borrow_mut().down.retain(|d| d.0 != e.pointer_id());
    };
    let on_wheel = move |e: ev::WheelEvent| {
        let Some((left, top, w, h)) = url::rect_of(e.current_target()) else {
            return;
        };
        e.prevent_default();
        width_px.set(w);
        let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
        let (fx, fy) = (
            (e.client_x() as f64 - left) / w,
            (e.client_y() as f64 - top) / h,
        );
        set(view().zoom(factor, fx, fy));
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let v = view();
        let next = match e.key().as_str() {
            "ArrowLeft" => v.pan(-0.1, 0.0),
            "ArrowRight" => v.pan(0.1, 0.0),
            "ArrowUp" => v.pan(0.0, -0.1),
            "ArrowDown" => v.pan(0.0, 0.1),
            "+" | "=" => v.zoom(1.5, 0.5, 0.5),
            "-" | "_" => v.zoom(1.0 / 1.5, 0.5, 0.5),
            "0" => {
                own.set(None);
                e.prevent_default();
                return;
            }
            _ => return,
        };
        e.prevent_default();
        set(next);
    };
    let select = move |id: String, index: usize| {
        update(ctx, true, |s| s.sel = Some(id.clone()));
        // The card may be beyond the cards rendered so far.
        let pos = ctx
            .visible
            .with_untracked(|v| v.iter().position(|&i| i == index));
        if let Some(p) = pos.filter(|&p| p >= ctx.limit.get_untracked()) {
            ctx.limit.set(p + 1);
        }
        request_animation_frame(move || url::scroll_into_view(&format!("card-{id}")));
    };

    view! {
        <section class="map" aria-label="Map">
            <h2>"Map"</h2>
            <p class="muted">{move || caption(marks.with(|m| (m.0.len(), m.1)), ctx.visible.with(|v| v.len()))}</p>
            <div class="map-controls">
                <button type="button" on:click=move |_| set(view().zoom(1.5, 0.5, 0.5))>"Zoom in"</button>
                <button type="button" on:click=move |_| set(view().zoom(1.0 / 1.5, 0.5, 0.5))>"Zoom out"</button>
                <button type="button" on:click=move |_| own.set(None)>"Fit to events"</button>
            </div>
            // Two layers with one view box: the outlines, drawn again only on zoom or pan,
            // and above them the events, which change with every filter.
            <div class="map-box">
            <svg class="map-land" viewBox=move || view().attr() aria-hidden="true">
                <rect class="sea" x="-720" y="-360" width="2160" height="1080"></rect>
                <g class="land">
                    {move || world.get().map(|w| w.countries.iter().map(|c| view! {
                        <path d=c.d.clone() vector-effect="non-scaling-stroke"><title>{c.name.clone()}</title></path>
                    }).collect_view())}
                </g>
            </svg>
            <svg class="map-svg" viewBox=move || view().attr() tabindex="0" role="group"
                aria-label="Map of the events in view: arrow keys pan, + and - zoom, 0 fits the events"
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone()
                on:pointercancel=on_up.clone() on:pointerleave=on_up on:wheel=on_wheel on:keydown=on_key>
                <Distances ctx=ctx k=Signal::derive(k) />
                <g class="markers">
                    <For each=move || marks.get().0 key=|m| m.id.clone() let:m>
                        {
                            let (id, id2, index) = (m.id.clone(), m.id.clone(), m.index);
                            let on = {
                                let id = m.id.clone();
                                move || ctx.state.with(|st| st.sel.as_deref() == Some(id.as_str()))
                            };
                            let r = map::radius_px(m.killed);
                            let transform = move || format!("translate({:.3} {:.3}) scale({:.4})", m.x, m.y, r * k());
                            view! {
                                <g class=format!("mk mk-{}", m.category.key()) class:on=on role="button" tabindex="0"
                                    aria-label=m.label.clone() transform=transform
                                    on:click=move |_| select(id.clone(), index)
                                    on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); select(id2.clone(), index) }>
                                    <title>{m.label.clone()}</title>
                                    <path d=map::shape(m.category) vector-effect="non-scaling-stroke"></path>
                                </g>
                            }
                        }
                    </For>
                </g>
            </svg>
            </div>
            <ul class="legend" aria-label="Legend">
                {move || {
                    let mut cats: Vec<Category> = marks.with(|m| m.0.iter().map(|x| x.category).collect());
                    cats.sort_by_key(|c| Category::ALL.iter().position(|a| a == c));
                    cats.dedup();
                    cats.into_iter().map(|c| view! {
                        <li><svg class=format!("mk mk-{}", c.key()) viewBox="-1.4 -1.4 2.8 2.8" width="16" height="16" aria-hidden="true"><path d=map::shape(c)></path></svg>{c.label()}</li>
                    }).collect_view()
                }}
                <li><svg class="ref-mark" viewBox="-1.4 -1.4 2.8 2.8" width="16" height="16" aria-hidden="true"><path d=map::shape(Category::Explosion)></path></svg>"reference place; lines are great circles"</li>
                <li><span class="swatch-circle" aria-hidden="true"></span>"a stated distance, drawn around its origin"</li>
            </ul>
            <p class="muted attribution">{move || status.get()}{move || world.with(|w| w.as_ref().map(|w| w.attribution.clone()))}</p>
        </section>
    }
}

/// The reference place, great-circle lines to the event places with their distances,
/// and the circles of stated distances.
#[component]
fn Distances(ctx: Ctx, k: Signal<f64>) -> impl IntoView {
    let unit = Memo::new(move |_| ctx.state.with(|s| s.unit));
    let lines = move || {
        let Some(r) = ctx.reference.get() else {
            return ().into_any();
        };
        let s = k.get();
        let u = unit.get();
        let (rx, ry) = map::project(r.lat, r.lon);
        let places: Vec<(String, f64, f64, f64)> = ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                let mut seen: Vec<(String, f64, f64, f64)> = Vec::new();
                for &i in v {
                    let Some(l) = ix.location(i) else {
                        continue;
                    };
                    if !seen.iter().any(|p| p.0 == l.name) {
                        let d = eventlens_extract::geo::haversine_km(r.lat, r.lon, l.lat, l.lon);
                        seen.push((l.name.clone(), l.lat, l.lon, d));
                    }
                }
                seen.sort_by(|a, b| a.3.total_cmp(&b.3));
                seen.truncate(MAX_LINES);
                seen
            })
        });
        view! {
            <g class="gc">
                {places.into_iter().filter(|p| p.3 > 1.0).map(|(name, lat, lon, d)| {
                    let pts = map::great_circle((r.lat, r.lon), (lat, lon), 32);
                    let (mx, my) = pts.get(16).map(|&(a, b)| map::project(a, b)).unwrap_or((rx, ry));
                    let text = format::distance(d, u);
                    view! {
                        <path d=map::path(&pts) vector-effect="non-scaling-stroke"><title>{format!("{} to {name}: {text} (great circle)", r.name)}</title></path>
                        <text x=format!("{mx:.2}") y=format!("{my:.2}") font-size=format!("{:.3}", 11.0 * s)>{text.clone()}</text>
                    }
                }).collect_view()}
                <g class="ref-mark" transform=format!("translate({rx:.3} {ry:.3}) scale({:.4})", 9.0 * s)>
                    <title>{format!("Reference: {}", r.name)}</title>
                    <path d=map::shape(Category::Explosion) vector-effect="non-scaling-stroke"></path>
                </g>
            </g>
        }
        .into_any()
    };
    let circles = move || {
        let s = k.get();
        let u = unit.get();
        ctx.ix.with(|ix| {
            let x = &ix.x;
            let articles = ctx.visible.with(|v| filter::articles_in_view(ix, v));
            x.distances
                .iter()
                .filter(|d| !d.is_length && filter::in_articles(ix, d.sentence, &articles))
                .filter_map(|d| {
                    let o = x.locations.iter().find(|l| Some(&l.id) == d.reference_id.as_ref())?;
                    let ring = map::circle((o.lat, o.lon), d.km, 96);
                    // The label sits where the circle passes nearest the place the text
                    // measured to, where a reader compares the two.
                    let subject = x.locations.iter().find(|l| Some(&l.id) == d.subject_id.as_ref());
                    let at = |p: &&(f64, f64)| subject.map_or(0.0, |l| eventlens_extract::geo::haversine_km(p.0, p.1, l.lat, l.lon));
                    let (tx, ty) = ring.iter().min_by(|a, b| at(a).total_cmp(&at(b))).map(|&(a, b)| map::project(a, b))?;
                    let short = format!("stated {}", format::distance(d.km, u));
                    let long = format!("“{}”: {} from {}, as the text states it", d.text, format::distance(d.km, u), o.name);
                    Some(view! {
                        <g class="stated">
                            <path d=map::path(&ring) vector-effect="non-scaling-stroke"><title>{long}</title></path>
                            <text x=format!("{tx:.2}") y=format!("{ty:.2}") font-size=format!("{:.3}", 11.0 * s)>{short}</text>
                        </g>
                    })
                })
                .collect_view()
        })
    };
    view! { {lines} {circles} }
}

/// "12 of 20 events in view are on the map": what is drawn and what is not.
fn caption((drawn, located): (usize, usize), in_view: usize) -> String {
    let mut s = format!("{located} of {in_view} events in view have a place and are on the map");
    if drawn < located {
        s.push_str(&format!(" ({drawn} most severe drawn)"));
    }
    s
}
