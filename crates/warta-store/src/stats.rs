//! Statistics for analysts: story events per day/week/month by CAMEO root or QuadClass,
//! average Goldstein, and the top actor pairs; for the events a [`Filter`] selects (e.g. one
//! actor with `Filter::actor`, or a pair with `source` + `target`).

use crate::query::Filter;
use crate::{Result, Store};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsGroup {
    Root,
    Quad,
}

#[derive(Debug, Clone)]
pub struct StatsOptions {
    pub filter: Filter,
    pub period: Period,
    pub group: StatsGroup,
    /// How many actor pairs to list.
    pub top: usize,
}

/// One cell of the time series.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SeriesRow {
    pub period: String,
    /// CAMEO root (`05`) or QuadClass (`1`..`4`).
    pub group: String,
    pub events: i64,
    pub mentions: i64,
    pub avg_goldstein: f64,
}

/// One actor pair (events with both actors coded).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PairRow {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub mentions: i64,
    pub avg_goldstein: f64,
}

/// What `warta stats` prints.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Stats {
    /// Story events (syndicated copies counted once).
    pub events: i64,
    pub stories: i64,
    pub mentions: i64,
    pub avg_goldstein: Option<f64>,
    pub period: &'static str,
    pub group: &'static str,
    pub series: Vec<SeriesRow>,
    pub top_pairs: Vec<PairRow>,
}

impl Store {
    pub fn stats(&self, options: &StatsOptions) -> Result<Stats> {
        let (grouped, params) = options.filter.grouped_sql()?;
        let (period_sql, period) = match options.period {
            Period::Day => ("day", "day"),
            Period::Week => ("strftime('%Y-W%W', day)", "week"),
            Period::Month => ("substr(day, 1, 7)", "month"),
        };
        let (group_sql, group) = match options.group {
            StatsGroup::Root => ("root", "root"),
            StatsGroup::Quad => ("CAST(quad_class AS TEXT)", "quad"),
        };
        let p = || rusqlite::params_from_iter(params.iter());
        let (events, stories, mentions, avg_goldstein) = self.conn.query_row(
            &format!(
                "SELECT count(*), count(DISTINCT story), coalesce(sum(n_mentions), 0), avg(goldstein)
                 FROM ({grouped})"
            ),
            p(),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT coalesce({period_sql}, '-') AS p, {group_sql} AS g, count(*), sum(n_mentions),
                avg(goldstein)
             FROM ({grouped}) GROUP BY p, g ORDER BY p, g"
        ))?;
        let series = stmt
            .query_map(p(), |r| {
                Ok(SeriesRow {
                    period: r.get(0)?,
                    group: r.get(1)?,
                    events: r.get(2)?,
                    mentions: r.get(3)?,
                    avg_goldstein: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT coalesce(source_code, '-') AS s, coalesce(target_code, '-') AS t, count(*) AS n,
                sum(n_mentions), avg(goldstein)
             FROM ({grouped}) WHERE source_code IS NOT NULL AND target_code IS NOT NULL
             GROUP BY s, t ORDER BY n DESC, s, t LIMIT {}",
            options.top
        ))?;
        let top_pairs = stmt
            .query_map(p(), |r| {
                Ok(PairRow {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events: r.get(2)?,
                    mentions: r.get(3)?,
                    avg_goldstein: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Stats {
            events,
            stories,
            mentions,
            avg_goldstein,
            period,
            group,
            series,
            top_pairs,
        })
    }
}

impl Stats {
    /// The statistics as aligned text tables.
    pub fn write_table(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{} story events from {} stories ({} mentions), average Goldstein {}",
            self.events,
            self.stories,
            self.mentions,
            self.avg_goldstein
                .map(|g| format!("{g:+.2}"))
                .unwrap_or_else(|| "-".into())
        )?;
        if !self.series.is_empty() {
            writeln!(out)?;
            let pw = self
                .series
                .iter()
                .map(|r| r.period.len())
                .max()
                .unwrap_or(0)
                .max(self.period.len());
            writeln!(
                out,
                "{:<pw$}  {:>5}  {:>7}  {:>8}  {:>8}",
                self.period.to_uppercase(),
                self.group.to_uppercase(),
                "EVENTS",
                "MENTIONS",
                "AVG GOLD"
            )?;
            for r in &self.series {
                writeln!(
                    out,
                    "{:<pw$}  {:>5}  {:>7}  {:>8}  {:>+8.2}",
                    r.period, r.group, r.events, r.mentions, r.avg_goldstein
                )?;
            }
        }
        if !self.top_pairs.is_empty() {
            writeln!(out)?;
            let sw = self
                .top_pairs
                .iter()
                .map(|r| r.source.len())
                .max()
                .unwrap_or(0)
                .max(6);
            let tw = self
                .top_pairs
                .iter()
                .map(|r| r.target.len())
                .max()
                .unwrap_or(0)
                .max(6);
            writeln!(
                out,
                "{:<sw$}  {:<tw$}  {:>7}  {:>8}  {:>8}",
                "SOURCE", "TARGET", "EVENTS", "MENTIONS", "AVG GOLD"
            )?;
            for r in &self.top_pairs {
                writeln!(
                    out,
                    "{:<sw$}  {:<tw$}  {:>7}  {:>8}  {:>+8.2}",
                    r.source, r.target, r.events, r.mentions, r.avg_goldstein
                )?;
            }
        }
        Ok(())
    }
}
