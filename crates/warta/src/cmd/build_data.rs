use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum BuildCommand {
    /// Derive the country gazetteer from CLDR territory names (merged with our own aliases).
    Countries(super::entities::BuildCountriesArgs),
    /// Derive the compact place table from GeoNames cities5000.
    Places(super::entities::BuildPlacesArgs),
    /// Derive the root lexicon from UD lemmas and lemma pairs.
    Roots(super::events::BuildRootsArgs),
    /// Derive the CAMEO code table (Goldstein, QuadClass, PLOVER) from the reference tables.
    Cameo(super::events::BuildCameoArgs),
}

pub fn run(c: BuildCommand) -> CmdResult {
    match c {
        BuildCommand::Countries(a) => super::entities::build_countries(a),
        BuildCommand::Places(a) => super::entities::build_places(a),
        BuildCommand::Roots(a) => super::events::build_roots(a),
        BuildCommand::Cameo(a) => super::events::build_cameo(a),
    }
}
