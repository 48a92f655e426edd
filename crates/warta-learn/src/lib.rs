//! Sequence labelling: an averaged perceptron with hashed features, trained and run on CPU.
//!
//! * [`hash`]: string features → `u64` keys (FNV-1a + SplitMix64 finaliser).
//! * [`Sequence`]: the features of one sentence in a flat buffer; build it from your own tokens
//!   with a [`FeatureExtractor`] (or a closure).
//! * [`train`] / [`train_with`]: averaged perceptron (lazy averaging), shuffled epochs with a
//!   fixed seed, greedy or Viterbi guesses ([`Decoder`]).
//! * [`Model`]: quantized weights in an open-addressing table plus a first-order transition
//!   matrix; [`Model::tag`], [`Model::tag_scored`], [`Model::tag_into`] (allocation-free with a
//!   reused [`Scratch`]); [`Model::save`] / [`Model::load`] (versioned, gzip; see [`io`]).
//!
//! The label of the previous token enters as the transition score `trans[prev][label]`, which
//! both decoders use: greedy adds the transition from the label it just chose, Viterbi
//! maximises over all label sequences.

pub mod hash;
pub mod io;
mod model;
mod seq;
mod train;

pub use io::FORMAT_VERSION;
pub use model::{prefetch, Decoder, Model, Scratch};
pub use seq::{Example, FeatureExtractor, LabelId, Sequence};
pub use train::{train, train_with, Learner, TrainConfig};

/// Errors of training and model loading.
#[derive(Debug, thiserror::Error)]
pub enum LearnError {
    /// The bytes do not start with the model magic.
    #[error("not a warta-learn model (bad magic)")]
    BadMagic,
    /// A format version this build cannot read.
    #[error("unsupported model format version {0} (this build reads {FORMAT_VERSION})")]
    Version(u16),
    /// The model ends early.
    #[error("model file truncated")]
    Truncated,
    /// The model is inconsistent.
    #[error("corrupt model: {0}")]
    Corrupt(&'static str),
    /// Bad training input.
    #[error("invalid training data: {0}")]
    Invalid(String),
    /// I/O (including gzip) error.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Toy task: tag each word as N (noun) / V (verb) / D (determiner), where the same word
    /// ("run") is a verb after a noun and a noun after a determiner.
    fn toy() -> (Vec<Example>, Vec<&'static str>) {
        let labels = vec!["D", "N", "V"];
        let sents: &[&[(&str, u16)]] = &[
            &[("the", 0), ("dog", 1), ("runs", 2)],
            &[("the", 0), ("run", 1), ("ends", 2)],
            &[("dogs", 1), ("run", 2)],
            &[("a", 0), ("cat", 1), ("sleeps", 2)],
            &[("cats", 1), ("run", 2)],
            &[("a", 0), ("run", 1), ("helps", 2)],
            &[("the", 0), ("cat", 1), ("ends", 2), ("the", 0), ("run", 1)],
        ];
        let ex: Vec<Example> = sents
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.iter().map(|(w, _)| *w).collect();
                Example {
                    seq: Sequence::from_tokens(&feats, &words),
                    gold: s.iter().map(|(_, l)| *l).collect(),
                }
            })
            .collect();
        (ex, labels)
    }

    fn feats(t: &[&str], i: usize, out: &mut Vec<u64>) {
        out.push(hash::feature("bias", ""));
        out.push(hash::feature("w", t[i]));
        out.push(hash::feature("suf1", &t[i][t[i].len() - 1..]));
        out.push(hash::feature("w-1", if i > 0 { t[i - 1] } else { "<s>" }));
    }

    #[test]
    fn learns_toy_task_with_both_decoders() {
        let (ex, labels) = toy();
        for decoder in [Decoder::Greedy, Decoder::Viterbi] {
            let cfg = TrainConfig {
                epochs: 20,
                decoder,
                ..TrainConfig::default()
            };
            let m = train(&ex, &labels, &cfg).unwrap();
            for e in &ex {
                assert_eq!(m.tag(&e.seq), e.gold, "{decoder:?}");
            }
            let unseen = Sequence::from_tokens(&feats, &["a", "run", "ends"]);
            assert_eq!(m.tag(&unseen), vec![0, 1, 2], "{decoder:?}");
            let (_, conf) = m.tag_scored(&unseen);
            assert!(conf.iter().all(|&c| c > 0.3 && c <= 1.0), "{conf:?}");
        }
    }

    #[test]
    fn shifting_a_label_biases_decoding() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 20,
            decoder: Decoder::Viterbi,
            ..TrainConfig::default()
        };
        let mut m = train(&ex, &labels, &cfg).unwrap();
        let unchanged = m.clone();
        m.shift_label(0, 0.0);
        for e in &ex {
            assert_eq!(m.tag(&e.seq), unchanged.tag(&e.seq));
        }
        m.shift_label(0, 1e6);
        for e in &ex {
            assert!(m.tag(&e.seq).iter().all(|&y| y == 0));
        }
        // Out of range: ignored.
        m.shift_label(99, 1.0);
    }

    #[test]
    fn crf_learns_toy_task() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 30,
            learner: Learner::Crf { rate: 0.5 },
            ..TrainConfig::default()
        };
        let m = train(&ex, &labels, &cfg).unwrap();
        assert_eq!(m.decoder(), Decoder::Viterbi);
        for e in &ex {
            assert_eq!(m.tag(&e.seq), e.gold);
        }
        let unseen = Sequence::from_tokens(&feats, &["a", "run", "ends"]);
        assert_eq!(m.tag(&unseen), vec![0, 1, 2]);
    }

    #[test]
    fn passive_aggressive_learns_toy_task() {
        let (ex, labels) = toy();
        for c in [0.05, 1.0] {
            let cfg = TrainConfig {
                epochs: 20,
                decoder: Decoder::Viterbi,
                learner: Learner::PassiveAggressive { c },
                ..TrainConfig::default()
            };
            let m = train(&ex, &labels, &cfg).unwrap();
            for e in &ex {
                assert_eq!(m.tag(&e.seq), e.gold, "{c}");
            }
            let unseen = Sequence::from_tokens(&feats, &["a", "run", "ends"]);
            assert_eq!(m.tag(&unseen), vec![0, 1, 2], "{c}");
        }
    }

    #[test]
    fn margin_training_learns_toy_task() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 20,
            decoder: Decoder::Viterbi,
            margin: 1.0,
            ..TrainConfig::default()
        };
        let m = train(&ex, &labels, &cfg).unwrap();
        for e in &ex {
            assert_eq!(m.tag(&e.seq), e.gold);
        }
    }

    #[test]
    fn mean_of_models_averages_rows() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 10,
            key_bits: 48,
            ..TrainConfig::default()
        };
        let a = train(&ex, &labels, &cfg).unwrap();
        let b = train(&ex, &labels, &TrainConfig { seed: 9, ..cfg }).unwrap();
        // The mean of a model with itself is the model (up to requantisation).
        let aa = Model::mean(&[&a, &a]).unwrap();
        assert_eq!(aa.num_features(), a.num_features());
        let ab = Model::mean(&[&a, &b]).unwrap();
        assert!(ab.num_features() >= a.num_features().max(b.num_features()));
        for e in &ex {
            assert_eq!(aa.tag(&e.seq), a.tag(&e.seq));
            assert_eq!(ab.tag(&e.seq), e.gold);
        }
        assert!(Model::mean(&[]).is_err());
        assert!(Model::mean(&[&a, &a.with_key_bits(32)]).is_err());
    }

    #[test]
    fn weighted_sums_scale_models() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 10,
            key_bits: 48,
            ..TrainConfig::default()
        };
        let a = train(&ex, &labels, &cfg).unwrap();
        let rms = a.weight_rms();
        assert!(rms > 0.0);
        // Three times a model: the same decisions, three times the weights.
        let a3 = Model::weighted_sum(&[(&a, 3.0)]).unwrap();
        assert!(
            (a3.weight_rms() / rms - 3.0).abs() < 0.01,
            "{}",
            a3.weight_rms()
        );
        // A model minus itself scores nothing: no row survives.
        let zero = Model::weighted_sum(&[(&a, 1.0), (&a, -1.0)]).unwrap();
        assert_eq!(zero.num_features(), 0);
        for e in &ex {
            assert_eq!(a3.tag(&e.seq), a.tag(&e.seq));
        }
        assert!(Model::weighted_sum(&[]).is_err());
    }

    #[test]
    fn save_load_round_trips_exactly() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 5,
            decoder: Decoder::Viterbi,
            key_bits: 48,
            ..TrainConfig::default()
        };
        let mut m = train(&ex, &labels, &cfg).unwrap();
        m.set_meta("features", "toy-1");
        let bytes = m.to_bytes();
        let back = Model::load(&bytes).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.meta("features"), Some("toy-1"));
        for e in &ex {
            assert_eq!(back.tag_scored(&e.seq), m.tag_scored(&e.seq));
        }
        // Truncation anywhere is an error, never a panic.
        for cut in [7, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::load(&bytes[..cut]).is_err());
        }
    }

    #[test]
    fn same_seed_same_model() {
        let (ex, labels) = toy();
        let cfg = TrainConfig::default();
        assert_eq!(
            train(&ex, &labels, &cfg).unwrap(),
            train(&ex, &labels, &cfg).unwrap()
        );
    }

    #[test]
    fn rejects_bad_examples() {
        let (mut ex, labels) = toy();
        ex[0].gold.pop();
        assert!(train(&ex, &labels, &TrainConfig::default()).is_err());
    }

    #[test]
    fn domain_specialisation_keeps_each_convention() {
        // Domain A tags "bank" as N, domain B as V; other words agree.
        let labels = ["D", "N", "V"];
        let (da, db) = (hash::feature("domain", "a"), hash::feature("domain", "b"));
        let mk = |words: &[&str], gold: &[u16], d: u64| {
            let mut seq = Sequence::new();
            for i in 0..words.len() {
                let f = seq.features_mut();
                let start = f.len();
                feats(words, i, f);
                let end = f.len();
                for k in start..end {
                    let x = hash::combine(f[k], d);
                    f.push(x);
                }
                seq.end_token();
            }
            Example {
                seq,
                gold: gold.to_vec(),
            }
        };
        let ex = vec![
            mk(&["the", "bank"], &[0, 1], da),
            mk(&["the", "dog"], &[0, 1], da),
            mk(&["the", "bank"], &[0, 2], db),
            mk(&["the", "dog"], &[0, 1], db),
        ];
        let cfg = TrainConfig {
            epochs: 10,
            ..TrainConfig::default()
        };
        let m = train(&ex, &labels, &cfg).unwrap();
        let plain = Sequence::from_tokens(&feats, &["the", "bank"]);
        let ma = m.specialize(&[da], &[da, db]).unwrap();
        let mb = m.specialize(&[db], &[da, db]).unwrap();
        assert_eq!(ma.tag(&plain), vec![0, 1]);
        assert_eq!(mb.tag(&plain), vec![0, 2]);
        assert!(ma.num_features() < m.num_features());
        let both = m.specialize(&[da, db], &[da, db]).unwrap();
        assert_eq!(
            both.tag(&Sequence::from_tokens(&feats, &["the", "dog"])),
            vec![0, 1]
        );
        let small = mb.with_key_bits(40);
        assert_eq!(small.tag(&plain), vec![0, 2]);
        assert_eq!(Model::load(&small.to_bytes()).unwrap(), small);
    }

    #[test]
    fn delta_and_plus_restore_a_variant() {
        let (ex, labels) = toy();
        let cfg = TrainConfig {
            epochs: 5,
            key_bits: 48,
            ..TrainConfig::default()
        };
        let a = train(&ex, &labels, &cfg).unwrap();
        let b = train(&ex[..4], &labels, &TrainConfig { seed: 7, ..cfg }).unwrap();
        let d = b.delta_from(&a).unwrap();
        let back = a.plus(&d).unwrap();
        assert_eq!(back.num_features(), b.num_features());
        for e in &ex {
            assert_eq!(back.tag(&e.seq), b.tag(&e.seq));
        }
        // A model minus itself is empty.
        assert_eq!(a.delta_from(&a).unwrap().num_features(), 0);
        assert!(a.delta_from(&a.with_key_bits(32)).is_err());
    }

    #[test]
    fn empty_sentence_tags_to_nothing() {
        let (ex, labels) = toy();
        let m = train(&ex, &labels, &TrainConfig::default()).unwrap();
        assert!(m.tag(&Sequence::new()).is_empty());
    }
}
