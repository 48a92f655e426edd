//! Commands of the entities stage: train ner, eval ner, build-data countries/places.
use super::CmdResult;

#[derive(clap::Args)]
pub struct EvalNerArgs {}
#[derive(clap::Args)]
pub struct TrainNerArgs {}
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

pub fn eval_ner(_: EvalNerArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn train_ner(_: TrainNerArgs) -> CmdResult {
    anyhow::bail!("not built yet")
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
        .collect()
}
