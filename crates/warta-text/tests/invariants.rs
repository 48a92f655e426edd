//! Property tests: offsets stay exact and the analysis never panics, on any input.

mod common;

use proptest::prelude::*;
use warta_core::Span;
use warta_text::{split_sentences, tokenize, TextDoc};

/// Pieces of newswire text and of trouble, glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Moskow (ANTARA News) - ".to_string()),
        Just("Jakarta, CNN Indonesia - - ".to_string()),
        Just("KOMPAS.com -".to_string()),
        Just("Rp329,2".to_string()),
        Just("1.500.000".to_string()),
        Just("16.00GMT".to_string()),
        Just("Kim Jong-un".to_string()),
        Just("sanksi-sanksi".to_string()),
        Just("dll.".to_string()),
        Just("B. J. ".to_string()),
        Just("a.n.".to_string()),
        Just("--".to_string()),
        Just("...".to_string()),
        Just("\u{2026}".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{ad}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{301}".to_string()),
        Just("(Uu.T008)".to_string()),
        Just("\nEditor: A B\n".to_string()),
        Just("Copyright \u{a9} ANTARA 2015".to_string()),
        Just("Baca juga: x\n".to_string()),
        Just("lapor AFP".to_string()),
        Just(" (ptr)".to_string()),
        Just("[".to_string()),
        Just("(".to_string()),
        Just("https://a.b/c.".to_string()),
        Just("x@y.id".to_string()),
        Just("US$".to_string()),
        Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd}".to_string()),
        Just("\u{1f44d}\u{1f3fd}".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,4}",
        " ",
        "\\PC{1,6}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn analyse_any_unicode(s in "\\PC*") {
        let doc = TextDoc::analyse(&s, None);
        common::check_invariants(&doc);
    }

    #[test]
    fn analyse_any_chars(s in proptest::collection::vec(any::<char>(), 0..200)) {
        let s: String = s.into_iter().collect();
        let doc = TextDoc::analyse(&s, None);
        common::check_invariants(&doc);
    }

    #[test]
    fn analyse_newswire_pieces(parts in proptest::collection::vec(piece(), 0..40)) {
        let s = parts.concat();
        let doc = TextDoc::analyse(&s, Some("2015-03-11"));
        common::check_invariants(&doc);
    }

    #[test]
    fn tokenize_and_split_any_span(s in "\\PC*", a in 0usize..64, b in 0usize..64) {
        // tokenize and split_sentences accept any span, even off char boundaries
        let (a, b) = (a.min(s.len()), b.min(s.len()));
        let body = Span::new(a.min(b), a.max(b));
        let toks = tokenize(&s, body);
        for t in &toks {
            prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
            prop_assert!(t.span.start >= body.start && t.span.end <= body.end);
        }
        let sents = split_sentences(&s, &toks, body);
        for w in sents.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
    }
}
