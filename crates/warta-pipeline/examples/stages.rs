//! Time each stage of the pipeline on one thread over a corpus, to see where the time goes.
//!
//! `cargo run --release -p warta-pipeline --example stages -- ../shared/data/news [repeat]`

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::{Duration, Instant};
use warta_read::{expand_paths, InputFormat, Reader, ReaderOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: stages PATH [repeat]");
        return;
    };
    let repeat: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let docs: Vec<_> = Reader::new(
        expand_paths(&[path], InputFormat::Jsonl),
        ReaderOptions::default(),
    )
    .flatten()
    .collect();
    let start = Instant::now();
    let recognizer = warta_entities::Recognizer::new();
    let coder = warta_events::Coder::new();
    let _ = warta_amount::rates::RateTable::embedded();
    eprintln!("load        {:>8.3} s", start.elapsed().as_secs_f64());
    let names = [
        "analyse",
        "recognize",
        "numlex",
        "times",
        "amounts",
        "code",
        "checks",
        "record",
        "json",
    ];
    let mut spent = [Duration::ZERO; 9];
    let mut lap = |k: usize, t: &mut Instant| {
        let now = Instant::now();
        spent[k] += now - *t;
        *t = now;
    };
    let mut bytes = 0usize;
    for _ in 0..repeat {
        for doc in &docs {
            let mut t = Instant::now();
            let text = warta_text::TextDoc::analyse(&doc.text, doc.published.as_deref());
            lap(0, &mut t);
            let entities = recognizer.recognize(&text);
            lap(1, &mut t);
            let toks = warta_amount::lex::Toks::new(text.text, text.body);
            lap(2, &mut t);
            let anchor = warta_time::Anchor::parse(text.published.as_deref());
            let times = warta_time::extract_toks(&toks, anchor);
            lap(3, &mut t);
            let amounts = warta_amount::extract_toks(&toks, text.language == "en");
            lap(4, &mut t);
            let events = coder.code(&text, &entities, &times);
            lap(5, &mut t);
            let checks = warta_checks::run(&text, &amounts, &times);
            lap(6, &mut t);
            let ann = warta_core::Annotation {
                language: text.language.to_string(),
                published: text.published.clone(),
                published_inferred: false,
                sentences: text.sentences.iter().map(|s| s.span).collect(),
                source: text.source.clone(),
                entities,
                times,
                amounts,
                events,
                checks,
                warnings: Vec::new(),
            };
            let record = warta_core::record::Record::article(doc, &ann);
            lap(7, &mut t);
            bytes += serde_json::to_string(&record).map_or(0, |s| s.len());
            lap(8, &mut t);
        }
    }
    let total: f64 = spent.iter().map(Duration::as_secs_f64).sum();
    let n = docs.len() as f64 * f64::from(repeat);
    for (name, d) in names.iter().zip(spent) {
        let s = d.as_secs_f64();
        println!(
            "{name:<10} {:>8.3} s {:>5.1}% {:>8.1} us/article",
            s,
            100.0 * s / total,
            1e6 * s / n
        );
    }
    println!(
        "total      {total:>8.3} s  {:.0} articles/s/core  ({bytes} output bytes)",
        n / total
    );
}
