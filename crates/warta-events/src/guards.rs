//! Precision guards and modality refinements (session 6): what a sentence says did NOT happen,
//! is only asked, hoped or possible, or is sport, entertainment, a label or a metaphor.
//!
//! Every function here is a small, word-list driven test over the lower-cased token keys of
//! the coder (`keys`), the trigger's head token and the sentence's token range; `lib.rs` only
//! calls them. Word lists are kept here so that a linguist can read and extend them.

use warta_core::Modality;
use warta_text::Sentence;

/// What kind of report a word belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    /// A word that only occurs in sports reports (counted per document; one in a sentence makes
    /// it a sports sentence).
    Sport,
    /// Sport words also used elsewhere (`pelatih militer`, `babak baru`, `lima menit`): they
    /// only count towards a whole sports report.
    SportWeak,
    /// Fiction and entertainment: one of these makes the sentence state no political event.
    Fiction,
    /// Entertainment and celebrity words that are also used figuratively ("drama politik"):
    /// they only count towards a whole entertainment report.
    Show,
}

/// The field of a word key, if any (one `match` per token, computed once per document).
fn field(k: &str) -> Option<Field> {
    // Every listed word is 2..=14 bytes: most tokens return here at once.
    if !(2..=14).contains(&k.len()) {
        return None;
    }
    Some(match k {
        "gol" | "laga" | "pertandingan" | "klub" | "skor" | "liga" | "turnamen" | "kiper"
        | "striker" | "timnas" | "stadion" | "bertanding" | "wasit" | "penalti" | "sepak"
        | "klasemen" | "semifinal" | "gelandang" | "tendangan" | "suporter" | "olimpiade"
        | "bulutangkis" | "pebulutangkis" | "petinju" | "pembalap" | "sepakbola"
        | "pesepakbola" | "futsal" | "pssi" | "fifa" | "uefa" | "skuad" | "skuat" | "derbi"
        | "offside" | "bobotoh" | "jakmania" | "aremania" | "petenis" | "pebalap" | "motogp"
        | "hattrick" | "trofi" => Field::Sport,
        "pemain" | "babak" | "piala" | "tandang" | "kandang" | "pelatih" | "bola" | "juara"
        | "final" | "menit" | "umpan" | "bertahan" | "bek" | "atlet" | "kompetisi" | "sirkuit"
        | "medali" | "kejuaraan" => Field::SportWeak,
        "film" | "sinetron" | "novel" | "serial" | "sutradara" | "trailer" | "adegan"
        | "karakter" | "tokoh-tokoh" | "gim" | "konser" | "lagu" | "album" | "penyanyi"
        | "aktor" | "aktris" | "pemeran" | "sekuel" | "fiksi" | "fiktif" | "syuting" => {
            Field::Fiction
        }
        "selebriti" | "artis" | "pesinetron" | "musisi" | "hollywood" | "bollywood" | "episode"
        | "bioskop" | "penggemar" | "vokalis" | "rapper" | "produser" | "penonton" | "panggung"
        | "drama" | "komedi" | "band" | "penulis" | "buku" | "selebritas" | "model" | "kontes"
        | "ratu" | "penyihir" | "superhero" => Field::Show,
        _ => return None,
    })
}

/// The fields of a document, decided once: a sports or entertainment report as a whole, and
/// per sentence whether it names sport or fiction.
pub(crate) struct Domains {
    /// Three different sport words anywhere: a sports report.
    pub sport_doc: bool,
    /// Three different fiction or entertainment words anywhere: an entertainment report.
    pub show_doc: bool,
    /// Per sentence: an unambiguous sport word in it.
    pub sport: Vec<bool>,
    /// Per sentence: a fiction word in it.
    pub fiction: Vec<bool>,
}

impl Domains {
    pub fn of(keys: &[&str], sentences: &[Sentence]) -> Domains {
        let mut sport = vec![false; sentences.len()];
        let mut fiction = vec![false; sentences.len()];
        let mut seen_sport: Vec<&str> = Vec::new();
        let mut seen_show: Vec<&str> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let Some(ks) = keys.get(s.tokens.clone()) else {
                continue;
            };
            for k in ks {
                let Some(f) = field(k) else { continue };
                let seen = match f {
                    Field::Sport => {
                        sport[si] = true;
                        &mut seen_sport
                    }
                    Field::Fiction => {
                        fiction[si] = true;
                        &mut seen_show
                    }
                    Field::SportWeak => &mut seen_sport,
                    Field::Show => &mut seen_show,
                };
                if seen.len() < 3 && !seen.contains(k) {
                    seen.push(k);
                }
            }
        }
        Domains {
            sport_doc: seen_sport.len() >= 3,
            show_doc: seen_show.len() >= 3,
            sport,
            fiction,
        }
    }
}

/// Words that end the clause a trigger stands in, looking back or forth.
fn clause_end(k: &str) -> bool {
    matches!(
        k,
        "." | ";" | "!" | "namun" | "tetapi" | "tapi" | "sedangkan" | "padahal" | "sementara"
    )
}

/// A question, direct or indirect: the clause ends with `?` (`apakah dia bertemu X?`, `kenapa
/// harus ada KPK?`), or `apakah` / a `-kah` question word opens it (`belum mau berandai-andai
/// apakah penyidik akan menahan X`). What is asked is not stated.
pub(crate) fn question(keys: &[&str], head: usize, range: &std::ops::Range<usize>) -> bool {
    for k in &keys[head..range.end] {
        if *k == "?" {
            return true;
        }
        if clause_end(k) {
            break;
        }
    }
    let mut i = head;
    while i > range.start && head - i < 12 {
        i -= 1;
        let k = keys[i];
        // ("mengapa menunggu KPK yang tetap menolak hadir": a relative clause states a fact.)
        if clause_end(k) || k == "?" || k == "yang" {
            break;
        }
        if matches!(
            k,
            "apakah"
                | "benarkah"
                | "betulkah"
                | "mengapa"
                | "kenapa"
                | "bagaimana"
                | "bagaimanakah"
                | "siapakah"
        ) {
            return true;
        }
    }
    false
}

/// Words before a trigger that make it habitual or a competence, not an event: `jarang
/// menemui`, `berwenang menangkap`, `bertugas membantu`, `bertanggung jawab membantu`. (`kerap/sering mengkritik`, a repeated
/// act, is coded by the gold: not here.)
const HABITUAL: &[&str] = &[
    "jarang",
    "terbiasa",
    "biasanya",
    "berwenang",
    "bertugas",
    "kewenangan",
    "wewenang",
    "tugasnya",
    "fungsinya",
    "jawab",
];

/// Words allowed between a habitual word and its verb.
const GAP: &[&str] = &[
    "untuk",
    "kali",
    "juga",
    "pun",
    "kali",
    "melakukan",
    "akan",
    "bisa",
    "dapat",
    "tidak",
    "tak",
    "sudah",
    "telah",
    "lagi",
    "secara",
    "langsung",
    "mampu",
];

/// A habitual statement or a competence (see [`HABITUAL`]).
pub(crate) fn habitual(keys: &[&str], head: usize, start: usize) -> bool {
    let mut i = head;
    while i > start && head - i < 4 {
        i -= 1;
        let k = keys[i];
        if HABITUAL.contains(&k) {
            return true;
        }
        if !GAP.contains(&k) {
            return false;
        }
    }
    false
}

/// Heads of a noun phrase that only name someone by an event or the case it belongs to:
/// `pelaku penyerangan`, `pentolan demonstrasi`, `dalang kerusuhan`. The event noun after them
/// is a label, not an event stated here.
const LABEL_HEADS: &[&str] = &["pelaku", "pentolan", "dalang", "otak", "eksekutor"];

/// An event noun used as a label (see [`LABEL_HEADS`]). The coder drops it only when the
/// noun names no patient (`pelaku pembunuhan keluarga X` states the killing of X).
pub(crate) fn label(keys: &[&str], start: usize, sent_start: usize) -> bool {
    start > sent_start && LABEL_HEADS.contains(&keys[start - 1])
}

/// Groups named by what they do: `kelompok teror ISIS`, `jaringan teror`, `sel teror`. The
/// event noun classifies the group (whatever follows it), it states no event.
pub(crate) fn group_label(keys: &[&str], start: usize, sent_start: usize) -> bool {
    start > sent_start
        && matches!(
            keys[start - 1],
            "kelompok"
                | "jaringan"
                | "sel"
                | "organisasi"
                | "grup"
                | "gerakan"
                | "kelompok-kelompok"
        )
}

/// Words around a trigger that make it private or religious, not political: a prayer (`meminta
/// doa`, `memohon bantuan hanya kepada Tuhan`), a divorce (`menggugat cerai`), an invitation to
/// anyone (`silakan ... lapor ke polisi`).
pub(crate) fn private(
    keys: &[&str],
    start: usize,
    end: usize,
    range: &std::ops::Range<usize>,
) -> bool {
    let after = &keys[(end + 1).min(range.end)..(end + 5).min(range.end)];
    if after
        .iter()
        .any(|k| matches!(*k, "doa" | "tuhan" | "allah" | "cerai" | "perceraian"))
    {
        return true;
    }
    let from = start.saturating_sub(12).max(range.start);
    keys[from..start].iter().any(|k| {
        matches!(
            *k,
            "silakan" | "silahkan" | "dipersilakan" | "dipersilahkan"
        )
    })
}

/// A release (08x) of a territory is a military advance, and of land an acquisition, no release
/// of people: `membebaskan wilayah Irak dari ISIS`, `lahan yang dibebaskan`.
pub(crate) fn territory(keys: &[&str], start: usize, end: usize, range_end: usize) -> bool {
    // ("lahan yang dibebaskan", "pembebasan lahan": land acquired, no one released.)
    let land = |k: &&str| matches!(*k, "lahan" | "tanah");
    (start >= 1 && keys.get(start - 1).is_some_and(land))
        || (start >= 2 && keys[start - 1] == "yang" && keys.get(start - 2).is_some_and(land))
        || keys
            .get(end + 1)
            .filter(|_| end + 1 < range_end)
            .is_some_and(land)
        || keys
            .get(end + 1)
            .filter(|_| end + 1 < range_end)
            .is_some_and(|k| {
                matches!(
                    *k,
                    "wilayah" | "kota" | "daerah" | "desa" | "kawasan" | "distrik" | "provinsi"
                )
            })
}

/// A verb that opens a relative clause (`insiden yang (diduga) menewaskan 22 orang`): its
/// subject is the noun before `yang`, never an actor named after it (`..., polisi ...`).
pub(crate) fn relative_verb(keys: &[&str], head: usize, sent_start: usize) -> bool {
    let mut i = head;
    while i > sent_start && head - i < 3 {
        i -= 1;
        match keys[i] {
            "yang" => return true,
            "diduga" | "telah" | "sudah" | "juga" | "kemudian" | "sempat" | "pernah" => {}
            _ => return false,
        }
    }
    false
}

/// Inanimate causes and things: `dikepung sampah`, `diserang penyakit`, `menyerang sistem
/// operasi`. A violent or coercive verb with one of them right after it is a metaphor. (Not
/// `air`, `api`: `penyiraman air keras` is an acid attack, `senjata api` a firearm.)
const INANIMATE: &[&str] = &[
    "sampah",
    "penyakit",
    "wabah",
    "virus",
    "banjir",
    "asap",
    "hama",
    "ombak",
    "gelombang",
    "kemacetan",
    "macet",
    "rasa",
    "kantuk",
    "sistem",
    "komputer",
    "server",
    "situs",
    "perangkat",
    "data",
    "ransomware",
    "malware",
    "kanker",
    "demam",
    "nyamuk",
    "kekeringan",
    "pertanyaan",
    "isu",
    "jabatan",
    "posisi",
    "kursi",
    "peringkat",
    "urutan",
];

/// A metaphor: a violent or coercive verb (roots 13, 17-20) whose word right after is an inanimate thing
/// (see [`INANIMATE`]), or whose subject right before is one (`Ransomware menyerang`).
pub(crate) fn metaphor(keys: &[&str], start: usize, end: usize, range_end: usize) -> bool {
    let after = keys.get(end + 1).filter(|_| end + 1 < range_end);
    let before = start.checked_sub(1).and_then(|i| keys.get(i));
    after.is_some_and(|k| INANIMATE.contains(k))
        || before.is_some_and(|k| matches!(*k, "ransomware" | "malware" | "virus" | "penyakit"))
        // ("juara (ketiga) diduduki X": a ranking is held, not a place occupied.)
        || keys[start.saturating_sub(2)..start]
            .iter()
            .any(|k| matches!(*k, "juara" | "peringkat" | "posisi"))
}

/// A law or regulation quoted: `pasal 9 ayat 2 berbunyi '... harus ...'`. Its obligations are
/// the law's, no one's appeal.
pub(crate) fn cites_law(keys: &[&str], range: &std::ops::Range<usize>) -> bool {
    keys[range.clone()].iter().any(|k| {
        matches!(
            *k,
            "pasal" | "ayat" | "berbunyi" | "undang-undang" | "uu" | "perppu" | "perpu"
        )
    })
}

/// Hopes, wishes, ideas and purposes: what follows them is not stated as having happened
/// (`berharap status JC-nya dikabulkan`, `melontarkan gagasan untuk memperkuat hubungan`, `uang
/// diberikan agar X menyetujui`).
const HOPES: &[&str] = &[
    "berharap",
    "mengharapkan",
    "harapan",
    "harapannya",
    "diharapkan",
    "semoga",
    "mudah-mudahan",
    "menargetkan",
    "ditargetkan",
    "bercita-cita",
    "berdoa",
    "mendambakan",
    "berkeinginan",
    "ingin",
    "menginginkan",
    "gagasan",
    "wacana",
    "usulan",
    "agar",
    "supaya",
];

/// Words of possibility right before a trigger (over modal words): `kemungkinan menyerang`,
/// `bisa dipenjara`, `tidak menutup kemungkinan mendukung`, `membuka kemungkinan`, `seharusnya
/// tiba` (should have: it did not), `kemampuan untuk mengebom` (a capability).
const POSSIBLE: &[&str] = &[
    "mungkin",
    "kemungkinan",
    "dimungkinkan",
    "berpotensi",
    "berpeluang",
    "peluang",
    "bisa",
    "bisa-bisa",
    "terancam",
    "seharusnya",
    "semestinya",
    "sepatutnya",
    "kemampuan",
    "mampu",
];

/// Words allowed between a modal word and its verb (a subset of the coder's).
const MODAL_GAP: &[&str] = &[
    "untuk",
    "akan",
    "juga",
    "pun",
    "segera",
    "kembali",
    "secara",
    "langsung",
    "saja",
    "lagi",
    "besar",
    "ikut",
    "turut",
    "melakukan",
    "mengajukan",
    "memberikan",
    "menggelar",
    "melanjutkan",
    "meneruskan",
];

/// The modality the words around the trigger give beyond the coder's own scan.
///
/// - `bukan berarti` / `tidak berarti (bahwa) ...`: negated;
/// - a possibility word before the verb (see [`POSSIBLE`]): conditional, unless negated
///   between them (`tidak mungkin` stays negated);
/// - the consequence of a sentence that opens with a condition (`Jika X, maka Y`): conditional;
/// - what follows a hope or target in the same clause: intended.
pub(crate) fn refine(
    keys: &[&str],
    head: usize,
    range: &std::ops::Range<usize>,
    m: Modality,
) -> Modality {
    let start = range.start;
    // Look back over the clause once.
    let mut i = head;
    let mut near = true;
    while i > start && head - i < 14 {
        i -= 1;
        let k = keys[i];
        if clause_end(k) {
            break;
        }
        if k == "berarti"
            && i > start
            && matches!(keys[i - 1], "bukan" | "tidak" | "tak")
            && head - i <= 8
        {
            return Modality::Negated;
        }
        // "berupaya mencegah (terjadinya) bentrokan": what is prevented does not happen.
        if head - i <= 2
            && matches!(
                k,
                "mencegah" | "menghindari" | "menghindarkan" | "menangkal" | "mencegahnya"
            )
        {
            return Modality::Negated;
        }
        // "membantah meminta uang", "menampik pernah bertemu X", "membantah adanya pertemuan":
        // what is denied is not stated.
        if head - i <= 3
            && matches!(
                k,
                "membantah" | "menampik" | "menyangkal" | "membantahnya" | "dibantah"
            )
            && keys[i + 1..head]
                .iter()
                .all(|g| matches!(*g, "pernah" | "telah" | "sudah" | "adanya" | "melakukan"))
        {
            return Modality::Negated;
        }
        // "tidak boleh masuk untuk menemui X": the purpose of what did not happen did not either.
        if keys[head - 1] == "untuk"
            && head - i <= 7
            && matches!(
                k,
                "tidak" | "tak" | "belum" | "batal" | "gagal" | "dilarang"
            )
        {
            return Modality::Negated;
        }
        if near {
            if POSSIBLE.contains(&k) {
                // "tidak mungkin": impossible, already negated; "tidak menutup kemungkinan",
                // "membuka kemungkinan": possible.
                // "tidak bisa melanjutkan perjalanannya": negated.
                let denied = k != "kemungkinan"
                    && i > start
                    && matches!(keys[i - 1], "tidak" | "tak" | "belum");
                if denied {
                    return Modality::Negated;
                }
                if m != Modality::Negated {
                    return Modality::Conditional;
                }
            } else if !(MODAL_GAP.contains(&k)
                || matches!(
                    k,
                    "tidak" | "tak" | "sudah" | "telah" | "dapat" | "ingin" | "harus"
                ))
            {
                near = false;
            }
        }
    }
    let seen_hope = hoped(keys, head, range);
    if m == Modality::Asserted || m == Modality::Future {
        // ("Jika X, Y meminta ...": a present consequence stays asserted; "Jika X, maka Y" and
        // "Jika X, Y akan ..." are hypothetical.)
        if conditional_sentence(keys, head, range)
            && (m == Modality::Future || keys[range.start..head].contains(&"maka"))
        {
            return Modality::Conditional;
        }
        if seen_hope {
            return Modality::Intended;
        }
    }
    m
}

/// A hope, wish, idea or purpose (see [`HOPES`]) governs the trigger: it stands before it in the
/// same clause, not across a comma or a sequence word, and the trigger opens no relative clause.
pub(crate) fn hoped(keys: &[&str], head: usize, range: &std::ops::Range<usize>) -> bool {
    // ("berharap pelaku yang menyerang X ditangkap": a relative clause states a fact.)
    if head <= range.start || keys[head - 1] == "yang" {
        return false;
    }
    let mut i = head;
    while i > range.start && head - i < 14 {
        i -= 1;
        let k = keys[i];
        // (A hope governs its own clause: "ingin investasi, kemudian keduanya berkomunikasi".)
        if clause_end(k)
            || matches!(
                k,
                "," | "kemudian" | "lalu" | "setelah" | "sebelum" | "karena"
            )
        {
            return false;
        }
        if HOPES.contains(&k) {
            return true;
        }
    }
    false
}

/// A sentence that opens with a condition (`Jika dinyatakan bersalah, (maka) dia ...`): the
/// main clause after it is its consequence.
fn conditional_sentence(keys: &[&str], head: usize, range: &std::ops::Range<usize>) -> bool {
    let mut i = range.start;
    // Skip quote marks and a leading conjunction.
    while i < head
        && i < range.start + 3
        && matches!(keys[i], "\"" | "“" | "'" | "dan" | "namun" | "tapi" | "")
    {
        i += 1;
    }
    if i >= head
        || !matches!(
            keys[i],
            "jika" | "kalau" | "apabila" | "bila" | "seandainya" | "andaikan"
        )
    {
        return false;
    }
    !keys[i..head].iter().any(|k| matches!(*k, "." | ";" | "?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn question_by_mark_or_word() {
        let k = keys("apakah dia akan menemui menteri itu ?");
        assert!(question(&k, 3, &(0..k.len())));
        let k = keys("dia menemui menteri itu kemarin .");
        assert!(!question(&k, 1, &(0..k.len())));
        let k = keys("mengapa menunggu lembaga yang tetap menolak hadir");
        assert!(!question(&k, 5, &(0..k.len())));
        let k = keys("polisi menangkap jaringan pengedar itu");
        assert!(!metaphor(&k, 1, 1, k.len()));
        let k = keys("dia belum tahu apakah polisi akan menahan tersangka .");
        assert!(question(&k, 6, &(0..k.len())));
    }

    #[test]
    fn refine_modality() {
        let k = keys("tidak berarti bahwa kami mendukung partai itu");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Negated);
        let k = keys("polisi tidak menutup kemungkinan menahan tersangka");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Conditional);
        let k = keys("polisi tidak mungkin menahan tersangka");
        let r = 0..k.len();
        assert_eq!(refine(&k, 3, &r, Modality::Negated), Modality::Negated);
        let k = keys("jika terbukti , maka dia bisa dipenjara");
        let r = 0..k.len();
        assert_eq!(refine(&k, 6, &r, Modality::Asserted), Modality::Conditional);
        let k = keys("dia berharap permohonannya segera dikabulkan hakim");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Intended);
        let k = keys("polisi menahan tersangka itu kemarin");
        let r = 0..k.len();
        assert_eq!(refine(&k, 1, &r, Modality::Asserted), Modality::Asserted);
    }

    #[test]
    fn habitual_and_label_and_metaphor() {
        let k = keys("dia jarang menemui menteri");
        assert!(habitual(&k, 2, 0));
        let k = keys("dia kemarin menemui menteri");
        assert!(!habitual(&k, 2, 0));
        let k = keys("polisi menangkap pelaku penyerangan itu");
        assert!(label(&k, 3, 0));
        assert!(!label(&k, 1, 0));
        let k = keys("kota itu dikepung sampah");
        assert!(metaphor(&k, 2, 2, k.len()));
        let k = keys("kota itu dikepung tentara");
        assert!(!metaphor(&k, 2, 2, k.len()));
    }

    #[test]
    fn prevention_purpose_and_ideas() {
        let k = keys("polisi berupaya mencegah bentrokan kedua kelompok");
        let r = 0..k.len();
        assert_eq!(refine(&k, 3, &r, Modality::Intended), Modality::Negated);
        let k = keys("mereka tidak boleh masuk untuk menemui menteri");
        let r = 0..k.len();
        assert_eq!(refine(&k, 5, &r, Modality::Asserted), Modality::Negated);
        let k = keys("mereka tidak boleh masuk ke dalam untuk menemui menteri");
        let r = 0..k.len();
        assert_eq!(refine(&k, 7, &r, Modality::Asserted), Modality::Negated);
        let k = keys("pesawat itu punya kemampuan untuk mengebom");
        let r = 0..k.len();
        assert_eq!(refine(&k, 5, &r, Modality::Asserted), Modality::Conditional);
        let k = keys("mereka boleh masuk untuk menemui menteri");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Asserted);
        let k = keys("uang diberikan agar pejabat itu menyetujui proyek");
        let r = 0..k.len();
        assert_eq!(refine(&k, 5, &r, Modality::Asserted), Modality::Intended);
        let k = keys("ia melontarkan gagasan untuk memperkuat hubungan kedua negara");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Intended);
        let k = keys("ia ingin investasi , kemudian keduanya berkomunikasi");
        let r = 0..k.len();
        assert_eq!(refine(&k, 6, &r, Modality::Asserted), Modality::Asserted);
    }

    #[test]
    fn denied_content_and_should_have() {
        let k = keys("ia membantah pernah menemui anggota dewan");
        let r = 0..k.len();
        assert_eq!(refine(&k, 3, &r, Modality::Asserted), Modality::Negated);
        let k = keys("ia membantah tuduhan itu dan menemui anggota dewan");
        let r = 0..k.len();
        assert_eq!(refine(&k, 5, &r, Modality::Asserted), Modality::Asserted);
        let k = keys("keluarga itu seharusnya tiba di sana pekan depan");
        let r = 0..k.len();
        assert_eq!(refine(&k, 3, &r, Modality::Asserted), Modality::Conditional);
    }

    #[test]
    fn cannot_continue_and_how() {
        let k = keys("mereka tak bisa melanjutkan perjalanannya di kota itu");
        let r = 0..k.len();
        assert_eq!(refine(&k, 4, &r, Modality::Asserted), Modality::Negated);
        let k = keys("mereka bisa melanjutkan perjalanannya");
        let r = 0..k.len();
        assert_eq!(refine(&k, 3, &r, Modality::Asserted), Modality::Conditional);
        let k = keys("kami membahas bagaimana membantu pengusaha kecil");
        assert!(question(&k, 3, &(0..k.len())));
        let k = keys("dia ingin hutan itu dikembalikan");
        assert!(hoped(&k, 4, &(0..k.len())));
        let k = keys("dia ingin pulang , lalu hutan itu dikembalikan");
        assert!(!hoped(&k, 7, &(0..k.len())));
    }

    #[test]
    fn groups_prayers_and_territory() {
        let k = keys("jaringan kelompok teror itu");
        assert!(group_label(&k, 2, 0));
        let k = keys("aksi teror itu");
        assert!(!group_label(&k, 1, 0));
        let k = keys("dia meminta doa dari para penggemarnya");
        assert!(private(&k, 1, 1, &(0..k.len())));
        let k = keys("silakan warga yang dirugikan lapor ke polisi");
        assert!(private(&k, 5, 5, &(0..k.len())));
        let k = keys("dia meminta bantuan dari pemerintah");
        assert!(!private(&k, 1, 1, &(0..k.len())));
        let k = keys("pasukan membebaskan wilayah itu dari milisi");
        assert!(territory(&k, 1, 1, k.len()));
        let k = keys("pengadilan membebaskan terdakwa itu");
        assert!(!territory(&k, 1, 1, k.len()));
        let k = keys("lahan yang dibebaskan untuk jalan tol");
        assert!(territory(&k, 2, 2, k.len()));
        let k = keys("juara ketiga diduduki tim itu");
        assert!(metaphor(&k, 2, 2, k.len()));
    }

    #[test]
    fn domains_once_per_document() {
        let k = keys("klub itu menang . laga usai . wasit pulang . pelatih datang");
        let sents = vec![
            Sentence {
                span: warta_core::Span::new(0, 1),
                tokens: 0..4,
            },
            Sentence {
                span: warta_core::Span::new(0, 1),
                tokens: 4..7,
            },
            Sentence {
                span: warta_core::Span::new(0, 1),
                tokens: 7..10,
            },
            Sentence {
                span: warta_core::Span::new(0, 1),
                tokens: 10..12,
            },
        ];
        let d = Domains::of(&k, &sents);
        assert!(d.sport_doc && !d.show_doc);
        assert_eq!(d.sport, vec![true, true, true, false]);
        let k = keys("menteri datang ke kantor");
        let d = Domains::of(&k, &sents[..1]);
        assert!(!d.sport_doc && !d.sport[0] && !d.fiction[0]);
    }
}
