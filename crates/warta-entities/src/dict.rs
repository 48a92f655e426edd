//! The gazetteer files: their line formats, parsers and validators.
//!
//! Every file is UTF-8 text, one entry a line, `#` starts a comment, blank lines are ignored,
//! columns are separated by TABs and aliases inside a column by ` | `. Each parsed entry keeps
//! its 1-based line number so that what it produces can name `file:line` in its `rule`.
//!
//! | file | columns |
//! | --- | --- |
//! | `countries.tsv` (generated) | `ISO3  name_id  name_en` |
//! | `country-aliases.tsv` | `ISO3  alias | alias ...` |
//! | `actors.tsv` | `CODE  TYPE  alias | alias ...` (TYPE = PER, ORG or LOC) |
//! | `roles.tsv` | `AGENT  KIND  phrase | phrase ...` (AGENT = CAMEO role such as GOV, or `PREFIX`; KIND = PER or ORG) |
//! | `people.tsv` | `name | alias ...  CODE@from..to; CODE@from..; CODE` |
//! | `exonyms.tsv` | `exonym  GeoNames name  ISO3` |
//! | `centroids.tsv` | `ISO3  lat  lon  [geonameid]` |
//! | `not-places.tsv` | `word` (place names never matched in running text) |

use std::collections::HashMap;
use warta_core::DictIssue;

/// One parsed line: its 1-based number and its TAB-separated columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub number: usize,
    pub cols: Vec<&'a str>,
}

/// Data lines of a file (comments and blank lines skipped; a trailing `# comment` removed).
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let body = match raw.find(" #").or_else(|| raw.find("\t#")) {
            Some(p) => &raw[..p],
            None => raw,
        };
        let body = body.trim_end();
        if body.trim().is_empty() || body.trim_start().starts_with('#') {
            return None;
        }
        Some(Line {
            number: i + 1,
            cols: body.split('\t').map(str::trim).collect(),
        })
    })
}

/// The aliases of a column: ` | `-separated, trimmed, empty ones dropped.
pub fn aliases(col: &str) -> impl Iterator<Item = &str> {
    col.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// A CAMEO actor code: one or more upper-case three-letter groups (`RUS`, `IDNGOV`, `IGOUNO`).
pub fn valid_code(code: &str) -> bool {
    matches!(code.len(), 3 | 6 | 9 | 12 | 15 | 18) && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// CAMEO role (agent) codes the role file may use.
pub const AGENTS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "CVL", "REF", "BUS", "MED", "EDU",
    "LAB", "AGR", "ELI", "SPY", "CRM", "HLH", "REL", "MOD", "RAD", "UAF", "NGO", "IGO", "PTY",
    "DEV", "ENV", "HRI", "SEP", "LEG", "PPL", "MNC", "NGM", "AMN",
];

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, padded to the start (`lo`) or end (`hi`) of its period.
pub fn parse_date(s: &str, hi: bool) -> Option<String> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if num(y, 4) => Some(if hi {
            format!("{y}-12-31")
        } else {
            format!("{y}-01-01")
        }),
        [y, m] if num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().ok()?) => {
            Some(if hi {
                format!("{y}-{m}-31")
            } else {
                format!("{y}-{m}-01")
            })
        }
        [y, m, d]
            if num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().ok()?)
                && (1..=31).contains(&d.parse::<u8>().ok()?) =>
        {
            Some(format!("{y}-{m}-{d}"))
        }
        _ => None,
    }
}

/// One dated office of a person: the code held from `from` to `to` (inclusive, `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub code: String,
    pub from: String,
    pub to: String,
}

/// A person: names, dated offices and the code outside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub line: usize,
    pub names: Vec<String>,
    pub offices: Vec<Office>,
    pub default: Option<String>,
}

impl Person {
    /// The code for a date interval `[lo, hi]` (`YYYY-MM-DD` strings): the first office that
    /// overlaps it, else the explicit default, else the first office's country as `ELI`.
    pub fn code_at(&self, lo: &str, hi: &str) -> Option<String> {
        if let Some(o) = self
            .offices
            .iter()
            .find(|o| o.from.as_str() <= hi && lo <= o.to.as_str())
        {
            return Some(o.code.clone());
        }
        if let Some(d) = &self.default {
            return Some(d.clone());
        }
        self.offices
            .first()
            .map(|o| format!("{}ELI", &o.code[..3.min(o.code.len())]))
    }
}

/// Parse the offices column: `CODE@from..to; CODE@from..; CODE`.
pub fn parse_offices(col: &str) -> Result<(Vec<Office>, Option<String>), String> {
    let mut offices = Vec::new();
    let mut default = None;
    for item in col.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        match item.split_once('@') {
            Some((code, range)) => {
                let code = code.trim();
                if !valid_code(code) {
                    return Err(format!("bad actor code `{code}`"));
                }
                let Some((a, b)) = range.trim().split_once("..") else {
                    return Err(format!("bad date range `{range}` (want from..to)"));
                };
                let from = parse_date(a.trim(), false)
                    .ok_or_else(|| format!("bad date `{a}` in range `{range}`"))?;
                let to = if b.trim().is_empty() {
                    "9999-12-31".to_string()
                } else {
                    parse_date(b.trim(), true)
                        .ok_or_else(|| format!("bad date `{b}` in range `{range}`"))?
                };
                if to < from {
                    return Err(format!("bad date range `{range}`: ends before it starts"));
                }
                offices.push(Office {
                    code: code.to_string(),
                    from,
                    to,
                });
            }
            None => {
                if !valid_code(item) {
                    return Err(format!("bad actor code `{item}`"));
                }
                if default.is_some() {
                    return Err("more than one undated default code".to_string());
                }
                default = Some(item.to_string());
            }
        }
    }
    if offices.is_empty() && default.is_none() {
        return Err("no code".to_string());
    }
    Ok((offices, default))
}

/// Which format a file has, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Countries,
    CountryAliases,
    Actors,
    Roles,
    People,
    Exonyms,
    Centroids,
    NotPlaces,
}

impl Format {
    pub fn of(file: &str) -> Option<Format> {
        let name = file.rsplit('/').next().unwrap_or(file);
        Some(match name {
            "countries.tsv" => Format::Countries,
            "country-aliases.tsv" => Format::CountryAliases,
            "actors.tsv" => Format::Actors,
            "roles.tsv" => Format::Roles,
            "people.tsv" => Format::People,
            "exonyms.tsv" => Format::Exonyms,
            "centroids.tsv" => Format::Centroids,
            "not-places.tsv" => Format::NotPlaces,
            _ => return None,
        })
    }
    fn columns(self) -> (usize, usize) {
        match self {
            Format::Countries => (3, 3),
            Format::CountryAliases => (2, 2),
            Format::Actors | Format::Roles | Format::Exonyms => (3, 3),
            Format::People => (2, 2),
            Format::Centroids => (3, 4),
            Format::NotPlaces => (1, 1),
        }
    }
}

/// Validate a gazetteer file; `file` names it in the issues and selects the format.
pub fn check(text: &str, file: &str) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let issue = |line: usize, message: String| DictIssue {
        file: file.to_string(),
        line,
        message,
    };
    let Some(format) = Format::of(file) else {
        issues.push(issue(0, "unknown gazetteer file name".to_string()));
        return issues;
    };
    let (min, max) = format.columns();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut dup = |alias: &str, line: usize, issues: &mut Vec<DictIssue>| {
        let key = alias.to_lowercase();
        if let Some(&first) = seen.get(&key) {
            if first == line {
                return; // the same name twice on one line (e.g. Indonesian = English name)
            }
            issues.push(issue(
                line,
                format!("duplicate alias `{alias}` (first on line {first})"),
            ));
        } else {
            seen.insert(key, line);
        }
    };
    for l in lines(text) {
        let n = l.number;
        if l.cols.len() < min || l.cols.len() > max {
            issues.push(issue(
                n,
                format!(
                    "wrong column count: {} (want {}{})",
                    l.cols.len(),
                    min,
                    if max > min {
                        format!("-{max}")
                    } else {
                        String::new()
                    }
                ),
            ));
            continue;
        }
        let c = &l.cols;
        match format {
            Format::Countries | Format::CountryAliases => {
                if !(c[0].len() == 3 && valid_code(c[0])) {
                    issues.push(issue(n, format!("bad country code `{}`", c[0])));
                }
                for a in c[1..].iter().flat_map(|col| aliases(col)) {
                    dup(a, n, &mut issues);
                }
            }
            Format::Actors => {
                if !valid_code(c[0]) {
                    issues.push(issue(n, format!("bad actor code `{}`", c[0])));
                }
                if !matches!(c[1], "PER" | "ORG" | "LOC") {
                    issues.push(issue(n, format!("bad type `{}` (PER, ORG or LOC)", c[1])));
                }
                let mut any = false;
                for a in aliases(c[2]) {
                    any = true;
                    dup(a, n, &mut issues);
                }
                if !any {
                    issues.push(issue(n, "no alias".to_string()));
                }
            }
            Format::Roles => {
                let fixed_country = c[0].len() == 6
                    && valid_code(c[0])
                    && !AGENTS.contains(&&c[0][..3])
                    && AGENTS.contains(&&c[0][3..]);
                if c[0] != "PREFIX"
                    && !fixed_country
                    && !c[0].split('+').all(|a| AGENTS.contains(&a))
                {
                    issues.push(issue(n, format!("bad role code `{}`", c[0])));
                }
                if !matches!(c[1], "PER" | "ORG") {
                    issues.push(issue(n, format!("bad kind `{}` (PER or ORG)", c[1])));
                }
                let mut any = false;
                for a in aliases(c[2]) {
                    any = true;
                    dup(a, n, &mut issues);
                }
                if !any {
                    issues.push(issue(n, "no phrase".to_string()));
                }
            }
            Format::People => {
                let mut any = false;
                for a in aliases(c[0]) {
                    any = true;
                    dup(a, n, &mut issues);
                }
                if !any {
                    issues.push(issue(n, "no name".to_string()));
                }
                if let Err(e) = parse_offices(c[1]) {
                    issues.push(issue(n, e));
                }
            }
            Format::Exonyms => {
                dup(c[0], n, &mut issues);
                if c[1].is_empty() {
                    issues.push(issue(n, "empty GeoNames name".to_string()));
                }
                if !(c[2].len() == 3 && valid_code(c[2])) {
                    issues.push(issue(n, format!("bad country code `{}`", c[2])));
                }
            }
            Format::NotPlaces => dup(c[0], n, &mut issues),
            Format::Centroids => {
                if !(c[0].len() == 3 && valid_code(c[0])) {
                    issues.push(issue(n, format!("bad country code `{}`", c[0])));
                }
                dup(c[0], n, &mut issues);
                let lat = c[1]
                    .parse::<f64>()
                    .ok()
                    .filter(|v| (-90.0..=90.0).contains(v));
                let lon = c[2]
                    .parse::<f64>()
                    .ok()
                    .filter(|v| (-180.0..=180.0).contains(v));
                if lat.is_none() || lon.is_none() {
                    issues.push(issue(n, format!("bad coordinates `{}` `{}`", c[1], c[2])));
                }
                if c.len() == 4 && !c[3].is_empty() && c[3].parse::<u32>().is_err() {
                    issues.push(issue(n, format!("bad geonameid `{}`", c[3])));
                }
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(valid_code("RUS"));
        assert!(valid_code("IDNGOV"));
        assert!(!valid_code("RU"));
        assert!(!valid_code("idn"));
        assert!(!valid_code("IDNGO"));
    }

    #[test]
    fn dates_and_offices() {
        assert_eq!(parse_date("2014", true).as_deref(), Some("2014-12-31"));
        assert_eq!(parse_date("2014-10", false).as_deref(), Some("2014-10-01"));
        assert_eq!(parse_date("2014-13", false), None);
        let (o, d) =
            parse_offices("RUSGOV@2008-05-07..2012-05-07; RUSGOV@2012-05-08..2020-01-16; RUSELI")
                .unwrap();
        assert_eq!(o.len(), 2);
        assert_eq!(d.as_deref(), Some("RUSELI"));
        assert!(parse_offices("RUSGOV@2012..2008").is_err());
        assert!(parse_offices("rusgov@2012..").is_err());
        let p = Person {
            line: 1,
            names: vec!["X".into()],
            offices: o,
            default: None,
        };
        assert_eq!(
            p.code_at("2011-01-01", "2011-12-31").as_deref(),
            Some("RUSGOV")
        );
        assert_eq!(
            p.code_at("2021-01-01", "2021-01-01").as_deref(),
            Some("RUSELI")
        );
    }

    #[test]
    fn check_reports_line_numbers() {
        let text =
            "# c\nRUSGOV\tORG\tKremlin\nRUSGOV\tORG\tkremlin\nrus\tORG\tX\nRUS\tFOO\tY\nRUS\tLOC\n";
        let issues = check(text, "actors.tsv");
        let got: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.message.as_str()))
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, 3);
        assert!(got[0].1.contains("duplicate"));
        assert_eq!(got[1].0, 4);
        assert_eq!(got[2].0, 5);
        assert_eq!(got[3].0, 6);
        assert!(got[3].1.contains("column"));
    }

    #[test]
    fn check_people() {
        let text = "Joko Widodo | Jokowi\tIDNGOV@2014-10-20..2024-10-20; IDNELI\nJokowi\tIDNGOV@2024..2014\n";
        let issues = check(text, "people.tsv");
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert!(issues.iter().all(|i| i.line == 2));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The validators never panic, and every issue names a real line of the input.
        #[test]
        fn check_is_total(text in "[A-Za-z0-9 |@.;#\t\n-]{0,300}", which in 0usize..8) {
            let files = ["countries.tsv", "country-aliases.tsv", "actors.tsv", "roles.tsv",
                "people.tsv", "exonyms.tsv", "centroids.tsv", "not-places.tsv"];
            let n = text.lines().count();
            for i in check(&text, files[which]) {
                prop_assert!(i.line >= 1 && i.line <= n, "{i}");
            }
        }

        /// A well-formed office list parses and its dates are ordered.
        #[test]
        fn offices_round_trip(y1 in 1950u16..2030, d in 0u16..30, code in "[A-Z]{3}(GOV|MIL|COP)?") {
            let col = format!("{code}@{y1}..{}", y1 + d);
            let (o, def) = parse_offices(&col).unwrap();
            prop_assert_eq!(o.len(), 1);
            prop_assert!(def.is_none());
            prop_assert!(o[0].from <= o[0].to);
        }
    }
}
