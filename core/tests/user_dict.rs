//! User dictionaries end to end: names found, units read, built-in
//! matches stopped, and the dictionary carried by the options.

use shushuo::{EntityKind, Error, Extractor, Options, UserDict};

fn kinds(ex: &Extractor, text: &str) -> Vec<(String, EntityKind)> {
    ex.extract(text)
        .entities
        .into_iter()
        .map(|e| (e.text, e.kind))
        .collect()
}

#[test]
fn names_units_and_stops() {
    let text = "江北新苗学堂今年发表论文12篇，华新智造公司在江北区落户。";
    let plain = Extractor::new();
    assert!(kinds(&plain, text).contains(&("江北区".into(), EntityKind::Region)));
    let dict = UserDict::parse(
        "江北新苗学堂 SCHOOL\n华新智造公司 nt\n篇 UNIT count\n江北区 STOP\n",
        "<string>",
    )
    .unwrap();
    let ex = Extractor::builder().user_dict(dict).build().unwrap();
    let found = kinds(&ex, text);
    assert!(
        found.contains(&("江北新苗学堂".into(), EntityKind::School)),
        "{found:?}"
    );
    assert!(
        found.contains(&("华新智造公司".into(), EntityKind::Org)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(t, _)| t == "江北区"),
        "stopped: {found:?}"
    );
    let doc = ex.extract(text);
    assert_eq!(
        (doc.metrics[0].value, doc.metrics[0].unit.as_str()),
        (12.0, "篇")
    );
}

#[test]
fn a_traditional_entry_finds_both_scripts() {
    let dict = UserDict::parse("東華實驗學校 SCHOOL", "<string>").unwrap();
    let ex = Extractor::builder().user_dict(dict).build().unwrap();
    for text in ["东华实验学校招生200人。", "東華實驗學校招生200人。"] {
        let found = kinds(&ex, text);
        assert_eq!(found[0].1, EntityKind::School, "{text}: {found:?}");
        assert_eq!(found[0].0.chars().count(), 6, "{text}: {found:?}");
    }
}

#[test]
fn options_json_reads_dictionary_files() {
    let dir = std::env::temp_dir().join(format!("shushuo-ud-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "江北新苗学堂 SCHOOL\n").unwrap();
    std::fs::write(&b, "篇 UNIT count\n").unwrap();
    let json = format!(
        r#"{{"reference_date":"2023-06-30","user_dict":[{:?},{:?}]}}"#,
        a.display().to_string(),
        b.display().to_string()
    );
    let o = Options::from_json(&json).unwrap();
    assert_eq!(o.extra_entities[&EntityKind::School], ["江北新苗学堂"]);
    assert!(o.extra_units.contains_key("篇"));
    // The options keep the entries, not the paths: they round-trip as JSON.
    let again = Options::from_json(&serde_json::to_string(&o).unwrap()).unwrap();
    assert_eq!(again, o);
    // A bad line names its file and line.
    std::fs::write(&b, "篇 UNIT count\n坏 FOO\n").unwrap();
    let err = Options::from_json(&json).unwrap_err();
    assert!(
        matches!(err, Error::InvalidUserDict { line: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("b.txt:2"), "{err}");
    assert!(Options::from_json(r#"{"user_dict":3}"#).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}
