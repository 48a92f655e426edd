//! Exports: GDELT 2.0 event table (tab-separated, 61 columns), Parquet (arrow-rs), CSV and
//! JSON Lines. All take the same filter as `warta query` and write one row per story event
//! (GDELT-style counts), or per article event with `Filter::per_article`.

use crate::query::{write_csv_line, EventRow, Filter, CSV_COLUMNS};
use crate::{Result, Store};
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use std::io::Write;
use std::sync::Arc;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Gdelt,
    Parquet,
    Csv,
    Jsonl,
}

/// The 61 columns of the GDELT 2.0 event table, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// CAMEO actor type codes (the 3-letter roles that follow a country code or stand alone).
const ACTOR_TYPES: &[&str] = &[
    "AGR", "AMN", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "INT", "IRC", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM",
    "NGO", "OPP", "PKO", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS",
];

/// A CAMEO actor code split into GDELT's fields: (country, known group, type1, type2, type3).
/// `RUSGOV` → (RUS, -, GOV); `IGOUNO` → (-, UNO, IGO); `IDNMILREB` → (IDN, -, MIL, REB).
pub fn split_actor(code: &str) -> [String; 5] {
    let mut out: [String; 5] = Default::default();
    let mut types = 0;
    for (i, chunk) in code.as_bytes().chunks(3).enumerate() {
        let Ok(c) = std::str::from_utf8(chunk) else {
            continue;
        };
        if ACTOR_TYPES.contains(&c) {
            if types < 3 {
                out[2 + types] = c.to_string();
                types += 1;
            }
        } else if i == 0 {
            out[0] = c.to_string();
        } else if out[1].is_empty() {
            out[1] = c.to_string();
        }
    }
    out
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's civil_from_days).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) → days since 1970-01-01.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn parse_day(day: &str) -> Option<(i64, u32, u32)> {
    let y = day.get(0..4)?.parse().ok()?;
    let m = day.get(5..7)?.parse().ok()?;
    let d = day.get(8..10)?.parse().ok()?;
    Some((y, m, d))
}

/// `YYYYMMDDHHMMSS` (UTC) of a Unix time.
pub(crate) fn timestamp14(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86400));
    let s = unix.rem_euclid(86400);
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// The 61 GDELT fields of one event.
pub fn gdelt_fields(r: &EventRow) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(r.event_id.to_string());
    match r.day.as_deref().and_then(parse_day) {
        Some((y, m, d)) => {
            f.push(format!("{y:04}{m:02}{d:02}"));
            f.push(format!("{y:04}{m:02}"));
            f.push(format!("{y:04}"));
            f.push(format!(
                "{:.4}",
                y as f64 + (f64::from(m) * 30.0 + f64::from(d)) / 365.0
            ));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for (code, name) in [
        (&r.source_code, &r.source_text),
        (&r.target_code, &r.target_text),
    ] {
        let code = code.clone().unwrap_or_default();
        let [country, group, t1, t2, t3] = split_actor(&code);
        f.push(code);
        f.push(name.clone().unwrap_or_default().replace(['\t', '\n'], " "));
        f.push(country);
        f.push(group);
        f.push(String::new()); // EthnicCode
        f.push(String::new()); // Religion1Code
        f.push(String::new()); // Religion2Code
        f.push(t1);
        f.push(t2);
        f.push(t3);
    }
    f.push(if r.sentence == 0 { "1" } else { "0" }.to_string());
    f.push(r.cameo.clone());
    f.push(r.cameo.get(..3).unwrap_or(&r.cameo).to_string());
    f.push(r.root.clone());
    f.push(r.quad_class.to_string());
    f.push(format!("{:.1}", r.goldstein));
    f.push(r.num_mentions.to_string());
    f.push(r.num_sources.to_string());
    f.push(r.num_articles.to_string());
    f.push(String::new()); // AvgTone
                           // Actor1Geo_*, Actor2Geo_*: we do not locate actors.
    f.extend(std::iter::repeat_n(String::new(), 16));
    // ActionGeo_*: the event's place.
    match (&r.place_name, &r.place_country) {
        (Some(name), country) => {
            f.push(if r.geonameid.is_some() { "4" } else { "1" }.to_string());
            f.push(name.replace(['\t', '\n'], " "));
            f.push(country.clone().unwrap_or_default());
            f.push(String::new());
            f.push(String::new());
            f.push(r.lat.map(|x| format!("{x:.4}")).unwrap_or_default());
            f.push(r.lon.map(|x| format!("{x:.4}")).unwrap_or_default());
            f.push(r.geonameid.map(|g| g.to_string()).unwrap_or_default());
        }
        (None, _) => f.extend(std::iter::repeat_n(String::new(), 8)),
    }
    f.push(timestamp14(r.ingested_at));
    f.push(r.url.clone().unwrap_or_default().replace(['\t', '\n'], " "));
    debug_assert_eq!(f.len(), 61);
    f
}

/// The Arrow schema of the Parquet export (one row per event, as [`EventRow`]).
pub fn parquet_schema() -> Schema {
    let s = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    let i = |n: &str, null: bool| Field::new(n, DataType::Int64, null);
    let f = |n: &str, null: bool| Field::new(n, DataType::Float64, null);
    Schema::new(vec![
        i("event_id", false),
        i("story", false),
        s("article_id", false),
        s("url", true),
        s("outlet", true),
        s("published", true),
        Field::new("day", DataType::Date32, true),
        i("sentence", false),
        s("source_code", true),
        s("source_text", true),
        s("target_code", true),
        s("target_text", true),
        s("trigger", false),
        s("cameo", false),
        s("root", false),
        i("quad_class", false),
        f("goldstein", false),
        s("plover", true),
        s("modality", false),
        s("date", true),
        s("place_name", true),
        s("place_country", true),
        f("lat", true),
        f("lon", true),
        i("geonameid", true),
        s("rule", false),
        i("num_mentions", false),
        i("num_articles", false),
        i("num_sources", false),
        i("ingested_at", false),
    ])
}

struct ParquetBatch {
    strings: Vec<StringBuilder>,
    ints: Vec<Int64Builder>,
    floats: Vec<Float64Builder>,
    day: Date32Builder,
    len: usize,
}

impl ParquetBatch {
    fn new() -> Self {
        ParquetBatch {
            strings: (0..17).map(|_| StringBuilder::new()).collect(),
            ints: (0..9).map(|_| Int64Builder::new()).collect(),
            floats: (0..3).map(|_| Float64Builder::new()).collect(),
            day: Date32Builder::new(),
            len: 0,
        }
    }

    fn push(&mut self, r: &EventRow) {
        let s = &mut self.strings;
        let i = &mut self.ints;
        let f = &mut self.floats;
        i[0].append_value(r.event_id);
        i[1].append_value(r.story);
        s[0].append_value(&r.article_id);
        s[1].append_option(r.url.as_deref());
        s[2].append_option(r.outlet.as_deref());
        s[3].append_option(r.published.as_deref());
        self.day.append_option(
            r.day
                .as_deref()
                .and_then(parse_day)
                .map(|(y, m, d)| days_from_civil(y, m, d) as i32),
        );
        i[2].append_value(r.sentence);
        s[4].append_option(r.source_code.as_deref());
        s[5].append_option(r.source_text.as_deref());
        s[6].append_option(r.target_code.as_deref());
        s[7].append_option(r.target_text.as_deref());
        s[8].append_value(&r.trigger);
        s[9].append_value(&r.cameo);
        s[10].append_value(&r.root);
        i[3].append_value(r.quad_class);
        f[0].append_value(r.goldstein);
        s[11].append_option(r.plover.as_deref());
        s[12].append_value(&r.modality);
        s[13].append_option(r.date.as_deref());
        s[14].append_option(r.place_name.as_deref());
        s[15].append_option(r.place_country.as_deref());
        f[1].append_option(r.lat);
        f[2].append_option(r.lon);
        i[4].append_option(r.geonameid);
        s[16].append_value(&r.rule);
        i[5].append_value(r.num_mentions);
        i[6].append_value(r.num_articles);
        i[7].append_value(r.num_sources);
        i[8].append_value(r.ingested_at);
        self.len += 1;
    }

    fn finish(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch> {
        let s = &mut self.strings;
        let i = &mut self.ints;
        let f = &mut self.floats;
        let mut st = |k: usize| -> ArrayRef { Arc::new(s[k].finish()) };
        let strings: Vec<ArrayRef> = (0..17).map(&mut st).collect();
        let ints: Vec<ArrayRef> = i
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        let floats: Vec<ArrayRef> = f
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        let day: ArrayRef = Arc::new(self.day.finish());
        let columns = vec![
            ints[0].clone(),
            ints[1].clone(),
            strings[0].clone(),
            strings[1].clone(),
            strings[2].clone(),
            strings[3].clone(),
            day,
            ints[2].clone(),
            strings[4].clone(),
            strings[5].clone(),
            strings[6].clone(),
            strings[7].clone(),
            strings[8].clone(),
            strings[9].clone(),
            strings[10].clone(),
            ints[3].clone(),
            floats[0].clone(),
            strings[11].clone(),
            strings[12].clone(),
            strings[13].clone(),
            strings[14].clone(),
            strings[15].clone(),
            floats[1].clone(),
            floats[2].clone(),
            ints[4].clone(),
            strings[16].clone(),
            ints[5].clone(),
            ints[6].clone(),
            ints[7].clone(),
            ints[8].clone(),
        ];
        self.len = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

/// Rows per Parquet record batch (and row group granularity).
const PARQUET_BATCH: usize = 8192;

/// Write the events matching `filter` to `path` in `format`; returns the number of rows.
pub fn export(
    store: &Store,
    filter: &Filter,
    format: ExportFormat,
    path: &std::path::Path,
) -> Result<u64> {
    let file = std::fs::File::create(path)?;
    match format {
        ExportFormat::Parquet => {
            use parquet::arrow::ArrowWriter;
            use parquet::basic::Compression;
            use parquet::file::properties::WriterProperties;
            let schema = Arc::new(parquet_schema());
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("warta {}", crate::WARTA_VERSION))
                .build();
            let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props))?;
            let mut batch = ParquetBatch::new();
            let n = store.for_each_event(filter, filter.limit, |row| {
                batch.push(&row);
                if batch.len >= PARQUET_BATCH {
                    writer.write(&batch.finish(&schema)?)?;
                }
                Ok(())
            })?;
            if batch.len > 0 || n == 0 {
                writer.write(&batch.finish(&schema)?)?;
            }
            writer.close()?;
            Ok(n)
        }
        ExportFormat::Gdelt | ExportFormat::Csv | ExportFormat::Jsonl => {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
            if format == ExportFormat::Csv {
                let header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
                write_csv_line(&mut out, &header)?;
            }
            let n = store.for_each_event(filter, filter.limit, |row| {
                match format {
                    ExportFormat::Gdelt => {
                        out.write_all(gdelt_fields(&row).join("\t").as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    ExportFormat::Csv => write_csv_line(&mut out, &row.fields())?,
                    _ => {
                        serde_json::to_writer(&mut out, &row)?;
                        out.write_all(b"\n")?;
                    }
                }
                Ok(())
            })?;
            out.flush()?;
            Ok(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_like_gdelt() {
        assert_eq!(
            split_actor("RUSGOV"),
            ["RUS", "", "GOV", "", ""].map(String::from)
        );
        assert_eq!(
            split_actor("IGOUNO"),
            ["", "UNO", "IGO", "", ""].map(String::from)
        );
        assert_eq!(
            split_actor("IDNMILREB"),
            ["IDN", "", "MIL", "REB", ""].map(String::from)
        );
        assert_eq!(
            split_actor("IDN"),
            ["IDN", "", "", "", ""].map(String::from)
        );
        assert_eq!(split_actor(""), <[String; 5]>::default());
    }

    #[test]
    fn calendar_round_trips() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2015, 3, 11), 16505);
        for z in [-1000, 0, 59, 60, 11016, 16505, 20000, 30000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(timestamp14(1426032000 + 3661), "20150311010101");
    }
}
