//! The model: quantized per-(feature, label) weights in an open-addressing table, a first-order
//! label-transition matrix, and greedy or Viterbi decoding.

use crate::seq::{LabelId, Sequence};

/// How a sentence is decoded (and, during training, how the perceptron makes its guesses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoder {
    /// Left to right; each token's score includes the transition from the label just predicted.
    /// Training updates token by token (the classic "greedy averaged perceptron" tagger).
    Greedy,
    /// Exact first-order Viterbi over emission + transition scores. Training is the
    /// sentence-level structured perceptron (Collins 2002).
    Viterbi,
}

impl Decoder {
    pub(crate) fn to_byte(self) -> u8 {
        match self {
            Decoder::Greedy => 0,
            Decoder::Viterbi => 1,
        }
    }
    pub(crate) fn from_byte(b: u8) -> Option<Self> {
        match b {
            0 => Some(Decoder::Greedy),
            1 => Some(Decoder::Viterbi),
            _ => None,
        }
    }
}

/// A trained sequence labeller. Build one with [`crate::train`] or [`Model::load`].
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) labels: Vec<String>,
    pub(crate) meta: Vec<(String, String)>,
    pub(crate) decoder: Decoder,
    /// Keys are masked to this many low bits (64 = full keys).
    pub(crate) key_bits: u8,
    /// Weight = i16 * scale.
    pub(crate) scale: f32,
    /// Transition scores, `(L + 1) × L`; row `L` is the sentence start.
    pub(crate) trans: Vec<f32>,
    /// Sorted (masked) feature keys; row `r` of `weights` belongs to `keys[r]`.
    pub(crate) keys: Vec<u64>,
    /// Dense rows of `L` quantized weights.
    pub(crate) weights: Vec<i16>,
    /// Open-addressing table (linear probing, load ≤ 0.7) with the weights inline: slot `i`
    /// is `table[i*stride..]` = key (0 = empty), then the row's `L` i16 packed 4 per u64.
    /// One cache line per feature lookup.
    pub(crate) table: Vec<u64>,
    pub(crate) stride: usize,
    /// One control byte per slot of `table`: 0 = empty, else [`fingerprint`] of its key. A
    /// lookup walks these (a 256 KiB array for 180k features, cache-resident) and reads the
    /// big table only where the fingerprint matches, so absent features (about half of them)
    /// cost no miss in it and present ones one line.
    pub(crate) ctl: Vec<u8>,
}

/// Reusable buffers for tagging (keeps the hot path free of allocation).
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    acc: Vec<i32>,
    /// (masked key, table slot) of every feature of the sentence.
    slots: Vec<(u64, u32)>,
    emit: Vec<f32>,
    back: Vec<LabelId>,
    cur: Vec<f32>,
    prev: Vec<f32>,
}

impl Model {
    /// Assemble a model from averaged float weights (used by the trainer).
    pub(crate) fn from_float(
        labels: Vec<String>,
        decoder: Decoder,
        trans: Vec<f32>,
        rows: Vec<(u64, Vec<f32>)>,
        prune: f32,
        key_bits: u8,
    ) -> Model {
        let l = labels.len();
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mask = key_mask(key_bits);
        let mut kept: Vec<(u64, Vec<i16>)> = Vec::with_capacity(rows.len());
        for (k, w) in rows {
            let q: Vec<i16> = w
                .iter()
                .map(|&x| {
                    if x.abs() < prune {
                        0
                    } else {
                        (x / scale).round().clamp(-32767.0, 32767.0) as i16
                    }
                })
                .collect();
            if q.iter().any(|&x| x != 0) {
                kept.push((mask_key(k, mask), q));
            }
        }
        kept.sort_unstable_by_key(|(k, _)| *k);
        // Masked keys could collide: merge (sum) their rows.
        let mut keys = Vec::with_capacity(kept.len());
        let mut weights: Vec<i16> = Vec::with_capacity(kept.len() * l);
        for (k, q) in kept {
            if keys.last() == Some(&k) {
                let base = weights.len() - l;
                for (j, x) in q.iter().enumerate() {
                    weights[base + j] = weights[base + j].saturating_add(*x);
                }
            } else {
                keys.push(k);
                weights.extend_from_slice(&q);
            }
        }
        let mut m = Model {
            labels,
            meta: Vec::new(),
            decoder,
            key_bits,
            scale,
            trans,
            keys,
            weights,
            table: Vec::new(),
            stride: 0,
            ctl: Vec::new(),
        };
        m.build_slots();
        m
    }

    /// (Re)build the open-addressing table from `keys` and `weights`.
    pub(crate) fn build_slots(&mut self) {
        let l = self.labels.len();
        let stride = 1 + l.div_ceil(4);
        let cap = (self.keys.len() * 10 / 7 + 1).max(16).next_power_of_two();
        let mask = cap - 1;
        let mut table = vec![0u64; cap * stride];
        let mut ctl = vec![0u8; cap];
        for (r, &k) in self.keys.iter().enumerate() {
            let mut i = slot_of(k) & mask;
            while ctl[i] != 0 {
                i = (i + 1) & mask;
            }
            ctl[i] = fingerprint(k);
            let base = i * stride;
            table[base] = k;
            for (j, &w) in self.weights[r * l..r * l + l].iter().enumerate() {
                table[base + 1 + j / 4] |= u64::from(w as u16) << ((j % 4) * 16);
            }
        }
        self.table = table;
        self.stride = stride;
        self.ctl = ctl;
    }

    /// Add `delta` to every transition into `label` (the start row too): the same as adding
    /// `delta` to that label's score at every token. A decoding bias, e.g. a negative one on
    /// the outside label `O` trades precision for recall (Minkov et al. 2006).
    pub fn shift_label(&mut self, label: LabelId, delta: f32) {
        let l = self.labels.len();
        let j = label as usize;
        if j >= l {
            return;
        }
        for row in self.trans.chunks_mut(l) {
            row[j] += delta;
        }
    }

    /// The label names, indexed by [`LabelId`].
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The id of a label name.
    pub fn label_id(&self, name: &str) -> Option<LabelId> {
        self.labels
            .iter()
            .position(|l| l == name)
            .map(|p| p as LabelId)
    }

    /// The decoder used by [`Model::tag`].
    pub fn decoder(&self) -> Decoder {
        self.decoder
    }

    /// Use another decoder at inference time.
    pub fn set_decoder(&mut self, d: Decoder) {
        self.decoder = d;
    }

    /// Free-form metadata saved with the model (e.g. the feature-template version).
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Set a metadata entry.
    pub fn set_meta(&mut self, key: &str, value: &str) {
        if let Some(e) = self.meta.iter_mut().find(|(k, _)| k == key) {
            e.1 = value.to_string();
        } else {
            self.meta.push((key.to_string(), value.to_string()));
        }
    }

    /// Number of stored feature rows.
    pub fn num_features(&self) -> usize {
        self.keys.len()
    }

    /// Collapse a model trained with domain-conjoined features ("frustratingly easy domain
    /// adaptation", Daumé 2007) into a plain model for one domain.
    ///
    /// Training emits every feature `f` twice: `f` (shared) and `hash::combine(f, d)` for the
    /// example's domain key `d`. The specialised model keeps only shared keys, each with the row
    /// `w(f) + w(combine(f, domain))`, so it tags plain (un-doubled) features at full speed.
    /// With several `domains` the domain rows are averaged (a blend of conventions); with none,
    /// only the shared weights are kept. `all_domains` lists every domain key used in training
    /// (their conjoined keys are dropped). Needs full keys (`key_bits = 64`).
    pub fn specialize(
        &self,
        domains: &[u64],
        all_domains: &[u64],
    ) -> Result<Model, crate::LearnError> {
        self.specialize_scaled(domains, all_domains, 1.0)
    }

    /// Like [`Model::specialize`], with the (averaged) domain rows multiplied by `scale`:
    /// above 1 the domains' departures from the shared weights count for more.
    pub fn specialize_scaled(
        &self,
        domains: &[u64],
        all_domains: &[u64],
        scale: f32,
    ) -> Result<Model, crate::LearnError> {
        if self.key_bits != 64 {
            return Err(crate::LearnError::Invalid(
                "specialize needs a model with 64-bit keys".into(),
            ));
        }
        let l = self.labels.len();
        let mut conj = std::collections::HashSet::new();
        for &k in &self.keys {
            for &d in all_domains {
                conj.insert(crate::hash::combine(k, d));
            }
        }
        let mut keys = Vec::with_capacity(self.keys.len());
        let mut weights = Vec::with_capacity(self.weights.len());
        for (r, &k) in self.keys.iter().enumerate() {
            if conj.contains(&k) {
                continue;
            }
            let div = domains.len().max(1) as f32;
            let mut sum: Vec<f32> = self.weights[r * l..r * l + l]
                .iter()
                .map(|&q| f32::from(q) * div)
                .collect();
            for &d in domains {
                if let Some(extra) = self.row(crate::hash::combine(k, d)) {
                    for (a, &b) in sum.iter_mut().zip(extra) {
                        *a += scale * f32::from(b);
                    }
                }
            }
            let row: Vec<i16> = sum
                .iter()
                .map(|&x| (x / div).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            if row.iter().any(|&x| x != 0) {
                keys.push(k);
                weights.extend_from_slice(&row);
            }
        }
        let mut m = Model {
            labels: self.labels.clone(),
            meta: self.meta.clone(),
            decoder: self.decoder,
            key_bits: 64,
            scale: self.scale,
            trans: self.trans.clone(),
            keys,
            weights,
            table: Vec::new(),
            stride: 0,
            ctl: Vec::new(),
        };
        m.build_slots();
        Ok(m)
    }

    /// The same model without the feature rows whose largest absolute weight is below
    /// `min_abs` (a smaller table: faster lookups, smaller files).
    pub fn pruned(&self, min_abs: f32) -> Model {
        let l = self.labels.len();
        let q = (min_abs / self.scale).round().clamp(0.0, 32767.0) as i16;
        let mut keys = Vec::with_capacity(self.keys.len());
        let mut weights = Vec::with_capacity(self.weights.len());
        for (r, &k) in self.keys.iter().enumerate() {
            let row = &self.weights[r * l..r * l + l];
            if row.iter().any(|&w| w.saturating_abs() >= q.max(1)) {
                keys.push(k);
                weights.extend_from_slice(row);
            }
        }
        let mut m = Model {
            keys,
            weights,
            table: Vec::new(),
            stride: 0,
            ctl: Vec::new(),
            ..self.clone()
        };
        m.build_slots();
        m
    }

    /// The same model with keys masked to `bits` low bits (smaller files; see `TrainConfig`).
    pub fn with_key_bits(&self, bits: u8) -> Model {
        let bits = bits.clamp(16, 64);
        let l = self.labels.len();
        let rows = self
            .keys
            .iter()
            .enumerate()
            .map(|(r, &k)| {
                let row = self.weights[r * l..r * l + l]
                    .iter()
                    .map(|&q| f32::from(q) * self.scale)
                    .collect();
                (k, row)
            })
            .collect();
        let mut m = Model::from_float(
            self.labels.clone(),
            self.decoder,
            self.trans.clone(),
            rows,
            0.0,
            bits,
        );
        m.meta = self.meta.clone();
        m
    }

    /// The difference `self - base` as a model (same labels and key bits): every key of either
    /// model whose rows differ, with the row `w_self - w_base`, and `self`'s transitions. Ship
    /// one full model plus small deltas for its variants; [`Model::plus`] restores a variant.
    pub fn delta_from(&self, base: &Model) -> Result<Model, crate::LearnError> {
        self.merge(base, -1.0, |a, _| a.to_vec())
    }

    /// `self + delta` (see [`Model::delta_from`]); the transitions are the delta's.
    pub fn plus(&self, delta: &Model) -> Result<Model, crate::LearnError> {
        delta.merge(self, 1.0, |a, _| a.to_vec())
    }

    /// Rows `w_self + sign * w_other` over the union of keys; transitions from `trans(self, other)`.
    fn merge(
        &self,
        other: &Model,
        sign: f32,
        trans: impl Fn(&[f32], &[f32]) -> Vec<f32>,
    ) -> Result<Model, crate::LearnError> {
        if self.labels != other.labels || self.key_bits != other.key_bits {
            return Err(crate::LearnError::Invalid(
                "models differ in labels or key bits".into(),
            ));
        }
        let l = self.labels.len();
        let row = |m: &Model, r: usize, f: f32| -> Vec<f32> {
            m.weights[r * l..r * l + l]
                .iter()
                .map(|&q| f32::from(q) * m.scale * f)
                .collect()
        };
        let mut rows: Vec<(u64, Vec<f32>)> =
            Vec::with_capacity(self.keys.len().max(other.keys.len()));
        let (mut i, mut j) = (0, 0);
        while i < self.keys.len() || j < other.keys.len() {
            let (a, b) = (self.keys.get(i), other.keys.get(j));
            match (a, b) {
                (Some(&ka), Some(&kb)) if ka == kb => {
                    let ra = &self.weights[i * l..i * l + l];
                    let rb = &other.weights[j * l..j * l + l];
                    let same = sign < 0.0 && (self.scale - other.scale).abs() == 0.0 && ra == rb;
                    if !same {
                        let mut w = row(self, i, 1.0);
                        for (x, y) in w.iter_mut().zip(row(other, j, sign)) {
                            *x += y;
                        }
                        rows.push((ka, w));
                    }
                    i += 1;
                    j += 1;
                }
                (Some(&ka), Some(&kb)) if ka < kb => {
                    rows.push((ka, row(self, i, 1.0)));
                    i += 1;
                }
                (Some(&ka), None) => {
                    rows.push((ka, row(self, i, 1.0)));
                    i += 1;
                }
                (_, Some(&kb)) => {
                    rows.push((kb, row(other, j, sign)));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        let mut m = Model::from_float(
            self.labels.clone(),
            self.decoder,
            trans(&self.trans, &other.trans),
            rows,
            0.0,
            self.key_bits,
        );
        m.meta = self.meta.clone();
        Ok(m)
    }

    /// The mean of several models with the same labels and key bits (a bagged ensemble in one
    /// model): every key of any of them, with the mean of its rows (absent = 0), and the mean
    /// transitions. Metadata and decoder are the first model's.
    pub fn mean(models: &[&Model]) -> Result<Model, crate::LearnError> {
        let k = models.len() as f32;
        let weighted: Vec<(&Model, f32)> = models.iter().map(|&m| (m, 1.0 / k)).collect();
        Model::weighted_sum(&weighted)
    }

    /// The root mean square of the model's emission weights (0 for an empty model): a model's
    /// scale, to put models of different learners (perceptron, CRF) on one footing before
    /// [`Model::weighted_sum`].
    pub fn weight_rms(&self) -> f32 {
        if self.weights.is_empty() {
            return 0.0;
        }
        let ss: f64 = self
            .weights
            .iter()
            .map(|&q| (f64::from(q) * f64::from(self.scale)).powi(2))
            .sum();
        (ss / self.weights.len() as f64).sqrt() as f32
    }

    /// `Σ factor × model` (union of keys, absent rows = 0, transitions likewise): with factors
    /// summing to 1 a weighted ensemble of linear models in one model of the same speed.
    pub fn weighted_sum(models: &[(&Model, f32)]) -> Result<Model, crate::LearnError> {
        let Some((first, _)) = models.first() else {
            return Err(crate::LearnError::Invalid("no model to average".into()));
        };
        let l = first.labels.len();
        let mut rows: std::collections::BTreeMap<u64, Vec<f32>> = Default::default();
        let mut trans = vec![0f32; first.trans.len()];
        for &(m, k) in models {
            if m.labels != first.labels || m.key_bits != first.key_bits {
                return Err(crate::LearnError::Invalid(
                    "models differ in labels or key bits".into(),
                ));
            }
            for (t, &x) in trans.iter_mut().zip(&m.trans) {
                *t += x * k;
            }
            for (r, &key) in m.keys.iter().enumerate() {
                let row = rows.entry(key).or_insert_with(|| vec![0.0; l]);
                for (a, &q) in row.iter_mut().zip(&m.weights[r * l..r * l + l]) {
                    *a += f32::from(q) * m.scale * k;
                }
            }
        }
        let mut out = Model::from_float(
            first.labels.clone(),
            first.decoder,
            trans,
            rows.into_iter().collect(),
            0.0,
            first.key_bits,
        );
        out.meta = first.meta.clone();
        Ok(out)
    }

    /// The quantized weight row of a (full or masked) feature key, if stored.
    fn row(&self, key: u64) -> Option<&[i16]> {
        let k = mask_key(key, key_mask(self.key_bits));
        let r = self.keys.binary_search(&k).ok()?;
        let l = self.labels.len();
        Some(&self.weights[r * l..r * l + l])
    }

    /// Masked keys and home slots of every feature of `seq` into `slots` (see
    /// [`Model::resolve`]).
    fn slots_of(&self, seq: &Sequence, slots: &mut Vec<(u64, u32)>) {
        let kmask = key_mask(self.key_bits);
        let mask = self.ctl.len().max(1) - 1;
        slots.clear();
        slots.extend(seq.all_features().iter().map(|&f| {
            let k = mask_key(f, kmask);
            let s = slot_of(k) & mask;
            (k, s as u32)
        }));
    }

    /// Replace the home slot of `slot` by the first slot of its probe sequence whose control
    /// byte matches the key's fingerprint (`u32::MAX`: the key is absent), and prefetch that
    /// slot's line of the big table.
    #[inline(always)]
    fn resolve(&self, slot: &mut (u64, u32)) {
        let mask = self.ctl.len() - 1;
        match self.candidate(slot.1 as usize, fingerprint(slot.0), mask) {
            Some(c) => {
                prefetch(&self.table[c * self.stride]);
                slot.1 = c as u32;
            }
            None => slot.1 = u32::MAX,
        }
    }

    /// The first slot at or after `s` whose control byte is `fp`; `None` at an empty slot.
    #[inline(always)]
    fn candidate(&self, mut s: usize, fp: u8, mask: usize) -> Option<usize> {
        loop {
            let c = self.ctl[s];
            if c == fp {
                return Some(s);
            }
            if c == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Emission scores of the features `slots` (from [`Model::slots_of`]) into `out` (length L).
    #[inline]
    fn emission(&self, slots: &[(u64, u32)], acc: &mut Vec<i32>, out: &mut [f32]) {
        let l = self.labels.len();
        if self.stride == 3 {
            // Up to 8 labels (two packed words per row): a fixed-size, unrolled accumulator.
            let mut a8 = [0i32; 8];
            self.probe(slots, |w| {
                // The row's eight i16 lanes, little-endian: written this way the widening
                // adds vectorise.
                let (lo, hi) = (w[0].to_le_bytes(), w[1].to_le_bytes());
                let mut b = [0u8; 16];
                b[..8].copy_from_slice(&lo);
                b[8..].copy_from_slice(&hi);
                for (k, x) in a8.iter_mut().enumerate() {
                    *x += i32::from(i16::from_le_bytes([b[2 * k], b[2 * k + 1]]));
                }
            });
            for (o, &a) in out.iter_mut().zip(a8.iter()) {
                *o = a as f32 * self.scale;
            }
            return;
        }
        if self.stride == 5 {
            // 9 to 16 labels (four packed words per row), e.g. BILOU NER.
            let mut a16 = [0i32; 16];
            self.probe(slots, |w| {
                for (k, x) in a16.iter_mut().enumerate() {
                    *x += i32::from((w[k / 4] >> ((k % 4) * 16)) as u16 as i16);
                }
            });
            for (o, &a) in out.iter_mut().zip(a16.iter()) {
                *o = a as f32 * self.scale;
            }
            return;
        }
        acc.clear();
        acc.resize(l, 0);
        self.probe(slots, |w| {
            for (j, a) in acc.iter_mut().enumerate() {
                *a += i32::from((w[j / 4] >> ((j % 4) * 16)) as u16 as i16);
            }
        });
        for (o, &a) in out.iter_mut().zip(acc.iter()) {
            *o = a as f32 * self.scale;
        }
    }

    /// Call `f` with the packed weight words of every stored feature among `slots` (resolved
    /// by [`Model::resolve`]).
    #[inline(always)]
    fn probe(&self, slots: &[(u64, u32)], mut f: impl FnMut(&[u64])) {
        let stride = self.stride;
        let mask = self.ctl.len() - 1;
        for &(k, s) in slots {
            if s == u32::MAX {
                continue;
            }
            let mut s = s as usize;
            let fp = fingerprint(k);
            loop {
                let base = s * stride;
                if self.table[base] == k {
                    f(&self.table[base + 1..base + stride]);
                    break;
                }
                // Another key with the same fingerprint: walk on.
                match self.candidate((s + 1) & mask, fp, mask) {
                    Some(c) => s = c,
                    None => break,
                }
            }
        }
    }

    /// Tag a sentence with the model's decoder.
    pub fn tag(&self, seq: &Sequence) -> Vec<LabelId> {
        let mut out = Vec::with_capacity(seq.len());
        self.tag_into(seq, &mut Scratch::default(), &mut out, None);
        out
    }

    /// Tag a sentence and give each token a confidence in `[0, 1]`: the softmax probability of
    /// its label among all labels, given the label chosen for the previous token.
    pub fn tag_scored(&self, seq: &Sequence) -> (Vec<LabelId>, Vec<f32>) {
        let mut out = Vec::with_capacity(seq.len());
        let mut conf = Vec::with_capacity(seq.len());
        self.tag_into(seq, &mut Scratch::default(), &mut out, Some(&mut conf));
        (out, conf)
    }

    /// Tag into caller-owned buffers (`out` and `conf` are cleared first).
    pub fn tag_into(
        &self,
        seq: &Sequence,
        scratch: &mut Scratch,
        out: &mut Vec<LabelId>,
        conf: Option<&mut Vec<f32>>,
    ) {
        out.clear();
        let n = seq.len();
        let l = self.labels.len();
        if n == 0 || l == 0 {
            if let Some(c) = conf {
                c.clear();
            }
            return;
        }
        let Scratch {
            acc,
            slots,
            emit,
            back,
            cur,
            prev,
        } = scratch;
        emit.clear();
        emit.resize(n * l, 0.0);
        self.slots_of(seq, slots);
        // A pipeline over the features: the control bytes of feature g + 2·AHEAD are
        // prefetched, feature g + AHEAD is resolved to its candidate slot (whose line of the
        // big table is prefetched), and the features of the current token are scored.
        const AHEAD: usize = 16;
        let total = slots.len();
        let mut fetched = 0;
        let mut resolved = 0;
        for i in 0..n {
            let r = seq.token_range(i);
            let want = (r.end + AHEAD).min(total);
            while fetched < (want + AHEAD).min(total) {
                prefetch(&self.ctl[slots[fetched].1 as usize]);
                fetched += 1;
            }
            while resolved < want {
                self.resolve(&mut slots[resolved]);
                resolved += 1;
            }
            self.emission(&slots[r], acc, &mut emit[i * l..(i + 1) * l]);
        }
        match self.decoder {
            Decoder::Greedy => {
                let mut p = l; // start row
                for i in 0..n {
                    let e = &emit[i * l..(i + 1) * l];
                    let t = &self.trans[p * l..(p + 1) * l];
                    let mut best = 0;
                    let mut best_s = f32::NEG_INFINITY;
                    for j in 0..l {
                        let s = e[j] + t[j];
                        if s > best_s {
                            best_s = s;
                            best = j;
                        }
                    }
                    out.push(best as LabelId);
                    p = best;
                }
            }
            Decoder::Viterbi if l <= 8 => viterbi_small(&self.trans, emit, n, l, back, out),
            Decoder::Viterbi => viterbi(&self.trans, emit, n, l, back, cur, prev, out),
        }
        if let Some(c) = conf {
            c.clear();
            let mut p = l;
            for i in 0..n {
                let e = &emit[i * l..(i + 1) * l];
                let t = &self.trans[p * l..(p + 1) * l];
                let y = out[i] as usize;
                let sy = e[y] + t[y];
                let z: f32 = (0..l).map(|j| (e[j] + t[j] - sy).exp()).sum();
                c.push(1.0 / z);
                p = y;
            }
        }
    }
}

/// First-order Viterbi over `emit` (n × l) and `trans` ((l+1) × l, last row = start).
#[allow(clippy::too_many_arguments)]
pub(crate) fn viterbi(
    trans: &[f32],
    emit: &[f32],
    n: usize,
    l: usize,
    back: &mut Vec<LabelId>,
    cur: &mut Vec<f32>,
    prev: &mut Vec<f32>,
    out: &mut Vec<LabelId>,
) {
    back.clear();
    back.resize(n * l, 0);
    prev.clear();
    prev.extend((0..l).map(|j| emit[j] + trans[l * l + j]));
    for i in 1..n {
        cur.clear();
        for j in 0..l {
            let mut best = 0;
            let mut best_s = f32::NEG_INFINITY;
            for (p, &ps) in prev.iter().enumerate() {
                let s = ps + trans[p * l + j];
                if s > best_s {
                    best_s = s;
                    best = p;
                }
            }
            back[i * l + j] = best as LabelId;
            cur.push(best_s + emit[i * l + j]);
        }
        std::mem::swap(cur, prev);
    }
    trace_back(prev, back, l, n, out);
}

/// [`viterbi`] for at most 8 labels (e.g. BIO NER), on fixed-size arrays with the transition
/// matrix transposed so that each label's incoming scores are contiguous: the same additions
/// and comparisons in the same order, so the same path, without the bounds checks.
fn viterbi_small(
    trans: &[f32],
    emit: &[f32],
    n: usize,
    l: usize,
    back: &mut Vec<LabelId>,
    out: &mut Vec<LabelId>,
) {
    let l = l.min(8);
    // into[j][p] = score of the transition p -> j.
    let mut into = [[0f32; 8]; 8];
    for (j, row) in into.iter_mut().enumerate().take(l) {
        for (p, x) in row.iter_mut().enumerate().take(l) {
            *x = trans[p * l + j];
        }
    }
    back.clear();
    back.resize(n * l, 0);
    let mut prev = [0f32; 8];
    for (j, x) in prev.iter_mut().enumerate().take(l) {
        *x = emit[j] + trans[l * l + j];
    }
    for i in 1..n {
        let e = &emit[i * l..(i + 1) * l];
        let b = &mut back[i * l..(i + 1) * l];
        let mut cur = [0f32; 8];
        for j in 0..l {
            let t = &into[j];
            let mut best = 0;
            let mut best_s = f32::NEG_INFINITY;
            for p in 0..l {
                let s = prev[p] + t[p];
                if s > best_s {
                    best_s = s;
                    best = p;
                }
            }
            b[j] = best as LabelId;
            cur[j] = best_s + e[j];
        }
        prev = cur;
    }
    trace_back(&prev[..l], back, l, n, out);
}

/// The best final label (the first of equals), then the back-pointers to the start.
fn trace_back(last: &[f32], back: &[LabelId], l: usize, n: usize, out: &mut Vec<LabelId>) {
    let mut y = 0;
    let mut best_s = f32::NEG_INFINITY;
    for (j, &s) in last.iter().enumerate() {
        if s > best_s {
            best_s = s;
            y = j;
        }
    }
    out.clear();
    out.resize(n, 0);
    out[n - 1] = y as LabelId;
    for i in (1..n).rev() {
        y = back[i * l + y] as usize;
        out[i - 1] = y as LabelId;
    }
}

#[inline]
pub(crate) fn key_mask(bits: u8) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

#[inline]
pub(crate) fn mask_key(k: u64, mask: u64) -> u64 {
    let m = k & mask;
    if m == 0 {
        1
    } else {
        m
    }
}

/// Hint the CPU to fetch the cache line of `x` (a no-op off x86-64): for table lookups whose
/// keys are known a little before they are needed.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and has no architectural effect; SSE (which provides
    // it) is part of the x86-64 baseline, and `x` is a valid reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (x as *const T).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The control byte of a stored key: its top bit set (0 marks an empty slot) and 7 bits of a
/// multiplicative hash, independent of the bits that choose the slot.
#[inline(always)]
fn fingerprint(k: u64) -> u8 {
    0x80 | (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 57) as u8
}

#[inline]
fn slot_of(k: u64) -> usize {
    // Keys are already well mixed; fold the high half in for masked keys.
    (k ^ (k >> 29)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixed-size Viterbi finds exactly the path of the general one, ties included
    /// (scores drawn from a few small values so that ties are common).
    #[test]
    fn small_viterbi_matches_the_general_one() {
        let mut state = 0x1234_5678u64;
        let mut next = || {
            state = crate::hash::mix(state.wrapping_add(1));
            (state % 5) as f32 - 2.0
        };
        let (mut back, mut cur, mut prev) = (Vec::new(), Vec::new(), Vec::new());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for l in 1..=8 {
            for n in 1..12 {
                let trans: Vec<f32> = (0..(l + 1) * l).map(|_| next()).collect();
                let emit: Vec<f32> = (0..n * l).map(|_| next()).collect();
                viterbi(&trans, &emit, n, l, &mut back, &mut cur, &mut prev, &mut a);
                viterbi_small(&trans, &emit, n, l, &mut back, &mut b);
                assert_eq!(a, b, "l={l} n={n}");
            }
        }
    }
}
