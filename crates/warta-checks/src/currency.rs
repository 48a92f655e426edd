//! `currency_conversion`: an amount restated in another currency (`25 juta dolar AS
//! (Rp329,2 triliun)`, `Rp 1 triliun atau sekitar US$ 75 juta`, `senilai`, `setara`) is
//! compared with the ECB reference rate of the publication date (last rate published on or
//! before it).
//!
//! - within ±15% (newsrooms round): `ok`;
//! - off by a power of 1000 within ±15% after correcting it: `error`, one scale word is wrong;
//!   the suggestion changes the amount in the stronger currency (the figure the newsroom
//!   translated from the wire; its IDR conversion is computed from the original), or the
//!   other one when the first has no scale word that can change;
//! - otherwise `warning`, with the implied and the reference rate.

use warta_amount::numeral::scale_name;
use warta_amount::rates::{format_number, RateTable};
use warta_core::{Amount, Check, Severity, Span};

/// Relative tolerance of a stated conversion.
pub const TOLERANCE: f64 = 0.15;
/// Relative tolerance when only the publication year is known (rates move within a year).
pub const YEAR_TOLERANCE: f64 = 0.30;

/// Words allowed between the two amounts of a pair.
const LINKS: &[&str] = &[
    "atau",
    "sekitar",
    "sekira",
    "kira-kira",
    "setara",
    "dengan",
    "senilai",
    "sebesar",
    "sama",
    "or",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "equivalent",
    "to",
    "nearly",
    "hampir",
    "lebih",
    "kurang",
    "dari",
    "more",
    "than",
    "",
];

fn is_money(a: &Amount) -> bool {
    a.unit.len() == 3 && a.unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// The text between two amounts links them as one value restated.
fn linked(gap: &str) -> bool {
    if gap.len() > 48 || gap.contains(['.', ';', ':']) {
        return false;
    }
    let words = gap
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '/' | '[' | '-' | '–' | '—'))
        .map(|w| w.to_lowercase());
    // A bare comma lists amounts (`X dolar Singapura, Y dolar AS`); a restatement needs a
    // parenthesis or a linking word.
    let mut n = 0;
    let mut linking = gap.contains('(');
    for w in words {
        if !LINKS.contains(&w.as_str()) {
            return false;
        }
        linking |= !w.is_empty();
        n += 1;
    }
    linking && n < 8
}

pub fn check(text: &str, published: Option<&str>, amounts: &[Amount], out: &mut Vec<Check>) {
    let money: Vec<&Amount> = amounts.iter().filter(|a| is_money(a)).collect();
    // Only a pair of sums in different currencies is checked: without one, leave the rate
    // table unloaded (it takes longer to load than most articles take to annotate).
    if !money
        .windows(2)
        .any(|w| w[0].unit != w[1].unit && w[1].span.start >= w[0].span.end)
    {
        return;
    }
    // A full date: that day's rate. Only the year (inferred from a copyright line): the
    // mid-year rate with a wider tolerance, still enough to see a scale-word error.
    let (date, tol) = match published.map(str::trim) {
        Some(p) if p.len() >= 10 && p.is_char_boundary(10) => (p[..10].to_string(), TOLERANCE),
        Some(p) if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("{p}-06-30"), YEAR_TOLERANCE)
        }
        _ => return,
    };
    let Ok(table) = RateTable::embedded() else {
        return;
    };
    for w in money.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.unit == b.unit || b.span.start < a.span.end {
            continue;
        }
        let Some(gap) = text.get(a.span.end..b.span.start) else {
            continue;
        };
        if !linked(gap) || a.value <= 0.0 || b.value <= 0.0 {
            continue;
        }
        let Ok(rate) = table.cross(&a.unit, &b.unit, &date) else {
            continue;
        };
        out.push(judge(text, a, b, &rate, tol));
    }
}

fn judge(
    text: &str,
    a: &Amount,
    b: &Amount,
    rate: &warta_amount::rates::CrossRate,
    tol: f64,
) -> Check {
    let ta = a.span.text(text);
    let tb = b.span.text(text);
    let implied = b.value / a.value;
    let ratio = implied / rate.value;
    // Quote rates as units of the weaker currency per unit of the stronger one.
    let (weak, strong, imp, refr) = if rate.value >= 1.0 {
        (&b.unit, &a.unit, implied, rate.value)
    } else {
        (&a.unit, &b.unit, 1.0 / implied, 1.0 / rate.value)
    };
    let decimals = |v: f64| {
        if v >= 100.0 {
            0
        } else if v >= 1.0 {
            2
        } else {
            4
        }
    };
    // Per-euro rates as the ECB publishes them (up to 4 decimals below 100).
    let eur = |v: f64| format_number(v, if v >= 100.0 { 2 } else { 4 });
    let reference = format!(
        "The ECB reference rates give {} {weak} per {strong} on {} (EUR/{} {}, EUR/{} {}).",
        format_number(refr, 2),
        rate.date,
        a.unit,
        eur(rate.from_per_eur),
        b.unit,
        eur(rate.to_per_eur),
    );
    let reference = if tol > TOLERANCE {
        format!(
            "{reference} Only the publication year is known: mid-year rate, ±{:.0}%.",
            tol * 100.0
        )
    } else {
        reference
    };
    let stated = format!(
        "{ta} / {tb}: the pair implies {} {weak} per {strong}.",
        format_number(imp, decimals(imp)),
    );
    let spans = vec![a.span, b.span];
    if (ratio - 1.0).abs() <= tol {
        return Check {
            kind: "currency_conversion".into(),
            severity: Severity::Ok,
            spans,
            message: format!(
                "{stated} {reference} Consistent (off by {:.1}%).",
                (ratio - 1.0) * 100.0
            ),
            suggestion: None,
        };
    }
    let k = (ratio.log10() / 3.0).round() as i32;
    let factor = 10f64.powi(3 * k);
    let residual = ratio / factor;
    let fix = if k != 0 && (residual - 1.0).abs() <= tol {
        // The stronger currency's amount first (a is stronger when rate.value >= 1).
        let (first, second) = if rate.value >= 1.0 {
            ((a, factor), (b, 1.0 / factor))
        } else {
            ((b, 1.0 / factor), (a, factor))
        };
        rescale(text, first.0, first.1).or_else(|| rescale(text, second.0, second.1))
    } else {
        None
    };
    // An error needs the scale word that explains it: a factor no word change explains
    // (a misspelt scale word we did not read, a digit slip) stays a warning.
    if let Some((from, to, fixed)) = fix {
        let suggestion = Some(format!("{from} -> {to}"));
        let fixed_note = format!(
            " '{fixed}' makes the pair consistent (within {:.2}% of the ECB rate).",
            (residual - 1.0).abs() * 100.0
        );
        return Check {
            kind: "currency_conversion".into(),
            severity: Severity::Error,
            spans,
            message: format!(
                "{stated} {reference} The stated pair is off by a factor of {}, i.e. by one scale word.{fixed_note}",
                format_number(ratio.max(1.0 / ratio), 1),
            ),
            suggestion,
        };
    }
    Check {
        kind: "currency_conversion".into(),
        severity: Severity::Warning,
        spans,
        message: format!(
            "{stated} {reference} Off by {:+.1}%, more than the {:.0}% newsrooms round to.",
            (ratio - 1.0) * 100.0,
            tol * 100.0
        ),
        suggestion: None,
    }
}

/// Change the scale word of amount `a` so that its value is multiplied by `factor`:
/// (old word, new word, the amount's text corrected).
fn rescale(text: &str, a: &Amount, factor: f64) -> Option<(String, String, String)> {
    let t = a.span.text(text);
    let (span, word, f): (Span, &str, f64) = warta_amount::scale_in(t)?;
    let new = scale_name(f * factor)?;
    if new.is_empty() {
        return None;
    }
    let fixed = format!("{}{}{}", &t[..span.start], new, &t[span.end..]);
    Some((word.to_string(), new.to_string(), fixed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<Amount> {
        let t = warta_amount::lex::Toks::new(text, Span::new(0, text.len()));
        warta_amount::extract_toks(&t, false)
    }

    fn run(text: &str, date: &str) -> Vec<Check> {
        let mut out = Vec::new();
        check(text, Some(date), &amounts(text), &mut out);
        out
    }

    #[test]
    fn scale_word_error_is_caught() {
        let checks = run(
            "proyek senilai 25 juta dolar AS (Rp329,2 triliun) untuk",
            "2015-03-11",
        );
        if RateTable::embedded().is_err() {
            eprintln!("skipping: rate table not imported yet");
            return;
        }
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].severity, Severity::Error);
        assert_eq!(checks[0].suggestion.as_deref(), Some("juta -> miliar"));
        assert!(
            checks[0].message.contains("13,176.05 IDR per USD"),
            "{}",
            checks[0].message
        );
    }

    #[test]
    fn consistent_and_rough_pairs() {
        if RateTable::embedded().is_err() {
            eprintln!("skipping: rate table not imported yet");
            return;
        }
        let ok = run("senilai 25 miliar dolar AS (Rp329,2 triliun)", "2015-03-11");
        assert_eq!(ok[0].severity, Severity::Ok);
        let rough = run("US$ 1 juta atau sekitar Rp 20 miliar", "2015-03-11");
        assert_eq!(rough[0].severity, Severity::Warning);
        assert!(run("US$ 1 juta dan Rp 20 miliar", "2015-03-11").is_empty());
        assert!(run("US$ 1 juta (Rp 13 miliar)", "1990-01-01").is_empty());
        // Only the year: the mid-year rate, a wider tolerance.
        let year = run("senilai 25 juta dolar AS (Rp329,2 triliun)", "2015");
        assert_eq!(year[0].severity, Severity::Error);
        assert!(
            year[0].message.contains("2015-06-30"),
            "{}",
            year[0].message
        );
        assert!(run("senilai 25 juta dolar AS (Rp329,2 triliun)", "20é5").is_empty());
    }
}
