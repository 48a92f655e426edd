//! Deriving the lexicon and pattern table, and evaluating against form→root pairs.
//!
//! Used by `warta build-data roots` and `warta eval morph`; nothing here runs in the product.

use crate::hash::{fnv1a, FxMap};
use crate::{Analyser, Key};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Which part of the lemma pairs a form belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// 80% of forms: their roots go into the lexicon and their patterns into the pattern table.
    Train,
    /// The other 20%: held out for `warta eval morph --split test`.
    Test,
    All,
}

impl std::str::FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Split, String> {
        match s {
            "train" => Ok(Split::Train),
            "test" => Ok(Split::Test),
            "all" => Ok(Split::All),
            _ => Err(format!("unknown split {s:?} (train, test, all)")),
        }
    }
}

/// The split of a form: FNV-1a 64 of its UTF-8 bytes, modulo 10; 0-7 train, 8-9 test.
pub fn split_of(form: &str) -> Split {
    if fnv1a(form) % 10 < 8 {
        Split::Train
    } else {
        Split::Test
    }
}

pub fn in_split(form: &str, split: Split) -> bool {
    split == Split::All || split_of(form) == split
}

/// A root worth keeping: lower-case letters with optional inner hyphens, 2+ letters.
pub fn clean_root(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !w.starts_with('-')
        && !w.ends_with('-')
}

/// Lemmas of a CoNLL-U file with their UPOS, lower-cased; multi-word token lines skipped.
pub fn conllu_lemmas(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        out.push((cols[2].to_lowercase(), cols[3].to_string()));
    }
    out
}

/// The root lexicon: the roots of the TRAIN split of the lemma pairs, plus UD lemmas of open and
/// closed word classes (not PROPN/NUM/PUNCT/SYM/X) unless the pairs say the lemma is derived:
/// it is a train-split form, or it segments into a train-split root with affixes (UD keeps some
/// lexicalised derivations such as `pemerintah`, `peningkatan` as lemmas). Sorted, unique.
pub fn derive_roots(ud: &[(String, String)], pairs: &[(String, String)]) -> Vec<String> {
    let mut roots = BTreeSet::new();
    let mut derived = HashSet::new();
    for (form, root) in pairs {
        if split_of(form) == Split::Train {
            derived.insert(form.as_str());
            if clean_root(root) {
                roots.insert(root.clone());
            }
        }
    }
    let base: HashSet<&str> = roots.iter().map(String::as_str).collect();
    let mut extra = BTreeSet::new();
    for (lemma, upos) in ud {
        if matches!(upos.as_str(), "PROPN" | "NUM" | "PUNCT" | "SYM" | "X")
            || !clean_root(lemma)
            || base.contains(lemma.as_str())
            || derived.contains(lemma.as_str())
        {
            continue;
        }
        let mut segmentable = false;
        crate::gen::generate(lemma, &mut |r, k| {
            segmentable |= k != Key::default() && r.len() >= 3 && base.contains(r);
        });
        if !segmentable {
            extra.insert(lemma.clone());
        }
    }
    roots.extend(extra);
    roots.into_iter().collect()
}

/// Pattern counts over the TRAIN split: for each pair, the segmentations that yield the gold root
/// share one count.
pub fn derive_patterns(pairs: &[(String, String)]) -> Vec<(Key, f64)> {
    let mut counts: FxMap<Key, f64> = FxMap::default();
    let mut hits = Vec::new();
    for (form, root) in pairs {
        if split_of(form) != Split::Train {
            continue;
        }
        hits.clear();
        crate::gen::generate(form, &mut |r, k| {
            if r == root && !hits.contains(&k) {
                hits.push(k);
            }
        });
        let n = hits.len() as f64;
        for k in &hits {
            *counts.entry(*k).or_default() += 1.0 / n;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// `roots.txt` text: a provenance header, then one root a line.
pub fn roots_text(roots: &[String], ud_files: &[String]) -> String {
    let mut text = format!(
        "# warta-morph root lexicon, derived by `warta build-data roots`; do not edit (add roots to additions.txt).\n\
         # Sources: lemmas of UD Indonesian ({}; CC BY-SA 4.0) and the roots of the train split\n\
         # (FNV-1a(form) % 10 < 8) of nlp-id's lemma pairs (MIT). See README.md.\n",
        ud_files.join(", ")
    );
    for r in roots {
        text.push_str(r);
        text.push('\n');
    }
    text
}

/// `patterns.tsv` text: a header, then `label<TAB>count`, most frequent first.
pub fn patterns_text(patterns: &[(Key, f64)]) -> String {
    let mut s = String::from(
        "# warta-morph segmentation patterns: how often each pattern gives the gold root on the train split\n\
         # (FNV-1a(form) % 10 < 8) of nlp-id's lemma pairs; derived by `warta build-data roots`.\n\
         # label = prefix[+prefix]|infix|suffix|possessive|particle ('.' empty; mem~p: mem- dropped p)\n",
    );
    for (k, c) in patterns {
        s.push_str(&format!("{}\t{:.1}\n", k.label(), c));
    }
    s
}

/// "Verb" for the evaluation: a form with a verbal prefix (`me`, `di`, `ber`, `ter`; `memper-`
/// and `diper-` included) whose gold root is shorter than the form.
pub fn is_verb_form(form: &str, root: &str) -> bool {
    root.len() < form.len()
        && ["me", "di", "ber", "ter"]
            .iter()
            .any(|p| form.starts_with(p))
}

#[derive(Debug, Default, Clone)]
pub struct EvalReport {
    pub total: usize,
    pub correct: usize,
    pub verbs: usize,
    pub verbs_correct: usize,
    /// Gold root not in the lexicon.
    pub oov: usize,
    /// Gold root among the readings but not first.
    pub ranked_low: usize,
    /// (form, gold, got) for the first errors.
    pub errors: Vec<(String, String, String)>,
    /// Confusions: (gold pattern, chosen pattern) → count.
    pub confusions: BTreeMap<(String, String), usize>,
}

impl EvalReport {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.total.max(1) as f64
    }
    pub fn verb_accuracy(&self) -> f64 {
        self.verbs_correct as f64 / self.verbs.max(1) as f64
    }
}

/// Accuracy of the best reading's root against gold pairs in `split`.
pub fn evaluate<'p>(
    a: &Analyser<'_>,
    pairs: impl IntoIterator<Item = (&'p str, &'p str)>,
    split: Split,
) -> EvalReport {
    let mut r = EvalReport::default();
    for (form, gold) in pairs {
        if !in_split(form, split) {
            continue;
        }
        let readings = a.analyse(form);
        let ok = readings.first().is_some_and(|x| x.root == gold);
        let verb = is_verb_form(form, gold);
        r.total += 1;
        r.correct += ok as usize;
        if verb {
            r.verbs += 1;
            r.verbs_correct += ok as usize;
        }
        if !ok {
            if !a.is_root(gold) {
                r.oov += 1;
            } else if let Some(good) = readings.iter().find(|x| x.root == gold) {
                r.ranked_low += 1;
                let got = readings.first().map(|x| x.key.label()).unwrap_or_default();
                *r.confusions.entry((good.key.label(), got)).or_default() += 1;
            }
            if r.errors.len() < 200 {
                let got = readings.first().map(|x| x.gloss()).unwrap_or_default();
                r.errors.push((form.to_string(), gold.to_string(), got));
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_stable_and_roughly_80_20() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        let n = (0..10_000)
            .filter(|i| split_of(&format!("w{i}")) == Split::Train)
            .count();
        assert!((7_600..8_400).contains(&n), "{n}");
    }

    #[test]
    fn verb_definition() {
        assert!(is_verb_form("mengirim", "kirim"));
        assert!(is_verb_form("dibaca", "baca"));
        assert!(!is_verb_form("pembacaan", "baca"));
        assert!(!is_verb_form("meja", "meja"));
    }

    #[test]
    fn conllu_lemmas_skip_ranges_and_comments() {
        let t =
            "# c\n1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDibaca\tBaca\tVERB\tVB\t_\t0\troot\t_\t_\n";
        assert_eq!(
            conllu_lemmas(t),
            vec![("baca".to_string(), "VERB".to_string())]
        );
    }
}
