//! Resident memory of idle interpreters and of create/destroy cycles, read from
//! `/proc/self/statm` (resident pages; memory an arena reserves but never touches is not
//! counted). Run with `cargo bench -p pyrt-benches --bench memory_footprint`.

use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm");
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc_page_size() }
}

unsafe fn libc_page_size() -> usize {
    unsafe extern "C" {
        fn sysconf(name: i32) -> i64;
    }
    const SC_PAGESIZE: i32 = 30;
    // SAFETY: _SC_PAGESIZE is a valid name.
    unsafe { sysconf(SC_PAGESIZE) as usize }
}

/// Resident bytes per idle interpreter; with `objects`, each holds one live object in each of 8
/// size classes (what builtins will leave in every interpreter).
fn idle(lock: LockKind, n: usize, objects: bool) -> usize {
    // Warm up the allocator and the runtime's statics.
    let warm: Vec<_> = (0..64)
        .map(|_| Interpreter::new(InterpreterConfig { lock, ..InterpreterConfig::isolated() }).unwrap())
        .collect();
    warm.into_iter().for_each(|i| i.destroy().unwrap());
    let before = resident_bytes();
    let interps: Vec<_> = (0..n)
        .map(|_| {
            let i = Interpreter::new(InterpreterConfig { lock, ..InterpreterConfig::isolated() }).unwrap();
            // Idle, but entered once: a thread state came and went, as after real use.
            i.attach(|py| {
                py.check_eval_breaker().unwrap();
                if objects {
                    pyrt_benches::objects_in_8_classes(py);
                }
            })
            .unwrap();
            i
        })
        .collect();
    let per = (resident_bytes() - before) / n;
    interps.into_iter().for_each(|i| i.destroy().unwrap());
    per
}

const CHILD: &str = "PYRT_MEMORY_CHILD";

fn main() {
    // Each measurement runs in a fresh process, so that memory freed by one cannot hide the cost
    // of the next.
    if let Ok(which) = std::env::var(CHILD) {
        Runtime::initialize();
        match which.as_str() {
            "Own" => report_idle(LockKind::Own),
            "Shared" => report_idle(LockKind::Shared),
            "None" => report_idle(LockKind::None),
            "Own8" => {
                let n = 2000;
                println!(
                    "memory/idle_interpreter_Own_8_classes: {} bytes resident per interpreter ({n} interpreters, \
                     one live object in each of 8 size classes)",
                    idle(LockKind::Own, n, true)
                );
            }
            _ => cycles(),
        }
        // SAFETY: nothing is attached and no object is held.
        unsafe { Runtime::finalize() };
        return;
    }
    for which in ["Own", "Shared", "None", "Own8", "cycles"] {
        let out = std::process::Command::new(std::env::current_exe().unwrap()).env(CHILD, which).output().unwrap();
        print!("{}", String::from_utf8_lossy(&out.stdout));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

fn report_idle(lock: LockKind) {
    let n = 2000;
    println!(
        "memory/idle_interpreter_{lock:?}: {} bytes resident per interpreter ({n} interpreters)",
        idle(lock, n, false)
    );
}

fn cycles() {
    let start = resident_bytes();
    for _ in 0..1000 {
        let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        i.attach(|py| {
            for _ in 0..(1 << 20) / 256 {
                std::hint::black_box(pyrt::alloc::domains::malloc(py, 256).unwrap());
            }
        })
        .unwrap();
        i.destroy().unwrap();
    }
    let end = resident_bytes();
    println!(
        "memory/create_destroy_1000x1mib: resident {} KiB before, {} KiB after ({:+.2}%)",
        start / 1024,
        end / 1024,
        (end as f64 - start as f64) * 100.0 / start as f64
    );
}
