//! The currency and unit dictionaries: loading, matching and validation.

use crate::lex::{lex, lower_in, Kind, Toks};
use std::collections::HashMap;
use warta_core::{DictIssue, Span};

pub const CURRENCIES: &str = include_str!("../data/currencies.tsv");
pub const CURRENCIES_FILE: &str = "crates/warta-amount/data/currencies.tsv";
pub const UNITS: &str = include_str!("../data/units.tsv");
pub const UNITS_FILE: &str = "crates/warta-amount/data/units.tsv";

/// Where a currency surface stands relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Pre,
    Post,
    Both,
}

impl Position {
    pub fn pre(self) -> bool {
        matches!(self, Position::Pre | Position::Both)
    }
    pub fn post(self) -> bool {
        matches!(self, Position::Post | Position::Both)
    }
}

/// One dictionary line.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Lower-cased tokens of the surface form.
    pub tokens: Vec<String>,
    /// ISO 4217 code or unit word.
    pub value: String,
    pub position: Position,
    /// 1-based line in its file.
    pub line: usize,
}

/// A dictionary indexed by the first token of each surface form.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    by_first: warta_text::fnv::FnvMap<String, Vec<usize>>,
}

fn surface_tokens(s: &str) -> Vec<String> {
    lex(s, Span::new(0, s.len()))
        .iter()
        .map(|t| t.span.text(s).to_ascii_lowercase())
        .collect()
}

fn fields(line: &str) -> Option<Vec<&str>> {
    let t = line.trim_end_matches('\r');
    if t.trim().is_empty() || t.trim_start().starts_with('#') {
        return None;
    }
    Some(t.split('\t').collect())
}

impl Lexicon {
    /// Parse a dictionary; malformed lines are skipped (`check` reports them).
    pub fn parse(text: &str) -> Lexicon {
        let mut lx = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let Some(f) = fields(line) else { continue };
            if f.len() < 2 || f[0].trim().is_empty() || f[1].trim().is_empty() {
                continue;
            }
            let position = match f.get(2).map(|p| p.trim()) {
                Some("pre") => Position::Pre,
                Some("both") => Position::Both,
                _ => Position::Post,
            };
            let tokens = surface_tokens(f[0].trim());
            if tokens.is_empty() {
                continue;
            }
            lx.by_first
                .entry(tokens[0].clone())
                .or_default()
                .push(lx.entries.len());
            lx.entries.push(Entry {
                tokens,
                value: f[1].trim().to_string(),
                position,
                line: n + 1,
            });
        }
        // Longest surface first, so the first match is the longest.
        for v in lx.by_first.values_mut() {
            let entries = &lx.entries;
            v.sort_by_key(|&i| std::cmp::Reverse(entries[i].tokens.len()));
        }
        lx
    }

    /// The longest entry matching at token `i` that `accept`s: (entry, index of its last token).
    pub fn match_at(
        &self,
        t: &Toks,
        i: usize,
        accept: impl Fn(&Entry) -> bool,
    ) -> Option<(&Entry, usize)> {
        let first = t.lower(i);
        if first.is_empty() {
            return None;
        }
        let cands = self.by_first.get(first)?;
        'entries: for &e in cands {
            let entry = &self.entries[e];
            if !accept(entry) {
                continue;
            }
            for (k, tok) in entry.tokens.iter().enumerate().skip(1) {
                let j = i + k;
                // Symbols inside a surface (`US$`) must be glued; words may be spaced.
                let sym = t.kind(j) == Some(Kind::Sym);
                if (sym && !t.glued(j) && tok != "/") || !t.s(j).eq_ignore_ascii_case(tok) {
                    continue 'entries;
                }
            }
            return Some((entry, i + entry.tokens.len() - 1));
        }
        None
    }
}

/// Validate a currency dictionary: line-numbered problems.
pub fn check_currencies(text: &str, file: &str) -> Vec<DictIssue> {
    check(text, file, true)
}

/// Validate a unit dictionary: line-numbered problems.
pub fn check_units(text: &str, file: &str) -> Vec<DictIssue> {
    check(text, file, false)
}

fn check(text: &str, file: &str, currency: bool) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issue = |line: usize, message: String| DictIssue::new(file, line, message);
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let Some(f) = fields(line) else { continue };
        let max = if currency { 3 } else { 2 };
        if f.len() < 2 || f.len() > max {
            issues.push(issue(
                n,
                format!(
                    "expected {} tab-separated fields, found {}",
                    if currency { "2 or 3" } else { "2" },
                    f.len()
                ),
            ));
            continue;
        }
        let surface = f[0].trim();
        let value = f[1].trim();
        if surface.is_empty() {
            issues.push(issue(n, "empty surface form".into()));
            continue;
        }
        if surface != f[0] || value != f[1] {
            issues.push(issue(n, "stray spaces around a field".into()));
        }
        if currency {
            if value.len() != 3 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
                issues.push(issue(
                    n,
                    format!("`{value}` is not an ISO 4217 code (three capital letters)"),
                ));
            }
            if let Some(p) = f.get(2) {
                if !matches!(*p, "pre" | "post" | "both") {
                    issues.push(issue(
                        n,
                        format!("position `{p}` must be pre, post or both"),
                    ));
                }
            }
        } else if value.is_empty() || value.contains(['\t', '\n']) || value.contains("  ") {
            issues.push(issue(
                n,
                format!("unit `{value}` must be words separated by single spaces"),
            ));
        }
        let mut buf = [0u8; 48];
        let key = lower_in(surface, &mut buf).to_string();
        if let Some(prev) = seen.insert(key, n) {
            issues.push(issue(
                n,
                format!("`{surface}` is already defined on line {prev}"),
            ));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_dictionaries_are_clean() {
        assert_eq!(check_currencies(CURRENCIES, CURRENCIES_FILE), vec![]);
        assert_eq!(check_units(UNITS, UNITS_FILE), vec![]);
    }

    #[test]
    fn check_reports_line_numbers() {
        let bad = "# c\nRp\tIDR\tpre\nrupiah\tidr\nRp\tIDR\nx\n";
        let issues = check_currencies(bad, "c.tsv");
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 4, 5], "{issues:?}");
        assert!(issues[0].to_string().starts_with("c.tsv:3: "));
    }

    #[test]
    fn longest_match_wins() {
        let lx = Lexicon::parse(CURRENCIES);
        let s = "25 juta dolar AS (Rp329";
        let t = Toks::new(s, Span::new(0, s.len()));
        let (e, last) = lx.match_at(&t, 2, |e| e.position.post()).unwrap();
        assert_eq!((e.value.as_str(), last), ("USD", 3));
        let (e, _) = lx.match_at(&t, 5, |e| e.position.pre()).unwrap();
        assert_eq!(e.value, "IDR");
    }
}
