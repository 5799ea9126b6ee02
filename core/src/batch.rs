//! Many texts at once: [`Extractor::extract_batch`] spreads a slice of texts
//! over threads and returns their documents in order;
//! [`Extractor::extract_stream`] does the same for an iterator of any
//! length, a chunk at a time, so that memory stays bounded.
//!
//! Threads are the standard library's scoped threads: the work is one flat
//! loop over independent texts, which needs no work-stealing pool, and the
//! library stays free of a runtime its users may already run their own of.
//! Texts are handed out one at a time from a shared counter, so a long
//! report on one thread does not leave the others idle.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::{Cancel, Document, Error, Extractor, Result};

/// How many texts [`Extractor::extract_stream`] reads ahead per thread.
const STREAM_CHUNK_PER_THREAD: usize = 16;

/// The number of threads a batch uses when asked for 0: one per available
/// core (1 where the number of cores cannot be told).
///
/// ```
/// assert!(shushuo::default_threads() >= 1);
/// ```
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// The number of threads to use for `n` texts when asked for `threads`
/// (0: [`default_threads`]).
fn threads_for(threads: usize, n: usize) -> usize {
    let wanted = if threads == 0 {
        default_threads()
    } else {
        threads
    };
    wanted.min(n).max(1)
}

impl Extractor {
    /// Extracts every text of `texts` on all available cores; the documents
    /// come back in the order of the texts.
    ///
    /// ```
    /// use shushuo::Extractor;
    /// let ex = Extractor::new();
    /// let docs = ex.extract_batch(&["新增学位8660个。", "投入资金2.3亿元。"]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].metrics[0].value, 230_000_000.0);
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Document> {
        self.extract_batch_on(texts, 0)
    }

    /// Like [`extract_batch`](Self::extract_batch) on at most `threads`
    /// threads (0: one per available core; never more than there are
    /// texts). With one thread the texts are read on the calling thread.
    ///
    /// ```
    /// use shushuo::Extractor;
    /// let ex = Extractor::new();
    /// let texts = vec!["新增学位8660个。".to_string(); 10];
    /// let two = ex.extract_batch_on(&texts, 2);
    /// assert_eq!(two, ex.extract_batch_on(&texts, 1));
    /// ```
    pub fn extract_batch_on<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: usize,
    ) -> Vec<Document> {
        self.batch(texts, threads, None)
            .expect("a batch without a Cancel handle is never cancelled")
    }

    /// Like [`extract_batch_on`](Self::extract_batch_on), but stops early
    /// when `cancel` is triggered: every thread stops within a few
    /// milliseconds, even inside a long text, and the call returns
    /// [`Error::Cancelled`] (never part of the documents).
    ///
    /// ```
    /// use shushuo::{Cancel, Error, Extractor};
    /// let ex = Extractor::new();
    /// let cancel = Cancel::new();
    /// let texts = ["新增学位8660个。"; 4];
    /// assert_eq!(ex.extract_batch_with(&texts, 2, &cancel)?.len(), 4);
    /// cancel.cancel();
    /// assert_eq!(ex.extract_batch_with(&texts, 2, &cancel), Err(Error::Cancelled));
    /// # Ok::<(), shushuo::Error>(())
    /// ```
    pub fn extract_batch_with<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: usize,
        cancel: &Cancel,
    ) -> Result<Vec<Document>> {
        self.batch(texts, threads, Some(cancel))
    }

    /// The batch, cancelled by `cancel` if there is one.
    fn batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: usize,
        cancel: Option<&Cancel>,
    ) -> Result<Vec<Document>> {
        let one = |text: &S| match cancel {
            Some(c) => self.extract_with(text.as_ref(), c),
            None => Ok(self.extract(text.as_ref())),
        };
        let threads = threads_for(threads, texts.len());
        if threads == 1 {
            return texts.iter().map(one).collect();
        }
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(text) = texts.get(i) else {
                    return Ok(done);
                };
                done.push((i, one(text)?));
            }
        };
        let parts: Vec<Result<Vec<(usize, Document)>>> = std::thread::scope(|s| {
            let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
            let mut parts = vec![work()];
            for h in helpers {
                // A panic on a helper thread is a bug in the library: pass
                // it on to the caller as if it had happened here.
                parts.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            parts
        });
        let mut slots: Vec<Option<Document>> = Vec::new();
        slots.resize_with(texts.len(), || None);
        for part in parts {
            for (i, doc) in part? {
                slots[i] = Some(doc);
            }
        }
        slots
            .into_iter()
            .map(|d| d.ok_or(Error::Cancelled))
            .collect()
    }

    /// Extracts the texts of an iterator of any length on at most `threads`
    /// threads (0: one per available core), yielding the documents lazily
    /// and in order. It reads ahead a chunk of texts (16 per thread) at a
    /// time, so memory holds one chunk, not the whole stream.
    ///
    /// ```
    /// use shushuo::Extractor;
    /// let ex = Extractor::new();
    /// let lines = (0..100).map(|i| format!("新增学位{i}个。"));
    /// let values: Vec<f64> = ex
    ///     .extract_stream(lines, 2)
    ///     .map(|doc| doc.metrics[0].value)
    ///     .collect();
    /// assert_eq!(values[42], 42.0);
    /// ```
    pub fn extract_stream<I>(&self, texts: I, threads: usize) -> Stream<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Sync,
    {
        let threads = threads_for(threads, usize::MAX);
        Stream {
            extractor: self,
            texts: texts.into_iter(),
            threads,
            ready: Vec::new().into_iter(),
        }
    }
}

/// The documents of [`Extractor::extract_stream`], in the order of the texts.
#[derive(Debug)]
pub struct Stream<'e, I: Iterator> {
    extractor: &'e Extractor,
    texts: I,
    threads: usize,
    /// The documents of the chunk read last, not yet handed out.
    ready: std::vec::IntoIter<Document>,
}

impl<I> Iterator for Stream<'_, I>
where
    I: Iterator,
    I::Item: AsRef<str> + Sync,
{
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        if let Some(doc) = self.ready.next() {
            return Some(doc);
        }
        let chunk: Vec<I::Item> = self
            .texts
            .by_ref()
            .take(self.threads * STREAM_CHUNK_PER_THREAD)
            .collect();
        self.ready = self
            .extractor
            .extract_batch_on(&chunk, self.threads)
            .into_iter();
        self.ready.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        (0..57)
            .map(|i| format!("2022年,全区新增学位{i}个,投入资金{}.5亿元。", i % 7))
            .collect()
    }

    #[test]
    fn batch_is_in_order_and_equals_one_by_one() {
        let ex = Extractor::new();
        let texts = texts();
        let one: Vec<Document> = texts.iter().map(|t| ex.extract(t)).collect();
        for threads in [0, 1, 2, 3, 8, 100] {
            assert_eq!(
                ex.extract_batch_on(&texts, threads),
                one,
                "{threads} threads"
            );
        }
        assert_eq!(ex.extract_batch(&texts), one);
    }

    #[test]
    fn empty_batch_and_stream() {
        let ex = Extractor::new();
        assert!(ex.extract_batch::<&str>(&[]).is_empty());
        assert_eq!(ex.extract_stream(Vec::<String>::new(), 2).count(), 0);
    }

    #[test]
    fn stream_is_lazy_in_order_and_complete() {
        let ex = Extractor::new();
        let texts = texts();
        let pulled = std::cell::Cell::new(0);
        let source = texts.iter().inspect(|_| pulled.set(pulled.get() + 1));
        let mut stream = ex.extract_stream(source, 2);
        let first = stream.next().expect("a document");
        assert_eq!(first, ex.extract(&texts[0]));
        // One chunk read, not the whole source.
        assert_eq!(pulled.get(), 2 * STREAM_CHUNK_PER_THREAD);
        let rest: Vec<Document> = stream.collect();
        assert_eq!(rest.len(), texts.len() - 1);
        assert_eq!(rest[40], ex.extract(&texts[41]));
    }
}
