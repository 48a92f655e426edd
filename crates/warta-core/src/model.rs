//! What the stages find. Spans are byte offsets; see the crate docs.

use crate::{Span, Warning};
use serde::{Deserialize, Serialize};

/// A point on the map, from our GeoNames-derived gazetteer or a country centroid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// ISO 3166 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u32>,
}

/// Newswire furniture parsed out of the body; `None` fields when absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub agency: Option<String>,
    pub dateline: Option<String>,
    pub dateline_place: Option<Place>,
    pub wire_credit: Vec<String>,
    pub byline_code: Option<String>,
    pub reporter: Option<String>,
    pub editor: Option<String>,
    pub copyright: Option<String>,
    /// Where each piece of furniture stands in the text (dateline, byline block, ...).
    #[serde(skip)]
    pub spans: Vec<(FurnitureKind, Span)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FurnitureKind {
    Dateline,
    WireCredit,
    BylineCode,
    Reporter,
    Editor,
    Copyright,
    /// "Baca juga: ..." and similar inserted links.
    Insert,
}

/// A named entity (or a role noun phrase the actor coder turned into an actor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    /// PER | ORG | LOC (other types allowed).
    pub kind: String,
    /// CAMEO actor code as of the article's date, e.g. `IDNGOV`.
    pub code: Option<String>,
    pub place: Option<Place>,
    /// Index (into the document's entities) of the fuller mention this one refers to.
    pub refers_to: Option<usize>,
    /// What produced it: a dictionary line (`dict/actors.txt:12`) or a model (`model:ner@v1`).
    pub rule: String,
}

/// A time expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    /// ISO 8601 / TimeML value: `2015-03-11`, `2015-05`, `2015`, `2015-03-11T16:00+07:00`, `P70Y`.
    pub value: Option<String>,
    /// day | month | year | time | duration | week | ...
    pub granularity: Option<String>,
    pub rule: String,
}

/// A quantity: money in ISO 4217 units, or a count with a unit word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub span: Span,
    pub value: f64,
    pub unit: String,
    pub rule: String,
}

/// One side of an event: the words naming the actor and its code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    pub span: Span,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Future,
    Negated,
    Intended,
    Conditional,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Negated => "negated",
            Modality::Intended => "intended",
            Modality::Conditional => "conditional",
        }
    }
}

/// A coded political event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the sentence that states it (the first, when stated more than once).
    pub sentence: usize,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    pub trigger: Span,
    /// Full CAMEO code, e.g. `0311`.
    pub cameo: String,
    /// Two-digit CAMEO root, e.g. `03`.
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub modality: Modality,
    pub date: Option<String>,
    pub place: Option<Place>,
    /// The dictionary line or rule that produced it.
    pub rule: String,
    /// How many times the article states it.
    pub mentions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The text is demonstrably inconsistent.
    Error,
    /// Suspicious, not provably wrong.
    Warning,
    /// Checked and consistent.
    Ok,
}

/// The result of one consistency rule over the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub kind: String,
    pub severity: Severity,
    pub spans: Vec<Span>,
    pub message: String,
    pub suggestion: Option<String>,
}

/// Everything warta found in one document. Built by `warta-pipeline`, written by [`crate::record`].
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    pub language: String,
    pub published: Option<String>,
    pub published_inferred: bool,
    pub source: SourceInfo,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeMention>,
    pub amounts: Vec<Amount>,
    pub events: Vec<Event>,
    pub checks: Vec<Check>,
    pub warnings: Vec<Warning>,
}
