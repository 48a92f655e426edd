//! Commands of the entities stage: train ner, eval ner, build-data countries/places.
use super::CmdResult;

/// `warta eval ner`: per-type and micro P/R/F1 (CoNLL exact spans) on BIO gold files.
#[derive(clap::Args)]
pub struct EvalNerArgs {
    /// Gold files (CoNLL/BIO: word first, tag last, tab or space separated, blank line between
    /// sentences; B-/I-/E-/S- or IO tags; dataset labels mapped to PER/ORG/LOC).
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<std::path::PathBuf>,
    /// Model file to evaluate instead of the embedded one.
    #[arg(long)]
    pub model: Option<std::path::PathBuf>,
    /// Decoder to use instead of the model's default (greedy or viterbi).
    #[arg(long)]
    pub decoder: Option<String>,
    /// Also measure tagging speed (tokens/s on one core) against a tokenisation baseline.
    #[arg(long)]
    pub bench: bool,
}
/// `warta train ner`: train the averaged-perceptron NER model on BIO training files.
#[derive(clap::Args)]
pub struct TrainNerArgs {
    /// Training files (same formats as `eval ner --gold`).
    #[arg(long, required = true, num_args = 1..)]
    pub train: Vec<std::path::PathBuf>,
    /// Instead of training: build the word-cluster table from this news JSON Lines file (field
    /// `text`) plus the words of the training files, write it to `--clusters-out`, and stop.
    /// Rebuild warta afterwards (the table is compiled in) and then train.
    #[arg(long)]
    pub build_clusters: Option<std::path::PathBuf>,
    #[arg(long, default_value = "crates/warta-entities/model/ner-clusters.tsv")]
    pub clusters_out: std::path::PathBuf,
    /// Dev files: micro F1 printed after every epoch (never trained on).
    #[arg(long, num_args = 1..)]
    pub dev: Vec<std::path::PathBuf>,
    /// Output model file.
    #[arg(short, long, default_value = "crates/warta-entities/model/ner.bin")]
    pub output: std::path::PathBuf,
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// greedy or viterbi.
    #[arg(long, default_value = "viterbi")]
    pub decoder: String,
    /// Ignore features seen fewer times than this.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,
    /// Drop averaged weights below this absolute value.
    #[arg(long, default_value_t = 0.01)]
    pub prune: f32,
    /// Bits of each feature key kept in the model file.
    #[arg(long, default_value_t = 48)]
    pub key_bits: u8,
    /// Drop feature rows whose largest absolute averaged weight is below this (smaller, faster
    /// model; applied to the written model and to the dev figures).
    #[arg(long, default_value_t = 1.0)]
    pub ship_prune: f32,
    /// Domain adaptation: features are doubled with copies conjoined with the training file's
    /// dataset (file name up to the first `.`), so each corpus keeps its own conventions.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub adapt: bool,
    /// Whose conventions the written model follows: a training dataset name, several separated
    /// by commas (their domain weights are averaged), or `none` for the shared weights only.
    #[arg(long, default_value = "idner-news-2k")]
    pub ship_domain: String,
}
/// `warta build-data countries`: CLDR territory names -> crates/warta-entities/data/countries.tsv.
#[derive(clap::Args)]
pub struct BuildCountriesArgs {
    /// CLDR territory table (alpha2, alpha3, name_id, name_en).
    #[arg(
        long,
        default_value = "../shared/data/lexicon/cldr-territories-id-en.tsv"
    )]
    pub cldr: std::path::PathBuf,
    /// Where to write the gazetteer.
    #[arg(long, default_value = "crates/warta-entities/data/countries.tsv")]
    pub out: std::path::PathBuf,
}
/// `warta build-data places`: GeoNames cities5000 -> crates/warta-entities/data/places.tsv.gz.
#[derive(clap::Args)]
pub struct BuildPlacesArgs {
    /// GeoNames cities table.
    #[arg(long, default_value = "../shared/data/lexicon/geonames-cities5000.tsv")]
    pub geonames: std::path::PathBuf,
    /// CLDR territory table (for alpha-2 to alpha-3 country codes).
    #[arg(
        long,
        default_value = "../shared/data/lexicon/cldr-territories-id-en.tsv"
    )]
    pub cldr: std::path::PathBuf,
    /// Keep places with at least this population (Indonesian places are all kept).
    #[arg(long, default_value_t = 15_000)]
    pub min_population: u64,
    /// Keep alternate names of places with at least this population.
    #[arg(long, default_value_t = 50_000)]
    pub alt_min_population: u64,
    /// Where to write the table.
    #[arg(long, default_value = "crates/warta-entities/data/places.tsv.gz")]
    pub out: std::path::PathBuf,
}

fn parse_decoder(s: &str) -> anyhow::Result<warta_learn::Decoder> {
    match s {
        "greedy" => Ok(warta_learn::Decoder::Greedy),
        "viterbi" => Ok(warta_learn::Decoder::Viterbi),
        _ => anyhow::bail!("unknown decoder `{s}` (greedy or viterbi)"),
    }
}
fn read_ner_gold(
    path: &std::path::Path,
) -> anyhow::Result<Vec<warta_entities::ner::conll::GoldSentence>> {
    use anyhow::Context;
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    Ok(warta_entities::ner::conll::parse(&text))
}
fn print_ner_scores(name: &str, s: &warta_entities::ner::conll::Scores) {
    use warta_entities::ner::conll::{Scores, TYPES};
    println!("{name}");
    println!(
        "  {:<6} {:>6} {:>6} {:>6} {:>6}",
        "type", "P", "R", "F1", "gold"
    );
    for (t, c) in TYPES.iter().zip(s.per_type.iter()) {
        let (p, r, f) = Scores::prf(*c);
        println!("  {t:<6} {p:>6.3} {r:>6.3} {f:>6.3} {:>6}", c.2);
    }
    let m = s.micro();
    let (p, r, f) = Scores::prf(m);
    println!("  {:<6} {p:>6.3} {r:>6.3} {f:>6.3} {:>6}", "micro", m.2);
}
pub fn eval_ner(a: EvalNerArgs) -> CmdResult {
    use anyhow::Context;
    use warta_entities::ner::Ner;
    let mut ner = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| p.display().to_string())?;
            Ner::from_bytes(&bytes).with_context(|| p.display().to_string())?
        }
        None => Ner::embedded()
            .cloned()
            .context("the embedded NER model does not load")?,
    };
    if let Some(d) = &a.decoder {
        let mut m = ner.model().clone();
        m.set_decoder(parse_decoder(d)?);
        ner = Ner::new(m)?;
    }
    let mut all = warta_entities::ner::conll::Scores::default();
    for path in &a.gold {
        let gold = read_ner_gold(path)?;
        let s = ner.evaluate(&gold);
        for (acc, x) in all.per_type.iter_mut().zip(s.per_type.iter()) {
            acc.0 += x.0;
            acc.1 += x.1;
            acc.2 += x.2;
        }
        print_ner_scores(&path.display().to_string(), &s);
        if a.bench {
            bench_ner(&ner, &gold);
        }
    }
    if a.gold.len() > 1 {
        print_ner_scores("all files", &all);
    }
    Ok(std::process::ExitCode::SUCCESS)
}
/// On-CPU time of the calling thread (Linux `/proc/thread-self/schedstat`), so the figures
/// are per core even when other processes share the machine; wall-clock elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Time `f`: (on-CPU seconds if available else wall seconds, wall seconds).
fn timed(mut f: impl FnMut()) -> (f64, f64) {
    let c0 = thread_cpu_seconds();
    let t = std::time::Instant::now();
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    (cpu, wall)
}

/// Tokens/s of NER tagging (features + decoding) on one core, with a tokenisation baseline
/// (warta-text analysis of the same sentences joined by spaces) measured in the same run.
fn bench_ner(ner: &warta_entities::ner::Ner, gold: &[warta_entities::ner::conll::GoldSentence]) {
    use warta_entities::ner::features::Word;
    let texts: Vec<String> = gold.iter().map(|g| g.words.join(" ")).collect();
    let ntok: usize = gold.iter().map(|g| g.words.len()).sum();
    let lower: Vec<Vec<String>> = gold
        .iter()
        .map(|g| g.words.iter().map(|w| w.to_lowercase()).collect())
        .collect();
    let rounds = (2_000_000 / ntok.max(1)).clamp(1, 50);
    let mut s = warta_entities::ner::NerScratch::default();
    let mut words: Vec<Word<'_>> = Vec::new();
    let (mut found, mut toks, mut found_doc) = (0usize, 0usize, 0usize);
    let tag = timed(|| {
        for _ in 0..rounds {
            for (g, l) in gold.iter().zip(&lower) {
                words.clear();
                words.extend(g.words.iter().zip(l).map(|(w, l)| Word {
                    surface: w,
                    lower: l,
                }));
                found += ner.tag_words(&words, &mut s).len();
            }
        }
    });
    let tok = timed(|| {
        for _ in 0..rounds {
            for text in &texts {
                toks += warta_text::TextDoc::analyse(text, None).tokens.len();
            }
        }
    });
    let doc = timed(|| {
        for _ in 0..rounds {
            for text in &texts {
                let doc = warta_text::TextDoc::analyse(text, None);
                found_doc += ner.tag(&doc).len();
            }
        }
    });
    let n = (ntok * rounds) as f64;
    println!(
        "  bench: {rounds} rounds x {ntok} tokens, one thread, tokens per CPU-second (wall): \
         NER tag_words {:.0} ({:.0}); baseline TextDoc::analyse {:.0} ({:.0}); \
         analyse + Ner::tag {:.0} ({:.0}) [{found} / {toks} / {found_doc}]",
        n / tag.0,
        n / tag.1,
        n / tok.0,
        n / tok.1,
        n / doc.0,
        n / doc.1
    );
}
fn build_ner_clusters(news: &std::path::Path, a: &TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    use std::io::BufRead;
    let t = std::time::Instant::now();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let f = std::fs::File::open(news).with_context(|| news.display().to_string())?;
    for line in std::io::BufReader::new(f).lines() {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line).context("news JSON line")?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let doc = warta_text::TextDoc::analyse(text, None);
        for s in &doc.sentences {
            if let Some(toks) = doc.tokens.get(s.tokens.clone()) {
                sentences.push(toks.iter().map(|t| t.lower.clone()).collect());
            }
        }
    }
    for p in &a.train {
        for g in read_ner_gold(p)? {
            sentences.push(g.words.iter().map(|w| w.to_lowercase()).collect());
        }
    }
    let cfg = warta_entities::ner::clusters::ClusterConfig::default();
    let tsv = warta_entities::ner::clusters::build(&sentences, &cfg);
    std::fs::write(&a.clusters_out, &tsv).with_context(|| a.clusters_out.display().to_string())?;
    eprintln!(
        "wrote {} ({} words from {} sentences) in {:.0?}; rebuild warta, then train",
        a.clusters_out.display(),
        tsv.lines().filter(|l| !l.starts_with('#')).count(),
        sentences.len(),
        t.elapsed()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn train_ner(a: TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    use warta_entities::ner::{self, conll, features, Ner};
    let decoder = parse_decoder(&a.decoder)?;
    let t = std::time::Instant::now();
    if let Some(news) = &a.build_clusters {
        return build_ner_clusters(news, &a);
    }
    let mut examples = Vec::new();
    let mut domains = Vec::new();
    for p in &a.train {
        let g = read_ner_gold(p)?;
        let name = p.display().to_string();
        let dom = features::domain_key(ner::domain_of(&name));
        eprintln!(
            "{name}: {} sentences (domain {})",
            g.len(),
            ner::domain_of(&name)
        );
        domains.push(dom);
        examples.extend(ner::examples(&g, a.adapt.then_some(dom)));
    }
    let mut dev = Vec::new();
    for p in &a.dev {
        dev.push((p.display().to_string(), read_ner_gold(p)?));
    }
    let cfg = warta_learn::TrainConfig {
        epochs: a.epochs,
        seed: a.seed,
        decoder,
        min_count: a.min_count,
        prune: a.prune,
        key_bits: 64,
    };
    // Collapse the domain-adapted model for one dataset's conventions (or the shared weights).
    let specialize = |m: &warta_learn::Model, domain: &str| -> anyhow::Result<warta_learn::Model> {
        let mut m = if a.adapt {
            let d: Vec<u64> = domain
                .split(',')
                .filter(|d| !d.is_empty() && *d != "none")
                .map(features::domain_key)
                .collect();
            m.specialize(&d, &domains)?
        } else {
            m.clone()
        };
        ner::stamp(&mut m);
        Ok(m.pruned(a.ship_prune).with_key_bits(a.key_bits))
    };
    let mut last = None;
    let model = warta_learn::train_with(&examples, &conll::LABELS, &cfg, |epoch, m| {
        if dev.is_empty() || (epoch < a.epochs && epoch % 3 != 0) {
            eprintln!("epoch {epoch} ({:.0?})", t.elapsed());
            return;
        }
        let mut line = Vec::new();
        let mut scores = Vec::new();
        for (name, g) in &dev {
            let Ok(n) = specialize(m, ner::domain_of(name)).and_then(|m| Ok(Ner::new(m)?)) else {
                continue;
            };
            let s = n.evaluate(g);
            line.push(format!("{} {:.4}", ner::domain_of(name), s.f1()));
            scores.push((name.clone(), s));
        }
        eprintln!(
            "epoch {epoch} ({:.0?}): dev micro F1 {}",
            t.elapsed(),
            line.join(", ")
        );
        last = Some(scores);
    })?;
    if let Some(scores) = last {
        println!("dev figures, each with its own dataset's conventions (domain-specialised):");
        for (name, s) in &scores {
            print_ner_scores(name, s);
        }
    }
    let mut shipped = specialize(&model, &a.ship_domain)?;
    let files: Vec<String> = a
        .train
        .iter()
        .map(|p| {
            p.file_name()
                .map_or(String::new(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    shipped.set_meta("train", &files.join(" "));
    shipped.set_meta(
        "config",
        &format!(
            "epochs={} seed={} decoder={} min_count={} prune={} ship_prune={} key_bits={} adapt={} ship_domain={}",
            a.epochs, a.seed, a.decoder, a.min_count, a.prune, a.ship_prune, a.key_bits, a.adapt, a.ship_domain
        ),
    );
    let shipped_ner = Ner::new(shipped.clone())?;
    if !dev.is_empty() {
        let line: Vec<String> = dev
            .iter()
            .map(|(name, g)| {
                let s = shipped_ner.evaluate(g);
                format!("{} {:.4}", ner::domain_of(name), s.f1())
            })
            .collect();
        println!(
            "written model (conventions of {}): dev micro F1 {}",
            a.ship_domain,
            line.join(", ")
        );
    }
    let bytes = shipped.to_bytes();
    std::fs::write(&a.output, &bytes).with_context(|| a.output.display().to_string())?;
    eprintln!(
        "wrote {} ({} features, {} bytes, conventions of {}) in {:.0?}",
        a.output.display(),
        shipped.num_features(),
        bytes.len(),
        a.ship_domain,
        t.elapsed()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn build_countries(a: BuildCountriesArgs) -> CmdResult {
    use anyhow::Context;
    let cldr = std::fs::read_to_string(&a.cldr).with_context(|| a.cldr.display().to_string())?;
    let out = warta_entities::build::countries(&cldr);
    std::fs::write(&a.out, &out).with_context(|| a.out.display().to_string())?;
    let n = out.lines().filter(|l| !l.starts_with('#')).count();
    eprintln!("wrote {} ({n} countries)", a.out.display());
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn build_places(a: BuildPlacesArgs) -> CmdResult {
    use anyhow::Context;
    let cldr = std::fs::read_to_string(&a.cldr).with_context(|| a.cldr.display().to_string())?;
    let geo = std::fs::File::open(&a.geonames).with_context(|| a.geonames.display().to_string())?;
    let filter = warta_entities::build::PlaceFilter {
        min_population: a.min_population,
        alt_min_population: a.alt_min_population,
        ..Default::default()
    };
    let (gz, kept) = warta_entities::build::places(std::io::BufReader::new(geo), &cldr, filter)?;
    std::fs::write(&a.out, &gz).with_context(|| a.out.display().to_string())?;
    eprintln!(
        "wrote {} ({kept} places, {} bytes)",
        a.out.display(),
        gz.len()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
/// Our gazetteers (crates/warta-entities/data), each with its validator.
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    const PATHS: &[&str] = &[
        "crates/warta-entities/data/countries.tsv",
        "crates/warta-entities/data/country-aliases.tsv",
        "crates/warta-entities/data/actors.tsv",
        "crates/warta-entities/data/roles.tsv",
        "crates/warta-entities/data/people.tsv",
        "crates/warta-entities/data/exonyms.tsv",
        "crates/warta-entities/data/centroids.tsv",
        "crates/warta-entities/data/not-places.tsv",
    ];
    warta_entities::DICTIONARIES
        .iter()
        .map(|&(name, embedded)| super::dict::Dictionary {
            name: PATHS
                .iter()
                .find(|p| p.ends_with(&format!("/{name}")))
                .copied()
                .unwrap_or(name),
            embedded,
            check: warta_entities::check,
        })
        .chain(std::iter::once(super::dict::Dictionary {
            name: "crates/warta-entities/src/ner/cues.tsv",
            embedded: warta_entities::ner::features::CUES,
            check: warta_entities::ner::features::check_cues,
        }))
        .collect()
}
