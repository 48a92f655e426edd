use std::io::BufRead;

/// One physical line of input, or the fact that it was too long to keep.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes without the terminating `\n` (or `\r\n`).
    Text(Vec<u8>),
    /// A line longer than the cap; its bytes were skipped, its length is given.
    TooLong(u64),
}

/// Lines of a reader, never buffering more than `cap` bytes of one line.
pub struct CappedLines<R> {
    reader: R,
    cap: usize,
    /// 1-based number of the last line returned.
    pub line_no: u64,
}

impl<R: BufRead> CappedLines<R> {
    pub fn new(reader: R, cap: usize) -> Self {
        CappedLines {
            reader,
            cap,
            line_no: 0,
        }
    }
}

impl<R: BufRead> Iterator for CappedLines<R> {
    type Item = std::io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        let mut total: u64 = 0;
        let mut overflow = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if chunk.is_empty() {
                if total == 0 {
                    return None;
                }
                break;
            }
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            total += take as u64;
            if !overflow && buf.len() + take > self.cap + 2 {
                overflow = true;
                buf = Vec::new();
            }
            if !overflow {
                buf.extend_from_slice(&chunk[..take]);
            }
            self.reader.consume(take);
            if done {
                break;
            }
        }
        self.line_no += 1;
        if overflow {
            return Some(Ok(Line::TooLong(total)));
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        Some(Ok(Line::Text(buf)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<Line> {
        CappedLines::new(input, cap).map(Result::unwrap).collect()
    }

    #[test]
    fn splits_lines_and_strips_crlf() {
        assert_eq!(
            lines(b"a\r\nb\nc", 10),
            vec![
                Line::Text(b"a".to_vec()),
                Line::Text(b"b".to_vec()),
                Line::Text(b"c".to_vec())
            ]
        );
    }

    #[test]
    fn too_long_lines_are_skipped_not_buffered() {
        let mut input = vec![b'x'; 100];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(
            lines(&input, 10),
            vec![Line::TooLong(101), Line::Text(b"ok".to_vec())]
        );
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(lines(b"", 10).is_empty());
    }
}
