//! ORG: bodies known by name (教育部, 国务院, 新华社) and names ending with
//! an organisation head (教委, 人民政府, 研究院, 银行, 有限公司, 日报…).
//!
//! A name starts at an anchor: a region (江北区教委, 长沙银行), a school
//! (红旗小学教育集团), a known body (教育部课程中心), 中国/中共/全国/国家,
//! or a level word (省, 市, 自治区) that starts a name of three chars or
//! more (省统计局, 自治区卫生健康委). A strong head (银行, 有限公司, 协会,
//! 日报, 医院…) may also take a name that starts right after a boundary —
//! punctuation, a function word or a verb (据华融湘江银行…) — unless that
//! name is generic (商业银行, 上市公司). In a text about a city, `市` alone
//! anchors short forms (市教委). A body and a region-named unit right after
//! it make one name (中国人民银行长沙中心支行), and the short form of a
//! company named in full earlier (宁德时代 of 宁德时代新能源科技股份有限公司)
//! is an organisation wherever it stands.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::studio::{self, STUDIO};
use crate::normalize::Normalized;
use crate::region::Gazetteer;
use crate::text::{
    char_at, char_before, char_count, extend_left, is_cjk, is_name_char, rows, word_prefix, words,
    Found, WordList, WordSet,
};

/// Words that end an organisation name (matched as a list of the shared
/// trie); a trailing `+` marks a strong head, `!` one that must end the name.
pub(crate) const SUFFIXES: &str = include_str!("../../data/entity/org_suffixes.txt");
/// Bodies known by name (matched as a list of the shared trie).
pub(crate) const NAMES: &str = include_str!("../../data/entity/org_names.txt");

/// Hong Kong bodies by their short names, read only in Hong Kong texts.
pub(crate) const HK_NAMES: &str = include_str!("../../data/entity/org_names_hk.txt");
/// Macau bodies by their short names, read only in Macau texts.
pub(crate) const MO_NAMES: &str = include_str!("../../data/entity/org_names_mo.txt");
/// Words that make a name generic as the whole name (商业银行, 科技公司).
const GENERIC: &str = include_str!("../../data/entity/org_generic.txt");
/// Words that make a name generic where they end it (全资子公司, 三甲医院).
const GENERIC_END: &str = include_str!("../../data/entity/org_generic_end.txt");
/// Words that make a name generic where they end it before one head
/// (全资子|公司, 从严治|党): word and head.
static GENERIC_BEFORE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    rows(include_str!("../../data/entity/org_generic_before.tsv"))
        .filter_map(|row| Some((*row.first()?, *row.get(1)?)))
        .collect()
});
/// Words between a place and a head that make the kind of bodies the
/// place has (武汉两级法院), not a name.
static PLACE_GENERIC: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(include_str!(
        "../../data/entity/org_generic_after_place.txt"
    ))
});
/// Words right before a name that has no anchor (据, 显示, 与其…).
const LEFT: &str = include_str!("../../data/entity/org_left.txt");

/// Words that anchor a national name.
static NATIONAL: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/org_national.txt")));
/// Level words that start a body's short name (省统计局, 市卫健委).
static LEVELS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/org_levels.txt")));
/// Chars after a level word that make a common word of it (市场, 市民,
/// 省内, 县域), or the whole body's short name (县府, 市府: Taiwan's county
/// and city governments, which a verb follows): no body's name starts there.
const NOT_AFTER_LEVEL: &[char] = &[
    '场', '民', '区', '内', '外', '级', '属', '直', '辖', '县', '域', '城', '乡', '际', '值', '容',
    '情', '长', '府',
];
/// Party committees of a region: named only with their region (沙坪坝区委).
static GOVERNMENT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/org_party_committees.txt")));
/// Longest stretch between a government's region and 政府 (赣州市|市|政府),
/// in chars.
const MAX_GOVERNMENT_GAP: usize = 2;
/// Longest stretch between the anchor and the suffix, in chars.
const MAX_GAP: usize = 10;
/// Longest stretch between the anchor and a company's legal form (宁波|梅山保税
/// 港区芯程投资管理|有限公司), in chars: a trade name, a zone and a line of
/// business stand there.
const MAX_COMPANY_GAP: usize = 16;
/// Legal forms a company's name ends with, which allow [`MAX_COMPANY_GAP`].
const LEGAL_HEADS: [&str; 2] = ["有限公司", "有限责任公司"];
/// Longest name of a unit right after its body (铁路|处, 规划发展与信息化|处), in chars.
const MAX_UNIT_GAP: usize = 8;
/// Longest name before a strong head without an anchor, in chars.
const MAX_FREE: usize = 12;
/// Chars before a one-char head that make a common word (格局, 部署, 东部,
/// 餐厅, 举办, 签署, 台厂), per head.
const NOT_BEFORE: &[(char, &str)] = &[
    ('局', "格布全新结大开当变残胜僵骗终时饭赌棋"),
    ('部', "东西南北中内外全干局总腹头胸背上下面底顶细尾前后俱乐"),
    ('委', "党常纪监编立主"),
    ('厅', "大餐客展门舞歌营"),
    (
        '办',
        "举创主承开兴督包合协代帮筹操照好试严查难快首公民在新停领",
    ),
    ('署', "部签公连"),
    ('司', "公上各"),
    (
        '处',
        "之到各此好难用益长短远近深高住办相共独一二两三四五六七八九十几多随妙地界查0123456789",
    ),
    (
        '厂',
        "工建出进开办停全本该返回在化一二两三四五六七八九十各每台",
    ),
];
/// Chars after a one-char head that show it starts another word (局长,
/// 委员, 委托, 部门, 办理).
const NOT_AFTER_ONE: &[char] = &[
    '长', '员', '托', '屈', '门', '分', '署', '位', '件', '落', '下', '事', '理', '法', '学', '好',
    '实', '结', '案', '证', '面', '势', '限', '属', '级', '队', '会', '内', '外', '里', '领',
];
/// A head that is also the verb to organise (联合国教科文组织; 省财政厅组织).
const ORGANISE: &str = "组织";

/// Whether `gap`, between a body's name and 组织, makes 组织 its verb: no
/// gap, or an adverb (具体, 统一, 牵头).
fn organised_by(gap: &str) -> bool {
    const ADVERBS: [&str; 10] = [
        "具体", "统一", "负责", "牵头", "精心", "积极", "认真", "共同", "联合", "专门",
    ];
    gap.is_empty() || ADVERBS.contains(&gap)
}

/// Verbs of a body handing something down (下达, 下发), which a one-char
/// head may stand before though 下 otherwise makes a word of it (部下).
const HANDS_DOWN: [&str; 5] = ["下达", "下发", "下拨", "下属", "下放"];
/// Verbs right after a one-char head whose first char otherwise makes a
/// word of it: 厅下达, 局下发 (not 局下属), 厅会同 (not 居委会).
const VERBS_AFTER_ONE: [&str; 5] = ["下达", "下发", "下拨", "会同", "会商"];
/// Chars after 厂 that make a word of it (厂房, 厂商, 厂矿, 厂区, 厂家).
const NOT_AFTER_CHANG: &[char] = &['房', '商', '矿', '区', '家', '址', '容', '貌'];
/// Chars after 处 that make a verb of it (处于, 处置, 处罚).
const NOT_AFTER_CHU: &[char] = &['于', '在', '置', '境', '罚', '世', '事'];
/// Chars after 司 that make a word of it (司机, 司令, 司空见惯).
const NOT_AFTER_SI: &[char] = &['机', '令', '空', '仪', '炉', '马'];
/// Chars after a head of two chars or more that make it part of a longer word
/// (银行业, 集团化, 公司制, 协会会员, 银行户口, 银行账户).
const NOT_AFTER_LONG: &[char] = &[
    '业', '化', '界', '圈', '类', '型', '式', '性', '制', '法', '员', '户', '账', '告',
];
/// Verbs that name what a body does, right before its head (保障厅,
/// 管理局, 监督局, 服务中心).
static BODY_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/org_body_verbs.txt")));
/// Heads that extend the name right before them (…教育集团党委); so does
/// every head ending with 公司 (交通银行股份有限公司).
static CHAIN: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/org_chain.txt")));
/// Chars that may follow a tight head (集团, 公司): punctuation and digits
/// aside, a verb or particle that ends the name (集团发布, 公司在), not a
/// noun that makes a compound of it (集团化, 公司治理).
const AFTER_TIGHT: &[char] = &[
    '发', '在', '的', '与', '和', '将', '旗', '下', '董', '总', '宣', '表', '称', '已', '于', '是',
    '也', '今', '近', '日', '及', '等', '、', '持', '成', '正', '获', '有', '对', '向', '还', '联',
    '签', '实', '预', '拟', '披', '公', '介', '指', '所', '控', '股', '副', '党', '工', '员', '以',
    '作', '并', '同', '推', '通', '自', '年', '上', '首', '均', '合', '开',
];
/// Heads that end a company name, whose short form may stand alone later.
const COMPANY: &[&str] = &["公司"];

/// Compiled organisation word lists.
#[derive(Debug)]
pub(crate) struct OrgTables {
    /// Per word of [`SUFFIXES`]: whether it is a strong head.
    strong: Vec<bool>,
    /// Per word of [`SUFFIXES`]: whether it must end the name (集团).
    tight: Vec<bool>,
    generic: WordSet,
    /// Words generic only as the whole name (科技 of 科技公司).
    generic_whole: WordSet,
    /// Where a name without an anchor starts: shared stops, verbs and [`LEFT`].
    stops: WordSet,
}

impl OrgTables {
    /// Builds the tables; `left_stops` and `verbs` are the shared lists of
    /// words that stand before a name.
    pub(crate) fn new(left_stops: &'static str, verbs: &'static str) -> OrgTables {
        OrgTables {
            strong: words(SUFFIXES).map(|w| w.contains('+')).collect(),
            tight: words(SUFFIXES).map(|w| w.contains('!')).collect(),
            generic: WordSet::new(GENERIC_END),
            generic_whole: WordSet::new(GENERIC),
            stops: WordSet::union(&[left_stops, verbs, LEFT]),
        }
    }
}

/// The suffixes of [`SUFFIXES`] without their marks, in list order.
pub(crate) fn suffixes() -> impl Iterator<Item = &'static str> {
    words(SUFFIXES).map(|w| w.trim_end_matches(['+', '!', ' ']))
}

/// What an ORG name may start with, found before.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchors<'a> {
    /// Region mentions (start, end), in order.
    pub regions: &'a [(usize, usize)],
    /// School mentions (start, end), in order.
    pub schools: &'a [(usize, usize)],
    /// Verbs that never stand between the anchor and the suffix.
    pub verbs: &'a WordSet,
    /// Two-char verbs after which a level word starts a body's name
    /// (贯彻|市教委, 执行|市发展改革委).
    pub level_verbs: &'a WordSet,
    /// Whether the text is about a city or one of its districts (`我市`,
    /// `全区`), so that `市教委` names one body.
    pub city_doc: bool,
    /// Whether the text is about one province (`全省`, `我省`), so that
    /// `省法院` names one body.
    pub province_doc: bool,
}

/// Finds organisation names: (start, end) byte offsets. `suffixes` and
/// `names` are the words of [`SUFFIXES`] and [`NAMES`] found in `text`.
pub(crate) fn find(
    text: &str,
    suffixes: &[Found],
    names: &[Found],
    stops: &WordSet,
    t: &OrgTables,
    gaz: &Gazetteer,
    anchors: Anchors,
) -> Vec<(usize, usize)> {
    // 经济部门, 教育部长: a known name ending with a one-char head that
    // starts another word is not the body.
    let known: Vec<(usize, usize)> = names
        .iter()
        .filter(|m| {
            let last = char_before(text, m.end);
            let heads = NOT_BEFORE.iter().any(|&(h, _)| Some(h) == last);
            // 水利部下达, 教育部下发: the body hands down, no 部下.
            let hands_down = HANDS_DOWN.iter().any(|w| text[m.end..].starts_with(w));
            !(heads
                && !hands_down
                && char_at(text, m.end).is_some_and(|n| NOT_AFTER_ONE.contains(&n)))
        })
        .map(|m| (m.start, caucus_end(text, m.start, m.end)))
        .collect();
    let mut out = known.clone();
    // A name never reaches back over the name found before it
    // (湖南省统计局国家统计局); a head right after one extends it (…集团党委).
    let mut floor = 0;
    let mut last: Option<(usize, usize)> = None;
    for m in suffixes {
        let (s, e) = (m.start, m.end);
        let low = floor;
        // The name right before: one found here, or one known by name
        // (香港联合交易所|有限公司).
        let before = last.filter(|&(_, b)| b == s).or_else(|| {
            let k = known.partition_point(|&(ks, _)| ks < s);
            known[..k]
                .iter()
                .rev()
                .take(2)
                .find(|&&(_, ke)| ke == s)
                .copied()
        });
        if let Some((a, _)) = before {
            if CHAIN.contains(&text[s..e]) || text[s..e].ends_with("公司") {
                out.push((a, e));
                last = Some((a, e));
                floor = e;
                continue;
            }
        }
        let suffix = &text[s..e];
        // 市场监管总局组织, 省财政厅具体组织, 巫溪县组织: 组织 is what the
        // body or place before does.
        if suffix == ORGANISE
            && (out
                .iter()
                .any(|&(_, b)| b <= s && organised_by(&text[b..s]))
                || anchors.regions.iter().any(|&(_, re)| re == s))
        {
            continue;
        }
        let strong = t.strong[m.word as usize];
        let tight_ok = || {
            char_at(text, e).map_or(true, |c| {
                !is_name_char(c) || c.is_ascii_digit() || AFTER_TIGHT.contains(&c)
            })
        };
        if !head_ok(text, s, e, suffix) || (t.tight[m.word as usize] && !tight_ok()) {
            continue;
        }
        // 锐驰新能源汽车(深圳)有限公司: a place in brackets between the name
        // and a strong head belongs to the name.
        if let Some(a) = strong
            .then(|| bracketed(text, s, low))
            .flatten()
            .and_then(|open| free_name(text, open, low, suffix, t))
        {
            out.push((a, e));
            last = Some((a, e));
            floor = e;
            continue;
        }
        let government = suffix.ends_with("政府") || GOVERNMENT.contains(suffix);
        let (from, _) = extend_left(text, s, stops, 24);
        // A stop inside a place's name is none (东至|县统计局, 东至 a county;
        // 诸暨市|委 of 诸暨市委, the place ending inside the head).
        let k = anchors.regions.partition_point(|r| r.0 < from);
        let from = match k.checked_sub(1).map(|k| anchors.regions[k]) {
            Some((rs, re)) if from < re && re <= e => rs,
            _ => from,
        };
        let from = from.max(low);
        let at = |from: usize| -> Option<Option<usize>> {
            if let Some((a, by_region)) = anchor(text, from, s, &known, anchors) {
                // 全国三级公立医院 is a kind of body the country has, no name
                // (中国企业联合会 is one).
                if text[a..].starts_with("全国") && t.generic.ends_at(text, s) {
                    return Some(None);
                }
                // 武汉两级法院, 长沙市公立医院: the kind of bodies a place
                // has, no name.
                let k = anchors.regions.partition_point(|r| r.0 < a);
                if by_region
                    && anchors.regions.get(k).is_some_and(|&(rs, re)| {
                        rs == a && re <= s && PLACE_GENERIC.contains(&text[re..s])
                    })
                {
                    return Some(None);
                }
                // A government is named by its region (国务院政府 is no body),
                // a party committee by the party and its region (中共山西省委).
                let party = || {
                    let r = a + "中共".len();
                    text[a..].starts_with("中共")
                        && anchor(text, r, s, &known, anchors) == Some((r, true))
                };
                return Some((by_region || !government || party()).then_some(a));
            }
            if government {
                return None;
            }
            if let Some(p) = level(text, from, s, e, t, &anchors) {
                return Some(Some(p));
            }
            short_form(text, from, s, e, t, &anchors).map(Some)
        };
        // 人力资源和社会保障厅, 运输及房屋局: a name may hold one 和, 与 or 及.
        let retry = || {
            let k = from.checked_sub('和'.len_utf8())?;
            if k < low || !text[..from].ends_with(['和', '与', '及']) {
                return None;
            }
            at(extend_left(text, k, stops, 24).0.max(low))
        };
        // A free name right after the body before it is that body's unit
        // (宜昌市某人民医院|医疗集团): the whole is the name.
        let unit_of_last = |a: usize| match last {
            Some((body, b)) if b == a => body,
            _ => a,
        };
        let mut start = match at(from).or_else(retry) {
            Some(a) => a,
            None if strong => free_name(text, s, low, suffix, t).map(unit_of_last),
            None => None,
        };
        // A unit named right after its body (湖南省人民政府|新闻|办公室,
        // 省交通运输厅|运输服务|处): a short gap with no verb or stop in it.
        // The body may be one known by name (水利部|黄河水利|委员会), and the
        // unit's name may hold 与 (规划发展与信息化|处).
        if start.is_none() {
            let k = known.partition_point(|&(ks, _)| ks < s);
            let body = last.filter(|&(_, b)| b == low && low <= s).or_else(|| {
                known[..k]
                    .iter()
                    .rev()
                    .find(|&&(ks, ke)| ke < s && ks >= low)
                    .copied()
            });
            if let Some((a, b)) = body {
                let gap = &text[b..s];
                // 与 stands in a department's name (规划发展与信息化处), not
                // between two bodies (国家林草局与财政部).
                let department = matches!(suffix, "处" | "科" | "室");
                let clean = gap.chars().all(is_cjk)
                    && gap.chars().count() <= MAX_UNIT_GAP
                    && !gap.char_indices().any(|(i, c)| {
                        let end = b + i + c.len_utf8();
                        (c != '与' || !department)
                            && t.stops.ends_at(text, end)
                            && !BODY_VERBS.ends_at(text, end)
                    });
                if clean {
                    start = Some(a);
                }
            }
        }
        // A government is named right after its region (赣州市人民政府, not
        // 赣州市市长…代表市政府), the last of a chain of regions
        // (彭水苗族土家族自治县岚桠乡人民政府).
        if government
            && start.is_some_and(|a| {
                let k = anchors.regions.partition_point(|r| r.0 < a);
                match anchors.regions[k..].iter().take_while(|r| r.1 <= s).last() {
                    Some(&(_, end)) => text[end..s].chars().count() > MAX_GOVERNMENT_GAP,
                    None => text[a..s].chars().count() > 8,
                }
            })
        {
            start = None;
        }
        // A teacher's workshop named after its head (举行的|刘霞初中语文名师
        // 工作室), where nothing else anchors it.
        // A teacher's workshop named after a school it stands in
        // (谢家湾小学|何晓东小学科学名师工作室): the school is a name of its
        // own, the workshop starts after it.
        if suffix == STUDIO {
            if start.is_none() {
                start = studio::head(text, s).map(|(a, _)| a).filter(|&a| a >= low);
            }
            if let Some(a) = start {
                let k = anchors.schools.partition_point(|&(ss, _)| ss < a);
                if let Some(&(_, se)) = anchors.schools[k..]
                    .iter()
                    .take_while(|&&(ss, _)| ss < s)
                    .filter(|&&(_, se)| se < s)
                    .last()
                {
                    start = Some(se);
                }
            }
        }
        // A region right before a body known by name qualifies it
        // (台湾|经济部): the known name stands alone. Words between them make
        // a longer name ending in the same head (重庆市|教育|考试院).
        if let Some(a) = start {
            let k = known.partition_point(|&(ks, _)| ks <= a);
            let region_end = anchors
                .regions
                .binary_search_by_key(&a, |r| r.0)
                .ok()
                .map(|i| anchors.regions[i].1);
            if known[k..]
                .iter()
                .take_while(|&&(ks, _)| ks < e)
                .any(|&(ks, ke)| ke == e && Some(ks) == region_end)
            {
                start = None;
            }
        }
        if let Some(a) = start {
            out.push((a, e));
            last = Some((a, e));
            floor = e;
        }
    }
    sort_names(&mut out);
    chain(text, &mut out, anchors.regions);
    short_forms(text, gaz, t, &mut out);
    aliases(text, t, &mut out);
    out
}

/// Where the known name `start..end` ends: a party's caucus (国民党团) is
/// the party where 团 opens a word (国民党团结各方, 民进党团体).
fn caucus_end(text: &str, start: usize, end: usize) -> usize {
    let party = text[start..end]
        .strip_suffix('团')
        .filter(|p| p.ends_with('党'));
    match party {
        Some(p) if text[end..].starts_with(['结', '体']) => start + p.len(),
        _ => end,
    }
}

/// Labels after which a filing or a release names bodies on their own: a
/// company's stock short name (`证券简称:澄远智装`), the units issuing a
/// release (`发布单位:主计处、财税局`), the medium a story comes from
/// ([`SOURCE`]).
pub(crate) const LABELS: [&str; 5] = ["证券简称:", "股票简称:", "发布单位:", "发稿单位:", SOURCE];

/// The label of the medium a story comes from (`来源:黔中视界网`): a name
/// after it is a medium's only with a head of [`MEDIA_HEADS`].
const SOURCE: &str = "来源:";

/// Words that end a medium's name (…视界网, …都市快讯, …晨报, …客户端).
const MEDIA_HEADS: [&str; 5] = ["网", "快讯", "报", "在线", "客户端"];

/// Kinds of report a source line names besides media (…统计年报, …公报).
const REPORTS: [&str; 7] = ["年报", "月报", "季报", "简报", "通报", "公报", "汇报"];

/// Whether `name`, after [`SOURCE`], names a medium: three chars or more,
/// no digit, a head of [`MEDIA_HEADS`] that ends no report's kind
/// ([`REPORTS`]), and not the writer's own paper (本报).
fn is_medium(name: &str) -> bool {
    name.chars().count() >= 3
        && !name.chars().any(|c| c.is_ascii_digit())
        && MEDIA_HEADS.iter().any(|h| name.ends_with(h))
        && !REPORTS.iter().any(|r| name.ends_with(r))
        && !name.starts_with(['本', '我', '该'])
}

/// The mentions of the media `media` found after [`SOURCE`] anywhere in
/// `text`, each also with 网 after it (江城快讯 → 江城快讯网, its site).
fn media_mentions(text: &str, media: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for name in media {
        for i in memchr::memmem::find_iter(text.as_bytes(), name) {
            let e = i + name.len();
            out.push((i, e));
            if text[e..].starts_with('网') {
                out.push((i, e + '网'.len_utf8()));
            }
        }
    }
    out
}

/// The bodies a label of [`LABELS`] names in `norm`: the name after it
/// (spaces aside), up to a space (one normalisation dropped too) or
/// punctuation, and each after a `、`. `labels` are the occurrences of
/// [`LABELS`] in the text (no two of them can overlap, so the entity
/// stage's trie finds them all), read label by label.
pub(crate) fn labelled(norm: &Normalized, labels: &[Found], t: &OrgTables) -> Vec<(usize, usize)> {
    let text = norm.text.as_str();
    let joins = norm.joins();
    let mut found = Vec::new();
    let mut media: Vec<&str> = Vec::new();
    let by_label = (0..LABELS.len() as u32)
        .flat_map(|k| labels.iter().filter(move |f| f.word == k))
        .map(|f| (f.start, LABELS[f.word as usize]));
    for (i, label) in by_label {
        let after = &text[i + label.len()..];
        let mut at = text.len() - after.trim_start_matches(' ').len();
        loop {
            let rest = &text[at..];
            let mut len = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
            let next = joins.partition_point(|&j| j <= at);
            if let Some(&j) = joins.get(next).filter(|&&j| j < at + len) {
                len = j - at;
            }
            let name = &rest[..len];
            if label == SOURCE {
                if is_medium(name) && !media.contains(&name) {
                    media.push(name);
                }
                break;
            }
            if (2..=MAX_FREE).contains(&name.chars().count()) && !t.generic_whole.contains(name) {
                found.push((at, at + len));
            }
            if !rest[len..].starts_with('、') {
                break;
            }
            at += len + '、'.len_utf8();
        }
    }
    found.extend(media_mentions(text, &media));
    found.sort_unstable();
    found.dedup();
    found
}

/// Words after a body's full name that declare the short name it goes by
/// in the text (`鼎安财产保险股份有限公司(以下简称"鼎安财险")`).
const ALIAS_OPEN: &[&str] = &["(以下简称", "(以下统称", "(以下称", "(下称", "(简称"];

/// Adds the short names declared right after the names of `out`
/// (`(以下简称"鼎安财险")`, `(简称:上交所)`), wherever they stand: a name
/// the text itself says goes by that name. Words for the writer's own body
/// (`本公司`, `公司`) and generic words are none.
fn aliases(text: &str, t: &OrgTables, out: &mut Vec<(usize, usize)>) {
    let mut patterns: Vec<&str> = Vec::new();
    for &(_, b) in out.iter() {
        let rest = &text[b..];
        let Some(open) = ALIAS_OPEN.iter().find(|o| rest.starts_with(**o)) else {
            continue;
        };
        let rest = rest[open.len()..].trim_start_matches([':', '"', ' ']);
        let len = rest
            .find(|c: char| !is_name_char(c) || c == '或')
            .unwrap_or(rest.len());
        let alias = &rest[..len];
        let n = alias.chars().count();
        let own = alias.starts_with(['本', '我', '该']) || COMPANY.contains(&alias);
        if (2..=MAX_FREE).contains(&n)
            && !own
            && !t.generic_whole.contains(alias)
            && !patterns.contains(&alias)
        {
            patterns.push(alias);
        }
    }
    let add = match patterns[..] {
        [] => return,
        // One alias (as a rule): a vector search, no automaton to build.
        [alias] => memchr::memmem::find_iter(text.as_bytes(), alias)
            .map(|i| (i, i + alias.len()))
            .collect(),
        _ => {
            let Ok(ac) = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&patterns)
            else {
                return;
            };
            ac.find_iter(text).map(|m| (m.start(), m.end())).collect()
        }
    };
    add_names(out, add);
}

/// The offset of the `(` of a bracket of two to four CJK chars (a place,
/// `(深圳)`, or `(集团)`: any such chars are taken) that ends right at `s`,
/// not before `low`.
fn bracketed(text: &str, s: usize, low: usize) -> Option<usize> {
    let inner_end = s.checked_sub(1).filter(|_| text[..s].ends_with(')'))?;
    // Four CJK chars and the bracket: look no further back.
    let from = inner_end.saturating_sub(4 * 3 + 1).max(low);
    let from = (from..inner_end).find(|&i| text.is_char_boundary(i))?;
    let open = text[from..inner_end].rfind('(')? + from;
    let inner = &text[open + 1..inner_end];
    let n = inner.chars().count();
    ((2..=4).contains(&n) && inner.chars().all(is_cjk)).then_some(open)
}

/// Puts the names `out` in order (by start, longer first), each once.
fn sort_names(out: &mut Vec<(usize, usize)>) {
    out.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    out.dedup();
}

/// Adds the names `add` to the names `out`, which [`sort_names`] put in
/// order, and keeps them so.
fn add_names(out: &mut Vec<(usize, usize)>, add: Vec<(usize, usize)>) {
    if !add.is_empty() {
        out.extend(add);
        sort_names(out);
    }
}

/// Whether the head at `s..e` is used as one here: a one-char head is
/// refused in a common word (部署, 局长, 委托), a longer one inside a
/// longer word (银行业, 集团化).
fn head_ok(text: &str, s: usize, e: usize, suffix: &str) -> bool {
    let next = char_at(text, e);
    let mut cs = suffix.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        let before = char_before(text, s);
        let bad_before = NOT_BEFORE
            .iter()
            .any(|&(h, list)| h == c && before.is_some_and(|b| list.contains(b)));
        // 科技创新局 names a bureau; 开创新局 is a new situation.
        let bad_before = bad_before && !text[..s].ends_with("科技创新");
        let office = (c == '办' && next == Some('公'))
            || (c == '处' && next.is_some_and(|n| NOT_AFTER_CHU.contains(&n)))
            || (c == '厂' && next.is_some_and(|n| NOT_AFTER_CHANG.contains(&n)))
            || (c == '司' && next.is_some_and(|n| NOT_AFTER_SI.contains(&n)));
        let verb = VERBS_AFTER_ONE.iter().any(|w| text[e..].starts_with(w));
        return !bad_before
            && !office
            && (verb || !next.is_some_and(|n| NOT_AFTER_ONE.contains(&n)));
    }
    // 法院法官, 法院法警: the next word starts with 法.
    let person = text[e..].starts_with("法官") || text[e..].starts_with("法警");
    person || !next.is_some_and(|n| NOT_AFTER_LONG.contains(&n))
}

/// Where a body's short name starting with a level word (省统计局,
/// 自治区卫生健康委) starts in `from..s`, if one does: the level word must
/// start the stretch or follow a stop word or verb, and the name after it
/// must be at least three chars with no verb inside.
fn level(
    text: &str,
    from: usize,
    s: usize,
    e: usize,
    t: &OrgTables,
    anchors: &Anchors,
) -> Option<usize> {
    let verbs = anchors.verbs;
    let mut p = from;
    while p < s {
        let before_s = &text[..s];
        let national = || {
            NATIONAL.find_at(before_s, p, |n| {
                !text[p..].starts_with("中国家") && !text[p + n.len()..].starts_with(['性', '一'])
            })
        };
        let word = LEVELS
            .find_at(before_s, p, |l| {
                !char_at(text, p + l.len()).is_some_and(|c| NOT_AFTER_LEVEL.contains(&c))
            })
            .or_else(national);
        // The word is looked for first: the boundary test is the dearer one.
        if let Some(l) = word.filter(|_| starts_name(text, from, p, t, anchors)) {
            {
                let body = &text[p + l.len()..e];
                let body_start = p + l.len();
                // A verb right before the head may name what the body does
                // (社会保障厅, 市场监督管理局), not an act (推进厅局改革).
                // Nor a verb and a level word after it: 我市认真执行|市发展改革委
                // holds the name after the verb, if any.
                let clean = !text[body_start..s].char_indices().any(|(i, c)| {
                    let end = body_start + i + c.len_utf8();
                    (verbs.ends_at(text, end) && (end < s || !BODY_VERBS.ends_at(text, end)))
                        || (LEVELS.find_at(before_s, end, |_| true).is_some()
                            && anchors.level_verbs.ends_at(text, end))
                });
                if body.chars().count() >= 3 && clean {
                    return Some(p);
                }
            }
        }
        p += char_at(text, p).map_or(1, char::len_utf8);
    }
    None
}

/// Whether a name may start at `p`, in the stretch `from..` left of a
/// head: at its start, after a stop word, or, in a text about one city or
/// province, after a two-char verb whose object the name is (贯彻|市教委;
/// elsewhere 各地要严格执行市发展改革委… names no one body).
fn starts_name(text: &str, from: usize, p: usize, t: &OrgTables, anchors: &Anchors) -> bool {
    p == from
        || t.stops.ends_at(text, p)
        || ((anchors.city_doc || anchors.province_doc) && anchors.level_verbs.ends_at(text, p))
}

/// Longest short form of a body named by its level word alone, in chars
/// (市教委, 省法院).
const MAX_SHORT_FORM: usize = 3;

/// The start of a body's short form before the head `s..e`: `市` in a text
/// about a city or one of its districts (市教委), `省` in a text about one
/// province (省法院), starting a name of at most [`MAX_SHORT_FORM`] chars
/// where a name may start.
fn short_form(
    text: &str,
    from: usize,
    s: usize,
    e: usize,
    t: &OrgTables,
    anchors: &Anchors,
) -> Option<usize> {
    let level = match (anchors.city_doc, anchors.province_doc) {
        (true, _) => '市',
        (false, true) => '省',
        (false, false) => return None,
    };
    let (p, _) = text[from..s]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .rev()
        .take(MAX_SHORT_FORM)
        .filter(|&(_, c)| c == level)
        .last()?;
    // 省局 is a kind of body, 省际联盟 no body of the province.
    let word = char_at(text, p + level.len_utf8()).is_some_and(|c| NOT_AFTER_LEVEL.contains(&c));
    (char_count(&text[p..s]) + char_count(&text[s..e]) > 2
        && !word
        && starts_name(text, from, p, t, anchors))
    .then_some(p)
}

/// The start of a name before the strong head at `s` with no anchor: it
/// starts after a boundary, holds 2 to [`MAX_FREE`] chars (one before a
/// head of three chars: 渝农商行), and is not generic.
fn free_name(text: &str, s: usize, low: usize, suffix: &str, t: &OrgTables) -> Option<usize> {
    let (from, bounded) = extend_left(text, s, &t.stops, MAX_FREE);
    let clamped = from < low;
    let mut start = from.max(low);
    if !(bounded || clamped) {
        return None;
    }
    // Leading generic words are dropped (各商业银行 → 商业银行, then refused).
    while let Some(len) = word_prefix(&text[start..s], &t.generic_whole, 1, 4)
        .filter(|_| !t.generic_whole.contains(&text[start..s]))
    {
        start += len;
    }
    // 为全资子公司|华晟精工(嘉兴)有限公司, 附属公司|恒汇冷链(深圳)有限公司:
    // the company word of the phrase before is not part of the name.
    if let Some((k, c)) = COMPANY
        .iter()
        .filter_map(|&c| text[start..s].rfind(c).map(|k| (k, c)))
        .max()
    {
        start += k + c.len();
    }
    let name = &text[start..s];
    if t.generic_whole.contains(name) {
        return None;
    }
    let n = name.chars().count();
    let min = if suffix.chars().count() >= 3 { 1 } else { 2 };
    if n < min
        || n > MAX_FREE
        || name.chars().any(|c| c.is_ascii_digit())
        || is_quantity(name)
        || counted_after_digits(text, start, name)
        || t.generic_whole.contains(name)
        || t.generic.ends_at(name, name.len())
        || GENERIC_BEFORE
            .iter()
            .any(|&(w, head)| suffix.ends_with(head) && name.ends_with(w))
    {
        return None;
    }
    Some(start)
}

/// Whether a candidate name starting at `start` opens with a measure word
/// of bodies right after Arabic digits (`46家医院开设互联网医院`): a count of
/// bodies (not a list number before a name that opens with 天 or 大).
fn counted_after_digits(text: &str, start: usize, name: &str) -> bool {
    const BODIES: &[char] = &['家', '个', '所', '批', '座'];
    name.starts_with(BODIES) && char_before(text, start).is_some_and(|c| c.is_ascii_digit())
}

/// Whether a candidate name is a quantity of bodies rather than a name
/// (`约七成公司`, `数十家银行`, `三家公司`): it opens with an approximation
/// word, or a Chinese numeral stands before a measure word in it.
fn is_quantity(name: &str) -> bool {
    const APPROX_START: &[char] = &['约', '逾', '超', '近', '数', '几'];
    const NUMERALS: &str = "一二两三四五六七八九十百千万";
    // Spans of time too: 十年医院 of `过去十年医院数量…`; and sets of
    // bodies counted with 大 (五大银行, 四大行).
    const MEASURES: &[char] = &['成', '家', '个', '所', '批', '名', '年', '月', '天', '大'];
    if name.starts_with(APPROX_START) {
        return true;
    }
    let chars: Vec<char> = name.chars().collect();
    chars
        .windows(2)
        .any(|w| NUMERALS.contains(w[0]) && MEASURES.contains(&w[1]))
}

/// Heads of a body's local unit (长沙中心支行 of 中国人民银行).
static UNITS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/org_units.txt")));

/// Joins a body and a unit named by a region right after it
/// (中国人民银行 + 长沙中心支行): both stay, and the whole is added.
fn chain(text: &str, out: &mut Vec<(usize, usize)>, regions: &[(usize, usize)]) {
    let mut add = Vec::new();
    for &(a, b) in out.iter() {
        let k = out.partition_point(|&(s, _)| s < b);
        let next = out[k..]
            .iter()
            .take_while(|&&(s, _)| s == b)
            .map(|&(_, e)| e)
            .filter(|&e| UNITS.ends_at(&text[b..e], e - b))
            .max();
        let by_region = regions.binary_search_by_key(&b, |r| r.0).is_ok();
        if let (Some(e), true) = (next, by_region) {
            add.push((a, e));
        }
    }
    add_names(out, add);
}

/// Adds the short forms of companies named in full (宁德时代 of
/// 宁德时代新能源科技股份有限公司) wherever they stand: the longest of the
/// name's first four, three or two chars that occurs elsewhere, unless it
/// is a place name or a generic word, or the name starts with 中国/国家.
fn short_forms(text: &str, gaz: &Gazetteer, t: &OrgTables, out: &mut Vec<(usize, usize)>) {
    // Each name is looked at once, however often it stands in the text: its
    // candidate short forms, longest first, up to the first that is a place
    // or a generic word.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut names: Vec<(usize, Vec<&str>)> = Vec::new();
    for &(a, b) in out.iter() {
        let name = &text[a..b];
        if !COMPANY.iter().any(|c| name.ends_with(c))
            || NATIONAL.starts_at(name, 0)
            || !seen.insert(name)
        {
            continue;
        }
        let shorts = short_candidates(name, 2, gaz, t);
        if !shorts.is_empty() {
            names.push((a, shorts));
        }
        // A company named after its city also goes by the four chars
        // after it (重庆|长安汽车股份有限公司 → 长安汽车; shorter ones after a
        // city are mostly no names the text uses).
        if let Some(cut) = gaz
            .prefix_len(name)
            .filter(|&len| name[len..].chars().count() >= 6)
        {
            let shorts = short_candidates(&name[cut..], CITY_SHORT, gaz, t);
            if !shorts.is_empty() {
                names.push((a + cut, shorts));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // Where every candidate stands, found in one pass over the text (one
    // search per name would make a directory of companies quadratic).
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for short in names.iter().flat_map(|(_, s)| s) {
        let next = ids.len();
        ids.entry(short).or_insert(next);
    }
    let mut patterns = vec![""; ids.len()];
    for (&short, &i) in &ids {
        patterns[i] = short;
    }
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    if patterns.len() <= FEW_SHORTS {
        // A vector search each: cheaper than building an automaton.
        for (id, short) in patterns.iter().enumerate() {
            at[id] = overlapping(text, short);
        }
    } else {
        // The plain automaton: a text is searched once, too short a time
        // to repay compiling a faster one.
        let Ok(ac) = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
        else {
            return;
        };
        for m in ac.find_overlapping_iter(text) {
            at[m.pattern().as_usize()].push(m.start());
        }
    }
    // A name's hits are those of its longest short form that stands
    // somewhere but at the name's own start. A short form several names
    // share (北京一 of 北京一号…, 北京一二号…) is added once: all its hits but
    // the start every name that chose it has, if they have one.
    let mut chosen: Vec<Option<Option<usize>>> = vec![None; patterns.len()];
    for (a, shorts) in &names {
        let id = shorts
            .iter()
            .map(|short| ids[short])
            .find(|&id| at[id].iter().any(|&i| i != *a));
        if let Some(id) = id {
            chosen[id] = match chosen[id] {
                None => Some(Some(*a)),
                Some(Some(b)) if b == *a => Some(Some(b)),
                _ => Some(None),
            };
        }
    }
    let mut add = Vec::new();
    for (id, excluded) in chosen.iter().enumerate() {
        if let Some(excluded) = excluded {
            let len = patterns[id].len();
            // 渝西 of 渝西云链科技有限公司 names a place in 渝西地区; a form
            // that runs on as the name does is a longer one (擎川新能|源 of
            // 擎川新能源科技有限公司), not this one.
            let next = excluded.and_then(|a| char_at(text, a + len));
            add.extend(
                at[id]
                    .iter()
                    .filter(|&&i| {
                        Some(i) != *excluded
                            && !AREA_WORDS.iter().any(|w| text[i + len..].starts_with(w))
                            && (next.is_none() || char_at(text, i + len) != next)
                    })
                    .map(|&i| (i, i + len)),
            );
        }
    }
    add_names(out, add);
}

/// Words after a company's short form that make it a place's name
/// (渝西地区, 前海片区): no company stands there.
const AREA_WORDS: [&str; 3] = ["地区", "片区", "一带"];

/// The chars of a short form taken after a company's city (长安汽车).
const CITY_SHORT: usize = 4;

/// A company's candidate short forms, the first 4 down to `min` chars of
/// `name`, longest first, up to the first that is a place or a generic
/// word.
fn short_candidates<'a>(name: &'a str, min: usize, gaz: &Gazetteer, t: &OrgTables) -> Vec<&'a str> {
    let n = name.chars().count();
    let mut shorts = Vec::new();
    for k in (min..=4).rev() {
        if k + 2 > n {
            continue;
        }
        let end = name.char_indices().nth(k).map_or(name.len(), |(i, _)| i);
        let short = &name[..end];
        if gaz.prefix_len(short) == Some(short.len())
            || t.generic_whole.contains(short)
            || COMPANY.contains(&short)
        {
            break;
        }
        shorts.push(short);
    }
    shorts
}

/// Up to this many short forms (those of two or three names, as a rule)
/// are each looked for on their own by [`short_forms`].
const FEW_SHORTS: usize = 8;

/// The starts of every occurrence of `word` (not empty) in `text`,
/// overlapping ones too, ascending.
fn overlapping(text: &str, word: &str) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(word);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = finder.find(&text.as_bytes()[from..]) {
        out.push(from + i);
        from += i + 1;
    }
    out
}

/// The leftmost anchor in `from..s` whose end leaves at most [`MAX_GAP`]
/// chars before the suffix at `s`, and whether it is a region. A region may
/// share its last char with the suffix (沙坪坝区 + 区委).
fn anchor(
    text: &str,
    from: usize,
    s: usize,
    known: &[(usize, usize)],
    a: Anchors,
) -> Option<(usize, bool)> {
    let shared = text[s..]
        .starts_with(['区', '市', '县', '省'])
        .then_some(s + '区'.len_utf8());
    let max_gap = if LEGAL_HEADS.iter().any(|w| text[s..].starts_with(w)) {
        MAX_COMPANY_GAP
    } else {
        MAX_GAP
    };
    let inside = |spans: &[(usize, usize)]| {
        let k = spans.partition_point(|&(st, _)| st < from);
        spans[k..]
            .iter()
            .take_while(|&&(st, _)| st < s)
            .filter(|&&(_, en)| {
                // A verb that names what a body does stands in its name
                // (甘肃省医疗保障局); another ends the name before it. A
                // conjunction right after the anchor joins two names
                // (医务卫生局及卫生署), not one.
                let gap_ok = || {
                    text[en..s].chars().count() <= max_gap
                        && !text[en..s].starts_with(['及', '和', '与', '、', '或'])
                        && !text[en..s].char_indices().any(|(i, c)| {
                            let end = en + i + c.len_utf8();
                            a.verbs.ends_at(text, end) && !BODY_VERBS.ends_at(text, end)
                        })
                };
                (en <= s && gap_ok()) || Some(en) == shared
            })
            .map(|&(st, _)| st)
            .next()
    };
    // 中国家… is 中 + 国家… (其中国家一级…), and 国家级 names a rank.
    let national = NATIONAL
        .find_at(&text[..s], from, |n| {
            !text[from + n.len()..].starts_with('性')
        })
        .map(|_| (from, false))
        .filter(|_| !text[from..s].starts_with("中国家") && !text[from..s].starts_with("国家一级"));
    let region = inside(a.regions).map(|r| (r, true));
    let school = inside(a.schools).map(|x| (x, false));
    let body = inside(known).map(|x| (x, false));
    [region, school, body, national].into_iter().flatten().min()
}

#[cfg(test)]
mod quantity_tests {
    use super::is_quantity;

    #[test]
    fn counts_of_bodies_are_no_names() {
        assert!(is_quantity("约七成"));
        assert!(is_quantity("三家"));
        assert!(is_quantity("过去十年"));
        assert!(is_quantity("份五大银行"));
        assert!(!is_quantity("宁德时代新能源科技"));
        assert!(!is_quantity("中国人民"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_stand_before_their_prefixes() {
        for (i, l) in LEVELS.iter().enumerate() {
            for m in &LEVELS[..i] {
                assert!(!l.starts_with(m), "{m} shadows {l}: put {l} first");
            }
        }
    }

    fn orgs<'a>(text: &'a str, regions: &[&str], schools: &[&str], city_doc: bool) -> Vec<&'a str> {
        orgs_as(text, regions, schools, city_doc, false)
    }

    /// The names `find` gives in a text about a city (`city_doc`) or a
    /// province (`province_doc`).
    fn orgs_as<'a>(
        text: &'a str,
        regions: &[&str],
        schools: &[&str],
        city_doc: bool,
        province_doc: bool,
    ) -> Vec<&'a str> {
        let spans = |names: &[&str]| -> Vec<(usize, usize)> {
            let mut v: Vec<_> = names
                .iter()
                .flat_map(|n| text.match_indices(n).map(|(i, m)| (i, i + m.len())))
                .collect();
            v.sort();
            v
        };
        let (r, s) = (spans(regions), spans(schools));
        let t = crate::text::Trie::new([suffixes().collect::<Vec<_>>(), words(NAMES).collect()]);
        let found = t.scan(text);
        let stops = WordSet::new(include_str!("../../data/entity/left_stops.txt"));
        let verbs = WordSet::new(crate::entity::school::VERBS);
        let level_verbs = WordSet::new(include_str!("../../data/entity/person_verbs.txt"));
        let a = Anchors {
            verbs: &verbs,
            regions: &r,
            schools: &s,
            level_verbs: &level_verbs,
            city_doc,
            province_doc,
        };
        let ot = OrgTables::new(
            include_str!("../../data/entity/left_stops.txt"),
            crate::entity::school::VERBS,
        );
        let g = Gazetteer::shared().unwrap();
        find(text, &found[0], &found[1], &stops, &ot, g, a)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect()
    }

    fn labelled_names(orig: &str) -> Vec<String> {
        let norm = Normalized::new(orig);
        let t = crate::text::Trie::new([LABELS.to_vec()]);
        let found = t.scan(&norm.text);
        let ot = OrgTables::new(
            include_str!("../../data/entity/left_stops.txt"),
            crate::entity::school::VERBS,
        );
        labelled(&norm, &found[0], &ot)
            .iter()
            .map(|&(s, e)| norm.text[s..e].to_string())
            .collect()
    }

    #[test]
    fn media_named_in_a_source_line() {
        // The medium after 来源, and its site (…网) wherever it stands.
        assert_eq!(
            labelled_names(
                "江城快讯网 > 新闻\n来源：江城快讯　作者：记者 王强\n江城快讯网版权所有"
            ),
            [
                "江城快讯",
                "江城快讯网",
                "江城快讯",
                "江城快讯",
                "江城快讯网"
            ]
        );
        assert_eq!(labelled_names("来源：黔中视界网　点击：12"), ["黔中视界网"]);
        // The writer's own paper, an office, a yearly report: no medium.
        assert!(
            labelled_names("来源：本报\n来源：区教委\n来源：2023年教育事业统计年报").is_empty()
        );
    }

    #[test]
    fn bodies_before_the_verbs_they_do() {
        // 组织 after a body, or after an adverb, is what the body does;
        // 下达 and 下发 after a ministry are no 部下.
        assert_eq!(
            orgs(
                "。省财政厅具体组织实施,市场监管总局组织稽查。",
                &[],
                &[],
                false
            ),
            ["省财政厅", "市场监管总局"]
        );
        assert_eq!(
            orgs("。水利部下达指标,生态环境部下发通知。", &[], &[], false),
            ["水利部", "生态环境部"]
        );
        assert_eq!(
            orgs("。联合国教科文组织发布报告。", &[], &[], false),
            ["联合国教科文组织"]
        );
        // 领办, like 举办 and 承办, is a verb: a school leads another.
        assert!(orgs(
            "。由渝北区实验小学校领办,",
            &["渝北区"],
            &["渝北区实验小学校"],
            false
        )
        .is_empty());
        assert_eq!(
            orgs(
                "。由永川区牵头组建的永川数智产教联合体,",
                &["永川区", "永川"],
                &[],
                false
            ),
            ["永川数智产教联合体"]
        );
    }

    #[test]
    fn anchored_names() {
        assert_eq!(
            orgs(
                "。綦江区教委与中国教育学会签约,区委、区政府出席",
                &["綦江区"],
                &[],
                false
            ),
            ["綦江区教委", "中国教育学会"]
        );
        assert_eq!(
            orgs(
                "成立青松小学教育集团,教育部课程中心指导",
                &[],
                &["青松小学"],
                false
            ),
            ["青松小学教育集团", "教育部课程中心", "教育部"]
        );
        // A kind of body the country has, and a span of time, are no names;
        // a city's hospital of a kind is one.
        assert!(orgs("全国三级公立医院达到1200家", &[], &[], false).is_empty());
        assert!(orgs("过去十年医院数量增长,全市中医医院15家", &[], &[], false).is_empty());
        assert_eq!(
            orgs("宜昌市中医医院开诊", &["宜昌市"], &[], false),
            ["宜昌市中医医院"]
        );
        // 地处 is "lies in", no office; a stop inside a place's name is none.
        assert!(orgs("桃溪镇地处婺源县东北部", &["桃溪镇", "婺源县"], &[], false).is_empty());
        assert_eq!(
            orgs("东至县统计局发布", &["东至县"], &[], false),
            ["东至县统计局"]
        ); // Courts by their short names, councils; a conjunction after a body
           // starts another name.
        assert_eq!(
            orgs(
                "长沙中院审结案件,长沙知识产权法庭受理",
                &["长沙"],
                &[],
                false
            ),
            ["长沙中院", "长沙知识产权法庭"]
        );
        assert_eq!(
            orgs("函送屏东县议会审议", &["屏东县"], &[], false),
            ["屏东县议会"]
        );
        assert_eq!(
            orgs("配合医务卫生局及卫生署推行", &[], &[], false),
            ["医务卫生局"]
        );
    }

    #[test]
    fn bodies_named_by_what_they_do_and_their_units() {
        // A verb right before the head is part of the name; 新 before 局
        // (科技创新局) and 法官 after 法院 are no common words here.
        for (text, region, name) in [
            ("。坪山区科技创新局介绍", "坪山区", "坪山区科技创新局"),
            ("。晋中市中级人民法院法官说", "晋中市", "晋中市中级人民法院"),
            ("。泾县云溪宣纸厂始建于", "泾县", "泾县云溪宣纸厂"),
            ("。中共山西省委高度重视", "山西省", "中共山西省委"),
        ] {
            assert_eq!(orgs(text, &[region], &[], false), [name], "{text}");
        }
        assert_eq!(
            orgs("。省人力资源和社会保障厅发布", &[], &[], false),
            ["省人力资源和社会保障厅"]
        );
        // A unit right after a body known by name, its name holding 与.
        assert_eq!(
            orgs("。水利部黄河水利委员会发布", &[], &[], false),
            ["水利部黄河水利委员会", "水利部", "黄河水利委员会"]
        );
        assert_eq!(
            orgs(
                "。江西省卫生健康委员会规划发展与信息化处负责人",
                &["江西省"],
                &[],
                false
            ),
            [
                "江西省卫生健康委员会规划发展与信息化处",
                "江西省卫生健康委员会"
            ]
        );
        // Not names: two bodies joined by 与, 厂 in 厂房/厂矿 or after a
        // count, 开创新局, an act before 厅.
        for text in [
            "。国家林草局与财政部联合印发",
            "。南宁市标准化厂房投入使用",
            "。遵义市厂矿企业120家",
            "。贵阳市两厂合并",
            "。贵州省奋力开创新局",
            "。省里大力推进厅局改革",
        ] {
            let found = orgs(text, &["南宁市", "遵义市", "贵阳市", "贵州省"], &[], false);
            assert!(
                found.iter().all(|o| !o.contains(['与', '厂', '新', '推'])),
                "{text}: {found:?}"
            );
        }
        // Generic before one head only: 孔子博物馆, 博爱医院 are names;
        // a unit's name may hold what its body does (交通管理局).
        assert_eq!(
            orgs("。孔子博物馆、尼山圣境", &[], &[], false),
            ["孔子博物馆"]
        );
        assert_eq!(orgs("。并在博爱医院扩建", &[], &[], false), ["博爱医院"]);
        assert!(orgs("。设立分公司3家,坚持从严治党", &[], &[], false).is_empty());
        assert_eq!(
            orgs("。省公安厅交通管理局负责人", &[], &[], false)[0],
            "省公安厅交通管理局"
        );
        // A sector word before a company is no part of its name (its trade
        // name inside, 黔雷茶业, is a candidate the overlap resolver drops).
        assert_eq!(
            orgs("。茶企黔雷茶业有限公司带动", &[], &[], false)[0],
            "黔雷茶业有限公司"
        );
    }

    #[test]
    fn firms_and_the_company_as_a_pronoun() {
        // A company named after its city goes by four chars after it; a
        // short form running on as the name does is a longer one.
        assert_eq!(
            orgs(
                "。学院与重庆长安汽车股份有限公司共建基地。近三年长安汽车招聘技术人员",
                &["重庆"],
                &[],
                false
            ),
            ["重庆长安汽车股份有限公司", "长安汽车"]
        );
        assert_eq!(
            orgs(
                "。擎川新能源科技有限公司投产。吴昊在擎川新能源工作",
                &[],
                &[],
                false
            ),
            ["擎川新能源科技有限公司"]
        );
        // A report's period before the company word is no name.
        assert!(orgs("。报告期末公司总股本为23,400万股", &[], &[], false).is_empty());
        // A party's caucus is named whole, the party where 团 opens a word;
        // a verb after a place ends the name.
        assert_eq!(orgs("。国民党团结各方力量", &[], &[], false), ["国民党"]);
        assert_eq!(orgs("。国民党团总召质询", &[], &[], false), ["国民党团"]);
        assert!(orgs("。元朗区兴建两间新图书馆", &["元朗区"], &[], false).is_empty());
        // A government after a chain of regions; kinds of bodies a place has.
        assert_eq!(
            orgs(
                "彭水苗族土家族自治县岚桠乡人民政府",
                &["彭水苗族土家族自治县", "岚桠乡"],
                &[],
                false
            ),
            ["彭水苗族土家族自治县岚桠乡人民政府"]
        );
        assert_eq!(
            orgs(
                "湖南省怀化市会同县人民政府发布通告",
                &["湖南省怀化市会同县"],
                &[],
                false
            ),
            ["湖南省怀化市会同县人民政府"]
        );
        assert!(orgs("加强宁乡市乡镇卫生院建设", &["宁乡市"], &[], false).is_empty());
        assert!(orgs("组建城市医疗集团2个", &[], &[], false).is_empty());
        // A company's short form before 地区 names a place.
        assert_eq!(
            orgs(
                "与渝西云链科技有限公司合作,面向渝西地区培训",
                &[],
                &[],
                false
            ),
            ["渝西云链科技有限公司"]
        );
        // A street's cultural station, named with its district and street.
        assert_eq!(
            orgs(
                "来自江北区枫溪街道文化站的老师",
                &["江北区", "枫溪街道"],
                &[],
                false
            ),
            ["江北区枫溪街道文化站"]
        );
        // Accounting and law firms are heads of their own; the part before
        // them is the name (not the generic 会计师).
        assert_eq!(
            orgs(
                "审计机构为天衡会计师事务所。以上数据未经会计师事务所审计",
                &[],
                &[],
                false
            ),
            ["天衡会计师事务所"]
        );
        // A place in brackets belongs to the name; the company word of the
        // phrase before does not.
        assert_eq!(
            orgs(
                "同意为全资子公司华晟精工(嘉兴)有限公司提供担保,锐驰新能源汽车(深圳)有限公司",
                &[],
                &[],
                false
            ),
            ["华晟精工(嘉兴)有限公司", "锐驰新能源汽车(深圳)有限公司"]
        );
        // 公司 as "the company" after a verb is no name.
        assert!(orgs(
            "合计控制公司45%股份,不构成公司对投资者的承诺,累计回购公司股份",
            &[],
            &[],
            false
        )
        .is_empty());
    }

    #[test]
    fn city_short_forms_only_in_city_texts() {
        assert_eq!(orgs("。市教委印发通知", &[], &[], true), ["市教委"]);
        assert!(orgs("。市教委印发通知", &[], &[], false).is_empty());
        // After a verb whose object the body is.
        assert_eq!(orgs("。为贯彻市教委通知", &[], &[], true), ["市教委"]);
        assert_eq!(
            orgs("。严格执行市发展改革委核定的标准", &[], &[], true),
            ["市发展改革委"]
        );
        // 省 in a text about one province; 市 or 省 inside a word is none.
        assert_eq!(
            orgs_as("。省法院受理案件", &[], &[], false, true),
            ["省法院"]
        );
        assert!(orgs_as("。省法院受理案件", &[], &[], true, false).is_empty());
        // After a verb only in a text about one city or province; the name
        // after the verb, not from a level word before it.
        assert!(orgs("。各地要严格执行市发展改革委核定的标准", &[], &[], false).is_empty());
        assert_eq!(
            orgs("。我市认真执行市发展改革委核定的标准", &[], &[], true),
            ["市发展改革委"]
        );
        assert!(orgs("。城市教委", &[], &[], true).is_empty());
        assert!(orgs("形成发展新格局", &[], &[], false).is_empty());
        assert!(orgs("綦江区坚持党委领导", &["綦江区"], &[], false).is_empty());
    }

    #[test]
    fn bodies_acting_jointly_stations_and_workshops() {
        // 会同 after a one-char head is a verb (居委会 stays a word).
        assert_eq!(
            orgs("。省水利厅会同省应急管理厅部署", &[], &[], false),
            ["省水利厅", "省应急管理厅"]
        );
        assert_eq!(orgs("。据省气象台预测", &[], &[], false), ["省气象台"]);
        // A workshop is named with its place; a kind of workshop is none.
        assert_eq!(
            orgs("。重庆市刘晓岚名师工作室成员", &["重庆市"], &[], false),
            ["重庆市刘晓岚名师工作室"]
        );
        assert!(orgs("。建立区级名师工作室30个", &[], &[], false).is_empty());
        // A school before the teacher's name is a name of its own.
        assert_eq!(
            orgs(
                "。九龙坡区谢家湾小学何晓东小学科学名师工作室创建于",
                &["九龙坡区"],
                &["九龙坡区谢家湾小学"],
                false
            ),
            ["何晓东小学科学名师工作室"]
        );
        // An auditor's role stands before the firm's name.
        assert_eq!(
            orgs("并与核数师罗兆信会计师事务所有限公司讨论", &[], &[], false),
            ["罗兆信会计师事务所有限公司", "罗兆信会计师事务所"]
        );
    }

    #[test]
    fn standing_committees_of_congresses() {
        // A congress's standing committee is a body, its term number and all;
        // the session of a congress (…第三次会议) is an event, no body.
        assert_eq!(
            orgs(
                "。在福建省第十四届人民代表大会常务委员会第十一次会议上",
                &["福建省"],
                &[],
                false
            ),
            ["福建省第十四届人民代表大会常务委员会"]
        );
        assert!(orgs(
            "。在湖北省第十四届人民代表大会第三次会议上",
            &["湖北省"],
            &[],
            false
        )
        .is_empty());
    }

    #[test]
    fn place_and_company_names_holding_a_stop() {
        // 暨 of 诸暨市 and 为 of 华为 are no boundary inside the name.
        assert_eq!(
            orgs(
                "在绍兴市委和诸暨市委的领导下",
                &["绍兴市", "诸暨市"],
                &[],
                false
            ),
            ["绍兴市委", "诸暨市委"]
        );
        assert_eq!(
            orgs(
                "。联合京东方科技集团、华为技术有限公司开设",
                &[],
                &[],
                false
            ),
            ["京东方科技集团", "华为技术有限公司"]
        );
        assert_eq!(
            orgs("与重庆医药集团合作开办", &["重庆"], &[], false),
            ["重庆医药集团"]
        );
        // A place that organises; airlines at large.
        assert!(orgs(
            "今年以来,巫溪县组织乡村教师参加培训",
            &["巫溪县"],
            &[],
            false
        )
        .is_empty());
        assert!(orgs("。将与多家航空公司合作", &[], &[], false).is_empty());
        // Taiwan's 县府 is a body's short name of its own, a verb after it.
        assert_eq!(
            orgs("县府配合教育部推动双语教育,由县府自办活动", &[], &[], false),
            ["教育部"]
        );
        // Hong Kong filings: 之 is a particle, 附属公司 a kind of company.
        assert!(orgs(
            "(於开曼群岛注册成立之有限公司)本公司及其附属公司",
            &[],
            &[],
            false
        )
        .is_empty());
        // A count of places, no office (两处 after a district).
        assert!(orgs("在南屯区两处基地兴建", &["南屯区"], &[], false).is_empty());
    }
}
