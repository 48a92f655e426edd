//! Newswire furniture: dateline, agency, wire credits, byline code, editor, copyright.
//! A simple first version: no furniture recognised, the whole text is the body.

use warta_core::{SourceInfo, Span};

/// Parse the furniture of `text`; returns it and the span of the body proper.
pub fn parse(text: &str) -> (SourceInfo, Span) {
    (SourceInfo::default(), Span::new(0, text.len()))
}
