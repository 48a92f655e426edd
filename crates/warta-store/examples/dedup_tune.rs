//! Tune the near-duplicate threshold on a corpus (default: the shared IndoSum articles).
//!
//!     cargo run --release -p warta-store --example dedup_tune -- [CORPUS.jsonl]
//!
//! 1. Distinct articles: the estimated similarity of every LSH candidate pair (these should
//!    stay below the threshold: different articles, at most on the same topic).
//! 2. Simulated syndication: each article republished four ways (outlet furniture changed,
//!    last third cut, one word in ten replaced, first paragraph rewritten/dropped); these
//!    should be at or above the threshold.
//!
//! Prints, for thresholds 0.3..0.8, the share of simulated copies found (recall) and the
//! number of distinct-article pairs merged (false merges).

use std::collections::{HashMap, HashSet};
use warta_store::minhash::{jaccard, Signature};

fn variants(text: &str, i: usize) -> Vec<(&'static str, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = words.len();
    // a dateline ("Jakarta (ANTARA) - ") replaced by another outlet's, a byline and link added
    let body = match text.find(" - ") {
        Some(k) if k < 60 => &text[k + 3..],
        _ => text,
    };
    let furniture =
        format!("Jakarta (Suara) - {body} (Editor: Redaksi {i}) Baca juga: berita lain hari ini");
    let cut = words[..(n * 2 / 3).max(1)].join(" ");
    let edited = words
        .iter()
        .enumerate()
        .map(|(k, w)| if k % 10 == 5 { "diubah" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    let paras: Vec<&str> = text.split("\n\n").collect();
    let relead = if paras.len() > 2 {
        format!(
            "Paragraf pembuka yang ditulis ulang oleh redaksi.\n\n{}",
            paras[1..].join("\n\n")
        )
    } else {
        words[(n / 5)..].join(" ")
    };
    vec![
        ("furniture", furniture),
        ("cut-third", cut),
        ("edit-10%", edited),
        ("new-lead", relead),
    ]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/news/indosum-dev-articles.jsonl"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path)?;
    let mut docs: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        docs.push((
            v["id"].as_str().unwrap_or_default().to_string(),
            v["text"].as_str().unwrap_or_default().to_string(),
        ));
    }
    let sigs: Vec<Option<Signature>> = docs.iter().map(|(_, t)| Signature::of(t)).collect();
    // 1. candidate pairs among distinct articles
    let mut buckets: HashMap<(usize, i64), Vec<usize>> = HashMap::new();
    for (i, s) in sigs.iter().enumerate() {
        if let Some(s) = s {
            for b in s.bands() {
                buckets.entry(b).or_default().push(i);
            }
        }
    }
    let mut pairs: HashSet<(usize, usize)> = HashSet::new();
    for v in buckets.values() {
        for (k, &a) in v.iter().enumerate() {
            for &b in &v[k + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut scored: Vec<(f64, f64, usize, usize)> = pairs
        .iter()
        .filter_map(|&(a, b)| {
            let (sa, sb) = (sigs[a].as_ref()?, sigs[b].as_ref()?);
            Some((sa.similarity(sb), 0.0, a, b))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    for s in scored.iter_mut().take(10) {
        s.1 = jaccard(&docs[s.2].1, &docs[s.3].1);
    }
    println!(
        "corpus {} ({} articles), {} LSH candidate pairs",
        path,
        docs.len(),
        scored.len()
    );
    println!("most similar distinct-article pairs (estimated, exact):");
    for (est, exact, a, b) in scored.iter().take(6) {
        println!("  {est:.2} {exact:.2}  {}  |  {}", docs[*a].0, docs[*b].0);
    }
    // 2. simulated syndication
    let mut found: HashMap<&str, Vec<f64>> = HashMap::new();
    for (i, (_, t)) in docs.iter().enumerate().take(1000) {
        let Some(orig) = &sigs[i] else { continue };
        for (kind, v) in variants(t, i) {
            if let Some(s) = Signature::of(&v) {
                found.entry(kind).or_default().push(orig.similarity(&s));
            }
        }
    }
    println!("\nthreshold  false merges  recall: furniture cut-third edit-10% new-lead");
    for th in [0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8] {
        let fm = scored.iter().filter(|s| s.0 >= th).count();
        let mut line = format!("{th:>9.2}  {fm:>12}         ");
        for kind in ["furniture", "cut-third", "edit-10%", "new-lead"] {
            let v = &found[kind];
            let r = v.iter().filter(|&&s| s >= th).count() as f64 / v.len() as f64;
            line.push_str(&format!(" {:>9.3}", r));
        }
        println!("{line}");
    }
    for kind in ["furniture", "cut-third", "edit-10%", "new-lead"] {
        let mut v = found[kind].clone();
        v.sort_by(f64::total_cmp);
        println!(
            "{kind:<10} similarity to the original: min {:.2}, 5th percentile {:.2}, median {:.2}",
            v[0],
            v[v.len() / 20],
            v[v.len() / 2]
        );
    }
    Ok(())
}
