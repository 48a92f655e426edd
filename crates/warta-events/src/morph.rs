//! Just enough Indonesian morphology for trigger matching: the passive forms of a meN- verb.
//!
//! The dictionary is written in citation (active) forms; [`passive_forms`] derives the di- and
//! ter- forms that share the entry (`menjatuhkan` → `dijatuhkan`, `terjatuhkan`). Nasal
//! assimilation makes the root ambiguous (`mengusir` ← `usir` or `kusir`); every candidate is
//! kept, which only ever adds forms that are not words.

/// Root candidates of a meN- (or memper-) word, with any suffix kept attached.
pub fn men_roots(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if s.chars().count() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(rest) = word.strip_prefix("meng") {
        if rest.starts_with(['a', 'e', 'i', 'o', 'u']) {
            push(rest.to_string());
            push(format!("k{rest}"));
        } else {
            push(rest.to_string());
        }
    } else if let Some(rest) = word.strip_prefix("meny") {
        push(format!("s{rest}"));
        push(format!("ny{rest}"));
    } else if let Some(rest) = word.strip_prefix("mem") {
        if rest.starts_with(['a', 'e', 'i', 'o', 'u']) {
            push(format!("p{rest}"));
            push(format!("m{rest}"));
        } else {
            push(rest.to_string());
        }
    } else if let Some(rest) = word.strip_prefix("men") {
        if rest.starts_with(['a', 'e', 'i', 'o', 'u']) {
            push(format!("t{rest}"));
            push(format!("n{rest}"));
        } else {
            push(rest.to_string());
        }
    } else if let Some(rest) = word.strip_prefix("me") {
        if rest.starts_with(['l', 'm', 'n', 'r', 'w', 'y']) {
            push(rest.to_string());
        }
    }
    out
}

/// ter- words that are nouns or states, not passives of the meN- verb.
const TER_NOUNS: &[&str] = &[
    "terdakwa",
    "tersangka",
    "tergugat",
    "terpidana",
    "tertuduh",
    "terhukum",
    "terlapor",
    "terperiksa",
    "terancam",
    "terbantu",
    "terdukung",
    "terkecam",
    "terpukul",
    "tertahan",
    "terbatas",
    "terlarang",
    "terbuka",
    "tertutup",
    "terjual",
    "terbeli",
    "terserang",
    "termohon",
];

/// The di- and ter- forms of a meN- word (empty for other words).
pub fn passive_forms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for root in men_roots(word) {
        out.push(format!("di{root}"));
        // ter- is rarely used with -kan/-i in news; only the bare root takes it, and some
        // ter- words are nouns of their own (terdakwa "defendant", tersangka "suspect").
        let ter = format!("ter{root}");
        if !root.ends_with("kan") && !root.ends_with('i') && !TER_NOUNS.contains(&ter.as_str()) {
            out.push(ter);
        }
    }
    out
}

/// Strip an enclitic (`-nya`, `-lah`, `-kah`, `-pun`) from a lower-case word; `None` if none.
pub fn strip_enclitic(word: &str) -> Option<&str> {
    for e in ["nya", "lah", "kah", "pun"] {
        if let Some(base) = word.strip_suffix(e) {
            if base.chars().count() >= 3 {
                return Some(base);
            }
        }
    }
    None
}

/// The first half of a fully reduplicated word (`sanksi-sanksi` → `sanksi`).
pub fn unreduplicate(word: &str) -> Option<&str> {
    let (a, b) = word.split_once('-')?;
    (!a.is_empty() && a == b).then_some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nasal_assimilation() {
        assert!(passive_forms("menjatuhkan").contains(&"dijatuhkan".to_string()));
        assert!(passive_forms("menembak").contains(&"ditembak".to_string()));
        assert!(passive_forms("menembak").contains(&"tertembak".to_string()));
        assert!(passive_forms("mengusir").contains(&"diusir".to_string()));
        assert!(passive_forms("mengecam").contains(&"dikecam".to_string()));
        assert!(passive_forms("menyerang").contains(&"diserang".to_string()));
        assert!(passive_forms("memukul").contains(&"dipukul".to_string()));
        assert!(passive_forms("membantu").contains(&"dibantu".to_string()));
        assert!(passive_forms("memperluas").contains(&"diperluas".to_string()));
        assert!(passive_forms("melarang").contains(&"dilarang".to_string()));
        assert!(passive_forms("mengunjungi").contains(&"dikunjungi".to_string()));
        assert!(passive_forms("berkunjung").is_empty());
        assert!(!passive_forms("mendakwa").contains(&"terdakwa".to_string()));
    }

    #[test]
    fn clitics_and_reduplication() {
        assert_eq!(strip_enclitic("hubungannya"), Some("hubungan"));
        assert_eq!(strip_enclitic("nya"), None);
        assert_eq!(unreduplicate("sanksi-sanksi"), Some("sanksi"));
        assert_eq!(unreduplicate("jong-un"), None);
    }
}
