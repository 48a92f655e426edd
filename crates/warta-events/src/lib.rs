//! The event coder: who did what to whom, when and where.
//!
//! A chunk-based coder over the tokens of [`TextDoc`]:
//! 1. triggers are found by one hash lookup per word in the dictionary index (`data/verbs.tsv`,
//!    meN- entries also match their di-/ter- passives), with multi-word forms and complements;
//! 2. actors are the coded entities (pronouns through `refers_to`), grouped when adjacent;
//! 3. roles follow voice: active (subject = nearest actor to the left not behind a
//!    preposition, object = first actor to the right or behind `dengan`/`kepada`/`ke`/...),
//!    passive (subject = target, `oleh X`/the actor after the verb = source), nominal (the
//!    genitive actor after the noun = source), with coordination (`A dan B`) and enumerations;
//! 4. modality from the words before the trigger; date from the sentence's time expression or
//!    the article date; place from `di X` or the dateline; repeated events merged (`mentions`).

pub mod cameo;
pub mod dict;
pub mod eval;
mod guards;
pub mod morph;
mod roles;

use cameo::CameoTable;
use dict::{Lexicon, Trigger, Voice};
use warta_core::{ActorRef, Entity, Event, Modality, Place, Span, TimeMention};
use warta_text::{TextDoc, Token};

/// Prepositions that mark an actor as not being a subject.
const PREPS: &[&str] = &[
    "di", "ke", "dari", "dengan", "kepada", "terhadap", "untuk", "oleh", "atas", "pada", "antara",
    "bagi", "tentang", "mengenai", "bersama", "melawan", "menuju", "sejak", "hingga", "sampai",
    "terkait", "soal", "dalam", "seperti", "tanpa", "oleh", "pihak", "versus", "lawan", "dan",
    "serta", "atau",
];
/// Prepositions that introduce a target.
const TARGET_PREPS: &[&str] = &[
    "dengan", "kepada", "terhadap", "ke", "atas", "bagi", "untuk", "melawan", "antara", "menuju",
    "pada", "versus", "lawan", "bersama",
];
/// Verbs of saying: their subject is not an object of anything.
const SPEECH: &[&str] = &[
    "mengatakan",
    "menyatakan",
    "mengungkapkan",
    "menegaskan",
    "menjelaskan",
    "menyebutkan",
    "mengumumkan",
    "melaporkan",
    "menambahkan",
    "menyampaikan",
    "memperkirakan",
    "mengklaim",
    "menilai",
    "menganggap",
    "menyebut",
    "berkata",
    "mengaku",
    "menuturkan",
    "memastikan",
    "mengingatkan",
    "mengutip",
    "menurut",
    "menduga",
    "meyakini",
    "mengira",
    "lapor",
    "kata",
    "ujar",
    "tutur",
];
const STRONG_BOUNDARY: &[&str] = &[";", "namun", "tetapi", "sedangkan", "sementara", "padahal"];
const CLAUSE_BOUNDARY: &[&str] = &[
    ".",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "bahwa",
    "yang",
    "namun",
    "tetapi",
    "sedangkan",
    "sementara",
    "karena",
    "sehingga",
    "ketika",
    "setelah",
    "sebelum",
    "saat",
    "sejak",
    "agar",
    "supaya",
    "guna",
];
const NEGATION: &[&str] = &[
    "tidak",
    "tak",
    "belum",
    "bukan",
    "batal",
    "urung",
    "enggan",
    "gagal",
    "berhalangan",
];
const FUTURE: &[&str] = &[
    "akan",
    "bakal",
    "dijadwalkan",
    "direncanakan",
    "rencananya",
    "segera",
    "hendak",
];
const INTENT: &[&str] = &[
    "ingin",
    "bertujuan",
    "berkeinginan",
    "berupaya",
    "berusaha",
    "bertekad",
    "berencana",
    "merencanakan",
    "berniat",
    "mau",
    "berharap",
    "berambisi",
    "menginginkan",
    "mengupayakan",
    "sepakat",
    "bersepakat",
    "setuju",
    "berjanji",
    "berkomitmen",
    "bersedia",
    "siap",
    "mencoba",
    "keinginan",
    "rencana",
    "upaya",
    "bermaksud",
];
const CONDITIONAL: &[&str] = &[
    "jika",
    "kalau",
    "apabila",
    "bila",
    "jikalau",
    "seandainya",
    "andaikan",
];
/// Words allowed between a modal word and the trigger.
const MODAL_GAP: &[&str] = &[
    "untuk", "akan", "telah", "sudah", "sedang", "masih", "juga", "pun", "bisa", "dapat", "tidak",
    "tak", "belum", "segera", "kembali", "secara", "langsung", "menolak", "ingin", "berupaya",
    "terus", "lebih", "saling", "semakin", "pernah", "begitu", "saja", "mampu", "boleh", "perlu",
    "lagi", "mau", "harus",
];
const PRONOUNS: &[&str] = &["ia", "dia", "beliau"];
/// Plural and group pronouns: the last actor that stood as a subject before them.
const GROUP_PRONOUNS: &[&str] = &[
    "mereka",
    "pihaknya",
    "ketiganya",
    "keempatnya",
    "kelimanya",
    "keenamnya",
    "semuanya",
];
/// First-person pronouns: in a quote, the speaker named in its attribution (`kata X`).
const FIRST_PRONOUNS: &[&str] = &["kami", "kita", "saya", "aku"];
/// Attribution verbs after a quote: `..., kata X`.
const ATTRIBUTION: &[&str] = &["kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "tegas"];
/// Buildings and posts: "serangan pos polisi" names the attacked, not the attacker.
const PLACE_NOUNS: &[&str] = &[
    "kantor",
    "pos",
    "markas",
    "pangkalan",
    "gedung",
    "rumah",
    "kedutaan",
    "sekolah",
    "desa",
    "kota",
    "kamp",
    "masjid",
    "gereja",
    "pasar",
    "hotel",
    "bandara",
    "penjara",
    "konsulat",
];
/// Words after an attack word that make it no act of violence.
const NOT_VIOLENCE: &[&str] = &[
    "jantung", "siber", "asma", "stroke", "virus", "hama", "panik", "fajar", "malware", "peretas",
    "hacker",
];
/// Words of dying or being wounded before "dalam serangan": their subject is the victim.
const DEATH: &[&str] = &[
    "tewas",
    "korban",
    "terbunuh",
    "meninggal",
    "terluka",
    "luka-luka",
    "gugur",
    "cedera",
    "tertembak",
];
/// Concessive conjunctions: "walaupun harus ..." is a necessity, not a demand.
const CONCESSIVE: &[&str] = &[
    "walaupun",
    "meskipun",
    "meski",
    "walau",
    "biarpun",
    "sekalipun",
];
/// Words between a peN-an noun and an actor that make the actor part of its topic.
const CASE_NOUNS: &[&str] = &["kasus", "dugaan", "perkara", "keterlibatan", "soal", "isu"];
/// Health checks: "diperiksa kesehatannya" is no investigation (091).
const HEALTH: &[&str] = &[
    "kesehatan",
    "kesehatannya",
    "medis",
    "kejiwaan",
    "psikologis",
    "fisik",
    "urine",
    "darah",
    "forensik",
];
/// Travellers whose visits are private: "wisatawan Yordania yang berkunjung ke Indonesia".
const VISITORS: &[&str] = &[
    "wisatawan",
    "turis",
    "pelancong",
    "pengunjung",
    "jemaah",
    "pemudik",
];
/// Goods that are endangered, not threatened by someone: "mengancam keamanan".
const ENDANGERED: &[&str] = &[
    "keamanan",
    "stabilitas",
    "perdamaian",
    "keselamatan",
    "nyawa",
    "jiwa",
    "kesehatan",
    "hak",
    "kelangsungan",
    "keberlangsungan",
    "lingkungan",
    "ekosistem",
    "kehidupan",
    "masa",
];
/// Natural disasters: "siaga banjir" is an alert, not a force posture.
const DISASTER: &[&str] = &[
    "banjir",
    "bencana",
    "longsor",
    "gempa",
    "genangan",
    "erupsi",
    "tsunami",
    "kebakaran",
    "cuaca",
    "hujan",
    "gunung",
    "letusan",
    "meletus",
    "vulkanik",
];
/// Light verbs of planning: the event they introduce is intended.
const PLAN_VERBS: &[&str] = &["merencanakan", "merancang", "mempersiapkan"];
/// Passive light verbs before an event noun: `dilakukan pemeriksaan oleh X`.
const PASSIVE_LIGHT: &[&str] = &[
    "dilakukan",
    "dilancarkan",
    "digelar",
    "diadakan",
    "dijalani",
];
/// Degree words before an adjective (`sangat mendesak` is "very urgent").
const DEGREE: &[&str] = &[
    "sangat", "amat", "sungguh", "begitu", "cukup", "makin", "semakin", "kian", "paling", "taraf",
    "terlalu",
];

/// Conjunctions opening a fronted adverbial clause that shares the main clause's subject.
const FRONTED: &[&str] = &[
    "setelah", "sebelum", "usai", "seusai", "sesudah", "saat", "ketika", "sambil",
];

/// Investigating (not questioning): with an investigator as source it needs no target.
const INVESTIGATIONS: &[&str] = &[
    "menyelidiki",
    "penyelidikan",
    "menyidik",
    "penyidikan",
    "mengusut",
    "pengusutan",
    "menginvestigasi",
    "investigasi",
    "menelusuri",
    "penelusuran",
    "mendalami",
    "pendalaman",
];

/// Collective words between a passive verb and its agent: `ditangkap tim Densus 88`.
const AGENT_NOUNS: &[&str] = &[
    "tim", "aparat", "petugas", "pihak", "anggota", "personel", "pasukan", "satuan", "regu",
];
/// Gatherings one attends (`menghadiri`, `hadir`).
const MEETINGS: &[&str] = &[
    "pertemuan",
    "rapat",
    "sidang",
    "konferensi",
    "ktt",
    "upacara",
    "parade",
    "forum",
    "acara",
    "peringatan",
    "pelantikan",
    "kongres",
    "rakernas",
    "muktamar",
    "dialog",
    "seminar",
    "perayaan",
    "pemakaman",
    "pembukaan",
    "penutupan",
    "jamuan",
    "resepsi",
    "rdp",
    "musyawarah",
    "sesi",
];
/// Heads of office titles: an event noun after them is part of the title.
const TITLE_HEADS: &[&str] = &[
    "direktur",
    "direktorat",
    "kepala",
    "deputi",
    "ketua",
    "dirjen",
    "kasubdit",
    "kabag",
    "kabid",
    "biro",
    "bagian",
    "satuan",
    "badan",
    "komisi",
    "divisi",
    "tim",
];
thread_local! {
    /// Why matched triggers were dropped (evaluation only: `warta eval events -v --trace`).
    static TRACE: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Start recording, on this thread, why matched triggers produce no event.
pub fn trace_start() {
    TRACE.with(|t| *t.borrow_mut() = Some(Vec::new()));
}

/// Stop recording and return what was recorded since [`trace_start`].
pub fn trace_take() -> Vec<String> {
    TRACE.with(|t| t.borrow_mut().take().unwrap_or_default())
}

/// Record that match `m` was dropped at `line` of this file (a no-op unless tracing).
fn trace_drop(doc: &TextDoc, m: &Match, line: u32) {
    TRACE.with(|t| {
        if let Some(v) = t.borrow_mut().as_mut() {
            let (a, b) = (doc.tokens[m.start].span.start, doc.tokens[m.end].span.end);
            v.push(format!(
                "lib.rs:{line} {:?}",
                doc.text.get(a..b).unwrap_or("")
            ));
        }
    });
}

/// Codes CAMEO (and our gold) record in both directions: meet, phone, talks, agreements.
const SYMMETRIC: &[&str] = &["040", "041", "044", "046", "057", "064"];

/// The loaded event dictionary and code table; build once, share across threads.
pub struct Coder {
    lexicon: Lexicon,
    cameo: CameoTable,
}

/// A group of adjacent coded entities acting as one actor.
#[derive(Debug, Clone)]
struct Actor {
    /// Token range [first, last].
    first: usize,
    last: usize,
    /// The representative entity's span and code.
    span: Span,
    code: String,
    /// The preposition governing it, if any.
    prep: Option<&'static str>,
    is_person: bool,
    place: Option<Place>,
    /// A named institution of the actor dictionary: the entity stage already decided its
    /// country (`KBRI Kairo` is Indonesia's embassy; `Kemlu Jepang` was re-coded there).
    named: bool,
    /// Who a named person is (the lower-cased name its coreference chain starts with): two
    /// events of the same codes with different people are different events.
    who: Option<String>,
}

#[derive(Debug, Clone)]
struct Match<'a> {
    trigger: &'a Trigger,
    /// Trigger tokens [start, end].
    start: usize,
    end: usize,
    /// Covered tokens incl. the complement.
    cover: (usize, usize),
    complement: bool,
    words: usize,
    /// A light verb before a nominal trigger (`melakukan kunjungan`).
    light: Option<usize>,
}

const LIGHT_VERBS: &[&str] = &[
    "melakukan",
    "merencanakan",
    "merancang",
    "mempersiapkan",
    "dilakukan",
    "dilancarkan",
    "digelar",
    "diadakan",
    "dijalani",
    "mengadakan",
    "menggelar",
    "menyelenggarakan",
    "melancarkan",
    "memberikan",
    "memberi",
    "mengirimkan",
    "mengirim",
    "menyampaikan",
    "mengeluarkan",
    "melayangkan",
    "mengajukan",
    "menyalurkan",
    "menjatuhkan",
    "menjalin",
    "menjalani",
    "mengalami",
    "memerintahkan",
    "melaksanakan",
    "menerapkan",
    "memberlakukan",
    "mengumumkan",
    "mengambil",
];

impl Coder {
    /// Load the embedded CAMEO table and event dictionary.
    pub fn new() -> Self {
        let cameo = CameoTable::embedded();
        let lexicon = Lexicon::embedded(&cameo);
        Coder { lexicon, cameo }
    }

    /// Build from other dictionary text (tests, `warta dict` experiments).
    pub fn with_dictionary(verbs: &str) -> Self {
        let cameo = CameoTable::embedded();
        let lexicon = Lexicon::parse(verbs, &cameo);
        Coder { lexicon, cameo }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn cameo(&self) -> &CameoTable {
        &self.cameo
    }

    /// Every event stated in the body; the same event stated again is merged (`mentions`).
    pub fn code(&self, doc: &TextDoc, entities: &[Entity], times: &[TimeMention]) -> Vec<Event> {
        self.code_with(doc, entities, times, true)
    }

    /// Every event mention, unmerged across sentences (evaluation: which mention was coded how).
    pub fn code_mentions(
        &self,
        doc: &TextDoc,
        entities: &[Entity],
        times: &[TimeMention],
    ) -> Vec<Event> {
        self.code_with(doc, entities, times, false)
    }

    /// The byte spans of every dictionary trigger found in the body, coded or not (evaluation:
    /// was a missed event's word in the dictionary at all?).
    pub fn trigger_spans(&self, doc: &TextDoc) -> Vec<Span> {
        let keys: Vec<&str> = doc.tokens.iter().map(key).collect();
        let mut out = Vec::new();
        for sent in &doc.sentences {
            let range = sent.tokens.clone();
            if range.is_empty() || range.end > keys.len() {
                continue;
            }
            for m in self.matches(&keys, range) {
                let (a, b) = (m.start.min(m.cover.0), m.end.max(m.cover.1));
                out.push(Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end));
            }
        }
        out
    }

    fn code_with(
        &self,
        doc: &TextDoc,
        entities: &[Entity],
        times: &[TimeMention],
        merged: bool,
    ) -> Vec<Event> {
        let toks = &doc.tokens;
        if toks.is_empty() {
            return Vec::new();
        }
        let keys: Vec<&str> = toks.iter().map(key).collect();
        let actors = actors(doc, entities, &keys, &self.lexicon);
        // Sports and entertainment reports, and sentences of sport or fiction, decided once.
        let domains = guards::Domains::of(&keys, &doc.sentences);
        let sport_doc = domains.sport_doc;
        let mut out: Vec<Event> = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            let range = sent.tokens.clone();
            if range.is_empty() || range.end > toks.len() {
                continue;
            }
            // Sport and fiction borrow the words of conflict ("Persib menyerang", "bertemu
            // Persija", "di film itu ... mendukung"): such sentences state no political event.
            if domains.fiction[si] {
                continue;
            }
            let sport = sport_doc || domains.sport[si];
            let matches = self.matches(&keys, range.clone());
            // What an appeal, a demand or a deontic modal asks for is not itself an event:
            // "meminta masyarakat tidak menggelar aksi", "harus bekerja sama".
            let content: Vec<bool> = matches
                .iter()
                .map(|m2| {
                    matches.iter().any(|m1| {
                        let e1 = &self.lexicon.entries[m1.trigger.entry];
                        // ("pekerja yang harus dipulangkan": a necessity in a relative clause
                        // asks nothing of anyone; what it names is the event.)
                        let relative_need = e1.flags.deontic
                            && m1.start > range.start
                            && keys[m1.start - 1] == "yang";
                        let asks = !relative_need
                            && (e1.flags.deontic
                                || (matches!(&e1.cameo[..2], "02" | "10")
                                    && m1.trigger.voice == Voice::Active));
                        // "menuntut pembebasan warga yang ditangkap": a relative clause states
                        // what is, not what is asked for.
                        let relative = m2.start > range.start && keys[m2.start - 1] == "yang";
                        let from = m1.end.max(m1.cover.1);
                        // ("untuk berkunjung dan melindungi X": a "dan" right before the
                        // verb coordinates it with the content.)
                        asks && !relative
                            && m2.start > from
                            && m2.start <= from + 8
                            && !keys[from + 1..m2.start].iter().enumerate().any(|(n, k)| {
                                matches!(*k, "." | ";" | "," | "namun" | "tetapi")
                                    || (*k == "dan" && from + 1 + n + 1 != m2.start)
                            })
                    })
                })
                .collect();
            let mut evs: Vec<Event> = Vec::new();
            for (m, is_content) in matches.into_iter().zip(content) {
                if is_content {
                    trace_drop(doc, &m, line!());
                    continue;
                }
                let root = &self.lexicon.entries[m.trigger.entry].cameo[..2];
                if sport && matches!(root, "04" | "13" | "15" | "17" | "18" | "19" | "20") {
                    // Only an armed group fighting, or a government meeting or visiting,
                    // makes it a political event ("ISIS diperangi SDF di stadion", "Menpora
                    // melakukan kunjungan"); clubs, even mis-coded as forces, do not.
                    let mut own: Vec<Event> = Vec::new();
                    self.code_match(doc, &keys, &actors, times, si, range.clone(), &m, &mut own);
                    own.retain(|e| {
                        [&e.source, &e.target].iter().any(|a| {
                            actor_code(a).is_some_and(|c| {
                                is_armed(&c) || (root == "04" && role(&c) == "GOV")
                            })
                        })
                    });
                    if own.is_empty() {
                        trace_drop(doc, &m, line!());
                    }
                    evs.extend(own);
                    continue;
                }
                self.code_match(doc, &keys, &actors, times, si, range.clone(), &m, &mut evs);
            }
            // In a whole sports report, clubs (coded by their country) reject offers, accuse
            // and sanction players: only events with a party of the state are political.
            if sport || domains.show_doc {
                // (In a whole sports or entertainment report a player coded as a militant is
                // a mis-read name: only named armed groups count there.)
                let whole = sport_doc || domains.show_doc;
                // (A celebrity arrested or detained is police news, even in a show report.)
                let show_only = domains.show_doc && !sport;
                evs.retain(|e| {
                    if show_only && e.root == "17" {
                        return true;
                    }
                    [&e.source, &e.target].iter().any(|a| {
                        actor_code(a).is_some_and(|c| {
                            c.len() > 3
                                && (is_state(&c)
                                    || (is_armed(&c) && (!whole || c.starts_with("IMG"))))
                        })
                    })
                });
            }
            // "sepakat meningkatkan kerja sama": the agreement word only marks the intent of
            // the cooperation event that follows; drop its bare 030 when that one exists.
            let specific: Vec<(Option<String>, Option<String>)> = evs
                .iter()
                .filter(|e| e.root == "03" && e.cameo != "030")
                .map(|e| (actor_code(&e.source), actor_code(&e.target)))
                .collect();
            evs.retain(|e| {
                e.cameo != "030"
                    || !specific.contains(&(actor_code(&e.source), actor_code(&e.target)))
            });
            // "X terbunuh dalam serangan Y": the death is the attack's outcome, coded once as
            // the attack on X; drop the source-less killing of the same victim.
            let victims: Vec<Option<String>> = evs
                .iter()
                .filter(|e| e.rule.contains("+nominal-victim"))
                .map(|e| actor_code(&e.target))
                .collect();
            evs.retain(|e| {
                !(e.root == "18"
                    && e.source.is_none()
                    && e.rule.ends_with("+passive")
                    && victims.contains(&actor_code(&e.target)))
            });
            for mut e in evs {
                // Last, once every filter has seen the codes as the entities gave them.
                if let Some(src) = e.source.as_mut() {
                    src.code = if e.root == "14" {
                        protest_source(src, entities)
                    } else {
                        src.code.as_deref().map(agent_code)
                    };
                }
                if merged {
                    merge(&mut out, e, &actors);
                } else {
                    out.push(e);
                }
            }
        }
        out
    }

    fn matches(&self, keys: &[&str], range: std::ops::Range<usize>) -> Vec<Match<'_>> {
        let mut found: Vec<Match> = Vec::new();
        for i in range.clone() {
            let k = keys[i];
            if k.is_empty() {
                continue;
            }
            let mut cands: &[Trigger] = self.lexicon.lookup(k);
            let mut alt: &[Trigger] = &[];
            if let Some(b) = morph::strip_enclitic(k) {
                alt = self.lexicon.lookup(b);
            }
            if cands.is_empty() {
                std::mem::swap(&mut cands, &mut alt);
            }
            for t in cands.iter().chain(alt.iter()) {
                // The rest of a multi-word form, word for word.
                let mut end = i;
                let mut ok = true;
                for w in &t.rest {
                    end += 1;
                    if end >= range.end || !word_eq(keys[end], w) {
                        ok = false;
                        break;
                    }
                }
                if !ok {
                    continue;
                }
                let entry = &self.lexicon.entries[t.entry];
                let mut cover = (i, end);
                let mut complement = false;
                if !entry.complements.is_empty() {
                    match find_complement(keys, &range, i, end, &entry.complements, t.voice) {
                        Some((a, b)) => {
                            complement = true;
                            cover = (cover.0.min(a), cover.1.max(b));
                        }
                        None => continue,
                    }
                }
                // An event noun inside a title names an office, not an event: "Direktur
                // Penyidikan KPK", "Kepala Pemeriksaan".
                if t.voice == Voice::Nominal
                    && i > range.start
                    && TITLE_HEADS.contains(&keys[i - 1])
                {
                    continue;
                }
                // A light verb right before the noun, or one word before it ("melancarkan
                // rangkaian serangan").
                // "serangan jantung", "serangan siber", "serangan balik": no violence.
                if entry.cameo.as_str() >= "18"
                    && keys.get(end + 1).is_some_and(|k| NOT_VIOLENCE.contains(k))
                {
                    continue;
                }
                let light = (t.voice == Voice::Nominal && i > range.start)
                    .then(|| {
                        (i.saturating_sub(2).max(range.start)..i)
                            .rev()
                            .find(|&j| LIGHT_VERBS.contains(&keys[j]))
                    })
                    .flatten();
                if let Some(j) = light {
                    cover.0 = cover.0.min(j);
                }
                found.push(Match {
                    trigger: t,
                    start: i,
                    end,
                    cover,
                    complement,
                    words: t.rest.len() + 1,
                    light,
                });
            }
        }
        // Longest form first, then a matched complement, then the wider cover.
        // A deontic modal with its complement ("harus meminta maaf") outranks the content verb:
        // the apology is demanded, not made.
        let deon = |m: &Match| m.complement && self.lexicon.entries[m.trigger.entry].flags.deontic;
        found.sort_by(|a, b| {
            (
                deon(b),
                b.words,
                b.complement,
                b.cover.1 - b.cover.0,
                a.start,
            )
                .cmp(&(
                    deon(a),
                    a.words,
                    a.complement,
                    a.cover.1 - a.cover.0,
                    b.start,
                ))
        });
        let mut chosen: Vec<Match> = Vec::new();
        for m in found {
            // An event noun may stand inside another trigger's complement: "mengutuk serangan
            // terhadap X" states the condemnation and the attack.
            let inside_complement = |c: &Match| {
                m.trigger.voice == Voice::Nominal
                    && c.complement
                    && m.start == m.cover.0
                    && (m.start > c.end || m.end < c.start)
                    && self.lexicon.entries[m.trigger.entry].cameo.as_str() >= "14"
                    && self.lexicon.entries[m.trigger.entry].cameo[..2]
                        != self.lexicon.entries[c.trigger.entry].cameo[..2]
            };
            if chosen
                .iter()
                .all(|c| m.cover.1 < c.cover.0 || m.cover.0 > c.cover.1 || inside_complement(c))
            {
                chosen.push(m);
            }
        }
        chosen.sort_by_key(|m| m.start);
        chosen
    }

    #[allow(clippy::too_many_arguments)]
    fn code_match(
        &self,
        doc: &TextDoc,
        keys: &[&str],
        actors: &[Actor],
        times: &[TimeMention],
        si: usize,
        range: std::ops::Range<usize>,
        m: &Match,
        out: &mut Vec<Event>,
    ) {
        let entry = &self.lexicon.entries[m.trigger.entry];
        let flags = entry.flags;
        let in_sent: Vec<&Actor> = actors
            .iter()
            .filter(|a| a.first >= range.start && a.last < range.end)
            .collect();
        let mut voice = m.trigger.voice;
        let mut head = m.start;
        let mut rule_extra = "";
        let mut one_way = false;
        if voice == Voice::Nominal && m.light.is_some() {
            head = m.light.unwrap_or(m.start);
            // "dilakukan pemeriksaan oleh X": a passive light verb makes the noun passive.
            if PASSIVE_LIGHT.contains(&keys[head]) {
                voice = Voice::Passive;
                rule_extra = "+passive-light-verb";
            } else {
                voice = Voice::Active;
                rule_extra = "+light-verb";
            }
        }
        // The complement, when it follows the trigger, sits between it and a genitive/agent.
        let after = m.end.max(m.cover.1);
        let obj_from = m.end;
        // "X tewas dalam serangan (Y)": X is the victim, the genitive Y the attacker.
        let mut victim_roles: Option<(Vec<&Actor>, Vec<&Actor>)> = None;
        if voice == Voice::Nominal
            && entry.cameo.as_str() >= "18"
            && m.start >= range.start + 2
            && matches!(keys[m.start - 1], "dalam" | "akibat" | "oleh" | "saat")
        {
            let death = (m.start.saturating_sub(4).max(range.start)..m.start - 1)
                .rev()
                .find(|&j| DEATH.contains(&keys[j]));
            if let Some(d) = death {
                let victims = subject(keys, &in_sent, actors, d, range.start, 8);
                if !victims.is_empty() {
                    let by: Vec<&Actor> = in_sent
                        .iter()
                        .copied()
                        .filter(|a| {
                            a.prep.is_none()
                                && a.first > after
                                && a.first <= after + 3
                                && victims.iter().all(|v| v.first != a.first)
                        })
                        .take(1)
                        .collect();
                    rule_extra = "+nominal-victim";
                    victim_roles = Some((by, victims));
                }
            }
        }
        // "X dalam rapat Y", "kata X sebelum rapat kerja dengan Y": X meets Y; "X dalam
        // kunjungan Y": Y visits X (roles.rs).
        let mut meeting = (voice == Voice::Nominal && m.light.is_none())
            .then(|| {
                let (c, span) = (&entry.cameo, (m.start, after));
                roles::framed_parties(keys, &in_sent, c, flags.sym, span, range.clone())
            })
            .flatten();
        let (sources, targets): (Vec<&Actor>, Vec<&Actor>) = match voice {
            _ if victim_roles.is_some() => victim_roles.take().unwrap_or_default(),
            _ if meeting.is_some() => {
                rule_extra = "+frame";
                meeting.take().unwrap_or_default()
            }
            // "..., A harus V, kata X": X appeals to (or demands of) A.
            _ if flags.deontic => {
                rule_extra = "+deontic";
                // A concessive "walaupun harus ..." states a necessity, not an appeal.
                if head > range.start && CONCESSIVE.contains(&keys[head - 1]) {
                    return trace_drop(doc, m, line!());
                }
                // "pekerja yang harus dipulangkan": a necessity in a relative clause or of a
                // passive addresses no one.
                if necessity(keys, head, range.start) {
                    return trace_drop(doc, m, line!());
                }
                let addressee = subject(keys, &in_sent, actors, head, range.start, 8);
                if addressee.is_empty() {
                    return trace_drop(doc, m, line!());
                }
                (
                    speaker(keys, &in_sent, actors, head, range.clone()),
                    addressee,
                )
            }
            // "X menjalani pemeriksaan (polisi)": X undergoes it, the examiner acts.
            // "korban mengalami penganiayaan (dari X)": the one who suffers it is its target.
            Voice::Active
                if m.light
                    .is_some_and(|j| matches!(keys[j], "menjalani" | "mengalami")) =>
            {
                let subj = subject(keys, &in_sent, actors, head, range.start, 30);
                let mut by = bare_actor_after(&in_sent, m.end, 2);
                if by.is_empty() {
                    let preps: &[&str] = if m.light.is_some_and(|j| keys[j] == "mengalami") {
                        &["oleh", "dari"]
                    } else {
                        &["oleh"]
                    };
                    by = agents(keys, &in_sent, m.end, range.end, preps);
                }
                rule_extra = "+undergo";
                (by, subj)
            }
            Voice::Active => {
                // "pihak yang menyerang Tokyo": a verb opening a relative clause has the noun
                // before `yang` as subject, and no other.
                let mut subj = match relative_subject(keys, &in_sent, head, range.start) {
                    // "X mengeluarkan surat yang meminta Y ...": a document speaks for the
                    // one who issued it.
                    Some(s) if s.is_empty() => {
                        document_author(keys, &in_sent, actors, head, range.start)
                    }
                    Some(s) => s,
                    None => subject(keys, &in_sent, actors, head, range.start, 30),
                };
                if subj.is_empty() {
                    subj = fronted_clause_subject(keys, &in_sent, head, range.clone());
                }
                // Attending (a 040 entry with target-ke): the host named as object, else the
                // place behind di/ke ("menghadiri parade di Moskow").
                let attend = flags.target_ke && entry.cameo == "040";
                // Attending is attending something: a meeting word must follow ("hadir di mana-
                // mana" is no event).
                if attend
                    && !keys[m.end + 1..range.end.min(m.end + 9)]
                        .iter()
                        .any(|k| MEETINGS.contains(k))
                {
                    return trace_drop(doc, m, line!());
                }
                let mut objs = objects(
                    &doc.tokens,
                    keys,
                    &in_sent,
                    (obj_from, m.cover.1),
                    range.end,
                    flags.target_ke && !attend,
                    flags.recv,
                );
                if attend && objs.is_empty() {
                    objs = objs_ke(keys, &in_sent, obj_from, range.end);
                    // Attending in a place: one way (the place hosts, it does not attend).
                    one_way = true;
                }
                // Past a patient complement, actors belong to it ("mengutuk serangan terhadap
                // X": X was attacked, not condemned). Its owner right after it still counts
                // ("menolak tuntutan Australia"), and so do partners (`dengan X`).
                // (A complement that is itself the preposition, "kecewa atas X", governs X.)
                if m.complement
                    && !flags.instr
                    && m.cover.1 > m.end
                    && !TARGET_PREPS.contains(&keys[m.cover.1])
                {
                    let c = m.cover.1;
                    objs.retain(|a| {
                        a.first < c
                            || (a.prep.is_none() && a.first <= c + 2)
                            || keys.get(c + 1..a.first).is_some_and(|ks| {
                                ks.iter()
                                    .any(|k| matches!(*k, "dengan" | "bersama" | "antara"))
                            })
                    });
                }
                // "membahas X": X is the topic; only a partner behind dengan/bersama counts.
                // "menyerukan agar X menghentikan ...": the addressee opens the clause.
                if objs.is_empty()
                    && matches!(&entry.cameo[..2], "02" | "10")
                    && keys
                        .get(obj_from + 1)
                        .is_some_and(|k| matches!(*k, "agar" | "supaya"))
                {
                    objs = in_sent
                        .iter()
                        .copied()
                        .filter(|a| a.first > obj_from + 1 && a.first <= obj_from + 4)
                        .take(1)
                        .collect();
                }
                // "KPK menangkapnya", "Jokowi memintanya ...": the enclitic -nya on the verb is
                // its object, the last person named before other than the subject.
                if objs.is_empty()
                    && m.cover.1 <= m.end
                    && is_verbish(keys[m.end])
                    && keys[m.end].ends_with("nya")
                    && !flags.partner
                    // (Only where the object is a party, not a thing: "membelinya",
                    // "menandatanganinya", "menolaknya" name an object.)
                    && (matches!(
                        &entry.cameo[..2],
                        "02" | "04" | "09" | "10" | "11" | "13" | "17" | "18" | "19" | "20"
                    ) || entry.cameo == "0841")
                {
                    objs = actors
                        .iter()
                        .rev()
                        .find(|a| {
                            a.last < m.start
                                && a.is_person
                                && subj.iter().all(|s| s.code != a.code && s.first != a.first)
                        })
                        .into_iter()
                        .collect();
                }
                // "meminta pengiriman pelatih dari X": what an appeal asks for comes from the
                // actor behind `dari`, its addressee.
                if objs.is_empty() && &entry.cameo[..2] == "02" && !flags.partner && !flags.recv {
                    objs = in_sent
                        .iter()
                        .copied()
                        .filter(|a| {
                            a.prep == Some("dari")
                                && a.first > obj_from + 1
                                && a.first <= obj_from + 6
                                && !keys[obj_from + 1..a.first]
                                    .iter()
                                    .any(|k| is_boundary(k) || is_content_verb(k))
                        })
                        .take(1)
                        .collect();
                }
                // A denial or statement (01x) denies a proposition, not a party: "membantah
                // meminta uang kepada anggota DPR" has no target; only "kepada X" may name one.
                if entry.cameo.starts_with("01") {
                    objs.retain(|a| {
                        a.prep.is_some()
                            && keys
                                .get(m.end + 1..a.first)
                                .is_some_and(|ks| !ks.iter().any(|k| is_content_verb(k)))
                    });
                }
                if flags.partner {
                    objs = agents(
                        keys,
                        &in_sent,
                        obj_from,
                        range.end,
                        &["dengan", "bersama", "antara"],
                    );
                }
                // "Para kadet tewas setelah seorang teroris meledakkan rompinya": those who died
                // before the attack clause are its victims.
                if objs.is_empty() && entry.cameo.as_str() >= "18" {
                    if let Some(s0) = subj.first().map(|a| a.first) {
                        // ("setelah salah seorang teroris ...": quantifiers may open the subject.)
                        let conj = (s0.saturating_sub(4).max(range.start + 1)..s0)
                            .rev()
                            .take_while(|&c| {
                                c + 1 == s0 || is_quantifier(keys[c + 1]) || keys[c + 1] == "salah"
                            })
                            .find(|&c| {
                                matches!(
                                    keys[c],
                                    "setelah" | "ketika" | "saat" | "akibat" | "usai" | "sesudah"
                                )
                            });
                        if let Some(c) = conj {
                            let death = (c.saturating_sub(3).max(range.start)..c)
                                .rev()
                                .find(|&j| DEATH.contains(&keys[j]));
                            if let Some(d) = death {
                                objs = subject(keys, &in_sent, actors, d, range.start, 8);
                                objs.retain(|v| subj.iter().all(|a| a.first != v.first));
                            }
                        }
                    }
                }
                if flags.recv {
                    let mut givers = agents(keys, &in_sent, obj_from, range.end, &["dari", "oleh"]);
                    // "mangkir dari panggilan penyidik KPK": the complement's owner gives it.
                    if givers.is_empty() && m.complement && m.cover.1 > m.end {
                        givers = roles::complement_owner(keys, &in_sent, m.cover.1);
                    }
                    rule_extra = "+receive";
                    (givers, subj)
                } else {
                    (subj, objs)
                }
            }
            Voice::Passive => {
                // A passive's subject is near, unless an instrument complement ties a
                // relative clause to the sentence ("Moskow ... sanksi yang dijatuhkan Barat").
                let reach = if m.complement && flags.instr { 30 } else { 8 };
                let mut subj = subject(keys, &in_sent, actors, head, range.start, reach);
                if subj.is_empty() {
                    subj = named_after(keys, &in_sent, head, after, range.clone());
                }
                // "Sebelum digeledah, Andi kabur": the fronted clause's patient is the main
                // clause's subject.
                // (Only with the verb right after the conjunction, and not for a passive
                // light verb: "Saat dilakukan penggeledahan, BNN menemukan" names the agent.)
                if subj.is_empty()
                    && m.light.is_none()
                    && (head.saturating_sub(2).max(range.start)..head)
                        .any(|j| j <= range.start + 2 && FRONTED.contains(&keys[j]))
                {
                    subj = fronted_clause_subject(keys, &in_sent, head, range.clone());
                }
                // The agent right after the verb, over a collective word ("ditangkap tim
                // Densus 88"), or behind `oleh`.
                let mut agent: Vec<&Actor> = in_sent
                    .iter()
                    .copied()
                    .filter(|a| {
                        // (Or over a reduplicated adverb: "diperangi habis-habisan SDF".)
                        a.prep.is_none()
                            && a.first > after
                            && a.first <= after + 3
                            && (after + 1..a.first).all(|j| {
                                AGENT_NOUNS.contains(&keys[j]) || doc.tokens[j].reduplicated
                            })
                    })
                    .take(1)
                    .collect();
                if agent.is_empty() {
                    agent = agents(keys, &in_sent, after, range.end, &["oleh"]);
                }
                // "disidangkan di pengadilan PBB", "divonis di Pengadilan Tipikor": the court
                // a trial, verdict or release takes place in is its agent (a prison or a
                // police station where one is held is not).
                if agent.is_empty() && matches!(&entry.cameo[..2], "08" | "11" | "17") {
                    agent = in_sent
                        .iter()
                        .copied()
                        .filter(|a| {
                            a.prep == Some("di")
                                && a.first > after
                                && a.first <= after + 6
                                && !keys[after + 1..a.first]
                                    .iter()
                                    .any(|k| is_boundary(k) || is_verbish(k))
                                && ["pengadilan", "mahkamah", "majelis"]
                                    .iter()
                                    .any(|c| keys[a.first] == *c || keys[a.first - 1] == *c)
                        })
                        .take(1)
                        .collect();
                }
                // "Y ditangkap bersama empat terduga lainnya": the companions share the fate.
                for a in in_sent.iter().copied().filter(|a| {
                    // (Over the charge: "ditetapkan sebagai tersangka dugaan suap dan
                    // gratifikasi bersama X", never across a clause boundary.)
                    a.prep == Some("bersama")
                        && a.first > after
                        && a.first <= after + 9
                        && !keys[after + 1..a.first].iter().any(|k| is_boundary(k))
                }) {
                    if subj.iter().all(|b| b.first != a.first) {
                        subj.push(a);
                    }
                }
                if !rule_extra.starts_with("+passive") {
                    rule_extra = "+passive";
                }
                if !agent.is_empty() {
                    rule_extra = if rule_extra == "+passive-light-verb" {
                        "+passive-light-verb-agent"
                    } else {
                        "+passive-agent"
                    };
                }
                if flags.target_ke && entry.cameo != "040" {
                    (subj, objs_ke(keys, &in_sent, after, range.end))
                } else {
                    (agent, subj)
                }
            }
            Voice::Nominal => {
                let gen: Vec<&Actor> = genitive_after(keys, &in_sent, after, false)
                    .into_iter()
                    .collect();
                // "kunjungannya ke Nauru": the possessive -nya is the genitive, the last
                // person named before.
                let mut gen = gen;
                if gen.is_empty() && keys[m.start].ends_with("nya") {
                    gen = actors
                        .iter()
                        .rev()
                        .find(|a| a.last < m.start && a.is_person)
                        .into_iter()
                        .collect();
                    rule_extra = "+possessive";
                }
                let root = &entry.cameo[..2];
                // A peN-an action noun of a transitive verb takes its patient as genitive:
                // "penangkapan X" is the arrest of X, "pengusiran diplomat X" their expulsion.
                // But investigators, police and courts investigate and detain: "penelusuran
                // polisi", "penyidikan KPK" name the agent.
                let patient_gen = is_pen_an(keys[m.start])
                    && matches!(root, "08" | "09" | "16" | "17" | "18")
                    && rule_extra != "+possessive"
                    && !(matches!(root, "09" | "17")
                        && gen.first().is_some_and(|g| is_investigator(&g.code, root)));
                // "penyelidikan kasus keterlibatan Rusia": the case is investigated, not the
                // actor named inside it.
                if patient_gen
                    && gen.first().is_some_and(|g| {
                        keys[after + 1..g.first]
                            .iter()
                            .any(|k| CASE_NOUNS.contains(k))
                    })
                {
                    return trace_drop(doc, m, line!());
                }
                if gen.is_empty() || patient_gen {
                    // No genitive agent: the actors behind a preposition ("serangan terhadap
                    // X", "kerja sama antara A dan B"), and `oleh X` as the agent.
                    let objs: Vec<&Actor> = if gen.is_empty() {
                        objects(
                            &doc.tokens,
                            keys,
                            &in_sent,
                            (m.end.max(m.cover.1), 0),
                            range.end,
                            false,
                            false,
                        )
                        .into_iter()
                        .enumerate()
                        // The first behind one of these prepositions, and those coordinated
                        // with it ("antara A dan B").
                        .scan(false, |ok, (n, a)| {
                            if n == 0 {
                                *ok = a.prep.is_some_and(|p| {
                                    matches!(
                                        p,
                                        "terhadap" | "melawan" | "atas" | "antara" | "kepada"
                                    )
                                });
                            }
                            Some((*ok, a))
                        })
                        .filter_map(|(ok, a)| ok.then_some(a))
                        .collect()
                    } else {
                        gen
                    };
                    // "penyerangan dilakukan oleh gerilyawan", "ancaman yang diserukan AS": the
                    // agent of a passive verb right after the noun is its author.
                    let passive_by = if patient_gen {
                        Vec::new()
                    } else {
                        agent_of_passive_after(keys, &in_sent, after, range.end)
                    };
                    if objs.is_empty() && !passive_by.is_empty() {
                        rule_extra = "+nominal-passive-agent";
                        (passive_by, objs)
                    } else {
                        if objs.is_empty() {
                            return trace_drop(doc, m, line!());
                        }
                        let last = objs.iter().map(|a| a.last).max().unwrap_or(m.end);
                        let mut by = agents(keys, &in_sent, last, range.end, &["oleh"]);
                        if by.is_empty() {
                            by = passive_by;
                        }
                        rule_extra = if patient_gen {
                            "+nominal-patient"
                        } else {
                            "+nominal-prep"
                        };
                        let sym = flags.sym || SYMMETRIC.contains(&entry.cameo.as_str());
                        if by.is_empty() && sym && objs.len() >= 2 {
                            (Vec::new(), objs)
                        } else if by.is_empty() && entry.cameo.as_str() < "09" {
                            return trace_drop(doc, m, line!());
                        } else {
                            (by, objs)
                        }
                    }
                } else {
                    let start = if rule_extra == "+possessive" {
                        m.end
                    } else {
                        gen[0].last
                    };
                    let mut objs: Vec<&Actor> = objects(
                        &doc.tokens,
                        keys,
                        &in_sent,
                        (start, 0),
                        range.end,
                        flags.target_ke,
                        false,
                    )
                    .into_iter()
                    .filter(|a| a.prep.is_some())
                    .collect();
                    // "Kosovo, dengan dukungan Barat, ...", "koalisi dukungan AS": support or
                    // aid of the genitive goes to the party named right before the noun.
                    if objs.is_empty()
                        && m.light.is_none()
                        && matches!(root, "05" | "07")
                        && rule_extra != "+possessive"
                    {
                        if let Some(b) = in_sent.iter().copied().rev().find(|b| {
                            b.last < m.start
                                && m.start - b.last <= 3
                                && keys[b.last + 1..m.start]
                                    .iter()
                                    .all(|k| matches!(*k, "," | "dengan" | "berkat" | "atas"))
                        }) {
                            objs.push(b);
                            rule_extra = "+nominal-beneficiary";
                        }
                    }
                    // "pemboman kantor polisi", "serangan pos polisi": the genitive of an attack
                    // on a building or post is its victim, not its author.
                    let between = &keys[m.end + 1..gen[0].first.max(m.end + 1)];
                    let victim = entry.cameo.as_str() >= "17"
                        && rule_extra.is_empty()
                        && objs.is_empty()
                        && between.iter().any(|k| PLACE_NOUNS.contains(k));
                    // "aksi protes anti-India", "demonstrasi anti Ahok": whoever an event is
                    // "anti" is its target, never its author.
                    let opposed = objs.is_empty() && between.contains(&"anti");
                    if rule_extra.is_empty() {
                        rule_extra = "+nominal";
                    }
                    if victim || opposed {
                        if opposed {
                            rule_extra = "+nominal-anti";
                        }
                        (Vec::new(), gen)
                    } else {
                        (gen, objs)
                    }
                }
            }
        };
        // Companions of a visitor, the other side of a bilateral meeting (roles.rs).
        let (sources, targets) = roles::refine(keys, &in_sent, &entry.cameo, m, sources, targets);
        let targets = roles::both_of_them(keys, actors, m, &sources, targets);
        // "Darmin saat ditemui di ...": a passive meeting with no agent is the reporter's
        // interview, not a consultation.
        if m.trigger.voice == Voice::Passive && entry.cameo.starts_with("04") && sources.is_empty()
        {
            return trace_drop(doc, m, line!());
        }
        // "diperiksa kesehatannya", "pemeriksaan medis": a health check is no investigation.
        if entry.cameo.starts_with("09")
            && keys
                .get(m.end + 1..(m.end + 3).min(range.end))
                .is_some_and(|ks| ks.iter().any(|k| HEALTH.contains(k)))
        {
            return trace_drop(doc, m, line!());
        }
        // A rejection names what or whom it rejects: "X menolak menjelaskan", "jika KPK
        // menolak" are no events.
        if entry.cameo.starts_with("12") && targets.is_empty() {
            return trace_drop(doc, m, line!());
        }
        // Appeals and cooperation (02-07) in the passive need their author: "masyarakat
        // diimbau waspada", "apa yang telah disepakati" name one party only.
        if m.trigger.voice == Voice::Passive
            && ("02".."08").contains(&&entry.cameo[..2])
            && sources.is_empty()
            && targets.len() < 2
        {
            return trace_drop(doc, m, line!());
        }
        // Force postures (15) are shown by forces, not by civilians ("warga meningkatkan
        // kewaspadaan").
        if entry.cameo.starts_with("15")
            && sources.iter().any(|a| {
                matches!(
                    role(&a.code),
                    "CVL" | "BUS" | "EDU" | "MED" | "HLT" | "AGR" | "LAB"
                )
            })
        {
            return trace_drop(doc, m, line!());
        }
        // "kekerasan bisa mengancam keamanan kawasan": endangering a good is no threat by
        // an actor.
        if entry.cameo.starts_with("13")
            && m.trigger.voice == Voice::Active
            && keys.get(m.end + 1).is_some_and(|k| ENDANGERED.contains(k))
        {
            return trace_drop(doc, m, line!());
        }
        // "diancam dengan pasal 340", "diancam hukuman mati": the penalty a law sets, no threat.
        if entry.cameo.starts_with("13")
            && m.trigger.voice == Voice::Passive
            && keys
                .get(m.end + 1..(m.end + 4).min(range.end))
                .is_some_and(|ks| {
                    ks.iter().any(|k| {
                        matches!(
                            *k,
                            "pasal" | "hukuman" | "pidana" | "penjara" | "denda" | "sanksi"
                        )
                    })
                })
        {
            return trace_drop(doc, m, line!());
        }
        // Optimism and pessimism (012/013) are events about another party; about markets
        // and prospects ("Kemenperin optimistis ...") they are not.
        if matches!(entry.cameo.as_str(), "012" | "013") && targets.is_empty() {
            return trace_drop(doc, m, line!());
        }
        // Disaster alerts ("siaga banjir") are no force posture.
        if entry.cameo.starts_with("15") && keys[range.clone()].iter().any(|k| DISASTER.contains(k))
        {
            return trace_drop(doc, m, line!());
        }
        // Tourists and visitors travelling are no state visits; neither are companies,
        // products and private persons arriving somewhere.
        if matches!(&entry.cameo[..3], "042" | "043")
            && (keys[range.clone()].iter().any(|k| VISITORS.contains(k))
                || sources.iter().any(|a| {
                    is_business(&a.code) || matches!(role(&a.code), "CVL" | "EDU" | "MED")
                }))
        {
            return trace_drop(doc, m, line!());
        }
        // "kebutuhan yang sangat mendesak", "dalam taraf mendesak": after a degree word (or as
        // `yang mendesak` closing the clause) a demand verb is the adjective "urgent".
        if entry.cameo.starts_with("10")
            && m.trigger.voice == Voice::Active
            && targets.is_empty()
            && head > range.start
            && (DEGREE.contains(&keys[head - 1])
                || (keys[head - 1] == "yang"
                    && keys
                        .get(m.end + 1)
                        .is_none_or(|k| is_boundary(k) || *k == "." || *k == "dan")))
        {
            return trace_drop(doc, m, line!());
        }
        // Appeals, intents and cooperation (02-08) need a partner: without a target it is rarely codable.
        let cooperative = ("02".."09").contains(&&entry.cameo[..2]);
        // ("A dan B sepakat": the coordinated subjects are each other's partners.)
        // Speech acts (appeals, demands, criticism, rejection: 02, 10-12) are events of their
        // speaker even when the addressee is not named ("PBB menyerukan ...", "X mendesak
        // ..."), when stated as a verb of a named source.
        let speech_act = (matches!(&entry.cameo[..2], "10" | "11")
            || (&entry.cameo[..2] == "02" && !flags.need_target))
            && !flags.deontic
            && voice == Voice::Active
            && m.trigger.voice == Voice::Active
            && !sources.is_empty();
        // "berdasarkan penyelidikan polisi", "KPK menyidik ...": investigating a case is an
        // event of the investigator alone (guidelines: 091 with the investigator only).
        let investigation = entry.cameo.starts_with("09")
            && INVESTIGATIONS.contains(&keys[m.start])
            && sources.iter().any(|a| is_investigator(&a.code, "09"));
        if (flags.need_target || cooperative)
            && targets.is_empty()
            && sources.len() < 2
            && !speech_act
            && !investigation
            // ("Dalam penangkapan itu, polisi ...": the framed act's patient is anaphoric.)
            && !(rule_extra == "+frame" && targets.is_empty())
            && !roles::lone_visit(
                &entry.cameo,
                m.trigger.voice == Voice::Nominal,
                flags.target_ke,
                &sources,
            )
        {
            return trace_drop(doc, m, line!());
        }
        // Without a source: a passive ("X ditangkap"), a conflictual event noun with an explicit
        // target ("serangan terhadap X"), or a flagged entry.
        let conflict = entry.cameo.as_str() >= "09";
        if sources.is_empty()
            && (targets.is_empty()
                || !(voice == Voice::Passive
                    || (m.trigger.voice == Voice::Nominal
                        && conflict
                        && rule_extra != "+nominal-prep")
                    || (rule_extra == "+nominal-prep"
                        && (targets.len() >= 2 || entry.cameo.as_str() >= "13"))
                    || rule_extra == "+nominal-victim"
                    || flags.nosrc_ok))
        {
            return trace_drop(doc, m, line!());
        }
        if prohibited(keys, head, range.start) {
            return trace_drop(doc, m, line!());
        }
        // Questions, habits and competences, labels, metaphors, quoted laws, the press asking.
        if guards::question(keys, head, &range)
            || guards::habitual(keys, head, range.start)
            || (m.trigger.voice == Voice::Nominal
                && m.light.is_none()
                && targets.is_empty()
                && guards::label(keys, m.start, range.start))
            || (m.trigger.voice == Voice::Nominal
                && m.light.is_none()
                && guards::group_label(keys, m.start, range.start))
            || guards::private(keys, m.start, m.end, &range)
            || (entry.cameo.starts_with("08") && guards::territory(keys, m.start, m.end, range.end))
            || (matches!(&entry.cameo[..2], "13" | "17" | "18" | "19" | "20")
                && guards::metaphor(keys, m.start, m.end, range.end))
            || (flags.deontic && guards::cites_law(keys, &range))
            || (m.trigger.voice == Voice::Active
                && guards::relative_verb(keys, head, range.start)
                && !sources.is_empty()
                && sources.iter().all(|a| a.first > head))
            || (m.trigger.voice == Voice::Passive
                && matches!(&entry.cameo[..2], "02" | "10" | "11")
                && sources.iter().any(|a| role(&a.code) == "MED"))
        {
            return trace_drop(doc, m, line!());
        }
        let mut modality = modality(keys, head, range.start);
        // "X mangkir dari panggilan": a word that states a non-event (`negated` flag).
        if flags.negated && modality == Modality::Asserted {
            modality = Modality::Negated;
        }
        // "tidak ditahan dan diperiksa", "akan ditangkap dan diadili": a coordinated verb with
        // no modal word of its own shares the modality of the verb it is coordinated with.
        if modality == Modality::Asserted && m.trigger.voice != Voice::Nominal {
            if let Some(v) = coordinated_with(keys, head, range.start) {
                modality = self::modality(keys, v, range.start);
            }
        }
        // Denials of meaning, possibilities, consequences of a condition, hopes.
        modality = guards::refine(keys, head, &range, modality);
        // "berharap status JC-nya dikabulkan": a hoped-for passive without its agent is at most
        // the hope's request, coded on its own.
        if voice == Voice::Passive && sources.is_empty() && guards::hoped(keys, head, &range) {
            return trace_drop(doc, m, line!());
        }
        // "pekerja yang harus dipulangkan": what must still happen is not asserted.
        if modality == Modality::Asserted
            && head >= range.start + 2
            && keys[head - 1] == "harus"
            && keys[head - 2] == "yang"
        {
            modality = Modality::Future;
        }
        // "merencanakan pemboman", "merancang serangan": a planned event is intended.
        if m.light.is_some_and(|j| PLAN_VERBS.contains(&keys[j]))
            && matches!(modality, Modality::Asserted | Modality::Future)
        {
            modality = Modality::Intended;
        }
        let mut code = entry.cameo.clone();
        // Promised cooperation ("akan terus bekerja sama dengan X") is an expression of
        // intent to cooperate (03x), like a wish to.
        if modality == Modality::Future && ("05".."09").contains(&&code[..2]) {
            modality = Modality::Intended;
        }
        if modality == Modality::Intended {
            code = intent_code(&code).to_string();
        }
        // Expressions of intent (03x) and threats (13x) are intended by definition.
        if (code.starts_with("03") || code.starts_with("13"))
            && matches!(modality, Modality::Asserted | Modality::Future)
        {
            modality = Modality::Intended;
        }
        let symmetric = !one_way && (flags.sym || SYMMETRIC.contains(&code.as_str()));
        let Some(info) = self.cameo.get(&code) else {
            return trace_drop(doc, m, line!());
        };
        let trigger = Span::new(doc.tokens[head].span.start, doc.tokens[m.end].span.end);
        let date = date_of(doc, times, si, head).or_else(|| doc.published.clone());
        let place = place_of(&in_sent, head, &targets, flags.target_ke)
            .or_else(|| doc.source.dateline_place.clone());
        let rule = format!("{}:{}{}", dict::VERBS_NAME, entry.line, rule_extra);
        let mut pairs: Vec<(Option<&Actor>, Option<&Actor>)> = Vec::new();
        if targets.is_empty() && sources.len() >= 2 {
            // "A dan B sepakat": one event each way.
            for a in &sources {
                for b in &sources {
                    if a.first != b.first {
                        pairs.push((Some(a), Some(b)));
                    }
                }
            }
        } else if sources.is_empty() && symmetric && targets.len() >= 2 {
            // "Tokyo dan Washington disepakati ...": the coordinated parties, each way.
            for a in &targets {
                for b in &targets {
                    if a.first != b.first {
                        pairs.push((Some(a), Some(b)));
                    }
                }
            }
        } else if sources.is_empty() {
            for t in &targets {
                pairs.push((None, Some(t)));
            }
        } else if targets.is_empty() {
            for s in &sources {
                pairs.push((Some(s), None));
            }
        } else if sources.len() >= 2 && sources.len() == targets.len() {
            // "Menhan A bersama Menlu B bertemu dengan Menhan C dan Menlu D": counterparts
            // are paired in order, not crossed.
            for (s, t) in sources.iter().zip(&targets) {
                pairs.push((Some(s), Some(t)));
                if symmetric {
                    pairs.push((Some(t), Some(s)));
                }
            }
        } else {
            for s in &sources {
                for t in &targets {
                    pairs.push((Some(s), Some(t)));
                    if symmetric {
                        pairs.push((Some(t), Some(s)));
                    }
                }
            }
        }
        for (s, t) in pairs {
            if let (Some(s), Some(t)) = (s, t) {
                if s.code == t.code || s.first == t.first {
                    {
                        trace_drop(doc, m, line!());
                        continue;
                    }
                }
                // Business with business or with the public ("pengusaha yang bekerja sama
                // dengan kami") is no political event: a state party must take part.
                if (is_business(&s.code) || is_business(&t.code))
                    && !is_state(&s.code)
                    && !is_state(&t.code)
                    && s.code.len() > 3
                    && t.code.len() > 3
                {
                    {
                        trace_drop(doc, m, line!());
                        continue;
                    }
                }
                // Talking to the press ("berdiskusi dengan media") is reporting, not a
                // consultation between parties.
                if code.starts_with("04") && (role(&s.code) == "MED" || role(&t.code) == "MED") {
                    {
                        trace_drop(doc, m, line!());
                        continue;
                    }
                }
                // A visit goes abroad: the same country on both sides is no visit.
                let visit =
                    (flags.target_ke && !code.starts_with("040")) || code == "042" || code == "043";
                if visit && s.code.get(..3) == t.code.get(..3) {
                    {
                        trace_drop(doc, m, line!());
                        continue;
                    }
                }
                // Disaster relief at home ("BPBD mengevakuasi warga", "bantuan bagi korban
                // banjir") is no political event; aid across borders still is.
                if code.starts_with("07")
                    && s.code.get(..3) == t.code.get(..3)
                    && keys[range.clone()].iter().any(|k| DISASTER.contains(k))
                {
                    trace_drop(doc, m, line!());
                    continue;
                }
                // A country acting on (or acted on by) a part of itself: a mis-read role.
                if s.code.get(..3) == t.code.get(..3) && (s.code.len() == 3 || t.code.len() == 3) {
                    {
                        trace_drop(doc, m, line!());
                        continue;
                    }
                }
            }
            // Who fights whom decides the kind of violence (CAMEO 175/180/190).
            let refined = refine_violence(
                &code,
                s.map(|a| a.code.as_str()),
                t.map(|a| a.code.as_str()),
            );
            let (code, info, rule) = match refined.and_then(|c| Some((c, self.cameo.get(c)?))) {
                Some((c, i)) => (c.to_string(), i, format!("{rule}+roles:{c}")),
                None => (code.clone(), info, rule.clone()),
            };
            let ev = Event {
                sentence: si,
                source: s.map(|a| ActorRef {
                    span: a.span,
                    code: Some(a.code.clone()),
                }),
                target: t.map(|a| ActorRef {
                    span: a.span,
                    code: Some(a.code.clone()),
                }),
                trigger,
                cameo: code.clone(),
                root: code[..2].to_string(),
                quad_class: info.quad_class,
                goldstein: info.goldstein,
                plover: info.plover.clone(),
                modality,
                date: date.clone(),
                place: place.clone(),
                rule,
                mentions: 1,
            };
            merge(out, ev, actors);
        }
    }
}

impl Default for Coder {
    fn default() -> Self {
        Self::new()
    }
}

/// The genitive actor right after a noun ending at token `after`: up to three title words may
/// intervene ("kunjungan Menteri Luar Negeri Uruguay"), but no boundary, preposition, verb or
/// demonstrative (nor `yang` when `stop_at_yang`).
pub(crate) fn genitive_after<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    after: usize,
    stop_at_yang: bool,
) -> Option<&'a Actor> {
    in_sent.iter().copied().find(|a| {
        a.prep.is_none()
            && a.first > after
            && a.first <= after + 4
            && !keys[after + 1..a.first].iter().any(|k| {
                is_boundary(k)
                    || PREPS.contains(k)
                    || is_verbish(k)
                    || matches!(*k, "tersebut" | "itu" | "ini")
                    || (stop_at_yang && *k == "yang")
            })
    })
}

/// Three-letter actor codes that name no state (regions, blocs, collectives): they stay as they are.
const NON_STATES: &[&str] = &[
    "WST", "EUR", "AFR", "MEA", "PGS", "INT", "UIS", "MOS", "SEA", "ASA", "MNC", "NGO", "IGO",
    "NAF", "SAS", "CAS", "EAF", "WAF", "SAF", "CAF", "LAM", "SAM", "NMR", "CRB",
];

/// A bare country (or its capital) that acts is its government (CAMEO practice, our guideline):
/// "Washington menjatuhkan sanksi" has USAGOV as source. As a target a country stays bare.
fn agent_code(code: &str) -> String {
    let bare_state = code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !NON_STATES.contains(&code);
    if bare_state {
        format!("{code}GOV")
    } else {
        code.to_string()
    }
}

/// Protesters are a place's people, never its government: a protest (CAMEO 14) whose source is
/// a country or a city ("demonstrasi di Belanda", "Di Jakarta, aksi mogok") keeps the bare
/// country code, where other acting countries become governments (`agent_code`).
fn protest_source(src: &ActorRef, entities: &[Entity]) -> Option<String> {
    let code = src.code.as_deref()?;
    let place = entities
        .iter()
        .any(|e| e.span == src.span && e.kind == "LOC");
    match code.strip_suffix("GOV") {
        Some(country) if place && country.len() == 3 => Some(country.to_string()),
        _ => Some(code.to_string()),
    }
}

fn actor_code(a: &Option<ActorRef>) -> Option<String> {
    a.as_ref().and_then(|a| a.code.clone())
}

/// A business actor: a multinational (`MNC...`) or a domestic business role (`IDNBUS`).
fn is_business(code: &str) -> bool {
    code.starts_with("MNC") || role(code) == "BUS"
}

/// An actor of the state or of an international organisation.
fn is_state(code: &str) -> bool {
    code.starts_with("IGO")
        || matches!(
            role(code),
            "GOV" | "LEG" | "JUD" | "MIL" | "COP" | "SPY" | "ELI"
        )
}

/// An armed non-state group: rebels, militants, insurgents, militant Islamist groups.
fn is_armed(code: &str) -> bool {
    code.starts_with("IMG") || matches!(role(code), "REB" | "UAF" | "INS")
}

/// The role part of an actor code (`PAKUAF` -> `UAF`, `IMGMUSISI` -> `MUS`...).
fn role(code: &str) -> &str {
    code.get(3..6).unwrap_or("")
}

/// Police, courts and prosecutors, intelligence, and (for an inquiry, root 09) human-rights
/// commissions: the actors whose investigation noun names them as its author, not its subject.
fn is_investigator(code: &str, root: &str) -> bool {
    matches!(role(code), "COP" | "JUD" | "SPY") || (root == "09" && role(code) == "HRI")
}

/// Violence re-coded by who does it to whom (CAMEO): security forces shooting or killing
/// civilians, refugees or protesters are repression (175); an armed attack on civilians, or
/// by militants with no target named, is unconventional violence (180).
fn refine_violence(code: &str, src: Option<&str>, tgt: Option<&str>) -> Option<&'static str> {
    const FORCES: &[&str] = &["MIL", "COP", "GOV", "SPY"];
    const CIVIL: &[&str] = &[
        "CVL", "REF", "OPP", "EDU", "REL", "MED", "HLH", "BUS", "LAB",
    ];
    const IRREGULAR: &[&str] = &["UAF", "INS", "MUS", "TER", "CRM"];
    let s = src.map(role);
    let t = tgt.map(role);
    let t_civil = t.is_some_and(|t| CIVIL.contains(&t));
    match code {
        "190" | "180" | "1823" | "183" | "186"
            if s.is_some_and(|s| FORCES.contains(&s)) && t_civil =>
        {
            Some("175")
        }
        // Crowds, refugees and protesters storming or attacking: a violent protest (145).
        "190" | "180" if s.is_some_and(|s| matches!(s, "CVL" | "REF" | "OPP")) => Some("145"),
        "190" if t_civil || (tgt.is_none() && s.is_some_and(|s| IRREGULAR.contains(&s))) => {
            Some("180")
        }
        _ => None,
    }
}

/// Kinship nouns that name a relative by the person after them (`istri X`, `keluarga X`).
/// Honorifics that are also kin words (`ibu`, `bapak`, `saudara`) and `putri` (a name) are
/// left out.
const KIN: &[&str] = &[
    "istri",
    "suami",
    "anak",
    "adik",
    "kakak",
    "abang",
    "ipar",
    "keluarga",
    "kerabat",
    "ayah",
    "ayahanda",
    "putra",
    "menantu",
    "mertua",
    "cucu",
    "keponakan",
    "sepupu",
    "janda",
    "duda",
];

/// The first token of a kinship phrase right before token `first` (`istri`, `adik ipar`,
/// `orang tua`): lower-case, or capitalised as the sentence's first word.
fn kin_before(doc: &TextDoc, keys: &[&str], first: usize) -> Option<usize> {
    let j = first.checked_sub(1)?;
    let k = keys[j];
    let start = if KIN.contains(&k) {
        // ("anak buah X" is a subordinate, "anak" alone a child.)
        match j.checked_sub(1).map(|p| keys[p]) {
            Some("adik" | "kakak") if k == "ipar" => j - 1,
            _ => j,
        }
    } else if k == "tua" && j > 0 && keys[j - 1] == "orang" {
        j - 1
    } else {
        return None;
    };
    let t = &doc.tokens[start];
    let opens = doc.sentences.iter().any(|s| s.tokens.start == start);
    (!t.is_capitalised() || opens).then_some(start)
}

/// The person an entity names: the lower-cased text of the first mention of its coreference
/// chain, when that is a name (not a role word, a pronoun or an organisation).
fn person_identity(doc: &TextDoc, entities: &[Entity], i: usize) -> Option<String> {
    let mut r = i;
    for _ in 0..8 {
        match entities[r].refers_to {
            Some(n) if n < entities.len() && n != r => r = n,
            _ => break,
        }
    }
    let e = &entities[r];
    let text = e.span.text(doc.text);
    let role_word = e.rule.starts_with("roles.tsv") && !e.rule.contains("model:ner");
    (e.kind == "PER" && !role_word && text.chars().next().is_some_and(char::is_uppercase))
        .then(|| text.to_lowercase())
}

/// The same event stated again: same actors' codes, code and modality, and not two different
/// named people on one side ("polisi menangkap A" and "polisi menangkap B" are two arrests).
fn merge(out: &mut Vec<Event>, ev: Event, actors: &[Actor]) {
    let code = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone());
    let who = |a: &Option<ActorRef>| {
        let a = a.as_ref()?;
        actors.iter().find(|x| x.span == a.span)?.who.as_deref()
    };
    let differ = |a: &Option<ActorRef>, b: &Option<ActorRef>| match (who(a), who(b)) {
        (Some(x), Some(y)) => x != y && !x.contains(y) && !y.contains(x),
        _ => false,
    };
    if let Some(prev) = out.iter_mut().find(|p| {
        p.cameo == ev.cameo
            && p.modality == ev.modality
            && code(&p.source) == code(&ev.source)
            && code(&p.target) == code(&ev.target)
            && !differ(&p.source, &ev.source)
            && !differ(&p.target, &ev.target)
    }) {
        // Another statement, or another actor of the same code ("Menlu dan Menhan Jepang
        // bertolak ke AS": one event per actor, counted as mentions of the coded event).
        let span = |a: &Option<ActorRef>| a.as_ref().map(|a| a.span);
        if prev.trigger != ev.trigger
            || span(&prev.source) != span(&ev.source)
            || span(&prev.target) != span(&ev.target)
        {
            prev.mentions += 1;
        }
        return;
    }
    out.push(ev);
}

/// The lookup key of a token: its lower-case form, `""` for non-words.
fn key(t: &Token) -> &str {
    if t.is_word() {
        morph::unreduplicate(&t.lower).unwrap_or(&t.lower)
    } else if t.lower.len() <= 3 {
        // Keep punctuation visible to boundaries.
        &t.lower
    } else {
        ""
    }
}

fn word_eq(k: &str, w: &str) -> bool {
    k == w || morph::strip_enclitic(k) == Some(w)
}

fn is_boundary(k: &str) -> bool {
    CLAUSE_BOUNDARY.contains(&k) || k == ","
}

/// Find a complement near the trigger: after it (active, nominal) within 6 tokens, or before
/// it (passive/nominal: "sanksi yang dijatuhkan") within 3 tokens.
fn find_complement(
    keys: &[&str],
    range: &std::ops::Range<usize>,
    start: usize,
    end: usize,
    comps: &[Vec<String>],
    voice: Voice,
) -> Option<(usize, usize)> {
    let at = |i: usize| -> Option<(usize, usize)> {
        for c in comps {
            if i + c.len() > range.end {
                continue;
            }
            if c.iter().enumerate().all(|(j, w)| word_eq(keys[i + j], w)) {
                return Some((i, i + c.len() - 1));
            }
        }
        None
    };
    let mut i = end + 1;
    let mut limit = end + 6;
    while i < range.end && i <= limit {
        if matches!(
            keys[i],
            "." | ";" | "," | "bahwa" | "yang" | "namun" | "tetapi"
        ) {
            break;
        }
        if let Some(r) = at(i) {
            return Some(r);
        }
        // "menyebut A dan B sebagai negara X": the complement follows `sebagai`, however long
        // the object before it.
        if keys[i] == "sebagai" {
            limit = limit.max(i + 4);
        }
        i += 1;
    }
    if voice != Voice::Active {
        let mut i = start;
        while i > range.start && i + 3 >= start {
            i -= 1;
            if matches!(keys[i], "." | ";" | ",") {
                break;
            }
            if let Some(r) = at(i) {
                return Some(r);
            }
        }
    }
    None
}

/// Coded entities grouped into actors, with their governing prepositions.
fn actors(doc: &TextDoc, entities: &[Entity], keys: &[&str], lex: &Lexicon) -> Vec<Actor> {
    let toks = &doc.tokens;
    let resolve = |i: usize| -> Option<(String, usize)> {
        let mut j = i;
        for _ in 0..6 {
            let e = entities.get(j)?;
            if let Some(c) = e.code.as_deref().filter(|c| !c.is_empty()) {
                return Some((c.to_string(), j));
            }
            j = e.refers_to?;
        }
        None
    };
    let mut items: Vec<(usize, usize, usize, String, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        // The dateline, byline and credits name no actor of the story.
        if doc.source.spans.iter().any(|(_, f)| f.overlaps(e.span)) || !doc.body.contains(e.span) {
            continue;
        }
        let Some((code, src)) = resolve(i) else {
            continue;
        };
        let first = toks.partition_point(|t| t.span.end <= e.span.start);
        let mut last = first;
        while last + 1 < toks.len() && toks[last + 1].span.start < e.span.end {
            last += 1;
        }
        if first >= toks.len() || toks[first].span.start >= e.span.end {
            continue;
        }
        items.push((first, last, i, code, src));
    }
    items.sort_by_key(|x| (x.0, std::cmp::Reverse(x.1)));
    let mut out: Vec<Actor> = Vec::new();
    for (first, last, i, code, src) in items {
        let e = &entities[i];
        let is_person = entities[src].kind == "PER" || e.kind == "PER";
        let place = e.place.clone();
        let named = e.rule.starts_with("actors.tsv") && code.len() > 3;
        let who = person_identity(doc, entities, i);
        if let Some(prev) = out.last_mut() {
            // A role followed by its country, maybe over one or two plain words: "polisi
            // perairan Malaysia", "pejabat Kemlu Jepang". The country names the role's state
            // where the role was coded with the home default (IDN); groups (IMG, IGO) keep theirs.
            let role_of_country = code.len() == 3
                && !prev.named
                && prev.code.len() > 3
                && prev.code.starts_with("IDN")
                && first > prev.last
                && first <= prev.last + 3
                && (prev.last + 1..first).all(|j| {
                    let k = keys[j];
                    toks[j].is_word()
                        && !toks[j].is_capitalised()
                        && !PREPS.contains(&k)
                        && !is_verbish(k)
                        && !is_boundary(k)
                        && lex.lookup(k).is_empty()
                });
            if role_of_country {
                if prev.code.get(..3) != Some(code.as_str()) {
                    prev.code = format!("{code}{}", prev.code.get(3..).unwrap_or(""));
                }
                prev.last = prev.last.max(last);
                continue;
            }
            if first <= prev.last + 1 {
                // Adjacent or nested: one actor; keep the most specific code.
                prev.last = prev.last.max(last);
                if code.len() > prev.code.len() || (code.len() == prev.code.len() && is_person) {
                    prev.code = code;
                    prev.span = e.span;
                    prev.is_person |= is_person;
                    prev.who = who;
                }
                if prev.place.is_none() {
                    prev.place = place;
                }
                prev.named |= named;
                continue;
            }
        }
        out.push(Actor {
            first,
            last,
            span: e.span,
            code,
            prep: None,
            is_person,
            place,
            named,
            who,
        });
    }
    // "istri X", "adik ipar X", "keluarga pelaku": the relative is the actor, a civilian of
    // X's country, not X (a person's relatives named by the person they belong to).
    for a in &mut out {
        let Some(kin) = kin_before(doc, keys, a.first) else {
            continue;
        };
        let country = a.code.get(..3).unwrap_or("");
        if !a.is_person
            || a.code.len() < 3
            || matches!(country, "IGO" | "IMG" | "MNC" | "NGO" | "INT" | "UIS")
        {
            continue;
        }
        a.code = format!("{country}CVL");
        a.who = a
            .who
            .as_ref()
            .map(|w| format!("{} {w}", keys[kin..a.first].join(" ")));
        a.span = Span::new(toks[kin].span.start, a.span.end);
        a.first = kin;
    }
    let ends: Vec<usize> = out.iter().map(|a| a.last).collect();
    for a in &mut out {
        // Look back over up to three lower-case words (titles, nouns) for a preposition,
        // never across a clause boundary or another actor ("oleh polisi namun Budi ...").
        let mut j = a.first;
        for _ in 0..4 {
            if j == 0 {
                break;
            }
            j -= 1;
            let k = keys[j];
            // ("di mana ISIS diperangi": a relative adverb, not a preposition.)
            if k == "di" && matches!(keys.get(j + 1), Some(&"mana")) {
                break;
            }
            if let Some(p) = PREPS.iter().find(|p| **p == k) {
                // A conjunction only coordinates the actor when right before it ("A dan B"),
                // not a noun before it ("program nuklir dan rudal Korea Utara").
                if !matches!(*p, "dan" | "serta" | "atau") || j + 1 == a.first {
                    a.prep = Some(p);
                }
                break;
            }
            let t = &toks[j];
            let verbish = is_verbish(k)
                || k.starts_with("ber")
                || k.starts_with("di")
                || k.starts_with("ter");
            // Never across an event word: "dalam serangan udara AS" leaves AS ungoverned.
            if !t.is_word()
                || verbish
                || k == "yang"
                || !lex.lookup(k).is_empty()
                || is_boundary(k)
                || ends.contains(&j)
            {
                break;
            }
        }
    }
    // A place in apposition to a place keeps its preposition: "di depan Gedung DPR, Senayan,".
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        // (A person after the comma is the subject of what follows: "di Pengadilan, Aris ...".)
        // A non-person between two commas is in apposition too, though it has no place
        // ("Senayan", the parliament's metonym).
        let enclosed = keys.get(b.last + 1) == Some(&",");
        if b.prep.is_none()
            && (b.place.is_some() || enclosed)
            && !b.is_person
            && b.first == a.last + 2
            && keys[a.last + 1] == ","
            && matches!(a.prep, Some("di" | "ke" | "dari"))
        {
            out[k].prep = out[k - 1].prep;
        }
    }
    out
}

/// A meN- verb that opens a verb phrase of its own (not a preposition-like `melalui`, `menuju`).
fn is_content_verb(k: &str) -> bool {
    is_verbish(k)
        && !PREPS.contains(&k)
        && !matches!(
            k,
            "melalui"
                | "menjelang"
                | "meski"
                | "meskipun"
                | "menyusul"
                | "mengingat"
                | "menurut"
                | "mengenai"
                | "menuju"
                | "melawan"
                | "mewakili"
                | "menggunakan"
                | "sebagai"
        )
}

/// Titles and nouns that look like meN- verbs.
const ME_NOUNS: &[&str] = &[
    "menteri",
    "mendiang",
    "menlu",
    "menhan",
    "mensesneg",
    "menko",
    "menpora",
    "media",
    "meja",
    "merah",
    "mesir",
    "meksiko",
    "meter",
    "menara",
    "mereka",
    "mendagri",
    "menkeu",
    "menag",
];

/// A meN- verb form (not a title like `menteri`).
fn is_verbish(k: &str) -> bool {
    k.starts_with("me") && k.len() > 4 && !ME_NOUNS.contains(&k)
}

/// Nouns that, after `kedua`, refer back to the two parties of the story.
const PAIR_NOUNS: &[&str] = &[
    "negara",
    "pemimpin",
    "pihak",
    "menteri",
    "presiden",
    "kepala",
    "pemerintah",
    "delegasi",
    "menlu",
];

/// The last two actors before token `before` that belong to different countries.
fn last_two_parties<'a>(keys: &[&str], all: &'a [Actor], before: usize) -> Vec<&'a Actor> {
    // Leaders and governments first (a bare country is rarely "the two leaders"); never
    // another "kedua ..." mention.
    for roles_only in [true, false] {
        let mut out: Vec<&Actor> = Vec::new();
        for a in all.iter().rev().filter(|a| {
            a.last < before
                && (!roles_only || a.code.len() > 3)
                && (a.first == 0 || keys[a.first - 1] != "kedua")
                && !matches!(a.prep, Some("di" | "ke" | "dari" | "menuju" | "pada"))
        }) {
            if out.len() == 2 {
                break;
            }
            if out.iter().all(|b| b.code.get(..3) != a.code.get(..3)) {
                out.push(a);
            }
        }
        if out.len() == 2 {
            out.reverse();
            return out;
        }
    }
    Vec::new()
}

/// A numeral or quantifier opening a noun phrase (`dua`, `satu`, `sejumlah`, `12`).
fn is_quantifier(k: &str) -> bool {
    matches!(
        k,
        "satu"
            | "dua"
            | "tiga"
            | "empat"
            | "lima"
            | "enam"
            | "tujuh"
            | "delapan"
            | "sembilan"
            | "sepuluh"
            | "seorang"
            | "sebuah"
            | "sejumlah"
            | "beberapa"
            | "para"
            | "ratusan"
            | "puluhan"
            | "ribuan"
    ) || (!k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
}

/// Words that close a noun phrase after its head: demonstratives and ordinals.
const DETERMINERS: &[&str] = &[
    "tersebut", "itu", "ini", "lainnya", "pertama", "kedua", "ketiga", "keempat", "kelima",
    "terakhir",
];

/// The subject of a verb right after `yang` (modal words may intervene): the actor ending
/// right before `yang` (or before `, yang`); `Some(empty)` when that noun is no actor.
fn relative_subject<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    head: usize,
    sent_start: usize,
) -> Option<Vec<&'a Actor>> {
    let mut i = head;
    while i > sent_start {
        i -= 1;
        let k = keys[i];
        if k == "yang" {
            // ("terduga teroris ketiga yang ditangkap": a determiner or ordinal may close the
            // noun phrase before `yang`.)
            let before = |j: usize| {
                let j = (sent_start + 1..j)
                    .rev()
                    .take_while(|&d| DETERMINERS.contains(&keys[d]))
                    .last()
                    .unwrap_or(j);
                // ("perusahaan pelayaran yang": the head noun is the actor, one plain word
                // modifies it.)
                in_sent
                    .iter()
                    .copied()
                    .find(|a| a.last + 1 == j)
                    .or_else(|| {
                        let m = j.checked_sub(1)?;
                        let k = keys[m];
                        let plain = k.len() > 2
                            && k.chars().all(char::is_alphabetic)
                            && !is_verbish(k)
                            && !k.starts_with("di")
                            && !k.starts_with("ber")
                            && !k.starts_with("ter")
                            && !PREPS.contains(&k)
                            && !is_boundary(k)
                            && !DETERMINERS.contains(&k);
                        plain
                            .then(|| in_sent.iter().copied().find(|a| a.last + 1 == m))
                            .flatten()
                    })
            };
            let a = before(i).or_else(|| {
                (i >= 2 && keys[i - 1] == ",")
                    .then(|| before(i - 1))
                    .flatten()
            });
            // "dua warga Cina dan satu perusahaan yang ...": both conjuncts.
            if let Some(a) = a {
                if let Some(b) = in_sent.iter().copied().find(|b| {
                    b.last + 1 < a.first
                        && a.first - b.last <= 4
                        && matches!(keys[b.last + 1], "dan" | "serta")
                        && keys[b.last + 2..a.first].iter().all(|k| is_quantifier(k))
                }) {
                    return Some(vec![b, a]);
                }
            }
            return Some(a.into_iter().collect());
        }
        if !MODAL_GAP.contains(&k) && !NEGATION.contains(&k) && !FUTURE.contains(&k) {
            return None;
        }
    }
    None
}

/// "Salah satu yang ditangkap bernama X", "yang ditahan adalah X": a relative clause with
/// no actor as its head names its subject after a copula.
fn named_after<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    head: usize,
    after: usize,
    range: std::ops::Range<usize>,
) -> Vec<&'a Actor> {
    if head == range.start || keys[head - 1] != "yang" {
        return Vec::new();
    }
    let Some(c) = (after + 1..range.end.min(after + 3))
        .find(|&j| matches!(keys[j], "bernama" | "adalah" | "ialah" | "yakni" | "yaitu"))
    else {
        return Vec::new();
    };
    bare_actor_after(in_sent, c, 2)
}

/// The first actor without a preposition starting within `within` tokens after `pos`.
fn bare_actor_after<'a>(in_sent: &[&'a Actor], pos: usize, within: usize) -> Vec<&'a Actor> {
    in_sent
        .iter()
        .copied()
        .filter(|a| a.first > pos && a.first <= pos + within && a.prep.is_none())
        .take(1)
        .collect()
}

/// Written statements that speak for their author.
const DOCUMENTS: &[&str] = &[
    "surat",
    "pernyataan",
    "resolusi",
    "laporan",
    "keputusan",
    "dekret",
    "memo",
    "rilis",
    "petisi",
    "komunike",
    "deklarasi",
    "maklumat",
    "nota",
];

/// "X mengeluarkan surat (resmi) yang meminta ...": the subject of the verb that issued the
/// document named right before the `yang` of the verb at `head`.
fn document_author<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    all: &'a [Actor],
    head: usize,
    sent_start: usize,
) -> Vec<&'a Actor> {
    let Some(y) = (sent_start..head)
        .rev()
        .take(4)
        .find(|&j| keys[j] == "yang")
    else {
        return Vec::new();
    };
    let Some(n) = (y.saturating_sub(2).max(sent_start)..y)
        .rev()
        .find(|&j| DOCUMENTS.contains(&keys[j]))
    else {
        return Vec::new();
    };
    if n == sent_start || !is_content_verb(keys[n - 1]) {
        return Vec::new();
    }
    subject(keys, in_sent, all, n - 1, sent_start, 30)
}

/// "Setelah menemui warga, Jokowi bertamu ...": a verb in a fronted adverbial clause shares
/// the subject of the main clause, the first actor after the clause's comma.
fn fronted_clause_subject<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    head: usize,
    range: std::ops::Range<usize>,
) -> Vec<&'a Actor> {
    let opens = keys[range.start..head.min(range.start + 3)]
        .iter()
        .any(|k| FRONTED.contains(k));
    // "Selain menangkap empat tersangka, polisi menyita ...": besides doing one thing, the
    // subject did another (only with the verb right after `selain`).
    let besides = head > range.start && head <= range.start + 3 && keys[head - 1] == "selain";
    if !opens && !besides {
        return Vec::new();
    }
    let Some(comma) = (head + 1..range.end.min(head + 15)).find(|&j| keys[j] == ",") else {
        return Vec::new();
    };
    bare_actor_after(in_sent, comma, 4)
}

/// The speaker of the sentence: the actor of an attribution (`..., kata X`), else the
/// subject of a speech verb before `head` (`X mengatakan ...`, `menurut X`).
fn speaker<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    all: &'a [Actor],
    head: usize,
    range: std::ops::Range<usize>,
) -> Vec<&'a Actor> {
    if let Some(a) = in_sent.iter().find(|a| {
        a.first > head
            && keys[a.first.saturating_sub(5)..a.first]
                .iter()
                .any(|k| ATTRIBUTION.contains(k))
    }) {
        return vec![*a];
    }
    for i in (range.start..head).rev() {
        let k = keys[i];
        if k == "menurut" {
            return in_sent
                .iter()
                .copied()
                .filter(|a| a.first > i && a.first <= i + 4)
                .take(1)
                .collect();
        }
        if SPEECH.contains(&k) {
            return subject(keys, in_sent, all, i, range.start, 12);
        }
    }
    // "Kami sepakat: Trump harus meminta maaf": the first person who speaks.
    if let Some(i) = (range.start..head).find(|&i| FIRST_PRONOUNS.contains(&keys[i])) {
        return subject(keys, in_sent, all, i + 1, range.start, 1);
    }
    Vec::new()
}

/// A deontic modal at `i` that states a necessity rather than an appeal: in a relative clause
/// or before a passive ("pekerja yang harus dipulangkan").
fn necessity(keys: &[&str], i: usize, sent_start: usize) -> bool {
    (i > sent_start && keys[i - 1] == "yang")
        || keys
            .get(i + 1)
            .is_some_and(|k| k.starts_with("di") && k.len() > 5)
}

/// A peN-an action noun (`penangkapan`, `pengusiran`, `pembebasan`), possibly with `-nya`.
fn is_pen_an(k: &str) -> bool {
    let k = morph::strip_enclitic(k).unwrap_or(k);
    k.len() > 7 && k.starts_with("pe") && k.ends_with("an") && !k.starts_with("per")
}

/// Is this actor the agent right after a passive verb (`ditangkap polisi X`)?
fn is_agent(keys: &[&str], a: &Actor) -> bool {
    a.first >= 1 && {
        let k = keys[a.first - 1];
        k == "oleh" || (k.len() > 4 && (k.starts_with("di") || k.starts_with("ter")))
    }
}

/// Is this actor the object of a (non-speech) meN- verb right before it?
fn is_object(keys: &[&str], a: &Actor) -> bool {
    if a.first == 0 {
        return false;
    }
    let k = keys[a.first - 1];
    is_verbish(k) && !SPEECH.contains(&k)
}

/// The subject(s) of a verb at `head`: the nearest actor to its left not governed by a
/// preposition; `A dan B` gives both; a pronoun (`ia`) resolves to the last person before.
fn subject<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    all: &'a [Actor],
    head: usize,
    sent_start: usize,
    reach: usize,
) -> Vec<&'a Actor> {
    // "X disidangkan di pengadilan Y dan dibebaskan", "X dihukum ..., tapi dibebaskan": a verb
    // right after a coordinating conjunction shares the subject of the verb before it.
    if let Some(v) = coordinated_with(keys, head, sent_start) {
        let subj = subject(keys, in_sent, all, v, sent_start, reach);
        if !subj.is_empty() || is_passive_form(keys[head]) {
            return subj;
        }
    }
    let mut i = head;
    // Tokens of skipped relative clauses do not count against `reach`.
    let mut skipped = 0;
    while i > sent_start {
        i -= 1;
        let k = keys[i];
        // "X ditangkap polisi namun (tak) dibebaskan": a clause after namun/tetapi without a
        // subject of its own shares the subject of the clause before.
        if matches!(k, "namun" | "tetapi")
            && keys[i + 1..head]
                .iter()
                .all(|w| MODAL_GAP.contains(w) || NEGATION.contains(w) || FUTURE.contains(w))
        {
            if let Some(v) = (sent_start..i).rev().take(12).find(|&j| {
                (is_verbish(keys[j]) || (keys[j].starts_with("di") && keys[j].len() > 5))
                    && !SPEECH.contains(&keys[j])
            }) {
                return subject(keys, in_sent, all, v, sent_start, reach);
            }
            break;
        }
        if STRONG_BOUNDARY.contains(&k) || head - i - skipped > reach {
            break;
        }
        // "ASEAN, yang masih menjadi rumah ... miskin, harus ...": a relative clause between
        // commas stands between the subject and its verb.
        if k == "," && i > sent_start {
            let open = (i.saturating_sub(16).max(sent_start + 1)..i)
                .rev()
                .take_while(|&j| !matches!(keys[j], "," | "." | ";"))
                .last();
            if let Some(o) = open.filter(|&o| keys[o] == "yang" && keys[o - 1] == ",") {
                skipped += i - (o - 1);
                i = o - 1;
                continue;
            }
        }
        // "Kapolda mengatakan, semua pelanggar akan ditindak": the reported clause has a
        // subject of its own (not an actor); its speaker is not it. "X mengatakan akan V"
        // (a modal right after, or no comma or bahwa) still shares X.
        if SPEECH.contains(&k) && i + 1 < head && matches!(keys[i + 1], "," | "bahwa") {
            let next = keys[i + 1..head]
                .iter()
                .find(|w| !matches!(**w, "," | "bahwa" | "\"" | "“"));
            if next.is_some_and(|w| {
                // ("pihaknya", "pemerintahnya": the speaker's own side.)
                !MODAL_GAP.contains(w)
                    && !FUTURE.contains(w)
                    && !INTENT.contains(w)
                    && !w.ends_with("nya")
            }) {
                break;
            }
        }
        if let Some(a) = in_sent.iter().find(|a| a.last == i) {
            // "Keduanya, kata Sunaryo, ditangkap ...": an inserted speaker tag names who
            // speaks, not the verb's subject.
            if a.first >= 2 && ATTRIBUTION.contains(&keys[a.first - 1]) && keys[a.first - 2] == ","
            {
                i = a.first - 1;
                continue;
            }
            if matches!(a.prep, Some("dan" | "serta" | "bersama")) && a.first >= 2 {
                // "A dan B", "A bersama (sembilan) B": the conjunction right after A.
                if let Some(b) = in_sent.iter().find(|b| {
                    b.last < a.first
                        && a.first - b.last <= 4
                        && matches!(keys[b.last + 1], "dan" | "serta" | "bersama")
                }) {
                    if b.prep.is_none() && !is_object(keys, b) {
                        return vec![*b, *a];
                    }
                }
            }
            if a.prep.is_none() && !is_object(keys, a) {
                // "Presiden A bersama sembilan pemimpin negara anggota B V": A and B act.
                if let Some(b) = companion_before(keys, in_sent, a) {
                    return vec![b, *a];
                }
                // "kedua pemimpin" named as an entity still means the two parties.
                if a.first >= 1 && keys[a.first - 1] == "kedua" {
                    let pair = last_two_parties(keys, all, a.first - 1);
                    if !pair.is_empty() {
                        return pair;
                    }
                }
                return vec![*a];
            }
            i = a.first;
            continue;
        }
        if k == "keduanya"
            || (k == "kedua" && keys.get(i + 1).is_some_and(|n| PAIR_NOUNS.contains(n)))
        {
            // "kedua pemimpin sepakat ...": the last two parties of different countries.
            return last_two_parties(keys, all, i);
        }
        if GROUP_PRONOUNS.contains(&k) {
            // "Mereka ditahan": the last actor before that was no object of a preposition.
            return all
                .iter()
                .rev()
                .find(|a| {
                    a.last < i && a.prep.is_none() && !is_object(keys, a) && !is_agent(keys, a)
                })
                .into_iter()
                .collect();
        }
        if FIRST_PRONOUNS.contains(&k) {
            // "Kami akan membantu ...," kata X: the speaker of the quote.
            if let Some(a) = in_sent.iter().find(|a| {
                a.first > head
                    && keys[a.first.saturating_sub(5)..a.first]
                        .iter()
                        .any(|k| ATTRIBUTION.contains(k))
            }) {
                return vec![*a];
            }
            // No attribution in the sentence: the quote continues the last named party
            // ("Misi Uni Afrika ... ." "Kami mendesak ...").
            return all
                .iter()
                .rev()
                .find(|a| {
                    a.last < i
                        && a.first < sent_start
                        && a.prep.is_none()
                        && a.code.len() > 3
                        && !is_object(keys, a)
                        && !is_agent(keys, a)
                })
                .into_iter()
                .collect();
        }
        if PRONOUNS.contains(&k) {
            // An unresolved pronoun: the last person named before it.
            return all
                .iter()
                .rev()
                .find(|a| a.last < i && a.is_person)
                .into_iter()
                .collect();
        }
    }
    Vec::new()
}

/// A di-/ter- passive verb form (`ditangkap`, `terjaring`; not `dimana`, `tersebut`).
fn is_passive_form(k: &str) -> bool {
    ((k.starts_with("di") && k.len() > 5) || (k.starts_with("ter") && k.len() > 6))
        && !matches!(
            k,
            "dimana"
                | "dialah"
                | "diapun"
                | "tersebut"
                | "terhadap"
                | "terkait"
                | "termasuk"
                | "terutama"
                | "terakhir"
        )
}

/// The verb a verb at `head` is coordinated with: `dan`/`serta`/`lalu`/`kemudian`/`tapi` right
/// before it (over modal and negation words), and a verb before that in the same clause.
fn coordinated_with(keys: &[&str], head: usize, sent_start: usize) -> Option<usize> {
    let verb = |k: &str| is_content_verb(k) || is_passive_form(k);
    if !verb(keys[head]) {
        return None;
    }
    let mut c = head;
    while c > sent_start + 1
        && (MODAL_GAP.contains(&keys[c - 1])
            || NEGATION.contains(&keys[c - 1])
            || FUTURE.contains(&keys[c - 1])
            || matches!(
                keys[c - 1],
                "juga" | "pun" | "langsung" | "kembali" | "sempat"
            ))
    {
        c -= 1;
    }
    if c <= sent_start + 1
        || !matches!(
            keys[c - 1],
            "dan" | "serta" | "lalu" | "kemudian" | "tapi" | "tetapi" | "namun"
        )
    {
        return None;
    }
    let conj = c - 1;
    (sent_start..conj)
        .rev()
        .take(12)
        .take_while(|&j| {
            !matches!(
                keys[j],
                "." | ";"
                    | ":"
                    | "yang"
                    | "bahwa"
                    | "karena"
                    | "sehingga"
                    | "ketika"
                    | "saat"
                    | "setelah"
                    | "sebelum"
                    | "agar"
                    | "supaya"
                    | "jika"
                    | "kalau"
                    | "meski"
                    | "meskipun"
            )
        })
        .find(|&j| verb(keys[j]))
}

/// "A bersama (sembilan pemimpin negara anggota) B": the actor A before a `bersama` that opens
/// the noun phrase of `b` over plain words (a companion of the subject).
fn companion_before<'a>(keys: &[&str], in_sent: &[&'a Actor], b: &Actor) -> Option<&'a Actor> {
    let from = b.first.saturating_sub(6);
    let p = (from..b.first).rev().find(|&j| keys[j] == "bersama")?;
    let plain = keys[p + 1..b.first]
        .iter()
        .all(|k| !k.is_empty() && !is_verbish(k) && !is_boundary(k) && !PREPS.contains(k));
    if !plain || p == 0 {
        return None;
    }
    in_sent
        .iter()
        .copied()
        .find(|a| a.last + 1 == p && a.prep.is_none() && !is_object(keys, a))
}

/// Targets to the right of `after`, within the clause: a direct object, or an actor behind a
/// target preposition; `A dan B`, `dari A hingga B` give several.
/// `(after, complement_end)`: objects are looked for right of `after`; verbs up to
/// `complement_end` belong to the trigger's own complement (`mengancam akan menyerang X`).
fn objects<'a>(
    toks: &[Token],
    keys: &[&str],
    in_sent: &[&'a Actor],
    (after, complement_end): (usize, usize),
    end: usize,
    target_ke: bool,
    recv: bool,
) -> Vec<&'a Actor> {
    if target_ke {
        return objs_ke(keys, in_sent, after, end);
    }
    let mut out: Vec<&Actor> = Vec::new();
    let mut with = false;
    let mut i = after + 1;
    let starts_actor = |j: usize| in_sent.iter().any(|a| a.first == j);
    // Skip a short parenthetical aside: "berbincang (via telepon) dengan X".
    let close_of = |j: usize| (j + 1..end.min(j + 8)).find(|&c| keys[c] == ")");
    while i < end && i <= after + 14 {
        let k = keys[i];
        if k == "," {
            if enumerates(keys, i, end) || (!out.is_empty() && starts_actor(i + 1)) {
                i += 1;
                continue;
            }
            break;
        }
        if k == "(" {
            // "ketemu beliau (Rizieq)": a parenthesis naming a pronoun object is the object.
            let names_pronoun = out.is_empty()
                && i > after + 1
                && (PRONOUNS.contains(&keys[i - 1]) || GROUP_PRONOUNS.contains(&keys[i - 1]));
            if names_pronoun {
                i += 1;
                continue;
            }
            if let Some(c) = close_of(i) {
                i = c + 1;
                continue;
            }
        }
        if is_boundary(k) {
            break;
        }
        if matches!(k, "dengan" | "kepada" | "terhadap" | "antara" | "bersama") {
            with = true;
        }
        // "ke negara-negara sekutu di Pasifik, yaitu A dan B": the list names them.
        if matches!(k, "yaitu" | "yakni") && !out.is_empty() {
            out.clear();
            i += 1;
            continue;
        }
        // "membantu dalam menyosialisasikan aturan ke pelaku industri": past another verb,
        // actors are that verb's.
        // ("setuju untuk memulai program dengan X": an agreement or promise shares the
        // partners of the verb it governs.)
        if out.is_empty()
            && i > after + 1
            && i > complement_end
            && is_content_verb(k)
            && !(INTENT.contains(&keys[after]) && i <= after + 2)
        {
            break;
        }
        if let Some(a) = in_sent.iter().find(|a| a.first == i) {
            let ok = if out.is_empty() {
                match a.prep {
                    None => true,
                    // "mendesak seluruh komunitas di Rakhine": an uncoded object noun phrase
                    // located at a place stands for the place's country.
                    Some("di") => with || np_at_place(keys, after + 1, a),
                    Some("dari") => !recv && i >= 2 && keys[i - 2] == ",",
                    // "menuduh kalangan kontra revolusi dan kelompok asing": the second of two
                    // coordinated objects when the first is an uncoded noun phrase.
                    Some("dan" | "serta") => {
                        i >= after + 3
                            && keys[after + 1..i - 1].iter().all(|k| {
                                k.len() > 1
                                    && k.chars().all(char::is_alphabetic)
                                    && !is_verbish(k)
                                    && !k.starts_with("di")
                                    && !PREPS.contains(k)
                                    && !CLAUSE_BOUNDARY.contains(k)
                            })
                    }
                    Some(p) => TARGET_PREPS.contains(&p),
                }
            } else {
                // ("antara A dengan B" coordinates like "antara A dan B".)
                matches!(keys[i - 1], "dan" | "serta" | "hingga" | "sampai" | ",")
                    || (keys[i - 1] == "dengan" && out[0].prep == Some("antara"))
            };
            // "ketemu beliau (Rizieq)": the name in parentheses stands for the pronoun.
            let named = (out.is_empty()
                && a.first == a.last
                && (PRONOUNS.contains(&keys[a.first]) || GROUP_PRONOUNS.contains(&keys[a.first]))
                && keys.get(a.last + 1) == Some(&"("))
            .then(|| in_sent.iter().copied().find(|b| b.first == a.last + 2))
            .flatten();
            if let (true, Some(b)) = (ok, named) {
                out.push(b);
                i = b.last + 1;
                continue;
            }
            if ok {
                out.push(*a);
            } else if !out.is_empty() {
                break;
            }
            i = a.last + 1;
            continue;
        }
        if !out.is_empty() {
            // "antara Kepala BNPB Willem R. dan Komisioner ... Singapura Eric Yap": an uncoded
            // name goes on after a coded title, and the next conjunct may open with a title
            // (capitalised words, a parenthetical) before its coded part.
            if toks[i].is_capitalised() && toks[i].is_word() && keys[i - 1] != "," {
                i += 1;
                continue;
            }
            if matches!(k, "dan" | "serta")
                || (k == "dengan" && out.len() == 1 && out[0].prep == Some("antara"))
            {
                if let Some(a) = conjunct_after_title(toks, keys, in_sent, i, end) {
                    out.push(a);
                    i = a.last + 1;
                    continue;
                }
            }
            let antara_dengan = k == "dengan" && out.len() == 1 && out[0].prep == Some("antara");
            if !(matches!(k, "dan" | "serta" | "hingga" | "sampai") || antara_dengan) {
                break;
            }
        }
        i += 1;
    }
    out
}

/// The coded actor of a conjunct opened by the conjunction at `conj` over a title: capitalised
/// words and parentheticals ("dan Menteri Pendidikan (Pendidikan Dasar) Singapura Ng Chee Meng").
fn conjunct_after_title<'a>(
    toks: &[Token],
    keys: &[&str],
    in_sent: &[&'a Actor],
    conj: usize,
    end: usize,
) -> Option<&'a Actor> {
    let mut j = conj + 1;
    let mut depth = 0usize;
    while j < end && j <= conj + 12 {
        if depth == 0 {
            if let Some(a) = in_sent.iter().find(|a| a.first == j) {
                return (j > conj + 1).then_some(*a);
            }
        }
        match keys[j] {
            "(" => depth += 1,
            ")" if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ if toks[j].is_word() && toks[j].is_capitalised() => {}
            k if is_quantifier(k) => {}
            _ => return None,
        }
        j += 1;
    }
    None
}

/// A short common noun phrase right after the verb, then `di` + this place actor.
fn np_at_place(keys: &[&str], from: usize, a: &Actor) -> bool {
    // "berkunjung ke beberapa negara di Timur Tengah": a place-like actor (a bare country or
    // region code) after a noun phrase behind `ke`.
    let from = if keys.get(from) == Some(&"ke") {
        from + 1
    } else {
        from
    };
    (a.place.is_some() || (a.code.len() == 3 && keys.get(from - 1) == Some(&"ke")))
        && a.first >= from + 2
        && a.first - from <= 5
        && keys[from..a.first - 1].iter().all(|k| {
            k.len() > 1
                && k.chars().all(char::is_alphabetic)
                && !is_verbish(k)
                && !k.starts_with("di")
                && !PREPS.contains(k)
                && !CLAUSE_BOUNDARY.contains(k)
        })
}

/// Does the comma at `i` open an enumeration (`, dari A hingga B`, `, yakni A`)?
fn enumerates(keys: &[&str], i: usize, end: usize) -> bool {
    i + 1 < end
        && matches!(
            keys[i + 1],
            "dari" | "termasuk" | "yakni" | "yaitu" | "seperti"
        )
}

/// The place-target of a visit: the actor behind `ke` (or `di`) to the right.
fn objs_ke<'a>(keys: &[&str], in_sent: &[&'a Actor], after: usize, end: usize) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = Vec::new();
    let mut seen_ke = false;
    let mut i = after + 1;
    while i < end && i <= after + 24 {
        let k = keys[i];
        if matches!(k, "." | ";" | "bahwa" | "yang") {
            break;
        }
        if matches!(k, "ke" | "di" | "menuju") {
            seen_ke = true;
        }
        // "ke negara-negara sekutu di Pasifik, yaitu A, B dan C": the list names them.
        if matches!(k, "yaitu" | "yakni") && !out.is_empty() && seen_ke {
            out.clear();
        }
        if let Some(a) = in_sent.iter().find(|a| a.first == i) {
            // "ke X", or the list after it: "ke negara sekutu, yaitu A, B dan C".
            if matches!(a.prep, Some("ke" | "di" | "menuju"))
                || (seen_ke && (!out.is_empty() || matches!(keys[i - 1], "yaitu" | "yakni" | ":")))
            {
                out.push(*a);
            } else if !out.is_empty() && !matches!(keys[i - 1], "dan" | "serta" | ",") {
                break;
            }
            i = a.last + 1;
            continue;
        }
        if !out.is_empty() && !matches!(k, "dan" | "serta" | "," | "hingga") {
            break;
        }
        i += 1;
    }
    out
}

/// The agent of a passive verb opening what follows `after` (`[yang] dilakukan oleh X`,
/// `yang diserukan X`): the actor right after the verb (over collective words) or behind `oleh`.
fn agent_of_passive_after<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    after: usize,
    end: usize,
) -> Vec<&'a Actor> {
    let mut v = after + 1;
    // ("Ancaman pemotongan bantuan yang diserukan AS": the noun's own complement may stand
    // before the relative clause.)
    if let Some(y) = (v..end.min(v + 3)).find(|&j| keys[j] == "yang") {
        if keys[v..y].iter().all(|k| {
            k.len() > 2
                && k.chars().all(char::is_alphabetic)
                && !is_verbish(k)
                && !k.starts_with("di")
                && !PREPS.contains(k)
                && !is_boundary(k)
        }) {
            v = y;
        }
    }
    if keys.get(v) == Some(&"yang") {
        v += 1;
    }
    // ("ancaman siber yang dialami AS": who undergoes or feels it is no author.)
    if v >= end
        || !(keys[v].starts_with("di") && keys[v].len() > 5)
        || matches!(
            keys[v],
            "dimana" | "dialami" | "diderita" | "dirasakan" | "dihadapi" | "dikhawatirkan"
        )
    {
        return Vec::new();
    }
    let direct: Vec<&Actor> = in_sent
        .iter()
        .copied()
        .filter(|a| {
            a.prep.is_none()
                && a.first > v
                && a.first <= v + 3
                && keys[v + 1..a.first]
                    .iter()
                    .all(|k| AGENT_NOUNS.contains(k) || matches!(*k, "sekitar" | "para"))
        })
        .take(1)
        .collect();
    if !direct.is_empty() {
        return direct;
    }
    in_sent
        .iter()
        .copied()
        .filter(|a| {
            // ("oleh sekitar 150 gerilyawan": numbers and quantifiers may intervene.)
            keys.get(v + 1) == Some(&"oleh")
                && a.first > v + 1
                && a.first <= v + 6
                && !keys[v + 2..a.first]
                    .iter()
                    .any(|k| is_boundary(k) || PREPS.contains(k) || is_verbish(k))
        })
        .take(1)
        .collect()
}

/// Actors behind one of `preps` to the right (`oleh X`, `dari X`).
fn agents<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    after: usize,
    end: usize,
    preps: &[&str],
) -> Vec<&'a Actor> {
    in_sent
        .iter()
        .copied()
        .filter(|a| a.first > after && a.first <= after + 10 && a.first < end)
        .filter(|a| a.prep.is_some_and(|p| preps.contains(&p)))
        .filter(|a| {
            !keys[after + 1..a.first]
                .iter()
                .any(|k| matches!(*k, "." | ";"))
        })
        .take(1)
        .collect()
}

/// "jangan menyerang", "jangan sampai X terulang", "jangan pernah dibebaskan": a prohibition or a
/// warning states no event (the guidelines code the appeal, when there is one, not its content).
fn prohibited(keys: &[&str], head: usize, sent_start: usize) -> bool {
    let mut i = head;
    while i > sent_start && head - i < 5 {
        i -= 1;
        match keys[i] {
            "jangan" => return true,
            "sampai" => {}
            k if MODAL_GAP.contains(&k) || NEGATION.contains(&k) || FUTURE.contains(&k) => {}
            _ => return false,
        }
    }
    false
}

/// Modality from the words before the trigger (and a conditional opening the clause).
fn modality(keys: &[&str], head: usize, sent_start: usize) -> Modality {
    let mut negated = false;
    let mut future = false;
    let mut intended = false;
    let mut i = head;
    let mut steps = 0;
    while i > sent_start && steps < 5 {
        i -= 1;
        steps += 1;
        let k = keys[i];
        if NEGATION.contains(&k) || k == "menolak" && keys.get(i + 1) == Some(&"untuk") {
            negated = true;
        } else if FUTURE.contains(&k) {
            future = true;
        } else if INTENT.contains(&k) {
            intended = true;
        } else if !MODAL_GAP.contains(&k) {
            break;
        }
    }
    let mut conditional = false;
    let mut i = head;
    while i > sent_start && head - i < 20 {
        i -= 1;
        let k = keys[i];
        if CONDITIONAL.contains(&k) {
            conditional = true;
            break;
        }
        // The condition ends at a comma or a consequence word ("jika X, Y"; "X sehingga Y").
        if matches!(k, "." | ";" | "," | "maka" | "sehingga" | "karena") {
            break;
        }
    }
    // A purpose clause shares the tense of the verb it serves: "akan bertolak ke AS untuk
    // melakukan pertemuan" is a future meeting.
    if !negated
        && !future
        && !intended
        && head > sent_start
        && matches!(keys[head - 1], "untuk" | "guna")
    {
        let mut i = head - 1;
        while i > sent_start && head - i < 15 {
            i -= 1;
            let k = keys[i];
            if matches!(k, "." | ";" | "," | "bahwa" | "yang") {
                break;
            }
            if FUTURE.contains(&k) {
                future = true;
                break;
            }
            if INTENT.contains(&k) {
                intended = true;
                break;
            }
        }
    }
    if negated {
        Modality::Negated
    } else if conditional {
        Modality::Conditional
    } else if intended {
        Modality::Intended
    } else if future {
        Modality::Future
    } else {
        Modality::Asserted
    }
}

/// CAMEO codes an expression of intent: "wants to cooperate economically" is 0311, not 061.
pub fn intent_code(code: &str) -> &str {
    match code {
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        "057" => "030",
        c if c.starts_with("05") => "032",
        c if c.starts_with("06") => "031",
        c if c.starts_with("07") => "033",
        c if c.starts_with("08") => "035",
        c => c,
    }
}

/// The date of the sentence's nearest time expression (not a duration).
fn date_of(doc: &TextDoc, times: &[TimeMention], si: usize, head: usize) -> Option<String> {
    let sent = doc.sentences.get(si)?.span;
    let at = doc.tokens.get(head)?.span.start;
    times
        .iter()
        .filter(|t| sent.contains(t.span))
        .filter_map(|t| {
            let v = t.value.as_deref()?;
            (!v.starts_with('P') && v.as_bytes().first().is_some_and(u8::is_ascii_digit))
                .then(|| (t.span.start.abs_diff(at), v))
        })
        .min_by_key(|x| x.0)
        .map(|x| x.1.to_string())
}

/// The place of the event: the visited place, else the nearest `di X` of the sentence.
fn place_of(in_sent: &[&Actor], head: usize, targets: &[&Actor], visit: bool) -> Option<Place> {
    if visit {
        if let Some(p) = targets.iter().find_map(|t| t.place.clone()) {
            return Some(p);
        }
    }
    in_sent
        .iter()
        .filter(|a| a.prep == Some("di") && a.place.is_some())
        .min_by_key(|a| a.first.abs_diff(head))
        .and_then(|a| a.place.clone())
}

#[cfg(test)]
mod tests;
