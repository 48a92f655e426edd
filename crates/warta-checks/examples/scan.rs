//! Run the number/time extractors and every check over a JSON Lines corpus and print the
//! checks that are not `ok` (and a tally): the tool to read false alarms with.
//! `cargo run --release -p warta-checks --example scan -- ../shared/data/news/indosum-dev-articles.jsonl [all]`
use std::collections::BTreeMap;
use warta_core::Severity;
use warta_text::TextDoc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/data/news/indosum-dev-articles.jsonl".into());
    let show_all = args.get(1).is_some_and(|a| a == "all");
    // `rule:PREFIX` lists the amounts and times whose rule starts with PREFIX.
    let list_rule = args
        .get(1)
        .and_then(|a| a.strip_prefix("rule:"))
        .map(str::to_string);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut tally: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut docs, mut ntimes, mut namounts) = (0, 0, 0);
    let start = std::time::Instant::now();
    let mut ours = 0.0;
    // Parse the embedded rate table before timing.
    let _ = warta_amount::rates::RateTable::embedded();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(body) = v["text"].as_str() else {
            continue;
        };
        docs += 1;
        let doc = TextDoc::analyse(body, v["published"].as_str());
        let t0 = std::time::Instant::now();
        let times = warta_time::extract(&doc);
        let amounts = warta_amount::extract(&doc);
        let checks = warta_checks::run(&doc, &amounts, &times);
        ours += t0.elapsed().as_secs_f64();
        if let Some(prefix) = &list_rule {
            for a in amounts
                .iter()
                .filter(|a| a.rule.starts_with(prefix.as_str()))
            {
                println!(
                    "{}\t{}\t{} {}",
                    a.rule,
                    a.span.text(body).replace('\n', " "),
                    a.value,
                    a.unit
                );
            }
            for t in times.iter().filter(|t| t.rule.starts_with(prefix.as_str())) {
                let ctx = body
                    .get(t.span.start.saturating_sub(30)..t.span.end)
                    .unwrap_or("");
                println!(
                    "{}\t{}\t{:?}\t{}",
                    t.rule,
                    t.span.text(body).replace('\n', " "),
                    t.value,
                    ctx.replace('\n', " ")
                );
            }
        }
        ntimes += times.len();
        namounts += amounts.len();
        for c in checks {
            let sev = format!("{:?}", c.severity).to_lowercase();
            *tally.entry((c.kind.clone(), sev.clone())).or_default() += 1;
            if c.severity != Severity::Ok || show_all {
                println!(
                    "{} [{sev}] {}: {} | {:?}",
                    v["id"].as_str().unwrap_or("?"),
                    c.kind,
                    c.message,
                    c.suggestion
                );
            }
        }
    }
    eprintln!(
        "{docs} documents, {ntimes} times, {namounts} amounts in {:.2}s ({:.3}s in time, amount and checks: {:.0} documents/s on one core)",
        start.elapsed().as_secs_f64(),
        ours,
        docs as f64 / ours
    );
    for ((k, s), n) in tally {
        eprintln!("{k:>20} {s:>8} {n}");
    }
}
