//! Tagged corpora: `token<TAB>tag` a line, a blank line between sentences (BaPOS, POSP,
//! nlp-id kumparan). Extra columns are ignored; lines without a tab are skipped.

/// One gold sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Parse a tagged file.
pub fn read_tagged(text: &str) -> Vec<TaggedSentence> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(w), Some(t)) = (cols.next(), cols.next()) else {
            continue;
        };
        let (w, t) = (w.trim(), t.trim());
        if w.is_empty() || t.is_empty() {
            continue;
        }
        cur.words.push(w.to_string());
        cur.tags.push(t.to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences() {
        let t = "Kera\tB-NN\nuntuk\tB-SC\n\n\nIa\tB-PRP\nx\n.\tB-Z\textra\n";
        let s = read_tagged(t);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, vec!["Kera", "untuk"]);
        assert_eq!(s[1].tags, vec!["B-PRP", "B-Z"]);
    }
}
