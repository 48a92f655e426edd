use crate::{Sentence, Token};
use warta_core::Span;

/// Split the body into sentences at `.`, `!`, `?` followed by a capital or a paragraph break.
/// A simple first version.
pub fn split_sentences(text: &str, tokens: &[Token], body: Span) -> Vec<Sentence> {
    let _ = (text, body);
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        let end_mark = matches!(t.norm.as_str(), "." | "!" | "?");
        if end_mark || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, t.span.end),
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}
