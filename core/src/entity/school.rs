//! SCHOOL: names ending with a school word (小学, 中学, 学校, 幼儿园, 大学,
//! 学院, 校区…) whose left boundary is found by walking back to a stop word
//! (建成香溪小学 → 香溪小学), and abbreviations (重庆七中, 双福六小).

use super::studio::SUBJECTS;
use crate::region::Gazetteer;
use crate::text::{
    char_at, char_before, extend_left, is_cjk, word_prefix, Found, WordSet, SHORT_FORM_NUMERALS,
};

/// Words that end a school name (matched as a list of the shared trie).
pub(crate) const SUFFIXES: &str = include_str!("../../data/entity/school_suffixes.txt");
/// Taiwan's short forms of 国民小学 and 国民中学 (青松國小, 雪山國中),
/// read only in a text that names a place of Taiwan (a list of the shared
/// trie of its own, since 国小 overlaps the 小学 of 爱国小学).
pub(crate) const TAIWAN_SUFFIXES: &str =
    include_str!("../../data/entity/school_suffixes_taiwan.txt");
const GENERIC: &str = include_str!("../../data/entity/school_generic.txt");
const WHOLE: &str = include_str!("../../data/entity/school_whole.txt");
/// Words a college's name ends with before 学院 (师范, 理工…).
const FIELDS: &str = include_str!("../../data/entity/college_fields.txt");
/// Verbs that stand right before a name (建成, 围绕…).
pub(crate) const VERBS: &str = include_str!("../../data/entity/school_verbs.txt");

/// Longest name part (before the suffix), in chars.
const MAX_NAME: usize = 20;
/// Chars that, right after a suffix, show it is part of another word
/// (小学生, 大学城, 创新学院网).
const NOT_AFTER: &[char] = &['生', '城', '网', '段', '部', '习', '位'];
/// The char after a suffix that may start 毕业: a graduate of a named
/// school (从重庆师范大学毕业) or of a kind (大学毕业, 两人大学毕业).
const GRADUATED: char = '毕';
/// Chinese numerals of abbreviations (七中, 十八中, 二小), as the shared
/// name walk knows them.
const NUMERALS: &[char] = &SHORT_FORM_NUMERALS;
/// Chars after 七中/二小 that show it is not a school (六小时, 一中心).
const NOT_AFTER_ABBR: &[char] = &[
    '学', '心', '型', '班', '队', '组', '年', '级', '期', '项', '类', '批', '个', '时', '部', '区',
    '城', '国', '华', '共', '央', '外', '文', '等', '间', '层', '高', '小', '中', '条', '份', '点',
];

/// Compiled school word lists.
#[derive(Debug)]
pub(crate) struct SchoolTables {
    generic: WordSet,
    whole: WordSet,
    /// Words of [`FIELDS`].
    fields: WordSet,
    /// Where a name starts: the shared stop words plus verbs.
    stops: WordSet,
}

impl SchoolTables {
    /// Builds the word sets; `left_stops` is the shared list of words that
    /// stand before a name.
    pub(crate) fn new(left_stops: &'static str) -> SchoolTables {
        SchoolTables {
            generic: WordSet::new(GENERIC),
            whole: WordSet::new(WHOLE),
            fields: WordSet::new(FIELDS),
            stops: WordSet::union(&[left_stops, VERBS]),
        }
    }
}

/// A school mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SchoolHit {
    /// Byte offsets into the normalised text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Whether it stands inside a longer school name and is kept all the
    /// same (the university of `…大学附属第二小学`, the school of `…中学滨江校区`).
    pub nested: bool,
}

/// Prepositions of direction and of measure, which end no school's name
/// (企业向学校, 按学校偏远程度).
const TOWARD: [char; 4] = ['向', '往', '朝', '按'];
/// Chars that make a word with a 专 before them (专业, 专科, 专家, 专项).
const ZHUAN_WORDS: &str = "业科家题项门用职属注心栏线长利程案班";
/// A village school's short name (云杉村小).
const VILLAGE_SCHOOL: &str = "村小";
/// Chars after 村小 that end the name: particles, conjunctions and words
/// said of a school (村小的, 村小有, 村小教师, 村小校长).
const AFTER_VILLAGE_SCHOOL: &str = "的和与及有是在就也都还里教老校师一两共今只现仅每读时";
/// Verbs of coming and going that stand before the bare word 学校 (来学校).
const COMING: [char; 4] = ['来', '去', '回', '到'];
/// Words after a stage and a subject that make them a field (名师, 教研);
/// not 教师, which follows a school's name as often (石门坎中学英语教师).
const FIELD_ROLES: [&str; 3] = ["名师", "教研", "学科"];

/// Whether a stage and a subject start at `e` with a role after them
/// (`科学名师工作室` after 小学): the suffix before `e` names a field.
fn names_field(text: &str, e: usize) -> bool {
    let after = &text[e..];
    // Most suffixes are followed by no subject: the first three bytes (a
    // CJK char), compared first, spare comparing the words whole.
    let head = after.as_bytes().first_chunk::<3>();
    SUBJECTS.iter().any(|w| {
        w.as_bytes().first_chunk::<3>() == head
            && after
                .strip_prefix(w)
                .is_some_and(|rest| FIELD_ROLES.iter().any(|r| rest.starts_with(r)))
    })
}

/// The chars that end an abbreviated name (江津六中, 白市驿二小): a list of
/// the entity stage's trie.
pub(crate) const ABBREVIATION_ENDS: [&str; 2] = ["中", "小"];

/// Chars that make a word with a 国 after them (全国, 中国, 爱国, 我国,
/// 美国): the 国 of 国中 or 国小 after them is not Taiwan's short form.
const BEFORE_GUO: &str = "全中我各外本该他两";
/// Chars after 国中 or 国小 that make it part of another word (全國中小學,
/// 中國中央, 愛國小學); not 学 before 生 (雪山國中學生: its pupils).
const AFTER_GUO: [char; 3] = ['学', '小', '央'];

/// The last chars of a division's name (南市, 全县): a name of a place's
/// schools of a kind, not of one school.
const DIVISIONS: [char; 5] = ['市', '县', '区', '乡', '镇'];

/// Whether a Taiwan short form (国小, 国中) at `s..e` is one: the 国 makes
/// no word with the chars around it.
fn taiwan_short_form(text: &str, s: usize, e: usize) -> bool {
    let pupils = text[e..].starts_with("学生");
    !char_before(text, s).is_some_and(|c| BEFORE_GUO.contains(c))
        && (pupils || !char_at(text, e).is_some_and(|c| AFTER_GUO.contains(&c)))
}

/// The words that end school names in a text: the words of [`SUFFIXES`]
/// found in it, and of [`TAIWAN_SUFFIXES`] where it names a place of Taiwan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Suffixes<'a> {
    /// The words of [`SUFFIXES`].
    pub common: &'a [Found],
    /// The words of [`TAIWAN_SUFFIXES`] (none in a text about elsewhere).
    pub taiwan: &'a [Found],
}

/// Finds school names in `text`; `suffixes` are the words that end them
/// found in it, `ends` the chars of [`ABBREVIATION_ENDS`], `verbs` the
/// common two-char verbs (the person finder's): a name of two chars before
/// 学校 that is one (检查学校, 辐射学校) is none.
pub(crate) fn find(
    text: &str,
    suffixes: Suffixes,
    ends: &[Found],
    t: &SchoolTables,
    gaz: &Gazetteer,
    verbs: &WordSet,
) -> Vec<SchoolHit> {
    let stops = &t.stops;
    let mut out: Vec<SchoolHit> = Vec::new();
    let all = suffixes.common.iter().map(|m| (m, false));
    for (m, short_form) in all.chain(suffixes.taiwan.iter().map(|m| (m, true))) {
        let (s, mut e) = (m.start, m.end);
        if short_form && !taiwan_short_form(text, s, e) {
            continue;
        }
        // 小学校长, 小学校车: the 校 starts the next word (the principal,
        // the school bus).
        if text[s..e].ends_with('校') && char_at(text, e).is_some_and(|c| c == '长' || c == '车')
        {
            e -= '校'.len_utf8();
        }
        if char_at(text, e).is_some_and(|c| NOT_AFTER.contains(&c))
            || names_field(text, e)
            || students_of_short_form(text, s, e)
        {
            continue;
        }
        let suffix = &text[s..e];
        if suffix == "学院" && char_before(text, s) == Some('科') {
            // 科学院 is a research body, not a college.
            continue;
        }
        let college = |start: usize| {
            // 小百灵学院 is a programme: a college names a place, a
            // university or a field (重庆文理学院, 教师进修学院).
            let name = &text[start..s];
            suffix != "学院"
                || name.contains("大学")
                || t.fields.ends_at(text, s)
                || name
                    .char_indices()
                    .any(|(i, _)| gaz.prefix_len(&name[i..]).is_some())
        };
        let joined = |start: usize| joined_fields(text, start, suffix, t);
        // Before 毕业 only a name that opens with a place is a school.
        let graduated = char_at(text, e) == Some(GRADUATED);
        // 检查学校, 辐射学校: a verb before the bare word for school.
        let verb = |start: usize| {
            let name = &text[start..s];
            suffix == "学校" && name.chars().count() == 2 && verbs.contains(name)
        };
        // Taiwan's short forms follow a name of two chars (青松國小), after
        // a place (北屯區青松國小); not a verb phrase (擴大辦理國小, 增設國中)
        // or a city (南市國中).
        let short_form_name = |start: usize| {
            let name = &text[start..s];
            let place = gaz
                .prefix_len(name)
                .filter(|&l| l < name.len() && name[..l].ends_with(DIVISIONS));
            let own = place.map_or(name, |l| &name[l..]);
            !short_form
                || own.chars().count() == 2
                    && !own.ends_with(DIVISIONS)
                    && !verbs.contains(own)
                    && !t.stops.contains(own)
        };
        if let Some(start) = name_start(text, s, suffix, t, gaz)
            .filter(|&st| college(st) && !verb(st) && short_form_name(st))
            .filter(|&st| !graduated || gaz.prefix_len(&text[st..s]).is_some())
            .map(joined)
        {
            out.push(SchoolHit {
                start,
                end: e,
                nested: false,
            });
        }
    }
    abbreviations(text, ends, stops, gaz, &mut out);
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    keep_outermost(text, gaz, out)
}

/// Where a college's name that starts at `start` with a field really
/// starts: two fields joined by 与, 和 or 及 name one college (机械与智能
/// 制造学院, 经济与管理学院), though the conjunction stops a name elsewhere.
fn joined_fields(text: &str, start: usize, suffix: &str, t: &SchoolTables) -> usize {
    let Some(c) = char_before(text, start).filter(|c| matches!(c, '与' | '和' | '及')) else {
        return start;
    };
    let at = start - c.len_utf8();
    if suffix != "学院" || !t.fields.ends_at(text, at) {
        return start;
    }
    let (from, _) = extend_left(text, at, &t.stops, MAX_NAME);
    if from < at {
        from
    } else {
        start
    }
}

/// Where the name of a school whose suffix starts at `s` starts, if it is a name.
fn name_start(
    text: &str,
    s: usize,
    suffix: &str,
    t: &SchoolTables,
    gaz: &Gazetteer,
) -> Option<usize> {
    // 医专, 师专, 高专 are short forms of colleges' names, not the 专 of a
    // longer word (教师专业, 医专科).
    if suffix.ends_with('专')
        && char_at(text, s + suffix.len()).is_some_and(|c| ZHUAN_WORDS.contains(c))
    {
        return None;
    }
    // 村小 ends a village school's short name only before a particle, a
    // verb or punctuation (云杉村小的老师, 青崖村小有17名学生), not where 小
    // starts a word (村小麦, 村小型, 村小康, 村小组, 村小朋友).
    if suffix == VILLAGE_SCHOOL
        && char_at(text, s + suffix.len())
            .is_some_and(|c| is_cjk(c) && !AFTER_VILLAGE_SCHOOL.contains(c))
    {
        return None;
    }
    let (mut start, _) = extend_left(text, s, &t.stops, MAX_NAME);
    // Leading generic words are dropped (名校巴蜀中学 → 巴蜀中学).
    while let Some(len) = word_prefix(&text[start..s], &t.generic, 2, 6) {
        start += len;
    }
    let name = &text[start..s];
    let n = name.chars().count();
    if n == 0 || (n == 1 && !name.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    // 出版集团向学校捐赠: a preposition ends the words before the kind of
    // school (向 stays a name's first char: 向阳小学); so does a verb of
    // motion before the bare word (派工程师来学校, 每周回学校).
    if name.ends_with(TOWARD) || (suffix == "学校" && name.ends_with(COMING)) {
        return None;
    }
    // 覆盖初中和小学: a kind of school and a conjunction, no name.
    if let Some(kind) = name.strip_suffix(['和', '与', '及']) {
        if kind.ends_with(['中', '学', '园', '校']) {
            return None;
        }
    }
    // 三校区, 两分园 count campuses; 第二小学 is a name. 部分校 is "some schools".
    let counted = CAMPUSES.contains(&suffix) && (name.ends_with(NUMERALS) || name.ends_with('两'))
        || (suffix == "分校" && name.ends_with('部'));
    let generic = t.generic.ends_at(name, name.len()) && !named_kind(name, t, gaz);
    if t.whole.contains(name) || generic || counted {
        return None;
    }
    // A level and a field (区教师进修学院) name each district's own college,
    // generic as 区教委 is; so does a level and 中心 its central school
    // (镇中心小学, 宝顶镇中心小学 being one).
    if let Some(field) = name.strip_prefix(['区', '县']) {
        if t.fields.contains(field) {
            return None;
        }
    }
    if name
        .trim_start_matches(['全', '该', '各', '本', '我'])
        .strip_prefix(['区', '县', '镇', '乡', '村'])
        .is_some_and(|rest| rest == CENTRAL)
    {
        return None;
    }
    // 幼儿园分园, 小学校区: a kind of school's branches, no name.
    if CAMPUSES.contains(&suffix) && KINDS.contains(&name) {
        return None;
    }
    // A full region name before the suffix is a class of schools (重庆市小学),
    // not before a kind a place has one of (长寿区职业教育中心).
    if name.ends_with(['市', '区', '县', '省'])
        && gaz.prefix_len(name) == Some(name.len())
        && !ONE_PER_PLACE.contains(&suffix)
    {
        return None;
    }
    Some(start)
}

/// Kinds of school, which name no school before a campus's suffix
/// (幼儿园分园).
const KINDS: [&str; 5] = ["幼儿园", "小学", "中学", "学校", "初中"];

/// The word of a place's central school (镇中心小学).
const CENTRAL: &str = "中心";

/// Kinds of school a district or county has one of, named after it
/// (长寿区职业教育中心, 荣昌区特殊教育学校).
const ONE_PER_PLACE: [&str; 3] = ["职业教育中心", "职教中心", "特殊教育学校"];

/// Kinds of school that end a school's own name after a proper name
/// (明月溪九年一贯制学校, 大湾非营利幼儿园, 峰高职业中学), though alone they
/// are generic (新建九年一贯制学校, 新设非营利幼儿园, 县职业中学).
const NAMED_KINDS: [&str; 4] = ["九年一贯制", "十二年一贯制", "非营利", "职业"];

/// Whether `name` is a proper name of two chars or more and a kind of
/// [`NAMED_KINDS`]: the proper name no generic word, place or scope
/// (农村九年一贯制, 全区九年一贯制, 渝北区九年一贯制).
fn named_kind(name: &str, t: &SchoolTables, gaz: &Gazetteer) -> bool {
    NAMED_KINDS.iter().any(|k| {
        name.strip_suffix(k).is_some_and(|own| {
            own.chars().count() >= 2
                && !own.starts_with('全')
                && !t.generic.ends_at(own, own.len())
                && gaz.prefix_len(own) != Some(own.len())
                && !own
                    .chars()
                    .any(|c| c.is_ascii_digit() || NUMERALS.contains(&c))
        })
    })
}

/// Abbreviated names: a place and a numeral before 中 or 小 (江津六中, 白市驿二小),
/// at `ends`, the places of [`ABBREVIATION_ENDS`] in the text. Hits are
/// added in text order: the caller sorts them.
fn abbreviations(
    text: &str,
    ends: &[Found],
    stops: &WordSet,
    gaz: &Gazetteer,
    out: &mut Vec<SchoolHit>,
) {
    for f in ends {
        abbreviation(text, f.start, f.end, stops, gaz, out);
    }
}

/// The abbreviated name ending with the 中 or 小 at `i..e`, if one stands there.
fn abbreviation(
    text: &str,
    i: usize,
    e: usize,
    stops: &WordSet,
    gaz: &Gazetteer,
    out: &mut Vec<SchoolHit>,
) {
    let mut k = i;
    let mut digits = 0;
    while let Some(p) = char_before(text, k).filter(|p| NUMERALS.contains(p)) {
        k -= p.len_utf8();
        digits += 1;
    }
    if digits == 0 || digits > 3 || char_before(text, k) == Some('第') {
        return;
    }
    let not_after = |n: char| NOT_AFTER_ABBR.contains(&n) || NUMERALS.contains(&n);
    if char_at(text, e).is_some_and(not_after)
        && !students_of_short_form(text, i, e + '学'.len_utf8())
    {
        return;
    }
    let (start, bounded) = extend_left(text, k, stops, 4);
    let name = &text[start..k];
    let n = name.chars().count();
    let place = gaz.prefix_len(name).is_some();
    // 一老一小, 一大一小: a pair of words each opened by the numeral, no
    // school (三明三中 names its place).
    let paired = !place && name.chars().next() == char_before(text, e - '小'.len_utf8());
    if (2..=4).contains(&n) && (bounded || place) && !name.ends_with(NUMERALS) && !paired {
        out.push(SchoolHit {
            start,
            end: e,
            nested: false,
        });
    }
}

/// Whether the 中学 or 小学 at `s..e` is a short form and the word for its
/// students (`临江二中学子`, `忠县四小学生`: 二中 and 学子), a numeral
/// before it.
fn students_of_short_form(text: &str, s: usize, e: usize) -> bool {
    matches!(text.get(s..e), Some("中学" | "小学"))
        && matches!(char_at(text, e), Some('子' | '生'))
        && char_before(text, s).is_some_and(|c| NUMERALS.contains(&c))
}

/// Drops schools inside longer ones, except the university of
/// `…大学附属…` (from its last place name on) and the school of a campus.
fn keep_outermost(text: &str, gaz: &Gazetteer, hits: Vec<SchoolHit>) -> Vec<SchoolHit> {
    let mut out: Vec<SchoolHit> = Vec::new();
    let mut outer: Option<SchoolHit> = None;
    for h in hits {
        match outer {
            Some(o) if h.start < o.end => {
                if h.end > o.end {
                    continue;
                }
                let rest = &text[h.end..o.end];
                if rest.starts_with("附属") {
                    let inner = &text[h.start..h.end];
                    let from = last_place(inner, gaz).unwrap_or(0);
                    let trimmed = &inner[from..];
                    // Not a bare place and a suffix (重庆学院).
                    if gaz
                        .prefix_len(trimmed)
                        .is_some_and(|l| trimmed[l..].chars().count() <= 2)
                    {
                        continue;
                    }
                    out.push(SchoolHit {
                        start: h.start + from,
                        end: h.end,
                        nested: true,
                    });
                } else if CAMPUSES.iter().any(|c| rest.ends_with(c)) && h.start == o.start {
                    out.push(SchoolHit { nested: true, ..h });
                }
            }
            _ => {
                outer = Some(h);
                out.push(h);
            }
        }
    }
    out
}

/// Suffixes of a school's campus or branch, which may follow the school's
/// own name (`合川中学南城校区`, `滨津中学白沙分校`).
const CAMPUSES: [&str; 3] = ["校区", "分校", "分园"];

/// Byte offset of the last place name inside `name` that leaves a name after it.
fn last_place(name: &str, gaz: &Gazetteer) -> Option<usize> {
    name.char_indices().map(|(i, _)| i).rev().find(|&i| {
        i > 0
            && gaz
                .prefix_len(&name[i..])
                .is_some_and(|l| i + l < name.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{words, Trie};

    fn schools(text: &str) -> Vec<&str> {
        schools_in(text, false)
    }

    /// The schools of a text that names a place of Taiwan or not.
    fn schools_in(text: &str, taiwan: bool) -> Vec<&str> {
        let g = Gazetteer::shared().unwrap();
        let t = SchoolTables::new(include_str!("../../data/entity/left_stops.txt"));
        let found = Trie::new([
            words(SUFFIXES).collect(),
            words(TAIWAN_SUFFIXES).collect(),
            ABBREVIATION_ENDS.to_vec(),
        ])
        .scan(text);
        let verbs = WordSet::new(include_str!("../../data/entity/person_verbs.txt"));
        let suffixes = Suffixes {
            common: &found[0],
            taiwan: if taiwan { &found[1] } else { &[] },
        };
        find(text, suffixes, &found[2], &t, g, &verbs)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn taiwan_short_forms() {
        let text = "北屯區青松國小、大里區雪山國中合辦營隊，湖濱國小校長說，擴大辦理國小課後照顧，南市國中會考";
        let folded = crate::normalize::Normalized::new(text).text;
        assert_eq!(
            schools_in(&folded, true),
            ["北屯区青松国小", "大里区雪山国中", "湖滨国小"]
        );
        // Not in a text about elsewhere, nor a word of 国 (全国中小学,
        // 爱国小学, 我国中央).
        assert!(schools_in(&folded, false).is_empty());
        assert_eq!(
            schools_in("全国中小学、我国中央财政、中国中部,光明爱国小学", true),
            ["光明爱国小学"]
        );
        // Names that end in a char of a country's name (三民國中, 明德國小),
        // pupils after the short form; not a verb before it.
        let text = "三民國中、明德國小與雪山國中學生,市府增設國中、停辦國小、補助國小";
        let folded = crate::normalize::Normalized::new(text).text;
        assert_eq!(
            schools_in(&folded, true),
            ["三民国中", "明德国小", "雪山国中"]
        );
    }

    #[test]
    fn left_boundaries() {
        assert_eq!(schools("。青松路小学以阅读为特色,"), ["青松路小学"]);
        assert_eq!(
            schools("今年新建成湖光小学、渝新小学等8所学校"),
            ["湖光小学", "渝新小学"]
        );
        assert_eq!(schools("大会在重庆市第三十中学举行"), ["重庆市第三十中学"]);
        // Full official names by their kind (初级中学, 中等职业学校).
        assert_eq!(
            schools("杭州市萧山区湘南初级中学获评,临平区星光中等职业学校新建基地"),
            ["杭州市萧山区湘南初级中学", "临平区星光中等职业学校"]
        );
        assert!(schools("100人以下乡村小规模学校27所").is_empty());
        assert_eq!(
            schools("南岸区月亮湾小学校校长李明说"),
            ["南岸区月亮湾小学校"]
        );
        assert_eq!(schools("月亮湾小学校长李明说"), ["月亮湾小学"]);
        assert_eq!(schools("新开通柏枝小学校车线路2条"), ["柏枝小学"]);
        assert!(schools("今年学校新增社团,下一步学校将,山区学校").is_empty());
    }

    #[test]
    fn generic_phrases_are_not_schools() {
        // A verb before a school word: a count, or the school after it.
        assert!(schools("该县共有幼儿园86所").is_empty());
        assert_eq!(schools("毕业生升入湖南文理学院"), ["湖南文理学院"]);
        assert!(schools("全市中小学、特色学校、农村小学和5所学校").is_empty());
        assert!(schools("小学生和大学生").is_empty());
        // Kinds, grades and verbs before a school word (中职学校, 市级一级
        // 幼儿园, 改造学校食堂, 缓解高中学位压力, 我想考师范大学).
        assert!(schools("中职学校全面落实免学费政策").is_empty());
        assert!(schools("创建市级一级幼儿园11所,位居全区同类学校第一").is_empty());
        assert!(schools("新建、改造学校食堂15个,共实地察看幼儿园67所").is_empty());
        assert!(schools("为缓解普通高中学位压力,6800余名中小学幼儿园教师").is_empty());
        assert!(schools("\"我想考师范大学\"").is_empty());
        // Which schools and how many (少数学校, 参评学校, 抽测学校), a
        // verb before them (共督导学校), a preposition (按学校偏远程度).
        assert!(schools("少数学校课后服务单一,占参评学校的28.8%").is_empty());
        assert!(schools("该区抽测学校成绩靠前,共督导学校和幼儿园112所").is_empty());
        assert!(schools("补助按学校偏远程度分档,这几年学校变化大").is_empty());
        assert!(schools("属地学校要书面报告,排查学校周边水域,片区热点学校").is_empty());
        // A place's central school unnamed, old or idle schools, a time.
        assert!(schools("镇中心小学校长介绍,部分老旧校区用地紧张").is_empty());
        assert!(schools("刚来的时候学校是土墙房子,闲置村小改作他用").is_empty());
        assert_eq!(schools("宝顶镇中心小学开学"), ["宝顶镇中心小学"]);
        // A village's school by its short form; 村小学 stays whole.
        assert_eq!(schools("记者离开云杉村小时,天已黑"), ["云杉村小"]);
        assert_eq!(schools("岩口村小学有6名学生"), ["岩口村小学"]);
        assert!(schools("这所藏在大山深处的村小").is_empty());
        assert!(schools("张家村小麦种植面积达到800亩,石桥村小型水利设施改造").is_empty());
        assert!(schools("大坪村小组长李明负责防汛,白沙村小朋友在玩耍").is_empty());
        assert!(schools("全镇中心小学和村小共有学生1260人").is_empty());
        assert!(schools("我区新增公办幼儿园分园5所").is_empty());
        // A branch kindergarten; quota schools, a kind of public
        // kindergarten before a name, Taiwan's tribal and ordinary schools.
        assert_eq!(
            schools("以区属公办园彩虹桥幼儿园为龙头,联合兰亭分园和桂溪分园"),
            ["彩虹桥幼儿园", "兰亭分园", "桂溪分园"]
        );
        assert_eq!(schools("此前担任桃花溪小学校长"), ["桃花溪小学"]);
        assert!(schools("今年指标学校增加,部落学校比一般学校更重视文化").is_empty());
        assert!(schools("资助学校与免费教育学校,环山一带学校,高水平大学").is_empty());
        assert!(schools("集团从最初的\"一总园两分园\"发展到三校区").is_empty());
        assert_eq!(
            schools("我代表学校行政向大会报告桃花溪中学校工作"),
            ["桃花溪中学校"]
        );
        assert_eq!(schools("在龚滩镇,像杨柳坪小学这样"), ["杨柳坪小学"]);
        // Two fields joined name one college.
        assert_eq!(
            schools("其中机械与智能制造学院986人、经济与管理学院812人"),
            ["机械与智能制造学院", "经济与管理学院"]
        );
        assert!(schools("与县城学校同步上课,提供小学学位").is_empty());
        // Kinds counted in a bulletin (不含技工学校, 国民小学 of Taiwan),
        // a rule's basis (按照学校距县城远近) and a campus after 学校.
        assert!(schools("中等职业学校4所(不含技工学校),高职44所(含职业本科学校2所)").is_empty());
        assert!(schools("本县共有国民小学155校、县立高级中等学校3校,小型学校已达107校").is_empty());
        assert!(schools("增加公共化幼儿园名额,本县偏远学校教师").is_empty());
        assert!(schools("按照学校距县城远近").is_empty());
        assert!(schools("部分边远学校食堂老化,方可报名入读小学一年级").is_empty());
        assert!(schools("全市此类学校累计达到108所").is_empty());
        assert_eq!(schools("人数少了一成,但巴岳小学片区仍集中"), ["巴岳小学"]);
        assert_eq!(schools("今年是学校滨江校区启用后"), ["滨江校区"]);
        assert_eq!(schools("届时将邀请西南大学招生"), ["西南大学"]);
        // Vocational colleges by name; a graduate of a named university.
        assert_eq!(
            schools("重庆城市管理职业学院与重庆电子工程职业学院"),
            ["重庆城市管理职业学院", "重庆电子工程职业学院"]
        );
        assert_eq!(schools("去年刚从重庆师范大学毕业"), ["重庆师范大学"]);
        assert!(schools("两人大学毕业后").is_empty());
        assert!(schools("重庆出版集团向学校捐赠图书").is_empty());
        assert_eq!(
            schools("向阳小学、三元镇中心校"),
            ["向阳小学", "三元镇中心校"]
        );
        // A stage and a subject before a teacher's role name a field.
        assert_eq!(
            schools("谢家湾小学何晓东小学科学名师工作室,陈永红高中数学教研员"),
            ["谢家湾小学"]
        );
        // A common verb before 学校 is none (检查学校, 辐射学校), a name is.
        assert!(schools("。检查学校食堂,辐射学校28所").is_empty());
        assert_eq!(schools("新建育才学校"), ["育才学校"]);
    }

    #[test]
    fn names_before_teachers_kinds_and_verbs() {
        // A school's teacher of a subject (a studio or a researcher of a
        // field stays no school).
        assert_eq!(schools("。石门坎中学英语教师李嘉文分享"), ["石门坎中学"]);
        assert!(schools("何晓东小学科学名师工作室")
            .iter()
            .all(|s| !s.ends_with("小学")));
        // A kind after a proper name ends the name; alone it is generic.
        assert_eq!(
            schools("新建的明月溪九年一贯制学校开工"),
            ["明月溪九年一贯制学校"]
        );
        assert!(schools("全区九年一贯制学校共12所,农村九年一贯制学校").is_empty());
        // Verbs and adverbs before a name.
        assert_eq!(schools("还首次引入渝州师范大学的专家"), ["渝州师范大学"]);
        assert_eq!(schools("同时安排区实验中学派出教师"), ["区实验中学"]);
        // Works on a school (新开工, 续建), and a hiring for its kind.
        assert_eq!(
            schools("新开工界石蔚蓝幼儿园等3个项目,续建龙洲湾云篆小学"),
            ["界石蔚蓝幼儿园", "龙洲湾云篆小学"]
        );
        assert!(schools("近三年公开招聘幼儿园教师52名,组织幼儿园园长培训").is_empty());
        assert!(schools("各镇街中心校").is_empty());
        // Kinds of school alone are generic, after a proper name they end it.
        assert!(schools("偏乡学校、公营学校、直接资助计划学校和新设非营利幼儿园").is_empty());
        assert_eq!(
            schools("位于永康区的大湾非营利幼儿园"),
            ["大湾非营利幼儿园"]
        );
        assert!(schools("建设高水平研究型大学,台风季节学校停课").is_empty());
        // Each district's college of a field is generic.
        assert!(schools("区教师进修学院小学语文教研员").is_empty());
        assert_eq!(schools("大足区教师进修学院"), ["大足区教师进修学院"]);
    }

    #[test]
    fn abbreviations_and_nesting() {
        assert_eq!(schools("新建綦江三中、重庆八中"), ["綦江三中", "重庆八中"]);
        assert_eq!(schools("六小时后"), Vec::<&str>::new());
        assert_eq!(schools("关爱\"一老一小\"群体"), Vec::<&str>::new());
        assert_eq!(
            schools("重庆师范大学附属实验小学开学"),
            ["重庆师范大学附属实验小学", "重庆师范大学"]
        );
        assert_eq!(
            schools("与合川中学南城校区合作"),
            ["合川中学南城校区", "合川中学"]
        );
        assert_eq!(
            schools("推广到江津区滨津中学白沙分校"),
            ["江津区滨津中学白沙分校", "江津区滨津中学"]
        );
        // A short name after 简称; a college's short form (医专), not the
        // 专 of 专业.
        assert_eq!(
            schools("龙溪医药高等专科学校(简称龙溪医专)、梧桐湾中学校(简称梧桐湾中学)"),
            [
                "龙溪医药高等专科学校",
                "龙溪医专",
                "梧桐湾中学校",
                "梧桐湾中学"
            ]
        );
        assert!(schools("促进教师专业发展").is_empty());
        // A kind of school and a conjunction, a verb of coming: no name.
        assert!(schools("覆盖初中和小学的教育集团").is_empty());
        assert!(schools("每周义务来学校上课").is_empty());
        // A numbered short form and 和 before the next school (中和 is a
        // word inside names elsewhere: 中和镇), and before 学子 (its students).
        assert_eq!(
            schools("其中临江二中和忠县望州小学的获奖数"),
            ["临江二中", "忠县望州小学"]
        );
        assert_eq!(schools("临江二中学子在大赛中获奖"), ["临江二中"]);
        assert_eq!(schools("忠县四小学生在大赛中获奖"), ["忠县四小"]);
        assert_eq!(
            schools("重庆七中和平路校区完成改造"),
            ["重庆七中和平路校区", "重庆七中"]
        );
    }
}
