//! Commands of the numbers-and-time stage: eval time, eval amounts (rates: see `rates.rs`).
use super::CmdResult;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_core::Span;
use warta_text::TextDoc;
use warta_time::eval::{self, Counts, Item};

const CORPUS: &str = "../shared/data/news/indosum-dev-articles.jsonl";

#[derive(clap::Args)]
pub struct EvalTimeArgs {
    /// Gold: warta JSON Lines (`eval/gold/time-amounts.jsonl`), a TimeML file (.tml/.xml) or a
    /// directory of TimeML files.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// The articles the JSON gold refers to (JSON Lines with id, published, text).
    #[arg(long, default_value = CORPUS)]
    pub corpus: PathBuf,
    /// NER UGM BIO file: recall of its TIME spans (and of QUANTITY by the amount extractor).
    #[arg(long)]
    pub nerugm: Option<PathBuf>,
    /// Print every miss, spurious mention and wrong value.
    #[arg(long)]
    pub errors: bool,
}

#[derive(clap::Args)]
pub struct EvalAmountsArgs {
    /// Gold: warta JSON Lines (`eval/gold/time-amounts.jsonl`).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// The articles the gold refers to.
    #[arg(long, default_value = CORPUS)]
    pub corpus: PathBuf,
    /// NER UGM BIO file: recall of its QUANTITY spans.
    #[arg(long)]
    pub nerugm: Option<PathBuf>,
    /// Print every miss, spurious mention and wrong value.
    #[arg(long)]
    pub errors: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Time,
    Amount,
}

pub fn eval_time(a: EvalTimeArgs) -> CmdResult {
    run_eval(What::Time, a.gold, &a.corpus, a.nerugm, a.errors)
}

pub fn eval_amounts(a: EvalAmountsArgs) -> CmdResult {
    run_eval(What::Amount, a.gold, &a.corpus, a.nerugm, a.errors)
}

fn run_eval(
    what: What,
    gold: Option<PathBuf>,
    corpus: &Path,
    nerugm: Option<PathBuf>,
    errors: bool,
) -> CmdResult {
    if gold.is_none() && nerugm.is_none() {
        anyhow::bail!("give --gold PATH and/or --nerugm FILE");
    }
    if let Some(g) = gold {
        let timeml = g.is_dir()
            || g.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("tml") || e.eq_ignore_ascii_case("xml"));
        let counts = if timeml {
            if what == What::Amount {
                anyhow::bail!("TimeML has no amounts: give warta JSON gold");
            }
            eval_timeml(&g, errors)?
        } else {
            eval_json(what, &g, corpus, errors)?
        };
        let label = match what {
            What::Time => "times",
            What::Amount => "amounts",
        };
        println!("{}", counts.report(label));
    }
    if let Some(n) = nerugm {
        eval_nerugm(what, &n, errors)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn predict(what: What, doc: &TextDoc) -> Vec<Item> {
    match what {
        What::Time => warta_time::extract(doc)
            .into_iter()
            .map(|m| Item {
                span: m.span,
                value: m.value.unwrap_or_default(),
            })
            .collect(),
        What::Amount => warta_amount::extract(doc)
            .into_iter()
            .map(|a| Item {
                span: a.span,
                value: format!("{}|{}", a.value, a.unit),
            })
            .collect(),
    }
}

fn same(what: What) -> fn(&str, &str) -> bool {
    match what {
        What::Time => eval::same_time,
        What::Amount => eval::same_amount,
    }
}

fn show_errors(id: &str, text: &str, gold: &[Item], pred: &[Item], same: fn(&str, &str) -> bool) {
    let pairs = eval::align(gold, pred);
    let q = |s: Span| s.text(text).replace('\n', " ");
    for (g, gi) in gold.iter().enumerate() {
        match pairs.iter().find(|x| x.0 == g) {
            None => println!("{id}\tMISS\t{}\t{}", q(gi.span), gi.value),
            Some(&(_, p)) if !same(&gi.value, &pred[p].value) || pred[p].span != gi.span => {
                println!(
                    "{id}\tDIFF\t{} = {}\t{} = {}",
                    q(gi.span),
                    gi.value,
                    q(pred[p].span),
                    pred[p].value
                )
            }
            _ => {}
        }
    }
    for (p, pi) in pred.iter().enumerate() {
        if !pairs.iter().any(|x| x.1 == p) {
            println!("{id}\tSPURIOUS\t{}\t{}", q(pi.span), pi.value);
        }
    }
}

fn eval_json(what: What, gold: &Path, corpus: &Path, errors: bool) -> anyhow::Result<Counts> {
    let gold_text =
        std::fs::read_to_string(gold).map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
    let mut wanted: Vec<(String, serde_json::Value)> = Vec::new();
    for (n, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", gold.display(), n + 1))?;
        let id = v["id"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("{}:{}: no id", gold.display(), n + 1))?;
        wanted.push((id.to_string(), v));
    }
    let mut articles: HashMap<String, (String, Option<String>)> = HashMap::new();
    let corpus_text = std::fs::read_to_string(corpus)
        .map_err(|e| anyhow::anyhow!("{}: {e}", corpus.display()))?;
    for line in corpus_text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(id) = v["id"].as_str() else { continue };
        if wanted.iter().any(|w| w.0 == id) {
            articles.insert(
                id.to_string(),
                (
                    v["text"].as_str().unwrap_or("").to_string(),
                    v["published"].as_str().map(str::to_string),
                ),
            );
        }
    }
    let key = match what {
        What::Time => "times",
        What::Amount => "amounts",
    };
    let mut counts = Counts::default();
    for (id, g) in &wanted {
        let Some((text, published)) = articles.get(id) else {
            anyhow::bail!(
                "{}: article `{id}` is not in {}",
                gold.display(),
                corpus.display()
            );
        };
        let mut items = Vec::new();
        for x in g[key].as_array().into_iter().flatten() {
            let (Some(s), Some(e)) = (x["start"].as_u64(), x["end"].as_u64()) else {
                anyhow::bail!(
                    "{}: `{id}`: an annotation without start/end",
                    gold.display()
                );
            };
            let (Some(s), Some(e)) = (
                eval::byte_of_char(text, s as usize),
                eval::byte_of_char(text, e as usize),
            ) else {
                anyhow::bail!(
                    "{}: `{id}`: offsets {s}..{e} beyond the text",
                    gold.display()
                );
            };
            let value = match what {
                What::Time => x["value"].as_str().unwrap_or("").to_string(),
                What::Amount => format!(
                    "{}|{}",
                    x["value"].as_f64().unwrap_or(f64::NAN),
                    x["unit"].as_str().unwrap_or("")
                ),
            };
            items.push(Item {
                span: Span::new(s, e),
                value,
            });
        }
        let doc = TextDoc::analyse(text, published.as_deref());
        let pred = predict(what, &doc);
        if errors {
            show_errors(id, text, &items, &pred, same(what));
        }
        counts.add(&items, &pred, same(what));
    }
    Ok(counts)
}

fn eval_timeml(path: &Path, errors: bool) -> anyhow::Result<Counts> {
    let mut files = Vec::new();
    if path.is_dir() {
        for e in std::fs::read_dir(path)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "tml" || x == "xml") {
                files.push(p);
            }
        }
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    let mut counts = Counts::default();
    for f in files {
        let xml =
            std::fs::read_to_string(&f).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
        let d = eval::parse_timeml(&xml).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
        let doc = TextDoc::analyse(&d.text, d.dct.as_deref());
        let pred = predict(What::Time, &doc);
        if errors {
            show_errors(
                &f.display().to_string(),
                &d.text,
                &d.timexes,
                &pred,
                eval::same_time,
            );
        }
        counts.add(&d.timexes, &pred, eval::same_time);
    }
    Ok(counts)
}

fn eval_nerugm(what: What, path: &Path, errors: bool) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let sents = eval::parse_bio(&text);
    let times = |s: &str| -> Vec<Span> {
        let t = warta_amount::lex::Toks::new(s, Span::new(0, s.len()));
        warta_time::extract_toks(&t, warta_time::Anchor::default())
            .into_iter()
            .map(|m| m.span)
            .collect()
    };
    let amounts = |s: &str| -> Vec<Span> {
        let t = warta_amount::lex::Toks::new(s, Span::new(0, s.len()));
        warta_amount::extract_toks(&t, false)
            .into_iter()
            .map(|a| a.span)
            .collect()
    };
    let either = |s: &str| -> Vec<Span> {
        let mut v = times(s);
        v.extend(amounts(s));
        v
    };
    let line = |label: &str, (hit, total): (usize, usize)| {
        let r = if total == 0 {
            0.0
        } else {
            hit as f64 / total as f64
        };
        println!("  {label:<34} {hit:>5} / {total:<5} recall {r:.3}");
    };
    println!(
        "NER UGM {} ({} sentences), recall by overlap:",
        path.display(),
        sents.len()
    );
    match what {
        What::Time => {
            line(
                "TIME by the time extractor",
                eval::bio_recall(&sents, "TIME", times),
            );
            line(
                "TIME by time or amount",
                eval::bio_recall(&sents, "TIME", either),
            );
        }
        What::Amount => {}
    }
    line(
        "QUANTITY by the amount extractor",
        eval::bio_recall(&sents, "QUANTITY", amounts),
    );
    if errors {
        type Extractor<'a> = &'a dyn Fn(&str) -> Vec<Span>;
        let kinds: &[(&str, Extractor)] = match what {
            What::Time => &[("TIME", &times)],
            What::Amount => &[("QUANTITY", &amounts)],
        };
        for (kind, f) in kinds {
            for (s, g) in eval::bio_misses(&sents, kind, f) {
                println!("MISS\t{kind}\t{}\t{}", g.text(&s.text), s.text);
            }
        }
    }
    line(
        "QUANTITY by amount or time",
        eval::bio_recall(&sents, "QUANTITY", either),
    );
    Ok(())
}

pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    vec![
        super::dict::Dictionary {
            name: warta_amount::dict::CURRENCIES_FILE,
            embedded: warta_amount::dict::CURRENCIES,
            check: warta_amount::dict::check_currencies,
        },
        super::dict::Dictionary {
            name: warta_amount::dict::UNITS_FILE,
            embedded: warta_amount::dict::UNITS,
            check: warta_amount::dict::check_units,
        },
        super::dict::Dictionary {
            name: warta_checks::anchors::ANCHORS_FILE,
            embedded: warta_checks::anchors::ANCHORS,
            check: warta_checks::anchors::check,
        },
    ]
}
