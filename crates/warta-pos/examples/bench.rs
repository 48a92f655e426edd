//! Tagging speed on real news: `cargo run --release -p warta-pos --example bench [JSONL]`
//! (default `../shared/data/news/indosum-dev-articles.jsonl`; one JSON object a line with `text`).
//! Times `Tagger::tag` only (text analysis done beforehand), first pass and a warm second pass.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/news/indosum-dev-articles.jsonl"
        )
        .to_string()
    });
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {path} absent");
        return;
    };
    let articles: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let docs: Vec<_> = articles
        .iter()
        .map(|a| warta_text::TextDoc::analyse(a, None))
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let Some(tagger) = warta_pos::Tagger::global() else {
        eprintln!("no embedded model");
        return;
    };
    for pass in ["first", "warm"] {
        let t = Instant::now();
        let mut verbs = 0usize;
        for d in &docs {
            verbs += tagger.tag(d).iter().filter(|t| **t == "VB").count();
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{pass} pass: {} articles, {tokens} tokens in {s:.2}s: {:.0} tokens/s, {:.0} articles/s ({verbs} VB)",
            docs.len(),
            tokens as f64 / s,
            docs.len() as f64 / s
        );
    }
}
