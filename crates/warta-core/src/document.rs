use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One input article, decoded to UTF-8, with the metadata the reader found.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Input id, or a stable content hash when the input has none.
    pub id: String,
    /// The article body exactly as read (after decoding): all spans index into it.
    pub text: String,
    /// ISO date `YYYY-MM-DD` from the input's metadata or `--published`.
    pub published: Option<String>,
    pub url: Option<String>,
    /// The outlet named by the input (`"antaranews"`), not the wire agency in the text.
    pub outlet: Option<String>,
    /// Language code given by the input, if any; otherwise identified from the text.
    pub language: Option<String>,
    /// Input fields warta does not interpret, kept verbatim.
    pub meta: Map<String, Value>,
    /// Where the record came from: `file` or `file:line`.
    pub origin: String,
    /// 1-based line of the record in a JSON Lines input.
    pub line: Option<u64>,
    /// Recoverable problems met while reading (invalid bytes replaced, ...).
    pub warnings: Vec<Warning>,
}

/// A non-fatal problem with one input record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: String,
    pub message: String,
}

impl Warning {
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            kind: kind.into(),
            message: message.into(),
        }
    }
}
