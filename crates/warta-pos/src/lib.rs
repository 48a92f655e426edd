//! Indonesian part-of-speech tagger: an averaged perceptron (`warta-learn`) over word, affix,
//! shape, ±2 context and morphological features (`warta-morph`), trained on BaPOS (IDN tagset).
//!
//! ```no_run
//! let tagger = warta_pos::Tagger::global().expect("embedded model");
//! let tags = tagger.tag_words(&["Rusia", "menyerang", "Ukraina", "."]);
//! assert_eq!(tags.len(), 4);
//! ```

pub mod corpus;
mod features;

pub use corpus::{read_tagged, TaggedSentence};
pub use features::{extract, Word};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use warta_learn::{Decoder, Model, Scratch, Sequence, TrainConfig};
use warta_text::TextDoc;

/// The embedded model (`model/pos.bin`, see `model/README.md`).
pub const MODEL: &[u8] = include_bytes!("../model/pos.bin");

/// Version of the feature set; stored in the model's metadata and checked on load.
pub const FEATURES: &str = "pos-features-2";

#[derive(Debug, thiserror::Error)]
pub enum PosError {
    #[error(transparent)]
    Learn(#[from] warta_learn::LearnError),
    #[error("model was trained with features {found:?}, this build extracts {FEATURES:?}")]
    Features { found: String },
}

/// Tags this crate knows by name (IDN/BaPOS, POSP and kumparan tagsets), so tags can be
/// returned as `&'static str`.
const KNOWN_TAGS: &[&str] = &[
    "NN", "NNP", "NND", "NNO", "VB", "VBI", "VBT", "VBP", "VBL", "VBE", "JJ", "ADJ", "RB", "ADV",
    "ADK", "IN", "PPO", "SC", "CSN", "CC", "CCN", "CD", "NUM", "OD", "KUA", "PRP", "PRN", "PRR",
    "PRI", "PRK", "PR", "DT", "ART", "MD", "NEG", "WH", "RP", "PAR", "FW", "SYM", "Z", "UH", "INT",
    "UNS", "$$$", "X",
];

/// `B-NN` → `NN`, interned.
pub fn bare_tag(label: &str) -> &'static str {
    let t = label
        .strip_prefix("B-")
        .or_else(|| label.strip_prefix("I-"))
        .unwrap_or(label);
    KNOWN_TAGS.iter().copied().find(|k| *k == t).unwrap_or("X")
}

/// A loaded tagger.
pub struct Tagger {
    model: Model,
    bare: Vec<&'static str>,
}

thread_local! {
    static BUFS: RefCell<(Sequence, Scratch, Vec<u16>, Vec<Word>)> = RefCell::default();
}

impl Tagger {
    /// The tagger with the embedded model.
    pub fn new() -> Result<Tagger, PosError> {
        Tagger::from_bytes(MODEL)
    }

    /// Load a model saved by [`train`] (`Model::save`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, PosError> {
        Tagger::from_model(Model::load(bytes)?)
    }

    pub fn from_model(model: Model) -> Result<Tagger, PosError> {
        let found = model.meta("features").unwrap_or("");
        if found != FEATURES {
            return Err(PosError::Features {
                found: found.to_string(),
            });
        }
        let bare = model.labels().iter().map(|l| bare_tag(l)).collect();
        Ok(Tagger { model, bare })
    }

    /// The embedded tagger, loaded once; `None` if the embedded model cannot be read.
    pub fn global() -> Option<&'static Tagger> {
        static T: OnceLock<Option<Tagger>> = OnceLock::new();
        T.get_or_init(|| Tagger::new().ok()).as_ref()
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Label ids of one sentence of analysed words.
    fn label_words(&self, words: &[Word], out: &mut Vec<u16>) {
        BUFS.with(|b| {
            let mut b = b.borrow_mut();
            let (seq, scratch, _, _) = &mut *b;
            seq.fill(&features::extract, words);
            self.model.tag_into(seq, scratch, out, None);
        });
    }

    /// Full labels (`B-NN`, `I-NNP`) for one sentence of words.
    pub fn labels(&self, words: &[&str]) -> Vec<&str> {
        let ws: Vec<Word> = words.iter().map(|w| Word::new(w)).collect();
        let mut ids = Vec::with_capacity(ws.len());
        self.label_words(&ws, &mut ids);
        ids.iter()
            .map(|&i| self.model.labels()[i as usize].as_str())
            .collect()
    }

    /// Bare tags (`NN`, `VB`, `NNP`) for one sentence of words.
    pub fn tag_words(&self, words: &[&str]) -> Vec<&'static str> {
        let ws: Vec<Word> = words.iter().map(|w| Word::new(w)).collect();
        let mut ids = Vec::with_capacity(ws.len());
        self.label_words(&ws, &mut ids);
        ids.iter().map(|&i| self.bare[i as usize]).collect()
    }

    /// Bare tags aligned with `doc.tokens`, tagging sentence by sentence (tokens outside every
    /// sentence get `X`).
    pub fn tag(&self, doc: &TextDoc<'_>) -> Vec<&'static str> {
        let mut out = vec!["X"; doc.tokens.len()];
        BUFS.with(|b| {
            let mut b = b.borrow_mut();
            let (seq, scratch, ids, words) = &mut *b;
            for s in &doc.sentences {
                let Some(toks) = doc.tokens.get(s.tokens.clone()) else {
                    continue;
                };
                words.clear();
                words.extend(toks.iter().map(|t| Word::new(&t.norm)));
                seq.fill(&features::extract, words);
                self.model.tag_into(seq, scratch, ids, None);
                for (k, &id) in ids.iter().enumerate() {
                    out[s.tokens.start + k] = self.bare[id as usize];
                }
            }
        });
        out
    }
}

/// Training settings for [`train`].
#[derive(Debug, Clone)]
pub struct PosTrainConfig {
    pub epochs: usize,
    pub decoder: Decoder,
    /// Averaged weights below this (absolute) are dropped: smaller model.
    pub prune: f32,
    pub min_count: u32,
    pub key_bits: u8,
}

impl Default for PosTrainConfig {
    fn default() -> Self {
        PosTrainConfig {
            epochs: 10,
            decoder: Decoder::Greedy,
            prune: 0.0,
            min_count: 3,
            key_bits: 64,
        }
    }
}

/// Train on tagged sentences; `after_epoch(epoch, tagger)` can score a dev set.
pub fn train(
    sentences: &[TaggedSentence],
    config: &PosTrainConfig,
    mut after_epoch: impl FnMut(usize, &Tagger),
) -> Result<Model, PosError> {
    let mut labels: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s.tags.iter().map(String::as_str))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let examples: Vec<warta_learn::Example> = sentences
        .iter()
        .map(|s| {
            let words: Vec<Word> = s.words.iter().map(|w| Word::new(w)).collect();
            warta_learn::Example {
                seq: Sequence::from_tokens(&features::extract, &words),
                gold: s
                    .tags
                    .iter()
                    .map(|t| labels.binary_search(&t.as_str()).unwrap_or(0) as u16)
                    .collect(),
            }
        })
        .collect();
    let cfg = TrainConfig {
        epochs: config.epochs,
        decoder: config.decoder,
        prune: config.prune,
        min_count: config.min_count,
        key_bits: config.key_bits,
        ..TrainConfig::default()
    };
    let mut model = warta_learn::train_with(&examples, &labels, &cfg, |e, m| {
        let mut m = m.clone();
        m.set_meta("features", FEATURES);
        if let Ok(t) = Tagger::from_model(m) {
            after_epoch(e, &t);
        }
    })?;
    model.set_meta("features", FEATURES);
    Ok(model)
}

/// Token accuracy of a tagger on gold sentences.
#[derive(Debug, Default, Clone)]
pub struct PosReport {
    pub tokens: usize,
    /// Full label (`B-NN`) right.
    pub correct: usize,
    /// Bare tag (`NN`) right.
    pub correct_bare: usize,
    /// Gold full label → (count, correct).
    pub per_tag: BTreeMap<String, (usize, usize)>,
    /// Tokens whose lower-cased form was not seen in training (if known).
    pub unknown: usize,
    pub unknown_correct: usize,
    /// (gold, predicted) full labels → count, errors only.
    pub confusions: BTreeMap<(String, String), usize>,
}

impl PosReport {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.tokens.max(1) as f64
    }
    pub fn accuracy_bare(&self) -> f64 {
        self.correct_bare as f64 / self.tokens.max(1) as f64
    }
}

/// Score `tagger` on `gold`; `seen` (lower-cased training words) enables the unknown-word figure.
pub fn evaluate(
    tagger: &Tagger,
    gold: &[TaggedSentence],
    seen: Option<&std::collections::HashSet<String>>,
) -> PosReport {
    let mut r = PosReport::default();
    let mut ids = Vec::new();
    for s in gold {
        let ws: Vec<Word> = s.words.iter().map(|w| Word::new(w)).collect();
        tagger.label_words(&ws, &mut ids);
        for ((w, g), &id) in ws.iter().zip(&s.tags).zip(&ids) {
            let got = tagger.model.labels()[id as usize].as_str();
            let ok = got == g;
            r.tokens += 1;
            r.correct += ok as usize;
            r.correct_bare += (bare_tag(got) == bare_tag(g)) as usize;
            if !ok {
                *r.confusions
                    .entry((g.clone(), got.to_string()))
                    .or_default() += 1;
            }
            match r.per_tag.get_mut(g) {
                Some(e) => {
                    e.0 += 1;
                    e.1 += ok as usize;
                }
                None => {
                    r.per_tag.insert(g.clone(), (1, ok as usize));
                }
            }
            if seen.is_some_and(|s| !s.contains(&w.lower)) {
                r.unknown += 1;
                r.unknown_correct += ok as usize;
            }
        }
    }
    r
}

#[cfg(test)]
mod tests;
