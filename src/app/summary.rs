//! The casualty summary: totals with their wording, the by-side table, the chart and
//! the ledger of every figure with its role.

use eventlens_extract::Event;
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
            .with(|ix| ctx.visible.with(|v| filter::totals_of(&ix.x, v)))
    };
    let rows = move || {
        ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                v.iter()
                    .filter(|&&i| ix.x.events[i].category.is_violent())
                    .take(12)
                    .map(|&i| ix.x.events[i].clone())
                    .collect::<Vec<_>>()
            })
        })
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
                        <span class="muted">{format!("over {} event(s) that state figures; a retold incident counts once", t.events.len())}</span>
                    }
                }}
            </p>
            <table class="sides" aria-label="Casualties by side">
                <caption>"By side, where the article says whose"</caption>
                <thead><tr><th scope="col">"Side"</th><th scope="col">"Killed"</th><th scope="col">"Injured"</th></tr></thead>
                <tbody>
                    {move || {
                        let sides = ctx.ix.with(|ix| ctx.visible.with(|v| filter::by_side(&ix.x, v)));
                        if sides.is_empty() {
                            return view! { <tr><td colspan="3">"No one is reported killed or injured in these events."</td></tr> }.into_any();
                        }
                        sides.into_iter().map(|(side, k, i)| view! {
                            <tr><th scope="row">{side}</th><td>{k.map(|k| format::interval_short(&k)).unwrap_or_else(|| "—".into())}</td><td>{i.map(|i| format::interval_short(&i)).unwrap_or_else(|| "—".into())}</td></tr>
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
            <Chart rows=Signal::derive(rows) />
            <Ledger ctx=ctx />
        </section>
    }
}

/// Every casualty figure in view with its role and reason, on request: the reader can see
/// why a number in the article was or was not added to the totals.
#[component]
pub(super) fn Ledger(ctx: Ctx) -> impl IntoView {
    // One memo feeds both the count and the table, so a filter change collects the rows once.
    let rows = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.visible.with(|v| {
                filter::ledger_of(&ix.x, v)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <details class="ledger">
            <summary>{move || format!("Every figure and why it counts or not ({})", rows.with(|r| r.len()))}</summary>
            <table aria-label="Casualty figure ledger">
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Figure"</th><th scope="col">"Words"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|f| {
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

/// Inline SVG bars of each violent event's lower bounds; no chart library needed.
#[component]
pub(super) fn Chart(rows: Signal<Vec<Event>>) -> impl IntoView {
    view! {
        <ul class="chart" aria-label="Casualties by event">
            {move || {
                let rows = rows.get();
                let max = rows.iter().map(|e| e.killed.as_ref().and_then(|k| k.min).unwrap_or(0).max(e.injured.as_ref().and_then(|k| k.min).unwrap_or(0))).max().unwrap_or(0).max(1);
                rows.into_iter().map(|e| {
                    let k = e.killed.as_ref().and_then(|k| k.min).unwrap_or(0);
                    let i = e.injured.as_ref().and_then(|k| k.min).unwrap_or(0);
                    let wk = (k as f64 / max as f64 * 100.0).max(if k > 0 { 1.0 } else { 0.0 });
                    let wi = (i as f64 / max as f64 * 100.0).max(if i > 0 { 1.0 } else { 0.0 });
                    let status = if e.no_casualties { "no casualties reported".to_string() } else if e.killed.is_none() && e.injured.is_none() { "not reported".to_string() } else { format::casualty_lines(&e).join(", ") };
                    view! {
                        <li>
                            <span class="chart-label">{format!("{} · {}", e.id, e.category.label())}</span>
                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" class="bars">
                                <rect x="0" y="0" height="4.5" width=format!("{wk:.1}") class="bar-k"></rect>
                                <rect x="0" y="5.5" height="4.5" width=format!("{wi:.1}") class="bar-i"></rect>
                            </svg>
                            <span class="chart-value">{status}</span>
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
    }
}
