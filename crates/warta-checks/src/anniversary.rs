//! `anniversary`: `peringatan 70 tahun berakhirnya Perang Dunia II` (a duration with the
//! commemorated event) or `HUT ke-72 RI` (an ordinal) against the event's year in
//! `data/anchors.tsv`; and `N tahun sejak YEAR`. The commemoration year is the next year-bearing
//! time in the same sentence, else the publication year. `ok` when anchor + N matches (±1 for
//! `sejak`), `error` when a year written in the sentence contradicts it, `warning` when only
//! the publication year does (the text may speak of another year's commemoration).

use crate::anchors;
use warta_core::{Amount, Check, Severity, Span, TimeMention};

fn year_of_value(v: &str) -> Option<i32> {
    let y = v.get(..4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    y.parse().ok()
}

fn same_sentence(text: &str, a: Span, b: Span) -> bool {
    text.get(a.end.min(b.start)..b.start.max(a.end))
        .is_some_and(|g| !g.contains(['.', '!', '?', '\n']))
}

/// The time that dates the commemoration: the next time with a year after `span` in its
/// sentence (not a duration).
fn dating<'t>(text: &str, span: Span, times: &'t [TimeMention]) -> Option<(&'t TimeMention, i32)> {
    times
        .iter()
        .filter(|t| t.span.start >= span.end && t.granularity.as_deref() != Some("duration"))
        .take(1)
        .filter(|t| same_sentence(text, span, t.span))
        .find_map(|t| Some((t, year_of_value(t.value.as_deref()?)?)))
}

pub fn check(
    text: &str,
    published: Option<&str>,
    amounts: &[Amount],
    times: &[TimeMention],
    out: &mut Vec<Check>,
) {
    let pub_year = published.and_then(year_of_value);
    // Durations with the commemorated event in their span.
    for m in times {
        let Some(n) = m
            .value
            .as_deref()
            .and_then(|v| v.strip_prefix('P')?.strip_suffix('Y')?.parse::<i32>().ok())
        else {
            continue;
        };
        let s = m.span.text(text);
        let rest = s
            .split_once(|c: char| c.is_whitespace())
            .map(|x| x.1)
            .unwrap_or("");
        let rest = rest
            .split_once(|c: char| c.is_whitespace())
            .map(|x| x.1)
            .unwrap_or("");
        if rest.is_empty() {
            // `N tahun sejak YEAR`
            since(text, m, n, pub_year, times, out);
            continue;
        }
        if let Some(anchor) = anchors::find(rest) {
            judge(text, m.span, s, n, anchor, pub_year, times, out);
        }
    }
    // HUT ke-72 RI, ulang tahun ke-50 ASEAN.
    for a in amounts.iter().filter(|a| a.unit == "ordinal") {
        let before = text[..a.span.start].trim_end().to_lowercase();
        if !(before.ends_with("hut")
            || before.ends_with("ulang tahun")
            || before.ends_with("peringatan")
            || before.ends_with("dies natalis"))
        {
            continue;
        }
        let after = &text[a.span.end..];
        let words: String = after
            .split(['.', ',', ';', '(', ')', '"', '\n'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        // Try the longest prefix of the following words that is an anchor.
        let ws: Vec<&str> = words.split(' ').collect();
        let found = (1..=ws.len()).rev().find_map(|k| {
            anchors::find(&ws[..k].join(" "))
                .filter(|x| x.0.eq_ignore_ascii_case(&ws[..k].join(" ")))
                .map(|x| (k, x))
        });
        let Some((k, anchor)) = found else { continue };
        let phrase_len: usize = ws[..k].iter().map(|w| w.len()).sum::<usize>() + k - 1;
        let lead = after.len() - after.trim_start().len();
        let span = Span::new(a.span.start, a.span.end + lead + phrase_len);
        let s = span.text(text);
        judge(text, span, s, a.value as i32, anchor, pub_year, times, out);
    }
}

#[allow(clippy::too_many_arguments)]
fn judge(
    text: &str,
    span: Span,
    s: &str,
    n: i32,
    anchor: &(String, i32, usize),
    pub_year: Option<i32>,
    times: &[TimeMention],
    out: &mut Vec<Check>,
) {
    let expected = anchor.1 + n;
    let (when, year, stated) = match dating(text, span, times) {
        Some((t, y)) => (Some(t.span), y, true),
        None => match pub_year {
            Some(y) => (None, y, false),
            None => return,
        },
    };
    let mut spans = vec![span];
    spans.extend(when);
    let src = format!(
        "{}:{}",
        anchors::ANCHORS_FILE.rsplit('/').next().unwrap_or(""),
        anchor.2
    );
    let against = if stated {
        format!("the year stated, {year}")
    } else {
        format!("the publication year, {year}")
    };
    let (severity, verdict) = if expected == year {
        (Severity::Ok, "consistent with")
    } else if stated {
        (Severity::Error, "inconsistent with")
    } else {
        (Severity::Warning, "not")
    };
    out.push(Check {
        kind: "anniversary".into(),
        severity,
        spans,
        message: format!(
            "{s}: {} was in {} ({src}); {} + {n} = {expected}, {verdict} {against}.",
            anchor.0, anchor.1, anchor.1
        ),
        suggestion: None,
    });
}

/// `N tahun sejak YEAR`: the years since YEAR up to the publication year.
fn since(
    text: &str,
    m: &TimeMention,
    n: i32,
    pub_year: Option<i32>,
    times: &[TimeMention],
    out: &mut Vec<Check>,
) {
    let Some(py) = pub_year else { return };
    let after = text[m.span.end..].trim_start();
    if !after.to_lowercase().starts_with("sejak ") {
        return;
    }
    let Some(t) = times.iter().find(|t| {
        t.span.start > m.span.end
            && t.span.start <= m.span.end + 12
            && t.granularity.as_deref() == Some("year")
    }) else {
        return;
    };
    let Some(y) = t.value.as_deref().and_then(year_of_value) else {
        return;
    };
    let diff = py - y;
    let severity = if (diff - n).abs() <= 1 {
        Severity::Ok
    } else {
        Severity::Warning
    };
    out.push(Check {
        kind: "anniversary".into(),
        severity,
        spans: vec![m.span, t.span],
        message: format!(
            "{} since {y}: the publication year {py} is {diff} years later.",
            m.span.text(text)
        ),
        suggestion: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, published: &str) -> Vec<Check> {
        let t = warta_amount::lex::Toks::new(text, Span::new(0, text.len()));
        let times = warta_time::extract_toks(&t, warta_time::Anchor::parse(Some(published)));
        let amounts = warta_amount::extract_toks(&t, false);
        let mut out = Vec::new();
        check(text, Some(published), &amounts, &times, &mut out);
        out
    }

    #[test]
    fn anniversaries() {
        let ok = run(
            "bertepatan dengan peringatan 70 tahun berakhirnya Perang Dunia II pada Mei.",
            "2015-03-11",
        );
        assert_eq!(ok.len(), 1, "{ok:?}");
        assert_eq!(ok[0].severity, Severity::Ok);
        assert_eq!(ok[0].spans.len(), 2);
        let bad = run(
            "peringatan 70 tahun berakhirnya Perang Dunia II pada 2016 lalu.",
            "2016-03-11",
        );
        assert_eq!(bad[0].severity, Severity::Error);
        let hut = run("upacara HUT ke-72 RI di Istana.", "2017-08-17");
        assert_eq!(hut.len(), 1, "{hut:?}");
        assert_eq!(hut[0].severity, Severity::Ok);
        let since = run("sudah 10 tahun sejak 2005 ia menjabat.", "2015-03-11");
        assert_eq!(since[0].severity, Severity::Ok);
    }
}
