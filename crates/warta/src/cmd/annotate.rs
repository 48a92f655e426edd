use super::CmdResult;
use anyhow::Context;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use warta_pipeline::{annotate_stream, Pipeline};
use warta_read::{expand_paths, InputFormat, Reader, ReaderOptions};

const AFTER_HELP: &str = "\
Inputs: a .txt file is one article; a .jsonl or .jsonl.gz file has one article per line
(`text`, optional `id`, `published`, `url`, `source`, `language`; other fields are kept in `meta`);
a directory means every .txt/.jsonl/.jsonl.gz below it, in sorted order; no path or `-` is stdin.

Every input record yields exactly one output line, in input order: the annotation, or an error
record {\"error\": {\"kind\", \"message\", \"line\"}} saying what was wrong and where.

Exit status:
  0  all records written (error records included), unless --strict
  1  --strict was given and at least one record was an error record
  2  warta could not run: bad arguments, unwritable output, ...";

#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Format of stdin.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub input_format: Format,
    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<String>,
    /// Exit with status 1 if any record could not be processed.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse records larger than this many bytes (error record `line_too_long`/`too_large`).
    #[arg(long, default_value_t = warta_read::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Txt,
    Jsonl,
}

pub fn parse_date(s: &str) -> Result<String, String> {
    let ok = s.len() == 10
        && s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && s.chars().filter(char::is_ascii_digit).count() == 8;
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a date of the form YYYY-MM-DD"))
    }
}

pub fn reader(
    paths: &[PathBuf],
    format: Format,
    published: Option<String>,
    max_record_bytes: usize,
) -> Reader {
    let format = match format {
        Format::Txt => InputFormat::Txt,
        Format::Jsonl => InputFormat::Jsonl,
    };
    let options = ReaderOptions {
        stdin_format: format,
        max_record_bytes,
        default_published: published,
    };
    Reader::new(expand_paths(paths, format), options)
}

pub fn run(args: Args) -> CmdResult {
    let items = reader(
        &args.paths,
        args.input_format,
        args.published.clone(),
        args.max_record_bytes,
    );
    let pipeline = Pipeline::new();
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    let progress = progress_bar(args.quiet);
    let stats = annotate_stream(&pipeline, items, |line, stats| {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        if let Some(bar) = &progress {
            bar.set_position(stats.records);
            bar.set_message(format!("{} errors", stats.errors));
        }
        Ok(())
    })
    .context("cannot write output")?;
    out.flush().context("cannot write output")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !args.quiet && std::io::stderr().is_terminal() {
        eprintln!("warta: {} records, {} errors", stats.records, stats.errors);
    }
    Ok(if args.strict && stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A spinner with counts on stderr, only when stderr is a terminal and not `--quiet`.
pub fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {pos} articles ({per_sec}) {msg} [{elapsed}]",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    bar.set_style(style);
    Some(bar)
}
