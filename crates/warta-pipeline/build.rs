//! Computes `WARTA_RESOURCES_VERSION`: a stable hash of every data file (dictionaries, tables,
//! model weights) under `crates/*/data/` and `crates/*/model(s)/`, which is where the stages
//! keep what they embed.
//! The store records it per article so `warta recode` can find articles coded with older data.

use std::path::{Path, PathBuf};

fn main() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // A directory makes cargo rescan it recursively: any added, removed or edited data file
    // (in any crate) reruns this script.
    println!("cargo:rerun-if-changed={}", crates.display());
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&crates) {
        for entry in entries.flatten() {
            for dir in ["data", "model", "models"] {
                let data = entry.path().join(dir);
                if data.is_dir() {
                    walk(&data, &mut files);
                }
            }
        }
    }
    files.sort();
    // FNV-1a 64 over (relative path, length, bytes) of each file, in sorted order.
    let mut hash: u64 = 0xcbf29ce484222325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x100000001b3);
        }
    };
    for path in &files {
        let rel = path.strip_prefix(&crates).unwrap_or(path);
        let bytes = std::fs::read(path).unwrap_or_default();
        feed(rel.to_string_lossy().replace('\\', "/").as_bytes());
        feed(&(bytes.len() as u64).to_le_bytes());
        feed(&bytes);
    }
    println!("cargo:rustc-env=WARTA_RESOURCES_VERSION={hash:016x}");
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}
