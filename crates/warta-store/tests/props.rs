//! Property tests for the store's small parsers and hashes.

use proptest::prelude::*;
use warta_store::minhash::{jaccard, Signature};
use warta_store::query_helpers::{csv_field, split_actor};

/// Parse one CSV line written with `csv_field` (RFC 4180 quoting) back into fields.
fn parse_csv_line(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

proptest! {
    #[test]
    fn csv_fields_round_trip(fields in prop::collection::vec(".{0,12}", 1..6)) {
        let line: Vec<String> = fields.iter().map(|f| csv_field(f).into_owned()).collect();
        prop_assert_eq!(parse_csv_line(&line.join(",")), fields);
    }

    #[test]
    fn actor_codes_never_panic_and_keep_parts(code in "[A-Z]{0,12}|.{0,8}") {
        let parts = split_actor(&code);
        for p in &parts {
            prop_assert!(p.len() <= 3);
        }
    }

    #[test]
    fn similarity_is_a_share(a in "[a-z ]{0,200}", b in "[a-z ]{0,200}") {
        if let (Some(x), Some(y)) = (Signature::of(&a), Signature::of(&b)) {
            let s = x.similarity(&y);
            prop_assert!((0.0..=1.0).contains(&s));
            prop_assert_eq!(s, y.similarity(&x));
            prop_assert_eq!(x.similarity(&x), 1.0);
        }
        let j = jaccard(&a, &b);
        prop_assert!((0.0..=1.0).contains(&j));
    }
}
