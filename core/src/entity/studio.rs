//! A teacher's workshop named after the teacher who heads it
//! (刘霞初中语文名师工作室, 王静美术名师工作室, 何晓东小学科学名师工作室):
//! the head's name stands before a school stage and a subject.

use crate::text::{char_before, is_cjk};

/// School subjects: after a school stage they name a teacher's field
/// (何晓东小学科学名师工作室, 高中数学教研员), not a school.
pub(crate) const SUBJECTS: [&str; 16] = [
    "科学",
    "语文",
    "数学",
    "英语",
    "美术",
    "音乐",
    "体育",
    "物理",
    "化学",
    "生物",
    "历史",
    "地理",
    "政治",
    "信息技术",
    "道德与法治",
    "心理健康",
];

/// School stages a workshop's subject may follow (初中语文).
const STAGES: [&str; 5] = ["小学", "初中", "高中", "中学", "学前"];

/// The word of a workshop.
pub(crate) const STUDIO: &str = "工作室";

/// Chars that end a school's name (谢家湾小学|何晓东…): a head's name may
/// start right after one.
const SCHOOL_END: [char; 3] = ['学', '校', '园'];

/// The head's name of the workshop whose 工作室 starts at `at`: the two or
/// three chars before its subject (and the stage before that), where a
/// boundary stands before them (punctuation, 的, or a school's name).
/// Two chars where the boundary stands two chars back, else three.
pub(crate) fn head(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut end = at;
    if let Some(rest) = text[..end].strip_suffix("名师") {
        end = rest.len();
    }
    let subject = SUBJECTS.iter().find(|w| text[..end].ends_with(*w))?;
    end -= subject.len();
    if let Some(stage) = STAGES.iter().find(|w| text[..end].ends_with(*w)) {
        end -= stage.len();
    }
    let boundary = |q: usize| {
        char_before(text, q).map_or(true, |c| !is_cjk(c) || c == '的' || SCHOOL_END.contains(&c))
    };
    let mut start = end;
    for n in 1..=3 {
        let c = char_before(text, start).filter(|&c| is_cjk(c))?;
        start -= c.len_utf8();
        if n >= 2 && boundary(start) {
            return Some((start, end));
        }
    }
    None
}

/// Whether a workshop's name goes on at `at` after its head's name
/// (刘霞|初中语文名师工作室): a stage, a subject, 名师 and 工作室. The head
/// is kept inside the workshop's name.
pub(crate) fn follows_head(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let rest = STAGES
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    SUBJECTS
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .is_some_and(|r| r.strip_prefix("名师").unwrap_or(r).starts_with(STUDIO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(text: &str) -> Vec<&str> {
        memchr::memmem::find_iter(text.as_bytes(), STUDIO)
            .filter_map(|at| head(text, at))
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn heads_of_workshops() {
        assert_eq!(heads("举行的刘霞初中语文名师工作室主题研修"), ["刘霞"]);
        assert_eq!(heads("谢家湾小学何晓东小学科学名师工作室"), ["何晓东"]);
        assert_eq!(heads("华岩新城小学刘佳音乐名师工作室"), ["刘佳"]);
        assert_eq!(heads("。陈永红高中数学名师工作室聚焦"), ["陈永红"]);
        // No subject, no head: a level of workshops.
        assert!(heads("全区共有市级名师工作室12个").is_empty());
        let t = "王静美术名师工作室";
        assert!(follows_head(t, "王静".len()) && !follows_head(t, 0));
    }
}
