//! The syndicated-duplicate report: how many stored articles joined an existing story, the
//! distribution of similarities among LSH candidate pairs (to justify the threshold), and a
//! few pairs on either side of the threshold with their estimated and exact similarity.

use crate::minhash::{jaccard, Signature, THRESHOLD};
use crate::{Result, Store};
use std::collections::HashMap;
use std::io::Write;

/// Two articles and how similar they are.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DupPair {
    pub a: String,
    pub a_outlet: Option<String>,
    pub b: String,
    pub b_outlet: Option<String>,
    /// MinHash estimate (what the store decides by).
    pub estimated: f64,
    /// Exact Jaccard similarity of the word-shingle sets.
    pub exact: f64,
    pub same_story: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DuplicateReport {
    pub articles: u64,
    pub stories: u64,
    /// Articles that are near-duplicates of an earlier article (articles - stories).
    pub duplicates: u64,
    /// Stories with more than one article.
    pub multi_article_stories: u64,
    pub largest_story: u64,
    pub threshold: f64,
    /// LSH candidate pairs by estimated similarity: counts in [0.0,0.1), [0.1,0.2), ... [0.9,1.0].
    pub candidate_histogram: Vec<u64>,
    /// Pairs just above and just below the threshold, and the most similar ones.
    pub pairs: Vec<DupPair>,
}

/// Candidate pairs examined at most, for the histogram on large stores.
const MAX_CANDIDATES: usize = 500_000;

impl Store {
    /// The duplicate report, with up to `pairs` example pairs on each side of the threshold.
    pub fn duplicates(&self, pairs: usize) -> Result<DuplicateReport> {
        let one = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let articles = one("SELECT count(*) FROM articles")?;
        let stories = one("SELECT count(DISTINCT story) FROM articles")?;
        let multi = one(
            "SELECT count(*) FROM (SELECT story FROM articles GROUP BY story HAVING count(*) > 1)",
        )?;
        let largest = one(
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM articles GROUP BY story)",
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT x.article, y.article FROM lsh x JOIN lsh y
             ON x.band = y.band AND x.bucket = y.bucket AND x.article < y.article",
        )?;
        let cand: Vec<(i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .take(MAX_CANDIDATES)
            .collect::<rusqlite::Result<_>>()?;
        let mut sigs: HashMap<i64, (Signature, i64)> = HashMap::new();
        let mut load = self
            .conn
            .prepare_cached("SELECT minhash, story FROM articles WHERE aid = ?1")?;
        let mut hist = vec![0u64; 10];
        let mut scored: Vec<(f64, i64, i64, bool)> = Vec::new();
        for (a, b) in cand {
            for x in [a, b] {
                if let std::collections::hash_map::Entry::Vacant(v) = sigs.entry(x) {
                    let (blob, story): (Option<Vec<u8>>, i64) =
                        load.query_row([x], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    if let Some(s) = blob.as_deref().and_then(Signature::from_blob) {
                        v.insert((s, story));
                    }
                }
            }
            let (Some((sa, ta)), Some((sb, tb))) = (sigs.get(&a), sigs.get(&b)) else {
                continue;
            };
            let sim = sa.similarity(sb);
            hist[((sim * 10.0) as usize).min(9)] += 1;
            scored.push((sim, a, b, ta == tb));
        }
        // examples: the `pairs` highest below the threshold, the `pairs` lowest at or above it
        scored.sort_by(|x, y| x.0.total_cmp(&y.0));
        let split = scored.partition_point(|s| s.0 < THRESHOLD);
        let mut chosen: Vec<(f64, i64, i64, bool)> = Vec::new();
        chosen.extend(scored[..split].iter().rev().take(pairs).rev());
        chosen.extend(scored[split..].iter().take(pairs));
        let mut text = self
            .conn
            .prepare_cached("SELECT id, outlet, text FROM articles WHERE aid = ?1")?;
        let mut out_pairs = Vec::new();
        for (sim, a, b, same) in chosen {
            let get = |aid: i64, stmt: &mut rusqlite::CachedStatement| {
                stmt.query_row([aid], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
            };
            let (ia, oa, ta) = get(a, &mut text)?;
            let (ib, ob, tb) = get(b, &mut text)?;
            out_pairs.push(DupPair {
                a: ia,
                a_outlet: oa,
                b: ib,
                b_outlet: ob,
                estimated: sim,
                exact: jaccard(&ta, &tb),
                same_story: same,
            });
        }
        Ok(DuplicateReport {
            articles,
            stories,
            duplicates: articles - stories,
            multi_article_stories: multi,
            largest_story: largest,
            threshold: THRESHOLD,
            candidate_histogram: hist,
            pairs: out_pairs,
        })
    }
}

impl DuplicateReport {
    pub fn write_table(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{} articles in {} stories: {} near-duplicate articles; {} stories have more than \
             one article (largest: {})",
            self.articles,
            self.stories,
            self.duplicates,
            self.multi_article_stories,
            self.largest_story
        )?;
        writeln!(
            out,
            "threshold {:.2} (estimated Jaccard of 3-word shingles, MinHash 128, LSH 64x2)",
            self.threshold
        )?;
        writeln!(out, "\nLSH candidate pairs by estimated similarity:")?;
        for (i, n) in self.candidate_histogram.iter().enumerate() {
            writeln!(
                out,
                "  {:.1}-{:.1}  {n:>7}",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0
            )?;
        }
        writeln!(
            out,
            "\n{:>5}  {:>5}  {:5}  {:<44}  PAIR",
            "EST", "EXACT", "STORY", ""
        )?;
        for p in &self.pairs {
            writeln!(
                out,
                "{:>5.2}  {:>5.2}  {:5}  {:<44}  {}",
                p.estimated,
                p.exact,
                if p.same_story { "same" } else { "-" },
                crate::query::truncate(
                    &format!("{} ({})", p.a, p.a_outlet.as_deref().unwrap_or("?")),
                    44
                ),
                crate::query::truncate(
                    &format!("{} ({})", p.b, p.b_outlet.as_deref().unwrap_or("?")),
                    44
                ),
            )?;
        }
        Ok(())
    }
}
