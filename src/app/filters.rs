//! The filter form: one select per facet, dates, search, sort, and the share link.

use eventlens_extract::Category;
use leptos::prelude::*;

use super::*;
use crate::filter::{self, Facet};
use crate::state::Sort;
use crate::url;

/// One `<select>` over a facet, each option with the count it would leave.
#[component]
pub(super) fn FacetSelect(
    ctx: Ctx,
    facet: Facet,
    label: &'static str,
    all: &'static str,
) -> impl IntoView {
    let current = move || {
        ctx.state
            .with(|s| match facet {
                Facet::Article => s.article.clone(),
                Facet::Cat => s.cat.map(|c| c.key().to_string()),
                Facet::Country => s.country.clone(),
                Facet::Place => s.place.clone(),
                Facet::Actor => s.actor.clone(),
                Facet::Weapon => s.weapon.clone(),
                Facet::Dates | Facet::None => None,
            })
            .unwrap_or_default()
    };
    // Counts in a memo; each option is keyed by its value and only its text follows the
    // count, so a filter change edits text nodes instead of rebuilding every option.
    let counts = Memo::new(move |_| {
        ctx.ix
            .with(|ix| ctx.state.with(|s| filter::facet_counts(ix, s, facet)))
    });
    let count_of = move |k: &str| {
        counts.with(|c| {
            c.binary_search_by(|o| o.0.as_str().cmp(k))
                .map_or(0, |i| c[i].1)
        })
    };
    let id = format!("f-{}", label.to_lowercase());
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        let v = (!v.is_empty()).then_some(v);
        update(ctx, true, |s| match facet {
            Facet::Article => s.article = v,
            Facet::Cat => s.cat = v.as_deref().and_then(Category::from_key),
            Facet::Country => s.country = v,
            Facet::Place => s.place = v,
            Facet::Actor => s.actor = v,
            Facet::Weapon => s.weapon = v,
            Facet::Dates | Facet::None => {}
        });
    };
    let label_of = move |k: &str| -> String {
        match facet {
            Facet::Article => ctx.ix.with(|ix| {
                ix.x.parts
                    .iter()
                    .find(|p| p.id == k)
                    .map(|p| match &p.published {
                        Some(d) => format!("{} · {d}", p.title),
                        None => p.title.clone(),
                    })
                    .unwrap_or_else(|| k.to_string())
            }),
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
                <For
                    each=move || {
                        let cur = current();
                        let mut keys: Vec<String> = counts.with(|c| c.iter().map(|o| o.0.clone()).collect());
                        // A value from a link that no event has still shows, with 0.
                        if !cur.is_empty() && !keys.contains(&cur) {
                            keys.push(cur);
                        }
                        keys
                    }
                    key=|k| k.clone()
                    children=move |k| {
                        let label = label_of(&k);
                        let selected = { let k = k.clone(); move || current() == k };
                        let text = { let k = k.clone(); move || format!("{label} ({})", count_of(&k)) };
                        view! { <option value=k selected=selected>{text}</option> }
                    }
                />
            </select>
        </div>
    }
}

#[component]
pub(super) fn FiltersForm(ctx: Ctx) -> impl IntoView {
    let total = move || ctx.ix.with(|ix| ix.x.events.len());
    let shown = move || ctx.visible.with(|v| v.len());
    // On small screens the filters fold behind one button, so the first screen shows the
    // casualty summary and the first card; on wide screens the button is hidden.
    let open = RwSignal::new(false);
    let active = move || ctx.state.with(|s| s.active_filters());
    view! {
        <form class="filters" class:open=move || open.get() aria-label="Filters" on:submit=|ev| ev.prevent_default()>
            <button type="button" class="filters-toggle" aria-controls="filters-body"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || format!("Filters ({})", active())}
            </button>
            <h2>"Filters"</h2>
            <p class="count" role="status" aria-live="polite">
                <strong>{shown}</strong>" of "{total}" events"
            </p>
            <div class="filters-body" id="filters-body">
            <div class="field">
                <label for="f-q">"Search text"</label>
                <input id="f-q" type="search" placeholder="e.g. training unit"
                    prop:value=move || ctx.state.with(|s| s.q.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(ctx, false, |s| s.q = v) } />
            </div>
            <FacetSelect ctx=ctx facet=Facet::Article label="Article" all="All articles" />
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
                    <option value="article">"Newest article first"</option>
                    <option value="date">"Date"</option>
                    <option value="casualties">"Casualties"</option>
                    <option value="distance">"Distance from reference"</option>
                </select>
            </div>
            <button type="button" class="clear" on:click=move |_| update(ctx, true, |s| *s = s.cleared())>
                "Clear all filters"
            </button>
            <ShareLink ctx=ctx />
            </div>
        </form>
    }
}

#[component]
pub(super) fn ShareLink(ctx: Ctx) -> impl IntoView {
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
