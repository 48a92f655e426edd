//! Print the sentences of each article of a JSON Lines corpus, one per line, prefixed with the
//! article number: for eyeballing the splitter.
//!
//! ```sh
//! cargo run --release -p warta-text --example sentences -- ../shared/data/news/indosum-dev-articles.jsonl | less
//! ```

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/news/indosum-dev-articles.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    for (n, line) in data.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or_default();
        let doc = warta_text::TextDoc::analyse(text, None);
        for s in &doc.sentences {
            println!("{n}\t{}", doc.slice(s.span).replace('\n', "⏎"));
        }
    }
}
