//! The checked-in files made from this crate: `include/shushuo.h` must be
//! what cbindgen generates, and `shushuo.pc` must carry the crate version.

use std::path::Path;

#[test]
fn header_is_up_to_date() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).unwrap();
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen could not read ffi/src")
        .write(&mut generated);
    let path = crate_dir.join("../include/shushuo.h");
    if std::env::var_os("SHUSHUO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "include/shushuo.h is out of date with ffi/src; regenerate it with\n  \
         SHUSHUO_BLESS=1 cargo test -p shushuo-ffi --test header\nand commit it"
    );
}

#[test]
fn pkg_config_file_has_the_crate_version() {
    let pc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("shushuo.pc")).unwrap();
    let version = concat!("\nVersion: ", env!("CARGO_PKG_VERSION"), "\n");
    assert!(
        pc.contains(version),
        "ffi/shushuo.pc needs `{}`",
        version.trim()
    );
}
