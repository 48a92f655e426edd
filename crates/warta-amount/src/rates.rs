//! ECB euro reference rates: import the ECB history into our compact table, and look up
//! cross rates (via the euro). See `data/README.md` for the table's format and provenance.

use crate::date::{days_from_civil, parse_ymd, ymd};
use std::io::{Read, Write};
use std::sync::OnceLock;

/// The compact table compiled into the product (made by `warta rates import`).
pub const EMBEDDED: &[u8] = include_bytes!("../data/ecb-rates.csv.gz");

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum RateError {
    #[error("unknown currency `{0}` (the ECB table has: {1})")]
    UnknownCurrency(String, String),
    #[error("`{0}` is not a date (expected YYYY-MM-DD)")]
    BadDate(String),
    #[error("no ECB rate for {currency} on or before {date}: its series starts on {first}")]
    BeforeSeries {
        currency: String,
        date: String,
        first: String,
    },
    #[error("rate table line {line}: {message}")]
    Format { line: usize, message: String },
    #[error("rate table: {0}")]
    Io(String),
}

/// Daily rates: units of each currency per euro.
#[derive(Debug, Default, Clone)]
pub struct RateTable {
    /// Days since 1970-01-01, ascending.
    dates: Vec<i64>,
    currencies: Vec<String>,
    /// `cols[c][d]`: rate of currency `c` on `dates[d]`, NaN when not published.
    cols: Vec<Vec<f64>>,
    /// The published text of every rate (kept to write the table back exactly).
    raw: Vec<Vec<Option<Box<str>>>>,
}

/// A cross rate and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossRate {
    /// Units of `to` per one unit of `from`.
    pub value: f64,
    /// The ECB date used (the last published on or before the asked date).
    pub date: String,
    /// Units of `from` per euro, and of `to` per euro, on that date.
    pub from_per_eur: f64,
    pub to_per_eur: f64,
}

impl RateTable {
    /// Parse a rate CSV: the ECB's `eurofxref-hist.csv` (header `Date,USD,...`, `N/A` for
    /// missing, trailing commas, newest first) or our compact table (same shape, oldest first,
    /// empty cells for missing).
    pub fn parse_csv(text: &str) -> Result<RateTable, RateError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hn, header)) = lines.next() else {
            return Err(RateError::Format {
                line: 1,
                message: "empty rate table".into(),
            });
        };
        let mut head = header.trim_end().split(',');
        if !head.next().is_some_and(|h| h.eq_ignore_ascii_case("date")) {
            return Err(RateError::Format {
                line: hn + 1,
                message: "the first column must be `Date`".into(),
            });
        }
        let currencies: Vec<String> = head
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        let mut rows: Vec<(i64, Vec<Option<Box<str>>>)> = Vec::new();
        for (n, line) in lines {
            let mut cells = line.trim_end().split(',');
            let d = cells.next().unwrap_or("").trim();
            let Some((y, m, dd)) = parse_ymd(d) else {
                return Err(RateError::Format {
                    line: n + 1,
                    message: format!("`{d}` is not a date"),
                });
            };
            let mut vals = Vec::with_capacity(currencies.len());
            for cur in &currencies {
                let cell = cells.next().unwrap_or("").trim();
                if cell.is_empty() || cell == "N/A" {
                    vals.push(None);
                    continue;
                }
                match cell.parse::<f64>() {
                    Ok(v) if v > 0.0 && v.is_finite() => vals.push(Some(cell.into())),
                    _ => {
                        return Err(RateError::Format {
                            line: n + 1,
                            message: format!("`{cell}` is not a rate for {cur}"),
                        })
                    }
                }
            }
            rows.push((days_from_civil(y, m, dd), vals));
        }
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        // Keep only currencies with at least one rate.
        let keep: Vec<usize> = (0..currencies.len())
            .filter(|&c| rows.iter().any(|r| r.1[c].is_some()))
            .collect();
        let mut t = RateTable {
            dates: rows.iter().map(|r| r.0).collect(),
            currencies: keep.iter().map(|&c| currencies[c].clone()).collect(),
            cols: vec![Vec::with_capacity(rows.len()); keep.len()],
            raw: vec![Vec::with_capacity(rows.len()); keep.len()],
        };
        for (_, vals) in rows {
            for (k, &c) in keep.iter().enumerate() {
                let v = vals[c].as_deref().and_then(|s| s.parse().ok());
                t.cols[k].push(v.unwrap_or(f64::NAN));
                t.raw[k].push(vals[c].clone());
            }
        }
        Ok(t)
    }

    /// Our compact table: a comment, the header, one line per date (oldest first), rates as
    /// the ECB published them, empty cells where none was published.
    pub fn to_compact_csv(&self) -> String {
        let mut s = String::with_capacity(self.dates.len() * (12 + 8 * self.currencies.len()));
        s.push_str("# ECB euro foreign exchange reference rates (units per EUR); made by `warta rates import`\n");
        s.push_str("Date");
        for c in &self.currencies {
            s.push(',');
            s.push_str(c);
        }
        s.push('\n');
        for (d, &day) in self.dates.iter().enumerate() {
            s.push_str(&ymd(day));
            for col in &self.raw {
                s.push(',');
                if let Some(v) = &col[d] {
                    s.push_str(v);
                }
            }
            s.push('\n');
        }
        s
    }

    /// The compact table, gzip-compressed.
    pub fn to_compact_gz(&self) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = enc.write_all(self.to_compact_csv().as_bytes());
        enc.finish().unwrap_or_default()
    }

    /// Read a gzip-compressed table.
    pub fn from_gz(bytes: &[u8]) -> Result<RateTable, RateError> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| RateError::Io(e.to_string()))?;
        RateTable::parse_csv(&text)
    }

    /// The table compiled into the product, parsed once.
    pub fn embedded() -> Result<&'static RateTable, RateError> {
        static T: OnceLock<Result<RateTable, RateError>> = OnceLock::new();
        T.get_or_init(|| RateTable::from_gz(EMBEDDED))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn currencies(&self) -> &[String] {
        &self.currencies
    }

    /// First and last dates of the table.
    pub fn range(&self) -> Option<(String, String)> {
        Some((ymd(*self.dates.first()?), ymd(*self.dates.last()?)))
    }

    fn column(&self, code: &str) -> Result<Option<usize>, RateError> {
        if code.eq_ignore_ascii_case("EUR") {
            return Ok(None);
        }
        self.currencies
            .iter()
            .position(|c| c.eq_ignore_ascii_case(code))
            .map(Some)
            .ok_or_else(|| {
                RateError::UnknownCurrency(
                    code.to_string(),
                    format!("EUR {}", self.currencies.join(" ")),
                )
            })
    }

    fn value(&self, col: Option<usize>, d: usize) -> f64 {
        col.map_or(1.0, |c| self.cols[c][d])
    }

    fn first_date(&self, col: Option<usize>) -> String {
        let i = col.and_then(|c| self.cols[c].iter().position(|v| !v.is_nan()));
        i.or(if self.dates.is_empty() { None } else { Some(0) })
            .map(|i| ymd(self.dates[i]))
            .unwrap_or_else(|| "(none)".into())
    }

    /// Units of `to` per one `from` on `date` (`YYYY-MM-DD`), via the euro, from the last
    /// date on or before `date` on which the ECB published both.
    pub fn cross(&self, from: &str, to: &str, date: &str) -> Result<CrossRate, RateError> {
        let (y, m, d) = parse_ymd(date).ok_or_else(|| RateError::BadDate(date.to_string()))?;
        let a = self.column(from)?;
        let b = self.column(to)?;
        let day = days_from_civil(y, m, d);
        let end = self.dates.partition_point(|&x| x <= day);
        for i in (0..end).rev() {
            let (fa, fb) = (self.value(a, i), self.value(b, i));
            if !fa.is_nan() && !fb.is_nan() {
                return Ok(CrossRate {
                    value: fb / fa,
                    date: ymd(self.dates[i]),
                    from_per_eur: fa,
                    to_per_eur: fb,
                });
            }
        }
        let (late, code) = {
            let fa = self.first_date(a);
            let fb = self.first_date(b);
            if fa >= fb {
                (fa, from)
            } else {
                (fb, to)
            }
        };
        Err(RateError::BeforeSeries {
            currency: code.to_ascii_uppercase(),
            date: date.to_string(),
            first: late,
        })
    }
}

/// `13176.05` → `13,176.05`: thousands separators and `decimals` digits.
pub fn format_number(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ECB: &str = "Date,USD,JPY,IDR,CYP,\n\
        2015-03-11,1.0578,128.35,13937.63,N/A,\n\
        2015-03-10,1.0745,130.32,14014.27,N/A,\n\
        2005-01-03,1.3,139.0,N/A,N/A,\n";

    #[test]
    fn cross_rate_via_euro() {
        let t = RateTable::parse_csv(ECB).unwrap();
        assert_eq!(t.currencies(), ["USD", "JPY", "IDR"]);
        let r = t.cross("USD", "IDR", "2015-03-11").unwrap();
        assert_eq!(format_number(r.value, 2), "13,176.05");
        // A Saturday uses the last rate before it.
        let r = t.cross("usd", "IDR", "2015-03-14").unwrap();
        assert_eq!(r.date, "2015-03-11");
        assert_eq!(t.cross("EUR", "USD", "2015-03-10").unwrap().value, 1.0745);
    }

    #[test]
    fn clear_errors() {
        let t = RateTable::parse_csv(ECB).unwrap();
        assert!(matches!(
            t.cross("USD", "XYZ", "2015-03-11"),
            Err(RateError::UnknownCurrency(..))
        ));
        assert!(matches!(
            t.cross("USD", "IDR", "2015-13-01"),
            Err(RateError::BadDate(_))
        ));
        let e = t.cross("USD", "IDR", "2005-06-01").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no ECB rate for IDR on or before 2005-06-01: its series starts on 2015-03-10"
        );
        assert!(RateTable::parse_csv("Date,USD\n2015-01-01,abc\n").is_err());
    }

    #[test]
    fn compact_round_trip() {
        let t = RateTable::parse_csv(ECB).unwrap();
        let back = RateTable::from_gz(&t.to_compact_gz()).unwrap();
        assert_eq!(back.to_compact_csv(), t.to_compact_csv());
        assert!(t
            .to_compact_csv()
            .contains("\n2015-03-11,1.0578,128.35,13937.63\n"));
    }

    #[test]
    fn embedded_table_parses() {
        let t = RateTable::embedded().unwrap();
        if let Ok(r) = t.cross("USD", "IDR", "2015-03-11") {
            assert_eq!(format_number(r.value, 2), "13,176.05");
        }
    }
}
