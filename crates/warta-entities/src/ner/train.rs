//! Training the NER model and re-packing model files: the logic behind `warta train ner`
//! (the binary maps its flags to [`TrainConfig`] / [`RebundleConfig`], prints and writes).
//!
//! [`train`] reads the BIO training and dev files, builds the examples (domain-adapted,
//! optionally with word dropout, instance weighting, a jackknifed entity lexicon or a stacked
//! first pass), trains with per-epoch dev scoring and early stopping (per convention and
//! overall), and returns the model bundle's bytes with the figures to print.

use std::path::{Path, PathBuf};

use warta_learn::{Decoder, LearnError, Model};

use super::conll::{self, GoldSentence, Scores};
use super::{entlex, features, stack, Ner};

/// Errors of the training and table-building functions of `ner` (reading inputs, invalid
/// settings, the learner's errors).
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A file could not be read or written (the message is its path; the cause follows).
    #[error("{path}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A read error without a path (a line of an open file).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A JSON Lines input that does not parse (`what` names the input).
    #[error("{what}")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// A `--repeat NAME=K` whose K is not a number.
    #[error("--repeat NAME=K")]
    Repeat(#[source] std::num::ParseIntError),
    /// Invalid settings or generated data.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Learn(#[from] LearnError),
}

impl TrainError {
    pub(crate) fn file(path: &Path) -> impl FnOnce(std::io::Error) -> TrainError + '_ {
        move |source| TrainError::File {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Read a BIO/CoNLL gold file (see [`conll::parse`]).
pub fn read_gold(path: &Path) -> Result<Vec<GoldSentence>, TrainError> {
    let text = std::fs::read_to_string(path).map_err(TrainError::file(path))?;
    Ok(conll::parse(&text))
}

/// Read a file as text (lossy UTF-8), gunzipped when its extension is `gz`.
pub(crate) fn read_text(p: &Path) -> Result<String, TrainError> {
    use std::io::Read;
    let bytes = std::fs::read(p).map_err(TrainError::file(p))?;
    if p.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(TrainError::file(p))?;
        Ok(s)
    } else {
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The `text` field of every line of a news JSON Lines file, in order (lines without one are
/// skipped), each passed to `f`.
pub(crate) fn for_each_news_text(path: &Path, mut f: impl FnMut(&str)) -> Result<(), TrainError> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(TrainError::file(path))?;
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|source| TrainError::Json {
                what: "news JSON line",
                source,
            })?;
        if let Some(text) = v.get("text").and_then(|t| t.as_str()) {
            f(text);
        }
    }
    Ok(())
}

/// File names (without directories) of `paths`, joined by spaces.
pub(crate) fn file_names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .filter_map(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `greedy` or `viterbi`.
pub fn parse_decoder(s: &str) -> Result<Decoder, TrainError> {
    match s {
        "greedy" => Ok(Decoder::Greedy),
        "viterbi" => Ok(Decoder::Viterbi),
        _ => Err(TrainError::Invalid(format!(
            "unknown decoder `{s}` (greedy or viterbi)"
        ))),
    }
}

/// The label scheme: `bio` (false) or `bilou` (true).
pub fn parse_scheme(s: &str) -> Result<bool, TrainError> {
    match s {
        "bio" => Ok(false),
        "bilou" => Ok(true),
        _ => Err(TrainError::Invalid(format!(
            "unknown label scheme `{s}` (bio or bilou)"
        ))),
    }
}

/// Settings of [`rebundle`] (`warta train ner --rebundle`).
#[derive(Debug, Clone)]
pub struct RebundleConfig {
    /// The model file to re-pack.
    pub from: PathBuf,
    /// Conventions to keep, the first becoming the default.
    pub conventions: Vec<String>,
    /// Model files averaged with it, convention by convention (a bagged ensemble).
    pub average: Vec<PathBuf>,
    /// Rescale each model to the RMS weight of the first before averaging.
    pub normalize: bool,
    /// Share of each model (`from` first); empty = equal shares.
    pub shares: Vec<f32>,
    /// Above 1: re-prune every convention's rows by this.
    pub ship_prune: f32,
    /// Row pruning of the conventions stored as differences.
    pub delta_prune: f32,
}

/// Re-pack a model file with the conventions listed (first = default), optionally averaged
/// with other model files and re-pruned. Returns the new bundle's bytes.
pub fn rebundle(cfg: &RebundleConfig) -> Result<Vec<u8>, TrainError> {
    let bytes = std::fs::read(&cfg.from).map_err(TrainError::file(&cfg.from))?;
    let mut others = Vec::new();
    for p in &cfg.average {
        others.push(std::fs::read(p).map_err(TrainError::file(p))?);
    }
    let mut models = Vec::new();
    for conv in &cfg.conventions {
        let n = Ner::from_bytes_for(&bytes, Some(conv))?;
        let mut m = n.model().clone();
        if !others.is_empty() {
            // A bagged ensemble: the mean of this convention over every file.
            let mut all = vec![m.clone()];
            for o in &others {
                all.push(Ner::from_bytes_for(o, Some(conv))?.model().clone());
            }
            if !cfg.shares.is_empty() && cfg.shares.len() != all.len() {
                return Err(TrainError::Invalid(format!(
                    "--shares needs {} numbers",
                    all.len()
                )));
            }
            let total: f32 = if cfg.shares.is_empty() {
                all.len() as f32
            } else {
                cfg.shares.iter().sum()
            };
            let weighted: Vec<(&Model, f32)> = all
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let share = cfg.shares.get(i).copied().unwrap_or(1.0) / total;
                    let norm = if cfg.normalize {
                        all[0].weight_rms() / m.weight_rms().max(1e-9)
                    } else {
                        1.0
                    };
                    (m, share * norm)
                })
                .collect();
            m = Model::weighted_sum(&weighted)?;
        }
        if cfg.ship_prune > 1.0 {
            // Harder row pruning of an existing model (smaller and faster).
            m = m.pruned(cfg.ship_prune);
        }
        models.push((conv.clone(), m));
    }
    Ok(super::bundle(&models, cfg.delta_prune)?)
}

/// The entity lexicon of the training files (`--build-entities`): the table's text and its
/// number of entries.
pub fn build_entities(train: &[PathBuf]) -> Result<(String, usize), TrainError> {
    let mut golds = Vec::new();
    for p in train {
        golds.push(read_gold(p)?);
    }
    let all: Vec<&GoldSentence> = golds.iter().flatten().collect();
    // Word-level rows too (used by `ner-11`; harmless for `ner-10`).
    let counts = entlex::count(&all, true);
    let table = entlex::to_table(&counts, &file_names(train));
    Ok((table, counts.len()))
}

/// Settings of [`train`] (the flags of `warta train ner`).
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Training files; each file's dataset (name up to the first `.`) is its domain.
    pub train: Vec<PathBuf>,
    /// Dev files, scored after every epoch from `min_epochs` on (never trained on).
    pub dev: Vec<PathBuf>,
    pub epochs: usize,
    pub seed: u64,
    /// Instance weighting, `NAME=K`.
    pub repeat: Vec<String>,
    pub per_convention_stopping: bool,
    pub min_epochs: usize,
    /// `greedy` or `viterbi` (also recorded in the model's `config`).
    pub decoder: String,
    /// `bio` or `bilou`.
    pub scheme: String,
    pub word_dropout: f32,
    pub min_count: u32,
    pub prune: f32,
    pub key_bits: u8,
    pub ship_prune: f32,
    pub domain_scale: f32,
    pub crf_rate: f32,
    pub pa_c: f32,
    pub margin: f32,
    pub adapt: bool,
    /// Conventions of the written model, the first its default.
    pub conventions: Vec<String>,
    pub delta_prune: f32,
    /// Entity-lexicon jackknife blocks (`ner-10`).
    pub jackknife: usize,
    /// Stacked models (`ner-17`): first-pass folds, epochs and cache file.
    pub stack_folds: usize,
    pub stack_epochs: usize,
    pub stack_cache: Option<PathBuf>,
}

/// What [`train`] produced.
pub struct Trained {
    /// The model bundle to write.
    pub bytes: Vec<u8>,
    /// With dev files: the best epoch (mean own-convention dev F1) and its per-file scores.
    pub best: Option<(usize, Vec<(String, Scores)>)>,
    /// Conventions that took their own best epoch: (convention, own dev F1, epoch), in
    /// `conventions` order.
    pub own_epochs: Vec<(String, f64, usize)>,
    /// The dev files read (name, sentences), for [`written_figures`].
    pub dev: Vec<(String, Vec<GoldSentence>)>,
}

/// The best epoch so far: mean dev F1, epoch, averaged model, per-file scores.
type Best = (f64, usize, Model, Vec<(String, Scores)>);

/// The learner the options name: a CRF at `crf_rate`, else passive-aggressive updates capped
/// at `pa_c`, else the perceptron (a rate or cap of 0 is off).
pub fn learner(crf_rate: f32, pa_c: f32) -> warta_learn::Learner {
    if crf_rate > 0.0 {
        warta_learn::Learner::Crf { rate: crf_rate }
    } else if pa_c > 0.0 {
        warta_learn::Learner::PassiveAggressive { c: pa_c }
    } else {
        warta_learn::Learner::Perceptron
    }
}

/// Train the NER model. `log` receives progress lines (files read, each epoch's dev figures,
/// warnings, the stacked first pass).
pub fn train(cfg: &TrainConfig, mut log: impl FnMut(&str)) -> Result<Trained, TrainError> {
    let t = std::time::Instant::now();
    let decoder = parse_decoder(&cfg.decoder)?;
    let bilou = parse_scheme(&cfg.scheme)?;
    let labels: &[&str] = if bilou {
        &conll::LABELS_BILOU
    } else {
        &conll::LABELS
    };
    let mut golds = Vec::new();
    for p in &cfg.train {
        golds.push(read_gold(p)?);
    }
    let set = features::FeatureSet::from_version(&features::FeatureSet::training_version())
        .unwrap_or(features::FeatureSet::LATEST);
    let jackknife = if set.entlex {
        let all: Vec<&GoldSentence> = golds.iter().flatten().collect();
        let full = entlex::to_table(&entlex::count(&all, true), "");
        let body = |t: &str| t.lines().filter(|l| !l.starts_with('#')).count();
        let in_use = features::entity_table();
        let same = full
            .lines()
            .filter(|l| !l.starts_with('#'))
            .eq(in_use.lines().filter(|l| !l.starts_with('#')));
        if !same {
            log(&format!(
                "warning: the entity table in use ({} rows) is not the one of these training files ({} rows): run --build-entities and rebuild (or set WARTA_NER_ENTITIES)",
                body(in_use),
                body(&full)
            ));
        }
        let files: Vec<&[GoldSentence]> = golds.iter().map(Vec::as_slice).collect();
        Some(entlex::Jackknife::build(&files, cfg.jackknife, true))
    } else {
        None
    };
    let stacked = stack::first_pass(
        &stack::FirstPassConfig {
            train: &cfg.train,
            seed: cfg.seed,
            folds: cfg.stack_folds,
            epochs: cfg.stack_epochs,
            adapt: cfg.adapt,
            min_count: cfg.min_count,
            prune: cfg.prune,
            margin: cfg.margin,
            pa_c: cfg.pa_c,
            decoder,
            cache: cfg.stack_cache.as_deref(),
        },
        set,
        &golds,
        &mut log,
    )?;
    let mut examples = Vec::new();
    let mut domains = Vec::new();
    for (fi, (p, g)) in cfg.train.iter().zip(golds).enumerate() {
        let name = p.display().to_string();
        let dom = features::domain_key(super::domain_of(&name));
        log(&format!(
            "{name}: {} sentences (domain {})",
            g.len(),
            super::domain_of(&name)
        ));
        domains.push(dom);
        let mut ex = match &stacked {
            Some((pass1, _)) => stack::examples(
                &g,
                cfg.adapt.then_some(dom),
                set,
                pass1.get(fi).map(Vec::as_slice),
            ),
            None => super::examples_jackknifed(
                &g,
                cfg.adapt.then_some(dom),
                bilou,
                None,
                jackknife.as_ref(),
            ),
        };
        if cfg.word_dropout > 0.0 {
            let permille = (cfg.word_dropout.clamp(0.0, 1.0) * 1000.0) as u32;
            let seed = warta_learn::hash::combine(cfg.seed, dom);
            ex.extend(super::examples_jackknifed(
                &g,
                cfg.adapt.then_some(dom),
                bilou,
                Some((seed, permille)),
                jackknife.as_ref(),
            ));
        }
        let times = cfg
            .repeat
            .iter()
            .filter_map(|r| r.split_once('='))
            .find(|(d, _)| *d == super::domain_of(&name))
            .map_or(Ok(1), |(_, k)| k.parse::<usize>())
            .map_err(TrainError::Repeat)?;
        for _ in 1..times {
            examples.extend(ex.iter().cloned());
        }
        examples.extend(ex);
    }
    let mut dev = Vec::new();
    for p in &cfg.dev {
        dev.push((p.display().to_string(), read_gold(p)?));
    }
    let learn = warta_learn::TrainConfig {
        epochs: cfg.epochs,
        seed: cfg.seed,
        decoder,
        min_count: cfg.min_count,
        prune: cfg.prune,
        key_bits: 64,
        margin: cfg.margin,
        learner: learner(cfg.crf_rate, cfg.pa_c),
    };
    let all_names: Vec<&str> = cfg
        .train
        .iter()
        .map(|p| super::domain_of(p.to_str().unwrap_or("")))
        .collect();
    // Collapse the domain-adapted model into one convention: a dataset name, names joined by
    // `+` (domain weights averaged), `blend` (all datasets) or `none` (shared weights only).
    let specialize = |m: &Model, conv: &str| -> Result<Model, TrainError> {
        let mut m = if cfg.adapt {
            let names: Vec<&str> = if conv == "blend" {
                all_names.clone()
            } else {
                conv.split(['+', ','])
                    .filter(|d| !d.is_empty() && *d != "none")
                    .collect()
            };
            if let Some(bad) = names.iter().find(|n| !all_names.contains(n)) {
                return Err(TrainError::Invalid(format!(
                    "convention `{conv}`: `{bad}` is not a training dataset"
                )));
            }
            let d: Vec<u64> = names.iter().map(|n| features::domain_key(n)).collect();
            let scale = if conv == "blend" {
                1.0
            } else {
                cfg.domain_scale
            };
            m.specialize_scaled(&d, &domains, scale)?
        } else {
            m.clone()
        };
        super::stamp(&mut m);
        Ok(m.pruned(cfg.ship_prune).with_key_bits(cfg.key_bits))
    };
    // A stacked model's first pass, specialised to a convention (see `stack::first_pass`).
    let first_for = |conv: &str| -> Result<Option<Model>, TrainError> {
        let Some((_, full)) = &stacked else {
            return Ok(None);
        };
        let mut m = specialize(full, conv)?;
        let base = stack::base_version(&features::FeatureSet::training_version())
            .unwrap_or(features::FEATURES_VERSION);
        stack::stamp_version(&mut m, base);
        Ok(Some(m))
    };
    let mut firsts: Vec<(String, Ner)> = Vec::new();
    for (name, _) in &dev {
        let dom = super::domain_of(name);
        if let Some(f) = first_for(dom)? {
            firsts.push((dom.to_string(), Ner::from_model(f, dom)?));
        }
    }
    for conv in &cfg.conventions {
        let bad = conv
            .split(['+', ','])
            .find(|n| !matches!(*n, "blend" | "none") && !all_names.contains(n));
        if let Some(bad) = bad {
            return Err(TrainError::Invalid(format!(
                "convention `{conv}`: `{bad}` is not a training dataset"
            )));
        }
    }
    if cfg.conventions.is_empty() {
        return Err(TrainError::Invalid(
            "--conventions needs at least one convention".into(),
        ));
    }
    // Early stopping: the epoch whose own-convention dev F1, averaged over the dev files, is best.
    let mut best: Option<Best> = None;
    // Per dev dataset: the epoch whose model specialised to its convention scores best.
    let mut per_conv: Vec<(String, f64, usize, Model)> = Vec::new();
    let model = warta_learn::train_with(&examples, labels, &learn, |epoch, m| {
        if dev.is_empty() || epoch < cfg.min_epochs {
            log(&format!("epoch {epoch} ({:.0?})", t.elapsed()));
            return;
        }
        let mut line = Vec::new();
        let mut scores = Vec::new();
        for (name, g) in &dev {
            let dom = super::domain_of(name);
            let Ok(mut n) = specialize(m, dom).and_then(|m| Ok(Ner::new(m)?)) else {
                continue;
            };
            if let Some((_, f)) = firsts.iter().find(|(d, _)| d == dom) {
                n = n.with_first(f.clone());
            }
            let s = n.evaluate(g);
            line.push(format!("{dom} {:.4}", s.f1()));
            if per_conv.iter().all(|(d, f, ..)| d != dom || s.f1() > *f) {
                per_conv.retain(|(d, ..)| d != dom);
                per_conv.push((dom.to_string(), s.f1(), epoch, n.model().clone()));
            }
            scores.push((name.clone(), s));
        }
        let mean = scores.iter().map(|(_, s)| s.f1()).sum::<f64>() / scores.len().max(1) as f64;
        log(&format!(
            "epoch {epoch} ({:.0?}): dev micro F1 {} (mean {mean:.4})",
            t.elapsed(),
            line.join(", ")
        ));
        if best.as_ref().is_none_or(|b| mean > b.0) {
            best = Some((mean, epoch, m.clone(), scores));
        }
    })?;
    let (model, epoch, best) = match best {
        Some((_, epoch, m, scores)) => (m, epoch, Some((epoch, scores))),
        None => (model, cfg.epochs, None),
    };
    let files: Vec<String> = cfg
        .train
        .iter()
        .map(|p| {
            p.file_name()
                .map_or(String::new(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    let mut shipped = Vec::new();
    let mut own_epochs = Vec::new();
    for conv in &cfg.conventions {
        let (mut m, epoch) = match per_conv.iter().find(|(d, ..)| d == conv) {
            Some((_, f1, e, m)) if cfg.per_convention_stopping => {
                own_epochs.push((conv.clone(), *f1, *e));
                (m.clone(), *e)
            }
            _ => (specialize(&model, conv)?, epoch),
        };
        m.set_meta("train", &files.join(" "));
        m.set_meta(
            "config",
            &format!(
                "epochs={} (best of {}) seed={} decoder={} scheme={} word_dropout={} min_count={} prune={} ship_prune={} key_bits={} adapt={} margin={} crf_rate={} pa_c={} domain_scale={} convention={conv}",
                epoch, cfg.epochs, cfg.seed, cfg.decoder, cfg.scheme, cfg.word_dropout, cfg.min_count, cfg.prune, cfg.ship_prune, cfg.key_bits, cfg.adapt, cfg.margin, cfg.crf_rate, cfg.pa_c, cfg.domain_scale
            ),
        );
        shipped.push((conv.clone(), m));
    }
    for conv in &cfg.conventions {
        if let Some(f) = first_for(conv)? {
            shipped.push((format!("{}{conv}", stack::PASS1_PREFIX), f));
        }
    }
    let bytes = super::bundle(&shipped, cfg.delta_prune)?;
    Ok(Trained {
        bytes,
        best,
        own_epochs,
        dev,
    })
}

/// One convention of a written model: its name, feature rows, and dev micro F1 per dev
/// file's dataset.
pub type WrittenFigures = (String, usize, Vec<(String, f64)>);

/// Figures of a written model bundle, per convention (see [`WrittenFigures`]).
pub fn written_figures(
    bytes: &[u8],
    conventions: &[String],
    dev: &[(String, Vec<GoldSentence>)],
) -> Result<Vec<WrittenFigures>, TrainError> {
    let mut out = Vec::new();
    for conv in conventions {
        let n = Ner::from_bytes_for(bytes, Some(conv))?;
        let f1: Vec<(String, f64)> = dev
            .iter()
            .map(|(name, g)| (super::domain_of(name).to_string(), n.evaluate(g).f1()))
            .collect();
        out.push((conv.clone(), n.model().num_features(), f1));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoder_names() {
        assert!(matches!(parse_decoder("greedy"), Ok(Decoder::Greedy)));
        assert!(matches!(parse_decoder("viterbi"), Ok(Decoder::Viterbi)));
        assert!(parse_decoder("beam").is_err());
    }

    /// A small training configuration over `train` (scored on `dev`).
    fn config(train: Vec<PathBuf>, dev: Vec<PathBuf>) -> TrainConfig {
        TrainConfig {
            train,
            dev,
            epochs: 1,
            seed: 1,
            repeat: Vec::new(),
            per_convention_stopping: true,
            min_epochs: 1,
            decoder: "viterbi".into(),
            scheme: "bio".into(),
            word_dropout: 0.0,
            min_count: 1,
            prune: 0.0,
            key_bits: 48,
            ship_prune: 0.0,
            domain_scale: 1.0,
            crf_rate: 0.0,
            pa_c: 0.0,
            margin: 0.0,
            adapt: true,
            conventions: vec!["blend".into()],
            delta_prune: 1.0,
            jackknife: 10,
            stack_folds: 5,
            stack_epochs: 12,
            stack_cache: None,
        }
    }

    #[test]
    fn bad_scheme_and_missing_files_are_errors() {
        let cfg = TrainConfig {
            scheme: "bioes".into(),
            ..config(vec![PathBuf::from("/nonexistent/x.train.txt")], Vec::new())
        };
        let e = train(&cfg, |_| {}).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("unknown label scheme `bioes` (bio or bilou)")
        );
        let cfg = TrainConfig {
            scheme: "bio".into(),
            ..cfg
        };
        let e = train(&cfg, |_| {}).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("/nonexistent/x.train.txt"));
    }

    #[test]
    fn trains_a_tiny_model() {
        let dir = std::env::temp_dir().join(format!("warta-ner-train-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let train_file = dir.join("tiny.train.txt");
        let mut text = String::new();
        for _ in 0..5 {
            text.push_str("Joko B-PER\nWidodo I-PER\ntiba O\ndi O\nJakarta B-LOC\n\n");
            text.push_str("Polisi O\nmenangkap O\nBudi B-PER\n\n");
        }
        std::fs::write(&train_file, text).unwrap();
        let cfg = TrainConfig {
            epochs: 3,
            seed: 42,
            repeat: vec!["tiny=2".into()],
            conventions: vec!["blend".into(), "tiny".into()],
            ..config(vec![train_file.clone()], vec![train_file])
        };
        let mut lines = Vec::new();
        let t = train(&cfg, |l| lines.push(l.to_string())).unwrap();
        assert!(lines
            .iter()
            .any(|l| l.contains("10 sentences (domain tiny)")));
        assert!(t.best.is_some());
        assert_eq!(t.own_epochs.len(), 1);
        let figs = written_figures(&t.bytes, &cfg.conventions, &t.dev).unwrap();
        assert_eq!(figs.len(), 2);
        assert_eq!(
            super::super::conventions(&t.bytes).unwrap(),
            cfg.conventions
        );
        let bad = TrainConfig {
            conventions: vec!["other".into()],
            ..cfg
        };
        assert!(train(&bad, |_| {}).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
