//! End-to-end: `warta annotate` accounts for every input record and keeps the output contract.

mod common;

use common::{assert_offsets, records, warta};
use std::io::Write;

const CONTRACT_FIELDS: &[&str] = &[
    "schema",
    "id",
    "language",
    "published",
    "published_inferred",
    "source",
    "text",
    "sentences",
    "entities",
    "times",
    "amounts",
    "events",
    "checks",
    "warnings",
];

#[test]
fn every_record_yields_one_line_in_order() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"id\": \"a\", \"text\": \"Presiden bertemu menteri di Jakarta.\"}\n",
    );
    input.extend_from_slice(b"not json at all\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": \"c\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": \"   \"}\n");
    input.extend_from_slice(b"{\"id\": \"e\", \"text\": \"Rp\xff329 juta\"}\n");
    input.extend_from_slice(b"{\"id\": \"f\", \"text\": \"");
    input.extend(std::iter::repeat_n(b'x', 5000));
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"id\": \"h\", \"text\": \"Terakhir.\"}");
    let out = warta(&["annotate", "--max-record-bytes", "1000"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let summary: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or("-").to_string(),
                r["error"]["kind"].as_str().unwrap_or("ok").to_string(),
            )
        })
        .collect();
    let expected = [
        ("a", "ok"),
        ("-", "invalid_json"),
        ("c", "missing_text"),
        ("d", "empty_text"),
        ("e", "ok"),
        ("-", "line_too_long"),
        ("-", "not_object"),
        ("h", "ok"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(summary, expected);
    let lines: Vec<u64> = recs
        .iter()
        .filter_map(|r| r["error"]["line"].as_u64())
        .collect();
    assert_eq!(lines, vec![2, 4, 5, 7, 8]);
    assert_eq!(recs[4]["warnings"][0]["kind"], "invalid_utf8");
    for rec in recs.iter().filter(|r| r.get("error").is_none()) {
        for field in CONTRACT_FIELDS {
            assert!(rec.get(*field).is_some(), "missing field {field}");
        }
        assert_offsets(rec);
    }
}

#[test]
fn strict_mode_fails_on_error_records_only() {
    let good = b"{\"text\": \"Halo dunia.\"}\n";
    assert_eq!(
        warta(&["annotate", "--strict"], good).status.code(),
        Some(0)
    );
    let bad = b"{\"text\": \"Halo dunia.\"}\n{oops\n";
    let out = warta(&["annotate", "--strict"], bad);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 2);
    assert_eq!(warta(&["annotate"], bad).status.code(), Some(0));
}

#[test]
fn empty_input_gives_no_records_and_success() {
    let out = warta(&["annotate"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn txt_stdin_binary_and_missing_files_are_reported() {
    let out = warta(
        &[
            "annotate",
            "--input-format",
            "txt",
            "--published",
            "2017-08-08",
        ],
        "Jakarta (ANTARA) - Polisi menangkap tiga orang.".as_bytes(),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["published"], "2017-08-08");

    let dir = tempdir();
    let bin = dir.join("blob.txt");
    std::fs::write(&bin, b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0").unwrap();
    let missing = dir.join("nope.jsonl");
    let out = warta(
        &["annotate", bin.to_str().unwrap(), missing.to_str().unwrap()],
        b"",
    );
    let kinds: Vec<_> = records(&out)
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, vec!["not_text", "io"]);
    assert!(out.status.success());
    assert_eq!(
        warta(&["annotate", "--published", "11/03/2015"], b"")
            .status
            .code(),
        Some(2),
        "bad --published is a usage error"
    );
}

#[test]
fn directories_are_read_recursively_in_stable_order_with_gzip() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.join("b/sub")).unwrap();
    std::fs::write(dir.join("b/sub/z.txt"), "Artikel z.").unwrap();
    std::fs::write(
        dir.join("a.jsonl"),
        "{\"id\":\"a1\",\"text\":\"Satu.\"}\n{\"id\":\"a2\",\"text\":\"Dua.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("ignored.csv"), "x,y").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"{\"id\":\"g1\",\"text\":\"Tiga.\",\"category\":\"x\"}\n")
        .unwrap();
    std::fs::write(dir.join("b/c.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let out = warta(&["annotate", dir.to_str().unwrap()], b"");
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["a1", "a2", "g1", "z"]);
    assert_eq!(records(&out)[2]["meta"]["category"], "x");
}

#[test]
fn shared_corpus_every_article_annotated_with_exact_offsets() {
    let shared = shared_or_skip!();
    let corpus = shared.join("data/news/indosum-dev-articles.jsonl");
    let out = warta(&["annotate", "-q", corpus.to_str().unwrap()], b"");
    assert!(out.status.success());
    let recs = records(&out);
    let input_lines = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(recs.len(), input_lines);
    for rec in &recs {
        assert!(rec.get("error").is_none(), "error record: {rec}");
        assert_offsets(rec);
    }
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "warta-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
