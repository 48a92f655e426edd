//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `../shared` beside the repository, when present.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.exists().then_some(dir)
}

/// Skip a test (return from it) when ../shared is absent, saying so.
#[macro_export]
macro_rules! shared_or_skip {
    () => {
        match common::shared() {
            Some(dir) => dir,
            None => {
                eprintln!("skipping: ../shared absent");
                return;
            }
        }
    };
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Run the warta binary with `args`, feeding `stdin`.
pub fn warta(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("warta runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("warta finishes");
    writer.join().unwrap();
    out
}

/// The JSON records of an output.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// Check the offset invariant of one article record: every span's `text` equals the slice of
/// `text` in code points, and sentences are ordered and non-overlapping.
pub fn assert_offsets(rec: &serde_json::Value) {
    let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    let slice = |s: usize, e: usize| -> String { text[s..e].iter().collect() };
    let mut last_end = 0;
    for s in rec["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(
            last_end <= start && start <= end && end <= text.len(),
            "sentence {start}..{end} out of order"
        );
        last_end = end;
    }
    for field in ["entities", "times", "amounts"] {
        for m in rec[field].as_array().unwrap() {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                slice(start, end),
                m["text"].as_str().unwrap(),
                "{field} span {start}..{end}"
            );
        }
    }
    for ev in rec["events"].as_array().unwrap() {
        for part in ["source", "target", "trigger"] {
            if ev[part].is_object() {
                let (start, end) = (
                    ev[part]["start"].as_u64().unwrap() as usize,
                    ev[part]["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    slice(start, end),
                    ev[part]["text"].as_str().unwrap(),
                    "event {part} span"
                );
            }
        }
    }
}
