//! Feature sequences: the hashed features of every token of one sentence, in one flat buffer.

/// A label index into [`crate::Model::labels`].
pub type LabelId = u16;

/// Something that turns the caller's own tokens into hashed features.
///
/// Implemented for closures `Fn(&[T], usize, &mut Vec<u64>)`.
pub trait FeatureExtractor<T> {
    /// Push the features of `tokens[i]` (in the context of the whole sentence) onto `out`.
    fn features(&self, tokens: &[T], i: usize, out: &mut Vec<u64>);
}

impl<T, F> FeatureExtractor<T> for F
where
    F: Fn(&[T], usize, &mut Vec<u64>),
{
    fn features(&self, tokens: &[T], i: usize, out: &mut Vec<u64>) {
        self(tokens, i, out)
    }
}

/// The features of a sentence: token `i` owns `feats[ends[i-1]..ends[i]]`.
///
/// Reuse one `Sequence` across sentences ([`Sequence::fill`] clears it) to avoid allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sequence {
    feats: Vec<u64>,
    ends: Vec<u32>,
}

impl Sequence {
    /// An empty sequence.
    pub fn new() -> Self {
        Self::default()
    }

    /// Build the sequence of `tokens` with `extractor`.
    pub fn from_tokens<T, E: FeatureExtractor<T> + ?Sized>(extractor: &E, tokens: &[T]) -> Self {
        let mut s = Self::new();
        s.fill(extractor, tokens);
        s
    }

    /// Clear and refill with the features of `tokens`.
    pub fn fill<T, E: FeatureExtractor<T> + ?Sized>(&mut self, extractor: &E, tokens: &[T]) {
        self.clear();
        for i in 0..tokens.len() {
            extractor.features(tokens, i, &mut self.feats);
            self.end_token();
        }
    }

    /// Remove every token.
    pub fn clear(&mut self) {
        self.feats.clear();
        self.ends.clear();
    }

    /// Append a token with the given features.
    pub fn push_token<I: IntoIterator<Item = u64>>(&mut self, feats: I) {
        self.feats.extend(feats);
        self.end_token();
    }

    /// The buffer the current (unfinished) token's features are pushed to; finish with
    /// [`Sequence::end_token`].
    pub fn features_mut(&mut self) -> &mut Vec<u64> {
        &mut self.feats
    }

    /// Close the current token: every feature pushed since the previous token belongs to it.
    pub fn end_token(&mut self) {
        // Sentences with more than 4 billion features are not a real concern; saturate anyway.
        self.ends
            .push(u32::try_from(self.feats.len()).unwrap_or(u32::MAX));
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of every token, in order (token `i` owns [`Sequence::token_range`]`(i)`).
    pub fn all_features(&self) -> &[u64] {
        &self.feats
    }

    /// The index range of token `i`'s features in [`Sequence::all_features`].
    pub fn token_range(&self, i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = (self.ends[i] as usize).min(self.feats.len());
        start.min(end)..end
    }

    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = (self.ends[i] as usize).min(self.feats.len());
        &self.feats[start.min(end)..end]
    }
}

/// A training example: a sentence's features and its gold labels (one per token).
#[derive(Debug, Clone, Default)]
pub struct Example {
    /// The features.
    pub seq: Sequence,
    /// The gold label of every token.
    pub gold: Vec<LabelId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_own_their_slices() {
        let ex = |t: &[u64], i: usize, out: &mut Vec<u64>| {
            for _ in 0..=i {
                out.push(t[i]);
            }
        };
        let s = Sequence::from_tokens(&ex, &[7u64, 8, 9]);
        assert_eq!(s.len(), 3);
        assert_eq!(s.token(0), &[7]);
        assert_eq!(s.token(1), &[8, 8]);
        assert_eq!(s.token(2), &[9, 9, 9]);
    }
}
