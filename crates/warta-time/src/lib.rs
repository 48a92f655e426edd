//! Time expressions: find them and resolve each against the publication date.
//!
//! Values follow ISO 8601 / TimeML: `2015-03-11` (day), `2015-05` (month), `2015` (year),
//! `2015-W11` (week), `197` (decade), `2015-03-11T16:00+07:00` (time), `P70Y` (duration).
//! A mention that cannot be resolved (a weekday when only the year of publication is known)
//! keeps its span with `value: None`.
//!
//! Direction of underspecified dates (a bare weekday, month, or day and month): an explicit
//! cue decides (`lalu`, `silam` look back; `depan`, `mendatang` and a preceding `akan`,
//! `bakal`, `rencananya`... look forward; `telah`, `sudah`, `pernah`, `sejak` look back). Without
//! a cue, a weekday looks back (news narrates the past week) and a month or a day-and-month
//! takes the occurrence nearest to the publication date.

pub mod eval;

use warta_amount::calendar;
use warta_amount::date::{civil_from_days, days_from_civil, iso_week, valid, weekday, ymd};
use warta_amount::lex::{Kind, Toks};
use warta_amount::numeral;
use warta_core::{Span, TimeMention};
use warta_text::fnv::FnvSet;
use warta_text::TextDoc;

/// What the text is anchored to: the publication date, or only its year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anchor {
    pub year: Option<i32>,
    pub month: Option<u32>,
    /// Days since 1970-01-01.
    pub day: Option<i64>,
}

impl Anchor {
    /// From `YYYY-MM-DD` or `YYYY` (anything else: no anchor).
    pub fn parse(published: Option<&str>) -> Anchor {
        let Some(p) = published.map(str::trim) else {
            return Anchor::default();
        };
        if let Some((y, m, d)) = warta_amount::date::parse_ymd(p.get(..10).unwrap_or(p)) {
            return Anchor {
                year: Some(y),
                month: Some(m),
                day: Some(days_from_civil(y, m, d)),
            };
        }
        let year = p.get(..4).and_then(|y| y.parse().ok());
        Anchor {
            year,
            ..Anchor::default()
        }
    }
}

/// Every time expression of the body, resolved against `doc.published`.
pub fn extract(doc: &TextDoc) -> Vec<TimeMention> {
    let t = Toks::new(doc.text, doc.body);
    extract_toks(&t, Anchor::parse(doc.published.as_deref()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Past,
    Future,
    Unknown,
}

const FUTURE_CUES: &[&str] = &[
    "akan",
    "bakal",
    "hendak",
    "rencananya",
    "direncanakan",
    "dijadwalkan",
    "berencana",
    "menjelang",
    "jelang",
    "will",
    "shall",
    "scheduled",
    "planned",
    "upcoming",
];
const PAST_CUES: &[&str] = &[
    "telah", "sudah", "pernah", "sejak", "semenjak", "lalu", "silam", "tadi", "was", "were", "had",
    "did", "since", "last", "ago",
];
/// Words that introduce a bare month name (`pada Mei`), so that `Mei` is not a name.
const MONTH_PREPS: &[&str] = &[
    "pada",
    "sejak",
    "hingga",
    "sampai",
    "bulan",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "mulai",
    "jelang",
    "menjelang",
    "selama",
    "sepanjang",
    "per",
    "antara",
    "dan",
    "atau",
    "in",
    "since",
    "until",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "from",
    "to",
    "of",
    "between",
    "and",
    "or",
    "semenjak",
    "tengah",
    "penghujung",
    "september",
    "akhir-akhir",
];
const MODIFIERS: &[&str] = &[
    "ujung",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "early",
    "late",
    "mid",
];
const CLAUSE_END: &[&str] = &[".", "!", "?", ";", "\"", "“", "”"];

/// Every word that can start a time expression (ASCII lower case, as [`Toks::lower`] gives
/// it): what `Ctx::at` tries on a word token. A word outside this list matches no rule, so
/// `at` skips it after one lookup. Keep it in step with the rules: a word a rule tests at its
/// own position (`t.lower(i)`, `t.is(i, ..)`, `t.is_any(i, ..)`, `calendar::*`, `unit_of(t, i)`,
/// `numeral::starts_word_number`) belongs here; `tests::trigger_filter_changes_nothing` runs every
/// rule on every word of a sample and of `../shared`'s news, with and without the filter.
const TRIGGERS: &[&str] = &[
    // relative: days, the present, quarters, modifiers, `last week`
    "kemarin",
    "kemarinnya",
    "yesterday",
    "semalam",
    "tadi",
    "hari",
    "today",
    "tonight",
    "besok",
    "tomorrow",
    "esok",
    "lusa",
    "kini",
    "sekarang",
    "now",
    "currently",
    "saat",
    "dewasa",
    "kuartal",
    "triwulan",
    "semester",
    "quarter",
    "last",
    "next",
    "this",
    // relative: calendar units (`pekan lalu`, `tahun depan`)
    "tahun",
    "thn",
    "year",
    "years",
    "bulan",
    "month",
    "months",
    "pekan",
    "minggu",
    "week",
    "weeks",
    "day",
    "days",
    "jam",
    "hour",
    "hours",
    "menit",
    "minute",
    "minutes",
    "detik",
    "second",
    "seconds",
    "dekade",
    "dasawarsa",
    "decade",
    "decades",
    "abad",
    "century",
    "centuries",
    // weekdays
    "senin",
    "monday",
    "selasa",
    "tuesday",
    "rabu",
    "wednesday",
    "kamis",
    "thursday",
    "jumat",
    "jum'at",
    "jum\u{2019}at",
    "friday",
    "sabtu",
    "saturday",
    "ahad",
    "sunday",
    // months and their abbreviations
    "januari",
    "january",
    "jan",
    "februari",
    "pebruari",
    "february",
    "feb",
    "peb",
    "maret",
    "march",
    "mar",
    "april",
    "apr",
    "mei",
    "may",
    "juni",
    "june",
    "jun",
    "juli",
    "july",
    "jul",
    "agustus",
    "august",
    "agu",
    "agt",
    "aug",
    "agust",
    "september",
    "sep",
    "sept",
    "oktober",
    "october",
    "okt",
    "oct",
    "november",
    "nopember",
    "nov",
    "nop",
    "desember",
    "december",
    "des",
    "dec",
    // clock
    "pukul",
    "pkl",
    // durations: `sehari`, numbers in words
    "sehari",
    "sepekan",
    "seminggu",
    "sebulan",
    "setahun",
    "sejam",
    "satu",
    "one",
    "dua",
    "two",
    "tiga",
    "three",
    "empat",
    "four",
    "lima",
    "five",
    "enam",
    "six",
    "tujuh",
    "seven",
    "delapan",
    "eight",
    "sembilan",
    "nine",
    "sepuluh",
    "ten",
    "sebelas",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "seratus",
    "seribu",
    "sejuta",
    "setengah",
    "separuh",
    "half",
    "seperempat",
    "ribu",
    "thousand",
    "juta",
    "million",
    "miliar",
    "milyar",
    "billion",
    "triliun",
    "trillion",
];

fn is_trigger(w: &str) -> bool {
    static SET: std::sync::OnceLock<FnvSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| MODIFIERS.iter().chain(TRIGGERS).copied().collect())
        .contains(w)
}

struct Ctx<'a, 'b> {
    t: &'b Toks<'a>,
    anchor: Anchor,
    out: Vec<TimeMention>,
    /// Last resolved day and the token where it ended (to date a following clock time).
    last_day: Option<(i64, usize)>,
    /// Skip words outside [`TRIGGERS`] (always, except in the test that proves it changes
    /// nothing).
    filter: bool,
}

/// Every time expression in already-lexed text.
pub fn extract_toks(t: &Toks, anchor: Anchor) -> Vec<TimeMention> {
    extract_filtered(t, anchor, true)
}

fn extract_filtered(t: &Toks, anchor: Anchor, filter: bool) -> Vec<TimeMention> {
    let mut c = Ctx {
        t,
        anchor,
        out: Vec::new(),
        last_day: None,
        filter,
    };
    let mut i = 0;
    while i < t.len() {
        i = match c.at(i) {
            Some(last) => last + 1,
            None => i + 1,
        };
    }
    c.out
}

fn num(t: &Toks, i: usize) -> Option<u32> {
    (t.kind(i) == Some(Kind::Num) && t.s(i).bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.s(i).parse().ok())
        .flatten()
}

fn year_of(t: &Toks, i: usize) -> Option<i32> {
    let s = t.s(i);
    if s.len() != 4 {
        return None;
    }
    let y = num(t, i)? as i32;
    (1800..=2100).contains(&y).then_some(y)
}

impl Ctx<'_, '_> {
    fn push(&mut self, a: usize, b: usize, value: Option<String>, gran: &str, rule: &str) -> usize {
        let t = self.t;
        let (mut a, mut b) = (a, b);
        // Head nouns belong to the expression: `tahun 2017`, `tanggal 1 Januari`, `bulan Juni`,
        // `hari Kamis`, `tahun anggaran 2016`.
        if a > 0 && !rule.starts_with("relative") {
            let head = match gran {
                "year" | "decade" => t.is(a - 1, "tahun"),
                "month" => t.is(a - 1, "bulan"),
                "day" => t.is_any(a - 1, &["tanggal", "tgl", "hari"]),
                _ => false,
            };
            if head {
                a -= 1;
            } else if gran == "year" && a > 1 && t.is(a - 1, "anggaran") && t.is(a - 2, "tahun") {
                a -= 2;
            }
            if a > 0 && t.is_any(a - 1, MODIFIERS) {
                a -= 1;
            }
        }
        // Parts of the day and deictic words after it: `Rabu (05/10) malam`, `2007 silam`.
        if matches!(gran, "day" | "month" | "year") {
            if t.is(b + 1, "silam")
                || (gran == "day" && t.is(b + 1, "kemarin") && rule != "relative")
            {
                b += 1;
            }
            if gran == "day" {
                if t.is(b + 1, "dini") && t.is(b + 2, "hari") {
                    b += 2;
                } else if t.is_any(
                    b + 1,
                    &["malam", "pagi", "siang", "sore", "dinihari", "subuh"],
                ) {
                    b += 1;
                }
            }
        }
        if gran == "day" {
            if let Some(v) = value
                .as_deref()
                .and_then(warta_amount::date::parse_ymd)
                .map(|(y, m, d)| days_from_civil(y, m, d))
            {
                self.last_day = Some((v, b));
            }
        }
        // Dates computed without a known year carry year 0: TimeML writes it `XXXX`.
        let value = value.map(|v| match v.strip_prefix("0000") {
            Some(rest) => format!("XXXX{rest}"),
            None => v,
        });
        self.out.push(TimeMention {
            span: self.t.span(a, b),
            value,
            granularity: Some(gran.to_string()),
            rule: format!("time:{rule}"),
        });
        b
    }

    /// The tense of the clause around tokens `a..=b`.
    fn direction(&self, a: usize, b: usize) -> Dir {
        let t = self.t;
        if t.is_any(b + 1, &["lalu", "silam", "kemarin", "sebelumnya", "ago"]) {
            return Dir::Past;
        }
        if t.is_any(b + 1, &["depan", "mendatang", "nanti", "ini", "besok"]) {
            return if t.is(b + 1, "ini") {
                Dir::Unknown
            } else {
                Dir::Future
            };
        }
        let lo = a.saturating_sub(14);
        for j in (lo..a).rev() {
            if CLAUSE_END.contains(&t.s(j)) {
                break;
            }
            if t.is_any(j, FUTURE_CUES) {
                return Dir::Future;
            }
            if t.is_any(j, PAST_CUES) {
                return Dir::Past;
            }
        }
        Dir::Unknown
    }

    fn modifier_start(&self, i: usize) -> usize {
        if i > 0 && self.t.is_any(i - 1, MODIFIERS) {
            i - 1
        } else {
            i
        }
    }

    fn at(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        match t.kind(i)? {
            // Most words start no time expression: one set lookup skips the rules.
            Kind::Word if self.filter && !is_trigger(t.lower(i)) => None,
            Kind::Word => self
                .relative(i)
                .or_else(|| self.weekday(i))
                .or_else(|| self.month_first(i))
                .or_else(|| self.clock(i))
                .or_else(|| self.duration(i)),
            Kind::Num => self
                .numeric_date(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.day_list(i))
                .or_else(|| self.clock(i))
                .or_else(|| self.duration(i))
                .or_else(|| self.year(i)),
            Kind::Sym => (t.s(i) == "(").then(|| self.paren_date(i)).flatten(),
        }
    }

    /// `kemarin`, `hari ini`, `pekan lalu`, `tiga hari lalu`, `tahun depan`...
    fn relative(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let a = self.anchor;
        let w = t.lower(i);
        let day_off = match w {
            "kemarin" if t.is(i + 1, "lusa") => Some((-2, i + 1)),
            "kemarin" | "kemarinnya" | "yesterday" | "semalam" => Some((-1, i)),
            "tadi" if t.is_any(i + 1, &["malam", "pagi", "siang", "sore"]) => {
                Some((if t.is(i + 1, "malam") { -1 } else { 0 }, i + 1))
            }
            "hari" if t.is(i + 1, "ini") => Some((0, i + 1)),
            "today" | "tonight" => Some((0, i)),
            "besok" | "tomorrow" | "esok" => Some((1, i)),
            "lusa" => Some((2, i)),
            _ => None,
        };
        let present = match w {
            "kini" | "sekarang" | "now" | "currently" => Some(i),
            "saat" | "dewasa" if t.is(i + 1, "ini") => Some(i + 1),
            _ => None,
        };
        if let Some(end) = present {
            return Some(self.push(i, end, Some("PRESENT_REF".into()), "vague", "relative"));
        }
        if matches!(w, "kuartal" | "triwulan" | "semester" | "quarter") {
            return self.quarter(i);
        }
        // `akhir tahun`: the year of the anchor.
        if MODIFIERS.contains(&w)
            && t.is(i + 1, "tahun")
            && !t.is_any(i + 2, &["ini", "lalu", "depan", "mendatang"])
            && t.kind(i + 2) != Some(Kind::Num)
        {
            let v = a.year.map(|y| format!("{y:04}"));
            return Some(self.push(i, i + 1, v, "year", "relative"));
        }
        if let Some((off, end)) = day_off {
            // `hari ini, Jumat (23/6)`: the text states the day it speaks from.
            let mut j = end + 1;
            if t.s(j) == "," {
                j += 1;
            }
            let stated = if off == 0 && calendar::weekday(t.lower(j)).is_some() {
                let k = if t.s(j + 1) == "," { j + 2 } else { j + 1 };
                (t.s(k) == "(")
                    .then(|| self.dm_in_parens(k))
                    .flatten()
                    .map(|x| x.0)
            } else {
                None
            };
            let v = stated.or(a.day).map(|d| ymd(d + off));
            return Some(self.push(i, end, v, "day", "relative"));
        }
        // `pekan lalu`, `bulan depan`, `tahun ini`, `last week`, `next year`.
        let (unit_i, dir_word, a0, b0) = if t.is_any(i, &["last", "next", "this"]) {
            (i + 1, i, i, i + 1)
        } else {
            (i, i + 1, i, i + 1)
        };
        let unit = unit_of(t, unit_i);
        if let Some(u) = unit {
            if !matches!(u, 'Y' | 'M' | 'W') {
                return None;
            }
            // `minggu` capitalised before `(` is Sunday, not a week.
            let off = match t.lower(dir_word) {
                "lalu" | "kemarin" | "last" => -1,
                "depan" | "mendatang" | "next" => 1,
                "ini" | "this" => 0,
                _ => return None,
            };
            if unit_i == i
                && t.is(i + 1, "lalu")
                && t.is(i, "tahun")
                && i > 0
                && num(t, i - 1).is_some()
            {
                return None;
            }
            let v = shift(a, u, off);
            let gran = match u {
                'Y' => "year",
                'M' => "month",
                _ => "week",
            };
            let a0 = self.modifier_start(a0);
            return Some(self.push(a0, b0, v, gran, "relative"));
        }
        None
    }

    /// `kuartal IV 2016`, `kuartal keempat`, `semester pertama tahun ini`, `kuartal lalu`.
    fn quarter(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let half = t.is(i, "semester");
        let w = t.lower(i + 1);
        let a = self.anchor;
        let cur = a.month.map(|m| {
            if half {
                (i64::from(m) - 1) / 6 + 1
            } else {
                (i64::from(m) - 1) / 3 + 1
            }
        });
        let (n, mut end): (Option<i64>, usize) = match w {
            "i" | "pertama" | "satu" | "1" => (Some(1), i + 1),
            "ii" | "kedua" | "dua" | "2" => (Some(2), i + 1),
            "iii" | "ketiga" | "tiga" | "3" => (Some(3), i + 1),
            "iv" | "keempat" | "empat" | "4" => (Some(4), i + 1),
            "ini" => (cur, i + 1),
            "lalu" => (cur.map(|c| c - 1), i + 1),
            _ => return None,
        };
        let max = if half { 2 } else { 4 };
        let n = n?;
        let mut y = i64::from(a.year?);
        let n = if n < 1 {
            y -= 1;
            n + max
        } else {
            n
        };
        if n > max {
            return None;
        }
        if let Some(yy) = year_of(t, end + 1) {
            y = i64::from(yy);
            end += 1;
        } else if t.is(end + 1, "tahun") && t.is_any(end + 2, &["ini", "lalu", "depan"]) {
            y += match t.s(end + 2).to_ascii_lowercase().as_str() {
                "lalu" => -1,
                "depan" => 1,
                _ => 0,
            };
            end += 2;
        }
        let v = format!("{y:04}-{}{n}", if half { 'H' } else { 'Q' });
        let gran = if half { "half" } else { "quarter" };
        Some(self.push(i, end, Some(v), gran, "quarter"))
    }

    /// `Rabu`, `Rabu (4/10)`, `Rabu, 4 Oktober 2017`, `Senin lalu`.
    fn weekday(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let wd = calendar::weekday(t.lower(i))?;
        // `salat Jumat` is the Friday prayer, not a day.
        if i > 0 && t.is_any(i - 1, &["salat", "shalat", "sholat", "solat"]) {
            return None;
        }
        if !t.s(i).starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        // Weekday + (d/m[/y]).
        let mut j = i + 1;
        if t.s(j) == "," {
            j += 1;
        }
        if t.s(j) == "(" {
            if let Some((days, end, explicit)) = self.dm_in_parens(j) {
                let rule = if explicit {
                    "weekday+date+year"
                } else {
                    "weekday+date"
                };
                return Some(self.push(i, end, Some(ymd(days)), "day", rule));
            }
        }
        if t.kind(j) == Some(Kind::Num) {
            if let Some((days, end, explicit)) = self.day_month_at(j) {
                let rule = if explicit {
                    "weekday+date+year"
                } else {
                    "weekday+date"
                };
                return Some(self.push(i, end, Some(ymd(days)), "day", rule));
            }
        }
        // `Kamis pekan depan`, `Senin minggu lalu`.
        if t.is_any(i + 1, &["pekan", "minggu"]) {
            let off = match t.s(i + 2).to_ascii_lowercase().as_str() {
                "depan" | "mendatang" => Some(7),
                "lalu" | "kemarin" => Some(-7),
                "ini" => Some(0),
                _ => None,
            };
            if let Some(off) = off {
                let v = self.anchor.day.map(|p| {
                    let monday = p - i64::from(weekday(p)) + 1;
                    ymd(monday + off + i64::from(wd) - 1)
                });
                return Some(self.push(i, i + 2, v, "day", "weekday+week"));
            }
        }
        // A bare weekday.
        if t.is(i, "minggu") && t.is_any(i + 1, &["lalu", "depan", "ini", "mendatang", "kemarin"]) {
            return None;
        }
        let mut end = i;
        let dir = self.direction(i, i);
        let after = t.lower(i + 1);
        let strong = match after {
            "lalu" | "kemarin" => Some(Dir::Past),
            "depan" | "mendatang" => Some(Dir::Future),
            _ => None,
        };
        if strong.is_some() || after == "ini" {
            end = i + 1;
        }
        let v = self.anchor.day.map(|p| {
            let pw = i64::from(weekday(p));
            let wd = i64::from(wd);
            let back = (pw - wd).rem_euclid(7);
            let fwd = (wd - pw).rem_euclid(7);
            match strong {
                Some(Dir::Past) => p - if back == 0 { 7 } else { back },
                Some(_) => p + if fwd == 0 { 7 } else { fwd },
                None if back == 0 => p,
                None if dir == Dir::Future => p + fwd,
                None => p - back,
            }
        });
        Some(self.push(i, end, v.map(ymd), "day", "weekday"))
    }

    /// `(4/10)`, `(4/10/2017)` starting at the `(` token `j`: (day, last token, year given).
    fn dm_in_parens(&self, j: usize) -> Option<(i64, usize, bool)> {
        let t = self.t;
        let d = num(t, j + 1)?;
        if t.s(j + 2) != "/" {
            return None;
        }
        let m = num(t, j + 3)?;
        let (y, close) = if t.s(j + 4) == "/" {
            (Some(full_year(t, j + 5)?), j + 6)
        } else {
            (None, j + 4)
        };
        if t.s(close) != ")" {
            return None;
        }
        let days = self.resolve_dm(y, m, d, Dir::Unknown)?;
        Some((days, close, y.is_some()))
    }

    /// A date in parentheses alone: `(27/3)`.
    fn paren_date(&mut self, i: usize) -> Option<usize> {
        let (days, end, explicit) = self.dm_in_parens(i)?;
        let rule = if explicit { "date+year" } else { "date" };
        Some(self.push(i + 1, end - 1, Some(ymd(days)), "day", rule))
    }

    /// `30/12/2014`, `30-12-2014`.
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let sep = t.s(i + 1);
        if !matches!(sep, "/" | "-") || !t.glued(i + 1) || t.s(i + 3) != sep {
            return None;
        }
        if i > 0 && t.glued(i) && matches!(t.s(i - 1), "/" | "-" | ":" | "(") && t.s(i - 1) != "(" {
            return None;
        }
        let d = num(t, i)?;
        let m = num(t, i + 2)?;
        let y = full_year(t, i + 4)?;
        if t.glued(i + 5) && matches!(t.s(i + 5), "/" | "-") {
            return None;
        }
        let days = self.resolve_dm(Some(y), m, d, Dir::Unknown)?;
        Some(self.push(i, i + 4, Some(ymd(days)), "day", "numeric-date"))
    }

    /// `9 Mei`, `9 Mei 2015` at `i`: (day, last token, year given).
    fn day_month_at(&self, i: usize) -> Option<(i64, usize, bool)> {
        let t = self.t;
        let d = num(t, i)?;
        if t.s(i).len() > 2 {
            return None;
        }
        let m = calendar::month(t.lower(i + 1))?;
        let mut end = i + 1;
        if t.s(end + 1) == "." && t.glued(end + 1) && !calendar::full_month(t.lower(i + 1)) {
            end += 1;
        }
        let y = if t.s(end + 1) == "," {
            year_of(t, end + 2).inspect(|_| end += 2)
        } else {
            year_of(t, end + 1).inspect(|_| end += 1)
        };
        let dir = self.direction(i, end);
        let days = self.resolve_dm(y, m, d, dir)?;
        Some((days, end, y.is_some()))
    }

    /// `23, 27 dan 28 Juni`, `23-24 Juni 2017`: every day of a list or range takes the month
    /// (and year) written after the last one. Returns the token before the last day, which
    /// `day_month` then reads.
    fn day_list(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let day = |k: usize| num(t, k).filter(|&d| (1..=31).contains(&d) && t.s(k).len() <= 2);
        day(i)?;
        if i > 0 && matches!(t.s(i - 1), "/" | ":" | "." | "-" | "–") {
            return None;
        }
        let mut days = vec![i];
        let mut k = i + 1;
        loop {
            let sep = t.s(k);
            let is_sep = matches!(sep, "," | "-" | "–")
                || t.is_any(k, &["dan", "hingga", "sampai", "and", "to"]);
            // Days of a list or range go forward (`2-1` is a score).
            let prev = num(t, *days.last()?)?;
            if !is_sep || !matches!(day(k + 1), Some(d) if d > prev) || days.len() > 8 {
                return None;
            }
            k += 1;
            if calendar::month(t.lower(k + 1)).is_some() {
                break;
            }
            days.push(k);
            k += 1;
        }
        // `k` is the last day, followed by its month: read it to learn month and year.
        let (last_day, _, explicit) = self.day_month_at(k)?;
        let (y, m, _) = civil_from_days(last_day);
        for &d in &days {
            let dd = num(t, d)?;
            if valid(y, m, dd) {
                let v = Some(ymd(days_from_civil(y, m, dd)));
                let rule = if explicit {
                    "day-list+year"
                } else {
                    "day-list"
                };
                self.push_exact(d, v, rule);
            }
        }
        Some(k - 1)
    }

    /// A one-token day mention, without the span extensions of [`Ctx::push`].
    fn push_exact(&mut self, i: usize, value: Option<String>, rule: &str) {
        self.out.push(TimeMention {
            span: self.t.span(i, i),
            value,
            granularity: Some("day".into()),
            rule: format!("time:{rule}"),
        });
    }

    fn day_month(&mut self, i: usize) -> Option<usize> {
        let (days, end, explicit) = self.day_month_at(i)?;
        let rule = if explicit {
            "day-month-year"
        } else {
            "day-month"
        };
        Some(self.push(i, end, Some(ymd(days)), "day", rule))
    }

    /// Month first: `Agustus 2011`, `March 9, 2015`, `pada Mei`, `awal Maret`.
    fn month_first(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let m = calendar::month(t.lower(i))?;
        // Lower-case month names (`pada september`) only after a preposition.
        let capitalised = t.s(i).starts_with(|c: char| c.is_uppercase());
        let after_prep = i > 0 && t.is_any(i - 1, MONTH_PREPS) && calendar::full_month(t.lower(i));
        if !(capitalised || after_prep) {
            return None;
        }
        let start = self.modifier_start(i);
        let mut j = i;
        if t.s(j + 1) == "." && t.glued(j + 1) {
            j += 1;
        }
        if let Some(y) = year_of(t, j + 1) {
            if t.glued(j + 2) && t.s(j + 2) == "-" {
                // `Mei 2015-an`? Leave it.
            }
            return Some(self.push(
                start,
                j + 1,
                Some(format!("{y:04}-{m:02}")),
                "month",
                "month-year",
            ));
        }
        // English `March 9` / `March 9, 2015`.
        if let Some(d) = num(t, j + 1).filter(|&d| (1..=31).contains(&d) && t.s(j + 1).len() <= 2) {
            if !t.glued(j + 2) || !matches!(t.s(j + 2), "/" | ":" | ".") {
                let mut end = j + 1;
                let y = if t.s(end + 1) == "," {
                    year_of(t, end + 2).inspect(|_| end += 2)
                } else {
                    None
                };
                let dir = self.direction(i, end);
                if let Some(days) = self.resolve_dm(y, m, d, dir) {
                    let rule = if y.is_some() {
                        "month-day-year"
                    } else {
                        "month-day"
                    };
                    return Some(self.push(start, end, Some(ymd(days)), "day", rule));
                }
            }
        }
        // `Desember tahun ini`, `Juni tahun lalu`.
        if t.is(j + 1, "tahun") && t.is_any(j + 2, &["ini", "lalu", "depan"]) {
            if let Some(y) = self.anchor.year {
                let y = y + match t.s(j + 2).to_ascii_lowercase().as_str() {
                    "lalu" => -1,
                    "depan" => 1,
                    _ => 0,
                };
                let v = Some(format!("{y:04}-{m:02}"));
                return Some(self.push(start, j + 2, v, "month", "month-year"));
            }
        }
        // A bare month: a full name, after a preposition, or not standing among capitalised
        // words (`Mei Lin`, `Universitas Juni` are names).
        if !calendar::full_month(t.lower(i)) {
            return None;
        }
        let capital = |k: usize| {
            t.kind(k) == Some(Kind::Word) && t.s(k).starts_with(|c: char| c.is_uppercase())
        };
        let after_prep = i > 0 && t.is_any(i - 1, MONTH_PREPS);
        let sentence_start = i == 0 || matches!(t.s(i - 1), "." | "\"" | "“" | "(" | ":");
        // Months that are also given names need their preposition.
        let name_like = matches!(
            t.lower(i),
            "mei" | "may" | "april" | "juni" | "juli" | "june" | "july" | "august"
        );
        let deictic = t.is_any(i + 1, &["lalu", "silam", "mendatang", "depan"]);
        let name_like = name_like && !deictic;
        if !after_prep && (name_like || capital(i + 1) || (!sentence_start && capital(i - 1))) {
            return None;
        }
        let dir = self.direction(i, i);
        let v = self.resolve_month(m, dir);
        // `Mei lalu` keeps its deictic word.
        let end = if t.is_any(i + 1, &["lalu", "mendatang", "depan", "ini"]) {
            i + 1
        } else {
            i
        };
        Some(self.push(start, end, v, "month", "month"))
    }

    /// A four-digit year: `2011`, `akhir 2018`, `1970-an` (a decade).
    fn year(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let y = year_of(t, i)?;
        if i > 0 && t.glued(i) && matches!(t.kind(i - 1), Some(Kind::Word)) {
            return None;
        }
        if i > 0 && t.glued(i) && matches!(t.s(i - 1), "-" | "/" | "." | ":" | "+" | "#") {
            // `2014-2015` keeps the second year; `0812-2015` is not one.
            if !(t.s(i - 1) == "-" && i > 1 && year_of(t, i - 2).is_some()) {
                return None;
            }
        }
        if i > 0
            && t.is_any(
                i - 1,
                &["pukul", "rp", "no", "nomor", "pasal", "$", "rt", "rw", "km"],
            )
        {
            return None;
        }
        // `PP Nomor 78 Tahun 2015`: part of a legal instrument's number.
        if i > 2
            && t.is(i - 1, "tahun")
            && num(t, i - 2).is_some()
            && t.is_any(i - 3, &["nomor", "no", "nomer"])
        {
            return None;
        }
        if t.glued(i + 1) && matches!(t.s(i + 1), "." | ",") && t.kind(i + 2) == Some(Kind::Num) {
            return None;
        }
        if t.glued(i + 1) && t.s(i + 1) == "-" && t.is(i + 2, "an") {
            let start = self.modifier_start(i);
            let v = format!("{:03}", y / 10);
            return Some(self.push(start, i + 2, Some(v), "decade", "decade"));
        }
        if warta_amount::unit_at(t, i + 1) {
            return None;
        }
        let start = self.modifier_start(i);
        Some(self.push(start, i, Some(format!("{y:04}")), "year", "year"))
    }

    /// `pukul 16.00 WIB`, `16.00 WIB`, `at 4 pm`.
    fn clock(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let (start, n) = if t.is_any(i, &["pukul", "jam", "pkl"]) {
            (i, i + 1)
        } else if t.kind(i) == Some(Kind::Num) {
            (i, i)
        } else {
            return None;
        };
        let s = t.s(n);
        if t.kind(n) != Some(Kind::Num) {
            return None;
        }
        let (h, mi, mut end) = if let Some((h, m)) = s.split_once(['.', ',']) {
            if m.len() != 2 {
                return None;
            }
            (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, n)
        } else if t.s(n + 1) == ":" && t.glued(n + 1) && t.kind(n + 2) == Some(Kind::Num) {
            (
                s.parse::<u32>().ok()?,
                t.s(n + 2).parse::<u32>().ok()?,
                n + 2,
            )
        } else if start < n {
            (s.parse::<u32>().ok()?, 0, n)
        } else {
            return None;
        };
        if h > 24 || mi > 59 {
            return None;
        }
        let zone = match t.s(end + 1) {
            "WIB" => Some("+07:00"),
            "WITA" => Some("+08:00"),
            "WIT" => Some("+09:00"),
            "GMT" | "UTC" => Some("Z"),
            _ => None,
        };
        if zone.is_none() && start == n {
            // A bare `16.00` is a number, not a time.
            return None;
        }
        if zone.is_some() {
            end += 1;
        }
        let day = match self.last_day {
            Some((d, e)) if e + 6 >= start => Some(d),
            _ => self.anchor.day,
        };
        let date = day.map_or_else(|| "XXXX-XX-XX".to_string(), ymd);
        let v = format!("{date}T{h:02}:{mi:02}{}", zone.unwrap_or(""));
        Some(self.push(start, end, Some(v), "time", "clock"))
    }

    /// `70 tahun`, `tiga hari`, `setahun`; `peringatan 70 tahun berakhirnya Perang Dunia II`
    /// takes the commemorated event into the span. `tiga hari lalu` is a date.
    fn duration(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        // `sehari-hari` (daily) is a frequency, not a duration.
        if t.s(i + 1) == "-"
            && t.glued(i + 1)
            && t.lower(i + 2) == t.lower(i).trim_start_matches("se")
        {
            return None;
        }
        let (n, u, last) = match t.lower(i) {
            "sehari" => (1.0, 'D', i),
            "sepekan" | "seminggu" => (1.0, 'W', i),
            "sebulan" => (1.0, 'M', i),
            "setahun" => (1.0, 'Y', i),
            "sejam" => (1.0, 'h', i),
            _ => {
                let (v, last) = if t.kind(i) == Some(Kind::Num) {
                    if i > 0 && t.glued(i) && t.kind(i - 1) == Some(Kind::Word) {
                        return None;
                    }
                    if i > 0 && t.is_any(i - 1, &["nomor", "no", "nomer", "pasal"]) {
                        return None;
                    }
                    (numeral::parse_digits(t.s(i), false)?, i)
                } else if numeral::starts_word_number(t, i) {
                    numeral::parse_words(t, i)?
                } else {
                    return None;
                };
                let u = unit_of(t, last + 1)?;
                (v, u, last + 1)
            }
        };
        if n.is_nan() || n <= 0.0 || (n.fract() != 0.0 && n.fract() != 0.5) {
            return None;
        }
        // `tiga hari lalu`, `dua tahun mendatang`: a date.
        let after = t.lower(last + 1);
        let past = matches!(after, "lalu" | "silam" | "sebelumnya" | "ago")
            || (after == "yang" && t.is(last + 2, "lalu"));
        let future =
            matches!(after, "lagi" | "mendatang") || (after == "ke" && t.is(last + 2, "depan"));
        if past || future {
            let end = if after == "yang" || after == "ke" {
                last + 2
            } else {
                last + 1
            };
            let off = if past { -(n as i64) } else { n as i64 };
            let (v, gran) = match u {
                'D' => (self.anchor.day.map(|d| ymd(d + off)), "day"),
                'W' => (shift(self.anchor, 'W', off), "week"),
                'M' => (shift(self.anchor, 'M', off), "month"),
                'Y' => (shift(self.anchor, 'Y', off), "year"),
                _ => (None, "time"),
            };
            return Some(self.push(i, end, v, gran, "relative"));
        }
        let n_str = if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        };
        let v = match u {
            'h' => format!("PT{n_str}H"),
            'm' => format!("PT{n_str}M"),
            's' => format!("PT{n_str}S"),
            'E' => format!("P{}Y", n as i64 * 10),
            'C' => format!("P{}Y", n as i64 * 100),
            u => format!("P{n_str}{u}"),
        };
        let mut end = last;
        let mut v = v;
        // `1 menit 21,406 detik`: one duration.
        if matches!(u, 'h' | 'm') && n.fract() == 0.0 {
            if let (Some(n2), Some(u2)) = (
                numeral::parse_digits(t.s(last + 1), false),
                unit_of(t, last + 2),
            ) {
                let order = |c: char| "hms".find(c);
                if matches!(u2, 'm' | 's') && order(u2) > order(u) {
                    let up = |c: char| c.to_ascii_uppercase();
                    v = format!("{v}{n2}{}", up(u2));
                    end = last + 2;
                }
            }
        }
        // `39 tahun dan 126 hari`, `37 tahun, 46 hari`: one duration.
        if matches!(u, 'Y' | 'M' | 'W') && n.fract() == 0.0 {
            let j = if t.is_any(last + 1, &["dan", ","]) {
                last + 2
            } else {
                last + 1
            };
            if let (Some(n2), Some(u2)) = (num(t, j), unit_of(t, j + 1)) {
                let order = |c: char| "YMWD".find(c);
                if matches!(u2, 'M' | 'W' | 'D') && order(u2) > order(u) {
                    v = format!("{v}{n2}{u2}");
                    end = j + 1;
                }
            }
        }
        if i > 0 && t.is_any(i - 1, &["peringatan", "memperingati", "anniversary"]) {
            end = commemorated_end(t, last);
        }
        Some(self.push(i, end, Some(v), "duration", "duration"))
    }

    fn resolve_month(&self, m: u32, dir: Dir) -> Option<String> {
        let y = self.anchor.year?;
        let Some(pm) = self.anchor.month else {
            return Some(format!("{y:04}-{m:02}"));
        };
        let y = match dir {
            Dir::Future if m < pm => y + 1,
            Dir::Past if m > pm => y - 1,
            Dir::Unknown if m as i32 - pm as i32 > 6 => y - 1,
            Dir::Unknown if pm as i32 - m as i32 > 6 => y + 1,
            _ => y,
        };
        Some(format!("{y:04}-{m:02}"))
    }

    /// Day of `d` `m` [`y`]: with no year, the year that puts it in the direction `dir`
    /// (or nearest the publication date).
    fn resolve_dm(&self, y: Option<i32>, m: u32, d: u32, dir: Dir) -> Option<i64> {
        if let Some(y) = y {
            return valid(y, m, d).then(|| days_from_civil(y, m, d));
        }
        let Some(py) = self.anchor.year else {
            // No anchor: the day and month alone (year 0, written `XXXX`).
            return valid(0, m, d).then(|| days_from_civil(0, m, d));
        };
        let cands = [py - 1, py, py + 1]
            .into_iter()
            .filter(|&y| valid(y, m, d))
            .map(|y| days_from_civil(y, m, d));
        let Some(p) = self.anchor.day else {
            return valid(py, m, d).then(|| days_from_civil(py, m, d));
        };
        match dir {
            Dir::Future => cands.filter(|&c| c >= p).min(),
            Dir::Past => cands.filter(|&c| c <= p).max(),
            Dir::Unknown => cands.min_by_key(|&c| (c - p).abs()),
        }
    }
}

/// Span end of the commemorated event after `peringatan N tahun`: the words up to a
/// preposition, a conjunction or punctuation (at most eight tokens).
fn commemorated_end(t: &Toks, last: usize) -> usize {
    const STOP: &[&str] = &[
        "pada", "di", "yang", "dan", "ini", "itu", "ke", "dengan", "untuk", "dari", "sebagai",
        "oleh", "in", "on", "at", "of", "the", "which", "that", "tahun", "bulan",
    ];
    let mut end = last;
    let mut j = last + 1;
    while j < t.len() && j <= last + 8 {
        if t.kind(j) == Some(Kind::Sym) || t.is_any(j, STOP) {
            break;
        }
        end = j;
        j += 1;
    }
    end
}

/// Calendar unit word at `i`: Y M W D h m s, E (decade), C (century).
fn unit_of(t: &Toks, i: usize) -> Option<char> {
    Some(match t.lower(i) {
        "tahun" | "thn" | "year" | "years" => 'Y',
        "bulan" | "month" | "months" => 'M',
        "pekan" | "minggu" | "week" | "weeks" => 'W',
        "hari" | "day" | "days" => 'D',
        "jam" | "hour" | "hours" => 'h',
        "menit" | "minute" | "minutes" => 'm',
        "detik" | "second" | "seconds" => 's',
        "dekade" | "dasawarsa" | "decade" | "decades" => 'E',
        "abad" | "century" | "centuries" => 'C',
        _ => return None,
    })
}

/// The year, month or ISO week `off` units away from the anchor.
fn shift(a: Anchor, unit: char, off: i64) -> Option<String> {
    match unit {
        'Y' => a.year.map(|y| format!("{:04}", i64::from(y) + off)),
        'M' => {
            let (y, m) = (a.year?, a.month?);
            let idx = i64::from(y) * 12 + i64::from(m) - 1 + off;
            Some(format!(
                "{:04}-{:02}",
                idx.div_euclid(12),
                idx.rem_euclid(12) + 1
            ))
        }
        'W' => {
            let (y, w) = iso_week(a.day? + off * 7);
            Some(format!("{y:04}-W{w:02}"))
        }
        _ => None,
    }
}

/// A year written in full (`2011`) or with two digits (`11` → 2011).
fn full_year(t: &Toks, i: usize) -> Option<i32> {
    let s = t.s(i);
    let v = num(t, i)? as i32;
    match s.len() {
        4 => (1800..=2100).contains(&v).then_some(v),
        2 => Some(if v < 70 { 2000 + v } else { 1900 + v }),
        _ => None,
    }
}

/// The civil date of a `YYYY-MM-DD` value as a day count (for checks).
pub fn day_of(value: &str) -> Option<i64> {
    warta_amount::date::parse_ymd(value).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// `civil_from_days` re-exported for checks.
pub fn civil(days: i64) -> (i32, u32, u32) {
    civil_from_days(days)
}

/// Tokens of a span of `text` (for callers that re-read a mention).
pub fn toks_of(text: &str, span: Span) -> Toks<'_> {
    Toks::new(text, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(s: &str, published: &str) -> Vec<(String, Option<String>)> {
        let t = Toks::new(s, Span::new(0, s.len()));
        extract_toks(&t, Anchor::parse(Some(published)))
            .into_iter()
            .map(|m| (m.span.text(s).to_string(), m.value))
            .collect()
    }

    fn one(s: &str, published: &str) -> (String, String) {
        let v = times(s, published);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        (v[0].0.clone(), v[0].1.clone().unwrap_or_default())
    }

    const P: &str = "2015-03-11";

    #[test]
    fn weekdays() {
        assert_eq!(one("Rusia pada Rabu mengatakan", P).1, "2015-03-11");
        assert_eq!(one("pada Senin mengatakan", P).1, "2015-03-09");
        assert_eq!(one("ia akan datang Jumat", P).1, "2015-03-13");
        assert_eq!(
            one("Senin (27/3) lalu", "2017-03-28"),
            ("Senin (27/3)".into(), "2017-03-27".into())
        );
        assert_eq!(one("Rabu (4/10/2017)", P).1, "2017-10-04");
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            one("akan datang ke Moskow pada Mei untuk", P),
            ("Mei".into(), "2015-05".into())
        );
        assert_eq!(
            one("yang wafat pada 2011.", P),
            ("2011".into(), "2011".into())
        );
        assert_eq!(
            one("pada Agustus 2011 berkunjung", P),
            ("Agustus 2011".into(), "2011-08".into())
        );
        assert_eq!(
            one("parade Hari Kemenangan 9 Mei di Moskow", P).1,
            "2015-05-09"
        );
        assert_eq!(one("sejak 30/12/2014 ini", P).1, "2014-12-30");
        assert_eq!(
            one("pada akhir 2018", P),
            ("akhir 2018".into(), "2018".into())
        );
        assert_eq!(
            one("sejak awal Maret", P),
            ("awal Maret".into(), "2015-03".into())
        );
        assert_eq!(one("tahun 1970-an", P).1, "197");
        assert_eq!(one("on March 9, 2015 in", P).1, "2015-03-09");
        assert_eq!(one("pada Desember lalu", P).1, "2014-12");
        assert!(times("Mei Lin datang", P).is_empty());
        assert!(times("kata Kepala Desa Maret Jaya", P).is_empty());
        assert_eq!(one("neraca Januari surplus", P).1, "2015-01");
        assert_eq!(
            one("pada Mei lalu", P),
            ("Mei lalu".into(), "2014-05".into())
        );
        assert_eq!(one("catatan 1 menit 21,406 detik", P).1, "PT1M21.406S");
        assert_eq!(one("pada tahun 2017 ini", P).0, "tahun 2017");
        assert_eq!(one("Rabu (05/10) malam", P).0, "Rabu (05/10) malam");
        assert_eq!(one("kuartal IV 2016", P).1, "2016-Q4");
        assert_eq!(one("semester pertama tahun ini", P).1, "2015-H1");
        assert_eq!(one("hingga Desember tahun ini", P).1, "2015-12");
        assert_eq!(
            one("hari Kamis pekan depan", P),
            ("hari Kamis pekan depan".into(), "2015-03-19".into())
        );
        assert_eq!(one("pada akhir tahun", P).1, "2015");
        assert_eq!(one("saat ini", P).1, "PRESENT_REF");
        assert_eq!(
            times("pada 23, 27 dan 28 Juni 2017 lalu", P),
            vec![
                ("23".into(), Some("2017-06-23".into())),
                ("27".into(), Some("2017-06-27".into())),
                ("28 Juni 2017".into(), Some("2017-06-28".into()))
            ]
        );
        assert_eq!(times("skor 2-1 dan 3 Juni", P).len(), 1);
    }

    #[test]
    fn relative() {
        assert_eq!(one("kemarin", P).1, "2015-03-10");
        assert_eq!(
            times("hari ini, Senin (9/3)", P)[0].1.as_deref(),
            Some("2015-03-09")
        );
        assert_eq!(
            one("pekan lalu", P),
            ("pekan lalu".into(), "2015-W10".into())
        );
        assert_eq!(one("bulan depan", P).1, "2015-04");
        assert_eq!(one("tahun lalu", P).1, "2014");
        assert_eq!(
            one("dua hari lalu", P),
            ("dua hari lalu".into(), "2015-03-09".into())
        );
        assert_eq!(one("last week", P).1, "2015-W10");
    }

    #[test]
    fn clock_and_durations() {
        assert_eq!(
            one("pukul 16.00 WIB", P),
            ("pukul 16.00 WIB".into(), "2015-03-11T16:00+07:00".into())
        );
        assert_eq!(
            one("selama tiga hari", P),
            ("tiga hari".into(), "P3D".into())
        );
        assert_eq!(
            one("peringatan 70 tahun berakhirnya Perang Dunia II pada", P),
            ("70 tahun berakhirnya Perang Dunia II".into(), "P70Y".into())
        );
        assert_eq!(one("setahun", P).1, "P1Y");
        assert!(times("sehari-hari berjualan", P).is_empty());
        assert!(times("tidak melaksanakan salat Jumat di jalan", P).is_empty());
        assert_eq!(
            one("usia 39 tahun dan 126 hari", P),
            ("39 tahun dan 126 hari".into(), "P39Y126D".into())
        );
        assert!(times("PP Nomor 78 Tahun 2015 tentang", P).is_empty());
    }

    #[test]
    fn year_only_anchor() {
        assert_eq!(one("pada Mei", "2015").1, "2015-05");
        assert_eq!(times("pada Rabu", "2015"), vec![("Rabu".into(), None)]);
        assert!(times("sebanyak 2015 orang", P).is_empty());
        assert!(times("Rp 2015", P).is_empty());
        assert!(times("pukul", P).is_empty());
        let text = "Senin ( 22/3 ) dan 9 Mei";
        let none = Toks::new(text, Span::new(0, text.len()));
        let v: Vec<_> = extract_toks(&none, Anchor::default())
            .into_iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(
            v,
            vec![Some("XXXX-03-22".into()), Some("XXXX-05-09".into())]
        );
    }

    /// Every rule run on every word gives what the [`TRIGGERS`] filter gives.
    #[test]
    fn trigger_filter_changes_nothing() {
        let same = |text: &str, published: &str| {
            let t = Toks::new(text, Span::new(0, text.len()));
            let anchor = Anchor::parse(Some(published));
            let all = extract_filtered(&t, anchor, false);
            assert_eq!(extract_filtered(&t, anchor, true), all, "{text}");
            all.len()
        };
        let sample = "Kemarin, Rabu (4/10), tiga hari lalu dan sepekan kemudian; pada akhir \
            tahun, kuartal IV 2016, semester pertama tahun ini, pukul 16.00 WIB, Jum'at dan \
            Jum\u{2019}at malam, 5 Agustus 2015, March 9, 2015, last week, tomorrow, setahun, \
            dua puluh lima tahun, setengah jam, satu dekade, dasawarsa, sejak September, kini.";
        assert!(same(sample, "2017-10-05") >= 15);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/news/indosum-dev-articles.jsonl");
        let Ok(corpus) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: ../shared absent");
            return;
        };
        let mut found = 0;
        for line in corpus.lines().take(1500) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let text = v["text"].as_str().unwrap_or("");
            found += same(text, v["published"].as_str().unwrap_or("2017-01-01"));
        }
        assert!(found > 1000, "{found} time mentions");
    }
}
