//! Stopping an extraction from another thread: a [`Cancel`] handle, and
//! the checks the long passes make.
//!
//! [`Extractor::extract_with`](crate::Extractor::extract_with) makes the
//! handle the *current* one of its thread for the duration of the call;
//! the passes whose time grows with the text call [`requested`] every few
//! thousand steps and stop early when it says so. Their partial results
//! are thrown away: a cancelled call returns [`Error::Cancelled`](crate::Error::Cancelled),
//! never a partial document. A plain [`Extractor::extract`](crate::Extractor::extract)
//! has no current handle, and the checks cost one thread-local read.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A handle to stop extractions early, from any thread: clone it, pass it
/// to [`Extractor::extract_with`](crate::Extractor::extract_with) or
/// [`Extractor::extract_batch_with`](crate::Extractor::extract_batch_with),
/// and call [`cancel`](Cancel::cancel) (from a signal handler's thread, a
/// UI, a timeout…). The calls then return
/// [`Error::Cancelled`](crate::Error::Cancelled) within a few milliseconds,
/// even inside one long text.
///
/// ```
/// use shushuo::{Cancel, Error, Extractor};
/// let ex = Extractor::new();
/// let cancel = Cancel::new();
/// assert!(ex.extract_with("新增学位8660个。", &cancel).is_ok());
/// cancel.cancel();
/// assert_eq!(ex.extract_with("新增学位8660个。", &cancel), Err(Error::Cancelled));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A handle that has not been triggered.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks every extraction using this handle (or a clone) to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`cancel`](Cancel::cancel) has been called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

thread_local! {
    /// The handle of the extraction running on this thread, if any.
    static CURRENT: RefCell<Option<Cancel>> = const { RefCell::new(None) };
}

/// Whether the extraction running on this thread has been cancelled: the
/// long passes call this every few thousand steps and stop when it is true.
pub(crate) fn requested() -> bool {
    CURRENT.with(|c| c.borrow().as_ref().is_some_and(Cancel::is_cancelled))
}

/// A pass's check of [`requested`] as it walks forward through a text:
/// once per 64 KB of text, so that the check costs nothing measurable.
#[derive(Debug, Default)]
pub(crate) struct Checkpoint {
    /// The 64 KB block of the last check.
    block: usize,
}

impl Checkpoint {
    /// Whether the pass, now at byte `pos`, should stop: the current
    /// extraction is cancelled (asked only when `pos` enters a new block).
    #[inline]
    pub(crate) fn stop_at(&mut self, pos: usize) -> bool {
        let block = pos >> 16;
        if block == self.block {
            return false;
        }
        self.block = block;
        requested()
    }
}

/// Runs `f` with `cancel` as this thread's current handle (the previous
/// one is restored after, also if `f` panics).
pub(crate) fn with<T>(cancel: &Cancel, f: impl FnOnce() -> T) -> T {
    /// Restores the previous handle when dropped.
    struct Restore(Option<Cancel>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            CURRENT.with(|c| *c.borrow_mut() = previous);
        }
    }
    let previous = CURRENT.with(|c| c.borrow_mut().replace(cancel.clone()));
    let _restore = Restore(previous);
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_handle_is_scoped_and_nested() {
        assert!(!requested());
        let outer = Cancel::new();
        let inner = Cancel::new();
        inner.cancel();
        with(&outer, || {
            assert!(!requested());
            with(&inner, || assert!(requested()));
            assert!(!requested());
            outer.cancel();
            assert!(requested());
        });
        assert!(!requested());
    }

    #[test]
    fn checkpoint_asks_once_per_block() {
        let c = Cancel::new();
        c.cancel();
        with(&c, || {
            let mut at = Checkpoint::default();
            assert!(!at.stop_at(100), "still in the first block");
            assert!(at.stop_at(70_000));
            assert!(!at.stop_at(70_001), "asked once per block");
        });
    }

    #[test]
    fn handle_is_restored_after_a_panic() {
        let c = Cancel::new();
        c.cancel();
        let r = std::panic::catch_unwind(|| with(&c, || panic!("boom")));
        assert!(r.is_err());
        assert!(!requested());
    }
}
