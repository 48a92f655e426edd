//! The text layer: turns a document's text into tokens and sentences with exact byte spans.
//!
//! Normalisation never rewrites the text: each [`Token`] keeps its span in the original and a
//! normalised form (`norm`, `lower`) with NBSP, soft hyphens, curly quotes and `--` dashes
//! folded, so offsets always map back to the input.

pub mod dict;
pub mod fnv;
pub mod furniture;
pub mod lang;
mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{normalise, tokenize, Token, TokenKind};
use warta_core::{SourceInfo, Span};

/// A sentence: its span and the range of its tokens in [`TextDoc::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

/// The analysed view of a document that every later stage reads.
#[derive(Debug, Clone)]
pub struct TextDoc<'a> {
    pub text: &'a str,
    /// The article body: the text less the furniture (byline block, copyright, ...).
    pub body: Span,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// `id`, `en` or `other`.
    pub language: &'static str,
    /// Publication date `YYYY-MM-DD`, given or inferred.
    pub published: Option<String>,
    pub source: SourceInfo,
}

impl<'a> TextDoc<'a> {
    /// Parse furniture, tokenise the body, split sentences and identify the language.
    pub fn analyse(text: &'a str, published: Option<&str>) -> TextDoc<'a> {
        let (source, body) = furniture::parse(text);
        let excluded = furniture::excluded(&source, body);
        // News runs ~6 bytes a token: a quarter of the bytes is room enough that the vector
        // (100+ bytes a token) is almost never grown and copied.
        let mut tokens = Vec::with_capacity(body.len() / 4 + 16);
        let mut from = body.start;
        for x in &excluded {
            if x.start > from {
                tokens::tokenize_into(text, Span::new(from, x.start), &mut tokens);
            }
            from = from.max(x.end);
        }
        if from < body.end {
            tokens::tokenize_into(text, Span::new(from, body.end), &mut tokens);
        }
        let sentences = sentences::split_with_breaks(text, &tokens, body, &excluded);
        let language = lang::identify(text, &tokens);
        TextDoc {
            text,
            body,
            tokens,
            sentences,
            language,
            published: published.map(str::to_string),
            source,
        }
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }
}
