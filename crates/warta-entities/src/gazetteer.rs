//! Token-aligned phrase matching: a trie over lower-cased tokens walked from every token of the
//! text, then case rules per entry and a leftmost-longest choice.
//!
//! The text key is ` tok tok tok ` (token `lower` forms joined by single spaces, framed by
//! spaces, whitespace inside a token as `_`); a pattern matches where its lower-cased tokens
//! equal consecutive key tokens, so every hit starts and ends on token boundaries. (This is
//! exactly what an aho-corasick search for ` pat tok ` over the key finds, at one hash lookup
//! per token step instead of a pass over every byte with all overlapping matches.)
//! Case rules: a pattern token written in capitals (`AS`, `PBB`) must match exactly; a pattern
//! whose first token is capitalised (`Korea Utara`) needs a capitalised first token in the text
//! (so `Korea utara` matches but `chili` does not); lower-case patterns match any case.

use warta_core::Span;
use warta_text::fnv::FnvMap;
use warta_text::Token;

/// One pattern: its tokens as written (for the case rules) and the payload index.
#[derive(Debug, Clone)]
struct Pattern {
    tokens: Vec<String>,
    payload: usize,
}

/// A compiled set of phrases; `payload` is an index the caller gives meaning to.
pub struct Matcher {
    /// Trie over lower-cased tokens: the children of node `n` (node 0 is the root).
    children: Vec<FnvMap<Box<str>, u32>>,
    /// The patterns whose tokens spell the path to node `n`.
    ends: Vec<Vec<u32>>,
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
        let mut children: Vec<FnvMap<Box<str>, u32>> = vec![FnvMap::default()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (p, key) in self.keys.iter().enumerate() {
            let mut node = 0usize;
            for tok in key.split(' ').filter(|t| !t.is_empty()) {
                let next = children.len() as u32;
                let child = *children[node].entry(tok.into()).or_insert(next);
                if child == next {
                    children.push(FnvMap::default());
                    ends.push(Vec::new());
                }
                node = child as usize;
            }
            ends[node].push(p as u32);
        }
        Matcher {
            children,
            ends,
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
        self.find_with(key, tokens, &|_| false)
    }

    /// As [`Matcher::find`], and a pattern whose payload passes `clitic_ok` may also end on a
    /// word carrying a possessive enclitic (`-nya`, `-ku`, `-mu`) that the pattern spells without
    /// it (`pamannya` for `paman`, `kuasa hukumnya` for `kuasa hukum`). The whole word is tried
    /// first, so an entry that includes the ending wins; a clitic never sits inside a phrase.
    pub fn find_with(
        &self,
        key: &Key,
        tokens: &[Token],
        clitic_ok: &dyn Fn(usize) -> bool,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let n = key.starts.len().min(tokens.len());
        let tok = |i: usize| &key.text[key.starts[i]..key.ends[i]];
        for s in 0..n {
            let mut node = 0usize;
            for e in s..n {
                let Some(&next) = self.children[node].get(tok(e)) else {
                    // No entry goes on with the whole word: try it without its clitic, as
                    // the phrase's last word.
                    if let Some(stem) = tokens[e]
                        .enclitic
                        .filter(|c| matches!(*c, "nya" | "ku" | "mu"))
                        .and_then(|c| tok(e).strip_suffix(c))
                    {
                        if let Some(&bare) = self.children[node].get(stem) {
                            for &p in &self.ends[bare as usize] {
                                let pat = &self.patterns[p as usize];
                                if clitic_ok(pat.payload) && case_ok(&pat.tokens, &tokens[s..=e]) {
                                    hits.push(Hit {
                                        start: key.first + s,
                                        end: key.first + e + 1,
                                        payload: pat.payload,
                                    });
                                }
                            }
                        }
                    }
                    break;
                };
                node = next as usize;
                for &p in &self.ends[node] {
                    let pat = &self.patterns[p as usize];
                    if !case_ok(&pat.tokens, &tokens[s..=e]) {
                        continue;
                    }
                    hits.push(Hit {
                        start: key.first + s,
                        end: key.first + e + 1,
                        payload: pat.payload,
                    });
                }
            }
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
    fn possessive_clitic_ends_a_phrase() {
        let mut b = MatcherBuilder::default();
        b.add("paman", 0);
        b.add("kuasa hukum", 1);
        b.add("Korea", 2);
        b.add("pamannya", 3);
        let m = b.build();
        let text = "Ia dan pamannya, kuasa hukumnya, hukumnya, Koreanya";
        let toks = warta_text::tokenize(text, Span::new(0, text.len()));
        let key = Key::new(&toks, 0);
        let span = |h: &Hit| &text[toks[h.start].span.start..toks[h.end - 1].span.end];
        let got: Vec<(&str, usize)> = m
            .find_with(&key, &toks, &|p| p != 2)
            .iter()
            .map(|h| (span(h), h.payload))
            .collect();
        // The whole word's own entry wins; a payload the caller refuses keeps its clitic.
        assert_eq!(got, vec![("pamannya", 3), ("kuasa hukumnya", 1)], "{got:?}");
        assert!(m.find(&key, &toks).iter().all(|h| h.payload == 3));
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
