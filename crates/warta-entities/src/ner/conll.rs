//! CoNLL-style NER files: reading, label mapping to PER/ORG/LOC, chunking and scoring.
//!
//! Input: one token a line, columns separated by tabs or spaces, the word in the first column
//! and the tag in the last; a blank line between sentences. Tags may be `B-`/`I-`/`E-`/`S-`/
//! `L-`/`U-` prefixed, or bare (IO). Dataset labels are mapped: PER/PERSON/PPL → PER,
//! ORG/ORGANIZATION/ORGANISATION/IND → ORG, LOC/LOCATION/PLACE/PLC/GPE → LOC, anything else → O.

/// The entity types the model predicts.
pub const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// The BIO labels of the model, in label-id order.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// The BILOU labels (begin, inside, last, unit-length) a model may be trained with instead
/// (`train ner --scheme bilou`), in label-id order.
pub const LABELS_BILOU: [&str; 13] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC",
];

/// One sentence of a gold file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldSentence {
    /// The words.
    pub words: Vec<String>,
    /// Entities as `(first token, end token exclusive, type index into TYPES)`.
    pub chunks: Vec<(usize, usize, usize)>,
}

/// Map a dataset's type name to an index into [`TYPES`], or `None` (outside).
pub fn map_type(t: &str) -> Option<usize> {
    match t.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" | "PPL" | "PERS" => Some(0),
        "ORG" | "ORGANIZATION" | "ORGANISATION" | "IND" => Some(1),
        "LOC" | "LOCATION" | "PLACE" | "PLC" | "GPE" => Some(2),
        _ => None,
    }
}

/// Split a tag into (prefix, type): `B-PER` → (`B`, `PER`), bare `PER` → (`I`, `PER`), `O` → (`O`, "").
fn split_tag(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() || tag == "-" {
        return ('O', "");
    }
    let b = tag.as_bytes();
    if b.len() > 2 && (b[1] == b'-' || b[1] == b'_') {
        let p = (b[0] as char).to_ascii_uppercase();
        if matches!(p, 'B' | 'I' | 'E' | 'S' | 'L' | 'U') {
            return (p, &tag[2..]);
        }
    }
    ('I', tag)
}

/// Chunks of a tag sequence under CoNLL rules (an `I-` after `O` or after another type starts a
/// chunk); types are mapped with [`map_type`] and unmapped types are dropped.
pub fn chunks_of<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None; // (start, type)
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = split_tag(tag.as_ref());
        let ty = if p == 'O' { None } else { map_type(t) };
        let Some(ty) = ty else {
            if let Some((s, t0)) = cur.take() {
                out.push((s, i, t0));
            }
            continue;
        };
        let continues = matches!(p, 'I' | 'E' | 'L') && cur.is_some_and(|(_, t0)| t0 == ty);
        if !continues {
            if let Some((s, t0)) = cur.take() {
                out.push((s, i, t0));
            }
            cur = Some((i, ty));
        }
        if matches!(p, 'E' | 'S' | 'L' | 'U') {
            if let Some((s, t0)) = cur.take() {
                out.push((s, i + 1, t0));
            }
        }
    }
    if let Some((s, t0)) = cur {
        out.push((s, tags.len(), t0));
    }
    out
}

/// BIO label ids (into [`LABELS`]) of `n` tokens with the given chunks.
pub fn bio_ids(n: usize, chunks: &[(usize, usize, usize)]) -> Vec<u16> {
    let mut ids = vec![0u16; n];
    for &(s, e, t) in chunks {
        for (k, id) in ids.iter_mut().enumerate().take(e.min(n)).skip(s) {
            *id = (1 + 2 * t + usize::from(k > s)) as u16;
        }
    }
    ids
}

/// BILOU label ids (into [`LABELS_BILOU`]) of `n` tokens with the given chunks.
pub fn bilou_ids(n: usize, chunks: &[(usize, usize, usize)]) -> Vec<u16> {
    let mut ids = vec![0u16; n];
    for &(s, e, t) in chunks {
        let e = e.min(n);
        for (k, id) in ids.iter_mut().enumerate().take(e).skip(s) {
            let part = if e - s == 1 {
                3
            } else if k == s {
                0
            } else if k + 1 == e {
                2
            } else {
                1
            };
            *id = (1 + 4 * t + part) as u16;
        }
    }
    ids
}

/// Chunks of a sequence of label ids into `labels` (BIO, BILOU, ...; see [`chunks_of`]).
pub fn chunks_of_labels(ids: &[u16], labels: &[&str]) -> Vec<(usize, usize, usize)> {
    let tags: Vec<&str> = ids
        .iter()
        .map(|&i| labels.get(i as usize).copied().unwrap_or("O"))
        .collect();
    chunks_of(&tags)
}

/// Chunks of a sequence of BIO label ids (into [`LABELS`]).
pub fn chunks_of_ids(ids: &[u16]) -> Vec<(usize, usize, usize)> {
    let tags: Vec<&str> = ids
        .iter()
        .map(|&i| LABELS.get(i as usize).copied().unwrap_or("O"))
        .collect();
    chunks_of(&tags)
}

/// Parse a CoNLL-style file. Lines starting with `-DOCSTART-` are skipped.
pub fn parse(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut flush = |words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let chunks = chunks_of(tags);
            out.push(GoldSentence {
                words: std::mem::take(words),
                chunks,
            });
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut words, &mut tags);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split_whitespace().collect()
        };
        let word = fields[0].trim();
        let tag = if fields.len() > 1 {
            fields[fields.len() - 1].trim()
        } else {
            "O"
        };
        if word.is_empty() {
            continue;
        }
        words.push(word.to_string());
        tags.push(tag.to_string());
    }
    flush(&mut words, &mut tags);
    out
}

/// Precision / recall / F1 counts per type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Per type (index into [`TYPES`]): (true positives, predicted, gold).
    pub per_type: [(usize, usize, usize); 3],
}

impl Scores {
    /// Add one sentence's gold and predicted chunks (exact span and type match).
    pub fn add(&mut self, gold: &[(usize, usize, usize)], pred: &[(usize, usize, usize)]) {
        for g in gold {
            self.per_type[g.2].2 += 1;
        }
        for p in pred {
            self.per_type[p.2].1 += 1;
            if gold.contains(p) {
                self.per_type[p.2].0 += 1;
            }
        }
    }

    /// Micro totals (tp, predicted, gold).
    pub fn micro(&self) -> (usize, usize, usize) {
        self.per_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// (precision, recall, F1) of counts.
    pub fn prf((tp, pred, gold): (usize, usize, usize)) -> (f64, f64, f64) {
        warta_core::prf(tp, pred, gold)
    }

    /// Micro F1.
    pub fn f1(&self) -> f64 {
        Self::prf(self.micro()).2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_chunking_rules() {
        // I- after O starts a chunk; a type change splits; E-/S- close.
        let tags = [
            "O", "I-PER", "I-PER", "B-ORG", "I-LOC", "O", "S-PLC", "B-PPL", "E-PPL",
        ];
        assert_eq!(
            chunks_of(&tags),
            vec![(1, 3, 0), (3, 4, 1), (4, 5, 2), (6, 7, 2), (7, 9, 0)]
        );
        // Bare IO tags, and dropped types.
        assert_eq!(
            chunks_of(&["PERSON", "PERSON", "TIME", "B-EVT", "ORGANIZATION"]),
            vec![(0, 2, 0), (4, 5, 1)]
        );
        assert_eq!(chunks_of(&["B-PER", "B-PER"]), vec![(0, 1, 0), (1, 2, 0)]);
    }

    #[test]
    fn bio_round_trip() {
        let ch = vec![(0, 2, 1), (2, 3, 1), (4, 5, 2)];
        let ids = bio_ids(6, &ch);
        assert_eq!(ids, vec![3, 4, 3, 0, 5, 0]);
        assert_eq!(chunks_of_ids(&ids), ch);
    }

    #[test]
    fn bilou_round_trip() {
        let ch = vec![(0, 3, 1), (3, 4, 1), (5, 7, 0)];
        let ids = bilou_ids(8, &ch);
        assert_eq!(ids, vec![5, 6, 7, 8, 0, 1, 3, 0]);
        assert_eq!(chunks_of_labels(&ids, &LABELS_BILOU), ch);
        assert_eq!(chunks_of_labels(&bio_ids(8, &ch), &LABELS), ch);
    }

    #[test]
    fn parses_space_and_tab_files() {
        let s =
            parse("Joko PROPN B-PER\nWidodo PROPN I-PER\ndi ADP O\n\nBank\tB-IND\nBRI\tI-IND\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, vec!["Joko", "Widodo", "di"]);
        assert_eq!(s[0].chunks, vec![(0, 2, 0)]);
        assert_eq!(s[1].chunks, vec![(0, 2, 1)]);
    }

    /// Random tag soups and line noise: chunks stay in bounds, ordered and non-overlapping, and
    /// BIO ids of the chunks give back the same chunks.
    #[test]
    fn random_inputs_never_break_invariants() {
        let tags = [
            "O", "B-PER", "I-PER", "E-ORG", "S-LOC", "I-PLACE", "PPL", "B-EVT", "X", "", "B-",
            "I_ORG",
        ];
        let mut state = 1u64;
        for _ in 0..2000 {
            let n = (warta_learn::hash::mix(state) % 12) as usize;
            let seq: Vec<&str> = (0..n)
                .map(|_| {
                    state = warta_learn::hash::mix(state.wrapping_add(1));
                    tags[(state % tags.len() as u64) as usize]
                })
                .collect();
            let ch = chunks_of(&seq);
            let mut last_end = 0;
            for &(s, e, t) in &ch {
                assert!(s >= last_end && s < e && e <= n && t < 3, "{seq:?} {ch:?}");
                last_end = e;
            }
            assert_eq!(chunks_of_ids(&bio_ids(n, &ch)), ch, "{seq:?}");
            let text: String = seq.iter().map(|t| format!("w {t}\n")).collect();
            let parsed = parse(&text);
            assert!(parsed.len() <= 1);
        }
        assert!(parse("\t\n \n\tB-PER\n-DOCSTART- O\nx").len() == 1);
    }

    #[test]
    fn scores() {
        let mut sc = Scores::default();
        sc.add(&[(0, 2, 0), (3, 4, 2)], &[(0, 2, 0), (3, 5, 2)]);
        assert_eq!(sc.micro(), (1, 2, 2));
        assert!((sc.f1() - 0.5).abs() < 1e-9);
    }
}
