//! Gazetteer membership of single words, a compact table for the NER features
//! (`model/ner-gazetteer.tsv`, `word<TAB>CLASSES`), built by our own code from this crate's
//! gazetteers (`data/places.tsv.gz`, `countries.tsv`, `country-aliases.tsv`, `exonyms.tsv`,
//! `people.tsv`, `actors.tsv`) with `warta train ner --build-gazetteer`.
//!
//! A word's classes say which kinds of names it occurs in: `LOC` (places, countries), `PER`
//! (people), `ORG` (organisations). The model learns how much each class (and its conjunction
//! with capitalisation and neighbours) means in each corpus.

use std::collections::BTreeMap;

/// The classes a gazetteer word may have (bit `i` = `CLASSES[i]`).
pub const CLASSES: [&str; 3] = ["LOC", "PER", "ORG"];

/// Words of a name: lower-cased runs of letters (and inner apostrophes/hyphens), ≥ 2 chars.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_numeric()))
        .map(str::to_lowercase)
}

/// Build the table from `(class index into CLASSES, name)` pairs. Names are split into words;
/// a word gets the classes of every name it occurs in.
pub fn build<'a>(names: impl IntoIterator<Item = (usize, &'a str)>, provenance: &str) -> String {
    let mut table: BTreeMap<String, u8> = BTreeMap::new();
    for (class, name) in names {
        if class >= CLASSES.len() {
            continue;
        }
        for w in words(name) {
            *table.entry(w).or_insert(0) |= 1 << class;
        }
    }
    let mut out = format!(
        "# word<TAB>classes (LOC, PER, ORG joined by +): the kinds of gazetteer names the word occurs in.\n# {provenance}\n"
    );
    for (w, bits) in &table {
        let cls: Vec<&str> = CLASSES
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, c)| *c)
            .collect();
        out.push_str(w);
        out.push('\t');
        out.push_str(&cls.join("+"));
        out.push('\n');
    }
    out
}

/// The people of a TABARI actor dictionary (the Phoenix `.actors` format): entry lines (not
/// `+` synonyms, codes or comments) generated from CountryInfo, marked `# CountryInfo.txt`
/// (each such entry is a person), as names with spaces for the underscores.
pub fn tabari_people(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter(|l| !l.starts_with(['#', '+', '[', ' ', '\t']) && l.contains("# CountryInfo.txt"))
        .filter_map(|l| {
            let name = l.split(['#', '[']).next()?.trim().trim_end_matches('_');
            (!name.is_empty()).then(|| name.replace('_', " "))
        })
}

/// Parse one table line into (word, class bits); `None` for comments and bad lines.
pub fn parse_line(line: &str) -> Option<(&str, u8)> {
    if line.starts_with('#') {
        return None;
    }
    let (w, c) = line.split_once('\t')?;
    let mut bits = 0u8;
    for part in c.split('+') {
        bits |= 1 << CLASSES.iter().position(|k| *k == part.trim())?;
    }
    (!w.is_empty()).then_some((w, bits))
}

/// Build the table from the entity gazetteers in `dir` (`places.tsv.gz`, `countries.tsv`,
/// `country-aliases.tsv`, `exonyms.tsv`, `people.tsv`, `actors.tsv`) plus the CountryInfo
/// people of the TABARI actor dictionaries `people` (`warta train ner --build-gazetteer DIR
/// [--gazetteer-people ...]`). Returns the table's text (its provenance line names the
/// command).
pub fn build_from_dir(
    dir: &std::path::Path,
    people_files: &[std::path::PathBuf],
) -> Result<String, super::train::TrainError> {
    use super::train::{read_text, TrainError};
    let read = |name: &str| read_text(&dir.join(name));
    let rows = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    let (loc, per, org) = (0usize, 1usize, 2usize);
    let mut names: Vec<(usize, String)> = Vec::new();
    // places: geonameid, name, ISO3, lat, lon, population, alternate names (|).
    for r in rows(&read("places.tsv.gz")?) {
        if let Some(n) = r.get(1) {
            names.push((loc, n.clone()));
        }
        if let Some(alt) = r.get(6) {
            names.extend(alt.split('|').map(|n| (loc, n.to_string())));
        }
    }
    for r in rows(&read("countries.tsv")?) {
        names.extend(r.iter().skip(1).map(|n| (loc, n.clone())));
    }
    for r in rows(&read("country-aliases.tsv")?) {
        if let Some(al) = r.get(1) {
            names.extend(al.split('|').map(|n| (loc, n.trim().to_string())));
        }
    }
    for r in rows(&read("exonyms.tsv")?) {
        names.extend(r.iter().take(2).map(|n| (loc, n.clone())));
    }
    for r in rows(&read("people.tsv")?) {
        if let Some(n) = r.first() {
            names.extend(n.split('|').map(|n| (per, n.trim().to_string())));
        }
    }
    for r in rows(&read("actors.tsv")?) {
        let class = match r.get(1).map(String::as_str) {
            Some("LOC") => loc,
            Some("ORG") => org,
            _ => continue,
        };
        if let Some(n) = r.get(2) {
            names.extend(n.split('|').map(|n| (class, n.trim().to_string())));
        }
    }
    let ours = names.len();
    let mut people = 0;
    for p in people_files {
        let text = std::fs::read_to_string(p).map_err(TrainError::file(p))?;
        let before = names.len();
        names.extend(tabari_people(&text).map(|n| (per, n)));
        people += names.len() - before;
    }
    let provenance = if people_files.is_empty() {
        format!(
            "Generated by `warta train ner --build-gazetteer {}` from our entity gazetteers ({ours} names).",
            dir.display()
        )
    } else {
        format!(
            "Generated by `warta train ner --build-gazetteer {} --gazetteer-people {}` ({ours} names) and the people of those TABARI actor dictionaries ({people} names).",
            dir.display(),
            super::train::file_names(people_files)
        )
    };
    Ok(build(
        names.iter().map(|(c, n)| (*c, n.as_str())),
        &provenance,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_parses() {
        let t = build(
            [
                (0, "Kota Bandung"),
                (1, "Joko Widodo"),
                (0, "Sungai Joko"),
                (2, "PT 123 Pos"),
            ],
            "test",
        );
        let rows: Vec<(&str, u8)> = t.lines().filter_map(parse_line).collect();
        assert!(rows.contains(&("bandung", 1)));
        assert!(rows.contains(&("joko", 3)));
        assert!(rows.contains(&("pt", 4)));
        assert!(!rows.iter().any(|(w, _)| *w == "123"));
        assert_eq!(parse_line("x\tFOO"), None);
        let tabari =
            "# c\nHAMID_KARZAI_  # CountryInfo.txt\n\t[AFGGOV]\n+KABUL_\nAFGHAN_ARMY [AFGMIL]\n";
        let people: Vec<String> = tabari_people(tabari).collect();
        assert_eq!(people, vec!["HAMID KARZAI".to_string()]);
        assert_eq!(parse_line("# c"), None);
    }
}
