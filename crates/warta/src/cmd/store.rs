//! `warta ingest | recode | query | export | stats`: thin wrappers over `warta-store`.

use super::CmdResult;
use anyhow::Context;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_pipeline::Pipeline;
use warta_store::{
    ExportFormat, Filter, IngestOptions, OutputFormat, Period, StatsGroup, StatsOptions, Store,
};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// The database file (created if absent).
    #[arg(long)]
    pub db: PathBuf,
    /// Files or directories to read (as `warta annotate`); `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,
    /// The inputs are already annotated `warta/1` records (the output of `warta annotate`).
    #[arg(long)]
    pub annotated: bool,
    /// Format of stdin.
    #[arg(long, value_enum, default_value_t = super::annotate::Format::Jsonl)]
    pub input_format: super::annotate::Format,
    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_parser = super::annotate::parse_date)]
    pub published: Option<String>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Print the tally as JSON.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse records larger than this many bytes.
    #[arg(long, default_value_t = warta_read::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
    /// Sleep this long after each committed batch (for crash tests).
    #[arg(long, hide = true, default_value_t = 0)]
    pub throttle_ms: u64,
}

#[derive(clap::Args)]
pub struct RecodeArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    /// Re-code every article, not only those coded by another version.
    #[arg(long)]
    pub force: bool,
    /// Print the tally as JSON.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Filters shared by query, export and stats.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Source actor codes or prefixes (IDN, RUSGOV); comma-separated or repeated.
    #[arg(long, value_delimiter = ',')]
    pub source: Vec<String>,
    /// Target actor codes or prefixes.
    #[arg(long, value_delimiter = ',')]
    pub target: Vec<String>,
    /// Actor codes or prefixes on either side.
    #[arg(long, value_delimiter = ',')]
    pub actor: Vec<String>,
    /// CAMEO event codes or prefixes (`05` = the whole root).
    #[arg(long, value_delimiter = ',')]
    pub code: Vec<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// First day, YYYY-MM-DD (inclusive).
    #[arg(long, value_parser = super::annotate::parse_date)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (inclusive).
    #[arg(long, value_parser = super::annotate::parse_date)]
    pub to: Option<String>,
    /// Event place: a name (substring, any case) or an ISO 3166 alpha-3 country code.
    #[arg(long)]
    pub place: Option<String>,
    /// asserted | future | negated | intended | conditional.
    #[arg(long)]
    pub modality: Option<String>,
    /// Full-text search over the articles (SQLite FTS5 syntax: words, "a phrase", AND/OR/NOT).
    #[arg(long)]
    pub text: Option<String>,
    /// One row per article's event instead of one per story's event (syndicated copies apart).
    #[arg(long)]
    pub per_article: bool,
}

impl FilterArgs {
    fn filter(&self, limit: Option<usize>) -> Filter {
        Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            code: self.code.clone(),
            quad: self.quad,
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            modality: self.modality.clone(),
            text: self.text.clone(),
            limit,
            per_article: self.per_article,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum QueryFormat {
    Table,
    Jsonl,
    Csv,
}

const QUERY_HELP: &str = "\
Rows are story events: the same event told by syndicated copies of one wire story is one row,
with GDELT-style counts MEN (mentions), ART (articles) and SRC (distinct outlets).

Examples:
  warta query --db news.db --source RUS --target PRK
  warta query --db news.db --actor IDNGOV --code 05 --from 2017-01-01 --to 2017-06-30
  warta query --db news.db --text '\"kerja sama perbatasan\"' --format jsonl";

#[derive(clap::Args)]
#[command(after_help = QUERY_HELP)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many events.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFmt {
    Gdelt,
    Parquet,
    Csv,
    Jsonl,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFmt,
    /// The file to write.
    #[arg(short, long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum GroupArg {
    Root,
    Quad,
}

#[derive(clap::Args)]
pub struct StatsArgs {
    /// The database file.
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Time bucket of the series.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,
    /// Split the series by CAMEO root or by QuadClass.
    #[arg(long, value_enum, default_value_t = GroupArg::Quad)]
    pub group: GroupArg,
    /// How many actor pairs to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Instead: the store's contents and its syndicated duplicates (story groups), with a few
    /// near-duplicate pairs and their similarity.
    #[arg(long)]
    pub duplicates: bool,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

fn open(db: &Path) -> anyhow::Result<Store> {
    Store::open(db).with_context(|| format!("cannot open the store {}", db.display()))
}

fn open_existing(db: &Path) -> anyhow::Result<Store> {
    anyhow::ensure!(
        db.exists(),
        "{}: no such store (run `warta ingest` first)",
        db.display()
    );
    open(db)
}

fn open_readonly(db: &Path) -> anyhow::Result<Store> {
    anyhow::ensure!(
        db.exists(),
        "{}: no such store (run `warta ingest` first)",
        db.display()
    );
    Store::open_readonly(db).with_context(|| format!("cannot open the store {}", db.display()))
}

pub fn ingest(args: IngestArgs) -> CmdResult {
    let mut store = open(&args.db)?;
    let options = IngestOptions { batch: args.batch };
    let progress = super::annotate::progress_bar(args.quiet);
    let start = std::time::Instant::now();
    let throttle = std::time::Duration::from_millis(args.throttle_ms);
    let report = |s: &warta_store::IngestStats| {
        if !throttle.is_zero() {
            std::thread::sleep(throttle);
        }
        if let Some(bar) = &progress {
            bar.set_position(s.read);
            bar.set_message(format!("{} new, {} already stored", s.stored, s.already));
        }
    };
    let stats = if args.annotated {
        let records = annotated_records(&args.paths)?;
        store.ingest_records(records, &options, report)
    } else {
        let items = super::annotate::reader(
            &args.paths,
            args.input_format,
            args.published.clone(),
            args.max_record_bytes,
        );
        let pipeline = Pipeline::new();
        store.ingest(&pipeline, items, &options, report)
    }
    .context("ingest failed")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    store.analyze()?;
    let secs = start.elapsed().as_secs_f64();
    let counts = store.counts()?;
    if args.json {
        println!(
            "{}",
            serde_json::json!({"ingest": stats, "seconds": secs,
                "articles_per_s": stats.read as f64 / secs.max(1e-9), "store": counts})
        );
    } else {
        eprintln!(
            "warta ingest: {} read, {} stored ({} joined an existing story), {} already stored, \
             {} errors, {} events in {:.2} s ({:.0} articles/s)\n\
             store: {} articles in {} stories, {} events, {} entities, {} times, {} amounts",
            stats.read,
            stats.stored,
            stats.duplicates,
            stats.already,
            stats.errors,
            stats.events,
            secs,
            stats.read as f64 / secs.max(1e-9),
            counts.articles,
            counts.stories,
            counts.events,
            counts.entities,
            counts.times,
            counts.amounts
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `warta/1` records from files (or stdin); unreadable lines become error records.
fn annotated_records(
    paths: &[PathBuf],
) -> anyhow::Result<impl Iterator<Item = warta_core::record::Record>> {
    let mut readers: Vec<(String, Box<dyn BufRead>)> = Vec::new();
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        readers.push((
            "-".into(),
            Box::new(std::io::BufReader::new(std::io::stdin())),
        ));
    }
    for p in paths.iter().filter(|p| p.as_os_str() != "-") {
        let f = std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
        readers.push((
            p.display().to_string(),
            Box::new(std::io::BufReader::new(f)),
        ));
    }
    Ok(readers.into_iter().flat_map(|(origin, r)| {
        r.lines().enumerate().filter_map(move |(i, line)| {
            let line = match line {
                Ok(l) if l.trim().is_empty() => return None,
                Ok(l) => l,
                Err(e) => {
                    return Some(warta_core::record::Record::error(
                        None,
                        "io",
                        e.to_string(),
                        Some(i as u64 + 1),
                        Some(origin.clone()),
                    ))
                }
            };
            Some(serde_json::from_str(&line).unwrap_or_else(|e| {
                warta_core::record::Record::error(
                    None,
                    "invalid_json",
                    format!("not a warta/1 record: {e}"),
                    Some(i as u64 + 1),
                    Some(origin.clone()),
                )
            }))
        })
    }))
}

pub fn recode(args: RecodeArgs) -> CmdResult {
    let mut store = open_existing(&args.db)?;
    let pipeline = Pipeline::new();
    let stale = store.stale()?;
    let progress = super::annotate::progress_bar(args.quiet);
    let stats = store
        .recode(&pipeline, args.force, |s| {
            if let Some(bar) = &progress {
                bar.set_position(s.recoded);
            }
        })
        .context("recode failed")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    store.analyze()?;
    if args.json {
        println!(
            "{}",
            serde_json::json!({"recode": stats, "stale_before": stale})
        );
    } else {
        eprintln!(
            "warta recode: {} re-coded, {} already current, {} errors; {} events now \
             (warta {}, resources {})",
            stats.recoded,
            stats.current,
            stats.errors,
            stats.events,
            warta_store::WARTA_VERSION,
            warta_pipeline::resources_version()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn query(args: QueryArgs) -> CmdResult {
    let store = open_readonly(&args.db)?;
    let mut filter = args.filter.filter(Some(args.limit.saturating_add(1)));
    let mut rows = store.query(&filter)?;
    let more = rows.len() > args.limit;
    rows.truncate(args.limit);
    filter.limit = Some(args.limit);
    let format = match args.format {
        QueryFormat::Table => OutputFormat::Table,
        QueryFormat::Jsonl => OutputFormat::Jsonl,
        QueryFormat::Csv => OutputFormat::Csv,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    warta_store::write_rows(&mut out, &rows, format, more)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> CmdResult {
    let store = open_readonly(&args.db)?;
    let format = match args.format {
        ExportFmt::Gdelt => ExportFormat::Gdelt,
        ExportFmt::Parquet => ExportFormat::Parquet,
        ExportFmt::Csv => ExportFormat::Csv,
        ExportFmt::Jsonl => ExportFormat::Jsonl,
    };
    let n = warta_store::export(&store, &args.filter.filter(None), format, &args.output)
        .with_context(|| format!("cannot export to {}", args.output.display()))?;
    eprintln!(
        "warta export: {n} events written to {}",
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn stats(args: StatsArgs) -> CmdResult {
    let store = open_readonly(&args.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.duplicates {
        let report = store.duplicates(10)?;
        if args.json {
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        } else {
            report.write_table(&mut out)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let options = StatsOptions {
        filter: args.filter.filter(None),
        period: match args.by {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        },
        group: match args.group {
            GroupArg::Root => StatsGroup::Root,
            GroupArg::Quad => StatsGroup::Quad,
        },
        top: args.top,
    };
    let stats = store.stats(&options)?;
    if args.json {
        serde_json::to_writer(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        stats.write_table(&mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
