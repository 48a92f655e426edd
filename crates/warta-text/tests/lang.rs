//! Language identification on real text: PETRARCH's English unit-test sentences and the
//! Indonesian IndoSum articles (both from ../shared; skipped when absent).

use std::path::PathBuf;
use warta_text::TextDoc;

fn shared(rel: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    let s = std::fs::read_to_string(p).ok();
    if s.is_none() {
        eprintln!("skipping: ../shared absent");
    }
    s
}

#[test]
fn petrarch_sentences_are_english() {
    let Some(xml) = shared("data/cameo/PETR.UnitTest.records.xml") else {
        return;
    };
    let mut total = 0;
    let mut wrong = Vec::new();
    for chunk in xml.split("<Text>").skip(1) {
        let Some((text, _)) = chunk.split_once("</Text>") else {
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        total += 1;
        let lang = TextDoc::analyse(text, None).language;
        if lang != "en" {
            wrong.push((lang, text.to_string()));
        }
    }
    assert!(total > 200, "only {total} sentences found");
    let acc = 1.0 - wrong.len() as f64 / total as f64;
    eprintln!("PETR: {total} sentences, accuracy {acc:.3}");
    assert!(acc >= 0.999, "accuracy {acc:.3}; wrong: {wrong:#?}");
}

#[test]
fn indosum_articles_are_indonesian() {
    let Some(data) = shared("data/news/indosum-dev-articles.jsonl") else {
        return;
    };
    let (mut total, mut id) = (0, 0);
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let doc = TextDoc::analyse(v["text"].as_str().unwrap_or_default(), None);
        total += 1;
        id += usize::from(doc.language == "id");
    }
    eprintln!("IndoSum: {id}/{total} identified as id");
    assert!(id as f64 / total as f64 > 0.995);
}
