//! The text layer's dictionaries: plain UTF-8 files in `data/`, embedded at compile time,
//! parsed once, each with a line-numbered validator (`warta dict check`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use warta_core::DictIssue;

pub const AGENCIES: &str = include_str!("../data/agencies.tsv");
pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
pub const CLITICS: &str = include_str!("../data/clitics.txt");
pub const FURNITURE_LABELS: &str = include_str!("../data/furniture-labels.tsv");
pub const CREDIT_CUES: &str = include_str!("../data/credit-cues.tsv");

/// A dictionary of this crate: file name (as in the repository), embedded text, validator.
pub type DictEntry = (&'static str, &'static str, fn(&str, &str) -> Vec<DictIssue>);

/// Every dictionary of the text layer, for `warta dict check`.
pub fn dictionaries() -> Vec<DictEntry> {
    vec![
        (
            "crates/warta-text/data/agencies.tsv",
            AGENCIES,
            check_agencies as fn(&str, &str) -> Vec<DictIssue>,
        ),
        (
            "crates/warta-text/data/abbreviations.tsv",
            ABBREVIATIONS,
            check_abbreviations,
        ),
        ("crates/warta-text/data/clitics.txt", CLITICS, check_clitics),
        (
            "crates/warta-text/data/furniture-labels.tsv",
            FURNITURE_LABELS,
            check_furniture_labels,
        ),
        (
            "crates/warta-text/data/credit-cues.tsv",
            CREDIT_CUES,
            check_credit_cues,
        ),
    ]
}

/// Validate any of this crate's dictionaries, chosen by file name.
pub fn check(text: &str, file: &str) -> Vec<DictIssue> {
    let name = file.rsplit('/').next().unwrap_or(file);
    match name {
        "agencies.tsv" => check_agencies(text, file),
        "abbreviations.tsv" => check_abbreviations(text, file),
        "clitics.txt" => check_clitics(text, file),
        "furniture-labels.tsv" => check_furniture_labels(text, file),
        "credit-cues.tsv" => check_credit_cues(text, file),
        _ => vec![DictIssue::new(file, 0, "not a warta-text dictionary")],
    }
}

/// Non-comment, non-blank lines with their 1-based numbers.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn check_fields(
    file: &str,
    n: usize,
    line: &str,
    want: usize,
    issues: &mut Vec<DictIssue>,
) -> bool {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != want {
        issues.push(DictIssue::new(
            file,
            n,
            format!(
                "expected {want} TAB-separated fields, found {}",
                fields.len()
            ),
        ));
        return false;
    }
    if let Some(f) = fields
        .iter()
        .find(|f| f.trim().is_empty() || f.trim() != **f)
    {
        issues.push(DictIssue::new(
            file,
            n,
            format!("empty field or stray spaces: {f:?}"),
        ));
        return false;
    }
    true
}

pub fn check_agencies(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in entries(text) {
        if !check_fields(file, n, line, 3, &mut issues) {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if !matches!(f[1], "wire" | "outlet") {
            issues.push(DictIssue::new(
                file,
                n,
                format!("kind must be wire or outlet, not {:?}", f[1]),
            ));
        }
        for v in f[2].split('|') {
            if v.trim().is_empty() || v.trim() != v {
                issues.push(DictIssue::new(
                    file,
                    n,
                    format!("empty variant or stray spaces: {v:?}"),
                ));
                continue;
            }
            if let Some(prev) = seen.insert(v.to_string(), n) {
                issues.push(DictIssue::new(
                    file,
                    n,
                    format!("variant {v:?} already on line {prev}"),
                ));
            }
        }
    }
    issues
}

pub fn check_abbreviations(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in entries(text) {
        if !check_fields(file, n, line, 2, &mut issues) {
            continue;
        }
        let (a, class) = line.split_once('\t').unwrap_or_default();
        if !matches!(class, "title" | "final") {
            issues.push(DictIssue::new(
                file,
                n,
                format!("class must be title or final, not {class:?}"),
            ));
        }
        if !a.chars().all(char::is_alphabetic) || a.to_lowercase() != a {
            issues.push(DictIssue::new(
                file,
                n,
                format!("abbreviation must be lower-case letters without the period: {a:?}"),
            ));
        }
        if let Some(prev) = seen.insert(a.to_string(), n) {
            issues.push(DictIssue::new(
                file,
                n,
                format!("{a:?} already on line {prev}"),
            ));
        }
    }
    issues
}

pub fn check_clitics(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in entries(text) {
        let Some((mark, word)) = line.split_once(' ') else {
            issues.push(DictIssue::new(file, n, "expected `- word` or `+ base`"));
            continue;
        };
        if !matches!(mark, "-" | "+") {
            issues.push(DictIssue::new(
                file,
                n,
                format!("marker must be - or +, not {mark:?}"),
            ));
        }
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase() && c.is_alphabetic()) {
            issues.push(DictIssue::new(
                file,
                n,
                format!("word must be lower-case letters: {word:?}"),
            ));
        }
        if let Some(prev) = seen.insert(line.to_string(), n) {
            issues.push(DictIssue::new(file, n, format!("duplicate of line {prev}")));
        }
    }
    issues
}

pub fn check_furniture_labels(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in entries(text) {
        if !check_fields(file, n, line, 2, &mut issues) {
            continue;
        }
        let (label, kind) = line.split_once('\t').unwrap_or_default();
        if !matches!(kind, "insert" | "reporter" | "editor") {
            issues.push(DictIssue::new(
                file,
                n,
                format!("kind must be insert, reporter or editor, not {kind:?}"),
            ));
        }
        if label.to_lowercase() != label || label.ends_with(':') {
            issues.push(DictIssue::new(
                file,
                n,
                format!("label must be lower case without the colon: {label:?}"),
            ));
        }
        if let Some(prev) = seen.insert(label.to_string(), n) {
            issues.push(DictIssue::new(
                file,
                n,
                format!("{label:?} already on line {prev}"),
            ));
        }
    }
    issues
}

pub fn check_credit_cues(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (n, line) in entries(text) {
        if !check_fields(file, n, line, 2, &mut issues) {
            continue;
        }
        let (pos, cue) = line.split_once('\t').unwrap_or_default();
        if !matches!(pos, "before" | "after" | "filler") {
            issues.push(DictIssue::new(
                file,
                n,
                format!("position must be before, after or filler, not {pos:?}"),
            ));
        }
        if cue.to_lowercase() != cue || cue.contains(' ') {
            issues.push(DictIssue::new(
                file,
                n,
                format!("cue must be one lower-case word: {cue:?}"),
            ));
        }
        if !seen.insert(line.to_string()) {
            issues.push(DictIssue::new(file, n, "duplicate entry"));
        }
    }
    issues
}

pub(crate) type FastSet<T> = crate::fnv::FnvSet<T>;
pub(crate) type FastMap<K, V> = crate::fnv::FnvMap<K, V>;

/// Whether an abbreviation may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrClass {
    Title,
    Final,
}

pub(crate) struct Lexicon {
    /// lower-case abbreviation (no period) -> class
    pub abbreviations: FastMap<String, AbbrClass>,
    /// words that are not word + enclitic (exact; or suffix when 4+ letters)
    pub not_enclitic_exact: FastSet<String>,
    pub not_enclitic_suffix: FastSet<String>,
    pub proclitic_bases: FastSet<String>,
    /// label (lower case) -> kind
    pub labels: HashMap<String, &'static str>,
    pub cues_before: HashSet<String>,
    pub cues_after: HashSet<String>,
    pub fillers: HashSet<String>,
    /// lower-case variant -> canonical name
    pub agency_by_lower: HashMap<String, String>,
    /// variants as written (and upper-cased), canonical name for each
    pub agency_patterns: Vec<(String, String)>,
    pub agency_matcher: Option<aho_corasick::AhoCorasick>,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

fn build() -> Lexicon {
    let mut abbreviations = FastMap::default();
    for (_, line) in entries(ABBREVIATIONS) {
        if let Some((a, c)) = line.split_once('\t') {
            let class = if c == "final" {
                AbbrClass::Final
            } else {
                AbbrClass::Title
            };
            abbreviations.insert(a.to_lowercase(), class);
        }
    }
    let mut not_enclitic_exact = FastSet::default();
    let mut not_enclitic_suffix = FastSet::default();
    let mut proclitic_bases = FastSet::default();
    for (_, line) in entries(CLITICS) {
        match line.split_once(' ') {
            Some(("-", w)) => {
                if w.chars().count() >= 4 {
                    not_enclitic_suffix.insert(w.to_string());
                }
                not_enclitic_exact.insert(w.to_string());
            }
            Some(("+", w)) => {
                proclitic_bases.insert(w.to_string());
            }
            _ => {}
        }
    }
    let mut labels = HashMap::new();
    for (_, line) in entries(FURNITURE_LABELS) {
        if let Some((l, k)) = line.split_once('\t') {
            let kind = match k {
                "reporter" => "reporter",
                "editor" => "editor",
                _ => "insert",
            };
            labels.insert(l.to_string(), kind);
        }
    }
    let (mut cues_before, mut cues_after, mut fillers) =
        (HashSet::new(), HashSet::new(), HashSet::new());
    for (_, line) in entries(CREDIT_CUES) {
        match line.split_once('\t') {
            Some(("before", c)) => cues_before.insert(c.to_string()),
            Some(("after", c)) => cues_after.insert(c.to_string()),
            Some(("filler", c)) => fillers.insert(c.to_string()),
            _ => false,
        };
    }
    let mut agency_by_lower = HashMap::new();
    let mut agency_patterns = Vec::new();
    let mut seen = HashSet::new();
    for (_, line) in entries(AGENCIES) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            continue;
        }
        for v in f[2].split('|').filter(|v| !v.is_empty()) {
            agency_by_lower
                .entry(v.to_lowercase())
                .or_insert_with(|| f[0].to_string());
            for form in [v.to_string(), v.to_uppercase()] {
                if seen.insert(form.clone()) {
                    agency_patterns.push((form, f[0].to_string()));
                }
            }
        }
    }
    let agency_matcher = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(agency_patterns.iter().map(|(p, _)| p.as_str()))
        .ok();
    Lexicon {
        abbreviations,
        not_enclitic_exact,
        not_enclitic_suffix,
        proclitic_bases,
        labels,
        cues_before,
        cues_after,
        fillers,
        agency_by_lower,
        agency_patterns,
        agency_matcher,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_are_clean() {
        for (name, text, check) in dictionaries() {
            let issues = check(text, name);
            assert!(issues.is_empty(), "{name}: {issues:?}");
        }
    }

    #[test]
    fn validators_report_line_numbers() {
        let bad = "# c\nAFP\twire\tAFP\nX\tbogus\tAFP\n";
        let issues = check_agencies(bad, "agencies.tsv");
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert!(issues.iter().all(|i| i.line == 3));
        let issues = check("dr\ttitle\nDr.\tnope\n", "x/abbreviations.tsv");
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].line, 2);
        assert_eq!(check("- punya\n* x\n", "clitics.txt").len(), 1);
        assert_eq!(check("editor\tboss\n", "furniture-labels.tsv")[0].line, 1);
        assert_eq!(check("sideways\tlapor\n", "credit-cues.tsv").len(), 1);
        assert_eq!(check("", "unknown.txt").len(), 1);
    }

    #[test]
    fn lexicon_loads() {
        let lex = lexicon();
        assert_eq!(lex.abbreviations.get("dll"), Some(&AbbrClass::Final));
        assert!(lex.not_enclitic_exact.contains("punya"));
        assert!(lex.proclitic_bases.contains("ambil"));
        assert_eq!(lex.labels.get("editor"), Some(&"editor"));
        assert_eq!(
            lex.agency_by_lower.get("antara news").map(String::as_str),
            Some("ANTARA News")
        );
        assert!(lex.agency_matcher.is_some());
    }
}
