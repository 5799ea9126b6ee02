//! The records extraction produces: [`Document`], [`Metric`], [`Entity`].

use serde::{Deserialize, Serialize};

/// Where a record sits in the caller's original text, in two units.
///
/// `start..end` are **byte** offsets (what Rust and C slice by);
/// `char_start..char_end` are **char** (Unicode code point) offsets (what
/// Python `str` indexes by). Both are end-exclusive and always point into the
/// original text, even where normalisation joined stray spaces.
///
/// ```
/// use shushuo::Extractor;
/// let text = "全区新增学位8660个。";
/// let doc = Extractor::new().extract(text);
/// let m = &doc.metrics[0];
/// assert_eq!(&text[m.span.start..m.span.end], "8660个");
/// assert_eq!(m.span.char_start, 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Char offset of the first char.
    pub char_start: usize,
    /// Char offset one past the last char.
    pub char_end: usize,
}

impl Span {
    /// The slice of `text` this span covers (`text` must be the extracted text).
    ///
    /// ```
    /// use shushuo::Span;
    /// let s = Span { start: 0, end: 3, char_start: 0, char_end: 1 };
    /// assert_eq!(s.slice("数说"), "数");
    /// ```
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// How the quantity relates to the true figure (`约`, `余`, `不足`…).
///
/// ```
/// use shushuo::Approx;
/// assert_eq!(Approx::Over.as_str(), "over");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    /// Stated exactly.
    #[default]
    Exact,
    /// Roughly: 约, 左右, 近, 大约, 上下, 将近.
    About,
    /// At least: 余, 多, 以上, 超过, 逾, 超, 过.
    Over,
    /// At most: 不足, 不到, 以下, 未满.
    Under,
}

/// Whether the quantity is a change against an earlier value.
///
/// ```
/// use shushuo::Change;
/// assert_eq!(Change::Increase.as_str(), "increase");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// A level, a count or a share, not a change.
    #[default]
    None,
    /// A rise: 增长12%, 比上年增加442亩, 提高.
    Increase,
    /// A fall: 下降3个百分点, 减少.
    Decrease,
}

/// What sort of thing a quantity measures, from its unit.
///
/// ```
/// use shushuo::QuantityKind;
/// assert_eq!(QuantityKind::Money.as_str(), "money");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// A count with a measure word (所, 个, 名, 人次…).
    #[default]
    Count,
    /// An amount of money (元).
    Money,
    /// An area (平方米, 亩…).
    Area,
    /// A length, weight or volume.
    Measure,
    /// A duration (年, 个月, 天…).
    Duration,
    /// A percentage, fraction or percentage-point figure.
    Percent,
    /// A multiple (倍).
    Ratio,
    /// A rank (第3名, 名列第一).
    Rank,
    /// A score or the level of an index, in points (考生平均512.3分,
    /// 满意度得分95.6分, 综指收于3200.5点).
    Score,
}

/// The type of an [`Entity`].
///
/// ```
/// use shushuo::EntityKind;
/// assert_eq!(EntityKind::School.as_str(), "SCHOOL");
/// assert_eq!("ORG".parse::<EntityKind>(), Ok(EntityKind::Org));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person's name, without title.
    Person,
    /// A country, province, city, district, county, town, street or new area.
    Region,
    /// A school, kindergarten, university, college or named campus.
    School,
    /// Any other organisation: government or party body, institute, media…
    Org,
    /// A title inside 《》.
    Work,
    /// A calendar date, month or year, absolute or relative.
    Date,
}

macro_rules! str_enum {
    ($ty:ty { $($variant:ident => $s:literal),* $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];

            /// The name used in JSON and by the scorer.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $s),* }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($s => Ok(<$ty>::$variant),)*
                    _ => Err(crate::Error::InvalidOptions(format!(
                        concat!("unknown ", stringify!($ty), " {:?}"), s))),
                }
            }
        }
    };
}

str_enum!(Approx { Exact => "exact", About => "about", Over => "over", Under => "under" });
str_enum!(Change { None => "none", Increase => "increase", Decrease => "decrease" });
str_enum!(QuantityKind {
    Count => "count", Money => "money", Area => "area", Measure => "measure",
    Duration => "duration", Percent => "percent", Ratio => "ratio", Rank => "rank",
    Score => "score",
});
str_enum!(EntityKind {
    Person => "PERSON", Region => "REGION", School => "SCHOOL",
    Org => "ORG", Work => "WORK", Date => "DATE",
});

/// One stated quantity and what it says.
///
/// ```
/// use shushuo::{Approx, Extractor};
/// let doc = Extractor::new().extract("累计投入资金31.96亿元，惠及近3.4万名学生。");
/// let money = &doc.metrics[0];
/// assert_eq!(money.text, "31.96亿元");
/// assert_eq!(money.value, 3_196_000_000.0);
/// assert_eq!(money.unit, "元");
/// let pupils = &doc.metrics[1];
/// assert_eq!((pupils.value, pupils.approx), (34_000.0, Approx::About));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Where the quantity (approximation words, number, multiplier, unit) stands.
    pub span: Span,
    /// The quantity exactly as written in the original text.
    pub text: String,
    /// The number with multipliers applied (`3.8万` → 38000); percentages keep
    /// the percent number, fractions become percentages (`四分之一` → 25).
    pub value: f64,
    /// The unit without multiplier: `元`, `平方米`, `所`, `%`, `倍`, `名次`.
    pub unit: String,
    /// What sort of quantity this is, from its unit.
    pub kind: QuantityKind,
    /// Exact, about, over or under.
    pub approx: Approx,
    /// Whether this is a change against an earlier value.
    pub change: Change,
    /// What is measured, in the text's own words (`新增公办中小学学位`).
    pub indicator: String,
    /// The district or city the figure belongs to, as a full name.
    pub region: Option<String>,
    /// The time frame stated in the sentence (`2021年`, `近5年`).
    pub period: Option<String>,
    /// The earlier value of a from–to pair (`由41所增加到67所`: 41 on the
    /// metric of `67所`), in the same unit; `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<f64>,
    /// The value in an SI unit where the unit has one: lengths in `m`, areas
    /// in `m2`, volumes in `m3`, masses in `kg`, energy in `J`, power in `W`,
    /// temperatures in `K`, data in `B` (`3亩` → 2000 `m2`, `35℃` → 308.15 `K`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    /// The SI unit of [`si_value`](Self::si_value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<String>,
    /// Borderline quantities (vague counts, durations, range ends) that an
    /// analyst may want to drop.
    pub borderline: bool,
}

/// One mention of a named thing.
///
/// ```
/// use shushuo::{EntityKind, Extractor};
/// let doc = Extractor::new().extract("2022年9月22日，教育部印发通知。");
/// let date = doc.entities.iter().find(|e| e.kind == EntityKind::Date).unwrap();
/// assert_eq!(date.normalized, "2022-09-22");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention stands.
    pub span: Span,
    /// Its type.
    pub kind: EntityKind,
    /// The mention exactly as written (without 《》 for works).
    pub text: String,
    /// The canonical form: traditional chars folded to simplified (`綿陽市` →
    /// `绵阳市`), stray spaces removed; ISO form for absolute dates
    /// (`2022-09-22`, `2021`, `2021-03`) and for relative dates resolved
    /// against the reference date.
    pub normalized: String,
    /// For a REGION of China: its six-digit division code (GB/T 2260) from
    /// the gazetteer (`冀` → `130000`, `涪城区` → `510703`); `None` for other
    /// kinds, foreign countries, towns and zones without a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The full name the mention stands for: a region's official name in
    /// simplified characters (`冀` → `河北省`, `台北` → `台北市`), or, for
    /// an organisation or school named in full elsewhere in the same text,
    /// that full name (`宁德时代` → `宁德时代新能源科技股份有限公司`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

/// Everything extracted from one text.
///
/// ```
/// use shushuo::{EntityKind, Extractor};
/// let doc = Extractor::new().extract("江北区新建学校5所。");
/// assert_eq!(doc.metrics.len(), 1);
/// assert_eq!(doc.region.as_deref(), Some("江北区"));
/// assert!(doc.distinct(EntityKind::Region).contains(&"江北区"));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The region the text is about (the one its first section is about).
    pub region: Option<String>,
    /// Every metric, in text order.
    pub metrics: Vec<Metric>,
    /// Every entity mention, in text order.
    pub entities: Vec<Entity>,
}

impl Document {
    /// The distinct normalized forms of one kind of entity, in order of first mention.
    pub fn distinct(&self, kind: EntityKind) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.entities
            .iter()
            .filter(|e| e.kind == kind && seen.insert(e.normalized.as_str()))
            .map(|e| e.normalized.as_str())
            .collect()
    }

    /// The mentions of one kind of entity, in text order.
    ///
    /// ```
    /// use shushuo::{EntityKind, Extractor};
    /// let doc = Extractor::new().extract("《光明日报》报道了此事。");
    /// let works: Vec<_> = doc.entities_of(EntityKind::Work).map(|e| e.text.as_str()).collect();
    /// assert_eq!(works, ["光明日报"]);
    /// ```
    pub fn entities_of(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }
}
