//! warta's document model.
//!
//! Every stage of the pipeline reads a [`Document`] and adds mentions to an [`Annotation`].
//! Internally all spans are **byte** offsets into `Document::text` (cheap to slice in Rust);
//! only the output layer ([`record`]) converts them to the Unicode code-point offsets of the
//! `warta/1` contract. Architecture invariant: no stage ever serialises a byte offset.

mod document;
mod model;
pub mod record;
mod span;

pub use document::{Document, Warning};
pub use model::*;
pub use span::{CharIndex, Span};

/// The output contract implemented by [`record::Record`].
pub const SCHEMA: &str = "warta/1";

/// A problem found in a dictionary file by `warta dict check`: file, 1-based line, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictIssue {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The data lines of a plain-text table, numbered from 1: blank lines and `#` comments are
/// skipped, trailing white space is cut. The loop every dictionary validator starts with.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl DictIssue {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        DictIssue {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for DictIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Precision, recall and F1 of `tp` correct among `pred` predictions and `gold` annotations
/// (0 where a ratio is undefined). The one formula every `warta eval` command prints.
pub fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, pred), ratio(tp, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lines_skip_comments_and_blanks_and_keep_line_numbers() {
        let text = "# header\nsatu\t1  \n\n   \n#x\ndua\t2";
        let got: Vec<(usize, &str)> = data_lines(text).collect();
        assert_eq!(got, vec![(2, "satu\t1"), (6, "dua\t2")]);
        let issue = DictIssue::new("f.tsv", 6, "bad");
        assert_eq!(issue.to_string(), "f.tsv:6: bad");
    }
}
