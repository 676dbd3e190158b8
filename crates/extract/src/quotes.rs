//! Direct quotations and who said them. A quotation counts only when a verb of saying
//! is attached to it ("He emphasized, “…”", "“…,” a spokesperson said", "called the
//! strike “cowardly”"); scare quotes ("advise and assist", "dozens") do not.

use crate::model::Span;
use crate::text::{tokenize, Tok};

const SAY: &[&str] = &[
    "said",
    "says",
    "say",
    "emphasized",
    "emphasised",
    "noted",
    "added",
    "stated",
    "told",
    "wrote",
    "declared",
    "warned",
    "stressed",
    "insisted",
    "called",
    "described",
    "tweeted",
    "posted",
    "explained",
    "announced",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub text: String,
    pub span: Span,
    pub speaker: Option<String>,
    pub attribution: String,
}

/// Finds quoted passages in `text[sent]` and their speakers. `last_person` is the last
/// named person before this sentence, for pronoun speakers.
pub fn find(text: &str, sent: Span, last_person: Option<&str>) -> Vec<Hit> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    let mut opens: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '“' => opens.push(i),
            '”' => {
                if let Some(o) = opens.pop() {
                    pairs.push((o, i + c.len_utf8()));
                }
            }
            '"' => {
                if let Some(o) = opens.pop() {
                    pairs.push((o, i + 1));
                } else {
                    opens.push(i);
                }
            }
            _ => {}
        }
    }
    for (o, e) in pairs {
        let inner_start = o + s[o..].chars().next().map_or(1, |c| c.len_utf8());
        let inner_end = e - s[..e].chars().next_back().map_or(1, |c| c.len_utf8());
        if inner_end <= inner_start {
            continue;
        }
        let inner = s[inner_start..inner_end]
            .trim()
            .trim_end_matches([',', '.'])
            .to_string();
        let before = tokenize(text, Span::new(sent.start, sent.start + o));
        let after = tokenize(text, Span::new(sent.start + e, sent.end));
        let attr = speaker_before(text, &before)
            .map(|sp| (sp, "speaker named before the quotation"))
            .or_else(|| {
                speaker_after(text, &after).map(|sp| (sp, "speaker named after the quotation"))
            });
        let Some((speaker, how)) = attr else { continue };
        let (speaker, attribution) = if PRONOUNS.contains(&speaker.to_lowercase().as_str()) {
            match last_person {
                Some(p) => (
                    Some(p.to_string()),
                    format!("pronoun '{speaker}' refers to {p}, the last person named"),
                ),
                None => (
                    None,
                    format!("pronoun '{speaker}' with no person named before it"),
                ),
            }
        } else {
            (Some(speaker), how.to_string())
        };
        out.push(Hit {
            text: inner,
            span: Span::new(sent.start + o, sent.start + e),
            speaker,
            attribution,
        });
    }
    out
}

/// "<speaker> <say-verb> [object]," right before the opening quote.
fn speaker_before(text: &str, toks: &[Tok]) -> Option<String> {
    let mut k = toks.len();
    while k > 0 && matches!(toks[k - 1].text, "," | ":") {
        k -= 1;
    }
    // "called the strike" → skip a short object after the verb.
    let verb = (k.saturating_sub(4)..k)
        .rev()
        .find(|&j| SAY.contains(&toks[j].norm()))?;
    if verb + 1 < k && !toks[verb].is_any(&["called", "described"]) {
        return None;
    }
    noun_phrase_before(text, toks, verb)
}

/// ", <speaker> <say-verb>" or ", <say-verb> <speaker>" right after the closing quote.
fn speaker_after(text: &str, toks: &[Tok]) -> Option<String> {
    let mut k = 0;
    while k < toks.len() && matches!(toks[k].text, "," | ".") {
        k += 1;
    }
    let verb = (k..toks.len().min(k + 10)).find(|&j| SAY.contains(&toks[j].norm()))?;
    if verb == k {
        // "said the spokesman"
        let end = (verb + 1..toks.len())
            .find(|&j| matches!(toks[j].text, "." | "," | ";"))
            .unwrap_or(toks.len());
        return join(text, &toks[verb + 1..end]);
    }
    join(text, &toks[k..verb])
}

fn noun_phrase_before(text: &str, toks: &[Tok], verb: usize) -> Option<String> {
    let mut s = verb;
    while s > 0
        && !matches!(toks[s - 1].text, "," | ";" | ":" | "." | "(")
        && !toks[s - 1].is_any(&["and", "but", "while", "that", "after", "when"])
    {
        s -= 1;
    }
    let mut phrase = &toks[s..verb];
    // Drop relative clauses ("an official who visited X said") and "a statement from".
    if let Some(w) = phrase.iter().position(|t| t.is_any(&["who", "which"])) {
        phrase = &phrase[..w];
    }
    if phrase.len() >= 3
        && phrase[0].is_any(&["a", "the"])
        && phrase[1].is_any(&["statement", "post"])
        && phrase[2].is_any(&["from", "by"])
    {
        phrase = &phrase[3..];
    }
    join(text, phrase)
}

/// The words as written in the source (spacing collapsed), e.g. "the city's military
/// administration", so a speaker reads exactly as the article names them.
fn join(text: &str, toks: &[Tok]) -> Option<String> {
    if toks.is_empty() || toks.len() > 12 {
        return None;
    }
    let start = toks.first()?.span.start;
    let end = toks.last()?.span.end;
    Some(
        text.get(start..end)?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, last person named, expected (quote, speaker) pairs)
    type Case<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, Option<&'a str>)]);

    fn q(s: &str, last: Option<&str>) -> Vec<(String, Option<String>)> {
        find(s, Span::new(0, s.len()), last)
            .into_iter()
            .map(|h| (h.text, h.speaker))
            .collect()
    }

    #[test]
    fn quote_table() {
        let z = Some("Volodymyr Zelenskyy");
        let cases: &[Case] = &[
            ("He emphasized, \"We are doing everything.\"", z, &[("We are doing everything", z)]),
            ("In light of it, a statement from the Ukrainian Ground Forces noted, \"Those responsible will answer.\"", None, &[("Those responsible will answer", Some("the Ukrainian Ground Forces"))]),
            ("\"People had come out for dinner,\" a spokesperson for the city's military administration said.", None, &[("People had come out for dinner", Some("a spokesperson for the city's military administration"))]),
            ("a U.S. defense official called the strike \"cowardly.\"", None, &[("cowardly", Some("a U.S. defense official"))]),
            ("a United Nations official who visited al-Shifa Hospital said \"most of the wounded had bullet injuries.\"", None, &[("most of the wounded had bullet injuries", Some("a United Nations official"))]),
            ("troops on an \"advise and assist\" mission", None, &[]),
            ("142 at another and \"dozens\" at the third", None, &[]),
            ("unbalanced \" quote", None, &[]),
        ];
        for (s, last, want) in cases {
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.map(String::from)))
                .collect();
            assert_eq!(q(s, *last), want, "{s:?}");
        }
    }
}
