//! The view state and its URL form. Everything a person sees is a function of
//! (article data, ViewState); the URL holds the ViewState in readable keys, so a link
//! reproduces the view. Parsing is forgiving: each bad field is dropped with a notice and
//! the rest still applies.

use eventlens_extract::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Article,
    Date,
    Casualties,
    Distance,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Article => "article",
            Sort::Date => "date",
            Sort::Casualties => "casualties",
            Sort::Distance => "distance",
        }
    }
    pub fn from_key(k: &str) -> Option<Sort> {
        [Sort::Article, Sort::Date, Sort::Casualties, Sort::Distance]
            .into_iter()
            .find(|s| s.key() == k)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Km,
    Mi,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub article: Option<String>,
    pub cat: Option<Category>,
    pub country: Option<String>,
    pub place: Option<String>,
    pub actor: Option<String>,
    pub weapon: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub casualties_only: bool,
    pub q: String,
    pub sort: Sort,
    pub sel: Option<String>,
    pub reference: Option<String>,
    pub unit: Unit,
    pub source: bool,
    /// Synthetic corpus size for performance checks (`?synthetic=10000`).
    pub synthetic: Option<usize>,
}

/// Longest value we accept for any one key; longer values are hostile or broken.
const MAX_VALUE: usize = 200;
pub const MAX_SYNTHETIC: usize = 200_000;

/// Percent-decodes a query component (`+` is a space). Invalid escapes stay literal.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but unreserved characters, so values read back exactly.
pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn valid_date(s: &str) -> bool {
    eventlens_extract::dates::Date::parse(s).is_some() && s.len() == 10
}

/// An event id as the extractor writes it: `e12`, or `article-id:e12` in a collection
/// (article ids are file stems: letters, digits, `-` and `_`).
fn is_event_id(v: &str) -> bool {
    let (article, local) = v.rsplit_once(':').unwrap_or(("", v));
    v.len() <= MAX_VALUE
        && article
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && local.len() >= 2
        && local.starts_with('e')
        && local[1..].chars().all(|c| c.is_ascii_digit())
}

fn plain_value(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= MAX_VALUE
        && !v.chars().any(|c| c.is_control() || matches!(c, '<' | '>'))
}

impl ViewState {
    /// Parses `?a=b&c=d` (leading `?` optional). Returns the state and one notice per
    /// ignored field. Repeated keys: the first wins.
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let mut s = ViewState::default();
        let mut notices = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (n, pair) in query.split('&').filter(|p| !p.is_empty()).enumerate() {
            if n >= 64 {
                notices.push("too many parameters; the rest were ignored".into());
                break;
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode_component(k);
            let v = decode_component(v);
            let short_k: String = k.chars().take(24).collect();
            if seen.contains(&k) {
                notices.push(format!("repeated '{short_k}' ignored"));
                continue;
            }
            seen.push(k.clone());
            let bad = |notices: &mut Vec<String>| {
                notices.push(format!("ignored an invalid value for '{short_k}'"))
            };
            match k.as_str() {
                "article" if plain_value(&v) => s.article = Some(v),
                "cat" => match Category::from_key(&v) {
                    Some(c) => s.cat = Some(c),
                    None => bad(&mut notices),
                },
                "country" if v.len() == 2 && v.chars().all(|c| c.is_ascii_uppercase()) => {
                    s.country = Some(v)
                }
                "place" if plain_value(&v) => s.place = Some(v),
                "actor" if plain_value(&v) => s.actor = Some(v),
                "weapon"
                    if ["drone", "missile", "rocket", "shell", "bomb"].contains(&v.as_str()) =>
                {
                    s.weapon = Some(v)
                }
                "from" if valid_date(&v) => s.from = Some(v),
                "to" if valid_date(&v) => s.to = Some(v),
                "casualties" if v == "1" || v == "0" => s.casualties_only = v == "1",
                "q" if v.len() <= MAX_VALUE && !v.chars().any(|c| c.is_control()) => s.q = v,
                "sort" => match Sort::from_key(&v) {
                    Some(x) => s.sort = x,
                    None => bad(&mut notices),
                },
                "sel" if is_event_id(&v) => s.sel = Some(v),
                "ref" if plain_value(&v) => s.reference = Some(v),
                "unit" if v == "km" || v == "mi" => {
                    s.unit = if v == "mi" { Unit::Mi } else { Unit::Km }
                }
                "source" if v == "1" || v == "0" => s.source = v == "1",
                "synthetic" => match v.parse::<usize>() {
                    Ok(n) if n <= MAX_SYNTHETIC => s.synthetic = Some(n),
                    _ => bad(&mut notices),
                },
                "article" | "country" | "place" | "actor" | "weapon" | "from" | "to"
                | "casualties" | "q" | "sel" | "ref" | "unit" | "source" => bad(&mut notices),
                _ => notices.push(format!("unknown parameter '{short_k}' ignored")),
            }
        }
        (s, notices)
    }

    /// The canonical query string (empty for the default view). Keys in a fixed order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                parts.push((k, v));
            }
        };
        push("article", self.article.clone());
        push("cat", self.cat.map(|c| c.key().to_string()));
        push("country", self.country.clone());
        push("place", self.place.clone());
        push("actor", self.actor.clone());
        push("weapon", self.weapon.clone());
        push("from", self.from.clone());
        push("to", self.to.clone());
        push("casualties", self.casualties_only.then(|| "1".to_string()));
        push("q", (!self.q.is_empty()).then(|| self.q.clone()));
        push(
            "sort",
            (self.sort != Sort::Article).then(|| self.sort.key().to_string()),
        );
        push("sel", self.sel.clone());
        push("ref", self.reference.clone());
        push("unit", (self.unit == Unit::Mi).then(|| "mi".to_string()));
        push("source", self.source.then(|| "1".to_string()));
        push("synthetic", self.synthetic.map(|n| n.to_string()));
        if parts.is_empty() {
            return String::new();
        }
        let q: Vec<String> = parts
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        format!("?{}", q.join("&"))
    }

    /// How many filters narrow the view: the number on the folded filters' button.
    pub fn active_filters(&self) -> usize {
        [
            !self.q.trim().is_empty(),
            self.article.is_some(),
            self.cat.is_some(),
            self.country.is_some(),
            self.place.is_some(),
            self.actor.is_some(),
            self.weapon.is_some(),
            self.from.is_some(),
            self.to.is_some(),
            self.casualties_only,
        ]
        .into_iter()
        .filter(|&on| on)
        .count()
    }

    /// Filters reset (the article is one), view settings (sort, unit, reference) kept.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            sort: self.sort,
            unit: self.unit,
            reference: self.reference.clone(),
            synthetic: self.synthetic,
            ..ViewState::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_filters_count_what_narrows_the_view() {
        let (s, _) = ViewState::from_query("?cat=missile&q=%20&from=2025-01-01&sort=date&unit=mi");
        assert_eq!(s.active_filters(), 2);
        assert_eq!(s.cleared().active_filters(), 0);
    }

    #[test]
    fn round_trip() {
        let s = ViewState {
            cat: Some(Category::MissileAttack),
            country: Some("UA".into()),
            place: Some("Irkutsk region".into()),
            q: "12 killed & more".into(),
            sel: Some("e3".into()),
            reference: Some("Moscow".into()),
            unit: Unit::Mi,
            sort: Sort::Distance,
            casualties_only: true,
            source: true,
            ..ViewState::default()
        };
        let q = s.to_query();
        let (back, notices) = ViewState::from_query(&q);
        assert_eq!(back, s);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn readable_links() {
        let s = ViewState {
            cat: Some(Category::MissileAttack),
            country: Some("UA".into()),
            sel: Some("e3".into()),
            reference: Some("Moscow".into()),
            ..ViewState::default()
        };
        assert_eq!(s.to_query(), "?cat=missile&country=UA&sel=e3&ref=Moscow");
    }

    #[test]
    fn hostile_queries_keep_valid_fields() {
        let cases: &[(&str, usize)] = &[
            ("?cat=missile&bogus=1", 1),
            ("?cat=<script>alert(1)</script>&country=UA", 1),
            ("?country=ua", 1),
            ("?sel=e1&sel=e2", 1),
            ("?sel=a-1:e2", 0),
            ("?sel=a%3Cb:e2", 1),
            ("?sel=a:x2", 1),
            ("?from=2025-13-01", 1),
            ("?q=%E0%A4%A", 0),
            ("?synthetic=999999999999", 1),
            ("?%%%%=%%%", 1),
            ("?place=%3Cimg%20src%3Dx%3E", 1),
            ("&&&=&", 1),
        ];
        for (q, n) in cases {
            let (s, notices) = ViewState::from_query(q);
            assert_eq!(notices.len(), *n, "{q}: {notices:?}");
            if q.contains("cat=missile") {
                assert_eq!(s.cat, Some(Category::MissileAttack), "{q}");
            }
        }
        let long = format!("?place={}", "x".repeat(10_000));
        assert_eq!(ViewState::from_query(&long).1.len(), 1);
        let many: String = (0..500).map(|i| format!("k{i}=1&")).collect();
        assert!(ViewState::from_query(&many).1.len() <= 65);
    }

    #[test]
    fn percent_coding() {
        assert_eq!(decode_component("a+b%20c%2B"), "a b c+");
        assert_eq!(decode_component("%zz%"), "%zz%");
        assert_eq!(encode_component("Irkutsk region"), "Irkutsk+region");
        assert_eq!(decode_component(&encode_component("é & <x>")), "é & <x>");
    }
}
