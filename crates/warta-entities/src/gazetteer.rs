//! Token-aligned phrase matching: aho-corasick over the lower-cased token stream, then case
//! rules per entry and a leftmost-longest choice.
//!
//! The text key is ` tok tok tok ` (token `lower` forms joined by single spaces, framed by
//! spaces); patterns are framed the same way, so every hit starts and ends on token boundaries.
//! Case rules: a pattern token written in capitals (`AS`, `PBB`) must match exactly; a pattern
//! whose first token is capitalised (`Korea Utara`) needs a capitalised first token in the text
//! (so `Korea utara` matches but `chili` does not); lower-case patterns match any case.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use warta_core::Span;
use warta_text::Token;

/// One pattern: its tokens as written (for the case rules) and the payload index.
#[derive(Debug, Clone)]
struct Pattern {
    tokens: Vec<String>,
    payload: usize,
}

/// A compiled set of phrases; `payload` is an index the caller gives meaning to.
pub struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// A hit: token range `[start, end)` and the payload of the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub payload: usize,
}

/// Tokenise a phrase the way documents are tokenised; returns token norms.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    warta_text::tokenize(phrase, Span::new(0, phrase.len()))
        .into_iter()
        .map(|t| t.norm)
        .collect()
}

fn is_acronym(tok: &str) -> bool {
    tok.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !tok.chars().any(char::is_lowercase)
}

/// Builds a [`Matcher`]; the first pattern added for a given key wins.
#[derive(Default)]
pub struct MatcherBuilder {
    keys: Vec<String>,
    patterns: Vec<Pattern>,
    seen: std::collections::HashMap<String, usize>,
}

impl MatcherBuilder {
    /// Add a phrase; returns false when the same phrase (same case class) was added before.
    pub fn add(&mut self, phrase: &str, payload: usize) -> bool {
        let tokens = phrase_tokens(phrase);
        if tokens.is_empty()
            || tokens
                .iter()
                .any(|t| t.is_empty() || t.contains(char::is_whitespace))
        {
            return false;
        }
        let key = format!(
            " {} ",
            tokens
                .iter()
                .map(|t| t.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        );
        // Patterns differing only by case class (`AS` vs `as`, `Kejaksaan` vs `kejaksaan`) may
        // coexist: a capitalised actor alias must not hide the lower-case role word that
        // matches where it does not (`pihak kejaksaan`).
        let class: String = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if is_acronym(t) {
                    'A'
                } else if i == 0 && t.chars().next().is_some_and(char::is_uppercase) {
                    'C'
                } else {
                    'a'
                }
            })
            .collect();
        let seen_key = format!("{key}\u{0}{class}");
        if self.seen.contains_key(&seen_key) {
            return false;
        }
        self.seen.insert(seen_key, self.patterns.len());
        self.keys.push(key);
        self.patterns.push(Pattern { tokens, payload });
        true
    }

    pub fn build(self) -> Matcher {
        let ac = if self.keys.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&self.keys)
                .ok()
        };
        Matcher {
            ac,
            patterns: self.patterns,
        }
    }
}

/// The key of a token range, with the start offset of each token in it.
pub struct Key {
    pub text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
    first: usize,
}

impl Key {
    pub fn new(tokens: &[Token], first: usize) -> Key {
        let mut text =
            String::with_capacity(tokens.iter().map(|t| t.lower.len() + 1).sum::<usize>() + 2);
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        text.push(' ');
        for t in tokens {
            starts.push(text.len());
            // A token never contains a space; guard against odd whitespace anyway.
            if t.lower.contains(char::is_whitespace) {
                text.extend(
                    t.lower
                        .chars()
                        .map(|c| if c.is_whitespace() { '_' } else { c }),
                );
            } else {
                text.push_str(&t.lower);
            }
            ends.push(text.len());
            text.push(' ');
        }
        Key {
            text,
            starts,
            ends,
            first,
        }
    }
}

impl Matcher {
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// All case-valid hits in `tokens` (indices offset by `key.first`), leftmost-longest and
    /// non-overlapping.
    pub fn find(&self, key: &Key, tokens: &[Token]) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(key.text.as_str()) {
            let (Ok(s), Ok(e)) = (
                key.starts.binary_search(&(m.start() + 1)),
                key.ends.binary_search(&(m.end() - 1)),
            ) else {
                continue;
            };
            let pat = &self.patterns[m.pattern().as_usize()];
            if e + 1 - s != pat.tokens.len() || !case_ok(&pat.tokens, &tokens[s..=e]) {
                continue;
            }
            hits.push(Hit {
                start: key.first + s,
                end: key.first + e + 1,
                payload: pat.payload,
            });
        }
        select_longest(hits)
    }
}

/// Leftmost-longest, non-overlapping; ties keep the earlier-added pattern (lower payload order
/// is the caller's priority).
pub fn select_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.payload.cmp(&b.payload))
    });
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut until = 0;
    for h in hits {
        if h.start >= until {
            until = h.end;
            out.push(h);
        }
    }
    out
}

fn case_ok(pattern: &[String], text: &[Token]) -> bool {
    for (i, (p, t)) in pattern.iter().zip(text).enumerate() {
        if is_acronym(p) {
            if p != &t.norm {
                return false;
            }
        } else if i == 0 && p.chars().next().is_some_and(char::is_uppercase) && !t.is_capitalised()
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(m: &Matcher, text: &str) -> Vec<(String, usize)> {
        let toks = warta_text::tokenize(text, Span::new(0, text.len()));
        let key = Key::new(&toks, 0);
        m.find(&key, &toks)
            .into_iter()
            .map(|h| {
                (
                    text[toks[h.start].span.start..toks[h.end - 1].span.end].to_string(),
                    h.payload,
                )
            })
            .collect()
    }

    #[test]
    fn case_rules_and_longest() {
        let mut b = MatcherBuilder::default();
        b.add("AS", 0);
        b.add("Korea Utara", 1);
        b.add("Korea", 2);
        b.add("polisi", 3);
        b.add("Chili", 4);
        let m = b.build();
        let got = hits(
            &m,
            "Polisi AS dan polisi Korea utara, bukan seperti as atau chili. Korea",
        );
        assert_eq!(
            got,
            vec![
                ("Polisi".to_string(), 3),
                ("AS".to_string(), 0),
                ("polisi".to_string(), 3),
                ("Korea utara".to_string(), 1),
                ("Korea".to_string(), 2)
            ]
        );
    }

    #[test]
    fn adjacent_matches_and_boundaries() {
        let mut b = MatcherBuilder::default();
        b.add("Rusia", 0);
        b.add("Korea", 1);
        b.add("as", 2);
        let m = b.build();
        assert_eq!(hits(&m, "Rusia Korea").len(), 2);
        assert!(hits(&m, "kasus Rusiakan").is_empty());
    }
}
