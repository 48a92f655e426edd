//! Invariants every analysed document must satisfy, whatever the input.

use warta_text::{normalise, TextDoc};

pub fn check_invariants(doc: &TextDoc) {
    let text = doc.text;
    let body = doc.body;
    assert!(
        body.start <= body.end && body.end <= text.len(),
        "body {body:?}"
    );
    assert!(text.is_char_boundary(body.start) && text.is_char_boundary(body.end));
    let mut prev_end = 0;
    for t in &doc.tokens {
        let s = t.span;
        assert!(s.start < s.end, "empty token {t:?}");
        assert!(s.start >= prev_end, "tokens overlap or out of order: {t:?}");
        assert!(
            s.start >= body.start && s.end <= body.end,
            "token outside body: {t:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let surface = &text[s.start..s.end];
        assert_eq!(t.norm, normalise(surface, t.kind), "norm of {surface:?}");
        assert!(
            !surface.starts_with(char::is_whitespace),
            "token starts with space: {surface:?}"
        );
        prev_end = s.end;
    }
    let mut prev_end = body.start;
    let mut prev_tok = 0;
    for s in &doc.sentences {
        let sp = s.span;
        assert!(sp.start < sp.end, "empty sentence");
        assert!(sp.start >= prev_end, "sentences overlap or out of order");
        assert!(
            sp.start >= body.start && sp.end <= body.end,
            "sentence outside body"
        );
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        let st = &text[sp.start..sp.end];
        assert_eq!(st, st.trim(), "sentence not trimmed");
        assert!(s.tokens.start < s.tokens.end && s.tokens.end <= doc.tokens.len());
        assert_eq!(
            s.tokens.start, prev_tok,
            "sentence token ranges must be contiguous"
        );
        assert_eq!(doc.tokens[s.tokens.start].span.start, sp.start);
        assert_eq!(doc.tokens[s.tokens.end - 1].span.end, sp.end);
        prev_end = sp.end;
        prev_tok = s.tokens.end;
    }
    assert_eq!(
        prev_tok,
        doc.tokens.len(),
        "every token belongs to a sentence"
    );
    for (_, sp) in &doc.source.spans {
        assert!(sp.start <= sp.end && sp.end <= text.len());
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
    }
    assert!(matches!(doc.language, "id" | "en" | "other"));
}
