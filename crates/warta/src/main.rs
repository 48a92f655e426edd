//! The `warta` command line: a thin layer over the library crates.

mod cmd;

/// mimalloc: the pipeline allocates many small, short-lived strings and vectors on every
/// worker thread; per-thread free lists make that measurably cheaper than glibc malloc
/// (see crates/warta-pipeline/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

/// warta turns newswire articles into verified, explainable event data.
#[derive(Parser)]
#[command(name = "warta", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate articles and write warta/1 JSON Lines.
    Annotate(cmd::annotate::Args),
    /// Measure throughput of the whole pipeline against a floor pass over the same bytes.
    Bench(cmd::bench::Args),
    /// Evaluate against gold files (precision, recall, F1).
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
    /// Train models from annotated data.
    #[command(subcommand)]
    Train(cmd::train::TrainCommand),
    /// Work with the dictionaries.
    #[command(subcommand)]
    Dict(cmd::dict::DictCommand),
    /// Exchange rates: look one up, or import the ECB history.
    Rates(cmd::rates::Args),
    /// Build the compact data tables the product ships (gazetteers, lexicons).
    #[command(subcommand)]
    BuildData(cmd::build_data::BuildCommand),
    /// Annotate and store articles in a database file.
    Ingest(cmd::store::IngestArgs),
    /// Re-code stored articles after a dictionary change.
    Recode(cmd::store::RecodeArgs),
    /// Query stored events.
    Query(cmd::store::QueryArgs),
    /// Export stored events (GDELT, Parquet, CSV, JSON Lines).
    Export(cmd::store::ExportArgs),
    /// Event statistics for analysts.
    Stats(cmd::store::StatsArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(args) => cmd::annotate::run(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Eval(c) => cmd::eval::run(c),
        Command::Train(c) => cmd::train::run(c),
        Command::Dict(c) => cmd::dict::run(c),
        Command::Rates(args) => cmd::rates::run(args),
        Command::BuildData(c) => cmd::build_data::run(c),
        Command::Ingest(args) => cmd::store::ingest(args),
        Command::Recode(args) => cmd::store::recode(args),
        Command::Query(args) => cmd::store::query(args),
        Command::Export(args) => cmd::store::export(args),
        Command::Stats(args) => cmd::store::stats(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("warta: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
