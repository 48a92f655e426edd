//! Synthetic `warta/1` records with events, for tests and benchmarks while the real coder is
//! being built: deterministic (a seeded generator), plausible codes, dates and places.

use warta_core::record::{
    ActorRecord, ArticleRecord, EventRecord, Record, SourceRecord, TriggerRecord,
};
use warta_core::{Modality, Place};

const ACTORS: &[&str] = &[
    "IDN", "IDNGOV", "IDNMIL", "IDNCOP", "IDNOPP", "IDNBUS", "RUS", "RUSGOV", "PRK", "PRKGOV",
    "CHN", "CHNGOV", "USA", "USAGOV", "MYS", "MYSGOV", "AUS", "AUSGOV", "JPN", "IGOUNO", "SGP",
    "PHL", "THA", "IND", "UKRREB",
];
/// (cameo, root, quad class, goldstein)
const CODES: &[(&str, &str, u8, f32)] = &[
    ("010", "01", 1, 0.0),
    ("036", "03", 1, 4.0),
    ("042", "04", 1, 1.9),
    ("043", "04", 1, 2.8),
    ("057", "05", 1, 8.0),
    ("0311", "03", 1, 5.2),
    ("061", "06", 2, 6.4),
    ("070", "07", 2, 7.0),
    ("112", "11", 3, -2.0),
    ("130", "13", 3, -4.4),
    ("173", "17", 4, -5.0),
    ("190", "19", 4, -10.0),
];
const PLACES: &[(&str, &str, f64, f64, Option<u32>)] = &[
    ("Jakarta", "IDN", -6.2146, 106.8451, Some(1642911)),
    ("Moskow", "RUS", 55.7522, 37.6156, Some(524901)),
    ("Surabaya", "IDN", -7.2492, 112.7508, Some(1625822)),
    ("Indonesia", "IDN", -2.0, 118.0, None),
];

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

fn actor(code: &str) -> ActorRecord {
    ActorRecord {
        start: 0,
        end: code.len(),
        text: code.to_string(),
        code: Some(code.to_string()),
    }
}

/// A synthetic event.
pub fn event(rng: &mut Rng, day: &str) -> EventRecord {
    let (cameo, root, quad, gold) = CODES[rng.below(CODES.len())];
    let s = ACTORS[rng.below(ACTORS.len())];
    let mut t = ACTORS[rng.below(ACTORS.len())];
    if t == s {
        t = ACTORS[(rng.below(ACTORS.len() - 1)
            + 1
            + ACTORS.iter().position(|a| *a == s).unwrap_or(0))
            % ACTORS.len()];
    }
    let place = (rng.below(3) > 0).then(|| {
        let (name, country, lat, lon, gid) = PLACES[rng.below(PLACES.len())];
        Place {
            name: name.to_string(),
            country: country.to_string(),
            lat,
            lon,
            geonameid: gid,
        }
    });
    let modality = match rng.below(10) {
        0 => Modality::Future,
        1 => Modality::Negated,
        _ => Modality::Asserted,
    };
    EventRecord {
        sentence: rng.below(5),
        source: Some(actor(s)),
        target: Some(actor(t)),
        trigger: TriggerRecord {
            start: 0,
            end: 4,
            text: "kata".to_string(),
        },
        cameo: cameo.to_string(),
        root: root.to_string(),
        quad_class: quad,
        goldstein: gold,
        plover: None,
        modality,
        date: Some(day.to_string()),
        place,
        rule: "synthetic".to_string(),
        mentions: 1 + rng.below(2) as u32,
    }
}

/// The day `n` days after 2016-01-01, as `YYYY-MM-DD`.
pub fn day(n: i64) -> String {
    let (y, m, d) = crate::export::civil_from_days(crate::export::days_from_civil(2016, 1, 1) + n);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A synthetic article record with `events` events and a unique text built from `n`.
pub fn article(rng: &mut Rng, n: u64, events: usize, outlet: &str) -> Record {
    let d = day((n % 730) as i64);
    let words = [
        "pemerintah",
        "presiden",
        "menteri",
        "rapat",
        "kerja",
        "sama",
        "kunjungan",
        "ekonomi",
        "harga",
        "banjir",
        "polisi",
        "warga",
        "kota",
        "desa",
        "pasar",
        "sekolah",
    ];
    let mut text = format!("Artikel sintetis nomor {n}.");
    for _ in 0..40 {
        text.push(' ');
        text.push_str(words[rng.below(words.len())]);
    }
    text.push('.');
    let events = (0..events).map(|_| event(rng, &d)).collect();
    Record::Article(Box::new(ArticleRecord {
        schema: warta_core::SCHEMA.to_string(),
        id: format!("synth-{n}"),
        language: "id".to_string(),
        published: Some(d),
        published_inferred: false,
        url: Some(format!("https://example.org/{outlet}/{n}")),
        outlet: Some(outlet.to_string()),
        source: SourceRecord {
            agency: None,
            dateline: None,
            dateline_place: None,
            wire_credit: Vec::new(),
            byline_code: None,
            reporter: None,
            editor: None,
            copyright: None,
        },
        text,
        sentences: Vec::new(),
        entities: Vec::new(),
        times: Vec::new(),
        amounts: Vec::new(),
        events,
        checks: Vec::new(),
        warnings: Vec::new(),
        meta: Default::default(),
    }))
}

/// Fill a store with `events` synthetic events, `per_article` per article, by direct inserts
/// (no annotation, no full-text or LSH rows): the event table for query benchmarks.
pub fn fill_events(
    store: &mut crate::Store,
    events: u64,
    per_article: u64,
    seed: u64,
) -> crate::Result<()> {
    let per_article = per_article.max(1);
    let mut rng = Rng::new(seed);
    let outlets = [
        "antaranews",
        "kompas",
        "detik",
        "tempo",
        "cnn indonesia",
        "merdeka",
    ];
    let start: i64 =
        store
            .conn
            .query_row("SELECT coalesce(max(aid), 0) FROM articles", [], |r| {
                r.get(0)
            })?;
    let articles = events.div_ceil(per_article);
    let mut n: u64 = 0;
    while n < articles {
        let tx = store.conn.transaction()?;
        for _ in 0..10_000.min(articles - n) {
            let k = start as u64 + n + 1;
            let outlet = outlets[rng.below(outlets.len())];
            let Record::Article(rec) = article(&mut rng, k, per_article as usize, outlet) else {
                continue;
            };
            // every fifth article is a syndicated copy of the one before (same story)
            let story = if k.is_multiple_of(5) && k > 1 {
                k as i64 - 1
            } else {
                k as i64
            };
            tx.prepare_cached(
                "INSERT INTO articles (aid, hash, id, url, outlet, published, text, story,
                    warta_version, resources_version, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, 'synthetic', 'synthetic', 0)",
            )?
            .execute(rusqlite::params![
                k as i64,
                format!("synth{k}"),
                rec.id,
                rec.url,
                rec.outlet,
                rec.published,
                story
            ])?;
            crate::ingest::insert_mentions(&tx, k as i64, story, rec.outlet.as_deref(), &rec)?;
            n += 1;
        }
        tx.commit()?;
    }
    Ok(())
}
