//! NER features over surface words. Two passes per sentence: per-token "atoms" (hashes of the
//! lower-cased word, the shape, ...) are computed once, then each token's features combine its
//! own and its neighbours' atoms under template keys. No allocation per token once the buffers
//! have grown.

use std::collections::HashMap;
use std::sync::OnceLock;

use warta_learn::hash::{combine, feature, feature_with, template};
use warta_learn::Sequence;

/// Version of the feature templates new models are trained with, saved in the model's
/// metadata (`features`); models of older versions that [`FeatureSet::from_version`] knows
/// still load and get their own templates.
pub const FEATURES_VERSION: &str = "ner-7";

/// Which optional templates a model uses (from its `features` version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet {
    /// `ner-7`: inner character trigrams of words without a cluster.
    pub ngrams: bool,
    /// Also of capitalised words.
    pub ngram_caps: bool,
    /// Also inner 4-grams.
    pub ngram4: bool,
    /// `ner-8`: capitalised-run context: the run's last word and the word before the run,
    /// each × the token's position in the run; suffix × capitalisation.
    pub runs: bool,
    /// `ner-9`: whether the token is between a pair of quotation marks or inside
    /// parentheses (titles of works, aliases, years), × capitalisation.
    pub enclosed: bool,
    /// `ner-10`: entity-lexicon features (the longest match in the entity table learnt from
    /// the training splits, see [`super::entlex`]).
    pub entlex: bool,
    /// `ner-11`: also word-level entity priors (how often the word is part of an entity of
    /// each type in the training splits).
    pub entlex_tokens: bool,
    /// `ner-12`: a word without a cluster (rare or foreign) × capitalisation × sentence
    /// start, and × the word before it.
    pub unknown_caps: bool,
    /// `ner-13`: the word-level priors of `ner-11` without the sequence matches.
    pub entlex_words_only: bool,
    /// `ner-14`: Brown cluster bit-string prefixes (4, 6, 10 bits and the whole path) of the
    /// word, and (6 bits, whole) of its neighbours, on top of the k-means clusters (table:
    /// `WARTA_NER_BROWN`, see [`super::brown`]).
    pub brown: bool,
    /// `ner-16`: part-of-speech tags of `warta-pos` (see [`super::stack`]).
    pub pos: bool,
    /// `ner-17`: stacked second pass: features of a first-pass model's labels (in
    /// [`FeatureBuf::pass1`], see [`super::stack`]).
    pub stack: bool,
    /// `ner-15`: character n-gram name-likeness of capitalised words (PER / LOC / ORG against
    /// ordinary words, see [`super::namelike`]): per-class LLR buckets, the best class ×
    /// margin (× capitalisation, at -1..+1), and the best class of the capitalised run's mean.
    /// 0 off, 1 all of them (`ner-15`), 2 only the best class × margin × capitalisation and
    /// the run's best class (`ner-15l`), 3 only the bucket of the best name class's LLR × caps
    /// and of the run's (`ner-15n`), 4 those of 2 for words without a cluster only (`ner-15u`).
    pub namelike: u8,
}

impl FeatureSet {
    /// The templates of [`FEATURES_VERSION`].
    pub const LATEST: FeatureSet = FeatureSet {
        ngrams: true,
        ngram_caps: false,
        ngram4: false,
        runs: false,
        enclosed: false,
        entlex: false,
        entlex_tokens: false,
        unknown_caps: false,
        entlex_words_only: false,
        brown: false,
        pos: false,
        stack: false,
        namelike: 0,
    };

    /// The templates of a model's `features` version, `None` if unknown.
    pub fn from_version(v: &str) -> Option<FeatureSet> {
        let f = |ngrams, ngram_caps, ngram4, runs| {
            Some(FeatureSet {
                ngrams,
                ngram_caps,
                ngram4,
                runs,
                enclosed: false,
                entlex: false,
                entlex_tokens: false,
                unknown_caps: false,
                entlex_words_only: false,
                brown: false,
                pos: false,
                stack: false,
                namelike: 0,
            })
        };
        match v {
            "ner-6" => f(false, false, false, false),
            "ner-7" => f(true, false, false, false),
            "ner-7c" => f(true, true, false, false),
            "ner-7q" => f(true, false, true, false),
            "ner-7cq" => f(true, true, true, false),
            "ner-8" => f(true, false, false, true),
            "ner-9" => Some(FeatureSet {
                enclosed: true,
                ..FeatureSet::LATEST
            }),
            "ner-89" => Some(FeatureSet {
                enclosed: true,
                runs: true,
                ..FeatureSet::LATEST
            }),
            "ner-10" => Some(FeatureSet {
                entlex: true,
                ..FeatureSet::LATEST
            }),
            "ner-12" => Some(FeatureSet {
                entlex: true,
                unknown_caps: true,
                ..FeatureSet::LATEST
            }),
            "ner-13" => Some(FeatureSet {
                entlex: true,
                entlex_tokens: true,
                entlex_words_only: true,
                ..FeatureSet::LATEST
            }),
            "ner-14" => Some(FeatureSet {
                brown: true,
                ..FeatureSet::LATEST
            }),
            "ner-16" => Some(FeatureSet {
                pos: true,
                ..FeatureSet::LATEST
            }),
            "ner-17" => Some(FeatureSet {
                stack: true,
                ..FeatureSet::LATEST
            }),
            "ner-1617" => Some(FeatureSet {
                pos: true,
                stack: true,
                ..FeatureSet::LATEST
            }),
            "ner-15" => Some(FeatureSet {
                namelike: 1,
                ..FeatureSet::LATEST
            }),
            "ner-15l" => Some(FeatureSet {
                namelike: 2,
                ..FeatureSet::LATEST
            }),
            "ner-15u" => Some(FeatureSet {
                namelike: 4,
                ..FeatureSet::LATEST
            }),
            "ner-15n" => Some(FeatureSet {
                namelike: 3,
                ..FeatureSet::LATEST
            }),
            "ner-11" => Some(FeatureSet {
                entlex: true,
                entlex_tokens: true,
                ..FeatureSet::LATEST
            }),
            _ => None,
        }
    }

    /// The version new models are trained with: [`FEATURES_VERSION`], or for experiments the
    /// one named by `WARTA_NER_FEATURES`.
    pub fn training_version() -> String {
        std::env::var("WARTA_NER_FEATURES")
            .ok()
            .filter(|v| FeatureSet::from_version(v).is_some())
            .unwrap_or_else(|| FEATURES_VERSION.to_string())
    }
}

/// The embedded cue-word lexicon (`word<TAB>CLASS`).
pub const CUES: &str = include_str!("cues.tsv");
/// The embedded word clusters (`word<TAB>fine<TAB>coarse`, see [`super::clusters`]).
pub const CLUSTERS: &str = include_str!("../../model/ner-clusters.tsv");
/// The embedded gazetteer word classes (`word<TAB>LOC+PER+ORG`, see [`super::gazetteer`]).
pub const GAZETTEER: &str = include_str!("../../model/ner-gazetteer.tsv");

/// An identifier of the lexical resources the features read (cue words and clusters): a model
/// records it at training time and refuses to load when they changed.
pub fn lexicon_id() -> String {
    let h = warta_learn::hash::feature_parts("lexicon", &[cues(), clusters(), gazetteer()]);
    format!("{h:016x}")
}

/// [`lexicon_id`] of the resources a feature set reads (with the entity table when it uses
/// entity-lexicon features).
pub fn lexicon_id_for(set: FeatureSet) -> String {
    if set.pos {
        return super::stack::resources_id(set);
    }
    if set.namelike != 0 {
        let mut parts = vec![cues(), clusters(), gazetteer(), namelike_table()];
        if set.brown {
            parts.push(brown_table());
        }
        if set.entlex {
            parts.push(entity_table());
        }
        let h = warta_learn::hash::feature_parts("lexicon", &parts);
        return format!("{h:016x}");
    }
    if set.brown {
        let h = warta_learn::hash::feature_parts(
            "lexicon",
            &[cues(), clusters(), gazetteer(), brown_table()],
        );
        return format!("{h:016x}");
    }
    if !set.entlex {
        return lexicon_id();
    }
    let h = warta_learn::hash::feature_parts(
        "lexicon",
        &[cues(), clusters(), gazetteer(), entity_table()],
    );
    format!("{h:016x}")
}

/// The embedded character n-gram counts of `ner-15` (see [`super::namelike`]).
pub const NAMELIKE: &str = include_str!("../../model/ner-namelike.tsv");

/// The name-likeness table in use: [`NAMELIKE`], or (experiments) the file named by
/// `WARTA_NER_NAMELIKE`.
pub fn namelike_table() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_NAMELIKE", NAMELIKE))
}

/// The parsed character models in use (loaded once).
pub fn namelike_models() -> &'static super::namelike::CharModels {
    static L: OnceLock<super::namelike::CharModels> = OnceLock::new();
    L.get_or_init(|| super::namelike::CharModels::parse(namelike_table()))
}

/// Templates of the `ner-15` features.
struct NamelikeTemplates {
    class: [u64; 3],
    best: [u64; 3],
    best_cap: u64,
    run: u64,
}

fn namelike_templates() -> &'static NamelikeTemplates {
    static T: OnceLock<NamelikeTemplates> = OnceLock::new();
    T.get_or_init(|| NamelikeTemplates {
        class: [template("nlPER0"), template("nlLOC0"), template("nlORG0")],
        best: [
            template("nlbest-1"),
            template("nlbest0"),
            template("nlbest+1"),
        ],
        best_cap: template("nlbest0|cap0"),
        run: template("nlrun|pos"),
    })
}

/// The embedded entity lexicon table (see [`super::entlex`]).
pub const ENTITIES: &str = include_str!("../../model/ner-entities.tsv");

/// The entity table in use: [`ENTITIES`], or (experiments) the file named by
/// `WARTA_NER_ENTITIES`.
pub fn entity_table() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_ENTITIES", ENTITIES))
}

/// The parsed entity lexicon in use (loaded once).
pub fn entity_lexicon() -> &'static super::entlex::EntityLexicon {
    static L: OnceLock<super::entlex::EntityLexicon> = OnceLock::new();
    L.get_or_init(|| super::entlex::EntityLexicon::parse(entity_table()))
}

/// The cluster table in use: [`CLUSTERS`], or for training experiments the file named by the
/// environment variable `WARTA_NER_CLUSTERS` (read once; a model trained with it records its
/// lexicon id, so it loads only where the same table is in use).
fn clusters() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_CLUSTERS", CLUSTERS))
}

/// The Brown cluster table of `ner-14` (`word<TAB>bits<TAB>...`), from the file named by
/// `WARTA_NER_BROWN` (experiments; empty without it).
fn brown_table() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_BROWN", ""))
}

/// The Brown prefixes of each word (4, 6, 10 bits, whole path) as feature values.
fn brown_lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut lex: HashMap<String, (u64, u64, u64, u64)> = HashMap::default();
        for line in brown_table().lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            if let (Some(w), Some(bits)) = (f.next(), f.next()) {
                let p = |n: usize| {
                    let pre: String = bits.chars().take(n).collect();
                    feature(&format!("bp{n}"), &pre)
                };
                lex.insert(w.to_string(), (p(4), p(6), p(10), feature("bpf", bits)));
            }
        }
        Lexicon::build(&lex)
    })
}

/// Templates of the `ner-14` features.
struct BrownTemplates {
    own: [u64; 4],
    prev: [u64; 2],
    next: [u64; 2],
    cap: u64,
}

fn brown_templates() -> &'static BrownTemplates {
    static T: OnceLock<BrownTemplates> = OnceLock::new();
    T.get_or_init(|| BrownTemplates {
        own: [
            template("b4_0"),
            template("b6_0"),
            template("b10_0"),
            template("bf_0"),
        ],
        prev: [template("b6-1"), template("bf-1")],
        next: [template("b6+1"), template("bf+1")],
        cap: template("b6|cap0"),
    })
}

/// The gazetteer word classes in use: [`GAZETTEER`], or (experiments) the file named by
/// `WARTA_NER_GAZETTEER`.
fn gazetteer() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_GAZETTEER", GAZETTEER))
}

/// The cue words in use: [`CUES`], or (experiments) the file named by `WARTA_NER_CUES`.
fn cues() -> &'static str {
    static C: OnceLock<&'static str> = OnceLock::new();
    C.get_or_init(|| overridden("WARTA_NER_CUES", CUES))
}

fn overridden(var: &str, embedded: &'static str) -> &'static str {
    std::env::var_os(var)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map_or(embedded, |s| &*Box::leak(s.into_boxed_str()))
}

/// The classes a cue word may have.
pub const CUE_CLASSES: &[&str] = &["TITLE", "ORG", "LOC", "PLACE", "PERSON"];

/// One input word: its surface form and its lower-cased form.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub surface: &'a str,
    pub lower: &'a str,
}

/// Word views over parallel surface and lower-case slices (for tests of the feature code).
#[cfg(test)]
pub(crate) fn word_views<'a>(surface: &'a [&'a str], lower: &'a [String]) -> Vec<Word<'a>> {
    surface
        .iter()
        .zip(lower)
        .map(|(s, l)| Word {
            surface: s,
            lower: l,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, Default)]
struct Atom {
    lower: u64,
    shape: u64,
    short: u64,
    cue: u64,
    fine: u64,
    coarse: u64,
    gaz: u64,
    cap: u8,
}

/// Reusable per-sentence buffers.
#[derive(Debug, Default)]
pub struct FeatureBuf {
    atoms: Vec<Atom>,
    enclosed: Vec<u8>,
    /// `ner-10`: entity-lexicon features per token.
    entlex: Vec<[u64; super::entlex::PER_TOKEN]>,
    /// `ner-14`: Brown prefixes per token, padded (two before, two after).
    brown: Vec<[u64; 4]>,
    /// `ner-15`: per token (padded, one before, one after) the name-likeness, if computed
    /// (capitalised words), and the best-class code of its capitalised run's mean (0: none).
    namelike: Vec<(Option<super::namelike::Likeness>, u64)>,
    /// `ner-10` training: the (jackknifed) entity lexicon to use instead of the embedded one.
    pub entities: Option<std::sync::Arc<super::entlex::EntityLexicon>>,
    /// `ner-16`: part-of-speech tag keys per token, padded (one before, one after).
    pos: Vec<u64>,
    /// `ner-17`: the first-pass labels of the sentence (set before [`fill`]).
    pub pass1: Vec<super::stack::Pass1>,
    /// `ner-17`: per-sentence context of the stacked features.
    stack: super::stack::StackCtx,
    /// `ner-17`: per token, word hash and whether capitalised.
    stack_words: (Vec<u64>, Vec<bool>),
}

struct Templates {
    bias: u64,
    w: [u64; 5],
    surf: u64,
    shape: [u64; 5],
    short: u64,
    short3: u64,
    cue: [u64; 5],
    cap: [u64; 3],
    bi_l: u64,
    bi_r: u64,
    first_cap: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    cue_w: u64,
    pad_lo: u64,
    pad_hi: u64,
    fine: [u64; 3],
    coarse: [u64; 5],
    coarse_cap: u64,
    gaz: [u64; 3],
    gaz_cap: u64,
    wl_short: u64,
    short_wr: u64,
    run_head: u64,
    ngram: u64,
    ngram4: u64,
    run_tail: u64,
    run_pre: u64,
    suf_cap: u64,
    enclosed: u64,
    /// lower-cased word → (cue, fine cluster, coarse cluster, gazetteer) feature values.
    lex: Lexicon,
}

/// Open-addressing table from a word's hash (`feature_with(0, lower)`, which the features
/// compute anyway) to its (cue, fine cluster, coarse cluster) feature values: no string
/// hashing or comparison per token, one cache line per lookup.
struct Lexicon {
    /// `(word hash, [cue, fine, coarse] value indices)`, 0 = empty slot / no value.
    slots: Vec<(u64, [u16; 4])>,
    /// Feature values per column; index 0 is 0 (none).
    values: [Vec<u64>; 4],
}

impl Lexicon {
    fn build(entries: &HashMap<String, (u64, u64, u64, u64)>) -> Lexicon {
        let mut values: [Vec<u64>; 4] = [vec![0], vec![0], vec![0], vec![0]];
        let mut index: [HashMap<u64, u16>; 4] = Default::default();
        let cap = (entries.len() * 2).max(16).next_power_of_two();
        let mut slots = vec![(0u64, [0u16; 4]); cap];
        let mut keys: Vec<_> = entries.iter().collect();
        keys.sort();
        for (w, &(a, b, c, d)) in keys {
            let mut ids = [0u16; 4];
            for (col, v) in [a, b, c, d].into_iter().enumerate() {
                if v != 0 {
                    let next = values[col].len() as u16;
                    let id = *index[col].entry(v).or_insert(next);
                    if id == next {
                        values[col].push(v);
                    }
                    ids[col] = id;
                }
            }
            let h = feature_with(0, w);
            let mut i = h as usize & (cap - 1);
            while slots[i].0 != 0 {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = (h, ids);
        }
        Lexicon { slots, values }
    }

    /// Start fetching the slot of word hash `h` (see [`Lexicon::get`]).
    #[inline]
    fn prefetch(&self, h: u64) {
        warta_learn::prefetch(&self.slots[h as usize & (self.slots.len() - 1)]);
    }

    #[inline]
    fn get(&self, h: u64) -> (u64, u64, u64, u64) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (k, ids) = self.slots[i];
            if k == h {
                return (
                    self.values[0][ids[0] as usize],
                    self.values[1][ids[1] as usize],
                    self.values[2][ids[2] as usize],
                    self.values[3][ids[3] as usize],
                );
            }
            if k == 0 {
                return (0, 0, 0, 0);
            }
            i = (i + 1) & mask;
        }
    }
}

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| {
        let t5 = |n: &str| {
            [
                template(&format!("{n}-2")),
                template(&format!("{n}-1")),
                template(&format!("{n}0")),
                template(&format!("{n}+1")),
                template(&format!("{n}+2")),
            ]
        };
        let mut lex: HashMap<String, (u64, u64, u64, u64)> = HashMap::default();
        for line in cues().lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((w, c)) = line.split_once('\t') {
                lex.entry(w.trim().to_lowercase()).or_default().0 = feature("cue", c.trim());
            }
        }
        for line in clusters().lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            if let (Some(w), Some(a), Some(b)) = (f.next(), f.next(), f.next()) {
                let e = lex.entry(w.to_string()).or_default();
                e.1 = feature("cf", a);
                e.2 = feature("cc", b);
            }
        }
        for line in gazetteer().lines() {
            if let Some((w, bits)) = super::gazetteer::parse_line(line) {
                lex.entry(w.to_string()).or_default().3 = feature("gz", &bits.to_string());
            }
        }
        let c5 = t5("cc");
        Templates {
            bias: feature("bias", ""),
            fine: [template("cf-1"), template("cf0"), template("cf+1")],
            coarse: c5,
            coarse_cap: template("cc0|cap0"),
            gaz: [template("gz-1"), template("gz0"), template("gz+1")],
            gaz_cap: template("gz0|cap0"),
            wl_short: template("w-1|short0"),
            short_wr: template("short0|w+1"),
            run_head: template("runhead|pos"),
            ngram: template("ngram3"),
            ngram4: template("ngram4"),
            run_tail: template("runtail|pos"),
            run_pre: template("runpre|pos"),
            suf_cap: template("suf3|cap"),
            enclosed: template("enclosed|cap"),
            lex: Lexicon::build(&lex),
            w: t5("w"),
            surf: template("surf"),
            shape: t5("shape"),
            short: template("short0"),
            short3: template("short-1|0|+1"),
            cue: t5("cue"),
            cap: [template("cap-1"), template("cap0"), template("cap+1")],
            bi_l: template("w-1|w0"),
            bi_r: template("w0|w+1"),
            first_cap: template("first|cap"),
            pre: [
                template("pre1"),
                template("pre2"),
                template("pre3"),
                template("pre4"),
            ],
            suf: [
                template("suf1"),
                template("suf2"),
                template("suf3"),
                template("suf4"),
            ],
            cue_w: template("cue-1|w0"),
            pad_lo: feature("pad", "<s>"),
            pad_hi: feature("pad", "</s>"),
        }
    })
}

/// Templates of the `ner-12` features (a word without a cluster × capitalisation).
fn unknown_templates() -> &'static (u64, u64) {
    static T: OnceLock<(u64, u64)> = OnceLock::new();
    T.get_or_init(|| (template("nocl|first|cap"), template("w-1|nocl|first|cap")))
}

/// Capitalisation class: 0 lower/other, 1 Initial, 2 ALLCAPS (≥2 letters), 3 digit-led, 4 mixed.
fn cap_class(s: &str) -> u8 {
    let mut chars = s.chars();
    let Some(c0) = chars.next() else { return 0 };
    if c0.is_ascii_digit() {
        return 3;
    }
    if !c0.is_uppercase() {
        return if s.chars().any(char::is_uppercase) {
            4
        } else {
            0
        };
    }
    let mut letters = 1;
    let mut all_upper = true;
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
            if !c.is_uppercase() {
                all_upper = false;
            }
        }
    }
    if all_upper && letters >= 2 {
        2
    } else {
        1
    }
}

/// Hashes of the word shape (`Xxxx` with runs capped at 2 → `Xxx`) and the short shape
/// (all runs collapsed → `Xx`), computed without allocating.
fn shapes(s: &str) -> (u64, u64) {
    let mut long = 0xcbf2_9ce4_8422_2325u64;
    let mut short = long;
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            short = (short ^ k as u64).wrapping_mul(0x100_0000_01b3);
        }
        if run <= 2 {
            long = (long ^ k as u64).wrapping_mul(0x100_0000_01b3);
        }
        last = k;
    }
    (long, short)
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    let end = it.nth(n).map(|(i, _)| i);
    match end {
        Some(e) => Some(&s[..e]),
        None if s.chars().count() > n => Some(s),
        None => None,
    }
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let start = s.char_indices().rev().nth(n).map(|(i, _)| i)?;
    // nth(n) from the back is the char *before* the last n chars.
    let c = s[start..].chars().next()?;
    Some(&s[start + c.len_utf8()..])
}

/// Character trigrams strictly inside `s` (the first and last are the prefix/suffix features).
fn push_ngrams(s: &str, prefix: u64, out: &mut Vec<u64>) {
    // Ring of the last four char boundaries: trigram k is s[b_k..b_{k+3}], for 1 <= k and
    // k + 3 < number of chars.
    let mut b = [0usize; 4];
    for (j, (i, _)) in s.char_indices().enumerate() {
        b[j % 4] = i;
        if j >= 4 {
            out.push(feature_with(prefix, &s[b[(j + 1) % 4]..i]));
        }
    }
}

/// Character 4-grams strictly inside `s`.
fn push_ngrams4(s: &str, prefix: u64, out: &mut Vec<u64>) {
    let mut b = [0usize; 5];
    for (j, (i, _)) in s.char_indices().enumerate() {
        b[j % 5] = i;
        if j >= 5 {
            out.push(feature_with(prefix, &s[b[(j + 1) % 5]..i]));
        }
    }
}

/// The key of a training domain (dataset), for domain-adapted training.
pub fn domain_key(name: &str) -> u64 {
    feature("domain", name)
}

/// Fill `seq` with the features of `words`.
pub fn fill(words: &[Word<'_>], set: FeatureSet, buf: &mut FeatureBuf, seq: &mut Sequence) {
    fill_domain(words, None, set, buf, seq)
}

/// Fill `seq` with the features of `words`; with a domain key, every feature is also emitted
/// conjoined with the domain (`combine(f, domain)`, see `warta_learn::Model::specialize`).
pub fn fill_domain(
    words: &[Word<'_>],
    domain: Option<u64>,
    set: FeatureSet,
    buf: &mut FeatureBuf,
    seq: &mut Sequence,
) {
    fill_dropout(words, domain, set, None, buf, seq)
}

/// [`fill_domain`] for training with word dropout: with `drop = Some((seed, permille))`,
/// that share of the tokens (chosen by a hash of the seed and the position) lose the features
/// that name the word itself (the word, its surface form, the bigrams with it), as if it were
/// a word never seen in training; context, shape, affixes and clusters stay. Teaches the model
/// to recognise names it has not seen.
// Parallel arrays (templates × context positions) read best with indices.
#[allow(clippy::needless_range_loop)]
pub fn fill_dropout(
    words: &[Word<'_>],
    domain: Option<u64>,
    set: FeatureSet,
    drop: Option<(u64, u32)>,
    buf: &mut FeatureBuf,
    seq: &mut Sequence,
) {
    let t = templates();
    seq.clear();
    buf.atoms.clear();
    let pad = |v: u64| Atom {
        lower: v,
        shape: v,
        short: v,
        cue: 0,
        fine: 0,
        coarse: 0,
        gaz: 0,
        cap: 9,
    };
    buf.atoms.extend([pad(t.pad_lo), pad(t.pad_lo)]);
    // Hash the words first and prefetch their lexicon slots (a table of megabytes: one cache
    // miss per word), so that the misses overlap instead of stalling word by word.
    for w in words {
        let lower = feature_with(0, w.lower);
        t.lex.prefetch(lower);
        buf.atoms.push(Atom {
            lower,
            ..Atom::default()
        });
    }
    for (a, w) in buf.atoms[2..].iter_mut().zip(words) {
        let (shape, short) = shapes(w.surface);
        let (cue, fine, coarse, gaz) = t.lex.get(a.lower);
        *a = Atom {
            lower: a.lower,
            shape,
            short,
            cue,
            fine,
            coarse,
            gaz,
            cap: cap_class(w.surface),
        };
    }
    buf.atoms.extend([pad(t.pad_hi), pad(t.pad_hi)]);
    let n = words.len();
    let capped = |c: u8| c == 1 || c == 2;
    // End (exclusive) of the run of capitalised words each token is in (runs only).
    let mut tail = 0;
    // Enclosure of each token (enclosed only): 1 between quotation marks, 2 in parentheses,
    // 3 both; a quote counts only when a closing one follows in the sentence.
    buf.enclosed.clear();
    if set.enclosed {
        let is_quote = |w: &Word<'_>| matches!(w.surface, "\"" | "“" | "”" | "``" | "''");
        let quotes = words.iter().filter(|w| is_quote(w)).count();
        let (mut seen, mut paren) = (0usize, 0u8);
        for w in words {
            if is_quote(w) {
                seen += 1;
            }
            match w.surface {
                "(" | "[" => paren = paren.saturating_add(1),
                ")" | "]" => paren = paren.saturating_sub(1),
                _ => {}
            }
            let in_quote = seen % 2 == 1 && seen < quotes && !is_quote(w);
            buf.enclosed
                .push(u8::from(in_quote) | (u8::from(paren > 0) << 1));
        }
    }
    buf.brown.clear();
    if set.brown {
        let bl = brown_lexicon();
        buf.brown.extend([[0; 4]; 2]);
        for a in &buf.atoms[2..n + 2] {
            let (p4, p6, p10, pf) = bl.get(a.lower);
            buf.brown.push([p4, p6, p10, pf]);
        }
        buf.brown.extend([[0; 4]; 2]);
    }
    buf.namelike.clear();
    if set.namelike != 0 {
        fill_namelike(words, &buf.atoms, set.namelike == 3, &mut buf.namelike);
    }
    buf.entlex.clear();
    if set.entlex {
        match buf.entities.as_deref() {
            Some(lex) => lex.mark_with(
                words,
                !set.entlex_words_only,
                set.entlex_tokens,
                &mut buf.entlex,
            ),
            None => entity_lexicon().mark_with(
                words,
                !set.entlex_words_only,
                set.entlex_tokens,
                &mut buf.entlex,
            ),
        }
    }
    if set.pos {
        super::stack::pos_atoms(words, &mut buf.pos);
    }
    if set.stack {
        let (lower, capped_w) = &mut buf.stack_words;
        lower.clear();
        capped_w.clear();
        for a in &buf.atoms[2..n + 2] {
            lower.push(a.lower);
            capped_w.push(capped(a.cap));
        }
        super::stack::prepare(lower, capped_w, &buf.pass1, &mut buf.stack);
    }
    // Start of the run of capitalised words (Initial or ALLCAPS) each token is in.
    let mut head = 0;
    for i in 0..n {
        let w = &words[i];
        if i == 0 || !capped(buf.atoms[i + 2].cap) || !capped(buf.atoms[i + 1].cap) {
            head = i;
        }
        if set.runs && tail <= i {
            tail = i + 1;
            if capped(buf.atoms[i + 2].cap) {
                while tail < n && capped(buf.atoms[tail + 2].cap) {
                    tail += 1;
                }
            }
        }
        // Tokens i-2..=i+2 (padded at the sentence edges).
        let ctx = &buf.atoms[i..i + 5];
        let out = seq.features_mut();
        let first = out.len();
        out.push(t.bias);
        let keep = drop.is_none_or(|(seed, permille)| {
            warta_learn::hash::mix(combine(seed, i as u64)) % 1000 >= u64::from(permille)
        });
        for k in 0..5 {
            if k != 2 || keep {
                out.push(combine(t.w[k], ctx[k].lower));
            }
            out.push(combine(t.shape[k], ctx[k].shape));
            if ctx[k].cue != 0 {
                out.push(combine(t.cue[k], ctx[k].cue));
            }
        }
        for k in 0..5 {
            if ctx[k].coarse != 0 {
                out.push(combine(t.coarse[k], ctx[k].coarse));
            }
        }
        for k in 0..3 {
            if ctx[k + 1].fine != 0 {
                out.push(combine(t.fine[k], ctx[k + 1].fine));
            }
        }
        for k in 0..3 {
            if ctx[k + 1].gaz != 0 {
                out.push(combine(t.gaz[k], ctx[k + 1].gaz));
            }
        }
        if ctx[2].gaz != 0 {
            out.push(combine(
                t.gaz_cap,
                combine(ctx[2].gaz, u64::from(ctx[2].cap) + 1),
            ));
        }
        if ctx[2].coarse != 0 {
            out.push(combine(
                t.coarse_cap,
                combine(ctx[2].coarse, u64::from(ctx[2].cap) + 1),
            ));
        }
        if keep {
            out.push(feature_with(t.surf, w.surface));
            out.push(combine(t.bi_l, combine(ctx[1].lower, ctx[2].lower)));
            out.push(combine(t.bi_r, combine(ctx[2].lower, ctx[3].lower)));
            if ctx[1].cue != 0 {
                out.push(combine(t.cue_w, combine(ctx[1].cue, ctx[2].lower)));
            }
        }
        out.push(combine(t.short, ctx[2].short));
        out.push(combine(
            t.short3,
            combine(combine(ctx[1].short, ctx[2].short), ctx[3].short),
        ));
        for k in 0..3 {
            out.push(combine(t.cap[k], u64::from(ctx[k + 1].cap) + 1));
        }
        out.push(combine(t.wl_short, combine(ctx[1].lower, ctx[2].short)));
        out.push(combine(t.short_wr, combine(ctx[2].short, ctx[3].lower)));
        if head < i {
            // Inside a capitalised run: its first word and how far in (1, 2, 3+).
            let pos = (i - head).min(3) as u64;
            out.push(combine(t.run_head, combine(buf.atoms[head + 2].lower, pos)));
        }
        out.push(combine(
            t.first_cap,
            u64::from(i == 0) * 16 + u64::from(ctx[2].cap) + 1,
        ));
        for k in 0..4 {
            if let Some(p) = prefix(w.lower, k + 1) {
                out.push(feature_with(t.pre[k], p));
            }
            if let Some(s) = suffix(w.lower, k + 1) {
                out.push(feature_with(t.suf[k], s));
            }
        }
        if let Some(&e) = buf.enclosed.get(i) {
            if e != 0 {
                out.push(combine(
                    t.enclosed,
                    u64::from(e) * 16 + u64::from(ctx[2].cap),
                ));
            }
        }
        if let Some(e) = buf.entlex.get(i) {
            out.extend(e.iter().copied().filter(|&f| f != 0));
        }
        if set.brown {
            let bt = brown_templates();
            let (prev, own, next) = (buf.brown[i + 1], buf.brown[i + 2], buf.brown[i + 3]);
            for k in 0..4 {
                if own[k] != 0 {
                    out.push(combine(bt.own[k], own[k]));
                }
            }
            if own[1] != 0 {
                out.push(combine(bt.cap, combine(own[1], u64::from(ctx[2].cap) + 1)));
            }
            for (j, k) in [1usize, 3].into_iter().enumerate() {
                if prev[k] != 0 {
                    out.push(combine(bt.prev[j], prev[k]));
                }
                if next[k] != 0 {
                    out.push(combine(bt.next[j], next[k]));
                }
            }
        }
        if set.pos {
            super::stack::push_pos(&buf.pos, i, ctx[2].cap, out);
        }
        if set.stack {
            super::stack::push_stack(&buf.pass1, &buf.stack, i, head, ctx[2].cap, out);
        }
        if set.namelike == 3 {
            let nt = namelike_templates();
            if let Some(l) = buf.namelike[i + 1].0 {
                let v = l.llr[0].max(l.llr[1]).max(l.llr[2]);
                let b = (i64::from(super::namelike::bucket(v)) + 64) as u64;
                out.push(combine(nt.best_cap, b * 16 + u64::from(ctx[2].cap)));
            }
            if buf.namelike[i + 1].1 != 0 {
                let pos = if head < i {
                    (i - head).min(2) as u64
                } else {
                    0
                };
                out.push(combine(nt.run, buf.namelike[i + 1].1 * 4 + pos));
            }
        }
        if set.namelike == 2 || (set.namelike == 4 && ctx[2].fine == 0) {
            let nt = namelike_templates();
            if let Some(l) = buf.namelike[i + 1].0 {
                out.push(combine(
                    nt.best_cap,
                    best_code(&l) * 16 + u64::from(ctx[2].cap),
                ));
            }
            if buf.namelike[i + 1].1 != 0 {
                let pos = if head < i {
                    (i - head).min(2) as u64
                } else {
                    0
                };
                out.push(combine(nt.run, buf.namelike[i + 1].1 * 4 + pos));
            }
        }
        if set.namelike == 1 {
            let nt = namelike_templates();
            let nl = &buf.namelike[i..i + 3];
            for k in 0..3 {
                if let Some(l) = nl[k].0 {
                    out.push(combine(nt.best[k], best_code(&l)));
                }
            }
            if let Some(l) = nl[1].0 {
                for c in 0..3 {
                    out.push(combine(nt.class[c], (l.buckets[c] as i64 + 64) as u64));
                }
                out.push(combine(
                    nt.best_cap,
                    best_code(&l) * 16 + u64::from(ctx[2].cap),
                ));
            }
            if nl[1].1 != 0 {
                let pos = if head < i {
                    (i - head).min(2) as u64
                } else {
                    0
                };
                out.push(combine(nt.run, nl[1].1 * 4 + pos));
            }
        }
        if set.unknown_caps && ctx[2].fine == 0 {
            let (t_first, t_prev) = *unknown_templates();
            let v = u64::from(i == 0) * 16 + u64::from(ctx[2].cap) + 1;
            out.push(combine(t_first, v));
            out.push(combine(t_prev, combine(ctx[1].lower, v)));
        }
        if set.runs && capped(ctx[2].cap) {
            if i + 1 < tail {
                // Inside a capitalised run before its last word: that word, how far before.
                let pos = (tail - 1 - i).min(3) as u64;
                out.push(combine(t.run_tail, combine(buf.atoms[tail + 1].lower, pos)));
            }
            if head < i {
                // The word before the run (a preposition, a verb, a title) and how far in.
                let pos = (i - head).min(3) as u64;
                out.push(combine(t.run_pre, combine(buf.atoms[head + 1].lower, pos)));
            }
            if let Some(s) = suffix(w.lower, 3) {
                out.push(feature_with(t.suf_cap, s));
            }
        }
        if set.ngrams && (ctx[2].fine == 0 || (set.ngram_caps && matches!(ctx[2].cap, 1 | 2))) {
            // A word without a cluster (rare or foreign): its inner character trigrams.
            push_ngrams(w.lower, t.ngram, out);
            if set.ngram4 {
                push_ngrams4(w.lower, t.ngram4, out);
            }
        }
        if let Some(d) = domain {
            let last = out.len();
            for k in first..last {
                let x = combine(out[k], d);
                out.push(x);
            }
        }
        seq.end_token();
    }
}

/// A likeness's best class and margin as one feature value (1-based).
fn best_code(l: &super::namelike::Likeness) -> u64 {
    u64::from(l.best) * 8 + u64::from(l.margin) + 1
}

/// `ner-15`: the name-likeness of each capitalised word (cap classes Initial, ALLCAPS, mixed;
/// at least two chars) and the best class of each capitalised run's mean LLR, into `out`
/// (padded with one empty entry at each end). `atoms` are the padded atoms of `words`.
fn fill_namelike(
    words: &[Word<'_>],
    atoms: &[Atom],
    name_only: bool,
    out: &mut Vec<(Option<super::namelike::Likeness>, u64)>,
) {
    use super::namelike;
    let models = namelike_models();
    out.push((None, 0));
    for (w, a) in words.iter().zip(&atoms[2..]) {
        let l = (matches!(a.cap, 1 | 2 | 4) && w.lower.chars().nth(1).is_some())
            .then(|| namelike::cached(models, a.lower, w.lower));
        out.push((l, 0));
    }
    out.push((None, 0));
    // Runs of capitalised words (Initial or ALLCAPS): the mean LLR of their scored words.
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !matches!(atoms[i + 2].cap, 1 | 2) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut sum = [0f32; 3];
        let mut m = 0;
        while j < n && matches!(atoms[j + 2].cap, 1 | 2) {
            if let Some(l) = out[j + 1].0 {
                for (s, x) in sum.iter_mut().zip(l.llr) {
                    *s += x;
                }
                m += 1;
            }
            j += 1;
        }
        if m > 0 {
            let mean = sum.map(|s| s / m as f32);
            let code = if name_only {
                let v = mean[0].max(mean[1]).max(mean[2]);
                (i64::from(namelike::bucket(v)) + 8) as u64
            } else {
                let (best, margin) = namelike::best_of(mean);
                u64::from(best) * 8 + u64::from(margin) + 1
            };
            for e in &mut out[i + 1..j + 1] {
                e.1 = code;
            }
        }
        i = j;
    }
}

/// Check the cue lexicon: `word<TAB>CLASS`, a known class, no duplicates.
pub fn check_cues(text: &str, file: &str) -> Vec<warta_core::DictIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (ln, l) in warta_core::data_lines(text) {
        let mut issue = |m: String| issues.push(warta_core::DictIssue::new(file, ln, m));
        let fields: Vec<&str> = l.split('\t').collect();
        if fields.len() != 2 {
            issue(format!(
                "expected `word<TAB>CLASS`, found {} field(s)",
                fields.len()
            ));
            continue;
        }
        let (w, c) = (fields[0].trim(), fields[1].trim());
        if w.is_empty() || w.contains(' ') {
            issue("the word must be one token without spaces".into());
        }
        if w != w.to_lowercase() {
            issue(format!("`{w}` must be lower case"));
        }
        if !CUE_CLASSES.contains(&c) {
            issue(format!(
                "unknown class `{c}` (expected one of {})",
                CUE_CLASSES.join(", ")
            ));
        }
        if let Some(first) = seen.insert(w.to_string(), ln) {
            issue(format!("duplicate of line {first}"));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(prefix("élan", 2), Some("él"));
        assert_eq!(prefix("ab", 2), None);
        assert_eq!(prefix("abc", 2), Some("ab"));
        assert_eq!(suffix("kotané", 2), Some("né"));
        assert_eq!(suffix("ab", 2), None);
        assert_eq!(suffix("abc", 2), Some("bc"));
    }

    #[test]
    fn inner_trigrams() {
        let mut out = Vec::new();
        push_ngrams("abcdef", 7, &mut out);
        let want: Vec<u64> = ["bcd", "cde"].iter().map(|g| feature_with(7, g)).collect();
        assert_eq!(out, want);
        out.clear();
        push_ngrams("abcd", 7, &mut out);
        push_ngrams("ééééé", 7, &mut out);
        assert_eq!(out, vec![feature_with(7, "ééé")]);
    }

    #[test]
    fn shapes_and_caps() {
        assert_eq!(shapes("Jakarta"), shapes("Bandung"));
        assert_ne!(shapes("Jakarta").0, shapes("Ab").0);
        assert_eq!(shapes("Jakarta").1, shapes("Ab").1);
        assert_eq!(cap_class("DPR"), 2);
        assert_eq!(cap_class("Joko"), 1);
        assert_eq!(cap_class("iPhone"), 4);
        assert_eq!(cap_class("2024"), 3);
        assert_eq!(cap_class("dan"), 0);
    }

    #[test]
    fn every_token_gets_features() {
        let words = [
            Word {
                surface: "Presiden",
                lower: "presiden",
            },
            Word {
                surface: "Jokowi",
                lower: "jokowi",
            },
        ];
        let mut seq = Sequence::new();
        fill(
            &words,
            FeatureSet::LATEST,
            &mut FeatureBuf::default(),
            &mut seq,
        );
        assert_eq!(seq.len(), 2);
        assert!(seq.token(1).len() > 20);
    }

    #[test]
    fn word_dropout_strips_word_identity() {
        let surface = ["Ia", "tinggal", "di", "Tyrol", "."];
        let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
        let words = word_views(&surface, &lower);
        let mut buf = FeatureBuf::default();
        let (mut full, mut none, mut all) = (Sequence::new(), Sequence::new(), Sequence::new());
        let set = FeatureSet::LATEST;
        fill_dropout(&words, None, set, None, &mut buf, &mut full);
        fill_dropout(&words, None, set, Some((7, 0)), &mut buf, &mut none);
        fill_dropout(&words, None, set, Some((7, 1000)), &mut buf, &mut all);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(full.token(i), none.token(i));
            // The word, its surface form, the two bigrams with it (and cue-1|w0) go.
            let gone = full.token(i).len() - all.token(i).len();
            assert!(matches!(gone, 4 | 5), "{i}: {gone}");
            let w0 = combine(templates().w[2], feature_with(0, w.lower));
            assert!(full.token(i).contains(&w0) && !all.token(i).contains(&w0));
        }
    }

    #[test]
    fn enclosure_features_mark_quotes_and_parentheses() {
        let surface = [
            "Lagu", "\"", "Hikari", "\"", "(", "2004", ")", "dan", "\"", "X",
        ];
        let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
        let words = word_views(&surface, &lower);
        let mut buf = FeatureBuf::default();
        let (mut plain, mut enc) = (Sequence::new(), Sequence::new());
        fill(&words, FeatureSet::LATEST, &mut buf, &mut plain);
        let set = FeatureSet::from_version("ner-9").unwrap();
        fill(&words, set, &mut buf, &mut enc);
        let extra: Vec<usize> = (0..words.len())
            .map(|i| enc.token(i).len() - plain.token(i).len())
            .collect();
        // "Hikari" is quoted, "(" "2004" are in parentheses; the last quote has no partner.
        assert_eq!(extra, vec![0, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn embedded_cues_are_valid() {
        let issues = check_cues(CUES, "cues.tsv");
        assert!(issues.is_empty(), "{issues:?}");
        let bad = check_cues("kota\tLOC\nKota\tXYZ\nkota\tLOC\n", "t.tsv");
        assert_eq!(bad.len(), 3, "{bad:?}");
    }
}
