//! Brown-style word clusters (class-bigram mutual information; Brown et al. 1992), learnt from
//! unlabelled text, as an alternative to the PPMI k-means clusters of [`super::clusters`].
//!
//! Flat classes first, by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney
//! 1998): each word moves to the class that most raises the class-bigram likelihood
//! `Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c)`, over a few passes in frequency order. Then a
//! binary tree over the classes by greedy agglomerative merges (Brown's merge criterion, pair
//! losses recomputed for the merged class only), so each word gets a bit string; its prefixes
//! are the coarser clusters. Words outside the vocabulary share one fixed class, sentence
//! boundaries another (neither is clustered). Deterministic.
//!
//! Output (the `model/ner-clusters.tsv` format): `word<TAB>fine<TAB>coarse`, `fine` the word's
//! full bit string and `coarse` its first `coarse_bits` bits.

use std::collections::HashMap;

/// Settings of [`build`].
#[derive(Debug, Clone)]
pub struct BrownConfig {
    /// Words clustered (the most frequent with at least `min_count` occurrences).
    pub vocab: usize,
    pub min_count: usize,
    /// Flat classes (leaves of the tree).
    pub classes: usize,
    /// Exchange passes over the vocabulary.
    pub iterations: usize,
    /// Bits of the coarse column (a prefix of the path).
    pub coarse_bits: usize,
}

impl Default for BrownConfig {
    fn default() -> Self {
        BrownConfig {
            vocab: 25_000,
            min_count: 3,
            classes: 320,
            iterations: 6,
            coarse_bits: 6,
        }
    }
}

#[inline]
fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Cluster the words of `sentences` (lower-cased tokens); returns the TSV text.
// Dense class matrices addressed by (row, column) indices read best with index loops.
#[allow(clippy::needless_range_loop)]
pub fn build(sentences: &[Vec<String>], cfg: &BrownConfig) -> String {
    let mut freq: HashMap<&str, u64> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, u64)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(w, c)| *c >= cfg.min_count as u64 && w.chars().any(char::is_alphabetic))
        .take(cfg.vocab)
        .map(|(w, _)| *w)
        .collect();
    let v = vocab.len();
    let c = cfg.classes.min(v).max(1);
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i as u32))
        .collect();
    // Word ids: vocabulary 0..v, `v` = any other word, `v + 1` = sentence boundary.
    let (other, bound) = (v as u32, v as u32 + 1);
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut count = vec![0u64; v + 2];
    for s in sentences {
        let mut prev = bound;
        count[bound as usize] += 1;
        for w in s {
            let id = index.get(w.as_str()).copied().unwrap_or(other);
            count[id as usize] += 1;
            *pairs.entry((prev, id)).or_insert(0) += 1;
            prev = id;
        }
        *pairs.entry((prev, bound)).or_insert(0) += 1;
    }
    // Adjacency lists: right[w] = (next word, count), left[w] = (previous word, count).
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v + 2];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v + 2];
    let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
    sorted.sort_unstable();
    for ((a, b), n) in sorted {
        right[a as usize].push((b, n));
        left[b as usize].push((a, n));
    }
    // Classes: 0..c clustered, c = other words, c + 1 = boundary.
    let k = c + 2;
    let mut class: Vec<usize> = (0..v).map(|i| i % c).collect();
    class.extend([c, c + 1]);
    let mut m = vec![0f64; k * k];
    let mut n = vec![0f64; k];
    for w in 0..v + 2 {
        n[class[w]] += count[w] as f64;
        for &(x, cnt) in &right[w] {
            m[class[w] * k + class[x as usize]] += f64::from(cnt);
        }
    }
    // Exchange passes.
    let mut rw = vec![0f64; k];
    let mut lw = vec![0f64; k];
    let (mut touched_r, mut touched_l): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for _ in 0..cfg.iterations {
        let mut moved = 0usize;
        for w in 0..v {
            let a = class[w];
            let nw = count[w] as f64;
            let mut selfc = 0f64;
            for &x in &touched_r {
                rw[x] = 0.0;
            }
            for &x in &touched_l {
                lw[x] = 0.0;
            }
            touched_r.clear();
            touched_l.clear();
            for &(x, cnt) in &right[w] {
                if x as usize == w {
                    selfc += f64::from(cnt);
                    continue;
                }
                let d = class[x as usize];
                if rw[d] == 0.0 {
                    touched_r.push(d);
                }
                rw[d] += f64::from(cnt);
            }
            for &(x, cnt) in &left[w] {
                if x as usize == w {
                    continue;
                }
                let d = class[x as usize];
                if lw[d] == 0.0 {
                    touched_l.push(d);
                }
                lw[d] += f64::from(cnt);
            }
            // Take w out of a.
            for &d in &touched_r {
                m[a * k + d] -= rw[d];
            }
            for &d in &touched_l {
                m[d * k + a] -= lw[d];
            }
            m[a * k + a] -= selfc;
            n[a] -= nw;
            // Best class to put it in.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..c {
                let mut g = 0.0;
                for &d in &touched_r {
                    if d != b {
                        let x = m[b * k + d];
                        g += xlogx(x + rw[d]) - xlogx(x);
                    }
                }
                for &d in &touched_l {
                    if d != b {
                        let x = m[d * k + b];
                        g += xlogx(x + lw[d]) - xlogx(x);
                    }
                }
                let x = m[b * k + b];
                g += xlogx(x + rw[b] + lw[b] + selfc) - xlogx(x);
                g -= 2.0 * (xlogx(n[b] + nw) - xlogx(n[b]));
                if g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9) {
                    best_gain = g;
                    best = b;
                }
            }
            for &d in &touched_r {
                m[best * k + d] += rw[d];
            }
            for &d in &touched_l {
                m[d * k + best] += lw[d];
            }
            m[best * k + best] += selfc;
            n[best] += nw;
            if best != a {
                class[w] = best;
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
    }
    // Agglomerative merges over the c classes: node ids 0..c leaves, then c.. merged nodes.
    let mut node_of: Vec<usize> = (0..c).collect(); // class slot -> tree node
    let mut children: Vec<(usize, usize)> = Vec::new();
    let mut active: Vec<bool> = vec![true; c];
    let loss = |m: &[f64], n: &[f64], a: usize, b: usize| -> f64 {
        let mut g = 0.0;
        for d in 0..k {
            if d == a || d == b {
                continue;
            }
            let (x, y) = (m[a * k + d], m[b * k + d]);
            g += xlogx(x + y) - xlogx(x) - xlogx(y);
            let (x, y) = (m[d * k + a], m[d * k + b]);
            g += xlogx(x + y) - xlogx(x) - xlogx(y);
        }
        let (aa, ab, ba, bb) = (m[a * k + a], m[a * k + b], m[b * k + a], m[b * k + b]);
        g += xlogx(aa + ab + ba + bb) - xlogx(aa) - xlogx(ab) - xlogx(ba) - xlogx(bb);
        g -= 2.0 * (xlogx(n[a] + n[b]) - xlogx(n[a]) - xlogx(n[b]));
        g
    };
    let mut gain = vec![f64::NEG_INFINITY; c * c];
    for a in 0..c {
        for b in a + 1..c {
            gain[a * c + b] = loss(&m, &n, a, b);
        }
    }
    for _ in 1..c {
        let mut best = (usize::MAX, usize::MAX, f64::NEG_INFINITY);
        for a in 0..c {
            if !active[a] {
                continue;
            }
            for b in a + 1..c {
                if active[b] && gain[a * c + b] > best.2 {
                    best = (a, b, gain[a * c + b]);
                }
            }
        }
        let (a, b, _) = best;
        if a == usize::MAX {
            break;
        }
        // Merge b into a.
        for d in 0..k {
            m[a * k + d] += m[b * k + d];
            m[b * k + d] = 0.0;
        }
        for d in 0..k {
            m[d * k + a] += m[d * k + b];
            m[d * k + b] = 0.0;
        }
        n[a] += n[b];
        n[b] = 0.0;
        active[b] = false;
        children.push((node_of[a], node_of[b]));
        node_of[a] = c + children.len() - 1;
        for x in 0..c {
            if active[x] && x != a {
                let (p, q) = (a.min(x), a.max(x));
                gain[p * c + q] = loss(&m, &n, p, q);
            }
        }
    }
    // Bit strings: from the root (the last merge) down.
    let total = c + children.len();
    let mut path: Vec<String> = vec![String::new(); total];
    for i in (0..children.len()).rev() {
        let (l, r) = children[i];
        let p = path[c + i].clone();
        path[l] = format!("{p}0");
        path[r] = format!("{p}1");
    }
    let mut out = String::from(
        "# NER word clusters: word<TAB>fine cluster<TAB>coarse cluster.\n\
         # Brown-style clusters (src/ner/brown.rs): fine = the word's bit string, coarse = its prefix.\n",
    );
    for (i, w) in vocab.iter().enumerate() {
        let p = &path[class[i]];
        let p = if p.is_empty() { "0" } else { p.as_str() };
        let coarse: String = p.chars().take(cfg.coarse_bits).collect();
        out.push_str(&format!("{w}\t{p}\t{coarse}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_prefix() {
        let mut sents = Vec::new();
        for _ in 0..5 {
            for city in ["jakarta", "bandung", "surabaya"] {
                sents.push(vec!["tinggal".into(), "di".into(), city.to_string()]);
            }
            for v in ["makan", "minum", "tidur"] {
                sents.push(vec!["saya".into(), "ingin".into(), v.to_string()]);
            }
        }
        let cfg = BrownConfig {
            // One class per context word, one for the cities, one for the verbs.
            classes: 6,
            min_count: 1,
            coarse_bits: 1,
            ..BrownConfig::default()
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
        assert!(get("jakarta").is_some_and(|p| p.chars().all(|c| c == '0' || c == '1')));
    }
}
