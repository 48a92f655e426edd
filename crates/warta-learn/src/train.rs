//! Averaged-perceptron training with lazy averaging.

use std::collections::HashMap;

use crate::model::{viterbi, Decoder, Model};
use crate::seq::{Example, LabelId};
use crate::LearnError;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the data (shuffled each time).
    pub epochs: usize,
    /// Seed of the shuffling PRNG: the same seed and data give the same model.
    pub seed: u64,
    /// Decoder used for the perceptron's guesses and saved as the model's default.
    pub decoder: Decoder,
    /// Features seen fewer than this many times in training are ignored.
    pub min_count: u32,
    /// Averaged weights with absolute value below this are dropped from the model.
    pub prune: f32,
    /// Feature keys are masked to this many bits in the saved model (48 saves ~2 bytes per
    /// feature; 64 keeps full keys).
    pub key_bits: u8,
    /// Cost-augmented training (Viterbi decoder only): while guessing, every wrong label of a
    /// token gets this much extra score, so the perceptron also updates on correct guesses won
    /// by less than a Hamming-loss margin (0 = the plain structured perceptron).
    pub margin: f32,
    /// The learner (averaged perceptron by default).
    pub learner: Learner,
}

/// How the weights are learnt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Learner {
    /// Averaged perceptron (structured with [`Decoder::Viterbi`], per token with greedy).
    Perceptron,
    /// Linear-chain CRF: the conditional log-likelihood of each sentence (forward-backward over
    /// the first-order chain), maximised by AdaGrad with base step `rate`; the weights are
    /// averaged over the updates like the perceptron's. Saved with the Viterbi decoder.
    Crf {
        /// AdaGrad base step size.
        rate: f32,
    },
    /// Passive-aggressive (1-best MIRA, Crammer et al. 2006; Viterbi decoder): each mistake
    /// moves the weights by the smallest step that would score the gold sequence above the
    /// guess by its Hamming loss, capped at `c` (smaller `c`: more regularised); averaged
    /// like the perceptron.
    PassiveAggressive {
        /// The largest step (PA-I aggressiveness).
        c: f32,
    },
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 42,
            decoder: Decoder::Greedy,
            min_count: 1,
            prune: 0.0,
            key_bits: 64,
            margin: 0.0,
            learner: Learner::Perceptron,
        }
    }
}

/// Train a model on `examples` labelled with ids into `labels`.
pub fn train(
    examples: &[Example],
    labels: &[&str],
    config: &TrainConfig,
) -> Result<Model, LearnError> {
    train_with(examples, labels, config, |_, _| {})
}

/// Like [`train`], calling `after_epoch(epoch, &averaged_model)` after every epoch
/// (e.g. to print dev scores). Building the snapshot costs about as much as saving.
pub fn train_with(
    examples: &[Example],
    labels: &[&str],
    config: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Result<Model, LearnError> {
    let l = labels.len();
    if l == 0 || l > LabelId::MAX as usize {
        return Err(LearnError::Invalid(format!("{l} labels")));
    }
    for (n, ex) in examples.iter().enumerate() {
        if ex.gold.len() != ex.seq.len() {
            return Err(LearnError::Invalid(format!(
                "example {n}: {} labels for {} tokens",
                ex.gold.len(),
                ex.seq.len()
            )));
        }
        if let Some(&g) = ex.gold.iter().find(|&&g| g as usize >= l) {
            return Err(LearnError::Invalid(format!("example {n}: label id {g}")));
        }
    }
    // Intern the features.
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for ex in examples {
        for i in 0..ex.seq.len() {
            for &f in ex.seq.token(i) {
                *counts.entry(f).or_insert(0) += 1;
            }
        }
    }
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|(_, &c)| c >= config.min_count)
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    drop(counts);
    let index: HashMap<u64, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let data: Vec<Interned> = examples
        .iter()
        .map(|ex| {
            let mut feats = Vec::new();
            let mut ends = Vec::with_capacity(ex.seq.len());
            for i in 0..ex.seq.len() {
                feats.extend(ex.seq.token(i).iter().filter_map(|f| index.get(f).copied()));
                ends.push(feats.len() as u32);
            }
            Interned {
                feats,
                ends,
                gold: &ex.gold,
            }
        })
        .collect();
    drop(index);

    let mut w = Weights::new(keys.len() * l + (l + 1) * l);
    let tbase = keys.len() * l;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix(config.seed);
    let mut emit: Vec<f32> = Vec::new();
    let mut guess: Vec<LabelId> = Vec::new();
    let (mut back, mut cur, mut prev) = (Vec::new(), Vec::new(), Vec::new());
    let mut trans = vec![0f32; (l + 1) * l];
    let mut crf = Crf {
        sq: if matches!(config.learner, Learner::Crf { .. }) {
            vec![0f32; w.w.len()]
        } else {
            Vec::new()
        },
        ..Crf::default()
    };
    for epoch in 1..=config.epochs {
        // Fisher-Yates shuffle.
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &e in &order {
            let ex = &data[e];
            let n = ex.gold.len();
            if n == 0 {
                continue;
            }
            if let Learner::Crf { rate } = config.learner {
                w.tick();
                w.emissions(ex, l, &mut emit);
                trans.copy_from_slice(&w.w[tbase..]);
                crf.gradients(&trans, &emit, ex.gold, n, l);
                for i in 0..n {
                    let g = &crf.gemit[i * l..(i + 1) * l];
                    for &f in ex.token(i) {
                        for (j, &gj) in g.iter().enumerate() {
                            if gj.abs() > 1e-3 {
                                let k = f as usize * l + j;
                                crf.sq[k] += gj * gj;
                                w.update(k, rate * gj / crf.sq[k].sqrt());
                            }
                        }
                    }
                }
                for (t, &gj) in crf.gtrans.iter().enumerate() {
                    if gj.abs() > 1e-3 {
                        let k = tbase + t;
                        crf.sq[k] += gj * gj;
                        w.update(k, rate * gj / crf.sq[k].sqrt());
                    }
                }
                continue;
            }
            match config.decoder {
                Decoder::Greedy => {
                    let mut p = l;
                    for i in 0..n {
                        w.tick();
                        let fs = ex.token(i);
                        let mut best = 0;
                        let mut best_s = f32::NEG_INFINITY;
                        for j in 0..l {
                            let mut s = w.w[tbase + p * l + j];
                            for &f in fs {
                                s += w.w[f as usize * l + j];
                            }
                            if s > best_s {
                                best_s = s;
                                best = j;
                            }
                        }
                        let g = ex.gold[i] as usize;
                        if best != g {
                            for &f in fs {
                                w.update(f as usize * l + g, 1.0);
                                w.update(f as usize * l + best, -1.0);
                            }
                            w.update(tbase + p * l + g, 1.0);
                            w.update(tbase + p * l + best, -1.0);
                        }
                        p = best;
                    }
                }
                Decoder::Viterbi => {
                    w.tick();
                    w.emissions(ex, l, &mut emit);
                    if config.margin > 0.0 {
                        for (i, &g) in ex.gold.iter().enumerate() {
                            for (j, e) in emit[i * l..(i + 1) * l].iter_mut().enumerate() {
                                if j != g as usize {
                                    *e += config.margin;
                                }
                            }
                        }
                    }
                    trans.copy_from_slice(&w.w[tbase..]);
                    viterbi(
                        &trans, &emit, n, l, &mut back, &mut cur, &mut prev, &mut guess,
                    );
                    let step = match config.learner {
                        Learner::PassiveAggressive { c } => {
                            pa_step(&trans, &emit, ex, &guess, l, c)
                        }
                        _ => 1.0,
                    };
                    if step <= 0.0 {
                        continue;
                    }
                    let (mut pg, mut pp) = (l, l);
                    for (i, (&g, &y)) in ex.gold.iter().zip(guess.iter()).enumerate() {
                        let (g, y) = (g as usize, y as usize);
                        if g != y {
                            for &f in ex.token(i) {
                                w.update(f as usize * l + g, step);
                                w.update(f as usize * l + y, -step);
                            }
                        }
                        if g != y || pg != pp {
                            w.update(tbase + pg * l + g, step);
                            w.update(tbase + pp * l + y, -step);
                        }
                        pg = g;
                        pp = y;
                    }
                }
            }
        }
        if epoch < config.epochs {
            let m = snapshot(&w, &keys, labels, config);
            after_epoch(epoch, &m);
        }
    }
    let m = snapshot(&w, &keys, labels, config);
    if config.epochs > 0 {
        after_epoch(config.epochs, &m);
    }
    Ok(m)
}

/// The passive-aggressive step of a Viterbi guess: `min(c, (score(guess) - score(gold) +
/// loss) / |Δφ|²)` with the Hamming loss and the squared norm of the feature difference
/// (each mismatched token's features count twice, once per label, like each changed
/// transition); 0 when the guess is right.
fn pa_step(
    trans: &[f32],
    emit: &[f32],
    ex: &Interned<'_>,
    guess: &[LabelId],
    l: usize,
    c: f32,
) -> f32 {
    let (mut sg, mut sy, mut loss, mut norm) = (0f32, 0f32, 0f32, 0f32);
    let (mut pg, mut pp) = (l, l);
    for (i, (&g, &y)) in ex.gold.iter().zip(guess).enumerate() {
        let (g, y) = (g as usize, y as usize);
        sg += emit[i * l + g] + trans[pg * l + g];
        sy += emit[i * l + y] + trans[pp * l + y];
        if g != y {
            loss += 1.0;
            norm += 2.0 * ex.token(i).len() as f32;
        }
        if g != y || pg != pp {
            norm += 2.0;
        }
        pg = g;
        pp = y;
    }
    if loss == 0.0 || norm == 0.0 {
        return 0.0;
    }
    ((sy - sg + loss) / norm).clamp(0.0, c)
}

/// Forward-backward buffers of CRF training and the AdaGrad squared-gradient sums.
#[derive(Default)]
struct Crf {
    sq: Vec<f32>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    /// d log-likelihood / d emission score, n × l.
    gemit: Vec<f32>,
    /// d log-likelihood / d transition score, (l + 1) × l.
    gtrans: Vec<f32>,
}

fn log_sum_exp(xs: impl Iterator<Item = f32> + Clone) -> f32 {
    let m = xs.clone().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.map(|x| (x - m).exp()).sum::<f32>().ln()
}

impl Crf {
    /// Gradients of the sentence's log-likelihood with respect to the emission and transition
    /// scores (observed minus expected counts).
    fn gradients(&mut self, trans: &[f32], emit: &[f32], gold: &[LabelId], n: usize, l: usize) {
        let (alpha, beta) = (&mut self.alpha, &mut self.beta);
        alpha.clear();
        alpha.resize(n * l, 0.0);
        beta.clear();
        beta.resize(n * l, 0.0);
        for j in 0..l {
            alpha[j] = trans[l * l + j] + emit[j];
        }
        for i in 1..n {
            for j in 0..l {
                let a = log_sum_exp((0..l).map(|p| alpha[(i - 1) * l + p] + trans[p * l + j]));
                alpha[i * l + j] = a + emit[i * l + j];
            }
        }
        for i in (0..n - 1).rev() {
            for p in 0..l {
                beta[i * l + p] = log_sum_exp(
                    (0..l)
                        .map(|j| trans[p * l + j] + emit[(i + 1) * l + j] + beta[(i + 1) * l + j]),
                );
            }
        }
        let z = log_sum_exp((0..l).map(|j| alpha[(n - 1) * l + j]));
        self.gemit.clear();
        self.gemit.resize(n * l, 0.0);
        self.gtrans.clear();
        self.gtrans.resize((l + 1) * l, 0.0);
        for i in 0..n {
            for j in 0..l {
                let p = (alpha[i * l + j] + beta[i * l + j] - z).exp();
                self.gemit[i * l + j] = -p;
                if i == 0 {
                    self.gtrans[l * l + j] -= p;
                }
            }
            self.gemit[i * l + gold[i] as usize] += 1.0;
        }
        self.gtrans[l * l + gold[0] as usize] += 1.0;
        for i in 1..n {
            for p in 0..l {
                let ap = alpha[(i - 1) * l + p];
                for j in 0..l {
                    let x = ap + trans[p * l + j] + emit[i * l + j] + beta[i * l + j] - z;
                    self.gtrans[p * l + j] -= x.exp();
                }
            }
            self.gtrans[gold[i - 1] as usize * l + gold[i] as usize] += 1.0;
        }
    }
}

fn snapshot(w: &Weights, keys: &[u64], labels: &[&str], config: &TrainConfig) -> Model {
    let l = labels.len();
    let avg = w.averaged();
    let tbase = keys.len() * l;
    let rows: Vec<(u64, Vec<f32>)> = keys
        .iter()
        .enumerate()
        .map(|(r, &k)| (k, avg[r * l..r * l + l].to_vec()))
        .collect();
    let decoder = match config.learner {
        Learner::Crf { .. } => Decoder::Viterbi,
        Learner::Perceptron | Learner::PassiveAggressive { .. } => config.decoder,
    };
    Model::from_float(
        labels.iter().map(|s| s.to_string()).collect(),
        decoder,
        avg[tbase..].to_vec(),
        rows,
        config.prune,
        config.key_bits,
    )
}

struct Interned<'a> {
    feats: Vec<u32>,
    ends: Vec<u32>,
    gold: &'a [LabelId],
}

impl Interned<'_> {
    fn token(&self, i: usize) -> &[u32] {
        let s = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.feats[s..self.ends[i] as usize]
    }
}

/// Perceptron weights with lazily accumulated totals for averaging.
struct Weights {
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u64>,
    now: u64,
}

impl Weights {
    fn new(n: usize) -> Self {
        Weights {
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            now: 0,
        }
    }
    #[inline]
    fn tick(&mut self) {
        self.now += 1;
    }
    #[inline]
    fn update(&mut self, i: usize, d: f32) {
        // The weight held its value since its last change: credit it for the elapsed instances.
        self.total[i] += (self.now - self.stamp[i]) as f64 * f64::from(self.w[i]);
        self.stamp[i] = self.now;
        self.w[i] += d;
    }
    /// The current emission scores of every token of `ex` into `emit` (`len × l`, row-major).
    fn emissions(&self, ex: &Interned<'_>, l: usize, emit: &mut Vec<f32>) {
        let n = ex.gold.len();
        emit.clear();
        emit.resize(n * l, 0.0);
        for i in 0..n {
            for &f in ex.token(i) {
                let row = &self.w[f as usize * l..f as usize * l + l];
                for (o, &x) in emit[i * l..(i + 1) * l].iter_mut().zip(row) {
                    *o += x;
                }
            }
        }
    }
    fn averaged(&self) -> Vec<f32> {
        let now = self.now.max(1);
        (0..self.w.len())
            .map(|i| {
                let t = self.total[i] + (self.now - self.stamp[i]) as f64 * f64::from(self.w[i]);
                (t / now as f64) as f32
            })
            .collect()
    }
}

/// SplitMix64 PRNG (deterministic shuffling without a dependency).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::hash::mix(self.0)
    }
}
