//! Differential test of the parser against CPython 3.13's `ast.parse` over two whole standard
//! libraries (3.13's and 3.11's, tests included).
//!
//! `syntax/scripts/gen_stdlib_ast_manifest.py`, run by CPython 3.13, records for every file
//! the sha256 of its source and either the sha256 of `ast.dump(ast.parse(source_bytes))` (and
//! of the dump with positions, `include_attributes=True`) or the exception CPython raised
//! (`syntax/tests/data/stdlib_ast_3.13.txt`). Here each file is decoded ([`decode_source`]),
//! parsed, dumped and hashed, and the results compared:
//!
//! * a file CPython accepts must give the same dump (the pass count), and is also counted when
//!   its positions match (the position count, reported);
//! * a file CPython rejects must give the same exception type, message and line.
//!
//! Files whose source differs from the one recorded (another installation) or that are absent
//! are skipped with a notice; without the stdlibs the test prints a notice and passes. Every
//! checked file must pass, and every accepted file must also have CPython's positions (both
//! are at 100%; the test was a ratchet on a stored floor until they got there).
//!
//! Debugging one file: `PYRT_AST_FILE=3.13/ast.py cargo test -p pyrt-syntax --test
//! parser_stdlib -- --nocapture` prints both dumps (CPython's computed by running 3.13) and the
//! first difference; `PYRT_AST_ATTRS=1` compares the dumps with positions.

use pyrt_syntax::{Mode, ast, decode_source, parse};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

const MANIFEST: &str = include_str!("data/stdlib_ast_3.13.txt");

fn root(version: &str) -> &'static str {
    match version {
        "3.13" => "/root/.pyenv/versions/3.13.0/lib/python3.13",
        _ => "/root/.pyenv/versions/3.11.7/lib/python3.11",
    }
}

fn sha(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Our result for one file, in the manifest's terms.
enum Outcome {
    /// `plain` is `None` when the dump with positions already matched.
    Ok {
        plain: Option<String>,
        attrs: String,
    },
    Err {
        kind: String,
        lineno: i32,
        msg: String,
    },
}

/// Parses and hashes the dumps. `expected_attrs` is the hash of CPython's dump with
/// positions: when ours matches it, the plain dump (a projection of it) matches too and is not
/// computed, which halves the work in the common case.
fn run(src_bytes: &[u8], expected_attrs: Option<&str>) -> Outcome {
    let src = match decode_source(src_bytes) {
        Ok(s) => s,
        Err(e) => return Outcome::Err { kind: e.kind.name().into(), lineno: e.lineno, msg: e.msg },
    };
    let arena = bumpalo::Bump::new();
    match parse(&src, Mode::Module, &arena) {
        Ok(tree) => match expected_attrs {
            Some(expected) => {
                let attrs = sha(ast::dump_with_attributes(&tree, &src).as_bytes());
                if attrs == expected {
                    Outcome::Ok { plain: None, attrs }
                } else {
                    Outcome::Ok { plain: Some(sha(ast::dump(&tree).as_bytes())), attrs }
                }
            }
            None => Outcome::Ok { plain: Some(sha(ast::dump(&tree).as_bytes())), attrs: String::new() },
        },
        Err(e) => Outcome::Err { kind: e.kind.name().into(), lineno: e.lineno, msg: e.msg },
    }
}

struct Entry<'m> {
    version: &'m str,
    rel: &'m str,
    src_sha: &'m str,
    expected: Vec<&'m str>,
}

fn entries() -> Vec<Entry<'static>> {
    MANIFEST
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Entry { version: f[0], rel: f[1], src_sha: f[2], expected: f[3..].to_vec() }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    checked: usize,
    passed: usize,
    positions: usize,
    accepted: usize,
    skipped: usize,
    failures: Vec<String>,
    position_failures: Vec<String>,
}

fn check(entry: &Entry<'_>, tally: &mut Tally) {
    let path = Path::new(root(entry.version)).join(entry.rel);
    let Ok(bytes) = std::fs::read(&path) else {
        tally.skipped += 1;
        return;
    };
    if sha(&bytes) != entry.src_sha {
        tally.skipped += 1;
        return;
    }
    tally.checked += 1;
    let name = format!("{}/{}", entry.version, entry.rel);
    let ours = run(&bytes, (entry.expected[0] == "OK").then(|| entry.expected[2]));
    match (entry.expected[0], ours) {
        ("OK", Outcome::Ok { plain, attrs }) => {
            tally.accepted += 1;
            if plain.as_deref().is_none_or(|p| p == entry.expected[1]) {
                tally.passed += 1;
                if attrs == entry.expected[2] {
                    tally.positions += 1;
                } else {
                    tally.position_failures.push(name);
                }
            } else {
                tally.failures.push(format!("{name}: dump differs"));
            }
        }
        ("OK", Outcome::Err { kind, lineno, msg }) => {
            tally.accepted += 1;
            tally.failures.push(format!("{name}: we reject ({kind}: {msg}, line {lineno})"));
        }
        (_, Outcome::Ok { .. }) => {
            tally.failures.push(format!("{name}: we accept, CPython raises {:?}", entry.expected))
        }
        (_, Outcome::Err { kind, lineno, msg }) => {
            let want = (entry.expected[1], entry.expected[2], entry.expected[3]);
            if (kind.as_str(), lineno.to_string().as_str(), msg.as_str()) == want {
                tally.passed += 1;
            } else {
                tally.failures.push(format!("{name}: we raise {kind} line {lineno}: {msg}; CPython {want:?}"));
            }
        }
    }
}

fn stdlibs_present() -> bool {
    Path::new(root("3.13")).is_dir() || Path::new(root("3.11")).is_dir()
}

#[test]
fn stdlib_parses_like_cpython_313() {
    if !stdlibs_present() {
        println!("notice: CPython 3.13/3.11 standard libraries not found; parser_stdlib skipped");
        return;
    }
    if let Ok(one) = std::env::var("PYRT_AST_FILE") {
        debug_one(&one);
        return;
    }
    let all = entries();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let chunk = all.len().div_ceil(threads);
    let tallies: Vec<(String, Tally)> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut by_version: Vec<(String, Tally)> = Vec::new();
                    for e in part {
                        let i = match by_version.iter().position(|(v, _)| v == e.version) {
                            Some(i) => i,
                            None => {
                                by_version.push((e.version.to_string(), Tally::default()));
                                by_version.len() - 1
                            }
                        };
                        check(e, &mut by_version[i].1);
                    }
                    by_version
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("worker panicked")).collect()
    });
    let mut total = Tally::default();
    let mut accepted = 0;
    for version in ["3.13", "3.11"] {
        let mut t = Tally::default();
        for (v, part) in tallies.iter().filter(|(v, _)| v == version) {
            let _ = v;
            t.checked += part.checked;
            t.passed += part.passed;
            t.positions += part.positions;
            t.accepted += part.accepted;
            t.skipped += part.skipped;
            t.failures.extend(part.failures.iter().cloned());
            t.position_failures.extend(part.position_failures.iter().cloned());
        }
        println!(
            "parser_stdlib {version}: {}/{} files identical ({} skipped); positions identical in {}/{} accepted files",
            t.passed, t.checked, t.skipped, t.positions, t.accepted
        );
        total.checked += t.checked;
        total.passed += t.passed;
        total.positions += t.positions;
        total.skipped += t.skipped;
        accepted += t.accepted;
        total.failures.extend(t.failures);
        total.position_failures.extend(t.position_failures);
    }
    for f in total.position_failures.iter().take(5) {
        println!("  positions differ: {f}");
    }
    for f in total.failures.iter().take(15) {
        println!("  mismatch: {f}");
    }
    println!(
        "parser_stdlib total: {}/{} identical, positions {}/{accepted}",
        total.passed, total.checked, total.positions
    );
    if total.skipped > 0 {
        println!("notice: {} files skipped (absent, or not the recorded version)", total.skipped);
    }
    assert_eq!(total.passed, total.checked, "files whose AST or error differs from CPython 3.13's");
    assert_eq!(total.positions, accepted, "accepted files whose positions differ from CPython 3.13's");
}

/// Prints CPython's and our dumps of one file (`3.13/relative/path.py`) and where they differ.
fn debug_one(name: &str) {
    let (version, rel) = name.split_once('/').expect("PYRT_AST_FILE is VERSION/relative/path.py");
    let path: PathBuf = Path::new(root(version)).join(rel);
    let attrs = std::env::var("PYRT_AST_ATTRS").is_ok();
    let bytes = std::fs::read(&path).expect("file exists");
    let script = format!(
        "import ast,sys; t=ast.parse(open(sys.argv[1],'rb').read()); sys.stdout.buffer.write(ast.dump(t, include_attributes={}).encode('utf-8','surrogatepass'))",
        if attrs { "True" } else { "False" }
    );
    let theirs = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", &script, path.to_str().unwrap_or_default()])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr))
        .unwrap_or_default();
    let src = decode_source(&bytes).map(|s| s.into_owned());
    let arena = bumpalo::Bump::new();
    let ours = match &src {
        Ok(src) => match parse(src, Mode::Module, &arena) {
            Ok(tree) => {
                if attrs {
                    ast::dump_with_attributes(&tree, src)
                } else {
                    ast::dump(&tree)
                }
            }
            Err(e) => format!("{}: {} (line {}, offset {})", e.kind.name(), e.msg, e.lineno, e.offset),
        },
        Err(e) => format!("{}: {}", e.kind.name(), e.msg),
    };
    println!("CPython:\n{theirs}\n\npyrt:\n{ours}\n");
    match ours.bytes().zip(theirs.bytes()).position(|(a, b)| a != b) {
        Some(i) => {
            let from = i.saturating_sub(200);
            println!(
                "first difference at byte {i}:\n  pyrt:    {}\n  CPython: {}",
                &ours[from..(i + 100).min(ours.len())],
                &theirs[from..(i + 100).min(theirs.len())]
            );
        }
        None if ours.len() == theirs.len() => println!("identical"),
        None => println!("one is a prefix of the other (lengths {} and {})", ours.len(), theirs.len()),
    }
}
