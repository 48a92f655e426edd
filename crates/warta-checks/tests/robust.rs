//! Extractors and checks never panic, whatever the text and the publication date.

use proptest::prelude::*;
use warta_text::TextDoc;

const PIECES: &[&str] = &[
    "Rp",
    "329,2",
    "triliun",
    "juta",
    "dolar AS",
    "(",
    ")",
    "/",
    "-",
    "Rabu",
    "(4/10)",
    "Mei",
    "2015",
    "ke-70",
    "persen",
    "%",
    "pukul",
    "16.00",
    "WIB",
    "tahun",
    "lalu",
    "kuartal",
    "IV",
    "atau",
    "setara",
    "US$",
    "1,000",
    "é",
    "—",
    "\u{a0}",
    "peringatan",
    "70",
    "naik",
    "dari",
    "menjadi",
    "Senin",
    "pekan",
    "depan",
    "minus",
    ".",
    ",",
    "\n",
    "HUT",
    "RI",
    "ribu",
    "M",
];

proptest! {
    #[test]
    fn never_panics(
        idx in proptest::collection::vec(0..PIECES.len(), 0..40),
        spaces in proptest::collection::vec(any::<bool>(), 40),
        published in proptest::option::of("(2015-03-11|2015|20é5-0|x|2015-02-30|1999-01-01)"),
    ) {
        let mut text = String::new();
        for (k, &i) in idx.iter().enumerate() {
            text.push_str(PIECES[i]);
            if spaces[k] {
                text.push(' ');
            }
        }
        let doc = TextDoc::analyse(&text, published.as_deref());
        let times = warta_time::extract(&doc);
        let amounts = warta_amount::extract(&doc);
        let checks = warta_checks::run(&doc, &amounts, &times);
        for s in times.iter().map(|t| t.span).chain(amounts.iter().map(|a| a.span)).chain(checks.iter().flat_map(|c| c.spans.clone())) {
            prop_assert!(text.get(s.start..s.end).is_some());
        }
    }
}
