//! Lists of places that `分别` spreads over figures, one each, in order
//! (`烟台市、日照市进出口分别增长6.5%和9.8%`: 6.5 % is 烟台市's, 9.8 %
//! 日照市's).

use memchr::memmem;

use crate::text::floor_char;
use crate::text::punct::PHRASE;

/// Chars that join the names of a list of places.
const JOINERS: &[&str] = &["、", "和", "及", "与"];

/// Whether `gap` joins two names of a list with `joiner`, after an aside
/// in brackets of at most [`ASIDE_CHARS`] chars (`琼海(博鳌)、万宁`).
fn joins(gap: &str, joiner: &str) -> bool {
    let Some(before) = gap.strip_suffix(joiner) else {
        return false;
    };
    before.is_empty()
        || before.starts_with('(')
            && before.ends_with(')')
            && before.chars().count() <= ASIDE_CHARS + 2
}

/// The longest aside in brackets after a name of a list, in chars.
const ASIDE_CHARS: usize = 6;

/// Chars before a list that make its places partners of the subject.
const PARTNER_BEFORE: &[char] = &['与', '同', '跟', '和', '向', '对'];

/// How far after a `分别` its clause may end, in bytes (a hundred chars).
const CLAUSE_REACH: usize = 300;

/// How far before a `分别` the places of its list may stand, in bytes (two
/// hundred chars).
const LIST_REACH: usize = 600;

/// A `分别` and the list of places it spreads over the figures of its
/// clause.
#[derive(Debug, Clone)]
pub(crate) struct Respective<T> {
    /// Byte offset of the `分别`.
    pub at: usize,
    /// End of its clause: the figures it spreads stand in `at..end`.
    pub end: usize,
    /// The places of the list, in order.
    pub places: Vec<T>,
}

/// The `分别` of `text` with a list of two or more places before them in
/// their sentence. `spans` are the places named in `text` (start, end,
/// the place, whether a REGION entity names it: a place that starts a
/// body's name, `荆州法院`, ends a list only), in text order.
pub(crate) fn lists<T: Copy>(text: &str, spans: &[(usize, usize, T, bool)]) -> Vec<Respective<T>> {
    let mut out = Vec::new();
    // The sentence start is carried from one 分别 to the next, and a
    // clause's end looked for within a bounded reach: a text of many 分别
    // and no punctuation stays linear.
    let mut sentence = 0;
    let mut seen = 0;
    for at in memmem::find_iter(text.as_bytes(), "分别".as_bytes()) {
        if let Some((i, c)) = text[seen..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c == '。' || c == '\n')
        {
            sentence = seen + i + c.len_utf8();
        }
        seen = at;
        // Places are looked for in the sentence, at most LIST_REACH bytes
        // back: a text of a long list and many 分别 stays linear.
        let low = sentence.max(at.saturating_sub(LIST_REACH));
        // The list that ends last before `at` in its sentence.
        let k = spans.partition_point(|s| s.1 <= at);
        let Some(last) = k.checked_sub(1).filter(|&i| spans[i].0 >= low) else {
            continue;
        };
        let mut first = last;
        while first > 0 {
            let (prev, this) = (&spans[first - 1], &spans[first]);
            // A name nested in the one before it (a school in its campus's
            // name) joins nothing.
            let joined =
                prev.1 <= this.0 && JOINERS.iter().any(|j| joins(&text[prev.1..this.0], j));
            if !joined || !prev.3 || prev.0 < low {
                break;
            }
            first -= 1;
        }
        // Partners, not the places of the figures (`我市与成都、重庆分别签订
        // 协议5项和3项`).
        if text[..spans[first].0].ends_with(PARTNER_BEFORE) {
            continue;
        }
        let places: Vec<T> = if first < last {
            spans[first..=last].iter().map(|s| s.2).collect()
        } else {
            // No list: the places that open the clauses of the sentence
            // before it (`海口市接待游客…,三亚市接待游客…,分别增长…`).
            let first = spans.partition_point(|s| s.0 < low);
            spans[first..k]
                .iter()
                .filter(|s| s.3 && (s.0 == sentence || text[..s.0].ends_with([',', '\n'])))
                .map(|s| s.2)
                .collect()
        };
        if places.len() < 2 {
            continue;
        }
        let reach = floor_char(text, (at + CLAUSE_REACH).min(text.len()));
        let end = text[at..reach]
            .find(|c| PHRASE.has(c))
            .map_or(reach, |i| at + i);
        out.push(Respective { at, end, places });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_names_before_fenbie() {
        // A campus's name and the district inside it overlap (entities
        // nest; the longer first where two start together): no list, and
        // no panic, as a generated text once gave.
        let text = "江津区江中学感校区分别";
        let spans = [(0, text.len() - 6, "江津区", false), (0, 9, "江津区", true)];
        assert!(lists(text, &spans).is_empty());
    }

    #[test]
    fn lists_before_fenbie() {
        let text = "烟台市、日照市进出口分别增长6.5%和9.8%,增速分别居全省第5位和第3位。青岛市分别增长1%和2%。";
        let at = |w: &str| text.find(w).unwrap();
        let spans = [
            (at("烟台市"), at("烟台市") + 9, "烟台市", true),
            (at("日照市"), at("日照市") + 9, "日照市", true),
            (at("青岛市"), at("青岛市") + 9, "青岛市", true),
        ];
        let found = lists(text, &spans);
        // Both 分别 of the first sentence spread its list; the second
        // sentence names one place only.
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].places, ["烟台市", "日照市"]);
        assert_eq!(&text[found[0].at..found[0].end], "分别增长6.5%和9.8%");
        assert_eq!(found[1].places, ["烟台市", "日照市"]);
        // Places that open the clauses before it.
        let text = "海口市接待游客3086万人次,三亚市接待游客2371万人次,分别增长10.7%和8.2%。";
        let at = |w: &str| text.find(w).unwrap();
        let spans = [
            (at("海口市"), at("海口市") + 9, "海口市", true),
            (at("三亚市"), at("三亚市") + 9, "三亚市", true),
        ];
        assert_eq!(lists(text, &spans)[0].places, ["海口市", "三亚市"]);
        // The same after an earlier sentence: its first place opens it.
        let text =
            "全省旅游回暖。海口市接待游客3086万人次,三亚市接待游客2371万人次,分别增长10.7%和8.2%。";
        let at = |w: &str| text.find(w).unwrap();
        let spans = [
            (at("海口市"), at("海口市") + 9, "海口市", true),
            (at("三亚市"), at("三亚市") + 9, "三亚市", true),
        ];
        assert_eq!(lists(text, &spans)[0].places, ["海口市", "三亚市"]);
        // Partners of the subject, not the places of its figures.
        let text = "我市与成都、重庆分别签订协议5项和3项。";
        let at = |w: &str| text.find(w).unwrap();
        let spans = [
            (at("成都"), at("成都") + 6, "成都市", true),
            (at("重庆"), at("重庆") + 6, "重庆市", true),
        ];
        assert!(lists(text, &spans).is_empty());
    }
}
