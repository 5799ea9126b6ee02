//! The Chinese number system, table-driven: every file under
//! `tests/number_forms/` holds one class of forms (`percent_words.tsv`,
//! `financial.tsv`, …), one case a line:
//!
//! ```text
//! sentence<TAB>quantity<TAB>value<TAB>unit      a metric with this surface, value and unit
//! sentence<TAB>-                                no metric at all
//! ```
//!
//! A case holds when the sentence yields a metric whose `text` is `quantity`
//! with that value (to 1e-9 relative) and unit, and, for `-`, no metric. Each
//! sentence should hold one figure; where it holds more, the named one must be
//! among them. Lines starting with `#` are comments.
//!
//! Beside the tables, a property: no metric is ever read from a part of a
//! longer numeral (a metric never starts or ends inside a run of digits or
//! Chinese numerals that continues past it).

use std::path::Path;

use shushuo::Extractor;

fn extractor() -> Extractor {
    Extractor::builder().entities(false).build().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

#[test]
fn every_number_form_reads_right() {
    let ex = extractor();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/number_forms");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let (mut cases, mut failures) = (0, Vec::new());
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let body = std::fs::read_to_string(file).unwrap();
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            cases += 1;
            let cols: Vec<&str> = line.split('\t').collect();
            let doc = ex.extract(cols[0]);
            let got: Vec<String> = doc
                .metrics
                .iter()
                .map(|m| format!("{} = {} {}", m.text, m.value, m.unit))
                .collect();
            let ok = match cols.as_slice() {
                [_, "-"] => doc.metrics.is_empty(),
                [_, quantity, value, unit] => {
                    let value: f64 = value
                        .parse()
                        .unwrap_or_else(|_| panic!("{name}:{}: bad value", n + 1));
                    doc.metrics
                        .iter()
                        .any(|m| m.text == *quantity && close(m.value, value) && m.unit == *unit)
                }
                _ => panic!("{name}:{}: expected 2 or 4 columns", n + 1),
            };
            if !ok {
                failures.push(format!("{name}:{}: {line}\n    got {got:?}", n + 1));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} number forms read wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Chars that continue a numeral run.
fn numeral_char(c: char) -> bool {
    c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

#[test]
fn no_metric_from_part_of_a_longer_numeral() {
    let ex = extractor();
    let digits = [
        "3",
        "12",
        "1,234",
        "45.6",
        "三",
        "十二",
        "一百零五",
        "两千",
        "壹拾贰",
    ];
    let units = ["个", "元", "万元", "%", "人次", "亿元", "平方米"];
    let frames = ["新增{}。", "投入资金{}，", "比上年增长{}", "共有{}学校"];
    for d in digits {
        for u in units {
            for f in frames {
                let text = f.replace("{}", &format!("{d}{u}"));
                for m in ex.extract(&text).metrics {
                    let (s, e) = (m.span.start, m.span.end);
                    let before = text[..s].chars().next_back();
                    let after = text[e..].chars().next();
                    let starts_inside = before.is_some_and(numeral_char)
                        && m.text.chars().next().is_some_and(numeral_char);
                    let ends_inside = after.is_some_and(numeral_char)
                        && m.text.chars().next_back().is_some_and(numeral_char);
                    assert!(!starts_inside && !ends_inside, "{m:?} in {text:?}");
                }
            }
        }
    }
}
