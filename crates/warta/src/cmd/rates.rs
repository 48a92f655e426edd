//! `warta rates FROM TO DATE` and `warta rates import FILE [-o OUT]`.
use super::CmdResult;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_amount::rates::{format_number, RateTable};

#[derive(clap::Args)]
#[command(
    override_usage = "warta rates FROM TO DATE\n       warta rates import FILE [-o OUT]",
    after_help = "Examples:\n  warta rates USD IDR 2015-03-11\n  warta rates import ../shared/data/rates/ecb-eurofxref-hist.csv"
)]
pub struct Args {
    /// `FROM TO DATE` (ISO 4217 codes, YYYY-MM-DD), or `import FILE` (the ECB history CSV).
    #[arg(num_args = 2..=3, required = true)]
    pub args: Vec<String>,
    /// Where `import` writes the compact table.
    #[arg(
        short,
        long,
        default_value = "crates/warta-amount/data/ecb-rates.csv.gz"
    )]
    pub out: PathBuf,
}

pub fn run(a: Args) -> CmdResult {
    match a.args.as_slice() {
        [cmd, file] if cmd == "import" => import(file, &a.out),
        [from, to, date] => {
            let table = RateTable::embedded()?;
            let r = table.cross(from, to, date)?;
            println!("{}", format_number(r.value, 2));
            if r.date != *date {
                eprintln!(
                    "(ECB rate of {}, the last published on or before {date})",
                    r.date
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        _ => anyhow::bail!("usage: warta rates FROM TO DATE | warta rates import FILE [-o OUT]"),
    }
}

fn import(file: &str, out: &PathBuf) -> CmdResult {
    let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    let table = RateTable::parse_csv(&text).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    let gz = table.to_compact_gz();
    std::fs::write(out, &gz).map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?;
    let (first, last) = table.range().unwrap_or_default();
    eprintln!(
        "wrote {} ({} bytes): {} currencies, {first} to {last}",
        out.display(),
        gz.len(),
        table.currencies().len()
    );
    Ok(ExitCode::SUCCESS)
}
