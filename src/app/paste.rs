//! "Analyse another article": pasted text goes to the extraction worker.

use std::rc::Rc;
use std::sync::Arc;

use eventlens_extract::Extraction;
use leptos::prelude::*;

use super::*;
use crate::filter::Indexed;
use crate::state::ViewState;
use crate::url;

/// Runs the same extractor on text a person pastes. The result stays in this tab: a link
/// cannot carry a whole article, so the share button then links the embedded one.
#[component]
pub(super) fn PasteArticle(ctx: Ctx, collection: Arc<Extraction>) -> impl IntoView {
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
                        x.locations.iter().filter(|l| l.is_named_place()).count(),
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
        ctx.ix
            .set(ctx.state.with_untracked(|s| load(&collection, s)));
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
                        "Back to the collection"
                    </button>
                </div>
                <p role="status" class="paste-status">{move || status.get()}</p>
                <p class="muted">"The text stays in this browser tab; nothing is uploaded."</p>
            </details>
        </section>
    }
}
