//! `warta eval morph`, `warta eval pos`, `warta train pos`, `warta build-data roots`:
//! the morphology and POS commands (included from `events.rs`).
use super::CmdResult;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use warta_morph::build::{self, Split};

#[derive(clap::Args)]
pub struct EvalMorphArgs {
    /// Gold form→root pairs: a JSON object, optionally gzipped (nlp-id-lemma-dict.json.gz).
    #[arg(
        long,
        default_value = "../shared/data/lexicon/nlp-id-lemma-dict.json.gz"
    )]
    pub gold: PathBuf,
    /// Which part of the pairs: `test` (held out from the lexicon), `train` or `all`.
    #[arg(long, default_value = "test")]
    pub split: Split,
    /// Print this many errors (form, gold root, best reading).
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Print the most frequent pattern confusions.
    #[arg(long)]
    pub confusions: bool,
}

#[derive(clap::Args)]
pub struct BuildRootsArgs {
    /// Folder of UD CoNLL-U files (`*.conllu`): their lemmas.
    #[arg(long, default_value = "../shared/data/ud")]
    pub ud: PathBuf,
    /// nlp-id lemma pairs (JSON object form→root, gzipped): the roots of the train split.
    #[arg(
        long,
        default_value = "../shared/data/lexicon/nlp-id-lemma-dict.json.gz"
    )]
    pub lemma: PathBuf,
    /// Output folder for roots.txt and patterns.tsv.
    #[arg(long, short, default_value = "crates/warta-morph/data")]
    pub out: PathBuf,
}

/// Read a JSON object of string pairs, gunzipping `.gz` files.
pub fn read_pairs(path: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_reader(reader)
        .with_context(|| format!("{}: expected a JSON object of form: root", path.display()))?;
    Ok(map
        .into_iter()
        .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
        .collect())
}

pub fn eval_morph(a: EvalMorphArgs) -> CmdResult {
    let pairs = read_pairs(&a.gold)?;
    let analyser = warta_morph::analyser();
    let t = Instant::now();
    let r = build::evaluate(
        analyser,
        pairs.iter().map(|(f, r)| (f.as_str(), r.as_str())),
        a.split,
    );
    let secs = t.elapsed().as_secs_f64();
    println!(
        "morph: {} pairs in split {:?} (FNV-1a(form) % 10: 0-7 train, 8-9 test); lexicon {} roots",
        r.total,
        a.split,
        analyser.len()
    );
    println!(
        "accuracy: {:.2}% ({}/{})",
        100.0 * r.accuracy(),
        r.correct,
        r.total
    );
    println!(
        "verbs (me-/di-/ber-/ter- forms with a shorter gold root): {:.2}% ({}/{})",
        100.0 * r.verb_accuracy(),
        r.verbs_correct,
        r.verbs
    );
    println!(
        "errors: {} gold root not in lexicon, {} gold root ranked below another, {} no reading with the gold root",
        r.oov,
        r.ranked_low,
        r.total - r.correct - r.oov - r.ranked_low
    );
    println!(
        "speed: {:.0} words/s ({:.2} µs/word, one thread)",
        r.total as f64 / secs,
        1e6 * secs / r.total.max(1) as f64
    );
    for (form, gold, got) in r.errors.iter().take(a.errors) {
        println!("  {form}\tgold {gold}\tgot {got}");
    }
    if a.confusions {
        let mut c: Vec<_> = r.confusions.iter().collect();
        c.sort_by(|x, y| y.1.cmp(x.1));
        for ((gold, got), n) in c.into_iter().take(40) {
            println!("  {n}\tgold {gold}\tchosen {got}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn build_roots(a: BuildRootsArgs) -> CmdResult {
    let mut ud = Vec::new();
    let mut ud_files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&a.ud)
        .with_context(|| format!("{}", a.ud.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    entries.sort();
    for p in entries {
        let text = std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()))?;
        ud.extend(build::conllu_lemmas(&text));
        ud_files.push(
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        );
    }
    let pairs = read_pairs(&a.lemma)?;
    let roots = build::derive_roots(&ud, &pairs);
    let patterns = build::derive_patterns(&pairs);
    let text = build::roots_text(&roots, &ud_files);
    std::fs::create_dir_all(&a.out)?;
    std::fs::write(a.out.join("roots.txt"), &text)?;
    let ptext = build::patterns_text(&patterns);
    std::fs::write(a.out.join("patterns.tsv"), &ptext)?;
    eprintln!(
        "build-data roots: {} UD lemmas, {} pairs -> {} roots, {} patterns in {}",
        ud.len(),
        pairs.len(),
        roots.len(),
        patterns.len(),
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The morphology data files for `warta dict check`.
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    vec![
        super::dict::Dictionary {
            name: warta_morph::ROOTS_FILE,
            embedded: warta_morph::ROOTS,
            check: warta_morph::check_roots,
        },
        super::dict::Dictionary {
            name: warta_morph::ADDITIONS_FILE,
            embedded: warta_morph::ADDITIONS,
            check: warta_morph::check_roots,
        },
        super::dict::Dictionary {
            name: warta_morph::PATTERNS_FILE,
            embedded: warta_morph::PATTERNS,
            check: warta_morph::check_patterns,
        },
    ]
}

#[derive(clap::Args)]
pub struct TrainPosArgs {
    /// Tagged training files (`token<TAB>tag`, blank line between sentences).
    #[arg(long, num_args = 1.., default_value = "../shared/data/pos/bapos.train.txt")]
    pub train: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, short, default_value = "crates/warta-pos/model/pos.bin")]
    pub out: PathBuf,
    /// A dev file scored after every epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// `greedy` or `viterbi`.
    #[arg(long, default_value = "greedy")]
    pub decoder: String,
    /// Drop averaged weights below this (smaller model).
    #[arg(long, default_value_t = 0.0)]
    pub prune: f32,
    /// Ignore features seen fewer times than this.
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
    /// Keep this many bits of each feature key (48 saves space).
    #[arg(long, default_value_t = 48)]
    pub key_bits: u8,
}

#[derive(clap::Args)]
pub struct EvalPosArgs {
    /// Tagged gold file.
    #[arg(long, default_value = "../shared/data/pos/bapos.dev.txt")]
    pub gold: PathBuf,
    /// A model file instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// The training file(s), to report accuracy on words unseen in training.
    #[arg(long, num_args = 1..)]
    pub train: Vec<PathBuf>,
    /// Per-tag accuracy for this many most frequent gold tags.
    #[arg(long, default_value_t = 15)]
    pub top: usize,
    /// Print the most frequent confusions (gold → predicted).
    #[arg(long, default_value_t = 0)]
    pub confusions: usize,
}

fn read_tagged_file(p: &Path) -> anyhow::Result<Vec<warta_pos::TaggedSentence>> {
    let text = std::fs::read_to_string(p).with_context(|| format!("{}", p.display()))?;
    Ok(warta_pos::read_tagged(&text))
}

pub fn train_pos(a: TrainPosArgs) -> CmdResult {
    let mut sents = Vec::new();
    for p in &a.train {
        sents.extend(read_tagged_file(p)?);
    }
    let dev = a.dev.as_deref().map(read_tagged_file).transpose()?;
    let decoder = match a.decoder.as_str() {
        "greedy" => warta_learn::Decoder::Greedy,
        "viterbi" => warta_learn::Decoder::Viterbi,
        d => anyhow::bail!("unknown decoder {d:?} (greedy, viterbi)"),
    };
    let cfg = warta_pos::PosTrainConfig {
        epochs: a.epochs,
        decoder,
        prune: a.prune,
        min_count: a.min_count,
        key_bits: a.key_bits,
    };
    let tokens: usize = sents.iter().map(|s| s.words.len()).sum();
    eprintln!("train pos: {} sentences, {tokens} tokens", sents.len());
    let t = Instant::now();
    let model = warta_pos::train(&sents, &cfg, |e, tagger| {
        if let Some(dev) = &dev {
            let r = warta_pos::evaluate(tagger, dev, None);
            eprintln!(
                "epoch {e}: dev accuracy {:.2}% ({:.0}s)",
                100.0 * r.accuracy(),
                t.elapsed().as_secs_f64()
            );
        }
    })?;
    let mut model = model;
    let files: Vec<String> = a
        .train
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    model.set_meta("trained-on", &files.join(","));
    model.set_meta(
        "settings",
        &format!(
            "epochs={} decoder={} prune={} min_count={} key_bits={}",
            a.epochs, a.decoder, a.prune, a.min_count, a.key_bits
        ),
    );
    let bytes = model.to_bytes();
    if let Some(dir) = a.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&a.out, &bytes).with_context(|| format!("{}", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features, {} labels) in {:.0}s",
        a.out.display(),
        bytes.len(),
        model.num_features(),
        model.labels().len(),
        t.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval_pos(a: EvalPosArgs) -> CmdResult {
    let gold = read_tagged_file(&a.gold)?;
    let owned;
    let tagger = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}", p.display()))?;
            owned = warta_pos::Tagger::from_bytes(&bytes)
                .with_context(|| format!("{}", p.display()))?;
            &owned
        }
        None => warta_pos::Tagger::global()
            .context("the embedded POS model cannot be loaded (run `warta train pos`)")?,
    };
    let mut seen = std::collections::HashSet::new();
    for p in &a.train {
        for s in read_tagged_file(p)? {
            seen.extend(s.words.iter().map(|w| w.to_lowercase()));
        }
    }
    let t = Instant::now();
    let r = warta_pos::evaluate(tagger, &gold, (!seen.is_empty()).then_some(&seen));
    let cold = t.elapsed().as_secs_f64();
    // Again, with every word's morphology in the per-thread cache: the steady state on a corpus
    // (best of three passes, to damp the noise of a shared machine).
    let mut warm = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        let _ = warta_pos::evaluate(tagger, &gold, None);
        warm = warm.min(t.elapsed().as_secs_f64());
    }
    println!(
        "pos: {} sentences, {} tokens from {}",
        gold.len(),
        r.tokens,
        a.gold.display()
    );
    println!(
        "accuracy: {:.2}% (full labels, B-/I- included); {:.2}% (bare tags)",
        100.0 * r.accuracy(),
        100.0 * r.accuracy_bare()
    );
    if !seen.is_empty() {
        println!(
            "unseen words: {:.2}% of {} tokens",
            100.0 * r.unknown_correct as f64 / r.unknown.max(1) as f64,
            r.unknown
        );
    }
    println!(
        "speed: {:.0} tokens/s first pass, {:.0} tokens/s with the morphology cache warm (best of 3; one thread)",
        r.tokens as f64 / cold,
        r.tokens as f64 / warm
    );
    let mut conf: Vec<_> = r.confusions.iter().collect();
    conf.sort_by(|x, y| y.1.cmp(x.1));
    for ((g, p), n) in conf.into_iter().take(a.confusions) {
        println!("  {n:5}  {g} -> {p}");
    }
    let mut tags: Vec<_> = r.per_tag.iter().collect();
    tags.sort_by_key(|x| std::cmp::Reverse(x.1 .0));
    for (tag, (n, ok)) in tags.into_iter().take(a.top) {
        println!(
            "  {tag:<8} {:6.2}%  of {n}",
            100.0 * *ok as f64 / (*n).max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
