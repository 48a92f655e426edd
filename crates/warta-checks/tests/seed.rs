//! The founding article (`../shared/seed/`): every time and amount of `expected.json` is found
//! with its value, the currency check raises the juta → miliar error, and nothing else is an
//! error. Skips when `../shared` is absent.

use std::path::PathBuf;
use warta_core::Severity;
use warta_text::TextDoc;

fn seed_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    d.join("expected.json").exists().then_some(d)
}

/// Byte span of the `occurrence`-th (1-based) occurrence of `needle`.
fn find(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    for _ in 0..occurrence.saturating_sub(1) {
        from += text[from..].find(needle)? + needle.len();
    }
    let s = from + text[from..].find(needle)?;
    Some((s, s + needle.len()))
}

fn load() -> Option<(String, serde_json::Value)> {
    let Some(dir) = seed_dir() else {
        eprintln!("skipping: ../shared absent");
        return None;
    };
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).ok()?).ok()?;
    let file = expected["file"].as_str()?;
    let text = std::fs::read_to_string(dir.join(file)).ok()?;
    Some((text, expected))
}

#[test]
fn seed_times_amounts_and_checks() {
    let Some((text, expected)) = load() else {
        return;
    };
    let published = expected["published"].as_str();
    let doc = TextDoc::analyse(&text, published);
    let times = warta_time::extract(&doc);
    let amounts = warta_amount::extract(&doc);
    let checks = warta_checks::run(&doc, &amounts, &times);

    let mut problems = Vec::new();
    for t in expected["times"].as_array().unwrap() {
        let needle = t["text"].as_str().unwrap();
        let occ = t["occurrence"].as_u64().unwrap_or(1) as usize;
        let (s, e) = find(&text, needle, occ).expect("expected text is in the seed");
        let value = t["value"].as_str().unwrap();
        let hit = times
            .iter()
            .any(|m| m.span.start < e && s < m.span.end && m.value.as_deref() == Some(value));
        if !hit {
            problems.push(format!("time `{needle}` #{occ} = {value} not found"));
        }
    }
    for a in expected["amounts"].as_array().unwrap() {
        let needle = a["text"].as_str().unwrap();
        let (s, e) = find(&text, needle, 1).expect("expected text is in the seed");
        let value = a["value"].as_f64().unwrap();
        let unit = a["unit"].as_str().unwrap();
        let hit = amounts.iter().any(|m| {
            m.span.start == s
                && m.span.end == e
                && m.unit == unit
                && (m.value - value).abs() <= 1e-9 * value.abs()
        });
        if !hit {
            problems.push(format!("amount `{needle}` = {value} {unit} not found"));
        }
    }
    assert!(
        problems.is_empty(),
        "{problems:#?}\ntimes: {times:#?}\namounts: {amounts:#?}"
    );

    let errors: Vec<_> = checks
        .iter()
        .filter(|c| c.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{checks:#?}");
    let c = errors[0];
    assert_eq!(c.kind, "currency_conversion");
    assert_eq!(c.suggestion.as_deref(), Some("juta -> miliar"));
    let spans: Vec<&str> = c.spans.iter().map(|s| s.text(&text)).collect();
    let want: Vec<&str> = expected["checks"][0]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(spans, want);
    assert!(c.message.contains("13,176.05"), "{}", c.message);
    // The anniversary is checked and consistent.
    assert!(
        checks
            .iter()
            .any(|c| c.kind == "anniversary" && c.severity == Severity::Ok),
        "{checks:#?}"
    );
}

#[test]
fn seed_without_metadata_still_knows_the_year() {
    let Some((text, _)) = load() else {
        return;
    };
    // Only the copyright year, as the pipeline infers it.
    let doc = TextDoc::analyse(&text, Some("2015"));
    let times = warta_time::extract(&doc);
    assert!(times
        .iter()
        .any(|m| m.value.as_deref() == Some("2015-05") && m.span.text(&text) == "Mei"));
    let amounts = warta_amount::extract(&doc);
    let checks = warta_checks::run(&doc, &amounts, &times);
    // Only the year: the mid-year rate still shows the scale-word error, and nothing else.
    let errors: Vec<_> = checks
        .iter()
        .filter(|c| c.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{checks:#?}");
    assert_eq!(errors[0].suggestion.as_deref(), Some("juta -> miliar"));
}
