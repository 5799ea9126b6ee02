//! The C mirrors of the core's records: plain `#[repr(C)]` structs and
//! enums filled from a document, with borrowed string views.
//!
//! The record structs (`shushuo_metric`, `shushuo_entity`) are *growable*:
//! their first field is `struct_size`, set by the caller to the size of its
//! own declaration, and new fields are only ever appended. [`Growable`]
//! lists the sizes each published layout ends at, and [`write_growable`]
//! fills only the layout that fits the caller's `struct_size` (see the
//! crate documentation for the rule as C callers see it).

use std::ffi::c_char;

use shushuo_core::{Approx, Change, Entity, EntityKind, Metric, QuantityKind};

use crate::boundary::{shushuo_status, Failure};

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
    /// A score or the level of an index, in points (512.3分, 3200.5点).
    Score = 8,
    /// A kind newer than this header (the core gained a kind this C view
    /// does not name yet); `shushuo_document_to_json` carries its name.
    /// Later versions may also add values between `SCORE` and `OTHER`:
    /// treat any value you do not know as `OTHER`.
    Other = 255,
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
            QuantityKind::Score => shushuo_quantity_kind::Score,
            // The core's kinds are `#[non_exhaustive]`: one added there
            // and not yet here is OTHER (the enum test catches it).
            _ => shushuo_quantity_kind::Other,
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
    /// A kind newer than this header (the core gained a kind this C view
    /// does not name yet); `shushuo_document_to_json` carries its name.
    /// Later versions may also add values between `DATE` and `OTHER`:
    /// treat any value you do not know as `OTHER`.
    Other = 255,
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
            // As for quantity kinds: a kind added to the core and not yet
            // here is OTHER.
            _ => shushuo_entity_kind::Other,
        }
    }
}

/// One stated quantity. Strings are views into the document.
///
/// Growable: set `struct_size` to `sizeof(shushuo_metric)` before calling
/// `shushuo_document_metric`, which fills only the fields that fit and sets
/// `struct_size` to the bytes it filled. Fields are only ever appended;
/// `SHUSHUO_FILLED(&m, field)` tells whether the library filled `field`.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct shushuo_metric {
    /// In: the size of the caller's struct, `sizeof(shushuo_metric)`. Out:
    /// the bytes the library filled (every field ending within them).
    pub struct_size: usize,
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
    /// Char offset one past its end. (The first layout ends here.)
    pub char_end: usize,
    /// Whether `previous` holds a value: the quantity is the later value of
    /// a from–to pair (`由41所增加到67所`: true on the metric of `67所`).
    /// Since layout 2.
    pub has_previous: bool,
    /// The earlier value of the pair, in the same unit (41 above); 0 when
    /// `has_previous` is false. Since layout 2 (which ends here).
    pub previous: f64,
    /// Whether `si_value` and `si_unit` hold the quantity in an SI unit: true
    /// for lengths, areas, volumes, masses, energy, power, temperatures and
    /// data sizes (`3亩`), false for money, counts, percentages and other
    /// units without one. Since layout 3.
    pub has_si: bool,
    /// The value in `si_unit` (`3亩` gives 2000, `35℃` gives 308.15); 0 when
    /// `has_si` is false. Since layout 3.
    pub si_value: f64,
    /// The SI unit of `si_value`: `m`, `m2`, `m3`, `kg`, `J`, `W`, `K` or
    /// `B` (later versions may add others); absent (data NULL) when `has_si`
    /// is false. Since layout 3.
    pub si_unit: shushuo_str,
}

impl shushuo_metric {
    /// The view of `m`, borrowing its strings; `struct_size` is the full
    /// size until [`write_growable`] sets what it filled.
    pub(crate) fn new(m: &Metric) -> shushuo_metric {
        let si = m.si_value.zip(m.si_unit.as_deref());
        shushuo_metric {
            struct_size: std::mem::size_of::<shushuo_metric>(),
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
            has_previous: m.previous.is_some(),
            previous: m.previous.unwrap_or(0.0),
            // The core sets both or neither; half of the pair would be of
            // no use to a C caller, so it counts as neither.
            has_si: si.is_some(),
            si_value: si.map_or(0.0, |(v, _)| v),
            si_unit: shushuo_str::optional(si.map(|(_, u)| u)),
        }
    }
}

/// One mention of a named thing. Strings are views into the document.
///
/// Growable like `shushuo_metric`: set `struct_size` to
/// `sizeof(shushuo_entity)` before calling `shushuo_document_entity`.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct shushuo_entity {
    /// In: the size of the caller's struct, `sizeof(shushuo_entity)`. Out:
    /// the bytes the library filled (every field ending within them).
    pub struct_size: usize,
    /// Byte offset of the mention in the caller's text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its type.
    pub kind: shushuo_entity_kind,
    /// The mention as written (without 《》 for works).
    pub text: shushuo_str,
    /// The normalised form: simplified characters, ISO form for dates
    /// (`2022-09-22`).
    pub normalized: shushuo_str,
    /// Char (code point) offset of the mention.
    pub char_start: usize,
    /// Char offset one past its end. (The first layout ends here.)
    pub char_end: usize,
    /// For a REGION of China: its six-digit division code (GB/T 2260,
    /// `河北省` gives `130000`); absent (data NULL) for other kinds, foreign
    /// countries and places without a code. Since layout 2.
    pub code: shushuo_str,
    /// The full name the mention stands for: a region's official name
    /// (`冀` gives `河北省`), or for an organisation or school named in full
    /// elsewhere in the text, that full name; absent (data NULL) when
    /// unknown. Since layout 2.
    pub canonical: shushuo_str,
}

impl shushuo_entity {
    /// The view of `e`, borrowing its strings; `struct_size` is the full
    /// size until [`write_growable`] sets what it filled.
    pub(crate) fn new(e: &Entity) -> shushuo_entity {
        shushuo_entity {
            struct_size: std::mem::size_of::<shushuo_entity>(),
            start: e.span.start,
            end: e.span.end,
            kind: e.kind.into(),
            text: shushuo_str::new(&e.text),
            normalized: shushuo_str::new(&e.normalized),
            char_start: e.span.char_start,
            char_end: e.span.char_end,
            code: shushuo_str::optional(e.code.as_deref()),
            canonical: shushuo_str::optional(e.canonical.as_deref()),
        }
    }
}

/// A `#[repr(C)]` record whose first field is `struct_size` and whose
/// fields are only ever appended.
///
/// # Safety
/// `Self` is `#[repr(C)]`, starts with a `usize` `struct_size` field, and
/// every entry of `LAYOUT_ENDS` is the end of a field of `Self`, the last
/// one at most `size_of::<Self>()`.
pub(crate) unsafe trait Growable: Copy {
    /// The C name, for messages.
    const NAME: &'static str;
    /// Where each published layout's last field ends (oldest first): the
    /// bytes a caller compiled against that layout gets filled. A new
    /// layout appends fields and pushes its end here; entries never change.
    const LAYOUT_ENDS: &'static [usize];
    /// Sets the `struct_size` field.
    fn set_struct_size(&mut self, n: usize);
}

/// The end of `$field` (of type `$f`) in `$ty`: its offset plus its size.
macro_rules! field_end {
    ($ty:ty, $field:ident: $f:ty) => {
        std::mem::offset_of!($ty, $field) + std::mem::size_of::<$f>()
    };
}

// SAFETY: `#[repr(C)]`, `struct_size: usize` first, the ends are fields'.
unsafe impl Growable for shushuo_metric {
    const NAME: &'static str = "shushuo_metric";
    const LAYOUT_ENDS: &'static [usize] = &[
        // 1: struct_size … char_end.
        field_end!(shushuo_metric, char_end: usize),
        // 2: + has_previous, previous.
        field_end!(shushuo_metric, previous: f64),
        // 3: + has_si, si_value, si_unit.
        field_end!(shushuo_metric, si_unit: shushuo_str),
    ];
    fn set_struct_size(&mut self, n: usize) {
        self.struct_size = n;
    }
}

// SAFETY: as above.
unsafe impl Growable for shushuo_entity {
    const NAME: &'static str = "shushuo_entity";
    const LAYOUT_ENDS: &'static [usize] = &[
        // 1: struct_size … char_end.
        field_end!(shushuo_entity, char_end: usize),
        // 2: + code, canonical.
        field_end!(shushuo_entity, canonical: shushuo_str),
    ];
    fn set_struct_size(&mut self, n: usize) {
        self.struct_size = n;
    }
}

// Every layout list ends at the current struct's last field and grows.
const _: () = {
    const fn check(ends: &[usize], size: usize) {
        let mut i = 1;
        while i < ends.len() {
            assert!(ends[i - 1] < ends[i]);
            i += 1;
        }
        assert!(ends[ends.len() - 1] <= size);
    }
    check(
        shushuo_metric::LAYOUT_ENDS,
        std::mem::size_of::<shushuo_metric>(),
    );
    check(
        shushuo_entity::LAYOUT_ENDS,
        std::mem::size_of::<shushuo_entity>(),
    );
    // The last layouts end where the structs' last fields do.
    assert!(
        std::mem::size_of::<shushuo_metric>() - field_end!(shushuo_metric, si_unit: shushuo_str)
            < std::mem::align_of::<shushuo_metric>()
    );
    assert!(
        std::mem::size_of::<shushuo_entity>() - field_end!(shushuo_entity, canonical: shushuo_str)
            < std::mem::align_of::<shushuo_entity>()
    );
};

/// Fills the caller's growable struct at `out` with `view`: reads the
/// caller's `struct_size`, copies the largest published layout that fits
/// in it, and sets `struct_size` to that layout's end. Bytes past it are
/// left untouched. A `struct_size` smaller than the first layout is an
/// OUT_OF_RANGE failure and leaves `*out` untouched.
///
/// # Safety
/// `out` is non-NULL, aligned, and writable for the `struct_size` bytes its
/// first `usize` says (caller contract).
pub(crate) unsafe fn write_growable<V: Growable>(out: *mut V, mut view: V) -> Result<(), Failure> {
    // SAFETY: `out` is non-NULL, aligned and starts with `struct_size`.
    let size = unsafe { out.cast::<usize>().read() };
    let filled = fits(V::LAYOUT_ENDS, size).ok_or_else(|| {
        Failure::new(
            shushuo_status::OutOfRange,
            format!(
                "struct_size {size} is smaller than the first {} layout ({} bytes): \
                 set struct_size = sizeof({}) before the call",
                V::NAME,
                V::LAYOUT_ENDS[0],
                V::NAME
            ),
        )
    })?;
    view.set_struct_size(filled);
    // SAFETY: `filled` <= size_of::<V>() (the layout list's invariant), so
    // the source is readable; `filled` <= `size`, so the destination is
    // writable (caller contract); a caller's struct cannot overlap our local.
    unsafe {
        std::ptr::copy_nonoverlapping((&view as *const V).cast::<u8>(), out.cast::<u8>(), filled);
    }
    Ok(())
}

/// The end of the largest layout in `ends` that fits in `size` bytes.
fn fits(ends: &[usize], size: usize) -> Option<usize> {
    ends.iter().rev().copied().find(|&end| end <= size)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// A metric of the core made from its serde JSON (the core's records
    /// are `#[non_exhaustive]`, so they cannot be built field by field),
    /// leaked so that views into it live for the test.
    fn leak_metric(json: &str) -> &'static Metric {
        Box::leak(Box::new(serde_json::from_str(json).unwrap()))
    }

    /// An entity made from its serde JSON, leaked like [`leak_metric`]'s.
    fn leak_entity(json: &str) -> &'static Entity {
        Box::leak(Box::new(serde_json::from_str(json).unwrap()))
    }

    #[test]
    fn metric_view_mirrors_the_metric() {
        let m = leak_metric(
            r#"{"span":{"start":18,"end":25,"char_start":6,"char_end":11},
                "text":"8660个","value":8660.0,"unit":"个","kind":"count",
                "approx":"over","change":"increase","indicator":"新增学位",
                "region":null,"period":"2022年","borderline":true}"#,
        );
        let v = shushuo_metric::new(m);
        assert_eq!(v.struct_size, std::mem::size_of::<shushuo_metric>());
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
        assert_eq!((v.has_previous, v.previous), (false, 0.0));
    }

    #[test]
    fn metric_view_carries_previous() {
        let m = leak_metric(
            r#"{"span":{"start":0,"end":5,"char_start":0,"char_end":3},
                "text":"67所","value":67.0,"unit":"所","kind":"count",
                "approx":"exact","change":"increase","indicator":"公办中小学",
                "region":null,"period":null,"previous":41.0,"borderline":false}"#,
        );
        let v = shushuo_metric::new(m);
        assert_eq!((v.has_previous, v.previous), (true, 41.0));
    }

    fn blank_metric(struct_size: usize) -> shushuo_metric {
        // SAFETY: all-zero bytes are a valid shushuo_metric (NULL views,
        // the enums' first values, false, 0).
        let mut m: shushuo_metric = unsafe { std::mem::MaybeUninit::zeroed().assume_init() };
        m.struct_size = struct_size;
        m
    }

    #[test]
    fn growable_writes_the_layout_that_fits() {
        let m = leak_metric(
            r#"{"span":{"start":0,"end":5,"char_start":0,"char_end":3},
                "text":"67所","value":67.0,"unit":"所","kind":"count",
                "approx":"exact","change":"increase","indicator":"",
                "region":null,"period":null,"previous":41.0,"borderline":false}"#,
        );
        let full = std::mem::size_of::<shushuo_metric>();
        let [v1, v2, v3] = shushuo_metric::LAYOUT_ENDS else {
            panic!("three metric layouts")
        };
        assert_eq!(*v1, std::mem::offset_of!(shushuo_metric, has_previous));
        assert_eq!(*v2, std::mem::offset_of!(shushuo_metric, has_si));
        assert_eq!(*v3, full);

        // A caller of the current header gets everything.
        let mut out = blank_metric(full);
        unsafe { write_growable(&mut out, shushuo_metric::new(m)) }.unwrap();
        assert_eq!(
            (out.struct_size, out.value, out.has_previous, out.previous),
            (full, 67.0, true, 41.0)
        );

        // A caller compiled against layout 1 (or any size between the
        // layouts) gets layout 1 only: the later fields stay untouched.
        for size in [*v1, *v2 - 1] {
            let mut out = blank_metric(size);
            out.previous = -1.0;
            unsafe { write_growable(&mut out, shushuo_metric::new(m)) }.unwrap();
            assert_eq!((out.struct_size, out.value, out.char_end), (*v1, 67.0, 3));
            assert_eq!((out.has_previous, out.previous), (false, -1.0));
        }

        // A caller compiled against layout 2 gets previous, not the SI value.
        for size in [*v2, *v3 - 1] {
            let mut out = blank_metric(size);
            out.si_value = -1.0;
            unsafe { write_growable(&mut out, shushuo_metric::new(m)) }.unwrap();
            assert_eq!((out.struct_size, out.previous), (*v2, 41.0));
            assert_eq!((out.has_si, out.si_value), (false, -1.0));
            assert!(out.si_unit.data.is_null());
        }

        // A caller with a newer, larger struct gets what this library knows,
        // and learns how much from struct_size.
        #[repr(C)]
        struct Newer {
            m: shushuo_metric,
            later: u64,
        }
        let mut newer = Newer {
            m: blank_metric(std::mem::size_of::<Newer>()),
            later: 7,
        };
        unsafe { write_growable(&mut newer.m, shushuo_metric::new(m)) }.unwrap();
        assert_eq!(
            (newer.m.struct_size, newer.m.previous, newer.later),
            (full, 41.0, 7)
        );

        // Too small for the first layout: refused, nothing written.
        for size in [0, 8, *v1 - 1] {
            let mut out = blank_metric(size);
            let err = unsafe { write_growable(&mut out, shushuo_metric::new(m)) }.unwrap_err();
            assert_eq!(err.status, shushuo_status::OutOfRange);
            assert!(
                err.message.contains("sizeof(shushuo_metric)"),
                "{}",
                err.message
            );
            assert_eq!((out.struct_size, out.value), (size, 0.0));
        }
    }

    #[test]
    fn entity_layouts_end_at_char_end_then_canonical() {
        assert_eq!(
            shushuo_entity::LAYOUT_ENDS,
            [
                std::mem::offset_of!(shushuo_entity, code),
                std::mem::size_of::<shushuo_entity>()
            ]
        );
    }

    #[test]
    fn metric_view_carries_the_si_value() {
        let m = leak_metric(
            r#"{"span":{"start":0,"end":7,"char_start":0,"char_end":3},
                "text":"3亩","value":3.0,"unit":"亩","kind":"area",
                "approx":"exact","change":"none","indicator":"流转土地",
                "region":null,"period":null,"si_value":2000.0,"si_unit":"m2",
                "borderline":false}"#,
        );
        let v = shushuo_metric::new(m);
        assert_eq!(
            (v.has_si, v.si_value, as_str(v.si_unit)),
            (true, 2000.0, "m2")
        );

        // None, or half a pair (which the core never gives): no SI value.
        for si in ["", r#""si_value":2000.0,"#, r#""si_unit":"m2","#] {
            let m = leak_metric(&format!(
                r#"{{"span":{{"start":0,"end":3,"char_start":0,"char_end":3}},
                    "text":"8亿元","value":8e8,"unit":"元","kind":"money",
                    "approx":"exact","change":"none","indicator":"",
                    "region":null,"period":null,{si}"borderline":false}}"#
            ));
            let v = shushuo_metric::new(m);
            assert_eq!((v.has_si, v.si_value), (false, 0.0), "{si}");
            assert!(v.si_unit.data.is_null() && v.si_unit.len == 0, "{si}");
        }
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
        let e = leak_entity(
            r#"{"span":{"start":0,"end":9,"char_start":0,"char_end":3},
                "kind":"REGION","text":"江北区","normalized":"江北区"}"#,
        );
        let v = shushuo_entity::new(e);
        assert_eq!(v.struct_size, std::mem::size_of::<shushuo_entity>());
        assert_eq!((v.start, v.end, v.char_start, v.char_end), (0, 9, 0, 3));
        assert_eq!(v.kind, shushuo_entity_kind::Region);
        assert_eq!((as_str(v.text), as_str(v.normalized)), ("江北区", "江北区"));
        assert!(v.code.data.is_null() && v.code.len == 0);
        assert!(v.canonical.data.is_null() && v.canonical.len == 0);

        let e = leak_entity(
            r#"{"span":{"start":0,"end":3,"char_start":0,"char_end":1},
                "kind":"REGION","text":"冀","normalized":"冀",
                "code":"130000","canonical":"河北省"}"#,
        );
        let v = shushuo_entity::new(e);
        assert_eq!((as_str(v.code), as_str(v.canonical)), ("130000", "河北省"));
    }

    #[test]
    fn entity_layout_1_callers_get_no_code() {
        let e = leak_entity(
            r#"{"span":{"start":0,"end":9,"char_start":0,"char_end":3},
                "kind":"REGION","text":"河北省","normalized":"河北省",
                "code":"130000","canonical":"河北省"}"#,
        );
        let [v1, v2] = shushuo_entity::LAYOUT_ENDS else {
            panic!("two entity layouts")
        };
        // SAFETY: all-zero bytes are a valid shushuo_entity.
        let mut out: shushuo_entity = unsafe { std::mem::MaybeUninit::zeroed().assume_init() };
        out.struct_size = *v2 - 1;
        out.code.len = 99;
        unsafe { write_growable(&mut out, shushuo_entity::new(e)) }.unwrap();
        assert_eq!((out.struct_size, out.char_end), (*v1, 3));
        assert!(out.code.data.is_null() && out.code.len == 99);
        out.struct_size = *v2;
        unsafe { write_growable(&mut out, shushuo_entity::new(e)) }.unwrap();
        assert_eq!((out.struct_size, as_str(out.code)), (*v2, "130000"));
        assert_eq!(as_str(out.canonical), "河北省");
    }
}
