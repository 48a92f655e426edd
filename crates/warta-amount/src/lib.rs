//! Amounts: numerals, scale words, currencies and units, resolved to a value and a unit.

use warta_core::Amount;
use warta_text::TextDoc;

/// Every amount in the body.
pub fn extract(doc: &TextDoc) -> Vec<Amount> {
    let _ = doc;
    Vec::new()
}
