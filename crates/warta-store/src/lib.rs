//! The event store: articles, their mentions (entities, times, amounts) and events in one
//! embedded SQLite file; queries, exports (GDELT 2.0, Parquet, CSV, JSON Lines), statistics,
//! and syndicated-duplicate detection (MinHash/LSH) that groups articles into stories.
//!
//! API boundary: the store consumes the `warta/1` output contract ([`warta_core::record`]),
//! never the internal byte-span types. Offsets stored are code points, as in the contract.

mod dedup;
mod export;
mod hash;
mod ingest;
pub mod minhash;
mod query;
mod schema;
mod stats;
pub mod synth;

pub use dedup::{DupPair, DuplicateReport};

/// Small helpers, public for tests and for other front ends.
pub mod query_helpers {
    pub use crate::export::split_actor;
    pub use crate::query::csv_field;
}

pub use export::{export, ExportFormat, GDELT_COLUMNS};
pub use hash::content_hash;
pub use ingest::{IngestOptions, IngestStats, RecodeStats};
pub use query::{truncate, write_rows, EventRow, Filter, OutputFormat, CSV_COLUMNS};
pub use stats::{Period, Stats, StatsGroup, StatsOptions};

use rusqlite::Connection;
use std::path::Path;

/// The warta version that codes articles (stored with each one).
pub const WARTA_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// An open store. One writer at a time; any number of readers (WAL mode).
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the database file and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::setup(conn)
    }

    /// Open an existing store for reading only (query, export, stats): never blocks or is
    /// blocked by a running ingest, which it sees up to its last committed batch.
    pub fn open_readonly(path: &Path) -> Result<Store> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('articles', 'events')",
            [],
            |r| r.get(0),
        )?;
        if tables != 2 {
            return Err(Error::Invalid(format!(
                "{} is not a warta store",
                path.display()
            )));
        }
        Ok(Store { conn })
    }

    /// A private in-memory store (tests, benchmarks).
    pub fn in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers never block the writer and see the last committed batch; a crash loses
        // at most the batch in flight. NORMAL sync is durable across process kills in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::create(&conn)?;
        Ok(Store { conn })
    }

    /// Refresh the query planner's statistics (cheap: sampled). Called after ingest/recode so
    /// that filters pick the most selective index (e.g. `events_pair` for an actor pair).
    pub fn analyze(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 400; ANALYZE;")?;
        Ok(())
    }

    /// The underlying connection, for ad-hoc SQL (read it as the schema in `schema.rs` says).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Article, story, event and mention counts.
    pub fn counts(&self) -> Result<Counts> {
        let one = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            articles: one("SELECT count(*) FROM articles")?,
            stories: one("SELECT count(DISTINCT story) FROM articles")?,
            events: one("SELECT count(*) FROM events")?,
            entities: one("SELECT count(*) FROM entities")?,
            times: one("SELECT count(*) FROM times")?,
            amounts: one("SELECT count(*) FROM amounts")?,
        })
    }
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub articles: u64,
    pub stories: u64,
    pub events: u64,
    pub entities: u64,
    pub times: u64,
    pub amounts: u64,
}
