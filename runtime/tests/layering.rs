//! The layering rule of DESIGN.md ("Layering"): data flows one way, host → `state` → `eval` →
//! `object` / `alloc`, and a lower room never names a higher one.
//!
//! This test reads the crate's sources and lists every path a file of `alloc`, `object` or
//! `eval` names at the crate's top level (`crate::state::...`, `crate::{state, ...}`,
//! `crate::Interpreter`, ...), outside comments and `#[cfg(test)]` code (tests may build
//! interpreters). Each layer has roots it may not name at all, and a ledger of the upward reaches
//! that remain, per file and root with their count: a new reach fails the test, and so does a
//! ledger entry that is larger than what the file still has (lower it when you remove one).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The crate-root names that belong to a layer above `object`: `state` and what the crate root
/// re-exports from it, the `Python` token's module, the host API (`run`) — and `eval`/`modules`.
const ABOVE_OBJECT: &[&str] = &[
    "state",
    "Interpreter",
    "InterpreterConfig",
    "LockKind",
    "PendingCall",
    "Runtime",
    "ThreadState",
    "attach",
    "python",
    "run",
    "eval",
    "modules",
    "lock",
];

/// What `alloc` may not name: everything above it, the object model included.
const ABOVE_ALLOC: &[&str] = &[
    "state",
    "Interpreter",
    "InterpreterConfig",
    "LockKind",
    "PendingCall",
    "Runtime",
    "ThreadState",
    "attach",
    "python",
    "Python",
    "run",
    "eval",
    "modules",
    "lock",
    "object",
    "error",
];

/// What `eval` may not name: `state` and the host API.
const ABOVE_EVAL: &[&str] =
    &["state", "Interpreter", "InterpreterConfig", "LockKind", "PendingCall", "Runtime", "ThreadState", "run"];

/// The upward reaches that remain: (file under `src/`, root, count). See DESIGN.md "Layering".
const LEDGER: &[(&str, &str, usize)] = &[
    // object → eval: the frame and traceback types are made with the static types, functions
    // call into the loop, generators resume it, `super()` reads the caller's frame.
    ("object/core_types.rs", "eval", 2),
    ("object/descriptors.rs", "eval", 1),
    // Generators also park the loop's frame record while suspended. Finalizers and dying
    // coroutines print unraisable exceptions with the traceback module's formatting.
    ("object/generator.rs", "eval", 5),
    ("object/finalize.rs", "eval", 1),
    ("object/immortal.rs", "eval", 2),
    // object → modules: `_thread`'s types are static types; suggestions use `dir` and import.
    ("object/immortal.rs", "modules", 2),
    ("object/suggestions.rs", "modules", 2),
    // object → modules: DeprecationWarning / RuntimeWarning go through the `warnings` module's
    // filters (CPython's `PyErr_WarnEx`, Python/_warnings.c).
    ("object/core_types.rs", "modules", 1),
    ("object/generator.rs", "modules", 2),
    // object → modules: int↔str conversion reads `sys.get_int_max_str_digits()`'s per-interpreter
    // limit; a DeprecationWarning as above.
    ("object/int_methods.rs", "modules", 2),
    // object → modules: `object.__new__` refuses a class with abstract methods (`abc`'s rule,
    // which CPython keeps in typeobject.c; pyrt's `abc` lives in modules); a class namespace
    // with a non-str key warns RuntimeWarning (gh-55664), as above.
    ("object/classobj.rs", "modules", 2),
    // object → lock: the header's per-object mutex (whose slow path detaches through `state`).
    ("object/header.rs", "lock", 1),
    // eval → state: trace and profile hooks live in the thread state; the eval breaker's check
    // at `RESUME` and backward jumps.
    ("eval/trace.rs", "state", 1),
    ("eval/mod.rs", "state", 4),
];

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source with comments, string and character literals blanked out (newlines kept).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let blank = |out: &mut String, s: &[u8]| {
        for &c in s {
            out.push(if c == b'\n' { '\n' } else { ' ' });
        }
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(rest.len(), |e| e + 4);
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with(b"r#\"") || rest.starts_with(b"r\"") || rest.starts_with(b"br\"") {
            let start = rest.iter().position(|&c| c == b'"').expect("a raw string");
            let hashes = rest[..start].iter().filter(|&&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let end = src[i + start + 1..].find(&close).map_or(rest.len(), |e| start + 1 + e + close.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != b'"' {
                j += if rest[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'\'' {
            // A character literal ('x', '\n', '\u{7f}'), else a lifetime.
            let end = if rest.len() > 2 && rest[1] == b'\\' {
                rest[3..].iter().position(|&c| c == b'\'').map_or(1, |e| e + 4)
            } else if rest.len() > 2 && rest[2] == b'\'' {
                3
            } else {
                // A multi-byte character literal, or a lifetime.
                match std::str::from_utf8(&rest[1..rest.len().min(6)]).ok().and_then(|s| s.chars().next()) {
                    Some(c) if c.len_utf8() > 1 && rest.get(1 + c.len_utf8()) == Some(&b'\'') => 2 + c.len_utf8(),
                    _ => 1,
                }
            };
            blank(&mut out, &rest[..end]);
            i += end;
        } else {
            let ch = src[i..].chars().next().expect("a character");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Blanks the items that carry a `#[cfg(...)]` attribute mentioning `test` (a test module, a
/// test-only function or import). `code` has no comments or literals left.
fn without_test_items(code: &str) -> String {
    let mut out: Vec<u8> = code.as_bytes().to_vec();
    let mut search = 0;
    while let Some(at) = code[search..].find("#[cfg(") {
        let attr_start = search + at;
        let attr_end = attr_start + code[attr_start..].find(']').expect("an attribute end") + 1;
        search = attr_end;
        let attr = &code[attr_start..attr_end];
        if !attr.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == "test") || attr.contains("not(test)") {
            continue;
        }
        // The item: up to its first `;` at depth 0 or the end of its first `{ ... }` block.
        let mut depth = 0usize;
        let mut end = code.len();
        for (k, c) in code[attr_end..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = attr_end + k + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = attr_end + k + 1;
                    break;
                }
                _ => {}
            }
        }
        for byte in &mut out[attr_start..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        search = end;
    }
    String::from_utf8(out).expect("ASCII blanks keep UTF-8 valid")
}

/// The crate-root names `code` uses: `crate::NAME` and the top-level names of `crate::{...}`.
fn crate_roots(code: &str) -> Vec<String> {
    let mut roots = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `mycrate::`, `$crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: split at depth-0 commas.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        item.push(c);
                    }
                    '}' if depth == 0 => break,
                    '}' => {
                        depth -= 1;
                        item.push(c);
                    }
                    ',' if depth == 0 => {
                        roots.push(first_name(&item));
                        item.clear();
                    }
                    _ => item.push(c),
                }
            }
            if !item.trim().is_empty() {
                roots.push(first_name(&item));
            }
        } else {
            roots.push(first_name(rest));
        }
    }
    roots.retain(|r| !r.is_empty());
    roots
}

fn first_name(s: &str) -> String {
    s.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// Files declared as test-only modules (`#[cfg(...test...)] mod name;`).
fn test_only_files(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut test_files = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(f).expect("a source file");
        let lines: Vec<&str> = src.lines().collect();
        for (k, line) in lines.iter().enumerate() {
            let t = line.trim();
            let Some(name) = t.strip_prefix("mod ").or_else(|| t.strip_prefix("pub(crate) mod ")) else { continue };
            let Some(name) = name.strip_suffix(';') else { continue };
            if k > 0 && lines[k - 1].trim().starts_with("#[cfg(") && lines[k - 1].contains("test") {
                let dir = if f.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs") {
                    f.parent().expect("a parent").to_path_buf()
                } else {
                    f.with_extension("")
                };
                test_files.push(dir.join(format!("{name}.rs")));
            }
        }
    }
    test_files
}

/// (file under `src/`, root) → count, for the non-test code of `layer`'s files.
fn reaches(layer: &str, forbidden: &[&str]) -> BTreeMap<(String, String), usize> {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src.join(layer), &mut files);
    let tests = test_only_files(&files);
    let mut found = BTreeMap::new();
    for f in files.iter().filter(|f| !tests.contains(f)) {
        let code = without_test_items(&code_only(&std::fs::read_to_string(f).expect("a source file")));
        let rel = f.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
        for root in crate_roots(&code) {
            if forbidden.contains(&root.as_str()) {
                *found.entry((rel.clone(), root)).or_insert(0) += 1;
            }
        }
    }
    found
}

fn check(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let found = reaches(layer, forbidden);
    let mut problems = Vec::new();
    for ((file, root), n) in &found {
        let allowed = LEDGER.iter().find(|(f, r, _)| f == file && r == root).map_or(0, |e| e.2);
        if *n > allowed {
            problems.push(format!("{file} names crate::{root} {n} time(s) (the ledger allows {allowed})"));
        }
    }
    for (file, root, n) in LEDGER.iter().filter(|(f, _, _)| f.starts_with(&format!("{layer}/"))) {
        let have = found.get(&(file.to_string(), root.to_string())).copied().unwrap_or(0);
        if have < *n {
            problems.push(format!("{file}: the ledger allows {n} crate::{root}, only {have} remain: lower it"));
        }
    }
    problems
}

#[test]
fn lower_layers_never_name_higher_ones() {
    let mut problems = check("alloc", ABOVE_ALLOC);
    problems.extend(check("object", ABOVE_OBJECT));
    problems.extend(check("eval", ABOVE_EVAL));
    assert!(problems.is_empty(), "layering (DESIGN.md \"Layering\"):\n  {}", problems.join("\n  "));
}

#[test]
fn object_and_alloc_do_not_name_state_at_all() {
    let strict = ["state", "Interpreter", "Runtime", "ThreadState", "InterpreterConfig", "LockKind", "PendingCall"];
    let found: Vec<_> = reaches("object", &strict).into_iter().chain(reaches("alloc", &strict)).collect();
    assert!(found.is_empty(), "object/alloc name state: {found:?}");
}

#[test]
fn the_scanner_sees_paths_groups_and_skips_tests_and_comments() {
    let src = r#"
use crate::state::thread_state;
use crate::{alloc::Arena, eval::{self, run}, sync};
// crate::run in a comment
/* crate::modules in a block comment */
fn f() -> &'static str { let _c = '{'; let _q = '\''; "crate::Runtime in a string" }
#[cfg(all(test, not(loom)))]
mod tests {
    fn g() { crate::Interpreter::new(); let _ = "}"; }
}
fn h() { crate::python::x(); }
"#;
    let roots = crate_roots(&without_test_items(&code_only(src)));
    assert_eq!(roots, ["state", "alloc", "eval", "sync", "python"]);
}
