//! A deterministic stand-in for fuzzing on stable Rust: many thousands of
//! random and mutated inputs through `shushuo_extract`, checking that every
//! call returns OK or INVALID_UTF8 (never PANIC) and that what comes back is
//! consistent. `SHUSHUO_STRESS_ITERS` sets the number of inputs (default
//! 20000), `SHUSHUO_STRESS_SEED` the seed (0 counts as 1); the
//! coverage-guided version is the cargo-fuzz target in `fuzz/`.

use std::ffi::CStr;
use std::ptr::null_mut;

use super::*;

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "8",
    "9",
    "12",
    "8660",
    "3.8",
    "0.5",
    "94",
    "1,234",
    "10000",
    "999999999999999999999",
    "1e308",
    "0.000000001",
    "1.2.3",
    "-3",
    "+",
    "..",
    "０",
    "１２",
    "．",
    "％",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "兆",
    "多",
    "余",
    "约",
    "近",
    "逾",
    "超过",
    "以上",
    "以下",
    "不足",
    "左右",
    "上下",
    "将近",
    "个",
    "所",
    "名",
    "人",
    "人次",
    "元",
    "万元",
    "亿元",
    "平方米",
    "亩",
    "公里",
    "%",
    "‰",
    "倍",
    "个百分点",
    "百分之",
    "分之",
    "第",
    "年",
    "月",
    "日",
    "天",
    "2022年",
    "去年底",
    "今年3月",
    "近5年",
    "一学年来",
    "增长",
    "下降",
    "减少",
    "增加",
    "提高",
    "比上年",
    "同比",
    "达",
    "为",
    "共",
    "累计",
    "新增",
    "学位",
    "学校",
    "教师",
    "覆盖率",
    "江北区",
    "青山区",
    "全市",
    "我区",
    "北京市",
    "教育部",
    "实验小学",
    "第二中学",
    "陈启明",
    "《",
    "》",
    "《通知》",
    "，",
    "。",
    "、",
    "；",
    "：",
    "（",
    "）",
    "“",
    "”",
    "\"",
    "'",
    " ",
    "\u{3000}",
    "\n",
    "\t",
    "\r\n",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "—",
    "~",
    "～",
    "-",
    "至",
    "到",
    "a",
    "Z",
    "é",
    "🙂",
    "\u{10ffff}",
];

const SEEDS: &[&str] = &[
    "全区新增学位8660个。",
    "2022年，江北区新增公办中小学学位8660个，普惠率达94%。",
    "累计投入资金31.96亿元，惠及近3.4万名学生。",
    "比上年增长9.6%，较上年提高3个百分点，下降0.5个百分点。",
    "近三分之一的学校建成智慧校园，获得一等奖7项、二等奖12项，名列第一。",
    "新增学位999999999999999999999亿个，约１２．５万元，3至5年，百分之九十九点九。",
    include_str!("../../examples/sample_report.txt"),
];

fn token_soup(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(40);
    (0..n).flat_map(|_| rng.pick(TOKENS).bytes()).collect()
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(96);
    (0..n).map(|_| rng.next() as u8).collect()
}

fn mutated(rng: &mut Rng) -> Vec<u8> {
    let mut v = rng.pick(SEEDS).as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if at < v.len() => v[at] ^= 1 << rng.below(8),
            1 => v.insert(at, rng.next() as u8),
            2 => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at..end);
            }
            3 => v.truncate(at),
            4 => {
                let token = rng.pick(TOKENS).as_bytes();
                v.splice(at..at, token.iter().copied());
            }
            _ => {
                let end = (at + rng.below(64)).min(v.len());
                let copy = v[at..end].to_vec();
                v.splice(at..at, copy);
            }
        }
    }
    v
}

fn check(ex: *const shushuo_extractor, input: &[u8], with_json: bool) -> shushuo_status {
    let mut doc = null_mut();
    let status = unsafe { shushuo_extract(ex, input.as_ptr().cast(), input.len(), &mut doc) };
    let text = std::str::from_utf8(input);
    match status {
        shushuo_status::InvalidUtf8 => {
            assert!(text.is_err() && doc.is_null(), "{input:?}");
            return status;
        }
        shushuo_status::Ok => assert!(!doc.is_null()),
        other => {
            let mut buf = [0 as c_char; 1024];
            unsafe { shushuo_last_error_message(buf.as_mut_ptr(), buf.len()) };
            let message = unsafe { CStr::from_ptr(buf.as_ptr()) };
            panic!("{other:?} on {input:?}: {message:?}");
        }
    }
    let text = text.expect("OK only for valid UTF-8");
    let in_text = |start: usize, end: usize, char_start: usize, char_end: usize| {
        assert!(
            start <= end && end <= text.len(),
            "{start}..{end} in {text:?}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{text:?}"
        );
        assert_eq!(text[..start].chars().count(), char_start, "{text:?}");
        assert_eq!(text[..end].chars().count(), char_end, "{text:?}");
    };
    for i in 0..unsafe { shushuo_document_metric_count(doc) } {
        let mut m = tests::metric_out();
        let status = unsafe { shushuo_document_metric(doc, i, &mut m) };
        assert_eq!(status, shushuo_status::Ok);
        in_text(m.start, m.end, m.char_start, m.char_end);
        assert!(m.value.is_finite() && m.previous.is_finite(), "{input:?}");
        assert!(m.si_value.is_finite(), "{input:?}");
        assert_eq!(m.has_si, !m.si_unit.data.is_null(), "{input:?}");
    }
    for i in 0..unsafe { shushuo_document_entity_count(doc) } {
        let mut e = tests::entity_out();
        let status = unsafe { shushuo_document_entity(doc, i, &mut e) };
        assert_eq!(status, shushuo_status::Ok);
        in_text(e.start, e.end, e.char_start, e.char_end);
        assert!(e.code.data.is_null() || e.code.len == 6, "{input:?}");
    }
    if with_json {
        let mut json = null_mut();
        assert_eq!(
            unsafe { shushuo_document_to_json(doc, &mut json) },
            shushuo_status::Ok
        );
        let s = unsafe { CStr::from_ptr(json) }.to_str().unwrap();
        serde_json::from_str::<Document>(s).unwrap();
        unsafe { shushuo_string_free(json) };
    }
    unsafe { shushuo_document_free(doc) };
    status
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).map_or(default, |v| {
        v.parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number"))
    })
}

#[test]
fn random_and_mutated_inputs_never_panic() {
    let iterations = env_number("SHUSHUO_STRESS_ITERS", 20_000);
    let seed = env_number("SHUSHUO_STRESS_SEED", 0x5eed_5eed).max(1);
    let mut rng = Rng(seed);
    let mut ex = null_mut();
    let options = c"{\"reference_date\":\"2023-06-30\"}";
    assert_eq!(
        unsafe { shushuo_extractor_new(options.as_ptr(), &mut ex) },
        shushuo_status::Ok
    );
    let (mut ok, mut invalid) = (0u64, 0u64);
    for i in 0..iterations {
        let input = match rng.below(4) {
            0 => token_soup(&mut rng),
            1 => random_bytes(&mut rng),
            2 => mutated(&mut rng),
            // Mutated, then made valid UTF-8 again, so that most mutants
            // reach the extractor instead of the UTF-8 check.
            _ => String::from_utf8_lossy(&mutated(&mut rng))
                .into_owned()
                .into_bytes(),
        };
        match check(ex, &input, i % 16 == 0) {
            shushuo_status::Ok => ok += 1,
            _ => invalid += 1,
        }
    }
    unsafe { shushuo_extractor_free(ex) };
    println!(
        "stress: {iterations} inputs (seed {seed:#x}) ran clean: {ok} OK, {invalid} INVALID_UTF8"
    );
    assert!(ok > 0 && invalid > 0);
}
