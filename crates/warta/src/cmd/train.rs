use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the NER model on BIO training files; writes the weights the product embeds.
    Ner(Box<super::entities::TrainNerArgs>),
    /// Train the POS tagger on tagged training files; writes the weights the product embeds.
    Pos(super::events::TrainPosArgs),
}

pub fn run(c: TrainCommand) -> CmdResult {
    match c {
        TrainCommand::Ner(a) => super::entities::train_ner(*a),
        TrainCommand::Pos(a) => super::events::train_pos(a),
    }
}
