//! Munitions with counts: "472 drones", "seven missiles", "Two Russian Kh-22 cruise
//! missiles", "an attack drone". A weapon word used as a modifier ("a missile strike",
//! "drone footage") is not a count, and launch platforms (bombers, warships) are not weapons.

use crate::model::WeaponKind;
use crate::numbers::number_at;
use crate::text::{Tok, TokKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: WeaponKind,
    pub subtype: Option<String>,
    pub count: Option<u64>,
    pub start: usize,
    pub end: usize,
}

/// The weapon a noun names; plural and singular forms.
pub fn weapon_of(t: &Tok) -> Option<WeaponKind> {
    Some(match t.norm() {
        "drone" | "drones" | "uav" | "uavs" | "shahed" | "shaheds" => WeaponKind::Drone,
        "missile" | "missiles" | "asbm" | "asbms" | "icbm" | "icbms" => WeaponKind::Missile,
        "rocket" | "rockets" => WeaponKind::Rocket,
        "shell" | "shells" | "mortar" | "mortars" => WeaponKind::Shell,
        "bomb" | "bombs" | "ied" | "ieds" => WeaponKind::Bomb,
        _ => return None,
    })
}

pub(crate) const SUBTYPES: &[&str] = &[
    "cruise",
    "ballistic",
    "glide",
    "hypersonic",
    "anti-ship",
    "kamikaze",
    "attack",
    "guided",
    "artillery",
    "surface-to-air",
];
/// Nouns after a weapon word that make it a modifier, not a munition being counted.
const MODIFIED: &[&str] = &[
    "strike",
    "strikes",
    "attack",
    "attacks",
    "assault",
    "assaults",
    "offensive",
    "sighting",
    "footage",
    "defense",
    "defence",
    "defences",
    "defenses",
    "operator",
    "operators",
    "unit",
    "units",
    "program",
    "programme",
    "launcher",
    "launchers",
    "barrage",
    "fire",
    "war",
    "warfare",
    "debris",
    "fragments",
    "alert",
    "threat",
];
const LAUNCH_VERBS: &[&str] = &[
    "launched",
    "fired",
    "launch",
    "fire",
    "launching",
    "firing",
    "sent",
    "shot",
    "dropped",
];

fn is_modifier_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && (SUBTYPES.contains(&t.norm())
            || t.is_capitalized()
            || t.text.contains('-')
            || t.text.chars().any(|c| c.is_ascii_digit()))
}

pub fn find(toks: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(kind) = weapon_of(t) else { continue };
        if toks
            .get(i + 1)
            .is_some_and(|n| MODIFIED.contains(&n.norm()) || weapon_of(n).is_some())
        {
            continue;
        }
        // Walk back over modifiers ("Russian Kh-22 cruise") to a number or an article.
        let mut j = i;
        let mut subtype = None;
        while j > 0
            && i - j < 4
            && is_modifier_word(&toks[j - 1])
            && number_at(toks, j - 1).is_none()
        {
            let w = toks[j - 1].norm();
            if subtype.is_none()
                && (SUBTYPES.contains(&w) && w != "attack"
                    || toks[j - 1].text.contains('-')
                        && toks[j - 1].text.chars().any(|c| c.is_ascii_digit()))
            {
                subtype = Some(toks[j - 1].text.to_string());
            }
            j -= 1;
        }
        let mut count = None;
        let mut start = j;
        // "a total of 472 drones"
        let num_at = if j >= 1 && toks[j - 1].is("of") && j >= 3 && toks[j - 2].is("total") {
            j.checked_sub(3).map(|_| j - 1)
        } else {
            Some(j)
        };
        for k in (j.saturating_sub(4)..num_at.unwrap_or(j)).rev() {
            if let Some(m) = number_at(toks, k) {
                if m.end == num_at.unwrap_or(j) || (m.end + 3 == j && toks[m.end].is("a")) {
                    count = m.interval.min.or(m.interval.max);
                    start = k;
                    break;
                }
            }
        }
        if count.is_none() && j >= 1 {
            // "launched an attack drone", "A second missile": one munition.
            let det = &toks[j - 1];
            let launched = toks[j.saturating_sub(3)..j]
                .iter()
                .any(|x| x.is_any(LAUNCH_VERBS));
            if (det.is_any(&["a", "an"]) && launched)
                || (det.is_any(&["second", "another", "third"])
                    && j >= 2
                    && toks[j - 2].is_any(&["a", "another"]))
            {
                count = Some(1);
                start = j - 1;
            }
        }
        if count.is_some() && count != Some(0) {
            out.push(Hit {
                kind,
                subtype,
                count,
                start,
                end: i + 1,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Counted = (WeaponKind, Option<u64>);
    use crate::model::Span;
    use crate::text::tokenize;

    fn hits(s: &str) -> Vec<(WeaponKind, Option<u64>)> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find(&toks).into_iter().map(|h| (h.kind, h.count)).collect()
    }

    #[test]
    fn weapon_table() {
        use WeaponKind::*;
        let cases: &[(&str, &[Counted])] = &[
            (
                "Russia launched a total of 472 drones in Sunday’s assault",
                &[(Drone, Some(472))],
            ),
            (
                "Russian forces also fired seven missiles at Ukrainian targets.",
                &[(Missile, Some(7))],
            ),
            (
                "Two Russian Kh-22 cruise missiles struck central Kremenchuk",
                &[(Missile, Some(2))],
            ),
            (
                "Two Russian Iskander ballistic missiles struck Kramatorsk",
                &[(Missile, Some(2))],
            ),
            (
                "militias launched an attack drone that hit Tower 22",
                &[(Drone, Some(1))],
            ),
            (
                "A second missile came down on a village",
                &[(Missile, Some(1))],
            ),
            ("Russia conducted a missile strike that resulted", &[]),
            ("the drone footage released by the military", &[]),
            ("the Kh-22 anti-ship missiles were fired by bombers", &[]),
            ("with missiles and rockets on 160 occasions", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(&hits(s), want, "{s:?}");
        }
    }
}
