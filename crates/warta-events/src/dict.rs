//! The event dictionary (`data/verbs.tsv`): parsing, validation and the trigger index.

use crate::cameo::CameoTable;
use crate::morph;
use std::collections::HashMap;
use warta_core::DictIssue;

/// The embedded event dictionary.
pub const VERBS_TSV: &str = include_str!("../data/verbs.tsv");
/// Its name in `rule` fields and `warta dict check`.
pub const VERBS_NAME: &str = "verbs.tsv";

const FLAGS: [&str; 10] = [
    "verb",
    "need-target",
    "target-ke",
    "recv",
    "nosrc-ok",
    "sym",
    "instr",
    "partner",
    "deontic",
    "negated",
];

/// Words that start an explicit form but are nouns, not passive verbs.
const DI_NOUNS: [&str; 5] = ["diskusi", "dialog", "diplomasi", "dinas", "dialognya"];

/// Bare verbs (no verbal prefix) that act as predicates without a `verb` flag.
const BARE_VERBS: [&str; 14] = [
    "datang", "tiba", "hadir", "mundur", "keluar", "sepakat", "setuju", "mogok", "siap", "turut",
    "minta", "batal", "rusuh", "bentrok",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub verb: bool,
    pub need_target: bool,
    pub target_ke: bool,
    pub recv: bool,
    pub nosrc_ok: bool,
    /// One event each way (`sepakat dengan X`).
    pub sym: bool,
    /// The complement is the instrument, not the patient: in "Moskow ... sanksi yang
    /// dijatuhkan Barat" the target is the sentence's subject, however far.
    pub instr: bool,
    /// The target is only a partner behind `dengan`/`bersama`/`antara`: the direct object of
    /// `membahas X` is the topic, not the other party.
    pub partner: bool,
    /// A deontic modal (`harus`): its subject is the addressee of an appeal or demand whose
    /// source is the speaker (`..., kata X`; `X mengatakan A harus ...`).
    pub deontic: bool,
    /// The word itself states that something did not happen (`mangkir`: not answering a
    /// summons is a negated questioning): an asserted event becomes `negated`.
    pub negated: bool,
}

/// How a trigger form relates its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Subject = source, object = target (meN-, ber-, bare verbs).
    Active,
    /// Subject = target, `oleh X` / the noun after the verb = source (di-, ter-).
    Passive,
    /// An event noun: the genitive actor after it = source (`kunjungan Raja Salman ke Rusia`).
    Nominal,
}

/// One dictionary line.
#[derive(Debug, Clone)]
pub struct Entry {
    /// 1-based line in verbs.tsv.
    pub line: usize,
    pub cameo: String,
    /// Alternatives, each a sequence of lower-case words; empty = no complement needed.
    pub complements: Vec<Vec<String>>,
    pub flags: Flags,
}

/// A way a dictionary form can start at a token.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub entry: usize,
    /// The words after the head, matched word for word.
    pub rest: Vec<String>,
    pub voice: Voice,
}

/// The loaded dictionary: entries and an index from head word to triggers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub heads: HashMap<String, Vec<Trigger>>,
}

fn parse_flags(s: &str) -> Result<Flags, String> {
    let mut f = Flags::default();
    if s.trim() == "-" || s.trim().is_empty() {
        return Ok(f);
    }
    for flag in s.split(',').map(str::trim) {
        match flag {
            "verb" => f.verb = true,
            "need-target" => f.need_target = true,
            "target-ke" => f.target_ke = true,
            "recv" => f.recv = true,
            "nosrc-ok" => f.nosrc_ok = true,
            "sym" => f.sym = true,
            "instr" => f.instr = true,
            "partner" => f.partner = true,
            "deontic" => f.deontic = true,
            "negated" => f.negated = true,
            other => {
                return Err(format!(
                    "unknown flag {other:?} (known: {})",
                    FLAGS.join(", ")
                ))
            }
        }
    }
    Ok(f)
}

fn words(s: &str) -> Vec<String> {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn bad_phrase(s: &str) -> Option<String> {
    if s.trim().is_empty() {
        return Some("empty form".into());
    }
    if s != s.trim() || s.contains("  ") {
        return Some(format!("stray spaces in {s:?}"));
    }
    if s.chars().any(|c| c.is_uppercase()) {
        return Some(format!("{s:?}: forms are written in lower case"));
    }
    if s.chars()
        .any(|c| !(c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '='))
    {
        return Some(format!("{s:?}: unexpected character"));
    }
    None
}

/// The voice of an explicitly written form's head word.
fn voice_of(head: &str, flags: Flags) -> Voice {
    if flags.verb || flags.deontic || BARE_VERBS.contains(&head) {
        return Voice::Active;
    }
    if head.starts_with("di") && !DI_NOUNS.contains(&head) && head.len() > 4 {
        return Voice::Passive;
    }
    if head.starts_with("me")
        || head.starts_with("ber")
        || head.starts_with("ter")
        || head.starts_with("bek")
        || head.starts_with("bel")
    {
        return Voice::Active;
    }
    Voice::Nominal
}

struct Line<'a> {
    forms: Vec<&'a str>,
    complement: &'a str,
    cameo: &'a str,
    flags: Result<Flags, String>,
}

fn split_line(line: &str) -> Option<Result<Line<'_>, String>> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return None;
    }
    let f: Vec<&str> = line.split('\t').collect();
    if !(4..=5).contains(&f.len()) {
        return Some(Err(format!(
            "expected 4 or 5 tab-separated columns (trigger, complement, cameo, flags, note), found {}",
            f.len()
        )));
    }
    Some(Ok(Line {
        forms: f[0].split(',').map(str::trim).collect(),
        complement: f[1].trim(),
        cameo: f[2].trim(),
        flags: parse_flags(f[3]),
    }))
}

impl Lexicon {
    /// Build from a dictionary text; lines with problems are skipped (see [`check`]).
    pub fn parse(text: &str, cameo: &CameoTable) -> Lexicon {
        let mut lex = Lexicon::default();
        for (i, raw) in text.lines().enumerate() {
            let Some(Ok(line)) = split_line(raw) else {
                continue;
            };
            let Ok(flags) = line.flags else { continue };
            if !cameo.contains(line.cameo) {
                continue;
            }
            let complements = if line.complement == "-" || line.complement.is_empty() {
                Vec::new()
            } else {
                line.complement
                    .split('|')
                    .map(|c| words(c.trim()))
                    .collect()
            };
            let entry = lex.entries.len();
            lex.entries.push(Entry {
                line: i + 1,
                cameo: line.cameo.to_string(),
                complements,
                flags,
            });
            for form in &line.forms {
                if bad_phrase(form).is_some() {
                    continue;
                }
                let (exact, form) = match form.strip_prefix('=') {
                    Some(f) => (true, f),
                    None => (false, *form),
                };
                let mut ws = words(form);
                if ws.is_empty() {
                    continue;
                }
                let head = ws.remove(0);
                let voice = voice_of(&head, flags);
                if !exact && voice == Voice::Active {
                    for p in morph::passive_forms(&head) {
                        lex.add(p, entry, ws.clone(), Voice::Passive);
                    }
                }
                lex.add(head, entry, ws, voice);
            }
        }
        lex
    }

    fn add(&mut self, head: String, entry: usize, rest: Vec<String>, voice: Voice) {
        let v = self.heads.entry(head).or_default();
        if !v
            .iter()
            .any(|t| t.entry == entry && t.rest == rest && t.voice == voice)
        {
            v.push(Trigger { entry, rest, voice });
        }
    }

    /// The dictionary compiled into the binary.
    pub fn embedded(cameo: &CameoTable) -> Lexicon {
        Self::parse(VERBS_TSV, cameo)
    }

    /// Triggers whose head is this lower-case word.
    pub fn lookup(&self, word: &str) -> &[Trigger] {
        self.heads.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Validate a verbs.tsv text against the embedded CAMEO table.
pub fn check(text: &str, file: &str) -> Vec<DictIssue> {
    check_with(text, file, &CameoTable::embedded())
}

/// Validate a verbs.tsv text: columns, CAMEO codes, flags, forms, complements, duplicates.
pub fn check_with(text: &str, file: &str, cameo: &CameoTable) -> Vec<DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let mut push = |m: String| {
            issues.push(DictIssue {
                file: file.to_string(),
                line: n,
                message: m,
            })
        };
        let line = match split_line(raw) {
            None => continue,
            Some(Err(e)) => {
                push(e);
                continue;
            }
            Some(Ok(l)) => l,
        };
        if !cameo.contains(line.cameo) {
            push(format!("unknown CAMEO code {:?}", line.cameo));
        }
        if let Err(e) = &line.flags {
            push(e.clone());
        }
        let comps: Vec<&str> = if line.complement == "-" {
            vec![""]
        } else if line.complement.is_empty() {
            push("empty complement: write '-' for none".into());
            vec![""]
        } else {
            line.complement.split('|').collect()
        };
        for c in &comps {
            if !c.is_empty() {
                if let Some(e) = bad_phrase(c) {
                    push(format!("bad complement: {e}"));
                }
            }
        }
        for form in &line.forms {
            if let Some(e) = bad_phrase(form) {
                push(format!("bad trigger form: {e}"));
                continue;
            }
            for c in &comps {
                let key = (form.trim_start_matches('=').to_string(), c.to_string());
                if let Some(prev) = seen.insert(key, n) {
                    if prev != n {
                        push(format!(
                            "duplicate: {form:?}{} is already on line {prev}",
                            if c.is_empty() {
                                String::new()
                            } else {
                                format!(" with complement {c:?}")
                            }
                        ));
                    } else {
                        push(format!("{form:?} listed twice on this line"));
                    }
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
    fn embedded_dictionary_is_clean_and_large() {
        let issues = check(VERBS_TSV, VERBS_NAME);
        assert!(issues.is_empty(), "{:#?}", &issues[..issues.len().min(20)]);
        let lex = Lexicon::embedded(&CameoTable::embedded());
        assert!(
            lex.entries.len() >= 600,
            "only {} entries",
            lex.entries.len()
        );
        let roots: std::collections::BTreeSet<&str> =
            lex.entries.iter().map(|e| &e.cameo[..2]).collect();
        assert_eq!(roots.len(), 20, "roots covered: {roots:?}");
    }

    #[test]
    fn passive_forms_share_the_entry() {
        let lex = Lexicon::embedded(&CameoTable::embedded());
        let t = lex.lookup("dijatuhkan");
        assert!(t.iter().any(|t| t.voice == Voice::Passive
            && lex.entries[t.entry].cameo == "163"
            && !lex.entries[t.entry].complements.is_empty()));
        assert!(lex
            .lookup("kunjungan")
            .iter()
            .any(|t| t.voice == Voice::Nominal));
        assert!(lex
            .lookup("berkunjung")
            .iter()
            .any(|t| t.voice == Voice::Active));
    }

    #[test]
    fn check_reports_line_numbers() {
        let text = "# c\nmenyerang\t-\t190\t-\tx\nmenyerang\t-\t190\t-\tdup\nfoo\t-\t999\t-\nbar\t-\t190\tweird\nBaz\t-\t190\t-\n";
        let issues = check(text, "v.tsv");
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6], "{issues:#?}");
        assert!(issues[0].message.contains("line 2"));
    }
}
