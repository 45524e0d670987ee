//! Resident memory of idle interpreters and of create/destroy cycles, read from
//! `/proc/self/statm` (resident pages; memory an arena reserves but never touches is not
//! counted). Run with `cargo bench -p pyrt-benches --bench memory_footprint`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

/// The system allocator, counting the bytes live in it: the Rust heap an interpreter owns
/// (its state structs, tables, `Vec`s) beside what its arena holds.
struct CountingAlloc;

static HEAP_LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to `System` with the caller's layout; the counter only
// records sizes.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HEAP_LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is `GlobalAlloc::alloc`'s, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        HEAP_LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as in `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HEAP_LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with `layout` (every allocation goes there).
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HEAP_LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as in `dealloc`; `new_size` is the caller's, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

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
            "Ready" => ready(),
            _ => cycles(),
        }
        // SAFETY: nothing is attached and no object is held.
        unsafe { Runtime::finalize() };
        return;
    }
    for which in ["Own", "Shared", "None", "Own8", "Ready", "cycles"] {
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

/// Per idle interpreter made ready as `pyrt -c pass` leaves it (`builtins`, `sys`, `__main__`;
/// `pyrt_benches::make_ready`), counted three ways: resident growth of the process, the Rust
/// heap's growth (`CountingAlloc`), and the arena's own figures (live blocks; pages charged).
fn ready() {
    let n = 500;
    let make = || {
        let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        i.attach(|py| pyrt_benches::make_ready(py)).unwrap();
        i
    };
    // Warm up the process-wide statics (immortal builtin functions, interned names, type dicts).
    let warm: Vec<_> = (0..64).map(|_| make()).collect();
    warm.into_iter().for_each(|i| i.destroy().unwrap());
    // Which step leaves the Rust heap behind: one interpreter made ready step by step.
    let heap = || HEAP_LIVE.load(Ordering::Relaxed);
    let h0 = heap();
    let stepped = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let h1 = heap();
    stepped.attach(|py| py.check_eval_breaker().unwrap()).unwrap();
    let h2 = heap();
    stepped.attach(|py| pyrt::run::configure_main(py, &["-c".to_string()], Some(""), false).unwrap()).unwrap();
    let h3 = heap();
    stepped.attach(|py| pyrt::run::exec(py, b"pass", "<string>").unwrap()).unwrap();
    let h4 = heap();
    stepped.destroy().unwrap();
    println!(
        "memory/ready_rust_heap_steps: Interpreter::new {} B, first attach {} B, configure_main (sys, builtins, \
         sys.modules) {} B, exec(\"pass\") (__main__) {} B",
        h1 - h0,
        h2 - h1,
        h3 - h2,
        h4 - h3
    );
    let (rss0, heap0) = (resident_bytes(), HEAP_LIVE.load(Ordering::Relaxed));
    let interps: Vec<_> = (0..n).map(|_| make()).collect();
    let (rss1, heap1) = (resident_bytes(), HEAP_LIVE.load(Ordering::Relaxed));
    let (mut live, mut charged, mut reserved) = (0, 0, 0);
    for i in &interps {
        let st = i.arena_stats();
        (live, charged, reserved) = (live + st.live_bytes, charged + st.charged_bytes, reserved + st.reserved_bytes);
    }
    let classes = interps[0].arena_stats().live_per_class.iter().filter(|(_, c)| *c > 0).count();
    let heap = (heap1 - heap0) as usize / n;
    println!(
        "memory/idle_interpreter_ready: per interpreter ({n} interpreters, builtins + sys + __main__ ready): \
         resident {} bytes; arena live {} bytes in {classes} size classes, arena charged {} bytes \
         (reserved {} KiB, mostly untouched); Rust heap {heap} bytes; arena charged + Rust heap {} bytes",
        (rss1 - rss0) / n,
        live / n,
        charged / n,
        reserved / n / 1024,
        charged / n + heap
    );
    interps.into_iter().for_each(|i| i.destroy().unwrap());
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
