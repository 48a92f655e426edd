//! The event dictionary (`data/verbs.tsv`) end to end: sentences written for these tests (never
//! corpus or gold text) go through the tokeniser and the coder with hand-placed entities, and
//! must give the expected CAMEO code, roles and dictionary line, while non-political uses of the
//! same words give no event. Each negative sentence was checked to give the event when the
//! entry loses its complement (a bare `menepis`, `mendalami`, `menjerat`, `menyiram`, ... line).

use warta_core::{Entity, Event, Span};
use warta_events::dict::{check, VERBS_NAME, VERBS_TSV};
use warta_events::Coder;
use warta_text::TextDoc;

/// Entities for the first occurrence of each (surface, code).
fn ents(text: &str, specs: &[(&str, &str)]) -> Vec<Entity> {
    let mut out: Vec<Entity> = specs
        .iter()
        .map(|(surface, code)| {
            let start = text
                .find(surface)
                .unwrap_or_else(|| panic!("{surface:?} not in {text:?}"));
            Entity {
                span: Span::new(start, start + surface.len()),
                kind: "ORG".into(),
                code: Some(code.to_string()),
                place: None,
                refers_to: None,
                rule: "test".into(),
            }
        })
        .collect();
    out.sort_by_key(|e| e.span.start);
    out
}

fn code(text: &str, specs: &[(&str, &str)]) -> Vec<Event> {
    thread_local! {
        static CODER: Coder = Coder::new();
    }
    let doc = TextDoc::analyse(text, Some("2017-08-01"));
    let entities = ents(text, specs);
    CODER.with(|c| c.code(&doc, &entities, &[]))
}

/// `source>target:cameo:trigger` of every event, `-` for a missing actor.
fn summary(text: &str, evs: &[Event]) -> Vec<String> {
    let span = |s: Span| &text[s.start..s.end];
    evs.iter()
        .map(|e| {
            format!(
                "{}>{}:{}:{}",
                e.source.as_ref().map_or("-", |a| span(a.span)),
                e.target.as_ref().map_or("-", |a| span(a.span)),
                e.cameo,
                span(e.trigger)
            )
        })
        .collect()
}

/// The dictionary line an event's `rule` names (`verbs.tsv:LINE+...`).
fn rule_line(e: &Event) -> &'static str {
    let n: usize = e
        .rule
        .strip_prefix("verbs.tsv:")
        .and_then(|r| r.split('+').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("rule {:?} names no verbs.tsv line", e.rule));
    VERBS_TSV
        .lines()
        .nth(n - 1)
        .unwrap_or_else(|| panic!("verbs.tsv has no line {n}"))
}

/// One expected event: the text must give it, and the line it names must hold `form`.
fn expect(text: &str, specs: &[(&str, &str)], want: &str, form: &str) {
    let evs = code(text, specs);
    let got = summary(text, &evs);
    let Some(i) = got.iter().position(|g| g == want) else {
        panic!("{text:?}\n  want {want}\n  got  {got:?}");
    };
    let line = rule_line(&evs[i]);
    let forms = line.split('\t').next().unwrap_or("");
    assert!(
        forms.split(',').any(|f| f.trim_start_matches('=') == form),
        "{want}: rule {} is {line:?}, not an entry for {form:?}",
        evs[i].rule
    );
}

/// No event of this CAMEO root (two digits) may come out of the text.
fn reject(text: &str, specs: &[(&str, &str)], root: &str) {
    let evs = code(text, specs);
    let bad: Vec<String> = summary(text, &evs)
        .into_iter()
        .zip(&evs)
        .filter(|(_, e)| e.cameo.starts_with(root))
        .map(|(s, e)| format!("{s} ({})", e.rule))
        .collect();
    assert!(
        bad.is_empty(),
        "{text:?}: unexpected {root}x events {bad:?}"
    );
}

#[test]
fn dictionary_is_clean() {
    let issues = check(VERBS_TSV, VERBS_NAME);
    assert!(issues.is_empty(), "{issues:#?}");
}

// ---- 09 INVESTIGATE ----

#[test]
fn investigating_a_case_needs_no_target() {
    let t = "KPK masih mendalami kasus suap proyek jalan tol itu.";
    expect(t, &[("KPK", "IDNJUD")], "KPK>-:091:mendalami", "mendalami");
    let t = "Polda Jawa Barat menyelidiki kasus pembakaran pasar tersebut.";
    expect(
        t,
        &[("Polda Jawa Barat", "IDNCOP")],
        "Polda Jawa Barat>-:091:menyelidiki",
        "menyelidiki",
    );
}

#[test]
fn studying_a_subject_is_no_investigation() {
    let t = "Para mahasiswa itu mendalami bahasa Jepang selama setahun di Osaka.";
    reject(t, &[("Para mahasiswa", "IDNEDU"), ("Osaka", "JPN")], "09");
}

#[test]
fn questioning_by_investigators() {
    let t = "Penyidik kembali meminta keterangan Bupati Sleman pada Senin.";
    expect(
        t,
        &[("Penyidik", "IDNJUD"), ("Bupati Sleman", "IDNGOV")],
        "Penyidik>Bupati Sleman:091:meminta keterangan",
        "meminta keterangan",
    );
}

#[test]
fn a_document_title_is_no_investigation() {
    let t = "Polres Bogor mengirim Surat Pemberitahuan Dimulainya Penyidikan kepada kejaksaan.";
    let evs = code(t, &[("Polres Bogor", "IDNCOP"), ("kejaksaan", "IDNJUD")]);
    let got = summary(t, &evs);
    assert!(
        got.iter().all(|g| !g.ends_with(":Dimulainya Penyidikan")),
        "{got:?}"
    );
}

#[test]
fn a_car_located_is_not_traced_person() {
    let t = "Mobil milik korban sempat terlacak di Cianjur, kata polisi.";
    reject(t, &[("korban", "IDNCVL"), ("polisi", "IDNCOP")], "09");
}

// ---- 11 DISAPPROVE: appeals, sentences, name-calling ----

#[test]
fn appealing_a_verdict_is_a_lawsuit() {
    let t = "Jaksa penuntut umum mengajukan banding atas putusan itu.";
    expect(
        t,
        &[("Jaksa penuntut umum", "IDNJUD")],
        "Jaksa penuntut umum>-:115:mengajukan banding",
        "mengajukan banding",
    );
}

#[test]
fn a_passive_sentence_names_the_court() {
    let t = "Rudi dijatuhi hukuman tujuh tahun penjara oleh Pengadilan Tipikor Semarang.";
    expect(
        t,
        &[
            ("Rudi", "IDNCRM"),
            ("Pengadilan Tipikor Semarang", "IDNJUD"),
        ],
        "Pengadilan Tipikor Semarang>Rudi:116:dijatuhi",
        "menjatuhi",
    );
}

#[test]
fn reporting_to_a_regional_police_force() {
    let t = "Aliansi itu melaporkan Ahmad ke Polda Metro Jaya atas dugaan penghinaan.";
    expect(
        t,
        &[("Aliansi itu", "IDNNGO"), ("Ahmad", "IDNCVL")],
        "Aliansi itu>Ahmad:0213:melaporkan",
        "melaporkan",
    );
}

#[test]
fn calling_someone_a_war_criminal() {
    let t = "Pemerintah Bosnia menyebut Jenderal Petrovic sebagai penjahat perang.";
    expect(
        t,
        &[
            ("Pemerintah Bosnia", "BIHGOV"),
            ("Jenderal Petrovic", "SRBMIL"),
        ],
        "Pemerintah Bosnia>Jenderal Petrovic:1124:menyebut",
        "menyebut",
    );
}

#[test]
fn calling_someone_a_liar_is_an_insult_but_naming_is_not() {
    let t = "Senator itu menyebut Gubernur Wijaya pembohong di depan wartawan.";
    expect(
        t,
        &[("Senator itu", "IDNLEG"), ("Gubernur Wijaya", "IDNGOV")],
        "Senator itu>Gubernur Wijaya:111:menyebut",
        "menyebut",
    );
    let t = "Senator itu menyebut Gubernur Wijaya sebagai mitra kerja yang baik.";
    reject(
        t,
        &[("Senator itu", "IDNLEG"), ("Gubernur Wijaya", "IDNGOV")],
        "11",
    );
}

// ---- 17 COERCE ----

#[test]
fn sting_arrest_against_an_official() {
    let t = "KPK melakukan operasi tangkap tangan terhadap Wali Kota Batu pada Sabtu malam.";
    expect(
        t,
        &[("KPK", "IDNJUD"), ("Wali Kota Batu", "IDNGOV")],
        "KPK>Wali Kota Batu:173:melakukan operasi tangkap tangan",
        "operasi tangkap tangan",
    );
}

#[test]
fn charged_under_an_article() {
    let t = "Andi dijerat dengan Pasal 2 Undang-Undang Pemberantasan Tindak Pidana Korupsi.";
    expect(t, &[("Andi", "IDNCRM")], "->Andi:173:dijerat", "menjerat");
}

#[test]
fn a_strangled_victim_is_not_charged() {
    let t = "Korban dijerat tali oleh pelaku hingga tewas.";
    reject(t, &[("Korban", "IDNCVL"), ("pelaku", "IDNCRM")], "17");
}

#[test]
fn seizing_evidence_and_fishing_boats() {
    let t = "Polisi menyita dua pucuk senjata api dari rumah tersangka.";
    expect(
        t,
        &[("Polisi", "IDNCOP")],
        "Polisi>-:1711:menyita",
        "menyita",
    );
    let t = "TNI AL menangkap kapal ikan berbendera Vietnam di Laut Natuna.";
    expect(
        t,
        &[("TNI AL", "IDNMIL")],
        "TNI AL>-:1711:menangkap",
        "menangkap",
    );
}

#[test]
fn taken_into_custody() {
    let t = "Tersangka Joni langsung digiring ke Mapolres Bekasi oleh petugas.";
    expect(
        t,
        &[("Joni", "IDNCRM"), ("petugas", "IDNCOP")],
        "petugas>Joni:173:digiring",
        "menggiring",
    );
}

#[test]
fn declared_wanted() {
    let t = "Polisi menetapkan Hendra sebagai buronan setelah kabur dari rumahnya.";
    expect(
        t,
        &[("Polisi", "IDNCOP"), ("Hendra", "IDNCRM")],
        "Polisi>Hendra:173:menetapkan",
        "menetapkan",
    );
}

// ---- 08 YIELD ----

#[test]
fn remission_granted_to_prisoners() {
    let t = "Kementerian Hukum dan HAM memberikan remisi kepada Joni pada Hari Kemerdekaan.";
    expect(
        t,
        &[("Kementerian Hukum dan HAM", "IDNGOV"), ("Joni", "IDNCRM")],
        "Kementerian Hukum dan HAM>Joni:081:memberikan remisi",
        "memberikan remisi",
    );
}

// ---- 01, 02, 14, 18, 19 ----

#[test]
fn denying_a_claim_but_not_brushing_off_a_hand() {
    let t = "Menteri Perdagangan menepis tudingan bahwa kementeriannya menerima suap.";
    expect(
        t,
        &[("Menteri Perdagangan", "IDNGOV")],
        "Menteri Perdagangan>-:016:menepis",
        "menepis",
    );
    let t = "Menteri Perdagangan menepis tangan wartawan yang menyodorkan mikrofon.";
    reject(t, &[("Menteri Perdagangan", "IDNGOV")], "01");
}

#[test]
fn asking_the_police_to_investigate() {
    // (With "mengusut tuntas" the longer trigger wins over the complement and the appeal
    // stays 020: a ranking matter of the coder, not of the dictionary.)
    let t = "Komnas HAM meminta polisi mengusut penganiayaan terhadap wartawan itu.";
    expect(
        t,
        &[("Komnas HAM", "IDNHRI"), ("polisi", "IDNCOP")],
        "Komnas HAM>polisi:0213:meminta",
        "meminta",
    );
}

#[test]
fn boycott_in_its_common_misspelling() {
    let t = "Partai oposisi memboykot pemilihan ulang bulan depan.";
    expect(
        t,
        &[("Partai oposisi", "KENOPP")],
        "Partai oposisi>-:143:memboykot",
        "memboykot",
    );
}

#[test]
fn acid_attack_and_firefight() {
    let t = "Penyiraman air keras terhadap Hasan Basri terjadi usai salat subuh.";
    expect(
        t,
        &[("Hasan Basri", "IDNJUD")],
        "->Hasan Basri:182:Penyiraman",
        "penyiraman",
    );
    let t = "Pasukan TNI terlibat kontak tembak dengan kelompok separatis di Mimika.";
    let evs = code(
        t,
        &[("Pasukan TNI", "IDNMIL"), ("kelompok separatis", "IDNREB")],
    );
    let got = summary(t, &evs);
    assert!(
        got.iter().any(|g| g.contains(":193:")),
        "{t:?}: no 193 in {got:?}"
    );
}

#[test]
fn a_blessing_with_flower_water_is_no_assault() {
    let t = "Ketua DPR menyiram Gubernur Wijaya dengan air bunga saat upacara adat.";
    reject(
        t,
        &[("Ketua DPR", "IDNLEG"), ("Gubernur Wijaya", "IDNGOV")],
        "18",
    );
}

#[test]
fn incapacitating_an_attacker_but_not_a_system() {
    let t = "Polisi akhirnya melumpuhkan pelaku dengan tembakan di kakinya.";
    expect(
        t,
        &[("Polisi", "IDNCOP"), ("pelaku", "IDNCRM")],
        "Polisi>pelaku:190:melumpuhkan",
        "melumpuhkan",
    );
    let t = "Rudal buatan Rusia itu mampu melumpuhkan radar milik Amerika Serikat.";
    reject(t, &[("Rusia", "RUS"), ("Amerika Serikat", "USA")], "19");
}

#[test]
fn custody_transfer_and_remand() {
    let t = "Penyidik melimpahkan berkas perkara Bambang ke Kejaksaan Negeri Bandung.";
    expect(
        t,
        &[("Penyidik", "IDNCOP"), ("Bambang", "IDNCRM")],
        "Penyidik>Bambang:173:melimpahkan",
        "melimpahkan",
    );
    let t = "Bambang kemudian dititipkan di Rutan Salemba oleh penyidik.";
    expect(
        t,
        &[("Bambang", "IDNCRM"), ("penyidik", "IDNCOP")],
        "penyidik>Bambang:173:dititipkan",
        "menitipkan",
    );
    // Leaving a message or a bag with someone is no detention.
    let t = "Presiden menitipkan pesan kepada Ketua DPR untuk warga Bandung.";
    reject(t, &[("Presiden", "IDNGOV"), ("Ketua DPR", "IDNLEG")], "17");
}

#[test]
fn caught_in_a_sting_is_the_target() {
    let t = "Bupati Ngada terjaring OTT oleh KPK di Surabaya.";
    expect(
        t,
        &[("Bupati Ngada", "IDNGOV"), ("KPK", "IDNJUD")],
        "KPK>Bupati Ngada:173:terjaring OTT",
        "terjaring ott",
    );
}

// ==== session 4: coverage entries (spelling variants, appeals, endorsement, courts, custody) ====

#[test]
fn cooperation_in_its_one_word_spelling() {
    let t = "Kepolisian Indonesia bekerjasama dengan Kepolisian Australia dalam penyelidikan itu.";
    let specs = [
        ("Kepolisian Indonesia", "IDNCOP"),
        ("Kepolisian Australia", "AUSCOP"),
    ];
    expect(
        t,
        &specs,
        "Kepolisian Indonesia>Kepolisian Australia:064:bekerjasama",
        "bekerjasama",
    );
    expect(
        t,
        &specs,
        "Kepolisian Australia>Kepolisian Indonesia:064:bekerjasama",
        "bekerjasama",
    );
    let t = "Indonesia dan Vietnam menjalin kerjasama pertahanan di Laut Natuna.";
    let evs = code(t, &[("Indonesia", "IDN"), ("Vietnam", "VNM")]);
    let got = summary(t, &evs);
    assert!(
        got.iter()
            .any(|g| g.contains(":062:") || g.contains(":050:")),
        "{t:?}: no cooperation in {got:?}"
    );
}

#[test]
fn teamwork_is_no_cooperation_between_parties() {
    let t = "Kerjasama tim menjadi kunci kemenangan Persib atas lawannya.";
    let evs = code(t, &[("Persib", "IDNSPT")]);
    assert!(evs.is_empty(), "{:?}", summary(t, &evs));
}

#[test]
fn a_raid_in_its_common_misspelling() {
    let t = "Densus 88 menggrebek markas kelompok JAD di Bekasi.";
    expect(
        t,
        &[("Densus 88", "IDNCOP"), ("kelompok JAD", "IDNUAF")],
        "Densus 88>kelompok JAD:170:menggrebek",
        "menggrebek",
    );
}

#[test]
fn advising_and_reminding_are_appeals() {
    let t = "Ketua DPR menyarankan Presiden Joko Widodo merombak kabinet.";
    expect(
        t,
        &[("Ketua DPR", "IDNLEG"), ("Presiden Joko Widodo", "IDNGOV")],
        "Ketua DPR>Presiden Joko Widodo:020:menyarankan",
        "menyarankan",
    );
    let t = "Kapolri mengingatkan Gubernur Jawa Barat agar menjaga netralitas dalam pilkada.";
    expect(
        t,
        &[("Kapolri", "IDNCOP"), ("Gubernur Jawa Barat", "IDNGOV")],
        "Kapolri>Gubernur Jawa Barat:020:mengingatkan",
        "mengingatkan",
    );
}

#[test]
fn advice_received_and_plain_reminders_are_no_appeals() {
    // The passive is not expanded: "disarankan" is mostly lifestyle or medical advice.
    let t = "Presiden disarankan beristirahat oleh dokter kepresidenan.";
    reject(
        t,
        &[("Presiden", "IDNGOV"), ("dokter kepresidenan", "IDNHLH")],
        "02",
    );
    // Without "agar/supaya" a reminder is no request.
    let t = "Kapolri mengingatkan Gubernur Jawa Barat tentang jadwal rapat pekan depan.";
    reject(
        t,
        &[("Kapolri", "IDNCOP"), ("Gubernur Jawa Barat", "IDNGOV")],
        "02",
    );
}

#[test]
fn a_party_backing_a_candidate_but_not_a_theme() {
    let t = "Partai Golkar mengusung Ridwan Kamil sebagai calon gubernur Jawa Barat.";
    expect(
        t,
        &[("Partai Golkar", "IDNPTY"), ("Ridwan Kamil", "IDNGOV")],
        "Partai Golkar>Ridwan Kamil:051:mengusung",
        "mengusung",
    );
    let t = "Partai Golkar mengusung tema persatuan dalam kampanyenya tahun ini.";
    reject(t, &[("Partai Golkar", "IDNPTY")], "05");
}

#[test]
fn undergoing_and_scheduling_questioning() {
    let t = "Bupati Klaten menjalani pemeriksaan oleh penyidik KPK selama sembilan jam.";
    expect(
        t,
        &[("Bupati Klaten", "IDNGOV"), ("penyidik KPK", "IDNJUD")],
        "penyidik KPK>Bupati Klaten:091:menjalani pemeriksaan",
        "menjalani pemeriksaan",
    );
    let t = "KPK menjadwalkan pemeriksaan terhadap Wali Kota Malang pada Senin.";
    expect(
        t,
        &[("KPK", "IDNJUD"), ("Wali Kota Malang", "IDNGOV")],
        "KPK>Wali Kota Malang:091:menjadwalkan pemeriksaan",
        "menjadwalkan pemeriksaan",
    );
}

#[test]
fn charged_under_an_article_by_the_investigator() {
    let t = "Bambang disangkakan Pasal 12 Undang-Undang Tipikor oleh KPK.";
    expect(
        t,
        &[("Bambang", "IDNCRM"), ("KPK", "IDNJUD")],
        "KPK>Bambang:173:disangkakan",
        "menyangkakan",
    );
}

#[test]
fn detention_extended_but_not_a_permit() {
    let t = "KPK memperpanjang masa penahanan terhadap Bupati Kebumen selama 30 hari.";
    expect(
        t,
        &[("KPK", "IDNJUD"), ("Bupati Kebumen", "IDNGOV")],
        "KPK>Bupati Kebumen:173:memperpanjang",
        "memperpanjang",
    );
    let t = "Kementerian Hukum dan HAM memperpanjang izin tinggal Kenji Sato.";
    reject(
        t,
        &[
            ("Kementerian Hukum dan HAM", "IDNGOV"),
            ("Kenji Sato", "JPNCVL"),
        ],
        "17",
    );
}

#[test]
fn an_indictment_read_out_but_not_a_poem() {
    let t = "Jaksa KPK membacakan dakwaan terhadap Andi di Pengadilan Tipikor Jakarta.";
    expect(
        t,
        &[("Jaksa KPK", "IDNJUD"), ("Andi", "IDNCRM")],
        "Jaksa KPK>Andi:173:membacakan",
        "membacakan",
    );
    let t = "Presiden membacakan puisi untuk Ketua DPR pada malam itu.";
    reject(t, &[("Presiden", "IDNGOV"), ("Ketua DPR", "IDNLEG")], "17");
}

#[test]
fn reporting_to_the_police_intransitively() {
    let t = "Aliansi itu melapor ke Polda Metro Jaya soal ujaran kebencian.";
    expect(
        t,
        &[("Aliansi itu", "IDNNGO"), ("Polda Metro Jaya", "IDNCOP")],
        "Aliansi itu>Polda Metro Jaya:0213:melapor ke",
        "melapor ke",
    );
}

#[test]
fn police_swoop_on_a_suspect() {
    let t = "Densus 88 menyergap Abu Hasan di sebuah rumah kontrakan di Tangerang.";
    expect(
        t,
        &[("Densus 88", "IDNCOP"), ("Abu Hasan", "IDNUAF")],
        "Densus 88>Abu Hasan:173:menyergap",
        "menyergap",
    );
}

#[test]
fn ministers_in_contact() {
    let t = "Menlu Retno Marsudi berkomunikasi dengan Menlu Bangladesh soal pengungsi.";
    expect(
        t,
        &[
            ("Menlu Retno Marsudi", "IDNGOV"),
            ("Menlu Bangladesh", "BGDGOV"),
        ],
        "Menlu Retno Marsudi>Menlu Bangladesh:040:berkomunikasi dengan",
        "berkomunikasi dengan",
    );
}

#[test]
fn a_sentencing_demand_is_prosecution_not_a_demand() {
    let t = "Jaksa KPK menuntut Bupati Kebumen membayar denda Rp 500 juta.";
    expect(
        t,
        &[("Jaksa KPK", "IDNJUD"), ("Bupati Kebumen", "IDNGOV")],
        "Jaksa KPK>Bupati Kebumen:173:menuntut",
        "menuntut",
    );
    // The document itself names no defendant: no 10x demand by the prosecutor either.
    let t = "Dalam surat tuntutan jaksa KPK, nama Amir disebut berulang kali.";
    reject(t, &[("jaksa KPK", "IDNJUD")], "10");
}

#[test]
fn an_appeal_in_its_common_misspelling() {
    let t = "Kapolri menghimbau Gubernur Jawa Barat agar menjaga ketertiban selama pilkada.";
    expect(
        t,
        &[("Kapolri", "IDNCOP"), ("Gubernur Jawa Barat", "IDNGOV")],
        "Kapolri>Gubernur Jawa Barat:020:menghimbau",
        "menghimbau",
    );
}

#[test]
fn answering_a_summons_is_questioning_of_the_subject() {
    let t = "Bupati Klaten akhirnya memenuhi panggilan penyidik pada Senin pagi.";
    expect(
        t,
        &[("Bupati Klaten", "IDNGOV")],
        "->Bupati Klaten:091:memenuhi panggilan",
        "memenuhi panggilan",
    );
}

#[test]
fn announced_as_a_suspect_but_not_an_unnamed_one() {
    let t = "Rahmat diumumkan sebagai tersangka oleh Polda Metro Jaya pada Senin.";
    expect(
        t,
        &[("Rahmat", "IDNCRM"), ("Polda Metro Jaya", "IDNCOP")],
        "Polda Metro Jaya>Rahmat:173:diumumkan",
        "mengumumkan",
    );
    let t = "KPK akan segera mengumumkan tersangka baru dalam kasus itu.";
    reject(t, &[("KPK", "IDNJUD")], "17");
}

#[test]
fn calling_a_country_a_renegade_is_an_insult() {
    let t = "Moskow menyebut Georgia sebagai wilayah pembangkang pada Selasa.";
    expect(
        t,
        &[("Moskow", "RUSGOV"), ("Georgia", "GEO")],
        "Moskow>Georgia:111:menyebut",
        "menyebut",
    );
    let t = "Moskow menyebut Georgia sebagai mitra dagang penting.";
    reject(t, &[("Moskow", "RUSGOV"), ("Georgia", "GEO")], "11");
}

#[test]
fn a_warning_in_the_commemorate_spelling_but_not_a_commemoration() {
    let t = "Teheran telah memperingati Washington mengenai bahaya sanksi baru.";
    expect(
        t,
        &[("Teheran", "IRNGOV"), ("Washington", "USAGOV")],
        "Teheran>Washington:130:memperingati",
        "memperingati",
    );
    let t = "Presiden Widodo memperingati Hari Pahlawan di Surabaya.";
    reject(t, &[("Presiden Widodo", "IDNGOV")], "13");
}

#[test]
fn a_suspect_led_away_by_the_police_but_not_a_ball() {
    let t = "Kedua tersangka Budi dan Anton digiring Polres Bogor pada Senin malam.";
    expect(
        t,
        &[("Budi", "IDNCRM"), ("Polres Bogor", "IDNCOP")],
        "Polres Bogor>Budi:173:digiring",
        "menggiring",
    );
    let t = "Pemain Persib menggiring bola ke depan gawang Bali United.";
    reject(t, &[("Persib", "IDNSPT"), ("Bali United", "IDNSPT")], "17");
}

// ---- session 5: KPK, police and courts ----

#[test]
fn a_court_declares_a_defendant_guilty_but_not_a_plea_of_innocence() {
    let t = "Majelis hakim menyatakan Budi terbukti menerima suap dari kontraktor.";
    expect(
        t,
        &[("Majelis hakim", "IDNJUD"), ("Budi", "IDNCRM")],
        "Majelis hakim>Budi:116:menyatakan",
        "menyatakan",
    );
    let t = "Andi dinyatakan bersalah oleh Pengadilan Negeri Medan pada Kamis.";
    expect(
        t,
        &[("Andi", "IDNCRM"), ("Pengadilan Negeri Medan", "IDNJUD")],
        "Pengadilan Negeri Medan>Andi:116:dinyatakan bersalah",
        "dinyatakan bersalah",
    );
    let t = "Wali kota itu menyatakan dukungan bagi rencana Gubernur Ridwan.";
    reject(
        t,
        &[("Wali kota itu", "IDNGOV"), ("Gubernur Ridwan", "IDNGOV")],
        "11",
    );
}

#[test]
fn found_not_guilty_is_a_release() {
    let t = "Rahmat dinyatakan tidak terbukti oleh Pengadilan Tipikor Bandung.";
    expect(
        t,
        &[
            ("Rahmat", "IDNCRM"),
            ("Pengadilan Tipikor Bandung", "IDNJUD"),
        ],
        "Pengadilan Tipikor Bandung>Rahmat:0841:dinyatakan tidak terbukti",
        "dinyatakan tidak terbukti",
    );
}

#[test]
fn sexual_abuse_of_a_victim() {
    let t = "Polisi menyebut Joni mencabuli Rina di sebuah gudang kosong.";
    expect(
        t,
        &[("Polisi", "IDNCOP"), ("Joni", "IDNCRM"), ("Rina", "IDNCVL")],
        "Joni>Rina:1821:mencabuli",
        "mencabuli",
    );
    let t = "Tersangka Dedi juga menggerayangi Sinta saat rumah sepi.";
    expect(
        t,
        &[("Tersangka Dedi", "IDNCRM"), ("Sinta", "IDNCVL")],
        "Tersangka Dedi>Sinta:1821:menggerayangi",
        "menggerayangi",
    );
}

#[test]
fn a_suspect_taken_to_the_police_but_not_goods_carried() {
    let t = "Dua pemuda itu digelandang Polsek Tambun pada Sabtu malam.";
    expect(
        t,
        &[("Dua pemuda itu", "IDNCRM"), ("Polsek Tambun", "IDNCOP")],
        "Polsek Tambun>Dua pemuda itu:173:digelandang",
        "menggelandang",
    );
    let t = "Polisi membawa Agus ke Polres Bekasi untuk diperiksa.";
    expect(
        t,
        &[("Polisi", "IDNCOP"), ("Agus", "IDNCRM")],
        "Polisi>Agus:173:membawa",
        "membawa",
    );
    let t = "Presiden Joko Widodo membawa oleh-oleh untuk Perdana Menteri Lee.";
    reject(
        t,
        &[
            ("Presiden Joko Widodo", "IDNGOV"),
            ("Perdana Menteri Lee", "SGPGOV"),
        ],
        "17",
    );
}

#[test]
fn legal_action_taken_but_not_transactions_processed() {
    let t = "Kejaksaan Agung akan memproses hukum Bupati Karim pekan depan.";
    expect(
        t,
        &[("Kejaksaan Agung", "IDNJUD"), ("Bupati Karim", "IDNGOV")],
        "Kejaksaan Agung>Bupati Karim:173:memproses",
        "memproses",
    );
    let t = "Bank Mandiri memproses pinjaman Pemprov Jawa Timur dalam sepekan.";
    reject(
        t,
        &[("Bank Mandiri", "IDNBUS"), ("Pemprov Jawa Timur", "IDNGOV")],
        "17",
    );
}

#[test]
fn investigators_handle_a_case_but_not_a_patient() {
    let t = "Kasus suap itu kini ditangani Polda Sumatera Utara.";
    expect(
        t,
        &[("Polda Sumatera Utara", "IDNCOP")],
        "Polda Sumatera Utara>-:091:ditangani",
        "ditangani",
    );
    let t = "Dokter Rumah Sakit Polri menangani korban luka ringan itu.";
    reject(t, &[("Rumah Sakit Polri", "IDNCOP")], "09");
}

#[test]
fn reporting_to_the_police_in_the_short_form() {
    let t = "Keluarga korban lapor ke Polres Jakarta Selatan pada Minggu.";
    expect(
        t,
        &[
            ("Keluarga korban", "IDNCVL"),
            ("Polres Jakarta Selatan", "IDNCOP"),
        ],
        "Keluarga korban>Polres Jakarta Selatan:0213:lapor ke",
        "lapor ke",
    );
}

#[test]
fn a_plea_of_innocence_is_no_verdict_and_an_acquittal_no_conviction() {
    let t = "Siti menyatakan tidak bersalah dalam kasus yang disangkakan KPK.";
    let evs = code(t, &[("Siti", "IDNCRM"), ("KPK", "IDNJUD")]);
    let got = summary(t, &evs);
    assert!(
        got.iter()
            .all(|g| !g.contains(":116:") && !g.contains(":0841:")),
        "{got:?}"
    );
    let t = "Hakim Cepi menyatakan status tersangka Novanto tidak sah.";
    expect(
        t,
        &[("Hakim Cepi", "IDNJUD"), ("Novanto", "IDNLEG")],
        "Hakim Cepi>Novanto:0841:menyatakan",
        "menyatakan",
    );
    let t = "Majelis hakim menyatakan Yusuf tidak terbukti menerima suap.";
    expect(
        t,
        &[("Majelis hakim", "IDNJUD"), ("Yusuf", "IDNCRM")],
        "Majelis hakim>Yusuf:0841:menyatakan",
        "menyatakan",
    );
}

#[test]
fn a_suspect_status_and_a_statutory_charge() {
    let t = "Bupati Lukman kini berstatus tersangka dalam kasus suap izin tambang.";
    expect(
        t,
        &[("Bupati Lukman", "IDNGOV")],
        "->Bupati Lukman:173:berstatus tersangka",
        "berstatus tersangka",
    );
    let t = "Rudi terancam hukuman penjara lima tahun.";
    expect(
        t,
        &[("Rudi", "IDNCRM")],
        "->Rudi:173:terancam hukuman penjara",
        "terancam hukuman penjara",
    );
    let t = "Kedua tersangka Rudi dan Joni terancam pasal pembunuhan berencana.";
    expect(t, &[("Rudi", "IDNCRM")], "->Rudi:173:terancam", "terancam");
    let t = "Bambang diancam hukuman penjara seumur hidup oleh jaksa.";
    expect(
        t,
        &[("Bambang", "IDNCRM"), ("jaksa", "IDNJUD")],
        "jaksa>Bambang:173:diancam hukuman penjara",
        "diancam hukuman penjara",
    );
    let t = "Pemerintah Korea Utara terancam kehilangan dukungan Rusia.";
    reject(
        t,
        &[("Pemerintah Korea Utara", "PRKGOV"), ("Rusia", "RUS")],
        "17",
    );
}

#[test]
fn held_in_prison_but_not_on_a_ship() {
    let t = "Sejak Mei, Ahmad mendekam di Rutan Cipinang.";
    expect(
        t,
        &[("Ahmad", "IDNCRM")],
        "->Ahmad:173:mendekam",
        "mendekam",
    );
    let t = "Dalam film itu, Kapten Jack mendekam di kapal hantu selama sepuluh tahun.";
    reject(t, &[("Kapten Jack", "USACVL")], "17");
}

#[test]
fn a_manhunt_for_a_suspect_but_not_for_a_title() {
    let t = "Polres Bogor masih memburu pelaku Andi yang kabur ke Sukabumi.";
    expect(
        t,
        &[("Polres Bogor", "IDNCOP"), ("Andi", "IDNCRM")],
        "Polres Bogor>Andi:173:memburu",
        "memburu",
    );
    let t = "Persib masih memburu gelar juara saat menjamu Persija.";
    reject(t, &[("Persib", "IDNSPT"), ("Persija", "IDNSPT")], "17");
}

#[test]
fn in_contact_with_a_partner_and_phone_spelling() {
    let t = "KJRI New York berkomunikasi intensif dengan Kepolisian New York.";
    expect(
        t,
        &[
            ("KJRI New York", "IDNGOV"),
            ("Kepolisian New York", "USACOP"),
        ],
        "KJRI New York>Kepolisian New York:040:berkomunikasi",
        "berkomunikasi",
    );
    let t = "Menteri Retno menelefon Menteri Luar Negeri Bishop pada Senin.";
    expect(
        t,
        &[
            ("Menteri Retno", "IDNGOV"),
            ("Menteri Luar Negeri Bishop", "AUSGOV"),
        ],
        "Menteri Retno>Menteri Luar Negeri Bishop:041:menelefon",
        "menelefon",
    );
}

#[test]
fn investigators_seal_rooms_but_a_team_seals_no_win() {
    let t = "KPK menyegel ruang kerja Bupati Klaten pada Jumat malam.";
    expect(t, &[("KPK", "IDNJUD")], "KPK>-:1711:menyegel", "menyegel");
    let t = "Real Madrid menyegel kemenangan atas Leganes lewat penalti.";
    reject(t, &[("Real Madrid", "ESPSPT"), ("Leganes", "ESPSPT")], "17");
}

#[test]
fn warning_shots_are_a_threat_of_force() {
    let t = "Brimob melepaskan tembakan peringatan ke udara.";
    expect(
        t,
        &[("Brimob", "IDNCOP")],
        "Brimob>-:138:melepaskan tembakan peringatan",
        "melepaskan tembakan peringatan",
    );
}

#[test]
fn the_bare_spoken_request_but_not_an_apology() {
    let t = "Ketua DPRD Prasetyo minta Gubernur Anies menertibkan pedagang kaki lima.";
    expect(
        t,
        &[
            ("Ketua DPRD Prasetyo", "IDNLEG"),
            ("Gubernur Anies", "IDNGOV"),
        ],
        "Ketua DPRD Prasetyo>Gubernur Anies:020:minta",
        "minta",
    );
    let t = "Wali Kota Bambang minta maaf kepada warga Bekasi atas banjir itu.";
    let evs = code(
        t,
        &[("Wali Kota Bambang", "IDNGOV"), ("warga Bekasi", "IDNCVL")],
    );
    let got = summary(t, &evs);
    assert!(got.iter().all(|g| !g.contains(":020:")), "{got:?}");
    assert!(got.iter().any(|g| g.contains(":055:minta maaf")), "{got:?}");
}

#[test]
fn a_crowd_brought_out_in_numbers() {
    let t = "Partai Gerindra mengerahkan ribuan massa ke depan Gedung DPR.";
    expect(
        t,
        &[("Partai Gerindra", "IDNOPP")],
        "Partai Gerindra>-:141:mengerahkan",
        "mengerahkan",
    );
}

#[test]
fn pursuing_a_suspect_but_not_a_target() {
    let t = "Polsek Cilandak masih mengejar pelaku Dodi hingga ke Depok.";
    expect(
        t,
        &[("Polsek Cilandak", "IDNCOP"), ("Dodi", "IDNCRM")],
        "Polsek Cilandak>Dodi:173:mengejar",
        "mengejar",
    );
    let t = "Kementerian Keuangan mengejar target pajak dari Bank Mandiri.";
    reject(
        t,
        &[
            ("Kementerian Keuangan", "IDNGOV"),
            ("Bank Mandiri", "IDNBUS"),
        ],
        "17",
    );
}

#[test]
fn an_ethics_reprimand_is_a_sanction_but_un_sanctions_stay_163() {
    let t = "Dewan Etik menjatuhkan sanksi berupa teguran lisan kepada Wakil Ketua DPR Fadli.";
    expect(
        t,
        &[
            ("Dewan Etik", "IDNJUD"),
            ("Wakil Ketua DPR Fadli", "IDNLEG"),
        ],
        "Dewan Etik>Wakil Ketua DPR Fadli:116:menjatuhkan sanksi",
        "menjatuhkan sanksi",
    );
    let t = "Dewan Keamanan PBB menjatuhkan sanksi kepada Korea Utara.";
    expect(
        t,
        &[("Dewan Keamanan PBB", "IGOUNO"), ("Korea Utara", "PRK")],
        "Dewan Keamanan PBB>Korea Utara:163:menjatuhkan sanksi",
        "menjatuhkan sanksi",
    );
}

#[test]
fn it_is_feared_names_no_one_worrying() {
    let t = "Rencana Amerika Serikat itu dikhawatirkan mengganggu perundingan dengan Palestina.";
    reject(t, &[("Amerika Serikat", "USA"), ("Palestina", "PSE")], "01");
}

#[test]
fn parties_forming_a_coalition() {
    let t = "Partai Golkar resmi berkoalisi dengan PDIP dalam Pilgub Jawa Barat.";
    let evs = code(t, &[("Partai Golkar", "IDNPTY"), ("PDIP", "IDNOPP")]);
    let got = summary(t, &evs);
    assert!(
        got.iter().any(|g| g == "Partai Golkar>PDIP:050:berkoalisi"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|g| g == "PDIP>Partai Golkar:050:berkoalisi"),
        "{got:?}"
    );
}

// ---- session 6: entries tightened after reading their corpus events ----

#[test]
fn two_parties_agreeing_but_not_the_object_of_the_agreed_action() {
    let t = "Menteri Luar Negeri Malaysia dan Menteri Luar Negeri Thailand sepakat memperkuat patroli perbatasan.";
    let specs = [
        ("Menteri Luar Negeri Malaysia", "MYSGOV"),
        ("Menteri Luar Negeri Thailand", "THAGOV"),
    ];
    expect(
        t,
        &specs,
        "Menteri Luar Negeri Malaysia>Menteri Luar Negeri Thailand:030:sepakat",
        "sepakat",
    );
    expect(
        t,
        &specs,
        "Menteri Luar Negeri Thailand>Menteri Luar Negeri Malaysia:030:sepakat",
        "sepakat",
    );
    let t = "Pemerintah provinsi sepakat akan mengangkat guru honorer menjadi pegawai tetap.";
    reject(
        t,
        &[
            ("Pemerintah provinsi", "IDNGOV"),
            ("guru honorer", "IDNEDU"),
        ],
        "03",
    );
}

#[test]
fn signing_needs_a_named_agreement_not_a_player_contract() {
    let t =
        "Menteri Perdagangan Vietnam menandatangani deklarasi bersama dengan Pemerintah Kamboja.";
    expect(
        t,
        &[
            ("Menteri Perdagangan Vietnam", "VNMGOV"),
            ("Pemerintah Kamboja", "KHMGOV"),
        ],
        "Menteri Perdagangan Vietnam>Pemerintah Kamboja:057:menandatangani",
        "menandatangani",
    );
    let t = "Penyerang muda itu menandatangani kontrak baru dengan klub Inggris tersebut.";
    reject(
        t,
        &[("Penyerang muda itu", "IDNCVL"), ("klub Inggris", "GBR")],
        "05",
    );
}

#[test]
fn releasing_from_custody_but_not_acquiring_land_or_taking_a_town() {
    let t = "Pengadilan Distrik Oslo membebaskan Nordin dari dakwaan terorisme.";
    expect(
        t,
        &[("Pengadilan Distrik Oslo", "NORJUD"), ("Nordin", "NORCVL")],
        "Pengadilan Distrik Oslo>Nordin:0841:membebaskan",
        "membebaskan",
    );
    let t = "Pemerintah kabupaten membebaskan lahan milik warga untuk proyek jalan tol.";
    reject(
        t,
        &[("Pemerintah kabupaten", "IDNGOV"), ("warga", "IDNCVL")],
        "08",
    );
    let t = "Pasukan pemerintah membebaskan kota Tikrit dari kelompok pemberontak.";
    reject(
        t,
        &[("Pasukan pemerintah", "IRQMIL"), ("Tikrit", "IRQ")],
        "08",
    );
}

#[test]
fn a_case_handled_by_the_police_but_not_by_a_consultancy() {
    let t = "Kantor konsultan itu menangani kasus sengketa dagang milik perusahaan Jepang.";
    reject(
        t,
        &[
            ("Kantor konsultan itu", "IDNBUS"),
            ("perusahaan Jepang", "JPNBUS"),
        ],
        "09",
    );
    let t = "Kasus itu kini ditangani Polres Cianjur.";
    expect(
        t,
        &[("Polres Cianjur", "IDNCOP")],
        "Polres Cianjur>-:091:ditangani",
        "ditangani",
    );
}

#[test]
fn the_prosecutors_sentencing_demand_is_no_demand() {
    let t = "Vonis hakim itu lebih ringan dari tuntutan jaksa penuntut umum.";
    reject(
        t,
        &[("hakim", "IDNJUD"), ("jaksa penuntut umum", "IDNJUD")],
        "10",
    );
}

// ---- session 6: coverage for police, KPK and court news ----

#[test]
fn evidence_secured_by_investigators_but_a_suspect_secured_is_an_arrest() {
    let t = "Polres Malang mengamankan barang bukti berupa dua senjata tajam.";
    expect(
        t,
        &[("Polres Malang", "IDNCOP")],
        "Polres Malang>-:1711:mengamankan",
        "mengamankan",
    );
    let t = "Tersangka itu diamankan Polres Malang bersama barang bukti sabu.";
    let evs = code(
        t,
        &[("Tersangka itu", "IDNCRM"), ("Polres Malang", "IDNCOP")],
    );
    let got = summary(t, &evs);
    assert!(got.iter().all(|g| !g.contains(":1711:")), "{got:?}");
    assert!(
        got.iter()
            .any(|g| g == "Polres Malang>Tersangka itu:173:diamankan"),
        "{got:?}"
    );
}

#[test]
fn investigators_have_identified_a_suspect() {
    let t = "Polda Riau sudah mengantongi identitas pelaku pembakaran kantor desa itu.";
    expect(
        t,
        &[("Polda Riau", "IDNCOP"), ("pelaku", "IDNCRM")],
        "Polda Riau>pelaku:091:mengantongi identitas",
        "mengantongi identitas",
    );
}

#[test]
fn declining_to_comment_in_its_spoken_forms() {
    let t = "Juru bicara Kejaksaan Agung enggan menanggapi pertanyaan itu.";
    expect(
        t,
        &[("Juru bicara Kejaksaan Agung", "IDNJUD")],
        "Juru bicara Kejaksaan Agung>-:011:enggan menanggapi",
        "enggan menanggapi",
    );
}

#[test]
fn a_suspect_shot_by_the_police() {
    let t = "Perampok itu dihadiahi timah panas oleh Polsek Cibinong karena melawan.";
    let evs = code(
        t,
        &[("Perampok itu", "IDNCRM"), ("Polsek Cibinong", "IDNCOP")],
    );
    let got = summary(t, &evs);
    assert!(
        got.iter()
            .any(|g| g.starts_with("Polsek Cibinong>Perampok itu:1")
                && g.ends_with(":dihadiahi timah panas")),
        "{got:?}"
    );
}

#[test]
fn parties_accusing_each_other() {
    let t = "Pemerintah Sudan dan kelompok pemberontak saling menuding atas serangan itu.";
    let specs = [
        ("Pemerintah Sudan", "SDNGOV"),
        ("kelompok pemberontak", "SDNREB"),
    ];
    expect(
        t,
        &specs,
        "Pemerintah Sudan>kelompok pemberontak:112:saling menuding",
        "saling menuding",
    );
    expect(
        t,
        &specs,
        "kelompok pemberontak>Pemerintah Sudan:112:saling menuding",
        "saling menuding",
    );
}

#[test]
fn protecting_people_but_not_customers_or_a_reputation() {
    let t = "Pasukan Perancis melindungi warga sipil di kota Gao.";
    expect(
        t,
        &[("Pasukan Perancis", "FRAMIL"), ("warga sipil", "MLICVL")],
        "Pasukan Perancis>warga sipil:074:melindungi",
        "melindungi",
    );
    let t = "Kepolisian melindungi reputasi Universitas Indonesia.";
    reject(
        t,
        &[
            ("Kepolisian", "IDNCOP"),
            ("Universitas Indonesia", "IDNEDU"),
        ],
        "07",
    );
}

#[test]
fn the_signing_of_a_memorandum_between_two_parties() {
    let t = "Acara itu ditandai penandatanganan MoU antara Kementerian Perindustrian dan Pemerintah Jepang.";
    let specs = [
        ("Kementerian Perindustrian", "IDNGOV"),
        ("Pemerintah Jepang", "JPNGOV"),
    ];
    expect(
        t,
        &specs,
        "Kementerian Perindustrian>Pemerintah Jepang:057:penandatanganan",
        "penandatanganan",
    );
}

#[test]
fn denied_entry_is_an_administrative_sanction_not_a_rejection() {
    let t = "Menteri Pertahanan Malaysia ditolak masuk ke Australia pada Senin.";
    let evs = code(
        t,
        &[
            ("Menteri Pertahanan Malaysia", "MYSGOV"),
            ("Australia", "AUS"),
        ],
    );
    let got = summary(t, &evs);
    assert!(
        got.iter()
            .any(|g| g.ends_with(">Menteri Pertahanan Malaysia:172:ditolak masuk")),
        "{got:?}"
    );
    assert!(got.iter().all(|g| !g.contains(":120:")), "{got:?}");
}

#[test]
fn two_countries_signing_a_memorandum() {
    let t = "Presiden Chile menerima Presiden Peru di Santiago. Dalam pertemuan itu, kedua negara menandatangani nota kesepahaman tentang perbatasan.";
    let specs = [("Presiden Chile", "CHLGOV"), ("Presiden Peru", "PERGOV")];
    expect(
        t,
        &specs,
        "Presiden Chile>Presiden Peru:057:menandatangani nota kesepahaman",
        "menandatangani nota kesepahaman",
    );
    expect(
        t,
        &specs,
        "Presiden Peru>Presiden Chile:057:menandatangani nota kesepahaman",
        "menandatangani nota kesepahaman",
    );
    let t = "Presiden Chile menandatangani perjanjian dagang dengan Presiden Peru.";
    expect(
        t,
        &specs,
        "Presiden Chile>Presiden Peru:057:menandatangani perjanjian",
        "menandatangani perjanjian",
    );
}

#[test]
fn suspending_military_cooperation() {
    let t = "Panglima Angkatan Darat Thailand menghentikan kerja sama militer dengan Kamboja.";
    expect(
        t,
        &[
            ("Panglima Angkatan Darat Thailand", "THAMIL"),
            ("Kamboja", "KHM"),
        ],
        "Panglima Angkatan Darat Thailand>Kamboja:1622:menghentikan kerja sama militer",
        "menghentikan kerja sama militer",
    );
    let t = "Pemerintah Fiji menangguhkan kerja sama dengan Pemerintah Tonga.";
    expect(
        t,
        &[
            ("Pemerintah Fiji", "FJIGOV"),
            ("Pemerintah Tonga", "TONGOV"),
        ],
        "Pemerintah Fiji>Pemerintah Tonga:160:menangguhkan kerja sama",
        "menangguhkan kerja sama",
    );
}
