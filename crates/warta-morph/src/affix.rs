//! Affix labels and the compact pattern key that identifies one way of segmenting a word.

/// A prefix as it appears on the surface, with the sound change it implies for the root.
///
/// `MengK` is `meng-` that dropped the root's initial `k` (`mengirim` from `kirim`); `Meng` kept the
/// root as it is (`mengambil`, `menggali`). `Be`/`Te`/`Pe` are `ber-`/`ter-`/`per-` whose `r` merged
/// with a root starting with `r`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Prefix {
    Me = 1,
    Mem,
    MemP,
    Men,
    MenT,
    Meng,
    MengK,
    MenyS,
    Menge,
    Pe,
    Pem,
    PemP,
    Pen,
    PenT,
    Peng,
    PengK,
    PenyS,
    Penge,
    Pel,
    Per,
    PeR,
    Di,
    Ter,
    Te,
    Ber,
    Be,
    Bel,
    Ke,
    Se,
    Ku,
    Kau,
    Memper,
    Mempe,
    Diper,
    Dipe,
}

pub const PREFIXES: [Prefix; 35] = [
    Prefix::Me,
    Prefix::Mem,
    Prefix::MemP,
    Prefix::Men,
    Prefix::MenT,
    Prefix::Meng,
    Prefix::MengK,
    Prefix::MenyS,
    Prefix::Menge,
    Prefix::Pe,
    Prefix::Pem,
    Prefix::PemP,
    Prefix::Pen,
    Prefix::PenT,
    Prefix::Peng,
    Prefix::PengK,
    Prefix::PenyS,
    Prefix::Penge,
    Prefix::Pel,
    Prefix::Per,
    Prefix::PeR,
    Prefix::Di,
    Prefix::Ter,
    Prefix::Te,
    Prefix::Ber,
    Prefix::Be,
    Prefix::Bel,
    Prefix::Ke,
    Prefix::Se,
    Prefix::Ku,
    Prefix::Kau,
    Prefix::Memper,
    Prefix::Mempe,
    Prefix::Diper,
    Prefix::Dipe,
];

impl Prefix {
    /// The label used in `patterns.tsv`.
    pub fn label(self) -> &'static str {
        use Prefix::*;
        match self {
            Me => "me",
            Mem => "mem",
            MemP => "mem~p",
            Men => "men",
            MenT => "men~t",
            Meng => "meng",
            MengK => "meng~k",
            MenyS => "meny~s",
            Menge => "menge",
            Pe => "pe",
            Pem => "pem",
            PemP => "pem~p",
            Pen => "pen",
            PenT => "pen~t",
            Peng => "peng",
            PengK => "peng~k",
            PenyS => "peny~s",
            Penge => "penge",
            Pel => "pel",
            Per => "per",
            PeR => "pe~r",
            Di => "di",
            Ter => "ter",
            Te => "te",
            Ber => "ber",
            Be => "be~r",
            Bel => "bel",
            Ke => "ke",
            Se => "se",
            Ku => "ku",
            Kau => "kau",
            Memper => "memper",
            Mempe => "mempe~r",
            Diper => "diper",
            Dipe => "dipe~r",
        }
    }

    pub fn from_label(s: &str) -> Option<Prefix> {
        PREFIXES.iter().copied().find(|p| p.label() == s)
    }

    /// The canonical (morphophonemic) name given in an [`crate::Analysis`].
    pub fn canonical(self) -> &'static str {
        use Prefix::*;
        match self {
            Me | Mem | MemP | Men | MenT | Meng | MengK | MenyS | Menge => "meN-",
            Pem | PemP | Pen | PenT | Peng | PengK | PenyS | Penge => "peN-",
            Pe => "pe-",
            Pel | Per | PeR => "per-",
            Di => "di-",
            Ter | Te => "ter-",
            Ber | Be | Bel => "ber-",
            Ke => "ke-",
            Se => "se-",
            Ku => "ku-",
            Kau => "kau-",
            Memper | Mempe => "memper-",
            Diper | Dipe => "diper-",
        }
    }

    fn from_u32(v: u32) -> Option<Prefix> {
        PREFIXES.get((v as usize).wrapping_sub(1)).copied()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Infix {
    El = 1,
    Em,
    Er,
    In,
    /// Partial reduplication (dwipurwa): `lelaki`, `tetamu`.
    Dwipurwa,
}

const INFIXES: [Infix; 5] = [Infix::El, Infix::Em, Infix::Er, Infix::In, Infix::Dwipurwa];

impl Infix {
    pub fn label(self) -> &'static str {
        match self {
            Infix::El => "-el-",
            Infix::Em => "-em-",
            Infix::Er => "-er-",
            Infix::In => "-in-",
            Infix::Dwipurwa => "Ce-",
        }
    }
}

pub const SUFFIXES: [&str; 3] = ["kan", "i", "an"];
pub const POSSESSIVES: [&str; 3] = ["ku", "mu", "nya"];
pub const PARTICLES: [&str; 4] = ["lah", "kah", "pun", "tah"];

/// One segmentation pattern, packed: two prefixes, an infix, a suffix, a possessive and a particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Key(pub u32);

impl Key {
    pub fn new(
        p1: Option<Prefix>,
        p2: Option<Prefix>,
        infix: Option<Infix>,
        suffix: u8,
        poss: u8,
        part: u8,
    ) -> Key {
        let p1 = p1.map_or(0, |p| p as u32);
        let p2 = p2.map_or(0, |p| p as u32);
        let inf = infix.map_or(0, |i| i as u32);
        Key(p1
            | p2 << 6
            | inf << 12
            | (suffix as u32) << 15
            | (poss as u32) << 17
            | (part as u32) << 19)
    }
    pub fn p1(self) -> Option<Prefix> {
        Prefix::from_u32(self.0 & 63)
    }
    pub fn p2(self) -> Option<Prefix> {
        Prefix::from_u32((self.0 >> 6) & 63)
    }
    pub fn infix(self) -> Option<Infix> {
        INFIXES
            .get((((self.0 >> 12) & 7) as usize).wrapping_sub(1))
            .copied()
    }
    /// Index+1 into [`SUFFIXES`], 0 for none.
    pub fn suffix(self) -> Option<&'static str> {
        SUFFIXES
            .get((((self.0 >> 15) & 3) as usize).wrapping_sub(1))
            .copied()
    }
    pub fn possessive(self) -> Option<&'static str> {
        POSSESSIVES
            .get((((self.0 >> 17) & 3) as usize).wrapping_sub(1))
            .copied()
    }
    pub fn particle(self) -> Option<&'static str> {
        PARTICLES
            .get((((self.0 >> 19) & 7) as usize).wrapping_sub(1))
            .copied()
    }

    /// Human-readable label: `meng~k+per|-el-|kan|nya|lah`, `.` for an empty slot.
    pub fn label(self) -> String {
        let mut s = String::new();
        match (self.p1(), self.p2()) {
            (None, _) => s.push('.'),
            (Some(a), None) => s.push_str(a.label()),
            (Some(a), Some(b)) => {
                s.push_str(a.label());
                s.push('+');
                s.push_str(b.label());
            }
        }
        for part in [
            self.infix().map(Infix::label),
            self.suffix(),
            self.possessive(),
            self.particle(),
        ] {
            s.push('|');
            s.push_str(part.unwrap_or("."));
        }
        s
    }

    /// Parse a label made by [`Key::label`].
    pub fn parse(label: &str) -> Option<Key> {
        let mut it = label.split('|');
        let pre = it.next()?;
        let (p1, p2) = if pre == "." {
            (None, None)
        } else if let Some((a, b)) = pre.split_once('+') {
            (Some(Prefix::from_label(a)?), Some(Prefix::from_label(b)?))
        } else {
            (Some(Prefix::from_label(pre)?), None)
        };
        let slot = |s: &str, list: &[&str]| -> Option<u8> {
            if s == "." {
                Some(0)
            } else {
                list.iter().position(|x| *x == s).map(|i| i as u8 + 1)
            }
        };
        let inf = it.next()?;
        let infix = if inf == "." {
            None
        } else {
            Some(*INFIXES.iter().find(|i| i.label() == inf)?)
        };
        let suffix = slot(it.next()?, &SUFFIXES)?;
        let poss = slot(it.next()?, &POSSESSIVES)?;
        let part = slot(it.next()?, &PARTICLES)?;
        if it.next().is_some() {
            return None;
        }
        Some(Key::new(p1, p2, infix, suffix, poss, part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_round_trips() {
        let k = Key::new(
            Some(Prefix::MengK),
            Some(Prefix::Per),
            Some(Infix::El),
            1,
            3,
            2,
        );
        assert_eq!(k.label(), "meng~k+per|-el-|kan|nya|kah");
        assert_eq!(Key::parse(&k.label()), Some(k));
        assert_eq!(Key::parse(".|.|.|.|."), Some(Key::default()));
        assert_eq!(Key::parse("xx|.|.|.|."), None);
        for p in PREFIXES {
            assert_eq!(Prefix::from_label(p.label()), Some(p));
            let k = Key::new(Some(p), None, None, 0, 0, 0);
            assert_eq!(k.p1(), Some(p));
        }
    }
}
