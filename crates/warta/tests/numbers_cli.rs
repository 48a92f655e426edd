//! The numbers-and-time commands: `warta rates`, `warta eval time|amounts`, `warta dict check`.

mod common;

use common::warta;

fn stdout(args: &[&str]) -> (bool, String, String) {
    let out = warta(args, b"");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn rates_cross_via_euro() {
    let (ok, out, err) = stdout(&["rates", "USD", "IDR", "2015-03-11"]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "13,176.05");
    // A Saturday takes Friday's rate and says so.
    let (ok, out, err) = stdout(&["rates", "USD", "IDR", "2015-03-14"]);
    assert!(ok && err.contains("2015-03-13"), "{out} {err}");
}

#[test]
fn rates_errors_are_clear() {
    let (ok, _, err) = stdout(&["rates", "USD", "XYZ", "2015-03-11"]);
    assert!(!ok && err.contains("unknown currency `XYZ`"), "{err}");
    let (ok, _, err) = stdout(&["rates", "USD", "IDR", "2001-01-02"]);
    assert!(!ok && err.contains("series starts on 2005"), "{err}");
    let (ok, _, err) = stdout(&["rates", "USD", "IDR", "yesterday"]);
    assert!(!ok && err.contains("not a date"), "{err}");
}

#[test]
fn rates_import_writes_a_table_the_lookup_reads() {
    let dir = std::env::temp_dir().join(format!("warta-rates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("ecb.csv");
    std::fs::write(
        &csv,
        "Date,USD,IDR,CYP,\n2015-03-11,1.0578,13937.63,N/A,\n2015-03-10,1.0745,14014.27,N/A,\n",
    )
    .unwrap();
    let out = dir.join("rates.csv.gz");
    let (ok, _, err) = stdout(&[
        "rates",
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("2 currencies"), "{err}");
    let table = warta_amount::rates::RateTable::from_gz(&std::fs::read(&out).unwrap()).unwrap();
    let r = table.cross("USD", "IDR", "2015-03-11").unwrap();
    assert_eq!(warta_amount::rates::format_number(r.value, 2), "13,176.05");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn eval_time_on_timeml_and_json_gold() {
    let (ok, out, err) = stdout(&["eval", "time", "--gold", "eval/time/sample.tml"]);
    assert!(ok, "{err}");
    assert!(out.contains("6 gold"), "{out}");
    assert!(out.contains("(5 right)"), "{out}");
    let (ok, out, err) = stdout(&[
        "eval",
        "time",
        "--gold",
        "eval/time/gold.jsonl",
        "--corpus",
        "eval/time/corpus.jsonl",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("2 documents, 5 gold"), "{out}");
    assert!(out.contains("span overlap  P 1.000  R 1.000"), "{out}");
}

#[test]
fn eval_amounts_on_json_gold() {
    let (ok, out, err) = stdout(&[
        "eval",
        "amounts",
        "--gold",
        "eval/time/gold.jsonl",
        "--corpus",
        "eval/time/corpus.jsonl",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("6 gold"), "{out}");
    assert!(
        out.contains("value accuracy over 6 overlap matches: 1.000"),
        "{out}"
    );
}

#[test]
fn eval_rejects_missing_articles() {
    let (ok, _, err) = stdout(&[
        "eval",
        "amounts",
        "--gold",
        "eval/time/gold.jsonl",
        "--corpus",
        "eval/time/sample.tml",
    ]);
    assert!(!ok && err.contains("is not in"), "{err}");
}

#[test]
fn eval_time_nerugm_recall() {
    let Some(shared) = common::shared() else {
        eprintln!("skipping: ../shared absent");
        return;
    };
    let f = shared.join("data/ner/nerugm.dev.tsv");
    let (ok, out, err) = stdout(&["eval", "time", "--nerugm", f.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("TIME by the time extractor"), "{out}");
}

#[test]
fn number_dictionaries_are_registered_and_clean() {
    let (ok, out, err) = stdout(&[
        "dict",
        "check",
        "crates/warta-amount/data/currencies.tsv",
        "crates/warta-amount/data/units.tsv",
        "crates/warta-checks/data/anchors.tsv",
    ]);
    assert!(ok, "{out}{err}");
    assert!(err.contains("3 dictionaries, 0 problems"), "{err}");
}
