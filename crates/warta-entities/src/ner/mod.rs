//! Statistical named-entity recognition (PER / ORG / LOC) with a `warta-learn` averaged
//! perceptron trained on Indonesian NER corpora (see `model/README.md`).
//!
//! * [`Ner::embedded`]: the model compiled into the binary (`model/ner.bin`), loaded once.
//! * [`Ner::tag`]: entity spans of a [`TextDoc`], sentence by sentence, with a confidence.
//! * [`conll`]: reading CoNLL/BIO gold files, label mapping and CoNLL span scoring.
//! * [`features`]: the feature templates and the cue-word lexicon (`src/ner/cues.tsv`).

pub mod brown;
pub mod clusters;
pub mod conll;
pub mod entlex;
pub mod features;
pub mod gazetteer;
pub mod namelike;
pub mod stack;
pub mod train;

use std::sync::OnceLock;

use warta_core::Span;
use warta_learn::{Example, LearnError, Model, Scratch, Sequence};
use warta_text::TextDoc;

use conll::{GoldSentence, Scores, TYPES};
use features::{FeatureBuf, Word};

/// The model file compiled into the binary.
pub static EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// A loaded NER model.
#[derive(Debug, Clone)]
pub struct Ner {
    model: Model,
    convention: String,
    features: features::FeatureSet,
    /// The model's label set: [`conll::LABELS`] (BIO) or [`conll::LABELS_BILOU`].
    labels: &'static [&'static str],
    /// A stacked model's first pass (`ner-17`, see [`stack`]), whose labels feed this one.
    first: Option<Box<Ner>>,
}

/// Magic of a model bundle: several annotation conventions of one model (see [`bundle`]).
const BUNDLE_MAGIC: &[u8; 4] = b"WNER";
/// Version of the bundle container.
pub const BUNDLE_VERSION: u16 = 1;

/// Pack per-convention models into one file: `"WNER"`, u16 LE version, u16 LE count, then per
/// convention a u16 LE name length, the UTF-8 name, a u32 LE length and a `warta-learn` model
/// file. The first convention is the default and is stored in full; the others are stored as
/// deltas against it ([`Model::delta_from`]), so the file stays small and the default loads with
/// no extra work. Delta rows whose largest absolute change is below `min_delta` are dropped
/// (0 keeps every convention exact).
pub fn bundle(models: &[(String, Model)], min_delta: f32) -> Result<Vec<u8>, LearnError> {
    let Some((_, base)) = models.first() else {
        return Err(LearnError::Invalid("no convention to bundle".into()));
    };
    let mut out = Vec::new();
    out.extend_from_slice(BUNDLE_MAGIC);
    out.extend_from_slice(&BUNDLE_VERSION.to_le_bytes());
    out.extend_from_slice(&(models.len() as u16).to_le_bytes());
    for (k, (name, m)) in models.iter().enumerate() {
        let bytes = if k == 0 {
            m.to_bytes()
        } else {
            m.delta_from(base)?.pruned(min_delta).to_bytes()
        };
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

/// The entries `(convention, model bytes)` of a bundle, or `None` for a plain model file.
/// `(convention name, model bytes)` entries of a bundle.
type Entries<'a> = Vec<(&'a str, &'a [u8])>;

fn unbundle(bytes: &[u8]) -> Result<Option<Entries<'_>>, LearnError> {
    if bytes.len() < 4 || &bytes[..4] != BUNDLE_MAGIC {
        return Ok(None);
    }
    let take = |pos: &mut usize, n: usize| -> Result<&[u8], LearnError> {
        let s = bytes.get(*pos..*pos + n).ok_or(LearnError::Truncated)?;
        *pos += n;
        Ok(s)
    };
    let mut pos = 4;
    let v = take(&mut pos, 2)?;
    let version = u16::from_le_bytes([v[0], v[1]]);
    if version != BUNDLE_VERSION {
        return Err(LearnError::Version(version));
    }
    let c = take(&mut pos, 2)?;
    let count = u16::from_le_bytes([c[0], c[1]]) as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let n = take(&mut pos, 2)?;
        let n = u16::from_le_bytes([n[0], n[1]]) as usize;
        let name = std::str::from_utf8(take(&mut pos, n)?)
            .map_err(|_| LearnError::Corrupt("convention name is not UTF-8"))?;
        let n = take(&mut pos, 4)?;
        let n = u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize;
        out.push((name, take(&mut pos, n)?));
    }
    if out.is_empty() {
        return Err(LearnError::Corrupt("empty model bundle"));
    }
    Ok(Some(out))
}

/// The conventions of a model file (the first is its default); `["model"]` for a plain file.
pub fn conventions(bytes: &[u8]) -> Result<Vec<String>, LearnError> {
    Ok(match unbundle(bytes)? {
        Some(e) => e.iter().map(|(n, _)| n.to_string()).collect(),
        None => vec!["model".to_string()],
    })
}

/// Reusable buffers for [`Ner::tag_words`].
#[derive(Debug, Default)]
pub struct NerScratch {
    buf: FeatureBuf,
    seq: Sequence,
    scratch: Scratch,
    labels: Vec<u16>,
    conf: Vec<f32>,
}

/// An entity found in a word sequence: tokens `start..end`, type index into [`TYPES`], score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub ty: usize,
    /// Mean per-token confidence of the chunk's labels, in `[0, 1]`.
    pub score: f32,
}

impl Ner {
    /// Wrap a trained model, checking that its labels and feature version match this code.
    pub fn new(model: Model) -> Result<Ner, LearnError> {
        let labels: &'static [&'static str] =
            if model.labels().iter().map(String::as_str).eq(conll::LABELS) {
                &conll::LABELS
            } else if model
                .labels()
                .iter()
                .map(String::as_str)
                .eq(conll::LABELS_BILOU)
            {
                &conll::LABELS_BILOU
            } else {
                return Err(LearnError::Invalid(format!(
                    "NER model labels {:?} are neither {:?} nor {:?}",
                    model.labels(),
                    conll::LABELS,
                    conll::LABELS_BILOU
                )));
            };
        let set = match model
            .meta("features")
            .and_then(features::FeatureSet::from_version)
        {
            Some(set) => set,
            None => {
                let v = model.meta("features");
                return Err(LearnError::Invalid(format!(
                "NER model built for features {v:?}, this code extracts {:?}: retrain with `warta train ner`",
                features::FEATURES_VERSION
            )));
            }
        };
        match model.meta("lexicon") {
            Some(v) if v == features::lexicon_id_for(set) => Ok(Ner {
                model,
                convention: "model".to_string(),
                features: set,
                labels,
                first: None,
            }),
            v => Err(LearnError::Invalid(format!(
                "NER model built with cue words/clusters {v:?}, these are {:?}: retrain with `warta train ner`",
                features::lexicon_id_for(set)
            ))),
        }
    }

    /// Wrap a trained model that follows the named convention (see [`Ner::new`]).
    pub fn from_model(model: Model, convention: &str) -> Result<Ner, LearnError> {
        let mut n = Ner::new(model)?;
        n.convention = convention.to_string();
        Ok(n)
    }

    /// Load a model file (a bundle's default convention).
    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, LearnError> {
        Ner::from_bytes_for(bytes, None)
    }

    /// Load one annotation convention of a model file (`None`: its default, the first).
    pub fn from_bytes_for(bytes: &[u8], convention: Option<&str>) -> Result<Ner, LearnError> {
        let Some(entries) = unbundle(bytes)? else {
            if convention.is_some_and(|c| c != "model") {
                return Err(LearnError::Invalid(format!(
                    "this model file has one convention, not {convention:?}"
                )));
            }
            return Ner::new(Model::load(bytes)?);
        };
        let (name0, bytes0) = entries[0];
        let base = Model::load(bytes0)?;
        let (name, model) = match convention {
            None => (name0, base),
            Some(c) if c == name0 => (name0, base),
            Some(c) => {
                let Some((name, delta)) = entries.iter().find(|(n, _)| *n == c) else {
                    return Err(LearnError::Invalid(format!(
                        "no convention `{c}` in the model (it has {})",
                        entries
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                };
                (*name, base.plus(&Model::load(delta)?)?)
            }
        };
        let mut ner = Ner::new(model)?;
        ner.convention = name.to_string();
        if ner.features.stack {
            let first = format!("{}{name}", stack::PASS1_PREFIX);
            if !entries.iter().any(|(n, _)| *n == first) {
                return Err(LearnError::Invalid(format!(
                    "stacked convention `{name}` has no first pass `{first}` in the bundle"
                )));
            }
            ner = ner.with_first(Ner::from_bytes_for(bytes, Some(&first))?);
        }
        Ok(ner)
    }

    /// Attach the first-pass model of a stacked (`ner-17`) model.
    pub fn with_first(mut self, first: Ner) -> Ner {
        self.first = Some(Box::new(first));
        self
    }

    /// Whether this model reads a first pass's labels (`ner-17`).
    pub fn is_stacked(&self) -> bool {
        self.features.stack
    }

    /// The embedded model with its default convention, loaded on first use. `None` only if the
    /// committed model file is unreadable or stale (a build problem that the crate's tests catch).
    /// Experiments: the environment variable `WARTA_NER_MODEL` names a model file to use
    /// instead (e.g. to score a candidate on the event gold before embedding it).
    pub fn embedded() -> Option<&'static Ner> {
        static NER: OnceLock<Option<Ner>> = OnceLock::new();
        NER.get_or_init(|| match std::env::var_os("WARTA_NER_MODEL") {
            Some(p) => std::fs::read(p).ok().and_then(|b| Ner::from_bytes(&b).ok()),
            None => Ner::from_bytes(EMBEDDED_MODEL).ok(),
        })
        .as_ref()
    }

    /// The embedded model with another annotation convention (see [`conventions`]).
    pub fn embedded_for(convention: &str) -> Result<Ner, LearnError> {
        Ner::from_bytes_for(EMBEDDED_MODEL, Some(convention))
    }

    /// The annotation convention this model follows (a training dataset's name, `blend`, or
    /// `model` for a plain model file).
    pub fn convention(&self) -> &str {
        &self.convention
    }

    /// The underlying model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Entities of one sentence's words.
    pub fn tag_words(&self, words: &[Word<'_>], s: &mut NerScratch) -> Vec<Chunk> {
        self.tag_words_scored(words, s, true)
    }

    /// [`Ner::tag_words`]; without `scored` every chunk's score is 0 (the per-token
    /// confidences, a softmax per token, are not computed).
    fn tag_words_scored(&self, words: &[Word<'_>], s: &mut NerScratch, scored: bool) -> Vec<Chunk> {
        if let Some(first) = &self.first {
            features::fill(words, first.features, &mut s.buf, &mut s.seq);
            first
                .model
                .tag_into(&s.seq, &mut s.scratch, &mut s.labels, Some(&mut s.conf));
            s.buf.pass1.clear();
            s.buf.pass1.extend(
                s.labels
                    .iter()
                    .zip(&s.conf)
                    .map(|(&l, &c)| stack::Pass1::new(l, c)),
            );
        }
        features::fill(words, self.features, &mut s.buf, &mut s.seq);
        let conf = if scored { Some(&mut s.conf) } else { None };
        self.model
            .tag_into(&s.seq, &mut s.scratch, &mut s.labels, conf);
        conll::chunks_of_labels(&s.labels, self.labels)
            .into_iter()
            .map(|(start, end, ty)| {
                let score = match s.conf.get(start..end) {
                    Some(c) if scored => c.iter().sum::<f32>() / c.len().max(1) as f32,
                    _ => 0.0,
                };
                Chunk {
                    start,
                    end,
                    ty,
                    score,
                }
            })
            .collect()
    }

    /// Entities of a document, sentence by sentence: byte span, `PER`/`ORG`/`LOC`, score.
    pub fn tag(&self, doc: &TextDoc) -> Vec<(Span, &'static str, f32)> {
        self.tag_doc(doc, true)
    }

    /// [`Ner::tag`] without the scores (all 0): the same spans, a little faster.
    pub fn spans(&self, doc: &TextDoc) -> Vec<(Span, &'static str, f32)> {
        self.tag_doc(doc, false)
    }

    fn tag_doc(&self, doc: &TextDoc, scored: bool) -> Vec<(Span, &'static str, f32)> {
        let mut out = Vec::new();
        let mut s = NerScratch::default();
        let mut words: Vec<Word<'_>> = Vec::new();
        for sent in &doc.sentences {
            let Some(toks) = doc.tokens.get(sent.tokens.clone()) else {
                continue;
            };
            words.clear();
            words.extend(toks.iter().map(|t| Word {
                surface: &t.norm,
                lower: &t.lower,
            }));
            for c in self.tag_words_scored(&words, &mut s, scored) {
                let span = Span::new(toks[c.start].span.start, toks[c.end - 1].span.end);
                out.push((span, TYPES[c.ty], c.score));
            }
        }
        out
    }

    /// Score the model on gold sentences (CoNLL exact spans).
    pub fn evaluate(&self, gold: &[GoldSentence]) -> Scores {
        let mut scores = Scores::default();
        let mut s = NerScratch::default();
        for g in gold {
            scores.add(&g.chunks, &self.predict_with(g, &mut s));
        }
        scores
    }

    /// The chunks `(start, end, type)` the model finds in a gold sentence's words.
    pub fn predict(&self, g: &GoldSentence) -> Vec<(usize, usize, usize)> {
        self.predict_with(g, &mut NerScratch::default())
    }

    fn predict_with(&self, g: &GoldSentence, s: &mut NerScratch) -> Vec<(usize, usize, usize)> {
        with_words(&g.words, |words| {
            self.tag_words(words, s)
                .into_iter()
                .map(|c| (c.start, c.end, c.ty))
                .collect()
        })
    }
}

/// Run `f` over the word views (surface + lower case) of a gold sentence's words.
fn with_words<R>(words: &[String], f: impl FnOnce(&[Word<'_>]) -> R) -> R {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let views: Vec<Word<'_>> = words
        .iter()
        .zip(&lower)
        .map(|(w, l)| Word {
            surface: w,
            lower: l,
        })
        .collect();
    f(&views)
}

/// Record the feature version and the lexicon id in a freshly trained model (checked by
/// [`Ner::new`]).
pub fn stamp(model: &mut Model) {
    let v = features::FeatureSet::training_version();
    let set = features::FeatureSet::from_version(&v).unwrap_or(features::FeatureSet::LATEST);
    model.set_meta("features", &v);
    model.set_meta("lexicon", &features::lexicon_id_for(set));
}

/// The domain name of a dataset file: its file name up to the first `.`
/// (`idner-news-2k.train.txt` → `idner-news-2k`).
pub fn domain_of(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.split('.').next().unwrap_or(name)
}

/// Training examples (features + BIO label ids) of gold sentences; with a domain key, features
/// are doubled with domain-conjoined copies (see [`features::fill_domain`]).
pub fn examples(gold: &[GoldSentence], domain: Option<u64>) -> Vec<Example> {
    examples_with(gold, domain, false)
}

/// [`examples`] with BILOU label ids (into [`conll::LABELS_BILOU`]) when `bilou`.
pub fn examples_with(gold: &[GoldSentence], domain: Option<u64>, bilou: bool) -> Vec<Example> {
    examples_dropout(gold, domain, bilou, None)
}

/// [`examples_with`] with word dropout (`Some((seed, permille))`, see
/// [`features::fill_dropout`]; each sentence draws its tokens with its own seed).
pub fn examples_dropout(
    gold: &[GoldSentence],
    domain: Option<u64>,
    bilou: bool,
    drop: Option<(u64, u32)>,
) -> Vec<Example> {
    examples_jackknifed(gold, domain, bilou, drop, None)
}

/// [`examples_dropout`] where each sentence's entity-lexicon features (`ner-10`) come from
/// the jackknifed lexicon of its block (see [`entlex::Jackknife`]), not from the full table.
pub fn examples_jackknifed(
    gold: &[GoldSentence],
    domain: Option<u64>,
    bilou: bool,
    drop: Option<(u64, u32)>,
    jackknife: Option<&entlex::Jackknife>,
) -> Vec<Example> {
    let set = features::FeatureSet::from_version(&features::FeatureSet::training_version())
        .unwrap_or(features::FeatureSet::LATEST);
    let mut buf = FeatureBuf::default();
    gold.iter()
        .enumerate()
        .map(|(n, g)| {
            if let Some(j) = jackknife {
                buf.entities = Some(j.for_sentence(n, gold.len()).clone());
            }
            let mut seq = Sequence::new();
            let drop = drop.map(|(seed, p)| (warta_learn::hash::combine(seed, n as u64), p));
            with_words(&g.words, |words| {
                features::fill_dropout(words, domain, set, drop, &mut buf, &mut seq)
            });
            Example {
                seq,
                gold: if bilou {
                    conll::bilou_ids(g.words.len(), &g.chunks)
                } else {
                    conll::bio_ids(g.words.len(), &g.chunks)
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads() {
        let ner = Ner::embedded().expect("model/ner.bin loads and matches the feature version");
        assert!(ner.model().num_features() > 1000);
    }

    #[test]
    fn every_embedded_convention_loads() {
        let names = conventions(EMBEDDED_MODEL).unwrap();
        assert!(!names.is_empty());
        assert_eq!(Ner::embedded().unwrap().convention(), names[0]);
        for n in &names {
            let ner = Ner::embedded_for(n).unwrap();
            assert_eq!(ner.convention(), n);
            assert!(ner.model().num_features() > 1000);
        }
        assert!(Ner::embedded_for("no-such-convention").is_err());
    }

    #[test]
    fn bundles_round_trip_and_reject_garbage() {
        let base = Ner::embedded().unwrap().model().clone();
        let other = base.pruned(50.0);
        let bytes = bundle(
            &[("a".into(), base.clone()), ("b".into(), other.clone())],
            0.0,
        )
        .unwrap();
        assert_eq!(conventions(&bytes).unwrap(), vec!["a", "b"]);
        let b = Ner::from_bytes_for(&bytes, Some("b")).unwrap();
        assert_eq!(b.model().num_features(), other.num_features());
        assert_eq!(Ner::from_bytes(&bytes).unwrap().convention(), "a");
        for cut in [3, 5, 9, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                Ner::from_bytes_for(&bytes[..cut], Some("b")).is_err(),
                "{cut}"
            );
        }
    }

    /// A stacked (`ner-17`) convention loads only with its first pass, and tags through it.
    #[test]
    fn stacked_conventions_need_their_first_pass() {
        let base = Ner::embedded().unwrap().model().clone();
        let mut second = base.clone();
        second.set_meta("features", "ner-17");
        let alone = bundle(&[("a".into(), second.clone())], 0.0).unwrap();
        assert!(Ner::from_bytes(&alone).is_err());
        let both = bundle(
            &[
                ("a".into(), second),
                (format!("{}a", stack::PASS1_PREFIX), base),
            ],
            0.0,
        )
        .unwrap();
        let ner = Ner::from_bytes(&both).unwrap();
        assert!(ner.is_stacked() && ner.first.is_some());
        let first = Ner::from_bytes_for(&both, Some("pass1:a")).unwrap();
        assert!(!first.is_stacked());
        let doc = TextDoc::analyse("Presiden Joko Widodo tiba di Jakarta.", None);
        // The second pass has no weights for the stacked features: it tags like the first.
        assert_eq!(ner.tag(&doc), first.tag(&doc));
        assert!(!ner.tag(&doc).is_empty());
    }

    #[test]
    fn tags_an_obvious_sentence() {
        let Some(ner) = Ner::embedded() else {
            panic!("embedded model");
        };
        let text =
            "Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta pada Senin.";
        let doc = TextDoc::analyse(text, None);
        let ents = ner.tag(&doc);
        let found: Vec<(&str, &str)> = ents
            .iter()
            .map(|(s, t, _)| (&text[s.start..s.end], *t))
            .collect();
        assert!(found.contains(&("Joko Widodo", "PER")), "{found:?}");
        assert!(found.contains(&("Jakarta", "LOC")), "{found:?}");
        assert!(ents.iter().all(|(_, _, p)| (0.0..=1.0).contains(p)));
    }

    #[test]
    fn odd_input_gives_valid_spans() {
        let ner = Ner::embedded().unwrap();
        for text in [
            "",
            " ",
            "A",
            "ÉÉÉ ß ñ 🙂 — «Jakarta»",
            "X\n\n\nY. Z.",
            "Rp329,2 triliun G20 B737",
        ] {
            let doc = TextDoc::analyse(text, None);
            for (sp, t, p) in ner.tag(&doc) {
                assert!(sp.start < sp.end && sp.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                assert!(TYPES.contains(&t) && (0.0..=1.0).contains(&p));
            }
        }
    }

    /// Dev-split regression guard: fails if the embedded model drops well below its recorded
    /// figures (model/README.md), with each dev set's own convention and with the default
    /// (skips when ../shared is absent).
    #[test]
    fn dev_f1_does_not_regress() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ner/");
        // (file, convention's floor, default convention's floor); recorded 0.888/0.824,
        // 0.888/0.847, 0.845/0.795, 0.754/0.710.
        let sets = [
            ("idner-news-2k.dev.txt", 0.875, 0.81),
            ("nerui.dev.tsv", 0.875, 0.83),
            ("nerugm.dev.tsv", 0.83, 0.78),
            ("nergrit.dev.txt", 0.74, 0.69),
        ];
        for (file, own_floor, default_floor) in sets {
            let Ok(text) = std::fs::read_to_string(format!("{dir}{file}")) else {
                eprintln!("skipping: ../shared absent");
                return;
            };
            let gold = conll::parse(&text);
            let own = Ner::embedded_for(domain_of(file))
                .unwrap()
                .evaluate(&gold)
                .f1();
            assert!(
                own > own_floor,
                "{file} own-convention dev micro F1 {own:.3}"
            );
            let def = Ner::embedded().unwrap().evaluate(&gold).f1();
            assert!(
                def > default_floor,
                "{file} default-convention dev micro F1 {def:.3}"
            );
        }
    }
}
