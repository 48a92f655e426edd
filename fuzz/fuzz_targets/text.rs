#![no_main]
//! TextDoc::analyse on arbitrary bytes, decoded lossily; checks the offset invariants.

use libfuzzer_sys::fuzz_target;
use warta_text::{normalise, TextDoc};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = TextDoc::analyse(&text, None);
    let mut prev = 0;
    for t in &doc.tokens {
        assert!(t.span.start >= prev && t.span.start < t.span.end && t.span.end <= doc.body.end);
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert_eq!(t.norm, normalise(&text[t.span.start..t.span.end], t.kind));
        prev = t.span.end;
    }
    let mut prev = 0;
    for s in &doc.sentences {
        assert!(s.span.start >= prev && s.span.start < s.span.end && s.span.end <= doc.body.end);
        prev = s.span.end;
    }
});
