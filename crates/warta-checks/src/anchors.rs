//! `data/anchors.tsv`: commemorated events and their years.

use std::sync::OnceLock;
use warta_core::DictIssue;

pub const ANCHORS: &str = include_str!("../data/anchors.tsv");
pub const ANCHORS_FILE: &str = "crates/warta-checks/data/anchors.tsv";

/// (lower-cased phrase, year, line).
pub fn anchors() -> &'static [(String, i32, usize)] {
    static A: OnceLock<Vec<(String, i32, usize)>> = OnceLock::new();
    A.get_or_init(|| {
        let mut v: Vec<(String, i32, usize)> = ANCHORS
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|(n, l)| {
                let (p, y) = l.split_once('\t')?;
                Some((p.trim().to_string(), y.trim().parse().ok()?, n + 1))
            })
            .collect();
        // Longest phrase first: the most specific anchor wins.
        v.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        v
    })
}

/// The phrases lower-cased and padded with spaces, in the order of [`anchors`].
fn padded() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        anchors()
            .iter()
            .map(|a| format!(" {} ", a.0.to_lowercase()))
            .collect()
    })
}

/// The anchor whose phrase occurs in `words` as whole words: (phrase, year, line).
pub fn find(words: &str) -> Option<&'static (String, i32, usize)> {
    let w = format!(" {} ", words.to_lowercase());
    anchors()
        .iter()
        .zip(padded())
        .find(|(_, p)| w.contains(p.as_str()))
        .map(|(a, _)| a)
}

/// Validate an anchors file.
pub fn check(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (n, line) in warta_core::data_lines(text) {
        let issue = |m: String| DictIssue::new(file, n, m);
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 2 {
            issues.push(issue(format!(
                "expected 2 tab-separated fields, found {}",
                f.len()
            )));
            continue;
        }
        if f[0].trim().is_empty() {
            issues.push(issue("empty phrase".into()));
        }
        match f[1].trim().parse::<i32>() {
            Ok(y) if (1000..=2100).contains(&y) => {}
            _ => issues.push(issue(format!("`{}` is not a year", f[1]))),
        }
        if let Some(prev) = seen.insert(f[0].trim().to_lowercase(), n) {
            issues.push(issue(format!(
                "`{}` is already defined on line {prev}",
                f[0]
            )));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_anchors_are_clean() {
        assert_eq!(check(ANCHORS, ANCHORS_FILE), vec![]);
    }

    #[test]
    fn finds_whole_phrases() {
        assert_eq!(find("berakhirnya Perang Dunia II").map(|a| a.1), Some(1945));
        assert_eq!(find("Kemerdekaan RI").map(|a| a.1), Some(1945));
        assert_eq!(find("BRIMOB"), None);
        let bad = check("x\t19x\ny\t1945\ty\n", "a.tsv");
        assert_eq!(bad.iter().map(|i| i.line).collect::<Vec<_>>(), vec![1, 2]);
    }
}
