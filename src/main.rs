//! Event explorer: the embedded collection of articles, filterable, with casualty totals and a
//! distance-checked location list and a timeline. Pure logic lives in `state`, `filter`,
//! `format` and `timeline`;
//! `app` wires it to the DOM; `url` is the only module that touches browser history.

mod app;
mod data;
mod filter;
mod format;
mod map;
mod state;
mod timeline;
mod url;

fn main() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(app::App);
}

/// Panics are bugs; make them readable in the console without pulling in another crate.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("eventlens panicked: {info}");
    }));
}
