//! Where region names stand in a text: the REGION mentions the
//! gazetteer's patterns find (full names, short forms where plausible, a
//! city and its district as one mention, zones joined to their region,
//! towns and streets), and runs of one-char province abbreviations (京津冀).

use super::gazetteer::{top, Form, Gazetteer, Level, Votes};
use crate::text::{
    char_at, char_before, char_count, extend_left, is_cjk, is_transliteration, listed_together,
    overlaps_any, transliteration_run, Found, Toward, WordList, WordSet,
};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Chars that never end the name part of a town (`乡镇`, `城镇`, `村镇`,
/// `当作街道`), pronouns among them (`现将我镇`, `和本镇`).
const TOWN_BAD_LAST: &[char] = &[
    '乡', '城', '村', '小', '集', '各', '个', '全', '重', '市', '区', '县', '作', '我', '本', '该',
    '此', '其', '这', '那', '每',
];

/// Chars before 城 that make `X城镇` or `X城街道` a common word (小城镇,
/// 新型城镇, 中心城镇, 县城, 主城), not a town's name (通城镇, 璧城街道).
const CITY_GENERIC: &str = "小大新老古县省京全进名山主都长边卫围满空型心点色乡村农重各该本个级制中";

/// Chars before 集 that make `X集镇` the common word 集镇 (小集镇, 农村集镇,
/// 中心集镇), not a town's name (练集镇).
const MARKET_GENERIC: &[char] = &[
    '小', '大', '新', '老', '各', '该', '本', '农', '村', '制', '心', '型', '级', '个', '重', '乡',
];

/// One region mention found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Byte offsets into the normalised text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Province code of the region (0 for towns and countries).
    pub province: u32,
}

/// The province most region names of `text` point to (full names and
/// short forms of provinces and prefectures vote).
fn main_province(gaz: &Gazetteer, text: &str, found: &[Found]) -> Option<u32> {
    let mut votes: Votes = HashMap::default();
    for m in found {
        if gaz.stops.contains(&text[m.start..m.end]) {
            continue;
        }
        let forms = &gaz.forms[m.word as usize];
        for f in forms {
            if let Form::Name {
                region,
                short,
                local,
            } = *f
            {
                let r = &gaz.regions[region as usize];
                // A local name counts only once the province is known.
                let counts = (!short || r.level <= Level::Prefecture) && !local;
                if counts && r.code != 0 {
                    *votes.entry(r.code / 10000).or_default() += 1;
                }
            }
        }
    }
    top(votes)
}

/// Every region mention of `text`, in text order, without overlaps;
/// `found` are the leftmost-longest [`Gazetteer::patterns`] in `text`.
pub(crate) fn mentions(gaz: &Gazetteer, text: &str, found: &[Found]) -> Vec<Hit> {
    let main = main_province(gaz, text, found);
    let mut hits: Vec<Hit> = Vec::new();
    // Where the last region mention ended, to join zones onto it.
    let mut last_end = usize::MAX;
    // Names that are words too (丽江, 长治), kept only in a list of places.
    let mut listed: Vec<Hit> = Vec::new();
    for (k, m) in found.iter().enumerate() {
        let (s, e) = (m.start, m.end);
        let forms = &gaz.forms[m.word as usize];
        match forms[0] {
            Form::Zone => {
                if let Some(h) = hits.last_mut() {
                    if h.end == s && last_end == s {
                        h.end = e;
                        last_end = e;
                    }
                }
            }
            Form::Town => {
                // A place's name that is no mention here (a stop-listed
                // 吉安 of 吉安乡, a county's short form before 镇) ends
                // right at the suffix: the town's name, bounded by it;
                // not a word that bounds a town's name (新建 of 新建区, a
                // verb in 新建街道养老服务中心5个).
                let named = k
                    .checked_sub(1)
                    .map(|j| &found[j])
                    .filter(|p| {
                        p.end == s
                            && matches!(gaz.forms[p.word as usize][0], Form::Name { .. })
                            && !gaz.town_stops.contains(&text[p.start..p.end])
                    })
                    .map(|p| p.start);
                // Not where a region ends just before and the chars between
                // it and the place's name are transliteration chars, which
                // open a town's longer name (城关区扎西岗街道: 西岗 is a
                // place's name inside the town's); a word of position or
                // rule there is none (开州区内临江镇, 江津区辖白沙镇).
                let fills = |n: usize| {
                    last_end < n
                        && text[last_end..s].chars().count() <= 3
                        && text[last_end..n]
                            .chars()
                            .all(|c| is_transliteration(c) && !FUNCTION_CHARS.contains(c))
                };
                let after = match named {
                    Some(n) if last_end == usize::MAX || (last_end < n && !fills(n)) => n,
                    _ => last_end,
                };
                if let Some(h) = town(gaz, text, s, e, after) {
                    // A village right after its township (西江镇羊排村).
                    last_end = h.end;
                    hits.push(h);
                }
            }
            Form::Name { .. } => {
                if in_word(text, s, e) || gaz.stop_phrases.longest_at(text, s).is_some() {
                    continue;
                }
                let stopped = gaz.stops.contains(&text[s..e]);
                let picked = gaz.pick(forms, &text[s..e], main);
                if let (true, Some(id)) = (stopped, picked) {
                    listed.push(Hit {
                        start: s,
                        end: e,
                        province: gaz.regions[id as usize].code / 10000,
                    });
                }
                // A place's name that a town's name holds (建胜|镇江|岸路,
                // 三河镇、洗|新乡|、金铃乡): the town's, where its name
                // before the suffix is bounded.
                if let Some(h) = town_holding(gaz, text, s, e, last_end) {
                    last_end = h.end;
                    hits.push(h);
                    continue;
                }
                let Some(id) = picked.filter(|_| !stopped) else {
                    // A county's short form that is no place here but ends
                    // in a town's suffix (丰镇 of 孝丰镇): the town's.
                    if let Some(t) = text[s..e].strip_suffix(['镇', '乡']) {
                        if let Some(h) = town(gaz, text, s + t.len(), e, last_end) {
                            last_end = h.end;
                            hits.push(h);
                        }
                    }
                    continue;
                };
                // 大渡口镇, 永川乡, 潮州镇 (of 屏东县): a short form of a
                // county or a city before a town's suffix is the town's own
                // name (the town suffix reads it whole); not a province's,
                // nor a word (成都乡村, 佛山镇街 keep their place).
                let short = forms
                    .iter()
                    .any(|f| matches!(*f, Form::Name { region, short: true, .. } if region == id))
                    && matches!(
                        gaz.regions[id as usize].level,
                        Level::County | Level::Prefecture
                    );
                let town_word = char_at(text, e + '镇'.len_utf8())
                    .is_some_and(|c| AFTER_XIANG.contains(&c) || c == '街');
                // An ethnic township's suffix (平乐瑶族乡) follows its name.
                let ethnic = found.get(k + 1).is_some_and(|n| {
                    n.start == e
                        && matches!(gaz.forms[n.word as usize][0], Form::Town)
                        && text[n.start..n.end].ends_with("族乡")
                });
                if short && (text[e..].starts_with(['镇', '乡']) && !town_word || ethnic) {
                    continue;
                }
                // 柏林湾镇, 长寿湖镇: a short form or a foreign city, one
                // more char and a town's suffix: the town's name holds them.
                // Not a country's before 乡 (中国竹乡, a nickname).
                let abroad = gaz.regions[id as usize].level == Level::Country;
                if (short || abroad) && opens_town_name(text, e, !abroad)
                    || abroad && opens_street_name(text, e)
                {
                    continue;
                }
                // 洪泽湖: a county's short form before a lake, river or
                // ridge names the feature, unless a place's name starts
                // there (天津河西区).
                if short && text[e..].starts_with(NATURE) && gaz.prefix_len(&text[e..]).is_none() {
                    continue;
                }
                let r = &gaz.regions[id as usize];
                let province = r.code / 10000;
                // A district right after its city: one mention (重庆市江北区).
                if let Some(h) = hits.last_mut() {
                    if h.end == s && h.province == province && province != 0 {
                        h.end = e;
                        last_end = e;
                        continue;
                    }
                }
                hits.push(Hit {
                    start: s,
                    end: e,
                    province,
                });
                last_end = e;
            }
        }
    }
    if !listed.is_empty() {
        join_lists(text, &mut hits, listed);
    }
    named_communities(text, &mut hits);
    super::town_lists::listed_towns(gaz, text, &mut hits);
    hits
}

/// Keeps the communities (`荷韵社区`) a text names as places: one named
/// twice or more, or in a list with another (`荷韵社区、金琴社区`); a
/// phrase before `社区` once (`设置社区食堂`, `辖区社区`) names none.
fn named_communities(text: &str, hits: &mut Vec<Hit>) {
    const COMMUNITY: &str = "社区";
    let is_community = |h: &Hit| text[h.start..h.end].ends_with(COMMUNITY);
    if !hits.iter().any(is_community) {
        return;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for h in hits.iter().filter(|h| is_community(h)) {
        *counts.entry(&text[h.start..h.end]).or_default() += 1;
    }
    let listed = |k: usize| {
        let h = &hits[k];
        let before =
            k > 0 && is_community(&hits[k - 1]) && listed_together(text, hits[k - 1].end, h.start);
        let after = hits
            .get(k + 1)
            .is_some_and(|n| is_community(n) && listed_together(text, h.end, n.start));
        before || after
    };
    let keep: Vec<bool> = (0..hits.len())
        .map(|k| {
            !is_community(&hits[k]) || counts[&text[hits[k].start..hits[k].end]] >= 2 || listed(k)
        })
        .collect();
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Adds the names of `listed` (names that are words too: 丽江, 长治, 大同;
/// in text order) that stand in a list of places, next to another place
/// across a `、` (大理、丽江、香格里拉; 太原、大同、长治三个中级法院), keeping
/// `hits` in text order.
fn join_lists(text: &str, hits: &mut Vec<Hit>, listed: Vec<Hit>) {
    let joined = |end: usize, start: usize| listed_together(text, end, start);
    // Whether a mention of `hits` stands right before or after `l`.
    let named_beside = |l: &Hit, before: bool| {
        let k = hits.partition_point(|x| x.start < l.start);
        if before {
            k > 0 && joined(hits[k - 1].end, l.start)
        } else {
            hits.get(k).is_some_and(|h| joined(l.end, h.start))
        }
    };
    let mut take = vec![false; listed.len()];
    // A chain of listed names joins from any named place in it: forwards
    // from a place before it, backwards from one after it.
    for k in 0..listed.len() {
        let prev = k > 0 && take[k - 1] && joined(listed[k - 1].end, listed[k].start);
        take[k] = prev || named_beside(&listed[k], true);
    }
    for k in (0..listed.len()).rev() {
        let next = take.get(k + 1) == Some(&true) && joined(listed[k].end, listed[k + 1].start);
        take[k] |= next || named_beside(&listed[k], false);
    }
    let before = hits.len();
    for (h, _) in listed.into_iter().zip(take).filter(|(_, t)| *t) {
        if !overlaps_any(&hits[..before], |x: &Hit| (x.start, x.end), h.start, h.end) {
            hits.push(h);
        }
    }
    if hits.len() > before {
        hits.sort_by_key(|h| h.start);
    }
}

/// Whether one char and a town's suffix (镇, or 乡 if `township`) stand at
/// `at`, right after a place's short form (柏林|湾镇): the char is no
/// suffix, 的, conjunction or end of a word before 乡 (广州|回乡), so the
/// place opens the town's name.
fn opens_town_name(text: &str, at: usize, township: bool) -> bool {
    let mut cs = text[at..].chars();
    cs.next().is_some_and(|c| {
        is_cjk(c) && !"市县区州镇乡村的和与及".contains(c) && !VILLAGE_BAD_LAST.contains(&c)
    }) && cs
        .next()
        .is_some_and(|c| c == '镇' || (township && c == '乡'))
        && !cs.next().is_some_and(|c| AFTER_XIANG.contains(&c))
}

/// Whether a street's or village's suffix (街道, 村) stands at `at`, right
/// after a foreign city's name or one char after it (柏林|村, 柏林|坡街道):
/// the city opens the street's or village's name.
fn opens_street_name(text: &str, at: usize) -> bool {
    let suffix = |r: &str| {
        r.starts_with("街道")
            || (r.starts_with('村')
                && !char_at(r, '村'.len_utf8()).is_some_and(|c| AFTER_CUN.contains(&c)))
    };
    let rest = &text[at..];
    let one = rest
        .chars()
        .next()
        .filter(|&c| is_cjk(c) && !"市县区州镇乡村街的和与及".contains(c));
    suffix(rest) || one.is_some_and(|c| suffix(&rest[c.len_utf8()..]))
}

/// Chars that, left alone before a town's suffix after a stop, make a
/// pronoun or a word of places (本镇, 我镇, 该镇, 乡镇, 各镇), not a name.
const NOT_TOWN_NAME: &str = "本我此该各全每乡城村镇县市区其某他这那两三";

/// Chars after a division's short form that make it the name of a natural
/// feature (洪泽湖, 巢湖 stay a lake).
const NATURE: &[char] = &['湖', '河', '岭', '峡', '岛'];

/// Chars after 乡 that make a word of it (乡村, 乡镇, 乡亲).
const AFTER_XIANG: &[char] = &[
    '村', '镇', '土', '亲', '情', '愁', '贤', '里', '间', '野', '民',
];
/// Chars after 村 that make a word of it (村民, 村委, 村级, 通村路), unless
/// the name is repeated (羊排村村民).
const AFTER_CUN: &[char] = &[
    '民', '委', '小', '级', '干', '务', '落', '庄', '寨', '镇', '组', '容', '貌', '规', '医', '官',
    '路',
];

/// Chars that never end the name of a township or village: they end words
/// before 乡 or 村 (城乡, 返乡, 武术之乡, 以城带乡, 农村, 侨乡, 百县千乡); 家
/// only before 乡 (家乡, but 王家村).
const VILLAGE_BAD_LAST: &[char] = &[
    '故', '老', '同', '返', '回', '下', '异', '他', '思', '离', '城', '带', '之', '农', '水', '兴',
    '富', '进', '入', '留', '本', '该', '各', '每', '整', '多', '侨', '千', '百', '万',
];

/// A town, street, township or village ending with the suffix at `s..e`,
/// if its name is bounded on the left (punctuation, a stop word, or a
/// region before it). A township or village (乡, 村, 苏木, 嘎查) is not a
/// generic phrase (贫困村, 返乡); Mongolian names run longer (巴彦温都尔苏木).
fn town(gaz: &Gazetteer, text: &str, s: usize, e: usize, last_end: usize) -> Option<Hit> {
    let suffix = &text[s..e];
    let village = !matches!(suffix, "街道" | "镇");
    let mongolian = matches!(suffix, "苏木" | "嘎查");
    let word_after = match suffix {
        "乡" => AFTER_XIANG,
        "村" => AFTER_CUN,
        _ => &[],
    };
    if char_at(text, e).is_some_and(|c| word_after.contains(&c)) {
        return None;
    }
    let longest = if mongolian { 6 } else { 3 };
    let (start, bounded) = extend_left(text, s, &gaz.town_stops, longest);
    // A name transliterated from Mongolian, Uyghur or Tibetan runs longer
    // than a Chinese one (吉仁高勒镇, 巴拉嘎尔高勒镇).
    let long = (!bounded)
        .then(|| transliteration_run(text, s, Toward::Left, TRANSLITERATED_CHARS, |_| false))
        .flatten();
    let (start, bounded, longest) = match long {
        Some(at) => (at, true, TRANSLITERATED_CHARS.1),
        None => (start, bounded, longest),
    };
    // Right after a region, where a stop leaves one char (彰化县和美镇: 和
    // is no conjunction before a one-char name), the town's name is all
    // that stands between.
    // Not a pronoun or a word of places left (和本镇, 与我镇, 和乡镇, 及各镇).
    let one_left = text[start..s].chars().count() < 2
        && !text[start..s].starts_with(|c: char| NOT_TOWN_NAME.contains(c));
    let joined = |from: usize| {
        from < start
            && one_left
            && text[from..s].chars().take(longest + 1).count() <= longest
            && text[from..s].chars().all(is_cjk)
    };
    let start = if last_end <= s && (last_end > start || joined(last_end)) {
        last_end
    } else {
        start
    };
    // 到向富驿镇、黄甸镇等: a preposition after a verb, before the first of
    // a list of towns (向阳镇 keeps its 向: two chars are left only of a
    // longer name; 、向家坝镇 after punctuation keeps its too).
    let listed = text[e..].starts_with(['、', '等']);
    let after_verb = || gaz.town_stops.ends_at(text, start);
    let start = match text[start..s].strip_prefix(PREPOSITIONS) {
        Some(rest) if listed && char_count(rest) == 2 && after_verb() => s - rest.len(),
        _ => start,
    };
    let name = &text[start..s];
    let n = name.chars().count();
    let last = name.chars().next_back()?;
    let follows_region = last_end == start;
    // The char before the last: whether it and the last make a word (集镇,
    // 村镇, 城镇) or end a name (练集镇, 章村镇, 通城镇).
    let before_last = name.chars().rev().nth(1);
    // 集镇 is a market town, but 练集镇, 王集镇 name one.
    let market = last == '集' && before_last.is_some_and(|c| !MARKET_GENERIC.contains(&c));
    // 章村镇 is named after its village; 农村镇, 乡村镇 are words.
    let cun = last == '村'
        && !village
        && before_last
            .is_some_and(|c| !VILLAGE_BAD_LAST.contains(&c) && !NOT_TOWN_NAME.contains(c));
    // 城镇 is also the word for towns at large (城镇居民, 新增城镇就业): a
    // name before 镇 must end its clause or list (通城镇、宁厂镇, 通城镇等).
    let walled = last == '城'
        && (suffix != "镇"
            || char_at(text, e).map_or(true, |c| !is_cjk(c) || "等和与及".contains(c)))
        && before_last.is_some_and(|c| !CITY_GENERIC.contains(c) && is_cjk(c));
    let bad_last = TOWN_BAD_LAST.contains(&last) && !market && !cun && !walled;
    // A village right after its town may have a name of one char
    // (天荒坪镇余村), not a pronoun or a word of places (镇村).
    let min = if village && follows_region && !NOT_TOWN_NAME.contains(last) {
        1
    } else {
        2
    };
    if !(min..=longest).contains(&n) || bad_last || !(bounded || follows_region) {
        return None;
    }
    // 苏木镇 (sumu and towns), like 乡镇: a word of kinds, no name.
    if gaz.town_suffixes.contains(name) {
        return None;
    }
    let village_bad = VILLAGE_BAD_LAST.contains(&last) || (suffix == "乡" && last == '家');
    // A town's suffix inside a village's name (该镇东村, 古镇东村口): a
    // word before it, no name.
    let holds_town = village && name.contains(['镇', '乡']);
    if village && (village_bad || holds_town || gaz.village_generic.ends_at(name, name.len())) {
        return None;
    }
    // “中国竹乡”: an honour of a place, no township (乡 the home of a
    // product there).
    if name.starts_with("中国") {
        return None;
    }
    // 瑞山、嘉滨等街道: 等 ends a list of names before their kind, no name's.
    if name.chars().any(|c| c.is_ascii_digit() || c == '等') || char_at(text, e) == Some('街') {
        return None;
    }
    Some(Hit {
        start,
        end: e,
        province: 0,
    })
}

/// The town whose name holds the place's name at `s..e`: a town's suffix
/// opening the name, after a bounded name (建胜镇|江岸路, 幸福镇|安置房);
/// or closing it, a list's item (三河镇、洗新乡、金铃乡: 新乡 is the end
/// of 洗新乡). Before a suffix that opens it, the town is read as it
/// stands; a name that ends in one is the town's only in a list, where
/// the item's neighbour is a town too, since a verb may stand before a
/// place (赴新乡).
fn town_holding(gaz: &Gazetteer, text: &str, s: usize, e: usize, last_end: usize) -> Option<Hit> {
    const SUFFIXES: [char; 2] = ['镇', '乡'];
    const JOINER: &str = "、";
    let name = &text[s..e];
    if name.starts_with(SUFFIXES) {
        // Not a division's full name (宁波镇海区, 昭通镇雄县), nor after a
        // place's name (常州镇江: two cities).
        let full = name.ends_with(['区', '县', '市', '州', '旗']);
        let after_place = |h: &Hit| gaz.prefix_len(&text[h.start..s]) == Some(s - h.start);
        return town(gaz, text, s, s + '镇'.len_utf8(), last_end)
            .filter(|h| h.start < s && !full && !after_place(h));
    }
    if !name.ends_with(SUFFIXES) {
        return None;
    }
    let h = town(gaz, text, e - '镇'.len_utf8(), e, last_end).filter(|h| h.start < s)?;
    let before = text[..h.start].strip_suffix(JOINER);
    let after = text[e..].strip_prefix(JOINER);
    let town_ends = |t: &str| t.ends_with(SUFFIXES) || t.ends_with("街道");
    let listed = before.is_some_and(town_ends)
        || after.is_some_and(|a| {
            let item = a.find(['、', '等', '，', '。']).map(|k| &a[..k]);
            item.is_some_and(|i| char_count(i) <= 5 && town_ends(i))
        });
    listed.then_some(h)
}

/// Chars of position and rule that stand between a region and a town's
/// name (开州区内, 江津区辖, 区属), never opening the name though some write
/// transliterated names too.
const FUNCTION_CHARS: &str = "内外中辖属管";

/// Prepositions that may stand right before the first of a list of towns
/// with no punctuation before them (向富驿镇、黄甸镇等乡镇).
const PREPOSITIONS: [char; 6] = ['向', '给', '为', '把', '让', '往'];

/// The fewest and most chars of a transliterated town name (吉仁高勒镇).
const TRANSLITERATED_CHARS: (usize, usize) = (4, 6);

/// Adds each province of a run of province abbreviations (川渝黔滇4省,
/// 川渝两地) to `hits` (in text order, disjoint): a run of three or more,
/// or of two followed by a count or 两地…, that no other mention overlaps;
/// a set phrase (京津冀, 港澳台) or a run and an area's word (粤港澳大湾区,
/// 京津地区) is one area, one hit. `found` are the [`abbreviations`](super::abbreviations) found in `text`.
pub(crate) fn abbreviation_runs(text: &str, found: &[Found], hits: &mut Vec<Hit>) {
    let mut add: Vec<Hit> = Vec::new();
    let mut k = 0;
    while k < found.len() {
        // The run of abbreviations that follow each other from `k`.
        let mut n = 1;
        while found
            .get(k + n)
            .is_some_and(|f| f.start == found[k + n - 1].end)
        {
            n += 1;
        }
        let run = &found[k..k + n];
        k += n;
        let at = run[n - 1].end;
        let rest = &text[at..];
        let digits = rest.starts_with(|c: char| c.is_ascii_digit());
        let counted = digits || RUN_FOLLOWERS.starts_at(text, at);
        // 港澳台, 京津冀 are set phrases for one area, not lists of
        // provinces (港澳台地区), unless a count follows (港澳台3地).
        // 江浙沪 opens with 江, no abbreviation of its own.
        let start = run[0].start;
        let lead = char_before(text, start).map_or(start, |c| start - c.len_utf8());
        let set_start = [start, lead]
            .into_iter()
            .find(|&a| n >= 2 && RUN_SETS.contains(&text[a..at]));
        let set_phrase = set_start.is_some();
        let list = if set_phrase {
            digits
        } else {
            n >= 3 || (n == 2 && counted)
        };
        // 粤港澳大湾区: the run and the area word name one area.
        let area = RUN_AREAS.find_at(text, at, |_| n >= 2).map(str::len);
        if area.is_some() || (set_phrase && !list) {
            add.push(Hit {
                start: set_start.unwrap_or(start),
                end: at + area.unwrap_or(0),
                province: 0,
            });
        } else if list {
            add.extend(run.iter().map(|f| Hit {
                start: f.start,
                end: f.end,
                province: 0,
            }));
        }
    }
    if add.is_empty() {
        return;
    }
    // Hits are in text order and do not overlap: one look each.
    add.retain(|a| !overlaps_any(hits, |h| (h.start, h.end), a.start, a.end));
    hits.extend(add);
    hits.sort_by_key(|h| h.start);
}

/// Words after a run of two abbreviations that make it a list of
/// provinces (京津两市, 川渝等).
static RUN_FOLLOWERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/region_run_followers.txt")));

/// Words after a run of abbreviations that make one named area of the run
/// and the word (粤港澳大湾区, 川渝地区).
static RUN_AREAS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/region_run_areas.txt")));

/// Runs of abbreviations that are set phrases naming one area (京津冀,
/// 港澳台).
static RUN_SETS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/region_run_sets.txt")));

/// The longest quoted honour or name after 中国 (长绒棉之乡), in chars.
const HONOUR_CHARS: usize = 6;

/// Whether `中国` at `s..e` opens a short quoted honour or name (“中国竹乡”,
/// “中国长绒棉之乡”), not quoted speech (“中国经济长期向好…”).
fn quoted_honour(text: &str, s: usize, e: usize) -> bool {
    char_before(text, s) == Some('"')
        && char_at(text, e).is_some_and(is_cjk)
        && text[e..].chars().take(HONOUR_CHARS + 1).any(|c| c == '"')
}

/// Chars before 中 that make a word of it (其中, 高中, 集中): 中国 does not
/// start there (其中国家级, 高中国际部).
const BEFORE_ZHONG: &[char] = &[
    '其', '集', '之', '当', '空', '居', '正', '适', '高', '初', '期', '年', '月', '日', '心', '胸',
    '手',
];
/// Words after 中国 that make a slogan of it (中国梦, 中国特色社会主义).
static CHINA_SLOGANS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/china_slogans.txt")));
/// Chars after a two-char county name that make a longer word of its
/// suffix (建成县域 is no 成县).
const AFTER_COUNTY: &[char] = &['域', '级', '城', '委', '长', '乡', '直', '属'];

/// Words whose last char opens the name of a county of two chars
/// (示范|县: 示范县 is a model county, no 范县).
const WORDS_INTO_COUNTY: [&str; 3] = ["示范", "模范", "规范"];

/// Whether the name at `s..e` stands inside a longer word (其中国…, 成县域,
/// 新兴区域) or names a street (北京路, 台湾大道).
fn in_word(text: &str, s: usize, e: usize) -> bool {
    let name = &text[s..e];
    if name.starts_with('中') && char_before(text, s).is_some_and(|c| BEFORE_ZHONG.contains(&c)) {
        return true;
    }
    // 中国梦, 中国特色: a slogan, not the country; nor does a quoted honour
    // or name opening with it (“中国竹乡”之称, “中国洋浦港”船籍港; quotes are
    // folded to `"`).
    if name == "中国" && (CHINA_SLOGANS.starts_at(text, e) || quoted_honour(text, s, e)) {
        return true;
    }
    let next = char_at(text, e);
    let short_county = name.chars().count() == 2 && name.ends_with(['县', '区']);
    // 示范县 (a model county) is no 范县.
    let first = name.chars().next().map_or(0, char::len_utf8);
    if short_county
        && WORDS_INTO_COUNTY
            .iter()
            .any(|w| text[..s + first].ends_with(w))
    {
        return true;
    }
    let two = short_county && next.is_some_and(|c| AFTER_COUNTY.contains(&c));
    // 新兴区域, 安定区域, 永安区块: 区 starts a word.
    let qu = name.ends_with('区') && next.is_some_and(|c| AFTER_QU.contains(&c));
    // 北京路, 台湾大道, 解放大街: a street.
    let rest = &text[e..];
    let street = rest.starts_with(['路', '巷'])
        || rest.starts_with("大道")
        || rest.starts_with("大街")
        || (rest.starts_with('街') && !rest.starts_with("街道"));
    two || qu || street
}

/// Chars after a district name of any length that make a word of its 区
/// (区域, 区块, 区间, 区划, 区位, 区隔, 区别).
const AFTER_QU: &[char] = &['域', '块', '间', '划', '位', '隔', '别'];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Trie;

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let found = Trie::new([g.patterns()]).scan(text).swap_remove(0);
        mentions(g, text, &found)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn finds_full_names_short_forms_and_compounds() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(g, "重庆市江北区召开大会,万州、云阳代表发言,涪陵区参加。"),
            ["重庆市江北区", "万州", "云阳", "涪陵区"]
        );
        assert_eq!(
            found(g, "与北京西城区、美国学校交流"),
            ["北京西城区", "美国"]
        );
    }

    #[test]
    fn a_town_holds_the_place_names_inside_its_own() {
        let g = Gazetteer::shared().unwrap();
        // A suffix opening a city's name (镇江), after a bounded name.
        assert_eq!(found(g, "地址：建胜镇江岸路211号。"), ["建胜镇"]);
        assert_eq!(found(g, "幸福镇安置房建成。"), ["幸福镇"]);
        // A division's full name or a city after a city stays theirs.
        assert!(found(g, "宁波镇海区新建学校").contains(&"镇海区".to_string()));
        assert!(found(g, "江苏常州镇江两市").contains(&"镇江".to_string()));
        // A city's name ending a town's (新乡) in a list of towns; alone
        // after a verb it stays the city.
        assert_eq!(
            found(g, "对中益乡、三河镇、洗新乡、金铃乡等乡镇"),
            ["中益乡", "三河镇", "洗新乡", "金铃乡"]
        );
        assert_eq!(found(g, "代表赴新乡考察。"), ["新乡"]);
        assert_eq!(
            found(g, "下派医生到向富驿镇、黄甸镇等乡镇"),
            ["富驿镇", "黄甸镇"]
        );
        assert_eq!(found(g, "，向阳镇、红旗乡等乡镇"), ["向阳镇", "红旗乡"]);
        assert_eq!(
            found(g, "，向家坝镇、安边镇等沿江乡镇"),
            ["向家坝镇", "安边镇"]
        );
        // 附近 bounds a village's name; 等 is no town's.
        assert_eq!(found(g, "他是附近杉树湾村的木匠"), ["杉树湾村"]);
        assert!(found(g, "瑞山、嘉滨等街道")
            .iter()
            .all(|h| !h.contains('等')));
        assert_eq!(found(g, "江苏镇江、河南新乡两地"), ["江苏镇江", "河南新乡"]);
    }

    #[test]
    fn county_short_forms_need_the_home_province() {
        let g = Gazetteer::shared().unwrap();
        // 南岸 is a Chongqing district: without Chongqing in the text, no hit.
        assert!(found(g, "河的南岸长满了草。").is_empty());
        assert_eq!(
            found(g, "重庆南岸风光好,南岸区学校多。"),
            ["重庆南岸", "南岸区"]
        );
    }

    #[test]
    fn places_below_the_county_need_their_province() {
        let g = Gazetteer::shared().unwrap();
        // Taiwan's townships and Hong Kong's areas, in texts about them
        // (as normalised: simplified script).
        assert_eq!(
            found(g, "彰化县以员林市41处最多,鹿港与和美镇次之。"),
            ["彰化县", "员林市", "鹿港", "和美镇"]
        );
        assert_eq!(
            found(
                g,
                "香港东涌及将军澳人口增加,蓝田、马鞍山亦然,香港仍缺床位。"
            ),
            ["香港东涌", "将军澳", "蓝田", "马鞍山", "香港"]
        );
        // Elsewhere the same names are what they were: Shaanxi's 蓝田县,
        // Anhui's 马鞍山, a 中环 ring road.
        assert_eq!(
            found(g, "陕西西安蓝田县与安徽马鞍山合作,上海中环路拓宽。"),
            ["陕西西安蓝田县", "安徽马鞍山", "上海"]
        );
    }

    #[test]
    fn names_that_are_words_count_in_a_list_of_places() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(g, "列车串联大理、丽江、香格里拉等景区。"),
            ["大理", "丽江", "香格里拉"]
        );
        assert_eq!(
            found(g, "长治、大同、太原三个中级法院辖区。"),
            ["长治", "大同", "太原"]
        );
        assert!(found(g, "长治久安,世界大同。").is_empty());
        // 新疆维吾尔自治区 is 新疆 for short.
        assert_eq!(found(g, "新疆棉花产量增长。"), ["新疆"]);
    }

    #[test]
    fn words_that_open_with_a_name_and_plains_are_no_places() {
        let g = Gazetteer::shared().unwrap();
        // Hours of sunshine and a day-care centre; Rizhao's port is Rizhao.
        assert_eq!(
            found(g, "山东省年日照时数2027小时,新设日照中心10家。"),
            ["山东省"]
        );
        assert_eq!(found(g, "山东省日照港吞吐量增长。"), ["山东省日照"]);
        // A water bulletin's plains (平原区) beside its hills (山丘区).
        assert_eq!(
            found(g, "甘肃省山丘区0.62亿立方米,平原区3.86亿立方米。"),
            ["甘肃省"]
        );
        // Countries of every continent and the territories of filings.
        assert_eq!(
            found(g, "销往摩洛哥、乌兹别克斯坦,注册于开曼群岛"),
            ["摩洛哥", "乌兹别克斯坦", "开曼群岛"]
        );
        // A time before 村 is no village's name (`前些年村里`).
        assert!(found(g, "前些年村里年轻人都出去了,去年村里建了茶厂。").is_empty());
    }

    #[test]
    fn towns_named_after_a_village_or_a_place() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(
                g,
                "水源地所在的章村镇、杭垓镇,天荒坪镇余村,串连吉安乡、凤林镇。"
            ),
            ["章村镇", "杭垓镇", "天荒坪镇", "余村", "吉安乡", "凤林镇"]
        );
        assert!(found(g, "发展农村镇域经济").is_empty());
        assert!(found(g, "古镇东村口新建停车场。").is_empty());
        // Names ending with 城 (通城镇, 璧城街道), not 城镇 the word.
        assert_eq!(
            found(g, "在红池坝镇、通城镇等乡镇新建公寓,璧城街道所属学校。"),
            ["红池坝镇", "通城镇", "璧城街道"]
        );
        assert!(found(g, "新增城镇就业,全年城镇居民收入,推进新型城镇化,小城镇。").is_empty());
        assert!(found(g, "针对偏乡师资,推动偏乡教育。").is_empty());
        assert_eq!(found(g, "柏杨村—青龙村通村路改造。"), ["柏杨村", "青龙村"]);
    }

    #[test]
    fn towns_named_after_a_place() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(found(g, "在柏林湾镇试点互助养老。"), ["柏林湾镇"]);
        // A foreign city right before a village's or street's suffix, or
        // one char before it, opens its name.
        assert_eq!(found(g, "建设地点:石柏镇柏林村。"), ["石柏镇", "柏林村"]);
        assert_eq!(
            found(g, "走进大渡口区柏林坡街道的社区。"),
            ["大渡口区", "柏林坡街道"]
        );
        assert_eq!(found(g, "他去柏林参加会议,柏林村民。"), ["柏林", "柏林"]);
        assert_eq!(found(g, "从广州回乡5年。"), ["广州"]);
        assert!(found(g, "建成全国示范县(区)。").is_empty());
    }

    #[test]
    fn communities_named_twice_or_listed() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(
                g,
                "街道下辖荷韵社区、金琴社区。设置社区食堂,在星辉社区开展活动,星辉社区居民参加。"
            ),
            ["荷韵社区", "金琴社区", "星辉社区", "星辉社区"]
        );
        // A kind of community, named twice, is none (长者社区照顾服务).
        assert!(found(g, "长者社区照顾服务券。推出长者社区照顾服务券。").is_empty());
    }

    #[test]
    fn zones_and_towns() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(g, "重庆高新区与两江新区合作。"),
            ["重庆高新区", "两江新区"]
        );
        assert_eq!(
            found(g, "江津区白沙镇、鱼洞街道的学校。"),
            ["江津区", "白沙镇", "鱼洞街道"]
        );
        assert!(found(g, "深度贫困乡镇学校").is_empty());
        // A place's name inside a town's right after a region (西岗 of
        // 城关区扎西岗街道).
        assert_eq!(
            found(g, "在城关区扎西岗街道的茶馆里。"),
            ["城关区", "扎西岗街道"]
        );
        // Not a word of position or rule between (内, 辖); a town's name
        // that ends in a stop's char (太和镇) stays whole.
        assert_eq!(
            found(g, "开州区内临江镇、白鹤街道受灾,江津区辖白沙镇等25个镇街。"),
            ["开州区", "临江镇", "白鹤街道", "江津区", "白沙镇"]
        );
        assert_eq!(found(g, "合川区太和镇召开会议。"), ["合川区", "太和镇"]);
        // The aspect particle 了 after a verb opens no name.
        assert_eq!(found(g, "孩子们走访了云岚镇的果园。"), ["云岚镇"]);
        // Nor do a distance's preposition, a year's word, a pronoun or a
        // verb before a village's collective (移交村集体); a named village
        // keeps its name there (大坪村集体).
        assert_eq!(found(g, "村小离云岚镇场镇有12公里。"), ["云岚镇"]);
        assert_eq!(
            found(g, "结合岚桠乡实际,现将有关事项通知如下。"),
            ["岚桠乡"]
        );
        assert!(found(g, "“去年镇上给我们配了车。").is_empty());
        assert!(found(g, "现将我镇道路建设情况公示如下。").is_empty());
        assert!(found(g, "工程已移交村集体管护。").is_empty());
        assert_eq!(
            found(g, "2023年,大坪村集体经济收入达到20万元。"),
            ["大坪村"]
        );
        // 会同 (of 会同县) is the verb before a district's body, no 会同区.
        assert!(found(g, "我委会同区发展改革委开展调研。").is_empty());
        // A quoted honour or name opening with 中国 is no mention of it.
        assert!(found(g, "安吉有\"中国竹乡\"之称。").is_empty());
        assert_eq!(
            found(g, "他说:\"中国经济长期向好的基本面没有改变。\""),
            ["中国"]
        );
        // 新建 of 新建区 is a verb before a street's or a village's word.
        assert!(found(g, "。新建街道养老服务中心5个、新建村卫生室3个。").is_empty());
    }

    #[test]
    fn townships_and_villages() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(
            found(g, "在丹江镇的乌东村,西江镇羊排村村民;观音乡、望丰乡等。"),
            ["丹江镇", "乌东村", "西江镇", "羊排村", "观音乡", "望丰乡"]
        );
        assert_eq!(
            found(g, "位于巴彦温都尔苏木乌兰哈达嘎查。"),
            ["巴彦温都尔苏木", "乌兰哈达嘎查"]
        );
        for generic in [
            "全县有行政村120个。",
            "，贫困村全部出列。",
            "，返乡创业人数增加。",
            "，城乡居民收入增长。",
            "被誉为武术之乡。",
            "，全体村民参加。",
            "，推进乡村振兴。",
            "，这些村发展较快。",
            "，著名侨乡。",
            "开展百县千乡万村行动。",
            "加快小集镇建设,农村集镇面貌改善。",
            "实施村卫生室建设,新建、改造村卫生室46个。",
            "以前是出了名的空壳村。",
        ] {
            assert!(found(g, generic).is_empty(), "{generic}");
        }
        assert_eq!(found(g, "练集镇杨楼村低保户"), ["练集镇", "杨楼村"]);
        // A city's short form before 镇 names a town (Pingtung's 潮州镇,
        // not Guangdong's 潮州市); a word keeps its place (成都乡村).
        assert_eq!(found(g, "屏东县潮州镇的农户"), ["屏东县", "潮州镇"]);
        assert_eq!(found(g, "成都乡村旅游"), ["成都"]);
        // Ethnic townships: the name, the nationality, 乡 (平乐 is also a
        // county's short form).
        assert_eq!(
            found(g, "乡镇:平乐瑶族乡、江洲瑶族乡"),
            ["平乐瑶族乡", "江洲瑶族乡"]
        );
        // Verbs of government prose bound a name on the left too.
        assert_eq!(
            found(g, "重点缓解鱼洞街道、龙洲湾街道学位紧张,围绕寸滩街道一带"),
            ["鱼洞街道", "龙洲湾街道", "寸滩街道"]
        );
        // 其中 bounds a town's name on the left.
        assert_eq!(found(g, "其中惠安堡镇种植8.1万亩"), ["惠安堡镇"]);
        // Transliterated names run longer; 苏木镇 is a word of kinds.
        assert_eq!(
            found(g, "全旗吉仁高勒镇、巴拉嘎尔高勒镇等4个苏木镇开展试点"),
            ["吉仁高勒镇", "巴拉嘎尔高勒镇"]
        );
        assert!(found(g, "带动每个苏木镇培育品牌").is_empty());
        // Townships of a nationality (民族乡); generic villages.
        assert_eq!(
            found(g, "米林市南伊珞巴民族乡才召村村民"),
            ["米林市", "南伊珞巴民族乡", "才召村"]
        );
        assert!(found(g, ",乡镇和建制村通硬化路,驻村工作队,建起12个移民新村。").is_empty());
        // An abbreviation in common use names its banner.
        assert_eq!(found(g, "美丽西乌旗建设"), ["西乌旗"]);
    }

    #[test]
    fn districts_of_taiwan_words_of_qu_and_streets() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(found(g, "在后里区、东势区试办公车。"), ["后里区", "东势区"]);
        // Short forms in a Taiwan text; those that are words (安定, 将军)
        // only in a list of places.
        assert_eq!(
            found(g, "台南市小校主要分布在七股、左镇、楠西,社会安定。"),
            ["台南市", "七股", "左镇", "楠西"]
        );
        assert_eq!(
            found(g, "台南市将军、七股、北门沿海"),
            ["台南市", "将军", "七股", "北门"]
        );
        for word in [
            "培育新兴区域增长极。",
            "维护安定区域秩序。",
            "沿着北京路前行。",
            "台湾大道、文心路等干道。",
        ] {
            assert!(found(g, word).is_empty(), "{word}");
        }
    }
}
