//! PERSON: a surname and one or two given chars right after a role or
//! title (校长朱刚, 局长周文杨) or right before one (王建国局长), before a
//! verb of speech at a clause start (…，刘洋介绍), in credits (图/孙磊,
//! 责任编辑:周婷, 赵亮 摄), and bylines: names set apart by spaces after
//! 记者 / 通讯员 (记者 王新宇 吴晓苗), or a line that is a list of names (谭芳
//! 胡忠英). After a role a name may follow a colon or 为 and start a list
//! (实际控制人为周启明、周雨桐父女), stand after the office it works in
//! (联系人:省教育厅办公室 马晓东; 统计处陈怡君科长), and end at a title or
//! an honorific (陈国樑议员, 周振邦先生); a speaker may follow 的
//! (来自农业农村厅的韦建峰介绍).

use super::studio::{self, STUDIO};
use super::transliterated;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::normalize::Normalized;
use crate::region::Gazetteer;
use crate::text::{
    char_at, char_before, class_number_start, is_cjk, is_name_char, rows, words, FastHash, Found,
    WordSet,
};

const SURNAMES: &str = include_str!("../../data/entity/surnames.txt");
const TITLES: &str = include_str!("../../data/entity/person_titles.txt");
const STOP: &str = include_str!("../../data/entity/person_stop.txt");
/// Names of the people national reports most often cite, read wherever
/// they stand (以习近平同志为核心的党中央).
pub(crate) const KNOWN: &str = include_str!("../../data/entity/person_known.txt");

/// Words of a byline that a name follows (`记者 苏盛宇`).
static BYLINE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_byline.txt")));
/// What may follow a list of names on its line (`谭芳 胡忠英 图片由…提供`).
const AFTER_LIST: &[char] = &['图', '摄', '据', '文', '供', '/'];
/// Chars that rarely end a given name but often follow one (荣获, 表示, 在).
const NAME_END: &[char] = &[
    '说', '表', '介', '强', '指', '认', '提', '荣', '获', '在', '是', '的', '等', '和', '与', '带',
    '这', '为', '作', '也', '都', '同', '对', '告', '谈', '称', '坦', '笑', '感', '希', '呼', '率',
    '领', '主', '参', '出', '所', '接', '向', '曾', '已', '正', '将', '亲', '还', '就', '则', '分',
    '代', '透', '讲', '发', '回', '及', '了', '被', '把', '让', '给', '从', '要', '会', '以', '于',
    '表', '任', '深', '先', '一', '们', '老', '校', '批', '宣', '解', '补', '直', '质', '问', '答',
    '反', '评', '重', '再', '并', '又', '随', '摄', '报', '电', '签', '形', '来', '去', '昨', '今',
    '近', '日', '前', '后', '便', '即', '却', '更', '仍', '均', '早', '首', '受', '拖', '家', '研',
    '动', '看', '拿', '站', '走', '坐', '望', '听', '抱', '骑', '驾', '跑', '跳', '每', '算', '戴',
    '牵',
];

/// Single-char words that follow a name (…吴光荣在村里, 林强的): before one,
/// a name may end with a char of [`NAME_END`] (荣, 强), as that char then
/// starts no word of its own.
const PARTICLE: &[char] = &[
    '在', '的', '是', '说', '和', '与', '等', '也', '都', '就', '还', '已', '正', '将', '曾', '被',
    '把', '从', '向', '对', '给', '今', '昨', '则',
];

/// Chars that end the name of an office or unit (统计处, 观光科): a name may
/// start right after one (统计处陈怡君科长).
const UNIT_END: &[char] = &[
    '处', '科', '局', '室', '部', '厅', '办', '院', '司', '所', '队', '组', '府', '委', '站', '馆',
    '署', '心', '班',
];

/// Chars of [`NAME_END`] that also end given names (吴光荣, 刘志强): one
/// of them ends a three-char name where a [`PARTICLE`] follows it.
const NAME_LIKE_END: &[char] = &[
    '荣', '强', '深', '发', '同', '亲', '领', '先', '作', '均', '首',
];

/// Verbs of speech a name stands before at the start of a clause
/// (…，刘洋介绍; 陈静说).
pub(crate) static SPEECH_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../../data/entity/speech_verbs.txt")).collect());

/// Words that stand before a name at the start of a clause (punctuation
/// aside): 据李卫国介绍.
static CLAUSE_START: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_clause_start.txt")));

/// Two-char verbs (from jieba's dictionary) that may follow a name of a
/// surname and two given chars right after a title (主任顾立新审定): the
/// words of [`PersonTables`]' verbs.
const VERBS_AFTER: &str = include_str!("../../data/entity/person_verbs.txt");

/// Verbs of teaching and learning that [`VERBS_AFTER`] lacks (朗读, 磨课),
/// read as its words.
const SCHOOL_VERBS: &str = include_str!("../../data/entity/person_verbs_school.txt");

/// Honorifics and kin words after a name (周振邦先生, 周雨桐父女): what
/// stands there may follow a name.
static AFTER: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_after.txt")));

/// Kin words after a name and 的 (家长吴静的女儿): they confirm the name.
static KIN: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_kin.txt")));

/// Forms of address after a surname (王先生, 张女士): not a name.
static ADDRESS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_address.txt")));

/// Chars never in the given name of a speaker (高新区说, 该局说).
const NOT_GIVEN: &[char] = &[
    '区', '市', '县', '省', '局', '部', '委', '厅', '办', '院', '会', '社', '报', '网', '台', '司',
    '行', '厂', '村', '镇', '乡', '校', '园', '所', '队', '组', '府', '处', '科', '室', '们', '方',
    '面', '家', '者', '界', '门', '业', '都', '时', '他', '她', '它', '我', '你', '此', '这', '那',
    '次', '年', '月', '日', '天', '又', '也', '还', '就', '曾', '却', '再', '外', '内', '地', '的',
    '得', '了', '着', '党', '国', '人', '员', '众', '士', '副', '夜', '去', '期', '袋', '在', '署',
];

/// Chars never in a given name right after a title (联系人为何人, 联系人:
/// 金融办, 旅客高峰期, 司机师傅们, 书记连夜, 董事长曾多次): a short list
/// of [`NOT_GIVEN`], as a title is stronger evidence than a clause start.
const NOT_GIVEN_AFTER_TITLE: &[char] = &[
    '们', '办', '人', '副', '夜', '去', '期', '袋', '次', '时', '处', '科', '室', '局', '部', '委',
    '子', '则',
];

/// Chars that end words of government prose, not given names, after a
/// title and before a verb (项目化, 全方位, 全链条, 包片区, 全流程).
const NOT_GIVEN_LAST: &[char] = &[
    '化', '位', '条', '程', '区', '面', '性', '式', '型', '度', '类', '级', '口', '片', '域', '项',
    '段', '点', '线', '链', '盘', '局', '制', '责',
];

/// Chars that start a verb of speech (说, 表示, 介绍): after a name they
/// confirm it even behind a common-noun title (家长王丽说).
const SPEECH: &[char] = &['说', '表', '介', '告', '认', '坦', '笑', '感', '回', '谈'];

/// Function words that never start a given name (都是, 有不).
const FUNCTION: &[char] = &[
    '是', '的', '在', '有', '不', '了', '和', '与', '也', '都', '就', '还', '要', '会', '对', '被',
    '把', '让', '给', '从', '向', '等', '这', '那', '个', '们', '些',
];

/// In [`PersonTables`]' surnames: the char is a surname.
const SINGLE: u8 = 1;
/// In [`PersonTables`]' surnames: the char is one of the
/// [`COMMON_SURNAMES`] most frequent surnames.
const COMMON: u8 = 4;
/// How many of the most frequent surnames (surnames.txt is in order) count
/// as common: a label that opens a line (`来源:`, `公路:`) is a speaker only
/// with one of them.
const COMMON_SURNAMES: usize = 200;
/// In [`PersonTables`]' surnames: a surname of two chars starts with the char.
const COMPOUND: u8 = 2;

/// Compiled person word lists.
#[derive(Debug)]
pub(crate) struct PersonTables {
    /// Per char: [`SINGLE`] if it is a surname, [`COMPOUND`] if a surname
    /// of two chars starts with it.
    surnames: HashMap<char, u8, FastHash>,
    compound: HashSet<&'static str, FastHash>,
    /// Per title: whether it is also a common noun (only three-char names follow).
    weak: Vec<bool>,
    /// The titles, which are never a given name (李经理, 周书记).
    title_words: HashSet<&'static str, FastHash>,
    stop: WordSet,
    /// The verbs of [`VERBS_AFTER`] and [`SCHOOL_VERBS`], a large set built with the tables (the
    /// finder asks for them only where a name's other tests pass, which the
    /// extractor's warm-up text may never reach).
    pub(crate) verbs_after: WordSet,
}

impl PersonTables {
    /// Builds the surname sets and the title flags.
    pub(crate) fn new() -> PersonTables {
        let mut surnames = HashMap::default();
        let mut compound = HashSet::default();
        for (i, s) in words(SURNAMES).enumerate() {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => {
                    let common = if i < COMMON_SURNAMES { COMMON } else { 0 };
                    *surnames.entry(c).or_default() |= SINGLE | common;
                }
                (Some(c), Some(_)) => {
                    *surnames.entry(c).or_default() |= COMPOUND;
                    compound.insert(s);
                }
                _ => {}
            }
        }
        PersonTables {
            surnames,
            compound,
            weak: titles().map(|t| t.1).collect(),
            title_words: titles().map(|t| t.0).collect(),
            stop: WordSet::new(STOP),
            verbs_after: WordSet::union(&[VERBS_AFTER, SCHOOL_VERBS]),
        }
    }

    /// Whether `name` starts with a common surname ([`COMMON_SURNAMES`]).
    fn common_surname(&self, name: &str) -> bool {
        name.chars()
            .next()
            .and_then(|c| self.surnames.get(&c))
            .is_some_and(|k| k & COMMON != 0)
    }

    /// Byte length of the surname `s` starts with, if any.
    fn surname_len(&self, s: &str) -> Option<usize> {
        let mut cs = s.char_indices();
        let (_, c) = cs.next()?;
        let kinds = *self.surnames.get(&c)?;
        if kinds & COMPOUND != 0 {
            if let Some((j, d)) = cs.next() {
                let two = j + d.len_utf8();
                if self.compound.contains(&s[..two]) {
                    return Some(two);
                }
            }
        }
        (kinds & SINGLE != 0).then_some(c.len_utf8())
    }

    /// Whether `name` (2 to 4 chars) looks like a person's name: a surname
    /// and a given name that is no title or form of address (李经理, 陈小姐),
    /// nor, in two chars, a common verb (应邀).
    fn is_name(&self, name: &str) -> bool {
        let Some(surname) = self.surname_len(name) else {
            return false;
        };
        let given = &name[surname..];
        (2..=4).contains(&name.chars().count())
            && name.chars().all(is_cjk)
            && !given.is_empty()
            && !self.title_words.contains(given)
            && !ADDRESS.contains(given)
            && !self.stop.contains(name)
            // 应邀, 关注: a surname and one char that make a common verb.
            && !(name.chars().count() == 2 && self.verbs_after.contains(name))
            && !given.starts_with(FUNCTION)
            && !name
                .char_indices()
                .nth(2)
                .is_some_and(|(i, _)| self.stop.contains(&name[..i]))
    }
}

/// The titles names follow (matched as a list of the shared trie), and
/// whether each is also a common noun.
pub(crate) fn titles() -> impl Iterator<Item = (&'static str, bool)> {
    words(TITLES).map(|w| match w.strip_suffix('*') {
        Some(t) => (t.trim(), true),
        None => (w, false),
    })
}

/// The words after a name that [`find`] looks for besides titles and
/// verbs (`data/entity/person_marks.txt`), matched as a list of the shared
/// trie (no two of them overlap, so it finds every occurrence): the
/// honorifics first, then `摄` of a photo credit and the verbs of a text's
/// credits (刘雨涵整理, 熊建平审核); and how many of them, from the first,
/// are honorifics.
static MARKS: LazyLock<(Vec<&'static str>, u32)> = LazyLock::new(|| {
    let rows: Vec<(&str, bool)> = rows(include_str!("../../data/entity/person_marks.txt"))
        .map(|r| (r[0], r.get(1) == Some(&"honorific")))
        .collect();
    let honorifics = rows.iter().take_while(|r| r.1).count();
    (rows.into_iter().map(|r| r.0).collect(), honorifics as u32)
});

/// The words of [`MARKS`], in their order.
pub(crate) fn marks() -> Vec<&'static str> {
    MARKS.0.clone()
}

/// The class of a pupil (`五年级(3)班`, [`pupils_of_classes`]).
const CLASS: &str = "班";

/// The words a name follows or precedes outside a title, for the shared
/// trie: [`CLASS`] and [`STUDIO`] (word 0 and 1 of the list).
pub(crate) const ANCHORS: [&str; 2] = [CLASS, STUDIO];

/// Finds person names in the normalised text: (start, end) byte offsets.
/// `titles`, `verbs`, `marks` and `anchors` are the words of [`titles`],
/// [`SPEECH_VERBS`], [`marks`] and [`ANCHORS`] found in it.
pub(crate) fn find(
    norm: &Normalized,
    titles: &[Found],
    verbs: &[Found],
    marks: &[Found],
    anchors: &[Found],
    t: &PersonTables,
    gaz: &Gazetteer,
) -> Vec<(usize, usize)> {
    // Where a title that is no common noun starts: a name may end there
    // (主席陈国樑议员).
    let strong: Vec<usize> = titles
        .iter()
        .filter(|m| !t.weak[m.word as usize])
        .map(|m| m.start)
        .collect();
    let cx = Cx {
        norm,
        t,
        gaz,
        strong: &strong,
    };
    let mut out = Vec::new();
    for m in titles {
        let weak = t.weak[m.word as usize];
        // A form of address is a common noun too (数学老师), but after a
        // three-char name it is the name's (数学组吴国栋老师, 刘思远同学).
        let after = if !weak || salutes(&norm.text, m.end) {
            Some(After::Title)
        } else {
            ADDRESS
                .contains(&norm.text[m.start..m.end])
                .then_some(After::Address)
        };
        if let Some(s) = after.and_then(|a| name_before(&cx, m.start, a)) {
            out.push((s, m.start));
        } else if after == Some(After::Address) {
            // 教研组长张敏老师: a name of two chars between a title and a
            // form of address.
            if let Some(s) = between_titles(&cx, titles, m.start) {
                out.push((s, m.start));
            }
        }
        listed_before_count(&cx, m.start, &mut out);
        names_after_title(&cx, m.end, weak, &mut out);
        // After a common noun (村民), a verb must follow (村民白玛措姆获评);
        // after a title, a particle or a verb of speech (局长乌云其木格表示).
        let follows = if weak { NAME_END } else { PARTICLE };
        let found = transliterated::after_title(&norm.text, m.end, follows).or_else(|| {
            (!weak)
                .then(|| transliterated::after_title(&norm.text, m.end, SPEECH))
                .flatten()
        });
        if let Some(e) = found {
            let verb = char_at(&norm.text, e).is_some_and(|c| NAME_END.contains(&c));
            // After a common noun two chars are a word as often as a name
            // (丈夫常年在外, 村民常年在): three at least.
            let long = norm.text[m.end..e].chars().count() >= 3;
            if !weak || (verb && long) {
                out.push((m.end, e));
            }
        }
    }
    speakers(&cx, verbs, &mut out);
    honoured(&cx, marks, &mut out);
    speaker_labels(&cx, &mut out);
    let at = |word: u32| {
        anchors
            .iter()
            .filter(move |f| f.word == word)
            .map(|f| f.start)
    };
    pupils_of_classes(&cx, at(0), &mut out);
    heads_of_studios(&cx, at(1), &mut out);
    credits(norm, t, marks, &mut out);
    bylines(norm, t, &mut out);
    out.extend(transliterated::dotted(norm));
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the title ending at `at` ends a salutation: a colon, then the
/// end of the line (尊敬的张立新代表:, 黄文涛委员:), so the name before
/// even a common noun is a person's.
fn salutes(text: &str, at: usize) -> bool {
    text[at..]
        .strip_prefix(':')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('\n'))
}

/// A preposition that is a common surname too, read as one where a name
/// of three chars ends before a particle, punctuation or a verb.
const SURNAME_PREPOSITIONS: [char; 1] = ['向'];

/// Prepositions that are surnames too (由, 向, 于): after a noun for a
/// kind of people they start a phrase, not a name (but see
/// [`SURNAME_PREPOSITIONS`]).
const PREPOSITIONS: &[char] = &[
    '由', '向', '从', '于', '对', '把', '被', '给', '将', '以', '为', '和', '与', '及', '在', '自',
    '经', '按', '据', '比', '跟', '同', '替',
];

/// The longest aside in brackets (chars) between a title and its name.
const ASIDE_CHARS: usize = 8;

/// What the finders read: the text, the word lists, and where the titles
/// that are no common nouns start.
struct Cx<'a, 'n> {
    norm: &'a Normalized<'n>,
    t: &'a PersonTables,
    gaz: &'a Gazetteer,
    /// Starts of the titles not marked `*`, ascending.
    strong: &'a [usize],
}

/// The names after a title that ends at `at`: one right after it, after a
/// colon (代表人:林世钧), or after 为 (实际控制人为周启明); a contact after the
/// office it works in (联系人:省教育厅办公室 马晓东); and the names listed
/// after the first (周启明、周雨桐父女). After a common noun (`weak`: 游客,
/// 村民) a name has three chars or is followed by a verb of speech; right
/// after any title a given name holds none of [`NOT_GIVEN_AFTER_TITLE`]
/// (旅客高峰期, 联系人为何人).
fn names_after_title(cx: &Cx, at: usize, weak: bool, out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    // An aside in brackets after the title (`会计机构负责人(会计主管人员)
    // 何志鹏保证`): the name follows it.
    let aside = text[at..]
        .strip_prefix('(')
        .and_then(|rest| {
            rest.find([')', '(', '\n'])
                .filter(|&i| rest[i..].starts_with(')'))
        })
        .filter(|&i| !weak && text[at + 1..at + 1 + i].chars().count() <= ASIDE_CHARS);
    let at = aside.map_or(at, |i| at + 1 + i + 1);
    // A signature: the title ends its line, the name stands alone on the
    // next (`醫管局主席\n梁錦輝`).
    if !weak && text[at..].starts_with('\n') {
        let s = at + 1;
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[s..]).map_or(text.len(), |i| s + i);
        if let Some(e) = after_title(cx, s, true).filter(|&e| text[e..line_end].trim().is_empty()) {
            out.push((s, e));
        }
        return;
    }
    let (at, colon, strict) = match char_at(text, at) {
        Some(':') => (at + 1, true, false),
        Some('为') => (at + '为'.len_utf8(), false, true),
        _ => (at, false, false),
    };
    // After a common noun a preposition starts a phrase far more often than
    // a surname does a name (农户由最初的7户, 村民向…); 向 is a common
    // surname too, read where three chars end before a particle,
    // punctuation or a verb (家长代表向国平在外地打工, 学生向思琪把被子叠好).
    let surname_first = weak && text[at..].starts_with(SURNAME_PREPOSITIONS);
    if weak && text[at..].starts_with(PREPOSITIONS) && !surname_first {
        return;
    }
    let take = |s: usize| {
        after_title(cx, s, strict).filter(|&e| {
            // Three chars are a name after a common noun where the surname
            // is a common one or the name ends its phrase (老师谌丽萍,);
            // 所有老师都理解: 都 is rare, and an adverb.
            let three = text[s..e].chars().count() >= 3
                && (!weak
                    || cx.t.common_surname(&text[s..e])
                    || (char_at(text, e).map_or(true, |c| !is_name_char(c))
                        && !text[s..e].starts_with(NOT_GIVEN)));
            let speaks = char_at(text, e).is_some_and(|c| SPEECH.contains(&c));
            // 教师何俊带领团队: a common surname and one given char, then a
            // common verb.
            let acts =
                || cx.t.common_surname(&text[s..e]) && starts_verb(&cx.t.verbs_after, text, e);
            // 家长吴静的女儿: a kin word after 的.
            let kin = || {
                text[e..]
                    .strip_prefix('的')
                    .is_some_and(|rest| starts_word(&KIN, rest, 0))
            };
            // 向国平在: a name, not 向 and a phrase (村民向村委会反映).
            let ends = || {
                char_at(text, e).is_some_and(|c| !is_name_char(c) || PARTICLE.contains(&c))
                    || starts_verb(&cx.t.verbs_after, text, e)
            };
            if surname_first && s == at {
                return three && text[s..e].chars().count() == 3 && ends();
            }
            // 学生田径运|动会: after a common noun, a last char that makes a
            // verb with the char after it (运动) is a word's, no name's.
            let runs_on = || {
                let last = char_before(text, e).map_or(0, char::len_utf8);
                weak && starts_verb(&cx.t.verbs_after, text, e - last)
            };
            (three || speaks || !weak || acts() || kin()) && !runs_on()
        })
    };
    let mut first = take(at).map(|e| (at, e));
    if first.is_none() && colon {
        // 联系人:省教育厅办公室 马晓东: the name stands after the space
        // that ends the office.
        let mut q = at;
        for c in text[at..].chars().take(16) {
            if !is_cjk(c) {
                break;
            }
            q += c.len_utf8();
            if cx.norm.joined_at(q) {
                first = take(q).map(|e| (q, e));
                break;
            }
        }
    }
    if first.is_none() && strict {
        // 指导教师为化学组的周明远。: the unit the person works in, then 的.
        first = unit_then_de(text, at).and_then(|q| take(q).map(|e| (q, e)));
    }
    let Some((s, mut e)) = first else {
        return;
    };
    out.push((s, e));
    // A list of names: 周启明、周雨桐父女; 李红女士、陈志刚先生.
    loop {
        let k = word_end(&AFTER, text, e).unwrap_or(e);
        if !text[k..].starts_with('、') {
            break;
        }
        let s = k + '、'.len_utf8();
        match take(s) {
            Some(next) => {
                out.push((s, next));
                e = next;
            }
            None => break,
        }
    }
}

/// The longest unit (chars) named before 的 and a name (化学组的周明远).
const UNIT_CHARS: usize = 8;

/// Where a name may start after a unit and 的 that start at `at`
/// (指导教师为|化学组的|周明远): up to [`UNIT_CHARS`] CJK chars, the last a
/// unit's ([`UNIT_END`]), then 的.
fn unit_then_de(text: &str, at: usize) -> Option<usize> {
    let mut q = at;
    for c in text[at..].chars().take(UNIT_CHARS + 1) {
        if c == '的' {
            let unit = q > at && char_before(text, q).is_some_and(|u| UNIT_END.contains(&u));
            return unit.then_some(q + c.len_utf8());
        }
        if !is_cjk(c) {
            return None;
        }
        q += c.len_utf8();
    }
    None
}

/// Whether a clause starts at `at`: the text starts, or punctuation, a
/// space or a clause word (据) stands before it.
fn clause_start(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) => !is_name_char(c) || CLAUSE_START.ends_at(text, at),
    }
}

/// What stands right after a name that [`name_before`] looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// A title (王建国 | 局长).
    Title,
    /// A verb of speech (刘洋 | 介绍).
    Speech,
    /// An honorific (李咏恩 | 女士): the name may also follow a word that
    /// joins names (陈志鸿先生及李咏恩 | 女士).
    Honorific,
    /// A form of address that is a common noun too (吴国栋 | 老师): only a
    /// three-char name is taken.
    Address,
}

/// Last chars of words for kin and elders (曾祖父, 何老汉, 宋大伯), which a
/// speaker described before 的 is not named by.
const KIN_LAST: &[char] = &[
    '父', '母', '伯', '叔', '嫂', '婆', '汉', '爷', '奶', '姐', '哥',
];

/// Chars that join the names of a list (陈志鸿先生及李咏恩女士).
const NAME_JOINERS: &[char] = &['及', '和', '与', '、'];

/// The start of a name of two or three chars that ends at `at` and starts
/// a clause, if one does (…，刘洋 | 介绍; 。王建国 | 局长): three chars first.
/// A name may also follow a space (观光科 许雅婷 | 科长); one of three chars
/// the office it works in, before a title (统计处陈怡君 | 科长), or 的 after
/// a body's name, before a verb of speech (来自农业农村厅的韦建峰 | 介绍);
/// one before an honorific, a word that joins names ([`After`]).
fn name_before(cx: &Cx, at: usize, after: After) -> Option<usize> {
    let speech = after == After::Speech;
    let (text, t) = (cx.norm.text.as_str(), cx.t);
    // Where names of one, two, three and four chars would start (four:
    // a compound surname's, 司徒浩銘).
    let mut starts = [0; 4];
    let mut n = 0;
    let mut q = at;
    while n < 4 {
        let Some(c) = char_before(text, q).filter(|&c| is_cjk(c)) else {
            break;
        };
        q -= c.len_utf8();
        starts[n] = q;
        n += 1;
    }
    // Longest first; a name starting at `starts[k]` has `k + 1` chars.
    let found = (1..n).rev().find(|&k| {
        if after == After::Address && k != 2 {
            return false;
        }
        let s = starts[k];
        let name = &text[s..at];
        if k == 3 && t.surname_len(name) != Some(name.len() - (at - starts[1])) {
            return false;
        }
        let three = k == 2;
        let bound = clause_start(text, s)
            || cx.norm.joined_at(s)
            || (after == After::Honorific
                && char_before(text, s).is_some_and(|c| NAME_JOINERS.contains(&c)))
            || (three
                && char_before(text, s).is_some_and(|c| {
                    if speech {
                        // 农业农村厅的韦建峰介绍: a body's member; 经营了12年
                        // 花店的李春芳告诉记者: one described, a common
                        // surname opening the name.
                        c == '的'
                            && (char_before(text, s - '的'.len_utf8())
                                .is_some_and(|b| UNIT_END.contains(&b))
                                || (t.common_surname(name) && !name.ends_with(KIN_LAST)))
                    } else {
                        UNIT_END.contains(&c)
                    }
                }));
        if !bound {
            return false;
        }
        // 王先生, 张女士: a surname and a form of address, no name; nor
        // a char said twice (常常说).
        let mut cs = name.chars();
        let twice = k == 1 && cs.next() == cs.next();
        let address = twice || ADDRESS.ends_at(name, name.len());
        !address && t.is_name(name) && given_chars_ok(name) && cx.gaz.prefix_len(name).is_none()
    });
    found.map(|k| starts[k])
}

/// A class named by its grade and number (`五年级(3)班`, `六年级3班`): a
/// pupil's name may follow it, or 的 after it, as one follows a title
/// (…(3)班王子涵以一段…, 一年级2班的刘一诺在…). `classes` are where
/// [`CLASS`] stands.
fn pupils_of_classes(cx: &Cx, classes: impl Iterator<Item = usize>, out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    for i in classes {
        if class_number_start(text, i).is_none() {
            continue;
        }
        let mut at = i + CLASS.len();
        if text[at..].starts_with('的') {
            at += '的'.len_utf8();
        }
        // As after a title, with the names listed after the first.
        names_after_title(cx, at, false, out);
    }
}

/// The heads named by their workshops (刘霞初中语文名师工作室, 王静美术
/// 名师工作室): the name before the stage and the subject. `studios` are
/// where [`STUDIO`] stands.
fn heads_of_studios(cx: &Cx, studios: impl Iterator<Item = usize>, out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    for at in studios {
        if let Some((s, e)) = studio::head(text, at).filter(|&(s, e)| bare_name(cx, &text[s..e])) {
            out.push((s, e));
        }
    }
}

/// Chars of a count of people before a title (两位教师, 3名同学).
const COUNT_DIGITS: &str = "一二两三四五六七八九十0123456789";

/// The names listed before a count of people and their title, which ends
/// at `at` (邓凯、周小舟两位教师, 谭可欣、周子墨两名同学): each bounded by
/// a joiner or the start of its clause.
fn listed_before_count(cx: &Cx, at: usize, out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    let Some(k) = text[..at].strip_suffix(['位', '名']).map(str::len) else {
        return;
    };
    let digits = text[..k]
        .chars()
        .rev()
        .take_while(|&c| COUNT_DIGITS.contains(c))
        .map(char::len_utf8)
        .sum::<usize>();
    if digits == 0 {
        return;
    }
    let mut end = k - digits;
    let mut names = Vec::new();
    // The first name of the list may follow any word (另有谭可欣、…): the
    // joiner after it bounds it. Three chars first, then two.
    let first = |end: usize| {
        [2, 1].into_iter().find_map(|k| {
            let (s, _) = text[..end].char_indices().rev().nth(k)?;
            bare_name(cx, &text[s..end]).then_some(s)
        })
    };
    loop {
        let found = name_before(cx, end, After::Honorific)
            .or_else(|| (!names.is_empty()).then(|| first(end)).flatten());
        let Some(s) = found else { break };
        names.push((s, end));
        match text[..s].strip_suffix('、') {
            Some(rest) => end = rest.len(),
            None => break,
        }
    }
    // A list of two names or more: one name before a count is a word as
    // often as a name (其中两位教师).
    if names.len() >= 2 {
        out.extend(names);
    }
}

/// The start of a name of two chars that ends at `at` and starts where a
/// title of `titles` ends (组长|张敏|老师), if one does.
fn between_titles(cx: &Cx, titles: &[Found], at: usize) -> Option<usize> {
    let text = cx.norm.text.as_str();
    let (s, _) = text[..at].char_indices().rev().nth(1)?;
    (titles.iter().any(|m| m.end == s) && bare_name(cx, &text[s..at])).then_some(s)
}

/// Whether `name`, standing with no word around it to confirm it, is a
/// name: Chinese chars, a surname and given chars that may be a name's.
fn bare_name(cx: &Cx, name: &str) -> bool {
    name.chars().all(is_cjk) && cx.t.is_name(name) && given_chars_ok(name)
}

/// Whether no given char of `name` (after its first) is one of
/// [`NOT_GIVEN`]; `国` ends a country's name (美国|总统) but stands inside a
/// given name (吴国栋), so it is one only at the end.
fn given_chars_ok(name: &str) -> bool {
    let last = name.chars().count().saturating_sub(1);
    name.chars()
        .enumerate()
        .skip(1)
        .all(|(i, c)| !NOT_GIVEN.contains(&c) || (c == '国' && i < last))
}

/// Speakers: a name at the start of a clause right before a verb of speech
/// (…，刘洋介绍; 陈静说). `verbs` are the words of [`SPEECH_VERBS`] found.
fn speakers(cx: &Cx, verbs: &[Found], out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    for m in verbs {
        let at = m.start;
        // 名称, 简称, 号称: 称 ends a word there.
        if SPEECH_VERBS[m.word as usize] == "称"
            && char_before(text, at).is_some_and(|c| NOT_BEFORE_CHENG.contains(&c))
        {
            continue;
        }
        if let Some(s) = name_before(cx, at, After::Speech) {
            out.push((s, at));
        }
    }
}

/// Names before an honorific that starts no longer word (李咏恩女士, 马先生
/// is a form of address): at the start of a clause or after a word that
/// joins names (陈志鸿先生及李咏恩女士). `marks` are the words of [`marks`]
/// found in the text.
fn honoured(cx: &Cx, marks: &[Found], out: &mut Vec<(usize, usize)>) {
    for m in marks.iter().filter(|m| m.word < MARKS.1) {
        if let Some(s) = name_before(cx, m.start, After::Honorific) {
            out.push((s, m.start));
        }
    }
}

/// How many bytes of a line's head hold a speaker's label up to its colon
/// or bracket: four chars of up to four bytes, then the mark.
const LABEL_BYTES: usize = 4 * 4 + 1;

/// The speakers of a transcript: a name that opens a line before its
/// office in brackets and a colon (`孟晓川(国务院新闻办公室新闻发言人):`), or
/// before a colon where the text names the same person elsewhere (`周庆林:`
/// after `副部长周庆林介绍…`); not a form's label (`时间:`, `金额:`).
fn speaker_labels(cx: &Cx, out: &mut Vec<(usize, usize)>) {
    let text = cx.norm.text.as_str();
    let named: HashSet<&str, FastHash> = out.iter().map(|&(s, e)| &text[s..e]).collect();
    let mut found = Vec::new();
    // Each line from where the last one ended: the text is searched for
    // line breaks once.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut next_line = 0;
    for end in ends {
        let s = next_line;
        next_line = end + 1;
        let line = &text[s..end];
        // The colon or bracket of a label stands right after at most four
        // chars: a line with neither in its first bytes is passed over.
        let head = &line.as_bytes()[..line.len().min(LABEL_BYTES)];
        if memchr::memchr2(b':', b'(', head).is_none() {
            continue;
        }
        let n: usize = line
            .chars()
            .take(4)
            .take_while(|&c| is_cjk(c))
            .map(char::len_utf8)
            .sum();
        let name = &line[..n];
        let labelled = match line[n..].chars().next() {
            Some(':') => named.contains(name),
            Some('(') => line[n..]
                .find(')')
                .is_some_and(|k| line[n + k + 1..].starts_with(':')),
            _ => false,
        };
        if labelled
            && (2..=3).contains(&name.chars().count())
            && cx.t.common_surname(name)
            && cx.t.is_name(name)
            && !ADDRESS.ends_at(name, name.len())
            && !name.chars().skip(1).any(|c| NOT_GIVEN.contains(&c))
            && cx.gaz.prefix_len(name).is_none()
        {
            found.push((s, s + n));
        }
    }
    out.extend(found);
}

/// Chars before 称 that make a word of it (名称, 简称, 号称, 声称).
const NOT_BEFORE_CHENG: &[char] = &[
    '名', '简', '号', '堪', '声', '俗', '统', '职', '自', '人', '并', '又', '昵', '尊', '通', '总',
    '对', '匀', '相',
];

/// Words of a credit a name follows after `/` or `:` (图/孙磊, 责任编辑:周婷).
static CREDIT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/person_credit.txt")));

/// Names in credits with no spaces: after `图/`, `编辑:`…, and before `摄`
/// or a verb of credit that ends its clause (赵亮 摄, 赵亮摄, 熊建平审核); a
/// name of three chars may follow a body (办公室刘雨涵整理). `marks` are the
/// words of [`marks`] found in the text.
fn credits(norm: &Normalized, t: &PersonTables, marks: &[Found], out: &mut Vec<(usize, usize)>) {
    let text = norm.text.as_str();
    let b = text.as_bytes();
    for at in memchr::memchr2_iter(b'/', b':', b) {
        if text[..at].ends_with(SUPPLIED) {
            out.extend(after_office(norm, t, at + 1));
            continue;
        }
        if !CREDIT.ends_at(text, at) {
            continue;
        }
        let s = at + 1;
        let s = if b.get(s) == Some(&b' ') { s + 1 } else { s };
        let mut e = s;
        for c in text[s..].chars().take(4) {
            // A space set the name apart (文/周 洁 图/何 平 → 周洁).
            if !is_cjk(c) || (e > s + c.len_utf8() && norm.joined_at(e)) {
                break;
            }
            e += c.len_utf8();
        }
        // 周婷 or 周婷 编辑: the name ends where the CJK run does (at most 3 chars).
        if (2..=3).contains(&text[s..e].chars().count()) && t.is_name(&text[s..e]) {
            out.push((s, e));
        } else if let Some(e) = transliterated::credited(norm, s) {
            out.push((s, e));
        } else if let Some(name) = after_office(norm, t, s) {
            out.push(name);
        }
    }
    for (at, end) in marks
        .iter()
        .filter(|m| m.word >= MARKS.1)
        .map(|m| (m.start, m.end))
    {
        let end_ok = char_at(text, end).map_or(true, |c| !is_name_char(c));
        if !end_ok {
            continue;
        }
        let e = if text[..at].ends_with(' ') {
            at - 1
        } else {
            at
        };
        let mut s = e;
        for _ in 0..3 {
            match char_before(text, s).filter(|&c| is_cjk(c)) {
                Some(c) => s -= c.len_utf8(),
                None => break,
            }
        }
        let n = text[s..e].chars().count();
        let bounded = char_before(text, s).map_or(true, |c| {
            !is_name_char(c) || (n == 3 && UNIT_END.contains(&c))
        });
        // A body credits a text too (宣传部供稿, 常务会审核).
        let body = text[s..e].ends_with(|c: char| UNIT_END.contains(&c) || c == '会');
        if (2..=3).contains(&n) && bounded && !body && t.is_name(&text[s..e]) {
            out.push((s, e));
        }
    }
}

/// The credit of the office that supplied a text (`供稿:宣传部`): a
/// person follows only the office.
const SUPPLIED: &str = "供稿";

/// The longest office (chars) a credit names before its person.
const OFFICE_CHARS: usize = 16;

/// A name credited after the office it works in, set apart by spaces
/// (`供稿:规划信息与财务科 蒲晓东 联系电话`): the office, starting at `at`,
/// ends with a unit's char ([`UNIT_END`]) at a dropped space, and the name
/// of two or three chars runs to the next one or to punctuation.
fn after_office(norm: &Normalized, t: &PersonTables, at: usize) -> Option<(usize, usize)> {
    let text = norm.text.as_str();
    let mut q = at;
    for c in text[at..].chars().take(OFFICE_CHARS) {
        if !is_cjk(c) {
            return None;
        }
        q += c.len_utf8();
        if norm.joined_at(q) {
            break;
        }
    }
    if !norm.joined_at(q) || !text[at..q].ends_with(UNIT_END) {
        return None;
    }
    let e = token_end(norm, q);
    let n = text[q..e].chars().count();
    let bounded = norm.joined_at(e) || char_at(text, e).map_or(true, |c| !is_name_char(c));
    ((2..=3).contains(&n) && bounded && t.is_name(&text[q..e])).then_some((q, e))
}

/// Whether `name` (surname of `sl` bytes, ending at `e`) is a given name
/// opening with 子 (刘子涵, 王子豪), which after a title otherwise makes a
/// word (班子, 孙子, 路子): two given chars, then punctuation, a particle,
/// a verb of speech, the 以 of a result (王子涵以9秒12的成绩) or a verb of
/// two chars (`verbs`: 陈子墨创作的).
fn zi_name(text: &str, name: &str, sl: usize, e: usize, verbs: &WordSet) -> bool {
    let given = &name[sl..];
    given.starts_with('子')
        && given.chars().count() == 2
        && (char_at(text, e).map_or(true, |c| {
            !is_name_char(c) || PARTICLE.contains(&c) || SPEECH.contains(&c) || c == '以'
        }) || starts_verb(verbs, text, e))
}

/// The name right after a title ending at `at`, if one stands there. A
/// `strict` name ends at punctuation or a word of [`AFTER`] (实际控制人为
/// 周启明、周雨桐父女).
fn after_title(cx: &Cx, at: usize, strict: bool) -> Option<usize> {
    let (norm, t, gaz) = (cx.norm, cx.t, cx.gaz);
    let text = norm.text.as_str();
    if norm.joined_at(at) {
        // A space after the title: the name runs to the next space.
        let end = token_end(norm, at);
        return t.is_name(&text[at..end]).then_some(end);
    }
    let sl = t.surname_len(&text[at..])?;
    let mut end = at + sl;
    // Where names of one and two given chars would end.
    let mut ends = [0; 2];
    let mut n = 0;
    while n < 2 {
        // A name of one given char may end at punctuation (负责人沈怡、).
        let Some(c) = char_at(text, end).filter(|&c| is_cjk(c)) else {
            break;
        };
        end += c.len_utf8();
        ends[n] = end;
        n += 1;
    }
    // Prefer three chars unless the last one is a word that follows names
    // (刘强荣获), but not where a verb of speech or punctuation follows all
    // three (刘志强表示).
    let clear = |e: usize, last: char| {
        let spoken = char_at(text, e).map_or(true, |c| !is_name_char(c))
            && !SPEECH.contains(&last)
            && !FUNCTION.contains(&last);
        spoken || char_at(text, e).is_some_and(|c| SPEECH.contains(&c))
    };
    ends[..n].iter().copied().rev().find(|&e| {
        let name = &text[at..e];
        let last = name.chars().next_back().unwrap_or(' ');
        // The cheap tests first, the word look-ups only where they pass.
        let full = e - at > sl + 3 && !clear(e, last);
        // 吴光荣在: 荣 starts no word before a particle.
        let particle = || {
            NAME_LIKE_END.contains(&last) && char_at(text, e).is_some_and(|c| PARTICLE.contains(&c))
        };
        if full && NAME_END.contains(&last) && !particle() {
            return false;
        }
        // 联系人:张先生, 乘客吴先生: a surname and a form of address.
        let address = ADDRESS.ends_at(name, name.len());
        let word = name[sl..].contains(NOT_GIVEN_AFTER_TITLE)
            && !zi_name(text, name, sl, e, &t.verbs_after);
        if address || word || !t.is_name(name) {
            return false;
        }
        if strict {
            return char_at(text, e).map_or(true, |c| !is_name_char(c))
                || starts_word(&AFTER, text, e);
        }
        // A dateline may follow a reporter's name (记者林志豪台北28日电).
        let dateline = || gaz.prefix_len(&text[e..]).is_some();
        // 书记俞春生牵头: a common surname and two given chars, then a verb;
        // not a word of government prose (项目化推进, 全方位统筹, 包片区负责,
        // 常态化开展: 化, 位, 区 end words, not given names).
        let verb = || {
            name[sl..].chars().count() == 2
                && starts_verb(&t.verbs_after, text, e)
                && t.common_surname(name)
                && !name.ends_with(NOT_GIVEN_LAST)
                && !name[sl..].contains(NOT_GIVEN)
        };
        follows_name(cx, e) || dateline() || verb() || action_follows(text, e)
    })
}

/// Whether a verb with the aspect particle 着 stands at `at` (村民黄亚明戴着,
/// 书记钟立群指着), or a manner of speech (新生罗一诺兴奋地说): a name may
/// end before it.
fn action_follows(text: &str, at: usize) -> bool {
    let mut cs = text[at..].chars();
    let first = cs.next().is_some_and(is_cjk);
    let second = cs.next();
    first
        && (second == Some('着')
            || (second.is_some_and(is_cjk)
                && cs.next() == Some('地')
                && cs.next().is_some_and(|c| SPEECH.contains(&c))))
}

/// Whether what stands at `at` may follow a name: punctuation, a space, the
/// end of the text, a char that starts a verb or particle, a title (陈国樑
/// 议员) or an honorific (周振邦先生).
fn follows_name(cx: &Cx, at: usize) -> bool {
    let norm = cx.norm;
    match char_at(&norm.text, at) {
        None => true,
        Some(c) => {
            !is_name_char(c)
                || norm.joined_at(at)
                || NAME_END.contains(&c)
                || cx.strong.binary_search(&at).is_ok()
                || starts_word(&AFTER, &norm.text, at)
                || starts_word(&ADDRESS, &norm.text, at)
        }
    }
}

/// Whether a two-char verb of [`VERBS_AFTER`] (the set `verbs`) starts at
/// `at`.
fn starts_verb(verbs: &WordSet, text: &str, at: usize) -> bool {
    let mut cs = text[at..].char_indices();
    match (cs.next(), cs.next()) {
        (Some(_), Some((i, c))) => verbs.contains(&text[at..at + i + c.len_utf8()]),
        _ => false,
    }
}

/// Whether a word of `set` (of up to four chars) starts at `at`.
fn starts_word(set: &WordSet, text: &str, at: usize) -> bool {
    word_end(set, text, at).is_some()
}

/// The end of the shortest word of `set` (of up to four chars) that starts
/// at `at`, if one does.
fn word_end(set: &WordSet, text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    text[at..].chars().take(4).find_map(|c| {
        end += c.len_utf8();
        set.contains(&text[at..end]).then_some(end)
    })
}

/// The end of the space-separated token starting at `at`.
fn token_end(norm: &Normalized, at: usize) -> usize {
    let text = norm.text.as_str();
    let joins = norm.joins();
    // The first join after `at`: the token ends there at the latest.
    let join = joins.get(joins.partition_point(|&j| j <= at)).copied();
    let mut end = at;
    for c in text[at..].chars() {
        if !is_cjk(c) || Some(end) == join {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Names in bylines: after 记者 / 通讯员 set apart by spaces, and lines
/// that start with two or more space-separated names.
fn bylines(norm: &Normalized, t: &PersonTables, out: &mut Vec<(usize, usize)>) {
    let text = norm.text.as_str();
    let joins = norm.joins();
    // Each line from where the last one ended: the text is searched for
    // line breaks once.
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    // The tokens of a line, kept from one line to the next.
    let mut tokens = Vec::new();
    let mut next_line = 0;
    for line_end in breaks {
        let line_start = next_line;
        next_line = line_end + 1;
        // Only a line with spaces in it can set names apart: most lines
        // are passed over before their trailing white space is trimmed.
        let k = joins.partition_point(|&j| j <= line_start);
        if joins.get(k).map_or(true, |&j| j >= line_end) {
            continue;
        }
        let end = line_start + text[line_start..line_end].trim_end().len();
        if joins[k] >= end || !may_hold_names(text, line_start, end, &joins[k..]) {
            continue;
        }
        tokens.clear();
        let mut at = line_start;
        while at < end {
            let c = char_at(text, at).unwrap_or(' ');
            if !is_cjk(c) {
                tokens.push((at, at + c.len_utf8(), false));
                at += c.len_utf8();
                continue;
            }
            let e = token_end(norm, at);
            // `杨芸报道`: the byline's closing word is no part of the name.
            let name_end = text[at..e].strip_suffix("报道").map_or(e, |n| at + n.len());
            if name_end > at && name_end < e {
                tokens.push((at, name_end, true));
                tokens.push((name_end, e, false));
            } else {
                tokens.push((at, e, true));
            }
            at = e;
        }
        names_in_line(text, t, &tokens, out);
    }
}

/// Whether the line from `start` to `end` can hold a name that
/// [`names_in_line`] finds: a join, `/` or `:` right after a byline word,
/// or a first token of at most four CJK chars ending at a join. `joins` are
/// the joins after `start`, the first of them inside the line.
fn may_hold_names(text: &str, start: usize, end: usize, joins: &[usize]) -> bool {
    let inside = &joins[..joins.partition_point(|&j| j < end)];
    let first = &text[start..inside[0]];
    let list = first.chars().count() <= 4 && first.chars().all(is_cjk);
    let seps = memchr::memchr2_iter(b'/', b':', &text.as_bytes()[start..end]).map(|k| start + k);
    // A byline word glued to the first name, the next set apart
    // (`(记者吴乐天 杨芸)`): the word ends two to four chars before a join.
    let glued = |p: usize| {
        let mut q = p;
        (0..4).any(|n| {
            q = prev_char_start(text, q)
                .filter(|&q| q >= start)
                .unwrap_or(start);
            n >= 1 && BYLINE.ends_at(&text[start..q], q - start)
        })
    };
    list || inside
        .iter()
        .copied()
        .chain(seps)
        .any(|p| BYLINE.ends_at(&text[start..p], p - start))
        || inside.iter().any(|&p| glued(p))
}

/// The start of the char before byte `at` of `text`, if any.
fn prev_char_start(text: &str, at: usize) -> Option<usize> {
    text[..at].char_indices().next_back().map(|(i, _)| i)
}

/// Names among the tokens of one line.
fn names_in_line(
    text: &str,
    t: &PersonTables,
    tokens: &[(usize, usize, bool)],
    out: &mut Vec<(usize, usize)>,
) {
    // Single chars split by a space (何 霜) make one name.
    let mut merged: Vec<(usize, usize, bool)> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let (s, e, cjk) = tokens[i];
        let one = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|&(a, b, c)| c && text[a..b].chars().count() == 1)
        };
        if cjk && one(i) && one(i + 1) && t.surname_len(&text[s..e]).is_some() {
            // 谢 文 斌: a third single char ends the name too.
            let third = tokens.get(i + 2).map_or("", |&(a, b, _)| &text[a..b]);
            let n = if one(i + 2) && !one(i + 3) && !BYLINE.contains(third) {
                3
            } else {
                2
            };
            merged.push((s, tokens[i + n - 1].1, true));
            i += n;
        } else {
            merged.push((s, e, cjk));
            i += 1;
        }
    }
    let is_name = |k: usize| {
        merged
            .get(k)
            .is_some_and(|&(a, b, c)| c && t.is_name(&text[a..b]))
    };
    // After a byline word, a transliterated name set apart (记者 格桑卓玛).
    let is_byline_name = |k: usize| {
        is_name(k)
            || merged
                .get(k)
                .is_some_and(|&(a, b, c)| c && transliterated::is_set_apart(&text[a..b]))
    };
    // A label of the next field of the line (`阅读:`) ends the byline.
    let label = |k: usize| {
        merged.get(k).is_some_and(|&(_, _, c)| c)
            && merged
                .get(k + 1)
                .is_some_and(|&(a, _, c)| !c && text[a..].starts_with(':'))
    };
    for (k, &(s, e, cjk)) in merged.iter().enumerate() {
        if !cjk {
            continue;
        }
        // The name may follow a slash or colon (文/张三, 记者:李四), or the
        // byline word with no space (`记者吴乐天 杨芸`).
        let first = if BYLINE.ends_at(&text[s..e], e - s) {
            let sep = merged
                .get(k + 1)
                .is_some_and(|&(a, _, c)| !c && text[a..].starts_with(['/', ':']));
            let at = if sep { k + 2 } else { k + 1 };
            is_byline_name(at).then(|| (at, (merged[at].0, merged[at].1)))
        } else {
            text[s..e]
                .char_indices()
                .skip(1)
                .map(|(i, _)| s + i)
                .find(|&i| BYLINE.ends_at(&text[s..i], i - s) && t.is_name(&text[i..e]))
                .map(|i| (k, (i, e)))
        };
        if let Some((at, name)) = first {
            out.push(name);
            // More reporters in one byline (记者 王新宇 吴晓苗）), the run
            // ending at punctuation, a byline word or the line's end.
            let more = (at + 1..merged.len())
                .take_while(|&j| {
                    is_byline_name(j)
                        && !BYLINE.contains(&text[merged[j].0..merged[j].1])
                        && !label(j)
                })
                .count();
            let next = at + 1 + more;
            let ends = label(next)
                || merged.get(next).map_or(true, |&(a, b, c)| {
                    !c || BYLINE.contains(&text[a..b]) || text[a..].starts_with(AFTER_LIST)
                });
            if ends {
                out.extend(
                    merged[at + 1..at + 1 + more]
                        .iter()
                        .map(|&(a, b, _)| (a, b)),
                );
            }
        }
    }
    let run = (0..merged.len()).take_while(|&k| is_name(k)).count();
    let rest_ok = match merged.get(run) {
        None => true,
        Some(&(s, _, _)) => text[s..].starts_with(AFTER_LIST),
    };
    if run >= 2 && rest_ok {
        out.extend(merged[..run].iter().map(|&(s, e, _)| (s, e)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Trie;

    #[test]
    fn marks_list_their_honorifics_first() {
        let data = include_str!("../../data/entity/person_marks.txt");
        let kinds: Vec<bool> = rows(data).map(|r| r[1] == "honorific").collect();
        assert_eq!(MARKS.1, 2);
        assert!(kinds[MARKS.1 as usize..].iter().all(|&h| !h));
        assert_eq!(&marks()[..2], ["先生", "女士"]);
    }

    fn persons(orig: &str) -> Vec<String> {
        let n = Normalized::new(orig);
        let t = PersonTables::new();
        let found = Trie::new([
            titles().map(|t| t.0).collect::<Vec<_>>(),
            SPEECH_VERBS.to_vec(),
            marks(),
            ANCHORS.to_vec(),
        ])
        .scan(&n.text);
        let g = Gazetteer::shared().unwrap();
        find(&n, &found[0], &found[1], &found[2], &found[3], &t, g)
            .iter()
            .map(|&(s, e)| n.text[s..e].to_string())
            .collect()
    }

    #[test]
    fn names_set_apart_from_their_titles() {
        // A byline word glued to the first name, the second set apart.
        assert_eq!(
            persons("新华社贵阳11月20日电(记者吴乐天\u{3000}杨芸)初冬时节"),
            ["吴乐天", "杨芸"]
        );
        // Names after a byline word, the last before 报道.
        assert_eq!(
            persons("本报记者吴乐天\u{3000}杨芸报道:全市新增就业3.2万人。"),
            ["吴乐天", "杨芸"]
        );
        // An aside in brackets between the title and the name.
        assert_eq!(
            persons("会计机构负责人(会计主管人员)何志鹏保证季度报告真实"),
            ["何志鹏"]
        );
        // A signature: the name alone on the line after its title.
        assert_eq!(persons("医管局主席\n梁锦辉\n\n一、财务概况"), ["梁锦辉"]);
        assert!(persons("医管局主席\n梁锦辉等人出席会议\n").is_empty());
    }

    #[test]
    fn names_before_forms_of_address() {
        // Only a three-char name: 数学老师, 全体同学 are no names.
        assert_eq!(persons("数学组吴国栋老师主持课题"), ["吴国栋"]);
        assert_eq!(persons("高三(7)班刘思远同学被录取"), ["刘思远"]);
        assert!(persons("，数学老师和全体同学参加").is_empty());
        assert!(persons("，美国总统访华").is_empty());
    }

    #[test]
    fn names_after_titles() {
        assert_eq!(persons("青松小学校长王建国表示,"), ["王建国"]);
        assert_eq!(persons("校长刘强荣获一等奖"), ["刘强"]);
        assert_eq!(persons("局长欧阳明介绍"), ["欧阳明"]);
        // School inspectors; 傅, 赖 and 洪 are common surnames.
        assert_eq!(
            persons("责任区督学刘成林、谢玉芬深入学校"),
            ["刘成林", "谢玉芬"]
        );
        assert_eq!(persons("联系人:傅玲　联系电话:023-1234"), ["傅玲"]);
        assert_eq!(persons("校长赖文斌说,"), ["赖文斌"]);
        // 向 a surname after a noun for people, not the preposition; a
        // given name opening with 子 before a verb; 荣誉 no name.
        assert_eq!(persons("家长代表向国平在外地打工"), ["向国平"]);
        assert_eq!(persons("五年级学生向思琪把被子叠好"), ["向思琪"]);
        // A last char that makes a verb with the next is a word's (运动会).
        assert!(persons("中小学生田径运动会。").is_empty());
        assert!(persons("村民向村委会反映,家长向学校提出建议").is_empty());
        assert_eq!(persons("六年级学生陈子墨创作的剪纸"), ["陈子墨"]);
        assert!(persons("完善教师荣誉表彰制度").is_empty());
        // New titles (检察长, 跑友), 萧 a surname, a Mongolian name before
        // a verb of speech.
        assert_eq!(persons("检察长周承远作报告"), ["周承远"]);
        assert_eq!(persons("司长萧佩玲表示,"), ["萧佩玲"]);
        assert_eq!(persons("跑友马文博说:"), ["马文博"]);
        assert_eq!(persons("局长乌云其木格表示:"), ["乌云其木格"]);
        assert!(persons("经济萧条时期").is_empty());
        // Given names opening with 子; verbs of sport and 每 after a name.
        assert_eq!(persons("班学生刘子涵和同学们"), ["刘子涵"]);
        assert_eq!(persons("六年级学生张浩宇跑出8.6秒"), ["张浩宇"]);
        assert_eq!(persons("专家黎振东每月坐诊"), ["黎振东"]);
        assert!(persons("书记班子成员到场,局长孙子说").is_empty());
        // 受访 follows a name; a craft before 传承人 is not one.
        assert_eq!(persons("县议会议长黄俊德受访时表示,"), ["黄俊德"]);
        assert_eq!(persons("苗绣传承人李阿英带着绣娘增收"), ["李阿英"]);
        assert_eq!(persons("返乡青年余佳琪正对着镜头介绍"), ["余佳琪"]);
        // A verb after a name of a surname and two given chars.
        assert_eq!(persons("校长韩晓岚统筹全校工作"), ["韩晓岚"]);
        assert_eq!(persons("党支部书记俞春生牵头成立合作社"), ["俞春生"]);
        assert!(persons("书记高度重视,区长任双组长,局长一行调研").is_empty());
        assert!(persons("镇长项目化推进,书记全方位统筹,主任包片区负责").is_empty());
        // A title whose end starts another (支书|书记) listed whole; a verb
        // with 着 after a name, even behind a common noun.
        assert_eq!(persons("村党总支书记钟立群指着村口说"), ["钟立群"]);
        assert_eq!(persons("村民黄亚明戴着头灯"), ["黄亚明"]);
        assert_eq!(persons("七年级新生罗一诺兴奋地说:"), ["罗一诺"]);
        assert_eq!(persons("公司发言人、财务长许雅雯补充"), ["许雅雯"]);
    }

    #[test]
    fn pupils_after_their_classes() {
        assert_eq!(persons("六年级3班陈梓涵在女子60米决赛中夺冠"), ["陈梓涵"]);
        assert_eq!(persons("一年级2班的刘一诺在比赛中"), ["刘一诺"]);
        assert_eq!(
            persons("六年级5班张若溪、李沐阳等四名同学组成接力队"),
            ["张若溪", "李沐阳"]
        );
        assert!(persons("街道相关负责人应邀出席").is_empty());
        assert_eq!(persons("五年级(3)班王子涵以一段故事获奖"), ["王子涵"]);
        assert!(persons("新增5班的教室").is_empty());
    }

    #[test]
    fn heads_of_studios() {
        assert_eq!(
            persons("天宝实验小学王静美术名师工作室指导学生作品"),
            ["王静"]
        );
        assert_eq!(persons("举行的刘霞初中语文名师工作室主题研修"), ["刘霞"]);
        assert!(persons("全区共有市级名师工作室12个").is_empty());
    }

    #[test]
    fn names_of_kin_and_salutations() {
        // A kin word after 的 confirms a name behind a common noun.
        assert_eq!(persons("家长吴静的女儿今年读二年级"), ["吴静"]);
        assert!(persons("家长吴静的意见").is_empty());
        // A salutation line: the name before a common noun and a colon.
        assert_eq!(persons("尊敬的张立新代表:\n您提出的建议"), ["张立新"]);
        assert_eq!(persons("黄文涛委员:\n您提出的提案"), ["黄文涛"]);
        assert!(persons("各位委员:\n现在开会").is_empty());
        // Kin words and words for the young stand before a name as common
        // nouns do; a time adverb after the name ends it.
        assert_eq!(persons("钱守义和妻子张秋禾是这里的教师"), ["张秋禾"]);
        assert_eq!(persons("四年级的小姑娘余星星回头挥手"), ["余星星"]);
        assert_eq!(persons("毕业生张思远现在是设备主管"), ["张思远"]);
        assert!(persons("他的妻子和女儿都来了").is_empty());
        // One described before 的, then a verb of speech; a team after a
        // name; trades and staff before one.
        assert_eq!(
            persons("在市场二楼经营了12年花店的李春芳告诉记者"),
            ["李春芳"]
        );
        assert!(persons("我们的同学们说").is_empty());
        // Kin, elders and common words after 的 or a kin word are no names.
        for none in [
            "作为家中长辈的曾祖父说",
            "住在隔壁的宋大伯说",
            "她的丈夫常年在外务工",
            "会议上严肃批评了工作不力的单位",
        ] {
            assert!(persons(none).is_empty(), "{none}: {:?}", persons(none));
        }
        assert_eq!(persons("心血管内科主任胡振华团队完成手术"), ["胡振华"]);
        assert_eq!(persons("市气象台首席预报员陈宇航介绍"), ["陈宇航"]);
        assert_eq!(persons("该中心工作人员赵晨介绍"), ["赵晨"]);
        // A name right after a meeting's 会议上 or 就 opens a clause.
        assert_eq!(
            persons("在立法会会议上叶俊霖议员的提问和保安局局长的答复"),
            ["叶俊霖"]
        );
        assert_eq!(persons("就叶俊霖议员的提问,经咨询"), ["叶俊霖"]);
        assert_eq!(persons("(执笔:应晓岑)"), ["应晓岑"]);
        // A time word or a report's statement after a name ends it.
        assert_eq!(persons("副厅长顾建平当天上午到南京市调研"), ["顾建平"]);
        assert_eq!(
            persons("会计机构负责人(会计主管人员)胡蓓保证季度报告真实"),
            ["胡蓓"]
        );
        assert_eq!(persons("会计机构负责人罗家明声明:保证真实"), ["罗家明"]);
        // Verbs of 算, 戴, 牵 start after a name (黎婷|算了一笔账).
        assert_eq!(persons("瀚驰副总经理黎婷算了一笔账"), ["黎婷"]);
        assert_eq!(persons("焊工班长覃永贵戴上面罩"), ["覃永贵"]);
    }

    #[test]
    fn common_words_are_not_names() {
        assert!(persons("培养智慧教师,教师成长,学生全面发展").is_empty());
        assert!(persons("以前大学生毕业都不回乡").is_empty());
        assert_eq!(persons("家长刘芳说,"), ["刘芳"]);
        // A rare surname that is an adverb after a common noun; 在 ends a
        // phrase before a title, no given name.
        assert!(persons("改革之初,并非所有老师都理解。").is_empty());
        assert_eq!(persons("指导老师谌丽萍。"), ["谌丽萍"]);
        assert!(persons("学校办得好不好,关键在老师。").is_empty());
    }

    #[test]
    fn transcripts_and_honorifics() {
        // The speakers of a transcript open their lines.
        assert_eq!(
            persons("孟晓川(国务院新闻办公室新闻发言人):\n请副部长周庆林介绍。\n周庆林:\n大家好!"),
            ["孟晓川", "周庆林", "周庆林"]
        );
        // Labels that are words are none (来 and 公 are rare surnames).
        assert!(persons("来源:统计局\n公路:120公里\n地址:人民路").is_empty());
        assert!(persons("时间:2024年3月5日\n金额:35.6万元\n项目:农田建设").is_empty());
        // A name before 先生 or 女士 after a word that joins names.
        assert_eq!(
            persons("执行董事陈志鸿先生及李咏恩女士;另据王晓燕女士介绍"),
            ["陈志鸿", "李咏恩", "王晓燕"]
        );
        assert!(persons("张先生和李女士").is_empty());
        // A compound surname and two given chars (four in all), folded.
        assert_eq!(
            persons("黎淑貞女士及司徒浩銘先生組成"),
            ["黎淑贞", "司徒浩铭"]
        );
    }

    #[test]
    fn surnames_of_yunnan_and_names_that_look_like_words() {
        // Dai surnames (刀) and names (岩…); 杨帆 is a name, 岩石 a rock.
        assert_eq!(
            persons("记者刀玉香报道。村民岩香章说,今年收成好。\n(责任编辑:杨帆)"),
            ["刀玉香", "岩香章", "杨帆"]
        );
        assert!(persons("岩石说明了问题,刀具公司说").is_empty());
    }

    #[test]
    fn bylines_and_name_lines() {
        assert_eq!(persons("记者 张小燕 通讯员 李红 摄"), ["张小燕", "李红"]);
        assert_eq!(persons("文/周 洁 图/何 平"), ["周洁", "何平"]);
        assert_eq!(persons("\n刘洋 何 静 陈晓峰\n"), ["刘洋", "何静", "陈晓峰"]);
        assert_eq!(persons("赵敏 孙立 图片由区教委提供"), ["赵敏", "孙立"]);
        // Transliterated names set apart after a byline word, up to the
        // label of the line's next field; a credited name of two chars.
        assert_eq!(
            persons("来源:本报\u{3000}作者:记者 次仁拉姆 扎西多吉\u{3000}点击:235\n"),
            ["次仁拉姆", "扎西多吉"]
        );
        assert_eq!(
            persons("(记者 次仁拉姆 扎西多吉)"),
            ["次仁拉姆", "扎西多吉"]
        );
        assert_eq!(
            persons("(编辑:卓嘎\u{3000}审核:周立新)"),
            ["卓嘎", "周立新"]
        );
        // Verbs of credit that end their clause.
        assert_eq!(
            persons("(本文由学校办公室刘雨涵整理,熊建平审核)"),
            ["刘雨涵", "熊建平"]
        );
        assert!(persons("档案资料整理,数据审核。").is_empty());
        // A name credited after the office it works in, set apart.
        assert_eq!(
            persons("(供稿:教育科学与信息科\u{3000}邹立新\u{3000}联系电话:023-1234)"),
            ["邹立新"]
        );
        assert!(persons("(供稿:宣传部)(供稿:区教委办公室\u{3000}联系电话:023-1234)").is_empty());
        assert!(persons("(宣传部供稿)(关工委供稿)规划经市政府常务会审核。文字校对。").is_empty());
        assert!(persons("教育 发展 大会").is_empty());
    }

    #[test]
    fn roles_missing_before() {
        assert_eq!(persons("財政司司長林家俊動議二讀"), ["林家俊"]);
        assert_eq!(persons("。列车长普春梅已经在这条线路上"), ["普春梅"]);
        assert_eq!(persons("研究中心研究员黄立群看来,"), ["黄立群"]);
        assert_eq!(persons("北屯區里長張金水說,"), ["张金水"]);
        assert_eq!(persons("90后返乡青年吴光荣在村里开起了直播间"), ["吴光荣"]);
    }

    #[test]
    fn roles_with_colon_and_lists() {
        assert_eq!(
            persons("法定代表人：林世钧　董事会秘书：黄振宇\n"),
            ["林世钧", "黄振宇"]
        );
        assert_eq!(
            persons("实际控制人为周启明、周雨桐父女,合计控制"),
            ["周启明", "周雨桐"]
        );
        assert_eq!(
            persons("联系人：省教育厅办公室 马晓东　联系电话"),
            ["马晓东"]
        );
        // 为 takes a name only where punctuation or a kin word ends it.
        assert!(persons("董事长为公司发展作出贡献").is_empty());
        // After a common noun too, also behind the unit the person works in.
        assert_eq!(persons("指导教师为生物组的郑晓岚。"), ["郑晓岚"]);
        assert_eq!(persons("指导教师为郑晓岚。"), ["郑晓岚"]);
        assert!(persons("坚持以学生为中心,教师为主导。学生为本组的骄傲。").is_empty());
        assert_eq!(
            persons("独立董事李红女士、陈志刚先生出席"),
            ["李红", "陈志刚"]
        );
    }

    #[test]
    fn kinds_of_people_and_honorifics() {
        assert_eq!(persons("来自长沙的游客刘海燕拖着行李箱"), ["刘海燕"]);
        assert_eq!(persons("67岁的村民杨光明家里种了茶"), ["杨光明"]);
        assert_eq!(persons("杨楼村低保户刘桂兰老人今年七十三岁"), ["刘桂兰"]);
        assert_eq!(persons("实际控制人周振邦先生承诺"), ["周振邦"]);
        assert_eq!(persons("委員會主席陳國樑議員在會上表示"), ["陈国梁"]);
        assert_eq!(persons("新聞聯絡人：觀光科 許雅婷科長"), ["许雅婷"]);
        assert_eq!(persons("新聞聯絡人：統計處陳怡君科長"), ["陈怡君"]);
        // A doctor's title after the name, in traditional script; 卫生署 is
        // a body before 署长.
        assert_eq!(persons("衞生署署長陳慧珊醫生表示,"), ["陈慧珊"]);
        assert_eq!(persons("\n陳慧珊醫生說:「我們會繼續」"), ["陈慧珊"]);
        assert!(persons("王醫生說,不要緊。").is_empty());
        assert_eq!(persons("花卉市场的经营户周丽萍说："), ["周丽萍"]);
        // A shop's owner, with a Chinese or a transliterated name.
        assert_eq!(persons("面馆老板丹增曲扎说,"), ["丹增曲扎"]);
        assert_eq!(persons("面馆老板周建军说,"), ["周建军"]);
        assert!(persons("老板娘很热情,老板说了算。").is_empty());
        assert!(persons("入社农户由最初的7户增加到60户。").is_empty());
    }

    #[test]
    fn second_reporter_and_speaker_after_de() {
        assert_eq!(
            persons("新华社贵阳5月20日电（记者 王新宇 吴晓苗）初夏时节"),
            ["王新宇", "吴晓苗"]
        );
        assert_eq!(
            persons("驻村第一书记、来自贵州省农业农村厅的韦建峰介绍,"),
            ["韦建峰"]
        );
        assert!(persons("调查显示,参与调查的许多人表示满意").is_empty());
    }

    #[test]
    fn teachers_and_pupils_in_school_stories() {
        // After a common noun, a two-char name before a common verb; one
        // between a title and 老师; names listed before a count and a title.
        assert_eq!(persons("智能制造学院教师何俊带领团队"), ["何俊"]);
        // Verbs of teaching after a name behind a common noun.
        assert_eq!(persons("学生们跟着教师周丽萍朗读课文。"), ["周丽萍"]);
        assert_eq!(persons("她跟着特级教师徐文华磨课,"), ["徐文华"]);
        assert!(persons("教师备课,教师听课评课。").is_empty());
        assert_eq!(persons("语文教研组长张敏老师带领组内教师"), ["张敏"]);
        assert_eq!(
            persons("其中,邓凯、周小舟两位教师获特等奖。另有谭可欣、周子墨两名同学通过初审。"),
            ["邓凯", "周小舟", "谭可欣", "周子墨"]
        );
        assert!(persons("其中两位教师获奖,学生会议召开").is_empty());
        // A pupil after the grade and number of a class.
        assert_eq!(persons("四年级(1)班陈思远一学期读完48本书"), ["陈思远"]);
        assert!(persons("五年级(3)班的学生参加活动").is_empty());
    }

    #[test]
    fn common_words_after_titles() {
        assert!(persons("相关负责人表示,").is_empty());
        assert!(persons("市交通运输局相关负责人表示,").is_empty());
        // Words right after a title, a title or address after a surname, a
        // speaker after 的 that is no body's member.
        for none in [
            "联系人为何人?",
            "联系人:金融办,电话",
            "春运期间旅客高峰期,铁路加开列车。",
            "鼓起农户钱袋子,今年增收。",
            "司机师傅们说,很方便。",
            "县委书记连夜研究部署。",
            "校长常去看望学生。",
            "董事长曾多次走访客户。",
            "科技处常务副处长介绍了情况。",
            "公司的李经理表示,",
            "种植大户的周大姐说,",
            "接受采访的高中生说,",
        ] {
            assert!(persons(none).is_empty(), "{none}: {:?}", persons(none));
        }
        assert_eq!(persons("区委组织部常务副部长王明出席。"), ["王明"]);
        assert!(persons("主席,我謹此陳辭,並請各位議員支持。").is_empty());
        assert!(persons("召开会议,应出席董事13名").is_empty());
        assert!(persons("局长表示,主任介绍,").is_empty());
        assert!(persons("群众幸福 感和获得感持续升高").is_empty());
        assert!(persons("公司管理层认为,本次亏损").is_empty());
        assert!(persons("在世界中学生夏季运动会上").is_empty());
        assert!(persons("门诊患者满意度为92.7%").is_empty());
        assert!(persons("联系人：张先生,电话").is_empty());
        assert!(persons("乘客吴先生表示满意。").is_empty());
        assert!(persons("村里的党员干部说,要带头干。").is_empty());
        assert!(persons("局长王强研究部署工作").iter().all(|n| n == "王强"));
    }
}
