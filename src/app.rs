//! Components. They read derived values (memos over the view state) and write the view
//! state through `update`; no component keeps a copy of data another one owns.

use std::rc::Rc;
use std::sync::Arc;

use eventlens_extract::{geo, Category, Event, Extraction, PlaceKind};
use leptos::ev;
use leptos::prelude::*;

use crate::data;
use crate::filter::{self, Facet, Indexed};
use crate::format;
use crate::state::{Sort, Unit, ViewState};
use crate::url;

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
    reference: Memo<Option<RefPlace>>,
    limit: RwSignal<usize>,
}

fn load(articles: &[Extraction], s: &ViewState) -> Rc<Indexed> {
    let base = s
        .article
        .as_ref()
        .and_then(|id| articles.iter().find(|a| &a.article.id == id))
        .or(articles.first())
        .cloned()
        .unwrap_or_default();
    let x = match s.synthetic {
        Some(n) => data::synthetic(&base, n),
        None => base,
    };
    Rc::new(Indexed::new(x))
}

/// Applies a change to the view state and mirrors it into the URL.
fn update(ctx: Ctx, push: bool, f: impl FnOnce(&mut ViewState)) {
    ctx.state.update(f);
    ctx.limit.set(PAGE);
    url::write(&ctx.state.with_untracked(|s| s.to_query()), push);
}

fn place_of<'a>(x: &'a Extraction, e: &Event) -> Option<&'a eventlens_extract::Location> {
    e.place_id
        .as_ref()
        .and_then(|id| x.locations.iter().find(|l| &l.id == id))
}

/// Reference places offered: the article's places and the capitals of its countries.
fn reference_options(x: &Extraction, capitals: &[data::Capital]) -> Vec<RefPlace> {
    let mut out: Vec<RefPlace> = Vec::new();
    let countries: Vec<&str> = x
        .locations
        .iter()
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
    for l in &x.locations {
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
    let data::Bundle { articles, capitals } = data::bundle();
    let articles = Arc::new(articles);
    let capitals = Arc::new(capitals);
    let (initial, first_notices) = ViewState::from_query(&url::current_query());
    let notices = RwSignal::new(first_notices);
    let ix = RwSignal::new_local(load(&articles, &initial));
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
                    let e = &ix.x.events[i];
                    let (r, l) = (r.as_ref()?, place_of(&ix.x, e)?);
                    Some(geo::haversine_km(r.lat, r.lon, l.lat, l.lon))
                };
                filter::visible(ix, s, &dist)
            })
        })
    });
    let ctx = Ctx {
        state,
        ix,
        visible,
        reference,
        limit,
    };

    // Back/forward: the URL is the state.
    let arts = articles.clone();
    let handle = window_event_listener(ev::popstate, move |_| {
        let (s, n) = ViewState::from_query(&url::current_query());
        if s.article != state.with_untracked(|c| c.article.clone())
            || s.synthetic != state.with_untracked(|c| c.synthetic)
        {
            ix.set(load(&arts, &s));
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

    let title = move || ix.with(|ix| ix.x.article.title.clone());
    let published = move || {
        ix.with(|ix| {
            ix.x.article
                .published
                .clone()
                .unwrap_or_else(|| "date unknown".into())
        })
    };
    let warnings = move || ix.with(|ix| ix.x.warnings.clone());

    view! {
        <a class="skip" href="#events">"Skip to events"</a>
        <header class="top">
            <h1>"EventLens"</h1>
            <p class="article-title">
                <span>{title}</span>
                <span class="muted">" · published " {published}</span>
            </p>
            <Notices notices=notices />
            <ul class="warnings">
                {move || warnings().into_iter().map(|w| view! { <li role="note">{w}</li> }).collect_view()}
            </ul>
        </header>
        <main class="layout">
            <FiltersForm ctx=ctx />
            <div class="content">
                <PasteArticle ctx=ctx articles=articles.clone() />
                <Summary ctx=ctx />
                <EventList ctx=ctx />
                <SourceView ctx=ctx />
                <Locations ctx=ctx capitals=capitals.clone() />
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

/// One `<select>` over a facet, each option with the count it would leave.
#[component]
fn FacetSelect(ctx: Ctx, facet: Facet, label: &'static str, all: &'static str) -> impl IntoView {
    let current = move || {
        ctx.state
            .with(|s| match facet {
                Facet::Cat => s.cat.map(|c| c.key().to_string()),
                Facet::Country => s.country.clone(),
                Facet::Place => s.place.clone(),
                Facet::Actor => s.actor.clone(),
                Facet::Weapon => s.weapon.clone(),
                Facet::None => None,
            })
            .unwrap_or_default()
    };
    let options = move || {
        ctx.ix
            .with(|ix| ctx.state.with(|s| filter::facet_counts(ix, s, facet)))
    };
    let id = format!("f-{}", label.to_lowercase());
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        let v = (!v.is_empty()).then_some(v);
        update(ctx, true, |s| match facet {
            Facet::Cat => s.cat = v.as_deref().and_then(Category::from_key),
            Facet::Country => s.country = v,
            Facet::Place => s.place = v,
            Facet::Actor => s.actor = v,
            Facet::Weapon => s.weapon = v,
            Facet::None => {}
        });
    };
    let label_of = move |k: &str| -> String {
        match facet {
            Facet::Cat => Category::from_key(k)
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| k.to_string()),
            _ => k.to_string(),
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change prop:value=current>
                <option value="">{all}</option>
                {move || {
                    let cur = current();
                    let mut opts = options();
                    if !cur.is_empty() && !opts.iter().any(|o| o.0 == cur) {
                        opts.push((cur.clone(), 0));
                    }
                    opts.into_iter()
                        .map(|(k, n)| {
                            let text = format!("{} ({n})", label_of(&k));
                            let selected = k == cur;
                            view! { <option value=k selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
fn FiltersForm(ctx: Ctx) -> impl IntoView {
    let total = move || ctx.ix.with(|ix| ix.x.events.len());
    let shown = move || ctx.visible.with(|v| v.len());
    view! {
        <form class="filters" aria-label="Filters" on:submit=|ev| ev.prevent_default()>
            <h2>"Filters"</h2>
            <p class="count" role="status" aria-live="polite">
                <strong>{shown}</strong>" of "{total}" events"
            </p>
            <div class="field">
                <label for="f-q">"Search text"</label>
                <input id="f-q" type="search" placeholder="e.g. training unit"
                    prop:value=move || ctx.state.with(|s| s.q.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(ctx, false, |s| s.q = v) } />
            </div>
            <FacetSelect ctx=ctx facet=Facet::Cat label="Category" all="All categories" />
            <FacetSelect ctx=ctx facet=Facet::Country label="Country" all="All countries" />
            <FacetSelect ctx=ctx facet=Facet::Place label="Place" all="All places" />
            <FacetSelect ctx=ctx facet=Facet::Actor label="Actor" all="All actors" />
            <FacetSelect ctx=ctx facet=Facet::Weapon label="Weapon" all="All weapons" />
            <div class="field two">
                <div>
                    <label for="f-from">"From"</label>
                    <input id="f-from" type="date" prop:value=move || ctx.state.with(|s| s.from.clone().unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); update(ctx, true, |s| s.from = (!v.is_empty()).then_some(v)) } />
                </div>
                <div>
                    <label for="f-to">"To"</label>
                    <input id="f-to" type="date" prop:value=move || ctx.state.with(|s| s.to.clone().unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); update(ctx, true, |s| s.to = (!v.is_empty()).then_some(v)) } />
                </div>
            </div>
            <div class="field check">
                <input id="f-cas" type="checkbox" prop:checked=move || ctx.state.with(|s| s.casualties_only)
                    on:change=move |ev| { let v = event_target_checked(&ev); update(ctx, true, |s| s.casualties_only = v) } />
                <label for="f-cas">"Only events with casualties"</label>
            </div>
            <div class="field">
                <label for="f-sort">"Sort by"</label>
                <select id="f-sort" prop:value=move || ctx.state.with(|s| s.sort.key().to_string())
                    on:change=move |ev| { let v = event_target_value(&ev); update(ctx, true, |s| s.sort = Sort::from_key(&v).unwrap_or_default()) }>
                    <option value="article">"Order in article"</option>
                    <option value="date">"Date"</option>
                    <option value="casualties">"Casualties"</option>
                    <option value="distance">"Distance from reference"</option>
                </select>
            </div>
            <button type="button" class="clear" on:click=move |_| update(ctx, true, |s| *s = s.cleared())>
                "Clear all filters"
            </button>
            <ShareLink ctx=ctx />
        </form>
    }
}

#[component]
fn ShareLink(ctx: Ctx) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    let link = move || url::href_for(&ctx.state.with(|s| s.to_query()));
    view! {
        <div class="share">
            <button type="button" on:click=move |_| url::copy(link(), move |ok| status.set(Some(ok)))>"Copy link"</button>
            <span role="status">
                {move || match status.get() {
                    Some(true) => "Link copied".to_string(),
                    Some(false) => "Copy was blocked: select the link below and copy it".to_string(),
                    None => String::new(),
                }}
            </span>
            <Show when=move || status.get() == Some(false)>
                <input class="fallback" readonly aria-label="Link to this view" prop:value=link />
            </Show>
        </div>
    }
}

#[component]
fn Summary(ctx: Ctx) -> impl IntoView {
    let totals = move || {
        ctx.ix
            .with(|ix| ctx.visible.with(|v| filter::totals_of(&ix.x, v)))
    };
    let rows = move || {
        ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                v.iter()
                    .filter(|&&i| ix.x.events[i].category.is_violent())
                    .take(12)
                    .map(|&i| ix.x.events[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="summary" aria-label="Casualty summary">
            <h2>"Casualty summary"</h2>
            <p class="totals">
                {move || {
                    let t = totals();
                    view! {
                        <span class="big killed">{format::total(&t.killed, "killed")}</span>
                        <span class="big injured">{format::total(&t.injured, "injured")}</span>
                        <span class="muted">{format!("over {} event(s) that state figures; a retold incident counts once", t.events.len())}</span>
                    }
                }}
            </p>
            <table class="sides" aria-label="Casualties by side">
                <caption>"By side, where the article says whose"</caption>
                <thead><tr><th scope="col">"Side"</th><th scope="col">"Killed"</th><th scope="col">"Injured"</th></tr></thead>
                <tbody>
                    {move || {
                        let sides = ctx.ix.with(|ix| ctx.visible.with(|v| filter::by_side(&ix.x, v)));
                        if sides.is_empty() {
                            return view! { <tr><td colspan="3">"No one is reported killed or injured in these events."</td></tr> }.into_any();
                        }
                        sides.into_iter().map(|(side, k, i)| view! {
                            <tr><th scope="row">{side}</th><td>{k.map(|k| format::interval_short(&k)).unwrap_or_else(|| "—".into())}</td><td>{i.map(|i| format::interval_short(&i)).unwrap_or_else(|| "—".into())}</td></tr>
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
            <Chart rows=Signal::derive(rows) />
            <Ledger ctx=ctx />
        </section>
    }
}

/// Every casualty figure in view with its role and reason, on request: the reader can see
/// why a number in the article was or was not added to the totals.
#[component]
fn Ledger(ctx: Ctx) -> impl IntoView {
    // One memo feeds both the count and the table, so a filter change collects the rows once.
    let rows = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                filter::ledger_of(&ix.x, v)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <details class="ledger">
            <summary>{move || format!("Every figure and why it counts or not ({})", rows.with(|r| r.len()))}</summary>
            <table aria-label="Casualty figure ledger">
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Figure"</th><th scope="col">"Words"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|f| {
                        let n = f.sentence;
                        let figure = match f.kind {
                            Some(k) => format::ledger_figure(&f.count, &f.count_text, k),
                            None => f.count_text.clone(),
                        };
                        view! {
                            <tr class=format!("role-{}", f.role.label().replace(' ', "-"))>
                                <td>{f.role.label()}</td>
                                <td>{figure}</td>
                                <td><a href=format!("#s-{n}") on:click=move |ev: ev::MouseEvent| {
                                    ev.prevent_default();
                                    update(ctx, true, |s| s.source = true);
                                    request_animation_frame(move || url::scroll_into_view(&format!("s-{n}")));
                                }>{format!("#{n} “{}”", f.text)}</a></td>
                                <td>{f.reason}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// Inline SVG bars of each violent event's lower bounds; no chart library needed.
#[component]
fn Chart(rows: Signal<Vec<Event>>) -> impl IntoView {
    view! {
        <ul class="chart" aria-label="Casualties by event">
            {move || {
                let rows = rows.get();
                let max = rows.iter().map(|e| e.killed.as_ref().and_then(|k| k.min).unwrap_or(0).max(e.injured.as_ref().and_then(|k| k.min).unwrap_or(0))).max().unwrap_or(0).max(1);
                rows.into_iter().map(|e| {
                    let k = e.killed.as_ref().and_then(|k| k.min).unwrap_or(0);
                    let i = e.injured.as_ref().and_then(|k| k.min).unwrap_or(0);
                    let wk = (k as f64 / max as f64 * 100.0).max(if k > 0 { 1.0 } else { 0.0 });
                    let wi = (i as f64 / max as f64 * 100.0).max(if i > 0 { 1.0 } else { 0.0 });
                    let status = if e.no_casualties { "no casualties reported".to_string() } else if e.killed.is_none() && e.injured.is_none() { "not reported".to_string() } else { format::casualty_lines(&e).join(", ") };
                    view! {
                        <li>
                            <span class="chart-label">{format!("{} · {}", e.id, e.category.label())}</span>
                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" class="bars">
                                <rect x="0" y="0" height="4.5" width=format!("{wk:.1}") class="bar-k"></rect>
                                <rect x="0" y="5.5" height="4.5" width=format!("{wi:.1}") class="bar-i"></rect>
                            </svg>
                            <span class="chart-value">{status}</span>
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
    }
}

#[component]
fn EventList(ctx: Ctx) -> impl IntoView {
    let page = move || {
        ctx.visible
            .with(|v| v.iter().take(ctx.limit.get()).copied().collect::<Vec<_>>())
    };
    let more = move || {
        ctx.visible
            .with(|v| v.len().saturating_sub(ctx.limit.get()))
    };
    view! {
        <section class="events" id="events" aria-labelledby="events-h">
            <h2 id="events-h">"Events"</h2>
            <Show when=move || ctx.visible.with(|v| v.is_empty())>
                <div class="empty" role="status">
                    <p>"No event matches these filters."</p>
                    <p>"Widen the date range, choose “All” in a menu, or clear the search text."</p>
                    <button type="button" on:click=move |_| update(ctx, true, |s| *s = s.cleared())>"Clear all filters"</button>
                </div>
            </Show>
            <ol class="cards" aria-label="Events">
                <For each=page key=move |i| (ctx.ix.with_untracked(|ix| ix.generation), *i) let:i>
                    <li><EventCard ctx=ctx index=i /></li>
                </For>
            </ol>
            <Show when=move || { more() > 0 }>
                <button type="button" class="more" on:click=move |_| ctx.limit.update(|l| *l += PAGE)>
                    {move || format!("Show {} more of {} remaining", more().min(PAGE), more())}
                </button>
            </Show>
        </section>
    }
}

#[component]
fn EventCard(ctx: Ctx, index: usize) -> impl IntoView {
    let ix = ctx.ix.get_untracked();
    let x = &ix.x;
    let Some(e) = x.events.get(index).cloned() else {
        return ().into_any();
    };
    let loc = place_of(x, &e).cloned();
    let id = e.id.clone();
    let selected = {
        let id = id.clone();
        move || ctx.state.with(|s| s.sel.as_deref() == Some(id.as_str()))
    };
    let where_ = match (&loc, &e.country) {
        (Some(l), _) => format!(
            "{}{}",
            l.name,
            l.country
                .as_ref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        ),
        (None, Some(c)) => format!("{c} (no place named)"),
        (None, None) => "place not stated".into(),
    };
    let when = match (&e.date, &e.time) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        (Some(d), None) => d.clone(),
        (None, Some(t)) => format!("date not stated, {t}"),
        (None, None) => "date not stated".into(),
    };
    let sentences: Vec<(usize, String)> = e
        .sentences
        .iter()
        .filter_map(|&s| {
            x.sentences
                .get(s)
                .map(|sent| (s, sent.span.slice(&x.article.text).to_string()))
        })
        .collect();
    let mut casualty_src: Vec<String> = Vec::new();
    for c in &e.casualties {
        if !casualty_src.contains(&c.text) {
            casualty_src.push(c.text.clone());
        }
    }
    let weapons = e.weapon_totals();
    let heading_id = format!("h-{}", e.id);
    let labelled_by = heading_id.clone();
    let link = format!("?sel={}", e.id);
    let sel_id = e.id.clone();
    let src_id = e.id.clone();
    let first_sentence = e.sentences.first().copied();
    view! {
        <article id=format!("card-{}", e.id) class="card" class:selected=selected aria-labelledby=labelled_by
            tabindex="-1">
            <header>
                <h3 id=heading_id>
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" width="20" height="20"><path d=format::icon_path(e.category)></path></svg>
                    <span class="cat">{e.category.label()}</span>
                    <span class="eid">{e.id.clone()}</span>
                </h3>
                <p class="meta">
                    <span>{when}</span>" · "<span>{where_}</span>
                    {(e.background).then(|| view! { <span class="tag">" · context, not in totals"</span> })}
                </p>
            </header>
            <p class="summary-line">{e.summary.clone()}</p>
            {(!e.actors.is_empty()).then(|| view! { <p><span class="k">"Actors: "</span>{e.actors.join(", ")}</p> })}
            <p class="casualties"><span class="k">"Casualties: "</span>{format::casualty_lines(&e).join("; ")}
                {(!casualty_src.is_empty()).then(|| view! { <span class="muted">{format!(" (as written: “{}”)", casualty_src.join("”, “"))}</span> })}
            </p>
            {(!weapons.is_empty()).then(|| view! {
                <p><span class="k">"Weapons: "</span>{weapons.iter().map(|(k, n)| format!("{} {}{}", format::thousands(*n), k.key(), if *n == 1 { "" } else { "s" })).collect::<Vec<_>>().join(", ")}</p>
            })}
            <details>
                <summary>{format!("Source sentences ({})", sentences.len())}</summary>
                <ul class="sources">
                    {sentences.into_iter().map(|(n, s)| view! { <li><span class="sn">{format!("#{n} ")}</span>{s}</li> }).collect_view()}
                </ul>
                {(!e.merges.is_empty()).then(|| view! {
                    <p class="merges">"Merged: "{e.merges.iter().map(|m| format!("#{} — {}", m.sentence, m.reason)).collect::<Vec<_>>().join("; ")}</p>
                })}
            </details>
            <div class="actions">
                <button type="button" on:click=move |_| {
                    let id = src_id.clone();
                    update(ctx, true, |s| { s.sel = Some(id); s.source = true; });
                    if let Some(n) = first_sentence { request_animation_frame(move || url::scroll_into_view(&format!("s-{n}"))); }
                }>"Show in article"</button>
                <button type="button" on:click=move |_| { let id = sel_id.clone(); update(ctx, true, |s| s.sel = Some(id)) }>"Select"</button>
                <a href=link>"Link to this event"</a>
            </div>
        </article>
    }
    .into_any()
}

#[component]
fn SourceView(ctx: Ctx) -> impl IntoView {
    let open = move || ctx.state.with(|s| s.source);
    // Only a change of selection re-renders the article text, not every filter change.
    let selected = Memo::new(move |_| ctx.state.with(|s| s.sel.clone()));
    view! {
        <Show when=open>
            <section class="source" aria-label="Article text">
                <h2>"Article"</h2>
                <button type="button" on:click=move |_| update(ctx, true, |s| s.source = false)>"Close article"</button>
                <div class="article-text">
                    {move || {
                        let ix = ctx.ix.get();
                        let sel = selected.get();
                        let hl: Vec<usize> = sel.as_ref().and_then(|id| ix.x.events.iter().find(|e| &e.id == id)).map(|e| e.sentences.clone()).unwrap_or_default();
                        let owners: Vec<Option<String>> = ix.x.sentences.iter().map(|s| ix.x.events.iter().find(|e| e.sentences.contains(&s.id)).map(|e| e.id.clone())).collect();
                        ix.x.sentences.iter().map(|s| {
                            let text = s.span.slice(&ix.x.article.text).to_string();
                            let on = hl.contains(&s.id);
                            let owner = owners.get(s.id).cloned().flatten();
                            let go = owner.clone();
                            let key_go = owner.clone();
                            let jump = move |id: Option<String>| {
                                if let Some(id) = id {
                                    let target = format!("card-{id}");
                                    update(ctx, true, |st| st.sel = Some(id));
                                    request_animation_frame(move || url::scroll_into_view(&target));
                                }
                            };
                            view! {
                                <span id=format!("s-{}", s.id) class="sent" class:hl=on class:linked=owner.is_some()
                                    tabindex=if owner.is_some() { "0" } else { "-1" }
                                    title=owner.as_ref().map(|o| format!("Go to event {o}")).unwrap_or_default()
                                    on:click=move |_| jump(go.clone())
                                    on:keydown=move |ev: ev::KeyboardEvent| if ev.key() == "Enter" { jump(key_go.clone()) }>
                                    {text}
                                </span>
                                {if s.heading { " \n" } else { " " }}
                            }
                        }).collect_view()
                    }}
                </div>
            </section>
        </Show>
    }
}

#[component]
fn Locations(ctx: Ctx, capitals: Arc<Vec<data::Capital>>) -> impl IntoView {
    let by_name = RwSignal::new(false);
    let caps = capitals.clone();
    let options = move || ctx.ix.with(|ix| reference_options(&ix.x, &caps));
    // Memos, so a filter change (which rewrites the view state) does not rebuild the table.
    let unit_memo = Memo::new(move |_| ctx.state.with(|s| s.unit));
    let unit = move || unit_memo.get();
    let rows = move || {
        let r = ctx.reference.get();
        let u = unit();
        ctx.ix.with(|ix| {
            let x = &ix.x;
            let mut rows: Vec<_> = x.locations.iter().map(|l| {
                // A country row counts every event in that country, whatever its place.
                let n_events = x.events.iter().filter(|e| e.place_id.as_deref() == Some(l.id.as_str()) || (l.kind == PlaceKind::Country && e.country.is_some() && e.country == l.country)).count();
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
                    {move || rows().into_iter().map(|(l, n, d, stated)| {
                        let kind = match l.kind { PlaceKind::Country => "country", PlaceKind::Region => "region", PlaceKind::City => "city", PlaceKind::Area => "area" };
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
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <ul class="lengths">{move || lengths().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}

/// Runs the same extractor on text a person pastes. The result stays in this tab: a link
/// cannot carry a whole article, so the share button then links the embedded one.
#[component]
fn PasteArticle(ctx: Ctx, articles: Arc<Vec<Extraction>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let pasted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let run = move |_| {
        let raw = text.get_untracked();
        let published = date.get_untracked();
        if let Err(e) = eventlens_extract::decode(raw.as_bytes()) {
            status.set(format!("Nothing extracted: {e}."));
            return;
        }
        busy.set(true);
        status.set("Extracting (the first time also loads place names)…".into());
        #[derive(serde::Serialize)]
        struct Request {
            text: String,
            published: Option<String>,
        }
        let request = serde_json::to_string(&Request {
            text: raw,
            published: (!published.is_empty()).then_some(published),
        })
        .unwrap_or_default();
        url::extract_in_worker(request, move |answer| {
            busy.set(false);
            let parsed = answer.and_then(|a| {
                serde_json::from_str::<serde_json::Value>(&a).map_err(|e| e.to_string())
            });
            let result = parsed.and_then(|mut v| match v.get("error").and_then(|e| e.as_str()) {
                Some(e) => Err(e.to_string()),
                None => {
                    serde_json::from_value::<Extraction>(v["ok"].take()).map_err(|e| e.to_string())
                }
            });
            match result {
                Ok(x) => {
                    status.set(format!(
                        "Extracted {} event(s) and {} place(s) from {} sentence(s).",
                        x.events.len(),
                        x.locations.len(),
                        x.sentences.len()
                    ));
                    ctx.ix.set(Rc::new(Indexed::new(x)));
                    pasted.set(true);
                    update(ctx, true, |s| {
                        *s = ViewState {
                            unit: s.unit,
                            ..ViewState::default()
                        }
                    });
                }
                Err(e) => status.set(format!("Nothing extracted: {e}.")),
            }
        });
    };
    let back = move |_| {
        ctx.ix.set(ctx.state.with_untracked(|s| load(&articles, s)));
        pasted.set(false);
        status.set(String::new());
    };
    view! {
        <section class="paste" aria-label="Analyse an article">
            <details>
                <summary>"Analyse another article"</summary>
                <label for="paste-text">"Article text (English; the first line is read as the title)"</label>
                <textarea id="paste-text" rows="8" maxlength="2000000" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <div class="paste-row">
                    <label for="paste-date">"Published"</label>
                    <input id="paste-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                    <button type="button" on:click=run disabled=move || busy.get()>"Extract events"</button>
                    <button type="button" on:click=back style:display=move || if pasted.get() { "" } else { "none" }>
                        "Back to the embedded article"
                    </button>
                </div>
                <p role="status" class="paste-status">{move || status.get()}</p>
                <p class="muted">"The text stays in this browser tab; nothing is uploaded."</p>
            </details>
        </section>
    }
}
