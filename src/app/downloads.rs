//! Downloads of the events in view: CSV, GeoJSON and the JSON contract, made by the
//! extraction crate's `export` module (the CLI's own code), so a file from the page and
//! the CLI's output for the same events agree.

use eventlens_extract::export;
use leptos::prelude::*;

use super::*;
use crate::url;

/// The file name for a download: the article's id and how many events it holds, so two
/// downloads of different views do not overwrite each other unnoticed.
fn file_name(article: &str, n: usize, ext: &str) -> String {
    let stem: String = article
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    format!("eventlens-{stem}-{n}-events.{ext}")
}

#[component]
pub(super) fn Downloads(ctx: Ctx) -> impl IntoView {
    let save = move |ext: &'static str| {
        ctx.ix.with_untracked(|ix| {
            ctx.visible.with_untracked(|v| {
                let x = &ix.x;
                let (mime, body) = match ext {
                    "csv" => ("text/csv", export::csv(x, v)),
                    "geojson" => (
                        "application/geo+json",
                        serde_json::to_string_pretty(&export::geojson(x, v)).unwrap_or_default(),
                    ),
                    _ => (
                        "application/json",
                        serde_json::to_string_pretty(&export::subset(x, v)).unwrap_or_default(),
                    ),
                };
                url::download(&file_name(&x.article.id, v.len(), ext), mime, &body);
            })
        })
    };
    let count = move || ctx.visible.with(|v| v.len());
    view! {
        <section class="downloads" aria-label="Download the events in view">
            <span class="muted">{move || format!("{} event(s) in view:", count())}</span>
            <button type="button" on:click=move |_| save("csv")>"Download CSV"</button>
            <button type="button" on:click=move |_| save("geojson")>"Download GeoJSON"</button>
            <button type="button" on:click=move |_| save("json")>"Download JSON"</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_and_say_what_they_hold() {
        assert_eq!(
            file_name("article-001", 9, "csv"),
            "eventlens-article-001-9-events.csv"
        );
        assert_eq!(
            file_name("../a b/c", 1, "json"),
            "eventlens-___a_b_c-1-events.json"
        );
    }
}
