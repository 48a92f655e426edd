//! Checks: small documented rules that compare what the text states with itself and with the
//! world (exchange rates, calendars). One rule per module:
//!
//! - [`currency`]: `currency_conversion`, a pair like `25 juta dolar AS (Rp329,2 triliun)`
//!   against the ECB reference rate of the publication date;
//! - [`weekday`]: `weekday_date`, `Rabu (4/10)` must fall on a Wednesday;
//! - [`anniversary`]: `anniversary`, `peringatan 70 tahun berakhirnya Perang Dunia II` against
//!   the anchor year in `data/anchors.tsv`, and `N tahun sejak YEAR`;
//! - [`percent`]: `percent_change`, `naik X persen dari A menjadi B`.
//!
//! Severity `error` only when the text is demonstrably inconsistent; `warning` when suspicious;
//! `ok` when checked and consistent.

pub mod anchors;
pub mod anniversary;
pub mod currency;
pub mod percent;
pub mod weekday;

use warta_core::{Amount, Check, TimeMention};
use warta_text::TextDoc;

/// Run every check over one document.
pub fn run(doc: &TextDoc, amounts: &[Amount], times: &[TimeMention]) -> Vec<Check> {
    let mut out = Vec::new();
    currency::check(doc.text, doc.published.as_deref(), amounts, &mut out);
    weekday::check(doc.text, doc.published.as_deref(), times, &mut out);
    anniversary::check(doc.text, doc.published.as_deref(), amounts, times, &mut out);
    percent::check(doc.text, amounts, &mut out);
    out
}
