//! Newswire furniture: dateline, agency, wire credits, byline code, reporter, editor,
//! copyright, and inserted lines (`Baca juga: ...`).
//!
//! - **Dateline** at the start of the text, before a dash (`-` between spaces, `--`, `- -`,
//!   `–`, `—`): `Kota (ANTARA News) -`, `Kota, 7/12 (Antara) -`, `Jakarta, Dec 31, 2016
//!   (Antara) -`, `JAKARTA (Reuters) -`, `(AFP) -`, `Jakarta, CNN Indonesia --`,
//!   `Liputan6.com, Jakarta -`, `TEMPO.CO, Jakarta -`, `KOMPAS.com -`, `BEKASI -`.
//!   The place is the first comma-separated part (dates after it are dropped). The dateline
//!   stays in the body (and in the first sentence); its span is recorded.
//! - **Trailing block**, read line by line from the end: `Editor: ...`, `Pewarta: ...`,
//!   `Copyright © ANTARA 2015` (`(c)`, `©2016`), a byline code on its own line `(Uu.T008)`,
//!   `Baca juga: ...`; then a short code closing the last paragraph after its final
//!   punctuation (`... katanya. (ptr)`, `[ary]`, `(den / asa)`), or a bracketed credit
//!   (`[Antara]` → wire credit, `[Priscilla Trisna]` → reporter). The body ends before it.
//! - **Inserted lines** inside the body (`Baca juga:`, `Simak juga:`, `Sumber:`, `Reporter:`,
//!   ...; labels in `data/furniture-labels.tsv`) are recorded as spans and excluded from
//!   tokens and sentences by [`crate::TextDoc::analyse`].
//! - **Wire credits** inside the body: a known agency (`data/agencies.tsv`) next to a cue
//!   (`lapor AFP`, `menurut Reuters`, `kepada AFP`, `seperti dilansir kantor berita Antara`,
//!   `dikutip dari AFP`, `Reuters melaporkan`; `data/credit-cues.tsv`), deduplicated, in order.
//!   The outlet's own name (the dateline agency) is not a wire credit.

use crate::dict::lexicon;
use warta_core::{FurnitureKind, SourceInfo, Span};

/// Parse the furniture of `text`; returns it and the span of the body proper.
pub fn parse(text: &str) -> (SourceInfo, Span) {
    let mut info = SourceInfo::default();
    let end = trailing_block(text, &mut info);
    let end = trailing_inline(text, end, &mut info);
    inserted_lines(text, end, &mut info);
    dateline(text, end, &mut info);
    wire_credits(text, end, &mut info);
    info.spans.sort_by_key(|(_, s)| (s.start, s.end));
    (info, Span::new(0, end))
}

/// Spans of furniture inside the body that are not part of any sentence.
pub fn excluded(info: &SourceInfo, body: Span) -> Vec<Span> {
    info.spans
        .iter()
        .filter(|(k, s)| {
            !matches!(k, FurnitureKind::Dateline | FurnitureKind::WireCredit)
                && s.start < body.end
                && s.end > body.start
        })
        .map(|(_, s)| *s)
        .collect()
}

fn trim_end_len(s: &str) -> usize {
    s.trim_end_matches(|c: char| c.is_whitespace() || crate::tokens::is_ignorable(c))
        .len()
}

/// One classified furniture line.
enum LineKind<'a> {
    Copyright(&'a str),
    Label(&'static str, &'a str),
    Code(&'a str),
}

fn classify_line(line: &str) -> Option<LineKind<'_>> {
    if line.len() <= 160 {
        if let Some(rest) = strip_copyright(line) {
            return Some(LineKind::Copyright(rest));
        }
    }
    if let Some(colon) = line.find(':').filter(|&c| c <= 30) {
        let label = line[..colon].trim().to_lowercase();
        if let Some(&kind) = lexicon().labels.get(label.as_str()) {
            let value = line[colon + 1..].trim();
            if kind == "insert" || value.len() <= 120 {
                return Some(LineKind::Label(kind, value));
            }
        }
    }
    // "(U.A026/B/T010) 11-03-2015 16:00": a code followed by a time stamp
    if let Some(close) = line.strip_prefix('(').and_then(|l| l.find(')')) {
        let code = line[1..close + 1].trim();
        let rest = &line[close + 2..];
        if !rest.trim().is_empty()
            && rest.len() <= 30
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || " -:/.".contains(c))
            && is_code(code)
        {
            return Some(LineKind::Code(code));
        }
    }
    let inner = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    if let Some(code) = inner.map(str::trim).filter(|c| is_code(c)) {
        return Some(LineKind::Code(code));
    }
    None
}

/// `Copyright © ANTARA 2015` → `ANTARA 2015`; `©2016` → `2016`.
fn strip_copyright(line: &str) -> Option<&str> {
    let lower_starts = |p: &str| {
        line.len() >= p.len()
            && line.is_char_boundary(p.len())
            && line[..p.len()].eq_ignore_ascii_case(p)
    };
    let mut rest = if lower_starts("copyright") || lower_starts("hak cipta") {
        &line[9..]
    } else if line.starts_with('©') || lower_starts("(c)") {
        line
    } else {
        return None;
    };
    loop {
        let r = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '©' || c == ':');
        let r = if r.len() >= 3 && r.as_bytes()[..3].eq_ignore_ascii_case(b"(c)") {
            &r[3..]
        } else {
            r
        };
        if r.len() == rest.len() {
            break;
        }
        rest = r;
    }
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

/// A byline/editor code: `Uu.T008`, `ptr`, `rah / rah`, `T.KR - NJI / M019`, `gk - 43`.
fn is_code(s: &str) -> bool {
    if s.is_empty() || s.len() > 40 {
        return false;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " ./-*_".contains(c))
    {
        return false;
    }
    if !s.chars().any(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if s.split_whitespace().any(|w| w.len() > 16) {
        return false;
    }
    if known_agency(s).is_some() {
        return false;
    }
    let title_word = s.split_whitespace().any(|w| {
        w.len() >= 4
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
    });
    let short_caps = s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase());
    s.contains('/')
        || (s.contains(|c: char| c.is_ascii_digit()) && !title_word)
        || s.chars().all(|c| !c.is_ascii_uppercase())
        || short_caps
}

fn set_once(field: &mut Option<String>, value: &str) {
    if field.is_none() && !value.is_empty() {
        *field = Some(value.to_string());
    }
}

/// Consume furniture lines from the end; returns the end of the body so far.
fn trailing_block(text: &str, info: &mut SourceInfo) -> usize {
    let mut end = text.len();
    loop {
        let te = trim_end_len(&text[..end]);
        if te == 0 {
            return 0;
        }
        let line_start = text[..te].rfind('\n').map_or(0, |p| p + 1);
        let raw = &text[line_start..te];
        let line = raw.trim_start();
        let ls = line_start + (raw.len() - line.len());
        let span = Span::new(ls, te);
        match classify_line(line) {
            Some(LineKind::Copyright(c)) => {
                set_once(&mut info.copyright, c);
                info.spans.push((FurnitureKind::Copyright, span));
            }
            Some(LineKind::Label("editor", v)) => {
                set_once(&mut info.editor, v);
                info.spans.push((FurnitureKind::Editor, span));
            }
            Some(LineKind::Label("reporter", v)) => {
                set_once(&mut info.reporter, v);
                info.spans.push((FurnitureKind::Reporter, span));
            }
            Some(LineKind::Label(_, _)) => info.spans.push((FurnitureKind::Insert, span)),
            Some(LineKind::Code(c)) => {
                if c != "end" {
                    set_once(&mut info.byline_code, c);
                }
                info.spans.push((FurnitureKind::BylineCode, span));
            }
            None => {
                // A "Baca juga:" line followed by its headline: the headline is furniture too.
                if let Some(prev_end) = text[..line_start].strip_suffix('\n').map(str::len) {
                    let pe = trim_end_len(&text[..prev_end]);
                    let ps = text[..pe].rfind('\n').map_or(0, |p| p + 1);
                    let prev = text[ps..pe].trim_start();
                    if pe == prev_end
                        && line.len() <= 200
                        && matches!(classify_line(prev), Some(LineKind::Label("insert", "")))
                    {
                        info.spans.push((FurnitureKind::Insert, span));
                        end = line_start;
                        continue;
                    }
                }
                return te;
            }
        }
        end = line_start;
    }
}

/// A short code or credit closing the last paragraph: `... katanya. (ptr)`, `[Antara]`.
fn trailing_inline(text: &str, end: usize, info: &mut SourceInfo) -> usize {
    let body = &text[..end];
    let close = match body.chars().next_back() {
        Some(')') => '(',
        Some(']') => '[',
        _ => return end,
    };
    let line_start = body.rfind('\n').map_or(0, |p| p + 1);
    let Some(open) = body[line_start..].rfind(close).map(|p| p + line_start) else {
        return end;
    };
    let content = body[open + 1..end - 1].trim();
    if content.is_empty() || content.len() > 40 || content.contains(['(', ')', '[', ']']) {
        return end;
    }
    let before = body[..open].trim_end();
    let after_punct = before.is_empty()
        || before.len() < line_start
        || before.ends_with(['.', '!', '?', '"', '”', '’', ')', ']', '\'', '…']);
    if !after_punct {
        return end;
    }
    let span = Span::new(open, end);
    let new_end = trim_end_len(before);
    let title_name = content.len() <= 12
        && content
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
        && content.chars().skip(1).all(|c| c.is_ascii_lowercase());
    if (is_code(content) || title_name) && known_agency(content).is_none() {
        if content != "end" {
            set_once(&mut info.byline_code, content);
        }
        info.spans.push((FurnitureKind::BylineCode, span));
        return new_end;
    }
    if let Some(canonical) = known_agency(content) {
        push_credit(info, canonical);
        info.spans.push((FurnitureKind::WireCredit, span));
        return new_end;
    }
    if close == '[' && is_name_like(content) {
        // suara.com closes with the reporter's name or the source outlet in brackets
        if content.split_whitespace().count() >= 2 {
            set_once(&mut info.reporter, content);
            info.spans.push((FurnitureKind::Reporter, span));
        } else {
            push_credit(info, content.to_string());
            info.spans.push((FurnitureKind::WireCredit, span));
        }
        return new_end;
    }
    end
}

fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
        })
}

fn push_credit(info: &mut SourceInfo, name: String) {
    if !info.wire_credit.contains(&name) {
        info.wire_credit.push(name);
    }
}

/// Labelled lines inside the body: `Baca juga: ...`, `Reporter: ...`.
fn inserted_lines(text: &str, end: usize, info: &mut SourceInfo) {
    let body = &text[..end];
    let lex = lexicon();
    let mut pos = 0;
    let mut extend_next = false;
    while pos < body.len() {
        let line_end = body[pos..].find('\n').map_or(body.len(), |p| p + pos);
        let raw = &body[pos..line_end];
        let line = raw.trim();
        let ls = pos + (raw.len() - raw.trim_start().len());
        let span = Span::new(ls, ls + line.len());
        if line.is_empty() {
            extend_next = false;
        } else if extend_next {
            extend_next = false;
            if line.len() <= 200 {
                info.spans.push((FurnitureKind::Insert, span));
            }
        } else if line.len() <= 250 && line.contains(':') {
            if let Some(LineKind::Label(kind, value)) = classify_line(line) {
                match kind {
                    "reporter" => {
                        set_once(&mut info.reporter, value);
                        info.spans.push((FurnitureKind::Reporter, span));
                    }
                    "editor" => {
                        set_once(&mut info.editor, value);
                        info.spans.push((FurnitureKind::Editor, span));
                    }
                    _ => {
                        info.spans.push((FurnitureKind::Insert, span));
                        extend_next = value.is_empty();
                    }
                }
            }
        }
        let _ = lex;
        pos = line_end + 1;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dash {
    Single,
    Double,
}

/// The canonical name of a known agency variant (case-insensitive).
fn known_agency(s: &str) -> Option<String> {
    let lex = lexicon();
    if s.len() > 40 {
        return None;
    }
    lex.agency_by_lower.get(&s.to_lowercase()).cloned()
}

/// `Merdeka.com`, `TEMPO.CO`, `Liputan6.com`, `KABARWAJO.com`.
fn is_domain_like(s: &str) -> bool {
    let Some((name, tld)) = s.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && !s.contains(' ')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && name.chars().next().is_some_and(char::is_alphabetic)
        && ["com", "net", "co", "id", "org", "tv", "info", "news"]
            .iter()
            .any(|t| tld.eq_ignore_ascii_case(t))
}

fn agency_name(s: &str) -> Option<String> {
    known_agency(s).or_else(|| is_domain_like(s).then(|| s.to_string()))
}

const CONNECTORS: &[&str] = &[
    "de", "di", "da", "del", "van", "von", "al", "el", "la", "le", "of", "upon", "am", "an",
];

fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.len() <= 40
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
                && (w.chars().next().is_some_and(char::is_uppercase) || CONNECTORS.contains(w))
        })
        && known_agency(s).is_none()
}

/// Section labels that stand where a dateline would (`OPINI - ...`).
const NOT_PLACES: &[&str] = &[
    "OPINI",
    "ANALISIS",
    "EDITORIAL",
    "KOLOM",
    "RESENSI",
    "TAJUK",
    "TAJUK RENCANA",
    "FOKUS",
    "UPDATE",
    "BREAKING NEWS",
    "EKSKLUSIF",
    "INFOGRAFIS",
    "VIDEO",
    "FOTO",
    "LIPUTAN KHUSUS",
    "WAWANCARA",
    "PROFIL",
    "SURAT PEMBACA",
    "ADVERTORIAL",
    "BERITA",
    "INFO",
    "CATATAN",
];

fn is_caps_place(s: &str) -> bool {
    !NOT_PLACES.contains(&s)
        && is_place(s)
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !s.chars().any(char::is_lowercase)
}

/// Find the dateline dash in the first line: its start, end and kind.
fn find_dash(line: &str) -> Option<(usize, usize, Dash)> {
    let b = line.as_bytes();
    for (j, c) in line.char_indices() {
        if j > 120 {
            break;
        }
        match c {
            '—' | '–' | '―' => return Some((j, j + c.len_utf8(), Dash::Double)),
            '-' => {
                let prev_space = j == 0 || b[j - 1].is_ascii_whitespace();
                let mut k = j + 1;
                while k < b.len() && b[k] == b'-' {
                    k += 1;
                }
                if k > j + 1 {
                    // "--" (attached or not)
                    return Some((j, k, Dash::Double));
                }
                let next_space = k >= b.len() || b[k].is_ascii_whitespace() || b[k] == 0xC2;
                if prev_space && next_space {
                    // "- -" (IndoSum's re-spaced "--")
                    let rest = &line[k..];
                    let r = rest.trim_start();
                    if r.starts_with('-') && r[1..].starts_with(char::is_whitespace) {
                        let e = k + (rest.len() - r.len()) + 1;
                        return Some((j, e, Dash::Double));
                    }
                    return Some((j, k, Dash::Single));
                }
            }
            '\n' => break,
            _ => {}
        }
    }
    None
}

fn dateline(text: &str, end: usize, info: &mut SourceInfo) {
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || crate::tokens::is_ignorable(c))
            .len();
    let mut stop = (lead + 200).min(end);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    if stop <= lead {
        return;
    }
    let line = &text[lead..stop];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let Some((d0, d1, dash)) = find_dash(line) else {
        return;
    };
    let head = line[..d0].trim();
    if head.is_empty() {
        return;
    }
    let (place, agency, credits) = match parse_head(head, dash) {
        Some(x) => x,
        None => return,
    };
    for c in credits {
        push_credit(info, c);
    }
    if let Some(p) = place {
        info.dateline = Some(p.to_string());
    }
    if let Some(a) = agency {
        info.agency = Some(a);
    }
    info.spans
        .push((FurnitureKind::Dateline, Span::new(lead, lead + d1)));
}

fn parse_head(head: &str, dash: Dash) -> Option<(Option<&str>, Option<String>, Vec<String>)> {
    if head.ends_with(')') {
        let open = head.rfind('(')?;
        let inner = head[open + 1..head.len() - 1].trim();
        // "(Antara/AFP)": the house, then the wire it took the story from
        let mut parts = inner.split('/').map(str::trim);
        let raw = parts.next().unwrap_or(inner);
        let credits: Vec<String> = parts.filter_map(agency_name).collect();
        let pre = head[..open].trim().trim_end_matches(',').trim();
        let agency = agency_name(raw).or_else(|| {
            (is_name_like(raw) && !pre.is_empty() && raw.split_whitespace().count() <= 3)
                .then(|| raw.to_string())
        })?;
        if pre.is_empty() {
            return Some((None, Some(agency), credits));
        }
        let first = pre.split(',').next().unwrap_or(pre).trim();
        return is_place(first).then_some((Some(first), Some(agency), credits));
    }
    if head.contains(',') {
        let segs: Vec<&str> = head.split(',').map(str::trim).collect();
        if segs.len() == 2 {
            let (a, b) = (segs[0], segs[1]);
            if let Some(ag) = agency_name(b).filter(|_| is_place(a)) {
                return Some((Some(a), Some(ag), Vec::new()));
            }
            if let Some(ag) = agency_name(a).filter(|_| is_place(b)) {
                return Some((Some(b), Some(ag), Vec::new()));
            }
        }
        return None;
    }
    if let Some(ag) = agency_name(head) {
        return Some((None, Some(ag), Vec::new()));
    }
    if is_caps_place(head)
        || (dash == Dash::Double && is_place(head) && head.split_whitespace().count() <= 3)
    {
        return Some((Some(head), None, Vec::new()));
    }
    None
}

fn word_trim(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Agencies credited in the body: a known agency name next to a cue word.
fn wire_credits(text: &str, end: usize, info: &mut SourceInfo) {
    let lex = lexicon();
    let Some(ac) = lex.agency_matcher.as_ref() else {
        return;
    };
    let body = &text[..end];
    let own = info.agency.clone();
    let dateline = info
        .spans
        .iter()
        .find(|(k, _)| *k == FurnitureKind::Dateline)
        .map(|(_, s)| *s);
    let mut found = Vec::new();
    for m in ac.find_iter(body) {
        let (s, e) = (m.start(), m.end());
        if dateline.is_some_and(|d| s < d.end && e > d.start) {
            continue;
        }
        let before = body[..s].chars().next_back();
        let after = body[e..].chars().next();
        if before
            .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '/' || c == '.' || c == '-')
        {
            continue;
        }
        if after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '@') {
            continue;
        }
        if after == Some('.')
            && body[e + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let canonical = &lex.agency_patterns[m.pattern().as_usize()].1;
        if own.as_deref() == Some(canonical.as_str()) || own_alias(own.as_deref(), canonical) {
            continue;
        }
        if cued_before(body, s) || cued_after(body, e) {
            found.push((canonical.clone(), Span::new(s, e)));
        }
    }
    for (name, span) in found {
        push_credit(info, name);
        info.spans.push((FurnitureKind::WireCredit, span));
    }
}

/// ANTARA and ANTARA News are the same house.
fn own_alias(own: Option<&str>, canonical: &str) -> bool {
    matches!(
        (own, canonical),
        (Some("ANTARA News"), "ANTARA") | (Some("ANTARA"), "ANTARA News")
    )
}

fn cued_before(body: &str, s: usize) -> bool {
    let lex = lexicon();
    let mut from = s.saturating_sub(80);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let ctx = &body[from..s];
    let ctx = &ctx[ctx.rfind('\n').map_or(0, |p| p + 1)..];
    for (n, raw) in ctx.split_whitespace().rev().enumerate() {
        if n >= 5 {
            break;
        }
        // a word closed by punctuation does not reach over to the name
        if raw.ends_with([',', '.', ';', ':', '!', '?', ')']) {
            return false;
        }
        let w = word_trim(raw).to_lowercase();
        if lex.cues_before.contains(w.as_str()) {
            return true;
        }
        if !lex.fillers.contains(w.as_str()) {
            return false;
        }
    }
    false
}

fn cued_after(body: &str, e: usize) -> bool {
    let lex = lexicon();
    let mut to = (e + 40).min(body.len());
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    let ctx = &body[e..to];
    if ctx.starts_with([',', '.', ';', ':']) {
        return false;
    }
    ctx.split_whitespace()
        .next()
        .map(|w| word_trim(w).to_lowercase())
        .is_some_and(|w| lex.cues_after.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (SourceInfo, Span) {
        parse(s)
    }

    #[test]
    fn antara_block() {
        let s = "Moskow (ANTARA News) - Rusia berkata, lapor AFP.\n\nIa datang.\n\n(Uu.T008)\u{a0}\n\nEditor: Budi Santoso\nCopyright © ANTARA 2015";
        let (i, body) = p(s);
        assert_eq!(i.agency.as_deref(), Some("ANTARA News"));
        assert_eq!(i.dateline.as_deref(), Some("Moskow"));
        assert_eq!(i.wire_credit, ["AFP"]);
        assert_eq!(i.byline_code.as_deref(), Some("Uu.T008"));
        assert_eq!(i.editor.as_deref(), Some("Budi Santoso"));
        assert_eq!(i.copyright.as_deref(), Some("ANTARA 2015"));
        assert_eq!(
            &s[..body.end],
            "Moskow (ANTARA News) - Rusia berkata, lapor AFP.\n\nIa datang."
        );
        assert_eq!(body.start, 0);
        let dl = i
            .spans
            .iter()
            .find(|(k, _)| *k == FurnitureKind::Dateline)
            .unwrap()
            .1;
        assert_eq!(dl.text(s), "Moskow (ANTARA News) -");
    }

    #[test]
    fn dateline_forms() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Kota (ANTARA) - Isi.", Some("Kota"), Some("ANTARA")),
            ("Kota, 7/12 (Antara) - Isi.", Some("Kota"), Some("ANTARA")),
            (
                "Jakarta, Dec 31, 2016 (Antara) - The",
                Some("Jakarta"),
                Some("ANTARA"),
            ),
            ("JAKARTA (Reuters) - Isi.", Some("JAKARTA"), Some("Reuters")),
            ("KOMPAS.com - Isi.", None, Some("Kompas")),
            (
                "Jakarta, CNN Indonesia -- Isi.",
                Some("Jakarta"),
                Some("CNN Indonesia"),
            ),
            (
                "Jakarta, CNN Indonesia - - Isi.",
                Some("Jakarta"),
                Some("CNN Indonesia"),
            ),
            (
                "Liputan6.com, Jakarta - Isi.",
                Some("Jakarta"),
                Some("Liputan6.com"),
            ),
            ("TEMPO.CO, Jakarta - Isi.", Some("Jakarta"), Some("Tempo")),
            ("(AFP) - Isi.", None, Some("AFP")),
            (
                "JAKARTA (Pos Kota) –Presiden",
                Some("JAKARTA"),
                Some("Pos Kota"),
            ),
            ("INGGRIS – Isi.", Some("INGGRIS"), None),
            (
                "BARCELONA, JUARA.net - Isi",
                Some("BARCELONA"),
                Some("JUARA.net"),
            ),
            (
                "SENGKANG, KABARWAJO.com - Isi",
                Some("SENGKANG"),
                Some("KABARWAJO.com"),
            ),
            (
                "Sukabumi, Jawa Barat (ANTARA News) - Isi",
                Some("Sukabumi"),
                Some("ANTARA News"),
            ),
            ("Merdeka.com - Hari - hari itu", None, Some("Merdeka.com")),
            ("Rimanews - Isi", None, Some("Rimanews")),
            ("OPINI - Isi", None, None),
            ("Paris (ANTARA/AFP) - Isi", Some("Paris"), Some("ANTARA")),
        ];
        for (s, place, agency) in cases {
            let (i, _) = p(s);
            assert_eq!(i.dateline.as_deref(), *place, "{s}");
            assert_eq!(i.agency.as_deref(), *agency, "{s}");
        }
        for s in [
            "Baru - baru ini ia datang.",
            "GO - Jek dikabarkan mencari.",
            "Kevin - Prince Boateng datang.",
            "Pasca akuisisi Loket, Go - Jek dikabarkan",
            "Kim Jong-un datang ke Moskow.",
            "Skor 3 - 0 untuk tuan rumah.",
        ] {
            let (i, _) = p(s);
            assert_eq!((i.dateline, i.agency), (None, None), "{s}");
        }
    }

    #[test]
    fn slash_agency_and_stamped_code() {
        let s =
            "Paris (Antara/AFP) - Ia datang, lapor Reuters.\n\n(U.A026/B/T010) 11-03-2015 16:00";
        let (i, b) = p(s);
        assert_eq!(i.agency.as_deref(), Some("ANTARA"));
        assert_eq!(i.wire_credit, ["AFP", "Reuters"]);
        assert_eq!(i.byline_code.as_deref(), Some("U.A026/B/T010"));
        assert_eq!(
            &s[..b.end],
            "Paris (Antara/AFP) - Ia datang, lapor Reuters."
        );
    }

    #[test]
    fn wire_credits_inside() {
        let (i, _) = p("Jakarta (ANTARA News) - Ia datang, menurut Reuters. Kata dia kepada AFP. Seperti dilansir kantor berita Antara, hujan. Reuters melaporkan. Antara kedua negara. Ia bicara kepada ANTARA News.");
        assert_eq!(i.wire_credit, ["Reuters", "AFP"]);
        let (i, _) = p("Hujan deras, dikutip dari Xinhua. Ia menurut saja. AP datang.");
        assert_eq!(i.wire_credit, ["Xinhua"]);
        let (i, _) = p("Jakarta, CNN Indonesia -- Ia berkata kepada CNNIndonesia.com, seperti dilansir Antara.");
        assert_eq!(i.wire_credit, ["ANTARA"]);
    }

    #[test]
    fn trailing_codes_and_credits() {
        let (i, b) = p("Ia datang. \" ujar Ronaldo. (ptr)");
        assert_eq!(i.byline_code.as_deref(), Some("ptr"));
        assert_eq!(b.end, "Ia datang. \" ujar Ronaldo.".len());
        let (i, _) = p("Ia datang.\n\n(rah / rah)");
        assert_eq!(i.byline_code.as_deref(), Some("rah / rah"));
        let (i, _) = p("Ia datang. [ary]");
        assert_eq!(i.byline_code.as_deref(), Some("ary"));
        let (i, b) = p("Ia datang. [Antara]");
        assert_eq!(i.wire_credit, ["ANTARA"]);
        assert_eq!(b.end, 10);
        let (i, _) = p("Ia datang. [Priscilla Trisna]");
        assert_eq!(i.reporter.as_deref(), Some("Priscilla Trisna"));
        let (i, _) = p("Ia datang. (Tri)");
        assert_eq!(i.byline_code.as_deref(), Some("Tri"));
        let (i, _) = p("Ia datang. (B)");
        assert_eq!(i.byline_code.as_deref(), Some("B"));
        let (i, b) = p("Ia datang. (end)");
        assert_eq!((i.byline_code, b.end), (None, 10));
        // not furniture: no punctuation before, or a plain parenthetical
        let s = "Pemenang: Ahmad (Tulungagung)";
        assert_eq!(p(s).1.end, s.len());
        let s = "Ia datang (Liputan)";
        assert_eq!(p(s).1.end, s.len());
        let s = "Hasil akhir. (Lukaku 43)";
        assert_eq!(p(s).1.end, s.len());
    }

    #[test]
    fn labels_and_copyright() {
        let s = "Isi pertama.\n\nBaca juga: Judul Lain\n\nIsi kedua.\n\nPewarta: Budi\nEditor: Ani\n(c) Antara 2016";
        let (i, b) = p(s);
        assert_eq!(i.reporter.as_deref(), Some("Budi"));
        assert_eq!(i.editor.as_deref(), Some("Ani"));
        assert_eq!(i.copyright.as_deref(), Some("Antara 2016"));
        assert_eq!(
            &s[..b.end],
            "Isi pertama.\n\nBaca juga: Judul Lain\n\nIsi kedua."
        );
        let ins: Vec<&str> = excluded(&i, b).iter().map(|x| x.text(s)).collect();
        assert_eq!(ins, ["Baca juga: Judul Lain"]);
        assert_eq!(p("Isi.\n\n©2016").0.copyright.as_deref(), Some("2016"));
        assert_eq!(
            p("Isi.\n\nCopyright ©2016 ANTARA").0.copyright.as_deref(),
            Some("2016 ANTARA")
        );
        let s = "Isi.\n\nBaca juga:\nJudul Sesuatu\n\nLagi.";
        let (i, b) = p(s);
        let ins: Vec<&str> = excluded(&i, b).iter().map(|x| x.text(s)).collect();
        assert_eq!(ins, ["Baca juga:", "Judul Sesuatu"]);
        let (i, b) = p("Isi.\n\nBaca juga: Judul");
        assert_eq!((b.end, i.spans.len()), (4, 1));
    }

    #[test]
    fn degenerate_inputs() {
        for s in [
            "", " ", "\n\n", "(", ")", "-", "- -", "—", "[]", "()", "Editor:", "©", "(c)",
            "a (b) -", "\u{feff}",
        ] {
            let (_, b) = p(s);
            assert!(b.end <= s.len() && b.start <= b.end, "{s:?}");
        }
    }
}
