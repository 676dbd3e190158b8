//! The timeline: events in view along their dates, one bar per day, week or month, bar
//! height by casualties. Choosing a bar sets From/To to it; Shift extends the range
//! from the last bar chosen. Arrow keys move between bars (one tab stop for the group).

use leptos::ev;
use leptos::prelude::*;

use super::*;
use crate::filter::Facet;
use crate::timeline::{self, Timeline as Bins};
use crate::url;

#[component]
pub(super) fn Timeline(ctx: Ctx) -> impl IntoView {
    // Every date the other filters leave, so the chosen range is seen in its context.
    let bins = Memo::new(move |_| {
        ctx.ix.with(|ix| {
            ctx.state.with(|s| {
                let events = (0..ix.x.events.len())
                    .filter(|&i| filter::matches(ix, i, s, Facet::Dates))
                    .map(|i| &ix.x.events[i]);
                timeline::bins(events)
            })
        })
    });
    let anchor = RwSignal::new(None::<usize>);
    let focused = RwSignal::new(0usize);
    let choose = move |i: usize, extend: bool| {
        let from = if extend { anchor.get_untracked() } else { None };
        let Some((f, t)) = bins.with_untracked(|b| timeline::range(b, from.unwrap_or(i), i)) else {
            return;
        };
        if !extend {
            anchor.set(Some(i));
        }
        update(ctx, true, |s| {
            s.from = Some(f);
            s.to = Some(t);
        });
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let n = bins.with_untracked(|b| b.bins.len());
        let i = focused.get_untracked().min(n.saturating_sub(1));
        let to = match e.key().as_str() {
            "ArrowRight" => (i + 1).min(n.saturating_sub(1)),
            "ArrowLeft" => i.saturating_sub(1),
            "Home" => 0,
            "End" => n.saturating_sub(1),
            _ => return,
        };
        e.prevent_default();
        focused.set(to);
        url::focus(&format!("bar-{to}"));
        if e.shift_key() {
            if anchor.get_untracked().is_none() {
                anchor.set(Some(i));
            }
            choose(to, true);
        }
    };
    let clear = move |_| {
        anchor.set(None);
        update(ctx, true, |s| {
            s.from = None;
            s.to = None;
        });
    };
    let has_range = move || ctx.state.with(|s| s.from.is_some() || s.to.is_some());
    view! {
        <section class="timeline" aria-label="Timeline">
            <h2>"Timeline"</h2>
            <p class="muted">{move || caption(&bins.get())}</p>
            <div class="bars" role="group" aria-label="Events by date: Enter chooses a bar's dates, Shift+Enter or Shift+arrows extend the range"
                on:keydown=on_key>
                {move || {
                    let b = bins.get();
                    let tallest = b.bins.iter().map(|x| x.killed + x.injured).max().unwrap_or(0);
                    let (from, to) = ctx.state.with(|s| (s.from.clone(), s.to.clone()));
                    let ranged = from.is_some() || to.is_some();
                    b.bins.into_iter().enumerate().map(|(i, bin)| {
                        let on = ranged && timeline::in_range(&bin, from.as_deref(), to.as_deref());
                        let label = bar_label(&bin);
                        let h = format!("{:.1}%", timeline::height(&bin, tallest) * 100.0);
                        view! {
                            <button type="button" class="bar" id=format!("bar-{i}") class:on=on class:empty=bin.events == 0
                                aria-pressed=on.to_string() aria-label=label.clone() title=label
                                tabindex=move || if focused.get() == i { "0" } else { "-1" }
                                on:focus=move |_| focused.set(i)
                                on:click=move |e: ev::MouseEvent| choose(i, e.shift_key())>
                                <span class="fill" style:height=h></span>
                            </button>
                        }
                    }).collect_view()
                }}
            </div>
            <div class="axis" aria-hidden="true">
                <span>{move || bins.with(|b| b.bins.first().map(|x| x.from.clone()).unwrap_or_default())}</span>
                <span>{move || bins.with(|b| b.bins.last().map(|x| x.to.clone()).unwrap_or_default())}</span>
            </div>
            <Show when=has_range>
                <button type="button" class="clear-range" on:click=clear>"Show all dates"</button>
            </Show>
        </section>
    }
}

/// "2023-01-01 to 2023-01-31: 5 events, ≥ 44 killed, ≥ 79 injured": what a bar holds,
/// for its accessible name and tooltip.
fn bar_label(b: &timeline::Bin) -> String {
    let span = if b.from == b.to {
        b.from.clone()
    } else {
        format!("{} to {}", b.from, b.to)
    };
    let mut s = format!(
        "{span}: {} event{}",
        b.events,
        if b.events == 1 { "" } else { "s" }
    );
    if b.killed > 0 {
        s.push_str(&format!(
            ", ≥ {} killed",
            crate::format::thousands(b.killed)
        ));
    }
    if b.injured > 0 {
        s.push_str(&format!(
            ", ≥ {} injured",
            crate::format::thousands(b.injured)
        ));
    }
    s
}

/// What the chart shows and what it leaves out.
fn caption(b: &Bins) -> String {
    let dated: usize = b.bins.iter().map(|x| x.events).sum();
    let mut s = format!(
        "{dated} dated event{}; bar height by stated killed and injured",
        if dated == 1 { "" } else { "s" }
    );
    if b.undated > 0 {
        s.push_str(&format!("; {} undated, not shown", b.undated));
    }
    s
}
