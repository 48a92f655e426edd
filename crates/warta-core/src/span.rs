use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    /// The covered text; `""` if the span does not fall on character boundaries of `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps byte offsets of one text to code-point offsets, in O(log n) per lookup.
///
/// Built once per document by the output layer. Pure-ASCII texts need no table at all.
pub struct CharIndex {
    /// For every non-ASCII char: (byte offset of its start, chars before it, its UTF-8 width).
    marks: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut chars = 0;
        // Byte by byte: a char starts at every byte that is not a UTF-8 continuation byte, and
        // its lead byte tells its width.
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            if b & 0xC0 == 0x80 {
                continue;
            }
            if b >= 0x80 {
                let width = match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
                marks.push((byte, chars, width));
            }
            chars += 1;
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// Code-point offset of a byte offset (a char boundary, or the end of the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        // Every byte between the last non-ASCII char before `byte` and `byte` is ASCII.
        match self.marks.partition_point(|&(b, _, _)| b < byte) {
            0 => byte,
            i => {
                let (mark_byte, mark_chars, width) = self.marks[i - 1];
                mark_chars + 1 + (byte - mark_byte - width)
            }
        }
    }

    /// A byte span as code-point offsets.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let idx = CharIndex::new("abc def");
        assert_eq!(idx.char_offset(4), 4);
        assert_eq!(idx.char_offset(7), 7);
    }

    #[test]
    fn widths_of_every_utf8_length() {
        let text = "a\u{e9}\u{2014}\u{1F600}b\u{a0}";
        let idx = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(byte), chars);
        }
        assert_eq!(idx.len_chars(), text.chars().count());
        assert_eq!(idx.char_offset(text.len()), 6);
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "Rp\u{a0}329 © ANTARA — ok";
        let idx = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(byte), chars);
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }
}
