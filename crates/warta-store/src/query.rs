//! Event queries: filters over the `events` table, aggregated by story (GDELT-style counts),
//! and their rendering as a terminal table, JSON Lines or CSV.

use crate::{Error, Result, Store};
use rusqlite::types::Value;
use std::io::Write;

/// Which events to return. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Source actor codes or prefixes (`IDN`, `RUSGOV`); any of them matches.
    pub source: Vec<String>,
    /// Target actor codes or prefixes.
    pub target: Vec<String>,
    /// Actor codes or prefixes on either side (source or target).
    pub actor: Vec<String>,
    /// CAMEO codes or prefixes (`03` = the whole root, `0311`).
    pub code: Vec<String>,
    /// QuadClass 1-4.
    pub quad: Option<u8>,
    /// First day (YYYY-MM-DD), inclusive.
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD), inclusive.
    pub to: Option<String>,
    /// Place name (case-insensitive substring) or ISO alpha-3 country of the event.
    pub place: Option<String>,
    /// asserted | future | negated | intended | conditional.
    pub modality: Option<String>,
    /// SQLite FTS5 query over article texts (`banjir`, `"kerja sama perbatasan"`, `rusia AND korea`).
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
    /// One row per article's event instead of one per story's event.
    pub per_article: bool,
}

/// One event as returned by a query: a story's event with its GDELT-style counts (or one
/// article's event with `per_article`), and the article it was first stored from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRow {
    /// GLOBALEVENTID: the lowest event row id of the group.
    pub event_id: i64,
    pub story: i64,
    pub article_id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub day: Option<String>,
    pub sentence: i64,
    pub source_code: Option<String>,
    pub source_text: Option<String>,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    pub trigger: String,
    pub cameo: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub modality: String,
    pub date: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<i64>,
    pub rule: String,
    /// Times the event is stated, over all articles of the story.
    pub num_mentions: i64,
    /// Articles of the story that state it.
    pub num_articles: i64,
    /// Distinct outlets among those articles.
    pub num_sources: i64,
    /// When the first article was stored (Unix seconds).
    pub ingested_at: i64,
}

/// Output format of `warta query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Csv,
}

/// Upper-case alphanumeric code or prefix, or an error naming the option.
fn clean_code(code: &str, what: &str) -> Result<String> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::Invalid(format!(
            "--{what} {code:?}: expected a code or prefix of letters and digits"
        )));
    }
    Ok(c)
}

/// The exclusive upper bound of all strings starting with `prefix` (ASCII).
fn prefix_end(prefix: &str) -> String {
    let mut b = prefix.as_bytes().to_vec();
    if let Some(last) = b.last_mut() {
        *last += 1;
    }
    String::from_utf8(b).unwrap_or_default()
}

fn check_day(d: &str, what: &str) -> Result<()> {
    if crate::ingest::full_day(d).is_some() {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "--{what} {d:?}: expected YYYY-MM-DD"
        )))
    }
}

impl Filter {
    /// The WHERE clause over `events e` and its parameters.
    pub(crate) fn where_sql(&self) -> Result<(String, Vec<Value>)> {
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if !self.actor.is_empty() {
            let mut ors = Vec::new();
            for c in &self.actor {
                let c = clean_code(c, "actor")?;
                let end = prefix_end(&c);
                for column in ["source_code", "target_code"] {
                    ors.push(format!("(e.{column} >= ? AND e.{column} < ?)"));
                    params.push(Value::Text(c.clone()));
                    params.push(Value::Text(end.clone()));
                }
            }
            parts.push(format!("({})", ors.join(" OR ")));
        }
        let mut prefixes = |codes: &[String], column: &str, what: &str| -> Result<()> {
            if codes.is_empty() {
                return Ok(());
            }
            let mut ors = Vec::new();
            for c in codes {
                let c = clean_code(c, what)?;
                ors.push(format!("({column} >= ? AND {column} < ?)"));
                let end = prefix_end(&c);
                params.push(Value::Text(c));
                params.push(Value::Text(end));
            }
            parts.push(format!("({})", ors.join(" OR ")));
            Ok(())
        };
        // With a source filter, the (source, target, day) index serves the pair: the unary `+`
        // keeps SQLite (which has no statistics on bound values) from choosing the target index.
        let target = if self.source.is_empty() {
            "e.target_code"
        } else {
            "+e.target_code"
        };
        prefixes(&self.source, "e.source_code", "source")?;
        prefixes(&self.target, target, "target")?;
        prefixes(&self.code, "e.cameo", "code")?;
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(Error::Invalid(format!("--quad {q}: expected 1 to 4")));
            }
            parts.push("e.quad_class = ?".into());
            params.push(Value::Integer(i64::from(q)));
        }
        if let Some(d) = &self.from {
            check_day(d, "from")?;
            parts.push("e.day >= ?".into());
            params.push(Value::Text(d.clone()));
        }
        if let Some(d) = &self.to {
            check_day(d, "to")?;
            parts.push("e.day <= ?".into());
            params.push(Value::Text(d.clone()));
        }
        if let Some(p) = &self.place {
            parts.push("(e.place_country = ? OR e.place_name LIKE ?)".into());
            params.push(Value::Text(p.trim().to_ascii_uppercase()));
            params.push(Value::Text(format!("%{}%", p.trim())));
        }
        if let Some(m) = &self.modality {
            let m = m.trim().to_ascii_lowercase();
            let known = ["asserted", "future", "negated", "intended", "conditional"];
            if !known.contains(&m.as_str()) {
                return Err(Error::Invalid(format!(
                    "--modality {m:?}: expected one of {}",
                    known.join(", ")
                )));
            }
            parts.push("e.modality = ?".into());
            params.push(Value::Text(m));
        }
        if let Some(t) = &self.text {
            parts.push(
                "e.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".into(),
            );
            params.push(Value::Text(t.clone()));
        }
        let sql = if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join(" AND ")
        };
        Ok((sql, params))
    }

    /// The events matching the filter, grouped by story event unless `per_article`: a SELECT
    /// whose columns are those of `events` plus `n_mentions`, `n_articles`, `n_sources`.
    pub(crate) fn grouped_sql(&self) -> Result<(String, Vec<Value>)> {
        let (cond, params) = self.where_sql()?;
        let group = if self.per_article {
            "e.eid"
        } else {
            "e.story, e.source_code, e.target_code, e.cameo, e.modality, e.date"
        };
        let sql = format!(
            "SELECT min(e.eid) AS eid, e.story, e.article, e.outlet, e.day, e.sentence,
                e.source_code, e.source_text, e.target_code, e.target_text, e.trigger_text,
                e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.modality, e.date,
                e.place_name, e.place_country, e.lat, e.lon, e.geonameid, e.rule,
                sum(e.mentions) AS n_mentions, count(DISTINCT e.article) AS n_articles,
                count(DISTINCT coalesce(e.outlet, '#' || e.article)) AS n_sources
             FROM events e WHERE {cond} GROUP BY {group}"
        );
        Ok((sql, params))
    }

    /// The full query, with the article's id, url and publication date, ordered by day.
    pub(crate) fn sql(&self, limit: Option<usize>) -> Result<(String, Vec<Value>)> {
        let (grouped, params) = self.grouped_sql()?;
        let limit = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT g.eid, g.story, a.id, a.url, g.outlet, a.published, g.day, g.sentence,
                g.source_code, g.source_text, g.target_code, g.target_text, g.trigger_text,
                g.cameo, g.root, g.quad_class, g.goldstein, g.plover, g.modality, g.date,
                g.place_name, g.place_country, g.lat, g.lon, g.geonameid, g.rule,
                g.n_mentions, g.n_articles, g.n_sources, a.ingested_at
             FROM ({grouped}) g JOIN articles a ON a.aid = g.article
             ORDER BY g.day, g.eid{limit}"
        );
        Ok((sql, params))
    }
}

fn row_of(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        event_id: r.get(0)?,
        story: r.get(1)?,
        article_id: r.get(2)?,
        url: r.get(3)?,
        outlet: r.get(4)?,
        published: r.get(5)?,
        day: r.get(6)?,
        sentence: r.get(7)?,
        source_code: r.get(8)?,
        source_text: r.get(9)?,
        target_code: r.get(10)?,
        target_text: r.get(11)?,
        trigger: r.get(12)?,
        cameo: r.get(13)?,
        root: r.get(14)?,
        quad_class: r.get(15)?,
        goldstein: r.get(16)?,
        plover: r.get(17)?,
        modality: r.get(18)?,
        date: r.get(19)?,
        place_name: r.get(20)?,
        place_country: r.get(21)?,
        lat: r.get(22)?,
        lon: r.get(23)?,
        geonameid: r.get(24)?,
        rule: r.get(25)?,
        num_mentions: r.get(26)?,
        num_articles: r.get(27)?,
        num_sources: r.get(28)?,
        ingested_at: r.get(29)?,
    })
}

impl Store {
    /// SQLite's query plan for `filter` (which indexes it uses).
    pub fn explain(&self, filter: &Filter) -> Result<Vec<String>> {
        let (sql, params) = filter.sql(filter.limit)?;
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events matching `filter`, ordered by day, at most `filter.limit`.
    pub fn query(&self, filter: &Filter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(filter, filter.limit, |row| {
            out.push(row);
            Ok(())
        })?;
        Ok(out)
    }

    /// Stream the events matching `filter` (up to `limit`) to `f`, without collecting them.
    pub fn for_each_event(
        &self,
        filter: &Filter,
        limit: Option<usize>,
        mut f: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<u64> {
        let (sql, params) = filter.sql(limit)?;
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            f(row_of(r)?)?;
            n += 1;
        }
        Ok(n)
    }
}

/// CSV header and fields of [`EventRow`], in order.
pub const CSV_COLUMNS: [&str; 30] = [
    "event_id",
    "story",
    "article_id",
    "url",
    "outlet",
    "published",
    "day",
    "sentence",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "trigger",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "modality",
    "date",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "geonameid",
    "rule",
    "num_mentions",
    "num_articles",
    "num_sources",
    "ingested_at",
];

impl EventRow {
    /// The fields in [`CSV_COLUMNS`] order, as text (empty when absent).
    pub fn fields(&self) -> Vec<String> {
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        vec![
            self.event_id.to_string(),
            self.story.to_string(),
            self.article_id.clone(),
            o(&self.url),
            o(&self.outlet),
            o(&self.published),
            o(&self.day),
            self.sentence.to_string(),
            o(&self.source_code),
            o(&self.source_text),
            o(&self.target_code),
            o(&self.target_text),
            self.trigger.clone(),
            self.cameo.clone(),
            self.root.clone(),
            self.quad_class.to_string(),
            format!("{:.1}", self.goldstein),
            o(&self.plover),
            self.modality.clone(),
            o(&self.date),
            o(&self.place_name),
            o(&self.place_country),
            f(self.lat),
            f(self.lon),
            self.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            self.rule.clone(),
            self.num_mentions.to_string(),
            self.num_articles.to_string(),
            self.num_sources.to_string(),
            self.ingested_at.to_string(),
        ]
    }
}

/// One CSV field (RFC 4180 quoting when needed).
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

pub(crate) fn write_csv_line(out: &mut dyn Write, fields: &[String]) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(csv_field(f).as_bytes())?;
    }
    out.write_all(b"\n")
}

/// At most `width` characters, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() <= width {
        return s;
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// Print rows as `format`. `more` says whether more rows matched than were printed.
pub fn write_rows(
    out: &mut dyn Write,
    rows: &[EventRow],
    format: OutputFormat,
    more: bool,
) -> Result<()> {
    match format {
        OutputFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        OutputFormat::Csv => {
            let header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
            write_csv_line(out, &header)?;
            for r in rows {
                write_csv_line(out, &r.fields())?;
            }
        }
        OutputFormat::Table => write_table(out, rows, more)?,
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, rows: &[EventRow], more: bool) -> std::io::Result<()> {
    let header = [
        "DAY", "SOURCE", "TARGET", "CAMEO", "Q", "GOLD", "MODALITY", "MEN", "ART", "SRC", "PLACE",
        "TRIGGER", "ACTORS", "ARTICLE",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let o = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
            let actors = format!(
                "{} → {}",
                r.source_text.as_deref().unwrap_or("?"),
                r.target_text.as_deref().unwrap_or("?")
            );
            vec![
                o(&r.day),
                o(&r.source_code),
                o(&r.target_code),
                r.cameo.clone(),
                r.quad_class.to_string(),
                format!("{:+.1}", r.goldstein),
                r.modality.clone(),
                r.num_mentions.to_string(),
                r.num_articles.to_string(),
                r.num_sources.to_string(),
                truncate(r.place_name.as_deref().unwrap_or("-"), 16),
                truncate(&r.trigger, 20),
                truncate(&actors, 36),
                truncate(&r.article_id, 24),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    // numeric columns right-aligned
    let right = [
        false, false, false, false, true, true, false, true, true, true,
    ];
    let line = |cols: &[String]| -> String {
        let mut s = String::new();
        for (i, (c, w)) in cols.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let pad = w - c.chars().count();
            if right.get(i).copied().unwrap_or(false) {
                s.extend(std::iter::repeat_n(' ', pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cols.len() {
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        s
    };
    let head: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    writeln!(out, "{}", line(&head))?;
    for row in &cells {
        writeln!(out, "{}", line(row))?;
    }
    let stories: std::collections::HashSet<i64> = rows.iter().map(|r| r.story).collect();
    let articles: i64 = rows.iter().map(|r| r.num_articles).sum();
    writeln!(
        out,
        "{} event{} from {} stor{} ({} article mentions){}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
        articles,
        if more {
            "; more match: raise --limit"
        } else {
            ""
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_become_ranges() {
        assert_eq!(prefix_end("RUS"), "RUT");
        assert_eq!(prefix_end("03"), "04");
        let f = Filter {
            source: vec!["rus".into()],
            ..Filter::default()
        };
        let (sql, params) = f.where_sql().unwrap();
        assert!(sql.contains("source_code >= ?"));
        assert_eq!(
            params,
            vec![Value::Text("RUS".into()), Value::Text("RUT".into())]
        );
    }

    #[test]
    fn bad_filters_are_refused() {
        let bad = |f: Filter| f.where_sql().is_err();
        assert!(bad(Filter {
            source: vec!["RUS'--".into()],
            ..Filter::default()
        }));
        assert!(bad(Filter {
            quad: Some(5),
            ..Filter::default()
        }));
        assert!(bad(Filter {
            from: Some("2015/03/01".into()),
            ..Filter::default()
        }));
        assert!(bad(Filter {
            modality: Some("maybe".into()),
            ..Filter::default()
        }));
    }

    #[test]
    fn csv_quotes_when_needed() {
        assert_eq!(csv_field("abc"), "abc");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("Jakarta", 10), "Jakarta");
        assert_eq!(truncate("Kementerian luar negeri", 10), "Kementeri…");
        assert_eq!(truncate("ééééé", 3).chars().count(), 3);
    }
}
