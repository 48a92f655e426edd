//! Distributional word clusters for NER features, learnt from unlabelled news text.
//!
//! Each frequent lower-cased word is described by PPMI-weighted counts of its left and right
//! neighbours (among the most frequent context words), L2-normalised; spherical k-means groups
//! them into `k` fine clusters, and a second k-means over the fine centroids gives coarse ones.
//! Output: `word<TAB>fine<TAB>coarse` lines (`model/ner-clusters.tsv`). Deterministic for a seed.

use std::collections::HashMap;

/// Settings of [`build`].
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Words to cluster (the most frequent, with at least `min_count` occurrences).
    pub vocab: usize,
    pub min_count: usize,
    /// Context words (the most frequent) used as dimensions, on each side.
    pub contexts: usize,
    /// Fine and coarse cluster counts.
    pub fine: usize,
    pub coarse: usize,
    pub iterations: usize,
    pub seed: u64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            vocab: 25_000,
            min_count: 3,
            contexts: 800,
            fine: 320,
            coarse: 40,
            iterations: 12,
            seed: 7,
        }
    }
}

fn is_wordish(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Cluster the words of `sentences` (each a list of lower-cased tokens). Returns the TSV text.
pub fn build(sentences: &[Vec<String>], cfg: &ClusterConfig) -> String {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, usize)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx: HashMap<&str, usize> = by_freq
        .iter()
        .take(cfg.contexts)
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(w, c)| *c >= cfg.min_count && is_wordish(w))
        .take(cfg.vocab)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dims = 2 * cfg.contexts + 2;
    let start = 2 * cfg.contexts; // sentence boundary dims
                                  // Sparse co-occurrence counts.
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&v) = index.get(w.as_str()) else {
                continue;
            };
            let left = if i == 0 {
                Some(start)
            } else {
                ctx.get(s[i - 1].as_str()).copied()
            };
            let right = if i + 1 == s.len() {
                Some(start + 1)
            } else {
                ctx.get(s[i + 1].as_str()).map(|&c| cfg.contexts + c)
            };
            for d in [left, right].into_iter().flatten() {
                *counts[v].entry(d as u32).or_insert(0.0) += 1.0;
            }
        }
    }
    // PPMI and normalisation.
    let mut col = vec![0f64; dims];
    let mut total = 0f64;
    for row in &counts {
        for (&d, &c) in row {
            col[d as usize] += f64::from(c);
            total += f64::from(c);
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = counts
        .iter()
        .map(|row| {
            let rs: f64 = row.values().map(|&c| f64::from(c)).sum();
            let mut v: Vec<(u32, f32)> = row
                .iter()
                .filter_map(|(&d, &c)| {
                    let pmi = (f64::from(c) * total / (rs * col[d as usize])).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_unstable_by_key(|x| x.0);
            let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if n > 0.0 {
                for x in &mut v {
                    x.1 /= n;
                }
            }
            v
        })
        .collect();
    let fine = kmeans_sparse(&vectors, dims, cfg.fine, cfg.iterations, cfg.seed);
    // Coarse clusters: k-means over the fine centroids (as sparse vectors).
    let centroids = centroids_of(&vectors, &fine, dims, cfg.fine);
    let cvecs: Vec<Vec<(u32, f32)>> = centroids
        .chunks(dims)
        .map(|c| {
            c.iter()
                .enumerate()
                .filter(|(_, &x)| x != 0.0)
                .map(|(d, &x)| (d as u32, x))
                .collect()
        })
        .collect();
    let coarse = kmeans_sparse(&cvecs, dims, cfg.coarse, cfg.iterations, cfg.seed + 1);
    let mut out = String::from(
        "# NER word clusters: word<TAB>fine cluster<TAB>coarse cluster.\n\
         # Made by `warta train ner --build-clusters` (src/ner/clusters.rs) from unlabelled news text.\n",
    );
    for (i, w) in vocab.iter().enumerate() {
        out.push_str(&format!("{w}\t{}\t{}\n", fine[i], coarse[fine[i]]));
    }
    out
}

/// Mean vectors (L2-normalised) of each cluster, dense `k × dims`.
fn centroids_of(vectors: &[Vec<(u32, f32)>], assign: &[usize], dims: usize, k: usize) -> Vec<f32> {
    let mut c = vec![0f32; k * dims];
    for (v, &a) in vectors.iter().zip(assign) {
        for &(d, x) in v {
            c[a * dims + d as usize] += x;
        }
    }
    for row in c.chunks_mut(dims) {
        let n = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            for x in row {
                *x /= n;
            }
        }
    }
    c
}

/// Spherical k-means over sparse unit vectors; returns each vector's cluster.
fn kmeans_sparse(
    vectors: &[Vec<(u32, f32)>],
    dims: usize,
    k: usize,
    iterations: usize,
    seed: u64,
) -> Vec<usize> {
    let n = vectors.len();
    let k = k.min(n).max(1);
    // Initial centroids: k-means++ (cosine distance), sampled with a seeded PRNG.
    let mut state = seed;
    let mut rand01 = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        (warta_learn::hash::mix(state) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut c = vec![0f32; k * dims];
    let mut best_sim = vec![f32::NEG_INFINITY; n];
    let mut dense = vec![0f32; dims];
    let mut pick = ((rand01() * n as f64) as usize).min(n - 1);
    for j in 0..k {
        dense.iter_mut().for_each(|x| *x = 0.0);
        for &(d, x) in &vectors[pick] {
            c[j * dims + d as usize] = x;
            dense[d as usize] = x;
        }
        let mut total = 0f64;
        for (i, v) in vectors.iter().enumerate() {
            let sim: f32 = v.iter().map(|&(d, x)| x * dense[d as usize]).sum();
            if sim > best_sim[i] {
                best_sim[i] = sim;
            }
            let dist = f64::from((1.0 - best_sim[i]).max(0.0));
            total += dist * dist;
        }
        if total <= 0.0 {
            break;
        }
        let mut r = rand01() * total;
        pick = n - 1;
        for (i, &b) in best_sim.iter().enumerate() {
            let dist = f64::from((1.0 - b).max(0.0));
            r -= dist * dist;
            if r <= 0.0 && dist > 0.0 {
                pick = i;
                break;
            }
        }
    }
    let mut assign = vec![usize::MAX; n];
    let mut acc = vec![0f32; k];
    for it in 0..iterations {
        if it > 0 {
            c = centroids_of(vectors, &assign, dims, k);
        }
        // Transpose for sparse-times-dense scoring.
        let mut ct = vec![0f32; dims * k];
        for j in 0..k {
            for d in 0..dims {
                ct[d * k + j] = c[j * dims + d];
            }
        }
        let mut changed = 0;
        for (i, v) in vectors.iter().enumerate() {
            acc.iter_mut().for_each(|x| *x = 0.0);
            for &(d, x) in v {
                let row = &ct[d as usize * k..d as usize * k + k];
                for (a, &cv) in acc.iter_mut().zip(row) {
                    *a += x * cv;
                }
            }
            let mut best = 0;
            let mut best_s = f32::NEG_INFINITY;
            for (j, &s) in acc.iter().enumerate() {
                if s > best_s {
                    best_s = s;
                    best = j;
                }
            }
            if best != assign[i] {
                changed += 1;
                assign[i] = best;
            }
        }
        if changed == 0 {
            break;
        }
    }
    assign
}

/// Inputs and settings of [`build_from_sources`] (`warta train ner --build-clusters NEWS`).
#[derive(Debug, Clone)]
pub struct ClusterSources {
    /// News JSON Lines (field `text`).
    pub news: std::path::PathBuf,
    /// NER training files (only their words are read).
    pub train: Vec<std::path::PathBuf>,
    /// More unlabelled text: CoNLL-style files (word in the first column) or UD `.conllu`
    /// files (the FORM column).
    pub text: Vec<std::path::PathBuf>,
    /// Words clustered, context words, fine and coarse cluster counts.
    pub vocab: usize,
    pub contexts: usize,
    pub fine: usize,
    pub coarse: usize,
    /// Above 0: Brown clusters ([`super::brown`]) with `fine` classes, the coarse column the
    /// first this many bits, instead of PPMI k-means.
    pub brown: usize,
}

/// The lower-cased sentences of every source of [`ClusterSources`], in order.
pub fn read_sentences(src: &ClusterSources) -> Result<Vec<Vec<String>>, super::train::TrainError> {
    use super::train::{for_each_news_text, read_gold, TrainError};
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for_each_news_text(&src.news, |text| {
        let doc = warta_text::TextDoc::analyse(text, None);
        for s in &doc.sentences {
            if let Some(toks) = doc.tokens.get(s.tokens.clone()) {
                sentences.push(toks.iter().map(|t| t.lower.clone()).collect());
            }
        }
    })?;
    for p in &src.train {
        for g in read_gold(p)? {
            sentences.push(g.words.iter().map(|w| w.to_lowercase()).collect());
        }
    }
    for p in &src.text {
        let text = std::fs::read_to_string(p).map_err(TrainError::file(p))?;
        let conllu = p.extension().is_some_and(|e| e == "conllu");
        let mut cur: Vec<String> = Vec::new();
        for line in text.lines().chain(std::iter::once("")) {
            if line.trim().is_empty() {
                if !cur.is_empty() {
                    sentences.push(std::mem::take(&mut cur));
                }
                continue;
            }
            if line.starts_with('#') && conllu {
                continue;
            }
            let mut f = line.split(['\t', ' ']);
            let word = if conllu {
                // Skip multiword-token ranges (1-2) and empty nodes (1.1).
                let id = f.next().unwrap_or("");
                if id.contains(['-', '.']) {
                    continue;
                }
                f.next()
            } else {
                f.next()
            };
            if let Some(w) = word.filter(|w| !w.is_empty()) {
                cur.push(w.to_lowercase());
            }
        }
    }
    Ok(sentences)
}

/// Build the cluster table (k-means, or Brown when `src.brown > 0`) from the sources. Returns
/// the table's text and the number of sentences read.
pub fn build_from_sources(
    src: &ClusterSources,
) -> Result<(String, usize), super::train::TrainError> {
    let sentences = read_sentences(src)?;
    let tsv = if src.brown > 0 {
        let cfg = super::brown::BrownConfig {
            vocab: src.vocab,
            classes: src.fine,
            coarse_bits: src.brown,
            ..Default::default()
        };
        super::brown::build(&sentences, &cfg)
    } else {
        let cfg = ClusterConfig {
            vocab: src.vocab,
            contexts: src.contexts,
            fine: src.fine,
            coarse: src.coarse,
            ..Default::default()
        };
        build(&sentences, &cfg)
    };
    Ok((tsv, sentences.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        for city in ["jakarta", "bandung", "surabaya"] {
            for _ in 0..5 {
                sents.push(vec![
                    "tinggal".into(),
                    "di".into(),
                    city.to_string(),
                    ".".into(),
                ]);
            }
        }
        for v in ["makan", "minum", "tidur"] {
            for _ in 0..5 {
                sents.push(vec![
                    "saya".into(),
                    "ingin".into(),
                    v.to_string(),
                    "sekarang".into(),
                ]);
            }
        }
        let cfg = ClusterConfig {
            fine: 4,
            coarse: 2,
            contexts: 20,
            min_count: 1,
            ..ClusterConfig::default()
        };
        let tsv = build(&sents, &cfg);
        let get = |w: &str| {
            tsv.lines()
                .find(|l| l.starts_with(&format!("{w}\t")))
                .map(|l| l.split('\t').nth(1).unwrap_or("").to_string())
        };
        assert_eq!(get("jakarta"), get("surabaya"));
        assert_eq!(get("makan"), get("tidur"));
        assert_ne!(get("jakarta"), get("makan"));
    }
}
