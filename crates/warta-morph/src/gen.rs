//! Candidate generation: every segmentation of a word the affix grammar allows.
//!
//! The generator calls `visit(root, key)` for each candidate root string (without checking any
//! lexicon). It allocates nothing but one small buffer for roots whose first sound the prefix
//! replaced (`meng~k`: `mengirim` gives `k` + `irim`).

use crate::affix::{Infix, Key, Prefix, PARTICLES, POSSESSIVES, SUFFIXES};
use std::borrow::Cow;

pub(crate) struct Cand<'a> {
    pub root: Cow<'a, str>,
    pub line: u32,
    pub key: Key,
    pub redup: bool,
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// A guessed root (no lexicon) must have a vowel and three letters.
pub(crate) fn plausible_root(r: &str) -> bool {
    r.len() >= 3 && r.bytes().any(is_vowel)
}

struct Ctx<'v, 'w> {
    visit: &'v mut dyn FnMut(&str, Key),
    buf: String,
    _w: std::marker::PhantomData<&'w ()>,
}

impl Ctx<'_, '_> {
    fn emit(&mut self, restore: &str, rest: &str, key: Key) {
        if restore.is_empty() {
            (self.visit)(rest, key);
        } else {
            self.buf.clear();
            self.buf.push_str(restore);
            self.buf.push_str(rest);
            let b = std::mem::take(&mut self.buf);
            (self.visit)(&b, key);
            self.buf = b;
        }
    }
}

/// Surface prefix, label, and the letter restored to the root (empty: root kept as is).
type Rule = (&'static str, Prefix, &'static str);

/// Outer prefixes, longest surface first within a family.
const OUTER: &[Rule] = &[
    ("memper", Prefix::Memper, ""),
    ("mempe", Prefix::Mempe, ""),
    ("diper", Prefix::Diper, ""),
    ("dipe", Prefix::Dipe, ""),
    ("menge", Prefix::Menge, ""),
    ("meng", Prefix::Meng, ""),
    ("meng", Prefix::MengK, "k"),
    ("meny", Prefix::MenyS, "s"),
    ("mem", Prefix::Mem, ""),
    ("mem", Prefix::MemP, "p"),
    ("men", Prefix::Men, ""),
    ("men", Prefix::MenT, "t"),
    ("me", Prefix::Me, ""),
    ("penge", Prefix::Penge, ""),
    ("peng", Prefix::Peng, ""),
    ("peng", Prefix::PengK, "k"),
    ("peny", Prefix::PenyS, "s"),
    ("pem", Prefix::Pem, ""),
    ("pem", Prefix::PemP, "p"),
    ("pen", Prefix::Pen, ""),
    ("pen", Prefix::PenT, "t"),
    ("per", Prefix::Per, ""),
    ("pel", Prefix::Pel, ""),
    ("pe", Prefix::PeR, ""),
    ("pe", Prefix::Pe, ""),
    ("di", Prefix::Di, ""),
    ("ter", Prefix::Ter, ""),
    ("te", Prefix::Te, ""),
    ("ber", Prefix::Ber, ""),
    ("bel", Prefix::Bel, ""),
    ("be", Prefix::Be, ""),
    ("ke", Prefix::Ke, ""),
    ("se", Prefix::Se, ""),
    ("kau", Prefix::Kau, ""),
    ("ku", Prefix::Ku, ""),
];

/// Prefixes that may follow an outer prefix (`ke+ber-an`, `di+per`, `ber+ke-an`, `se+pe`).
const INNER: &[Rule] = &[
    ("per", Prefix::Per, ""),
    ("pe", Prefix::PeR, ""),
    ("ber", Prefix::Ber, ""),
    ("be", Prefix::Be, ""),
    ("ter", Prefix::Ter, ""),
    ("te", Prefix::Te, ""),
    ("ke", Prefix::Ke, ""),
    ("se", Prefix::Se, ""),
    ("peng", Prefix::Peng, ""),
    ("peng", Prefix::PengK, "k"),
    ("peny", Prefix::PenyS, "s"),
    ("pem", Prefix::Pem, ""),
    ("pem", Prefix::PemP, "p"),
    ("pen", Prefix::Pen, ""),
    ("pen", Prefix::PenT, "t"),
    ("pe", Prefix::Pe, ""),
];

/// Does the rest of the word fit what the prefix variant demands of the root's first sound?
fn fits(p: Prefix, rest: &[u8]) -> bool {
    let Some(&c) = rest.first() else {
        return false;
    };
    let c2 = rest.get(1).copied().unwrap_or(0);
    use Prefix::*;
    match p {
        // meN- with the root kept: the nasal agrees with the root's first sound.
        Meng | Peng => is_vowel(c) || matches!(c, b'g' | b'h' | b'k'),
        Mem | Pem => matches!(c, b'b' | b'f' | b'v' | b'p'),
        Men | Pen => matches!(c, b'c' | b'd' | b'j' | b'z' | b't' | b's'),
        Me => matches!(c, b'l' | b'm' | b'n' | b'r' | b'w' | b'y'),
        Menge | Penge => is_consonant(c),
        Bel | Pel => c == b'a' && c2 == b'j',
        // Dropped root consonants (mostly before a vowel, but loans drop them before
        // consonants too: pemroduksian, penyetop) and merged r (berumput, perajut): the lexicon
        // and the pattern scores decide.
        MengK | PengK | MenyS | PenyS | MemP | PemP | MenT | PenT => true,
        Pe | Be | PeR | Mempe | Dipe | Te => true,
        Ber | Ter | Per | Memper | Diper => true,
        Di | Ke | Se | Ku | Kau => true,
    }
}

fn may_have_inner(p: Prefix) -> bool {
    use Prefix::*;
    matches!(p, Di | Ter | Te | Ke | Se | Ber | Per | Memper | Diper)
}

/// Generate every candidate `(root, key)` for the lower-case `word`, the bare word first.
pub(crate) fn generate(word: &str, visit: &mut dyn FnMut(&str, Key)) {
    if word.is_empty() {
        return;
    }
    let mut ctx = Ctx {
        visit,
        buf: String::with_capacity(32),
        _w: std::marker::PhantomData,
    };
    (ctx.visit)(word, Key::default());
    // Clitics: stem + suffix + possessive + particle.
    for (part_i, w1) in strip(word, &PARTICLES[..]) {
        for (poss_i, w2) in strip(w1, &POSSESSIVES[..]) {
            for (suf_i, w3) in strip(w2, &SUFFIXES[..]) {
                if w3.len() < 2 {
                    continue;
                }
                let base = Key::new(None, None, None, suf_i, poss_i, part_i);
                if base != Key::default() {
                    ctx.emit("", w3, base);
                }
                infixes(&mut ctx, w3, base);
                prefixes(&mut ctx, w3, suf_i, poss_i, part_i);
            }
        }
    }
}

/// `w` without the prefix `p` (byte loop: these are 1-6 bytes, a `memcmp` call costs more).
#[inline]
fn cut_prefix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (a, b) = (w.as_bytes(), p.as_bytes());
    if a.len() >= b.len() && a.iter().zip(b).all(|(x, y)| x == y) {
        w.get(b.len()..)
    } else {
        None
    }
}

/// `w` without the suffix `p`.
#[inline]
fn cut_suffix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (a, b) = (w.as_bytes(), p.as_bytes());
    if a.len() >= b.len() && a[a.len() - b.len()..].iter().zip(b).all(|(x, y)| x == y) {
        w.get(..a.len() - b.len())
    } else {
        None
    }
}

/// `(0, w)` and, for each ending in `list` that `w` has, `(index + 1, w without it)`.
fn strip<'w>(w: &'w str, list: &'static [&'static str]) -> impl Iterator<Item = (u8, &'w str)> {
    let extra = list.iter().enumerate().filter_map(move |(i, e)| {
        cut_suffix(w, e)
            .filter(|s| s.len() >= 2)
            .map(|s| (i as u8 + 1, s))
    });
    std::iter::once((0, w)).chain(extra)
}

fn infixes(ctx: &mut Ctx<'_, '_>, w: &str, base: Key) {
    let b = w.as_bytes();
    if b.len() < 5 || !is_consonant(b[0]) || !w.is_char_boundary(3) {
        return;
    }
    let inf = match &b[1..3] {
        b"el" => Some(Infix::El),
        b"em" => Some(Infix::Em),
        b"er" => Some(Infix::Er),
        b"in" => Some(Infix::In),
        _ => None,
    };
    if let Some(inf) = inf {
        let key = Key(base.0 | (inf as u32) << 12);
        ctx.buf.clear();
        ctx.buf.push_str(&w[..1]);
        ctx.buf.push_str(&w[3..]);
        let s = std::mem::take(&mut ctx.buf);
        (ctx.visit)(&s, key);
        ctx.buf = s;
    }
    if b[1] == b'e' && b[2] == b[0] {
        let key = Key(base.0 | (Infix::Dwipurwa as u32) << 12);
        (ctx.visit)(&w[2..], key);
    }
}

fn prefixes(ctx: &mut Ctx<'_, '_>, w: &str, suf: u8, poss: u8, part: u8) {
    let first = w.as_bytes()[0];
    for &(surface, p1, restore) in OUTER {
        if surface.as_bytes()[0] != first {
            continue;
        }
        let Some(rest) = cut_prefix(w, surface) else {
            continue;
        };
        if rest.len() < 2 || !fits(p1, rest.as_bytes()) {
            continue;
        }
        ctx.emit(
            restore,
            rest,
            Key::new(Some(p1), None, None, suf, poss, part),
        );
        if !may_have_inner(p1) {
            continue;
        }
        for &(s2, p2, restore2) in INNER {
            let Some(rest2) = cut_prefix(rest, s2) else {
                continue;
            };
            if rest2.len() < 2 || !fits(p2, rest2.as_bytes()) {
                continue;
            }
            ctx.emit(
                restore2,
                rest2,
                Key::new(Some(p1), Some(p2), None, suf, poss, part),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(w: &str) -> Vec<(String, String)> {
        let mut v = Vec::new();
        generate(w, &mut |r, k| v.push((r.to_string(), k.label())));
        v
    }

    #[test]
    fn nasal_assimilation() {
        let has = |w: &str, r: &str, l: &str| {
            let v = all(w);
            assert!(
                v.iter().any(|(a, b)| a == r && b == l),
                "{w}: no {r} {l} in {v:?}"
            );
        };
        has("mengirimkan", "kirim", "meng~k|.|kan|.|.");
        has("menyapu", "sapu", "meny~s|.|.|.|.");
        has("memukul", "pukul", "mem~p|.|.|.|.");
        has("menulis", "tulis", "men~t|.|.|.|.");
        has("membaca", "baca", "mem|.|.|.|.");
        has("mengambil", "ambil", "meng|.|.|.|.");
        has("mengebom", "bom", "menge|.|.|.|.");
        has("melihat", "lihat", "me|.|.|.|.");
        has("mempertimbangkan", "timbang", "memper|.|kan|.|.");
        has("keberhasilan", "hasil", "ke+ber|.|an|.|.");
        has("perajutan", "rajut", "pe~r|.|an|.|.");
        has("sesudahnya", "sudah", "se|.|.|nya|.");
        has("gemetar", "getar", ".|-em-|.|.|.");
        has("lelaki", "laki", ".|Ce-|.|.|.");
        has("bukankah", "bukan", ".|.|.|.|kah");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for w in [
            "",
            "a",
            "é",
            "meé",
            "ménge",
            "x-",
            "-",
            "kan",
            "nya",
            "mem\u{301}",
        ] {
            all(w);
        }
    }
}
