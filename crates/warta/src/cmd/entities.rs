//! Commands of the entities stage: train ner, eval ner, build-data countries/places.
use super::CmdResult;

/// `warta eval ner`: per-type and micro P/R/F1 (CoNLL exact spans) on BIO gold files.
#[derive(clap::Args)]
pub struct EvalNerArgs {
    /// Gold files (CoNLL/BIO: word first, tag last, tab or space separated, blank line between
    /// sentences; B-/I-/E-/S- or IO tags; dataset labels mapped to PER/ORG/LOC).
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<std::path::PathBuf>,
    /// Model file to evaluate instead of the embedded one.
    #[arg(long)]
    pub model: Option<std::path::PathBuf>,
    /// Decoder to use instead of the model's default (greedy or viterbi).
    #[arg(long)]
    pub decoder: Option<String>,
    /// Annotation convention of the model to score with (see `train ner --conventions`).
    /// Default: the gold file's dataset (its name up to the first `.`) when the model has that
    /// convention, else the model's default. The default convention is always scored too.
    #[arg(long)]
    pub convention: Option<String>,
    /// Also measure tagging speed (tokens/s on one core) against a tokenisation baseline.
    #[arg(long)]
    pub bench: bool,
    /// Write every sentence with a missed or spurious entity to this file (`-` gold only,
    /// `+` predicted only).
    #[arg(long)]
    pub errors: Option<std::path::PathBuf>,
    /// Decoding bias: subtract this from the outside label's score at every token (more
    /// entities, recall for precision), in every convention scored.
    #[arg(long, default_value_t = 0.0)]
    pub o_bias: f32,
}
/// `warta train ner`: train the averaged-perceptron NER model on BIO training files.
#[derive(clap::Args)]
pub struct TrainNerArgs {
    /// Training files (same formats as `eval ner --gold`).
    #[arg(long, required = true, num_args = 1..)]
    pub train: Vec<std::path::PathBuf>,
    /// Instead of training: build the word-cluster table from this news JSON Lines file (field
    /// `text`) plus the words of the training files, write it to `--clusters-out`, and stop.
    /// Rebuild warta afterwards (the table is compiled in) and then train.
    #[arg(long)]
    pub build_clusters: Option<std::path::PathBuf>,
    #[arg(long, default_value = "crates/warta-entities/model/ner-clusters.tsv")]
    pub clusters_out: std::path::PathBuf,
    /// With --build-clusters: more unlabelled text, CoNLL-style files (word in the first
    /// column) or UD `.conllu` files (the FORM column); only the words are read.
    #[arg(long, num_args = 1..)]
    pub cluster_text: Vec<std::path::PathBuf>,
    /// With --build-clusters: words clustered, context words, fine and coarse cluster counts.
    #[arg(long, default_value_t = 25_000)]
    pub cluster_vocab: usize,
    #[arg(long, default_value_t = 800)]
    pub cluster_contexts: usize,
    #[arg(long, default_value_t = 320)]
    pub cluster_fine: usize,
    #[arg(long, default_value_t = 40)]
    pub cluster_coarse: usize,
    /// With --build-clusters: Brown-style clusters (class-bigram likelihood, exchange
    /// algorithm, then a merge tree; `src/ner/brown.rs`) instead of PPMI k-means, with
    /// `--cluster-fine` classes; the fine column is the word's bit string, the coarse column
    /// its first this many bits (0 = k-means).
    #[arg(long, default_value_t = 0)]
    pub cluster_brown: usize,
    /// Instead of training: build the gazetteer word-class table from the entity gazetteers in
    /// this directory (places.tsv.gz, countries.tsv, country-aliases.tsv, exonyms.tsv,
    /// people.tsv, actors.tsv), write it to `--gazetteer-out`, and stop. Rebuild, then train.
    #[arg(long)]
    pub build_gazetteer: Option<std::path::PathBuf>,
    /// With --build-gazetteer: also the people of these TABARI actor dictionaries (e.g.
    /// Phoenix.Countries.actors.txt, MIT): entries generated from CountryInfo (marked
    /// `# CountryInfo.txt`: heads of state and government, ministers of every country) give
    /// PER names, so that foreign given names and surnames get the PER class.
    #[arg(long, num_args = 1..)]
    pub gazetteer_people: Vec<std::path::PathBuf>,
    /// Instead of training: re-pack this model file with the `--conventions` listed (the first
    /// becomes the default), e.g. to change the pipeline's default or drop a convention.
    #[arg(long)]
    pub rebundle: Option<std::path::PathBuf>,
    /// With --rebundle: average each convention with the same convention of these model files
    /// (trained with other seeds or settings but the same features): a bagged ensemble.
    #[arg(long, num_args = 1..)]
    pub average: Vec<std::path::PathBuf>,
    /// With --average: rescale each model to the RMS weight of the first one before averaging,
    /// so that models of different learners (perceptron, CRF: weights of very different sizes)
    /// count alike.
    #[arg(long)]
    pub normalize: bool,
    /// With --average: the share of each model (the --rebundle file first, then the --average
    /// files in order); default equal shares.
    #[arg(long, num_args = 1..)]
    pub shares: Vec<f32>,
    /// In the model file, conventions after the first are stored as differences from it; rows
    /// whose largest absolute difference is below this are dropped (smaller file).
    #[arg(long, default_value_t = 1.0)]
    pub delta_prune: f32,
    #[arg(long, default_value = "crates/warta-entities/model/ner-gazetteer.tsv")]
    pub gazetteer_out: std::path::PathBuf,
    /// Instead of training: build the character n-gram table of the `ner-15` name-likeness
    /// features (`src/ner/namelike.rs`) from the gazetteers in this directory (PER: people.tsv;
    /// LOC: places.tsv.gz, countries.tsv, country-aliases.tsv, exonyms.tsv; ORG: actors.tsv)
    /// plus `--namelike-people`, `--namelike-orgs` and the ordinary words of `--namelike-text`,
    /// write it to `--namelike-out`, and stop. No NER training span is read.
    #[arg(long)]
    pub build_namelike: Option<std::path::PathBuf>,
    /// With --build-namelike: TABARI actor dictionaries whose CountryInfo people are PER names
    /// (e.g. Phoenix.Countries.actors.txt, MIT).
    #[arg(long, num_args = 1..)]
    pub namelike_people: Vec<std::path::PathBuf>,
    /// With --build-namelike: TABARI actor dictionaries of organisations (e.g.
    /// Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt, MIT): their undated
    /// entries and synonyms are ORG names.
    #[arg(long, num_args = 1..)]
    pub namelike_orgs: Vec<std::path::PathBuf>,
    /// With --build-namelike: news JSON Lines (field `text`) whose lower-case words (seen at
    /// least twice, never capitalised mid-sentence) train the ordinary-word model.
    #[arg(long, num_args = 1..)]
    pub namelike_text: Vec<std::path::PathBuf>,
    /// With --build-namelike: word lists (one word a line, e.g. /usr/share/dict/american-english
    /// from the Debian package wamerican, SCOWL, permissive licence) whose all-lower-case words
    /// join the ordinary-word model (foreign common words, titles of works).
    #[arg(long, num_args = 1..)]
    pub namelike_common: Vec<std::path::PathBuf>,
    /// With --build-namelike: word lists (e.g. /usr/share/dict/american-english-insane from the
    /// Debian package wamerican-insane, SCOWL, permissive licence) whose capitalised words
    /// (`Xxxx`: given names, surnames, places) join the PER model.
    #[arg(long, num_args = 1..)]
    pub namelike_names: Vec<std::path::PathBuf>,
    /// With --build-namelike: grams of order >= 3 seen fewer times (over all classes) are dropped.
    #[arg(long, default_value_t = 4)]
    pub namelike_min: u32,
    /// With --build-namelike: Dirichlet prior strength of the back-off (recorded in the table).
    #[arg(long, default_value_t = 3.0)]
    pub namelike_beta: f64,
    /// With --build-namelike: longest character n-gram (at most 8).
    #[arg(long, default_value_t = 5)]
    pub namelike_order: usize,
    #[arg(long, default_value = "crates/warta-entities/model/ner-namelike.tsv")]
    pub namelike_out: std::path::PathBuf,
    /// Instead of training: write the entity lexicon (which lower-cased word sequences the
    /// training files tag PER/ORG/LOC how often; counts only) to `--entities-out`, and stop.
    /// Rebuild, then train with `WARTA_NER_FEATURES=ner-10`.
    #[arg(long)]
    pub build_entities: bool,
    #[arg(long, default_value = "crates/warta-entities/model/ner-entities.tsv")]
    pub entities_out: std::path::PathBuf,
    /// Entity-lexicon features (`ner-10`): training sentences see a lexicon without their
    /// own block of the training file, one of this many blocks (jackknife).
    #[arg(long, default_value_t = 10)]
    pub jackknife: usize,
    /// Stacked models (`WARTA_NER_FEATURES=ner-17` / `ner-1617`): the first pass's labels of
    /// the training sentences come from this many jackknife folds (each tagged by a model
    /// trained on the others).
    #[arg(long, default_value_t = 5)]
    pub stack_folds: usize,
    /// Stacked models: epochs of every first-pass model (the fold models and the full one).
    #[arg(long, default_value_t = 12)]
    pub stack_epochs: usize,
    /// Stacked models: keep the jackknifed labels (this file) and the full first-pass model
    /// (this file + `.bin`) here, and reuse them when they match the seed, folds and epochs.
    #[arg(long)]
    pub stack_cache: Option<std::path::PathBuf>,
    /// Dev files: micro F1 printed after every epoch (never trained on).
    #[arg(long, num_args = 1..)]
    pub dev: Vec<std::path::PathBuf>,
    /// Output model file.
    #[arg(short, long, default_value = "crates/warta-entities/model/ner.bin")]
    pub output: std::path::PathBuf,
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Instance weighting: `NAME=K` puts dataset NAME's training sentences K times into each
    /// epoch (e.g. a small corpus whose conventions need more weight).
    #[arg(long, num_args = 1..)]
    pub repeat: Vec<String>,
    /// Early stopping per convention: a convention named after a dev file's dataset takes the
    /// epoch whose model, specialised to it, scores best on that dev file.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub per_convention_stopping: bool,
    /// With dev files, the written model is the epoch (from this one on) with the best mean
    /// own-convention dev micro F1 (early stopping).
    #[arg(long, default_value_t = 4)]
    pub min_epochs: usize,
    /// greedy or viterbi.
    #[arg(long, default_value = "viterbi")]
    pub decoder: String,
    /// Label scheme: bio (B-/I-) or bilou (B-/I-/L-/U-: last and unit-length tokens apart).
    #[arg(long, default_value = "bio")]
    pub scheme: String,
    /// Word dropout: each training sentence also goes in a second time with this share of
    /// its tokens stripped of their word-identity features (0 = off; e.g. 0.3).
    #[arg(long, default_value_t = 0.0)]
    pub word_dropout: f32,
    /// Ignore features seen fewer times than this.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,
    /// Drop averaged weights below this absolute value.
    #[arg(long, default_value_t = 0.01)]
    pub prune: f32,
    /// Bits of each feature key kept in the model file.
    #[arg(long, default_value_t = 48)]
    pub key_bits: u8,
    /// Drop feature rows whose largest absolute averaged weight is below this (smaller, faster
    /// model; applied to the written model and to the dev figures; with --rebundle, a value
    /// above 1 re-prunes every convention of the packed model).
    #[arg(long, default_value_t = 1.0)]
    pub ship_prune: f32,
    /// A convention's own (domain) weights are multiplied by this on top of the shared ones
    /// (not for `blend`).
    #[arg(long, default_value_t = 1.0)]
    pub domain_scale: f32,
    /// Train a linear-chain CRF by AdaGrad with this base step instead of the perceptron (0).
    #[arg(long, default_value_t = 0.0)]
    pub crf_rate: f32,
    /// Train by passive-aggressive updates (1-best MIRA, PA-I) with this largest step instead
    /// of the perceptron's unit step (0 = perceptron).
    #[arg(long, default_value_t = 0.0)]
    pub pa_c: f32,
    /// Cost-augmented perceptron (Viterbi): wrong labels get this extra score while guessing.
    #[arg(long, default_value_t = 0.0)]
    pub margin: f32,
    /// Domain adaptation: features are doubled with copies conjoined with the training file's
    /// dataset (file name up to the first `.`), so each corpus keeps its own conventions.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub adapt: bool,
    /// The annotation conventions the written model carries, the first being its default (the
    /// one the pipeline uses). Each is a training dataset name (its domain weights on top of the
    /// shared ones), several names joined by `+` (their domain weights averaged), `blend` (all
    /// training datasets averaged) or `none` (shared weights only).
    #[arg(long, num_args = 1.., default_values_t = ["idner-news-2k".to_string(), "nerui".to_string(), "nerugm".to_string(), "nergrit".to_string(), "blend".to_string()])]
    pub conventions: Vec<String>,
}
/// `warta build-data countries`: CLDR territory names -> crates/warta-entities/data/countries.tsv.
#[derive(clap::Args)]
pub struct BuildCountriesArgs {
    /// CLDR territory table (alpha2, alpha3, name_id, name_en).
    #[arg(
        long,
        default_value = "../shared/data/lexicon/cldr-territories-id-en.tsv"
    )]
    pub cldr: std::path::PathBuf,
    /// Where to write the gazetteer.
    #[arg(long, default_value = "crates/warta-entities/data/countries.tsv")]
    pub out: std::path::PathBuf,
}
/// `warta build-data places`: GeoNames cities5000 -> crates/warta-entities/data/places.tsv.gz.
#[derive(clap::Args)]
pub struct BuildPlacesArgs {
    /// GeoNames cities table.
    #[arg(long, default_value = "../shared/data/lexicon/geonames-cities5000.tsv")]
    pub geonames: std::path::PathBuf,
    /// CLDR territory table (for alpha-2 to alpha-3 country codes).
    #[arg(
        long,
        default_value = "../shared/data/lexicon/cldr-territories-id-en.tsv"
    )]
    pub cldr: std::path::PathBuf,
    /// Keep places with at least this population (Indonesian places are all kept).
    #[arg(long, default_value_t = 15_000)]
    pub min_population: u64,
    /// Keep alternate names of places with at least this population.
    #[arg(long, default_value_t = 50_000)]
    pub alt_min_population: u64,
    /// Where to write the table.
    #[arg(long, default_value = "crates/warta-entities/data/places.tsv.gz")]
    pub out: std::path::PathBuf,
}

fn add_scores(
    acc: &mut warta_entities::ner::conll::Scores,
    s: &warta_entities::ner::conll::Scores,
) {
    for (acc, x) in acc.per_type.iter_mut().zip(s.per_type.iter()) {
        acc.0 += x.0;
        acc.1 += x.1;
        acc.2 += x.2;
    }
}
fn print_ner_scores(name: &str, s: &warta_entities::ner::conll::Scores) {
    use warta_entities::ner::conll::{Scores, TYPES};
    println!("{name}");
    println!(
        "  {:<6} {:>6} {:>6} {:>6} {:>6}",
        "type", "P", "R", "F1", "gold"
    );
    for (t, c) in TYPES.iter().zip(s.per_type.iter()) {
        let (p, r, f) = Scores::prf(*c);
        println!("  {t:<6} {p:>6.3} {r:>6.3} {f:>6.3} {:>6}", c.2);
    }
    let m = s.micro();
    let (p, r, f) = Scores::prf(m);
    println!("  {:<6} {p:>6.3} {r:>6.3} {f:>6.3} {:>6}", "micro", m.2);
}
pub fn eval_ner(a: EvalNerArgs) -> CmdResult {
    use anyhow::Context;
    use warta_entities::ner::{self, Ner};
    let file;
    let bytes: &[u8] = match &a.model {
        Some(p) => {
            file = std::fs::read(p).with_context(|| p.display().to_string())?;
            &file
        }
        None => ner::EMBEDDED_MODEL,
    };
    let convs = ner::conventions(bytes)?;
    let default = convs[0].clone();
    let load = |conv: &str| -> anyhow::Result<Ner> {
        let mut n = Ner::from_bytes_for(bytes, Some(conv)).context("loading the NER model")?;
        if let Some(d) = &a.decoder {
            let mut m = n.model().clone();
            m.set_decoder(warta_entities::ner::train::parse_decoder(d)?);
            n = Ner::from_model(m, conv)?;
        }
        if a.o_bias != 0.0 {
            let mut m = n.model().clone();
            if let Some(o) = m.label_id("O") {
                m.shift_label(o, -a.o_bias);
            }
            n = Ner::from_model(m, conv)?;
        }
        Ok(n)
    };
    let mut loaded: Vec<Ner> = vec![load(&default)?];
    println!(
        "model conventions: {} (default {default})",
        convs.join(", ")
    );
    let mut all = ner::conll::Scores::default();
    let mut all_default = ner::conll::Scores::default();
    for path in &a.gold {
        let name = path.display().to_string();
        let (conv, why) = match &a.convention {
            Some(c) => (c.clone(), "--convention"),
            None if convs.iter().any(|c| c == ner::domain_of(&name)) => (
                ner::domain_of(&name).to_string(),
                "inferred from the file name",
            ),
            None => (default.clone(), "the model's default"),
        };
        if !loaded.iter().any(|n| n.convention() == conv) {
            loaded.push(load(&conv)?);
        }
        let Some(ner) = loaded.iter().find(|n| n.convention() == conv) else {
            anyhow::bail!("convention {conv} did not load");
        };
        let gold = warta_entities::ner::train::read_gold(path)?;
        let s = ner.evaluate(&gold);
        add_scores(&mut all, &s);
        print_ner_scores(&format!("{name} (convention {conv}: {why})"), &s);
        let sd = if conv == default {
            s.clone()
        } else {
            let sd = loaded[0].evaluate(&gold);
            print_ner_scores(&format!("{name} (default convention {default})"), &sd);
            sd
        };
        add_scores(&mut all_default, &sd);
        if let Some(out) = &a.errors {
            use std::fmt::Write as _;
            let mut text = String::new();
            for g in &gold {
                let pred = ner.predict(g);
                if pred == g.chunks {
                    continue;
                }
                let show = |c: &(usize, usize, usize)| {
                    format!(
                        "{} {}",
                        warta_entities::ner::conll::TYPES[c.2],
                        g.words[c.0..c.1].join(" ")
                    )
                };
                let _ = writeln!(text, "# {}", g.words.join(" "));
                for c in g.chunks.iter().filter(|c| !pred.contains(c)) {
                    let _ = writeln!(text, "- {}", show(c));
                }
                for c in pred.iter().filter(|c| !g.chunks.contains(c)) {
                    let _ = writeln!(text, "+ {}", show(c));
                }
            }
            let name = format!(
                "{}.{}",
                out.display(),
                warta_entities::ner::domain_of(&path.display().to_string())
            );
            std::fs::write(&name, text).with_context(|| name.clone())?;
        }
        if a.bench {
            bench_ner(&loaded[0], &gold);
        }
    }
    if a.gold.len() > 1 {
        print_ner_scores("all files (conventions as above)", &all);
        print_ner_scores(
            &format!("all files (default convention {default})"),
            &all_default,
        );
    }
    Ok(std::process::ExitCode::SUCCESS)
}
/// On-CPU time of the calling thread (Linux `/proc/thread-self/schedstat`), so the figures
/// are per core even when other processes share the machine; wall-clock elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Time `f`: (on-CPU seconds if available else wall seconds, wall seconds).
fn timed(mut f: impl FnMut()) -> (f64, f64) {
    let c0 = thread_cpu_seconds();
    let t = std::time::Instant::now();
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    (cpu, wall)
}

/// Tokens/s of NER tagging (features + decoding) on one core, with a tokenisation baseline
/// (warta-text analysis of the same sentences joined by spaces) measured in the same run.
fn bench_ner(ner: &warta_entities::ner::Ner, gold: &[warta_entities::ner::conll::GoldSentence]) {
    use warta_entities::ner::features::Word;
    let texts: Vec<String> = gold.iter().map(|g| g.words.join(" ")).collect();
    let ntok: usize = gold.iter().map(|g| g.words.len()).sum();
    let lower: Vec<Vec<String>> = gold
        .iter()
        .map(|g| g.words.iter().map(|w| w.to_lowercase()).collect())
        .collect();
    let rounds = (2_000_000 / ntok.max(1)).clamp(1, 50);
    let mut s = warta_entities::ner::NerScratch::default();
    let mut words: Vec<Word<'_>> = Vec::new();
    let (mut found, mut toks, mut found_doc) = (0usize, 0usize, 0usize);
    let tag = timed(|| {
        for _ in 0..rounds {
            for (g, l) in gold.iter().zip(&lower) {
                words.clear();
                words.extend(g.words.iter().zip(l).map(|(w, l)| Word {
                    surface: w,
                    lower: l,
                }));
                found += ner.tag_words(&words, &mut s).len();
            }
        }
    });
    let tok = timed(|| {
        for _ in 0..rounds {
            for text in &texts {
                toks += warta_text::TextDoc::analyse(text, None).tokens.len();
            }
        }
    });
    let doc = timed(|| {
        for _ in 0..rounds {
            for text in &texts {
                let doc = warta_text::TextDoc::analyse(text, None);
                found_doc += ner.tag(&doc).len();
            }
        }
    });
    let n = (ntok * rounds) as f64;
    println!(
        "  bench: {rounds} rounds x {ntok} tokens, one thread, tokens per CPU-second (wall): \
         NER tag_words {:.0} ({:.0}); baseline TextDoc::analyse {:.0} ({:.0}); \
         analyse + Ner::tag {:.0} ({:.0}) [{found} / {toks} / {found_doc}]",
        n / tag.0,
        n / tag.1,
        n / tok.0,
        n / tok.1,
        n / doc.0,
        n / doc.1
    );
}
fn build_ner_gazetteer(dir: &std::path::Path, a: &TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    let tsv = warta_entities::ner::gazetteer::build_from_dir(dir, &a.gazetteer_people)?;
    std::fs::write(&a.gazetteer_out, &tsv)
        .with_context(|| a.gazetteer_out.display().to_string())?;
    eprintln!(
        "wrote {} ({} words); rebuild warta, then train",
        a.gazetteer_out.display(),
        tsv.lines().filter(|l| !l.starts_with('#')).count()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
fn build_ner_namelike(dir: &std::path::Path, a: &TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    use warta_entities::ner::namelike;
    let src = namelike::NamelikeSources {
        dir: dir.to_path_buf(),
        train: a.train.clone(),
        people: a.namelike_people.clone(),
        orgs: a.namelike_orgs.clone(),
        text: a.namelike_text.clone(),
        common: a.namelike_common.clone(),
        names: a.namelike_names.clone(),
        min_count: a.namelike_min,
        beta: a.namelike_beta,
        order: a.namelike_order,
        out_name: a.namelike_out.display().to_string(),
    };
    let (tsv, words) = namelike::build_from_sources(&src)?;
    std::fs::write(&a.namelike_out, &tsv).with_context(|| a.namelike_out.display().to_string())?;
    eprintln!(
        "wrote {} ({} grams, {} bytes; words PER {} LOC {} ORG {} COM {}); rebuild warta (or set WARTA_NER_NAMELIKE), then train with WARTA_NER_FEATURES=ner-15",
        a.namelike_out.display(),
        tsv.lines().filter(|l| !l.starts_with('#')).count(),
        tsv.len(),
        words[0],
        words[1],
        words[2],
        words[3]
    );
    Ok(std::process::ExitCode::SUCCESS)
}
fn build_ner_clusters(news: &std::path::Path, a: &TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    let t = std::time::Instant::now();
    let src = warta_entities::ner::clusters::ClusterSources {
        news: news.to_path_buf(),
        train: a.train.clone(),
        text: a.cluster_text.clone(),
        vocab: a.cluster_vocab,
        contexts: a.cluster_contexts,
        fine: a.cluster_fine,
        coarse: a.cluster_coarse,
        brown: a.cluster_brown,
    };
    let (tsv, sentences) = warta_entities::ner::clusters::build_from_sources(&src)?;
    std::fs::write(&a.clusters_out, &tsv).with_context(|| a.clusters_out.display().to_string())?;
    eprintln!(
        "wrote {} ({} words from {} sentences) in {:.0?}; rebuild warta, then train",
        a.clusters_out.display(),
        tsv.lines().filter(|l| !l.starts_with('#')).count(),
        sentences,
        t.elapsed()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn train_ner(a: TrainNerArgs) -> CmdResult {
    use anyhow::Context;
    use warta_entities::ner::train;
    warta_entities::ner::train::parse_decoder(&a.decoder)?;
    let t = std::time::Instant::now();
    if let Some(news) = &a.build_clusters {
        return build_ner_clusters(news, &a);
    }
    if let Some(dir) = &a.build_gazetteer {
        return build_ner_gazetteer(dir, &a);
    }
    if let Some(dir) = &a.build_namelike {
        return build_ner_namelike(dir, &a);
    }
    if let Some(from) = &a.rebundle {
        let out = train::rebundle(&train::RebundleConfig {
            from: from.clone(),
            conventions: a.conventions.clone(),
            average: a.average.clone(),
            normalize: a.normalize,
            shares: a.shares.clone(),
            ship_prune: a.ship_prune,
            delta_prune: a.delta_prune,
        })?;
        std::fs::write(&a.output, &out).with_context(|| a.output.display().to_string())?;
        eprintln!(
            "wrote {} ({} bytes, conventions {}, default {})",
            a.output.display(),
            out.len(),
            a.conventions.join(" "),
            a.conventions[0]
        );
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if a.build_entities {
        train::parse_scheme(&a.scheme)?;
        let (table, entries) = train::build_entities(&a.train)?;
        std::fs::write(&a.entities_out, &table)
            .with_context(|| a.entities_out.display().to_string())?;
        eprintln!("wrote {} ({entries} entries)", a.entities_out.display());
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let cfg = train::TrainConfig {
        train: a.train.clone(),
        dev: a.dev.clone(),
        epochs: a.epochs,
        seed: a.seed,
        repeat: a.repeat.clone(),
        per_convention_stopping: a.per_convention_stopping,
        min_epochs: a.min_epochs,
        decoder: a.decoder.clone(),
        scheme: a.scheme.clone(),
        word_dropout: a.word_dropout,
        min_count: a.min_count,
        prune: a.prune,
        key_bits: a.key_bits,
        ship_prune: a.ship_prune,
        domain_scale: a.domain_scale,
        crf_rate: a.crf_rate,
        pa_c: a.pa_c,
        margin: a.margin,
        adapt: a.adapt,
        conventions: a.conventions.clone(),
        delta_prune: a.delta_prune,
        jackknife: a.jackknife,
        stack_folds: a.stack_folds,
        stack_epochs: a.stack_epochs,
        stack_cache: a.stack_cache.clone(),
    };
    let trained = train::train(&cfg, |line| eprintln!("{line}"))?;
    if let Some((epoch, scores)) = &trained.best {
        println!(
            "dev figures at the best epoch ({epoch}), each with its own dataset's conventions:"
        );
        for (name, s) in scores {
            print_ner_scores(name, s);
        }
    }
    for (conv, f1, e) in &trained.own_epochs {
        println!("convention {conv}: epoch {e} (own dev micro F1 {f1:.4})");
    }
    let bytes = &trained.bytes;
    std::fs::write(&a.output, bytes).with_context(|| a.output.display().to_string())?;
    for (conv, features, f1) in train::written_figures(bytes, &a.conventions, &trained.dev)? {
        let line: Vec<String> = f1.iter().map(|(d, f)| format!("{d} {f:.4}")).collect();
        println!(
            "written model, convention {conv}: {features} features; dev micro F1 {}",
            line.join(", ")
        );
    }
    eprintln!(
        "wrote {} ({} bytes, conventions {}, default {}) in {:.0?}",
        a.output.display(),
        bytes.len(),
        a.conventions.join(" "),
        a.conventions[0],
        t.elapsed()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn build_countries(a: BuildCountriesArgs) -> CmdResult {
    use anyhow::Context;
    let cldr = std::fs::read_to_string(&a.cldr).with_context(|| a.cldr.display().to_string())?;
    let out = warta_entities::build::countries(&cldr);
    std::fs::write(&a.out, &out).with_context(|| a.out.display().to_string())?;
    let n = out.lines().filter(|l| !l.starts_with('#')).count();
    eprintln!("wrote {} ({n} countries)", a.out.display());
    Ok(std::process::ExitCode::SUCCESS)
}
pub fn build_places(a: BuildPlacesArgs) -> CmdResult {
    use anyhow::Context;
    let cldr = std::fs::read_to_string(&a.cldr).with_context(|| a.cldr.display().to_string())?;
    let geo = std::fs::File::open(&a.geonames).with_context(|| a.geonames.display().to_string())?;
    let filter = warta_entities::build::PlaceFilter {
        min_population: a.min_population,
        alt_min_population: a.alt_min_population,
        ..Default::default()
    };
    let (gz, kept) = warta_entities::build::places(std::io::BufReader::new(geo), &cldr, filter)?;
    std::fs::write(&a.out, &gz).with_context(|| a.out.display().to_string())?;
    eprintln!(
        "wrote {} ({kept} places, {} bytes)",
        a.out.display(),
        gz.len()
    );
    Ok(std::process::ExitCode::SUCCESS)
}
/// Our gazetteers (crates/warta-entities/data), each with its validator.
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    const PATHS: &[&str] = &[
        "crates/warta-entities/data/countries.tsv",
        "crates/warta-entities/data/country-aliases.tsv",
        "crates/warta-entities/data/actors.tsv",
        "crates/warta-entities/data/roles.tsv",
        "crates/warta-entities/data/people.tsv",
        "crates/warta-entities/data/exonyms.tsv",
        "crates/warta-entities/data/centroids.tsv",
        "crates/warta-entities/data/not-places.tsv",
    ];
    warta_entities::DICTIONARIES
        .iter()
        .map(|&(name, embedded)| super::dict::Dictionary {
            name: PATHS
                .iter()
                .find(|p| p.ends_with(&format!("/{name}")))
                .copied()
                .unwrap_or(name),
            embedded,
            check: warta_entities::check,
        })
        .chain(std::iter::once(super::dict::Dictionary {
            name: "crates/warta-entities/src/ner/cues.tsv",
            embedded: warta_entities::ner::features::CUES,
            check: warta_entities::ner::features::check_cues,
        }))
        .chain(std::iter::once(super::dict::Dictionary {
            name: "crates/warta-entities/model/ner-namelike.tsv",
            embedded: warta_entities::ner::features::NAMELIKE,
            check: warta_entities::ner::namelike::check,
        }))
        .collect()
}

/// `warta eval actors`: how well the entity stage finds and codes the actors of the event gold.
#[derive(clap::Args)]
pub struct EvalActorsArgs {
    /// Gold events: JSON Lines, one `{"id", "events": [...]}` per article (code-point offsets).
    #[arg(long, required = true)]
    pub gold: std::path::PathBuf,
    /// The articles the gold refers to (JSON Lines with `id` and `text`).
    #[arg(long, default_value = "../shared/data/news/indosum-dev-articles.jsonl")]
    pub corpus: std::path::PathBuf,
    /// Print every miss (not found, wrong country, wrong code) with its text.
    #[arg(short, long)]
    pub verbose: bool,
    /// How many confusions to print.
    #[arg(long, default_value_t = 25)]
    pub top: usize,
}

/// Distinct gold actor mentions of one article: (start, end, code) in code points.
fn gold_actors(v: &serde_json::Value) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let events = v.get("events").and_then(|e| e.as_array());
    for e in events.into_iter().flatten() {
        for side in ["source", "target"] {
            let Some(a) = e.get(side).filter(|a| !a.is_null()) else {
                continue;
            };
            let span = a
                .get("span")
                .and_then(|s| s.as_array())
                .and_then(|s| Some((s.first()?.as_u64()? as usize, s.get(1)?.as_u64()? as usize)));
            let code = match a.get("code") {
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(serde_json::Value::Array(a)) => {
                    a.first().and_then(|c| c.as_str()).map(str::to_string)
                }
                _ => None,
            };
            if let (Some((s, e)), Some(c)) = (span, code) {
                if !out.iter().any(|x| x.0 == s && x.1 == e && x.2 == c) {
                    out.push((s, e, c));
                }
            }
        }
    }
    out
}

pub fn eval_actors(a: EvalActorsArgs) -> CmdResult {
    use anyhow::Context;
    use std::collections::HashMap;
    let gold_text =
        std::fs::read_to_string(&a.gold).with_context(|| a.gold.display().to_string())?;
    let mut gold: HashMap<String, Vec<(usize, usize, String)>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", a.gold.display(), i + 1))?;
        let Some(id) = v.get("id").and_then(|x| x.as_str()) else {
            continue;
        };
        order.push(id.to_string());
        gold.insert(id.to_string(), gold_actors(&v));
    }
    let corpus = std::fs::read(&a.corpus).with_context(|| a.corpus.display().to_string())?;
    let origin = a.corpus.display().to_string();
    let mut docs: HashMap<String, warta_core::Document> = HashMap::new();
    for (i, line) in corpus.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Ok(doc) = warta_read::parse_json_record(line, &origin, i as u64 + 1) {
            if gold.contains_key(&doc.id) {
                docs.insert(doc.id.clone(), doc);
            }
        }
    }
    let pipeline = warta_pipeline::Pipeline::new();
    let (mut total, mut found, mut country, mut full) = (0usize, 0usize, 0usize, 0usize);
    // Bare countries where the gold has the country's government: the event coder's call
    // (agents are governments, destinations and victims are countries).
    let mut bare_gov = 0usize;
    let mut confusions: HashMap<(String, String), usize> = HashMap::new();
    let mut missing = 0usize;
    for id in &order {
        let Some(doc) = docs.get(id) else {
            missing += 1;
            continue;
        };
        let ann = pipeline.annotate(doc);
        let idx = warta_core::CharIndex::new(&doc.text);
        let sys: Vec<(usize, usize, Option<&str>, &str)> = ann
            .entities
            .iter()
            .map(|e| {
                let (s, t) = idx.span(e.span);
                (s, t, e.code.as_deref(), e.rule.as_str())
            })
            .collect();
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |s: usize, e: usize| -> String {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ")
        };
        for (gs, ge, gc) in &gold[id] {
            total += 1;
            let best = sys
                .iter()
                .filter(|x| x.0 < *ge && *gs < x.1)
                .max_by_key(|x| (x.1.min(*ge) - x.0.max(*gs), x.2.is_some()));
            let sc = best.and_then(|b| b.2).unwrap_or("-");
            if best.is_some() {
                found += 1;
            }
            let same_country = sc.get(..3).is_some() && sc.get(..3) == gc.get(..3);
            if same_country {
                country += 1;
            }
            if sc.len() == 3 && gc.len() == 6 && same_country && gc.ends_with("GOV") {
                bare_gov += 1;
            }
            if sc == gc {
                full += 1;
            } else {
                let key = (
                    gc.clone(),
                    if best.is_some() { sc } else { "(none)" }.to_string(),
                );
                *confusions.entry(key).or_default() += 1;
                if a.verbose {
                    let what = match best {
                        None => "MISS ".to_string(),
                        Some(b) => format!(
                            "{} {:?} {} [{}]",
                            if same_country { "ROLE " } else { "CTRY " },
                            slice(b.0, b.1),
                            sc,
                            b.3
                        ),
                    };
                    println!(
                        "{:<40} {:?} gold {gc} | {what}",
                        id.chars().take(40).collect::<String>(),
                        slice(*gs, *ge)
                    );
                }
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    println!(
        "gold actor mentions: {total} in {} articles{}",
        order.len() - missing,
        if missing > 0 {
            format!(" ({missing} gold articles not in the corpus)")
        } else {
            String::new()
        }
    );
    println!("found (span overlap):   {found:>5}  {:5.1}%", pct(found));
    println!(
        "country agreement:      {country:>5}  {:5.1}%",
        pct(country)
    );
    println!("full code agreement:    {full:>5}  {:5.1}%", pct(full));
    println!(
        "  + bare country where gold has its government: {bare_gov} ({:.1}% if the coder \
         makes agent countries GOV)",
        pct(full + bare_gov)
    );
    let mut conf: Vec<_> = confusions.into_iter().collect();
    conf.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    println!("top confusions (gold -> system):");
    for ((g, s), n) in conf.iter().take(a.top) {
        println!("  {n:>4}  {g:<12} -> {s}");
    }
    Ok(std::process::ExitCode::SUCCESS)
}
