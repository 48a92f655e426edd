use super::CmdResult;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_core::DictIssue;

#[derive(Subcommand)]
pub enum DictCommand {
    /// Validate dictionary files; prints `file:line: problem` and exits 1 on any problem.
    /// Without paths, checks every dictionary compiled into this binary.
    Check(CheckArgs),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Dictionary files to check (recognised by file name).
    pub paths: Vec<PathBuf>,
}

/// A dictionary warta knows: its file name, its embedded text, and its validator.
pub struct Dictionary {
    pub name: &'static str,
    pub embedded: &'static str,
    pub check: fn(text: &str, file: &str) -> Vec<DictIssue>,
}

fn all() -> Vec<Dictionary> {
    let mut dicts: Vec<Dictionary> = warta_text::dict::dictionaries()
        .into_iter()
        .map(|(name, embedded, check)| Dictionary {
            name,
            embedded,
            check,
        })
        .collect();
    dicts.extend(super::numbers::dictionaries());
    dicts.extend(super::entities::dictionaries());
    dicts.extend(super::events::dictionaries());
    dicts
}

pub fn run(c: DictCommand) -> CmdResult {
    let DictCommand::Check(args) = c;
    let dicts = all();
    let mut issues = Vec::new();
    let mut checked = 0;
    if args.paths.is_empty() {
        for d in &dicts {
            issues.extend((d.check)(d.embedded, d.name));
            checked += 1;
        }
    }
    for path in &args.paths {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(d) = dicts
            .iter()
            .find(|d| d.name.rsplit('/').next() == Some(file_name.as_str()))
        else {
            let known: Vec<_> = dicts.iter().map(|d| d.name).collect();
            anyhow::bail!(
                "{}: not a dictionary warta knows (known: {})",
                path.display(),
                known.join(", ")
            );
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        issues.extend((d.check)(&text, &path.display().to_string()));
        checked += 1;
    }
    for issue in &issues {
        println!("{issue}");
    }
    eprintln!(
        "warta dict check: {checked} dictionaries, {} problems",
        issues.len()
    );
    Ok(if issues.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
