use super::*;
use proptest::prelude::*;

fn gloss(w: &str) -> String {
    best(w).gloss()
}

#[test]
fn common_news_verbs() {
    let cases = [
        ("mengirimkan", "meN-+kirim+-kan"),
        ("dibaca", "di-+baca"),
        ("menyerang", "meN-+serang"),
        ("mengatakan", "meN-+kata+-kan"),
        ("memukul", "meN-+pukul"),
        ("menulis", "meN-+tulis"),
        ("mengambil", "meN-+ambil"),
        ("melihat", "meN-+lihat"),
        ("mempertimbangkan", "memper-+timbang+-kan"),
        ("dilaporkannya", "di-+lapor+-kan+-nya"),
        ("bertemu", "ber-+temu"),
        ("terjadi", "ter-+jadi"),
        ("penembakan", "peN-+tembak+-an"),
        ("pertemuan", "per-+temu+-an"),
        ("kebakaran", "ke-+bakar+-an"),
        ("pulanglah", "pulang+-lah"),
        ("mengebom", "meN-+bom"),
    ];
    for (w, want) in cases {
        assert_eq!(gloss(w), want, "{w}: {:?}", analyse(w));
    }
}

#[test]
fn voice() {
    assert_eq!(best("menyerang").voice, Voice::Active);
    assert_eq!(best("berperang").voice, Voice::Active);
    assert_eq!(best("diserang").voice, Voice::Passive);
    assert_eq!(best("tertembak").voice, Voice::Passive);
    assert_eq!(best("kebanjiran").voice, Voice::Passive);
    assert_eq!(best("serangan").voice, Voice::None);
}

#[test]
fn roots_and_identity() {
    assert_eq!(root("berita"), Some("berita"));
    assert_eq!(root("Menteri"), Some("menteri"));
    assert_eq!(root("menyerang"), Some("serang"));
    assert_eq!(root("qqzx"), None);
    let a = best("qqzx");
    assert!(!a.known);
    assert_eq!(a.line, 0);
    assert!(best("serang")
        .rule()
        .starts_with("crates/warta-morph/data/roots.txt:"));
    assert!(best("memviralkan")
        .rule()
        .starts_with("crates/warta-morph/data/additions.txt:"));
}

#[test]
fn reduplication() {
    let a = best("sanksi-sanksi");
    assert_eq!((a.root.as_ref(), a.reduplicated), ("sanksi", true));
    let a = best("bersalam-salaman");
    assert_eq!(a.root, "salam");
    assert!(a.reduplicated);
    assert_eq!(a.prefixes, vec!["ber-"]);
    assert_eq!(a.suffix, Some("-an"));
    let a = best("memukul-mukul");
    assert_eq!((a.root.as_ref(), a.reduplicated), ("pukul", true));
    let a = best("rumah-rumahnya");
    assert_eq!((a.root.as_ref(), a.reduplicated), ("rumah", true));
    assert_eq!(a.clitics, vec!["-nya"]);
}

#[test]
fn ranked_candidates() {
    let all = analyse("mengesahkan");
    assert!(all.len() >= 2);
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(all.iter().any(|a| a.root == "sah"));
}

#[test]
fn embedded_data_is_clean() {
    assert!(check_roots(ROOTS, ROOTS_FILE).is_empty());
    assert!(check_roots(ADDITIONS, ADDITIONS_FILE).is_empty());
    assert!(check_patterns(PATTERNS, PATTERNS_FILE).is_empty());
    assert!(analyser().len() > 20_000);
}

#[test]
fn validators_report_lines() {
    let bad = "# c\nabc\nAbc\nabc\n\nx\n";
    let issues = check_roots(bad, "r.txt");
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![3, 4, 6]);
    let issues = check_patterns(
        "di|.|.|.|.\t3\nzz|.|.|.|.\t1\ndi|.|.|.|.\t-1\nnotab\n",
        "p.tsv",
    );
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 3, 3, 4]);
}

proptest! {
    #[test]
    fn never_panics_and_never_empty(w in "\\PC{0,24}") {
        let all = analyse(&w);
        prop_assert!(!all.is_empty());
    }

    #[test]
    fn known_roots_analyse_to_themselves(i in 0usize..1000) {
        let w = ROOTS.lines().filter(|l| !l.starts_with('#')).nth(i * 29).unwrap_or("abad");
        prop_assert_eq!(root(w), Some(w));
    }
}
