//! Throughput of extraction over a few MB of report text: metrics only
//! (`extract/metrics_only`) and the full pipeline with entities
//! (`extract/full`). Throughput is in decimal MB/s.
//!
//! Reads `../shared/corpus/dev/*.txt` when present (repeated to about 4 MB),
//! else repeats `examples/sample_report.txt`.
//!
//! ```text
//! cargo bench -p shushuo --bench metrics
//! ```

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shushuo::Extractor;

/// The size of text to extract from per iteration.
const TARGET_BYTES: usize = 4 << 20;

/// Report text: the dev corpus if it is there, else the bundled sample.
fn report_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<_> = std::fs::read_dir(root.join("../shared/corpus/dev"))
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut one: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    if one.is_empty() {
        one = std::fs::read_to_string(root.join("examples/sample_report.txt"))
            .expect("examples/sample_report.txt is readable");
    }
    let mut text = String::with_capacity(TARGET_BYTES + one.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

/// Benches `extract` with `ex` over the report text as `extract/{name}`.
fn bench_extractor(c: &mut Criterion, name: &str, ex: &Extractor) {
    let text = report_text();
    let mut group = c.benchmark_group("extract");
    // Decimal megabytes (10^6 bytes), the unit the targets are stated in.
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.sample_size(20);
    group.bench_function(name, |b| {
        b.iter(|| {
            let doc = ex.extract(&text);
            doc.metrics.len() + doc.entities.len()
        })
    });
    group.finish();
}

fn metrics_only(c: &mut Criterion) {
    let ex = Extractor::builder()
        .entities(false)
        .build()
        .expect("valid options");
    bench_extractor(c, "metrics_only", &ex);
}

fn full(c: &mut Criterion) {
    bench_extractor(c, "full", &Extractor::new());
}

criterion_group!(benches, metrics_only, full);
criterion_main!(benches);
