//! Arbitrary and hostile input: no panic, spans on UTF-8 boundaries inside the text,
//! deterministic output; and the typed errors for input that is not text at all.

use eventlens_extract::{decode, extract, extract_text, ArticleMeta, ExtractError, Gazetteer};
use proptest::prelude::*;

fn run(text: &str) -> eventlens_extract::Extraction {
    extract(
        ArticleMeta {
            id: "p".into(),
            title: String::new(),
            published: Some("2025-06-01".into()),
            source: None,
            text: text.to_string(),
        },
        Gazetteer::embedded(),
    )
}

fn check_spans(x: &eventlens_extract::Extraction) {
    let t = &x.article.text;
    let ok = |s: eventlens_extract::Span| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    };
    for s in &x.sentences {
        assert!(ok(s.span));
    }
    for l in &x.locations {
        for m in &l.mentions {
            assert!(ok(m.span));
        }
    }
    for d in &x.distances {
        assert!(ok(d.span));
    }
    for q in &x.quotes {
        assert!(ok(q.span));
    }
    for e in &x.events {
        for c in &e.casualties {
            assert!(ok(c.span));
        }
        for w in &e.weapons {
            assert!(ok(w.span));
        }
        for s in &e.sentences {
            assert!(*s < x.sentences.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn never_panics_and_spans_are_valid(s in "\\PC{0,400}") {
        let x = run(&s);
        check_spans(&x);
        prop_assert_eq!(run(&s), x);
    }

    #[test]
    fn newsy_fragments_never_panic(parts in proptest::collection::vec(prop_oneof![
        Just("at least 12 "), Just("killed "), Just("over 60 "), Just("injured "), Just("Moscow "), Just("Irkutsk region "),
        Just("2,800 miles east of "), Just("\"quote\" "), Just("he said, "), Just("Sunday "), Just("472 drones. "), Just("\n"),
        Just("“"), Just("”"), Just("é"), Just("12:50 PM "), Just("no casualties "), Just("and "), Just("of "),
        // The one-victim and clause rules: phrases, names, titles, dashes, multi-byte marks.
        Just("the mayor "), Just("was "), Just("shot dead "), Just("’"), Just("’s "), Just("along with "),
        Just("his wife "), Just(", "), Just("a "), Just("ninth "), Just("12th "), Just("reporter "), Just("-- "),
        Just("("), Just(") "), Just("said to have "), Just("died "), Just("Mr. "), Just("Tom Doe "),
        Just("were "), Just("in mid-July "), Just("the killing of "), Just("another "), Just("— ")], 0..60)) {
        let s: String = parts.concat();
        let x = run(&s);
        check_spans(&x);
    }
}

#[test]
fn bad_input_gets_typed_errors() {
    assert_eq!(decode(b""), Err(ExtractError::Empty));
    assert_eq!(decode(b"   \n\t"), Err(ExtractError::Empty));
    assert_eq!(decode(b"\x00\x01binary"), Err(ExtractError::Binary));
    assert_eq!(decode(&[0xff, 0xfe, 0x41]), Err(ExtractError::Binary));
    assert!(matches!(
        decode(&vec![b'a'; eventlens_extract::MAX_INPUT_BYTES + 1]),
        Err(ExtractError::TooLarge { .. })
    ));
    assert!(matches!(
        extract_text("Text.", "a", Some("June 1"), Gazetteer::embedded()),
        Err(ExtractError::BadDate(_))
    ));
}

#[test]
fn html_and_foreign_text_warn_but_extract() {
    let x = run("<html><body><p>At least 3 people were killed in Kharkiv.</p></body></html>");
    assert!(x.warnings.iter().any(|w| w.contains("HTML")));
    assert_eq!(x.totals.killed.as_ref().and_then(|k| k.min), Some(3));
    let x = run("Дроны атаковали город ночью, сообщили власти региона. Погибших нет, пострадали несколько человек в результате атаки на объекты.");
    check_spans(&x);
}

#[test]
fn large_input_is_handled() {
    let seed = include_str!("../../../articles/article-001.txt");
    let big = seed.repeat(350); // ~1 MB
    let x = run(&big);
    check_spans(&x);
    assert!(x.sentences.len() > 1000);
}
