use crate::{content_id, decode_text, ReadError};
use serde_json::{Map, Value};
use warta_core::{Document, Warning};

/// Parse one JSON Lines record (one line's bytes) into a document.
pub fn parse_json_record(bytes: &[u8], origin: &str, line: u64) -> Result<Document, ReadError> {
    let err = |kind, message: String, id| ReadError {
        kind,
        message,
        origin: origin.to_string(),
        line: Some(line),
        id,
    };
    let (decoded, warning) = decode_text(bytes).map_err(|m| err("not_text", m, None))?;
    let value: Value = serde_json::from_str(&decoded).map_err(|e| {
        err(
            "invalid_json",
            format!("malformed JSON at column {}: {e}", e.column()),
            None,
        )
    })?;
    let Value::Object(mut obj) = value else {
        return Err(err(
            "not_object",
            "a record must be a JSON object".to_string(),
            None,
        ));
    };
    let id = obj.remove("id").and_then(|v| match v {
        Value::String(s) if !s.is_empty() => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => {
            return Err(err(
                "missing_text",
                "field `text` is not a string".to_string(),
                id,
            ))
        }
        None => {
            return Err(err(
                "missing_text",
                "record has no `text` field".to_string(),
                id,
            ))
        }
    };
    if text.trim().is_empty() {
        return Err(err("empty_text", "field `text` is empty".to_string(), id));
    }
    let mut warnings: Vec<Warning> = warning.into_iter().collect();
    let published = take_string(&mut obj, "published").and_then(|p| match normalise_date(&p) {
        Some(d) => Some(d),
        None => {
            warnings.push(Warning::new(
                "bad_published",
                format!("`published` {p:?} is not a YYYY-MM-DD date; ignored"),
            ));
            None
        }
    });
    let url = take_string(&mut obj, "url");
    let outlet = take_string(&mut obj, "source");
    let language = take_string(&mut obj, "language");
    Ok(Document {
        id: id.unwrap_or_else(|| content_id(&text)),
        text,
        published,
        url,
        outlet,
        language,
        meta: obj,
        origin: origin.to_string(),
        line: Some(line),
        warnings,
    })
}

fn take_string(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    match obj.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

/// `YYYY-MM-DD`, also accepting a datetime's date part (`2017-03-28T10:00:00Z`).
pub(crate) fn normalise_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let month: u32 = d[5..7].parse().ok()?;
    let day: u32 = d[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_are_read_and_the_rest_kept_in_meta() {
        let line = br#"{"id": 7, "text": "Halo", "published": "2017-03-28", "source": "kumparan", "category": "berita"}"#;
        let doc = parse_json_record(line, "in.jsonl", 3).unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.published.as_deref(), Some("2017-03-28"));
        assert_eq!(doc.outlet.as_deref(), Some("kumparan"));
        assert_eq!(doc.meta["category"], "berita");
        assert!(!doc.meta.contains_key("text"));
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        let kind = |b: &[u8]| parse_json_record(b, "x", 1).unwrap_err().kind;
        assert_eq!(kind(b"{\"text\": "), "invalid_json");
        assert_eq!(kind(b"[1]"), "not_object");
        assert_eq!(kind(b"{\"id\": \"a\"}"), "missing_text");
        assert_eq!(kind(b"{\"text\": \"  \"}"), "empty_text");
    }

    #[test]
    fn bad_dates_become_warnings() {
        let doc = parse_json_record(br#"{"text": "x", "published": "kemarin"}"#, "x", 1).unwrap();
        assert_eq!(doc.published, None);
        assert_eq!(doc.warnings[0].kind, "bad_published");
        assert_eq!(
            normalise_date("2017-03-28T10:00:00Z").as_deref(),
            Some("2017-03-28")
        );
        assert_eq!(normalise_date("2017-13-28"), None);
    }
}
