//! Entities, actors and places: who and where.
//!
//! The [`Recognizer`] loads the gazetteers compiled into the binary (`data/*.tsv`, see
//! [`dict`] for the formats) once, matches them over the token stream ([`gazetteer`]), turns
//! role phrases into CAMEO actors (`Presiden Rusia`, `kantor Kanselir Jerman`, `kalangan
//! separatis di Ukraina`), dates people's offices against the article, links pronouns, definite
//! descriptions and short names to their antecedents, and geocodes places ([`places`]).

pub mod build;
pub mod dict;
pub mod gazetteer;
pub mod ner;
pub mod places;

use dict::{aliases, lines, Person};
use gazetteer::{Hit, Key, Matcher, MatcherBuilder};
use places::Places;
use std::borrow::Cow;
use std::collections::HashMap;
use warta_core::{Entity, FurnitureKind, Place, Span};
use warta_text::{TextDoc, Token, TokenKind};

/// The gazetteer files compiled into the binary: (file name, text).
pub const DICTIONARIES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    (
        "country-aliases.tsv",
        include_str!("../data/country-aliases.tsv"),
    ),
    ("actors.tsv", include_str!("../data/actors.tsv")),
    ("roles.tsv", include_str!("../data/roles.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("exonyms.tsv", include_str!("../data/exonyms.tsv")),
    ("centroids.tsv", include_str!("../data/centroids.tsv")),
    ("not-places.tsv", include_str!("../data/not-places.tsv")),
];

const PLACES_GZ: &[u8] = include_bytes!("../data/places.tsv.gz");

fn dictionary(name: &str) -> &'static str {
    DICTIONARIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("")
}

/// Validate any of our gazetteer files (selected by file name).
pub fn check(text: &str, file: &str) -> Vec<warta_core::DictIssue> {
    dict::check(text, file)
}

/// What a gazetteer phrase stands for.
#[derive(Debug, Clone)]
enum Payload {
    Country {
        iso: String,
        rule: String,
    },
    Actor {
        code: String,
        kind: &'static str,
        rule: String,
    },
    Person {
        idx: usize,
    },
    Role {
        agent: String,
        kind: &'static str,
        rule: String,
        word: String,
        /// From the English block of `roles.tsv`: only in English text.
        english: bool,
    },
    Prefix,
    City {
        row: u32,
    },
}

/// Smallest population for a GeoNames place to be matched in running text (geocoding of
/// recognised names uses the whole table).
const CITY_TEXT_MIN_POP: u64 = 100_000;

/// The loaded gazetteers, place table and (when present) NER model; build once, share across threads.
pub struct Recognizer {
    matcher: Matcher,
    payloads: Vec<Payload>,
    people: Vec<Person>,
    places: Places,
    /// ISO3 -> English name (for centroid places).
    country_names: HashMap<String, String>,
    /// A name word (first or last word of a listed name, 4+ letters) -> the one person it
    /// names, or `None` when several people share it (`Agus`, `Kim`).
    surnames: HashMap<String, Option<usize>>,
    /// lower-cased country name or alias -> ISO3 (for geocoding country names).
    country_index: HashMap<String, String>,
}

fn kind_of(s: &str) -> &'static str {
    match s {
        "PER" => "PER",
        "LOC" => "LOC",
        _ => "ORG",
    }
}

impl Recognizer {
    /// Load the dictionaries and the place table compiled into the binary.
    pub fn new() -> Self {
        let mut b = MatcherBuilder::default();
        let mut payloads: Vec<Payload> = Vec::new();
        let mut add = |b: &mut MatcherBuilder, phrase: &str, p: Payload| {
            if b.add(phrase, payloads.len()) {
                payloads.push(p);
            }
        };
        // 1. Curated actors (metonyms, IGOs, institutions, media) win over everything.
        for l in lines(dictionary("actors.tsv")) {
            if l.cols.len() != 3 || !dict::valid_code(l.cols[0]) {
                continue;
            }
            for a in aliases(l.cols[2]) {
                add(
                    &mut b,
                    a,
                    Payload::Actor {
                        code: l.cols[0].to_string(),
                        kind: kind_of(l.cols[1]),
                        rule: format!("actors.tsv:{}", l.number),
                    },
                );
            }
        }
        // 2. People with dated offices.
        let mut people = Vec::new();
        for l in lines(dictionary("people.tsv")) {
            if l.cols.len() != 2 {
                continue;
            }
            let Ok((offices, default)) = dict::parse_offices(l.cols[1]) else {
                continue;
            };
            let idx = people.len();
            let names: Vec<String> = aliases(l.cols[0]).map(str::to_string).collect();
            for n in &names {
                add(&mut b, n, Payload::Person { idx });
            }
            people.push(Person {
                line: l.number,
                names,
                offices,
                default,
            });
        }
        // 3. Countries: our aliases, then CLDR names.
        let mut country_names = HashMap::new();
        let mut country_index = HashMap::new();
        for l in lines(dictionary("country-aliases.tsv")) {
            if l.cols.len() != 2 {
                continue;
            }
            if let Some(first) = aliases(l.cols[1]).next() {
                // Countries CLDR lacks (`KOS`) still count as countries.
                country_names
                    .entry(l.cols[0].to_string())
                    .or_insert_with(|| first.to_string());
            }
            for a in aliases(l.cols[1]) {
                country_index.insert(a.to_lowercase(), l.cols[0].to_string());
                add(
                    &mut b,
                    a,
                    Payload::Country {
                        iso: l.cols[0].to_string(),
                        rule: format!("country-aliases.tsv:{}", l.number),
                    },
                );
            }
        }
        for l in lines(dictionary("countries.tsv")) {
            if l.cols.len() != 3 {
                continue;
            }
            country_names.insert(l.cols[0].to_string(), l.cols[2].to_string());
            for a in &l.cols[1..] {
                country_index
                    .entry(a.to_lowercase())
                    .or_insert_with(|| l.cols[0].to_string());
                add(
                    &mut b,
                    a,
                    Payload::Country {
                        iso: l.cols[0].to_string(),
                        rule: format!("countries.tsv:{}", l.number),
                    },
                );
            }
        }
        // 4. Role words; the lines after the `# English role words` comment (up to `# Indonesian
        // role words again`) match only in English text (`editor`, `general`, `public` are also furniture or loanwords).
        let english_from = dictionary("roles.tsv")
            .lines()
            .position(|x| x.starts_with("# English role words"))
            .map_or(usize::MAX, |n| n + 1);
        // (The block ends at the `# Indonesian role words again` comment, if any.)
        let english_to = dictionary("roles.tsv")
            .lines()
            .position(|x| x.starts_with("# Indonesian role words again"))
            .map_or(usize::MAX, |n| n + 1);
        for l in lines(dictionary("roles.tsv")) {
            if l.cols.len() != 3 {
                continue;
            }
            for a in aliases(l.cols[2]) {
                let p = if l.cols[0] == "PREFIX" {
                    Payload::Prefix
                } else {
                    Payload::Role {
                        agent: l.cols[0].replace('+', ""),
                        kind: kind_of(l.cols[1]),
                        rule: format!("roles.tsv:{}", l.number),
                        word: a.to_lowercase(),
                        english: l.number > english_from && l.number < english_to,
                    }
                };
                add(&mut b, a, p);
            }
        }
        // 5. Big GeoNames places by their main name.
        let places = Places::load(
            PLACES_GZ,
            dictionary("exonyms.tsv"),
            dictionary("centroids.tsv"),
        );
        for l in lines(dictionary("exonyms.tsv")) {
            if let [exo, _, _] = l.cols.as_slice() {
                if let Some(i) = places
                    .candidates(exo, &[])
                    .first()
                    .and_then(|r| places.rows.iter().position(|x| x.id == r.id))
                {
                    add(&mut b, exo, Payload::City { row: i as u32 });
                }
            }
        }
        let not_places: std::collections::HashSet<String> = lines(dictionary("not-places.tsv"))
            .map(|l| l.cols[0].to_lowercase())
            .collect();
        for (i, r) in places.rows.iter().enumerate() {
            if not_places.contains(&r.name.to_lowercase()) {
                continue;
            }
            let min = if r.country == "IDN" {
                CITY_TEXT_MIN_POP / 2
            } else {
                CITY_TEXT_MIN_POP
            };
            let chars = r.name.chars().count();
            if r.population < min || chars < 4 || (chars < 5 && r.population < 1_000_000) {
                continue;
            }
            if !r.name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            add(&mut b, &r.name, Payload::City { row: i as u32 });
        }
        let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
        for (idx, p) in people.iter().enumerate() {
            for n in &p.names {
                let words: Vec<&str> = n.split_whitespace().collect();
                if words.len() < 2 {
                    continue;
                }
                for w in [words[0], words[words.len() - 1]] {
                    if w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
                        continue;
                    }
                    let e = surnames.entry(w.to_lowercase()).or_insert(Some(idx));
                    if *e != Some(idx) {
                        *e = None;
                    }
                }
            }
        }
        Recognizer {
            surnames,
            matcher: b.build(),
            payloads,
            people,
            places,
            country_names,
            country_index,
        }
    }

    /// Sizes of what was loaded: (phrases, people, places).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.matcher.len(), self.people.len(), self.places.len())
    }

    /// Geocode a dateline place name (`Moskow`).
    pub fn geocode(&self, name: &str) -> Option<Place> {
        self.geocode_in(name, &[])
    }

    /// Geocode a name preferring places in the given countries; countries map to centroids.
    pub fn geocode_in(&self, name: &str, prefer: &[&str]) -> Option<Place> {
        let name = name.trim().trim_end_matches([',', '-', '.']).trim();
        if name.is_empty() {
            return None;
        }
        if let Some(iso) = self.country_index.get(&name.to_lowercase()) {
            return self.country_place(iso);
        }
        self.places.lookup(name, prefer)
    }

    fn country_place(&self, iso: &str) -> Option<Place> {
        let name = self
            .country_names
            .get(iso)
            .map(String::as_str)
            .unwrap_or(iso);
        self.places.centroid(iso, name)
    }

    /// Every entity of the body, with actor codes as of the article's date and places.
    pub fn recognize(&self, doc: &TextDoc) -> Vec<Entity> {
        let tokens = furniture_tokens(doc);
        let toks: &[Token] = &tokens;
        if toks.is_empty() {
            return Vec::new();
        }
        let key = Key::new(toks, 0);
        // Role words may carry a possessive clitic (`pamannya`, `dua ponakannya`, `kuasa hukumnya`).
        let role = |p: usize| matches!(self.payloads[p], Payload::Role { english: false, .. });
        let mut hits = self.matcher.find_with(&key, toks, &role);
        // ... except the institutions the possessive coreference resolves (`pemerintahnya` is the
        // government of the party named before, not the home country's).
        hits.retain(|h| {
            let t = &toks[h.start];
            !(h.end == h.start + 1
                && t.enclitic == Some("nya")
                && t.lower
                    .strip_suffix("nya")
                    .is_some_and(|b| NYA_INSTITUTIONS.iter().any(|(w, _)| *w == b)))
        });
        let mut ctx = Context::new(doc, toks);
        ctx.focus = self.focus(&hits, ctx.home.as_deref(), toks, doc);
        // A militant, insurgent or terror organisation named makes it a story about terrorism.
        ctx.terror |= hits.iter().any(|h| match &self.payloads[h.payload] {
            Payload::Actor { code, kind, .. } => {
                *kind == "ORG" && (code.starts_with("IMG") || militant_role(code.get(3..)))
            }
            Payload::Role { agent, kind, .. } => {
                *kind == "ORG" && militant_role(Some(split_agent(agent).1))
            }
            _ => false,
        });
        let mut ms = self.mentions(doc, toks, &hits, &ctx);
        label_people(doc.text, toks, &mut ms);
        self.merge_model(doc, toks, &hits, &ctx, &mut ms);
        initials(toks, &mut ms, &ctx);
        self.counted_people(toks, &mut ms, &ctx);
        companies(toks, &mut ms);
        ms.retain(|m| m.kind != TITLE);
        ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        dedup_overlaps(&mut ms);
        coreference(toks, &mut ms, &ctx, &|c| self.country_names.contains_key(c));
        member_context(&mut ms);
        default_codes(toks, &mut ms, &ctx);
        office_over_suspect(toks, &mut ms);
        ms.into_iter()
            .map(|m| Entity {
                span: m.span,
                kind: m.kind.to_string(),
                code: m.code,
                place: m.place,
                refers_to: m.refers_to,
                rule: m.rule,
            })
            .collect()
    }

    /// Add the NER model's spans that no dictionary entry covers (`rule` = `model:ner`):
    /// places are geocoded (code = their country), people and organisations stay uncoded
    /// unless coreference links them to a coded mention.
    fn merge_model(
        &self,
        doc: &TextDoc,
        toks: &[Token],
        hits: &[Hit],
        ctx: &Context,
        ms: &mut Vec<M>,
    ) {
        let Some(ner) = ner::Ner::embedded() else {
            return;
        };
        let prefer = ctx.countries(self, hits);
        let mut dead = vec![false; ms.len()];
        for (span, kind, _score) in ner.spans(doc) {
            let kind = kind_of(kind);
            let over: Vec<usize> = (0..ms.len())
                .filter(|&i| !dead.get(i).copied().unwrap_or(false) && ms[i].span.overlaps(span))
                .collect();
            if let Some(&first) = over.first() {
                // `Polres` + NER `Polres Bogor`: the dictionary head takes the model's extent
                // and keeps its code; a place inside it becomes the organisation's place.
                let head = &ms[first];
                let extend = kind != "PER"
                    && head.kind == "ORG"
                    && head.span.start == span.start
                    && over.iter().all(|&i| ms[i].span.end <= span.end)
                    && span.end > over.iter().map(|&i| ms[i].span.end).max().unwrap_or(0)
                    && over[1..].iter().all(|&i| ms[i].kind == "LOC");
                if extend {
                    let place = over[1..].iter().find_map(|&i| ms[i].place.clone());
                    for &i in &over[1..] {
                        dead[i] = true;
                    }
                    let head = &mut ms[first];
                    head.span.end = span.end;
                    if head.place.is_none() {
                        head.place = place;
                    }
                    head.rule = format!("{}+model:ner", head.rule);
                }
                continue;
            }
            let Some(tok) = toks.iter().position(|t| t.span.start == span.start) else {
                continue;
            };
            let prev = tok.checked_sub(1).map(|p| toks[p].lower.as_str());
            if matches!(prev, Some("inisial" | "berinisial"))
                || (kind == "LOC"
                    && matches!(
                        prev,
                        Some("bahasa" | "dolar" | "dollar" | "sen" | "liga" | "timnas")
                    ))
            {
                continue;
            }
            let text = span.text(doc.text);
            let mut m = M::new(span, kind, None, "model:ner".to_string(), tok);
            if kind == "LOC" {
                m.place = self.geocode_in(text, &prefer);
                // An unknown small place (a street, a village) lies in the article's country.
                m.code = m
                    .place
                    .as_ref()
                    .map(|p| p.country.clone())
                    .or_else(|| ctx.focus.clone());
            } else if kind == "PER"
                && span.end == toks[tok].span.end
                && !ms.iter().any(|x| {
                    x.kind == "PER"
                        && x.span.end <= span.start
                        && x.span.text(doc.text).contains(text)
                })
            {
                // One known name word with no fuller mention before it: `Tito`, `Retno`. Only
                // when the article names the person in full somewhere: one-word names are
                // common (`Sumadi`, `Mulyadi`, `Nasrullah` are rarely the minister, the
                // governor or the Hezbollah leader).
                let named = |idx: usize| {
                    hits.iter().any(|h| {
                        matches!(self.payloads[h.payload], Payload::Person { idx: j } if j == idx)
                    })
                };
                if let Some(&Some(idx)) = self
                    .surnames
                    .get(&toks[tok].lower)
                    .filter(|x| x.is_some_and(named))
                {
                    m.person = Some(idx);
                    m.code = self.person_code(idx, ctx, tok);
                    m.rule = format!("people.tsv:{}+model:ner", self.people[idx].line);
                }
            }
            if kind == "PER" && m.code.is_none() && tok > 0 {
                // A name after its title (`juru bicara X`, `Menteri Pendidikan (...) Singapura
                // X`, `Direktur Penyidikan KPK Brigjen (Pol) X`) takes the title's code.
                // A name with its title in apposition after it (`X, Direktur ... Kementerian
                // Keuangan AS`, `X, emir ISIS`), or named after its role (`terduga teroris
                // berikutnya bernama X`) takes that title's code.
                // Only a title right before the name is one mention with it.
                let found = self
                    .title_before(doc.text, toks, ms, &dead, tok)
                    .or_else(|| {
                        self.title_after(toks, ms, &dead, span)
                            .or_else(|| role_before_bernama(toks, ms, &dead, tok, ctx))
                            .map(|(r, c)| (r, c, false))
                    });
                if let Some((r, code, adjacent)) = found {
                    m.code = Some(code);
                    m.role_word = ms[r].role_word.clone();
                    m.rule = format!("{}+model:ner", ms[r].rule);
                    if ms[r].kind == "PER" && adjacent {
                        dead[r] = true;
                    } else {
                        ms[r].bare = false;
                    }
                }
            }
            ms.push(m);
            dead.push(false);
        }
        let mut i = 0;
        ms.retain(|_| {
            i += 1;
            !dead[i - 1]
        });
    }

    /// The title in apposition after a name ending at `span.end`: `, [yang merupakan |
    /// selaku] ROLE ...` walking right over the title's words (capitalised words, `dan`,
    /// hyphens, parentheses, countries and institutions). Returns the role's mention and the
    /// code: the institution named in the title (`Direktur ... Kementerian Keuangan AS` →
    /// USAGOV, `emir ISIS` → IMGMUSISI), else its country with the role's agent, else the
    /// role's own code.
    fn title_after(
        &self,
        toks: &[Token],
        ms: &[M],
        dead: &[bool],
        span: Span,
    ) -> Option<(usize, String)> {
        let last = toks.partition_point(|t| t.span.end <= span.end.saturating_sub(1));
        let mut k = last + 1;
        if toks.get(k)?.norm != "," {
            return None;
        }
        k += 1;
        let w = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
        if w(k) == "yang" && matches!(w(k + 1), "merupakan" | "adalah" | "menjabat") {
            k += 2;
        } else if matches!(w(k), "selaku" | "sebagai") {
            k += 1;
        }
        let alive = |i: usize| !dead.get(i).copied().unwrap_or(false) && ms[i].kind != TITLE;
        let r =
            (0..ms.len()).find(|&i| alive(i) && ms[i].tok == k && ms[i].role_agent.is_some())?;
        let agent = ms[r].role_agent.as_deref().unwrap_or("");
        if !ms[r].bare {
            // A role with its own country or institution (`Presiden Rusia`).
            return Some((r, ms[r].code.clone()?));
        }
        let (mut country, mut org): (Option<String>, Option<String>) = (None, None);
        let mut e = toks.partition_point(|t| t.span.end <= ms[r].span.end.saturating_sub(1)) + 1;
        let mut steps = 0;
        while e < toks.len() && steps < 12 && org.is_none() {
            steps += 1;
            if let Some(i) = (0..ms.len()).find(|&i| alive(i) && ms[i].tok == e) {
                let m = &ms[i];
                match m.code.as_deref() {
                    Some(c) if m.kind == "LOC" && self.country_names.contains_key(c) => {
                        country.get_or_insert_with(|| c.to_string());
                    }
                    Some(c) if m.kind == "ORG" && c.len() > 3 => org = Some(c.to_string()),
                    _ => {}
                }
                let next = toks.partition_point(|t| t.span.end <= m.span.end.saturating_sub(1)) + 1;
                e = next.max(e + 1);
                continue;
            }
            let t = &toks[e];
            let ok = match t.kind {
                TokenKind::Word => {
                    t.is_capitalised() || t.lower == "dan" || (e > 0 && toks[e - 1].norm == "-")
                }
                TokenKind::Punct => matches!(t.norm.as_str(), "(" | ")" | "-" | "&"),
                _ => false,
            };
            if !ok {
                break;
            }
            e += 1;
        }
        let former = former(toks, ms[r].tok);
        let code = match (org, country) {
            (Some(o), _) => o,
            (None, Some(c)) => format!("{c}{}", if former { "ELI" } else { agent }),
            (None, None) => ms[r].code.clone()?,
        };
        Some((r, code))
    }

    /// Counted or indefinite people with no role word: `12 orang`, `seorang pria`, `puluhan
    /// orang asal Filipina`: civilians of the country named right after them (`asal X`,
    /// `dari X`, `warga X`), else of the article's focus.
    fn counted_people(&self, toks: &[Token], ms: &mut Vec<M>, ctx: &Context) {
        let n = ms.len();
        for i in 0..toks.len() {
            let t = &toks[i];
            let counted = t.kind == TokenKind::Number
                || matches!(
                    t.lower.as_str(),
                    "seorang"
                        | "puluhan"
                        | "ratusan"
                        | "ribuan"
                        | "belasan"
                        | "sejumlah"
                        | "dua"
                        | "tiga"
                        | "empat"
                        | "lima"
                        | "enam"
                        | "tujuh"
                        | "delapan"
                        | "sembilan"
                        | "sepuluh"
                );
            if !counted {
                continue;
            }
            let Some(noun) = toks.get(i + 1) else {
                continue;
            };
            if !matches!(
                noun.lower.as_str(),
                "orang" | "pria" | "wanita" | "perempuan" | "lelaki" | "laki-laki"
            ) {
                continue;
            }
            let end = i + 2;
            // `20 orang lainnya`: others of a group named before, whose code is not ours to guess.
            if toks.get(end).is_some_and(|t| t.lower == "lainnya") {
                continue;
            }
            // Already part of a mention (`tiga orang rekan pelaku`, `dua orang warga negara
            // Malaysia`, `5 orang tewas` is fine): a role right after names them.
            let covered = |a: usize, b: usize| {
                let sp = Span::new(toks[a].span.start, toks[b - 1].span.end);
                ms[..n].iter().any(|m| m.span.overlaps(sp))
            };
            if covered(i, end)
                || ms[..n]
                    .iter()
                    .any(|m| m.tok == end && m.role_agent.is_some())
            {
                continue;
            }
            // A unit after the number (`12 orang` but not `12 orang per hari` — rare) and a
            // country after `asal`/`dari`/`warga`/`kebangsaan`.
            let mut country = None;
            if matches!(
                toks.get(end).map(|t| t.lower.as_str()),
                Some(
                    "asal"
                        | "dari"
                        | "warga"
                        | "berkebangsaan"
                        | "kebangsaan"
                        | "berkewarganegaraan"
                )
            ) {
                country = ms[..n]
                    .iter()
                    .find(|m| m.tok == end + 1 && m.kind == "LOC")
                    .and_then(|m| m.code.clone())
                    .filter(|c| self.country_names.contains_key(c.as_str()));
            }
            // `tiga orang anggota Densus 88`, `dua orang rekan pelaku`: the phrase after the
            // count names who they are.
            if country.is_none()
                && toks.get(end).is_some_and(|t| t.kind == TokenKind::Word)
                && ms[..n]
                    .iter()
                    .any(|m| (m.tok == end || m.tok == end + 1) && m.kind != "LOC")
            {
                continue;
            }
            let Some(c) = country.or_else(|| ctx.focus.clone()) else {
                continue;
            };
            let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
            let mut m = M::new(
                span,
                "PER",
                Some(format!("{c}CVL")),
                "pattern:counted".into(),
                i,
            );
            m.role_agent = Some("CVL".into());
            ms.push(m);
        }
    }

    /// An Indonesian institution named with a foreign country right after it (`Kementerian
    /// Keuangan AS`, `Angkatan Udara AS`, `Kemlu Jepang`): the country's institution, and the
    /// end token of the country.
    fn foreign_institution(
        &self,
        toks: &[Token],
        hits: &[Hit],
        j: usize,
    ) -> Option<(String, usize)> {
        let Payload::Actor { code, .. } = &self.payloads[hits[j].payload] else {
            return None;
        };
        if code.len() <= 3 || !code.starts_with("IDN") {
            return None;
        }
        // `KBRI Kuala Lumpur`, `KJRI Jeddah`: a mission abroad and its posting.
        if MISSIONS.contains(&toks[hits[j].start].lower.as_str()) {
            return None;
        }
        let next = hits.get(j + 1).filter(|n| n.start == hits[j].end)?;
        let iso = self.country_of_hit(next)?;
        if iso == "IDN" || !self.country_names.contains_key(iso.as_str()) {
            return None;
        }
        Some((format!("{iso}{}", &code[3..]), next.end))
    }

    /// A country separated from a role ending at token `end` by one or two plain lower-case
    /// words (`polisi perairan Malaysia`): its hit index. Function words, verbs (meN-, di-,
    /// ber-, ter-) and other gazetteer words in between break the phrase.
    fn country_after_gap(
        &self,
        toks: &[Token],
        hits: &[Hit],
        j: usize,
        end: usize,
    ) -> Option<usize> {
        let h = hits.get(j)?;
        if h.start <= end || h.start > end + 2 {
            return None;
        }
        let plain = toks[end..h.start].iter().all(|t| {
            let w = t.lower.as_str();
            t.kind == TokenKind::Word
                && !t.is_capitalised()
                && t.enclitic.is_none()
                && !GAP_STOP.contains(&w)
                && !["me", "di", "ber", "ter", "se", "ke"]
                    .iter()
                    .any(|p| w.starts_with(p))
        });
        let iso = self.country_of_hit(h)?;
        (plain && self.country_names.contains_key(iso.as_str())).then_some(j)
    }

    /// The title before a name starting at token `tok`: walking left over the title's words
    /// (capitalised words, parentheses, `dan`, a comma right before the name, countries and
    /// institutions) to the leftmost role phrase. Returns the role's mention and the code: the
    /// institution named in the title (`Direktur Penyidikan KPK` → IDNJUD), else the title's
    /// country with the role's agent (`Menteri Pemuda dan Olahraga Republik Lebanon` → LBNGOV),
    /// else the role's own code.
    fn title_before(
        &self,
        text: &str,
        toks: &[Token],
        ms: &[M],
        dead: &[bool],
        tok: usize,
    ) -> Option<(usize, String, bool)> {
        let mut k = tok;
        let mut role: Option<usize> = None;
        let mut country: Option<String> = None;
        let mut org: Option<String> = None;
        // Institutions and countries seen since the last role (kept only if a role follows).
        let (mut pend_country, mut pend_org): (Option<String>, Option<String>) = (None, None);
        // The last institution crossed, and the one a generic head names (`Ketua Komisi V
        // DPR X`, `Humas Pengadilan Negeri Jakarta Utara X`): used when no role is found.
        let mut last_org: Option<usize> = None;
        let mut head_org: Option<usize> = None;
        let mut plain = 0;
        let mut steps = 0;
        while k > 0 && steps < 16 {
            steps += 1;
            let p = &toks[k - 1];
            if text[p.span.end..toks[k].span.start].contains('\n') {
                break;
            }
            let at = (0..ms.len()).find(|&i| {
                !dead.get(i).copied().unwrap_or(false)
                    && ms[i].span.end == p.span.end
                    && ms[i].kind != TITLE
            });
            if let Some(i) = at {
                let m = &ms[i];
                if m.role_agent.is_some()
                    && m.kind == "PER"
                    && m.person.is_some()
                    && role.is_none()
                    && toks[k..tok].iter().any(|t| t.norm == ",")
                {
                    // `Kuasa hukum Rizieq Shihab, X`: the title before a known person and a
                    // comma is X's (the person is whom X serves); its country is the person's.
                    let agent = m.role_agent.as_deref().unwrap_or("");
                    let (fixed, agent) = split_agent(agent);
                    let iso = fixed.or_else(|| m.code.as_deref().and_then(|c| c.get(..3)))?;
                    return Some((i, format!("{iso}{agent}"), false));
                }
                if m.role_agent.is_some() {
                    role = Some(i);
                    // `fraksi PAN (PAN) X`: the party is the faction's, already in its code.
                    if m.role_word.as_deref().is_some_and(|w| w.contains("fraksi")) {
                        pend_org = None;
                    }
                    if let Some(c) = pend_country.take() {
                        country = Some(c);
                    }
                    if let Some(o) = pend_org.take() {
                        org = Some(o);
                    }
                    if let Some(c) = m.code.as_deref().filter(|_| !m.bare) {
                        // A role with its own country or institution (`Presiden Rusia`).
                        org.get_or_insert_with(|| c.to_string());
                    }
                } else if m.kind == "LOC" {
                    match m.code.as_deref() {
                        Some(c) if self.country_names.contains_key(c) => {
                            pend_country = Some(c.to_string())
                        }
                        _ => {}
                    }
                } else if m.kind == "ORG" && m.code.as_deref().is_some_and(|c| c.len() > 3) {
                    pend_org = m.code.clone();
                    last_org = Some(i);
                } else if m.kind == "ORG" && m.code.is_none() {
                    // An organisation only the model knows (`PT Windhu Tunggal Utama`): part
                    // of the title.
                } else if m.kind == "PER"
                    && role.is_none()
                    && (k..tok).all(|j| matches!(toks[j].lower.as_str(), "," | "dan" | "serta"))
                {
                    // `terpidana Irman dan X`, `hakim A, B, dan X`: a coordinated name shares
                    // the title of the titled name before it.
                    let titled = m.rule.contains("roles.tsv")
                        || (m.role_word.is_some() && m.person.is_none());
                    if titled && k < tok {
                        if let Some(c) = m.code.clone() {
                            return Some((i, c, false));
                        }
                    }
                    // `kuasa hukum Rizieq Shihab, X`: the title is X's, the name before is
                    // whom it serves.
                    if !(k + 1 == tok && toks[k].norm == ",") {
                        break;
                    }
                } else {
                    break;
                }
                if m.tok >= k {
                    break;
                }
                k = m.tok;
                continue;
            }
            // Only connectors so far: `A, B, dan X`.
            let after_name =
                (k..tok).all(|j| matches!(toks[j].lower.as_str(), "," | "dan" | "serta"));
            let ok = match p.kind {
                TokenKind::Word => {
                    if p.is_capitalised()
                        || p.lower == "dan"
                        || GENERIC_HEADS.contains(&p.lower.as_str())
                    {
                        true
                    } else if role.is_none() && plain < 6 && title_filler(toks, k - 1, tok) {
                        plain += 1;
                        true
                    } else {
                        false
                    }
                }
                _ => {
                    matches!(p.norm.as_str(), "(" | ")" | "&" | "-")
                        || (p.norm == "," && (k == tok || after_name))
                }
            };
            if !ok {
                break;
            }
            // `dari fraksi PAN`, `dari Partai Golkar`: the party is the member's, not the
            // office's institution.
            if p.lower == "fraksi"
                || (p.lower == "dari" && pend_org.as_deref().is_some_and(|c| c.ends_with("PTY")))
            {
                pend_org = None;
            }
            if role.is_none() && head_org.is_none() && GENERIC_HEADS.contains(&p.lower.as_str()) {
                head_org = last_org;
            }
            k -= 1;
        }
        if role.is_none() {
            let o = head_org?;
            return Some((o, ms[o].code.clone()?, false));
        }
        let r = role?;
        // `Kuasa hukum dua terdakwa, X`: X is the lawyer of the defendants.
        if ms[r]
            .role_agent
            .as_deref()
            .is_some_and(|a| a.ends_with("CRM"))
        {
            let mut b = ms[r].tok;
            while b > 0
                && matches!(
                    toks[b - 1].lower.as_str(),
                    "dua" | "tiga" | "kedua" | "ketiga" | "para" | "sejumlah" | "seorang"
                )
            {
                b -= 1;
            }
            if let Some(l) = (0..ms.len()).find(|&l| {
                b > 0
                    && ms[l].span.end == toks[b - 1].span.end
                    && ms[l]
                        .role_word
                        .as_deref()
                        .is_some_and(|w| CLIENT_TITLES.contains(&w))
            }) {
                let code = ms[l].code.clone()?;
                return Some((l, code, true));
            }
        }
        // `Kuasa hukum Abun`: a name introduced earlier is the lawyer's client.
        if ms[r]
            .role_word
            .as_deref()
            .is_some_and(|w| CLIENT_TITLES.contains(&w))
            && toks[..ms[r].tok]
                .iter()
                .any(|t| t.norm == toks[tok].norm && t.is_capitalised())
        {
            return None;
        }
        let agent = ms[r].role_agent.as_deref().unwrap_or("");
        let former = former(toks, ms[r].tok);
        let code = match (org, country) {
            (Some(o), _) => o,
            (None, Some(c)) => format!("{c}{}", if former { "ELI" } else { agent }),
            (None, None) => ms[r].code.clone()?,
        };
        Some((r, code, true))
    }

    /// An Indonesian institution named by a common noun phrase (`Mahkamah Agung`, `Kejaksaan
    /// Agung`, `Angkatan Laut`) in a story about another country is that country's: `Mahkamah
    /// Agung` in a story about Kuwait is KWTJUD. Acronyms and names with `RI`/`Indonesia` stay
    /// Indonesian.
    fn generic_institution(
        &self,
        text: &str,
        toks: &[Token],
        h: &Hit,
        code: &str,
        ctx: &Context,
    ) -> Option<String> {
        let focus = ctx.focus.as_deref()?;
        if focus == "IDN" || !code.starts_with("IDN") || !self.country_names.contains_key(focus) {
            return None;
        }
        let name = Span::new(toks[h.start].span.start, toks[h.end - 1].span.end)
            .text(text)
            .to_lowercase();
        GENERIC_INSTITUTIONS
            .contains(&name.as_str())
            .then(|| format!("{focus}{}", &code[3..]))
    }

    /// The article's focus country: the country named most often (countries, capitals,
    /// cities, clubs), the home country winning ties and counting once extra.
    fn focus(
        &self,
        hits: &[Hit],
        home: Option<&str>,
        toks: &[Token],
        doc: &TextDoc,
    ) -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        if let Some(h) = home {
            counts.push((h, 1));
        }
        // The lead's first country is what the story is about: it counts extra.
        let mut lead = true;
        for (n, h) in hits.iter().enumerate() {
            let sp = toks[h.start].span;
            // A nationality after a role (`warga Malaysia`, `diplomat Iran`) is not the lead's
            // subject.
            let modifier = n > 0
                && hits[n - 1].end == h.start
                && matches!(
                    self.payloads[hits[n - 1].payload],
                    Payload::Role { .. } | Payload::Prefix
                );
            let bonus = if lead
                && !modifier
                && doc.body.contains(sp)
                && !doc.source.spans.iter().any(|(_, f)| f.overlaps(sp))
            {
                LEAD_BONUS
            } else {
                0
            };
            // An Indonesian institution of the state (`Polda Metro Jaya`, `KPK`, `DPR`) speaks of Indonesia as much as its name does: it counts once,
            // never as the lead's country. Missions abroad (`KBRI Kairo`) are about the host.
            // (Only offices of the state, in the body: a credit `CNN Indonesia` or a party
            // name shared abroad, `Demokrat`, says nothing.)
            let state = |c: &str| {
                c.starts_with("IDN")
                    && matches!(c.get(3..), Some("GOV" | "COP" | "JUD" | "LEG" | "MIL"))
            };
            let in_body =
                doc.body.contains(sp) && !doc.source.spans.iter().any(|(_, f)| f.overlaps(sp));
            let domestic = in_body
                && match &self.payloads[h.payload] {
                    Payload::Actor { code, kind, .. } => {
                        *kind == "ORG"
                            && state(code)
                            && !MISSIONS.contains(&toks[h.start].lower.as_str())
                    }
                    _ => false,
                };
            if domestic {
                match counts.iter_mut().find(|(c, _)| *c == "IDN") {
                    Some(e) => e.1 += 1,
                    None => counts.push(("IDN", 1)),
                }
                continue;
            }
            let iso: &str = match &self.payloads[h.payload] {
                Payload::Country { iso, .. } => iso,
                // Countries only: `MNC`, `INT`, regions (`WST`, `MOS`) are no focus.
                Payload::Actor { code, .. }
                    if code.len() == 3 && self.country_names.contains_key(code.as_str()) =>
                {
                    code
                }
                // A city name followed by a capitalised head noun of a longer name is that
                // name, no city (`Arnhem Land` is no Dutch city, `Hongkou Football Stadium`).
                Payload::City { .. }
                    if toks.get(h.end).is_some_and(|t| {
                        t.is_capitalised() && NAME_HEADS.contains(&t.lower.as_str())
                    }) =>
                {
                    continue;
                }
                Payload::City { row } => &self.places.rows[*row as usize].country,
                _ => continue,
            };
            if bonus > 0 && !self.country_names.contains_key(iso) {
                continue;
            }
            if bonus > 0 {
                lead = false;
            }
            match counts.iter_mut().find(|(c, _)| *c == iso) {
                Some(e) => e.1 += 1 + bonus,
                None => counts.push((iso, 1 + bonus)),
            }
        }
        let best = counts.iter().map(|&(_, n)| n).max()?;
        counts
            .iter()
            .find(|&&(c, n)| n == best && Some(c) == home)
            .or_else(|| counts.iter().find(|&&(_, n)| n == best))
            .map(|&(c, _)| c.to_string())
    }

    fn person_code(&self, idx: usize, ctx: &Context, tok: usize) -> Option<String> {
        let p = &self.people[idx];
        let (lo, hi) = ctx.date_for(tok);
        p.code_at(&lo, &hi)
    }

    fn country_of_hit(&self, h: &Hit) -> Option<String> {
        match &self.payloads[h.payload] {
            Payload::Country { iso, .. } => Some(iso.clone()),
            Payload::Actor { code, kind, .. } if *kind == "LOC" && code.len() == 3 => {
                Some(code.clone())
            }
            Payload::City { row } => Some(self.places.rows[*row as usize].country.clone()),
            _ => None,
        }
    }

    /// Turn hits into mentions: entities with codes, roles combined with their countries and names.
    fn mentions(&self, doc: &TextDoc, toks: &[Token], hits: &[Hit], ctx: &Context) -> Vec<M> {
        let mut out: Vec<M> = Vec::with_capacity(hits.len());
        let prefer: Vec<&str> = ctx.countries(self, hits);
        let span_of = |s: usize, e: usize| Span::new(toks[s].span.start, toks[e - 1].span.end);
        let mut i = 0;
        while i < hits.len() {
            let h = hits[i];
            i += 1;
            let prev = h.start.checked_sub(1).map(|p| toks[p].lower.as_str());
            // `berinisial MK`: initials, not the Constitutional Court; `Jalan Pangeran
            // Antasari`: a street, not a prince.
            if matches!(
                prev,
                Some("inisial" | "berinisial" | "jalan" | "jl" | "jln")
            ) {
                continue;
            }
            match &self.payloads[h.payload] {
                Payload::Prefix => {}
                Payload::Country { iso, rule } => {
                    let prev = h.start.checked_sub(1).map(|p| toks[p].lower.as_str());
                    if matches!(
                        prev,
                        Some("bahasa" | "liga" | "timnas" | "dolar" | "dollar" | "sen")
                    ) {
                        continue;
                    }
                    out.push(M::new(
                        span_of(h.start, h.end),
                        "LOC",
                        Some(iso.clone()),
                        rule.clone(),
                        h.start,
                    ));
                    let last = out.len() - 1;
                    out[last].place = self.country_place(iso);
                }
                Payload::Actor { code, kind, rule } => {
                    if h.end - h.start == 1
                        && REGION_GUARD.contains(&toks[h.start].lower.as_str())
                        && ctx.after_name(toks, h.start)
                    {
                        continue;
                    }
                    let (code, mut end) = match self.foreign_institution(toks, hits, i - 1) {
                        Some((c, e)) => {
                            i += 1;
                            (c, e)
                        }
                        None => (
                            self.generic_institution(doc.text, toks, &h, code, ctx)
                                .unwrap_or_else(|| code.clone()),
                            h.end,
                        ),
                    };
                    // `Polda Sumatera Utara`, `Polres Metro Jakarta Pusat`, `DPRD Jawa Barat`:
                    // an Indonesian institution and the Indonesian region or city right after
                    // it are one actor (the region is its seat, not a place of its own).
                    if *kind == "ORG" && code.len() > 3 && code.starts_with("IDN") {
                        if let Some(n) = hits.get(i).filter(|n| n.start == end) {
                            let seat = match &self.payloads[n.payload] {
                                Payload::Actor {
                                    code: c, kind: k, ..
                                } => *k == "LOC" && c == "IDN",
                                Payload::City { row } => {
                                    self.places.rows[*row as usize].country == "IDN"
                                }
                                _ => false,
                            };
                            if seat {
                                end = n.end;
                                i += 1;
                                // `Polres Lampung Timur`: a compass word finishes the name.
                                if toks.get(end).is_some_and(|t| {
                                    t.is_capitalised()
                                        && REGION_GUARD.contains(&t.lower.as_str())
                                        && hits.get(i).is_none_or(|n| n.start > end)
                                }) {
                                    end += 1;
                                }
                            }
                        }
                    }
                    let mut m = M::new(
                        span_of(h.start, end),
                        kind,
                        Some(code.clone()),
                        rule.clone(),
                        h.start,
                    );
                    if *kind == "LOC" {
                        let text = m.span.text(doc.text);
                        m.place = if code.len() == 3 {
                            // A capital or a province: its own GeoNames row, never the
                            // country's centroid (that would misplace `Jawa Barat`).
                            self.places
                                .lookup(text, &[code.as_str()])
                                .filter(|p| p.country == code)
                        } else {
                            None
                        };
                    }
                    out.push(m);
                }
                Payload::Person { idx } => {
                    let mut m = M::new(
                        span_of(h.start, h.end),
                        "PER",
                        self.person_code(*idx, ctx, h.start),
                        format!("people.tsv:{}", self.people[*idx].line),
                        h.start,
                    );
                    m.person = Some(*idx);
                    if former(toks, h.start) {
                        m.code = m.code.map(|c| format!("{}ELI", &c[..3.min(c.len())]));
                    }
                    out.push(m);
                }
                Payload::City { row } => {
                    let r = &self.places.rows[*row as usize];
                    let text = span_of(h.start, h.end).text(doc.text);
                    let place = self.places.lookup(text, &prefer).unwrap_or_else(|| Place {
                        name: r.name.clone(),
                        country: r.country.clone(),
                        lat: r.lat,
                        lon: r.lon,
                        geonameid: Some(r.id),
                    });
                    let code = place.country.clone();
                    let mut m = M::new(
                        span_of(h.start, h.end),
                        "LOC",
                        Some(code),
                        format!("places:{}", place.geonameid.unwrap_or(0)),
                        h.start,
                    );
                    m.place = Some(place);
                    out.push(m);
                }
                Payload::Role { english: true, .. } if doc.language != "en" => {}
                // `Editor: ...`, `Pewarta: ...`: a byline label, not an actor.
                Payload::Role { .. } if toks.get(h.end).is_some_and(|t| t.norm == ":") => {}
                // `Geng Shuang`: a capitalised one-word gang noun inside a sentence, followed
                // by a capitalised word no dictionary knows, is a name.
                Payload::Role { agent, kind, .. }
                    if *kind == "ORG"
                        && h.end == h.start + 1
                        && split_agent(agent).1 == "CRM"
                        && ctx.after_name(toks, h.start + 1)
                        && toks.get(h.end).is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && t.is_capitalised()
                                && t.norm.chars().any(char::is_lowercase)
                        })
                        && hits.get(i).is_none_or(|n| n.start != h.end) => {}
                Payload::Role {
                    agent,
                    kind,
                    rule,
                    word,
                    ..
                } => {
                    i = self.role(
                        doc,
                        toks,
                        hits,
                        i - 1,
                        (agent, kind, rule, word),
                        ctx,
                        &mut out,
                    );
                }
            }
        }
        out
    }

    /// A role phrase at `hits[i]` with what surrounds it; returns the next hit index.
    #[allow(clippy::too_many_arguments)]
    fn role(
        &self,
        doc: &TextDoc,
        toks: &[Token],
        hits: &[Hit],
        i: usize,
        (agent, kind, rule, word): (&String, &&'static str, &String, &String),
        ctx: &Context,
        out: &mut Vec<M>,
    ) -> usize {
        let h = hits[i];
        let span_of = |s: usize, e: usize| Span::new(toks[s].span.start, toks[e - 1].span.end);
        let mut start = h.start;
        let mut kind: &'static str = kind;
        let mut has_prefix = false;
        if i > 0
            && hits[i - 1].end == h.start
            && matches!(self.payloads[hits[i - 1].payload], Payload::Prefix)
        {
            start = hits[i - 1].start;
            kind = "ORG";
            has_prefix = true;
        }
        let mut end = h.end;
        let mut j = i + 1;
        let mut country: Option<String> = None;
        let mut country_hit: Option<usize> = None;
        let mut org_code: Option<String> = None;
        if j < hits.len() && hits[j].start == end {
            if let Some(c) = self.country_of_hit(&hits[j]) {
                country = Some(c);
                country_hit = Some(j);
                end = hits[j].end;
                j += 1;
            } else if let Payload::Actor {
                code, kind: "ORG", ..
            } = &self.payloads[hits[j].payload]
            {
                let (_, own) = split_agent(agent);
                if code.len() == 6
                    && matches!(&code[3..], "REF" | "CVL")
                    && self.country_names.contains_key(&code[..3])
                    && own != "REF"
                    && own != "CVL"
                {
                    // `kelompok militan Rohingya`: a people names the country, the role its
                    // sector (MMRUAF, not the refugees' MMRREF).
                    country = Some(code[..3].to_string());
                    end = hits[j].end;
                    j += 1;
                } else {
                    let mut c = self
                        .foreign_institution(toks, hits, j)
                        .map_or_else(|| code.clone(), |(c, _)| c);
                    // `Fraksi Partai Golkar`, `anggota Fraksi Hanura`: a party's legislators
                    // (a `politikus PKS` is the party's; an opposition party's faction stays
                    // the opposition, CAMEO OPP).
                    if word.contains("fraksi") && c.len() == 6 && c.ends_with("PTY") {
                        c = format!("{}LEG", &c[..3]);
                        end = hits[j].end;
                        j += 1;
                    }
                    org_code = Some(c);
                }
            }
        } else if let Some(jj) = self.country_after_gap(toks, hits, j, end) {
            // `polisi perairan Malaysia`, `pemerintah militer Myanmar`.
            country = self.country_of_hit(&hits[jj]);
            country_hit = Some(jj);
            end = hits[jj].end;
            j = jj + 1;
        }
        // `Duta Besar Indonesia untuk Lebanon X`: the posting, not the sender's country; the
        // name may follow it.
        let mut posting: Option<usize> = None;
        if country.is_some() && toks.get(end).is_some_and(|t| t.lower == "untuk") {
            if let Some(n) = hits
                .get(j)
                .filter(|n| n.start == end + 1 && self.country_of_hit(n).is_some())
            {
                posting = Some(j);
                end = n.end;
                j += 1;
            }
        }
        let former = former(toks, start);
        let definite = start > 0 && toks[start - 1].lower == "sang"
            || toks
                .get(end)
                .is_some_and(|t| matches!(t.lower.as_str(), "tersebut" | "itu"));
        // A person named right after the role (or after a comma): `Presiden Rusia Vladimir Putin`.
        let mut k = end;
        // `Amerika Serikat (AS), Donald Trump`: skip a parenthesised acronym and a comma.
        if country.is_some()
            && toks.get(k).is_some_and(|t| t.norm == "(")
            && toks.get(k + 2).is_some_and(|t| t.norm == ")")
        {
            k += 3;
            while j < hits.len() && hits[j].start < k {
                j += 1;
            }
        }
        if toks.get(k).is_some_and(|t| t.norm == ",") {
            k += 1;
        }
        let mut person: Option<(usize, usize, Option<usize>)> = None; // (start, end, people idx)
        if j < hits.len() && hits[j].start == k {
            if let Payload::Person { idx } = &self.payloads[hits[j].payload] {
                person = Some((hits[j].start, hits[j].end, Some(*idx)));
            }
        }
        let mut after_name = j;
        // An unknown name after the role: only after a country (`Menteri Luar Negeri Filipina
        // X`), or after an office or rank of government, army, police, courts or parliament;
        // never a department (`Direktur Pemasaran`) or an acronym.
        let scan = person.is_none()
            && kind == "PER"
            && k == end
            && (country.is_some()
                || matches!(split_agent(agent).1, "GOV" | "MIL" | "COP" | "JUD" | "LEG"))
            && toks
                .get(k)
                .is_some_and(|t| !NOT_NAME_START.contains(&t.norm.as_str()));
        if scan {
            let mut e = k;
            while e < toks.len()
                && e - k < 4
                && toks[e].kind == TokenKind::Word
                && toks[e].is_capitalised()
                && toks[e].norm.chars().any(char::is_lowercase)
                && !doc.text[toks[e - 1].span.end..toks[e].span.start].contains('\n')
            {
                if let Some(hj) = hits.get(after_name).filter(|hj| hj.start <= e) {
                    // A one-word place or known name inside a longer name (`Ahmad Santos`,
                    // `Raden Prabowo Argo Yuwono`) is part of the name.
                    let namey = matches!(
                        self.payloads[hj.payload],
                        Payload::City { .. } | Payload::Person { .. }
                    );
                    if !(namey && e > k && hj.start == e && hj.end == e + 1) {
                        break;
                    }
                    after_name += 1;
                }
                e += 1;
            }
            // `Menteri Pemuda dan Olahraga Republik Lebanon X`: the capitalised words continue
            // the title (`dan` + a capitalised word, or a country), they are no name.
            let title_goes_on = toks.get(e).is_some_and(|t| t.lower == "dan")
                && toks.get(e + 1).is_some_and(|t| t.is_capitalised())
                || hits.get(after_name).is_some_and(|hj| {
                    hj.start == e && matches!(self.payloads[hj.payload], Payload::Country { .. })
                })
                // `Bupati Kutai Kartanegara (Kukar) Rita Widyasari`: a region and its
                // abbreviation, then the name.
                || toks.get(e).is_some_and(|t| t.norm == "(")
                    && toks.get(e + 2).is_some_and(|t| t.norm == ")")
                    && toks.get(e + 3).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && t.is_capitalised()
                            && t.norm.chars().any(char::is_lowercase)
                    });
            // `kuasa hukum Abun`, `pengacara Setya`: a name the article has already introduced
            // after a lawyer's title is the client, not the lawyer.
            let client = CLIENT_TITLES.contains(&word.as_str())
                && toks[..start]
                    .iter()
                    .any(|t| t.norm == toks[k].norm && t.is_capitalised());
            if e > k && !title_goes_on && !client {
                person = Some((k, e, None));
            }
        }
        // English: a nationality or country right before the role (`Russian President`,
        // `Indonesian police`, `Ukraine's army`).
        let mut pre_country: Option<usize> = None;
        if country.is_none() && org_code.is_none() && !has_prefix && i > 0 && doc.language == "en" {
            let p = hits[i - 1];
            let adjacent = p.end == h.start
                || (p.end + 1 == h.start
                    && matches!(toks[p.end].lower.as_str(), "'s" | "\u{2019}s" | "s"));
            if adjacent {
                if let Some(c) = self.country_of_hit(&p) {
                    country = Some(c);
                    pre_country = Some(i - 1);
                }
            }
        }
        // `... di Moskow`: the place that follows gives the country (not to a title only one
        // country has: `Menko Polhukam di Nauru`, `Ibu Negara ... di Kabul` stay Indonesian).
        if country.is_none() && org_code.is_none() && split_agent(agent).0.is_none() {
            let mut jj = j;
            while jj < hits.len() && hits[jj].start <= end + 6 {
                let hs = hits[jj].start;
                if hs >= 2
                    && hs > end
                    && matches!(
                        toks[hs - 1].lower.as_str(),
                        "di" | "dari"
                            | "asal"
                            | "in"
                            | "from"
                            | "kebangsaan"
                            | "berkebangsaan"
                            | "kewarganegaraan"
                            | "berkewarganegaraan"
                    )
                    && !toks[end..hs].iter().any(|t| t.kind == TokenKind::Punct)
                    && !toks[end..hs - 1].iter().any(clause_verb)
                {
                    if let Some(mut c) = self.country_of_hit(&hits[jj]) {
                        // `dari Asia Tengah, Uzbekistan`: a region, then the country in it.
                        if !self.country_names.contains_key(c.as_str()) {
                            let he = hits[jj].end;
                            if let Some(n) = hits.get(jj + 1).filter(|n| {
                                n.start == he + 1 && toks.get(he).is_some_and(|t| t.norm == ",")
                            }) {
                                if let Some(nc) = self
                                    .country_of_hit(n)
                                    .filter(|nc| self.country_names.contains_key(nc.as_str()))
                                {
                                    c = nc;
                                }
                            }
                        }
                        country = Some(c);
                        break;
                    }
                }
                jj += 1;
            }
        }
        // `tersangka, warga negara Uzbekistan, ...`: a citizenship in apposition.
        if country.is_none()
            && org_code.is_none()
            && person.is_none()
            && toks.get(end).is_some_and(|t| t.norm == ",")
        {
            if let (Some(w), Some(c)) = (hits.get(j), hits.get(j + 1)) {
                let citizen = matches!(
                    &self.payloads[w.payload],
                    Payload::Role { word, .. } if word.starts_with("warga")
                );
                if citizen && w.start == end + 1 && c.start == w.end {
                    country = self
                        .country_of_hit(c)
                        .filter(|c| self.country_names.contains_key(c.as_str()));
                }
            }
        }
        let antecedent_possible = country.is_none() && person.is_none() && org_code.is_none();
        // A title only Indonesia has (`Menko Polhukam`, `Kapolri`: agent `IDNGOV`) keeps its
        // country; other roles take the article's focus. (Taking the nearest country named
        // before the role in its sentence instead was measured: no better on the event gold.)
        let (fixed, agent) = split_agent(agent);
        // Terror suspects are militants (`tersangka` in a story about terrorism → UAF).
        let agent = if ctx.terror && agent == "CRM" && SUSPECT_WORDS.contains(&word.as_str()) {
            "UAF"
        } else {
            agent
        };
        let country_code = country
            .clone()
            .or_else(|| fixed.map(str::to_string))
            .or_else(|| ctx.focus.clone());
        let role_code = match (&org_code, &country_code) {
            (Some(o), _) => o.clone(),
            (None, Some(c)) => format!("{c}{}", if former { "ELI" } else { agent }),
            (None, None) => (if former { "ELI" } else { agent }).to_string(),
        };
        let mut next = j;
        match person {
            Some((ps, pe, idx)) => {
                if has_prefix {
                    let mut m = M::new(
                        span_of(start, end),
                        "ORG",
                        Some(role_code.clone()),
                        rule.clone(),
                        start,
                    );
                    m.role_word = Some(word.clone());
                    out.push(m);
                } else {
                    // The title's words are taken (a model span inside them is not an entity).
                    out.push(M::new(
                        span_of(start, h.end),
                        TITLE,
                        None,
                        rule.clone(),
                        start,
                    ));
                }
                for ch in [country_hit, posting].into_iter().flatten() {
                    if has_prefix {
                        break;
                    }
                    // The role is only a title here; keep the country as a place.
                    let hc = hits[ch];
                    if let Some(iso) = self.country_of_hit(&hc) {
                        let mut m = M::new(
                            span_of(hc.start, hc.end),
                            "LOC",
                            Some(iso.clone()),
                            rule.clone(),
                            hc.start,
                        );
                        m.rule = match &self.payloads[hc.payload] {
                            Payload::Country { rule, .. } | Payload::Actor { rule, .. } => {
                                rule.clone()
                            }
                            Payload::City { row } => {
                                format!("places:{}", self.places.rows[*row as usize].id)
                            }
                            _ => rule.clone(),
                        };
                        m.place = self
                            .geocode_in(span_of(hc.start, hc.end).text(doc.text), &[iso.as_str()]);
                        out.push(m);
                    }
                }
                let mut m = M::new(span_of(ps, pe), "PER", None, rule.clone(), ps);
                m.role_word = Some(word.clone());
                match idx {
                    Some(idx) => {
                        m.code = self.person_code(idx, ctx, ps);
                        m.person = Some(idx);
                        m.rule = format!("people.tsv:{}", self.people[idx].line);
                        if former {
                            m.code = m.code.map(|c| format!("{}ELI", &c[..3.min(c.len())]));
                        }
                    }
                    None => m.code = Some(role_code),
                }
                out.push(m);
                next = if idx.is_some() { j + 1 } else { after_name };
            }
            None => {
                if let Some(p) = pre_country {
                    // `Russian troops`: one actor; the nationality is not a place here.
                    let ps = toks[hits[p].start].span.start;
                    if out.last().is_some_and(|m| m.span.start == ps) {
                        out.pop();
                    }
                    start = hits[p].start;
                }
                let mut m = M::new(
                    span_of(start, end),
                    kind,
                    Some(role_code),
                    rule.clone(),
                    start,
                );
                m.role_word = Some(word.clone());
                m.role_agent = Some(agent.to_string());
                m.bare = antecedent_possible && !has_prefix;
                m.definite = definite;
                out.push(m);
            }
        }
        next
    }
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

/// Extra weight of the first country named in the body when choosing the article's focus.
const LEAD_BONUS: usize = 2;

/// Indonesia's missions abroad: a place after them is their posting, not their country.
/// English head nouns that, after a city's name, make it part of a longer name of another
/// place or a facility (`Arnhem Land`, `Hongkou Football Stadium`, `Boston Harbor`).
const NAME_HEADS: &[&str] = &[
    "land",
    "island",
    "islands",
    "bay",
    "harbor",
    "harbour",
    "river",
    "valley",
    "county",
    "street",
    "road",
    "avenue",
    "park",
    "square",
    "stadium",
    "football",
    "airport",
    "university",
    "college",
    "hotel",
    "territory",
    "peninsula",
    "strait",
    "lake",
    "mountains",
];

const MISSIONS: &[&str] = &["kbri", "kjri", "kdei", "ptri"];

/// Kind of the placeholder that marks a title's words (`Ketua DPR` before a name) while the
/// model's spans are merged; never output.
const TITLE: &str = "_TITLE";

/// Capitalised words after a title that start an institution or a department, not a name.
const NOT_NAME_START: &[&str] = &[
    "Direktorat",
    "Dinas",
    "Badan",
    "Kementerian",
    "Komisi",
    "Lembaga",
    "Pengadilan",
    "Kantor",
    "Satuan",
    "Unit",
    "Divisi",
    "Biro",
    "Bagian",
    "Bidang",
    "Pusat",
    "Universitas",
    "Rumah",
    "Partai",
    "Majelis",
    "Dewan",
    "Pemerintah",
    "Kota",
    "Kabupaten",
    "Provinsi",
    "Desa",
    "Kecamatan",
    "Bank",
    "Pasar",
    "Jalan",
    "Gedung",
    "Hotel",
    "Masjid",
    "Gereja",
    "Sekolah",
    "Fakultas",
    "Pemasaran",
    "Keuangan",
    "Umum",
    "Hubungan",
    "Operasional",
    "Utama",
    "Eksekutif",
    "Jenderal",
    "Komunikasi",
    "Penerangan",
    "Humas",
    "Reserse",
    "Kriminal",
    "Lalu",
    "Satgas",
    "Tim",
    "Polisi",
    "Polda",
    "Polres",
    "Kodam",
    "Korem",
    "Kodim",
    "Sekretariat",
    "Perusahaan",
    "Pengurus",
    "Ketua",
    "Wakil",
    "Anggota",
    "Kepala",
    "Sekretaris",
    "Asisten",
    "Staf",
    "Tenaga",
    "Bupati",
    "Gubernur",
    "Wali",
    "Camat",
    "Lurah",
    "Menteri",
    "Presiden",
    "Dirut",
    "Direktur",
    "Perhubungan",
    "Pendidikan",
    "Kesehatan",
    "Pertanian",
    "Perdagangan",
    "Perindustrian",
    "Pajak",
    "Imigrasi",
    "Anggaran",
    "Kekayaan",
    "Bea",
    "Pemasyarakatan",
    "Hukum",
    "Politik",
    "Luar",
    "Dalam",
    "Pembangunan",
    "Perencanaan",
    "Kependudukan",
    "Pertahanan",
    "Keamanan",
    "Energi",
    "Administrasi",
    "Informasi",
    "Riset",
    "Teknologi",
    "Pelayanan",
    "Pengawasan",
    "Penindakan",
    "Penyidikan",
    "Pencegahan",
    "Perlindungan",
    "Pemberantasan",
    "Pengelolaan",
    "Perumahan",
    "Pariwisata",
    "Kebudayaan",
    "Agama",
    "Sosial",
    "Kerja",
    "Koordinator",
];

/// A role file agent: `GOV`, or `IDNGOV` for a title only one country has (its country fixed).
fn split_agent(agent: &str) -> (Option<&str>, &str) {
    match (agent.get(..3), agent.get(3..)) {
        (Some(c), Some(a)) if a.len() == 3 && !dict::AGENTS.contains(&c) => (Some(c), a),
        _ => (None, agent),
    }
}

/// Words that end a role's noun phrase before a country (`polisi yang ... Malaysia`).
const GAP_STOP: &[&str] = &[
    "ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku", "anda", "kamu", "nya",
    "keduanya", "yang", "dan", "atau", "serta", "untuk", "pada", "dari", "dengan", "oleh", "atas",
    "akan", "telah", "sudah", "belum", "tidak", "tak", "bukan", "itu", "ini", "juga", "bagi",
    "kepada", "terhadap", "asal", "antara", "tentang", "soal", "bahwa", "karena", "saat", "ketika",
    "usai", "setelah", "sebelum", "hingga", "sampai", "masih", "pun", "lagi", "bisa", "dapat",
    "harus", "ingin", "mau", "warga", "negara", "negeri", "sejumlah", "para", "kini", "lalu",
    "kata", "ujar", "tangkap", "tembak", "usir", "serang", "bantu", "minta", "desak", "tolak",
    "sebut", "klaim", "tuding", "kecam", "tuduh", "sambut",
];

/// A word that makes the role the subject of a clause (`Tersangka sempat mengajukan izin
/// tinggal di Swedia`): a place after it is where something happened, not the role's country.
fn clause_verb(t: &Token) -> bool {
    let w = t.lower.as_str();
    matches!(
        w,
        "sempat"
            | "telah"
            | "sudah"
            | "akan"
            | "sedang"
            | "masih"
            | "pernah"
            | "tidak"
            | "tak"
            | "belum"
            | "juga"
            | "kemudian"
            | "lalu"
    ) || (w.len() > 5 && (w.starts_with("me") || w.starts_with("di")))
}

/// Heads of an office that take their code from the institution after them (`Ketua Komisi V
/// DPR X` → IDNLEG, `Humas Pengadilan Negeri X` → IDNJUD); on their own they code nothing.
const GENERIC_HEADS: &[&str] = &[
    "ketua",
    "wakil",
    "kepala",
    "anggota",
    "koordinator",
    "sekretaris",
    "petinggi",
    "pimpinan",
    "pengurus",
    "staf",
    "humas",
    "personel",
    "komisioner",
    "bendahara",
    "kabid",
    "kasubdit",
    "kasat",
    "kanit",
    "dirut",
];

/// A lower-case word that may sit inside a title before a name: not a verb, not a clause
/// word (`anggota Komisi V DPR dari fraksi PAN X`, `tersangka utama X`, `Hakim tunggal ...
/// X`, `Sekjen KPK saat ini, X`, `Tersangka kedua adalah X`).
fn title_filler(toks: &[Token], j: usize, name: usize) -> bool {
    let w = toks[j].lower.as_str();
    let next = toks.get(j + 1).map_or("", |t| t.lower.as_str());
    if matches!(w, "adalah" | "yakni" | "yaitu" | "ialah") {
        return j + 1 == name;
    }
    if w == "saat" {
        return next == "ini";
    }
    if w == "ini" {
        return j > 0 && toks[j - 1].lower == "saat";
    }
    if matches!(w, "dari" | "asal") {
        return toks.get(j + 1).is_some_and(Token::is_capitalised) || next == "fraksi";
    }
    !GAP_STOP.contains(&w)
        && !clause_verb(&toks[j])
        && !(w.len() > 5 && (w.starts_with("ber") || w.starts_with("ter")))
        && !matches!(
            w,
            "bersama"
                | "dengan"
                | "oleh"
                | "kepada"
                | "melalui"
                | "lewat"
                | "via"
                | "nama"
                | "ke"
                | "di"
                | "rumah"
        )
}

/// Single-token region words that are part of a name after a capitalised word (`Jawa Barat`).
const REGION_GUARD: &[&str] = &["barat", "timur", "selatan", "utara", "tengah"];

fn former(toks: &[Token], start: usize) -> bool {
    start > 0 && matches!(toks[start - 1].lower.as_str(), "mantan" | "bekas" | "eks")
}

/// A mention under construction.
#[derive(Debug, Clone)]
struct M {
    span: Span,
    tok: usize,
    kind: &'static str,
    code: Option<String>,
    place: Option<Place>,
    rule: String,
    refers_to: Option<usize>,
    person: Option<usize>,
    role_word: Option<String>,
    role_agent: Option<String>,
    /// A role phrase with no country or name of its own: may refer back.
    bare: bool,
    definite: bool,
}

impl M {
    fn new(span: Span, kind: &'static str, code: Option<String>, rule: String, tok: usize) -> M {
        M {
            span,
            tok,
            kind,
            code,
            place: None,
            rule,
            refers_to: None,
            person: None,
            role_word: None,
            role_agent: None,
            bare: false,
            definite: false,
        }
    }
}

/// Per-document context: the home country, the date, years named in each sentence.
struct Context {
    home: Option<String>,
    /// The country the article is mostly about (set once the hits are known): the default
    /// country of unmarked role phrases.
    focus: Option<String>,
    /// (lo, hi) date interval of the article.
    date: (String, String),
    /// sentence index of each token.
    sent_of: Vec<usize>,
    /// first year (19xx/20xx) named in each sentence, if earlier than the article's year.
    sent_year: Vec<Option<u16>>,
    sent_start: Vec<usize>,
    /// The story is about terrorism (`teror`, `teroris`, `terorisme` in its text).
    terror: bool,
}

/// Words that make a story one about terrorism.
const TERROR_WORDS: &[&str] = &[
    "teror",
    "teroris",
    "terorisme",
    "antiteror",
    "antiterorisme",
    "densus",
    "jihadis",
    "terror",
    "terrorist",
    "terrorists",
    "terrorism",
];
/// A Phoenix role of militants (`UAF...`). (Insurgents, REB, are not: a Papuan separatist
/// flag-raising is no terror story, and their own suspects are REB.)
fn militant_role(role: Option<&str>) -> bool {
    role.is_some_and(|r| r.starts_with("UAF"))
}

/// Plain person nouns and kin words that may introduce initials (`pria berinisial H`,
/// `istrinya IN (27)`): the person is described, not as a suspect.
const PLAIN_PERSON_NOUNS: &[&str] = &[
    "pria",
    "wanita",
    "perempuan",
    "laki-laki",
    "lelaki",
    "orang",
    "seorang",
    "istri",
    "suami",
    "anak",
    "adik",
    "kakak",
    "abang",
    "ipar",
    "ayah",
    "ibu",
    "bapak",
    "kerabat",
    "keluarga",
    "saudara",
    "remaja",
    "pemuda",
    "bocah",
    "warga",
    "mertua",
    "menantu",
    "sepupu",
    "keponakan",
];

/// Bombings: two of these make a story one about terrorism.
const BOMB_WORDS: &[&str] = &["bom", "pengeboman", "pemboman", "bomber", "bombing", "bomb"];
/// Suspects and convicts: militants (UAF) in a story about terrorism, criminals (CRM) elsewhere.
const SUSPECT_WORDS: &[&str] = &[
    "tersangka",
    "terduga",
    "terdakwa",
    "terpidana",
    "pelaku",
    "narapidana",
    "napi",
    "suspect",
    "suspects",
];

impl Context {
    fn new(doc: &TextDoc, toks: &[Token]) -> Context {
        let home = doc
            .source
            .dateline_place
            .as_ref()
            .map(|p| p.country.clone())
            .or_else(|| (doc.language == "id").then(|| "IDN".to_string()));
        let pubd = doc.published.as_deref().unwrap_or("");
        let date = match (
            dict::parse_date(pubd.get(..10).unwrap_or(pubd), false),
            dict::parse_date(pubd.get(..10).unwrap_or(pubd), true),
        ) {
            (Some(lo), Some(hi)) => (lo, hi),
            _ => ("9999-12-30".to_string(), "9999-12-30".to_string()),
        };
        let pub_year: u16 = date.0[..4].parse().unwrap_or(9999);
        let mut sent_of = vec![usize::MAX; toks.len()];
        let mut sent_year = Vec::with_capacity(doc.sentences.len());
        let mut sent_start = Vec::with_capacity(doc.sentences.len());
        // Tokens may include furniture outside the sentences: map by span.
        let mut si = 0;
        for (ti, t) in toks.iter().enumerate() {
            while si < doc.sentences.len() && doc.sentences[si].span.end <= t.span.start {
                si += 1;
            }
            if si < doc.sentences.len() && doc.sentences[si].span.start <= t.span.start {
                sent_of[ti] = si;
            }
        }
        for s in &doc.sentences {
            sent_start.push(s.span.start);
            let y = doc.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Number && t.norm.len() == 4)
                .filter_map(|t| t.norm.parse::<u16>().ok())
                .find(|&y| (1900..2100).contains(&y) && y < pub_year);
            sent_year.push(y);
        }
        // (Bombs twice: one `bom` may be a fishing bomb, a hoax threat or a metaphor.)
        let bombs = toks
            .iter()
            .filter(|t| BOMB_WORDS.contains(&t.lower.as_str()))
            .take(2)
            .count();
        let terror = bombs >= 2
            || toks
                .iter()
                .any(|t| TERROR_WORDS.contains(&t.lower.as_str()));
        Context {
            terror,
            focus: home.clone(),
            home,
            date,
            sent_of,
            sent_year,
            sent_start,
        }
    }

    /// The date interval that decides offices for a mention at token `tok`: a year named in its
    /// sentence (`pada Agustus 2011`) before the article's date, else the article's date.
    fn date_for(&self, tok: usize) -> (String, String) {
        let s = self.sent_of.get(tok).copied().unwrap_or(usize::MAX);
        match self.sent_year.get(s).copied().flatten() {
            Some(y) => (format!("{y}-01-01"), format!("{y}-12-31")),
            None => self.date.clone(),
        }
    }

    /// Whether token `i` follows a capitalised word inside a sentence (`Jawa Barat`).
    fn after_name(&self, toks: &[Token], i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = &toks[i - 1];
        p.kind == TokenKind::Word && p.is_capitalised() && !self.sentence_initial(toks, i - 1)
    }

    /// Whether token `i` starts its sentence.
    fn sentence_initial(&self, toks: &[Token], i: usize) -> bool {
        self.sent_of
            .get(i)
            .and_then(|&s| self.sent_start.get(s))
            .is_some_and(|&st| toks.get(i).is_some_and(|t| t.span.start == st))
    }

    /// Countries the article mentions (for place disambiguation), home first.
    fn countries<'a>(&'a self, r: &'a Recognizer, hits: &[Hit]) -> Vec<&'a str> {
        let mut v: Vec<&str> = Vec::new();
        if let Some(h) = &self.home {
            v.push(h);
        }
        for h in hits {
            if let Payload::Country { iso, .. } = &r.payloads[h.payload] {
                if !v.contains(&iso.as_str()) {
                    v.push(iso);
                }
            }
        }
        v
    }
}

/// The body tokens, plus tokens of furniture that lies outside the body (dateline, editor).
fn furniture_tokens<'a>(doc: &'a TextDoc) -> Cow<'a, [Token]> {
    let outside: Vec<Span> = doc
        .source
        .spans
        .iter()
        .filter(|(k, s)| {
            matches!(
                k,
                FurnitureKind::Dateline
                    | FurnitureKind::WireCredit
                    | FurnitureKind::Reporter
                    | FurnitureKind::Editor
            ) && !doc.body.contains(*s)
                && !s.is_empty()
                && s.end <= doc.text.len()
        })
        .map(|(_, s)| *s)
        .collect();
    if outside.is_empty() {
        return Cow::Borrowed(&doc.tokens);
    }
    let mut toks = doc.tokens.clone();
    for s in outside {
        if doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end) {
            toks.extend(
                warta_text::tokenize(doc.text, s)
                    .into_iter()
                    .filter(|t| !doc.body.overlaps(t.span)),
            );
        }
    }
    toks.sort_by_key(|t| t.span.start);
    toks.dedup_by_key(|t| t.span.start);
    Cow::Owned(toks)
}

/// `Editor: Budi Santoso`, `Pewarta: ...`: the capitalised words after a byline label.
fn label_people(text: &str, toks: &[Token], out: &mut Vec<M>) {
    for i in 0..toks.len().saturating_sub(2) {
        let label = toks[i].lower.as_str();
        if !matches!(
            label,
            "editor"
                | "pewarta"
                | "reporter"
                | "penulis"
                | "redaktur"
                | "penyunting"
                | "fotografer"
        ) || toks[i + 1].norm != ":"
        {
            continue;
        }
        let s = i + 2;
        let mut e = s;
        while e < toks.len()
            && e - s < 5
            && toks[e].kind == TokenKind::Word
            && toks[e].is_capitalised()
            && (e == s || !text[toks[e - 1].span.end..toks[e].span.start].contains('\n'))
        {
            e += 1;
        }
        if e > s {
            let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
            out.push(M::new(span, "PER", None, format!("label:{label}"), s));
        }
    }
}

/// `terduga teroris berikutnya bernama X`: a role up to five words before `bernama` in the
/// same clause names the person after it.
fn role_before_bernama(
    toks: &[Token],
    ms: &[M],
    dead: &[bool],
    tok: usize,
    ctx: &Context,
) -> Option<(usize, String)> {
    let b = tok.checked_sub(1)?;
    if toks[b].lower != "bernama" {
        return None;
    }
    let sent = ctx.sent_of.get(b).copied();
    let r = (0..ms.len()).rev().find(|&i| {
        !dead.get(i).copied().unwrap_or(false)
            && ms[i].kind != TITLE
            && ms[i].role_agent.is_some()
            && ms[i].tok < b
            && ms[i].tok + 6 >= b
            && ctx.sent_of.get(ms[i].tok).copied() == sent
            && !toks[ms[i].tok..b]
                .iter()
                .any(|t| t.kind == TokenKind::Punct && t.norm != "-")
    })?;
    Some((r, ms[r].code.clone()?))
}

/// An initials token (`H`, `IN`, `MK`): one to four capital letters.
fn is_initials(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && (1..=4).contains(&t.norm.len())
        && t.norm.bytes().all(|b| b.is_ascii_uppercase())
}

/// `pria berinisial H`, `tersangka berinisial AB`: a person named by initials (the newsroom
/// convention for suspects and private people). Coded like the role just before (`tersangka`),
/// else a civilian of the article's country. Later bare `H` tokens refer back (coreference).
///
/// Without `berinisial`, crime news names people by initials in two more ways: initials and
/// an age (`MSH (35)`, `TA (17), DAF (16) dan HAH (21)`), and initials right after a person
/// noun (`tersangka MSH`, `pelaku AG`). Such a token is a person only when no dictionary entry
/// covers it (`KPK`, `AS` stay institutions and countries).
fn initials(toks: &[Token], ms: &mut Vec<M>, ctx: &Context) {
    // (tok, code, role word) of the initials found so far.
    let mut found: Vec<(usize, Option<String>, Option<String>)> = Vec::new();
    for i in 0..toks.len().saturating_sub(1) {
        let (j, rule) = if matches!(toks[i].lower.as_str(), "inisial" | "berinisial")
            && is_initials(&toks[i + 1])
        {
            (i + 1, "pattern:berinisial")
        } else if is_initials(&toks[i + 1])
            && !NOT_INITIALS.contains(&toks[i + 1].norm.as_str())
            && (INITIALS_NOUNS.contains(&toks[i].lower.as_str()) && toks[i + 1].norm.len() >= 2
                || with_age(toks, i + 1))
        {
            (i + 1, "pattern:initials")
        } else {
            continue;
        };
        let t = &toks[j];
        // (An uncoded guess of the tagger on the same token gives way: `MSH` as ORG.)
        let guess = |m: &M| m.rule == "model:ner" && m.code.is_none() && m.span == t.span;
        if rule == "pattern:initials" && ms.iter().any(|m| m.span.overlaps(t.span) && !guess(m)) {
            continue;
        }
        ms.retain(|m| !guess(m));
        if ms
            .iter()
            .any(|m| m.span.overlaps(t.span) && m.kind == "PER")
        {
            continue;
        }
        let before = toks[j - 1].span.start;
        let role = if rule == "pattern:berinisial" {
            ms.iter()
                .rev()
                .find(|m| m.role_agent.is_some() && m.span.end <= before && m.tok + 4 >= j - 1)
        } else {
            // Only the noun right before, or before a comma (`Tersangka, TA (17)`): in
            // `Polisi menangkap YIK (31)` the police are not what YIK is.
            let end = if toks[j - 1].norm == "," && j >= 2 {
                toks[j - 2].span.end
            } else {
                toks[j - 1].span.end
            };
            ms.iter()
                .rev()
                .find(|m| m.role_agent.is_some() && m.span.end == end)
        };
        // (`TA (17), DAF (16) dan HAH (21)`: a list of initials shares the first one's role.)
        let listed = found.last().filter(|f| f.0 + 6 >= j && f.1.is_some());
        let (code, word) = match (role, listed) {
            (Some(r), _) => (r.code.clone(), r.role_word.clone()),
            (None, Some(f)) => (f.1.clone(), f.2.clone()),
            // (Initials with no person noun in a story about terrorism are suspects: militants,
            // per the guideline's `<nationality>UAF` for terror suspects.)
            (None, None) => {
                // (The noun before `berinisial`, or right before the initials.)
                let k = if rule == "pattern:berinisial" {
                    j - 1
                } else {
                    j
                };
                let plain = k.checked_sub(1).is_some_and(|p| {
                    let t = &toks[p];
                    let w = match t.enclitic {
                        Some(c) => t.lower.strip_suffix(c).unwrap_or(&t.lower),
                        None => &t.lower,
                    };
                    PLAIN_PERSON_NOUNS.contains(&w)
                });
                let role = if ctx.terror && !plain { "UAF" } else { "CVL" };
                (ctx.focus.as_ref().map(|c| format!("{c}{role}")), None)
            }
        };
        let mut m = M::new(t.span, "PER", code, rule.into(), j);
        m.role_word = word;
        found.push((j, m.code.clone(), m.role_word.clone()));
        ms.push(m);
    }
}

/// Person nouns after which a token of capitals is a person's initials (`tersangka MSH`).
const INITIALS_NOUNS: &[&str] = &[
    "tersangka",
    "pelaku",
    "terdakwa",
    "terpidana",
    "korban",
    "saksi",
    "pria",
    "wanita",
    "perempuan",
    "remaja",
    "bocah",
    "pemuda",
    "buronan",
    "pengemudi",
    "sopir",
    "istri",
    "suami",
];

/// Common abbreviations of groups and schools that follow person nouns (`pelaku UKM`,
/// `siswa SMP`, `seorang ABG`): never a person's initials.
const NOT_INITIALS: &[&str] = &[
    "UKM", "UMKM", "ABG", "PSK", "ODGJ", "TKI", "TKW", "WNI", "WNA", "PNS", "ASN", "LSM", "SD",
    "SMP", "SMA", "SMK", "PT", "CV", "RT", "RW", "TNI", "DPO",
];

/// Initials followed by an age in parentheses after a space (`MSH (35)`; not `QS(9)`).
fn with_age(toks: &[Token], j: usize) -> bool {
    let (Some(open), Some(age), Some(close)) = (toks.get(j + 1), toks.get(j + 2), toks.get(j + 3))
    else {
        return false;
    };
    open.norm == "("
        && close.norm == ")"
        && toks[j].span.end < open.span.start
        && (1..=2).contains(&age.norm.len())
        && age.norm.bytes().all(|b| b.is_ascii_digit())
}

/// Drop mentions overlapping an earlier (longer) one; `ms` is sorted by start, longest first.
fn dedup_overlaps(ms: &mut Vec<M>) {
    let mut until = 0;
    ms.retain(|m| {
        if m.span.start >= until {
            until = m.span.end;
            true
        } else {
            false
        }
    });
}

const PRONOUNS: &[&str] = &["ia", "dia", "beliau"];
/// Institutions named with a possessive `-nya` (`pemerintahnya`) and their agent (empty: the
/// country itself).
const NYA_INSTITUTIONS: &[(&str, &str)] = &[
    ("pemerintah", "GOV"),
    ("pemerintahan", "GOV"),
    ("kementerian", "GOV"),
    ("negara", ""),
    ("negeri", ""),
    ("militer", "MIL"),
    ("pasukan", "MIL"),
    ("tentara", "MIL"),
    ("angkatan", "MIL"),
    ("polisi", "COP"),
    ("kepolisian", "COP"),
    ("parlemen", "LEG"),
    ("rakyat", "CVL"),
    ("warga", "CVL"),
    ("penduduk", "CVL"),
];
/// Indonesian institutions whose names are common noun phrases any country's institution has.
const GENERIC_INSTITUTIONS: &[&str] = &[
    "mahkamah agung",
    "mahkamah konstitusi",
    "kejaksaan agung",
    "kejaksaan tinggi",
    "kejaksaan negeri",
    "kejaksaan",
    "pengadilan negeri",
    "pengadilan tinggi",
    "pengadilan militer",
    "jaksa agung muda",
    "angkatan darat",
    "angkatan laut",
    "angkatan udara",
    "marinir",
    "kementerian dalam negeri",
    "kementerian keuangan",
    "kementerian kesehatan",
    "kementerian sosial",
    "kementerian pertanian",
    "kementerian perdagangan",
    "kementerian perindustrian",
    "kementerian perhubungan",
    "kementerian pariwisata",
    "kementerian agama",
    "badan pusat statistik",
    "dewan perwakilan rakyat",
    "majelis permusyawaratan rakyat",
    "badan intelijen negara",
];

/// Heads of a definite description of an institution (`lembaga itu`, `institusi tersebut`).
const DEFINITE_INSTITUTIONS: &[&str] = &[
    "lembaga",
    "institusi",
    "instansi",
    "komisi",
    "badan",
    "korps",
    "organisasi",
    "yayasan",
];
/// Heads of a definite description of a person (`pria itu`, `perempuan tersebut`).
const DEFINITE_PEOPLE: &[&str] = &[
    "pria",
    "wanita",
    "perempuan",
    "lelaki",
    "laki-laki",
    "sosok",
];
const SHORT_NAME_STOP: &[&str] = &[
    "Presiden",
    "Menteri",
    "Ketua",
    "Wakil",
    "Kepala",
    "Pada",
    "Dalam",
    "Dari",
    "Untuk",
    "Dengan",
    "Bapak",
    "Ibu",
    "Pak",
    "Bu",
    "Sang",
    "Ia",
    "Dia",
    "Mereka",
    "Namun",
    "Selain",
    "Sementara",
];

/// Pronouns, definite descriptions, short names and repeated people: `refers_to` the antecedent.
fn coreference(toks: &[Token], ms: &mut Vec<M>, ctx: &Context, is_country: &dyn Fn(&str) -> bool) {
    // `Ade Komarudin (Akom)`, `Paripung Dhani Pasandi alias Ipung`: a name in parentheses or
    // after `alias` right after a person is that person.
    let alias_of = |ms: &[M], tok: usize| -> Option<usize> {
        let p = tok.checked_sub(1)?;
        if !(toks[p].norm == "(" || toks[p].lower == "alias") {
            return None;
        }
        let end = toks[p
            .checked_sub(1)
            .filter(|&q| toks[q].norm == ",")
            .unwrap_or(p)]
        .span
        .start;
        let a = ms.iter().position(|m| {
            m.kind == "PER" && m.span.end <= end && toks[p - 1].span.end == m.span.end
                || m.kind == "PER"
                    && m.span.end <= end
                    && p >= 2
                    && toks[p - 2].span.end == m.span.end
        })?;
        Some(root(ms, a))
    };
    for i in 0..ms.len() {
        if ms[i].kind != "PER" || ms[i].refers_to.is_some() || ms[i].role_agent.is_some() {
            continue;
        }
        if ms[i].person.is_some() || !ms[i].rule.starts_with("model:") {
            continue;
        }
        if let Some(r) = alias_of(ms, ms[i].tok).filter(|&r| r != i) {
            ms[i].refers_to = Some(r);
            ms[i].code = ms[r].code.clone();
            ms[i].rule = "coref:alias".into();
        }
    }
    // Repeated people and bare/definite roles.
    for i in 0..ms.len() {
        if ms[i].kind == "PER" && ms[i].person.is_some() {
            let p = ms[i].person;
            let len = ms[i].span.len();
            if let Some(a) = (0..i).find(|&a| ms[a].person == p && ms[a].span.len() >= len) {
                ms[i].refers_to = Some(root(ms, a));
            }
            continue;
        }
        // A model-found name whose words all belong to an earlier fuller name (`Novanto`
        // after `Setya Novanto`, `Marc Marquez` ... `Marquez`).
        if ms[i].kind == "PER" && ms[i].refers_to.is_none() && ms[i].rule.contains("model:") {
            let words: Vec<&str> = m_tokens(toks, &ms[i]).map(|t| t.norm.as_str()).collect();
            let ante = (0..i).rev().find(|&a| {
                ms[a].kind == "PER"
                    && ms[a].span.len() >= ms[i].span.len()
                    && (m_tokens(toks, &ms[a]).count() >= 2
                        // The same one-word name again (`Sukamta` ... `Sukamta`).
                        || m_tokens(toks, &ms[a]).map(|t| t.norm.as_str()).eq(words.iter().copied()))
                    && words
                        .iter()
                        .all(|w| m_tokens(toks, &ms[a]).any(|t| t.norm == *w))
            });
            // `Alex` after `Alexander Marwata`: a one-word short form of a known person's
            // first name (4+ letters) when no name has the word itself.
            let ante = ante.or_else(|| {
                let [w] = words.as_slice() else {
                    return None;
                };
                if w.chars().count() < 4 {
                    return None;
                }
                (0..i).rev().find(|&a| {
                    ms[a].kind == "PER"
                        && ms[a].person.is_some()
                        && m_tokens(toks, &ms[a]).count() >= 2
                        && m_tokens(toks, &ms[a])
                            .next()
                            .is_some_and(|f| f.norm.len() > w.len() && f.norm.starts_with(*w))
                })
            });
            if let Some(a) = ante {
                let r = root(ms, a);
                ms[i].refers_to = Some(r);
                // A later mention with a title (`kata Direktur X`) codes an uncoded first one.
                // A later title naming an office keeps it (`tersangka X` ... `Direktur X`):
                // `office_over_suspect` gives the chain that office.
                match ms[r].code.clone() {
                    Some(c)
                        if ms[i].code.as_deref().is_some_and(is_office)
                            && (c.ends_with("CRM") || c.ends_with("CVL")) => {}
                    Some(c) => ms[i].code = Some(c),
                    None => ms[r].code = ms[i].code.clone(),
                }
                ms[i].person = ms[r].person;
                if ms[i].rule.starts_with("model:") {
                    ms[i].rule = "coref:short-name".to_string();
                }
            }
            continue;
        }
        if ms[i].bare {
            let word = ms[i].role_word.clone();
            let agent = ms[i].role_agent.clone().unwrap_or_default();
            let same_role = |a: usize| {
                ms[a].kind == "PER" && ms[a].role_word.is_some() && ms[a].role_word == word
            };
            // A bare capitalised `Presiden` / `Wapres` in the home press is the home country's
            // holder when the article names one, even after a foreign host (`Presiden Jokowi
            // disambut Presiden Ashraf Ghani ... Presiden lalu ...`).
            let home_title = matches!(
                word.as_deref(),
                Some("presiden" | "wakil presiden" | "wapres")
            ) && toks.get(ms[i].tok).is_some_and(|t| t.is_capitalised());
            let home_holder = home_title
                .then(|| {
                    let home = ctx.home.as_deref()?;
                    (0..i).rev().find(|&a| {
                        same_role(a) && ms[a].code.as_deref().is_some_and(|c| c.starts_with(home))
                    })
                })
                .flatten();
            let ante = home_holder.or_else(|| (0..i).rev().find(|&a| same_role(a)));
            let ante = ante.or_else(|| {
                if !ms[i].definite || ms[i].kind != "PER" {
                    return None;
                }
                (0..i).rev().find(|&a| {
                    ms[a].kind == "PER"
                        && ms[a].code.as_deref().is_some_and(|c| c.ends_with(&agent))
                })
            });
            if let Some(a) = ante {
                let r = root(ms, a);
                ms[i].refers_to = Some(r);
                ms[i].code = ms[r].code.clone().or_else(|| ms[i].code.clone());
                if ms[i].kind == "PER" {
                    ms[i].rule = format!("{}+coref", ms[i].rule);
                }
            }
        }
    }
    // `perusahaan tersebut`, `partai itu`, `kepolisian setempat`: a bare institution role with
    // a definite word refers to the last named institution of the same kind in the last
    // three sentences (`PT Maju Jaya ... perusahaan tersebut` → its code).
    for i in 0..ms.len() {
        if !(ms[i].bare && ms[i].definite && ms[i].kind == "ORG" && ms[i].refers_to.is_none()) {
            continue;
        }
        let agent = ms[i].role_agent.clone().unwrap_or_default();
        let (_, agent) = split_agent(&agent);
        let here = ctx.sent_of.get(ms[i].tok).copied().unwrap_or(usize::MAX);
        let ante = (0..i).rev().find(|&a| {
            let s = ctx.sent_of.get(ms[a].tok).copied().unwrap_or(usize::MAX);
            ms[a].kind == "ORG"
                && !ms[a].bare
                && s <= here
                && here - s <= 3
                && ms[a].code.as_deref().is_some_and(|c| {
                    c.len() > 3
                        && (c.get(3..6) == Some(agent) || (agent == "BUS" && c.starts_with("MNC")))
                })
        });
        if let Some(a) = ante {
            let r = root(ms, a);
            ms[i].refers_to = Some(r);
            ms[i].code = ms[r].code.clone();
            ms[i].rule = format!("{}+coref", ms[i].rule);
        }
    }
    // Codes found late (a title on a later mention) reach the whole chain.
    for i in 0..ms.len() {
        if let Some(r) = ms[i].refers_to {
            if ms[i].code.is_none() && ms[i].kind == "PER" {
                ms[i].code = ms.get(r).and_then(|m| m.code.clone());
            }
        }
    }
    // New mentions: pronouns, `negara tersebut`, short names.
    let covered = |ms: &[M], s: Span| ms.iter().any(|m| m.span.overlaps(s));
    let mut extra: Vec<M> = Vec::new();
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for (ti, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let lower = t.lower.as_str();
        let before = |ms: &[M], f: &dyn Fn(&M) -> bool| -> Option<usize> {
            let mut best = None;
            for (a, m) in ms.iter().enumerate() {
                if m.span.start >= t.span.start {
                    break;
                }
                if f(m) {
                    best = Some(a);
                }
            }
            best
        };
        if PRONOUNS.contains(&lower) {
            // A named person within the last three sentences, else a role noun (`korban`)
            // in this or the previous sentence.
            let here = ctx.sent_of.get(ti).copied().unwrap_or(usize::MAX);
            let near = |m: &M, d: usize| {
                let s = ctx.sent_of.get(m.tok).copied().unwrap_or(usize::MAX);
                s <= here && here.saturating_sub(s) <= d
            };
            let ante = before(ms, &|m: &M| {
                m.kind == "PER" && m.role_agent.is_none() && near(m, 3)
            })
            .or_else(|| before(ms, &|m: &M| m.kind == "PER" && near(m, 1)));
            if let Some(a) = ante {
                let r = root(ms, a);
                let mut m = M::new(
                    t.span,
                    "PRON",
                    ms[r].code.clone(),
                    "coref:pronoun".into(),
                    ti,
                );
                m.refers_to = Some(r);
                extra.push(m);
            }
            continue;
        }
        if t.enclitic == Some("nya") {
            // `pemerintahnya`, `negaranya`, `pasukannya`: the institution of the party named
            // last before it in the sentence (else the previous one): `Juru bicara Kemlu China
            // X menegaskan, pemerintahnya ...` → CHNGOV.
            let base = &lower[..lower.len().saturating_sub(3)];
            if let Some(&(_, agent)) = NYA_INSTITUTIONS.iter().find(|(w, _)| *w == base) {
                let here = ctx.sent_of.get(ti).copied().unwrap_or(usize::MAX);
                let party = |m: &M, d: usize| {
                    let s = ctx.sent_of.get(m.tok).copied().unwrap_or(usize::MAX);
                    matches!(m.kind, "PER" | "ORG" | "PRON")
                        && s <= here
                        && here - s <= d
                        && m.code.as_deref().is_some_and(|c| {
                            c.len() >= 3 && c.is_char_boundary(3) && is_country(&c[..3])
                        })
                };
                let ante =
                    before(ms, &|m: &M| party(m, 0)).or_else(|| before(ms, &|m: &M| party(m, 1)));
                if let Some(a) = ante {
                    let c = ms[a].code.as_deref().unwrap_or("");
                    let iso = &c[..3];
                    let (kind, code) = if agent.is_empty() {
                        ("LOC", iso.to_string())
                    } else {
                        ("ORG", format!("{iso}{agent}"))
                    };
                    let mut m = M::new(t.span, kind, Some(code), "coref:possessive".into(), ti);
                    m.refers_to = None;
                    extra.push(m);
                }
                continue;
            }
        }
        if matches!(
            lower,
            "kelompok" | "sel" | "jaringan" | "faksi" | "organisasi" | "milisi"
        ) && toks
            .get(ti + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "tersebut" | "itu"))
            && !covered(ms, t.span)
        {
            // `kelompok tersebut`, `sel itu`: the last non-state group named in the last three
            // sentences (one whose name has the same head word first: `sel teror` ... `sel itu`).
            let group = |m: &M| {
                m.code.as_deref().is_some_and(|c| {
                    c.starts_with("IMG")
                        || ["UAF", "REB", "REF", "OPP", "RAD", "SEP", "INS"]
                            .iter()
                            .any(|a| c.ends_with(a))
                })
            };
            extra.extend(definite_reference(toks, ms, ctx, ti, &group));
            continue;
        }
        let next_definite = toks
            .get(ti + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "tersebut" | "itu"));
        if DEFINITE_INSTITUTIONS.contains(&lower) && next_definite && !covered(ms, t.span) {
            // `lembaga itu`, `institusi tersebut`, `komisi itu`: the last state institution or
            // organisation named in the last three sentences (one whose name starts with the
            // same word first: `Komisi Pemberantasan Korupsi` ... `komisi itu`).
            let inst = |m: &M| m.kind == "ORG" && m.code.as_deref().is_some_and(|c| c.len() > 3);
            extra.extend(definite_reference(toks, ms, ctx, ti, &inst));
            continue;
        }
        let bersangkutan =
            lower == "yang" && toks.get(ti + 1).is_some_and(|n| n.lower == "bersangkutan");
        if (bersangkutan || (DEFINITE_PEOPLE.contains(&lower) && next_definite))
            && !covered(ms, t.span)
        {
            // `yang bersangkutan`, `pria itu`, `perempuan tersebut`: the last person named in
            // this or the two sentences before.
            let here = ctx.sent_of.get(ti).copied().unwrap_or(usize::MAX);
            let ante = before(ms, &|m: &M| {
                let s = ctx.sent_of.get(m.tok).copied().unwrap_or(usize::MAX);
                m.kind == "PER" && !m.bare && s <= here && here - s <= 2
            });
            if let Some(a) = ante {
                let r = root(ms, a);
                let span = t.span.cover(toks[ti + 1].span);
                let mut m = M::new(span, "PER", ms[r].code.clone(), "coref:definite".into(), ti);
                m.refers_to = Some(r);
                m.person = ms[r].person;
                extra.push(m);
            }
            continue;
        }
        if matches!(lower, "negara" | "negeri")
            && toks
                .get(ti + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "tersebut" | "itu"))
            && !covered(ms, t.span)
        {
            if let Some(a) = before(ms, &|m: &M| {
                m.kind == "LOC" && m.code.as_deref().is_some_and(|c| c.len() == 3)
            }) {
                let r = root(ms, a);
                let span = t.span.cover(toks[ti + 1].span);
                let mut m = M::new(span, "LOC", ms[r].code.clone(), "coref:definite".into(), ti);
                m.refers_to = Some(r);
                m.place = ms[r].place.clone();
                extra.push(m);
            }
            continue;
        }
        if t.is_capitalised()
            && !covered(ms, t.span)
            && !extra.iter().any(|m: &M| m.span.overlaps(t.span))
        {
            let again = aliases.iter().find(|(w, _)| *w == t.norm).map(|&(_, r)| r);
            if let Some(r) = again.or_else(|| {
                (ti > 0 && toks[ti - 1].lower == "alias")
                    .then(|| alias_of(ms, ti))
                    .flatten()
            }) {
                let mut m = M::new(t.span, "PER", ms[r].code.clone(), "coref:alias".into(), ti);
                m.refers_to = Some(r);
                m.person = ms[r].person;
                extra.push(m);
                if again.is_none() {
                    aliases.push((t.norm.clone(), r));
                }
                continue;
            }
        }
        if is_initials(t) && !covered(ms, t.span) {
            // `H` again after `pria berinisial H`.
            let a = before(ms, &|m: &M| {
                matches!(m.rule.as_str(), "pattern:berinisial" | "pattern:initials")
                    && toks.get(m.tok).is_some_and(|x| x.norm == t.norm)
            });
            if let Some(a) = a {
                let mut m = M::new(
                    t.span,
                    "PER",
                    ms[a].code.clone(),
                    "coref:initials".into(),
                    ti,
                );
                m.refers_to = Some(a);
                extra.push(m);
                continue;
            }
        }
        if t.is_capitalised()
            && t.norm.chars().count() >= 3
            && !SHORT_NAME_STOP.contains(&t.norm.as_str())
            && !covered(ms, t.span)
        {
            let a = before(ms, &|m: &M| {
                m.kind == "PER"
                    && m.refers_to.is_none()
                    && m.span.len() > t.span.len()
                    && m_tokens(toks, m).any(|x| x.norm == t.norm)
                    && m_tokens(toks, m).count() >= 2
            });
            if let Some(a) = a {
                let mut m = M::new(
                    t.span,
                    "PER",
                    ms[a].code.clone(),
                    "coref:short-name".into(),
                    ti,
                );
                m.refers_to = Some(a);
                m.person = ms[a].person;
                m.role_word = ms[a].role_word.clone();
                extra.push(m);
            }
        }
    }
    if extra.is_empty() {
        return;
    }
    // Merge and renumber refers_to.
    let old: Vec<Span> = ms.iter().map(|m| m.span).collect();
    ms.extend(extra);
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| (ms[i].span.start, std::cmp::Reverse(ms[i].span.end)));
    let mut new_index = vec![0; ms.len()];
    for (n, &o) in order.iter().enumerate() {
        new_index[o] = n;
    }
    let _ = old;
    let mut sorted: Vec<M> = order.iter().map(|&o| ms[o].clone()).collect();
    for m in &mut sorted {
        m.refers_to = m.refers_to.map(|r| new_index[r]);
    }
    *ms = sorted;
    // Pronouns were resolved against mentions before the new short names were added; a
    // pronoun whose nearest PER is now a short name still refers to that name's root.
}

/// Generic members of an institution (`penyidik`, `petugas`, `aparat`) and the agents of the
/// named institutions they belong to: the role word, then the agents an antecedent may have.
const MEMBER_NOUNS: &[(&str, &[&str])] = &[
    ("penyidik", &["JUD", "COP"]),
    ("tim penyidik", &["JUD", "COP"]),
    ("penyelidik", &["JUD", "COP"]),
    ("tim penyelidik", &["JUD", "COP"]),
    ("petugas", &["COP", "JUD", "MIL"]),
    ("aparat", &["COP", "MIL"]),
    ("aparat keamanan", &["COP", "MIL"]),
    ("aparat penegak hukum", &["COP", "JUD"]),
    ("penegak hukum", &["COP", "JUD"]),
];

/// `penyidik` in a story about KPK is KPK's (IDNJUD), in a police story the police's (IDNCOP):
/// a bare member noun (no country, name or institution of its own) takes the code of the
/// institution of a fitting agent named last before it in the article (else the first one
/// after it), of the same country. The rule records the antecedent's rule and byte offset
/// (`roles.tsv:26+context:actors.tsv:114@312`).
fn member_context(ms: &mut [M]) {
    for i in 0..ms.len() {
        if !ms[i].bare || ms[i].kind != "PER" && ms[i].kind != "ORG" {
            continue;
        }
        let Some(word) = ms[i].role_word.as_deref() else {
            continue;
        };
        let Some(&(_, agents)) = MEMBER_NOUNS.iter().find(|(w, _)| *w == word) else {
            continue;
        };
        let Some(own) = ms[i].code.clone() else {
            continue;
        };
        let iso = own.get(..3).unwrap_or("");
        let fits = |m: &M| {
            !m.bare
                && m.refers_to.is_none()
                && (m.kind == "ORG" || m.kind == "PER" && m.person.is_some())
                && !m.rule.starts_with("coref")
                && m.code.as_deref().is_some_and(|c| {
                    c.len() == 6 && c.starts_with(iso) && agents.contains(&&c[3..])
                })
        };
        let ante = (0..i)
            .rev()
            .find(|&a| fits(&ms[a]))
            .or_else(|| (i + 1..ms.len()).find(|&a| fits(&ms[a])));
        if let Some(a) = ante {
            let code = ms[a].code.clone();
            if code.as_deref() != Some(own.as_str()) {
                ms[i].rule = format!("{}+context:{}@{}", ms[i].rule, ms[a].rule, ms[a].span.start);
                ms[i].code = code;
            }
        }
    }
}

/// Titles of someone acting for a client: a known name after them is the client's.
const CLIENT_TITLES: &[&str] = &[
    "pengacara",
    "kuasa hukum",
    "penasihat hukum",
    "advokat",
    "tim kuasa hukum",
];

/// Agents of an office or occupation (not a legal status like CRM, not a default like CVL).
const OFFICE_AGENTS: &[&str] = &[
    "GOV", "LEG", "JUD", "COP", "MIL", "BUS", "PTY", "OPP", "MED", "EDU", "REL", "HLH", "SPY",
    "NGO", "LAB",
];

fn is_office(code: &str) -> bool {
    code.len() == 6 && OFFICE_AGENTS.contains(&&code[3..])
}

/// Words between a name and an office in apposition: `X yang merupakan Irjen ...`,
/// `X selaku Direktur ...`, `X yang juga menjabat sebagai Ketua ...`.
const APPOSITION_WORDS: &[&str] = &[
    "yang",
    "merupakan",
    "menjabat",
    "juga",
    "kini",
    "saat",
    "ini",
    "selaku",
    "sebagai",
    "adalah",
];

/// A person is coded by office, not by legal status: a suspect or defendant (`tersangka X`,
/// CRM) or an untitled name (`+focus` CVL) whose chain also names an office, on a later
/// titled mention (`Direktur Utama X`) or in apposition (`X yang merupakan Irjen Kemendes`,
/// `X selaku pengacara`), takes the office's code (rule `+office:<line>`). Known people keep
/// their dated offices.
fn office_over_suspect(toks: &[Token], ms: &mut [M]) {
    let mut office: Vec<Option<(String, String)>> = vec![None; ms.len()];
    for i in 0..ms.len() {
        if ms[i].kind != "PER" || ms[i].role_agent.is_some() {
            continue;
        }
        let r = root(ms, i);
        if office[r].is_some() {
            continue;
        }
        if ms[i].code.as_deref().is_some_and(is_office)
            && ms[i].rule.starts_with("roles.tsv")
            && !ms[i].rule.contains("coref")
        {
            office[r] = Some((ms[i].code.clone().unwrap_or_default(), ms[i].rule.clone()));
            continue;
        }
        // The office in apposition after the name.
        let end = toks.partition_point(|t| t.span.end <= ms[i].span.end);
        let mut k = end;
        if toks.get(k).is_some_and(|t| t.norm == ",") {
            k += 1;
        }
        let comma = k > end;
        let words_from = k;
        while k < toks.len()
            && k - words_from < 5
            && APPOSITION_WORDS.contains(&toks[k].lower.as_str())
        {
            k += 1;
        }
        if !comma && k == words_from {
            continue;
        }
        let Some(start) = toks.get(k).map(|t| t.span.start) else {
            continue;
        };
        if let Some(role) = ms.iter().find(|m| {
            m.span.start == start
                && m.role_agent.is_some()
                && m.code.as_deref().is_some_and(is_office)
        }) {
            office[r] = Some((role.code.clone().unwrap_or_default(), role.rule.clone()));
        }
    }
    for i in 0..ms.len() {
        if !matches!(ms[i].kind, "PER" | "PRON") || ms[i].role_agent.is_some() {
            continue;
        }
        let r = root(ms, i);
        let Some((code, rule)) = office[r].clone() else {
            continue;
        };
        if ms[r].person.is_some() && ms[r].rule.starts_with("people.tsv") {
            continue;
        }
        let suspect = ms[i].code.as_deref().is_none_or(|c| {
            c.ends_with("CRM") || c.ends_with("CVL") && ms[i].rule.contains("focus")
        });
        let copied = ms[i].code.as_deref().is_some_and(|c| c.ends_with("CVL"))
            && ms[r].code.as_deref().is_some_and(|c| c.ends_with("CVL"))
            && ms[r].rule.contains("focus");
        if suspect || copied {
            ms[i].code = Some(code);
            ms[i].rule = format!("{}+office:{}", ms[i].rule, rule);
        }
    }
}

/// `PT Bumi Serpong Damai Tbk`, `PT Duta Paramindo Sejahtera`: `PT` (an Indonesian limited
/// company) and the capitalised words after it, with a trailing `Tbk`/`(Persero)`, is an
/// Indonesian business (IDNBUS, rule `pattern:company`) unless a dictionary entry or the model
/// already starts an organisation there; places inside it are part of the name.
fn companies(toks: &[Token], ms: &mut Vec<M>) {
    let mut i = 0;
    while i + 1 < toks.len() {
        let t = &toks[i];
        if !(t.norm == "PT" || t.norm == "PT.") || !toks[i + 1].is_capitalised() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && toks[end].kind == TokenKind::Word
            && toks[end].is_capitalised()
            && end - i <= 6
            && !ms
                .iter()
                .any(|m| m.kind == "PER" && m.span.start == toks[end].span.start)
        {
            end += 1;
        }
        if toks.get(end).is_some_and(|t| t.norm == "(")
            && toks.get(end + 1).is_some_and(|t| t.lower == "persero")
            && toks.get(end + 2).is_some_and(|t| t.norm == ")")
        {
            end += 3;
        }
        let span = Span::new(t.span.start, toks[end - 1].span.end);
        let started = ms
            .iter()
            .any(|m| m.span.start == span.start && m.kind == "ORG" && m.code.is_some());
        if !started {
            ms.retain(|m| !(span.contains(m.span) && m.kind != "PER"));
            ms.retain(|m| !(m.span.start == span.start && m.kind == "ORG"));
            ms.push(M::new(
                span,
                "ORG",
                Some("IDNBUS".into()),
                "pattern:company".into(),
                i,
            ));
        }
        i = end;
    }
}

/// Company designators: an organisation the model finds that starts or ends with one is a
/// business (`PT Windhu Tunggal`, `Bumi Serpong Damai Tbk`).
const COMPANY_WORDS: &[&str] = &[
    "pt", "pt.", "cv", "cv.", "tbk", "tbk.", "persero", "ltd", "inc",
];

/// Codes for what the dictionaries and coreference left uncoded: a named person with no title
/// anywhere in its chain is a private person of the article's focus country (`<focus>CVL`,
/// rule `+focus`); an organisation named as a company (`PT ...`, `... Tbk`) is a business of
/// the focus country. Mentions that refer to an uncoded antecedent take its new code.
fn default_codes(toks: &[Token], ms: &mut [M], ctx: &Context) {
    let Some(focus) = ctx.focus.as_deref() else {
        return;
    };
    if ctx.home.as_deref() != Some(focus) {
        return;
    }
    for m in ms.iter_mut() {
        // Bylines (`label:editor`) are no actors of the story.
        if m.code.is_some() || m.refers_to.is_some() || m.rule.starts_with("label:") {
            continue;
        }
        let agent = match m.kind {
            "PER" => "CVL",
            "ORG" => {
                let words: Vec<&str> = m_tokens(toks, m)
                    .filter(|t| t.is_word())
                    .map(|t| t.lower.as_str())
                    .collect();
                let company = words.first().is_some_and(|w| COMPANY_WORDS.contains(w))
                    || words.last().is_some_and(|w| COMPANY_WORDS.contains(w));
                if !company {
                    continue;
                }
                "BUS"
            }
            _ => continue,
        };
        m.code = Some(format!("{focus}{agent}"));
        m.rule = format!("{}+focus", m.rule);
    }
    for i in 0..ms.len() {
        if ms[i].code.is_none() && ms[i].refers_to.is_some() {
            let r = root(ms, i);
            ms[i].code = ms[r].code.clone();
        }
    }
}

fn m_tokens<'a>(toks: &'a [Token], m: &'a M) -> impl Iterator<Item = &'a Token> + 'a {
    toks[m.tok..]
        .iter()
        .take_while(move |t| t.span.end <= m.span.end)
}

/// `<noun> itu/tersebut` at token `ti`: a mention referring to the last mention before it, within
/// the last three sentences, that `fits` (preferring one whose first word is the same noun).
fn definite_reference(
    toks: &[Token],
    ms: &[M],
    ctx: &Context,
    ti: usize,
    fits: &dyn Fn(&M) -> bool,
) -> Option<M> {
    let t = &toks[ti];
    let here = ctx.sent_of.get(ti).copied().unwrap_or(usize::MAX);
    let near = |m: &M| {
        let s = ctx.sent_of.get(m.tok).copied().unwrap_or(usize::MAX);
        m.span.start < t.span.start && s <= here && here - s <= 3 && fits(m)
    };
    let same_head = |m: &M| toks.get(m.tok).is_some_and(|x| x.lower == t.lower);
    let ante = ms
        .iter()
        .rposition(|m| near(m) && same_head(m))
        .or_else(|| ms.iter().rposition(near))?;
    let r = root(ms, ante);
    let span = t.span.cover(toks[ti + 1].span);
    let mut m = M::new(span, "ORG", ms[r].code.clone(), "coref:definite".into(), ti);
    m.refers_to = Some(r);
    Some(m)
}

fn root(ms: &[M], mut a: usize) -> usize {
    let mut guard = 0;
    while let Some(r) = ms[a].refers_to {
        if r == a || guard > 8 {
            break;
        }
        a = r;
        guard += 1;
    }
    a
}

#[cfg(test)]
mod tests;
