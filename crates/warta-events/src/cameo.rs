//! The CAMEO code table: code, name, Goldstein weight, QuadClass and PLOVER category.
//!
//! `data/cameo.tsv` is derived by `warta build-data cameo` ([`build_table`]) from the CAMEO
//! manual's code list, the Goldstein scale and the CAMEO→PLOVER table; see the crate README.

use std::collections::HashMap;
use warta_core::DictIssue;

/// The embedded, derived table.
pub const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Option<String>,
}

/// QuadClass of a code from its two-digit root: 01-05 verbal cooperation (1), 06-08 material
/// cooperation (2), 09-14 verbal conflict (3), 15-20 material conflict (4).
pub fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=14) => 3,
        Some(15..=20) => 4,
        _ => 0,
    }
}

/// The loaded table, keyed by code.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

impl CameoTable {
    /// Parse a table in the `cameo.tsv` format; malformed lines are skipped (see [`check`]).
    pub fn parse(text: &str) -> Self {
        let mut codes = HashMap::new();
        for line in text.lines() {
            if let Some(c) = parse_line(line) {
                codes.insert(c.code.clone(), c);
            }
        }
        CameoTable { codes }
    }

    /// The table compiled into the binary.
    pub fn embedded() -> Self {
        Self::parse(CAMEO_TSV)
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

fn parse_line(line: &str) -> Option<CameoCode> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 5 || f[0] == "code" {
        return None;
    }
    Some(CameoCode {
        code: f[0].to_string(),
        name: f[1].to_string(),
        goldstein: f[2].parse().ok()?,
        quad_class: f[3].parse().ok()?,
        plover: (!f[4].is_empty()).then(|| f[4].to_string()),
    })
}

/// Validate a `cameo.tsv` text: five tab-separated fields, digit codes, numeric weights.
pub fn check(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let issue = |m: String| DictIssue {
            file: file.to_string(),
            line: n,
            message: m,
        };
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("code\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 {
            issues.push(issue(format!(
                "expected 5 tab-separated fields, found {}",
                f.len()
            )));
            continue;
        }
        if !(2..=4).contains(&f[0].len()) || !f[0].bytes().all(|b| b.is_ascii_digit()) {
            issues.push(issue(format!("bad CAMEO code {:?}", f[0])));
        }
        if f[2]
            .parse::<f32>()
            .map_or(true, |g| !(-10.0..=10.0).contains(&g))
        {
            issues.push(issue(format!("bad Goldstein weight {:?}", f[2])));
        }
        if f[3].parse::<u8>().ok() != Some(quad_class(f[0])) {
            issues.push(issue(format!(
                "QuadClass {:?} does not match code {}",
                f[3], f[0]
            )));
        }
        if let Some(prev) = seen.insert(f[0].to_string(), n) {
            issues.push(issue(format!(
                "duplicate code {} (first on line {prev})",
                f[0]
            )));
        }
    }
    issues
}

/// Derive our compact table from the three reference texts: the CAMEO manual (LaTeX; its
/// "CAMEO EVENT CODES" chapter lists `NNN: Name` lines), the Goldstein scale TSV and the
/// CAMEO→PLOVER table (`NNN: CATEGORY, mode, context # comment`).
///
/// Every code of the manual is kept; a code without its own Goldstein weight or PLOVER
/// category inherits its parent's (`0211` → `021` → `02`).
pub fn build_table(manual: &str, goldstein: &str, plover: &str) -> String {
    let mut names: Vec<(String, String)> = Vec::new();
    for line in manual.lines() {
        let l = line.trim();
        let l = l.strip_prefix("\\indent").unwrap_or(l).trim();
        let l = l.strip_prefix("\\textbf{").unwrap_or(l);
        let Some((code, rest)) = l.split_once(':') else {
            continue;
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let name = rest
            .trim()
            .trim_end_matches('\\')
            .trim_end_matches('}')
            .trim()
            .replace("\\&", "&")
            .replace("``", "\"")
            .replace("''", "\"");
        if name.is_empty() || names.iter().any(|(c, _)| c == code) {
            continue;
        }
        names.push((code.to_string(), name));
    }
    let mut gold: HashMap<&str, f32> = HashMap::new();
    for line in goldstein.lines() {
        if let Some((c, g)) = line.split_once('\t') {
            if let Ok(g) = g.trim().parse::<f32>() {
                gold.insert(c.trim(), g);
            }
        }
    }
    let mut plov: HashMap<&str, String> = HashMap::new();
    for line in plover.lines() {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let cat = rest.split(['#', ',']).next().unwrap_or("").trim();
        if !cat.is_empty() {
            // The first mapping of a code wins (the file lists a few codes twice).
            plov.entry(code).or_insert_with(|| cat.to_string());
        }
    }
    fn inherit<T: Clone>(m: &HashMap<&str, T>, code: &str) -> Option<T> {
        let mut c = code;
        loop {
            if let Some(v) = m.get(c) {
                return Some(v.clone());
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }
    let mut out = String::from(
        "# CAMEO event codes: code, name, Goldstein weight, QuadClass, PLOVER category.\n\
         # Derived by `warta build-data cameo` from CAMEO.Manual.1.1b3.tex (names),\n\
         # CAMEO.goldsteinscale.tsv (weights) and CAMEO2PLOVER-2021.txt (PLOVER); do not edit by hand.\n\
         code\tname\tgoldstein\tquad_class\tplover\n",
    );
    for (code, name) in &names {
        let g = inherit(&gold, code).unwrap_or(0.0);
        let p = inherit(&plov, code).unwrap_or_default();
        out.push_str(&format!(
            "{code}\t{name}\t{g:.1}\t{}\t{p}\n",
            quad_class(code)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes_follow_roots() {
        assert_eq!(quad_class("042"), 1);
        assert_eq!(quad_class("073"), 2);
        assert_eq!(quad_class("1121"), 3);
        assert_eq!(quad_class("190"), 4);
        assert_eq!(quad_class("x"), 0);
    }

    #[test]
    fn builds_and_inherits() {
        let manual = "\\textbf{04: CONSULT}\\\\\n040: Consult, not specified below\\\\\n\\indent 0401: Made up\\\\\n";
        let gold = "CAMEOEVENTCODE\tGOLDSTEINSCALE\n04\t1.0\n040\t1.0\n";
        let plover = "040: CONSULT, ,  # Consult\n";
        let t = build_table(manual, gold, plover);
        let table = CameoTable::parse(&t);
        assert_eq!(table.len(), 3);
        let c = table.get("0401").unwrap();
        assert_eq!(c.goldstein, 1.0);
        assert_eq!(c.plover.as_deref(), Some("CONSULT"));
        assert_eq!(c.quad_class, 1);
        assert!(check(&t, "t").is_empty());
    }

    #[test]
    fn embedded_table_is_complete_and_valid() {
        let t = CameoTable::embedded();
        assert!(t.len() >= 290, "only {} codes", t.len());
        for root in 1..=20 {
            assert!(t.contains(&format!("{root:02}")), "root {root:02} missing");
        }
        assert_eq!(t.get("163").unwrap().quad_class, 4);
        assert!(check(CAMEO_TSV, "cameo.tsv").is_empty());
    }

    #[test]
    fn check_reports_lines() {
        let issues = check(
            "code\tname\tgoldstein\tquad_class\tplover\n04x\tA\t1.0\t1\t\n",
            "f",
        );
        assert_eq!(issues[0].line, 2);
    }
}
