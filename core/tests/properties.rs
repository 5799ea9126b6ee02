//! Properties that hold for every input: extraction never panics, every span
//! lies on char boundaries inside the text, byte and char offsets agree, and
//! each record's `text` is exactly the slice its span covers.

use proptest::prelude::*;
use shushuo::{Document, EntityKind, Extractor, Span};

/// Chars that exercise the scanner: digits in both widths, Chinese numerals,
/// multipliers, units, approximation words, stray spaces, brackets, quotes,
/// traditional chars, pinyin letters and stray code points.
const ALPHABET: &str =
    "0123456789０１２３４５６７８９.．,，%％-~至万亿千百十零〇一二两三四五六七八九\
    余多近约超过不足以上左右第个所名人次元平方米亩倍成分之年月日区县市镇街道小学中学幼儿园教委\
    新增投入增长下降比上年提高百分点率达 　\t\n。、；：（）()《》“”\"'💡é\
    億萬個戶總區學於㗲zhǎngèa\u{feff}\0\u{1}\u{a0}\u{2009}\u{301}\u{85}";

fn text_strategy() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(chars), 0..120)
            .prop_map(|v| v.into_iter().collect::<String>()),
        1 => any::<String>(),
    ]
}

/// Texts dense in dates: digits, date words, separators, relative words.
fn date_strategy() -> impl Strategy<Value = String> {
    let atoms = vec![
        "0",
        "1",
        "2",
        "3",
        "9",
        "12",
        "19",
        "20",
        "29",
        "30",
        "31",
        "99",
        "112",
        "2019",
        "2020",
        "2023",
        "2024",
        "9999",
        "0000",
        "年",
        "月",
        "日",
        "号",
        "底",
        "初",
        "末",
        "度",
        "-",
        "/",
        ":",
        "—",
        "至",
        "到",
        "、",
        "今年",
        "去年",
        "明年",
        "前年",
        "上年",
        "本年度",
        "民国",
        "中华民国",
        "正月",
        "初六",
        "季度",
        "上半年",
        " ",
        "，",
        "。",
        "〇",
        "二〇二三",
    ];
    prop::collection::vec(prop::sample::select(atoms), 0..24).prop_map(|v| v.concat())
}

/// A day as (year, month, day).
type Day = (u32, u32, u32);

/// Whether a DATE's normalized form keeps the contract: not ISO-shaped
/// (the surface text), or a real date, month or year of 0001-9999, or an
/// ordered range of two.
fn iso_is_valid(n: &str) -> bool {
    if n.is_empty()
        || !n
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    {
        return true;
    }
    let bounds = |s: &str| -> Option<(Day, Day)> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| (p.len() == len).then(|| p.parse::<u32>().ok()).flatten();
        let y = num(parts.first()?, 4).filter(|y| *y >= 1)?;
        let days = |m: u32| match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        match parts.len() {
            1 => Some(((y, 1, 1), (y, 12, 31))),
            2 | 3 => {
                let m = num(parts[1], 2).filter(|m| (1..=12).contains(m))?;
                if parts.len() == 2 {
                    return Some(((y, m, 1), (y, m, days(m))));
                }
                let d = num(parts[2], 2).filter(|d| (1..=days(m)).contains(d))?;
                Some(((y, m, d), (y, m, d)))
            }
            _ => None,
        }
    };
    let ends: Vec<_> = n.split('/').map(bounds).collect();
    match ends.as_slice() {
        [Some(_)] => true,
        [Some((a, _)), Some((_, b))] => a <= b,
        _ => false,
    }
}

fn check_span(text: &str, span: &Span, surface: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} outside {text:?}"
    );
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    assert_eq!(&text[span.start..span.end], surface);
    assert_eq!(text[..span.start].chars().count(), span.char_start);
    assert_eq!(text[..span.end].chars().count(), span.char_end);
}

fn check_document(text: &str, doc: &Document) {
    for m in &doc.metrics {
        check_span(text, &m.span, &m.text);
        assert!(!m.text.is_empty(), "empty metric in {text:?}");
        assert!(m.value.is_finite(), "{m:?}");
        assert!(!m.unit.is_empty(), "{m:?}");
    }
    assert!(doc
        .metrics
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    for e in &doc.entities {
        check_span(text, &e.span, &e.text);
        assert!(!e.normalized.is_empty(), "{e:?}");
    }
    assert!(doc
        .entities
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_exact_slices_of_the_input(text in text_strategy()) {
        let doc = Extractor::new().extract(&text);
        check_document(&text, &doc);
    }

    #[test]
    fn documents_survive_json_exactly(text in text_strategy()) {
        let doc = Extractor::new().extract(&text);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn every_iso_date_is_a_real_date(
        text in date_strategy(),
        reference in prop::sample::select(vec!["0001-01-01", "2024-02-29", "2024-06-30", "9999-12-31"]),
    ) {
        let ex = Extractor::builder().reference_date(reference).build().unwrap();
        for e in ex.extract(&text).entities.iter().filter(|e| e.kind == EntityKind::Date) {
            prop_assert!(iso_is_valid(&e.normalized), "{e:?} in {text:?} from {reference}");
        }
    }

    #[test]
    fn a_reference_date_changes_nothing_but_dates(text in text_strategy()) {
        let ex = Extractor::builder().reference_date("2023-06-30").build().unwrap();
        let doc = ex.extract(&text);
        check_document(&text, &doc);
        let plain = Extractor::new().extract(&text);
        prop_assert_eq!(doc.metrics, plain.metrics);
    }
}

#[test]
fn offsets_survive_stray_spaces_and_full_width_digits() {
    let text = "全区投入资金２．６１ 亿元，新增学位 8660 个。";
    let doc = Extractor::new().extract(text);
    check_document(text, &doc);
    let surfaces: Vec<&str> = doc.metrics.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(surfaces, ["２．６１ 亿元", "8660 个"]);
    assert_eq!(doc.metrics[0].value, 261_000_000.0);
}

#[test]
fn huge_and_degenerate_numbers_do_not_panic() {
    for text in [
        "9999999999999999999999999999999999999999亿元",
        "一亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元",
        "0.000000000000000000000000000001%",
        "..........%%%%%万万万万",
        "第第第第第名",
        "百分之百分之百分之",
        "1.2.3.4.5万",
        "十十十十十十个",
        "《 》",
        "《\t》《",
    ] {
        let doc = Extractor::new().extract(text);
        check_document(text, &doc);
    }
    // Values that f64 cannot hold are not reported (issue #13): no inf, no NaN.
    for text in [
        format!("资金九{}元", "亿".repeat(39)),
        format!("比例0.{}%", "1".repeat(310)),
        format!("投入{}元", "9".repeat(400)),
    ] {
        let doc = Extractor::new().extract(&text);
        check_document(&text, &doc);
    }
}

#[test]
fn many_threads_share_one_extractor() {
    let ex = Extractor::new();
    let text = "新增学位8660个，投入资金3.2亿元。";
    let expected = ex.extract(text);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..50 {
                    assert_eq!(ex.extract(text), expected);
                }
            });
        }
    });
}
