//! Recognizer tests: gazetteers, actor coding, dating, coreference, geocoding, and the seed.

use super::*;
use std::sync::OnceLock;

fn rec() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(Recognizer::new)
}

fn run(
    text: &str,
    published: Option<&str>,
) -> Vec<(String, String, Option<String>, Option<usize>)> {
    let doc = TextDoc::analyse(text, published);
    rec()
        .recognize(&doc)
        .into_iter()
        .map(|e| (e.span.text(text).to_string(), e.kind, e.code, e.refers_to))
        .collect()
}

fn code_of(ents: &[(String, String, Option<String>, Option<usize>)], text: &str) -> Option<String> {
    ents.iter()
        .find(|e| e.0 == text)
        .unwrap_or_else(|| panic!("no entity {text:?} in {ents:?}"))
        .2
        .clone()
}

#[test]
fn embedded_dictionaries_are_valid() {
    for (name, text) in DICTIONARIES {
        let issues = check(text, name);
        assert!(issues.is_empty(), "{name}: {issues:?}");
    }
    let (phrases, people, places) = rec().sizes();
    assert!(phrases > 5000, "{phrases}");
    assert!(people > 300, "{people}");
    assert!(places > 20000, "{places}");
}

#[test]
fn broken_copy_reports_lines() {
    let broken = format!(
        "{}\nRUSGOV\tORG\tKremlin\nXX\tORG\tFoo\nRUS\tLOC\n",
        dictionary("actors.tsv")
    );
    let n = dictionary("actors.tsv").lines().count();
    let issues = check(&broken, "actors.tsv");
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![n + 2, n + 3, n + 4], "{issues:?}");
}

#[test]
fn countries_aliases_and_case() {
    let e = run(
        "Delegasi dari AS dan Korsel bertemu di Tiongkok, bukan seperti as biasa.",
        Some("2016-01-01"),
    );
    assert_eq!(code_of(&e, "AS"), Some("USA".into()));
    assert_eq!(code_of(&e, "Korsel"), Some("KOR".into()));
    assert_eq!(code_of(&e, "Tiongkok"), Some("CHN".into()));
    assert!(!e.iter().any(|x| x.0 == "as"));
    let e = run(
        "Ia belajar bahasa Inggris di Jawa Barat.",
        Some("2016-01-01"),
    );
    assert!(!e.iter().any(|x| x.0 == "Inggris"), "{e:?}");
    assert!(!e.iter().any(|x| x.2.as_deref() == Some("WST")), "{e:?}");
}

#[test]
fn dated_offices() {
    let e = run(
        "Presiden Joko Widodo menerima Dmitry Medvedev.",
        Some("2016-05-01"),
    );
    assert_eq!(code_of(&e, "Joko Widodo"), Some("IDNGOV".into()));
    assert_eq!(code_of(&e, "Dmitry Medvedev"), Some("RUSGOV".into()));
    let e = run("Joko Widodo berbicara.", Some("2025-01-01"));
    assert_eq!(code_of(&e, "Joko Widodo"), Some("IDNELI".into()));
    let e = run(
        "Mantan Presiden Susilo Bambang Yudhoyono hadir.",
        Some("2012-01-01"),
    );
    assert_eq!(
        code_of(&e, "Susilo Bambang Yudhoyono"),
        Some("IDNELI".into())
    );
}

#[test]
fn role_phrases() {
    let e = run(
        "Menteri Luar Negeri Filipina Ahmad Santos tiba. Polda Metro Jaya menangkap tersangka.",
        Some("2017-01-01"),
    );
    assert_eq!(code_of(&e, "Ahmad Santos"), Some("PHLGOV".into()));
    assert_eq!(code_of(&e, "Polda Metro Jaya"), Some("IDNCOP".into()));
    let e = run(
        "Dukungan kepada kalangan separatis di Ukraina terus mengalir.",
        Some("2015-01-01"),
    );
    assert_eq!(code_of(&e, "kalangan separatis"), Some("UKRREB".into()));
    let e = run(
        "Ribuan mahasiswa berunjuk rasa di depan gedung DPR.",
        Some("2017-01-01"),
    );
    assert_eq!(code_of(&e, "mahasiswa"), Some("IDNEDU".into()));
    assert_eq!(code_of(&e, "DPR"), Some("IDNLEG".into()));
    let e = run(
        "Kombes Raden Prabowo Argo Yuwono tiba di Jalan Pangeran Antasari. Pelaku berinisial MK ditangkap.",
        Some("2018-01-01"),
    );
    assert_eq!(
        code_of(&e, "Raden Prabowo Argo Yuwono"),
        Some("IDNCOP".into())
    );
    // `berinisial MK` names a person (initials), never the Constitutional Court.
    assert!(
        !e.iter()
            .any(|x| x.0 == "Antasari" || (x.0 == "MK" && x.1 != "PER")),
        "{e:?}"
    );
    let e = run("Bocah warga Jepang itu dibawa pulang.", Some("2018-01-01"));
    assert_eq!(code_of(&e, "warga Jepang"), Some("JPNCVL".into()));
}

#[test]
fn focus_country_and_apposition() {
    let e = run(
        "Presiden terpilih Amerika Serikat (AS), Donald Trump, bertemu Jack Ma di New York. Otoritas setempat menjaga ketat.",
        Some("2017-01-10"),
    );
    assert_eq!(code_of(&e, "Donald Trump"), Some("USAELI".into()));
    assert_eq!(code_of(&e, "Otoritas"), Some("USAGOV".into()));
    let e = run(
        "Gubernur Jawa Barat Ahmad Heryawan meninjau banjir.",
        Some("2016-01-01"),
    );
    assert_eq!(code_of(&e, "Ahmad Heryawan"), Some("IDNGOV".into()));
    let e = run("Direktur Pemasaran PT Honda berbicara.", Some("2016-01-01"));
    assert!(!e.iter().any(|x| x.0 == "Pemasaran"), "{e:?}");
}

#[test]
fn short_names_from_the_model_and_surnames() {
    // Whatever the NER model finds, a single listed surname gets its person's dated code.
    let e = run(
        "Setya Novanto hadir. Kemudian Novanto pulang.",
        Some("2017-03-01"),
    );
    let full = e.iter().position(|x| x.0 == "Setya Novanto").unwrap();
    let short = e.iter().find(|x| x.0 == "Novanto").expect("short name");
    assert_eq!(short.3, Some(full));
    assert_eq!(short.2, Some("IDNLEG".into()));
}

#[test]
fn coreference_links() {
    let text = "Kanselir Jerman Angela Merkel tiba di Jakarta. Merkel mengatakan ia senang. Sang kanselir lalu pulang.";
    let e = run(text, Some("2016-01-01"));
    let full = e.iter().position(|x| x.0 == "Angela Merkel").unwrap();
    let short = e.iter().find(|x| x.0 == "Merkel").unwrap();
    assert_eq!(short.3, Some(full));
    let pron = e.iter().find(|x| x.0 == "ia").unwrap();
    assert_eq!(pron.1, "PRON");
    assert_eq!(pron.3, Some(full));
    assert_eq!(pron.2, Some("DEUGOV".into()));
    let sang = e.iter().find(|x| x.0 == "kanselir").unwrap();
    assert_eq!(sang.3, Some(full), "{e:?}");
}

#[test]
fn geocoding() {
    let r = rec();
    assert_eq!(r.geocode("Moskow").and_then(|p| p.geonameid), Some(524901));
    assert_eq!(r.geocode("Moscow").and_then(|p| p.geonameid), Some(524901));
    assert_eq!(r.geocode("Jakarta").map(|p| p.country), Some("IDN".into()));
    assert_eq!(r.geocode("Den Haag").map(|p| p.country), Some("NLD".into()));
    assert_eq!(r.geocode("Rusia").and_then(|p| p.geonameid), Some(2017370));
    assert!(r.geocode("Xqzzyv").is_none());
}

/// The founding article: every expected entity with its type and code, and the dateline.
#[test]
fn seed_article() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let (Ok(text), Ok(expected)) = (
        std::fs::read_to_string(dir.join("antara-2015-03-11-rusia-korut.txt")),
        std::fs::read_to_string(dir.join("expected.json")),
    ) else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    let mut doc = TextDoc::analyse(&text, Some("2015-03-11"));
    let dateline = rec().geocode("Moskow");
    assert_eq!(dateline.as_ref().and_then(|p| p.geonameid), Some(524901));
    if doc.source.dateline.is_some() {
        doc.source.dateline_place = doc
            .source
            .dateline
            .as_deref()
            .and_then(|d| rec().geocode(d));
    }
    let ents = rec().recognize(&doc);
    let got: Vec<(String, String, Option<String>)> = ents
        .iter()
        .map(|e| {
            (
                e.span.text(&text).to_string(),
                e.kind.clone(),
                e.code.clone(),
            )
        })
        .collect();
    // A tiny JSON walk: the entities array of expected.json.
    let start = expected.find("\"entities\"").expect("entities");
    let end = start + expected[start..].find(']').expect("end");
    let mut missing = Vec::new();
    for line in expected[start..end]
        .lines()
        .filter(|l| l.contains("\"text\""))
    {
        let field = |k: &str| -> Option<String> {
            let p = line.find(&format!("\"{k}\": \""))? + k.len() + 5;
            Some(line[p..p + line[p..].find('"')?].to_string())
        };
        let (Some(t), Some(kind)) = (field("text"), field("type")) else {
            continue;
        };
        let code = field("code");
        let ok = got
            .iter()
            .any(|(gt, gk, gc)| gt == &t && gk == &kind && (code.is_none() || gc == &code));
        if !ok {
            missing.push(format!("{t} {kind} {code:?}"));
        }
    }
    assert!(missing.is_empty(), "missing: {missing:?}\n got: {got:?}");
}

/// Throughput of `recognize` over the IndoSum articles (one core):
/// `cargo test --release -p warta-entities -- --ignored --nocapture recognize_speed`.
#[test]
#[ignore]
fn recognize_speed() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/indosum-dev-articles.jsonl");
    let Ok(all) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    // Pull `text` and `published` out of each JSON line without a JSON dependency.
    let field = |l: &str, k: &str| -> Option<String> {
        let p = l.find(&format!("\"{k}\": \""))? + k.len() + 5;
        let mut out = String::new();
        let mut chars = l[p..].chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'u' => {
                        let h: String = chars.by_ref().take(4).collect();
                        out.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?).unwrap_or(' '));
                    }
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
        None
    };
    let docs: Vec<(String, Option<String>)> = all
        .lines()
        .filter_map(|l| Some((field(l, "text")?, field(l, "published"))))
        .collect();
    let t0 = std::time::Instant::now();
    let r = rec();
    let load = t0.elapsed();
    let (phrases, people, places) = r.sizes();
    eprintln!("loaded: {phrases} phrases, {people} people, {places} places");
    let analysed: Vec<TextDoc> = docs
        .iter()
        .map(|(t, p)| TextDoc::analyse(t, p.as_deref()))
        .collect();
    let t1 = std::time::Instant::now();
    let mut n = 0;
    for d in &analysed {
        n += r.recognize(d).len();
    }
    let secs = t1.elapsed().as_secs_f64();
    if let Some(ner) = ner::Ner::embedded() {
        let t2 = std::time::Instant::now();
        let spans: usize = analysed.iter().map(|d| ner.tag(d).len()).sum();
        eprintln!(
            "of which NER tagging: {spans} spans, {:.0} articles/s alone",
            analysed.len() as f64 / t2.elapsed().as_secs_f64()
        );
    }
    eprintln!(
        "recognize: {} articles, {n} entities, {:.0} articles/s on one core (load {:?})",
        analysed.len(),
        analysed.len() as f64 / secs,
        load
    );
    assert!(analysed.len() > 3000);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any text: no panic, spans on char boundaries, sorted, non-overlapping, and every
        /// `refers_to` points at an earlier entity.
        #[test]
        fn recognize_is_total(text in "(Presiden |Rusia|Korut|AS|ia |dia |Kim Jong-un|Merkel|di |Moskow|, |\\. |[a-zA-Zé ]{1,8}|\n|\u{a0}){0,40}") {
            let doc = TextDoc::analyse(&text, Some("2015-03-11"));
            let ents = rec().recognize(&doc);
            let mut until = 0;
            for (i, e) in ents.iter().enumerate() {
                prop_assert!(e.span.start < e.span.end);
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                prop_assert!(e.span.start >= until, "overlap at {i}: {ents:?}");
                until = e.span.end;
                if let Some(r) = e.refers_to {
                    prop_assert!(r < i, "refers_to {r} from {i}");
                }
            }
        }
    }
}

// --- Session 2: actor coding rules (our own sentences).

#[test]
fn name_takes_its_titles_country_and_institution() {
    // A country inside a long title, after a parenthesis.
    let e = run(
        "Kerja sama itu diteken Menteri Pendidikan (Pendidikan Tinggi) Singapura Tan Boon Heng di Jakarta.",
        Some("2017-09-08"),
    );
    assert_eq!(
        code_of(&e, "Tan Boon Heng").as_deref(),
        Some("SGPGOV"),
        "{e:?}"
    );
    // The institution named in the title wins over a rank nearer the name.
    let e = run(
        "Direktur Penyidikan Komisi Pemberantasan Korupsi Brigjen (Pol) Budi Santosa membantah tuduhan itu.",
        Some("2017-08-30"),
    );
    assert_eq!(
        code_of(&e, "Budi Santosa").as_deref(),
        Some("IDNJUD"),
        "{e:?}"
    );
    // An institution before the title (a dateline agency) is not the title's.
    let e = run(
        "Jakarta (ANTARA News) - Direktur Penyidikan KPK Budi Santosa membantah tuduhan itu.",
        Some("2017-08-30"),
    );
    assert_eq!(
        code_of(&e, "Budi Santosa").as_deref(),
        Some("IDNJUD"),
        "{e:?}"
    );
}

#[test]
fn a_later_titled_mention_codes_the_whole_chain() {
    let e = run(
        "Rapat itu dihadiri Budi Santosa dan pejabat lain. \"Kami menolak,\" kata Direktur Penyidikan KPK Budi Santosa.",
        Some("2017-08-30"),
    );
    let coded: Vec<_> = e.iter().filter(|x| x.0 == "Budi Santosa").collect();
    assert_eq!(coded.len(), 2, "{e:?}");
    assert!(
        coded.iter().all(|x| x.2.as_deref() == Some("IDNJUD")),
        "{e:?}"
    );
}

#[test]
fn indonesian_institution_named_with_a_foreign_country() {
    let e = run(
        "Kementerian Keuangan AS menjatuhkan sanksi, sementara Angkatan Udara AS menyerang.",
        Some("2017-06-30"),
    );
    assert_eq!(
        code_of(&e, "Kementerian Keuangan AS").as_deref(),
        Some("USAGOV"),
        "{e:?}"
    );
    assert_eq!(
        code_of(&e, "Angkatan Udara AS").as_deref(),
        Some("USAMIL"),
        "{e:?}"
    );
    // Without a country it stays Indonesian.
    let e = run("Angkatan Udara menggelar latihan.", Some("2017-06-30"));
    assert_eq!(
        code_of(&e, "Angkatan Udara").as_deref(),
        Some("IDNMIL"),
        "{e:?}"
    );
}

#[test]
fn role_plain_words_country() {
    let e = run(
        "Empat nelayan ditangkap polisi perairan Malaysia pekan lalu.",
        Some("2017-07-08"),
    );
    assert_eq!(
        code_of(&e, "polisi perairan Malaysia").as_deref(),
        Some("MYSCOP"),
        "{e:?}"
    );
    // A verb between the role and the country ends the phrase.
    let e = run("Polisi menangkap dua warga Malaysia.", Some("2017-07-08"));
    assert_eq!(code_of(&e, "Polisi").as_deref(), Some("IDNCOP"), "{e:?}");
}

#[test]
fn indonesia_only_titles_keep_their_country() {
    // Even when the story is about another country, a Menko is Indonesian.
    let e = run(
        "Nauru dan Nauru dan Nauru. Menko Polhukam menambahkan kunjungan ke Nauru penting.",
        Some("2018-01-28"),
    );
    assert_eq!(
        code_of(&e, "Menko Polhukam").as_deref(),
        Some("IDNGOV"),
        "{e:?}"
    );
}

#[test]
fn guideline_codes_for_groups_firms_and_protesters() {
    let e = run(
        "ISIS dan Al Qaeda mengancam, Telegram dan Twitter diblokir, pengunjuk rasa berkumpul.",
        Some("2018-01-14"),
    );
    assert_eq!(code_of(&e, "ISIS").as_deref(), Some("IMGMUSISI"), "{e:?}");
    assert_eq!(
        code_of(&e, "Al Qaeda").as_deref(),
        Some("IMGMUSALQ"),
        "{e:?}"
    );
    assert_eq!(code_of(&e, "Telegram").as_deref(), Some("MNC"), "{e:?}");
    assert_eq!(code_of(&e, "Twitter").as_deref(), Some("MNCUSA"), "{e:?}");
    assert_eq!(
        code_of(&e, "pengunjuk rasa").as_deref(),
        Some("IDNOPP"),
        "{e:?}"
    );
    let e = run("KPK menahan dua teroris.", Some("2018-01-14"));
    assert_eq!(code_of(&e, "KPK").as_deref(), Some("IDNJUD"), "{e:?}");
    assert_eq!(code_of(&e, "teroris").as_deref(), Some("IDNUAF"), "{e:?}");
}

#[test]
fn people_named_by_initials() {
    let e = run(
        "Densus menangkap pria berinisial RS dan tersangka berinisial AB. Kini RS diperiksa.",
        Some("2017-05-28"),
    );
    let rs: Vec<_> = e.iter().filter(|x| x.0 == "RS").collect();
    assert_eq!(rs.len(), 2, "{e:?}");
    assert!(
        rs.iter()
            .all(|x| x.1 == "PER" && x.2.as_deref() == Some("IDNCVL")),
        "{e:?}"
    );
    assert!(rs[1].3.is_some(), "the second RS refers back: {e:?}");
    // (Densus 88 makes it a story about terrorism: its suspect is a militant.)
    assert_eq!(code_of(&e, "AB").as_deref(), Some("IDNUAF"), "{e:?}");
}

#[test]
fn country_focus_ignores_regions_and_firms() {
    // `MNC`, `INT` are no countries: the focus stays a country.
    let e = run(
        "Telegram, Telegram, Telegram dan komunitas internasional. Iran memblokir, kata Iran. Pemerintah menolak.",
        Some("2018-01-14"),
    );
    assert_eq!(
        code_of(&e, "Pemerintah").as_deref(),
        Some("IRNGOV"),
        "{e:?}"
    );
}

#[test]
fn english_roles_take_the_nationality_before_them() {
    let text = "Russian President Vladimir Putin met protesters in Moscow on Monday. \
                Indonesian police arrested three militants, while Ukrainian troops \
                shelled rebels near the border. The government said refugees were safe.";
    let ents = run(text, Some("2019-05-06"));
    let putin = ents
        .iter()
        .find(|e| e.0 == "Vladimir Putin")
        .expect("Putin");
    assert_eq!(putin.2.as_deref(), Some("RUSGOV"), "{ents:?}");
    assert_eq!(
        code_of(&ents, "protesters in Moscow").as_deref(),
        Some("RUSOPP")
    );
    // `Russian` before a name is a place (the title's country); before a bare role it is not.
    assert_eq!(code_of(&ents, "Russian").as_deref(), Some("RUS"));
    assert!(!ents.iter().any(|e| e.0 == "Ukrainian"), "{ents:?}");
    assert_eq!(
        code_of(&ents, "Indonesian police").as_deref(),
        Some("IDNCOP")
    );
    assert!(code_of(&ents, "militants").is_some_and(|c| c.ends_with("UAF")));
    assert_eq!(
        code_of(&ents, "Ukrainian troops").as_deref(),
        Some("UKRMIL")
    );
    assert!(code_of(&ents, "rebels").is_some_and(|c| c.ends_with("REB")));
    assert!(code_of(&ents, "government").is_some_and(|c| c.ends_with("GOV")));
    assert!(code_of(&ents, "refugees").is_some_and(|c| c.ends_with("REF")));
}

#[test]
fn nationality_after_the_role_and_ethnic_groups() {
    let text =
        "Seorang tersangka berusia 40 tahun berasal dari Asia Tengah, Tajikistan, kata polisi \
                di Oslo, Norwegia. Ratusan Rohingya tiba di Aceh. Anggota Brimob menangkap dua \
                kadet.";
    let ents = run(text, Some("2018-03-01"));
    let sus = ents
        .iter()
        .find(|e| e.0.starts_with("tersangka"))
        .expect("suspect");
    assert_eq!(sus.2.as_deref(), Some("TJKCRM"), "{ents:?}");
    assert_eq!(code_of(&ents, "Rohingya").as_deref(), Some("MMRREF"));
    assert_eq!(code_of(&ents, "Brimob").as_deref(), Some("IDNCOP"));
    assert!(code_of(&ents, "kadet").is_some_and(|c| c.ends_with("MIL")));
}

#[test]
fn ambassadors_take_the_sending_country() {
    let text = "Duta Besar Jepang untuk Filipina Koji Haneda bertemu wartawan. \
                Dubes Malaysia untuk Indonesia menolak rencana itu.";
    let ents = run(text, Some("2018-03-01"));
    assert_eq!(
        code_of(&ents, "Koji Haneda").as_deref(),
        Some("JPNGOV"),
        "{ents:?}"
    );
    assert_eq!(code_of(&ents, "Filipina").as_deref(), Some("PHL"));
    assert_eq!(
        code_of(&ents, "Dubes Malaysia untuk Indonesia").as_deref(),
        Some("MYSGOV")
    );
}

#[test]
fn citizenship_in_apposition() {
    let text = "Polisi menahan seorang pelaku, warga negara Tajikistan, di Bandung.";
    let ents = run(text, Some("2018-03-01"));
    assert_eq!(
        code_of(&ents, "pelaku").as_deref(),
        Some("TJKCRM"),
        "{ents:?}"
    );
    assert_eq!(
        code_of(&ents, "warga negara Tajikistan").as_deref(),
        Some("TJKCVL")
    );
}

#[test]
fn english_role_words_stay_out_of_indonesian_text() {
    let text = "Polisi menangkap dua orang di Jakarta, kata seorang official klub. \
                Perusahaan itu dipimpin seorang general manager.";
    let ents = run(text, Some("2018-03-01"));
    assert!(
        !ents.iter().any(|e| e.0 == "official" || e.0 == "general"),
        "{ents:?}"
    );
}

#[test]
fn byline_labels_are_not_actors() {
    let text = "Tentara menangkap editor koran itu di Mogadishu.\nEditor: Budi Santoso";
    let ents = run(text, Some("2018-03-01"));
    assert!(code_of(&ents, "editor").is_some_and(|c| c.ends_with("MED")));
    assert!(!ents.iter().any(|e| e.0 == "Editor"), "{ents:?}");
}

#[test]
fn title_words_after_a_title_are_no_name() {
    let e = run(
        "Menteri Pemuda dan Olahraga Republik Lebanon Mohammad Fneish tiba di Jakarta.",
        Some("2017-11-10"),
    );
    assert!(!e.iter().any(|x| x.0 == "Pemuda"), "{e:?}");
    if let Some(n) = e.iter().find(|x| x.0.contains("Fneish")) {
        assert_eq!(n.2.as_deref(), Some("LBNGOV"), "{e:?}");
    }
}

#[test]
fn names_take_a_title_in_apposition_or_before_bernama() {
    let e = run(
        "Sanksi itu diumumkan Robert Miller, Direktur Kantor Pengawasan Aset Kementerian Keuangan AS, di Washington.",
        Some("2017-06-30"),
    );
    let n = e
        .iter()
        .find(|x| x.0.contains("Miller"))
        .expect("the model finds the name");
    assert_eq!(n.2.as_deref(), Some("USAGOV"), "{e:?}");
    let e = run(
        "Terduga teroris kedua yang ditangkap bernama Ahmad Fauzi Rahman. Dia tinggal di Malang.",
        Some("2017-12-10"),
    );
    let n = e
        .iter()
        .find(|x| x.0.contains("Fauzi"))
        .expect("the model finds the name");
    assert_eq!(n.2.as_deref(), Some("IDNUAF"), "{e:?}");
    // The role stays an actor of its own clause.
    assert_eq!(code_of(&e, "Terduga teroris").as_deref(), Some("IDNUAF"));
}

#[test]
fn a_place_after_a_verb_is_no_role_country() {
    let e = run(
        "Seorang tersangka ditangkap di Jakarta. Tersangka sempat mengajukan suaka di Swedia.",
        Some("2017-04-09"),
    );
    assert_eq!(code_of(&e, "Tersangka").as_deref(), Some("IDNCRM"), "{e:?}");
    let e = run(
        "Kalangan separatis di Ukraina menolak tawaran itu.",
        Some("2015-03-11"),
    );
    assert_eq!(
        code_of(&e, "Kalangan separatis").as_deref(),
        Some("UKRREB"),
        "{e:?}"
    );
}

#[test]
fn suspects_in_a_terror_story_are_militants() {
    let e = run(
        "Polisi menangkap tiga tersangka kasus teror bom di Surabaya.",
        Some("2017-12-10"),
    );
    assert_eq!(code_of(&e, "tersangka").as_deref(), Some("IDNUAF"), "{e:?}");
    let e = run(
        "Polisi menangkap tiga tersangka kasus pencurian di Surabaya.",
        Some("2017-12-10"),
    );
    assert_eq!(code_of(&e, "tersangka").as_deref(), Some("IDNCRM"), "{e:?}");
}

#[test]
fn a_role_before_a_people_keeps_its_sector() {
    let e = run(
        "Kelompok militan Rohingya menyerang pos polisi. Pengungsi Rohingya tiba di Aceh.",
        Some("2017-09-06"),
    );
    assert_eq!(
        code_of(&e, "Kelompok militan Rohingya").as_deref(),
        Some("MMRUAF"),
        "{e:?}"
    );
    let e = run(
        "Rusia memulangkan pekerja migran asal Korea Utara.",
        Some("2018-01-31"),
    );
    assert_eq!(
        code_of(&e, "pekerja migran").as_deref(),
        Some("PRKLAB"),
        "{e:?}"
    );
}

#[test]
fn possessive_institutions_and_gang_words_in_names() {
    let e = run(
        "Juru bicara Kementerian Luar Negeri China Geng Shuang mengatakan pemerintahnya menolak rencana itu.",
        Some("2017-10-30"),
    );
    assert!(!e.iter().any(|x| x.0 == "Geng"), "{e:?}");
    assert_eq!(
        code_of(&e, "pemerintahnya").as_deref(),
        Some("CHNGOV"),
        "{e:?}"
    );
    let e = run(
        "Suu Kyi mengatakan tentaranya sudah menahan diri.",
        Some("2017-09-06"),
    );
    assert_eq!(
        code_of(&e, "tentaranya").as_deref(),
        Some("MMRMIL"),
        "{e:?}"
    );
}

#[test]
fn missions_abroad_are_the_sending_government() {
    let e = run(
        "KJRI Jeddah memulangkan 20 TKI. KBRI Kuala Lumpur juga membantu. Konsulat Jenderal Australia di Surabaya tutup. Dinas Kesehatan Jawa Barat bekerja sama.",
        Some("2017-05-01"),
    );
    assert_eq!(code_of(&e, "KJRI").as_deref(), Some("IDNGOV"), "{e:?}");
    assert_eq!(code_of(&e, "Jeddah").as_deref(), Some("SAU"), "{e:?}");
    assert_eq!(code_of(&e, "KBRI").as_deref(), Some("IDNGOV"), "{e:?}");
    assert_eq!(code_of(&e, "TKI").as_deref(), Some("IDNLAB"), "{e:?}");
    assert_eq!(
        code_of(&e, "Konsulat Jenderal Australia").as_deref(),
        Some("AUSGOV")
    );
    assert_eq!(
        code_of(&e, "Dinas Kesehatan Jawa Barat").as_deref(),
        Some("IDNGOV")
    );
}

#[test]
fn counted_people_are_civilians_of_their_country() {
    let e = run(
        "Bom di Jakarta itu menewaskan 12 orang. Polisi menangkap tiga orang anggota Densus 88 dan 20 orang lainnya.",
        Some("2017-06-01"),
    );
    assert_eq!(code_of(&e, "12 orang").as_deref(), Some("IDNCVL"), "{e:?}");
    let f = run(
        "Polisi Jakarta menahan seorang pria asal Prancis.",
        Some("2017-06-01"),
    );
    assert_eq!(
        code_of(&f, "seorang pria").as_deref(),
        Some("FRACVL"),
        "{f:?}"
    );
    assert!(!e.iter().any(|x| x.0 == "tiga orang"), "{e:?}");
    assert!(!e.iter().any(|x| x.0.starts_with("20 orang")), "{e:?}");
}

/// The name the model finds that contains `part`, with its code.
fn name_code(
    ents: &[(String, String, Option<String>, Option<usize>)],
    part: &str,
) -> Option<String> {
    ents.iter()
        .find(|x| x.0.contains(part) && x.1 == "PER")
        .unwrap_or_else(|| panic!("no name with {part:?} in {ents:?}"))
        .2
        .clone()
}

#[test]
fn long_titles_with_plain_words_and_party_factions() {
    let e = run(
        "KPK menahan anggota Komisi V DPR dari fraksi Partai Amanat Nasional (PAN) Hendra Wiratmaja Lubis di Jakarta.",
        Some("2017-03-01"),
    );
    assert_eq!(
        name_code(&e, "Wiratmaja").as_deref(),
        Some("IDNLEG"),
        "{e:?}"
    );
    let e = run(
        "Polisi masih memburu tersangka utama Bambang Sutrisno Hadi di Medan.",
        Some("2017-03-01"),
    );
    assert_eq!(
        name_code(&e, "Sutrisno").as_deref(),
        Some("IDNCRM"),
        "{e:?}"
    );
    // A clause verb ends the title: the object of `menangkap` is not the police.
    let e = run(
        "Polisi menangkap Bambang Sutrisno Hadi di Medan.",
        Some("2017-03-01"),
    );
    assert_ne!(
        name_code(&e, "Sutrisno").as_deref(),
        Some("IDNCOP"),
        "{e:?}"
    );
}

#[test]
fn generic_heads_take_their_institution_and_names_share_a_coordinated_title() {
    let e = run(
        "Hal itu disampaikan Humas Pengadilan Negeri Jakarta Utara Joko Sasmito Wibowo kepada wartawan.",
        Some("2017-03-01"),
    );
    assert_eq!(name_code(&e, "Sasmito").as_deref(), Some("IDNJUD"), "{e:?}");
    let e = run(
        "Sidang itu menghadirkan terdakwa Agus Salim Hutapea dan Rudi Hartono Siregar di Jakarta.",
        Some("2017-03-01"),
    );
    assert_eq!(name_code(&e, "Hartono").as_deref(), Some("IDNCRM"), "{e:?}");
    let e = run(
        "Perkara itu ditangani hakim Agus Salim Hutapea, Rudi Hartono Siregar, dan Budi Santoso Wijaya.",
        Some("2017-03-01"),
    );
    assert_eq!(name_code(&e, "Santoso").as_deref(), Some("IDNJUD"), "{e:?}");
}

#[test]
fn untitled_names_and_companies_in_a_domestic_story_take_the_focus_country() {
    let e = run(
        "Uang itu diserahkan melalui Sutanto Gunawan Harahap kepada PT Maju Sentosa Abadi di Jakarta.",
        Some("2017-03-01"),
    );
    assert_eq!(name_code(&e, "Gunawan").as_deref(), Some("IDNCVL"), "{e:?}");
    // In a story about another country, an untitled name stays uncoded.
    let e = run(
        "Pemerintah Kenya menangkap Otieno Kamau Mwangi di Nairobi, Kenya. Kenya menolak kritik itu.",
        Some("2017-12-04"),
    );
    assert_eq!(name_code(&e, "Mwangi"), None, "{e:?}");
}

#[test]
fn definite_descriptions_refer_to_institutions_and_people() {
    let e = run(
        "KPK menetapkan dua tersangka baru. Lembaga itu juga memeriksa sejumlah saksi.",
        Some("2017-03-01"),
    );
    let l = e
        .iter()
        .find(|x| x.0 == "Lembaga itu")
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(l.2.as_deref(), Some("IDNJUD"), "{e:?}");
    assert_eq!(l.3.map(|r| e[r].0.as_str()), Some("KPK"), "{e:?}");
    // A bare institution role with `tersebut` takes the named one's code.
    let e = run(
        "Petronas menandatangani kontrak itu di Jakarta. Perusahaan tersebut akan membangun kilang.",
        Some("2017-03-01"),
    );
    assert_eq!(
        code_of(&e, "Perusahaan").as_deref(),
        Some("MYSBUS"),
        "{e:?}"
    );
    let e = run(
        "Polisi memeriksa Sutanto Gunawan Harahap di Medan. Yang bersangkutan membantah tuduhan itu.",
        Some("2017-03-01"),
    );
    let y = e
        .iter()
        .find(|x| x.0 == "Yang bersangkutan")
        .unwrap_or_else(|| panic!("{e:?}"));
    assert!(y.3.is_some_and(|r| e[r].0.contains("Gunawan")), "{e:?}");
    // No institution named before: no mention.
    let e = run("Lembaga itu belum memberi keterangan.", Some("2017-03-01"));
    assert!(e.iter().all(|x| x.0 != "Lembaga itu"), "{e:?}");
}

#[test]
fn generic_institutions_belong_to_the_story_country() {
    let e = run(
        "Kuwait mengusir 15 diplomat Iran. Mahkamah Agung Kuwait sebelumnya menghukum sel itu. Menurut Mahkamah Agung, sel itu dibantu Iran. Kuwait juga menutup kantor atase militer.",
        Some("2017-07-21"),
    );
    let last = e
        .iter()
        .rev()
        .find(|x| x.0 == "Mahkamah Agung")
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(last.2.as_deref(), Some("KWTJUD"), "{e:?}");
    let e = run(
        "Mahkamah Agung menolak kasasi itu di Jakarta.",
        Some("2017-07-21"),
    );
    assert_eq!(
        code_of(&e, "Mahkamah Agung").as_deref(),
        Some("IDNJUD"),
        "{e:?}"
    );
}

#[test]
fn aliases_refer_to_the_name_before_them() {
    let e = run(
        "Densus menangkap terduga teroris Paripung Dhani Pasandi alias Ipung di Bandung. Ipung ditahan di Jakarta.",
        Some("2017-12-10"),
    );
    let ipung: Vec<_> = e.iter().filter(|x| x.0 == "Ipung").collect();
    assert_eq!(ipung.len(), 2, "{e:?}");
    for x in ipung {
        assert!(x.3.is_some_and(|r| e[r].0.contains("Pasandi")), "{e:?}");
        assert_eq!(x.2.as_deref(), Some("IDNUAF"), "{e:?}");
    }
}

#[test]
fn one_word_names_are_known_people_only_when_named_in_full() {
    // `Sumadi` alone is a common name, not the minister Budi Karya Sumadi.
    let e = run(
        "Seorang pelajar mencuri sepeda motor milik Sumadi (62) di Kediri.",
        Some("2017-04-29"),
    );
    assert_eq!(code_of(&e, "Sumadi").as_deref(), Some("IDNCVL"), "{e:?}");
}

#[test]
fn a_capitalised_actor_alias_does_not_hide_the_lower_case_role() {
    let e = run(
        "Menurut pihak kejaksaan, tersangka akan didakwa pekan depan. Kejaksaan Agung menolak berkomentar.",
        Some("2017-04-10"),
    );
    assert_eq!(
        code_of(&e, "pihak kejaksaan").as_deref(),
        Some("IDNJUD"),
        "{e:?}"
    );
    assert_eq!(
        code_of(&e, "Kejaksaan Agung").as_deref(),
        Some("IDNJUD"),
        "{e:?}"
    );
}

#[test]
fn pt_companies_are_indonesian_businesses_and_stop_before_a_name() {
    let e = run(
        "PT Bumi Serpong Damai Tbk melapor ke polisi. Direktur PT Windhu Tunggal Utama Abdul Khoir ditahan.",
        Some("2017-04-10"),
    );
    assert_eq!(
        code_of(&e, "PT Bumi Serpong Damai Tbk").as_deref(),
        Some("IDNBUS"),
        "{e:?}"
    );
    assert!(e.iter().all(|x| x.0 != "Serpong"), "{e:?}");
    assert_eq!(
        code_of(&e, "PT Windhu Tunggal Utama").as_deref(),
        Some("IDNBUS"),
        "{e:?}"
    );
    assert!(
        e.iter().any(|x| x.0 == "Abdul Khoir" && x.1 == "PER"),
        "{e:?}"
    );
}

#[test]
fn member_nouns_take_the_institution_named_before_them() {
    let kpk = "KPK memeriksa seorang saksi di Jakarta. Penyidik menanyakan aliran dana itu.";
    let e = run(kpk, Some("2017-05-01"));
    assert_eq!(code_of(&e, "Penyidik").as_deref(), Some("IDNJUD"), "{e:?}");
    let doc = TextDoc::analyse(kpk, Some("2017-05-01"));
    let ents = rec().recognize(&doc);
    let p = ents
        .iter()
        .find(|x| x.span.text(kpk) == "Penyidik")
        .unwrap();
    assert!(p.rule.contains("+context:actors.tsv:"), "{}", p.rule);
    let police = "Polda Metro Jaya menangkap dua pria. Penyidik masih memeriksa keduanya.";
    let e = run(police, Some("2017-05-01"));
    assert_eq!(code_of(&e, "Penyidik").as_deref(), Some("IDNCOP"), "{e:?}");
    // No institution at all: the role's own code.
    let e = run(
        "Petugas mengamankan barang bukti di lokasi.",
        Some("2017-05-01"),
    );
    assert_eq!(code_of(&e, "Petugas").as_deref(), Some("IDNCOP"), "{e:?}");
}

#[test]
fn an_institution_and_its_indonesian_seat_are_one_actor() {
    let e = run(
        "Polda Sumatera Utara dan Polres Lampung Timur menangkap pelaku.",
        Some("2017-05-01"),
    );
    assert_eq!(
        code_of(&e, "Polda Sumatera Utara").as_deref(),
        Some("IDNCOP"),
        "{e:?}"
    );
    assert_eq!(
        code_of(&e, "Polres Lampung Timur").as_deref(),
        Some("IDNCOP"),
        "{e:?}"
    );
}

#[test]
fn a_suspect_with_an_office_is_coded_by_the_office() {
    let text = "KPK menahan tersangka Budi Hartono di Jakarta. Budi yang merupakan \
                Irjen Kementerian Desa itu diperiksa selama delapan jam.";
    let e = run(text, Some("2017-05-01"));
    let budi: Vec<_> = e.iter().filter(|x| x.0.starts_with("Budi")).collect();
    assert!(budi.len() >= 2, "{e:?}");
    assert!(
        budi.iter().all(|x| x.2.as_deref() == Some("IDNGOV")),
        "{budi:?}"
    );
    // Without an office the suspect stays a suspect.
    let e = run(
        "Polisi menahan tersangka Budi Hartono di Jakarta. Budi diperiksa delapan jam.",
        Some("2017-05-01"),
    );
    assert_eq!(
        code_of(&e, "Budi Hartono").as_deref(),
        Some("IDNCRM"),
        "{e:?}"
    );
}

#[test]
fn a_known_name_after_a_lawyers_title_is_the_client() {
    let text = "KPK menahan pengusaha Hery Susanto. Kuasa hukum Hery, Simeon Petrus, \
                menghormati penahanan itu.";
    let e = run(text, Some("2017-05-01"));
    assert_ne!(code_of(&e, "Hery").as_deref(), Some("IDNJUD"), "{e:?}");
}

#[test]
fn party_groups_in_parliament_are_legislators() {
    let e = run(
        "Fraksi Partai Golkar mendukung pansus angket, kata politikus PKS itu.",
        Some("2017-05-01"),
    );
    assert_eq!(
        code_of(&e, "Fraksi Partai Golkar").as_deref(),
        Some("IDNLEG"),
        "{e:?}"
    );
    assert_eq!(
        code_of(&e, "pansus angket").as_deref(),
        Some("IDNLEG"),
        "{e:?}"
    );
    let e = run(
        "Ratusan sopir angkot berunjuk rasa di Palembang.",
        Some("2017-05-01"),
    );
    assert_eq!(
        code_of(&e, "sopir angkot").as_deref(),
        Some("IDNLAB"),
        "{e:?}"
    );
}

#[test]
fn titles_with_a_region_abbreviation_and_lawyers_of_defendants() {
    let e = run(
        "KPK menahan penyuap Bupati Kutai Kartanegara (Kukar) Rita Widyasari di Jakarta.",
        Some("2017-12-01"),
    );
    assert_eq!(
        name_code(&e, "Widyasari").as_deref(),
        Some("IDNGOV"),
        "{e:?}"
    );
    let e = run(
        "Kuasa hukum dua terdakwa, Soesilo Arie Wibowo mengatakan kliennya pasrah.",
        Some("2017-06-01"),
    );
    assert_eq!(name_code(&e, "Soesilo").as_deref(), Some("IDNJUD"), "{e:?}");
}

#[test]
fn a_short_form_of_a_known_first_name_refers_to_the_person() {
    let text = "Wakil Ketua KPK Alexander Marwata menyatakan hal itu. \
                Alex mengatakan, pihaknya memiliki bukti.";
    let e = run(text, Some("2017-11-10"));
    let alex = e.iter().find(|x| x.0 == "Alex").expect("Alex");
    assert_eq!(alex.2.as_deref(), Some("IDNJUD"), "{e:?}");
    assert!(alex.3.is_some(), "{e:?}");
}

#[test]
fn a_title_walk_stops_at_a_preposition_and_a_later_title_keeps_a_known_code() {
    let text = "Penyidik KPK Novel Baswedan diserang. Kedatangan penyidik Polri ke rumah \
                Novel bukan untuk memeriksa.";
    let e = run(text, Some("2018-02-27"));
    assert_eq!(
        code_of(&e, "penyidik Polri").as_deref(),
        Some("IDNCOP"),
        "{e:?}"
    );
    let novel = e.iter().find(|x| x.0 == "Novel").expect("Novel");
    assert_eq!(novel.2.as_deref(), Some("IDNJUD"), "{e:?}");
}

#[test]
fn indonesian_state_institutions_count_toward_the_focus() {
    // A police story that names a foreign country often is still Indonesian: the bare role
    // takes Indonesia, not the country named most.
    let text = "Polisi akan memeriksa Rizieq di Arab Saudi. Polda Metro Jaya dan Kejaksaan \
                Agung sudah berkoordinasi dengan KPK. Penyidik bertolak ke Arab Saudi pekan \
                depan.";
    let e = run(text, Some("2017-08-21"));
    assert_eq!(code_of(&e, "Polisi").as_deref(), Some("IDNCOP"), "{e:?}");
    // A mission abroad speaks of the host country, not of Indonesia.
    let text = "Polisi menahan dua pelajar di Kairo, Mesir. KBRI sudah menghubungi polisi. \
                KBRI menyebut KBRI tidak diberi akses.";
    let e = run(text, Some("2017-08-21"));
    assert_eq!(code_of(&e, "Polisi").as_deref(), Some("EGYCOP"), "{e:?}");
}

#[test]
fn a_city_name_inside_a_longer_place_name_is_no_focus() {
    // `Arnhem Land` is in Australia, not the Dutch city.
    let text = "Tiga pria tewas di sungai di Arnhem Land, Australia. Polisi setempat \
                menyelidiki kejadian itu.";
    let e = run(text, Some("2017-02-20"));
    assert_eq!(code_of(&e, "Polisi").as_deref(), Some("AUSCOP"), "{e:?}");
}

#[test]
fn initials_with_an_age_or_after_a_person_noun_are_people() {
    let text = "Polisi menangkap YIK (31), warga Tanjung Sari. Tersangka MSH ditahan. \
                YIK ditahan di Polres.";
    let e = run(text, Some("2018-01-19"));
    // The police before the initials are not what YIK is: a civilian, not IDNCOP.
    assert_eq!(code_of(&e, "YIK").as_deref(), Some("IDNCVL"), "{e:?}");
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNCRM"), "{e:?}");
    let later = e
        .iter()
        .filter(|x| x.0 == "YIK")
        .nth(1)
        .expect("second YIK");
    assert!(later.3.is_some(), "{e:?}");
    // Institutions and countries stay what they are; `QS(9)` (no space) is no age; common
    // abbreviations after a person noun are no initials.
    let text = "Dia mengutip QS(9) dan pelaku UKM bertemu KPK (2) di AS (3).";
    let e = run(text, Some("2018-01-19"));
    assert!(
        !e.iter()
            .any(|x| (x.0 == "QS" || x.0 == "UKM") && x.1 == "PER"),
        "{e:?}"
    );
    assert_eq!(code_of(&e, "KPK").as_deref(), Some("IDNJUD"), "{e:?}");
    assert_eq!(code_of(&e, "AS").as_deref(), Some("USA"), "{e:?}");
}

#[test]
fn kin_nouns_alone_are_civilians_and_indonesian_roles_after_the_english_block_match() {
    let text = "Pria itu menyandera dua balita dan pamannya melapor ke polisi.";
    let e = run(text, Some("2017-04-06"));
    assert_eq!(code_of(&e, "balita").as_deref(), Some("IDNCVL"), "{e:?}");
}

#[test]
fn bare_initials_in_a_terror_story_are_militants_unless_a_plain_person_noun_introduces_them() {
    // Densus named: the story is about terrorism; `MSH (34)` with no person noun is a suspect.
    let text = "Densus 88 menangkap MSH (34) di Jambi. Pria berinisial H (35) ditangkap \
                bersama istrinya IN (27).";
    let e = run(text, Some("2017-08-01"));
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNUAF"), "{e:?}");
    assert_eq!(code_of(&e, "H").as_deref(), Some("IDNCVL"), "{e:?}");
    assert_eq!(code_of(&e, "IN").as_deref(), Some("IDNCVL"), "{e:?}");
    // A terror organisation named is a cue too; a separatist one is not.
    let text = "Polisi menangkap MSH (34) yang mengaku anggota JAD.";
    let e = run(text, Some("2017-08-01"));
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNUAF"), "{e:?}");
    let text = "Polisi menangkap MSH (34) yang mengibarkan bendera Organisasi Papua Merdeka.";
    let e = run(text, Some("2017-08-01"));
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNCVL"), "{e:?}");
    // One `bom` (a fishing bomb) is no terror story; two bombings are.
    let text = "Polisi menangkap MSH (34) yang memakai bom ikan.";
    let e = run(text, Some("2017-08-01"));
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNCVL"), "{e:?}");
    let text = "Polisi menangkap MSH (34) terkait bom di terminal. Bom itu melukai lima orang.";
    let e = run(text, Some("2017-08-01"));
    assert_eq!(code_of(&e, "MSH").as_deref(), Some("IDNUAF"), "{e:?}");
}

#[test]
fn role_words_with_a_possessive_clitic_are_matched() {
    let text = "Pria itu menyandera dua ponakannya. Pelaku melukai pamannya dan didampingi \
                kuasa hukumnya.";
    let e = run(text, Some("2017-04-06"));
    assert_eq!(
        code_of(&e, "ponakannya").as_deref(),
        Some("IDNCVL"),
        "{e:?}"
    );
    assert_eq!(code_of(&e, "pamannya").as_deref(), Some("IDNCVL"), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "kuasa hukumnya"), "{e:?}");
    // Kin words that are not role words alone are listed with their clitic.
    let text = "Pelaku menganiaya istrinya dan anaknya di rumah.";
    let e = run(text, Some("2017-04-06"));
    assert_eq!(code_of(&e, "istrinya").as_deref(), Some("IDNCVL"), "{e:?}");
    assert_eq!(code_of(&e, "anaknya").as_deref(), Some("IDNCVL"), "{e:?}");
    // The possessive institutions stay with the party named before them.
    let text = "Juru bicara Kementerian Luar Negeri China Hua Chunying menegaskan, pemerintahnya \
                menolak rencana itu.";
    let e = run(text, Some("2017-04-06"));
    assert_eq!(
        code_of(&e, "pemerintahnya").as_deref(),
        Some("CHNGOV"),
        "{e:?}"
    );
}

#[test]
fn a_bare_president_in_the_home_press_is_the_home_president() {
    let text = "Presiden Joko Widodo tiba di Kabul. Presiden Jokowi disambut Presiden Ashraf \
                Ghani di istana. Presiden juga akan bertemu para tokoh Afghanistan.";
    let e = run(text, Some("2018-01-29"));
    let bare = e
        .iter()
        .rev()
        .find(|x| x.0 == "Presiden")
        .expect("bare Presiden");
    assert_eq!(bare.2.as_deref(), Some("IDNGOV"), "{e:?}");
    // A foreign story with no home president keeps the last one named.
    let text = "Presiden Ashraf Ghani menyambut tamunya. Presiden juga akan bertemu para tokoh.";
    let e = run(text, Some("2018-01-29"));
    let bare = e.iter().rev().find(|x| x.0 == "Presiden").expect("bare");
    assert_eq!(bare.2.as_deref(), Some("AFGGOV"), "{e:?}");
}

#[test]
fn a_crowd_is_demonstrators_but_a_mass_organisation_is_civil_society() {
    let text =
        "Polisi membubarkan massa di depan Istana. Polisi bertemu Organisasi Massa di kota itu.";
    let e = run(text, Some("2016-11-04"));
    assert_eq!(code_of(&e, "massa").as_deref(), Some("IDNOPP"), "{e:?}");
    assert_eq!(
        code_of(&e, "Organisasi Massa").as_deref(),
        Some("IDNCVL"),
        "{e:?}"
    );
}

#[test]
fn a_first_lady_is_an_elite_of_her_country() {
    // (A place after `di` does not give a title only one country has its country.)
    let text =
        "Presiden Ashraf Ghani menyambut Ibu Negara Iriana Joko Widodo di Kabul, Afghanistan.";
    let e = run(text, Some("2018-01-29"));
    assert_eq!(
        code_of(&e, "Ibu Negara").as_deref(),
        Some("IDNELI"),
        "{e:?}"
    );
    let text = "Ibu negara Prancis Carla Bruni tiba di Jakarta.";
    let e = run(text, Some("2010-03-30"));
    let bruni = e
        .iter()
        .find(|x| x.0.contains("Bruni"))
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(bruni.2.as_deref(), Some("FRAELI"), "{e:?}");
}
