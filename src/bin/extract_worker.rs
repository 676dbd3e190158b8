//! Web Worker that runs the extractor on pasted text. Keeping it out of the page's own
//! wasm keeps the first load small (the rules and the name index cost ~110 KB gzipped)
//! and keeps the page responsive while a long article is analysed.
//!
//! Protocol: the worker posts "ready" once its handler is installed; the page then posts a JSON string `{"text": "...", "published": "YYYY-MM-DD"|null}`;
//! the worker answers with a JSON string `{"ok": Extraction}` or `{"error": "..."}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let scope = reply_scope.clone();
            let request = ev.data().as_string().unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match handle(&scope, &request).await {
                    Ok(x) => serde_json::json!({ "ok": x }),
                    Err(e) => serde_json::json!({ "error": e }),
                };
                let _ = scope.post_message(&JsValue::from_str(&answer.to_string()));
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this handler existed are lost, so the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(target_arch = "wasm32")]
static GAZETTEER: std::sync::OnceLock<eventlens_extract::Gazetteer> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
async fn handle(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    request: &str,
) -> Result<eventlens_extract::Extraction, String> {
    #[derive(serde::Deserialize)]
    struct Request {
        text: String,
        published: Option<String>,
    }
    let req: Request = serde_json::from_str(request).map_err(|e| format!("bad request: {e}"))?;
    eventlens_extract::decode(req.text.as_bytes()).map_err(|e| e.to_string())?;
    let gaz = match GAZETTEER.get() {
        Some(g) => g,
        None => {
            let tsv = fetch_text(scope, "gazetteer.tsv").await?;
            let g = eventlens_extract::Gazetteer::parse(&tsv).map_err(|e| e.to_string())?;
            GAZETTEER.get_or_init(|| g)
        }
    };
    eventlens_extract::extract_text(&req.text, "pasted", req.published.as_deref(), gaz)
        .map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    path: &str,
) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let fail = || format!("could not load the place names ({path}); connect once to fetch them");
    let resp = JsFuture::from(scope.fetch_with_str(path))
        .await
        .map_err(|_| fail())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| fail())?;
    if !resp.ok() {
        return Err(fail());
    }
    let text = JsFuture::from(resp.text().map_err(|_| fail())?)
        .await
        .map_err(|_| fail())?;
    text.as_string().ok_or_else(fail)
}

/// Natively there is no worker; the binary exists so the workspace builds everywhere.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
