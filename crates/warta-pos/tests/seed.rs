//! The seed article through the tagger (skipped when ../shared is absent).
use std::path::PathBuf;

#[test]
fn seed_article_is_tagged_token_for_token() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/antara-2015-03-11-rusia-korut.txt");
    let Ok(text) = std::fs::read_to_string(&p) else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    let Some(tagger) = warta_pos::Tagger::global() else {
        panic!("embedded POS model cannot be loaded");
    };
    let doc = warta_text::TextDoc::analyse(&text, None);
    let tags = tagger.tag(&doc);
    assert_eq!(tags.len(), doc.tokens.len());
    for want in ["VB", "NN", "NNP"] {
        assert!(tags.contains(&want), "no {want} in {tags:?}");
    }
    // Punctuation is tagged as punctuation.
    for (t, tag) in doc.tokens.iter().zip(&tags) {
        if t.norm == "." || t.norm == "," {
            assert!(matches!(*tag, "Z" | "SYM" | "X"), "{} tagged {tag}", t.norm);
        }
    }
}
