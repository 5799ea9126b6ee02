//! Cancelling extractions: a triggered [`Cancel`] stops single texts and
//! batches with [`Error::Cancelled`], never a partial document, and an
//! untriggered one changes nothing.

use std::sync::mpsc;
use std::time::Duration;

use shushuo::{Cancel, Error, Extractor};

/// A long report: 400 KB of the same paragraph.
fn long_text() -> String {
    "2023年，江北区新增公办中小学学位8660个，累计投入资金31.96亿元，\
     比上年提高0.8个百分点；重庆市第八中学校长张某某说，全年接待游客约3.4万人次。\n"
        .repeat(2_000)
}

#[test]
fn untriggered_handle_changes_nothing() {
    let ex = Extractor::new();
    let text = long_text();
    let cancel = Cancel::new();
    assert_eq!(ex.extract_with(&text, &cancel).unwrap(), ex.extract(&text));
    let texts = vec![text.as_str(); 3];
    assert_eq!(
        ex.extract_batch_with(&texts, 2, &cancel).unwrap(),
        ex.extract_batch_on(&texts, 2)
    );
}

#[test]
fn triggered_handle_stops_at_once() {
    let ex = Extractor::new();
    let cancel = Cancel::new();
    cancel.cancel();
    assert!(cancel.is_cancelled());
    assert_eq!(
        ex.extract_with(&long_text(), &cancel),
        Err(Error::Cancelled)
    );
    assert_eq!(
        ex.extract_batch_with(&["新增学位8660个。"; 8], 2, &cancel),
        Err(Error::Cancelled)
    );
}

/// Cancelled from another thread while the text is being read: the call
/// returns `Cancelled` well before a full extraction would end.
#[test]
fn cancel_from_another_thread_inside_one_long_text() {
    let ex = Extractor::new();
    let text = long_text().repeat(40); // 16 MB
    let cancel = Cancel::new();
    let (started, wait) = mpsc::channel();
    let remote = cancel.clone();
    let canceller = std::thread::spawn(move || {
        wait.recv().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        remote.cancel();
    });
    started.send(()).unwrap();
    let result = ex.extract_with(&text, &cancel);
    canceller.join().unwrap();
    assert_eq!(result, Err(Error::Cancelled));
    // The handle stays triggered; a new one reads the text in full.
    assert!(ex.extract_with("新增学位8660个。", &cancel).is_err());
    assert_eq!(
        ex.extract_with("新增学位8660个。", &Cancel::new())
            .unwrap()
            .metrics
            .len(),
        1
    );
}

/// A batch cancelled while its threads work stops every one of them.
#[test]
fn cancel_a_running_batch() {
    let ex = Extractor::new();
    let text = long_text();
    let texts = vec![text.as_str(); 16];
    let cancel = Cancel::new();
    let remote = cancel.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(20));
        remote.cancel();
    });
    assert_eq!(
        ex.extract_batch_with(&texts, 2, &cancel),
        Err(Error::Cancelled)
    );
    canceller.join().unwrap();
}
