//! Month and weekday names (Indonesian and English), shared with `warta-time`.
//!
//! Indonesian names follow Unicode CLDR (`id` calendar: `Januari` ... `Desember`, `Senin` ...
//! `Minggu`), plus the spellings news actually uses (`Nopember`, `Jum'at`, `Pebruari`).

use crate::lex::lower_in;

/// Month number (1-12) of a month name or abbreviation (ASCII case ignored).
pub fn month(word: &str) -> Option<u32> {
    let mut buf = [0u8; 48];
    Some(match lower_in(word, &mut buf) {
        "januari" | "january" | "jan" => 1,
        "februari" | "pebruari" | "february" | "feb" | "peb" => 2,
        "maret" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "agustus" | "august" | "agu" | "agt" | "aug" | "agust" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "december" | "des" | "dec" => 12,
        _ => return None,
    })
}

/// Is this a full month name (not an abbreviation)? Abbreviations are only trusted next to a
/// day number or a year.
pub fn full_month(word: &str) -> bool {
    let mut buf = [0u8; 48];
    let w = lower_in(word, &mut buf);
    month(w).is_some()
        && !matches!(
            w,
            "jan"
                | "feb"
                | "peb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "agu"
                | "agt"
                | "aug"
                | "agust"
                | "sep"
                | "sept"
                | "okt"
                | "oct"
                | "nov"
                | "nop"
                | "des"
                | "dec"
        )
}

/// ISO weekday (Monday = 1 ... Sunday = 7) of a weekday name.
pub fn weekday(word: &str) -> Option<u32> {
    let mut buf = [0u8; 48];
    Some(match lower_in(word, &mut buf) {
        "senin" | "monday" => 1,
        "selasa" | "tuesday" => 2,
        "rabu" | "wednesday" => 3,
        "kamis" | "thursday" => 4,
        "jumat" | "jum'at" | "jum’at" | "friday" => 5,
        "sabtu" | "saturday" => 6,
        "minggu" | "ahad" | "sunday" => 7,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(month("Mei"), Some(5));
        assert_eq!(month("AGUSTUS"), Some(8));
        assert_eq!(weekday("Rabu"), Some(3));
        assert_eq!(weekday("Jum'at"), Some(5));
        assert!(full_month("Maret") && full_month("Mei") && !full_month("Mar"));
    }
}
