//! The article text with the sentences of the selected event highlighted.

use leptos::ev;
use leptos::prelude::*;

use super::*;
use crate::filter::Indexed;
use crate::url;

#[component]
pub(super) fn SourceView(ctx: Ctx) -> impl IntoView {
    let open = move || ctx.state.with(|s| s.source);
    // Only a change of selection re-renders the article text, not every filter change.
    let selected = Memo::new(move |_| ctx.state.with(|s| s.sel.clone()));
    view! {
        <Show when=open>
            <section class="source" aria-label="Article text">
                <h2>"Article"</h2>
                <Show when=move || ctx.ix.with(|ix| !ix.x.parts.is_empty()) && ctx.state.with(|s| s.sel.is_none() && s.article.is_none())>
                    <p class="muted">"Choose an event (“Show in article”) or an article in the filters to read its text here."</p>
                </Show>
                <button type="button" on:click=move |_| update(ctx, true, |s| s.source = false)>"Close article"</button>
                <div class="article-text">
                    {move || {
                        let ix = ctx.ix.get();
                        let sel = selected.get();
                        let hl: Vec<usize> = sel.as_ref().and_then(|id| ix.x.events.iter().find(|e| &e.id == id)).map(|e| e.sentences.clone()).unwrap_or_default();
                        let owners: Vec<Option<String>> = ix.x.sentences.iter().map(|s| ix.x.events.iter().find(|e| e.sentences.contains(&s.id)).map(|e| e.id.clone())).collect();
                        let shown = shown_sentences(&ix, sel.as_deref(), ctx.state.with(|s| s.article.clone()).as_deref());
                        ix.x.sentences.iter().filter(|s| shown.iter().any(|r| r.contains(&s.id))).map(|s| {
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
                                {shown.iter().any(|r| r.end == s.id + 1).then_some("\n\n")}
                            }
                        }).collect_view()
                    }}
                </div>
            </section>
        </Show>
    }
}

/// The sentences to show: every article that tells the selected event, else the
/// article chosen in the filters, else (one article loaded) the whole text. A
/// collection's dozens of articles are never rendered at once.
fn shown_sentences(
    ix: &Indexed,
    sel: Option<&str>,
    article: Option<&str>,
) -> Vec<std::ops::Range<usize>> {
    let x = &ix.x;
    if x.parts.is_empty() {
        return std::iter::once(0..x.sentences.len()).collect();
    }
    let ids: Vec<&str> = match sel.and_then(|id| x.events.iter().position(|e| e.id == id)) {
        Some(i) => ix.article_ids(i).collect(),
        None => article.into_iter().collect(),
    };
    x.parts
        .iter()
        .filter(|p| ids.contains(&p.id.as_str()))
        .map(|p| p.sentences.start..p.sentences.end)
        .collect()
}
