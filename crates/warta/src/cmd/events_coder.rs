//! `warta eval events` and `warta build-data cameo`: the event coder's commands.
use super::CmdResult;
use anyhow::Context;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use warta_core::{CharIndex, Document};
use warta_events::eval::{align, score, Counts, GoldEvent, Level, SysEvent};
use warta_pipeline::Pipeline;

#[derive(clap::Args)]
pub struct EvalEventsArgs {
    /// Gold events: JSON Lines, one `{"id", "events": [...]}` per article (code-point offsets).
    #[arg(long, required_unless_present_any = ["seed", "stats"])]
    pub gold: Option<PathBuf>,
    /// The articles the gold refers to (JSON Lines with `id` and `text`).
    #[arg(long, default_value = "../shared/data/news/indosum-dev-articles.jsonl")]
    pub corpus: PathBuf,
    /// Score the founding article against its expected.json instead.
    #[arg(long)]
    pub seed: bool,
    /// The seed folder (article .txt and expected.json).
    #[arg(long, default_value = "../shared/seed")]
    pub seed_dir: PathBuf,
    /// Publication date for the seed article.
    #[arg(long, default_value = "2015-03-11")]
    pub published: String,
    /// Instead of scoring: code the whole corpus, count events per CAMEO root and print a
    /// random sample of this many events with their sentences, for reading.
    #[arg(long)]
    pub stats: bool,
    /// Sample size for --stats.
    #[arg(long, default_value_t = 50)]
    pub sample: usize,
    /// Random seed for --stats sampling.
    #[arg(long, default_value_t = 7)]
    pub rng: u64,
    /// Print every missed and spurious event, with its class.
    #[arg(short, long)]
    pub verbose: bool,
    /// Print the misses and extras counted by class (no trigger, wrong root, wrong or missing
    /// source/target, actor not found by the entity stage, repeated mention, spurious).
    #[arg(long)]
    pub classes: bool,
    /// With -v: also print, per article, each dictionary trigger that was found but coded
    /// no event, with the line of the coder that dropped it; with --stats: count those drops
    /// per coder line over the whole corpus.
    #[arg(long)]
    pub trace: bool,
}

#[derive(clap::Args)]
pub struct BuildCameoArgs {
    /// Folder with CAMEO.Manual.1.1b3.tex, CAMEO.goldsteinscale.tsv and CAMEO2PLOVER-2021.txt.
    #[arg(long, default_value = "../shared/data/cameo")]
    pub from: PathBuf,
    /// Where to write the table.
    #[arg(long, default_value = "crates/warta-events/data/cameo.tsv")]
    pub out: PathBuf,
}

pub fn build_cameo(a: BuildCameoArgs) -> CmdResult {
    let read = |name: &str| -> anyhow::Result<String> {
        let p = a.from.join(name);
        let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let table = warta_events::cameo::build_table(
        &read("CAMEO.Manual.1.1b3.tex")?,
        &read("CAMEO.goldsteinscale.tsv")?,
        &read("CAMEO2PLOVER-2021.txt")?,
    );
    let n = table
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    std::fs::write(&a.out, &table).with_context(|| format!("cannot write {}", a.out.display()))?;
    eprintln!("warta build-data cameo: {n} codes -> {}", a.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn dictionaries() -> Vec<crate::cmd::dict::Dictionary> {
    vec![
        crate::cmd::dict::Dictionary {
            name: "warta-events/data/verbs.tsv",
            embedded: warta_events::dict::VERBS_TSV,
            check: warta_events::dict::check,
        },
        crate::cmd::dict::Dictionary {
            name: "warta-events/data/cameo.tsv",
            embedded: warta_events::cameo::CAMEO_TSV,
            check: warta_events::cameo::check,
        },
    ]
}

fn sys_event(idx: &CharIndex, e: &warta_core::Event) -> SysEvent {
    SysEvent {
        source: e.source.as_ref().and_then(|a| a.code.clone()),
        target: e.target.as_ref().and_then(|a| a.code.clone()),
        cameo: e.cameo.clone(),
        trigger: idx.span(e.trigger),
        modality: e.modality.as_str().to_string(),
    }
}

/// The system's events; with `per_mention`, an event stated n times counts n times.
fn system_events(pipeline: &Pipeline, doc: &Document, per_mention: bool) -> Vec<SysEvent> {
    let ann = pipeline.annotate(doc);
    events_of(&ann, doc, per_mention)
}

fn events_of(ann: &warta_core::Annotation, doc: &Document, per_mention: bool) -> Vec<SysEvent> {
    let idx = CharIndex::new(&doc.text);
    // The gold counts event mentions; an event stated n times stands for n of them.
    let mut out = Vec::new();
    for e in &ann.events {
        let n = if per_mention { e.mentions.max(1) } else { 1 };
        for _ in 0..n {
            out.push(SysEvent {
                source: e.source.as_ref().and_then(|a| a.code.clone()),
                target: e.target.as_ref().and_then(|a| a.code.clone()),
                cameo: e.cameo.clone(),
                trigger: idx.span(e.trigger),
                modality: e.modality.as_str().to_string(),
            });
        }
    }
    out
}

fn codes(v: &Value) -> Vec<String> {
    match v {
        Value::Null => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(codes).collect(),
        Value::Object(o) => o
            .get("code")
            .or_else(|| o.get("codes"))
            .map(codes)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn gold_event(v: &Value) -> GoldEvent {
    let trig = v.get("trigger").and_then(|t| {
        let a = t.as_array()?;
        Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
    });
    let span = |side: &str| {
        let a = v.get(side)?.get("span")?.as_array()?;
        Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
    };
    GoldEvent {
        source_span: span("source"),
        target_span: span("target"),
        source: codes(v.get("source").unwrap_or(&Value::Null)),
        target: codes(v.get("target").unwrap_or(&Value::Null)),
        cameo: codes(v.get("cameo").unwrap_or(&Value::Null)),
        required: v.get("required").and_then(Value::as_bool).unwrap_or(true),
        trigger: trig,
    }
}

fn show_sys(text: &str, s: &SysEvent) -> String {
    let t: String = text
        .chars()
        .skip(s.trigger.0)
        .take(s.trigger.1.saturating_sub(s.trigger.0))
        .collect();
    format!(
        "{} -> {} {} {} {:?}",
        s.source.as_deref().unwrap_or("-"),
        s.target.as_deref().unwrap_or("-"),
        s.cameo,
        s.modality,
        t
    )
}

fn show_gold(g: &GoldEvent) -> String {
    format!(
        "{} -> {} {}",
        if g.source.is_empty() {
            "-".into()
        } else {
            g.source.join("|")
        },
        if g.target.is_empty() {
            "-".into()
        } else {
            g.target.join("|")
        },
        g.cameo.join("|")
    )
}

fn print_counts(label: &str, c: &Counts) {
    println!(
        "{label:8} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    );
}

pub fn eval_events(a: EvalEventsArgs) -> CmdResult {
    if a.stats {
        return stats(&a);
    }
    let pipeline = Pipeline::new();
    if a.seed {
        return eval_seed(&a, &pipeline);
    }
    let gold_path = a.gold.clone().context("--gold is required")?;
    let gold_text = std::fs::read_to_string(&gold_path)
        .with_context(|| format!("cannot read {}", gold_path.display()))?;
    let mut gold: BTreeMap<String, Vec<GoldEvent>> = BTreeMap::new();
    for (i, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: invalid JSON", gold_path.display(), i + 1))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .with_context(|| format!("{}:{}: no id", gold_path.display(), i + 1))?;
        let evs = v
            .get("events")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(gold_event).collect())
            .unwrap_or_default();
        gold.insert(id.to_string(), evs);
    }
    let docs = read_corpus(&a.corpus, Some(&gold.keys().cloned().collect()))?;
    let mut totals = [Counts::default(); 3];
    let mut found = 0;
    let coder = warta_events::Coder::new();
    let mut classes: BTreeMap<&'static str, usize> = BTreeMap::new();
    for doc in &docs {
        let Some(g) = gold.get(&doc.id) else { continue };
        found += 1;
        if a.trace {
            warta_events::trace_start();
        }
        let ann = pipeline.annotate(doc);
        let dropped = warta_events::trace_take();
        let sys = events_of(&ann, doc, true);
        for (k, level) in Level::ALL.iter().enumerate() {
            totals[k].add(score(*level, &sys, g));
        }
        let why = if a.verbose || a.classes {
            let c = classify_doc(&coder, &ann, doc, &sys, g);
            for w in c.0.iter().flatten().chain(c.1.iter().flatten()) {
                *classes.entry(w).or_default() += 1;
            }
            Some(c)
        } else {
            None
        };
        if a.verbose {
            report_doc(&doc.id, &doc.text, &sys, g, why.as_ref());
            for d in &dropped {
                println!("  drop  {d}");
            }
        }
    }
    println!(
        "warta eval events: {found} of {} gold articles found in {}",
        gold.len(),
        a.corpus.display()
    );
    for (k, level) in Level::ALL.iter().enumerate() {
        print_counts(level.name(), &totals[k]);
    }
    if a.verbose || a.classes {
        println!("lenient misses and extras by class:");
        for (c, n) in &classes {
            println!("  {n:4}  {c}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Per gold event (None when matched) and per system event (None when matched): the class.
type Classes = (Vec<Option<&'static str>>, Vec<Option<&'static str>>);

fn classify_doc(
    coder: &warta_events::Coder,
    ann: &warta_core::Annotation,
    doc: &Document,
    sys: &[SysEvent],
    gold: &[GoldEvent],
) -> Classes {
    use warta_events::eval::{extra_class, miss_class};
    let idx = CharIndex::new(&doc.text);
    let mut text = warta_text::TextDoc::analyse(&doc.text, doc.published.as_deref());
    text.source.dateline_place = None;
    let mentions: Vec<SysEvent> = coder
        .code_mentions(&text, &ann.entities, &ann.times)
        .iter()
        .map(|e| sys_event(&idx, e))
        .collect();
    let triggers: Vec<(usize, usize)> = coder
        .trigger_spans(&text)
        .into_iter()
        .map(|s| idx.span(s))
        .collect();
    let ents: Vec<((usize, usize), &str)> = ann
        .entities
        .iter()
        .filter_map(|e| Some((idx.span(e.span), e.code.as_deref()?.get(..3)?)))
        .collect();
    let sents: Vec<(usize, usize)> = ann.sentences.iter().map(|s| idx.span(*s)).collect();
    let known = |codes: &[String], span: Option<(usize, usize)>, trig: Option<(usize, usize)>| {
        let want = |c: &str| codes.iter().any(|g| g.get(..3) == Some(c));
        let sent = trig.and_then(|t| sents.iter().find(|s| s.0 <= t.0 && t.0 < s.1));
        ents.iter().any(|(sp, c)| {
            want(c)
                && (span.is_some_and(|g| sp.0 < g.1 && sp.1 > g.0)
                    || sent.is_some_and(|s| s.0 <= sp.0 && sp.1 <= s.1))
        })
    };
    let al = align(Level::Lenient, sys, gold);
    let used: HashSet<usize> = al.iter().flatten().copied().collect();
    let misses = gold
        .iter()
        .zip(&al)
        .map(|(g, m)| {
            m.is_none().then(|| {
                let s = known(&g.source, g.source_span, g.trigger);
                let t = known(&g.target, g.target_span, g.trigger);
                miss_class(g, &mentions, &triggers, s, t)
            })
        })
        .collect();
    let extras = sys
        .iter()
        .enumerate()
        .map(|(i, s)| (!used.contains(&i)).then(|| extra_class(s, gold)))
        .collect();
    (misses, extras)
}

fn report_doc(id: &str, text: &str, sys: &[SysEvent], gold: &[GoldEvent], why: Option<&Classes>) {
    let al = align(Level::Lenient, sys, gold);
    let used: HashSet<usize> = al.iter().flatten().copied().collect();
    let class = |v: Option<&Vec<Option<&'static str>>>, i: usize| {
        v.and_then(|v| v.get(i).copied().flatten())
            .map(|c| format!("   [{c}]"))
            .unwrap_or_default()
    };
    println!("== {id}");
    for (gi, (g, m)) in gold.iter().zip(&al).enumerate() {
        match m {
            Some(i) => println!("  ok    {}   = {}", show_gold(g), show_sys(text, &sys[*i])),
            None => {
                let word: String = g
                    .trigger
                    .map(|(a, b)| text.chars().skip(a).take(b.saturating_sub(a)).collect())
                    .unwrap_or_default();
                println!(
                    "  MISS  {} \"{word}\"{}",
                    show_gold(g),
                    class(why.map(|w| &w.0), gi)
                )
            }
        }
    }
    for (i, s) in sys.iter().enumerate() {
        if !used.contains(&i) {
            println!(
                "  EXTRA {}{}",
                show_sys(text, s),
                class(why.map(|w| &w.1), i)
            );
        }
    }
}

fn eval_seed(a: &EvalEventsArgs, pipeline: &Pipeline) -> CmdResult {
    let exp_path = a.seed_dir.join("expected.json");
    let Ok(exp) = std::fs::read_to_string(&exp_path) else {
        eprintln!("skipping: {} absent", exp_path.display());
        return Ok(ExitCode::SUCCESS);
    };
    let exp: Value = serde_json::from_str(&exp).context("expected.json: invalid JSON")?;
    let file = exp
        .get("file")
        .and_then(Value::as_str)
        .unwrap_or("antara-2015-03-11-rusia-korut.txt");
    let text = std::fs::read_to_string(a.seed_dir.join(file))
        .with_context(|| format!("cannot read {file}"))?;
    let gold: Vec<GoldEvent> = exp
        .get("events")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(gold_event).collect())
        .unwrap_or_default();
    let doc = Document {
        id: file.to_string(),
        text,
        published: Some(a.published.clone()),
        origin: file.to_string(),
        ..Default::default()
    };
    let sys = system_events(pipeline, &doc, false);
    // Required events first, so they claim their matches.
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| !gold[i].required);
    let ordered: Vec<GoldEvent> = order.iter().map(|&i| gold[i].clone()).collect();
    let al = align(Level::Lenient, &sys, &ordered);
    let required = ordered.iter().filter(|g| g.required).count();
    let found = ordered
        .iter()
        .zip(&al)
        .filter(|(g, m)| g.required && m.is_some())
        .count();
    println!("seed: {found} of {required} required events found (lenient)");
    for level in Level::ALL {
        print_counts(level.name(), &score(level, &sys, &ordered));
    }
    report_doc(file, &doc.text, &sys, &ordered, None);
    Ok(ExitCode::SUCCESS)
}

fn read_corpus(path: &PathBuf, only: Option<&HashSet<String>>) -> anyhow::Result<Vec<Document>> {
    let text = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let origin = path.display().to_string();
    let mut docs = Vec::new();
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(doc) = warta_read::parse_json_record(line, &origin, i as u64 + 1) else {
            continue;
        };
        if only.is_none() || only.is_some_and(|s| s.contains(&doc.id)) {
            docs.push(doc);
        }
    }
    Ok(docs)
}

fn stats(a: &EvalEventsArgs) -> CmdResult {
    use rayon::prelude::*;
    let docs = read_corpus(&a.corpus, None)?;
    let pipeline = Pipeline::new();
    let t0 = std::time::Instant::now();
    let anns: Vec<_> = docs.par_iter().map(|d| pipeline.annotate(d)).collect();
    let secs = t0.elapsed().as_secs_f64();
    // The coder alone, on the same tokens, entities and times (one thread).
    let coder = warta_events::Coder::new();
    let texts: Vec<_> = docs
        .iter()
        .map(|d| warta_text::TextDoc::analyse(&d.text, d.published.as_deref()))
        .collect();
    let t1 = std::time::Instant::now();
    let mut n_coded = 0;
    for (text, ann) in texts.iter().zip(&anns) {
        n_coded += coder.code(text, &ann.entities, &ann.times).len();
    }
    let coder_secs = t1.elapsed().as_secs_f64();
    if a.trace {
        // Why found triggers coded nothing, over the whole corpus: per coder line, then the
        // most frequent words dropped there.
        warta_events::trace_start();
        for (text, ann) in texts.iter().zip(&anns) {
            coder.code(text, &ann.entities, &ann.times);
        }
        let mut per_line: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for d in warta_events::trace_take() {
            let (line, word) = d.split_once(' ').unwrap_or((d.as_str(), ""));
            *per_line
                .entry(line.to_string())
                .or_default()
                .entry(word.to_lowercase())
                .or_default() += 1;
        }
        let mut lines: Vec<_> = per_line.into_iter().collect();
        lines.sort_by_key(|(_, w)| std::cmp::Reverse(w.values().sum::<usize>()));
        println!("found triggers that coded nothing, per coder line:");
        for (line, words) in lines {
            let mut ws: Vec<_> = words.into_iter().collect();
            ws.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            let total: usize = ws.iter().map(|(_, n)| n).sum();
            let top: Vec<String> = ws
                .iter()
                .take(12)
                .map(|(w, n)| format!("{w} {n}"))
                .collect();
            println!("  {total:5}  {line}: {}", top.join(", "));
        }
    }
    println!(
        "coder alone: {:.0} articles/s on one thread ({n_coded} events)",
        docs.len() as f64 / coder_secs
    );
    let mut per_root: BTreeMap<String, usize> = BTreeMap::new();
    let mut all: Vec<(usize, usize)> = Vec::new();
    for (di, ann) in anns.iter().enumerate() {
        for (ei, e) in ann.events.iter().enumerate() {
            *per_root.entry(e.root.clone()).or_default() += 1;
            all.push((di, ei));
        }
    }
    println!(
        "{} articles, {} events ({:.2} per article), full pipeline {:.0} articles/s",
        docs.len(),
        all.len(),
        all.len() as f64 / docs.len().max(1) as f64,
        docs.len() as f64 / secs
    );
    for (root, n) in &per_root {
        println!("  root {root}: {n}");
    }
    // A deterministic sample (xorshift).
    let mut x = a.rng.max(1);
    let mut pick: Vec<(usize, usize)> = Vec::new();
    let mut pool = all.clone();
    while pick.len() < a.sample && !pool.is_empty() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let i = (x % pool.len() as u64) as usize;
        pick.push(pool.swap_remove(i));
    }
    for (n, (di, ei)) in pick.iter().enumerate() {
        let (doc, ann) = (&docs[*di], &anns[*di]);
        let e = &ann.events[*ei];
        let sent = ann
            .sentences
            .get(e.sentence)
            .map(|s| s.text(&doc.text))
            .unwrap_or("");
        let side = |r: &Option<warta_core::ActorRef>| {
            r.as_ref().map_or("-".to_string(), |a| {
                format!(
                    "{}[{}]",
                    a.span.text(&doc.text),
                    a.code.as_deref().unwrap_or("?")
                )
            })
        };
        println!(
            "\n#{} {} | {} -> {} | {} {} | trigger {:?} | {}\n  {}",
            n + 1,
            doc.id,
            side(&e.source),
            side(&e.target),
            e.cameo,
            e.modality.as_str(),
            e.trigger.text(&doc.text),
            e.rule,
            sent.replace('\n', " ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
