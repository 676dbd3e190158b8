//! The casualty summary: totals with their wording, the by-side table, the chart by
//! category and the ledger of every figure with its role.

use leptos::ev;
use leptos::prelude::*;

use super::*;
use crate::filter;
use crate::format;
use crate::url;

#[component]
pub(super) fn Summary(ctx: Ctx) -> impl IntoView {
    let totals = move || {
        ctx.ix
            .with(|ix| ctx.visible.with(|v| filter::totals_of(ix, v)))
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
                        <span class="muted">{format::totals_note(t.events.len())}</span>
                    }
                }}
            </p>
            // Open on wide screens; folded on small ones, so the first card shows on
            // the first screen (the totals above stay in view).
            <details class="breakdown" open=url::is_wide()>
            <summary>"By side and by category"</summary>
            <table class="sides" aria-label="Casualties by side">
                <caption>"By side, where the article says whose"</caption>
                <thead><tr><th scope="col">"Side"</th><th scope="col">"Killed"</th><th scope="col">"Injured"</th></tr></thead>
                <tbody>
                    {move || {
                        let sides = ctx.ix.with(|ix| ctx.visible.with(|v| filter::by_side(ix, v)));
                        if sides.is_empty() {
                            return view! { <tr><td colspan="3">"No one is reported killed or injured in these events."</td></tr> }.into_any();
                        }
                        sides.into_iter().map(|(side, k, i)| view! {
                            <tr><th scope="row">{side}</th><td>{k.map(|k| format::interval_short(&k)).unwrap_or_else(|| "—".into())}</td><td>{i.map(|i| format::interval_short(&i)).unwrap_or_else(|| "—".into())}</td></tr>
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
            <Chart ctx=ctx />
            </details>
            <Ledger ctx=ctx />
        </section>
    }
}

/// Ledger rows listed at most: more would not be read, and would slow every filter change.
const MAX_LEDGER_ROWS: usize = 1000;

/// Every casualty figure in view with its role and reason, on request: the reader can see
/// why a number in the article was or was not added to the totals.
#[component]
pub(super) fn Ledger(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.visible
                .with(|v| ctx.articles.with(|a| filter::ledger_of(ix, v, a).len()))
        })
    });
    let rows = move || {
        ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                let articles = ctx.articles.get();
                filter::ledger_of(ix, v, &articles)
                    .into_iter()
                    .take(MAX_LEDGER_ROWS)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    // The rows exist only while the table is open: a filter change with it closed costs
    // nothing, and a huge selection shows its first rows with a note.
    let open = RwSignal::new(false);
    let shown = move || count.get().min(MAX_LEDGER_ROWS);
    view! {
        <details class="ledger" prop:open=move || open.get()>
            <summary on:click=move |e: ev::MouseEvent| { e.prevent_default(); open.update(|o| *o = !*o) }>
                {move || format!("Every figure and why it counts or not ({})", count.get())}
            </summary>
            <Show when=move || { count.get() > MAX_LEDGER_ROWS }>
                <p class="muted">{move || format!("The first {} figures are listed; narrow the filters to see the rest.", shown())}</p>
            </Show>
            <table aria-label="Casualty figure ledger">
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Figure"</th><th scope="col">"Words"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    {move || open.get().then(rows).unwrap_or_default().into_iter().map(|f| {
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

/// Killed and injured by category as inline SVG bars (lower bounds, one scale for the
/// whole chart), with the exact figures beside them; events that state no figure are
/// counted in one line instead of drawn as empty rows. No chart library needed.
#[component]
pub(super) fn Chart(ctx: Ctx) -> impl IntoView {
    let data = move || {
        ctx.ix
            .with(|ix| ctx.visible.with(|v| filter::by_category(ix, v)))
    };
    view! {
        {move || {
            let (rows, silent) = data();
            let max = rows.iter().map(|(_, t)| filter::lower(&t.killed).max(filter::lower(&t.injured))).max().unwrap_or(0).max(1);
            let width = |n: u64| (n as f64 / max as f64 * 100.0).max(if n > 0 { 1.0 } else { 0.0 });
            let items = rows.into_iter().map(|(c, t)| {
                let (wk, wi) = (width(filter::lower(&t.killed)), width(filter::lower(&t.injured)));
                let value = [format::total(&t.killed, "killed"), format::total(&t.injured, "injured")]
                    .into_iter()
                    .filter(|s| !s.ends_with("not reported"))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li>
                        <span class="chart-label">{c.label()}</span>
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" class="bars">
                            <rect x="0" y="0" height="4.5" width=format!("{wk:.1}") class="bar-k"></rect>
                            <rect x="0" y="5.5" height="4.5" width=format!("{wi:.1}") class="bar-i"></rect>
                        </svg>
                        <span class="chart-value">{value}</span>
                    </li>
                }
            }).collect_view();
            view! {
                <ul class="chart" aria-label="Casualties by category">{items}</ul>
                <p class="muted chart-note">{(silent > 0).then(|| format!("{silent} violent event(s) in view state no casualty figure."))}</p>
            }
        }}
    }
}
