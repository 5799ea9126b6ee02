//! The C mirrors of the core's records: plain `#[repr(C)]` structs and
//! enums filled from a document, with borrowed string views.

use std::ffi::c_char;

use shushuo_core::{Approx, Change, Entity, EntityKind, Metric, QuantityKind};

/// A borrowed UTF-8 string: `len` bytes at `data`, not NUL-terminated.
/// Views handed out by a document stay valid until `shushuo_document_free`.
/// A present string always has a non-NULL `data` (a valid empty string
/// when `len` is 0); an absent optional value (a metric's `period` or
/// `region`, a document's region) has `data` NULL and `len` 0.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct shushuo_str {
    /// The first byte, or NULL for an absent value.
    pub data: *const c_char,
    /// The length in bytes.
    pub len: usize,
}

impl shushuo_str {
    /// A view of `s` (a valid empty string if `s` is empty).
    pub(crate) fn new(s: &str) -> shushuo_str {
        // An empty `String` points nowhere in particular: hand out a real
        // (static) empty string instead.
        let s = if s.is_empty() { "" } else { s };
        shushuo_str {
            data: s.as_ptr().cast(),
            len: s.len(),
        }
    }

    /// A view of `s`, or `data` NULL and `len` 0 for `None`.
    pub(crate) fn optional(s: Option<&str>) -> shushuo_str {
        s.map_or(
            shushuo_str {
                data: std::ptr::null(),
                len: 0,
            },
            shushuo_str::new,
        )
    }
}

/// How a quantity relates to the true figure.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum shushuo_approx {
    /// Stated exactly.
    Exact = 0,
    /// Roughly: 约, 左右, 近…
    About = 1,
    /// At least: 余, 多, 以上, 超过…
    Over = 2,
    /// At most: 不足, 不到, 以下…
    Under = 3,
}

impl From<Approx> for shushuo_approx {
    fn from(a: Approx) -> Self {
        match a {
            Approx::Exact => shushuo_approx::Exact,
            Approx::About => shushuo_approx::About,
            Approx::Over => shushuo_approx::Over,
            Approx::Under => shushuo_approx::Under,
        }
    }
}

/// Whether a quantity is a change against an earlier value.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum shushuo_change {
    /// A level, a count or a share.
    None = 0,
    /// A rise: 增长, 增加, 提高…
    Increase = 1,
    /// A fall: 下降, 减少…
    Decrease = 2,
}

impl From<Change> for shushuo_change {
    fn from(c: Change) -> Self {
        match c {
            Change::None => shushuo_change::None,
            Change::Increase => shushuo_change::Increase,
            Change::Decrease => shushuo_change::Decrease,
        }
    }
}

/// What sort of thing a quantity measures, from its unit.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum shushuo_quantity_kind {
    /// A count with a measure word (所, 个, 名, 人次…).
    Count = 0,
    /// An amount of money (元).
    Money = 1,
    /// An area (平方米, 亩…).
    Area = 2,
    /// A length, weight or volume.
    Measure = 3,
    /// A duration (年, 个月, 天…).
    Duration = 4,
    /// A percentage, fraction or percentage-point figure.
    Percent = 5,
    /// A multiple (倍).
    Ratio = 6,
    /// A rank (第3名).
    Rank = 7,
}

impl From<QuantityKind> for shushuo_quantity_kind {
    fn from(k: QuantityKind) -> Self {
        match k {
            QuantityKind::Count => shushuo_quantity_kind::Count,
            QuantityKind::Money => shushuo_quantity_kind::Money,
            QuantityKind::Area => shushuo_quantity_kind::Area,
            QuantityKind::Measure => shushuo_quantity_kind::Measure,
            QuantityKind::Duration => shushuo_quantity_kind::Duration,
            QuantityKind::Percent => shushuo_quantity_kind::Percent,
            QuantityKind::Ratio => shushuo_quantity_kind::Ratio,
            QuantityKind::Rank => shushuo_quantity_kind::Rank,
        }
    }
}

/// The type of an entity.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum shushuo_entity_kind {
    /// A person's name, without title.
    Person = 0,
    /// A country, province, city, district, county, town or street.
    Region = 1,
    /// A school, kindergarten, university or college.
    School = 2,
    /// Any other organisation.
    Org = 3,
    /// A title inside 《》 (without the brackets).
    Work = 4,
    /// A calendar date, month or year.
    Date = 5,
}

impl From<EntityKind> for shushuo_entity_kind {
    fn from(k: EntityKind) -> Self {
        match k {
            EntityKind::Person => shushuo_entity_kind::Person,
            EntityKind::Region => shushuo_entity_kind::Region,
            EntityKind::School => shushuo_entity_kind::School,
            EntityKind::Org => shushuo_entity_kind::Org,
            EntityKind::Work => shushuo_entity_kind::Work,
            EntityKind::Date => shushuo_entity_kind::Date,
        }
    }
}

/// One stated quantity. Strings are views into the document.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct shushuo_metric {
    /// Byte offset of the quantity in the caller's text.
    pub start: usize,
    /// Byte offset one past its end (`text` is `caller_text[start..end]`).
    pub end: usize,
    /// The number with multipliers applied (`3.8万` gives 38000).
    pub value: f64,
    /// The quantity as written (`8660个`).
    pub text: shushuo_str,
    /// The unit without multiplier (`个`, `元`, `%`).
    pub unit: shushuo_str,
    /// What is measured, in the text's own words (may be empty).
    pub indicator: shushuo_str,
    /// The time frame stated in the sentence, or absent (data NULL).
    pub period: shushuo_str,
    /// The region the figure belongs to, or absent (data NULL).
    pub region: shushuo_str,
    /// Exact, about, over or under.
    pub approx: shushuo_approx,
    /// Whether this is a change against an earlier value.
    pub change: shushuo_change,
    /// What sort of quantity this is, from its unit.
    pub kind: shushuo_quantity_kind,
    /// A borderline quantity (vague count, duration, range end).
    pub borderline: bool,
    /// Char (code point) offset of the quantity.
    pub char_start: usize,
    /// Char offset one past its end.
    pub char_end: usize,
}

impl shushuo_metric {
    /// The view of `m`, borrowing its strings.
    pub(crate) fn new(m: &Metric) -> shushuo_metric {
        shushuo_metric {
            start: m.span.start,
            end: m.span.end,
            value: m.value,
            text: shushuo_str::new(&m.text),
            unit: shushuo_str::new(&m.unit),
            indicator: shushuo_str::new(&m.indicator),
            period: shushuo_str::optional(m.period.as_deref()),
            region: shushuo_str::optional(m.region.as_deref()),
            approx: m.approx.into(),
            change: m.change.into(),
            kind: m.kind.into(),
            borderline: m.borderline,
            char_start: m.span.char_start,
            char_end: m.span.char_end,
        }
    }
}

/// One mention of a named thing. Strings are views into the document.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct shushuo_entity {
    /// Byte offset of the mention in the caller's text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its type.
    pub kind: shushuo_entity_kind,
    /// The mention as written (without 《》 for works).
    pub text: shushuo_str,
    /// The canonical form (ISO form for dates: `2022-09-22`).
    pub normalized: shushuo_str,
    /// Char (code point) offset of the mention.
    pub char_start: usize,
    /// Char offset one past its end.
    pub char_end: usize,
}

impl shushuo_entity {
    /// The view of `e`, borrowing its strings.
    pub(crate) fn new(e: &Entity) -> shushuo_entity {
        shushuo_entity {
            start: e.span.start,
            end: e.span.end,
            kind: e.kind.into(),
            text: shushuo_str::new(&e.text),
            normalized: shushuo_str::new(&e.normalized),
            char_start: e.span.char_start,
            char_end: e.span.char_end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shushuo_core::Span;

    fn as_str(s: shushuo_str) -> &'static str {
        assert!(!s.data.is_null());
        // SAFETY: the views in these tests point into leaked or static strings.
        unsafe { std::str::from_utf8(std::slice::from_raw_parts(s.data.cast(), s.len)).unwrap() }
    }

    #[test]
    fn strings_present_empty_and_absent() {
        assert_eq!(as_str(shushuo_str::new("数说")), "数说");
        // An empty `String`'s pointer dangles; the view must not.
        let owned = String::new();
        let empty = shushuo_str::new(owned.as_str());
        assert_eq!((as_str(empty), empty.len), ("", 0));
        let absent = shushuo_str::optional(None);
        assert!(absent.data.is_null());
        assert_eq!(absent.len, 0);
    }

    #[test]
    fn metric_view_mirrors_the_metric() {
        let m: &'static Metric = Box::leak(Box::new(Metric {
            span: Span {
                start: 18,
                end: 25,
                char_start: 6,
                char_end: 11,
            },
            text: "8660个".into(),
            value: 8660.0,
            unit: "个".into(),
            kind: QuantityKind::Count,
            approx: Approx::Over,
            change: Change::Increase,
            indicator: "新增学位".into(),
            region: None,
            period: Some("2022年".into()),
            borderline: true,
        }));
        let v = shushuo_metric::new(m);
        assert_eq!((v.start, v.end, v.char_start, v.char_end), (18, 25, 6, 11));
        assert_eq!(v.value, 8660.0);
        assert_eq!(
            (as_str(v.text), as_str(v.unit), as_str(v.indicator)),
            ("8660个", "个", "新增学位")
        );
        assert_eq!(as_str(v.period), "2022年");
        assert!(v.region.data.is_null());
        assert_eq!(v.approx, shushuo_approx::Over);
        assert_eq!(v.change, shushuo_change::Increase);
        assert_eq!(v.kind, shushuo_quantity_kind::Count);
        assert!(v.borderline);
    }

    #[test]
    fn enums_mirror_the_core_in_order() {
        for (i, a) in Approx::ALL.iter().enumerate() {
            assert_eq!(shushuo_approx::from(*a) as usize, i);
        }
        for (i, c) in Change::ALL.iter().enumerate() {
            assert_eq!(shushuo_change::from(*c) as usize, i);
        }
        for (i, k) in QuantityKind::ALL.iter().enumerate() {
            assert_eq!(shushuo_quantity_kind::from(*k) as usize, i);
        }
        for (i, k) in EntityKind::ALL.iter().enumerate() {
            assert_eq!(shushuo_entity_kind::from(*k) as usize, i);
        }
    }

    #[test]
    fn entity_view_mirrors_the_entity() {
        let e: &'static Entity = Box::leak(Box::new(Entity {
            span: Span {
                start: 0,
                end: 9,
                char_start: 0,
                char_end: 3,
            },
            kind: EntityKind::Region,
            text: "江北区".into(),
            normalized: "江北区".into(),
        }));
        let v = shushuo_entity::new(e);
        assert_eq!((v.start, v.end, v.char_start, v.char_end), (0, 9, 0, 3));
        assert_eq!(v.kind, shushuo_entity_kind::Region);
        assert_eq!((as_str(v.text), as_str(v.normalized)), ("江北区", "江北区"));
    }
}
