//! Indonesian morphological analysis: prefixes, suffixes, confixes, infixes, clitics and
//! reduplication, against a root lexicon.
//!
//! [`analyse`] segments a word every way the affix grammar allows, keeps the segmentations whose
//! root is in the lexicon (`data/roots.txt` + `data/additions.txt`), and ranks them by how often
//! each segmentation pattern is the right one (`data/patterns.tsv`, learned by
//! `warta build-data roots` from the training split of the nlp-id lemma pairs). A word that is
//! itself a root ranks its bare reading first. When no root is known, a best guess is returned with
//! `known == false`.
//!
//! ```
//! let a = warta_morph::best("mengirimkan");
//! assert_eq!(a.root, "kirim");
//! assert_eq!(a.voice, warta_morph::Voice::Active);
//! assert_eq!(a.suffix, Some("-kan"));
//! ```

mod affix;
pub mod build;
mod check;
mod gen;
pub mod hash;

pub use affix::{Infix, Key, Prefix};
pub use check::{check_patterns, check_roots};
use hash::FxMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The embedded root lexicon (derived; see `data/README.md`).
pub const ROOTS: &str = include_str!("../data/roots.txt");
/// Our own additions to the root lexicon.
pub const ADDITIONS: &str = include_str!("../data/additions.txt");
/// Pattern counts (derived; see `data/README.md`).
pub const PATTERNS: &str = include_str!("../data/patterns.tsv");

pub const ROOTS_FILE: &str = "crates/warta-morph/data/roots.txt";
pub const ADDITIONS_FILE: &str = "crates/warta-morph/data/additions.txt";
pub const PATTERNS_FILE: &str = "crates/warta-morph/data/patterns.tsv";

/// Grammatical voice signalled by the prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Voice {
    /// `meN-`, `memper-`, `ber-`.
    Active,
    /// `di-`, `diper-`, `ter-`, `ke-...-an`, `ku-`/`kau-`.
    Passive,
    None,
}

impl Voice {
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Active => "active",
            Voice::Passive => "passive",
            Voice::None => "none",
        }
    }
}

/// One reading of a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis<'a> {
    pub root: Cow<'a, str>,
    pub voice: Voice,
    /// Canonical prefixes, outermost first: `meN-`, `di-`, `ter-`, `ber-`, `per-`, `peN-`, `pe-`,
    /// `ke-`, `se-`, `memper-`, `diper-`, `ku-`, `kau-`.
    pub prefixes: Vec<&'static str>,
    /// `-el-`, `-em-`, `-er-`, `-in-`, or `Ce-` (partial reduplication).
    pub infix: Option<&'static str>,
    /// `-kan`, `-i`, `-an`.
    pub suffix: Option<&'static str>,
    /// `-ku`, `-mu`, `-nya`, `-lah`, `-kah`, `-pun`, `-tah`, in surface order.
    pub clitics: Vec<&'static str>,
    pub reduplicated: bool,
    /// The root is in the lexicon.
    pub known: bool,
    /// 1-based line of the root in its lexicon file ([`Analysis::rule`]).
    pub line: u32,
    /// Ranking score (higher is better); comparable only between readings of one word.
    pub score: f32,
    /// The segmentation pattern.
    pub key: Key,
}

impl Analysis<'_> {
    /// `file:line` of the lexicon entry that licensed this reading (empty when unknown).
    pub fn rule(&self) -> String {
        match self.line {
            0 => String::new(),
            l if l > ADDITIONS_OFFSET => format!("{ADDITIONS_FILE}:{}", l - ADDITIONS_OFFSET),
            l => format!("{ROOTS_FILE}:{l}"),
        }
    }

    /// `meN-` + `kirim` + `-kan` style gloss.
    pub fn gloss(&self) -> String {
        let mut s = String::new();
        for p in &self.prefixes {
            s.push_str(p);
            s.push('+');
        }
        s.push_str(&self.root);
        if self.reduplicated {
            s.push_str("(R)");
        }
        if let Some(i) = self.infix {
            s.push('<');
            s.push_str(i);
            s.push('>');
        }
        for x in self.suffix.iter().chain(self.clitics.iter()) {
            s.push('+');
            s.push_str(x);
        }
        s
    }
}

const FILTER_BITS: usize = 1 << 20;

#[inline]
fn filter_index(w: &str) -> usize {
    let b = w.as_bytes();
    let (b0, b1, bl) = match b {
        [] => (0, 0, 0),
        [x] => (*x, 0, *x),
        [x, y, ..] => (*x, *y, b[b.len() - 1]),
    };
    let v = u64::from(b0) | u64::from(b1) << 8 | u64::from(bl) << 16 | (b.len() as u64) << 24;
    let z = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (z >> 44) as usize & (FILTER_BITS - 1)
}

/// Score handicap (natural log) of infix readings.
const INFIX_PENALTY: f32 = 4.0;

/// Line numbers of `additions.txt` are stored offset by this much.
const ADDITIONS_OFFSET: u32 = 1 << 24;

/// Errors building an analyser from text.
#[derive(Debug, thiserror::Error)]
pub enum MorphError {
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
}

/// The analyser: a root lexicon and pattern scores.
pub struct Analyser<'a> {
    roots: FxMap<&'a str, u32>,
    /// A one-hash Bloom filter over (first two bytes, last byte, length) of every root: most
    /// candidate strings are rejected without hashing them whole.
    filter: Vec<u64>,
    scores: FxMap<Key, f32>,
    unseen: f32,
}

impl<'a> Analyser<'a> {
    /// Build from the texts of `roots.txt`, `additions.txt` and `patterns.tsv`.
    pub fn from_texts(
        roots: &'a str,
        additions: &'a str,
        patterns: &str,
    ) -> Result<Analyser<'a>, MorphError> {
        let mut map = FxMap::default();
        map.reserve(40_000);
        for (text, offset) in [(roots, 0), (additions, ADDITIONS_OFFSET)] {
            for (i, line) in text.lines().enumerate() {
                let w = line.trim();
                if w.is_empty() || w.starts_with('#') {
                    continue;
                }
                let w = w.split('\t').next().unwrap_or(w).trim();
                map.entry(w).or_insert(offset + i as u32 + 1);
            }
        }
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for r in map.keys() {
            let i = filter_index(r);
            filter[i / 64] |= 1 << (i % 64);
        }
        let mut counts = Vec::new();
        let mut total = 0f64;
        for (i, line) in patterns.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| MorphError::Data {
                file: PATTERNS_FILE.into(),
                line: i + 1,
                message: message.into(),
            };
            let (label, count) = line
                .split_once('\t')
                .ok_or_else(|| err("expected label<TAB>count"))?;
            let key = Key::parse(label).ok_or_else(|| err("bad pattern label"))?;
            let count: f64 = count.trim().parse().map_err(|_| err("bad count"))?;
            total += count;
            counts.push((key, count));
        }
        let total = total.max(1.0);
        let alpha = 0.5;
        let scores = counts
            .into_iter()
            .map(|(k, c)| (k, ((c + alpha) / total).ln() as f32))
            .collect();
        Ok(Analyser {
            roots: map,
            filter,
            scores,
            unseen: (alpha / 50.0 / total).ln() as f32,
        })
    }

    /// Is `w` (lower case) a root in the lexicon?
    pub fn is_root(&self, w: &str) -> bool {
        self.lookup(w).is_some()
    }

    #[inline]
    fn lookup(&self, w: &str) -> Option<(&'a str, u32)> {
        let i = filter_index(w);
        if self.filter[i / 64] & (1 << (i % 64)) == 0 {
            return None;
        }
        self.roots.get_key_value(w).map(|(&r, &l)| (r, l))
    }

    /// Number of roots.
    pub fn len(&self) -> usize {
        self.roots.len()
    }
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }

    fn score(&self, key: Key) -> f32 {
        if key == Key::default() {
            return 10.0;
        }
        let s = self.scores.get(&key).copied().unwrap_or(self.unseen);
        // Infixes and partial reduplication are unproductive in modern text: a reading with
        // prefixes (`se+langit`) beats an infix one (`s<el>angit`) of similar frequency.
        if key.infix().is_some() {
            s - INFIX_PENALTY
        } else {
            s
        }
    }

    /// Every reading of `word`, best first. Never empty for a word with letters: when no root
    /// is known the best guess comes back with `known == false`.
    pub fn analyse(&self, word: &str) -> Vec<Analysis<'a>> {
        let lower: Cow<str> = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        let w = lower.as_ref();
        let mut cands = Vec::new();
        gen::generate(w, &mut |root, key| {
            if let Some((r, line)) = self.lookup(root) {
                cands.push(gen::Cand {
                    root: Cow::Borrowed(r),
                    line,
                    key,
                    redup: false,
                });
            }
        });
        if cands.is_empty() {
            if let Some((left, right)) = w.split_once('-') {
                self.reduplication(left, right, &mut cands);
            }
        }
        let known = !cands.is_empty();
        if !known {
            gen::generate(w, &mut |root, key| {
                if gen::plausible_root(root) {
                    cands.push(gen::Cand {
                        root: Cow::Owned(root.to_string()),
                        line: 0,
                        key,
                        redup: false,
                    });
                }
            });
        }
        let mut out: Vec<Analysis<'a>> = cands
            .into_iter()
            .map(|c| {
                let score = self.score(c.key)
                    + if known { 0.0 } else { -20.0 }
                    + 0.01 * c.root.len() as f32;
                make(c, score, known)
            })
            .collect();
        if out.is_empty() {
            out.push(make(
                gen::Cand {
                    root: Cow::Owned(w.to_string()),
                    line: 0,
                    key: Key::default(),
                    redup: false,
                },
                -100.0,
                false,
            ));
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out.dedup_by(|b, a| a.root == b.root && a.key == b.key && a.reduplicated == b.reduplicated);
        out
    }

    /// `sanksi-sanksi`, `bersalam-salaman`, `memukul-mukul`, `kehitam-hitaman`.
    fn reduplication(&self, left: &str, right: &str, cands: &mut Vec<gen::Cand<'a>>) {
        if left.is_empty() || right.is_empty() || right.contains('-') {
            return;
        }
        // The suffixes and clitics on the right half belong to the whole word.
        let mut rights: Vec<(String, Key)> = Vec::new();
        gen::generate(right, &mut |r, key| {
            if key.p1().is_none() && key.infix().is_none() {
                rights.push((r.to_string(), key));
            }
        });
        gen::generate(left, &mut |root, key| {
            if key.suffix().is_some() || key.possessive().is_some() || key.particle().is_some() {
                return;
            }
            let Some((r, line)) = self.lookup(root) else {
                return;
            };
            // The surface stem after the prefixes (`mukul` in `memukul`).
            for (rstem, rkey) in &rights {
                if rstem == root || left.ends_with(rstem.as_str()) {
                    let key = Key(key.0 | (rkey.0 & !0x7fff));
                    cands.push(gen::Cand {
                        root: Cow::Borrowed(r),
                        line,
                        key,
                        redup: true,
                    });
                }
            }
        });
    }

    /// The best reading.
    pub fn best(&self, word: &str) -> Analysis<'a> {
        self.analyse(word).swap_remove(0)
    }

    /// The root of the best reading, if it is in the lexicon.
    pub fn root(&self, word: &str) -> Option<&'a str> {
        match self.best(word).root {
            Cow::Borrowed(r) => Some(r),
            Cow::Owned(_) => None,
        }
    }
}

fn make(c: gen::Cand<'_>, score: f32, known: bool) -> Analysis<'_> {
    let key = c.key;
    let mut prefixes = Vec::new();
    if let Some(p) = key.p1() {
        prefixes.push(p.canonical());
    }
    if let Some(p) = key.p2() {
        prefixes.push(p.canonical());
    }
    let suffix = key.suffix().map(|s| match s {
        "kan" => "-kan",
        "i" => "-i",
        _ => "-an",
    });
    let mut clitics = Vec::new();
    if let Some(p) = key.possessive() {
        clitics.push(match p {
            "ku" => "-ku",
            "mu" => "-mu",
            _ => "-nya",
        });
    }
    if let Some(p) = key.particle() {
        clitics.push(match p {
            "lah" => "-lah",
            "kah" => "-kah",
            "pun" => "-pun",
            _ => "-tah",
        });
    }
    let voice = voice_of(key);
    Analysis {
        root: c.root,
        voice,
        prefixes,
        infix: key.infix().map(Infix::label),
        suffix,
        clitics,
        reduplicated: c.redup,
        known,
        line: c.line,
        score,
        key,
    }
}

fn voice_of(key: Key) -> Voice {
    use Prefix::*;
    match key.p1() {
        Some(Me | Mem | MemP | Men | MenT | Meng | MengK | MenyS | Menge | Memper | Mempe) => {
            Voice::Active
        }
        Some(Ber | Be | Bel) => Voice::Active,
        Some(Di | Diper | Dipe | Ter | Te | Ku | Kau) => Voice::Passive,
        Some(Ke) if key.suffix() == Some("an") && key.p2().is_none() => Voice::Passive,
        _ => Voice::None,
    }
}

/// The analyser over the embedded lexicon, built once.
pub fn analyser() -> &'static Analyser<'static> {
    static A: OnceLock<Analyser<'static>> = OnceLock::new();
    A.get_or_init(|| {
        Analyser::from_texts(ROOTS, ADDITIONS, PATTERNS)
            .unwrap_or_else(|_| Analyser::from_texts(ROOTS, ADDITIONS, "").expect("empty patterns"))
    })
}

/// Every reading of `word`, best first (embedded lexicon).
pub fn analyse(word: &str) -> Vec<Analysis<'static>> {
    analyser().analyse(word)
}

/// The best reading of `word` (embedded lexicon).
pub fn best(word: &str) -> Analysis<'static> {
    analyser().best(word)
}

/// The root of `word`'s best reading, if it is in the embedded lexicon.
pub fn root(word: &str) -> Option<&'static str> {
    analyser().root(word)
}

#[cfg(test)]
mod tests;
