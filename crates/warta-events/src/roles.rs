//! Roles the main coder leaves open (session 6): who meets whom when a meeting is named by a
//! noun between its two parties, and visits stated with their visitor only. Small functions,
//! called from `Coder::code_match` in `lib.rs`; no allocation beyond the returned vectors.

use crate::dict::Voice;
use crate::{
    genitive_after, is_armed, is_boundary, is_state, is_verbish, role, Actor, Match, PREPS, SPEECH,
    SYMMETRIC,
};

/// Words that put a meeting noun in the time or frame of its subject: "X dalam rapat Y",
/// "kata X sebelum rapat kerja dengan Y", "X usai pertemuan dengan Y".
const MEETING_FRAME: &[&str] = &[
    "dalam",
    "saat",
    "ketika",
    "sebelum",
    "setelah",
    "usai",
    "seusai",
    "sesudah",
    "selepas",
    "menjelang",
    "jelang",
    "pada",
];

/// Partners of a meeting noun: its genitive ("rapat Komisi III") or behind these. (A meeting
/// "antara A dengan B" names both its parties; the one before it only reports it.)
const PARTNER_PREPS: &[&str] = &["dengan", "bersama"];

/// A meeting noun framed by its subject and naming its partner after it: "X dalam rapat
/// Komisi III DPR", "kata X sebelum rapat kerja dengan Komisi III" — X meets the partner.
/// Returns (host, partner) when both stand in those places; `after` is the last token of the
/// trigger and its complement, `sent_end` the sentence's end (exclusive).
pub(crate) fn framed_parties<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    cameo: &str,
    sym: bool,
    (start, after): (usize, usize),
    sent: std::ops::Range<usize>,
) -> Option<(Vec<&'a Actor>, Vec<&'a Actor>)> {
    if let Some(p) = fronted_frame(keys, in_sent, cameo, sym, (start, after), sent.start) {
        Some(p)
    } else if cameo == "042" {
        visit_parties(
            keys,
            in_sent,
            framed_host(keys, in_sent, start, sent.start)?,
            after,
        )
    } else if cameo.starts_with("04") && (sym || SYMMETRIC.contains(&cameo)) {
        let host = framed_host(keys, in_sent, start, sent.start)?;
        meeting_parties(keys, in_sent, host, after, sent.end)
    } else {
        None
    }
}

/// The actor that frames a meeting or visit noun at `start` behind a frame word ("X dalam
/// rapat", "kata X sebelum kunjungan").
fn framed_host<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    start: usize,
    sent_start: usize,
) -> Option<&'a Actor> {
    if start < sent_start + 2 || !MEETING_FRAME.contains(&keys[start - 1]) {
        return None;
    }
    framing_actor(keys, in_sent, start)
}

/// The actor that frames a noun at `start` ("disampaikan Tito dalam rapat", "kata Tito sebelum
/// rapat", "Presiden Joko Widodo (Jokowi) dalam kunjungan"): ungoverned (or an agent behind
/// `oleh`), ending right before the frame word, over a parenthesised alias.
fn framing_actor<'a>(keys: &[&str], in_sent: &[&'a Actor], start: usize) -> Option<&'a Actor> {
    let end = start.checked_sub(2)?;
    let ok = |a: &&Actor| a.prep.is_none() || a.prep == Some("oleh");
    if let Some(a) = in_sent.iter().copied().find(|a| a.last == end && ok(a)) {
        return Some(a);
    }
    if keys[end] != ")" {
        return None;
    }
    let open = (end.saturating_sub(5)..end)
        .rev()
        .find(|&j| keys[j] == "(")?;
    in_sent
        .iter()
        .copied()
        .find(|a| a.last + 1 == open && ok(a))
}

/// A visit noun framed by its host and naming its visitor as genitive: "X (yang diterima
/// Presiden Y) dalam kunjungan kehormatan Z" — Z visits Y (one way).
fn visit_parties<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    host: &'a Actor,
    after: usize,
) -> Option<(Vec<&'a Actor>, Vec<&'a Actor>)> {
    let visitor = genitive_after(keys, in_sent, after, true)?;
    if visitor.code.get(..3) == host.code.get(..3) {
        return None;
    }
    Some((vec![visitor], vec![host]))
}

/// A meeting noun framed by its host and naming its partner after it (see `framed_parties`).
fn meeting_parties<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    host: &'a Actor,
    after: usize,
    sent_end: usize,
) -> Option<(Vec<&'a Actor>, Vec<&'a Actor>)> {
    // The partner: the first actor after the noun within four words, its genitive (only
    // plain words between) or behind dengan/bersama/antara.
    let partner = in_sent.iter().copied().find(|a| {
        a.first > after
            && a.first <= after + 5
            && a.last < sent_end
            && match a.prep {
                None => !keys[after + 1..a.first].iter().any(|k| {
                    is_boundary(k)
                        || PREPS.contains(k)
                        || is_verbish(k)
                        || matches!(*k, "tersebut" | "itu" | "ini" | "yang")
                }),
                Some(p) => {
                    PARTNER_PREPS.contains(&p)
                        && !keys[after + 1..a.first]
                            .iter()
                            .any(|k| is_boundary(k) || is_verbish(k) || *k == "yang")
                }
            }
    })?;
    if keys[after + 1..partner.first].contains(&"antara") {
        return None;
    }
    if partner.code == host.code || partner.first == host.first {
        return None;
    }
    Some((vec![host], vec![partner]))
}

/// A visit noun stated with its visitor only ("kunjungan Presiden Joko Widodo", "kedatangan
/// Fahri"): every mention of a state official's arrival is a visit (042), with no target when
/// the destination is not named. Only nouns with a named official as genitive: verbs have
/// objects of their own (`menyambangi tugu`), and "kunjungan pemerintah X" is often generic;
/// private persons, companies and tourists never make a state visit.
pub(crate) fn lone_visit(cameo: &str, nominal: bool, target_ke: bool, sources: &[&Actor]) -> bool {
    cameo == "042"
        && nominal
        && !target_ke
        && !sources.is_empty()
        && sources
            .iter()
            .all(|a| a.is_person && is_state(&a.code) && role(&a.code) != "ELI")
}

/// The owner named right after a received thing ("mangkir dari panggilan penyidik KPK",
/// "menerima hibah Jepang"): the ungoverned actor right after the complement ending at
/// `cover_end` (not "mangkir saat dipanggil sebagai saksi").
pub(crate) fn complement_owner<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    cover_end: usize,
) -> Vec<&'a Actor> {
    in_sent
        .iter()
        .copied()
        .filter(|a| a.prep.is_none() && a.first == cover_end + 1 && !is_boundary(keys[a.first]))
        .take(1)
        .collect()
}

/// Role fixes after the voice rules: a visitor's companions ("kedatangan X bersama dengan
/// pengusaha Y") travel with him and are not whom he visits; a bilateral meeting with one party
/// found meets the state actor of another country named in its sentence ("tutur Retno di
/// hadapan Menlu Malaysia X usai melakukan pertemuan bilateral").
pub(crate) fn refine<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    cameo: &str,
    m: &Match,
    sources: Vec<&'a Actor>,
    mut targets: Vec<&'a Actor>,
) -> (Vec<&'a Actor>, Vec<&'a Actor>) {
    if matches!(cameo, "042" | "043") {
        targets.retain(|a| !keys[a.first.saturating_sub(3)..a.first].contains(&"bersama"));
    }
    let bilateral =
        cameo.starts_with("04") && keys[m.start..=m.end.max(m.cover.1)].contains(&"bilateral");
    if bilateral && sources.len() + targets.len() == 1 {
        let one = sources.first().or(targets.first()).copied();
        let other = one.and_then(|o| {
            in_sent
                .iter()
                .copied()
                .filter(|a| {
                    is_state(&a.code)
                        && a.code.get(..3) != o.code.get(..3)
                        && !matches!(a.prep, Some("ke" | "dari" | "menuju"))
                })
                .min_by_key(|a| a.first.abs_diff(m.start))
        });
        if let Some(b) = other {
            return if sources.is_empty() {
                (vec![b], targets)
            } else {
                (sources, vec![b])
            };
        }
    }
    (sources, targets)
}

/// Words that open a sentence with the frame of the event it then reports.
const FRONT_FRAME: &[&str] = &["dalam", "pada", "saat", "usai", "setelah", "seusai"];

/// "Dalam penangkapan itu, polisi menyita ...", "Dalam pertemuan itu, X meminta Y ...": an
/// event noun fronted with its demonstrative names no actor of its own; the subject of the
/// main clause took part in it (the author of a conflictual act, one side of a meeting whose
/// other side is the main verb's object). Not for cooperation other than meetings.
fn fronted_frame<'a>(
    keys: &[&str],
    in_sent: &[&'a Actor],
    cameo: &str,
    sym: bool,
    (start, after): (usize, usize),
    sent_start: usize,
) -> Option<(Vec<&'a Actor>, Vec<&'a Actor>)> {
    let meeting = cameo.starts_with("04") && (sym || SYMMETRIC.contains(&cameo));
    if !(meeting || cameo >= "09") || start == 0 || !FRONT_FRAME.contains(&keys[start - 1]) {
        return None;
    }
    // The frame word opens the sentence (after an opening quote at most).
    if start - 1 > sent_start + 1 || (start - 1 == sent_start + 1 && is_wordlike(keys[sent_start]))
    {
        return None;
    }
    let mut c = after + 1;
    let demonstrative = keys
        .get(c)
        .is_some_and(|k| matches!(*k, "itu" | "tersebut" | "ini"));
    if demonstrative {
        c += 1;
    }
    // A bare meeting noun ("Usai rapat, X memuji Y") may be any meeting: only "that meeting"
    // is one the main clause's parties both attended.
    if meeting && !demonstrative {
        return None;
    }
    if keys.get(c) != Some(&",") {
        return None;
    }
    let subj = in_sent
        .iter()
        .copied()
        .find(|a| a.first == c + 1 && a.prep.is_none())?;
    // (Only forces, authorities and armed groups carry out an act framed so: "Saat
    // penangkapan, warga ..." watched it.)
    if !meeting {
        return (is_state(&subj.code) || is_armed(&subj.code)).then(|| (vec![subj], Vec::new()));
    }
    // The other side: the object right after the main verb (over adverbs, or behind
    // dengan/kepada), never after a speech verb ("X mengatakan Y ...": Y is reported).
    let other = in_sent.iter().copied().find(|a| {
        let between = &keys[subj.last + 1..a.first.max(subj.last + 1)];
        a.first > subj.last + 1
            && a.first <= subj.last + 5
            && (a.prep.is_none() || matches!(a.prep, Some("dengan" | "kepada" | "bersama")))
            && between.iter().filter(|k| is_verbish(k)).count() == 1
            && between.iter().all(|k| {
                (is_verbish(k) && !SPEECH.contains(k))
                    || matches!(
                        *k,
                        "juga"
                            | "sempat"
                            | "pun"
                            | "telah"
                            | "sudah"
                            | "langsung"
                            | "dengan"
                            | "kepada"
                            | "para"
                    )
            })
            && a.code != subj.code
    })?;
    Some((vec![subj], vec![other]))
}

/// A word token (not punctuation or a quote mark).
fn is_wordlike(k: &str) -> bool {
    k.chars().next().is_some_and(char::is_alphanumeric)
}

/// "jaksa mendakwa keduanya", "Keduanya saat ini diamankan": `keduanya` ("the two of them") as
/// the object of an active verb or the subject of a passive one is the last two persons named
/// before it (not the source), when no target was found.
pub(crate) fn both_of_them<'a>(
    keys: &[&str],
    actors: &'a [Actor],
    m: &Match,
    sources: &[&'a Actor],
    targets: Vec<&'a Actor>,
) -> Vec<&'a Actor> {
    if !targets.is_empty() || m.light.is_some() {
        return targets;
    }
    let at = match m.trigger.voice {
        Voice::Active => (keys.get(m.end + 1) == Some(&"keduanya")).then_some(m.end + 1),
        // (As the clause's subject, over adverbs only: not "milik keduanya yang disita".)
        Voice::Passive => (m.start.saturating_sub(4)..m.start).find(|&j| {
            keys[j] == "keduanya"
                && (j == 0 || matches!(keys[j - 1], "." | "," | "\"" | "“"))
                && keys[j + 1..m.start].iter().all(|k| {
                    matches!(
                        *k,
                        "saat"
                            | "ini"
                            | "pun"
                            | "langsung"
                            | "juga"
                            | "telah"
                            | "sudah"
                            | "kemudian"
                    )
                })
        }),
        Voice::Nominal => None,
    };
    let Some(at) = at else {
        return targets;
    };
    let two: Vec<&Actor> = actors
        .iter()
        .rev()
        .filter(|a| a.last < at && a.is_person && sources.iter().all(|s| s.first != a.first))
        // (Both named close before: "Keduanya dikritik" after one person and two policies is
        // about the policies.)
        .take_while(|a| a.last + 40 >= at)
        .take(2)
        .collect();
    // (A coordinated pair: "Irman dan Sugiharto", "A (37) dan B (31)", "Jennifer dengan FS".)
    if two.len() == 2 && two[0].first <= two[1].last + 6 {
        two.into_iter().rev().collect()
    } else {
        targets
    }
}
