//! Cross-checks against ../shared (skipped when it is absent).
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

/// Sastrawi's root list (CC BY-NC-SA; used only here, to test): nearly every root must read as
/// itself, i.e. our lexicon covers it and no affix reading outranks it.
#[test]
fn sastrawi_roots_read_as_themselves() {
    let Some(dir) = shared() else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    let Ok(text) = std::fs::read_to_string(dir.join("data/lexicon/sastrawi-kata-dasar.txt")) else {
        eprintln!("skipping: sastrawi-kata-dasar.txt absent");
        return;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let ok = words
        .iter()
        .filter(|w| warta_morph::root(w) == Some(**w))
        .count();
    let share = ok as f64 / words.len().max(1) as f64;
    assert!(
        share > 0.97,
        "{ok}/{} Sastrawi roots read as themselves",
        words.len()
    );
}
