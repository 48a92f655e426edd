#![no_main]
//! warta_read::parse_json_record on arbitrary bytes; a record that parses is analysed too.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = warta_read::parse_json_record(data, "fuzz", 1) {
        let _ = warta_text::TextDoc::analyse(&doc.text, doc.published.as_deref());
    }
});
