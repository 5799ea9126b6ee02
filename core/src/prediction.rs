//! The prediction format of the evaluation scorer (`eval/FORMAT.md` of the
//! project's yardstick): one JSON object per document, written by
//! [`Document::prediction`] for the Rust example and the Python command
//! alike, so that the two cannot drift.

use serde_json::{json, Value};

use crate::{Document, EntityKind};

impl Document {
    /// The document as one line of the scorer's prediction format: `doc`
    /// (a name), `metrics` with char offsets, value, unit, approximation,
    /// indicator, change, region and period, and `entities` by kind and
    /// surface text (each once, spaces ignored; a DATE also gives its ISO
    /// form as `value`). `metrics` / `entities` false leave that list empty.
    ///
    /// ```
    /// use shushuo::Extractor;
    /// let doc = Extractor::new().extract("全区新增学位8660个。");
    /// let line: serde_json::Value = serde_json::from_str(&doc.prediction("r1", true, true))?;
    /// assert_eq!(line["doc"], "r1");
    /// assert_eq!((line["metrics"][0]["start"].as_u64(), line["metrics"][0]["end"].as_u64()), (Some(6), Some(11)));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn prediction(&self, doc: &str, metrics: bool, entities: bool) -> String {
        let metric_rows: Vec<Value> = if metrics {
            self.metrics
                .iter()
                .map(|m| {
                    json!({
                        "start": m.span.char_start, "end": m.span.char_end,
                        "value": m.value, "unit": m.unit, "approx": m.approx,
                        "indicator": m.indicator, "change": m.change,
                        "region": m.region, "period": m.period,
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut seen = std::collections::HashSet::new();
        let entity_rows: Vec<Value> = if entities {
            self.entities
                .iter()
                .filter(|e| seen.insert((e.kind, e.text.split_whitespace().collect::<String>())))
                .map(|e| match e.kind {
                    EntityKind::Date => {
                        json!({"type": e.kind, "text": e.text, "value": e.normalized})
                    }
                    _ => json!({"type": e.kind, "text": e.text}),
                })
                .collect()
        } else {
            Vec::new()
        };
        json!({"doc": doc, "metrics": metric_rows, "entities": entity_rows}).to_string()
    }
}
