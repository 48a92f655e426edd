use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Time expressions against TimeML (.tml) or warta JSON gold: span P/R/F1 and value accuracy.
    Time(super::numbers::EvalTimeArgs),
    /// Amounts against warta JSON gold: span P/R/F1 and value/unit accuracy.
    Amounts(super::numbers::EvalAmountsArgs),
    /// Named entities against BIO files: per-type and micro P/R/F1 (CoNLL exact spans).
    Ner(super::entities::EvalNerArgs),
    /// Morphological analyser against form→root pairs: accuracy.
    Morph(super::events::EvalMorphArgs),
    /// POS tagger against tagged files: accuracy.
    Pos(super::events::EvalPosArgs),
    /// Events against warta JSON gold: P/R/F1 at lenient, actor and strict levels.
    Events(super::events::EvalEventsArgs),
    /// Actors of the event gold against the entity stage: found, country and code agreement.
    Actors(super::entities::EvalActorsArgs),
}

pub fn run(c: EvalCommand) -> CmdResult {
    match c {
        EvalCommand::Time(a) => super::numbers::eval_time(a),
        EvalCommand::Amounts(a) => super::numbers::eval_amounts(a),
        EvalCommand::Ner(a) => super::entities::eval_ner(a),
        EvalCommand::Morph(a) => super::events::eval_morph(a),
        EvalCommand::Pos(a) => super::events::eval_pos(a),
        EvalCommand::Events(a) => super::events::eval_events(a),
        EvalCommand::Actors(a) => super::entities::eval_actors(a),
    }
}
