//! Running the core's batch over many texts in chunks, with panics turned
//! into error messages instead of unwinding into Python. The threads are
//! the core's (`Extractor::extract_batch_on`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use pyo3::prelude::*;
use shushuo::Cancel;

use crate::{core_err, internal_err};

/// Texts of at least this many bytes are read on a worker thread while the
/// calling thread watches for Ctrl-C ([`interruptible`]); smaller ones take
/// well under a second and are read on the calling thread.
pub(crate) const WATCH_BYTES: usize = 1 << 20;

/// How often the calling thread checks for Ctrl-C while a worker reads.
const WATCH_EVERY: Duration = Duration::from_millis(50);

/// Runs `work` with the GIL released and panics caught. When `watch` is
/// set it runs on a worker thread while this thread checks for Ctrl-C
/// every 50 ms: a `KeyboardInterrupt` cancels `work` through its
/// [`Cancel`] (the core stops within milliseconds, even inside one long
/// text) and is raised here.
pub(crate) fn interruptible<T: Send>(
    py: Python<'_>,
    watch: bool,
    work: impl FnOnce(&Cancel) -> shushuo::Result<T> + Send,
) -> PyResult<T> {
    let cancel = Cancel::new();
    if !watch {
        return py
            .detach(|| guarded(|| work(&cancel)))
            .map_err(internal_err)?
            .map_err(core_err);
    }
    let (done, interrupt) = py.detach(|| {
        let waiter = std::thread::current();
        std::thread::scope(|s| {
            let worker = s.spawn(|| {
                let done = guarded(|| work(&cancel));
                waiter.unpark();
                done
            });
            let mut interrupt = None;
            while !worker.is_finished() {
                std::thread::park_timeout(WATCH_EVERY);
                if interrupt.is_none() {
                    if let Err(e) = Python::attach(|py| py.check_signals()) {
                        cancel.cancel();
                        interrupt = Some(e);
                    }
                }
            }
            let done = worker
                .join()
                .unwrap_or_else(|_| Err("the worker thread could not finish".to_owned()));
            (done, interrupt)
        })
    });
    if let Some(e) = interrupt {
        return Err(e);
    }
    done.map_err(internal_err)?.map_err(core_err)
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
