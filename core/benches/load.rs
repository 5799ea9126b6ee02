//! Time to the first extraction of a process: the first
//! `Extractor::new()` builds every table (the gazetteer, the tries, the
//! word lists and patterns, embedded in the binary) once per process; a
//! second one reuses them. #11's target: the first ≤ 50 ms. Each run of the
//! bench is a new process; it prints the machine's load average beside the
//! figures, which swing with it on a shared machine.
//!
//! ```text
//! cargo bench -p shushuo --bench load
//! ```

use std::time::Instant;

use shushuo::Extractor;

fn main() {
    let t = Instant::now();
    let first = Extractor::new();
    let built = t.elapsed();
    let doc = first.extract("2023年,重庆市新增公办中小学学位8660个,增长12%。");
    let extracted = t.elapsed() - built;
    let t = Instant::now();
    let second = Extractor::new();
    let again = t.elapsed();
    assert_eq!(second.extract("增长12%。").metrics.len(), 1);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "first Extractor::new(): {:.1} ms; its first extract: {:.2} ms ({} metrics); \
         a second Extractor::new(): {:.3} ms; load average: {}",
        built.as_secs_f64() * 1e3,
        extracted.as_secs_f64() * 1e3,
        doc.metrics.len(),
        again.as_secs_f64() * 1e3,
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}
