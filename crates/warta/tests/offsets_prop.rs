//! Property: on arbitrary Unicode, the whole pipeline never panics and every span it writes
//! slices the text exactly (code points), with ordered, non-overlapping sentences.

mod common;

use proptest::prelude::*;
use warta_core::{record::Record, Document};
use warta_pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(Pipeline::new)
}

/// Text built from news-like pieces and arbitrary characters, so that stages actually fire.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rp329,2 triliun".to_string()),
        Just("25 juta dolar AS".to_string()),
        Just("Presiden Joko Widodo".to_string()),
        Just(" pada Rabu (4/10) ".to_string()),
        Just("Kim Jong-un".to_string()),
        Just("sanksi-sanksi".to_string()),
        Just("Moskow (ANTARA News) - ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{ad}".to_string()),
        Just("\r\n".to_string()),
        Just(" -- ".to_string()),
        Just("“kutipan”".to_string()),
        Just("Copyright © ANTARA 2015".to_string()),
        Just("dll. ".to_string()),
        Just(". ".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn spans_slice_the_text_exactly(text in newsish()) {
        let doc = Document { id: "p".into(), text, published: Some("2015-03-11".into()), ..Document::default() };
        let record = pipeline().record(&Ok(doc));
        let Record::Article(_) = &record else { panic!("article expected: {record:?}") };
        let value = serde_json::to_value(&record).unwrap();
        common::assert_offsets(&value);
    }
}
