//! Objects-and-memory benchmarks (issue: objects and memory). Names are fixed: `refcount/*`,
//! `alloc/*`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt::alloc::domains;
use pyrt::object::{self, immortals, refcount};
use pyrt::{Interpreter, InterpreterConfig, LockKind, RefcountStrategy, Runtime};

fn interp(strategy: RefcountStrategy, lock: LockKind) -> Interpreter {
    Interpreter::new(InterpreterConfig { refcount: strategy, lock, ..InterpreterConfig::isolated() }).unwrap()
}

/// One incref + decref pair on an object the thread owns.
fn owned(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("refcount");
    for (name, strategy, lock) in [
        ("owned_biased", RefcountStrategy::Biased, LockKind::None),
        ("owned_nonatomic", RefcountStrategy::NonAtomic, LockKind::Own),
        ("owned_atomic", RefcountStrategy::Atomic, LockKind::None),
    ] {
        let i = interp(strategy, lock);
        i.attach(|py| {
            let o = object::new_int(py, 1 << 40).unwrap();
            g.bench_function(name, |b| b.iter(|| drop(black_box(o.clone()))));
        })
        .unwrap();
        i.destroy().unwrap();
    }
    g.finish();
}

/// Which side of [`hammer`] a benchmark times.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The thread that created the object (biased counting: its owner, the local count).
    Owner,
    /// The other thread (biased counting: the shared, atomic count).
    Stranger,
}

/// Two threads hammering one object: each does `iters` incref + decref pairs, and the chosen
/// side's time is returned (per pair, while the other side hammers too: the side that finishes
/// first keeps going, untimed, until the other is done, so each timed window is contended).
fn hammer(strategy: RefcountStrategy, side: Side, iters: u64) -> Duration {
    let i = interp(strategy, LockKind::None);
    let start_line = Arc::new(Barrier::new(2));
    let done = Arc::new([AtomicBool::new(false), AtomicBool::new(false)]);
    let (owner, stranger) = i
        .attach(|py| {
            let o = object::new_int(py, 1 << 40).unwrap();
            let other = {
                let (i, theirs, start_line, done) = (i.clone(), o.clone().unbind(), start_line.clone(), done.clone());
                std::thread::spawn(move || {
                    i.attach(move |py| {
                        let o = theirs.bind(py);
                        start_line.wait();
                        let elapsed = hammer_side(&o, iters, 1, &done);
                        drop(o);
                        elapsed
                    })
                    .unwrap()
                })
            };
            start_line.wait();
            let own = hammer_side(&o, iters, 0, &done);
            let theirs = py.detach(|| other.join().unwrap());
            py.check_eval_breaker().unwrap();
            (own, theirs)
        })
        .unwrap();
    i.destroy().unwrap();
    match side {
        Side::Owner => owner,
        Side::Stranger => stranger,
    }
}

/// Times `iters` pairs on side `me`, then keeps the object busy until the other side is done.
fn hammer_side(o: &pyrt::Bound<'_>, iters: u64, me: usize, done: &[AtomicBool; 2]) -> Duration {
    let t = Instant::now();
    for _ in 0..iters {
        drop(black_box(o.clone()));
    }
    let elapsed = t.elapsed();
    done[me].store(true, Ordering::Release);
    while !done[1 - me].load(Ordering::Acquire) {
        drop(black_box(o.clone()));
    }
    elapsed
}

/// `shared_<strategy>_<side>`: the time per incref + decref pair of one side — the object's
/// owner or a stranger thread — while both hammer the same object at once.
fn shared(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("refcount");
    for (name, strategy, side) in [
        ("shared_biased_owner", RefcountStrategy::Biased, Side::Owner),
        ("shared_biased_stranger", RefcountStrategy::Biased, Side::Stranger),
        ("shared_atomic_owner", RefcountStrategy::Atomic, Side::Owner),
        ("shared_atomic_stranger", RefcountStrategy::Atomic, Side::Stranger),
    ] {
        g.bench_function(name, |b| b.iter_custom(|n| hammer(strategy, side, n)));
    }
    g.finish();
}

/// Incref + decref of `None` by one thread, and by two at once (time per pair and thread).
fn immortal(c: &mut Criterion) {
    Runtime::initialize();
    // `&PyObject` does not cross threads: each thread takes `None` from `immortals()` itself.
    let pair = |none: &pyrt::PyObject| {
        refcount::incref(black_box(none));
        // SAFETY: `None` is immortal: the decrement gives back the increment and frees nothing.
        unsafe { refcount::decref(black_box(std::ptr::NonNull::from(none))) };
    };
    let none = immortals().none;
    let mut g = c.benchmark_group("refcount");
    g.bench_function("immortal_1thread", |b| b.iter(|| pair(none)));
    g.bench_function("immortal_2threads", |b| {
        b.iter_custom(|n| {
            let start_line = Arc::new(Barrier::new(2));
            let other = {
                let start_line = start_line.clone();
                std::thread::spawn(move || {
                    let none = immortals().none;
                    start_line.wait();
                    for _ in 0..n {
                        pair(none);
                    }
                })
            };
            start_line.wait();
            let t = Instant::now();
            for _ in 0..n {
                pair(none);
            }
            let own = t.elapsed();
            other.join().unwrap();
            own
        })
    });
    g.finish();
}

/// Allocate + free a 32-byte block.
fn small(c: &mut Criterion) {
    Runtime::initialize();
    let layout = Layout::from_size_align(32, 16).unwrap();
    let mut g = c.benchmark_group("alloc");
    let i = interp(RefcountStrategy::Biased, LockKind::Own);
    i.attach(|py| {
        g.bench_function("small_arena", |b| {
            b.iter(|| {
                let p = domains::malloc(py, black_box(32)).unwrap();
                // SAFETY: just allocated from this arena.
                unsafe { domains::free(py, black_box(p.as_ptr())) };
            })
        });
    })
    .unwrap();
    i.destroy().unwrap();
    g.bench_function("small_system", |b| {
        b.iter(|| {
            // SAFETY: non-zero layout; freed with the same layout.
            unsafe {
                let p = System.alloc(black_box(layout));
                System.dealloc(black_box(p), layout);
            }
        })
    });
    g.bench_function("small_mimalloc", |b| {
        b.iter(|| {
            // SAFETY: as above.
            unsafe {
                let p = mimalloc::MiMalloc.alloc(black_box(layout));
                mimalloc::MiMalloc.dealloc(black_box(p), layout);
            }
        })
    });
    g.finish();
}

/// Blocks allocated by one thread and freed by another (time per free).
fn cross_thread(c: &mut Criterion) {
    Runtime::initialize();
    let i = interp(RefcountStrategy::Biased, LockKind::None);
    let mut g = c.benchmark_group("alloc");
    g.bench_function("cross_thread_free", |b| {
        b.iter_custom(|n| {
            let blocks: Vec<usize> =
                i.attach(|py| (0..n).map(|_| domains::malloc(py, 32).unwrap().as_ptr() as usize).collect()).unwrap();
            let i2 = i.clone();
            std::thread::spawn(move || {
                i2.attach(|py| {
                    let t = Instant::now();
                    for p in blocks {
                        // SAFETY: live blocks of this interpreter's arena, freed once.
                        unsafe { domains::free(py, black_box(p as *mut std::ffi::c_void)) };
                    }
                    t.elapsed()
                })
                .unwrap()
            })
            .join()
            .unwrap()
        })
    });
    g.finish();
    i.destroy().unwrap();
}

/// Destroying an interpreter that holds 1 MiB of live small blocks (released in bulk).
fn destroy(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("alloc");
    g.bench_function("destroy_interp_1mib", |b| {
        b.iter_custom(|n| {
            let mut total = Duration::ZERO;
            for _ in 0..n {
                let i = interp(RefcountStrategy::Biased, LockKind::Own);
                i.attach(|py| {
                    for _ in 0..(1 << 20) / 256 {
                        black_box(domains::malloc(py, 256).unwrap());
                    }
                })
                .unwrap();
                let t = Instant::now();
                i.destroy().unwrap();
                total += t.elapsed();
            }
            total
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = owned, shared, immortal, small, cross_thread, destroy
}
criterion_main!(benches);
