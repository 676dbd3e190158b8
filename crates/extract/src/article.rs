//! Article files: an optional metadata header (`published: YYYY-MM-DD`, `source: URL`)
//! under the title line, then the body. Also the checks that turn odd input into
//! warnings instead of failures.

use crate::model::ArticleMeta;

/// Parses a raw article. With a header, the text becomes "title\nbody" (header lines
/// dropped); without one, the text is kept byte for byte so spans match the file.
pub fn parse(raw: &str, id: &str) -> ArticleMeta {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let lines: Vec<&str> = raw.lines().collect();
    let header_end = lines
        .iter()
        .skip(1)
        .take(6)
        .position(|l| !is_header(l))
        .map(|p| p + 1)
        .unwrap_or(lines.len().min(1));
    let has_header = header_end > 1;
    let title = lines
        .first()
        .map(|l| l.trim().to_string())
        .unwrap_or_default();
    let field = |name: &str| -> Option<String> {
        lines[1..header_end]
            .iter()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
            .filter(|v| !v.is_empty())
    };
    if has_header {
        let body: Vec<&str> = lines[header_end..]
            .iter()
            .copied()
            .skip_while(|l| l.trim().is_empty())
            .collect();
        ArticleMeta {
            id: id.to_string(),
            title: title.clone(),
            published: field("published:"),
            source: field("source:"),
            text: format!("{title}\n{}", body.join("\n")),
        }
    } else {
        ArticleMeta {
            id: id.to_string(),
            title,
            published: None,
            source: None,
            text: raw.to_string(),
        }
    }
}

fn is_header(l: &str) -> bool {
    ["published:", "source:", "text:", "title:", "author:"]
        .iter()
        .any(|p| l.starts_with(p))
}

const COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "was", "that", "for", "on", "with", "said", "by",
    "at", "from",
];

/// Warnings for text that is probably not an English news article.
pub fn warnings(text: &str) -> Vec<String> {
    let mut w = Vec::new();
    let lower = text.to_lowercase();
    if lower.contains("<html")
        || lower.contains("<body")
        || lower.contains("<p>")
        || lower.contains("<div")
        || lower.contains("<script")
    {
        w.push("the text looks like HTML; tags were read as plain text".to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() >= 20 {
        let common = words
            .iter()
            .filter(|x| COMMON.contains(&x.to_lowercase().as_str()))
            .count();
        if (common as f64) / (words.len() as f64) < 0.05 {
            w.push(
                "the text does not look like English; extraction rules are written for English"
                    .to_string(),
            );
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_plain() {
        let a = parse(
            "Title here\npublished: 2025-06-01\nsource: x\n\nBody one.\nBody two.",
            "a",
        );
        assert_eq!(a.published.as_deref(), Some("2025-06-01"));
        assert_eq!(a.text, "Title here\nBody one.\nBody two.");
        let b = parse("Just text. More text.", "b");
        assert_eq!(b.text, "Just text. More text.");
        assert_eq!(b.published, None);
    }

    #[test]
    fn warns_on_html_and_foreign_text() {
        assert!(!warnings("<html><body>x</body></html>").is_empty());
        let de = "Die Streitkräfte meldeten am Sonntag einen Angriff mit Drohnen auf mehrere Städte im Osten des Landes sowie Schäden an der Infrastruktur der Region heute";
        assert!(!warnings(de).is_empty());
        assert!(warnings("The army said that the strike on the city was the largest in the war, and that it came from the north of the region, at night with drones.").is_empty());
    }
}
