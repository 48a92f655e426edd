use warta_core::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes (`Kim Jong-un` gives `Jong-un`).
    Word,
    /// Digits with their separators: `1.500.000`, `329,2`, `16.00`.
    Number,
    /// Letters and digits mixed: `Rp329,2` is split, but `G20`, `B737` stay whole.
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
}

/// Tokenise `text[body]`. A simple first version: runs of alphanumerics (with inner `-`, `.`, `,`
/// between digits) and single punctuation marks.
pub fn tokenize(text: &str, body: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let slice = body.text(text);
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let start = body.start + i;
        if c.is_whitespace() || c == '\u{ad}' {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                let next_is_alnum = slice[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric()
                    || ((d == '-' || d == '.' || d == ',')
                        && next_is_alnum
                        && !(d != '-' && !slice[..j].ends_with(|x: char| x.is_ascii_digit())))
                {
                    end = body.start + j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            out.push(make(text, Span::new(start, end)));
        } else {
            out.push(make(text, Span::new(start, start + c.len_utf8())));
        }
    }
    out
}

fn make(text: &str, span: Span) -> Token {
    let surface = span.text(text);
    let norm: String = surface.chars().filter(|&c| c != '\u{ad}').collect();
    let kind = if norm
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        TokenKind::Number
    } else if norm
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    {
        TokenKind::Word
    } else if norm.chars().any(char::is_alphanumeric) {
        TokenKind::Alnum
    } else if norm
        .chars()
        .all(|c| c.is_ascii_punctuation() || "“”‘’—–".contains(c))
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    let reduplicated = norm
        .split_once('-')
        .is_some_and(|(a, b)| !a.is_empty() && a.eq_ignore_ascii_case(b));
    Token {
        span,
        kind,
        lower: norm.to_lowercase(),
        norm,
        abbreviation: false,
        reduplicated,
        proclitic: None,
        enclitic: None,
    }
}
