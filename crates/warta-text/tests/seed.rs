//! The founding ANTARA article (read from ../shared/seed at test time; skipped when absent).

use std::path::PathBuf;
use warta_core::FurnitureKind;
use warta_text::TextDoc;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared absent");
        None
    }
}

fn seed() -> Option<(String, serde_json::Value)> {
    let root = shared()?;
    let text = std::fs::read_to_string(root.join("seed/antara-2015-03-11-rusia-korut.txt")).ok()?;
    let expected = std::fs::read_to_string(root.join("seed/expected.json")).ok()?;
    Some((
        text,
        serde_json::from_str(&expected).expect("expected.json parses"),
    ))
}

#[test]
fn seed_source_matches_expected() {
    let Some((text, expected)) = seed() else {
        return;
    };
    let doc = TextDoc::analyse(&text, None);
    let src = &expected["source"];
    let s = &doc.source;
    let opt = |v: &serde_json::Value| v.as_str().map(str::to_string);
    assert_eq!(s.agency, opt(&src["agency"]));
    assert_eq!(s.dateline, opt(&src["dateline"]));
    assert_eq!(s.byline_code, opt(&src["byline_code"]));
    assert_eq!(s.editor, opt(&src["editor"]));
    assert_eq!(s.copyright, opt(&src["copyright"]));
    assert_eq!(s.reporter, src.get("reporter").and_then(opt));
    let credits: Vec<String> = src["wire_credit"]
        .as_array()
        .map(|a| a.iter().filter_map(opt).collect())
        .unwrap_or_default();
    assert_eq!(s.wire_credit, credits);
    assert_eq!(doc.language, "id");
}

#[test]
fn seed_has_fourteen_sentences_in_the_body() {
    let Some((text, _)) = seed() else { return };
    let doc = TextDoc::analyse(&text, None);
    assert_eq!(
        doc.sentences.len(),
        14,
        "{:#?}",
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span))
            .collect::<Vec<_>>()
    );
    // the first sentence starts at the text start and includes the dateline
    assert_eq!(doc.sentences[0].span.start, 0);
    let dl = doc
        .source
        .spans
        .iter()
        .find(|(k, _)| *k == FurnitureKind::Dateline)
        .expect("dateline span")
        .1;
    assert!(doc.sentences[0].span.end > dl.end);
    // the furniture block is outside the body and every sentence
    let last = doc.sentences.last().unwrap().span;
    assert!(last.end <= doc.body.end);
    let tail = &text[doc.body.end..];
    assert!(tail.contains("Editor") && tail.contains("Copyright"));
    // sentences are trimmed, ordered and non-overlapping
    for w in doc.sentences.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for s in &doc.sentences {
        let t = doc.slice(s.span);
        assert_eq!(t, t.trim());
    }
}

#[test]
fn seed_tokens() {
    let Some((text, _)) = seed() else { return };
    let doc = TextDoc::analyse(&text, None);
    let surf: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
    for want in ["Rp", "329,2", "Jong-un", "Jong-Il", "sanksi-sanksi", "--"] {
        assert!(surf.contains(&want), "missing token {want}");
    }
    let redup = doc
        .tokens
        .iter()
        .find(|t| doc.slice(t.span) == "sanksi-sanksi")
        .unwrap();
    assert!(redup.reduplicated);
    let dash = doc
        .tokens
        .iter()
        .find(|t| doc.slice(t.span) == "--")
        .unwrap();
    assert_eq!(dash.norm, "—");
    assert!(doc.tokens.iter().any(|t| t.enclitic == Some("nya")));
}
