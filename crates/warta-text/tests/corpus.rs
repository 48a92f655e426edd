//! Every IndoSum article (../shared/data/news, skipped when absent) keeps the invariants, and
//! the furniture of the outlets with fixed forms is found.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use warta_text::TextDoc;

#[test]
fn indosum_articles() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/indosum-dev-articles.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    // outlet -> (articles, datelines, agencies, byline codes, language id)
    let mut counts: HashMap<String, [usize; 5]> = HashMap::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let text = v["text"].as_str().unwrap_or_default();
        let doc = TextDoc::analyse(text, v["published"].as_str());
        common::check_invariants(&doc);
        let c = counts
            .entry(v["source"].as_str().unwrap_or("?").to_string())
            .or_default();
        c[0] += 1;
        c[1] += usize::from(doc.source.dateline.is_some());
        c[2] += usize::from(doc.source.agency.is_some());
        c[3] += usize::from(doc.source.byline_code.is_some());
        c[4] += usize::from(doc.language == "id");
    }
    let share = |outlet: &str, i: usize| {
        let c = counts[outlet];
        c[i] as f64 / c[0] as f64
    };
    assert!(share("antaranews", 1) > 0.95, "{:?}", counts["antaranews"]);
    assert!(share("antaranews", 2) > 0.95);
    assert!(share("cnn indonesia", 1) > 0.98);
    assert!(share("merdeka", 2) > 0.98);
    assert!(share("merdeka", 3) > 0.9);
    assert!(share("suara", 2) > 0.85);
    for (outlet, c) in &counts {
        assert!(c[4] as f64 / c[0] as f64 > 0.97, "{outlet}: {c:?}");
    }
}
