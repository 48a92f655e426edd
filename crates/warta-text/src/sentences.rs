//! The sentence splitter.
//!
//! A sentence ends:
//! - at a paragraph break (a blank line) or an excluded furniture span, always;
//! - at a single line break after a terminal mark or a colon, or after a short line
//!   (a heading or list item) when the next line starts with a capital, digit or bullet;
//! - after `.`, `!`, `?`, `…` (and `?!` runs), plus any closing quotes and brackets that follow
//!   (`."` ends after the quote), when the next token can start a sentence: not a lower-case
//!   word. Numbers keep their decimal separators and abbreviations their period, so `7,75`,
//!   `16.00`, `Dr.` and initials (`B. J. Habibie`) never end a sentence; listed "final"
//!   abbreviations (`dll.`, `Tbk.`) end one when a capitalised word follows.
//!
//! Straight double quotes are paired within a paragraph, so a `"` after a period is known to be
//! closing (it belongs to the sentence) or opening (it starts the next one), even in text with
//! spaces around quotes.

use crate::{Sentence, Token, TokenKind};
use warta_core::Span;

/// Lines shorter than this (in bytes) that end without punctuation are headings/list items.
const SHORT_LINE: usize = 48;

/// Split the body into sentences.
pub fn split_sentences(text: &str, tokens: &[Token], body: Span) -> Vec<Sentence> {
    split_with_breaks(text, tokens, body, &[])
}

/// Split into sentences; `breaks` are spans (excluded furniture) that always end a sentence.
pub(crate) fn split_with_breaks(
    text: &str,
    tokens: &[Token],
    body: Span,
    breaks: &[Span],
) -> Vec<Sentence> {
    let mut out = Vec::new();
    // Only tokens inside the body take part.
    let first_in = tokens.partition_point(|t| t.span.start < body.start);
    let last_in = tokens.partition_point(|t| t.span.end <= body.end);
    if first_in >= last_in {
        return out;
    }
    let mut start = first_in;
    let mut quote_open = false;
    let mut i = first_in;
    let mut line_start = line_start_of(text, tokens[first_in].span.start);
    while i < last_in {
        let t = &tokens[i];
        track_quote(text, t, &mut quote_open);
        let mut end = i; // last token of the sentence if it ends here
        let mut boundary = false;
        if i + 1 >= last_in {
            boundary = true;
        } else {
            let next = &tokens[i + 1];
            let hard = gap_is_hard(text, t.span.end, next.span.start, breaks);
            if hard.paragraph {
                boundary = true;
                quote_open = false;
            } else if is_terminal(t) {
                // absorb closing quotes/brackets
                let mut j = i + 1;
                let mut q = quote_open;
                while j < last_in {
                    let c = &tokens[j];
                    let gap = gap_is_hard(text, tokens[j - 1].span.end, c.span.start, breaks);
                    if gap.paragraph || gap.newline {
                        break;
                    }
                    let adjacent = c.span.start == tokens[j - 1].span.end;
                    if is_closer(text, c, q, adjacent) {
                        if c.norm == "\"" {
                            q = false;
                        }
                        j += 1;
                    } else {
                        break;
                    }
                }
                // "1. Indiana Pacers ...": a list number is not a sentence
                let list_number =
                    t.norm == "." && i == start + 1 && tokens[start].kind == TokenKind::Number;
                let may_end =
                    (!t.abbreviation || t.abbreviation_may_end_sentence()) && !list_number;
                if j >= last_in {
                    end = j - 1;
                    boundary = true;
                } else {
                    let n = &tokens[j];
                    let gap = gap_is_hard(text, tokens[j - 1].span.end, n.span.start, breaks);
                    let starts = can_start(n) && (!t.abbreviation || n.is_capitalised());
                    if gap.paragraph || (may_end && (starts || gap.newline)) {
                        end = j - 1;
                        boundary = true;
                        quote_open = q;
                        // replay quote tracking for absorbed tokens done via q
                    }
                }
            } else if hard.newline {
                let line_len = t.span.end.saturating_sub(line_start);
                let colon = t.norm == ":" || t.norm == ";";
                if colon
                    || (line_len < SHORT_LINE
                        && !matches!(t.norm.as_str(), "," | "-" | "—" | "(" | "/")
                        && (can_start(next) && !matches!(next.kind, TokenKind::Punct)
                            || is_bullet(next)))
                {
                    boundary = true;
                }
            }
            if hard.newline || hard.paragraph {
                line_start = line_start_of(text, next.span.start);
            }
        }
        if boundary {
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[end].span.end),
                tokens: start..end + 1,
            });
            start = end + 1;
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn line_start_of(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |p| p + 1)
}

struct Gap {
    newline: bool,
    paragraph: bool,
}

fn gap_is_hard(text: &str, from: usize, to: usize, breaks: &[Span]) -> Gap {
    let gap = &text[from..to];
    if gap.len() <= 1 && gap != "\n" && gap != "\r" {
        return Gap {
            newline: false,
            paragraph: false,
        };
    }
    let newlines = gap.bytes().filter(|&b| b == b'\n').count()
        + gap.matches('\u{2029}').count() * 2
        + gap.matches('\u{2028}').count();
    let crossed = breaks.iter().any(|b| b.start >= from && b.end <= to);
    Gap {
        newline: newlines >= 1 || (newlines == 0 && gap.contains('\r')),
        paragraph: newlines >= 2 || crossed,
    }
}

fn is_terminal(t: &Token) -> bool {
    if t.abbreviation {
        return true;
    }
    t.kind == TokenKind::Punct
        && (matches!(t.norm.as_str(), "." | "…" | "。")
            || t.norm.bytes().all(|b| b == b'?' || b == b'!'))
}

fn track_quote(text: &str, t: &Token, open: &mut bool) {
    if t.kind != TokenKind::Punct {
        return;
    }
    match &text[t.span.start..t.span.end] {
        "\"" => *open = !*open,
        "“" | "„" | "«" => *open = true,
        "”" | "»" => *open = false,
        _ => {}
    }
}

fn is_closer(text: &str, t: &Token, quote_open: bool, adjacent: bool) -> bool {
    if t.kind != TokenKind::Punct {
        return false;
    }
    match &text[t.span.start..t.span.end] {
        ")" | "]" | "}" | "”" | "»" | "’" | "›" => true,
        "\"" => quote_open,
        "'" => adjacent,
        _ => false,
    }
}

/// Can this token begin a sentence? Anything but a lower-case word (and closing marks).
fn can_start(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word | TokenKind::Alnum => {
            !t.norm.chars().next().is_some_and(char::is_lowercase)
        }
        TokenKind::Punct => !matches!(
            t.norm.as_str(),
            "," | ";" | ":" | ")" | "]" | "}" | "." | "?" | "!" | "%"
        ),
        _ => true,
    }
}

fn is_bullet(t: &Token) -> bool {
    matches!(t.norm.as_str(), "-" | "—" | "•" | "*" | "·") || t.kind == TokenKind::Number
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(s: &str) -> Vec<&str> {
        let body = Span::new(0, s.len());
        let toks = tokenize(s, body);
        split_sentences(s, &toks, body)
            .iter()
            .map(|x| &s[x.span.start..x.span.end])
            .collect()
    }

    #[test]
    fn basic_and_trimmed() {
        assert_eq!(
            split("  Satu dua.  Tiga empat!  "),
            ["Satu dua.", "Tiga empat!"]
        );
        assert_eq!(split("Apa? Ya."), ["Apa?", "Ya."]);
        assert!(split("").is_empty());
        assert!(split("   \n ").is_empty());
    }

    #[test]
    fn abbreviations_decimals_initials() {
        assert_eq!(
            split("Ia tinggal di Jl. Sudirman No. 5 sejak 2010. Lalu pindah."),
            [
                "Ia tinggal di Jl. Sudirman No. 5 sejak 2010.",
                "Lalu pindah."
            ]
        );
        assert_eq!(
            split("Bunga naik 7,75 persen pukul 16.00 WIB. Itu tinggi."),
            ["Bunga naik 7,75 persen pukul 16.00 WIB.", "Itu tinggi."]
        );
        assert_eq!(
            split("Presiden B. J. Habibie datang. Ia senang."),
            ["Presiden B. J. Habibie datang.", "Ia senang."]
        );
        assert_eq!(split("Prof. Dr. Ahmad hadir."), ["Prof. Dr. Ahmad hadir."]);
        assert_eq!(
            split("Ada buah, sayur, dll. Semua segar."),
            ["Ada buah, sayur, dll.", "Semua segar."]
        );
        assert_eq!(
            split("Buah, sayur, dll. juga ada."),
            ["Buah, sayur, dll. juga ada."]
        );
        assert_eq!(
            split("Nilainya 25 juta dolar AS. Rusia setuju."),
            ["Nilainya 25 juta dolar AS.", "Rusia setuju."]
        );
    }

    #[test]
    fn ellipses_and_lowercase() {
        assert_eq!(
            split("Dia bilang... Lalu pergi."),
            ["Dia bilang...", "Lalu pergi."]
        );
        assert_eq!(
            split("Dia bilang... entahlah."),
            ["Dia bilang... entahlah."]
        );
        assert_eq!(split("Tunggu… Ya."), ["Tunggu…", "Ya."]);
    }

    #[test]
    fn quotes() {
        assert_eq!(
            split("\"Kami siap.\" Ia pergi."),
            ["\"Kami siap.\"", "Ia pergi."]
        );
        assert_eq!(
            split("“Kami siap.” Ia pergi."),
            ["“Kami siap.”", "Ia pergi."]
        );
        assert_eq!(
            split("\"Kami siap,\" katanya. \"Ayo.\""),
            ["\"Kami siap,\" katanya.", "\"Ayo.\""]
        );
        // IndoSum spacing: quotes detached from words
        assert_eq!(
            split("Ia bilang. \" Yang ini bagus. \" ujarnya."),
            ["Ia bilang.", "\" Yang ini bagus. \" ujarnya."]
        );
        assert_eq!(
            split("(Lihat tabel.) Hasilnya bagus."),
            ["(Lihat tabel.)", "Hasilnya bagus."]
        );
    }

    #[test]
    fn paragraphs_and_lines() {
        assert_eq!(
            split("Kemungkinan itu ekonomi,\n\nMoskow telah berupaya."),
            ["Kemungkinan itu ekonomi,", "Moskow telah berupaya."]
        );
        assert_eq!(
            split("Daftar pemain:\nAhmad, Budi.\nCadangan:\nCici."),
            ["Daftar pemain:", "Ahmad, Budi.", "Cadangan:", "Cici."]
        );
        // hard-wrapped English prose stays one sentence
        assert_eq!(split("Arnor is about to restore full diplomatic ties with \nGondor almost five years after crowds trashed its embassy."), [
            "Arnor is about to restore full diplomatic ties with \nGondor almost five years after crowds trashed its embassy."
        ]);
        assert_eq!(
            split("Hasil Laga\nArema menang 2 - 1."),
            ["Hasil Laga", "Arema menang 2 - 1."]
        );
        assert_eq!(split("Satu\r\n\r\nDua"), ["Satu", "Dua"]);
        assert_eq!(
            split("Hasil:\n1. Arema menang.\n2. Persib kalah."),
            ["Hasil:", "1. Arema menang.", "2. Persib kalah."]
        );
    }

    #[test]
    fn breaks_split() {
        let s = "Satu dua tiga empat lima";
        let toks = tokenize(s, Span::new(0, s.len()));
        let got = split_with_breaks(s, &toks, Span::new(0, s.len()), &[Span::new(9, 14)]);
        assert_eq!(got.len(), 1, "a break inside no gap changes nothing");
        let s = "Satu dua X tiga";
        let toks: Vec<_> = tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .filter(|t| t.span.start != 9)
            .collect();
        let got = split_with_breaks(s, &toks, Span::new(0, s.len()), &[Span::new(9, 10)]);
        assert_eq!(got.len(), 2);
    }
}
