//! The database schema. Offsets are code points (the `warta/1` contract's), dates ISO.
//!
//! - `articles`: one row per stored article, keyed by `hash` (content hash of id + text);
//!   `story` is the article id (`aid`) of the first article of its syndicated-duplicate group;
//!   `warta_version`/`resources_version` say what coded it.
//! - `entities`, `times`, `amounts`: mentions, one row each, with `article` = `articles.aid`.
//! - `events`: one row per coded event of an article, with the article's `story`, `outlet`
//!   and the event's `day` (its own date when a full day, else the article's publication date)
//!   copied in, so that filters and story aggregation need no join.
//! - `lsh`: MinHash band buckets of every article, to find near-duplicates at ingest.
//! - `articles_fts`: FTS5 full-text index over article texts (external content).

use rusqlite::Connection;

pub const SCHEMA_VERSION: &str = "1";

const DDL: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    aid INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    input_published TEXT,
    input_language TEXT,
    language TEXT,
    text TEXT NOT NULL,
    source_json TEXT,
    checks_json TEXT,
    warnings_json TEXT,
    meta_json TEXT,
    story INTEGER NOT NULL,
    similarity REAL,
    minhash BLOB,
    warta_version TEXT NOT NULL,
    resources_version TEXT NOT NULL,
    ingested_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE INDEX IF NOT EXISTS articles_versions ON articles(warta_version, resources_version);
CREATE TABLE IF NOT EXISTS lsh (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    article INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    code TEXT,
    refers_to INTEGER,
    place_name TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article);
CREATE INDEX IF NOT EXISTS entities_code ON entities(code);
CREATE TABLE IF NOT EXISTS times (
    article INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    granularity TEXT,
    rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS times_article ON times(article);
CREATE TABLE IF NOT EXISTS amounts (
    article INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS amounts_article ON amounts(article);
CREATE TABLE IF NOT EXISTS events (
    eid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    story INTEGER NOT NULL,
    outlet TEXT,
    day TEXT,
    sentence INTEGER NOT NULL,
    source_code TEXT,
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    target_code TEXT,
    target_text TEXT,
    target_start INTEGER,
    target_end INTEGER,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover TEXT,
    modality TEXT NOT NULL,
    date TEXT,
    place_name TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    rule TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_pair ON events(source_code, target_code, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, day);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    text, content='articles', content_rowid='aid', tokenize='unicode61 remove_diacritics 2'
);
";

pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(DDL)?;
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION],
    )?;
    Ok(())
}
