//! Compiles the runtime's modules written in Python (`src/modules/*.py`: the import system,
//! `codecs`, `abc`, ...) when the runtime is built, and writes each one's code in
//! `pyrt_compile::frozen`'s form to `OUT_DIR`, with a table `FROZEN_CODE` of (source, code)
//! pairs that `modules/embedded.rs` includes: making such a module then loads its code instead
//! of compiling it (loading the import system's code costs a few percent of compiling it).
//! A source that does not compile is left out of the table (the runtime compiles it, and
//! reports the error, when the module is made).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/modules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut sources: Vec<_> = std::fs::read_dir(dir)
        .expect("src/modules is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    sources.sort();
    let mut table = String::from(
        "/// (source, code in `pyrt_compile::frozen`'s form) of each module written in Python, made by build.rs.\n\
         static FROZEN_CODE: &[(&str, &[u8])] = &[\n",
    );
    for path in sources {
        let source = std::fs::read_to_string(&path).expect("an embedded source is UTF-8");
        let code = match pyrt_compile::compile(&source, "<frozen>", pyrt_syntax::Mode::Module) {
            Ok(code) => code,
            Err(e) => {
                println!("cargo:warning={}: {} (line {}): compiled at run time", path.display(), e.msg, e.lineno);
                continue;
            }
        };
        let stem = path.file_stem().expect("a file name").to_string_lossy().into_owned();
        let code_path = Path::new(&out_dir).join(format!("{stem}.code"));
        std::fs::write(&code_path, pyrt_compile::frozen::encode(&code)).expect("OUT_DIR is writable");
        let source_path = std::fs::canonicalize(&path).expect("the source exists");
        writeln!(table, "    (include_str!({:?}), include_bytes!({:?})),", source_path, code_path)
            .expect("writing to a String");
    }
    table.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("frozen_code.rs"), table).expect("OUT_DIR is writable");
}
