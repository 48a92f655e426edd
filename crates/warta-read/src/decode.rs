use warta_core::Warning;

/// Decode bytes as UTF-8; invalid sequences become U+FFFD with a warning saying where.
/// Returns `Err` with a message when the bytes look binary rather than text.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Option<Warning>), String> {
    if looks_binary(bytes) {
        return Err("input looks binary (NUL or control bytes), not text".to_string());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            let warning = Warning::new(
                "invalid_utf8",
                format!(
                    "invalid UTF-8 at byte {}; {bad} invalid sequence(s) replaced by U+FFFD",
                    e.valid_up_to()
                ),
            );
            Ok((text, Some(warning)))
        }
    }
}

/// NUL bytes, or more than 10% control bytes other than tab/newline/CR/form feed, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// A stable id for input that has none: FNV-1a 64 of the text, as `h` + 16 hex digits.
pub fn content_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("h{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let (text, warning) = decode_text(b"Rp\xff329").unwrap();
        assert_eq!(text, "Rp\u{FFFD}329");
        assert_eq!(warning.unwrap().kind, "invalid_utf8");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_text(b"\x7fELF\x02\x01\x01\0\0\0").is_err());
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhalo").unwrap().0, "halo");
    }

    #[test]
    fn content_id_is_stable() {
        assert_eq!(content_id("halo"), content_id("halo"));
        assert_ne!(content_id("halo"), content_id("halo!"));
    }
}
