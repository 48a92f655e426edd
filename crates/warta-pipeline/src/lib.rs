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
    ///
    /// The actor recognizer (the largest) loads on this thread while a second one loads the
    /// coder and warms the lazily loaded text, time and amount tables. (The exchange-rate
    /// table is left to load on first use: it takes longer than the recognizer, and most
    /// single articles never need it.)
    pub fn new() -> Self {
        std::thread::scope(|scope| {
            let coder = scope.spawn(|| {
                let coder = Coder::new();
                let warm = "Senin (3/4) pukul 10.00 WIB, ke-2, naik 10 persen.";
                let text = TextDoc::analyse(warm, Some("2017-04-05"));
                let _ = warta_time::extract(&text);
                let _ = warta_amount::extract(&text);
                coder
            });
            let recognizer = Recognizer::new();
            let coder = coder
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            Pipeline { recognizer, coder }
        })
    }

    /// Annotate one document.
    pub fn annotate(&self, doc: &Document) -> Annotation {
        self.annotate_observed(doc, &mut |_| {})
    }

    /// [`Pipeline::annotate`], calling `done` as each stage ends: timing tools
    /// (`examples/stages.rs`) observe the real sequence instead of keeping a copy of it.
    pub fn annotate_observed(&self, doc: &Document, done: &mut dyn FnMut(Stage)) -> Annotation {
        let mut text = TextDoc::analyse(&doc.text, doc.published.as_deref());
        let published_inferred = text.published.is_none() && infer_published(&mut text);
        done(Stage::Analyse);
        if let Some(dateline) = text.source.dateline.clone() {
            text.source.dateline_place = self.recognizer.geocode(&dateline);
        }
        let entities = self.recognizer.recognize(&text);
        done(Stage::Recognize);
        // Times and amounts read the same number-aware lexing of the body: lex it once
        // (what `warta_time::extract` and `warta_amount::extract` each do on their own).
        let toks = warta_amount::lex::Toks::new(text.text, text.body);
        done(Stage::NumberLex);
        let times =
            warta_time::extract_toks(&toks, warta_time::Anchor::parse(text.published.as_deref()));
        done(Stage::Times);
        let amounts = warta_amount::extract_toks(&toks, text.language == "en");
        drop(toks);
        done(Stage::Amounts);
        let events = self.coder.code(&text, &entities, &times);
        done(Stage::Code);
        let checks = warta_checks::run(&text, &amounts, &times);
        done(Stage::Checks);
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

/// The stages of [`Pipeline::annotate`], declared in the order they run (`stage as usize`
/// indexes [`Stage::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Text analysis (tokens, sentences, furniture, language) and the publication date.
    Analyse,
    /// Dateline geocoding and the entity recognizer.
    Recognize,
    /// The number-aware lexing shared by times and amounts.
    NumberLex,
    Times,
    Amounts,
    /// The event coder.
    Code,
    Checks,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Analyse,
        Stage::Recognize,
        Stage::NumberLex,
        Stage::Times,
        Stage::Amounts,
        Stage::Code,
        Stage::Checks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Analyse => "analyse",
            Stage::Recognize => "recognize",
            Stage::NumberLex => "numlex",
            Stage::Times => "times",
            Stage::Amounts => "amounts",
            Stage::Code => "code",
            Stage::Checks => "checks",
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

/// One annotated item: its output line, whether it is an error record, its text's bytes.
type Line = (String, bool, usize);

/// Annotate a stream of items on all cores and hand each output line (without its newline) to
/// `sink` in input order. Deterministic: the output does not depend on the thread count.
///
/// Three stages overlap: a reader thread collects the next batch, the rayon pool annotates the
/// current one, and the calling thread hands the previous one to `sink`, so neither reading nor
/// writing leaves the cores idle. At most three batches are in memory at once.
pub fn annotate_stream<I, F>(
    pipeline: &Pipeline,
    items: I,
    mut sink: F,
) -> std::io::Result<RunStats>
where
    I: IntoIterator<Item = Item>,
    I::IntoIter: Send,
    F: FnMut(&str, &RunStats) -> std::io::Result<()>,
{
    use std::sync::mpsc::sync_channel;
    let mut stats = RunStats::default();
    let items = items.into_iter();
    std::thread::scope(|scope| {
        let (batch_tx, batch_rx) = sync_channel::<Vec<Item>>(1);
        let (lines_tx, lines_rx) = sync_channel::<Vec<Line>>(1);
        scope.spawn(move || {
            let mut items = items;
            loop {
                let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
                // A closed channel means the sink failed: stop reading.
                if batch.is_empty() || batch_tx.send(batch).is_err() {
                    return;
                }
            }
        });
        scope.spawn(move || {
            for batch in batch_rx {
                if lines_tx.send(annotate_batch(pipeline, &batch)).is_err() {
                    return;
                }
            }
        });
        for lines in lines_rx {
            for (line, is_error, bytes) in lines {
                stats.records += 1;
                stats.errors += u64::from(is_error);
                stats.bytes += bytes as u64;
                // Returning drops `lines_rx`, which stops the other two stages.
                sink(&line, &stats)?;
            }
        }
        Ok(stats)
    })
}

/// Annotate one batch on the rayon pool; lines in input order.
fn annotate_batch(pipeline: &Pipeline, batch: &[Item]) -> Vec<Line> {
    use rayon::prelude::*;
    batch
        .par_iter()
        .map(|item| {
            let record = pipeline.record(item);
            let bytes = item.as_ref().map(|d| d.text.len()).unwrap_or(0);
            // One allocation for most lines: the output is a few times the text's size.
            let mut buf = Vec::with_capacity(bytes * 3 + 2048);
            let line = match serde_json::to_writer(&mut buf, &record) {
                // serde_json writes valid UTF-8.
                Ok(()) => String::from_utf8(buf).unwrap_or_default(),
                Err(e) => {
                    let fallback = Record::error(
                        None,
                        "internal",
                        format!("cannot serialise record: {e}"),
                        None,
                        None,
                    );
                    serde_json::to_string(&fallback).unwrap_or_default()
                }
            };
            (line, record.is_error(), bytes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    return Err(ReadError {
                        kind: "invalid_json",
                        message: "bad".into(),
                        origin: "t.jsonl".into(),
                        line: Some(i as u64 + 1),
                        id: Some(format!("doc{i}")),
                    });
                }
                Ok(Document {
                    id: format!("doc{i}"),
                    text: format!("Harga naik {i} persen pada Senin (3/4), kata menteri."),
                    published: Some("2017-04-05".into()),
                    origin: "t.jsonl".into(),
                    ..Document::default()
                })
            })
            .collect()
    }

    #[test]
    fn stream_keeps_input_order_across_batches() {
        let pipeline = Pipeline::new();
        let n = BATCH * 2 + 5;
        let mut ids = Vec::new();
        let stats = annotate_stream(&pipeline, items(n), |line, _| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            ids.push(v["id"].as_str().unwrap_or("").to_string());
            Ok(())
        })
        .expect("no sink error");
        let want: Vec<String> = (0..n).map(|i| format!("doc{i}")).collect();
        assert_eq!(ids.len(), n);
        assert_eq!(ids, want);
        assert_eq!(stats.records, n as u64);
        assert_eq!(stats.errors, (0..n).filter(|i| i % 7 == 3).count() as u64);
    }

    #[test]
    fn sink_error_stops_the_stream() {
        let pipeline = Pipeline::new();
        let mut seen = 0;
        let result = annotate_stream(&pipeline, items(BATCH * 4), |_, _| {
            seen += 1;
            if seen == 10 {
                return Err(std::io::Error::other("disk full"));
            }
            Ok(())
        });
        assert_eq!(
            result.err().map(|e| e.to_string()),
            Some("disk full".into())
        );
        assert_eq!(seen, 10);
    }
}
