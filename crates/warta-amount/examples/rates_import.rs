//! The library side of `warta rates import FILE [-o OUT]`, runnable without the CLI:
//! `cargo run -p warta-amount --example rates_import -- FILE OUT`.
use warta_amount::rates::RateTable;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(file), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: rates_import ECB_CSV OUT");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2)
    });
    match RateTable::parse_csv(&text) {
        Ok(t) => {
            if let Err(e) = std::fs::write(out, t.to_compact_gz()) {
                eprintln!("{out}: {e}");
                std::process::exit(2);
            }
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(2);
        }
    }
}
