use crate::{content_id, decode_text, parse_json_record, CappedLines, Item, Line, ReadError};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use warta_core::Document;

/// How to read stdin (files are recognised by their extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    Txt,
    #[default]
    Jsonl,
}

/// One source of records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin(InputFormat),
    /// One article.
    Txt(PathBuf),
    /// One article per line.
    Jsonl(PathBuf),
    JsonlGz(PathBuf),
    /// A path that could not be used; yields one error item.
    Unusable(PathBuf, String),
}

#[derive(Debug, Clone)]
pub struct ReaderOptions {
    pub stdin_format: InputFormat,
    pub max_record_bytes: usize,
    /// Publication date for records that have none (`--published`).
    pub default_published: Option<String>,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            stdin_format: InputFormat::Jsonl,
            max_record_bytes: crate::DEFAULT_MAX_RECORD_BYTES,
            default_published: None,
        }
    }
}

/// Turn command-line paths into inputs: `-` is stdin, a directory is every `.txt`, `.jsonl`
/// and `.jsonl.gz` below it in sorted (stable) order, a file is read by its extension.
pub fn expand_paths(paths: &[PathBuf], stdin_format: InputFormat) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin(stdin_format)];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin(stdin_format));
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut out);
            files.sort();
            out.extend(files.into_iter().filter_map(|f| classify(&f)));
        } else if !path.exists() {
            out.push(Input::Unusable(
                path.clone(),
                "no such file or directory".to_string(),
            ));
        } else {
            out.push(classify(path).unwrap_or_else(|| Input::Txt(path.clone())));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return errors.push(Input::Unusable(
                dir.to_path_buf(),
                format!("cannot read directory: {e}"),
            ))
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, errors),
            Ok(_) if classify(&path).is_some() => files.push(path),
            _ => {}
        }
    }
}

fn classify(path: &Path) -> Option<Input> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".jsonl.gz") {
        Some(Input::JsonlGz(path.to_path_buf()))
    } else if name.ends_with(".jsonl") {
        Some(Input::Jsonl(path.to_path_buf()))
    } else if name.ends_with(".txt") {
        Some(Input::Txt(path.to_path_buf()))
    } else {
        None
    }
}

/// Streams the items of a list of inputs, one per record, in input order.
pub struct Reader {
    inputs: VecDeque<Input>,
    current: Option<(String, CappedLines<Box<dyn BufRead + Send>>)>,
    options: ReaderOptions,
}

impl Reader {
    pub fn new(inputs: Vec<Input>, options: ReaderOptions) -> Self {
        Reader {
            inputs: inputs.into(),
            current: None,
            options,
        }
    }

    fn open_lines(&mut self, origin: String, reader: Box<dyn BufRead + Send>) {
        self.current = Some((
            origin,
            CappedLines::new(reader, self.options.max_record_bytes),
        ));
    }

    fn next_line_item(&mut self) -> Option<Item> {
        let (origin, lines) = self.current.as_mut()?;
        loop {
            let line_no = lines.line_no + 1;
            let err = |kind, message: String| ReadError {
                kind,
                message,
                origin: origin.clone(),
                line: Some(line_no),
                id: None,
            };
            return match lines.next() {
                None => None,
                Some(Err(e)) => {
                    let kind = if e.kind() == std::io::ErrorKind::InvalidData
                        || e.kind() == std::io::ErrorKind::InvalidInput
                    {
                        "bad_gzip"
                    } else {
                        "io"
                    };
                    let item = Err(err(kind, format!("reading stopped: {e}")));
                    self.current = None;
                    Some(item)
                }
                Some(Ok(Line::TooLong(n))) => Some(Err(err(
                    "line_too_long",
                    format!(
                        "record of {n} bytes exceeds the limit of {} bytes",
                        self.options.max_record_bytes
                    ),
                ))),
                Some(Ok(Line::Text(bytes))) if bytes.iter().all(u8::is_ascii_whitespace) => {
                    continue
                }
                Some(Ok(Line::Text(bytes))) => Some(parse_json_record(&bytes, origin, line_no)),
            };
        }
    }

    fn read_txt(&self, origin: String, id: Option<String>, reader: &mut dyn Read) -> Item {
        let err = |kind, message: String| ReadError {
            kind,
            message,
            origin: origin.clone(),
            line: None,
            id: id.clone(),
        };
        let cap = self.options.max_record_bytes;
        let mut bytes = Vec::new();
        reader
            .take(cap as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| err("io", format!("cannot read: {e}")))?;
        if bytes.len() > cap {
            return Err(err(
                "too_large",
                format!("article exceeds the limit of {cap} bytes"),
            ));
        }
        let (text, warning) = decode_text(&bytes).map_err(|m| err("not_text", m))?;
        if text.trim().is_empty() {
            return Err(err("empty_text", "the article is empty".to_string()));
        }
        Ok(Document {
            id: id.unwrap_or_else(|| content_id(&text)),
            text,
            origin: origin.clone(),
            warnings: warning.into_iter().collect(),
            ..Document::default()
        })
    }

    fn open_next(&mut self) -> Option<Option<Item>> {
        let input = self.inputs.pop_front()?;
        let io_err = |path: &Path, e: std::io::Error| {
            Some(Err(ReadError {
                kind: "io",
                message: format!("cannot open: {e}"),
                origin: path.display().to_string(),
                line: None,
                id: None,
            }))
        };
        Some(match input {
            Input::Unusable(path, message) => Some(Err(ReadError {
                kind: "io",
                message,
                origin: path.display().to_string(),
                line: None,
                id: None,
            })),
            Input::Stdin(InputFormat::Txt) => {
                Some(self.read_txt("<stdin>".to_string(), None, &mut std::io::stdin().lock()))
            }
            Input::Stdin(InputFormat::Jsonl) => {
                self.open_lines(
                    "<stdin>".to_string(),
                    Box::new(BufReader::new(std::io::stdin())),
                );
                None
            }
            Input::Txt(path) => match File::open(&path) {
                Ok(mut f) => {
                    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
                    Some(self.read_txt(path.display().to_string(), id, &mut f))
                }
                Err(e) => io_err(&path, e),
            },
            Input::Jsonl(path) => match File::open(&path) {
                Ok(f) => {
                    self.open_lines(
                        path.display().to_string(),
                        Box::new(BufReader::with_capacity(1 << 16, f)),
                    );
                    None
                }
                Err(e) => io_err(&path, e),
            },
            Input::JsonlGz(path) => match File::open(&path) {
                Ok(f) => {
                    let gz = flate2::read::MultiGzDecoder::new(BufReader::new(f));
                    self.open_lines(
                        path.display().to_string(),
                        Box::new(BufReader::with_capacity(1 << 16, gz)),
                    );
                    None
                }
                Err(e) => io_err(&path, e),
            },
        })
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line_item() {
                    return Some(self.with_default_date(item));
                }
                self.current = None;
            }
            match self.open_next()? {
                Some(item) => return Some(self.with_default_date(item)),
                None => continue,
            }
        }
    }
}

impl Reader {
    fn with_default_date(&self, item: Item) -> Item {
        item.map(|mut doc| {
            if doc.published.is_none() {
                doc.published.clone_from(&self.options.default_published);
            }
            doc
        })
    }
}
