//! Entity lexicon learnt from the NER training splits (Ratinov & Roth 2009, "Design
//! challenges and misconceptions in named entity recognition"): which lower-cased word
//! sequences were tagged PER / ORG / LOC how often, and how often the sequence occurs at all.
//! Features (template version `ner-10`) mark the tokens of the longest lexicon match with its
//! dominant type, how reliably it is an entity and how often it was seen.
//!
//! The model must not learn from a lexicon that contains the very sentence it is trained on
//! (the feature would be a perfect copy of the gold label), so training uses jackknifed
//! lexicons ([`Jackknife`]): each training file is cut into `k` contiguous blocks, and a
//! sentence of block `f` sees counts from every block but its own. Tagging uses the full table
//! (`model/ner-entities.tsv`, counts only, written by `warta train ner --build-entities`).
//!
//! Table format: `words<TAB>PER<TAB>ORG<TAB>LOC<TAB>ANY`, the words lower-cased and joined by
//! single spaces, the counts of the sequence tagged as each type and of its occurrences in
//! the training text (tagged or not); `#` comments.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use warta_learn::hash::{combine, feature, feature_with};

use super::conll::GoldSentence;
use super::features::Word;

/// The longest entity (in words) the lexicon keeps.
pub const MAX_LEN: usize = 6;

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Counts of one word sequence: tagged PER, ORG, LOC; occurrences in all.
pub type Counts = [u32; 4];

/// The key of a word sequence from its words' hashes (`feature_with(0, lower)`).
#[inline]
fn extend(acc: u64, word: u64) -> u64 {
    combine(acc, word)
}

const SEED: u64 = 0x6c65_7869_636f_6e31;

/// A lookup table from word sequences to their counts; every proper prefix of an entry is
/// present too (with zero counts unless it is an entry itself), so matching stops early.
#[derive(Debug, Clone, Default)]
pub struct EntityLexicon {
    map: IdMap<Counts>,
    entries: usize,
    /// Per word (hash): how often it is inside a PER / ORG / LOC entry, and its occurrences
    /// (the `ANY` of its one-word row, `ner-11`).
    tokens: IdMap<Counts>,
}

impl EntityLexicon {
    /// Parse a table (see the module documentation); malformed lines are skipped (see
    /// [`check`]).
    pub fn parse(text: &str) -> EntityLexicon {
        let mut lex = EntityLexicon::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 5 {
                continue;
            }
            let mut c = [0u32; 4];
            let mut ok = true;
            for (k, v) in f[1..].iter().enumerate() {
                match v.trim().parse() {
                    Ok(n) => c[k] = n,
                    Err(_) => ok = false,
                }
            }
            if ok {
                let words: Vec<&str> = f[0].split(' ').filter(|w| !w.is_empty()).collect();
                lex.add(&words, c);
            }
        }
        lex
    }

    fn add<S: AsRef<str>>(&mut self, words: &[S], c: Counts) {
        if words.is_empty() || words.len() > MAX_LEN {
            return;
        }
        let mut key = SEED;
        for (i, w) in words.iter().enumerate() {
            let h = feature_with(0, w.as_ref());
            let t = self.tokens.entry(h).or_default();
            for k in 0..3 {
                t[k] = t[k].saturating_add(c[k]);
            }
            if words.len() == 1 {
                t[3] = t[3].saturating_add(c[3]);
            }
            key = extend(key, h);
            let e = self.map.entry(key).or_default();
            if i + 1 == words.len() {
                if e[..3].iter().all(|&n| n == 0) {
                    self.entries += 1;
                }
                for k in 0..4 {
                    e[k] = e[k].saturating_add(c[k]);
                }
            }
        }
    }

    /// Number of entries (word sequences tagged at least once).
    pub fn len(&self) -> usize {
        self.entries
    }

    /// Whether the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Mark `words` with lexicon features: `out[i]` gets up to [`PER_TOKEN`] feature keys
    /// (0 = none) for token `i`. Matches are found left to right, longest first; a match
    /// needs at least one tagged occurrence.
    pub fn mark(&self, words: &[Word<'_>], tokens: bool, out: &mut Vec<[u64; PER_TOKEN]>) {
        self.mark_with(words, true, tokens, out)
    }

    /// [`EntityLexicon::mark`] with the sequence matches (`spans`) and the word-level priors
    /// (`tokens`) each optional.
    pub fn mark_with(
        &self,
        words: &[Word<'_>],
        spans: bool,
        tokens: bool,
        out: &mut Vec<[u64; PER_TOKEN]>,
    ) {
        out.clear();
        out.resize(words.len(), [0; PER_TOKEN]);
        if self.map.is_empty() {
            return;
        }
        let t = templates();
        if tokens {
            // Word-level prior: how often the word is part of an entity of each type.
            for (w, slot) in words.iter().zip(out.iter_mut()) {
                let Some(c) = self.tokens.get(&feature_with(0, w.lower)) else {
                    continue;
                };
                let inside = c[0] + c[1] + c[2];
                if inside == 0 {
                    continue;
                }
                let (ty, &top) = c[..3]
                    .iter()
                    .enumerate()
                    .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(k)))
                    .unwrap_or((0, &0));
                let tyk = ty as u64 + 1;
                let reliab = bucket(inside, c[3].max(inside));
                let cap = u64::from(w.surface.chars().next().is_some_and(char::is_uppercase));
                slot[4] = combine(t.tok, (tyk * 8 + reliab) * 4 + bucket(top, inside));
                slot[5] = combine(t.tok_cap, (tyk * 8 + reliab) * 4 + cap);
            }
        }
        let mut i = if spans { 0 } else { words.len() };
        while i < words.len() {
            let mut key = SEED;
            let mut best: Option<(usize, Counts)> = None;
            for (j, w) in words[i..words.len().min(i + MAX_LEN)].iter().enumerate() {
                key = extend(key, feature_with(0, w.lower));
                match self.map.get(&key) {
                    None => break,
                    Some(c) if c[..3].iter().any(|&n| n > 0) => best = Some((i + j + 1, *c)),
                    Some(_) => {}
                }
            }
            let Some((end, c)) = best else {
                i += 1;
                continue;
            };
            let tagged = c[0] + c[1] + c[2];
            let (ty, &top) = c[..3]
                .iter()
                .enumerate()
                .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(k)))
                .unwrap_or((0, &0));
            // How reliably the sequence is an entity, and how reliably of its top type.
            let any = c[3].max(tagged);
            let reliab = bucket(tagged, any);
            let purity = bucket(top, tagged);
            let freq = match tagged {
                1 => 0u64,
                2..=4 => 1,
                _ => 2,
            };
            let single = u64::from(end - i == 1);
            for (p, slot) in out[i..end].iter_mut().enumerate() {
                let pos = u64::from(p > 0);
                let tyk = ty as u64 + 1;
                slot[0] = combine(t.typed, tyk * 4 + pos);
                slot[1] = combine(t.reliab, (tyk * 4 + pos) * 8 + reliab);
                slot[2] = combine(t.purity, (tyk * 4 + purity) * 8 + freq);
                slot[3] = combine(t.single, (tyk * 4 + single) * 8 + reliab);
            }
            i = end;
        }
    }
}

/// Feature keys per token (see [`EntityLexicon::mark`]).
pub const PER_TOKEN: usize = 6;

/// A ratio in 4 buckets: < 0.2, < 0.5, < 0.8, >= 0.8.
fn bucket(n: u32, of: u32) -> u64 {
    let r = f64::from(n) / f64::from(of.max(1));
    if r < 0.2 {
        0
    } else if r < 0.5 {
        1
    } else if r < 0.8 {
        2
    } else {
        3
    }
}

struct Templates {
    typed: u64,
    reliab: u64,
    purity: u64,
    single: u64,
    tok: u64,
    tok_cap: u64,
}

fn templates() -> &'static Templates {
    static T: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    T.get_or_init(|| Templates {
        typed: feature("elex", "type|pos"),
        reliab: feature("elex", "type|pos|reliab"),
        purity: feature("elex", "type|purity|freq"),
        single: feature("elex", "type|single|reliab"),
        tok: feature("elex", "word|type|reliab|purity"),
        tok_cap: feature("elex", "word|type|reliab|cap"),
    })
}

/// Lower-cased word sequences of the gold sentences with their counts, in a stable order.
pub type Table = Vec<(String, Counts)>;

/// Count the entities of gold sentences (type counts) and then every occurrence of those
/// sequences in the same sentences (the `ANY` column).
pub fn count(gold: &[&GoldSentence], tokens: bool) -> HashMap<String, Counts> {
    let mut out: HashMap<String, Counts> = HashMap::new();
    let mut lexicon = EntityLexicon::default();
    for g in gold {
        for &(s, e, ty) in &g.chunks {
            if e - s > MAX_LEN || ty > 2 {
                continue;
            }
            let words: Vec<String> = g.words[s..e].iter().map(|w| w.to_lowercase()).collect();
            let mut one = [0u32; 4];
            one[ty] = 1;
            lexicon.add(&words, one);
            out.entry(words.join(" ")).or_default()[ty] += 1;
            if tokens {
                for w in &words {
                    lexicon.add(&[w], [0; 4]);
                    out.entry(w.clone()).or_default();
                }
            }
        }
    }
    for g in gold {
        let lower: Vec<String> = g.words.iter().map(|w| w.to_lowercase()).collect();
        for i in 0..lower.len() {
            let mut key = SEED;
            for j in i..lower.len().min(i + MAX_LEN) {
                key = extend(key, feature_with(0, &lower[j]));
                match lexicon.map.get(&key) {
                    None => break,
                    Some(c) if j == i || c[..3].iter().any(|&n| n > 0) => {
                        if let Some(e) = out.get_mut(&lower[i..=j].join(" ")) {
                            e[3] += 1;
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }
    out
}

/// The table text of counts (sorted by words).
pub fn to_table(counts: &HashMap<String, Counts>, sources: &str) -> String {
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort();
    let mut s = format!(
        "# NER entity lexicon: words<TAB>PER<TAB>ORG<TAB>LOC<TAB>ANY (counts). Written by `warta train ner --build-entities` from {sources}\n"
    );
    for (w, c) in rows {
        s.push_str(&format!("{w}\t{}\t{}\t{}\t{}\n", c[0], c[1], c[2], c[3]));
    }
    s
}

/// Jackknifed lexicons for training: file `d`'s sentence `n` of `len` is in block
/// `n * k / len` and sees the counts of every other block (of every file).
#[derive(Debug)]
pub struct Jackknife {
    /// Per block, the lexicon without that block.
    lexicons: Vec<std::sync::Arc<EntityLexicon>>,
}

impl Jackknife {
    /// Build from the training files' sentences with `k` blocks.
    pub fn build(files: &[&[GoldSentence]], k: usize, tokens: bool) -> Jackknife {
        let k = k.max(2);
        let mut blocks: Vec<Vec<&GoldSentence>> = vec![Vec::new(); k];
        for f in files {
            for (n, g) in f.iter().enumerate() {
                blocks[block_of(n, f.len(), k)].push(g);
            }
        }
        let lexicons = (0..k)
            .map(|held| {
                let rest: Vec<&GoldSentence> = blocks
                    .iter()
                    .enumerate()
                    .filter(|(b, _)| *b != held)
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect();
                let mut lex = EntityLexicon::default();
                for (w, c) in count(&rest, tokens) {
                    let words: Vec<&str> = w.split(' ').collect();
                    lex.add(&words, c);
                }
                std::sync::Arc::new(lex)
            })
            .collect();
        Jackknife { lexicons }
    }

    /// The lexicon a training sentence (number `n` of `len` in its file) sees.
    pub fn for_sentence(&self, n: usize, len: usize) -> &std::sync::Arc<EntityLexicon> {
        &self.lexicons[block_of(n, len, self.lexicons.len())]
    }
}

fn block_of(n: usize, len: usize, k: usize) -> usize {
    (n * k / len.max(1)).min(k - 1)
}

/// Check a table: five tab-separated fields, counts are numbers, at most [`MAX_LEN`] words,
/// lower case, no duplicate.
pub fn check(text: &str, file: &str) -> Vec<warta_core::DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (ln, line) in warta_core::data_lines(text) {
        let mut issue = |m: String| issues.push(warta_core::DictIssue::new(file, ln, m));
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 {
            issue(format!(
                "expected words<TAB>PER<TAB>ORG<TAB>LOC<TAB>ANY, found {} field(s)",
                f.len()
            ));
            continue;
        }
        if f[1..].iter().any(|v| v.trim().parse::<u32>().is_err()) {
            issue("counts must be whole numbers".into());
        }
        let words = f[0].split(' ').count();
        if f[0].trim().is_empty() || words > MAX_LEN {
            issue(format!("expected 1 to {MAX_LEN} words"));
        }
        if f[0] != f[0].to_lowercase() {
            issue("words must be lower case".into());
        }
        if let Some(first) = seen.insert(f[0], ln) {
            issue(format!("duplicate of line {first}"));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &[&str], chunks: &[(usize, usize, usize)]) -> GoldSentence {
        GoldSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            chunks: chunks.to_vec(),
        }
    }

    fn words<'a>(s: &'a [&'a str], lower: &'a [String]) -> Vec<Word<'a>> {
        s.iter()
            .zip(lower)
            .map(|(s, l)| Word {
                surface: s,
                lower: l,
            })
            .collect()
    }

    #[test]
    fn counts_types_and_occurrences() {
        let a = sent(&["Joko", "Widodo", "ke", "Bali"], &[(0, 2, 0), (3, 4, 2)]);
        let b = sent(&["bali", "dan", "Joko", "Widodo"], &[(2, 4, 0)]);
        let c = count(&[&a, &b], false);
        assert_eq!(c["joko widodo"], [2, 0, 0, 2]);
        assert_eq!(c["bali"], [0, 0, 1, 2]);
        assert_eq!(c.len(), 2);
        let table = to_table(&c, "test");
        assert!(check(&table, "t").is_empty());
        let lex = EntityLexicon::parse(&table);
        assert_eq!(lex.len(), 2);
        let s = ["Kata", "Joko", "Widodo", "di", "Bali"];
        let lower: Vec<String> = s.iter().map(|w| w.to_lowercase()).collect();
        let mut out = Vec::new();
        lex.mark(&words(&s, &lower), false, &mut out);
        let marked: Vec<bool> = out.iter().map(|f| f[0] != 0).collect();
        assert_eq!(marked, [false, true, true, false, true]);
        // The first and later tokens of a match differ; PER and LOC differ.
        assert_ne!(out[1][0], out[2][0]);
        assert_ne!(out[1][0], out[4][0]);
    }

    #[test]
    fn jackknife_hides_a_sentences_own_block() {
        let f: Vec<GoldSentence> = (0..4)
            .map(|n| sent(&[["Ani", "Budi", "Cici", "Dodi"][n]], &[(0, 1, 0)]))
            .collect();
        let j = Jackknife::build(&[&f], 4, true);
        for (n, g) in f.iter().enumerate() {
            let lex = j.for_sentence(n, 4);
            assert_eq!(lex.len(), 3);
            let own = [g.words[0].as_str()];
            let lower = [g.words[0].to_lowercase()];
            let mut out = Vec::new();
            lex.mark(&words(&own, &lower), true, &mut out);
            assert_eq!(out[0], [0; PER_TOKEN], "{n}");
        }
    }

    #[test]
    fn embedded_table_is_valid() {
        let issues = check(super::super::features::ENTITIES, "ner-entities.tsv");
        assert!(issues.is_empty(), "{:?}", &issues[..issues.len().min(5)]);
    }

    #[test]
    fn check_reports_bad_lines() {
        let bad = "a b\t1\t0\t0\t1\nA\t1\t0\t0\t1\nx\t1\t0\n\nq\tz\t0\t0\t0\na b\t0\t1\t0\t1\n";
        let issues = check(bad, "t.tsv");
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [2, 3, 5, 6], "{issues:?}");
    }
}
