//! `warta ingest | query | export | stats | recode` end to end: idempotent ingest, an ingest
//! killed with SIGKILL and re-run (no loss, no duplicates), and the outputs' shapes.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn warta() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warta"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warta-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A synthetic Indonesian-looking corpus: `n` distinct articles, plus syndicated copies of every
/// tenth one (another outlet, another id, a line added).
fn synthetic_corpus(path: &Path, n: usize) -> usize {
    let words = [
        "pemerintah",
        "presiden",
        "menteri",
        "rapat",
        "kerja",
        "sama",
        "kunjungan",
        "ekonomi",
        "harga",
        "banjir",
        "polisi",
        "warga",
        "kota",
        "desa",
        "pasar",
        "sekolah",
        "bantuan",
        "jalan",
        "pembangunan",
        "anggaran",
        "daerah",
        "pusat",
        "rakyat",
        "dewan",
    ];
    let mut seed: u64 = 12345;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut lines = Vec::new();
    for i in 0..n {
        let mut text = format!("Jakarta (ANTARA) - Berita nomor {i}.");
        for j in 0..60 {
            text.push(' ');
            text.push_str(words[next() % words.len()]);
            if j % 12 == 11 {
                text.push('.');
            }
        }
        text.push_str(" Harga naik Rp2.000 per kilogram.");
        let rec = serde_json::json!({"id": format!("a{i}"), "source": "antaranews",
            "url": format!("https://example.org/a{i}"), "published": "2017-03-28", "text": text});
        lines.push(rec.to_string());
        if i % 10 == 0 {
            let copy = serde_json::json!({"id": format!("copy{i}"), "source": "kompas",
                "url": format!("https://example.org/copy{i}"), "published": "2017-03-28",
                "text": format!("{text} Baca juga: berita lain.")});
            lines.push(copy.to_string());
        }
    }
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
    lines.len()
}

fn ingest_json(db: &Path, corpus: &Path, extra: &[&str]) -> serde_json::Value {
    let out = warta()
        .args(["ingest", "--quiet", "--json", "--db"])
        .arg(db)
        .arg(corpus)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (articles, distinct hashes, distinct ids, events+mentions orphaned from their article)
fn integrity(db: &Path) -> (u64, u64, u64, u64) {
    let store = warta_store::Store::open(db).unwrap();
    let c = store.connection();
    let one = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as u64;
    (
        one("SELECT count(*) FROM articles"),
        one("SELECT count(DISTINCT hash) FROM articles"),
        one("SELECT count(DISTINCT id) FROM articles"),
        one(
            "SELECT (SELECT count(*) FROM amounts WHERE article NOT IN (SELECT aid FROM articles))
              + (SELECT count(*) FROM events WHERE article NOT IN (SELECT aid FROM articles))
              + (SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT aid FROM articles))",
        ),
    )
}

#[test]
fn ingesting_twice_adds_nothing() {
    let dir = temp_dir("twice");
    let corpus = dir.join("corpus.jsonl");
    let n = synthetic_corpus(&corpus, 60) as u64;
    let db = dir.join("news.db");
    let first = ingest_json(&db, &corpus, &[]);
    assert_eq!(first["ingest"]["stored"], n);
    // the syndicated copies joined their original's story
    assert_eq!(first["ingest"]["duplicates"], 6);
    assert_eq!(first["store"]["stories"], n - 6);
    let second = ingest_json(&db, &corpus, &[]);
    assert_eq!(second["ingest"]["stored"], 0);
    assert_eq!(second["ingest"]["already"], n);
    assert_eq!(first["store"], second["store"]);
    assert_eq!(integrity(&db), (n, n, n, 0));
}

/// Start an ingest, SIGKILL it once some batches are committed, re-run it: every article
/// exactly once, no orphaned mentions.
fn kill_and_rerun(corpus: &Path, total: u64, dir: &Path) {
    let db = dir.join("killed.db");
    let mut child = warta()
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "8",
            "--throttle-ms",
            "40",
            "--db",
        ])
        .arg(&db)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut stored = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() {
            // a reader while the ingest writes (WAL): sees committed batches only
            if let Ok(store) = warta_store::Store::open_readonly(&db) {
                stored = store.counts().map(|c| c.articles).unwrap_or(0);
            }
        }
        if stored >= 16 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let (after_kill, ..) = integrity(&db);
    assert!(after_kill >= 16, "the ingest never committed a batch");
    assert!(
        after_kill < total,
        "the ingest finished before it was killed ({after_kill} of {total})"
    );
    assert_eq!(
        after_kill % 8,
        0,
        "a batch was half committed: {after_kill}"
    );
    let again = ingest_json(&db, corpus, &[]);
    assert_eq!(again["ingest"]["already"], after_kill);
    assert_eq!(again["ingest"]["stored"], total - after_kill);
    let (articles, hashes, ids, orphans) = integrity(&db);
    assert_eq!((articles, hashes, ids, orphans), (total, total, total, 0));
}

#[test]
fn a_killed_ingest_loses_nothing_and_duplicates_nothing() {
    let dir = temp_dir("kill");
    let corpus = dir.join("corpus.jsonl");
    let n = synthetic_corpus(&corpus, 200) as u64;
    kill_and_rerun(&corpus, n, &dir);
}

#[test]
fn a_killed_ingest_of_real_news_loses_nothing() {
    let shared = shared_or_skip!();
    let dir = temp_dir("kill-real");
    let src = std::fs::read_to_string(shared.join("data/news/indosum-dev-articles.jsonl")).unwrap();
    let lines: Vec<&str> = src.lines().take(300).collect();
    let corpus = dir.join("news300.jsonl");
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    kill_and_rerun(&corpus, lines.len() as u64, &dir);
    // and a second full ingest adds nothing
    let again = ingest_json(&dir.join("killed.db"), &corpus, &[]);
    assert_eq!(again["ingest"]["stored"], 0);
}

#[test]
fn query_export_and_stats_run_on_an_ingested_store() {
    let dir = temp_dir("query");
    let corpus = dir.join("corpus.jsonl");
    synthetic_corpus(&corpus, 30);
    let db = dir.join("news.db");
    ingest_json(&db, &corpus, &[]);
    let run = |args: &[&str]| {
        let out = warta().args(args).arg("--db").arg(&db).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run(&["query", "--source", "IDN", "--from", "2017-01-01"]);
    assert!(table.starts_with("DAY"), "{table}");
    assert!(table.lines().last().unwrap().contains("event"), "{table}");
    run(&["query", "--text", "nomor", "--format", "csv"]);
    run(&["stats", "--by", "week", "--group", "root"]);
    let dups = run(&["stats", "--duplicates", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&dups).unwrap();
    assert_eq!(v["duplicates"], 3);
    for format in ["gdelt", "parquet", "csv", "jsonl"] {
        let out = dir.join(format!("events.{format}"));
        let o = warta()
            .args(["export", "--format", format, "-o"])
            .arg(&out)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(out.exists());
    }
    let recode = warta()
        .args(["recode", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(recode.status.success());
    let v: serde_json::Value = serde_json::from_slice(&recode.stdout).unwrap();
    assert_eq!(v["recode"]["recoded"], 0);
    // bad filters are refused with a message, not a panic
    let bad = warta()
        .args(["query", "--source", "R'US", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--source"));
}
