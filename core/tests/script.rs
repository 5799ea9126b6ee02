//! Texts from anywhere: traditional script, pinyin glosses and stray code
//! points are folded for matching, while every surface form (metric text,
//! indicator, entity text) is reported as written.

use shushuo::{Change, Document, EntityKind, Extractor, Metric};

/// Every record's text is exactly the slice its span covers.
fn check(text: &str, doc: &Document) {
    for m in &doc.metrics {
        assert_eq!(&text[m.span.start..m.span.end], m.text, "{m:?}");
        assert_eq!(text[..m.span.start].chars().count(), m.span.char_start);
    }
    for e in &doc.entities {
        assert_eq!(&text[e.span.start..e.span.end], e.text, "{e:?}");
    }
}

fn extract(text: &str) -> Document {
    let doc = Extractor::new().extract(text);
    check(text, &doc);
    doc
}

fn metric<'d>(doc: &'d Document, surface: &str) -> &'d Metric {
    doc.metrics
        .iter()
        .find(|m| m.text == surface)
        .unwrap_or_else(|| panic!("no metric {surface:?} in {:#?}", doc.metrics))
}

#[test]
fn traditional_text_reads_like_simplified() {
    let text = "2022年，總投資300億元，新增社會住宅1200戶，學位8660個。";
    let doc = extract(text);
    // 300 × 10^8.
    let money = metric(&doc, "300億元");
    assert_eq!((money.value, money.unit.as_str()), (3e10, "元"));
    assert_eq!(money.indicator, "總投資");
    let homes = metric(&doc, "1200戶");
    assert_eq!((homes.value, homes.unit.as_str()), (1200.0, "户"));
    assert_eq!(homes.indicator, "新增社會住宅");
    let places = metric(&doc, "8660個");
    assert_eq!((places.value, places.unit.as_str()), (8660.0, "个"));
    assert_eq!(places.indicator, "學位");

    // The same figures as the simplified text gives, offsets aside.
    let simple = extract("2022年，总投资300亿元，新增社会住宅1200户，学位8660个。");
    let values = |d: &Document| -> Vec<(f64, String)> {
        d.metrics
            .iter()
            .map(|m| (m.value, m.unit.clone()))
            .collect()
    };
    assert_eq!(values(&doc), values(&simple));
}

#[test]
fn entities_keep_their_traditional_text() {
    let text = "綿陽市涪城區新建學校5所，萬人次參與。";
    let doc = extract(text);
    let region = doc
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Region)
        .expect("a region");
    assert_eq!(region.text, "綿陽市涪城區");
    assert_eq!(region.normalized, "绵阳市涪城区");
    let schools = metric(&doc, "5所");
    assert_eq!(schools.region.as_deref(), Some("涪城区"));
}

#[test]
fn pinyin_glosses_do_not_break_words() {
    let text = "全市學位比上年增長(zhǎng)12%，提高3.5個(gè)百分點(diǎn)。";
    let doc = extract(text);
    let rise = metric(&doc, "12%");
    assert_eq!((rise.value, rise.change), (12.0, Change::Increase));
    // A glossed unit keeps its gloss in the surface.
    let points = doc
        .metrics
        .iter()
        .find(|m| m.text.starts_with("3.5個(gè)百分點"))
        .expect("percentage points");
    assert_eq!(points.text, "3.5個(gè)百分點(diǎn)");
    assert_eq!(points.change, Change::Increase);
}

#[test]
fn stray_code_points_neither_split_numbers_nor_show_in_indicators() {
    let text =
        "\u{feff}新增學位\08\u{a0}660個，累计投入 3 1 . 9 6 亿 元，建成\u{1}学校1\u{301}2所。";
    let doc = extract(text);
    let places = metric(&doc, "8\u{a0}660個");
    assert_eq!(places.value, 8660.0);
    assert_eq!(places.indicator, "新增學位");
    let money = metric(&doc, "3 1 . 9 6 亿 元");
    assert_eq!((money.value, money.unit.as_str()), (3_196_000_000.0, "元"));
    let schools = metric(&doc, "1\u{301}2所");
    assert_eq!(schools.value, 12.0);
    for m in &doc.metrics {
        assert!(
            !m.indicator.contains(['\u{feff}', '\0', '\u{1}']),
            "{:?}",
            m.indicator
        );
        assert!(!m.text.starts_with('\u{feff}'));
    }
    // Never a wrong value from a number split by a space.
    assert!(doc
        .metrics
        .iter()
        .all(|m| m.value != 660.0 && m.value != 6e8));
}

#[test]
fn simplified_text_is_untouched() {
    let text = "著名的乾隆年间，余下于后里只干台范冲松，新增学位8660个。";
    let doc = extract(text);
    assert_eq!(metric(&doc, "8660个").indicator, "新增学位");
}

/// Words and noise that the folds act on, strung together at random.
const PIECES: [&str; 22] = [
    "增長",
    "(zhǎng)",
    "（gè）",
    "(diǎn)",
    "12",
    "3",
    "8",
    ".",
    "%",
    " ",
    "\u{a0}",
    "\u{2009}",
    "億元",
    "萬",
    "個",
    "學位",
    "，",
    "\u{feff}",
    "\0",
    "\u{301}",
    "綿陽市涪城區",
    "(a)",
];

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 1000, ..Default::default() })]

    #[test]
    fn spans_stay_exact_slices(pieces in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let text: String = pieces.iter().map(|&k| PIECES[k]).collect();
        check(&text, &Extractor::new().extract(&text));
    }
}
