//! Readers: turn files, directories and stdin into a stream of [`Item`]s, one per input record.
//!
//! Architecture invariant: every input record yields exactly one item — a [`Document`] or a
//! [`ReadError`] saying what was wrong and where. Nothing here panics on bad input.

mod decode;
mod jsonl;
mod lines;
mod sources;

pub use decode::{content_id, decode_text};
pub use jsonl::parse_json_record;
pub use lines::{CappedLines, Line};
pub use sources::{expand_paths, Input, InputFormat, Reader, ReaderOptions};

use warta_core::Document;

/// Why one input record could not be turned into a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ReadError {
    /// Stable kind: `invalid_json`, `not_object`, `missing_text`, `empty_text`, `line_too_long`,
    /// `not_text`, `io`, `bad_gzip`.
    pub kind: &'static str,
    pub message: String,
    pub origin: String,
    pub line: Option<u64>,
    /// The record's id, when it could be read.
    pub id: Option<String>,
}

/// One input record: a document, or the reason it could not be read.
pub type Item = Result<Document, ReadError>;

/// Records larger than this are refused with `line_too_long` (or `too_large` for files).
pub const DEFAULT_MAX_RECORD_BYTES: usize = 32 * 1024 * 1024;
