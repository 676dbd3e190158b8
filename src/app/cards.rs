//! Event cards, a page at a time, each with its facts, sources and links.

use leptos::prelude::*;

use super::*;
use crate::format;
use crate::url;

#[component]
pub(super) fn EventList(ctx: Ctx) -> impl IntoView {
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
pub(super) fn EventCard(ctx: Ctx, index: usize) -> impl IntoView {
    let ix = ctx.ix.get_untracked();
    let x = &ix.x;
    let Some(e) = x.events.get(index).cloned() else {
        return ().into_any();
    };
    let loc = ix.location(index).cloned();
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
    // The articles that tell this event: the first teller, then any other that the
    // collection folded into it.
    let teller = |id: &str, title: &str, published: Option<&str>| {
        let date = published.unwrap_or("date unknown");
        (id.to_string(), format!("{title} ({date})"))
    };
    let tellers: Vec<(String, String)> = if ix.parts[index].is_empty() {
        vec![teller(
            &x.article.id,
            &x.article.title,
            x.article.published.as_deref(),
        )]
    } else {
        ix.parts[index]
            .iter()
            .map(|&p| &x.parts[p])
            .map(|p| teller(&p.id, &p.title, p.published.as_deref()))
            .collect()
    };
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
            <p class="from"><span class="k">{if tellers.len() > 1 { "Told by: " } else { "From: " }}</span>
                {tellers.into_iter().enumerate().map(|(n, (id, t))| view! {
                    {(n > 0).then_some("; ")}
                    <a href=format!("?article={id}")>{t}</a>
                }).collect_view()}
            </p>
            {e.merges.iter().filter(|m| m.reason.starts_with("also told by")).map(|m| view! {
                <p class="merged-note">{format!("One incident, {}.", m.reason)}</p>
            }).collect_view()}
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
