//! Extract metrics and entities from report files.
//!
//! ```text
//! cargo run --release -p shushuo --example extract -- \
//!     [--format jsonl|json|table] [--reference-date YYYY-MM-DD] [--no-entities] FILE...
//! ```
//!
//! `--no-entities` extracts metrics only (the faster path).
//!
//! `jsonl` prints one line per file in the prediction format of the
//! evaluation scorer (doc = file stem, char offsets); `json` prints each
//! file's full [`shushuo::Document`]; `table` is an aligned table for a person.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;
use shushuo::{Document, Extractor};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Jsonl,
    Json,
    Table,
}

fn main() -> ExitCode {
    let mut format = Format::Table;
    let mut builder = Extractor::builder();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("jsonl") => Format::Jsonl,
                    Some("json") => Format::Json,
                    Some("table") => Format::Table,
                    other => return usage(&format!("unknown format {other:?}")),
                }
            }
            "--reference-date" => match args.next() {
                Some(d) => builder = builder.reference_date(d),
                None => return usage("--reference-date needs a value"),
            },
            "--no-entities" => builder = builder.entities(false),
            "-h" | "--help" => return usage(""),
            _ if arg.starts_with("--") => return usage(&format!("unknown option {arg}")),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage("no input file");
    }
    let extractor = match builder.build() {
        Ok(ex) => ex,
        Err(e) => return usage(&e.to_string()),
    };
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("extract: {file}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("extract: {file}: not UTF-8 (byte {})", e.valid_up_to());
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let doc = extractor.extract(text);
        let stem = Path::new(file)
            .file_stem()
            .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
        let out = match format {
            Format::Jsonl => format!("{}\n", doc.prediction(&stem, true, true)),
            Format::Json => format!(
                "{}\n",
                serde_json::to_string_pretty(&json!({"doc": stem, "document": doc}))
                    .expect("documents serialise")
            ),
            Format::Table => table(&stem, &doc),
        };
        if let Err(e) = std::io::stdout().lock().write_all(out.as_bytes()) {
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return status;
            }
            eprintln!("extract: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    status
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("extract: {problem}");
    }
    eprintln!("usage: extract [--format jsonl|json|table] [--reference-date YYYY-MM-DD] [--no-entities] FILE...");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// An aligned table of `doc`'s metrics, then its entities by kind.
fn table(stem: &str, doc: &Document) -> String {
    let mut out = format!(
        "== {stem} (region: {})\n",
        doc.region.as_deref().unwrap_or("-")
    );
    let rows: Vec<[String; 7]> = doc
        .metrics
        .iter()
        .map(|m| {
            [
                m.text.clone(),
                format!("{}", m.value),
                m.unit.clone(),
                m.approx.to_string(),
                m.change.to_string(),
                m.period.clone().unwrap_or_default(),
                m.indicator.clone(),
            ]
        })
        .collect();
    let header = [
        "quantity",
        "value",
        "unit",
        "approx",
        "change",
        "period",
        "indicator",
    ];
    let width = |i: usize| {
        rows.iter()
            .map(|r| display_width(&r[i]))
            .chain([display_width(header[i])])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |out: &mut String, cells: &[&str]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c}{}", " ".repeat(w - display_width(c))))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut out, &header);
    for r in &rows {
        line(&mut out, &r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    if !doc.entities.is_empty() {
        out.push_str("-- entities\n");
        for kind in shushuo::EntityKind::ALL {
            let names = doc.distinct(*kind);
            if !names.is_empty() {
                out.push_str(&format!("{:<7} {}\n", kind.as_str(), names.join("、")));
            }
        }
    }
    out.push('\n');
    out
}

/// Terminal columns of `s`: CJK and full-width chars take two.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !c.is_ascii() {
                2
            } else {
                1
            }
        })
        .sum()
}
