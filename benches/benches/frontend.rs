//! The front end over CPython 3.13's whole standard library: pyrt vs CPython's own `compile()`,
//! timed in the same run. `cargo bench -p pyrt-benches --bench frontend`.
//!
//! Method: every `.py` file under the 3.13 stdlib (tests included, `site-packages` excluded;
//! `PYRT_BENCH_STDLIB` overrides the directory) is read into memory once. Two pyrt passes:
//! `decode_source` + `parse` (exec mode) of each file into one arena that is reset between
//! files, and `decode_source` + `pyrt_compile::compile` (parse, symbol tables, code generation,
//! CFG passes, assembly: CPython's `compile()`). Each pass over all files is timed
//! `PYRT_BENCH_REPEAT` times (default 5) and the median reported. Then `python3.13` (and
//! `python3.11` when present) is spawned with a script that reads the same files into memory
//! and times passes of `compile(src, path, 'exec')` — and, for 3.13, of `ast.parse` — with the
//! same repeat count. The ratios printed are CPython's medians over pyrt's parse + compile
//! (compile rows) and parse (the `ast.parse` row). pyrt's memory: the parse arena's high-water
//! mark (the largest file's tree) and the process's peak RSS (`VmHWM`, which includes the
//! sources held in memory).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use pyrt_syntax::{Mode, decode_source, parse};

/// The timing script CPython runs: argv = file list, repeat count, mode ("compile" or "ast").
const CPYTHON_TIMER: &str = r#"
import sys, time, ast
paths = open(sys.argv[1], encoding="utf-8").read().split("\n")
repeat, mode = int(sys.argv[2]), sys.argv[3]
sources = [(p, open(p, "rb").read()) for p in paths if p]
flags = ast.PyCF_ONLY_AST if mode == "ast" else 0
times, errors = [], 0
for _ in range(repeat):
    errors = 0
    t0 = time.perf_counter()
    for path, src in sources:
        try:
            compile(src, path, "exec", flags, dont_inherit=True)
        except (SyntaxError, ValueError):
            errors += 1
    times.append(time.perf_counter() - t0)
print("times", *times)
print("errors", errors)
"#;

fn stdlib_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("PYRT_BENCH_STDLIB") {
        return PathBuf::from(dir);
    }
    let asked = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output();
    match asked {
        Ok(out) if out.status.success() => PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()),
        _ => PathBuf::from("/root/.pyenv/versions/3.13.0/lib/python3.13"),
    }
}

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "site-packages" && n != "__pycache__") {
                python_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One pass of pyrt over all sources: (ok files, rejected files, arena high-water bytes).
fn pyrt_pass(sources: &[Vec<u8>], arena: &mut bumpalo::Bump) -> (usize, usize, usize) {
    let (mut ok, mut rejected, mut high_water) = (0, 0, 0);
    for bytes in sources {
        let parsed = decode_source(bytes).and_then(|text| parse(&text, Mode::Module, arena).map(|_| ()));
        match parsed {
            Ok(()) => ok += 1,
            Err(_) => rejected += 1,
        }
        high_water = high_water.max(arena.allocated_bytes());
        arena.reset();
    }
    (ok, rejected, high_water)
}

/// One pass of `pyrt_compile::compile` over all sources: (compiled files, rejected files).
fn pyrt_compile_pass(paths: &[PathBuf], sources: &[Vec<u8>]) -> (usize, usize) {
    let (mut ok, mut rejected) = (0, 0);
    for (path, bytes) in paths.iter().zip(sources) {
        let compiled = decode_source(bytes)
            .and_then(|text| pyrt_compile::compile(&text, &path.to_string_lossy(), Mode::Module).map(|_| ()));
        match compiled {
            Ok(()) => ok += 1,
            Err(_) => rejected += 1,
        }
    }
    (ok, rejected)
}

/// The most common messages pyrt's compile rejects stdlib files with (CPython rejects 5): a
/// timing over files pyrt stops early on is not comparable, so the reader must see them.
fn print_top_rejections(sources: &[Vec<u8>]) {
    let mut messages: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for bytes in sources {
        let result = decode_source(bytes).and_then(|text| pyrt_compile::compile(&text, "x", Mode::Module).map(|_| ()));
        if let Err(e) = result {
            *messages.entry(e.msg).or_default() += 1;
        }
    }
    let mut top: Vec<_> = messages.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (msg, n) in top.iter().take(5) {
        println!("    rejected by pyrt compile: {n:>4} x {msg}");
    }
}

/// CPython's median pass time and error count, or None when that Python is not installed.
fn cpython_pass(version: &str, list: &Path, repeat: usize, mode: &str) -> Option<(Duration, usize)> {
    let out = Command::new("python3")
        .env("PYENV_VERSION", version)
        .args(["-c", CPYTHON_TIMER, &list.to_string_lossy(), &repeat.to_string(), mode])
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("python {version}: {}", String::from_utf8_lossy(&out.stderr).trim());
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut times = Vec::new();
    let mut errors = 0;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("times") => times.extend(words.map(|w| Duration::from_secs_f64(w.parse().expect("a time")))),
            Some("errors") => errors = words.next()?.parse().ok()?,
            _ => {}
        }
    }
    (!times.is_empty()).then(|| (median(times), errors))
}

fn peak_rss_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<usize>().ok()? * 1024)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let repeat: usize = std::env::var("PYRT_BENCH_REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let stdlib = stdlib_dir();
    let mut paths = Vec::new();
    python_files(&stdlib, &mut paths);
    if paths.is_empty() {
        println!("frontend: no .py files under {} (set PYRT_BENCH_STDLIB); skipped", stdlib.display());
        return;
    }
    let sources: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).expect("read a stdlib file")).collect();
    let total_bytes: usize = sources.iter().map(Vec::len).sum();
    println!(
        "front end over {} files ({:.1} MiB) of {}, median of {repeat} passes",
        paths.len(),
        mib(total_bytes),
        stdlib.display()
    );

    let mut arena = bumpalo::Bump::new();
    pyrt_pass(&sources, &mut arena); // warm-up: page in the allocator's memory
    let mut times = Vec::new();
    let mut outcome = (0, 0, 0);
    for _ in 0..repeat {
        let start = Instant::now();
        outcome = pyrt_pass(&sources, &mut arena);
        times.push(start.elapsed());
    }
    let pyrt = median(times);
    let (ok, rejected, high_water) = outcome;
    println!("{:<28} {:>9.1} ms   ({ok} parsed, {rejected} rejected)", "pyrt parse", pyrt.as_secs_f64() * 1e3);

    pyrt_compile_pass(&paths, &sources); // warm-up
    let mut times = Vec::new();
    let mut compiled = (0, 0);
    for _ in 0..repeat {
        let start = Instant::now();
        compiled = pyrt_compile_pass(&paths, &sources);
        times.push(start.elapsed());
    }
    let pyrt_compile = median(times);
    println!(
        "{:<28} {:>9.1} ms   ({} compiled, {} rejected)",
        "pyrt parse + compile",
        pyrt_compile.as_secs_f64() * 1e3,
        compiled.0,
        compiled.1
    );
    print_top_rejections(&sources);

    let list = std::env::temp_dir().join(format!("pyrt-frontend-bench-{}.txt", std::process::id()));
    let listing: String = paths.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(&list, listing).expect("write the file list");
    for (label, version, mode) in [
        ("CPython 3.13 compile()", "3.13.0", "compile"),
        ("CPython 3.13 ast.parse", "3.13.0", "ast"),
        ("CPython 3.11 compile()", "3.11.7", "compile"),
    ] {
        let (ours, what) = if mode == "ast" { (pyrt, "parse") } else { (pyrt_compile, "parse + compile") };
        match cpython_pass(version, &list, repeat, mode) {
            Some((t, errors)) => println!(
                "{label:<28} {:>9.1} ms   ({errors} rejected)   pyrt {what} is {:.2}x faster",
                t.as_secs_f64() * 1e3,
                t.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!("{label:<28} not available (PYENV_VERSION={version} python3)"),
        }
    }
    let _ = std::fs::remove_file(&list);
    println!(
        "pyrt peak memory: arena high-water {:.1} MiB (largest tree), process peak RSS {:.1} MiB (sources included)",
        mib(high_water),
        peak_rss_bytes().map_or(f64::NAN, mib)
    );
}
