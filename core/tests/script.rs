//! Texts from anywhere: traditional script is folded for matching, while
//! every surface form (metric text, indicator, entity text) is reported as
//! written.

use shushuo::{Document, EntityKind, Extractor, Metric};

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
fn simplified_text_is_untouched() {
    let text = "著名的乾隆年间，余下于后里只干台范冲松，新增学位8660个。";
    let doc = extract(text);
    assert_eq!(metric(&doc, "8660个").indicator, "新增学位");
}
