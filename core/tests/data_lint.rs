//! Lint of the embedded word tables under `core/data/`: every list opens
//! with a comment header saying what it is, and no word stands twice in one
//! list (a second row would be silently shadowed by the first, or add
//! nothing). For `.tsv` tables the key is the first column; tables whose
//! key may repeat with another role in the second column (`approx.tsv`:
//! `多` is both an infix and a vague word) are keyed by the first two.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Tables keyed by their first two columns.
const TWO_COLUMN_KEYS: &[&str] = &[
    "approx.tsv",
    "change.tsv",
    "indicator_trim.tsv",
    "duration_cues.tsv",
];

/// Tables whose rows are patterns or data, not a word list.
const NOT_WORD_LISTS: &[&str] = &["period.txt"];

fn data_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            data_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "tsv") {
            out.push(p);
        }
    }
}

#[test]
fn word_tables_have_headers_and_no_duplicates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = Vec::new();
    data_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 10, "found only {files:?}");
    let mut problems = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let body = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        // The generated gazetteer has no header: its README documents it.
        if name != "regions.tsv" && !body.starts_with('#') {
            problems.push(format!("{rel}: no comment header"));
        }
        if NOT_WORD_LISTS.contains(&name.as_str()) {
            continue;
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if line.ends_with(' ') {
                problems.push(format!("{rel}:{}: trailing space", n + 1));
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let key = if TWO_COLUMN_KEYS.contains(&name.as_str()) {
                cols.iter().take(2).copied().collect::<Vec<_>>().join("\t")
            } else {
                cols[0].to_owned()
            };
            if let Some(first) = seen.insert(key.clone(), n + 1) {
                problems.push(format!("{rel}:{}: {key:?} already on line {first}", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "data lint:\n{}", problems.join("\n"));
}
