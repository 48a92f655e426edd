//! Validators for the data files (`warta dict check`).

use crate::Key;
use std::collections::HashSet;
use warta_core::DictIssue;

/// `roots.txt` / `additions.txt`: one lower-case root a line (letters, inner hyphens), `#` comments,
/// optional `<TAB>comment`; no duplicates.
pub fn check_roots(text: &str, file: &str) -> Vec<DictIssue> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let w = t.split('\t').next().unwrap_or(t).trim();
        if !crate::build::clean_root(w) {
            out.push(DictIssue::new(
                file,
                i + 1,
                format!("{w:?}: a root is 2+ lower-case letters a-z, inner hyphens allowed"),
            ));
        } else if !seen.insert(w) {
            out.push(DictIssue::new(
                file,
                i + 1,
                format!("{w:?}: duplicate root"),
            ));
        }
    }
    out
}

/// `patterns.tsv`: `label<TAB>count`, labels as made by `Key::label`, counts >= 0, no duplicates.
pub fn check_patterns(text: &str, file: &str) -> Vec<DictIssue> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((label, count)) = t.split_once('\t') else {
            out.push(DictIssue::new(file, i + 1, "expected label<TAB>count"));
            continue;
        };
        match Key::parse(label) {
            None => out.push(DictIssue::new(
                file,
                i + 1,
                format!("{label:?}: bad pattern label"),
            )),
            Some(k) => {
                if !seen.insert(k) {
                    out.push(DictIssue::new(
                        file,
                        i + 1,
                        format!("{label:?}: duplicate pattern"),
                    ));
                }
            }
        }
        if !count.trim().parse::<f64>().is_ok_and(|c| c >= 0.0) {
            out.push(DictIssue::new(
                file,
                i + 1,
                format!("{count:?}: count must be a number >= 0"),
            ));
        }
    }
    out
}
