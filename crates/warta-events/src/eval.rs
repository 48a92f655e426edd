//! Scoring coded events against gold at three levels.
//!
//! * lenient: source and target COUNTRY (first three letters of the code) + CAMEO root;
//! * actor: full actor codes + root;
//! * strict: full actor codes + full CAMEO code.
//!
//! A gold event may list alternatives (any one counts). Matching is one-to-one and greedy, in
//! gold order.

/// A system event reduced to what is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct SysEvent {
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    /// Code-point offsets of the trigger (for reports).
    pub trigger: (usize, usize),
    pub modality: String,
}

/// A gold event: alternatives for each side and for the code; an empty side list = no actor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldEvent {
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub cameo: Vec<String>,
    pub required: bool,
    pub trigger: Option<(usize, usize)>,
    /// Code-point spans of the actors (for the miss classes).
    pub source_span: Option<(usize, usize)>,
    pub target_span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Lenient,
    Actor,
    Strict,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Lenient, Level::Actor, Level::Strict];
    pub fn name(self) -> &'static str {
        match self {
            Level::Lenient => "lenient",
            Level::Actor => "actor",
            Level::Strict => "strict",
        }
    }
}

fn side_ok(level: Level, sys: &Option<String>, gold: &[String]) -> bool {
    match sys {
        None => gold.is_empty(),
        Some(s) => gold.iter().any(|g| match level {
            Level::Lenient => s.get(..3).unwrap_or(s) == g.get(..3).unwrap_or(g),
            _ => s == g,
        }),
    }
}

/// Does a system event match a gold event at this level?
pub fn matches(level: Level, s: &SysEvent, g: &GoldEvent) -> bool {
    let code_ok = g.cameo.iter().any(|c| match level {
        Level::Strict => *c == s.cameo,
        _ => c.get(..2) == s.cameo.get(..2),
    });
    code_ok && side_ok(level, &s.source, &g.source) && side_ok(level, &s.target, &g.target)
}

/// True/false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn prf(&self) -> (f64, f64, f64) {
        warta_core::prf(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
    pub fn precision(&self) -> f64 {
        self.prf().0
    }
    pub fn recall(&self) -> f64 {
        self.prf().1
    }
    pub fn f1(&self) -> f64 {
        self.prf().2
    }
}

/// One-to-one greedy alignment: for each gold event (in order), the first unused system event
/// that matches. Returns, per gold event, the index of its system event.
///
/// Stricter agreements are aligned first (strict, then actor, then `level`), so that a loose
/// match never takes the system event another gold event matches exactly.
pub fn align(level: Level, sys: &[SysEvent], gold: &[GoldEvent]) -> Vec<Option<usize>> {
    let mut used = vec![false; sys.len()];
    let mut out: Vec<Option<usize>> = vec![None; gold.len()];
    let passes: &[Level] = match level {
        Level::Strict => &[Level::Strict],
        Level::Actor => &[Level::Strict, Level::Actor],
        Level::Lenient => &[Level::Strict, Level::Actor, Level::Lenient],
    };
    for &pass in passes {
        for (gi, g) in gold.iter().enumerate() {
            if out[gi].is_some() {
                continue;
            }
            if let Some(i) = (0..sys.len()).find(|&i| !used[i] && matches(pass, &sys[i], g)) {
                used[i] = true;
                out[gi] = Some(i);
            }
        }
    }
    out
}

/// Counts for one document.
pub fn score(level: Level, sys: &[SysEvent], gold: &[GoldEvent]) -> Counts {
    let a = align(level, sys, gold);
    let tp = a.iter().flatten().count();
    Counts {
        tp,
        fp: sys.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Why a gold event was missed, or a system event is extra: the classes `--classes` counts.
///
/// `mentions` are the system's unmerged event mentions (one per statement); `src_known` /
/// `tgt_known` say whether the entity stage found a coded entity of the gold actor's country
/// at its span or in the trigger's sentence (false = the actor never reached the coder).
pub fn miss_class(
    g: &GoldEvent,
    mentions: &[SysEvent],
    triggers: &[(usize, usize)],
    src_known: bool,
    tgt_known: bool,
) -> &'static str {
    let Some(t) = g.trigger else {
        return "no-gold-trigger";
    };
    let at: Vec<&SysEvent> = mentions
        .iter()
        .filter(|s| s.trigger.0 < t.1 && s.trigger.1 > t.0)
        .collect();
    let no_actor = (!g.source.is_empty() && !src_known) || (!g.target.is_empty() && !tgt_known);
    if at.is_empty() {
        let in_dict = triggers.iter().any(|s| s.0 < t.1 && s.1 > t.0);
        return match (in_dict, no_actor) {
            (false, false) => "no-trigger: word not in the dictionary",
            (false, true) => "no-trigger: word not in the dictionary (actor not found by entities)",
            (true, false) => "no-trigger: found but not coded (roles/guards)",
            (true, true) => "no-trigger: found but not coded (actor not found by entities)",
        };
    }
    if at.iter().any(|s| matches(Level::Lenient, s, g)) {
        return "coded, but its system event went to another gold mention";
    }
    let same_root: Vec<&&SysEvent> = at
        .iter()
        .filter(|s| g.cameo.iter().any(|c| c.get(..2) == s.cameo.get(..2)))
        .collect();
    if same_root.is_empty() {
        return "wrong root";
    }
    let src_ok = same_root
        .iter()
        .any(|s| side_ok(Level::Lenient, &s.source, &g.source));
    let tgt_ok = same_root
        .iter()
        .any(|s| side_ok(Level::Lenient, &s.target, &g.target));
    match (src_ok, tgt_ok, no_actor) {
        (false, false, true) => "source+target (actor not found by entities)",
        (false, false, false) => "source+target wrong or missing",
        (false, true, true) => "source (actor not found by entities)",
        (false, true, false) => "source wrong or missing",
        (true, false, true) => "target (actor not found by entities)",
        _ => "target wrong or missing",
    }
}

/// Why a system event is extra: at a gold trigger (mis-coded) or where the gold has none.
pub fn extra_class(s: &SysEvent, gold: &[GoldEvent]) -> &'static str {
    let at = gold.iter().any(|g| {
        g.trigger
            .is_some_and(|t| s.trigger.0 < t.1 && s.trigger.1 > t.0)
    });
    if at {
        "extra at a gold trigger (mis-coded or surplus)"
    } else {
        "extra where the gold has no event"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sys(s: Option<&str>, t: Option<&str>, c: &str) -> SysEvent {
        SysEvent {
            source: s.map(str::to_string),
            target: t.map(str::to_string),
            cameo: c.into(),
            trigger: (0, 0),
            modality: "asserted".into(),
        }
    }
    fn gold(s: &[&str], t: &[&str], c: &[&str]) -> GoldEvent {
        GoldEvent {
            source: s.iter().map(|x| x.to_string()).collect(),
            target: t.iter().map(|x| x.to_string()).collect(),
            cameo: c.iter().map(|x| x.to_string()).collect(),
            required: true,
            trigger: Some((10, 15)),
            ..Default::default()
        }
    }

    #[test]
    fn levels() {
        let s = sys(Some("RUSGOV"), Some("PRK"), "0311");
        let g = gold(&["RUS"], &["PRKGOV"], &["030"]);
        assert!(matches(Level::Lenient, &s, &g));
        assert!(!matches(Level::Actor, &s, &g));
        let g2 = gold(&["RUSGOV"], &["PRK"], &["031", "0311"]);
        assert!(matches(Level::Strict, &s, &g2));
        assert!(!matches(Level::Lenient, &sys(None, Some("PRK"), "030"), &g));
    }

    #[test]
    fn one_to_one() {
        let s = vec![sys(Some("RUS"), Some("PRK"), "042")];
        let g = vec![
            gold(&["RUS"], &["PRK"], &["042"]),
            gold(&["RUS"], &["PRK"], &["042"]),
        ];
        let c = score(Level::Strict, &s, &g);
        assert_eq!(
            miss_class(&g[1], &s, &[], true, true),
            "no-trigger: word not in the dictionary"
        );
        assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 1));
        assert_eq!(c.precision(), 1.0);
        assert_eq!(c.recall(), 0.5);
    }

    #[test]
    fn classes() {
        let mut s = sys(Some("RUS"), Some("USA"), "042");
        s.trigger = (11, 14);
        let g = gold(&["RUS"], &["PRK"], &["042"]);
        assert_eq!(
            miss_class(&g, &[s.clone()], &[], true, true),
            "target wrong or missing"
        );
        assert_eq!(
            miss_class(&g, &[s.clone()], &[], true, false),
            "target (actor not found by entities)"
        );
        let g2 = gold(&["RUS"], &["USA"], &["190"]);
        assert_eq!(miss_class(&g2, &[s.clone()], &[], true, true), "wrong root");
        let g3 = gold(&["RUS"], &["USA"], &["042"]);
        assert_eq!(
            miss_class(&g3, &[s.clone()], &[], true, true),
            "coded, but its system event went to another gold mention"
        );
        assert_eq!(
            extra_class(&s, &[g3]),
            "extra at a gold trigger (mis-coded or surplus)"
        );
        s.trigger = (40, 44);
        assert_eq!(extra_class(&s, &[g]), "extra where the gold has no event");
    }
}
