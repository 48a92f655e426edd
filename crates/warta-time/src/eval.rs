//! Evaluation of time and amount extraction: span matching, P/R/F1, value accuracy, and the
//! readers for TimeML files and NER UGM's BIO files. The CLI (`warta eval time|amounts`) only
//! reads files and prints.

use warta_core::Span;

/// One annotation or prediction: its byte span and its value as text (times: the TIMEX3
/// value; amounts: `value|unit`).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub span: Span,
    pub value: String,
}

/// Tallies over a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    /// One-to-one matches by span overlap.
    pub overlap: usize,
    /// Matches with identical spans.
    pub exact: usize,
    /// Overlap matches whose values agree.
    pub value_ok: usize,
}

pub use warta_core::prf;

/// The matched pairs (gold index, prediction index) of one document: exact spans first, then
/// the largest overlap, one-to-one.
pub fn align(gold: &[Item], pred: &[Item]) -> Vec<(usize, usize)> {
    let mut used_p = vec![false; pred.len()];
    let mut used_g = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        if let Some(p) = (0..pred.len()).find(|&p| !used_p[p] && pred[p].span == gi.span) {
            used_p[p] = true;
            used_g[g] = true;
            pairs.push((g, p));
        }
    }
    for (g, gi) in gold.iter().enumerate() {
        if used_g[g] {
            continue;
        }
        let best = (0..pred.len())
            .filter(|&p| !used_p[p] && pred[p].span.overlaps(gi.span))
            .max_by_key(|&p| {
                let s = pred[p].span;
                s.end.min(gi.span.end) - s.start.max(gi.span.start)
            });
        if let Some(p) = best {
            used_p[p] = true;
            used_g[g] = true;
            pairs.push((g, p));
        }
    }
    pairs.sort_unstable();
    pairs
}

impl Counts {
    /// Add one document; `same` says whether two values agree.
    pub fn add(&mut self, gold: &[Item], pred: &[Item], same: impl Fn(&str, &str) -> bool) {
        self.docs += 1;
        self.gold += gold.len();
        self.pred += pred.len();
        for (g, p) in align(gold, pred) {
            self.overlap += 1;
            self.exact += usize::from(gold[g].span == pred[p].span);
            self.value_ok += usize::from(same(&gold[g].value, &pred[p].value));
        }
    }

    /// The report printed by `warta eval`.
    pub fn report(&self, what: &str) -> String {
        let (po, ro, fo) = prf(self.overlap, self.pred, self.gold);
        let (pe, re, fe) = prf(self.exact, self.pred, self.gold);
        let acc = if self.overlap == 0 {
            0.0
        } else {
            self.value_ok as f64 / self.overlap as f64
        };
        format!(
            "{what}: {} documents, {} gold, {} predicted\n  span overlap  P {po:.3}  R {ro:.3}  F1 {fo:.3}\n  span exact    P {pe:.3}  R {re:.3}  F1 {fe:.3}\n  value accuracy over {} overlap matches: {acc:.3} ({} right)",
            self.docs, self.gold, self.pred, self.overlap, self.value_ok
        )
    }
}

/// Times agree when their values are equal (ignoring case).
pub fn same_time(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Amounts (`value|unit`) agree when units are equal and values within 1e-9 relative.
pub fn same_amount(a: &str, b: &str) -> bool {
    let (Some((va, ua)), Some((vb, ub))) = (a.split_once('|'), b.split_once('|')) else {
        return false;
    };
    let (Ok(va), Ok(vb)) = (va.parse::<f64>(), vb.parse::<f64>()) else {
        return false;
    };
    ua.eq_ignore_ascii_case(ub) && (va - vb).abs() <= 1e-9 * va.abs().max(vb.abs()).max(1.0)
}

/// The byte offset of code-point offset `cp` in `text` (the end of the text allowed).
pub fn byte_of_char(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(cp)
}

/// A TimeML document: its text without tags, creation date, and TIMEX3 annotations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeMl {
    pub text: String,
    /// The value of the TIMEX3 with `functionInDocument="CREATION_TIME"` (first 10 chars).
    pub dct: Option<String>,
    pub timexes: Vec<Item>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let i = tag.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[i..];
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let end = rest[1..].find(q)?;
    Some(unescape(&rest[1..1 + end]))
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parse a TimeML (`.tml`) file: the `TEXT` element's content without tags (the whole file
/// when there is no `TEXT`), its TIMEX3 spans and values, and the document creation time.
pub fn parse_timeml(xml: &str) -> Result<TimeMl, String> {
    let mut doc = TimeMl::default();
    // The creation time may stand anywhere (usually in <DCT>).
    let mut pos = 0;
    while let Some(i) = xml[pos..].find("<TIMEX3") {
        let start = pos + i;
        let end = xml[start..]
            .find('>')
            .map(|e| start + e)
            .ok_or("unterminated TIMEX3 tag")?;
        let tag = &xml[start..end];
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            doc.dct = attr(tag, "value").map(|v| v.chars().take(10).collect());
            break;
        }
        pos = end;
    }
    let body = match (xml.find("<TEXT>"), xml.find("</TEXT>")) {
        (Some(a), Some(b)) if a < b => &xml[a + 6..b],
        _ => xml,
    };
    let mut open: Option<(usize, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        match rest.find('<') {
            None => {
                doc.text.push_str(&unescape(rest));
                break;
            }
            Some(i) => {
                doc.text.push_str(&unescape(&rest[..i]));
                let close = rest[i..].find('>').ok_or("unterminated tag in TEXT")? + i;
                let tag = &rest[i + 1..close];
                if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                    let value = attr(tag, "value").unwrap_or_default();
                    open = Some((doc.text.len(), value));
                } else if tag.starts_with("/TIMEX3") {
                    if let Some((s, value)) = open.take() {
                        doc.timexes.push(Item {
                            span: Span::new(s, doc.text.len()),
                            value,
                        });
                    }
                }
                rest = &rest[close + 1..];
            }
        }
    }
    Ok(doc)
}

/// One sentence of a BIO file, re-joined with single spaces, and its typed spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BioSentence {
    pub text: String,
    /// (type, byte span).
    pub spans: Vec<(String, Span)>,
}

/// Read a tab- or space-separated BIO file (`token<TAB>tag`, blank lines between sentences).
pub fn parse_bio(text: &str) -> Vec<BioSentence> {
    let mut out = Vec::new();
    let mut cur = BioSentence::default();
    let mut open: Option<(String, usize, usize)> = None;
    let flush = |cur: &mut BioSentence, open: &mut Option<(String, usize, usize)>| {
        if let Some((k, s, e)) = open.take() {
            cur.spans.push((k, Span::new(s, e)));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut open);
            if !cur.text.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (tok, tag) = match line.rsplit_once(['\t', ' ']) {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (line.trim(), "O"),
        };
        if !cur.text.is_empty() {
            cur.text.push(' ');
        }
        let s = cur.text.len();
        cur.text.push_str(tok);
        let e = cur.text.len();
        let (bio, kind) = tag.split_once('-').unwrap_or((tag, ""));
        match bio {
            "B" => {
                flush(&mut cur, &mut open);
                open = Some((kind.to_string(), s, e));
            }
            "I" => match &mut open {
                Some((k, _, end)) if k == kind => *end = e,
                _ => {
                    flush(&mut cur, &mut open);
                    open = Some((kind.to_string(), s, e));
                }
            },
            _ => flush(&mut cur, &mut open),
        }
    }
    flush(&mut cur, &mut open);
    if !cur.text.is_empty() {
        out.push(cur);
    }
    out
}

/// The `kind` spans of `sents` that no `found(sentence)` span overlaps: (sentence, span).
pub fn bio_misses<'s>(
    sents: &'s [BioSentence],
    kind: &str,
    found: impl Fn(&str) -> Vec<Span>,
) -> Vec<(&'s BioSentence, Span)> {
    let mut out = Vec::new();
    for s in sents {
        let gold = s.spans.iter().filter(|(k, _)| k == kind).map(|x| x.1);
        let mut pred = None;
        for g in gold {
            let p = pred.get_or_insert_with(|| found(&s.text));
            if !p.iter().any(|p| p.overlaps(g)) {
                out.push((s, g));
            }
        }
    }
    out
}

/// Recall by overlap of the `kind` spans of `sents` among `found(sentence)` spans:
/// (found, total).
pub fn bio_recall(
    sents: &[BioSentence],
    kind: &str,
    found: impl Fn(&str) -> Vec<Span>,
) -> (usize, usize) {
    let (mut hit, mut total) = (0, 0);
    for s in sents {
        let gold: Vec<Span> = s
            .spans
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|x| x.1)
            .collect();
        if gold.is_empty() {
            continue;
        }
        let pred = found(&s.text);
        total += gold.len();
        hit += gold
            .iter()
            .filter(|g| pred.iter().any(|p| p.overlaps(**g)))
            .count();
    }
    (hit, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TML: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-03-11" functionInDocument="CREATION_TIME">March 11, 2015</TIMEX3></DCT>
<TEXT>Russia said on <TIMEX3 tid="t1" type="DATE" value="2015-03-11">Wednesday</TIMEX3> that Kim &amp; co will come in <TIMEX3 tid="t2" type="DATE" value="2015-05">May</TIMEX3>.</TEXT>
</TimeML>"#;

    #[test]
    fn reads_timeml() {
        let d = parse_timeml(TML).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2015-03-11"));
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(d.timexes[0].span.text(&d.text), "Wednesday");
        assert_eq!(d.timexes[1].span.text(&d.text), "May");
        assert!(d.text.contains("Kim & co"));
    }

    #[test]
    fn scores_overlap_and_exact() {
        let it = |a, b, v: &str| Item {
            span: Span::new(a, b),
            value: v.into(),
        };
        let gold = [it(0, 4, "2015"), it(10, 20, "2015-05"), it(30, 35, "P3D")];
        let pred = [it(0, 4, "2015"), it(12, 20, "2015-06"), it(40, 45, "x")];
        let mut c = Counts::default();
        c.add(&gold, &pred, same_time);
        assert_eq!((c.overlap, c.exact, c.value_ok), (2, 1, 1));
        let (p, r, _) = prf(c.overlap, c.pred, c.gold);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!(same_amount("25000000|USD", "25000000.0|usd"));
        assert!(!same_amount("25000000|USD", "25000|USD"));
    }

    #[test]
    fn reads_bio_and_code_points() {
        let s = parse_bio("Senin\tB-TIME\n(\tI-TIME\n20/6\tI-TIME\n)\tI-TIME\nada\tO\n53\tB-QUANTITY\ntahun\tI-QUANTITY\n\nx\tO\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].spans[0].1.text(&s[0].text), "Senin ( 20/6 )");
        assert_eq!(s[0].spans[1].1.text(&s[0].text), "53 tahun");
        let (hit, total) = bio_recall(&s, "TIME", |_| vec![Span::new(0, 5)]);
        assert_eq!((hit, total), (1, 1));
        assert_eq!(byte_of_char("é a", 1), Some(2));
        assert_eq!(byte_of_char("é a", 3), Some(4));
    }
}
