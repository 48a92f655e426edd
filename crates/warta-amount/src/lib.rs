//! Amounts: numerals, scale words, currencies and units, resolved to a value and a unit.
//!
//! A number becomes an [`Amount`] only with a currency (`Rp`, `dolar AS`: ISO 4217 from
//! `data/currencies.tsv`), a unit word (`persen`, `tahun`, `pihak`: from `data/units.tsv`) or
//! as an ordinal (`ke-70`). Bare numbers (years, dates, clock times, article numbers, phone
//! numbers) are not amounts. A range (`4-6 ribu orang`) gives two amounts, one per end, the
//! second's scale and unit distributed to the first (`4` = 4000 orang, `6 ribu orang`); their
//! rules end in ` range-low` / ` range-high`. A number followed by a lower-case noun that is not a
//! function word or a verb form counts that noun (`49 bundel`: rule `amount:counted-noun`).

pub mod calendar;
pub mod date;
pub mod dict;
pub mod lex;
pub mod numeral;
pub mod rates;

use dict::{Entry, Lexicon};
use lex::{Kind, Toks};
use std::sync::OnceLock;
use warta_core::{Amount, Span};
use warta_text::TextDoc;

struct Resources {
    currencies: Lexicon,
    units: Lexicon,
}

fn resources() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources {
        currencies: Lexicon::parse(dict::CURRENCIES),
        units: Lexicon::parse(dict::UNITS),
    })
}

/// Every amount in the body.
pub fn extract(doc: &TextDoc) -> Vec<Amount> {
    let t = Toks::new(doc.text, doc.body);
    extract_toks(&t, doc.language == "en")
}

/// Every amount in already-lexed text; `english` picks the decimal mark convention.
pub fn extract_toks(t: &Toks, english: bool) -> Vec<Amount> {
    let r = resources();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match amount_at(t, i, english, r, &mut out) {
            Some(last) => i = last + 1,
            None => i += 1,
        }
    }
    out
}

/// Words before a number that make it a label, not a quantity.
const LABELS: &[&str] = &[
    "pukul", "jam", "pasal", "ayat", "nomor", "nomer", "no", "tanggal", "tgl", "tahun", "periode",
    "kode", "nopol", "telepon", "telp", "hp", "rt", "rw", "km", "article", "no.", "section",
    "gate", "room", "lantai", "jilid", "volume", "edisi", "seri", "tipe", "versi",
];

/// A number read at token `i`: (value, last token, is it written in digits).
fn number_at(t: &Toks, i: usize, english: bool) -> Option<(f64, usize, bool)> {
    match t.kind(i)? {
        Kind::Num => {
            let v = numeral::parse_digits(t.s(i), english)?;
            Some((v, i, true))
        }
        Kind::Word if numeral::starts_word_number(t, i) => {
            // `salah satu` (one of) is not a count.
            if t.is(i, "satu") && i > 0 && t.is(i - 1, "salah") {
                return None;
            }
            if t.is(i, "one") && t.is(i + 1, "of") {
                return None;
            }
            let (v, last) = numeral::parse_words(t, i)?;
            Some((v, last, false))
        }
        _ => None,
    }
}

/// Is the number at `i` part of something else (a name, a date, a clock time, a code)?
fn bad_context(t: &Toks, i: usize) -> bool {
    if i > 0 && t.glued(i) {
        let prev = t.s(i - 1);
        match t.kind(i - 1) {
            // G20, B737
            Some(Kind::Word) => return true,
            Some(Kind::Sym) => {
                if matches!(prev, "/" | ":" | "." | "+" | "#" | "@" | "_") {
                    return true;
                }
                // COVID-19, F-16
                if (prev == "-" || prev == "–")
                    && i > 1
                    && t.glued(i - 1)
                    && t.kind(i - 2) == Some(Kind::Word)
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    // `tahun 2015` labels a year; `40 tahun 211 hari` counts days.
    if i > 0
        && t.is_any(i - 1, LABELS)
        && !(t.is_any(i - 1, &["tahun", "thn"]) && t.s(i).len() != 4)
    {
        return true;
    }
    let next = t.s(i + 1);
    if t.glued(i + 1) && matches!(next, "/" | ":") && t.kind(i + 2) == Some(Kind::Num) {
        return true;
    }
    // 1970-an
    if t.glued(i + 1) && next == "-" && t.is(i + 2, "an") {
        return true;
    }
    // 9 Mei, 30 Desember
    if t.kind(i) == Some(Kind::Num) && calendar::month(t.lower(i + 1)).is_some() {
        return true;
    }
    false
}

fn round_sig(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let p = 11 - v.abs().log10().floor() as i32;
    if p >= 0 {
        let m = 10f64.powi(p);
        (v * m).round() / m
    } else {
        let m = 10f64.powi(-p);
        (v / m).round() * m
    }
}

/// Words after a number that are not the thing counted.
const NOT_COUNTED: &[&str] = &[
    "yang",
    "yakni",
    "yaitu",
    "maupun",
    "subuh",
    "atas",
    "lewat",
    "klasemen",
    "kontra",
    "melawan",
    "tanpa",
    "usai",
    "berikut",
    "antaranya",
    "sekaligus",
    "bahkan",
    "pula",
    "berturut",
    "kembali",
    "versus",
    "vs",
    "agar",
    "supaya",
    "jika",
    "kalau",
    "bila",
    "maka",
    "sehingga",
    "hampir",
    "sekali",
    "tadi",
    "nanti",
    "kini",
    "sekarang",
    "dulu",
    "tersisa",
    "sisanya",
    "lainya",
    "sekitarnya",
    "cm",
    "or",
    "ada",
    "jauh",
    "tampak",
    "hanyalah",
    "khusus",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "penjara",
    "kurungan",
    "setiap",
    "tiap",
    "masing",
    "lebaran",
    "dan",
    "di",
    "ke",
    "dari",
    "pada",
    "untuk",
    "dengan",
    "atau",
    "itu",
    "ini",
    "juga",
    "saja",
    "lagi",
    "lebih",
    "kurang",
    "hingga",
    "sampai",
    "per",
    "sebagai",
    "oleh",
    "dalam",
    "tersebut",
    "lalu",
    "silam",
    "mendatang",
    "depan",
    "terakhir",
    "pertama",
    "kali",
    "sama",
    "lain",
    "lainnya",
    "adalah",
    "ialah",
    "merupakan",
    "akan",
    "telah",
    "sudah",
    "masih",
    "bisa",
    "dapat",
    "harus",
    "tidak",
    "tak",
    "belum",
    "pun",
    "nya",
    "an",
    "sekitar",
    "hanya",
    "baru",
    "sejak",
    "antara",
    "bagi",
    "tentang",
    "karena",
    "namun",
    "tapi",
    "tetapi",
    "serta",
    "bahwa",
    "sedangkan",
    "sementara",
    "kemudian",
    "setelah",
    "sebelum",
    "saat",
    "ketika",
    "seperti",
    "menjadi",
    "jadi",
    "sebesar",
    "sebanyak",
    "mencapai",
    "naik",
    "turun",
    "the",
    "and",
    "of",
    "to",
    "in",
    "on",
    "for",
    "a",
    "an",
    "is",
    "was",
    "are",
    "were",
    "at",
    "by",
    "with",
    "from",
    "wib",
    "wita",
    "wit",
    "am",
    "pm",
    "hari",
    "pagi",
    "siang",
    "sore",
    "malam",
    "wilayah",
    "tahunan",
    "ribuan",
    "jutaan",
    "puluhan",
    "ratusan",
    "besar",
    "kecil",
    "semua",
    "seluruh",
];

/// Is `w` (lower case) a plausible counted noun: not a function word, not a verb form?
fn counted_noun(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_COUNTED.contains(&w)
        && calendar::month(w).is_none()
        && calendar::weekday(w).is_none()
        && !["me", "di", "ber", "ter"]
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len() + 3)
}

fn amount_at(
    t: &Toks,
    i: usize,
    english: bool,
    r: &Resources,
    out: &mut Vec<Amount>,
) -> Option<usize> {
    // Ordinals: ke-70, ke 70, ke - 70, 70th.
    if t.is(i, "ke") {
        let j = if t.s(i + 1) == "-" { i + 2 } else { i + 1 };
        if t.kind(j) == Some(Kind::Num) && t.s(j).len() <= 4 {
            let v = numeral::parse_digits(t.s(j), english)?;
            out.push(amount(t, i, j, v, "ordinal", "amount:ordinal"));
            return Some(j);
        }
        return None;
    }
    // Ages after a name: `Rohati (63)`.
    if t.s(i) == "("
        && t.kind(i + 1) == Some(Kind::Num)
        && t.s(i + 2) == ")"
        && i > 0
        && t.kind(i - 1) == Some(Kind::Word)
        && t.s(i - 1).starts_with(|c: char| c.is_uppercase())
    {
        let v = t
            .s(i + 1)
            .parse::<u32>()
            .ok()
            .filter(|v| (1..=120).contains(v))?;
        out.push(amount(t, i + 1, i + 1, f64::from(v), "year", "amount:age"));
        return Some(i + 2);
    }
    // A sign word: `minus 2,97 persen`.
    let (sign, i0) = if t.is_any(i, &["minus", "negatif"]) && t.kind(i + 1) == Some(Kind::Num) {
        (-1.0, i + 1)
    } else {
        (1.0, i)
    };
    let mut currency: Option<&Entry> = None;
    let mut k = i0;
    if let Some((e, last)) = r.currencies.match_at(t, i0, |e| e.position.pre()) {
        let mut j = last + 1;
        if t.s(j) == "." && t.glued(j) {
            j += 1;
        }
        let starts_number = t.kind(j) == Some(Kind::Num)
            || (t.kind(j) == Some(Kind::Word) && numeral::starts_word_number(t, j));
        if starts_number {
            currency = Some(e);
            k = j;
        }
    }
    if currency.is_none() && t.kind(i0) == Some(Kind::Num) && bad_context(t, i0) {
        return None;
    }
    let (mut value, mut last, digits) = number_at(t, k, english)?;
    if digits
        && t.glued(last + 1)
        && t.is_any(last + 1, &["st", "nd", "rd", "th"])
        && currency.is_none()
    {
        out.push(amount(t, i0, last + 1, value, "ordinal", "amount:ordinal"));
        return Some(last + 1);
    }
    // Ranges: 4-6 ribu, 10 hingga 12 persen: two amounts; the second's scale and unit
    // distribute to the first.
    let mut low: Option<(f64, usize, usize)> = None;
    if digits
        && (matches!(t.s(last + 1), "-" | "–") || t.is_any(last + 1, &["hingga", "sampai", "to"]))
        && t.kind(last + 2) == Some(Kind::Num)
        && !bad_context(t, last + 2)
    {
        if let Some(high) = numeral::parse_digits(t.s(last + 2), english) {
            if high > value {
                low = Some((value, k, last));
                value = high;
                k = last + 2;
                last += 2;
            }
        }
    }
    let mut scale = 1.0;
    if digits {
        let next = t.s(last + 1);
        if let Some(s) = numeral::scale_word(next) {
            // `M`/`T` only count glued or after money (`Rp5 M`), never as a sentence's first word.
            let single_capital = next == "M" || next == "T";
            if !single_capital || currency.is_some() || t.glued(last + 1) {
                scale = s;
                last += 1;
            }
        }
    }
    // `US$ 5,503` in Indonesian text: a comma before exactly three digits, with a currency and
    // no scale word, is the English thousands separator (money has no 3-digit decimals).
    if digits && !english && scale == 1.0 && low.is_none() {
        let s = t.s(k);
        let money = currency.is_some()
            || r.currencies
                .match_at(t, last + 1, |e| e.position.post())
                .is_some();
        if money && s.matches(',').count() == 1 && !s.contains('.') {
            if let Some((int, frac)) = s.split_once(',') {
                if frac.len() == 3 && int != "0" {
                    value = numeral::parse_digits(s, true).unwrap_or(value);
                }
            }
        }
    }
    let value = round_sig(value * scale * sign);
    let (unit, end, rule): (String, usize, String) = if let Some(e) = currency {
        (
            e.value.clone(),
            last,
            format!("amount:currencies.tsv:{}", e.line),
        )
    } else if let Some((e, end)) = r.currencies.match_at(t, last + 1, |e| e.position.post()) {
        (
            e.value.clone(),
            end,
            format!("amount:currencies.tsv:{}", e.line),
        )
    } else if let Some((e, end)) = r.units.match_at(t, last + 1, |_| true) {
        (e.value.clone(), end, format!("amount:units.tsv:{}", e.line))
    } else {
        // A counted noun not in the dictionary: `49 bundel`, `tiga stasiun`.
        let w = t.lower(last + 1);
        let word_ok = t.kind(last + 1) == Some(Kind::Word)
            && t.s(last + 1).starts_with(|c: char| c.is_lowercase())
            && counted_noun(w)
            && !(t.kind(k) == Some(Kind::Word) && t.is_any(k, &["satu", "one"]))
            && !(digits && t.s(k).len() == 4 && t.s(k).bytes().all(|b| b.is_ascii_digit()));
        if !word_ok {
            // `2 juta`, `600 ribu`: a scale word makes it a quantity even without its noun.
            if digits && scale > 1.0 {
                let rule = "amount:scale-only";
                if let Some((lv, lk, ll)) = low {
                    let lv = round_sig(lv * scale * sign);
                    out.push(amount(t, lk, ll, lv, "count", &format!("{rule} range-low")));
                }
                out.push(amount(
                    t,
                    if low.is_some() { k } else { i },
                    last,
                    value,
                    "count",
                    rule,
                ));
                return Some(last);
            }
            return None;
        }
        // `28 penampilannya` counts `penampilan`.
        let noun = w.strip_suffix("nya").filter(|n| n.len() >= 3).unwrap_or(w);
        (
            noun.to_string(),
            last + 1,
            "amount:counted-noun".to_string(),
        )
    };
    if let Some((lv, lk, ll)) = low {
        let lv = round_sig(lv * scale * sign);
        let start = if currency.is_some() { i0.min(lk) } else { lk };
        out.push(amount(
            t,
            start,
            ll,
            lv,
            &unit,
            &format!("{rule} range-low"),
        ));
        let hi_start = k;
        out.push(amount(
            t,
            hi_start,
            end,
            value,
            &unit,
            &format!("{rule} range-high"),
        ));
        return Some(end);
    }
    let start = if sign < 0.0 { i } else { i0 };
    out.push(amount(t, start, end, value, &unit, &rule));
    Some(end)
}

/// Does a unit word or a currency (written after numbers) start at token `i`?
pub fn unit_at(t: &Toks, i: usize) -> bool {
    let r = resources();
    r.units.match_at(t, i, |_| true).is_some()
        || r.currencies.match_at(t, i, |e| e.position.post()).is_some()
}

fn amount(t: &Toks, a: usize, b: usize, value: f64, unit: &str, rule: &str) -> Amount {
    Amount {
        span: t.span(a, b),
        value,
        unit: unit.to_string(),
        rule: rule.to_string(),
    }
}

/// The scale word inside an amount's text (`juta` in `25 juta dolar AS`): its byte span
/// relative to `text`, the word and its factor.
pub fn scale_in(text: &str) -> Option<(Span, &str, f64)> {
    let t = Toks::new(text, Span::new(0, text.len()));
    (0..t.len()).find_map(|i| {
        let w = t.s(i);
        let f = numeral::scale_word(w)?;
        (i > 0).then_some((t.toks[i].span, w, f))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(s: &str) -> Vec<(String, f64, String)> {
        let t = Toks::new(s, Span::new(0, s.len()));
        extract_toks(&t, false)
            .into_iter()
            .map(|a| (a.span.text(s).to_string(), a.value, a.unit))
            .collect()
    }

    fn one(s: &str) -> (String, f64, String) {
        let v = amounts(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v[0].clone()
    }

    #[test]
    fn money() {
        assert_eq!(
            one("proyek senilai 25 juta dolar AS untuk"),
            ("25 juta dolar AS".into(), 25e6, "USD".into())
        );
        assert_eq!(
            one("(Rp329,2 triliun) untuk"),
            (
                "Rp329,2 triliun".into(),
                329_200_000_000_000.0,
                "IDR".into()
            )
        );
        assert_eq!(one("Rp 1.500.000 per bulan").1, 1_500_000.0);
        assert_eq!(one("sebesar Rp. 5 M.").1, 5e9);
        assert_eq!(one("US$2,5 miliar").2, "USD");
        assert_eq!(one("sekitar 3 miliar dolar Singapura").2, "SGD");
        assert_eq!(one("USD 25 juta").1, 25e6);
        assert_eq!(one("dua juta rupiah").1, 2e6);
        assert_eq!(one("1,2 juta euro").2, "EUR");
        assert_eq!(one("seharga US$ 5,503 atau").1, 5503.0);
        assert_eq!(one("1,250 km").1, 1.25);
    }

    #[test]
    fn english_money() {
        let s = "a $25bn project and 1,500 people";
        let t = Toks::new(s, Span::new(0, s.len()));
        let v = extract_toks(&t, true);
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].value, v[0].unit.as_str()), (25e9, "USD"));
        assert_eq!((v[1].value, v[1].unit.as_str()), (1500.0, "person"));
    }

    #[test]
    fn units_percent_ordinals() {
        assert_eq!(
            one("peringatan 70 tahun berakhirnya"),
            ("70 tahun".into(), 70.0, "year".into())
        );
        assert_eq!(
            one("perundingan enam pihak yang"),
            ("enam pihak".into(), 6.0, "pihak".into())
        );
        assert_eq!(one("naik 7,75 persen").1, 7.75);
        assert_eq!(one("naik 5% tahun").2, "percent");
        assert_eq!(one("HUT ke-70 RI").2, "ordinal");
        assert_eq!(one("HUT ke-70 RI").1, 70.0);
        assert_eq!(
            amounts("sekitar 4-6 ribu orang"),
            vec![
                ("4".into(), 4000.0, "orang".into()),
                ("6 ribu orang".into(), 6000.0, "orang".into())
            ]
        );
        assert_eq!(
            one("tumbuh minus 2,97 persen"),
            ("minus 2,97 persen".into(), -2.97, "percent".into())
        );
        assert_eq!(
            one("sebanyak 49 bundel dokumen"),
            ("49 bundel".into(), 49.0, "bundel".into())
        );
        assert_eq!(one("Rohati (63) warga"), ("63".into(), 63.0, "year".into()));
        assert_eq!(one("HUT ke 70 RI").1, 70.0);
        assert_eq!(
            one("(Neraca perdagangan 2016 surplus 8,78 miliar dolar AS)").1,
            8.78e9
        );
        assert_eq!(amounts("usia 40 tahun 211 hari").len(), 2);
        assert_eq!(one("ada 110 wajib pajak").2, "wajib pajak");
        assert_eq!(one("di angka 3,5 persen.").1, 3.5);
        assert_eq!(one("melancarkan 16 serangan sejak").2, "serangan");
        assert_eq!(one("menembus 2 juta.").2, "count");
        assert_eq!(
            one("dua puluh lima orang"),
            ("dua puluh lima orang".into(), 25.0, "orang".into())
        );
    }

    #[test]
    fn not_amounts() {
        for s in [
            "pada 2015 lalu",
            "pada 9 Mei di Moskow",
            "pukul 16.00 WIB",
            "Pasal 5 ayat 2",
            "Senin (20/6/2011)",
            "pandemi COVID-19 menyebar",
            "KTT G20 di",
            "tahun 1970-an",
            "salah satu pihak",
            "hubungi 0812-3456-7890",
            "sejak 2015 menjabat",
            "skor 2 - 1 untuk",
            "dari 5 menjadi",
        ] {
            assert_eq!(amounts(s), vec![], "{s}");
        }
    }

    #[test]
    fn scale_word_of_an_amount() {
        let (span, w, f) = scale_in("25 juta dolar AS").unwrap();
        assert_eq!((span, w, f), (Span::new(3, 7), "juta", 1e6));
        assert_eq!(scale_in("Rp 5.000"), None);
    }
}
