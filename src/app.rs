//! The page: `App` wires the view state, the URL and the data; each view lives in its
//! own module below (filters, summary, timeline, map, downloads, cards, source, locations, paste). Components read
//! derived values (memos over the view state) and write the view state through
//! `update`; no component keeps a copy of data another one owns.

use std::rc::Rc;
use std::sync::Arc;

use eventlens_extract::{geo, Extraction};
use leptos::ev;
use leptos::prelude::*;

use crate::data;
use crate::filter::{self, Indexed};
use crate::format;
use crate::state::ViewState;
use crate::url;

mod cards;
mod downloads;
mod filters;
mod locations;
mod map;
mod paste;
mod source;
mod summary;
mod timeline;

use cards::EventList;
use downloads::Downloads;
use filters::FiltersForm;
use locations::Locations;
use map::MapView;
use paste::PasteArticle;
use source::SourceView;
use summary::Summary;
use timeline::Timeline;

/// Cards rendered at once (about two screens); more appear on request, so a filter
/// change re-renders a bounded number of cards whatever the corpus size.
const PAGE: usize = 20;

#[derive(Clone, PartialEq)]
struct RefPlace {
    name: String,
    lat: f64,
    lon: f64,
}

#[derive(Clone, Copy)]
struct Ctx {
    state: RwSignal<ViewState>,
    ix: RwSignal<Rc<Indexed>, LocalStorage>,
    visible: Memo<Vec<usize>>,
    /// Which articles tell the events in view ([`filter::articles_in_view`]), worked out
    /// once per change for the location list, the map and the ledger.
    articles: Memo<Vec<bool>>,
    reference: Memo<Option<RefPlace>>,
    limit: RwSignal<usize>,
}

fn load(collection: &Arc<Extraction>, s: &ViewState) -> Rc<Indexed> {
    Rc::new(match s.synthetic {
        Some(n) => Indexed::new(data::synthetic(collection, n)),
        None => Indexed::new(Arc::clone(collection)),
    })
}

/// Links made before the collection named events by their id within one article
/// (`?article=a&sel=e3`); in the collection that event is `a:e3`.
fn upgrade_old_link(s: &mut ViewState) {
    if let (Some(a), Some(sel)) = (&s.article, &s.sel) {
        if !sel.contains(':') {
            s.sel = Some(format!("{a}:{sel}"));
        }
    }
}

/// Applies a change to the view state and mirrors it into the URL.
fn update(ctx: Ctx, push: bool, f: impl FnOnce(&mut ViewState)) {
    ctx.state.update(f);
    ctx.limit.set(PAGE);
    url::write(&ctx.state.with_untracked(|s| s.to_query()), push);
}

/// Reference places offered: the article's places and the capitals of its countries.
fn reference_options(x: &Extraction, capitals: &[data::Capital]) -> Vec<RefPlace> {
    let mut out: Vec<RefPlace> = Vec::new();
    let countries: Vec<&str> = x
        .locations
        .iter()
        .filter(|l| l.is_named_place())
        .filter_map(|l| l.country.as_deref())
        .collect();
    for c in capitals
        .iter()
        .filter(|c| countries.contains(&c.country.as_str()))
    {
        out.push(RefPlace {
            name: c.name.clone(),
            lat: c.lat,
            lon: c.lon,
        });
    }
    for l in x.locations.iter().filter(|l| l.is_named_place()) {
        if !out.iter().any(|o| o.name == l.name) {
            out.push(RefPlace {
                name: l.name.clone(),
                lat: l.lat,
                lon: l.lon,
            });
        }
    }
    out
}

/// Default reference: the capital of the country where most events happen.
fn default_reference(x: &Extraction, capitals: &[data::Capital]) -> Option<RefPlace> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in x.events.iter().filter_map(|e| e.country.as_deref()) {
        match counts.iter_mut().find(|p| p.0 == c) {
            Some(p) => p.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    // Ties go to the country named first, so the default does not flip with data order.
    let mut top: Option<(&str, usize)> = None;
    for &(c, n) in &counts {
        if top.is_none_or(|t| n > t.1) {
            top = Some((c, n));
        }
    }
    let top = top?.0;
    capitals
        .iter()
        .find(|c| c.country == top)
        .map(|c| RefPlace {
            name: c.name.clone(),
            lat: c.lat,
            lon: c.lon,
        })
}

#[component]
pub fn App() -> impl IntoView {
    let data::Bundle {
        collection,
        capitals,
    } = data::bundle();
    let collection = Arc::new(collection);
    let capitals = Arc::new(capitals);
    let (mut initial, first_notices) = ViewState::from_query(&url::current_query());
    upgrade_old_link(&mut initial);
    let notices = RwSignal::new(first_notices);
    let ix = RwSignal::new_local(load(&collection, &initial));
    let state = RwSignal::new(initial);
    let limit = RwSignal::new(PAGE);

    let caps = capitals.clone();
    let reference = Memo::new(move |_| {
        let name = state.with(|s| s.reference.clone());
        ix.with(|ix| {
            let opts = reference_options(&ix.x, &caps);
            name.and_then(|n| opts.into_iter().find(|o| o.name == n))
                .or_else(|| default_reference(&ix.x, &caps))
        })
    });
    let visible = Memo::new(move |_| {
        let r = reference.get();
        ix.with(|ix| {
            state.with(|s| {
                let dist = |i: usize| {
                    let (r, l) = (r.as_ref()?, ix.location(i)?);
                    Some(geo::haversine_km(r.lat, r.lon, l.lat, l.lon))
                };
                filter::visible(ix, s, &dist)
            })
        })
    });
    let articles =
        Memo::new(move |_| ix.with(|ix| visible.with(|v| filter::articles_in_view(ix, v))));
    let ctx = Ctx {
        state,
        ix,
        visible,
        articles,
        reference,
        limit,
    };

    // Back/forward: the URL is the state.
    let all = collection.clone();
    let handle = window_event_listener(ev::popstate, move |_| {
        let (mut s, n) = ViewState::from_query(&url::current_query());
        upgrade_old_link(&mut s);
        if s.synthetic != state.with_untracked(|c| c.synthetic) {
            ix.set(load(&all, &s));
        }
        state.set(s);
        notices.set(n);
    });
    on_cleanup(move || handle.remove());

    // Bring the selected card into view when the page opens on a deep link.
    Effect::new(move |_| {
        if let Some(sel) = state.with_untracked(|s| s.sel.clone()) {
            url::scroll_into_view(&format!("card-{sel}"));
        }
    });

    let title = move || ix.with(|ix| format::dataset_line(&ix.x));
    let warnings = move || ix.with(|ix| ix.x.warnings.clone());
    // The timeline, map and location table are built after the summary and the first
    // cards are on screen: a reader sees the events first, on a slow phone too.
    let painted = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || painted.set(true), std::time::Duration::ZERO)
    });

    view! {
        <a class="skip" href="#events">"Skip to events"</a>
        <header class="top">
            <h1>"EventLens"</h1>
            <p class="article-title">
                <span>{title}</span>
            </p>
            <Notices notices=notices />
            <ul class="warnings">
                {move || warnings().into_iter().map(|w| view! { <li role="note">{w}</li> }).collect_view()}
            </ul>
        </header>
        <main class="layout">
            <FiltersForm ctx=ctx />
            <div class="content">
                <PasteArticle ctx=ctx collection=collection.clone() />
                <Summary ctx=ctx />
                <Show when=move || painted.get()>
                    <Timeline ctx=ctx />
                    <MapView ctx=ctx />
                </Show>
                <Downloads ctx=ctx />
                <EventList ctx=ctx />
                <SourceView ctx=ctx />
                <Show when=move || painted.get()>
                    <Locations ctx=ctx capitals=capitals.clone() />
                </Show>
            </div>
        </main>
        <footer class="foot">
            "Places: GeoNames (CC BY 4.0). Every figure links to the sentence it came from."
        </footer>
    }
}

#[component]
fn Notices(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>"Some link parameters were ignored:"</p>
                <ul>{move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
