//! Furniture survey and throughput of `TextDoc::analyse` over a JSON Lines corpus.
//!
//! ```sh
//! cargo run --release -p warta-text --example survey -- ../shared/data/news/indosum-dev-articles.jsonl
//! ```
//! Prints, per outlet (`source` field), how many articles had a dateline, an agency, wire
//! credits, a byline code, a reporter, an editor, a copyright line and inserted lines; then
//! tokens/s and MB/s of `TextDoc::analyse` (single thread, best of 3 passes).

use std::collections::BTreeMap;
use std::time::Instant;
use warta_core::FurnitureKind;
use warta_text::TextDoc;

#[derive(Default)]
struct Counts {
    articles: usize,
    dateline: usize,
    agency: usize,
    wire_credit: usize,
    byline_code: usize,
    reporter: usize,
    editor: usize,
    copyright: usize,
    inserts: usize,
    sentences: usize,
    lang_id: usize,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/news/indosum-dev-articles.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    let mut docs = Vec::new();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let outlet = v["source"].as_str().unwrap_or("?").to_string();
        let text = v["text"].as_str().unwrap_or("").to_string();
        docs.push((outlet, text));
    }
    let mut by: BTreeMap<String, Counts> = BTreeMap::new();
    let verbose = std::env::var_os("SURVEY_VERBOSE").is_some();
    for (outlet, text) in &docs {
        let d = TextDoc::analyse(text, None);
        let c = by.entry(outlet.clone()).or_default();
        c.articles += 1;
        c.dateline += usize::from(d.source.dateline.is_some());
        c.agency += usize::from(d.source.agency.is_some());
        c.wire_credit += usize::from(!d.source.wire_credit.is_empty());
        c.byline_code += usize::from(d.source.byline_code.is_some());
        c.reporter += usize::from(d.source.reporter.is_some());
        c.editor += usize::from(d.source.editor.is_some());
        c.copyright += usize::from(d.source.copyright.is_some());
        c.inserts += usize::from(
            d.source
                .spans
                .iter()
                .any(|(k, _)| *k == FurnitureKind::Insert),
        );
        c.sentences += d.sentences.len();
        c.lang_id += usize::from(d.language == "id");
        if verbose {
            println!(
                "{outlet}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}",
                d.source.dateline,
                d.source.agency,
                d.source.wire_credit,
                d.source.byline_code,
                d.source.reporter
            );
        }
    }
    println!(
        "{:<16} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>5}",
        "outlet",
        "arts",
        "dline",
        "agncy",
        "wire",
        "code",
        "reptr",
        "editr",
        "copyr",
        "insrt",
        "sents",
        "id"
    );
    for (o, c) in &by {
        println!(
            "{:<16} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>5}",
            o,
            c.articles,
            c.dateline,
            c.agency,
            c.wire_credit,
            c.byline_code,
            c.reporter,
            c.editor,
            c.copyright,
            c.inserts,
            c.sentences,
            c.lang_id
        );
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut best = f64::MAX;
    let mut tokens = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        tokens = 0;
        for (_, text) in &docs {
            let d = TextDoc::analyse(text, None);
            tokens += d.tokens.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    // Stage by stage (single pass each, best of 3).
    let mut stage = [f64::MAX; 3];
    for _ in 0..3 {
        let t0 = Instant::now();
        let mut parsed = Vec::with_capacity(docs.len());
        for (_, text) in &docs {
            parsed.push(warta_text::furniture::parse(text));
        }
        let t1 = Instant::now();
        let mut toks = Vec::with_capacity(docs.len());
        for ((_, text), (_, body)) in docs.iter().zip(&parsed) {
            toks.push(warta_text::tokenize(text, *body));
        }
        let t2 = Instant::now();
        let mut n = 0;
        for (((_, text), (_, body)), tk) in docs.iter().zip(&parsed).zip(&toks) {
            n += warta_text::split_sentences(text, tk, *body).len();
            n += warta_text::lang::identify(text, tk).len();
        }
        let t3 = Instant::now();
        std::hint::black_box(n);
        stage[0] = stage[0].min((t1 - t0).as_secs_f64());
        stage[1] = stage[1].min((t2 - t1).as_secs_f64());
        stage[2] = stage[2].min((t3 - t2).as_secs_f64());
    }
    println!(
        "stages: furniture {:.3} s, tokenize {:.3} s, sentences+language {:.3} s",
        stage[0], stage[1], stage[2]
    );
    println!(
        "analyse: {} articles, {:.1} MB, {} tokens in {:.3} s: {:.0} articles/s, {:.1} MB/s, {:.2} M tokens/s (1 thread)",
        docs.len(),
        bytes as f64 / 1e6,
        tokens,
        best,
        docs.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        tokens as f64 / 1e6 / best
    );
}
