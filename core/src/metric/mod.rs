//! Metrics: numbers are found by jumping between digits and Chinese
//! numerals ([`scan`]), read with their approximation words, multipliers and
//! unit, judged ([`classify`]: dates, ordinals, periods, codes and name parts
//! set aside), then given their context ([`context`]: indicator, change,
//! period), linked to the earlier value of a from–to pair ([`pairs`]) and
//! given their region.

mod classify;
mod context;
mod index;
mod numeral;
mod pairs;
mod scan;
mod segment;
mod table;
mod tables;

pub(crate) use index::MARKS;
pub use tables::Tables;

use crate::cancel::{self, Checkpoint};
use crate::normalize::Normalized;
use crate::region::Resolver;
use crate::{Approx, Change, QuantityKind};

/// A metric as the metric stage finds it: where it stands in the
/// normalised text, with the fields of [`Metric`](crate::Metric) that do
/// not depend on the original text. Mapping back to the original
/// ([`crate::normalize::to_original`]) makes the public record of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    /// Byte offset of the quantity in the normalised text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// See [`Metric::value`](crate::Metric::value).
    pub value: f64,
    /// See [`Metric::unit`](crate::Metric::unit).
    pub unit: String,
    /// See [`Metric::kind`](crate::Metric::kind).
    pub kind: QuantityKind,
    /// See [`Metric::approx`](crate::Metric::approx).
    pub approx: Approx,
    /// See [`Metric::change`](crate::Metric::change).
    pub change: Change,
    /// See [`Metric::indicator`](crate::Metric::indicator) (already in the
    /// original's words).
    pub indicator: String,
    /// See [`Metric::region`](crate::Metric::region).
    pub region: Option<String>,
    /// See [`Metric::period`](crate::Metric::period) (already as written).
    pub period: Option<String>,
    /// See [`Metric::previous`](crate::Metric::previous).
    pub previous: Option<f64>,
    /// See [`Metric::si_value`](crate::Metric::si_value).
    pub si_value: Option<f64>,
    /// See [`Metric::si_unit`](crate::Metric::si_unit).
    pub si_unit: Option<String>,
    /// See [`Metric::borderline`](crate::Metric::borderline).
    pub borderline: bool,
}

/// Finds the metrics of `norm`, in text order; `noted` holds the places of
/// the [`MARKS`] in its text, as [`Normalized::noting`] gives them.
pub(crate) fn extract(
    norm: &Normalized,
    noted: Vec<usize>,
    tables: &Tables,
    regions: &Resolver,
) -> Vec<Draft> {
    let ix = index::Index::new(&norm.text, noted, norm.joins());
    if cancel::requested() {
        return Vec::new();
    }
    let mut found = quantities(&ix, tables);
    let roles = pairs::roles(&ix, &found, tables);
    let per_share = per_share_carried(&ix, &found);
    let mut reader = context::Reader::new(norm, &ix, tables);
    let mut out = Vec::with_capacity(found.len());
    let mut checkpoint = Checkpoint::default();
    let starts: Vec<usize> = found.iter().map(|q| q.start).collect();
    let respective = regions.respective(&starts);
    for i in 0..found.len() {
        let q = &found[i];
        if checkpoint.stop_at(q.start) {
            break;
        }
        let prev_end = if i > 0 { found[i - 1].end } else { 0 };
        let next_start = found.get(i + 1).map_or(norm.text.len(), |n| n.start);
        let region = regions
            .placed_after(q.end)
            .or(respective[i])
            .or_else(|| regions.region_at(q.start));
        let prev_indicator = out.last().map_or("", |d: &Draft| d.indicator.as_str());
        let ctx = reader.read(q, prev_end, next_start, region, roles[i], prev_indicator);
        let previous = (roles[i] == pairs::Role::To).then(|| found[i - 1].value);
        // Nothing reads the unit or the SI value of a quantity once it is
        // read: the draft takes them over.
        let q = &mut found[i];
        let mut unit = std::mem::take(&mut q.unit);
        if per_share[i] {
            unit.push_str("/股");
        }
        let si = q.si.take();
        out.push(Draft {
            start: q.start,
            end: q.end,
            value: q.value,
            unit,
            kind: q.kind,
            approx: q.approx,
            change: ctx.change,
            indicator: ctx.indicator,
            region: region.map(str::to_owned),
            period: ctx.period,
            previous,
            si_value: si.as_ref().map(|s| s.0),
            si_unit: si.map(|s| s.1.to_owned()),
            borderline: q.borderline,
        });
    }
    out
}

/// Which money figures speak per share because the figure before them in
/// their sentence does (`基本每股收益-0.12元,上年同期为0.18元`); not a sum
/// in 万 or 亿, a total (`最低成交价18.65元/股,支付总金额2,413.87万元`).
fn per_share_carried(ix: &index::Index, found: &[classify::Judged<'_>]) -> Vec<bool> {
    let mut out = vec![false; found.len()];
    for i in 1..found.len() {
        let (prev, q) = (&found[i - 1], &found[i]);
        let carried = prev.unit.ends_with("/股") || out[i - 1];
        if carried
            && q.kind == QuantityKind::Money
            && !q.unit.contains('/')
            && !ix.text[q.start..q.end].contains(['万', '亿'])
            && segment::sentence_start(ix, q.start) <= prev.start
        {
            out[i] = true;
        }
    }
    out
}

/// Room made for the quantities judged metrics per KB of text (as many as
/// the densest reports hold), to spare growing the list.
const METRICS_PER_KB: usize = 28;

/// Every quantity of the indexed text judged a metric, in text order.
fn quantities<'t>(ix: &index::Index, tables: &'t Tables) -> Vec<classify::Judged<'t>> {
    let text = ix.text;
    let mut out = Vec::with_capacity((text.len() * METRICS_PER_KB).div_ceil(1024));
    let mut pos = 0;
    let mut sentence = 0..0;
    let words = word_starts(ix, tables);
    let mut starts = merged(ix.numbers.all(), &words);
    let mut checkpoint = Checkpoint::default();
    let mut rows = table::Rows::default();
    while let Some(at) = starts.find(|&at| at >= pos) {
        if checkpoint.stop_at(at) {
            break;
        }
        if let Some(j) = classify::word_quantity(text, at, tables) {
            pos = j.end;
            out.push(j);
            continue;
        }
        let mut next = scan::run_end(text, at).max(at + 1);
        if let Some(r) = scan::read(text, at, tables) {
            next = next.max(r.num_end);
            if r.end > sentence.end || at < sentence.start {
                sentence = segment::sentence_start(ix, at)..segment::sentence_end(ix, r.end);
            }
            if let Some(j) = classify::judge(ix, &r, tables, sentence.clone(), &mut rows) {
                next = next.max(j.end);
                out.push(j);
            }
        }
        pos = next;
    }
    // Give back the room grown for more: the drafts are made while these
    // are held.
    out.shrink_to_fit();
    out
}

/// Where a quantity starts with a word rather than a numeral: `万分之`
/// (N per ten thousand), `万余` and `万多` (ten thousand and more), `万`
/// or `亿` after an approximation word (`近万人次`, `逾亿元`), `首位` and
/// `榜首` (first place) and `打对折` (half off), in text order. Only the
/// chars of these words the index noted are looked at, in their order; a
/// start moved back before one (to `榜`, to `对`) stays after the one
/// before it, which is none of those chars.
fn word_starts(ix: &index::Index, tables: &Tables) -> Vec<usize> {
    let text = ix.text;
    let start = |i: usize| {
        let (before, rest) = text.split_at(i);
        if rest.starts_with('首') {
            let first = rest.starts_with("首位");
            let top = before.ends_with('榜');
            first.then_some(i).or(top.then(|| i - '榜'.len_utf8()))
        } else if rest.starts_with('折') {
            before.ends_with("打对").then(|| i - '对'.len_utf8())
        } else {
            // `万` or `亿`.
            let wan = rest
                .strip_prefix('万')
                .is_some_and(|a| a.starts_with("分之") || a.starts_with(['余', '多']));
            (wan || scan::approx_ends_at(text, i, tables)).then_some(i)
        }
    };
    ix.words.all().iter().filter_map(|&i| start(i)).collect()
}

/// The offsets of two sorted lists, merged in order.
fn merged<'a>(a: &'a [usize], b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if y < x => {
                j += 1;
                y
            }
            (Some(&x), _) => {
                i += 1;
                x
            }
            (None, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => return None,
        };
        Some(next)
    })
}

#[cfg(test)]
mod tests {
    use crate::{Approx, Change, Extractor, QuantityKind};

    fn metrics(text: &str) -> Vec<(String, f64, String, Approx, Change, String)> {
        Extractor::builder()
            .entities(false)
            .build()
            .unwrap()
            .extract(text)
            .metrics
            .into_iter()
            .map(|m| (m.text, m.value, m.unit, m.approx, m.change, m.indicator))
            .collect()
    }

    /// The value and unit of each metric of `text`.
    fn got(text: &str) -> Vec<(f64, String)> {
        metrics(text).into_iter().map(|m| (m.1, m.2)).collect()
    }

    /// The value, unit and indicator of each metric of `text`, as one line.
    fn measured(text: &str) -> Vec<String> {
        metrics(text)
            .into_iter()
            .map(|m| format!("{} {} {}", m.1, m.2, m.5))
            .collect()
    }

    #[test]
    fn a_column_of_a_budget_s_completion_is_in_percent() {
        let text = "单位:亿元、%\n项目\u{3000}\u{3000}年初预算\u{3000}\u{3000}1—6月完成\u{3000}\u{3000}完成预算\n一般公共预算收入\u{3000}\u{3000}3230.00\u{3000}\u{3000}1698.43\u{3000}\u{3000}52.6\n";
        assert_eq!(got(text).last(), Some(&(52.6, "%".to_string())));
        // The amount completed is no rate.
        let text = "单位:亿元、%\n项目\u{3000}\u{3000}完成预算数\u{3000}\u{3000}增长\n税收收入\u{3000}\u{3000}30.8\u{3000}\u{3000}5.2\n";
        assert_eq!(got(text)[0], (3_080_000_000.0, "元".to_string()));
    }

    #[test]
    fn a_table_s_units_go_to_the_columns_that_count_in_them() {
        // Three units for four columns: each column's noun says which.
        let text = "表1 主要教育指标(单位:所、人、%)\n学段\u{3000}学校数\u{3000}在校生数\u{3000}专任教师数\u{3000}在校生比上年增长\n小学\u{3000}86\u{3000}83612\u{3000}4538\u{3000}-2.7\n";
        assert_eq!(
            got(text),
            [
                (86.0, "所".into()),
                (83612.0, "人".into()),
                (4538.0, "人".into()),
                (-2.7, "%".into())
            ]
        );
        // A column headed by a measure (产量, 存栏) takes its unit without 数;
        // a livestock count in 头（只） keeps its bracket.
        let text = "单位：万吨，%，万头（只）\n旗县　粮食产量　比上年增长　牲畜存栏\n甲旗　52.7　-2.4　63.5\n";
        assert_eq!(
            got(text),
            [
                (527_000.0, "吨".into()),
                (-2.4, "%".into()),
                (635_000.0, "头（只）".into())
            ]
        );
        assert_eq!(
            got("年末牲畜存栏368.4万头（只）"),
            [(3_684_000.0, "头（只）".into())]
        );
        // A column headed by what it trades, not by a count, keeps the money.
        let text = "单位:万美元、人\n地区\u{3000}出口\u{3000}进口\u{3000}从业人数\n甲市\u{3000}3205\u{3000}2103\u{3000}560\n";
        assert_eq!(
            got(text),
            [
                (32_050_000.0, "美元".into()),
                (21_030_000.0, "美元".into()),
                (560.0, "人".into())
            ]
        );
    }

    #[test]
    fn a_title_of_percent_changes_gives_unit_and_sign() {
        let text = "表二：商品整體出口及進口貨值的按年變動百分率\n月份　整體出口　進口\n\
                    二〇二三年十一月　+8.5　-9.2\n";
        let m = metrics(text);
        let read: Vec<_> = m.iter().map(|m| (m.1, m.2.as_str(), m.4)).collect();
        assert_eq!(
            read,
            [(8.5, "%", Change::Increase), (-9.2, "%", Change::Decrease)]
        );
        // Counts and their shares under one title are no percentages.
        let text = "表3　各年級學生人數及百分比\n年級　人數\n一年級　320\n";
        assert!(got(text).iter().all(|(_, u)| u != "%"));
        // A title of shares is in percent, its signs no change.
        let text = "各區人口所佔百分比\n地區　男　女\n北區　48.2　51.8\n";
        let m = metrics(text);
        let read: Vec<_> = m.iter().map(|m| (m.1, m.2.as_str(), m.4)).collect();
        assert_eq!(read, [(48.2, "%", Change::None), (51.8, "%", Change::None)]);
    }

    #[test]
    fn a_column_that_counts_takes_its_measure_word() {
        // No unit line: a header naming a count gives its measure word; a
        // space inside a cell set apart by bars groups thousands.
        let text =
            "學年｜小學學校數目｜小學學生人數｜經常開支（億元）\n2019/20｜458｜303 512｜412.6\n";
        assert_eq!(
            got(text),
            [
                (458.0, "所".to_string()),
                (303_512.0, "人".to_string()),
                (41_260_000_000.0, "元".to_string())
            ]
        );
    }

    #[test]
    fn rows_of_one_figure_continue_the_row_above() {
        let text = "单位：元\n项目　本报告期金额\n政府补助（与经营相关的除外）　6,418,532.70\n\
                    其他营业外收入和支出　1,837,210.44\n减：所得税影响额　1,047,534.53\n\
                    合计　7,208,208.61\n";
        assert_eq!(
            measured(text),
            [
                "6418532.7 元 政府补助",
                "1837210.44 元 其他营业外收入和支出",
                "1047534.53 元 减：所得税影响额",
                "7208208.61 元 合计"
            ]
        );
        // Not under a row of two figures, nor without a row above; not a
        // code or a note after the total.
        assert!(got("单位：元\n项目　本期　上期\n收入　12　13\n合计　25\n").len() == 2);
        assert!(got("单位：元\n项目　金额\n合计　25\n").is_empty());
        let text = "单位：元\n项目　金额\n政府补助（注）　6,418.70\n合计　6,418.70\n\
                    附注　5\n股票代码　600132\n";
        assert_eq!(got(text).len(), 2);
    }

    #[test]
    fn numbered_rows_of_one_figure_and_their_total() {
        // A row's number, a town's cell and a school's, one figure under
        // the header's unit; the total under the rows.
        let text = "序号 镇街 幼儿园 新增学位（个）\n1 古南街道 桥河湾幼儿园 270\n\
                    2 文龙街道 沙溪坪幼儿园 360\n合计 630\n";
        assert_eq!(
            measured(text),
            [
                "270 个 古南街道桥河湾幼儿园",
                "360 个 文龙街道沙溪坪幼儿园",
                "630 个 合计"
            ]
        );
        // Not a figure after another cell's quantity (`改造 6.8公里 312`),
        // nor a line of prose that ends in a figure.
        let text = "序号 乡镇 建设内容 规模 投资（万元）\n1 歧坪镇 通村路改造 6.8公里 312\n";
        assert_eq!(got(text), [(6.8, "公里".to_string())]);
        assert!(got("全区学校总数\n合计 630\n").is_empty());
        // Only a total's word labels the row under them (not `数据截至 12`);
        // a wrapped line of prose opens with a figure, not a row number.
        let text = "单位：万元\n序号 项目 金额\n1 校舍改造 320\n数据截至 12\n";
        assert_eq!(got(text), [(3_200_000.0, "元".to_string())]);
        let m = metrics("全区幼儿园在园幼儿\n25 万人 比上年增长 3.2%\n");
        assert_eq!(m.last().map(|m| (m.1, m.4)), Some((3.2, Change::Increase)));
    }

    /// The unit of each metric of `text`.
    fn got_units(text: &str) -> Vec<String> {
        metrics(text).into_iter().map(|m| m.2).collect()
    }

    /// The value, unit and change of each metric of `text`.
    fn changes(text: &str) -> Vec<(f64, String, Change)> {
        metrics(text).into_iter().map(|m| (m.1, m.2, m.4)).collect()
    }

    #[test]
    fn a_range_s_upper_end_shares_the_change_a_level_after_it_none() {
        let up = |v: f64, u: &str| (v, u.to_string(), Change::Increase);
        assert_eq!(
            changes("车流量较平日增长50%至70%,每户可增收3000元至5000元。"),
            [
                up(50.0, "%"),
                up(70.0, "%"),
                up(3000.0, "元"),
                up(5000.0, "元")
            ]
        );
        // The level a change came to, in another unit or far above it.
        let c = changes("收益按年减少3%至846万元。");
        assert_eq!(c[1].2, Change::None);
        let c = changes("低保标准每月提高50元至780元,增速回落0.5%至5%。");
        assert_eq!(c[1].2, Change::None);
        assert_eq!(c[3].2, Change::None);
    }

    #[test]
    fn a_comparison_with_an_earlier_time_and_a_verb_before_the_object() {
        let c = changes("比去年同期多开行临客列车86列,较去年少发生事故12起,比上年增加投资2亿元。");
        let which: Vec<Change> = c.iter().map(|m| m.2).collect();
        assert_eq!(
            which,
            [Change::Increase, Change::Decrease, Change::Increase]
        );
        // A comparison with another thing, or a figure between: none.
        let c = changes("比上年同期的3所学校多出一倍,本地学校比重达到56%。");
        assert_eq!(c.last().map(|m| m.2), Some(Change::None));
        // A clause the verb qualifies counts things; 多个 is "several".
        let c = changes("比上年增长的行业有28个,比上年多个乡镇收入超亿元。");
        assert!(c.iter().all(|m| m.2 == Change::None));
        assert_eq!(changes("比上年度增加项目8个。")[0].2, Change::Increase);
    }

    #[test]
    fn reads_a_report_sentence() {
        let m = metrics("2022年,某某区新增学位3200个,投入资金2.3亿元,比上年增长12.5%。");
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].0, "3200个");
        assert_eq!(m[0].5, "某某区新增学位");
        assert_eq!((m[1].1, m[1].2.as_str()), (230_000_000.0, "元"));
        assert_eq!(m[1].5, "投入资金");
        assert_eq!((m[2].0.as_str(), m[2].4), ("12.5%", Change::Increase));
        // A signed rate in brackets after a figure is its change.
        let m = metrics("入境旅客175万人次(+4.6%),内地旅客22.3万人次(-8.1%)。");
        assert_eq!((m[1].1, m[1].4), (4.6, Change::Increase));
        assert_eq!((m[3].1, m[3].4), (-8.1, Change::Decrease));
        // A marker trimmed from an indicator's head, not a word's first char.
        let m = metrics("全市新增企业300家,本市场监管局检查企业1200家。");
        assert_eq!(m[0].5, "新增企业");
        assert_eq!(m[1].5, "本市场监管局检查企业");
    }

    #[test]
    fn shares_a_list_verb_and_keeps_original_text() {
        let m = metrics("新增教育用地18万平方米、校舍11万平方米。普惠率达９２．５％。");
        assert_eq!(m[1].5, "新增校舍");
        assert_eq!(m[2].0, "９２．５％");
        assert_eq!(m[2].5, "普惠率");
    }

    #[test]
    fn approximations_and_new_things() {
        let m = metrics("培训教师1.2万余人次,骨干教师约310人,新增5所幼儿园,超过2000名志愿者。");
        assert_eq!(m[0].3, Approx::Over);
        assert_eq!((m[1].0.as_str(), m[1].3), ("约310人", Approx::About));
        assert_eq!((m[2].4, m[2].5.as_str()), (Change::None, "新增幼儿园"));
        assert_eq!((m[3].0.as_str(), m[3].3), ("超过2000名", Approx::Over));
    }

    #[test]
    fn taiwan_rate_columns_are_rises() {
        let c = changes(
            "近期營收（單位：新台幣億元）\n月份\u{3000}營收\u{3000}月增率\u{3000}年增率\n\
             113年8月\u{3000}25.37\u{3000}3.5%\u{3000}22.8%\n\
             113年9月\u{3000}26.11\u{3000}-2.9%\u{3000}24.6%\n",
        );
        let rises = |v: f64| (v, "%".to_string(), Change::Increase);
        assert_eq!(c[1], rises(3.5));
        assert_eq!(c[2], rises(22.8));
        assert_eq!(c[4], rises(-2.9));
        assert_eq!((c[3].1.as_str(), c[3].2), ("元", Change::None));
    }

    #[test]
    fn hong_kong_change_columns_in_percent() {
        // `按年變動百分率` heads signed changes in percent with no `(%)`.
        let c = changes(
            "零售商類別\u{3000}銷貨價值（百萬港元）\u{3000}按年變動百分率\n\
             超級市場貨品\u{3000}4,086\u{3000}+1.5\n\
             名貴禮物\u{3000}4,527\u{3000}-9.8\n",
        );
        assert_eq!(c[0], (4_086_000_000.0, "港元".to_string(), Change::None));
        assert_eq!(c[1], (1.5, "%".to_string(), Change::Increase));
        assert_eq!(c[3], (-9.8, "%".to_string(), Change::Decrease));
    }

    #[test]
    fn a_label_spaced_out_keeps_its_last_char() {
        // `容　县`, `全　市`: a two-char name spaced to the width of three;
        // its last char is no cell of units.
        let m = measured(
            "单位：人\n县（市、区）\u{3000}新增就业\u{3000}再就业\n\
             玉州区\u{3000}8216\u{3000}1932\n容\u{3000}县\u{3000}\u{3000}4380\u{3000}1046\n\
             全\u{3000}市\u{3000}\u{3000}41200\u{3000}9860\n",
        );
        assert!(m.contains(&"4380 人 容县".to_string()), "{m:?}");
        assert!(m.contains(&"41200 人 全市".to_string()), "{m:?}");
        // Four digits like a year in a row of counts are a count.
        assert!(m.contains(&"1932 人 玉州区".to_string()), "{m:?}");
        // A row of years heads the columns.
        let years = got("单位：亿元\n指标\u{3000}2022\u{3000}2023\n收入\u{3000}100\u{3000}120\n");
        assert_eq!(years.len(), 2, "{years:?}");
    }

    #[test]
    fn space_split_tables_take_their_column_units() {
        // Units in the header's brackets; a change column's before the row's.
        let m = metrics(
            "表1\n城市\u{3000}PM2.5（微克/立方米）\u{3000}优良天数比例（%）\u{3000}同比增减（个百分点）\n\
             南京\u{3000}28.9\u{3000}82.2\u{3000}+1.6\n无锡\u{3000}29.4\u{3000}80.3\u{3000}-2.9\n",
        );
        let got: Vec<(&str, f64, &str)> = m
            .iter()
            .map(|m| (m.0.as_str(), m.1, m.2.as_str()))
            .collect();
        assert_eq!(
            got[..3],
            [
                ("28.9", 28.9, "微克/立方米"),
                ("82.2", 82.2, "%"),
                ("+1.6", 1.6, "百分点")
            ]
        );
        assert_eq!((got[5].1, got[5].2), (-2.9, "百分点"));
        // A line of units whose spaces normalisation dropped (`千港元千港元`),
        // and an amount in brackets, negative.
        let m = metrics(
            "截至6月30日止六個月\u{3000}2025年\u{3000}2024年\n千港元\u{3000}千港元\n\
             收益\u{3000}8,426,315\u{3000}7,497,102\n銷售成本\u{3000}(6,909,109)\u{3000}(6,207,599)\n",
        );
        let got: Vec<(&str, f64, &str)> = m
            .iter()
            .map(|m| (m.0.as_str(), m.1, m.2.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("8,426,315", 8_426_315_000.0, "港元"),
                ("7,497,102", 7_497_102_000.0, "港元"),
                ("(6,909,109)", -6_909_109_000.0, "港元"),
                ("(6,207,599)", -6_207_599_000.0, "港元"),
            ]
        );
    }

    #[test]
    fn a_line_of_notes_under_the_units_is_no_header() {
        // `(未經審核)` over each column: the line of units above it heads
        // the columns; a bracket inside a row label is part of it.
        let got = measured(
            "\u{3000}二零二四年\u{3000}二零二三年\n\u{3000}千港元\u{3000}千港元\n\
             \u{3000}(未經審核)\u{3000}(未經審核)\n收益\u{3000}1,286,412\u{3000}1,387,655\n\
             除稅前(虧損)/溢利\u{3000}(39,118)\u{3000}26,742\n",
        );
        assert_eq!(
            got,
            [
                "1286412000 港元 收益",
                "1387655000 港元 收益",
                "-39118000 港元 除稅前(虧損)/溢利",
                "26742000 港元 除稅前(虧損)/溢利",
            ]
        );
        // A sub-row under a heading of figures per share.
        assert_eq!(
            measured(
                "\u{3000}二零二四年\u{3000}二零二三年\n\u{3000}千港元\u{3000}千港元\n\
                 收益\u{3000}1,286\u{3000}1,387\n每股(虧損)/盈利\n－基本(港仙)\u{3000}(3.21)\u{3000}1.05\n"
            )[2..],
            ["-3.21 港仙/股 －基本", "1.05 港仙/股 －基本"]
        );
        assert_eq!(
            measured("项目 2024年 2023年\n基本每股收益(元) 0.52 0.48\n"),
            ["0.52 元/股 基本每股收益", "0.48 元/股 基本每股收益"]
        );
        // A price per share carries to the next money figure of its
        // sentence, not to a total in 万 or 亿.
        assert_eq!(
            got_units("最低成交价18.65元/股,最高19.20元,支付总金额2,413.87万元。"),
            ["元/股", "元/股", "元"]
        );
        // The unit in the bracket that ends the table's title, above the
        // header; not a header's own last bracket (`增速(%)`).
        assert_eq!(
            measured("表一:騙案數字(宗)\n總區\u{3000}2022年\u{3000}2023年\n港島\u{3000}3 412\u{3000}\u{3000}4 187\n"),
            ["3412 宗 港島", "4187 宗 港島"]
        );
        assert_eq!(measured("指标 2023年 增速(%)\n人口 12 13\n"), ["13 % 人口"]);
        // A change cell glued to the figure after it: both stay cells.
        assert_eq!(
            measured("项目 2024年 2023年 增减 2022年\n净资产收益率(%) 10.73 9.93 增加0.80个百分点 9.58\n"),
            [
                "10.73 % 净资产收益率",
                "9.93 % 净资产收益率",
                "0.8 百分点 净资产收益率增加",
                "9.58 % 净资产收益率"
            ]
        );
        // A bracket that states a unit is a header, not a note.
        assert_eq!(
            got_units(
                "\u{3000}本年\u{3000}上年\n\u{3000}(%)\u{3000}(%)\n增速\u{3000}5.2\u{3000}4.8\n"
            ),
            ["%", "%"]
        );
    }

    #[test]
    fn a_record_is_ranked_by_a_word_of_degree() {
        assert_eq!(
            got("年平均气温13.4℃,为1961年以来第三高;高温日数为历史同期第二多。"),
            [
                (13.4, "℃".to_string()),
                (3.0, "名次".to_string()),
                (2.0, "名次".to_string())
            ]
        );
        // The word must end its clause: `第三高新区` names no rank.
        assert!(got("1961年以来第三高新区建成").is_empty());
        // First place after a longer scope of its clause.
        assert_eq!(
            measured("经济增速居全国地级市首位,港口吞吐量位居全省港口首位。把安全放在首位。"),
            [
                "1 名次 经济增速居全国地级市",
                "1 名次 港口吞吐量位居全省港口"
            ]
        );
        assert!(got("排名第二,首位是南宁。").len() == 1);
        // `近5年` frames a figure; `約4.5年` is a span of about 4.5 years.
        assert_eq!(
            got("近5年全市新增学位8660个。"),
            [(8660.0, "个".to_string())]
        );
        assert_eq!(got("平均輪候時間約4.5年。"), [(4.5, "年".to_string())]);
        // A rank after a duration reads its words once.
        assert_eq!(
            measured("蚕茧产量连续20年居全国地级市首位。")[1],
            "1 名次 蚕茧产量连续居全国地级市"
        );
    }

    #[test]
    fn rows_led_by_a_year_under_a_column_of_years() {
        // Years of the Republic of China in full-width digits, the unit in
        // the heading, CJK header words whose spaces were dropped.
        assert_eq!(
            measured(
                "(單位:新臺幣億元)\n年度\u{3000}歲入\u{3000}歲出\n\
                 １１２\u{3000}３４２．８\u{3000}３６６．１\n"
            ),
            ["34280000000 元 歲入", "36610000000 元 歲出"]
        );
        assert_eq!(
            measured("年份 GDP(亿元) 增速(%)\n2022 1234.5 5.1\n2023 1300.2 5.3\n"),
            [
                "123450000000 元 GDP",
                "5.1 % 增速",
                "130020000000 元 GDP",
                "5.3 % 增速"
            ]
        );
        // A header that names no years leaves the rows unread, and a line
        // of years is no row.
        assert!(measured("项目 收入 支出\n2022 342.8 366.1\n").is_empty());
        assert!(measured("单位:亿元\n年度 收入 支出\n2022 2023 2024\n").is_empty());
    }

    #[test]
    fn a_list_under_a_unit_stated_in_its_sentence() {
        let got = measured("各县(市、区)供水量(单位:亿立方米):利通区4.91,青铜峡市5.73。");
        assert_eq!(got, ["491000000 立方米 供水量", "573000000 立方米 供水量"]);
        // Items set apart by bars or spaces; a bracket of the unit alone.
        let got = measured("各區據點一覽(單位:處):永康區 41｜東區 33｜全市合計 423\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("41 处"), "{got:?}");
        let got = measured("附表：入境旅客主要客源（人次）　內地 2,168,940　香港 582,307\n");
        assert_eq!(
            got.iter()
                .map(|m| m.split(' ').take(2).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>(),
            ["2168940 人次", "582307 人次"]
        );
        // Not two units, not a figure with words after it.
        assert!(metrics("产量(单位:吨、%):小麦12,玉米15。").is_empty());
        assert!(metrics("产量(单位:吨):小麦12号地块。").is_empty());
    }

    #[test]
    fn space_split_tables_align_their_columns_from_the_right() {
        // A column of rises without a unit is in percent, not in the row's
        // unit; its change goes by the header (`增长-6.1` is a rise).
        let read = changes("指标 年末存栏 比上年末增长\n鸡(万只) 56.2 3.4\n鸭(万只) 12.8 -6.1\n");
        assert_eq!(
            read,
            [
                (562_000.0, "只".into(), Change::None),
                (3.4, "%".into(), Change::Increase),
                (128_000.0, "只".into(), Change::None),
                (-6.1, "%".into(), Change::Increase),
            ]
        );
        // A header over a label and its unit column (`指标 单位`), and a
        // change column named `按年变幅`: the sign says which way.
        let read = changes(
            "项目\u{3000}单位\u{3000}全年\u{3000}按年变幅(%)\n\
             入境旅客\u{3000}万人次\u{3000}3,412.5\u{3000}-4.2\n",
        );
        assert_eq!(
            read,
            [
                (34_125_000.0, "人次".into(), Change::None),
                (-4.2, "%".into(), Change::Decrease)
            ]
        );
        // Two label columns, then the figures; a row with one figure among
        // cells of no value keeps its column.
        assert_eq!(
            got("单位:股\n股东名称 股东性质 持股数量 持股比例(%)\n\
                 某某投资有限公司 国有法人 12,500,000 8.25\n"),
            [(12_500_000.0, "股".into()), (8.25, "%".into())]
        );
        assert_eq!(
            got("单位:元\n项目 本期 本期增减(%) 累计 累计增减(%)\n\
                 营业收入 1,200.50 3.2 5,600.00 -1.5\n\
                 投资收益 不适用 不适用 -820.75 不适用\n")[4..],
            [(-820.75, "元".into())]
        );
        // A change column in percentage points: 百分点 is no 百 over 分.
        assert_eq!(
            got("指标 2023年 2022年 增减变动(百分点)\n资本充足率(%) 13.5 12.8 0.7\n")[2],
            (0.7, "百分点".into())
        );
        // A column of what was added (`比上年末增加`): changes by sign, in
        // the row's unit.
        let read = changes(
            "指标 年末余额 比上年末增加\n各项存款(亿元) 560.2 35.6\n各项贷款(亿元) 420.8 -28.1\n",
        );
        assert_eq!(read[1], (3_560_000_000.0, "元".into(), Change::Increase));
        assert_eq!(read[3], (-2_810_000_000.0, "元".into(), Change::Decrease));
        // A multiplier alone in brackets scales the unit the label ends with.
        assert_eq!(
            got("服务项目 2023年 2024年\n门诊人次(萬) 310.2 325.7\n"),
            [(3_102_000.0, "人次".into()), (3_257_000.0, "人次".into())]
        );
    }

    #[test]
    fn a_unit_line_may_name_what_each_unit_is_for() {
        // `降水量为毫米,水资源量为亿立方米`: each column takes the unit of
        // what its header measures; the cells scale exactly.
        assert_eq!(
            got(
                "单位:降水量为毫米,水资源量为亿立方米\n地区 降水量 地表水资源量 水资源总量\n\
                 兰州市 296.4 2.18 2.65\n"
            ),
            [
                (296.4, "毫米".into()),
                (218_000_000.0, "立方米".into()),
                (265_000_000.0, "立方米".into())
            ]
        );
    }

    #[test]
    fn a_bracket_may_state_a_unit_for_each_measure() {
        // `(面积单位:万平方米;金额单位:亿元)`: each column takes the unit
        // of what its header measures; without a header, in order.
        assert_eq!(
            got("分区域销售情况(面积单位:万平方米;金额单位:亿元):\n区域 合同销售面积 合同销售金额\n华中区域 7.62 10.15\n"),
            [(76_200.0, "平方米".into()), (1_015_000_000.0, "元".into())]
        );
        assert_eq!(
            got("主要城市情况如下(快递业务量单位:万件;同比增长单位:%):\n洛阳市 33,915 16.8\n"),
            [(339_150_000.0, "件".into()), (16.8, "%".into())]
        );
        // A period's column holds the amounts: the one unit no percent.
        assert_eq!(
            got("主要指标（绝对额单位：亿元；增速单位：%）\n指标｜前三季度｜增速\n地区生产总值｜1187.36｜5.7\n"),
            [(118_736_000_000.0, "元".into()), (5.7, "%".into())]
        );
        // Not a comparison with a period (`比上季度`): a rate.
        assert_eq!(
            got("主要指标（绝对额单位：亿元；增速单位：%）\n指标｜一季度｜比上季度\n地区生产总值｜387.2｜2.1\n"),
            [(38_720_000_000.0, "元".into())]
        );
    }

    #[test]
    fn a_unit_line_of_several_units_gives_each_column_its_own() {
        // One unit per header word, in order.
        assert_eq!(
            got("单位:人;处;%\n乡镇 服务人数 据点 涵盖率\n彰化市 5,412 38 91.2\n"),
            [
                (5412.0, "人".into()),
                (38.0, "处".into()),
                (91.2, "%".into())
            ]
        );
        // Fewer units than columns: rates take the percent, the rest the
        // one unit left, or the one their header names.
        assert_eq!(
            got("单位:亿元,%\n县 工业增速 消费总额 消费增速\n临泉县 9.8 186.5 6.1\n"),
            [
                (9.8, "%".into()),
                (18_650_000_000.0, "元".into()),
                (6.1, "%".into())
            ]
        );
        assert_eq!(
            got("单位:万人 亿元 %\n市州 参保人数 基金收入 基金支出 支付比例\n兰州市 398.62 112.47 104.35 78.1\n")
                .iter()
                .map(|m| m.1.as_str())
                .collect::<Vec<_>>(),
            ["人", "元", "元", "%"]
        );
        // A column of units after the label.
        assert_eq!(
            got("指标 单位 2022年 2023年\n发电量 亿千瓦时 1,975.1 2,103.6\n员工总数 人 34,872 34,518\n"),
            [
                (197_510_000_000.0, "千瓦时".into()),
                (210_360_000_000.0, "千瓦时".into()),
                (34_872.0, "人".into()),
                (34_518.0, "人".into()),
            ]
        );
    }

    #[test]
    fn units_of_a_line_that_do_not_pair_with_the_columns() {
        // Columns of years: the rows say which unit (a rate, an amount).
        assert_eq!(
            got(
                "单位:亿元,%\n指标 2023年 2022年\n地区生产总值 1256.3 1180.6\n城镇化率 61.7 60.2\n"
            )
            .iter()
            .map(|m| m.1.as_str())
            .collect::<Vec<_>>(),
            ["元", "元", "%", "%"]
        );
        // Headers that disagree with the units' order.
        assert_eq!(
            got("单位:万元,%\n项目 占比 金额\n教育支出 18.6 35620\n"),
            [(18.6, "%".into()), (356_200_000.0, "元".into())]
        );
        // 增减额 is an amount; a stray space inside a header word.
        assert_eq!(
            got("单位:万元、%\n项目 本年预算数 增减额 增减率\n支出 36210 590 1.7\n")
                .iter()
                .map(|m| m.1.as_str())
                .collect::<Vec<_>>(),
            ["元", "元", "%"]
        );
        assert_eq!(
            got("地区生产总值(亿元) 增速(%) 人均 可支配收入(元)\n南宁市 5469.1 4.0 45780\n")
                .iter()
                .map(|m| m.1.as_str())
                .collect::<Vec<_>>(),
            ["元", "%", "元"]
        );
        // A note's number is no figure; a count in brackets is a part.
        assert!(
            got("单位:万元\n项目 附注 本期金额 上期金额\n营业收入 (1) 12,417 11,326\n")
                .iter()
                .all(|m| m.0 > 0.0)
        );
        assert_eq!(
            got("单位:人\n学段 在校生数 其中:女生\n小学 12,417 (5,936)\n")[1],
            (5936.0, "人".into())
        );
    }

    #[test]
    fn rise_columns_rise_and_change_columns_go_by_sign() {
        let got: Vec<(f64, Change)> =
            metrics("单位:%\n地区 增速 同比\n阜南县 -3.6 -4.7\n临泉县 9.8 6.2\n")
                .into_iter()
                .map(|m| (m.1, m.4))
                .collect();
        // A header naming firms that fell is a count, no change.
        let firms: Vec<Change> = metrics("单位:家\n行业 企业数 其中:负增长企业\n制造业 356 42\n")
            .into_iter()
            .map(|m| m.4)
            .collect();
        assert_eq!(firms, [Change::None, Change::None]);
        assert_eq!(
            got,
            [
                (-3.6, Change::Increase),
                (-4.7, Change::Decrease),
                (9.8, Change::Increase),
                (6.2, Change::Increase),
            ]
        );
    }

    #[test]
    fn reads_the_figures_of_a_flattened_table() {
        let text = "主要会计数据\n单位：万元　币种：人民币\n\
            营业收入｜本报告期 356,842.17｜上年同期 402,115.63｜增减(%) -11.26\n\
            基本每股收益（元／股）｜本报告期 -0.31｜上年同期 0.24\n";
        let m = metrics(text);
        let got: Vec<(&str, f64, &str, Change, &str)> = m
            .iter()
            .map(|m| (m.0.as_str(), m.1, m.2.as_str(), m.4, m.5.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "356,842.17",
                    3_568_421_700.0,
                    "元",
                    Change::None,
                    "营业收入"
                ),
                (
                    "402,115.63",
                    4_021_156_300.0,
                    "元",
                    Change::None,
                    "营业收入"
                ),
                ("-11.26", -11.26, "%", Change::Decrease, "营业收入"),
                ("-0.31", -0.31, "元/股", Change::None, "基本每股收益"),
                ("0.24", 0.24, "元/股", Change::None, "基本每股收益"),
            ]
        );
    }

    #[test]
    fn gives_si_values() {
        let ex = Extractor::builder().entities(false).build().unwrap();
        let doc = ex.extract("流转土地3亩,气温35℃,修路5.2公里,运粮2万吨,投入8亿元。");
        let si: Vec<_> = doc
            .metrics
            .iter()
            .map(|m| {
                (
                    m.si_value.map(|v| (v * 1e6).round() / 1e6),
                    m.si_unit.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            si,
            [
                (Some(2000.0), Some("m2")),
                (Some(308.15), Some("K")),
                (Some(5200.0), Some("m")),
                (Some(2e7), Some("kg")),
                (None, None)
            ]
        );
    }

    #[test]
    fn honours_extra_units() {
        let ex = Extractor::builder()
            .extra_unit("kg", QuantityKind::Measure)
            .extra_unit("篇章", QuantityKind::Count)
            .build()
            .unwrap();
        let doc = ex.extract("人均配送蔬菜12kg,撰写篇章30篇章,建成5G基站。");
        let got: Vec<_> = doc
            .metrics
            .iter()
            .map(|m| (m.unit.as_str(), m.kind))
            .collect();
        assert_eq!(
            got,
            [("kg", QuantityKind::Measure), ("篇章", QuantityKind::Count)]
        );
    }

    #[test]
    fn shares_and_rates_borrow_the_subject() {
        let m = metrics("全县普惠性幼儿园达91所,占幼儿园总数的91%;在编教师以每年50人的速度递增。");
        assert_eq!(m[1].5, "普惠性幼儿园占幼儿园总数");
        assert_eq!(m[2].4, Change::Increase);
        let m = metrics("学校新建教学楼1栋,占地面积3000平方米。");
        assert_eq!(m[1].5, "占地面积");
        let m = metrics("保障1.47万随迁子女平等接受教育。");
        assert_eq!((m[0].2.as_str(), m[0].5.as_str()), ("人", "保障随迁子女"));
        let m = metrics("全年资助学生（幼儿）120.5万人次。");
        assert_eq!(m[0].5, "资助学生（幼儿）");
    }

    #[test]
    fn multiples_of_an_earlier_year_levels_and_more_change_words() {
        let change = |text: &str| metrics(text)[0].4;
        assert_eq!(change("出口额是上年的2.3倍。"), Change::Increase);
        assert_eq!(change("相当于全国平均的1.5倍。"), Change::None);
        // A multiple of another time compares levels.
        assert_eq!(change("人数是二〇二一年的2.4倍。"), Change::None);
        assert_eq!(change("销量是去年同期的2倍多。"), Change::None);
        assert_eq!(change("药品平均降价53%以上。"), Change::Decrease);
        assert_eq!(change("粮食产量为去年的1.2倍。"), Change::Increase);
        // A fraction of an inch is no share (and not read at all).
        assert!(metrics("阀门口径约1/2英寸。").is_empty());
        // A natural growth rate states a level; 起降 is no fall.
        assert_eq!(change("人口自然增长率为-1.35‰。"), Change::None);
        assert_eq!(change("航班起降49.7万架次。"), Change::None);
        assert_eq!(change("较上一年度高出十五个百分点。"), Change::Increase);
        assert_eq!(change("同比收窄18个百分点。"), Change::Decrease);
        assert_eq!(change("年增率22.18%。"), Change::Increase);
    }
}
