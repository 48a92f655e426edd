//! Language identification: `id`, `en` or `other`, from function-word frequencies.

use crate::Token;

const ID_WORDS: &[&str] = &[
    "yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "dalam", "tidak", "akan",
    "ke", "juga", "adalah", "oleh",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it",
    "at", "from",
];

pub fn identify(_text: &str, tokens: &[Token]) -> &'static str {
    let (mut id, mut en, mut words) = (0usize, 0usize, 0usize);
    for t in tokens.iter().filter(|t| t.is_word()) {
        words += 1;
        id += usize::from(ID_WORDS.contains(&t.lower.as_str()));
        en += usize::from(EN_WORDS.contains(&t.lower.as_str()));
    }
    if words == 0 || (id + en) * 20 < words {
        "other"
    } else if id >= en {
        "id"
    } else {
        "en"
    }
}
