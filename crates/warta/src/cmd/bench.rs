//! `warta bench`: throughput of the whole pipeline, and its ratio to a floor pass (read +
//! decode + word-split of the same bytes) measured in the same run, so noisy machines still
//! give a comparable number.

use super::CmdResult;
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use warta_pipeline::{annotate_stream, Pipeline};

#[derive(clap::Args)]
pub struct Args {
    /// Corpus to measure (default: ../shared/data/news when present).
    pub path: Option<PathBuf>,
    /// Repetitions of each pass; the fastest counts.
    #[arg(long, default_value_t = 3)]
    pub repeat: u32,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

struct Pass {
    best: Duration,
    articles: u64,
    bytes: u64,
    tokens: u64,
}

pub fn run(args: Args) -> CmdResult {
    let path = match args.path {
        Some(p) => p,
        None => {
            let default = PathBuf::from("../shared/data/news");
            anyhow::ensure!(
                default.exists(),
                "no corpus given and ../shared/data/news is absent: pass a PATH"
            );
            default
        }
    };
    let repeat = args.repeat.max(1);
    let floor = best_of(repeat, || floor_pass(&path))?;
    let pipeline = Pipeline::new();
    let full = best_of(repeat, || full_pass(&path, &pipeline))?;
    let secs = full.best.as_secs_f64();
    let figures = serde_json::json!({
        "corpus": path.display().to_string(),
        "articles": full.articles,
        "megabytes": full.bytes as f64 / 1e6,
        "threads": rayon::current_num_threads(),
        "full_seconds": secs,
        "articles_per_s": full.articles as f64 / secs,
        "mb_per_s": full.bytes as f64 / 1e6 / secs,
        "tokens_per_s": floor.tokens as f64 / secs,
        "floor_seconds": floor.best.as_secs_f64(),
        "floor_articles_per_s": floor.articles as f64 / floor.best.as_secs_f64(),
        "ratio_full_to_floor": secs / floor.best.as_secs_f64(),
        "peak_memory_mb": peak_memory_kb().map(|kb| kb as f64 / 1024.0),
    });
    if args.json {
        println!("{figures}");
    } else {
        println!("corpus        {}", path.display());
        println!(
            "articles      {} ({:.1} MB, {} tokens), {} threads",
            full.articles,
            full.bytes as f64 / 1e6,
            floor.tokens,
            rayon::current_num_threads()
        );
        println!(
            "full pipeline {:.3} s  {:.0} articles/s  {:.2} MB/s  {:.0} tokens/s",
            secs,
            figures["articles_per_s"].as_f64().unwrap_or(0.0),
            figures["mb_per_s"].as_f64().unwrap_or(0.0),
            figures["tokens_per_s"].as_f64().unwrap_or(0.0)
        );
        println!(
            "floor pass    {:.3} s  {:.0} articles/s  (read + decode + word-split)",
            floor.best.as_secs_f64(),
            figures["floor_articles_per_s"].as_f64().unwrap_or(0.0)
        );
        println!(
            "ratio         full pipeline takes {:.1}x the floor pass",
            figures["ratio_full_to_floor"].as_f64().unwrap_or(0.0)
        );
        if let Some(mb) = figures["peak_memory_mb"].as_f64() {
            println!("peak memory   {mb:.0} MB (VmHWM)");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn best_of(repeat: u32, mut pass: impl FnMut() -> anyhow::Result<Pass>) -> anyhow::Result<Pass> {
    let mut best = pass()?;
    for _ in 1..repeat {
        let next = pass()?;
        if next.best < best.best {
            best = next;
        }
    }
    Ok(best)
}

/// The least any annotator must do: read the records, decode them, split words.
fn floor_pass(path: &PathBuf) -> anyhow::Result<Pass> {
    let start = Instant::now();
    let (mut articles, mut bytes, mut tokens) = (0, 0, 0);
    for doc in super::annotate::reader(
        std::slice::from_ref(path),
        super::annotate::Format::Jsonl,
        None,
        warta_read::DEFAULT_MAX_RECORD_BYTES,
    )
    .flatten()
    {
        articles += 1;
        bytes += doc.text.len() as u64;
        tokens += doc.text.split_whitespace().count() as u64;
    }
    anyhow::ensure!(articles > 0, "no readable article under {}", path.display());
    Ok(Pass {
        best: start.elapsed(),
        articles,
        bytes,
        tokens,
    })
}

/// Read, annotate on all cores, serialise to JSON (discarded).
fn full_pass(path: &PathBuf, pipeline: &Pipeline) -> anyhow::Result<Pass> {
    let start = Instant::now();
    let items = super::annotate::reader(
        std::slice::from_ref(path),
        super::annotate::Format::Jsonl,
        None,
        warta_read::DEFAULT_MAX_RECORD_BYTES,
    );
    let mut sink_bytes = 0usize;
    let stats = annotate_stream(pipeline, items, |line, _| {
        sink_bytes += line.len();
        Ok(())
    })
    .context("annotation failed")?;
    std::hint::black_box(sink_bytes);
    Ok(Pass {
        best: start.elapsed(),
        articles: stats.records - stats.errors,
        bytes: stats.bytes,
        tokens: 0,
    })
}

/// Peak resident memory of this process, from /proc (Linux only).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
