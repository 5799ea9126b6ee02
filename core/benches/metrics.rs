//! Throughput of extraction, in decimal MB/s, on the project's own reports
//! (`tests/open/corpus`, `tests/holdout/corpus` and the bundled sample:
//! texts from many provinces, genres and both scripts, written for the
//! project), so that the figure never depends on what lies beside the
//! checkout.
//!
//! - `reports/full`, `reports/metrics_only`: each report extracted on its
//!   own, as a user's batch of documents would be;
//! - `batch/threads/{1,2}`: 4 MB of reports through `extract_batch_on` on
//!   one thread and on two (their ratio is the batch speed-up);
//! - `small/full_1kb`: the same text cut into documents of about 1 KB
//!   (per-call overhead);
//! - `large/full_10mb`: all of it repeated into one 10 MB document;
//! - `adversarial/{kind}/{1mb,8mb}`: inputs that once went quadratic (no
//!   punctuation, spaces for punctuation, no newlines, digits only, `1%`
//!   repeated, an unclosed `《`, runs of Chinese numerals, random bytes read
//!   lossily): time per byte at 8 MB should stay within 1.3× of 1 MB.
//!
//! ```text
//! cargo bench -p shushuo --bench metrics              # everything
//! cargo bench -p shushuo --bench metrics -- reports   # one group
//! ```
//!
//! The machine's load average is printed first: on a shared machine compare
//! ratios inside one run, not figures across runs.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use shushuo::Extractor;

mod common;
use common::reports;

/// Says what is measured and how loaded the machine is.
fn announce(docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    eprintln!(
        "corpus: tests/open + tests/holdout + sample, {} documents, {bytes} bytes; load average: {}",
        docs.len(),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
}

/// Benches extracting every document of `docs` with `ex` as `group/name`.
fn bench_docs(c: &mut Criterion, group: &str, name: &str, ex: &Extractor, docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group(group);
    // Decimal megabytes (10^6 bytes), the unit the targets are stated in.
    g.throughput(Throughput::BytesDecimal(bytes as u64));
    g.sample_size(20);
    g.bench_function(name, |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let doc = ex.extract(d);
                    doc.metrics.len() + doc.entities.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

/// The reports repeated until they hold `bytes`, as documents.
fn repeated(docs: &[String], bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for d in docs {
            total += d.len();
            out.push(d.clone());
        }
    }
    out
}

/// The reports cut at line ends into documents of about `size` bytes.
fn chunks(docs: &[String], size: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in docs.iter().flat_map(|d| d.lines()) {
        cur.push_str(line);
        cur.push('\n');
        if cur.len() >= size {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn reports_group(c: &mut Criterion) {
    let docs = reports();
    announce(&docs);
    let docs = repeated(&docs, 2_000_000);
    bench_docs(c, "reports", "full", &Extractor::new(), &docs);
    let metrics = Extractor::builder()
        .entities(false)
        .build()
        .expect("valid options");
    bench_docs(c, "reports", "metrics_only", &metrics, &docs);
}

/// 4 MB of reports through [`Extractor::extract_batch_on`] on one thread
/// and on two: the ratio of the two figures is the batch speed-up.
fn batch_group(c: &mut Criterion) {
    let docs = repeated(&reports(), 4_000_000);
    let bytes: usize = docs.iter().map(String::len).sum();
    let ex = Extractor::new();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::BytesDecimal(bytes as u64));
    g.sample_size(10);
    for threads in [1, 2] {
        g.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, &n| {
            b.iter(|| ex.extract_batch_on(&docs, n).len())
        });
    }
    g.finish();
}

fn small_group(c: &mut Criterion) {
    let docs = chunks(&repeated(&reports(), 1_000_000), 1000);
    bench_docs(c, "small", "full_1kb", &Extractor::new(), &docs);
}

fn large_group(c: &mut Criterion) {
    let one = repeated(&reports(), 10_000_000).concat();
    let mut g = c.benchmark_group("large");
    g.throughput(Throughput::BytesDecimal(one.len() as u64));
    g.sample_size(10);
    let ex = Extractor::new();
    g.bench_function("full_10mb", |b| b.iter(|| ex.extract(&one).metrics.len()));
    g.finish();
}

/// A small deterministic generator for the random-bytes input.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// The adversarial inputs of `bytes` bytes (cut to a char boundary).
fn adversarial(bytes: usize) -> Vec<(&'static str, String)> {
    let text = reports().concat();
    let fill = |unit: &str| {
        let mut s = unit.repeat(bytes / unit.len().max(1) + 1);
        let mut end = bytes.min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s
    };
    let is_punct = |c: char| !c.is_alphanumeric();
    let no_punct: String = text.chars().filter(|&c| !is_punct(c)).collect();
    let spaced: String = text
        .chars()
        .map(|c| if is_punct(c) { ' ' } else { c })
        .collect();
    let one_line: String = text.chars().filter(|&c| c != '\n').collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let random: Vec<u8> = (0..bytes).map(|_| xorshift(&mut state) as u8).collect();
    vec![
        ("no_punctuation", fill(&no_punct)),
        ("spaces_for_punctuation", fill(&spaced)),
        ("no_newlines", fill(&one_line)),
        ("digits_only", fill("8660314159")),
        ("percent_repeated", fill("1%")),
        (
            "unclosed_title",
            fill(&format!("《{}", &one_line[..one_line.len().min(3000)])),
        ),
        ("chinese_numerals", fill("一百二十三万四千五百六十七亿")),
        (
            "random_bytes",
            String::from_utf8_lossy(&random).into_owned(),
        ),
    ]
}

fn adversarial_group(c: &mut Criterion) {
    let ex = Extractor::new();
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    for (size, label) in [(1_000_000, "1mb"), (8_000_000, "8mb")] {
        for (kind, text) in adversarial(size) {
            g.throughput(Throughput::BytesDecimal(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(kind, label), &text, |b, t| {
                b.iter(|| ex.extract(t).metrics.len())
            });
        }
    }
    g.finish();
}

criterion_group!(
    benches,
    reports_group,
    batch_group,
    small_group,
    large_group,
    adversarial_group
);
criterion_main!(benches);
