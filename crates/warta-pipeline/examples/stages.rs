//! Time each stage of the pipeline on one thread over a corpus, to see where the time goes.
//!
//! `cargo run --release -p warta-pipeline --example stages -- ../shared/data/news [repeat]`

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::{Duration, Instant};
use warta_pipeline::Stage;
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
    let pipeline = warta_pipeline::Pipeline::new();
    let _ = warta_amount::rates::RateTable::embedded();
    eprintln!("load        {:>8.3} s", start.elapsed().as_secs_f64());
    // The pipeline's own stages, then the two output steps it leaves to the caller.
    let names: Vec<&str> = Stage::ALL
        .iter()
        .map(|s| s.name())
        .chain(["record", "json"])
        .collect();
    let mut spent = vec![Duration::ZERO; names.len()];
    let mut bytes = 0usize;
    for _ in 0..repeat {
        for doc in &docs {
            let mut t = Instant::now();
            let mut lap = |k: usize| {
                let now = Instant::now();
                spent[k] += now - t;
                t = now;
            };
            let ann = pipeline.annotate_observed(doc, &mut |stage| lap(stage as usize));
            let record = warta_core::record::Record::article(doc, &ann);
            lap(Stage::ALL.len());
            bytes += serde_json::to_string(&record).map_or(0, |s| s.len());
            lap(Stage::ALL.len() + 1);
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
