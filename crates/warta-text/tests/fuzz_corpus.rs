//! Runs the fuzz targets' code over every file of `fuzz/corpus/<target>/` on stable, so CI
//! exercises the nasty inputs (invalid UTF-8, NUL bytes, lone surrogates, 1 MB lines, RTL,
//! combining marks, emoji, dashes, lone brackets...) without cargo-fuzz.

mod common;

use std::path::PathBuf;
use warta_text::TextDoc;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable corpus file");
            (p.display().to_string(), bytes)
        })
        .collect()
}

#[test]
fn text_corpus() {
    let files = corpus("text");
    assert!(files.len() >= 10, "the seed corpus is missing");
    for (name, bytes) in files {
        let text = String::from_utf8_lossy(&bytes);
        let doc = TextDoc::analyse(&text, None);
        common::check_invariants(&doc);
        eprintln!(
            "{name}: {} tokens, {} sentences",
            doc.tokens.len(),
            doc.sentences.len()
        );
    }
}

#[test]
fn read_jsonl_corpus() {
    let files = corpus("read_jsonl");
    assert!(files.len() >= 10, "the seed corpus is missing");
    let mut parsed = 0;
    for (_, bytes) in files {
        if let Ok(doc) = warta_read::parse_json_record(&bytes, "fuzz", 1) {
            parsed += 1;
            let doc = TextDoc::analyse(&doc.text, doc.published.as_deref());
            common::check_invariants(&doc);
        }
    }
    assert!(parsed >= 1, "the valid record must parse");
}
