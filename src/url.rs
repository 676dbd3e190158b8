//! The browser edge for view state: read the query string, write it back with
//! `history.replaceState` (typing) or `pushState` (discrete choices), copy links, and
//! talk to the extraction worker.

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

/// Saves text as a file: a Blob behind a temporary link that is clicked, then freed.
/// Nothing leaves the browser.
pub fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = link {
        a.set_href(&href);
        a.set_download(name);
        a.click();
    }
    // Revoked a little later: revoking at once can cancel the download it started.
    let free = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&href);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), 30_000);
}

/// Whether the window is wider than the single-column layout (760 px): wide screens
/// open the summary's breakdown at start, small ones keep it folded.
pub fn is_wide() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 760.0)
}

pub fn scroll_into_view(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view_with_bool(true);
    }
}

/// Fetches a file of the build (same origin) as text; `done` gets the text or a reason.
pub fn fetch_text(path: &'static str, done: impl FnOnce(Result<String, String>) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let promise = window().fetch_with_str(path);
    wasm_bindgen_futures::spawn_local(async move {
        let fail = |_| format!("could not load {path}");
        let result = async {
            let resp: web_sys::Response = JsFuture::from(promise)
                .await
                .map_err(fail)?
                .dyn_into()
                .map_err(fail)?;
            if !resp.ok() {
                return Err(format!("could not load {path} ({})", resp.status()));
            }
            let text = JsFuture::from(resp.text().map_err(fail)?)
                .await
                .map_err(fail)?;
            text.as_string()
                .ok_or_else(|| format!("{path} is not text"))
        }
        .await;
        done(result);
    });
}

/// Where the element an event listener sits on is on screen: (left, top, width,
/// height) in CSS pixels.
pub fn rect_of(target: Option<web_sys::EventTarget>) -> Option<(f64, f64, f64, f64)> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = target?.dyn_into().ok()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| (r.left(), r.top(), r.width(), r.height()))
}

/// Moves keyboard focus to an element (roving focus in a group of controls).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The extraction worker, its readiness, and a request waiting for it to be ready.
struct WorkerSlot {
    worker: web_sys::Worker,
    ready: bool,
    pending: Option<String>,
}

thread_local! {
    static WORKER: std::cell::RefCell<Option<WorkerSlot>> = const { std::cell::RefCell::new(None) };
}

/// Sends a pasted article to the extraction worker (started on first use) and calls
/// `done` with its JSON answer. One request at a time: the caller disables the button.
pub fn extract_in_worker(request: String, done: impl Fn(Result<String, String>) + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let started = WORKER.with(|w| w.borrow().is_some());
    if !started {
        // Relative to the page, so sub-path deployments work.
        let Ok(worker) = web_sys::Worker::new("extract_worker_loader.js") else {
            done(Err(
                "this browser could not start the extraction worker".into()
            ));
            return;
        };
        WORKER.with(|w| {
            *w.borrow_mut() = Some(WorkerSlot {
                worker,
                ready: false,
                pending: None,
            })
        });
    }
    let done = std::rc::Rc::new(done);
    let on_msg = {
        let done = done.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data().as_string();
            if data.as_deref() == Some("ready") {
                WORKER.with(|w| {
                    if let Some(slot) = w.borrow_mut().as_mut() {
                        slot.ready = true;
                        if let Some(req) = slot.pending.take() {
                            let _ = slot.worker.post_message(&JsValue::from_str(&req));
                        }
                    }
                });
                return;
            }
            done(data.ok_or_else(|| "the worker sent no text".to_string()));
        })
    };
    let on_err = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        done(Err("the extraction worker failed to load".into()))
    });
    WORKER.with(|w| {
        if let Some(slot) = w.borrow_mut().as_mut() {
            // One handler pair per request; each replaces the previous pair.
            slot.worker
                .set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
            slot.worker
                .set_onerror(Some(on_err.as_ref().unchecked_ref()));
            if slot.ready {
                let _ = slot.worker.post_message(&JsValue::from_str(&request));
            } else {
                slot.pending = Some(request);
            }
        }
    });
    on_msg.forget();
    on_err.forget();
}
