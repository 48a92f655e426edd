//! Language identification per article: `id`, `en` or `other`.
//!
//! First by function words (stop-word profiles of Indonesian and English; Malay shares most
//! Indonesian function words and comes out as `id`); when the text has too few of them (short
//! texts, headlines), by a character-trigram fallback. No dictionary files: the profiles are
//! small, fixed and written here.

use crate::dict::FastMap;
use crate::{Token, TokenKind};
use std::sync::OnceLock;

/// word -> 1 (Indonesian), 2 (English), 3 (both)
fn word_table() -> &'static FastMap<&'static str, u8> {
    static T: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = FastMap::default();
        for w in ID_WORDS {
            *m.entry(*w).or_insert(0) |= 1;
        }
        for w in EN_WORDS {
            *m.entry(*w).or_insert(0) |= 2;
        }
        m
    })
}

fn gram_table() -> &'static FastMap<&'static str, u8> {
    static T: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = FastMap::default();
        for w in ID_TRIGRAMS {
            *m.entry(*w).or_insert(0) |= 1;
        }
        for w in EN_TRIGRAMS {
            *m.entry(*w).or_insert(0) |= 2;
        }
        m
    })
}

const ID_WORDS: &[&str] = &[
    "yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "dalam", "tidak", "akan",
    "ke", "juga", "adalah", "oleh", "sudah", "telah", "bahwa", "karena", "atau", "bisa", "ada",
    "kata", "mereka", "kami", "saat", "lebih", "para", "tersebut", "namun", "sebagai", "seperti",
    "hingga", "masih", "belum", "secara", "kepada", "tak", "dia", "ia", "kita", "saya", "agar",
    "sejak", "setelah", "antara", "menjadi", "bagi", "serta", "jika", "sangat", "harus", "tahun",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it",
    "at", "from", "he", "said", "his", "are", "be", "has", "have", "an", "were", "which", "will",
    "would", "this", "its", "their", "after", "they", "not", "but", "who", "had", "been", "about",
    "against", "over", "into", "also", "than", "or", "we", "more", "year", "told",
];

/// Frequent character trigrams (with `_` for a word boundary) of each language.
const ID_TRIGRAMS: &[&str] = &[
    "an_", "ang", "kan", "yan", "ng_", "_me", "men", "_di", "_ke", "_ya", "ber", "_be", "nya",
    "ya_", "_da", "dan", "ah_", "ata", "eng", "nga", "_pe", "per", "ala", "ter", "_se", "aka",
    "ari", "ira", "uk_", "era", "ada", "gan", "at_", "aan", "mem", "_te", "un_", "asi", "ini",
    "ing", "sia", "ung", "pen", "ela", "erj", "akn", "ak_", "lah",
];
const EN_TRIGRAMS: &[&str] = &[
    "_th", "the", "he_", "ed_", "_in", "ing", "ng_", "_an", "and", "nd_", "_of", "of_", "_to",
    "to_", "er_", "es_", "ion", "tio", "on_", "ent", "_co", "_re", "re_", "is_", "_wa", "was",
    "as_", "at_", "for", "_fo", "or_", "ter", "her", "hat", "tha", "_ha", "ly_", "_be", "st_",
    "ers", "al_", "ati", "ons", "_pr", "wit", "ith", "th_", "ts_",
];

const MAX_WORDS: usize = 300;

/// Identify the language from the tokens of the body (`text` is used by the fallback).
pub fn identify(_text: &str, tokens: &[Token]) -> &'static str {
    let (mut id, mut en, mut words) = (0usize, 0usize, 0usize);
    let table = word_table();
    // The first few hundred words decide.
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(MAX_WORDS)
    {
        words += 1;
        let w = t.lower.as_str();
        if w.len() > 8 {
            continue;
        }
        let f = table.get(w).copied().unwrap_or(0);
        id += usize::from(f & 1);
        en += usize::from(f >> 1);
    }
    if words == 0 {
        return "other";
    }
    let hits = id + en;
    if hits >= 5 && hits * 10 >= words {
        // a clear function-word signal
        if id * 2 >= en * 3 {
            return "id";
        }
        if en * 2 >= id * 3 {
            return "en";
        }
    }
    if hits * 20 < words && words >= 20 {
        // plenty of words, hardly any function word of either language
        return "other";
    }
    // Short or mixed: function words and trigrams together.
    let (gid, gen, total) = trigrams(tokens);
    let sid = id * 4 + gid;
    let sen = en * 4 + gen;
    if hits == 0 && (gid + gen) * 6 < total {
        return "other";
    }
    if sid == sen {
        return if sid == 0 { "other" } else { "id" };
    }
    if sid > sen {
        "id"
    } else {
        "en"
    }
}

/// Trigram counts: (Indonesian hits, English hits, trigrams seen).
fn trigrams(tokens: &[Token]) -> (usize, usize, usize) {
    let (mut id, mut en, mut total) = (0usize, 0usize, 0usize);
    let mut buf = [0u8; 64];
    let grams = gram_table();
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(400)
    {
        let w = t.lower.as_bytes();
        if w.len() + 2 > buf.len() || !w.is_ascii() {
            continue;
        }
        buf[0] = b'_';
        buf[1..=w.len()].copy_from_slice(w);
        buf[w.len() + 1] = b'_';
        let padded = &buf[..w.len() + 2];
        for g in padded.windows(3) {
            total += 1;
            let g = std::str::from_utf8(g).unwrap_or("");
            let f = grams.get(g).copied().unwrap_or(0);
            id += usize::from(f & 1);
            en += usize::from(f >> 1);
        }
    }
    (id, en, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;
    use warta_core::Span;

    fn lang(s: &str) -> &'static str {
        identify(s, &tokenize(s, Span::new(0, s.len())))
    }

    #[test]
    fn indonesian_english_other() {
        assert_eq!(
            lang("Pemerintah pada Selasa mengatakan pihaknya akan memperkuat kerja sama perbatasan dengan negara tetangga di tengah kenaikan harga pangan."),
            "id"
        );
        assert_eq!(
            lang("Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy, a senior official said on Saturday."),
            "en"
        );
        assert_eq!(lang("Der Bundeskanzler reist morgen nach Paris, um mit dem Präsidenten über die Lage zu sprechen. Die Gespräche sollen zwei Tage dauern und werden von Protesten begleitet, sagte ein Sprecher am Montag in Berlin vor Journalisten."), "other");
        assert_eq!(lang(""), "other");
        assert_eq!(lang("12 34 !!"), "other");
    }

    #[test]
    fn short_texts_fall_back_to_trigrams() {
        assert_eq!(lang("Pemerintah menaikkan harga bahan bakar"), "id");
        assert_eq!(lang("Government raises the fuel prices"), "en");
    }
}
