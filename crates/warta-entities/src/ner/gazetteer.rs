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
