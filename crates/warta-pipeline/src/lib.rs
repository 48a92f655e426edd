//! The pipeline: reading → text → mentions → events → checks, for one document at a time.
//!
//! [`Pipeline`] holds the loaded resources (gazetteers, models, dictionaries) and is shared by
//! all worker threads. [`Pipeline::record`] never panics: a stage that fails on a document
//! turns into an error record for that document only.

use std::panic::{catch_unwind, AssertUnwindSafe};
use warta_core::record::Record;
use warta_core::{Annotation, Document};
use warta_entities::Recognizer;
use warta_events::Coder;
use warta_read::{Item, ReadError};
use warta_text::TextDoc;

/// A stable hash of every dictionary, table and model the stages embed (all files under
/// `crates/*/data/` and `crates/*/model(s)/`, hashed at build time): stored with each
/// article so that articles coded with other resources can be found and re-coded.
pub fn resources_version() -> String {
    env!("WARTA_RESOURCES_VERSION").to_string()
}

pub struct Pipeline {
    recognizer: Recognizer,
    coder: Coder,
}

impl Pipeline {
    /// Load every resource compiled into the binary.
    pub fn new() -> Self {
        Pipeline {
            recognizer: Recognizer::new(),
            coder: Coder::new(),
        }
    }

    /// Annotate one document.
    pub fn annotate(&self, doc: &Document) -> Annotation {
        let mut text = TextDoc::analyse(&doc.text, doc.published.as_deref());
        let published_inferred = text.published.is_none() && infer_published(&mut text);
        if let Some(dateline) = text.source.dateline.clone() {
            text.source.dateline_place = self.recognizer.geocode(&dateline);
        }
        let entities = self.recognizer.recognize(&text);
        let times = warta_time::extract(&text);
        let amounts = warta_amount::extract(&text);
        let events = self.coder.code(&text, &entities, &times);
        let checks = warta_checks::run(&text, &amounts, &times);
        Annotation {
            language: doc
                .language
                .clone()
                .unwrap_or_else(|| text.language.to_string()),
            published: text.published.clone(),
            published_inferred,
            sentences: text.sentences.iter().map(|s| s.span).collect(),
            source: text.source,
            entities,
            times,
            amounts,
            events,
            checks,
            warnings: Vec::new(),
        }
    }

    /// The output record of one input item; a panic in a stage becomes an `internal` error record.
    pub fn record(&self, item: &Item) -> Record {
        match item {
            Err(e) => error_record(e),
            Ok(doc) => match catch_unwind(AssertUnwindSafe(|| self.annotate(doc))) {
                Ok(ann) => Record::article(doc, &ann),
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    Record::error(
                        Some(doc.id.clone()),
                        "internal",
                        format!("warta failed on this document (a bug, please report): {what}"),
                        doc.line,
                        Some(doc.origin.clone()),
                    )
                }
            },
        }
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

/// The error record for an unreadable input record.
pub fn error_record(e: &ReadError) -> Record {
    Record::error(
        e.id.clone(),
        e.kind,
        e.message.clone(),
        e.line,
        Some(e.origin.clone()),
    )
}

/// Without a publication date, take the year from a copyright line (`Copyright © ANTARA 2015`).
/// Returns whether a date was inferred; it is stored as the year alone.
fn infer_published(text: &mut TextDoc) -> bool {
    let year = text.source.copyright.as_deref().and_then(|c| {
        c.split(|ch: char| !ch.is_ascii_digit())
            .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
            .map(str::to_string)
    });
    match year {
        Some(y) => {
            text.published = Some(y);
            true
        }
        None => false,
    }
}

/// Items processed per parallel batch: large enough to keep every core busy, small enough to
/// bound memory (a batch of news articles is a few MB).
pub const BATCH: usize = 256;

/// Tally of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    pub records: u64,
    pub errors: u64,
    pub bytes: u64,
}

/// Annotate a stream of items on all cores and hand each output line (without its newline) to
/// `sink` in input order. Deterministic: the output does not depend on the thread count.
pub fn annotate_stream<I, F>(
    pipeline: &Pipeline,
    items: I,
    mut sink: F,
) -> std::io::Result<RunStats>
where
    I: IntoIterator<Item = Item>,
    F: FnMut(&str, &RunStats) -> std::io::Result<()>,
{
    use rayon::prelude::*;
    let mut stats = RunStats::default();
    let mut items = items.into_iter();
    loop {
        let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return Ok(stats);
        }
        let lines: Vec<(String, bool, usize)> = batch
            .par_iter()
            .map(|item| {
                let record = pipeline.record(item);
                let line = serde_json::to_string(&record).unwrap_or_else(|e| {
                    let fallback = Record::error(
                        None,
                        "internal",
                        format!("cannot serialise record: {e}"),
                        None,
                        None,
                    );
                    serde_json::to_string(&fallback).unwrap_or_default()
                });
                let bytes = item.as_ref().map(|d| d.text.len()).unwrap_or(0);
                (line, record.is_error(), bytes)
            })
            .collect();
        for (line, is_error, bytes) in lines {
            stats.records += 1;
            stats.errors += u64::from(is_error);
            stats.bytes += bytes as u64;
            sink(&line, &stats)?;
        }
    }
}
