//! Running the core over many texts on several threads, with panics turned
//! into error messages instead of unwinding into Python.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

use shushuo::{Document, Extractor};

/// Runs `f`, turning a panic into an error message for the caller.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        format!("internal error in shushuo (please report it): {what}")
    })
}

/// Bytes of text per chunk of a batch: the GIL is taken back between chunks
/// to check for Ctrl-C, so a long batch stays interruptible (a chunk is
/// well under a second of work).
pub(crate) const CHUNK_BYTES: usize = 4 << 20;

/// Splits `texts` into consecutive chunks of at least `min_bytes` bytes of
/// text each (the last may be smaller).
pub(crate) fn chunks<'a, 's>(texts: &'a [&'s str], min_bytes: usize) -> Vec<&'a [&'s str]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        bytes += t.len();
        if bytes >= min_bytes {
            out.push(&texts[start..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < texts.len() {
        out.push(&texts[start..]);
    }
    out
}

/// The number of threads to use when the caller names none: every core.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Extracts every text on up to `threads` threads; results in input order.
///
/// Threads take the next unprocessed text from a shared counter, so long
/// and short texts balance out without a thread-pool dependency.
pub(crate) fn extract_all(
    ex: &Extractor,
    texts: &[&str],
    threads: usize,
) -> Result<Vec<Document>, String> {
    let threads = threads.min(texts.len());
    if threads <= 1 {
        return texts.iter().map(|t| guarded(|| ex.extract(t))).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(text) = texts.get(i) else {
                return done;
            };
            done.push((i, guarded(|| ex.extract(text))));
        }
    };
    let mut slots: Vec<Option<Document>> = vec![None; texts.len()];
    std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            let handle = std::thread::Builder::new()
                .name("shushuo-batch".into())
                .spawn_scoped(scope, work)
                .map_err(|e| format!("cannot start a worker thread: {e}"))?;
            handles.push(handle);
        }
        for handle in handles {
            let done = handle
                .join()
                .map_err(|_| "a worker thread failed".to_owned())?;
            for (i, doc) in done {
                slots[i] = Some(doc?);
            }
        }
        Ok::<(), String>(())
    })?;
    slots
        .into_iter()
        .map(|d| d.ok_or_else(|| "a text was left unprocessed".to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_matches_one_by_one_in_order() {
        let ex = Extractor::new();
        let texts = [
            "全区新增学位8660个。",
            "",
            "2022年9月22日，教育部印发通知。",
            "无数字",
        ];
        let one: Vec<Document> = texts.iter().map(|t| ex.extract(t)).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(extract_all(&ex, &texts, threads).unwrap(), one);
        }
    }

    #[test]
    fn chunks_cover_every_text_in_order() {
        let texts = ["aa", "b", "", "cccc", "d", "ee"];
        let parts = chunks(&texts, 3);
        assert_eq!(parts.concat(), texts);
        assert_eq!(parts, [&texts[..2], &texts[2..4], &texts[4..]]);
        assert!(chunks(&[], 3).is_empty());
        assert_eq!(chunks(&texts, 1000), [&texts[..]]);
    }

    #[test]
    fn panics_become_messages() {
        let err = guarded(|| -> () { panic!("boom") }).unwrap_err();
        assert!(err.contains("boom"), "{err}");
    }
}
