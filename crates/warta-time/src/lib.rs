//! Time expressions: find them and resolve each against the publication date.

use warta_core::TimeMention;
use warta_text::TextDoc;

/// Every time expression of the body, resolved against `doc.published`.
pub fn extract(doc: &TextDoc) -> Vec<TimeMention> {
    let _ = doc;
    Vec::new()
}
