//! An HTML view of a document, in the manner of spaCy's displacy: the text
//! with metrics and each kind of entity highlighted in its own colour, a
//! label after each highlight and a hover title with the details.

use std::fmt::Write;

use shushuo::{Document, EntityKind, Span};

/// Background colour of metrics.
const METRIC_COLOUR: &str = "#ffd166";

/// Background colour of one kind of entity.
fn entity_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Region => "#9ad1f5",
        EntityKind::School => "#b8e986",
        EntityKind::Org => "#d7b8f3",
        EntityKind::Person => "#ffb3c7",
        EntityKind::Work => "#f7c59f",
        EntityKind::Date => "#d6d6d6",
        // Kinds added later show in a neutral colour until given their own.
        _ => "#e0e0e0",
    }
}

/// One highlight: byte range, label, colour and hover title.
struct Mark {
    span: Span,
    label: &'static str,
    colour: &'static str,
    title: String,
}

/// Escapes text for HTML element content and double- or single-quoted
/// attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The hover title of a metric.
fn metric_title(m: &shushuo::Metric) -> String {
    let mut t = format!("value: {}\nunit: {}", m.value, m.unit);
    if !m.indicator.is_empty() {
        let _ = write!(t, "\nindicator: {}", m.indicator);
    }
    let _ = write!(t, "\nkind: {}", m.kind);
    if m.approx != shushuo::Approx::Exact {
        let _ = write!(t, "\napprox: {}", m.approx);
    }
    if m.change != shushuo::Change::None {
        let _ = write!(t, "\nchange: {}", m.change);
    }
    if let Some(p) = &m.period {
        let _ = write!(t, "\nperiod: {p}");
    }
    if let Some(r) = &m.region {
        let _ = write!(t, "\nregion: {r}");
    }
    if m.borderline {
        t.push_str("\nborderline");
    }
    t
}

/// Chooses highlights that do not overlap: metrics first, then entities,
/// each kept only if it overlaps nothing chosen before. Sorted by start.
fn choose_marks(doc: &Document) -> Vec<Mark> {
    let metrics = doc.metrics.iter().map(|m| Mark {
        span: m.span,
        label: "METRIC",
        colour: METRIC_COLOUR,
        title: metric_title(m),
    });
    let entities = doc.entities.iter().map(|e| Mark {
        span: e.span,
        label: e.kind.as_str(),
        colour: entity_colour(e.kind),
        title: format!("{}\nnormalized: {}", e.kind, e.normalized),
    });
    let mut chosen: Vec<Mark> = Vec::new();
    for mark in metrics.chain(entities) {
        let overlaps = chosen
            .iter()
            .any(|c| mark.span.start < c.span.end && c.span.start < mark.span.end);
        if mark.span.start < mark.span.end && !overlaps {
            chosen.push(mark);
        }
    }
    chosen.sort_by_key(|m| m.span.start);
    chosen
}

/// Renders `text` (the text `doc` was extracted from) as an HTML fragment.
pub(crate) fn render(text: &str, doc: &Document) -> String {
    let marks = choose_marks(doc);
    let mut out = String::with_capacity(text.len() * 2 + 512);
    out.push_str(
        "<div class=\"shushuo-doc\" style=\"line-height:2.1;white-space:pre-wrap;\
         font-family:sans-serif;\">",
    );
    out.push_str(&legend(doc));
    let mut at = 0;
    for m in &marks {
        let (Some(before), Some(inner)) = (
            text.get(at..m.span.start),
            text.get(m.span.start..m.span.end),
        ) else {
            // Offsets that do not fit this text: show it plain.
            continue;
        };
        out.push_str(&escape(before));
        let _ = write!(
            out,
            "<mark class=\"shushuo-{cls}\" title=\"{title}\" style=\"background:{colour};\
             padding:0.1em 0.3em;margin:0 0.1em;border-radius:0.3em;\">{inner}\
             <span style=\"font-size:0.6em;font-weight:bold;margin-left:0.4em;\
             vertical-align:middle;\">{label}</span></mark>",
            cls = m.label.to_ascii_lowercase(),
            title = escape(&m.title),
            colour = m.colour,
            inner = escape(inner),
            label = m.label,
        );
        at = m.span.end;
    }
    out.push_str(&escape(text.get(at..).unwrap_or("")));
    out.push_str("</div>");
    out
}

/// A line of colour chips for the kinds present in `doc`.
fn legend(doc: &Document) -> String {
    let mut kinds: Vec<(&str, &str)> = Vec::new();
    if !doc.metrics.is_empty() {
        kinds.push(("METRIC", METRIC_COLOUR));
    }
    for kind in EntityKind::ALL {
        if doc.entities.iter().any(|e| e.kind == *kind) {
            kinds.push((kind.as_str(), entity_colour(*kind)));
        }
    }
    let mut out = String::from("<div class=\"shushuo-legend\" style=\"font-size:0.8em;\">");
    for (label, colour) in kinds {
        let _ = write!(
            out,
            "<span style=\"background:{colour};padding:0.1em 0.4em;margin-right:0.4em;\
             border-radius:0.3em;\">{label}</span>"
        );
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn span(text: &str, part: &str) -> serde_json::Value {
        let start = text.find(part).unwrap();
        let end = start + part.len();
        json!({
            "start": start,
            "end": end,
            "char_start": text[..start].chars().count(),
            "char_end": text[..end].chars().count(),
        })
    }

    #[test]
    fn marks_escape_and_skip_overlaps() {
        let text = "<b>江北区新增学位8660个&</b>";
        // The core's records are `#[non_exhaustive]`: build them from JSON.
        let doc: Document = serde_json::from_value(json!({
            "region": null,
            "metrics": [{
                "span": span(text, "8660个"),
                "text": "8660个",
                "value": 8660.0,
                "unit": "个",
                "kind": "count",
                "approx": "exact",
                "change": "none",
                "indicator": "新增\"学位\"",
                "region": null,
                "period": null,
                "borderline": false,
            }],
            "entities": [
                {"span": span(text, "江北区"), "kind": "REGION", "text": "江北区", "normalized": "江北区"},
                {"span": span(text, "60个"), "kind": "ORG", "text": "60个", "normalized": "60个"},
            ],
        }))
        .unwrap();
        let html = render(text, &doc);
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("&amp;&lt;/b&gt;"));
        assert!(html.contains("indicator: 新增&quot;学位&quot;"));
        assert_eq!(html.matches("<mark").count(), 2, "{html}");
        assert!(!html.contains("<b>"));
    }
}
