//! The tokenizer: a hand-written scanner with exact byte spans.
//!
//! Token kinds, decided case by case:
//! - [`TokenKind::Word`]: letters (and combining marks), with inner hyphens between letters
//!   (`Jong-un`, `sanksi-sanksi`), inner apostrophes between letters (`Jum'at`), dotted
//!   abbreviations with their final period (`a.n.`, `S.H.`, `M.Si.`), listed abbreviations and
//!   initials with their period (`dll.`, `Jl.`, `B.`), host names (`Merdeka.com`, `TEMPO.CO`).
//!   Acronyms (`AS`, `PBB`) are plain words.
//! - [`TokenKind::Number`]: digits with inner `.`/`,` between digits: `1.500.000`, `7,75`,
//!   `329,2`, `16.00`. A currency prefix (`Rp329,2` → `Rp` + `329,2`) and a unit or time zone
//!   suffix (`16.00GMT` → `16.00` + `GMT`, `10km` → `10` + `km`) are split off.
//!   Hyphens between two digit runs are not joined (`3-0`, `2015-2016`: three tokens).
//! - [`TokenKind::Alnum`]: letters and digits mixed: `G20`, `B737`, `ke-25`, `COVID-19`.
//! - [`TokenKind::Punct`]: punctuation; runs of hyphens `--`, and `—`/`–` are one token with
//!   norm `—`; `...` and `…` are one token with norm `…`; runs of `?`/`!` are one token.
//! - [`TokenKind::Symbol`]: everything else: `%`, `$`, `©`, emoji (with their modifiers and
//!   joiners), currency symbols with a country prefix (`US$`, `S$`), URLs, e-mail addresses and
//!   `@handles`.
//!
//! Whitespace (including NBSP and line breaks, CRLF too) separates tokens. Format characters
//! (soft hyphen, zero-width space/joiners, direction marks, BOM) never start a token; inside a
//! token they stay in the span but are removed from `norm`.

use crate::dict::{lexicon, AbbrClass};
use warta_core::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or abbreviation periods.
    Word,
    /// Digits with their separators: `1.500.000`, `329,2`, `16.00`.
    Number,
    /// Letters and digits mixed: `G20`, `B737`, `ke-25`.
    Alnum,
    Punct,
    Symbol,
}

/// One token with its exact span and normalised forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Surface form with newsroom noise folded (NBSP, soft hyphen, curly quotes, `--`).
    pub norm: String,
    /// `norm` in lower case.
    pub lower: String,
    /// Ends with a period that belongs to it (`dll.`, `Jl.`, `A.`).
    pub abbreviation: bool,
    /// Full reduplication: `sanksi-sanksi`.
    pub reduplicated: bool,
    /// Proclitic (`ku`, `kau`) split off the base, if any.
    pub proclitic: Option<&'static str>,
    /// Enclitic (`nya`, `lah`, `kah`, `pun`, `ku`, `mu`) split off the base, if any.
    pub enclitic: Option<&'static str>,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Alnum)
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.norm.chars().next().is_some_and(char::is_uppercase)
    }
    /// An abbreviation that may end a sentence (`dll.`, `Tbk.`), as opposed to a title or an
    /// initial (`Dr.`, `B.`) that never does.
    pub fn abbreviation_may_end_sentence(&self) -> bool {
        self.abbreviation
            && lexicon()
                .abbreviations
                .get(self.lower.trim_end_matches('.'))
                .is_some_and(|c| *c == AbbrClass::Final)
    }
}

/// Characters that never start a token and are dropped from `norm`.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{180E}')
}

/// Combining marks (the common blocks): they continue whatever token precedes them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5BD}'
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

const TLDS: &[&str] = &[
    "com", "net", "org", "id", "co", "go", "ac", "or", "info", "tv", "io", "uk", "us", "my", "sg",
    "au", "biz", "web", "sch", "mil", "gov", "edu", "news", "de", "fr", "jp", "cn", "ru",
];

const UNITS: &[&str] = &[
    "km", "kg", "m", "cm", "mm", "ml", "mg", "g", "gr", "ha", "l", "kw", "mw", "gw", "kwh", "mb",
    "gb", "tb", "kb", "mbps", "gbps", "mp", "fps", "mah", "hz", "ghz", "mhz", "kmh", "jt", "rb",
    "am", "pm", "persen", "cc", "inch", "in", "ft", "lb",
];

const TIME_ZONES: &[&str] = &["GMT", "WIB", "WITA", "WIT", "UTC", "AM", "PM", "LT"];

const CURRENCY_PREFIXES: &[&str] = &["rp", "usd", "idr", "eur", "sgd", "myr", "jpy", "rm"];

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Tokenise `text[body]`.
pub fn tokenize(text: &str, body: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(body.len() / 5 + 1);
    tokenize_into(text, body, &mut out);
    out
}

/// Tokenise `text[span]`, appending to `out`.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let mut limit = span.end.min(text.len());
    let mut i = span.start.min(limit);
    // Snap to char boundaries defensively.
    while !text.is_char_boundary(i) {
        i += 1;
    }
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if limit <= i {
        return;
    }
    let t = &text[..limit];
    let bytes = t.as_bytes();
    while i < limit {
        if matches!(bytes[i], b' ' | b'\n' | b'\r' | b'\t') {
            i += 1;
            continue;
        }
        let Some(c) = char_at(t, i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() || is_ignorable(c) || c.is_control() {
            i += cl;
            continue;
        }
        if matches!(c, 'h' | 'H' | 'w' | 'W') {
            if let Some(e) = scan_url(t, i) {
                push(out, t, Span::new(i, e), TokenKind::Symbol, false);
                i = e;
                continue;
            }
        }
        if is_alnum(c) {
            i = scan_alnum(t, i, out);
            continue;
        }
        if is_mark(c) {
            // A stray combining mark: a symbol on its own (with any following marks).
            let e = absorb_marks(t, i + cl);
            push(out, t, Span::new(i, e), TokenKind::Symbol, false);
            i = e;
            continue;
        }
        // Punctuation runs.
        if is_hyphen(c) || c == '—' || c == '–' || c == '―' || c == '‒' || c == '\u{2212}' {
            let mut e = i + cl;
            if c == '-' {
                while char_at(t, e) == Some('-') && e < limit {
                    e += 1;
                }
            }
            push(out, t, Span::new(i, e), TokenKind::Punct, false);
            i = e;
            continue;
        }
        if c == '.' || c == '…' {
            let mut e = i + cl;
            while e < limit {
                match char_at(t, e) {
                    Some('.') => e += 1,
                    Some('…') => e += '…'.len_utf8(),
                    _ => break,
                }
            }
            push(out, t, Span::new(i, e), TokenKind::Punct, false);
            i = e;
            continue;
        }
        if c == '?' || c == '!' {
            let mut e = i + 1;
            while e < limit && matches!(char_at(t, e), Some('?' | '!')) {
                e += 1;
            }
            push(out, t, Span::new(i, e), TokenKind::Punct, false);
            i = e;
            continue;
        }
        if c == '@' {
            // @handle
            let mut e = i + 1;
            while e < limit {
                match char_at(t, e) {
                    Some(d) if is_alnum(d) || d == '_' => e += d.len_utf8(),
                    Some('.') if char_at(t, e + 1).is_some_and(|d| is_alnum(d) || d == '_') => {
                        e += 1
                    }
                    _ => break,
                }
            }
            push(out, t, Span::new(i, e), TokenKind::Symbol, false);
            i = e;
            continue;
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        let mut e = i + cl;
        if kind == TokenKind::Symbol {
            // Emoji sequences: modifiers, variation selectors, ZWJ + next symbol.
            loop {
                e = absorb_marks(t, e);
                if char_at(t, e) == Some('\u{200D}') {
                    if let Some(n) = char_at(t, e + 3).filter(|n| !n.is_whitespace()) {
                        e += 3 + n.len_utf8();
                        continue;
                    }
                }
                break;
            }
        } else {
            e = absorb_marks(t, e);
        }
        push(out, t, Span::new(i, e.min(limit)), kind, false);
        i = e.min(limit).max(i + cl);
    }
}

fn absorb_marks(t: &str, mut e: usize) -> usize {
    while let Some(m) = char_at(t, e) {
        if is_mark(m) {
            e += m.len_utf8();
        } else {
            break;
        }
    }
    e
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '/'
            | '\\'
            | '-'
            | '_'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '‚'
            | '„'
            | '‟'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '¿'
            | '¡'
            | '·'
            | '•'
            | '、'
            | '。'
            | '「'
            | '」'
            | '《'
            | '》'
    )
}

/// `http://...`, `https://...`, `www....`: the end of the token.
fn scan_url(t: &str, i: usize) -> Option<usize> {
    let rest = &t[i..];
    let starts = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if starts("http://") || starts("https://") || starts("www.") {
        let mut e = i;
        for (j, c) in rest.char_indices() {
            if c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”') {
                break;
            }
            e = i + j + c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence.
        while e > i + 4 {
            match char_before(t, e) {
                Some(c @ ('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'')) => {
                    e -= c.len_utf8()
                }
                _ => break,
            }
        }
        return Some(e);
    }
    None
}

/// `user@host.tld`: the end of the token.
fn scan_email(t: &str, i: usize) -> Option<usize> {
    let rest = &t[i..];
    // e-mail: local part of [alnum . _ -] then @ then host with a dot.
    let first = rest.chars().next()?;
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut j = 0;
    while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || b"._-+".contains(&bytes[j])) {
        j += 1;
    }
    if j == 0 || j >= bytes.len() || bytes[j] != b'@' {
        return None;
    }
    let host_start = j + 1;
    let mut k = host_start;
    let mut dots = 0;
    while k < bytes.len()
        && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'.' || bytes[k] == b'-')
    {
        if bytes[k] == b'.' {
            dots += 1;
        }
        k += 1;
    }
    while k > host_start && bytes[k - 1] == b'.' {
        k -= 1;
        dots -= 1;
    }
    (dots > 0 && k > host_start + 2).then_some(i + k)
}

/// Scan an alphanumeric run starting at `i` and push its token(s); returns the end.
fn scan_alnum(t: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let n = t.len();
    let mut i = start;
    let mut last = char_at(t, i).unwrap_or(' '); // last non-ignorable char of the run
    let mut has_letter = false;
    let mut has_digit = false;
    let mut num_sep = false; // a . or , inside digits
    let mut dotted = false; // a.n., S.H.
    let mut host = false; // Merdeka.com
    let mut seg_len = 0usize; // letters since the last '.' (for dotted abbreviations)
    let bytes = t.as_bytes();
    while i < n {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            has_letter = true;
            seg_len += 1;
            last = b as char;
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            has_digit = true;
            seg_len += 1;
            last = b as char;
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\n' {
            break;
        }
        let Some(c) = char_at(t, i) else { break };
        if c.is_alphanumeric() {
            if is_digit(c) {
                has_digit = true;
            } else {
                has_letter = true;
            }
            seg_len += 1;
            last = c;
            i += c.len_utf8();
            continue;
        }
        if is_mark(c) || (is_ignorable(c) && char_at(t, i + c.len_utf8()).is_some_and(is_alnum)) {
            i += c.len_utf8();
            continue;
        }
        let next = char_at(t, i + c.len_utf8());
        let next_alnum = next.is_some_and(is_alnum);
        if is_hyphen(c) && next_alnum {
            let nd = next.is_some_and(is_digit);
            if !(is_digit(last) && nd) {
                last = c;
                seg_len = 0;
                i += c.len_utf8();
                continue;
            }
            break;
        }
        if is_apostrophe(c) && is_letter(last) && next.is_some_and(is_letter) {
            last = c;
            i += c.len_utf8();
            continue;
        }
        if (c == '.' || c == ',')
            && is_digit(last)
            && next.is_some_and(is_digit)
            && !dotted
            && !host
        {
            num_sep = true;
            last = c;
            i += 1;
            continue;
        }
        if c == '.' && is_alnum(last) && next.is_some_and(is_letter) && (!has_digit || !num_sep) {
            // host name: the next letter run is a TLD
            let seg_end = letters_end(t, i + 1);
            let seg = &t[i + 1..seg_end];
            let after = char_at(t, seg_end);
            let seg_is_tld = TLDS.iter().any(|d| seg.eq_ignore_ascii_case(d))
                && !after.is_some_and(|a| is_alnum(a) || is_hyphen(a));
            if seg_is_tld && !dotted {
                host = true;
                last = c;
                seg_len = 0;
                i += 1;
                continue;
            }
            // dotted abbreviation: short segments each followed by '.'
            let seg_chars = seg.chars().count();
            if seg_len <= 3 && seg_chars <= 3 && after == Some('.') && !host && !has_digit {
                dotted = true;
                last = c;
                seg_len = 0;
                i += 1;
                continue;
            }
            // mid-host segment: www.detik.com style handled by URL scan; `bola.net.id`
            if host {
                last = c;
                seg_len = 0;
                i += 1;
                continue;
            }
        }
        break;
    }

    // An e-mail address: the run stops at a character of its local part or at the '@'.
    if matches!(bytes.get(i), Some(b'@' | b'.' | b'_' | b'-' | b'+'))
        && bytes[start].is_ascii_alphanumeric()
    {
        if let Some(e) = scan_email(t, start).filter(|&e| e > i) {
            push(out, t, Span::new(start, e), TokenKind::Symbol, false);
            return e;
        }
    }
    let mut end = i;
    let mut abbreviation = false;
    // Final period of a dotted abbreviation, a listed abbreviation or an initial.
    if char_at(t, end) == Some('.') && !has_digit && !host {
        let word = &t[start..end];
        let single_upper = {
            let mut cs = word.chars().filter(|c| !is_mark(*c) && !is_ignorable(*c));
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        };
        let listed = || {
            word.len() <= 12 && {
                let lw = word.to_lowercase();
                lexicon().abbreviations.contains_key(lw.as_str())
            }
        };
        if dotted || single_upper || listed() {
            end += 1;
            abbreviation = true;
        }
    }
    let _ = has_letter;
    // Currency with a country prefix: US$ S$ HK$ ...
    if char_at(t, end) == Some('$') && !has_digit {
        let w = &t[start..end];
        if matches!(w, "US" | "S" | "A" | "HK" | "NZ" | "C" | "AU" | "R" | "NT") {
            push(out, t, Span::new(start, end + 1), TokenKind::Symbol, false);
            return end + 1;
        }
    }
    if has_digit && !host {
        split_mixed(t, Span::new(start, end), num_sep, out);
    } else {
        push_word(out, t, Span::new(start, end), abbreviation);
    }
    end
}

fn letters_end(t: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(t, i) {
        if is_letter(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Split a run with digits: currency prefix + number, number + unit, else one token.
fn split_mixed(t: &str, span: Span, num_sep: bool, out: &mut Vec<Token>) {
    let s = &t[span.start..span.end];
    // leading letters
    let lead = s
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(s.len(), |(j, _)| j);
    if lead > 0 && lead < s.len() {
        let (l, rest) = s.split_at(lead);
        let rest_numeric = rest.chars().all(|c| is_digit(c) || c == '.' || c == ',');
        if rest_numeric && CURRENCY_PREFIXES.iter().any(|p| l.eq_ignore_ascii_case(p)) {
            push(
                out,
                t,
                Span::new(span.start, span.start + lead),
                TokenKind::Word,
                false,
            );
            push(
                out,
                t,
                Span::new(span.start + lead, span.end),
                TokenKind::Number,
                false,
            );
            return;
        }
    }
    // number then letters
    let num_end = s
        .char_indices()
        .find(|(_, c)| !(is_digit(*c) || *c == '.' || *c == ','))
        .map_or(s.len(), |(j, _)| j);
    if num_end > 0 && num_end < s.len() {
        let tail = &s[num_end..];
        if tail.chars().all(is_letter) {
            let unit = UNITS.contains(&tail) || TIME_ZONES.contains(&tail);
            if num_sep || unit {
                push(
                    out,
                    t,
                    Span::new(span.start, span.start + num_end),
                    TokenKind::Number,
                    false,
                );
                push(
                    out,
                    t,
                    Span::new(span.start + num_end, span.end),
                    TokenKind::Word,
                    false,
                );
                return;
            }
        }
    }
    let kind = if s
        .chars()
        .all(|c| is_digit(c) || c == '.' || c == ',' || is_ignorable(c))
    {
        TokenKind::Number
    } else {
        TokenKind::Alnum
    };
    push(out, t, span, kind, false);
}

fn push_word(out: &mut Vec<Token>, t: &str, span: Span, abbreviation: bool) {
    push(out, t, span, TokenKind::Word, abbreviation);
    if let Some(tok) = out.last_mut() {
        analyse_word(tok);
    }
}

fn push(out: &mut Vec<Token>, t: &str, span: Span, kind: TokenKind, abbreviation: bool) {
    if span.is_empty() {
        return;
    }
    let surface = &t[span.start..span.end];
    let (norm, lower) = if surface.is_ascii() && kind != TokenKind::Punct {
        // The common case: `normalise` would copy the surface unchanged.
        let mut lower = surface.to_string();
        lower.make_ascii_lowercase();
        (surface.to_string(), lower)
    } else {
        let norm = normalise(surface, kind);
        let lower = if norm.is_ascii() {
            norm.to_ascii_lowercase()
        } else {
            norm.to_lowercase()
        };
        (norm, lower)
    };
    out.push(Token {
        span,
        kind,
        norm,
        lower,
        abbreviation,
        reduplicated: false,
        proclitic: None,
        enclitic: None,
    });
}

/// The normalised form of a token's surface text (what [`Token::norm`] holds).
pub fn normalise(surface: &str, kind: TokenKind) -> String {
    if kind == TokenKind::Punct {
        let all = |f: fn(char) -> bool| surface.chars().all(f);
        if surface.len() > 1 && all(|c| c == '-') {
            return "—".to_string();
        }
        if all(|c| matches!(c, '—' | '–' | '―' | '‒')) {
            return "—".to_string();
        }
        if surface.len() > 1 && all(|c| c == '.' || c == '…') || surface == "…" {
            return "…".to_string();
        }
    }
    if surface.is_ascii() {
        return surface.to_string();
    }
    let mut s = String::with_capacity(surface.len());
    for c in surface.chars() {
        match c {
            c if is_ignorable(c) => {}
            '\u{A0}' | '\u{2007}' | '\u{202F}' => s.push(' '),
            '‘' | '’' | '‚' | '‛' | '′' => s.push('\''),
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => s.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2212}' => s.push('-'),
            _ => s.push(c),
        }
    }
    s
}

const ENCLITICS: &[&str] = &["nya", "lah", "kah", "pun", "ku", "mu"];

/// Reduplication and clitics of a word token.
fn analyse_word(tok: &mut Token) {
    // Short words carry no clitic (the base needs 3 letters) and no reduplication.
    if tok.lower.len() < 5 {
        return;
    }
    if tok.abbreviation || !tok.lower.chars().any(char::is_lowercase) {
        // Abbreviations and all-caps acronyms: no morphology.
        if tok.lower.contains('-') {
            tok.reduplicated = is_reduplicated(&tok.lower);
        }
        return;
    }
    let lower = tok.lower.as_str();
    let last_part = match lower.rsplit_once('-') {
        Some((first, last)) => {
            tok.reduplicated = is_reduplicated(lower);
            let _ = first;
            last
        }
        None => lower,
    };
    if last_part.contains(['.', '\'']) {
        return;
    }
    let lex = lexicon();
    let blocked = |w: &str| {
        lex.not_enclitic_exact.contains(w)
            || w.char_indices()
                .skip(1)
                .any(|(k, _)| w.len() - k >= 4 && lex.not_enclitic_suffix.contains(&w[k..]))
    };
    for &e in ENCLITICS {
        if let Some(base) = last_part.strip_suffix(e) {
            if base.chars().count() >= 3 && !blocked(last_part) {
                // -ku / -mu after a vowel-final base need a longer base (buku, ilmu...)
                tok.enclitic = Some(e);
            }
            break;
        }
    }
    if !lower.contains('-') {
        let stem = match tok.enclitic {
            Some(e) => &lower[..lower.len() - e.len()],
            None => lower,
        };
        for p in ["kau", "ku"] {
            if let Some(base) = stem.strip_prefix(p) {
                if lex.proclitic_bases.contains(base) {
                    tok.proclitic = Some(p);
                    break;
                }
            }
        }
    }
}

/// `sanksi-sanksi`, `anak-anaknya`, `berlari-lari`, `besar-besaran`.
fn is_reduplicated(lower: &str) -> bool {
    let Some((a, b)) = lower.split_once('-') else {
        return false;
    };
    if a.is_empty() || b.is_empty() || b.contains('-') {
        return false;
    }
    if a == b {
        return true;
    }
    // prefixed first half: berlari-lari, bermain-main
    if b.chars().count() >= 3 && a.ends_with(b) {
        return true;
    }
    // suffixed second half: anak-anaknya, besar-besaran, kira-kiranya
    if let Some(rest) = b.strip_prefix(a) {
        return a.chars().count() >= 2
            && matches!(
                rest,
                "nya" | "an" | "kan" | "i" | "lah" | "ku" | "mu" | "pun"
            );
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokenize(s, Span::new(0, s.len()))
    }
    fn surf(s: &str) -> Vec<&str> {
        toks(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn money_and_numbers() {
        assert_eq!(
            surf("(Rp329,2 triliun)"),
            ["(", "Rp", "329,2", "triliun", ")"]
        );
        let t = toks("Rp329,2");
        assert_eq!((t[0].kind, t[1].kind), (TokenKind::Word, TokenKind::Number));
        assert_eq!(
            surf("1.500.000 dan 7,75 persen"),
            ["1.500.000", "dan", "7,75", "persen"]
        );
        assert_eq!(toks("1.500.000")[0].kind, TokenKind::Number);
        assert_eq!(surf("pukul 16.00GMT."), ["pukul", "16.00", "GMT", "."]);
        assert_eq!(surf("10km"), ["10", "km"]);
        assert_eq!(surf("US$5 juta"), ["US$", "5", "juta"]);
        assert_eq!(toks("US$5")[0].kind, TokenKind::Symbol);
        assert_eq!(surf("skor 3-0"), ["skor", "3", "-", "0"]);
        assert_eq!(surf("tahun 2015."), ["tahun", "2015", "."]);
        assert_eq!(surf("50%"), ["50", "%"]);
    }

    #[test]
    fn alnum_stays_whole() {
        assert_eq!(surf("G20 dan B737"), ["G20", "dan", "B737"]);
        assert_eq!(toks("G20")[0].kind, TokenKind::Alnum);
        assert_eq!(surf("ke-25"), ["ke-25"]);
        assert_eq!(surf("COVID-19"), ["COVID-19"]);
        assert_eq!(toks("5G")[0].kind, TokenKind::Alnum);
    }

    #[test]
    fn hyphenated_names_and_reduplication() {
        assert_eq!(surf("Kim Jong-un datang"), ["Kim", "Jong-un", "datang"]);
        let t = toks("sanksi-sanksi");
        assert_eq!(t.len(), 1);
        assert!(t[0].reduplicated);
        assert!(!toks("Jong-un")[0].reduplicated);
        assert!(toks("anak-anaknya")[0].reduplicated);
        assert_eq!(toks("anak-anaknya")[0].enclitic, Some("nya"));
        assert!(toks("berlari-lari")[0].reduplicated);
        assert!(!toks("sayur-mayur")[0].reduplicated);
        assert_eq!(surf("Mei-- muncul"), ["Mei", "--", "muncul"]);
        assert_eq!(surf("Program --yang"), ["Program", "--", "yang"]);
    }

    #[test]
    fn clitics() {
        let e = |w: &str| toks(w)[0].enclitic;
        assert_eq!(e("rumahnya"), Some("nya"));
        assert_eq!(e("hubungannya"), Some("nya"));
        assert_eq!(e("inilah"), Some("lah"));
        assert_eq!(e("apakah"), Some("kah"));
        assert_eq!(e("meskipun"), Some("pun"));
        assert_eq!(e("rumahku"), Some("ku"));
        assert_eq!(e("bukumu"), Some("mu"));
        for w in [
            "punya", "hanya", "tanya", "dunia", "sekolah", "salah", "daerah", "masalah", "telah",
            "adalah", "berlaku", "buku", "ilmu", "bertemu", "Abdullah", "langkah", "nya", "aku",
            "kamu", "menikah", "bersalah",
        ] {
            assert_eq!(e(w), None, "{w}");
        }
        let t = toks("kuambil");
        assert_eq!(t[0].proclitic, Some("ku"));
        assert_eq!(toks("kaulihat")[0].proclitic, Some("kau"));
        for w in ["kuat", "kuasa", "kaum", "kursi", "kuliah"] {
            assert_eq!(toks(w)[0].proclitic, None, "{w}");
        }
    }

    #[test]
    fn abbreviations() {
        assert_eq!(surf("buah, dll. Lalu"), ["buah", ",", "dll.", "Lalu"]);
        assert!(toks("dll.")[0].abbreviation);
        assert!(toks("dll.")[0].abbreviation_may_end_sentence());
        assert!(!toks("Dr.")[0].abbreviation_may_end_sentence());
        for a in [
            "dsb.", "No.", "Jl.", "Prof.", "Dr.", "H.", "St.", "a.n.", "S.H.", "M.Si.", "U.S.",
        ] {
            let t = toks(a);
            assert_eq!(t.len(), 1, "{a}: {t:?}");
            assert!(t[0].abbreviation, "{a}");
            assert_eq!(t[0].kind, TokenKind::Word);
        }
        assert_eq!(surf("B. J. Habibie"), ["B.", "J.", "Habibie"]);
        assert_eq!(surf("dolar AS. Rusia"), ["dolar", "AS", ".", "Rusia"]);
        assert_eq!(surf("PBB."), ["PBB", "."]);
        assert_eq!(
            surf("Ahmad, S.H., M.H."),
            ["Ahmad", ",", "S.H.", ",", "M.H."]
        );
    }

    #[test]
    fn hosts_urls_emails() {
        assert_eq!(surf("Merdeka.com - Hari"), ["Merdeka.com", "-", "Hari"]);
        assert_eq!(
            surf("kepada CNNIndonesia.com."),
            ["kepada", "CNNIndonesia.com", "."]
        );
        assert_eq!(surf("TEMPO.CO, Jakarta"), ["TEMPO.CO", ",", "Jakarta"]);
        assert_eq!(
            surf("Liputan6.com, Jakarta"),
            ["Liputan6.com", ",", "Jakarta"]
        );
        assert_eq!(
            surf("lihat https://a.id/x?y=1."),
            ["lihat", "https://a.id/x?y=1", "."]
        );
        assert_eq!(
            surf("email jokowi@gmail.com."),
            ["email", "jokowi@gmail.com", "."]
        );
        assert_eq!(toks("jokowi@gmail.com")[0].kind, TokenKind::Symbol);
        assert_eq!(surf("akun @fauzi_ahmad."), ["akun", "@fauzi_ahmad", "."]);
        assert_eq!(surf("kota.Lalu"), ["kota", ".", "Lalu"]);
    }

    #[test]
    fn normalisation() {
        let t = toks("“Tidak” -- ya — itu – oke");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["\"", "Tidak", "\"", "—", "ya", "—", "itu", "—", "oke"]
        );
        let t = toks("ke\u{AD}rja");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].norm, "kerja");
        let t = toks("Jum’at\u{A0}ini\r\nlagi...");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["Jum'at", "ini", "lagi", "…"]);
        assert_eq!(toks("Syarif\u{200E} sebelum").len(), 2);
        assert_eq!(toks("\u{200E}pemberian")[0].norm, "pemberian");
        assert_eq!(toks("KPK")[0].lower, "kpk");
    }

    #[test]
    fn symbols_and_marks() {
        assert_eq!(surf("👍🏽 ok"), ["👍🏽", "ok"]);
        assert_eq!(surf("e\u{301}te"), ["e\u{301}te"]);
        assert_eq!(surf("©2016"), ["©", "2016"]);
        assert_eq!(surf("apa?!"), ["apa", "?!"]);
    }
}
