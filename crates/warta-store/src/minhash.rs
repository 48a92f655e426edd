//! Near-duplicate detection for syndicated wire stories: MinHash signatures over word
//! shingles, banded for locality-sensitive hashing (LSH), verified by the estimated Jaccard
//! similarity of the two signatures.
//!
//! Words are lower-cased runs of letters and digits; a shingle is [`SHINGLE`] consecutive words.
//! With [`BANDS`] bands of [`ROWS`] rows, two articles whose shingle sets have Jaccard similarity
//! `s` share at least one band bucket with probability `1 - (1 - s^ROWS)^BANDS` (0.45 → 1.00,
//! 0.3 → 0.998, 0.2 → 0.93): candidates are then kept when their estimated similarity is at
//! least [`THRESHOLD`], tuned on the shared IndoSum corpus (see the crate README).

/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Hash functions per signature.
pub const PERMUTATIONS: usize = 128;
/// LSH bands; `BANDS * ROWS == PERMUTATIONS`.
pub const BANDS: usize = 64;
/// Signature rows per band.
pub const ROWS: usize = 2;
/// Estimated Jaccard similarity from which two articles are the same story.
pub const THRESHOLD: f64 = 0.45;

const _: () = assert!(BANDS * ROWS == PERMUTATIONS);

/// A MinHash signature: the minimum of each of [`PERMUTATIONS`] hash functions over the shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

/// The hash family: `h -> a*h + b (mod 2^64)` with odd `a`, a permutation of the 64-bit
/// shingle hashes (which are already well mixed); cheap and vectorisable.
fn seeds() -> &'static [(u64, u64); PERMUTATIONS] {
    static SEEDS: std::sync::OnceLock<[(u64, u64); PERMUTATIONS]> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut s = [(0u64, 0u64); PERMUTATIONS];
        for (i, v) in s.iter_mut().enumerate() {
            let i = i as u64;
            *v = (
                splitmix(0x5741_5254_4100_0000 + 2 * i) | 1,
                splitmix(0x5741_5254_4100_0001 + 2 * i),
            );
        }
        s
    })
}

/// 64-bit hashes of the lower-cased words of `text`, in order (no allocation per word).
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut h: u64 = 0xcbf29ce484222325;
    let mut in_word = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            for lc in ch.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in lc.encode_utf8(&mut buf).as_bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x100000001b3);
                }
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = 0xcbf29ce484222325;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// Hashes of the word shingles of `text` (a text shorter than a shingle is one shingle).
pub fn shingles(text: &str) -> Vec<u64> {
    let words = word_hashes(text);
    if words.is_empty() {
        return Vec::new();
    }
    let k = SHINGLE.min(words.len());
    let mut out: Vec<u64> = words
        .windows(k)
        .map(|w| {
            w.iter()
                .fold(0x243f6a8885a308d3u64, |acc, &x| splitmix(acc ^ x))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Signature {
    /// The signature of a text; `None` when it has no words.
    pub fn of(text: &str) -> Option<Signature> {
        let sh = shingles(text);
        if sh.is_empty() {
            return None;
        }
        let seeds = seeds();
        let mut mins = vec![u64::MAX; PERMUTATIONS];
        for &s in &sh {
            for (m, &(a, b)) in mins.iter_mut().zip(seeds.iter()) {
                *m = (*m).min(s.wrapping_mul(a).wrapping_add(b));
            }
        }
        Some(Signature(mins))
    }

    /// Estimated Jaccard similarity: the share of equal minimums.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let n = self.0.len().min(other.0.len());
        if n == 0 {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / n as f64
    }

    /// The bucket of each band (band index, bucket hash as a signed 64-bit SQLite integer).
    pub fn bands(&self) -> impl Iterator<Item = (usize, i64)> + '_ {
        self.0.chunks(ROWS).enumerate().map(|(i, rows)| {
            let h = rows.iter().fold(i as u64, |acc, &x| splitmix(acc ^ x));
            (i, h as i64)
        })
    }

    /// Little-endian bytes, for storage.
    pub fn to_blob(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Read back [`Signature::to_blob`]; `None` when the length is wrong.
    pub fn from_blob(blob: &[u8]) -> Option<Signature> {
        if blob.len() != PERMUTATIONS * 8 {
            return None;
        }
        Some(Signature(
            blob.chunks_exact(8)
                .map(|c| {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(c);
                    u64::from_le_bytes(b)
                })
                .collect(),
        ))
    }
}

/// Exact Jaccard similarity of the shingle sets of two texts (for reports and tests).
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (x, y) = (shingles(a), shingles(b));
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (x.len() + y.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str =
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Timur pada Senin pagi, \
        didampingi menteri pekerjaan umum dan gubernur setempat yang menyambut rombongan.";

    #[test]
    fn identical_texts_are_identical() {
        let s = Signature::of(A).unwrap();
        assert_eq!(s.similarity(&Signature::of(A).unwrap()), 1.0);
        assert_eq!(jaccard(A, A), 1.0);
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let b = A.to_uppercase().replace(',', " ;");
        assert_eq!(jaccard(A, &b), 1.0);
    }

    #[test]
    fn a_republished_story_with_a_new_ending_is_similar() {
        let b = format!("{A} Baca juga berita lainnya di situs kami.");
        let est = Signature::of(A)
            .unwrap()
            .similarity(&Signature::of(&b).unwrap());
        let exact = jaccard(A, &b);
        assert!(exact > 0.6, "{exact}");
        assert!((est - exact).abs() < 0.2, "{est} vs {exact}");
    }

    #[test]
    fn different_stories_are_not_similar() {
        let b = "Harga cabai rawit di pasar induk naik tajam menjelang hari raya, kata pedagang \
            yang mengeluhkan pasokan dari petani berkurang akibat hujan.";
        let est = Signature::of(A)
            .unwrap()
            .similarity(&Signature::of(b).unwrap());
        assert!(est < 0.1, "{est}");
        assert!(jaccard(A, b) < 0.05);
    }

    #[test]
    fn blobs_round_trip_and_bands_are_stable() {
        let s = Signature::of(A).unwrap();
        assert_eq!(Signature::from_blob(&s.to_blob()), Some(s.clone()));
        assert_eq!(Signature::from_blob(&[1, 2, 3]), None);
        let bands: Vec<_> = s.bands().collect();
        assert_eq!(bands.len(), BANDS);
        assert_eq!(bands, s.bands().collect::<Vec<_>>());
    }

    #[test]
    fn no_words_no_signature() {
        assert!(Signature::of(" ,.;! ").is_none());
    }
}
