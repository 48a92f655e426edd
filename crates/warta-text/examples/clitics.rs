//! Print `word<TAB>proclitic<TAB>enclitic` for every token with a clitic in a JSON Lines corpus,
//! to review the clitic rules (`data/clitics.txt`).
//!
//! ```sh
//! cargo run --release -p warta-text --example clitics -- ../shared/data/news/indosum-dev-articles.jsonl | sort | uniq -c | sort -rn | less
//! ```

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/news/indosum-dev-articles.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let doc = warta_text::TextDoc::analyse(v["text"].as_str().unwrap_or_default(), None);
        for t in doc
            .tokens
            .iter()
            .filter(|t| t.enclitic.is_some() || t.proclitic.is_some())
        {
            println!(
                "{}\t{}\t{}",
                t.lower,
                t.proclitic.unwrap_or("-"),
                t.enclitic.unwrap_or("-")
            );
        }
    }
}
