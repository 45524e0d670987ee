// Forwards the target triple to the C-program tests (cc needs it; cargo sets TARGET only for
// build scripts).
fn main() {
    println!("cargo::rustc-env=PYRT_ABI_TARGET={}", std::env::var("TARGET").unwrap());
    println!("cargo::rerun-if-changed=build.rs");
}
