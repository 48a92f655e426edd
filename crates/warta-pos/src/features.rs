//! Token features: word, affixes, shape, ±2 context, and the morphological analysis.

use std::cell::RefCell;
use warta_learn::hash::{combine, feature_with, template};

/// What the tagger knows of one token before looking at its neighbours.
#[derive(Debug, Clone)]
pub struct Word {
    /// Lower-cased form.
    pub lower: String,
    /// Shape class: `Xx`, `x`, `X`, `d`, `Xd`, `xd`, `p` (punctuation), with `-` if hyphenated.
    pub shape: &'static str,
    /// Morphological pattern key of the best reading (0: none/bare word).
    pub morph: u32,
    /// Root of the best reading if in the lexicon.
    pub root: Option<&'static str>,
    /// The best reading's root is known.
    pub known: bool,
}

fn shape(w: &str) -> &'static str {
    let mut upper = 0;
    let mut lower = 0;
    let mut digit = 0;
    let mut other = 0;
    let mut hyphen = false;
    for c in w.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else if c == '-' {
            hyphen = true;
        } else {
            other += 1;
        }
    }
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    match (upper > 0, lower > 0, digit > 0, hyphen) {
        (false, false, false, _) if other > 0 || hyphen => "p",
        (false, false, true, _) => {
            if other > 0 {
                "d."
            } else {
                "d"
            }
        }
        (true, false, false, false) => "X",
        (true, false, false, true) => "X-",
        (true, _, true, _) | (_, true, true, _) => "Xd",
        (true, true, false, false) if first_upper && upper == 1 => "Xx",
        (true, true, false, true) if first_upper => "Xx-",
        (true, true, false, _) => "xX",
        (false, true, false, false) => "x",
        (false, true, false, true) => "x-",
        _ => "o",
    }
}

type Cache = warta_morph::hash::FxMap<String, (u32, Option<&'static str>, bool)>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}
const CACHE_MAX: usize = 200_000;

impl Word {
    /// Analyse one token (morphology cached per thread).
    pub fn new(text: &str) -> Word {
        let lower = text.to_lowercase();
        let shape = shape(text);
        let (morph, root, known) = if lower.bytes().any(|b| b.is_ascii_alphabetic()) {
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if let Some(v) = c.get(&lower) {
                    return *v;
                }
                let a = warta_morph::best(&lower);
                let root = match a.root {
                    std::borrow::Cow::Borrowed(r) => Some(r),
                    std::borrow::Cow::Owned(_) => None,
                };
                let v = (a.key.0 | (a.reduplicated as u32) << 31, root, a.known);
                if c.len() >= CACHE_MAX {
                    c.clear();
                }
                c.insert(lower.clone(), v);
                v
            })
        } else {
            (0, None, false)
        };
        Word {
            lower,
            shape,
            morph,
            root,
            known,
        }
    }
}

struct Templates {
    bias: u64,
    w: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    shape: u64,
    first: u64,
    ctx: [u64; 4],
    ctx_shape: [u64; 2],
    ctx_suf: [u64; 2],
    pair: [u64; 2],
    morph: u64,
    morph_p1: u64,
    root: u64,
    known: u64,
    shape_pair: [u64; 2],
    prev_suf: u64,
}

fn templates() -> &'static Templates {
    static T: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    T.get_or_init(|| Templates {
        bias: template("bias"),
        w: template("w"),
        suf: [
            template("s1"),
            template("s2"),
            template("s3"),
            template("s4"),
        ],
        pre: [template("p1"), template("p2"), template("p3")],
        shape: template("shape"),
        first: template("first"),
        ctx: [
            template("w-2"),
            template("w-1"),
            template("w+1"),
            template("w+2"),
        ],
        ctx_shape: [template("sh-1"), template("sh+1")],
        ctx_suf: [template("s3-1"), template("s3+1")],
        pair: [template("w-1|w"), template("w|w+1")],
        morph: template("morph"),
        morph_p1: template("morph-p1"),
        root: template("root"),
        known: template("known"),
        shape_pair: [template("sh-1|sh"), template("sh|sh+1")],
        prev_suf: template("w-1|s3"),
    })
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for (k, (i, _)) in s.char_indices().rev().enumerate() {
        if k == n {
            break;
        }
        idx = i;
    }
    &s[idx..]
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Push the features of `words[i]`.
pub fn extract(words: &[Word], i: usize, out: &mut Vec<u64>) {
    let t = templates();
    let w = &words[i];
    let lw = w.lower.as_str();
    out.push(t.bias);
    out.push(feature_with(t.w, lw));
    for n in 1..=4 {
        let s = suffix(lw, n);
        out.push(feature_with(t.suf[n - 1], s));
        if s.len() == lw.len() {
            break;
        }
    }
    for n in 1..=3 {
        let p = prefix(lw, n);
        out.push(feature_with(t.pre[n - 1], p));
        if p.len() == lw.len() {
            break;
        }
    }
    out.push(feature_with(t.shape, w.shape));
    if i == 0 {
        out.push(feature_with(t.first, w.shape));
    }
    let at = |j: isize| -> Option<&Word> {
        if j < 0 {
            None
        } else {
            words.get(j as usize)
        }
    };
    let ii = i as isize;
    for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let v = at(ii + d).map_or(if d < 0 { BOS } else { EOS }, |x| x.lower.as_str());
        out.push(feature_with(t.ctx[k], v));
    }
    for (k, d) in [-1isize, 1].into_iter().enumerate() {
        let (sh, s3) = at(ii + d).map_or((BOS, BOS), |x| (x.shape, suffix(&x.lower, 3)));
        out.push(feature_with(t.ctx_shape[k], sh));
        out.push(feature_with(t.ctx_suf[k], s3));
    }
    let prev = at(ii - 1).map_or(BOS, |x| x.lower.as_str());
    let next = at(ii + 1).map_or(EOS, |x| x.lower.as_str());
    out.push(combine(
        feature_with(t.pair[0], prev),
        feature_with(t.w, lw),
    ));
    out.push(combine(
        feature_with(t.pair[1], lw),
        feature_with(t.w, next),
    ));
    let sh_prev = at(ii - 1).map_or(BOS, |x| x.shape);
    let sh_next = at(ii + 1).map_or(EOS, |x| x.shape);
    out.push(combine(
        feature_with(t.shape_pair[0], sh_prev),
        feature_with(t.shape, w.shape),
    ));
    out.push(combine(
        feature_with(t.shape_pair[1], w.shape),
        feature_with(t.shape, sh_next),
    ));
    out.push(combine(
        feature_with(t.prev_suf, prev),
        feature_with(t.suf[2], suffix(lw, 3)),
    ));
    if w.morph != 0 {
        out.push(combine(t.morph, u64::from(w.morph)));
        out.push(combine(t.morph_p1, u64::from(w.morph & 0xfff)));
    }
    if let Some(r) = w.root {
        if r != lw {
            out.push(feature_with(t.root, r));
        }
    }
    out.push(combine(t.known, u64::from(w.known)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Jakarta"), "Xx");
        assert_eq!(shape("jakarta"), "x");
        assert_eq!(shape("PBB"), "X");
        assert_eq!(shape("1.500"), "d.");
        assert_eq!(shape("12"), "d");
        assert_eq!(shape("G20"), "Xd");
        assert_eq!(shape("."), "p");
        assert_eq!(shape("Jong-un"), "Xx-");
        assert_eq!(shape("sanksi-sanksi"), "x-");
        assert_eq!(shape("iPhone"), "xX");
    }

    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("éa", 1), "é");
        assert_eq!(suffix("ab", 4), "ab");
    }

    #[test]
    fn features_are_deterministic_and_cover_context() {
        let ws: Vec<Word> = ["Rusia", "menyerang", "Ukraina", "."]
            .iter()
            .map(|w| Word::new(w))
            .collect();
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(&ws, 1, &mut a);
        extract(&ws, 1, &mut b);
        assert_eq!(a, b);
        assert!(a.len() > 20);
        assert_eq!(ws[1].root, Some("serang"));
        assert_ne!(ws[1].morph, 0);
    }
}
