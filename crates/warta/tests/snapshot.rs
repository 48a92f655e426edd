//! Snapshot of a whole document: the example article's full warta/1 record.
//! After an intended change, review with `cargo insta review` (or `INSTA_UPDATE=always`).

mod common;

#[test]
fn example_article_record() {
    let out = common::warta(
        &[
            "annotate",
            "examples/jakarta-2017-08-08-kunjungan.txt",
            "--published",
            "2017-08-08",
        ],
        b"",
    );
    assert!(out.status.success());
    let records = common::records(&out);
    assert_eq!(records.len(), 1);
    common::assert_offsets(&records[0]);
    insta::assert_json_snapshot!("example_article", records[0]);
}

#[test]
fn seed_article_matches_expected_furniture_and_date() {
    let shared = shared_or_skip!();
    let seed = shared.join("seed/antara-2015-03-11-rusia-korut.txt");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("seed/expected.json")).unwrap())
            .unwrap();
    // Without a date, the year comes from the copyright line.
    let out = common::warta(&["annotate", seed.to_str().unwrap()], b"");
    let rec = &common::records(&out)[0];
    assert_eq!(rec["published"], "2015");
    assert_eq!(rec["published_inferred"], true);
    for key in [
        "agency",
        "dateline",
        "wire_credit",
        "byline_code",
        "editor",
        "copyright",
    ] {
        assert_eq!(rec["source"][key], expected["source"][key], "source.{key}");
    }
    assert_eq!(
        rec["source"]["dateline_place"]["geonameid"],
        expected["source"]["dateline_place"]["geonameid"]
    );
    assert_eq!(rec["language"], expected["language"]);
    assert_eq!(rec["sentences"].as_array().unwrap().len(), 14);
    common::assert_offsets(rec);
}
