//! The store end to end on synthetic `warta/1` records (events included), and on real pipeline
//! output for ingest/recode.

use std::path::PathBuf;
use warta_core::record::Record;
use warta_store::synth::{article, Rng};
use warta_store::{export, ExportFormat, Filter, IngestOptions, Store, GDELT_COLUMNS};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warta-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

fn corpus(n: u64) -> Vec<Record> {
    let mut rng = Rng::new(7);
    let outlets = ["antaranews", "kompas", "tempo"];
    (0..n)
        .map(|i| article(&mut rng, i, 1 + (i % 4) as usize, outlets[(i % 3) as usize]))
        .collect()
}

/// A copy of `r` as republished by another outlet (new id and url, a line added at the end).
fn syndicated(r: &Record, id: &str, outlet: &str) -> Record {
    let Record::Article(a) = r else { panic!() };
    let mut b = a.clone();
    b.id = id.to_string();
    b.outlet = Some(outlet.to_string());
    b.url = Some(format!("https://example.org/{outlet}/{id}"));
    b.text.push_str(" Baca juga berita lainnya.");
    Record::Article(b)
}

#[test]
fn ingest_is_idempotent() {
    let mut store = Store::open(&temp("idem.db")).unwrap();
    let records = corpus(120);
    let opts = IngestOptions { batch: 16 };
    let first = store
        .ingest_records(records.clone(), &opts, |_| {})
        .unwrap();
    assert_eq!(first.stored, 120);
    assert_eq!(first.already, 0);
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles, 120);
    assert!(counts.events > 120);
    let again = store.ingest_records(records, &opts, |_| {}).unwrap();
    assert_eq!(again.stored, 0);
    assert_eq!(again.already, 120);
    assert_eq!(store.counts().unwrap(), counts);
}

#[test]
fn syndicated_copies_become_one_story_with_counts() {
    let mut store = Store::in_memory().unwrap();
    let mut records = corpus(30);
    let copy = syndicated(&records[3], "copy-1", "detik");
    let copy2 = syndicated(&records[3], "copy-2", "kompas");
    records.push(copy);
    records.push(copy2);
    let stats = store
        .ingest_records(records.clone(), &IngestOptions::default(), |_| {})
        .unwrap();
    assert_eq!(stats.stored, 32);
    assert_eq!(stats.duplicates, 2, "{stats:?}");
    let counts = store.counts().unwrap();
    assert_eq!(counts.stories, 30);
    let Record::Article(orig) = &records[3] else {
        panic!()
    };
    let n_events = orig.events.len();
    // story-level rows: the original's events once, each with 3 articles from 3 outlets
    let rows = store.query(&Filter::default()).unwrap();
    let of_story: Vec<_> = rows.iter().filter(|r| r.article_id == orig.id).collect();
    assert!(!of_story.is_empty());
    assert!(of_story.len() <= n_events);
    for r in &of_story {
        assert_eq!(r.num_articles, 3, "{r:?}");
        assert_eq!(r.num_sources, 3, "{r:?}");
    }
    assert!(rows
        .iter()
        .all(|r| r.article_id != "copy-1" && r.article_id != "copy-2"));
    // per-article rows keep the copies apart
    let all = store
        .query(&Filter {
            per_article: true,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(all.len() as u64, counts.events);
    let report = store.duplicates(3).unwrap();
    assert_eq!(report.duplicates, 2);
    assert!(report.pairs.iter().any(|p| p.same_story && p.exact > 0.8));
}

#[test]
fn filters_select_what_they_say() {
    let mut store = Store::in_memory().unwrap();
    store
        .ingest_records(corpus(200), &IngestOptions::default(), |_| {})
        .unwrap();
    let q = |f: Filter| store.query(&f).unwrap();
    let all = q(Filter {
        per_article: true,
        ..Filter::default()
    });
    let idn = q(Filter {
        source: vec!["idn".into()],
        per_article: true,
        ..Filter::default()
    });
    assert!(!idn.is_empty() && idn.len() < all.len());
    assert!(idn
        .iter()
        .all(|r| r.source_code.as_deref().unwrap().starts_with("IDN")));
    assert_eq!(
        idn.len(),
        all.iter()
            .filter(|r| r.source_code.as_deref().unwrap().starts_with("IDN"))
            .count()
    );
    let pair = q(Filter {
        source: vec!["RUSGOV".into()],
        target: vec!["PRK".into()],
        per_article: true,
        ..Filter::default()
    });
    assert!(pair
        .iter()
        .all(|r| r.source_code.as_deref() == Some("RUSGOV")
            && r.target_code.as_deref().unwrap().starts_with("PRK")));
    let root = q(Filter {
        code: vec!["04".into()],
        ..Filter::default()
    });
    assert!(!root.is_empty() && root.iter().all(|r| r.cameo.starts_with("04")));
    let quad4 = q(Filter {
        quad: Some(4),
        ..Filter::default()
    });
    assert!(!quad4.is_empty() && quad4.iter().all(|r| r.quad_class == 4 && r.goldstein < 0.0));
    let march = q(Filter {
        from: Some("2016-03-01".into()),
        to: Some("2016-03-31".into()),
        ..Filter::default()
    });
    assert!(!march.is_empty());
    assert!(march
        .iter()
        .all(|r| r.day.as_deref().unwrap().starts_with("2016-03")));
    let jakarta = q(Filter {
        place: Some("jakarta".into()),
        ..Filter::default()
    });
    assert!(
        !jakarta.is_empty()
            && jakarta
                .iter()
                .all(|r| r.place_name.as_deref() == Some("Jakarta"))
    );
    let future = q(Filter {
        modality: Some("future".into()),
        ..Filter::default()
    });
    assert!(!future.is_empty() && future.iter().all(|r| r.modality == "future"));
    let limited = q(Filter {
        limit: Some(5),
        ..Filter::default()
    });
    assert_eq!(limited.len(), 5);
    // full text: the synthetic texts carry their number
    let text = q(Filter {
        text: Some("\"nomor 17\"".into()),
        per_article: true,
        ..Filter::default()
    });
    assert!(
        !text.is_empty() && text.iter().all(|r| r.article_id == "synth-17"),
        "{text:?}"
    );
}

#[test]
fn exports_have_the_promised_shape() {
    let mut store = Store::in_memory().unwrap();
    store
        .ingest_records(corpus(60), &IngestOptions::default(), |_| {})
        .unwrap();
    let n_rows = store.query(&Filter::default()).unwrap().len();
    // GDELT: 61 tab-separated columns, SQLDATE as YYYYMMDD
    let gdelt = temp("events.gdelt.tsv");
    let n = export(&store, &Filter::default(), ExportFormat::Gdelt, &gdelt).unwrap();
    assert_eq!(n as usize, n_rows);
    let text = std::fs::read_to_string(&gdelt).unwrap();
    assert_eq!(text.lines().count(), n_rows);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61, "{line}");
        assert_eq!(GDELT_COLUMNS.len(), 61);
        let date = cols[1];
        assert!(
            date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()),
            "{date}"
        );
        assert!(date.starts_with("2016") || date.starts_with("2017"));
        assert_eq!(&cols[2], &&date[..6]);
        assert!(!cols[26].is_empty()); // EventCode
        assert_eq!(&cols[28], &&cols[26][..2]); // EventRootCode
        assert!(cols[60].starts_with("https://example.org/")); // SOURCEURL
        assert_eq!(cols[59].len(), 14); // DATEADDED
    }
    // CSV: header + rows
    let csv = temp("events.csv");
    export(&store, &Filter::default(), ExportFormat::Csv, &csv).unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("event_id,story,article_id,"));
    assert_eq!(text.lines().count(), n_rows + 1);
    // JSON Lines: one event per line with its article id
    let jsonl = temp("events.jsonl");
    export(&store, &Filter::default(), ExportFormat::Jsonl, &jsonl).unwrap();
    let text = std::fs::read_to_string(&jsonl).unwrap();
    assert_eq!(text.lines().count(), n_rows);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["article_id"].as_str().unwrap().starts_with("synth-"));
    }
}

#[test]
fn parquet_reads_back_with_arrow() {
    use arrow_array::cast::AsArray;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let mut store = Store::in_memory().unwrap();
    store
        .ingest_records(corpus(50), &IngestOptions::default(), |_| {})
        .unwrap();
    let rows = store.query(&Filter::default()).unwrap();
    let path = temp("events.parquet");
    let n = export(&store, &Filter::default(), ExportFormat::Parquet, &path).unwrap();
    assert_eq!(n as usize, rows.len());
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut seen = 0;
    for batch in reader {
        let batch = batch.unwrap();
        assert_eq!(batch.num_columns(), 30);
        let cameo = batch.column_by_name("cameo").unwrap().as_string::<i32>();
        let ids = batch
            .column_by_name("article_id")
            .unwrap()
            .as_string::<i32>();
        let day = batch
            .column_by_name("day")
            .unwrap()
            .as_primitive::<arrow_array::types::Date32Type>();
        for i in 0..batch.num_rows() {
            let row = &rows[seen + i];
            assert_eq!(cameo.value(i), row.cameo);
            assert_eq!(ids.value(i), row.article_id);
            // 2016-01-01 is day 16801 of the Unix epoch
            assert!(day.value(i) >= 16801);
        }
        seen += batch.num_rows();
    }
    assert_eq!(seen, rows.len());
    // pyarrow, when installed, reads it too
    let ok = std::process::Command::new("python3")
        .args(["-c", "import pyarrow"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("skipping the pyarrow check: python3 -c 'import pyarrow' failed");
        return;
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, pyarrow.parquet as pq; t = pq.read_table(sys.argv[1]); \
             print(t.num_rows, t.num_columns, t.schema.field('day').type)",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.trim(), format!("{} 30 date32[day]", rows.len()));
}

#[test]
fn stats_count_story_events() {
    let mut store = Store::in_memory().unwrap();
    store
        .ingest_records(corpus(100), &IngestOptions::default(), |_| {})
        .unwrap();
    let rows = store.query(&Filter::default()).unwrap();
    let opts = warta_store::StatsOptions {
        filter: Filter::default(),
        period: warta_store::Period::Month,
        group: warta_store::StatsGroup::Quad,
        top: 5,
    };
    let stats = store.stats(&opts).unwrap();
    assert_eq!(stats.events as usize, rows.len());
    assert_eq!(
        stats.series.iter().map(|s| s.events).sum::<i64>(),
        stats.events
    );
    assert!(stats
        .series
        .iter()
        .all(|s| ["1", "2", "3", "4"].contains(&s.group.as_str())));
    assert_eq!(stats.top_pairs.len(), 5);
    assert!(stats
        .top_pairs
        .windows(2)
        .all(|w| w[0].events >= w[1].events));
    let idn = store
        .stats(&warta_store::StatsOptions {
            filter: Filter {
                actor: vec!["IDN".into()],
                ..Filter::default()
            },
            ..opts
        })
        .unwrap();
    assert!(idn.events > 0 && idn.events < stats.events);
    assert!(idn
        .top_pairs
        .iter()
        .all(|p| p.source.starts_with("IDN") || p.target.starts_with("IDN")));
    let mut table = Vec::new();
    idn.write_table(&mut table).unwrap();
    assert!(String::from_utf8(table).unwrap().contains("AVG GOLD"));
}

#[test]
fn ingest_and_recode_through_the_pipeline() {
    use warta_core::Document;
    let pipeline = warta_pipeline::Pipeline::new();
    let doc = |id: &str, text: &str| -> warta_read::Item {
        Ok(Document {
            id: id.to_string(),
            text: text.to_string(),
            published: Some("2017-03-28".to_string()),
            outlet: Some("antaranews".to_string()),
            origin: "test".to_string(),
            ..Document::default()
        })
    };
    let items = vec![
        doc("a", "Jakarta (ANTARA) - Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Selasa."),
        doc("b", "Harga beras naik Rp2.000 per kilogram di pasar induk Cipinang pada 27 Maret 2017."),
        doc("a", "Jakarta (ANTARA) - Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Selasa."),
    ];
    let mut store = Store::in_memory().unwrap();
    let stats = store
        .ingest(&pipeline, items, &IngestOptions::default(), |_| {})
        .unwrap();
    assert_eq!((stats.read, stats.stored, stats.already), (3, 2, 1));
    assert_eq!(store.stale().unwrap(), 0);
    let before = store.counts().unwrap();
    // pretend article b was coded with older dictionaries
    store
        .connection()
        .execute(
            "UPDATE articles SET resources_version = 'old' WHERE id = 'b'",
            [],
        )
        .unwrap();
    assert_eq!(store.stale().unwrap(), 1);
    let re = store.recode(&pipeline, false, |_| {}).unwrap();
    assert_eq!((re.recoded, re.current, re.errors), (1, 1, 0));
    assert_eq!(store.stale().unwrap(), 0);
    // same code, same resources: the same mentions, not twice as many
    assert_eq!(store.counts().unwrap(), before);
}
