//! The `warta/1` JSON Lines record (see `shared/spec/OUTPUT.md` and the README).
//!
//! The only place byte spans become code-point offsets.

use crate::{
    Annotation, CharIndex, Check, Document, Entity, Event, Place, Severity, Span, Warning,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One output line: an annotated article, or an error record for input that could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    Article(Box<ArticleRecord>),
    Error(ErrorRecord),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub schema: String,
    pub id: String,
    pub language: String,
    pub published: Option<String>,
    pub published_inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub outlet: Option<String>,
    pub source: SourceRecord,
    pub text: String,
    pub sentences: Vec<SpanRecord>,
    pub entities: Vec<EntityRecord>,
    pub times: Vec<TimeRecord>,
    pub amounts: Vec<AmountRecord>,
    pub events: Vec<EventRecord>,
    pub checks: Vec<CheckRecord>,
    pub warnings: Vec<Warning>,
    #[serde(skip_serializing_if = "Map::is_empty", default)]
    pub meta: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub agency: Option<String>,
    pub dateline: Option<String>,
    pub dateline_place: Option<Place>,
    pub wire_credit: Vec<String>,
    pub byline_code: Option<String>,
    pub reporter: Option<String>,
    pub editor: Option<String>,
    pub copyright: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub code: Option<String>,
    pub place: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub refers_to: Option<usize>,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<String>,
    pub granularity: Option<String>,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub sentence: usize,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub trigger: TriggerRecord,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub modality: crate::Modality,
    pub date: Option<String>,
    pub place: Option<Place>,
    pub rule: String,
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub kind: String,
    pub severity: Severity,
    pub spans: Vec<[usize; 2]>,
    pub message: String,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    pub schema: String,
    pub id: Option<String>,
    pub error: ErrorInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Stable machine-readable kind: `invalid_json`, `empty_text`, `line_too_long`, `not_text`, `io`, ...
    pub kind: String,
    pub message: String,
    /// 1-based input line (JSON Lines) when known.
    pub line: Option<u64>,
    /// The file the record came from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub origin: Option<String>,
}

impl Record {
    /// The record for input that could not be processed.
    pub fn error(
        id: Option<String>,
        kind: &str,
        message: impl Into<String>,
        line: Option<u64>,
        origin: Option<String>,
    ) -> Self {
        Record::Error(ErrorRecord {
            schema: crate::SCHEMA.to_string(),
            id,
            error: ErrorInfo {
                kind: kind.to_string(),
                message: message.into(),
                line,
                origin,
            },
        })
    }

    /// The record of an annotated document, with every byte span converted to code points.
    pub fn article(doc: &Document, ann: &Annotation) -> Self {
        let idx = CharIndex::new(&doc.text);
        let text = doc.text.as_str();
        let span = |s: Span| {
            let (start, end) = idx.span(s);
            SpanRecord { start, end }
        };
        let mut warnings = doc.warnings.clone();
        warnings.extend(ann.warnings.iter().cloned());
        Record::Article(Box::new(ArticleRecord {
            schema: crate::SCHEMA.to_string(),
            id: doc.id.clone(),
            language: ann.language.clone(),
            published: ann.published.clone(),
            published_inferred: ann.published_inferred,
            url: doc.url.clone(),
            outlet: doc.outlet.clone(),
            source: SourceRecord {
                agency: ann.source.agency.clone(),
                dateline: ann.source.dateline.clone(),
                dateline_place: ann.source.dateline_place.clone(),
                wire_credit: ann.source.wire_credit.clone(),
                byline_code: ann.source.byline_code.clone(),
                reporter: ann.source.reporter.clone(),
                editor: ann.source.editor.clone(),
                copyright: ann.source.copyright.clone(),
            },
            text: doc.text.clone(),
            sentences: ann.sentences.iter().map(|&s| span(s)).collect(),
            entities: ann
                .entities
                .iter()
                .map(|e| entity_record(e, &idx, text))
                .collect(),
            times: ann
                .times
                .iter()
                .map(|t| {
                    let (start, end) = idx.span(t.span);
                    TimeRecord {
                        start,
                        end,
                        text: t.span.text(text).to_string(),
                        value: t.value.clone(),
                        granularity: t.granularity.clone(),
                        rule: t.rule.clone(),
                    }
                })
                .collect(),
            amounts: ann
                .amounts
                .iter()
                .map(|a| {
                    let (start, end) = idx.span(a.span);
                    AmountRecord {
                        start,
                        end,
                        text: a.span.text(text).to_string(),
                        value: a.value,
                        unit: a.unit.clone(),
                        rule: a.rule.clone(),
                    }
                })
                .collect(),
            events: ann
                .events
                .iter()
                .map(|e| event_record(e, &idx, text))
                .collect(),
            checks: ann.checks.iter().map(|c| check_record(c, &idx)).collect(),
            warnings,
            meta: doc.meta.clone(),
        }))
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Record::Error(_))
    }
}

fn entity_record(e: &Entity, idx: &CharIndex, text: &str) -> EntityRecord {
    let (start, end) = idx.span(e.span);
    EntityRecord {
        start,
        end,
        text: e.span.text(text).to_string(),
        kind: e.kind.clone(),
        code: e.code.clone(),
        place: e.place.clone(),
        refers_to: e.refers_to,
        rule: e.rule.clone(),
    }
}

fn event_record(e: &Event, idx: &CharIndex, text: &str) -> EventRecord {
    let actor = |a: &crate::ActorRef| {
        let (start, end) = idx.span(a.span);
        ActorRecord {
            start,
            end,
            text: a.span.text(text).to_string(),
            code: a.code.clone(),
        }
    };
    let (start, end) = idx.span(e.trigger);
    EventRecord {
        sentence: e.sentence,
        source: e.source.as_ref().map(actor),
        target: e.target.as_ref().map(actor),
        trigger: TriggerRecord {
            start,
            end,
            text: e.trigger.text(text).to_string(),
        },
        cameo: e.cameo.clone(),
        root: e.root.clone(),
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        plover: e.plover.clone(),
        modality: e.modality,
        date: e.date.clone(),
        place: e.place.clone(),
        rule: e.rule.clone(),
        mentions: e.mentions,
    }
}

fn check_record(c: &Check, idx: &CharIndex) -> CheckRecord {
    CheckRecord {
        kind: c.kind.clone(),
        severity: c.severity,
        spans: c
            .spans
            .iter()
            .map(|&s| {
                let (a, b) = idx.span(s);
                [a, b]
            })
            .collect(),
        message: c.message.clone(),
        suggestion: c.suggestion.clone(),
    }
}
