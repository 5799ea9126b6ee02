//! What the benches share: the corpus they run on.

use std::path::Path;

/// The project's own reports, each as one document.
pub fn reports() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["tests/open/corpus", "tests/holdout/corpus"] {
        let entries = std::fs::read_dir(root.join(dir)).expect("the project's corpus is readable");
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    files.sort();
    files.push(root.join("examples/sample_report.txt"));
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("report is readable"))
        .collect()
}
