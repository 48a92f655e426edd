use super::*;

#[test]
fn bare_tags() {
    assert_eq!(bare_tag("B-NNP"), "NNP");
    assert_eq!(bare_tag("I-VB"), "VB");
    assert_eq!(bare_tag("NN"), "NN");
    assert_eq!(bare_tag("weird"), "X");
}

#[test]
fn trains_and_tags_a_toy_corpus() {
    let text = "Rusia\tB-NNP\nmenyerang\tB-VB\nUkraina\tB-NNP\n.\tB-Z\n\n\
                Polisi\tB-NN\nmenangkap\tB-VB\npencuri\tB-NN\n.\tB-Z\n\n\
                Jokowi\tB-NNP\nmengunjungi\tB-VB\nJepang\tB-NNP\n.\tB-Z\n";
    let sents = read_tagged(text);
    let cfg = PosTrainConfig {
        min_count: 1,
        ..PosTrainConfig::default()
    };
    let model = train(&sents, &cfg, |_, _| {}).unwrap();
    let t = Tagger::from_model(model).unwrap();
    let r = evaluate(&t, &sents, None);
    assert_eq!(r.correct, r.tokens);
    // An unseen meN- verb between names.
    assert_eq!(
        t.tag_words(&["Korea", "menembak", "Jepang", "."]),
        vec!["NNP", "VB", "NNP", "Z"]
    );
}

#[test]
fn rejects_models_with_other_features() {
    let sents = read_tagged("a\tB-NN\n");
    let mut m = train(&sents, &PosTrainConfig::default(), |_, _| {}).unwrap();
    m.set_meta("features", "other");
    assert!(Tagger::from_model(m).is_err());
    assert!(Tagger::from_bytes(b"junk").is_err());
}

#[test]
fn embedded_model_tags_a_document() {
    let Some(t) = Tagger::global() else {
        eprintln!("skipping: no embedded POS model yet");
        return;
    };
    let doc = TextDoc::analyse(
        "Rusia menyerang Ukraina pada Selasa. Presiden mengecam serangan itu.",
        None,
    );
    let tags = t.tag(&doc);
    assert_eq!(tags.len(), doc.tokens.len());
    let of = |w: &str| {
        let i = doc.tokens.iter().position(|x| x.norm == w).unwrap();
        tags[i]
    };
    assert_eq!(of("menyerang"), "VB");
    assert_eq!(of("mengecam"), "VB");
    assert_eq!(of("Rusia"), "NNP");
    assert_eq!(of("serangan"), "NN");
}
