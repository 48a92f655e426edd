//! Entities, actors and places: who and where.

use warta_core::{Entity, Place};
use warta_text::TextDoc;

/// The loaded gazetteers and NER model; build once, share across threads.
pub struct Recognizer {}

impl Recognizer {
    /// Load the dictionaries and model weights compiled into the binary.
    pub fn new() -> Self {
        Recognizer {}
    }

    /// Every entity of the body, with actor codes as of the article's date and places.
    pub fn recognize(&self, doc: &TextDoc) -> Vec<Entity> {
        let _ = doc;
        Vec::new()
    }

    /// Geocode a dateline place name (`Moskow`), using the article's context.
    pub fn geocode(&self, name: &str) -> Option<Place> {
        let _ = name;
        None
    }
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}
