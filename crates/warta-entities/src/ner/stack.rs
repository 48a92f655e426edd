//! Stacked evidence for the NER tagger (session 7, experiments `ner-16`, `ner-17`, `ner-1617`):
//!
//! * `ner-16`: the part-of-speech view of `warta-pos` (trained on BaPOS, 10k news sentences
//!   with `NNP` for proper nouns, a corpus the NER splits do not contain): the tag at -1..+1,
//!   the tag pairs, the tag × capitalisation × sentence start, and the position inside a run
//!   of `NNP` tags.
//! * `ner-17`: stacked sequential learning (Cohen & Carvalho 2005; Krishnan & Manning 2006): a
//!   second-pass model whose features include a first-pass model's labels (at -2..+2, with
//!   the first pass's confidence), the types the first pass gave the capitalised run the token
//!   is in, and whether the same word is tagged as an entity elsewhere in the sentence. The
//!   first-pass labels of training sentences are jackknifed ([`jackknife`]: K folds, each
//!   tagged by a model trained without it), so the second pass learns how far to trust them.
//!
//! The first-pass labels of a sentence go into [`super::features::FeatureBuf::pass1`] before
//! [`super::features::fill`]; [`super::Ner`] does this itself when it holds a first-pass
//! model (a bundle entry named [`PASS1_PREFIX`] + the convention).

use std::sync::OnceLock;

use warta_learn::hash::{combine, feature, template};
use warta_learn::{Example, LearnError, Model, Sequence, TrainConfig};

use super::conll::{self, GoldSentence};
use super::features::{self, FeatureBuf, FeatureSet, Word};

/// Bundle entries holding a stacked model's first pass are named this + the convention.
pub const PASS1_PREFIX: &str = "pass1:";

/// The feature version of a stacked model's first pass (`ner-17` → `ner-7`,
/// `ner-1617` → `ner-16`), `None` for a version without a second pass.
pub fn base_version(v: &str) -> Option<&'static str> {
    match v {
        "ner-17" => Some("ner-7"),
        "ner-1617" => Some("ner-16"),
        _ => None,
    }
}

/// One token's first-pass evidence: its BIO label id (into [`conll::LABELS`]) and a
/// confidence bucket (0: below .6, 1: below .9, 2: above).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pass1 {
    pub label: u16,
    pub conf: u8,
}

impl Pass1 {
    /// From a label and its confidence in `[0, 1]`.
    pub fn new(label: u16, conf: f32) -> Pass1 {
        let conf = if conf < 0.6 {
            0
        } else if conf < 0.9 {
            1
        } else {
            2
        };
        Pass1 { label, conf }
    }

    /// The entity type of the label (0 PER, 1 ORG, 2 LOC), `None` for `O` or unknown ids.
    fn ty(self) -> Option<usize> {
        (1..conll::LABELS.len())
            .contains(&(self.label as usize))
            .then(|| (self.label as usize - 1) / 2)
    }
}

struct PosTemplates {
    tag: [u64; 3],
    pair_l: u64,
    pair_r: u64,
    cap: u64,
    nnp_run: u64,
    nnp: u64,
    pad: u64,
}

fn pos_templates() -> &'static PosTemplates {
    static T: OnceLock<PosTemplates> = OnceLock::new();
    T.get_or_init(|| PosTemplates {
        tag: [template("pos-1"), template("pos0"), template("pos+1")],
        pair_l: template("pos-1|pos0"),
        pair_r: template("pos0|pos+1"),
        cap: template("pos0|cap|first"),
        nnp_run: template("nnprun|pos|last"),
        nnp: feature("postag", "NNP"),
        pad: feature("postag", "<pad>"),
    })
}

/// The part-of-speech tag keys of `words` from the embedded `warta-pos` tagger, padded with
/// one key before and after (all `X` if the tagger is unavailable).
pub fn pos_atoms(words: &[Word<'_>], out: &mut Vec<u64>) {
    let t = pos_templates();
    out.clear();
    out.push(t.pad);
    let surfaces: Vec<&str> = words.iter().map(|w| w.surface).collect();
    match warta_pos::Tagger::global() {
        Some(tagger) if !words.is_empty() => {
            out.extend(
                tagger
                    .tag_words(&surfaces)
                    .into_iter()
                    .map(|tag| feature("postag", tag)),
            );
        }
        _ => out.extend(words.iter().map(|_| feature("postag", "X"))),
    }
    out.push(t.pad);
}

/// The `ner-16` features of token `i` (`atoms` from [`pos_atoms`], `cap` its capitalisation
/// class).
pub fn push_pos(atoms: &[u64], i: usize, cap: u8, out: &mut Vec<u64>) {
    let t = pos_templates();
    let (prev, own, next) = (atoms[i], atoms[i + 1], atoms[i + 2]);
    out.push(combine(t.tag[0], prev));
    out.push(combine(t.tag[1], own));
    out.push(combine(t.tag[2], next));
    out.push(combine(t.pair_l, combine(prev, own)));
    out.push(combine(t.pair_r, combine(own, next)));
    let first = u64::from(i == 0) * 16 + u64::from(cap) + 1;
    out.push(combine(t.cap, combine(own, first)));
    if own == t.nnp {
        // Inside a run of proper nouns: how far in (0, 1, 2, 3+) and whether it ends here.
        let mut k = 0;
        while k < 3 && atoms[i + 1 - k] == t.nnp {
            k += 1;
        }
        let last = u64::from(next != t.nnp);
        out.push(combine(t.nnp_run, (k as u64) * 2 + last));
    }
}

struct StackTemplates {
    label: [u64; 5],
    conf: u64,
    cap: u64,
    pair_l: u64,
    pair_r: u64,
    run: u64,
    same: u64,
}

fn stack_templates() -> &'static StackTemplates {
    static T: OnceLock<StackTemplates> = OnceLock::new();
    T.get_or_init(|| StackTemplates {
        label: [
            template("p1-2"),
            template("p1-1"),
            template("p1_0"),
            template("p1+1"),
            template("p1+2"),
        ],
        conf: template("p1_0|conf"),
        cap: template("p1_0|cap"),
        pair_l: template("p1-1|p1_0"),
        pair_r: template("p1_0|p1+1"),
        run: template("p1run|types|pos"),
        same: template("p1same|types"),
    })
}

/// Per-sentence context of the `ner-17` features, computed once per sentence.
#[derive(Debug, Default)]
pub struct StackCtx {
    /// Per token: bit mask of the types (1 PER, 2 ORG, 4 LOC, 8 some `O`) the first pass gave
    /// the capitalised run the token is in (0 outside runs).
    run_types: Vec<u8>,
    /// Per token: bit mask of the types the first pass gave the same word elsewhere in the
    /// sentence.
    same_types: Vec<u8>,
}

/// Prepare the `ner-17` context of a sentence (`lower`: the words' hashes, `capped`: each
/// word starts with a capital), reading `pass1` (padded with `O` if shorter than the sentence).
pub fn prepare(lower: &[u64], capped: &[bool], pass1: &[Pass1], ctx: &mut StackCtx) {
    let n = lower.len();
    let p = |i: usize| pass1.get(i).copied().unwrap_or_default();
    let bit = |x: Pass1| x.ty().map_or(8u8, |t| 1 << t);
    ctx.run_types.clear();
    ctx.run_types.resize(n, 0);
    let mut i = 0;
    while i < n {
        if !capped[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut mask = 0u8;
        while j < n && capped[j] {
            mask |= bit(p(j));
            j += 1;
        }
        ctx.run_types[i..j].fill(mask);
        i = j;
    }
    ctx.same_types.clear();
    ctx.same_types.resize(n, 0);
    for i in 0..n {
        for j in 0..n {
            if j != i && lower[j] == lower[i] {
                if let Some(t) = p(j).ty() {
                    ctx.same_types[i] |= 1 << t;
                }
            }
        }
    }
}

/// The `ner-17` features of token `i` (`head`: the start of its capitalised run).
pub fn push_stack(
    pass1: &[Pass1],
    ctx: &StackCtx,
    i: usize,
    head: usize,
    cap: u8,
    out: &mut Vec<u64>,
) {
    let t = stack_templates();
    // Label ids shifted by one: 0 is the sentence edge.
    let at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            return 0;
        }
        pass1.get(j as usize).map_or(0, |x| u64::from(x.label) + 1)
    };
    for (k, tk) in t.label.iter().enumerate() {
        out.push(combine(*tk, at(k as isize - 2)));
    }
    let own = pass1.get(i).copied().unwrap_or_default();
    out.push(combine(t.conf, at(0) * 4 + u64::from(own.conf)));
    out.push(combine(t.cap, at(0) * 16 + u64::from(cap)));
    out.push(combine(t.pair_l, at(-1) * 32 + at(0)));
    out.push(combine(t.pair_r, at(0) * 32 + at(1)));
    if let Some(&m) = ctx.run_types.get(i) {
        if m != 0 {
            let pos = (i - head).min(2) as u64;
            out.push(combine(t.run, u64::from(m) * 4 + pos));
        }
    }
    if let Some(&m) = ctx.same_types.get(i) {
        if m != 0 {
            out.push(combine(t.same, u64::from(m) * 16 + u64::from(cap)));
        }
    }
}

/// An identifier of what the stacked features read beyond the base resources: the POS
/// model's bytes (`ner-16`), so that a model trained with another POS tagger does not load.
pub fn resources_id(set: FeatureSet) -> String {
    let mut h = features::lexicon_id();
    if set.pos {
        let mut x = 0xcbf2_9ce4_8422_2325u64;
        for &b in warta_pos::MODEL {
            x = (x ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        h = format!("{h}+pos{x:016x}");
    }
    h
}

/// Record a feature version and its resource id in a model (what [`super::Ner::new`] checks).
pub fn stamp_version(model: &mut Model, version: &str) {
    let set = FeatureSet::from_version(version).unwrap_or(FeatureSet::LATEST);
    model.set_meta("features", version);
    model.set_meta("lexicon", &features::lexicon_id_for(set));
}

/// Training examples of `gold` with the feature set `set`, with domain-conjoined copies when
/// `domain` is given, and the first-pass evidence `pass1[n]` for sentence `n` (stacked sets).
pub fn examples(
    gold: &[GoldSentence],
    domain: Option<u64>,
    set: FeatureSet,
    pass1: Option<&[Vec<Pass1>]>,
) -> Vec<Example> {
    let mut buf = FeatureBuf::default();
    gold.iter()
        .enumerate()
        .map(|(n, g)| {
            buf.pass1.clear();
            if let Some(p) = pass1.and_then(|p| p.get(n)) {
                buf.pass1.extend_from_slice(p);
            }
            let mut seq = Sequence::new();
            super::with_words(&g.words, |words| {
                features::fill_domain(words, domain, set, &mut buf, &mut seq)
            });
            Example {
                seq,
                gold: conll::bio_ids(g.words.len(), &g.chunks),
            }
        })
        .collect()
}

/// The block (0..folds) of sentence `n` of a file of `len` sentences: contiguous blocks.
pub fn fold_of(n: usize, len: usize, folds: usize) -> usize {
    (n * folds / len.max(1)).min(folds.saturating_sub(1))
}

/// The first-pass labels of `gold` by a plain (specialised) model with features `set`.
pub fn tag_pass1(model: &Model, set: FeatureSet, gold: &[&GoldSentence]) -> Vec<Vec<Pass1>> {
    let mut buf = FeatureBuf::default();
    let mut seq = Sequence::new();
    let mut scratch = warta_learn::Scratch::default();
    let (mut labels, mut conf) = (Vec::new(), Vec::new());
    gold.iter()
        .map(|g| {
            super::with_words(&g.words, |words| {
                features::fill(words, set, &mut buf, &mut seq)
            });
            model.tag_into(&seq, &mut scratch, &mut labels, Some(&mut conf));
            labels
                .iter()
                .zip(&conf)
                .map(|(&l, &c)| Pass1::new(l, c))
                .collect()
        })
        .collect()
}

/// One training file for [`jackknife`]: its sentences and its domain key.
pub struct TrainFile<'a> {
    pub gold: &'a [GoldSentence],
    pub domain: u64,
}

/// Jackknifed first-pass labels of every training sentence: the sentences of each file are
/// cut into `folds` contiguous blocks; for each block, a first-pass model (features
/// `base`, domain-adapted when `adapt`, `cfg`) is trained on every other block of every file
/// and, specialised to the file's domain, tags the held-out block. No sentence is ever tagged
/// by a model that saw it. Returns the labels per file, per sentence.
pub fn jackknife(
    files: &[TrainFile<'_>],
    base: FeatureSet,
    adapt: bool,
    folds: usize,
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<Vec<Vec<Vec<Pass1>>>, LearnError> {
    let folds = folds.max(2);
    let domains: Vec<u64> = files.iter().map(|f| f.domain).collect();
    let mut out: Vec<Vec<Vec<Pass1>>> = files
        .iter()
        .map(|f| vec![Vec::new(); f.gold.len()])
        .collect();
    let all: Vec<Vec<Example>> = files
        .iter()
        .map(|f| examples(f.gold, adapt.then_some(f.domain), base, None))
        .collect();
    for k in 0..folds {
        let train: Vec<Example> = files
            .iter()
            .zip(&all)
            .flat_map(|(f, ex)| {
                ex.iter()
                    .enumerate()
                    .filter(move |(n, _)| fold_of(*n, f.gold.len(), folds) != k)
                    .map(|(_, e)| e.clone())
            })
            .collect();
        let m = warta_learn::train(&train, &conll::LABELS, cfg)?;
        for (fi, f) in files.iter().enumerate() {
            let spec = if adapt {
                m.specialize(&[f.domain], &domains)?
            } else {
                m.clone()
            };
            let held: Vec<usize> = (0..f.gold.len())
                .filter(|&n| fold_of(n, f.gold.len(), folds) == k)
                .collect();
            let refs: Vec<&GoldSentence> = held.iter().map(|&n| &f.gold[n]).collect();
            for (n, p) in held.into_iter().zip(tag_pass1(&spec, base, &refs)) {
                out[fi][n] = p;
            }
        }
        log(&format!(
            "jackknife fold {}/{folds}: trained on {} sentences",
            k + 1,
            train.len()
        ));
    }
    Ok(out)
}

/// Write jackknifed labels (one line per sentence: `label,conf` pairs separated by spaces;
/// files separated by a line `#file`).
pub fn save_pass1(p: &[Vec<Vec<Pass1>>]) -> String {
    let mut s = String::new();
    for file in p {
        s.push_str("#file\n");
        for sent in file {
            let toks: Vec<String> = sent
                .iter()
                .map(|x| format!("{},{}", x.label, x.conf))
                .collect();
            s.push_str(&toks.join(" "));
            s.push('\n');
        }
    }
    s
}

/// Read what [`save_pass1`] wrote (`None` if malformed).
pub fn load_pass1(text: &str) -> Option<Vec<Vec<Vec<Pass1>>>> {
    let mut out: Vec<Vec<Vec<Pass1>>> = Vec::new();
    for line in text.lines() {
        if line == "#file" {
            out.push(Vec::new());
            continue;
        }
        let file = out.last_mut()?;
        let mut sent = Vec::new();
        for tok in line.split_whitespace() {
            let (l, c) = tok.split_once(',')?;
            sent.push(Pass1 {
                label: l.parse().ok()?,
                conf: c.parse().ok()?,
            });
        }
        file.push(sent);
    }
    Some(out)
}

/// Settings of [`first_pass`] (the stacking flags of `warta train ner`).
#[derive(Debug, Clone, Copy)]
pub struct FirstPassConfig<'a> {
    /// Training files (their dataset names are the domains, recorded in the cache header).
    pub train: &'a [std::path::PathBuf],
    pub seed: u64,
    /// Jackknife folds and epochs of every first-pass model.
    pub folds: usize,
    pub epochs: usize,
    pub adapt: bool,
    pub min_count: u32,
    pub prune: f32,
    pub margin: f32,
    /// Passive-aggressive cap (0 = perceptron).
    pub pa_c: f32,
    pub decoder: warta_learn::Decoder,
    /// Keep the jackknifed labels (this file) and the full first-pass model (this file +
    /// `.bin`) here, and reuse them when they match the seed, folds and epochs.
    pub cache: Option<&'a std::path::Path>,
}

/// The stacked first pass and its jackknifed labels.
pub type FirstPass = (Vec<Vec<Vec<Pass1>>>, Model);

/// For a stacked feature set (`set.stack`, `ner-17`): the jackknifed first-pass labels of every
/// training sentence (per file) and the full first-pass model (domain-adapted, trained on
/// everything), from the cache when it matches, else trained. `None` for other feature sets.
pub fn first_pass(
    cfg: &FirstPassConfig<'_>,
    set: FeatureSet,
    golds: &[Vec<GoldSentence>],
    log: &mut dyn FnMut(&str),
) -> Result<Option<FirstPass>, super::train::TrainError> {
    use super::train::TrainError;
    if !set.stack {
        return Ok(None);
    }
    let version = FeatureSet::training_version();
    let base_v = base_version(&version).unwrap_or(features::FEATURES_VERSION);
    let base = FeatureSet::from_version(base_v).unwrap_or(FeatureSet::LATEST);
    let names: Vec<String> = cfg
        .train
        .iter()
        .map(|p| super::domain_of(&p.display().to_string()).to_string())
        .collect();
    let header = format!(
        "#stack seed={} folds={} epochs={} base={base_v} adapt={} train={}",
        cfg.seed,
        cfg.folds,
        cfg.epochs,
        cfg.adapt,
        names.join(",")
    );
    let learn = TrainConfig {
        epochs: cfg.epochs,
        seed: cfg.seed,
        decoder: cfg.decoder,
        min_count: cfg.min_count,
        prune: cfg.prune,
        key_bits: 64,
        margin: cfg.margin,
        // (The first pass never trains a CRF.)
        learner: super::train::learner(0.0, cfg.pa_c),
    };
    if let Some(c) = cfg.cache {
        let model_path = c.with_extension("bin");
        if let (Ok(text), Ok(bytes)) = (std::fs::read_to_string(c), std::fs::read(&model_path)) {
            if let Some(body) = text.strip_prefix(&format!("{header}\n")) {
                if let (Some(p), Ok(m)) = (load_pass1(body), Model::load(&bytes)) {
                    if p.len() == golds.len()
                        && p.iter().zip(golds).all(|(p, g)| p.len() == g.len())
                    {
                        log(&format!("stack: first pass from {}", c.display()));
                        return Ok(Some((p, m)));
                    }
                }
            }
        }
    }
    let t = std::time::Instant::now();
    let files: Vec<TrainFile<'_>> = golds
        .iter()
        .zip(&names)
        .map(|(g, n)| TrainFile {
            gold: g,
            domain: features::domain_key(n),
        })
        .collect();
    let pass1 = jackknife(&files, base, cfg.adapt, cfg.folds, &learn, |m| {
        log(&format!("stack: {m} ({:.0?})", t.elapsed()))
    })?;
    let all: Vec<Example> = files
        .iter()
        .flat_map(|f| examples(f.gold, cfg.adapt.then_some(f.domain), base, None))
        .collect();
    let full = warta_learn::train(&all, &conll::LABELS, &learn)?;
    log(&format!(
        "stack: full first pass trained ({:.0?})",
        t.elapsed()
    ));
    if let Some(c) = cfg.cache {
        let text = format!("{header}\n{}", save_pass1(&pass1));
        std::fs::write(c, text).map_err(TrainError::file(c))?;
        let model_path = c.with_extension("bin");
        std::fs::write(&model_path, full.to_bytes()).map_err(TrainError::file(&model_path))?;
    }
    Ok(Some((pass1, full)))
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

    #[test]
    fn folds_are_contiguous_and_cover_every_sentence() {
        let folds: Vec<usize> = (0..10).map(|n| fold_of(n, 10, 5)).collect();
        assert_eq!(folds, vec![0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(fold_of(0, 0, 5), 0);
        assert!((0..7).all(|n| fold_of(n, 7, 5) < 5));
    }

    /// The jackknife never tags a sentence with a model that saw it: a word that occurs in
    /// exactly one training sentence, always as a name there, cannot be learnt from the other
    /// folds, so its jackknifed label is `O` while a model trained on everything tags it.
    #[test]
    fn jackknife_tags_with_models_that_never_saw_the_sentence() {
        let mut gold = Vec::new();
        for k in 0..40 {
            // Ordinary sentences: a capitalised common name after `kata`.
            let name = ["Budi", "Siti", "Agus", "Dewi"][k % 4];
            gold.push(sent(&["kata", name, "kemarin", "."], &[(1, 2, 0)]));
        }
        // One sentence with a unique lower-case "name" the features cannot guess.
        gold[13] = sent(&["zzqx", "pergi", "kemarin", "."], &[(0, 1, 1)]);
        let cfg = TrainConfig {
            epochs: 5,
            decoder: warta_learn::Decoder::Viterbi,
            ..TrainConfig::default()
        };
        let files = [TrainFile {
            gold: &gold,
            domain: features::domain_key("t"),
        }];
        let set = FeatureSet::LATEST;
        let jk = jackknife(&files, set, false, 5, &cfg, |_| {}).unwrap();
        assert_eq!(jk[0].len(), 40);
        assert!(jk[0]
            .iter()
            .zip(&gold)
            .all(|(p, g)| p.len() == g.words.len()));
        assert_eq!(jk[0][13][0].label, 0, "{:?}", jk[0][13]);
        let full =
            warta_learn::train(&examples(&gold, None, set, None), &conll::LABELS, &cfg).unwrap();
        let seen = tag_pass1(&full, set, &[&gold[13]]);
        assert_eq!(seen[0][0].label, 3, "{seen:?}");
        // The ordinary sentences are learnt from the other folds.
        assert_eq!(jk[0][0][1].label, 1);
    }

    #[test]
    fn pass1_round_trips_through_text() {
        let p = vec![
            vec![vec![Pass1::new(0, 0.95), Pass1::new(1, 0.5)], vec![]],
            vec![vec![Pass1::new(5, 0.7)]],
        ];
        assert_eq!(load_pass1(&save_pass1(&p)), Some(p));
        assert_eq!(load_pass1("1,2\n"), None);
    }

    /// The stacked features are deterministic, depend on the first pass's labels, and are
    /// absent from the base set.
    #[test]
    fn stacked_features_read_the_first_pass() {
        let surface = ["Ia", "bertemu", "Budi", "Santoso", "dan", "Budi", "."];
        let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
        let words = features::word_views(&surface, &lower);
        let set = FeatureSet::from_version("ner-17").unwrap();
        let fill = |p: &[Pass1]| {
            let mut buf = FeatureBuf::default();
            buf.pass1.extend_from_slice(p);
            let mut seq = Sequence::new();
            features::fill(&words, set, &mut buf, &mut seq);
            seq
        };
        let o = vec![Pass1::new(0, 0.99); 7];
        let mut per = o.clone();
        per[2] = Pass1::new(1, 0.99);
        per[3] = Pass1::new(2, 0.99);
        let (a, b, c) = (fill(&o), fill(&o), fill(&per));
        assert_eq!(a.all_features(), b.all_features());
        // Every token's features change (labels at -2..+2 or the same-word link reach all).
        assert_ne!(a.token(3), c.token(3));
        // "Budi" at 5 is tagged elsewhere in the sentence as PER.
        let same = |s: &Sequence| {
            s.token(5)
                .iter()
                .filter(|&&f| {
                    (1..16).any(|m| {
                        (0..5).any(|cap| f == combine(stack_templates().same, m * 16 + cap as u64))
                    })
                })
                .count()
        };
        assert_eq!((same(&a), same(&c)), (0, 1));
        let mut base = Sequence::new();
        features::fill(
            &words,
            FeatureSet::LATEST,
            &mut FeatureBuf::default(),
            &mut base,
        );
        assert!(base.token(3).len() + 7 <= c.token(3).len());
    }

    #[test]
    fn pos_features_mark_proper_noun_runs() {
        if warta_pos::Tagger::global().is_none() {
            panic!("embedded POS model");
        }
        let surface = ["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."];
        let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
        let words = features::word_views(&surface, &lower);
        let mut atoms = Vec::new();
        pos_atoms(&words, &mut atoms);
        assert_eq!(atoms.len(), words.len() + 2);
        let nnp = pos_templates().nnp;
        assert_eq!(atoms[6], nnp, "Jakarta is a proper noun");
        let set = FeatureSet::from_version("ner-16").unwrap();
        let (mut a, mut b, mut base) = (Sequence::new(), Sequence::new(), Sequence::new());
        features::fill(&words, set, &mut FeatureBuf::default(), &mut a);
        features::fill(&words, set, &mut FeatureBuf::default(), &mut b);
        features::fill(
            &words,
            FeatureSet::LATEST,
            &mut FeatureBuf::default(),
            &mut base,
        );
        assert_eq!(a.all_features(), b.all_features());
        for i in 0..words.len() {
            assert!(a.token(i).len() >= base.token(i).len() + 6, "{i}");
        }
    }
}
