//! Numerals as written in news: digits with separators, number words, scale words.

use crate::lex::{lower_in, Kind, Toks};

/// Parse digits with `.`/`,` separators. Indonesian (`english == false`): `.` groups thousands
/// when every group after it has three digits (`1.500.000`), else it is a decimal point (`2.5`);
/// `,` is the decimal comma (`329,2`). English: `,` groups thousands, `.` is the decimal point.
/// When both appear, the last one is the decimal mark.
pub fn parse_digits(s: &str, english: bool) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let has_dot = s.contains('.');
    let has_comma = s.contains(',');
    let grouped = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let (group, decimal) = match (has_dot, has_comma) {
        (false, false) => (None, None),
        (true, true) => {
            if s.rfind('.') > s.rfind(',') {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
        (true, false) => {
            let multi = s.matches('.').count() > 1;
            if grouped('.') && (multi || !english) {
                (Some('.'), None)
            } else if multi {
                return None;
            } else {
                (None, Some('.'))
            }
        }
        (false, true) => {
            let multi = s.matches(',').count() > 1;
            // `1,000` is never a decimal: a three-zero group is a thousands separator.
            let zeros = s.rsplit(',').next().is_some_and(|g| g == "000") && !s.starts_with("0,");
            if grouped(',') && (multi || english || zeros) {
                (Some(','), None)
            } else if multi {
                return None;
            } else {
                (None, Some(','))
            }
        }
    };
    let mut clean = String::with_capacity(s.len());
    for c in s.chars() {
        if Some(c) == group {
            continue;
        }
        if Some(c) == decimal {
            clean.push('.');
        } else {
            clean.push(c);
        }
    }
    if clean.matches('.').count() > 1 {
        return None;
    }
    clean.parse().ok()
}

/// A scale word (`juta`, `miliar`, `bn`...) and its factor. `M` and `T` count only in capitals.
pub fn scale_word(w: &str) -> Option<f64> {
    if w == "M" {
        return Some(1e9);
    }
    if w == "T" {
        return Some(1e12);
    }
    let mut buf = [0u8; 48];
    Some(match lower_in(w, &mut buf) {
        // `jutaan` (some millions) reads as its scale; common misspellings are accepted.
        "ribu" | "rb" | "thousand" | "ribuan" => 1e3,
        "juta" | "jt" | "million" | "mn" | "mln" | "jutaan" => 1e6,
        "miliar" | "milyar" | "billion" | "bn" | "bln" | "miliaran" | "milyaran" | "milyard"
        | "miliyar" => 1e9,
        "triliun" | "trilyun" | "trillion" | "tn" | "trn" | "triliunan" | "trilun" | "triliyun" => {
            1e12
        }
        _ => return None,
    })
}

/// The Indonesian scale word for a factor (to phrase suggestions).
pub fn scale_name(factor: f64) -> Option<&'static str> {
    let k = factor.log10().round() as i32;
    if (factor / 10f64.powi(k) - 1.0).abs() > 1e-9 {
        return None;
    }
    Some(match k {
        0 => "",
        3 => "ribu",
        6 => "juta",
        9 => "miliar",
        12 => "triliun",
        _ => return None,
    })
}

/// Value of a simple number word, and what it does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    /// A unit digit or a complete small number (`tiga`, `sebelas`, `twelve`, `twenty`).
    N(f64),
    /// `belas`: adds ten to the pending digit.
    Teen,
    /// `puluh`, `ratus`, `hundred`: multiplies the pending value.
    Mul(f64),
    /// `ribu`, `juta`...: closes a group.
    Scale(f64),
}

fn word(w: &str) -> Option<W> {
    use W::*;
    Some(match w {
        "satu" | "one" => N(1.0),
        "dua" | "two" => N(2.0),
        "tiga" | "three" => N(3.0),
        "empat" | "four" => N(4.0),
        "lima" | "five" => N(5.0),
        "enam" | "six" => N(6.0),
        "tujuh" | "seven" => N(7.0),
        "delapan" | "eight" => N(8.0),
        "sembilan" | "nine" => N(9.0),
        "sepuluh" | "ten" => N(10.0),
        "sebelas" | "eleven" => N(11.0),
        "twelve" => N(12.0),
        "thirteen" => N(13.0),
        "fourteen" => N(14.0),
        "fifteen" => N(15.0),
        "sixteen" => N(16.0),
        "seventeen" => N(17.0),
        "eighteen" => N(18.0),
        "nineteen" => N(19.0),
        "twenty" => N(20.0),
        "thirty" => N(30.0),
        "forty" => N(40.0),
        "fifty" => N(50.0),
        "sixty" => N(60.0),
        "seventy" => N(70.0),
        "eighty" => N(80.0),
        "ninety" => N(90.0),
        "seratus" => N(100.0),
        "seribu" => Scale(1e3),
        "sejuta" => Scale(1e6),
        "setengah" | "separuh" | "half" => N(0.5),
        "seperempat" => N(0.25),
        "belas" => Teen,
        "puluh" => Mul(10.0),
        "ratus" | "hundred" => Mul(100.0),
        "ribu" | "thousand" => Scale(1e3),
        "juta" | "million" => Scale(1e6),
        "miliar" | "milyar" | "billion" => Scale(1e9),
        "triliun" | "trillion" => Scale(1e12),
        _ => return None,
    })
}

/// Does token `i` start a number written in words?
pub fn starts_word_number(t: &Toks, i: usize) -> bool {
    if t.kind(i) != Some(Kind::Word) {
        return false;
    }
    matches!(word(t.lower(i)), Some(W::N(_)) | Some(W::Scale(_)))
        && !matches!(
            t.lower(i),
            "ribu" | "juta" | "miliar" | "milyar" | "triliun"
        )
}

/// Parse a number in words starting at token `i`: returns (value, index of its last token).
/// `dua puluh lima` = 25, `seratus dua belas` = 112, `tiga ribu` = 3000, `setengah` = 0.5.
/// Scale words at the end are included (`dua juta` = 2e6).
pub fn parse_words(t: &Toks, i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut pend = 0.0;
    let mut last = None;
    let mut j = i;
    while t.kind(j) == Some(Kind::Word) {
        let Some(w) = word(t.lower(j)) else {
            break;
        };
        match w {
            W::N(v) if v >= 100.0 => {
                if pend != 0.0 || group != 0.0 {
                    break;
                }
                group += v;
            }
            W::N(v) => {
                // `dua tiga` is not a number: a digit cannot follow a digit.
                if pend != 0.0 && !(pend % 10.0 == 0.0 && v < 10.0) {
                    break;
                }
                pend += v;
            }
            W::Teen => {
                if pend == 0.0 || pend >= 10.0 {
                    break;
                }
                group += pend + 10.0;
                pend = 0.0;
            }
            W::Mul(m) => {
                if pend == 0.0 {
                    break;
                }
                group += pend * m;
                pend = 0.0;
            }
            W::Scale(s) => {
                let g = group + pend;
                if g == 0.0 && last.is_some() {
                    break;
                }
                total += if g == 0.0 { 1.0 } else { g } * s;
                group = 0.0;
                pend = 0.0;
            }
        }
        last = Some(j);
        j += 1;
    }
    let last = last?;
    Some((total + group + pend, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use warta_core::Span;

    #[test]
    fn indonesian_digits() {
        assert_eq!(parse_digits("1.500.000", false), Some(1_500_000.0));
        assert_eq!(parse_digits("329,2", false), Some(329.2));
        assert_eq!(parse_digits("7,75", false), Some(7.75));
        assert_eq!(parse_digits("1.500", false), Some(1500.0));
        assert_eq!(parse_digits("2.5", false), Some(2.5));
        assert_eq!(parse_digits("1.250.000,50", false), Some(1_250_000.5));
        assert_eq!(parse_digits("1.2.3", false), None);
        assert_eq!(parse_digits("1,000", false), Some(1000.0));
        assert_eq!(parse_digits("0,000", false), Some(0.0));
    }

    #[test]
    fn english_digits() {
        assert_eq!(parse_digits("1,500", true), Some(1500.0));
        assert_eq!(parse_digits("2.5", true), Some(2.5));
        assert_eq!(parse_digits("1,250,000.5", true), Some(1_250_000.5));
        assert_eq!(parse_digits("1.500.000", true), Some(1_500_000.0));
    }

    fn words(s: &str) -> Option<f64> {
        let t = Toks::new(s, Span::new(0, s.len()));
        parse_words(&t, 0)
            .filter(|&(_, last)| last + 1 == t.len())
            .map(|(v, _)| v)
    }

    #[test]
    fn number_words() {
        assert_eq!(words("enam"), Some(6.0));
        assert_eq!(words("sembilan puluh sembilan"), Some(99.0));
        assert_eq!(words("dua belas"), Some(12.0));
        assert_eq!(words("seratus dua puluh lima"), Some(125.0));
        assert_eq!(words("seribu"), Some(1000.0));
        assert_eq!(words("tiga ratus ribu"), Some(300_000.0));
        assert_eq!(words("dua juta lima ratus ribu"), Some(2_500_000.0));
        assert_eq!(words("twenty five"), Some(25.0));
        assert_eq!(words("setengah"), Some(0.5));
        assert_eq!(words("dua tiga"), None);
    }

    proptest! {
        #[test]
        fn grouped_integers_round_trip(n in 0u64..10_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (k, c) in plain.chars().enumerate() {
                if k > 0 && (plain.len() - k) % 3 == 0 { grouped.push('.'); }
                grouped.push(c);
            }
            prop_assert_eq!(parse_digits(&grouped, false), Some(n as f64));
            prop_assert_eq!(parse_digits(&grouped.replace('.', ","), true), Some(n as f64));
        }

        #[test]
        fn never_panics(s in "[0-9.,]{0,20}", en in any::<bool>()) {
            let _ = parse_digits(&s, en);
        }
    }
}
