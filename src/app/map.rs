//! The map: country outlines (fetched after the first card is painted, cached by the
//! service worker), one focusable marker per located event in view, the reference
//! place with great-circle lines to the event places labelled in the chosen unit, and
//! each stated distance drawn as a circle of that radius around its origin. It fits
//! the events in view; wheel, drag, pinch, buttons and keys zoom and pan.

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

/// The part of the map in view: the fit to the events, or the reader's own zoom and pan
/// until the events in view change; and the pointers down, for drag and pinch.
#[derive(Clone, Copy)]
struct Viewport {
    fitted: Memo<View>,
    own: RwSignal<Option<View>>,
    /// The map's width on screen, to turn pixels into map units.
    width_px: RwSignal<f64>,
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
}

impl Viewport {
    fn new(fitted: Memo<View>) -> Self {
        let own = RwSignal::new(None::<View>);
        Effect::new(move |_| {
            fitted.track();
            own.set(None);
        });
        Viewport {
            fitted,
            own,
            width_px: RwSignal::new(900.0),
            pointers: StoredValue::new(Vec::new()),
        }
    }

    fn view(self) -> View {
        self.own.get().unwrap_or_else(|| self.fitted.get())
    }

    /// Map units per screen pixel, so markers and labels keep their size on screen.
    fn scale(self) -> f64 {
        self.view().w / self.width_px.get().max(1.0)
    }

    fn set(self, v: View) {
        self.own.set(Some(v));
    }

    fn fit(self) {
        self.own.set(None);
    }

    fn pointer_down(self, e: &ev::PointerEvent) {
        self.pointers
            .update_value(|p| p.push((e.pointer_id(), e.client_x() as f64, e.client_y() as f64)));
    }

    fn pointer_up(self, e: &ev::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|d| d.0 != e.pointer_id()));
    }

    /// One finger (or the mouse) drags the map; two fingers pinch to zoom.
    fn pointer_move(self, e: &ev::PointerEvent) {
        let Some((_, _, w, h)) = url::rect_of(e.current_target()) else {
            return;
        };
        self.width_px.set(w);
        let (id, cx, cy) = (e.pointer_id(), e.client_x() as f64, e.client_y() as f64);
        let before = self.pointers.get_value();
        let Some(slot) = before.iter().position(|d| d.0 == id) else {
            return;
        };
        self.pointers.update_value(|p| p[slot] = (id, cx, cy));
        let v = self.view();
        if before.len() >= 2 {
            let after = self.pointers.get_value();
            let dist = |d: &[(i32, f64, f64)]| (d[0].1 - d[1].1).hypot(d[0].2 - d[1].2);
            let (a, b) = (dist(&before), dist(&after));
            if a > 0.0 {
                self.set(v.zoom(b / a, 0.5, 0.5));
            }
        } else {
            let (_, ox, oy) = before[slot];
            self.set(v.pan(-(cx - ox) / w, -(cy - oy) / h));
        }
    }

    /// The wheel zooms about the point under the cursor.
    fn wheel(self, e: &ev::WheelEvent) {
        let Some((left, top, w, h)) = url::rect_of(e.current_target()) else {
            return;
        };
        e.prevent_default();
        self.width_px.set(w);
        let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
        let (fx, fy) = (
            (e.client_x() as f64 - left) / w,
            (e.client_y() as f64 - top) / h,
        );
        self.set(self.view().zoom(factor, fx, fy));
    }

    /// Arrows pan, + and - zoom, 0 fits the events again.
    fn key(self, e: &ev::KeyboardEvent) {
        let v = self.view();
        let next = match e.key().as_str() {
            "ArrowLeft" => v.pan(-0.1, 0.0),
            "ArrowRight" => v.pan(0.1, 0.0),
            "ArrowUp" => v.pan(0.0, -0.1),
            "ArrowDown" => v.pan(0.0, 0.1),
            "+" | "=" => v.zoom(1.5, 0.5, 0.5),
            "-" | "_" => v.zoom(1.0 / 1.5, 0.5, 0.5),
            "0" => {
                e.prevent_default();
                self.fit();
                return;
            }
            _ => return,
        };
        e.prevent_default();
        self.set(next);
    }
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
    let vp = Viewport::new(fitted);
    let k = move || vp.scale();
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
                <button type="button" on:click=move |_| vp.set(vp.view().zoom(1.5, 0.5, 0.5))>"Zoom in"</button>
                <button type="button" on:click=move |_| vp.set(vp.view().zoom(1.0 / 1.5, 0.5, 0.5))>"Zoom out"</button>
                <button type="button" on:click=move |_| vp.fit()>"Fit to events"</button>
            </div>
            // Two layers with one view box: the outlines, drawn again only on zoom or pan,
            // and above them the events, which change with every filter.
            <div class="map-box">
            <svg class="map-land" viewBox=move || vp.view().attr() aria-hidden="true">
                <rect class="sea" x="-720" y="-360" width="2160" height="1080"></rect>
                <g class="land">
                    {move || world.get().map(|w| w.countries.iter().map(|c| view! {
                        <path d=c.d.clone() vector-effect="non-scaling-stroke"><title>{c.name.clone()}</title></path>
                    }).collect_view())}
                </g>
            </svg>
            <svg class="map-svg" viewBox=move || vp.view().attr() tabindex="0" role="group"
                aria-label="Map of the events in view: arrow keys pan, + and - zoom, 0 fits the events"
                on:pointerdown=move |e| vp.pointer_down(&e) on:pointermove=move |e| vp.pointer_move(&e)
                on:pointerup=move |e| vp.pointer_up(&e) on:pointercancel=move |e| vp.pointer_up(&e)
                on:pointerleave=move |e| vp.pointer_up(&e) on:wheel=move |e| vp.wheel(&e) on:keydown=move |e| vp.key(&e)>
                <Distances ctx=ctx k=Signal::derive(k) />
                <Markers ctx=ctx marks=marks k=Signal::derive(k) select=Callback::new(move |(id, index)| select(id, index)) />
            </svg>
            </div>
            <Legend marks=marks />
            <p class="muted attribution">{move || status.get()}{move || world.with(|w| w.as_ref().map(|w| w.attribution.clone()))}</p>
        </section>
    }
}

/// One focusable marker per event drawn, keyed so a filter change only adds and removes
/// the markers that changed; size follows the view's scale so it stays the same on screen.
#[component]
fn Markers(
    ctx: Ctx,
    marks: Memo<(Vec<Marker>, usize)>,
    k: Signal<f64>,
    select: Callback<(String, usize)>,
) -> impl IntoView {
    view! {
        <g class="markers">
            <For each=move || marks.get().0 key=|m| m.id.clone() let:m>
                {
                    let (id, id2, index) = (m.id.clone(), m.id.clone(), m.index);
                    let on = {
                        let id = m.id.clone();
                        move || ctx.state.with(|st| st.sel.as_deref() == Some(id.as_str()))
                    };
                    let r = map::radius_px(m.killed);
                    let transform = move || format!("translate({:.3} {:.3}) scale({:.4})", m.x, m.y, r * k.get());
                    view! {
                        <g class=format!("mk mk-{}", m.category.key()) class:on=on role="button" tabindex="0"
                            aria-label=m.label.clone() transform=transform
                            on:click=move |_| select.run((id.clone(), index))
                            on:keydown=move |e: ev::KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); select.run((id2.clone(), index)) }>
                            <title>{m.label.clone()}</title>
                            <path d=map::shape(m.category) vector-effect="non-scaling-stroke"></path>
                        </g>
                    }
                }
            </For>
        </g>
    }
}

/// The categories on the map with their shapes, and what the lines and circles mean.
#[component]
fn Legend(marks: Memo<(Vec<Marker>, usize)>) -> impl IntoView {
    view! {
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
            let articles = ctx.articles.get();
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
