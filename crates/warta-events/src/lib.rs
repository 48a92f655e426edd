//! The event coder: who did what to whom, when and where.

use warta_core::{Entity, Event, TimeMention};
use warta_text::TextDoc;

/// The loaded event dictionary, morphology and tagger; build once, share across threads.
pub struct Coder {}

impl Coder {
    pub fn new() -> Self {
        Coder {}
    }

    /// Every event stated in the body.
    pub fn code(&self, doc: &TextDoc, entities: &[Entity], times: &[TimeMention]) -> Vec<Event> {
        let _ = (doc, entities, times);
        Vec::new()
    }
}

impl Default for Coder {
    fn default() -> Self {
        Self::new()
    }
}
