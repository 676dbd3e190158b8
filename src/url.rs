//! The browser edge for view state: read the query string, write it back with
//! `history.replaceState` (typing) or `pushState` (discrete choices), and copy links.

use leptos::prelude::*;

pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page URL for a query, keeping the path so sub-path deployments work.
pub fn href_for(query: &str) -> String {
    let loc = window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}{query}")
}

pub fn write(query: &str, push: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let url = href_for(query);
    if current_query() == query {
        return;
    }
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Copies text with the Clipboard API; calls `done(ok)` when the browser answers.
pub fn copy(text: String, done: impl Fn(bool) + 'static) {
    let clip = window().navigator().clipboard();
    let promise = clip.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

pub fn scroll_into_view(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view_with_bool(true);
    }
}
