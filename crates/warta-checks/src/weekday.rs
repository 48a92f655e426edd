//! `weekday_date`: a weekday written with its date (`Rabu (4/10)`, `Senin, 27 Maret 2017`)
//! must name the weekday of that date. `error` when the year is written or the publication
//! date is known (the date is then fixed); `warning` when the year had to be guessed; `ok`
//! when they agree.

use warta_amount::calendar;
use warta_amount::date::weekday;
use warta_core::{Check, Severity, TimeMention};

const ID_NAMES: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const EN_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days around the publication date within which a `(d/m)` date has a certain year.
pub const NEAR_DAYS: i64 = 45;

pub fn check(text: &str, published: Option<&str>, times: &[TimeMention], out: &mut Vec<Check>) {
    let full_pub = published.is_some_and(|p| p.len() >= 10);
    for m in times {
        if !m.rule.starts_with("time:weekday+date") {
            continue;
        }
        let s = m.span.text(text);
        let name: &str = s
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .next()
            .unwrap_or("");
        let (Some(named), Some(day)) = (
            calendar::weekday(name),
            m.value.as_deref().and_then(warta_time::day_of),
        ) else {
            continue;
        };
        let actual = weekday(day);
        let english = EN_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name));
        let names = if english { EN_NAMES } else { ID_NAMES };
        let actual_name = names[actual as usize - 1];
        let value = m.value.as_deref().unwrap_or("");
        if actual == named {
            out.push(Check {
                kind: "weekday_date".into(),
                severity: Severity::Ok,
                spans: vec![m.span],
                message: format!("{s}: {value} is a {actual_name}."),
                suggestion: None,
            });
            continue;
        }
        // Without a written year the date is fixed only near the publication date.
        let near = published
            .and_then(warta_time::day_of)
            .is_some_and(|p| (day - p).abs() <= NEAR_DAYS);
        let fixed = m.rule.ends_with("+year") || (full_pub && near);
        out.push(Check {
            kind: "weekday_date".into(),
            severity: if fixed {
                Severity::Error
            } else {
                Severity::Warning
            },
            spans: vec![m.span],
            message: format!(
                "{s}: {value} is a {actual_name}, not a {name}{}.",
                if fixed {
                    ""
                } else {
                    " (the year was inferred)"
                }
            ),
            suggestion: Some(format!("{name} -> {actual_name}")),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta_core::Span;

    fn run(text: &str, published: &str) -> Vec<Check> {
        let t = warta_amount::lex::Toks::new(text, Span::new(0, text.len()));
        let times = warta_time::extract_toks(&t, warta_time::Anchor::parse(Some(published)));
        let mut out = Vec::new();
        check(text, Some(published), &times, &mut out);
        out
    }

    #[test]
    fn weekday_against_date() {
        let ok = run("ucap Zulkifli, Senin (27/3).", "2017-03-28");
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].severity, Severity::Ok);
        let bad = run("ucap Zulkifli, Selasa (27/3).", "2017-03-28");
        assert_eq!(bad[0].severity, Severity::Error);
        assert_eq!(bad[0].suggestion.as_deref(), Some("Selasa -> Senin"));
        let guessed = run("pada Selasa (27/3).", "2017");
        assert_eq!(guessed[0].severity, Severity::Warning);
    }
}
