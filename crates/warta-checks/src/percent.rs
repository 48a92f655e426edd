//! `percent_change`: `naik X persen dari A menjadi B` (and `turun`): the stated change must
//! match (B − A) / A. A mismatch is a `warning` (the text may mean percentage points, or
//! round); a match is `ok`.

use warta_core::{Amount, Check, Severity};

pub fn check(text: &str, amounts: &[Amount], out: &mut Vec<Check>) {
    for (k, p) in amounts.iter().enumerate() {
        if p.unit != "percent" || k + 2 > amounts.len() {
            continue;
        }
        let before = text[..p.span.start].trim_end();
        let raw_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let before_word = raw_word.to_lowercase();
        let sign = match before_word.as_str() {
            "naik" | "meningkat" | "bertambah" | "tumbuh" | "melonjak" => 1.0,
            "turun" | "menurun" | "berkurang" | "anjlok" | "merosot" => -1.0,
            "sebesar" | "sekitar" => {
                // `naik sebesar X persen`
                let w2 = before[..before.len() - raw_word.len()]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                match w2.as_str() {
                    "naik" | "meningkat" | "bertambah" | "tumbuh" => 1.0,
                    "turun" | "menurun" | "berkurang" => -1.0,
                    _ => continue,
                }
            }
            _ => continue,
        };
        let (Some(a), Some(b)) = (amounts.get(k + 1), amounts.get(k + 2)) else {
            continue;
        };
        if a.unit != b.unit || a.unit == "percent" && b.unit != "percent" {
            continue;
        }
        let Some(g1) = text.get(p.span.end..a.span.start) else {
            continue;
        };
        let Some(g2) = text.get(a.span.end..b.span.start) else {
            continue;
        };
        let g1 = g1.trim().to_lowercase();
        let g2 = g2.trim().to_lowercase();
        if !matches!(
            g1.as_str(),
            "dari" | "dari sebelumnya" | "dibanding" | "dari semula"
        ) || !matches!(
            g2.as_str(),
            "menjadi" | "ke" | "jadi" | "ke level" | "hingga"
        ) {
            continue;
        }
        if a.value == 0.0 {
            continue;
        }
        let change = (b.value - a.value) / a.value * 100.0 * sign;
        let stated = p.value;
        let tol = (stated.abs() * 0.1).max(0.6);
        let points = (b.value - a.value) * sign;
        let (severity, note) = if (change - stated).abs() <= tol {
            (Severity::Ok, "consistent".to_string())
        } else if a.unit == "percent" && (points - stated).abs() <= tol {
            (
                Severity::Warning,
                format!("the change is {points:.2} percentage points, not percent"),
            )
        } else {
            (
                Severity::Warning,
                format!("the figures give {change:.1} percent, not {stated}"),
            )
        };
        out.push(Check {
            kind: "percent_change".into(),
            severity,
            spans: vec![p.span, a.span, b.span],
            message: format!(
                "{} from {} to {}: {note}.",
                p.span.text(text),
                a.span.text(text),
                b.span.text(text)
            ),
            suggestion: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta_core::Span;

    fn run(text: &str) -> Vec<Check> {
        let t = warta_amount::lex::Toks::new(text, Span::new(0, text.len()));
        let a = warta_amount::extract_toks(&t, false);
        let mut out = Vec::new();
        check(text, &a, &mut out);
        out
    }

    #[test]
    fn percent_changes() {
        let ok = run("harga naik 10 persen dari Rp 1.000 menjadi Rp 1.100 per liter");
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].severity, Severity::Ok);
        let bad = run("penjualan turun 50 persen dari 200 unit menjadi 150 unit");
        assert_eq!(bad[0].severity, Severity::Warning);
        let pts = run("inflasi naik 2 persen dari 3 persen menjadi 5 persen");
        assert!(
            pts[0].message.contains("percentage points"),
            "{}",
            pts[0].message
        );
    }
}
