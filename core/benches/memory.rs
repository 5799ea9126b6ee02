//! Heap used by extraction, measured with a counting allocator (no timing:
//! the figures do not depend on the machine's load). For each input it
//! prints the input's size, the peak of live heap bytes while
//! `Extractor::extract` runs (tables built before, so only the call's own
//! allocations count), what the returned `Document` keeps, and both as a
//! multiple of the input. #12's target: peak ≤ 1.5× the input.
//!
//! Inputs are the project's own reports (`tests/open/corpus`,
//! `tests/holdout/corpus` and the bundled sample), extracted one by one
//! (the largest peak ratio is shown), and all of them repeated into one
//! 10 MB document.
//!
//! ```text
//! cargo bench -p shushuo --bench memory
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use shushuo::Extractor;

mod common;
use common::reports;

/// The system allocator, counting the bytes live now and the most live since
/// the last [`Counting::reset_peak`].
struct Counting {
    live: AtomicUsize,
    peak: AtomicUsize,
}

impl Counting {
    /// Bytes live now.
    fn live(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    /// The most bytes live since the last reset.
    fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// Starts a new peak from what is live now.
    fn reset_peak(&self) {
        self.peak.store(self.live(), Ordering::Relaxed);
    }

    /// Counts `size` more bytes live.
    fn grow(&self, size: usize) {
        let now = self.live.fetch_add(size, Ordering::Relaxed) + size;
        self.peak.fetch_max(now, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            self.grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        self.live.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            self.live.fetch_sub(layout.size(), Ordering::Relaxed);
            self.grow(new_size);
        }
        p
    }
}

#[global_allocator]
static HEAP: Counting = Counting {
    live: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
};

/// Heap bytes of one extraction of `text`: the peak above what was live
/// before, and what the returned document keeps.
fn measure(ex: &Extractor, text: &str) -> (usize, usize) {
    let before = HEAP.live();
    HEAP.reset_peak();
    let doc = ex.extract(text);
    let peak = HEAP.peak() - before;
    let kept = HEAP.live().saturating_sub(before);
    drop(doc);
    (peak, kept)
}

/// Prints one line of figures.
fn report(name: &str, input: usize, (peak, kept): (usize, usize)) {
    let ratio = |b: usize| b as f64 / input.max(1) as f64;
    println!(
        "{name:<24} input {input:>10} B  peak {peak:>10} B ({:.2}x)  document {kept:>10} B ({:.2}x)",
        ratio(peak),
        ratio(kept)
    );
}

fn main() {
    let docs = reports();
    let ex = Extractor::new();
    // Build every table once before measuring: some are built on first use
    // only (those of Hong Kong's bodies, say), and would count as kept.
    for d in &docs {
        let _ = ex.extract(d);
    }
    let mut worst = (0.0, 0, (0, 0));
    let (mut peaks, mut input) = (0usize, 0usize);
    for d in &docs {
        let m = measure(&ex, d);
        peaks += m.0;
        input += d.len();
        let r = m.0 as f64 / d.len().max(1) as f64;
        if r > worst.0 {
            worst = (r, d.len(), m);
        }
    }
    println!(
        "corpus: tests/open + tests/holdout + sample, {} documents, {input} bytes",
        docs.len()
    );
    println!(
        "{:<24} input {input:>10} B  peak {peaks:>10} B ({:.2}x)",
        "reports (sum of peaks)",
        peaks as f64 / input.max(1) as f64
    );
    report("reports (worst one)", worst.1, worst.2);
    let all = docs.concat();
    let mut big = String::with_capacity(10_000_000 + all.len());
    while big.len() < 10_000_000 {
        big.push_str(&all);
        big.push('\n');
    }
    report("one 10 MB document", big.len(), measure(&ex, &big));
}
