//! Stated distances ("over 2,800 miles east of Moscow", "24 kilometers from the front
//! line", "20 km away from Syria's Al-Tanf garrison") and lengths that are not
//! separations ("the 620-mile active front line").

use crate::geo::KM_PER_MILE;
use crate::numbers::{digit_value, number_at};
use crate::text::Tok;

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub value: f64,
    pub unit: &'static str,
    pub km: f64,
    pub qualifier: Option<String>,
    pub direction: Option<String>,
    /// Token range of the reference phrase after "of"/"from".
    pub reference: Option<(usize, usize)>,
    pub is_length: bool,
    pub start: usize,
    pub end: usize,
}

fn unit_of(word: &str) -> Option<(&'static str, f64)> {
    Some(match word.to_lowercase().as_str() {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => ("km", 1.0),
        "miles" | "mile" | "mi" => ("mi", KM_PER_MILE),
        "meters" | "metres" | "m" => ("km", 0.001),
        _ => return None,
    })
}

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeastern",
    "northwestern",
    "southern",
    "northern",
];

pub fn find(toks: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Lengths: "620-mile", "1,000-km" as one hyphenated token.
        if let Some((num, unit)) = toks[i].text.split_once('-') {
            if let (Some(v), Some((u, f))) = (digit_value(num), unit_of(unit)) {
                out.push(Hit {
                    value: v,
                    unit: u,
                    km: v * f,
                    qualifier: None,
                    direction: None,
                    reference: None,
                    is_length: true,
                    start: i,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
        }
        let Some(m) = number_at(toks, i) else {
            i += 1;
            continue;
        };
        let Some((u, f)) = toks.get(m.end).and_then(|t| unit_of(t.text)) else {
            i = m.end.max(i + 1);
            continue;
        };
        let mut j = m.end + 1;
        let mut direction = None;
        if let Some(d) = toks.get(j).filter(|t| DIRECTIONS.contains(&t.norm())) {
            direction = Some(d.text.to_lowercase());
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.is("away")) {
            j += 1;
        }
        let mut reference = None;
        if toks.get(j).is_some_and(|t| t.is_any(&["of", "from"])) {
            // The reference runs to the next clause break.
            let rs = j + 1;
            let mut re = rs;
            while re < toks.len()
                && re < rs + 6
                && !matches!(toks[re].text, "," | "." | ";" | ":" | "(" | ")")
                && !toks[re].is_any(&["where", "which", "and", "who", "that"])
            {
                re += 1;
            }
            if re > rs {
                reference = Some((rs, re));
                j = re;
            }
        }
        let qualifier = (m.value_start > m.start).then(|| {
            toks[m.start..m.value_start]
                .iter()
                .map(|t| t.text.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        });
        // A bare "12 km" with no direction or reference is still a distance, but weaker.
        out.push(Hit {
            value: m.value,
            unit: u,
            km: m.value * f,
            qualifier,
            direction,
            reference,
            is_length: false,
            start: m.start,
            end: j.max(m.end + 1),
        });
        i = j.max(m.end + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, km, qualifier, reference, is_length)
    type Case = (
        &'static str,
        f64,
        Option<&'static str>,
        Option<&'static str>,
        bool,
    );
    use crate::model::Span;
    use crate::text::tokenize;

    #[test]
    fn distance_table() {
        let cases: &[Case] = &[
            (
                "situated over 2,800 miles east of Moscow.",
                2800.0 * KM_PER_MILE,
                Some("over"),
                Some("Moscow"),
                false,
            ),
            (
                "lay 24 kilometers from the front line.",
                24.0,
                None,
                Some("the front line"),
                false,
            ),
            (
                "is 20 km away from Syria's Al-Tanf garrison, where",
                20.0,
                None,
                Some("Syria's Al-Tanf garrison"),
                false,
            ),
            (
                "some 10 km from the shopping centre.",
                10.0,
                Some("some"),
                Some("the shopping centre"),
                false,
            ),
            (
                "behind the 620-mile active front line",
                620.0 * KM_PER_MILE,
                None,
                None,
                true,
            ),
        ];
        for (s, km, q, r, len) in cases {
            let toks = tokenize(s, Span::new(0, s.len()));
            let h = find(&toks);
            assert_eq!(h.len(), 1, "{s:?}");
            let h = &h[0];
            assert!((h.km - km).abs() < 1e-6, "{s:?} {}", h.km);
            assert_eq!(h.qualifier.as_deref(), *q, "{s:?}");
            let rt = h
                .reference
                .map(|(a, b)| s[toks[a].span.start..toks[b - 1].span.end].to_string());
            assert_eq!(rt.as_deref(), *r, "{s:?}");
            assert_eq!(h.is_length, *len);
        }
    }
}
