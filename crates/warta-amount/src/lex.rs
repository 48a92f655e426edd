//! A small lexer for numbers and the words around them.
//!
//! It is independent of `warta-text`'s tokenizer on purpose: numbers need finer cuts than words
//! (`Rp329,2` is `Rp` + `329,2`, `ke-70` is `ke` + `-` + `70`, `$25bn` is `$` + `25` + `bn`), and
//! it keeps for every token whether whitespace separates it from the previous one.

use warta_core::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes).
    Word,
    /// ASCII digits with inner `.` or `,` between digits.
    Num,
    /// Any other single character.
    Sym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
}

/// Lex `text[body]` into words, numbers and symbols.
pub fn lex(text: &str, body: Span) -> Vec<Tok> {
    let slice = body.text(text);
    let bytes = slice.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(slice.len() / 5);
    let mut glued = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast paths.
        let (kind, end) = if b.is_ascii() {
            if b.is_ascii_whitespace() {
                glued = false;
                i += 1;
                continue;
            }
            if b.is_ascii_digit() {
                let mut end = i + 1;
                while end < bytes.len() {
                    let c = bytes[end];
                    if c.is_ascii_digit()
                        || ((c == b'.' || c == b',')
                            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                (Kind::Num, end)
            } else if b.is_ascii_alphabetic() {
                (Kind::Word, word_end(slice, i))
            } else {
                (Kind::Sym, i + 1)
            }
        } else {
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() || c == '\u{ad}' || c == '\u{200b}' || c == '\u{feff}' {
                glued = false;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                (Kind::Word, word_end(slice, i))
            } else {
                (Kind::Sym, i + c.len_utf8())
            }
        };
        out.push(Tok {
            span: Span::new(body.start + i, body.start + end),
            kind,
            glued,
        });
        glued = true;
        i = end;
    }
    out
}

/// End of the word starting at byte `i`: letters, with inner apostrophes.
fn word_end(slice: &str, i: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut end = i;
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphabetic() => end += 1,
            // An inner apostrophe: `Jum'at`.
            Some(b'\'') if end > i && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) => {
                end += 1
            }
            Some(b) if b.is_ascii() => return end,
            Some(_) => {
                let Some(c) = slice[end..].chars().next() else {
                    return end;
                };
                let next_alpha = slice[end + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
                if (c.is_alphabetic() && !c.is_ascii_digit()) || (c == '’' && next_alpha && end > i)
                {
                    end += c.len_utf8();
                } else {
                    return end;
                }
            }
            None => return end,
        }
    }
}

/// Tokens with their text: the view every extractor works on.
pub struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// The text ASCII-lower-cased (same byte offsets), for case-insensitive lookups.
    low: String,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str, body: Span) -> Self {
        Toks {
            text,
            toks: lex(text, body),
            low: text.to_ascii_lowercase(),
        }
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
    /// Text of token `i` (`""` when out of range).
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map(|t| t.span.text(self.text))
            .unwrap_or("")
    }
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// Token `i` equals `w` ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
    /// Token `i` is one of `ws` (ignoring ASCII case).
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let s = self.s(i);
        ws.iter().any(|w| s.eq_ignore_ascii_case(w))
    }
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    /// Span from token `a` to token `b` inclusive.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }
    /// ASCII-lower-cased text of token `i` (`""` when out of range).
    pub fn lower(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| t.span.text(&self.low))
            .unwrap_or("")
    }
}

/// ASCII-lower-case `s` (into `buf` when it has capitals); `""` if it does not fit.
pub fn lower_in<'b>(s: &'b str, buf: &'b mut [u8; 48]) -> &'b str {
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return s;
    }
    let n = s.len();
    if n > buf.len() {
        return "";
    }
    buf[..n].copy_from_slice(s.as_bytes());
    buf[..n].make_ascii_lowercase();
    // ASCII lower-casing keeps UTF-8 valid.
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, bool)> {
        lex(s, Span::new(0, s.len()))
            .iter()
            .map(|t| (t.span.text(s), t.glued))
            .collect()
    }

    #[test]
    fn splits_letters_from_digits() {
        assert_eq!(
            texts("Rp329,2 triliun"),
            vec![("Rp", false), ("329,2", true), ("triliun", false)]
        );
        assert_eq!(
            texts("ke-70, $25bn."),
            vec![
                ("ke", false),
                ("-", true),
                ("70", true),
                (",", true),
                ("$", false),
                ("25", true),
                ("bn", true),
                (".", true)
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn spans_are_char_boundaries(s in "\\PC{0,40}") {
            let toks = lex(&s, Span::new(0, s.len()));
            let mut last = 0;
            for t in toks {
                proptest::prop_assert!(s.get(t.span.start..t.span.end).is_some());
                proptest::prop_assert!(t.span.start >= last && t.span.end > t.span.start);
                last = t.span.end;
            }
        }
    }

    #[test]
    fn numbers_keep_inner_separators_only() {
        assert_eq!(
            texts("1.500.000, 16.00."),
            vec![
                ("1.500.000", false),
                (",", true),
                ("16.00", false),
                (".", true)
            ]
        );
        assert_eq!(texts("Rp\u{a0}5"), vec![("Rp", false), ("5", false)]);
    }
}
