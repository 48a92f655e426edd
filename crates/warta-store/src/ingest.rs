//! Ingest and recode: annotate with the pipeline, store article + mentions + events in one
//! transaction per batch. Idempotent (articles keyed by content hash) and crash-safe (a batch
//! is committed whole or not at all; a re-run skips what is stored and redoes the rest).

use crate::minhash::{Signature, THRESHOLD};
use crate::{content_hash, Result, Store, WARTA_VERSION};
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use warta_core::record::{ArticleRecord, Record};
use warta_core::{Document, Place};
use warta_pipeline::{resources_version, Pipeline};
use warta_read::Item;

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Articles per transaction (and per parallel annotation batch).
    pub batch: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { batch: 256 }
    }
}

/// Tally of one ingest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestStats {
    /// Input records read.
    pub read: u64,
    /// Articles annotated and stored by this run.
    pub stored: u64,
    /// Articles skipped because they were already stored (same id and text).
    pub already: u64,
    /// Input records that could not be read or annotated (not stored).
    pub errors: u64,
    /// Stored articles that joined an existing story (syndicated near-duplicates).
    pub duplicates: u64,
    /// Events stored by this run.
    pub events: u64,
}

/// Tally of one recode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RecodeStats {
    /// Articles whose versions differed and were re-coded.
    pub recoded: u64,
    /// Articles already coded by this warta and these resources.
    pub current: u64,
    /// Articles the pipeline failed on (left as they were).
    pub errors: u64,
    /// Events after re-coding.
    pub events: u64,
}

/// What the store keeps of an input document besides its record, to re-code it later.
struct Input {
    published: Option<String>,
    language: Option<String>,
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Annotate and store input items. `progress` is called after each committed batch.
    ///
    /// Batches are pipelined: while batch N is written (one transaction, on this thread),
    /// batch N+1 is annotated on the other cores.
    pub fn ingest<I>(
        &mut self,
        pipeline: &Pipeline,
        items: I,
        options: &IngestOptions,
        mut progress: impl FnMut(&IngestStats),
    ) -> Result<IngestStats>
    where
        I: IntoIterator<Item = Item>,
    {
        let mut stats = IngestStats::default();
        let mut items = items.into_iter();
        let batch_size = options.batch.max(1);
        let resources = resources_version();
        let mut pending: Vec<Annotated> = Vec::new();
        let mut pending_hashes: HashSet<String> = HashSet::new();
        loop {
            let batch: Vec<Item> = items.by_ref().take(batch_size).collect();
            if batch.is_empty() && pending.is_empty() {
                return Ok(stats);
            }
            stats.read += batch.len() as u64;
            // Keep only documents not stored yet, not in the batch being written, and not
            // repeated within this batch.
            let mut seen = HashSet::new();
            let mut todo = Vec::new();
            {
                let mut exists = self
                    .conn
                    .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
                for item in batch {
                    match item {
                        Err(_) => stats.errors += 1,
                        Ok(doc) => {
                            let hash = content_hash(&doc.id, &doc.text);
                            if pending_hashes.contains(&hash)
                                || !seen.insert(hash.clone())
                                || exists.exists([&hash])?
                            {
                                stats.already += 1;
                            } else {
                                todo.push((hash, doc));
                            }
                        }
                    }
                }
            }
            let to_write = std::mem::take(&mut pending);
            let conn = &mut self.conn;
            let (annotated, written) = rayon::join(
                || annotate(pipeline, todo),
                || write_batch(conn, to_write, &resources),
            );
            let written = written?;
            stats.stored += written.stored;
            stats.duplicates += written.duplicates;
            stats.events += written.events;
            stats.errors += written.errors;
            if written.batches > 0 {
                progress(&stats);
            }
            pending_hashes = annotated.iter().map(|a| a.hash.clone()).collect();
            pending = annotated;
        }
    }

    /// Store already-annotated `warta/1` records (e.g. the output of `warta annotate`), keyed
    /// and deduplicated like [`Store::ingest`]. Error records are counted, not stored.
    pub fn ingest_records<I>(
        &mut self,
        records: I,
        options: &IngestOptions,
        mut progress: impl FnMut(&IngestStats),
    ) -> Result<IngestStats>
    where
        I: IntoIterator<Item = Record>,
    {
        let mut stats = IngestStats::default();
        let mut records = records.into_iter();
        let batch_size = options.batch.max(1);
        let resources = resources_version();
        loop {
            let batch: Vec<Record> = records.by_ref().take(batch_size).collect();
            if batch.is_empty() {
                return Ok(stats);
            }
            stats.read += batch.len() as u64;
            let sigs: Vec<Option<Signature>> = batch
                .par_iter()
                .map(|r| match r {
                    Record::Article(a) => Signature::of(&a.text),
                    Record::Error(_) => None,
                })
                .collect();
            let tx = self.conn.transaction()?;
            let now = now_unix();
            for (record, sig) in batch.into_iter().zip(sigs) {
                let Record::Article(rec) = record else {
                    stats.errors += 1;
                    continue;
                };
                let hash = content_hash(&rec.id, &rec.text);
                let exists = tx
                    .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?
                    .exists([&hash])?;
                if exists {
                    stats.already += 1;
                    continue;
                }
                let input = Input {
                    published: rec.published.clone().filter(|_| !rec.published_inferred),
                    language: Some(rec.language.clone()),
                };
                let joined =
                    insert_article(&tx, &rec, &hash, sig.as_ref(), &input, &resources, now)?;
                stats.stored += 1;
                stats.duplicates += u64::from(joined);
                stats.events += rec.events.len() as u64;
            }
            tx.commit()?;
            progress(&stats);
        }
    }

    /// How many stored articles were coded by another warta or other resources.
    pub fn stale(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles WHERE warta_version <> ?1 OR resources_version <> ?2",
            params![WARTA_VERSION, resources_version()],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// Re-code, from their stored text, the articles coded by another warta version or other
    /// resources (all articles with `force`), replacing their mentions and events.
    pub fn recode(
        &mut self,
        pipeline: &Pipeline,
        force: bool,
        mut progress: impl FnMut(&RecodeStats),
    ) -> Result<RecodeStats> {
        let resources = resources_version();
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let mut stats = RecodeStats::default();
        let mut last: i64 = 0;
        loop {
            let docs: Vec<(i64, i64, Option<String>, Item)> = {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT aid, story, id, text, input_published, url, outlet, input_language, meta_json
                     FROM articles
                     WHERE aid > ?1 AND (?2 OR warta_version <> ?3 OR resources_version <> ?4)
                     ORDER BY aid LIMIT 256",
                )?;
                let rows = stmt.query_map(params![last, force, WARTA_VERSION, resources], |r| {
                    let meta: Option<String> = r.get(8)?;
                    let meta = meta
                        .and_then(|m| serde_json::from_str(&m).ok())
                        .unwrap_or_default();
                    let id: String = r.get(2)?;
                    let doc = Document {
                        origin: "store".to_string(),
                        id,
                        text: r.get(3)?,
                        published: r.get(4)?,
                        url: r.get(5)?,
                        outlet: r.get(6)?,
                        language: r.get(7)?,
                        meta,
                        line: None,
                        warnings: Vec::new(),
                    };
                    Ok((r.get(0)?, r.get(1)?, doc.outlet.clone(), Ok(doc)))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let Some(&(max_aid, ..)) = docs.last() else {
                break;
            };
            last = max_aid;
            let records: Vec<(i64, i64, Option<String>, Record)> = docs
                .into_par_iter()
                .map(|(aid, story, outlet, item)| (aid, story, outlet, pipeline.record(&item)))
                .collect();
            let tx = self.conn.transaction()?;
            for (aid, story, outlet, record) in records {
                let Record::Article(rec) = record else {
                    stats.errors += 1;
                    continue;
                };
                delete_mentions(&tx, aid)?;
                insert_mentions(&tx, aid, story, outlet.as_deref(), &rec)?;
                tx.prepare_cached(
                    "UPDATE articles SET published = ?2, published_inferred = ?3, language = ?4,
                     source_json = ?5, checks_json = ?6, warnings_json = ?7,
                     warta_version = ?8, resources_version = ?9 WHERE aid = ?1",
                )?
                .execute(params![
                    aid,
                    rec.published,
                    rec.published_inferred,
                    rec.language,
                    serde_json::to_string(&rec.source)?,
                    serde_json::to_string(&rec.checks)?,
                    serde_json::to_string(&rec.warnings)?,
                    WARTA_VERSION,
                    resources,
                ])?;
                stats.recoded += 1;
            }
            tx.commit()?;
            progress(&stats);
        }
        stats.current = (total as u64).saturating_sub(stats.recoded + stats.errors);
        stats.events = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))?
            as u64;
        Ok(stats)
    }
}

/// One annotated input document, ready to be written.
struct Annotated {
    hash: String,
    record: Record,
    sig: Option<Signature>,
    input: Input,
}

/// Annotate documents (and compute their MinHash signatures) on all cores, in input order.
fn annotate(pipeline: &Pipeline, todo: Vec<(String, Document)>) -> Vec<Annotated> {
    todo.into_par_iter()
        .map(|(hash, doc)| {
            let sig = Signature::of(&doc.text);
            let input = Input {
                published: doc.published.clone(),
                language: doc.language.clone(),
            };
            let record = pipeline.record(&Ok(doc));
            Annotated {
                hash,
                record,
                sig,
                input,
            }
        })
        .collect()
}

/// What writing one batch did.
#[derive(Default)]
struct Written {
    batches: u64,
    stored: u64,
    duplicates: u64,
    events: u64,
    errors: u64,
}

/// Write a batch in one transaction (nothing to do for an empty batch).
fn write_batch(
    conn: &mut rusqlite::Connection,
    batch: Vec<Annotated>,
    resources: &str,
) -> Result<Written> {
    let mut w = Written::default();
    if batch.is_empty() {
        return Ok(w);
    }
    let tx = conn.transaction()?;
    let now = now_unix();
    for a in batch {
        match a.record {
            Record::Error(_) => w.errors += 1,
            Record::Article(rec) => {
                let joined =
                    insert_article(&tx, &rec, &a.hash, a.sig.as_ref(), &a.input, resources, now)?;
                w.stored += 1;
                w.duplicates += u64::from(joined);
                w.events += rec.events.len() as u64;
            }
        }
    }
    tx.commit()?;
    w.batches = 1;
    Ok(w)
}

/// The story of a new article: the story of the most similar stored article at or above the
/// threshold (with that similarity), if any.
fn find_story(tx: &Transaction, sig: &Signature) -> Result<Option<(i64, f64)>> {
    let mut candidates: HashSet<i64> = HashSet::new();
    {
        let mut stmt =
            tx.prepare_cached("SELECT article FROM lsh WHERE band = ?1 AND bucket = ?2")?;
        for (band, bucket) in sig.bands() {
            let rows = stmt.query_map(params![band as i64, bucket], |r| r.get::<_, i64>(0))?;
            for aid in rows {
                candidates.insert(aid?);
            }
        }
    }
    let mut best: Option<(i64, f64, i64)> = None;
    let mut stmt = tx.prepare_cached("SELECT story, minhash FROM articles WHERE aid = ?1")?;
    let mut sorted: Vec<i64> = candidates.into_iter().collect();
    sorted.sort_unstable();
    for aid in sorted {
        let row: Option<(i64, Option<Vec<u8>>)> = stmt
            .query_row([aid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((story, Some(blob))) = row else {
            continue;
        };
        let Some(other) = Signature::from_blob(&blob) else {
            continue;
        };
        let sim = sig.similarity(&other);
        if sim >= THRESHOLD && best.is_none_or(|(_, s, _)| sim > s) {
            best = Some((story, sim, aid));
        }
    }
    Ok(best.map(|(story, sim, _)| (story, sim)))
}

/// Insert one article with its mentions and events; returns whether it joined an existing story.
fn insert_article(
    tx: &Transaction,
    rec: &ArticleRecord,
    hash: &str,
    sig: Option<&Signature>,
    input: &Input,
    resources: &str,
    now: i64,
) -> Result<bool> {
    let found = match sig {
        Some(s) => find_story(tx, s)?,
        None => None,
    };
    let meta = (!rec.meta.is_empty())
        .then(|| serde_json::to_string(&rec.meta))
        .transpose()?;
    tx.prepare_cached(
        "INSERT INTO articles (hash, id, url, outlet, published, published_inferred,
            input_published, input_language, language, text, source_json, checks_json,
            warnings_json, meta_json, story, similarity, minhash, warta_version,
            resources_version, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20)",
    )?
    .execute(params![
        hash,
        rec.id,
        rec.url,
        rec.outlet,
        rec.published,
        rec.published_inferred,
        input.published,
        input.language,
        rec.language,
        rec.text,
        serde_json::to_string(&rec.source)?,
        serde_json::to_string(&rec.checks)?,
        serde_json::to_string(&rec.warnings)?,
        meta,
        found.map(|f| f.0).unwrap_or(0),
        found.map(|f| f.1),
        sig.map(Signature::to_blob),
        WARTA_VERSION,
        resources,
        now,
    ])?;
    let aid = tx.last_insert_rowid();
    let story = match found {
        Some((story, _)) => story,
        None => {
            tx.prepare_cached("UPDATE articles SET story = aid WHERE aid = ?1")?
                .execute([aid])?;
            aid
        }
    };
    tx.prepare_cached("INSERT INTO articles_fts (rowid, text) VALUES (?1, ?2)")?
        .execute(params![aid, rec.text])?;
    if let Some(sig) = sig {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO lsh (band, bucket, article) VALUES (?1, ?2, ?3)",
        )?;
        for (band, bucket) in sig.bands() {
            stmt.execute(params![band as i64, bucket, aid])?;
        }
    }
    insert_mentions(tx, aid, story, rec.outlet.as_deref(), rec)?;
    Ok(found.is_some())
}

fn delete_mentions(tx: &Transaction, aid: i64) -> Result<()> {
    for table in ["entities", "times", "amounts", "events"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE article = ?1"))?
            .execute([aid])?;
    }
    Ok(())
}

/// `YYYY-MM-DD` when `s` is one.
pub(crate) fn full_day(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then_some(s)
}

/// The day an event is filed under: its own date when it is a full day, else the article's
/// publication day, else the first day of its (or the article's) month or year.
pub(crate) fn event_day(date: Option<&str>, published: Option<&str>) -> Option<String> {
    if let Some(d) = date
        .and_then(full_day)
        .or_else(|| published.and_then(full_day))
    {
        return Some(d.to_string());
    }
    let partial = date.or(published)?;
    let b = partial.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() == 7 && digits(0..4) && b[4] == b'-' && digits(5..7) {
        Some(format!("{partial}-01"))
    } else if b.len() == 4 && digits(0..4) {
        Some(format!("{partial}-01-01"))
    } else {
        None
    }
}

/// An optional place as its columns: name, country, lat, lon, GeoNames id.
type PlaceCols<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<f64>,
    Option<f64>,
    Option<u32>,
);

fn place_cols(p: &Option<Place>) -> PlaceCols<'_> {
    match p {
        Some(p) => (
            Some(p.name.as_str()),
            Some(p.country.as_str()),
            Some(p.lat),
            Some(p.lon),
            p.geonameid,
        ),
        None => (None, None, None, None, None),
    }
}

pub(crate) fn insert_mentions(
    tx: &Transaction,
    aid: i64,
    story: i64,
    outlet: Option<&str>,
    rec: &ArticleRecord,
) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (article, start, end, text, type, code, refers_to, place_name,
            place_country, lat, lon, geonameid, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for e in &rec.entities {
        let (pn, pc, lat, lon, gid) = place_cols(&e.place);
        stmt.execute(params![
            aid,
            e.start as i64,
            e.end as i64,
            e.text,
            e.kind,
            e.code,
            e.refers_to.map(|r| r as i64),
            pn,
            pc,
            lat,
            lon,
            gid,
            e.rule
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO times (article, start, end, text, value, granularity, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for t in &rec.times {
        stmt.execute(params![
            aid,
            t.start as i64,
            t.end as i64,
            t.text,
            t.value,
            t.granularity,
            t.rule
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO amounts (article, start, end, text, value, unit, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for a in &rec.amounts {
        stmt.execute(params![
            aid,
            a.start as i64,
            a.end as i64,
            a.text,
            a.value,
            a.unit,
            a.rule
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (article, story, outlet, day, sentence, source_code, source_text,
            source_start, source_end, target_code, target_text, target_start, target_end,
            trigger_text, trigger_start, trigger_end, cameo, root, quad_class, goldstein, plover,
            modality, date, place_name, place_country, lat, lon, geonameid, rule, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
    )?;
    let mut codes: HashMap<&str, ()> = HashMap::new();
    for ev in &rec.events {
        codes.insert(ev.cameo.as_str(), ());
        let (pn, pc, lat, lon, gid) = place_cols(&ev.place);
        let day = event_day(ev.date.as_deref(), rec.published.as_deref());
        let src = ev.source.as_ref();
        let tgt = ev.target.as_ref();
        stmt.execute(params![
            aid,
            story,
            outlet,
            day,
            ev.sentence as i64,
            src.and_then(|a| a.code.as_deref()),
            src.map(|a| a.text.as_str()),
            src.map(|a| a.start as i64),
            src.map(|a| a.end as i64),
            tgt.and_then(|a| a.code.as_deref()),
            tgt.map(|a| a.text.as_str()),
            tgt.map(|a| a.start as i64),
            tgt.map(|a| a.end as i64),
            ev.trigger.text,
            ev.trigger.start as i64,
            ev.trigger.end as i64,
            ev.cameo,
            ev.root,
            i64::from(ev.quad_class),
            f64::from(ev.goldstein),
            ev.plover,
            ev.modality.as_str(),
            ev.date,
            pn,
            pc,
            lat,
            lon,
            gid,
            ev.rule,
            i64::from(ev.mentions.max(1)),
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_days() {
        assert_eq!(
            event_day(Some("2015-03-11"), Some("2015-03-12")).as_deref(),
            Some("2015-03-11")
        );
        assert_eq!(
            event_day(Some("2015-05"), Some("2015-03-12")).as_deref(),
            Some("2015-03-12")
        );
        assert_eq!(
            event_day(Some("2015-05"), None).as_deref(),
            Some("2015-05-01")
        );
        assert_eq!(event_day(None, Some("2015")).as_deref(), Some("2015-01-01"));
        assert_eq!(event_day(Some("P70Y"), None), None);
        assert_eq!(event_day(None, None), None);
    }
}
