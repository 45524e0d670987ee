//! Creating and destroying 1,000 interpreters that each allocate 1 MiB returns resident memory
//! to its starting level (within 5%): destroying an interpreter releases its arena in bulk and
//! gives the pages back to the OS. Its own test binary, so no other test runs beside it.

use pyrt::alloc::domains;
use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm");
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize
}

fn cycle(lock: LockKind) {
    let interp = Interpreter::new(InterpreterConfig { lock, ..InterpreterConfig::isolated() }).unwrap();
    interp
        .attach(|py| {
            // 1 MiB in small blocks (never freed: the destroy releases them) and one large block.
            for _ in 0..(1 << 20) / 256 {
                std::hint::black_box(domains::malloc(py, 256).unwrap());
            }
            std::hint::black_box(domains::malloc(py, 64 << 10).unwrap());
            assert!(interp.arena_stats().live_bytes >= 1 << 20);
        })
        .unwrap();
    interp.destroy().unwrap();
}

#[test]
fn thousand_interpreters_of_one_mib_leave_resident_memory_where_it_was() {
    Runtime::initialize();
    // Warm up: the runtime's statics, the allocator's own pools, the chunk map's pages.
    for lock in [LockKind::Own, LockKind::None] {
        for _ in 0..5 {
            cycle(lock);
        }
    }
    let start = resident_bytes();
    for n in 0..1000 {
        cycle(if n % 2 == 0 { LockKind::Own } else { LockKind::None });
    }
    let end = resident_bytes();
    assert!(
        (end as f64) <= start as f64 * 1.05,
        "resident memory grew from {} KiB to {} KiB",
        start / 1024,
        end / 1024
    );
    // SAFETY: nothing is attached and no object is held.
    unsafe { Runtime::finalize() };
}
