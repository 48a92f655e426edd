/// The key that makes ingest idempotent: FNV-1a 128 of the article id, a NUL, and the text,
/// as 32 hex digits. The same article (same id, same text) always gets the same key.
pub fn content_hash(id: &str, text: &str) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for b in id.bytes().chain(std::iter::once(0)).chain(text.bytes()) {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_id_and_text() {
        let a = content_hash("1", "Halo dunia");
        assert_eq!(a.len(), 32);
        assert_eq!(a, content_hash("1", "Halo dunia"));
        assert_ne!(a, content_hash("2", "Halo dunia"));
        assert_ne!(a, content_hash("1", "Halo dunia!"));
        // the separator keeps ("ab","c") and ("a","bc") apart
        assert_ne!(content_hash("ab", "c"), content_hash("a", "bc"));
    }
}
