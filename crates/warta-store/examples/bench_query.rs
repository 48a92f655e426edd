//! Query latency over a synthetic event table.
//!
//!     cargo run --release -p warta-store --example bench_query -- [EVENTS] [DB]
//!
//! Builds (once) a store of EVENTS synthetic events (default 1,000,000; 20 per article) at DB
//! (default a temp file), then times actor-pair, actor-prefix, code and date-range queries.

use std::time::Instant;
use warta_store::{Filter, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let events: u64 = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let db = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("warta-bench-{events}.db")));
    let mut store = Store::open(&db)?;
    let have = store.counts()?.events;
    if have < events {
        let t = Instant::now();
        warta_store::synth::fill_events(&mut store, events - have, 20, 42)?;
        println!(
            "filled {} events in {:.1} s ({})",
            events - have,
            t.elapsed().as_secs_f64(),
            db.display()
        );
    }
    let t = Instant::now();
    store.analyze()?;
    println!("analyze: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let counts = store.counts()?;
    println!(
        "store: {} events, {} articles",
        counts.events, counts.articles
    );
    let cases: Vec<(&str, Filter)> = vec![
        (
            "pair RUS -> PRK (prefixes)",
            Filter {
                source: vec!["RUS".into()],
                target: vec!["PRK".into()],
                ..Filter::default()
            },
        ),
        (
            "pair IDNGOV -> MYSGOV (exact)",
            Filter {
                source: vec!["IDNGOV".into()],
                target: vec!["MYSGOV".into()],
                ..Filter::default()
            },
        ),
        (
            "pair IDN -> AUS, 2016-03",
            Filter {
                source: vec!["IDN".into()],
                target: vec!["AUS".into()],
                from: Some("2016-03-01".into()),
                to: Some("2016-03-31".into()),
                ..Filter::default()
            },
        ),
        (
            "pair IDN -> AUS, limit 50",
            Filter {
                source: vec!["IDN".into()],
                target: vec!["AUS".into()],
                limit: Some(50),
                ..Filter::default()
            },
        ),
        (
            "actor CHN either side, code 19",
            Filter {
                actor: vec!["CHN".into()],
                code: vec!["19".into()],
                ..Filter::default()
            },
        ),
        (
            "day 2016-06-01",
            Filter {
                from: Some("2016-06-01".into()),
                to: Some("2016-06-01".into()),
                ..Filter::default()
            },
        ),
    ];
    println!(
        "{:<34} {:>8} {:>10} {:>10}",
        "query", "rows", "first ms", "best ms"
    );
    for (name, filter) in cases {
        let mut best = f64::MAX;
        let mut first = 0.0;
        let mut rows = 0;
        for i in 0..5 {
            let t = Instant::now();
            rows = store.query(&filter)?.len();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            if i == 0 {
                first = ms;
            }
            best = best.min(ms);
        }
        println!("{name:<34} {rows:>8} {first:>10.1} {best:>10.1}");
    }
    let plan: Vec<String> = {
        let f = Filter {
            source: vec!["RUS".into()],
            target: vec!["PRK".into()],
            ..Filter::default()
        };
        store.explain(&f)?
    };
    println!("plan (pair): {}", plan.join(" | "));
    Ok(())
}
