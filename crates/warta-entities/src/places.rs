//! Geocoding: the compact GeoNames-derived place table, our exonyms and country centroids.
//!
//! `data/places.tsv.gz` (made by `warta build-data places`) has one place a line:
//! `geonameid  name  ISO3  lat  lon  population  alt|alt|...`.

use std::collections::HashMap;
use std::io::Read;
use warta_core::Place;

/// One row of the place table.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: u32,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// The loaded place table, name index, exonyms and centroids.
#[derive(Default)]
pub struct Places {
    pub rows: Vec<Row>,
    /// lower-cased name or alternate name -> rows.
    index: HashMap<String, Vec<u32>>,
    /// lower-cased exonym -> (lower-cased GeoNames name, country, line).
    exonyms: HashMap<String, (String, String)>,
    /// ISO3 -> (lat, lon, geonameid).
    centroids: HashMap<String, (f64, f64, Option<u32>)>,
}

/// Parse one table line.
pub fn parse_row(line: &str) -> Option<(Row, &str)> {
    let mut c = line.split('\t');
    let id = c.next()?.parse().ok()?;
    let name = c.next()?.to_string();
    let country = c.next()?.to_string();
    let lat = c.next()?.parse().ok()?;
    let lon = c.next()?.parse().ok()?;
    let population = c.next()?.parse().ok()?;
    let alts = c.next().unwrap_or("");
    Some((
        Row {
            id,
            name,
            country,
            lat,
            lon,
            population,
        },
        alts,
    ))
}

impl Places {
    /// Load from the gzip table text, the exonyms file and the centroids file.
    pub fn load(table_gz: &[u8], exonyms: &str, centroids: &str) -> Places {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(table_gz)
            .read_to_string(&mut text)
            .is_err()
        {
            text.clear();
        }
        let mut p = Places::default();
        let mut sums: HashMap<String, (f64, f64, f64)> = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((row, alts)) = parse_row(line) else {
                continue;
            };
            let i = p.rows.len() as u32;
            let mut add = |name: &str| {
                let k = name.to_lowercase();
                let v = p.index.entry(k).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            };
            add(&row.name);
            for a in alts.split('|').filter(|a| !a.is_empty()) {
                add(a);
            }
            let w = (row.population as f64).max(1.0);
            let s = sums.entry(row.country.clone()).or_default();
            s.0 += row.lat * w;
            s.1 += row.lon * w;
            s.2 += w;
            p.rows.push(row);
        }
        for l in crate::dict::lines(exonyms) {
            if let [exo, target, iso] = l.cols.as_slice() {
                p.exonyms
                    .insert(exo.to_lowercase(), (target.to_lowercase(), iso.to_string()));
            }
        }
        // Derived centroids (population-weighted) first, our authored ones override them.
        for (iso, (a, b, w)) in sums {
            p.centroids.insert(iso, (a / w, b / w, None));
        }
        for l in crate::dict::lines(centroids) {
            let c = &l.cols;
            if c.len() < 3 {
                continue;
            }
            if let (Ok(lat), Ok(lon)) = (c[1].parse(), c[2].parse()) {
                let id = c.get(3).and_then(|s| s.parse().ok());
                p.centroids.insert(c[0].to_string(), (lat, lon, id));
            }
        }
        p
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Candidate rows for a name (exonyms resolved), best first: places in `prefer` countries,
    /// then by population.
    pub fn candidates(&self, name: &str, prefer: &[&str]) -> Vec<&Row> {
        let lower = name.trim().to_lowercase();
        let (key, only) = match self.exonyms.get(&lower) {
            Some((target, iso)) => (target.as_str(), Some(iso.as_str())),
            None => (lower.as_str(), None),
        };
        let mut rows: Vec<&Row> = self
            .index
            .get(key)
            .map(|v| v.iter().map(|&i| &self.rows[i as usize]).collect())
            .unwrap_or_default();
        if let Some(iso) = only {
            rows.retain(|r| r.country == iso);
        }
        rows.sort_by_key(|r| {
            (
                !prefer.contains(&r.country.as_str()),
                std::cmp::Reverse(r.population),
            )
        });
        rows
    }

    /// The best place for a name.
    pub fn lookup(&self, name: &str, prefer: &[&str]) -> Option<Place> {
        self.candidates(name, prefer).first().map(|r| Place {
            name: r.name.clone(),
            country: r.country.clone(),
            lat: r.lat,
            lon: r.lon,
            geonameid: Some(r.id),
        })
    }

    /// A country's centroid as a place named `name`.
    pub fn centroid(&self, iso: &str, name: &str) -> Option<Place> {
        self.centroids.get(iso).map(|&(lat, lon, id)| Place {
            name: name.to_string(),
            country: iso.to_string(),
            lat: (lat * 1e4).round() / 1e4,
            lon: (lon * 1e4).round() / 1e4,
            geonameid: id,
        })
    }

    /// Whether an exonym is known.
    pub fn is_exonym(&self, name: &str) -> bool {
        self.exonyms.contains_key(&name.to_lowercase())
    }
}
