//! Splitting text into sentences and tokens with byte spans. Every later rule works on
//! these tokens, so spans stay on UTF-8 boundaries by construction.

use crate::model::Span;

/// First letter in upper case ("missile attack" → "Missile attack").
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// First letter in lower case ("Thirteen" → "thirteen"), for words that open a sentence.
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes and dots ("Kh-22", "U.S").
    Word,
    /// Digits with inner `,` or `.` ("2,800", "7.7"); also clock times ("12:50").
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokKind,
    /// Lower case, trailing possessive removed; computed once here because the rules ask
    /// for it dozens of times per token. Borrowed unless the token has capitals.
    lower: std::borrow::Cow<'a, str>,
    /// Word classes of `lower`, looked up once here so rules test bits, not lists.
    pub class: crate::lexicon::Class,
}

impl<'a> Tok<'a> {
    pub fn new(text: &'a str, span: Span, kind: TokKind) -> Self {
        let t: &'a str = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text);
        let lower = if t.bytes().any(|b| b.is_ascii_uppercase()) || !t.is_ascii() {
            std::borrow::Cow::Owned(t.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(t)
        };
        let class = if kind == TokKind::Word || kind == TokKind::Punct {
            crate::lexicon::class_of(&lower)
        } else {
            crate::lexicon::Class::NONE
        };
        Tok {
            text,
            span,
            kind,
            lower,
            class,
        }
    }
    /// Lower-cased text with a trailing possessive removed ("Russia's" → "russia").
    pub fn norm(&self) -> &str {
        &self.lower
    }
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn has(&self, c: crate::lexicon::Class) -> bool {
        self.class.has(c)
    }
    pub fn is_possessive(&self) -> bool {
        self.text.ends_with("'s") || self.text.ends_with("’s")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[span]`; token spans are offsets into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok<'_>> {
    let s = span.slice(text);
    let base = span.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let numeric_start = c.is_ascii_digit();
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let next = chars.get(j + 1).map(|p| p.1);
                if d.is_alphanumeric() {
                    j += 1;
                } else if (d == '-'
                    || is_apostrophe(d)
                    || d == '.'
                    || d == ','
                    || d == ':'
                    || d == '/')
                    && next.is_some_and(|n| n.is_alphanumeric())
                {
                    // Inner punctuation joins only where it cannot be a clause break.
                    let prev = chars[j - 1].1;
                    let joins = match d {
                        ',' | ':' => {
                            prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                        }
                        '.' => {
                            (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                                || (prev.is_uppercase() && next.is_some_and(|n| n.is_uppercase()))
                                || (prev.is_lowercase()
                                    && next.is_some_and(|n| n.is_lowercase())
                                    && j - i == 1)
                        }
                        '/' => prev.is_uppercase() && next.is_some_and(|n| n.is_uppercase()),
                        _ => true,
                    };
                    if !joins {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            // Keep the final dot of an abbreviation such as "U.S." or "p.m." in the token.
            if j < chars.len() && chars[j].1 == '.' {
                let word: String = chars[i..j].iter().map(|p| p.1).collect();
                if word.contains('.') && word.len() <= 6 {
                    j += 1;
                }
            }
            let end = chars.get(j).map(|p| p.0).unwrap_or(s.len());
            let t = &s[start..end];
            let kind = if numeric_start
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == ':')
            {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Tok::new(t, Span::new(base + start, base + end), kind));
            i = j;
        } else {
            let end = chars.get(i + 1).map(|p| p.0).unwrap_or(s.len());
            out.push(Tok::new(
                &s[start..end],
                Span::new(base + start, base + end),
                TokKind::Punct,
            ));
            i += 1;
        }
    }
    out
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "mt", "no", "vs",
    "jr", "sr", "gov", "sen", "rep", "prof", "approx", "est", "fig", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn ends_with_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    // Initials and dotted abbreviations ("U.S", "a.m", "J") keep the sentence going.
    if lower.contains('.') || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
    {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits into sentences: every line break ends one, and so does `.`/`!`/`?` (with any
/// closing quotes) before whitespace and a capital, digit or quote, unless the stop ends
/// an abbreviation. Spans are trimmed; empty sentences are dropped.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        split_line(text, line_start, line_end, &mut out);
        line_start = line_end;
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut sent_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_ok = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '"' | '“'));
            if at_space && next_ok && !(c == '.' && ends_with_abbreviation(&line[..pos])) {
                let cut = chars.get(j).map(|p| p.0).unwrap_or(line.len());
                push_trimmed(text, start + sent_start, start + cut, out);
                sent_start = cut;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start + sent_start, end, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t).iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Title\nBody one. Body two.",
                &["Title", "Body one.", "Body two."],
            ),
            (
                "The U.S. Central Command said so. Next.",
                &["The U.S. Central Command said so.", "Next."],
            ),
            (
                "At 7:30 p.m. on June 27 it hit.",
                &["At 7:30 p.m. on June 27 it hit."],
            ),
            (
                "He said, \"We act.\" Then left.",
                &["He said, \"We act.\"", "Then left."],
            ),
            (
                "Gen. Smith spoke. 12 died.",
                &["Gen. Smith spoke.", "12 died."],
            ),
            ("", &[]),
            ("  \n \n", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "input {input:?}");
        }
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("2,800 miles", &["2,800", "miles"]),
            ("Kh-22 missiles.", &["Kh-22", "missiles", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("at 12:50 PM", &["at", "12:50", "PM"]),
            ("Russia's war, then", &["Russia's", "war", ",", "then"]),
            ("M/V True", &["M/V", "True"]),
            ("7.7 million", &["7.7", "million"]),
            ("Sunday’s assault", &["Sunday’s", "assault"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = tokenize(input, Span::new(0, input.len()))
                .iter()
                .map(|t| t.text)
                .collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }

    #[test]
    fn number_kind() {
        let t = tokenize("2,800 Kh-22", Span::new(0, 11));
        assert_eq!(t[0].kind, TokKind::Number);
        assert_eq!(t[1].kind, TokKind::Word);
    }
}
