//! Critical-section benchmarks (`critical_section/*`): what a free-threaded container pays per
//! operation for its lock, and what a contended object costs.

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt::object;
use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

/// Uncontended: one section on one object, a section on a pair, a re-entered section, and the
/// same call in an interpreter with a lock (no mutex taken).
fn uncontended(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("critical_section");
    let free = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    free.attach(|py| {
        let a = object::new_int(py, 1 << 40).unwrap();
        let b = object::new_int(py, 1 << 41).unwrap();
        g.bench_function("one", |bench| bench.iter(|| py.critical_section(black_box(&a), || black_box(1))));
        g.bench_function("pair", |bench| {
            bench.iter(|| py.critical_section2(black_box(&a), black_box(&b), || black_box(1)))
        });
        py.critical_section(&a, || {
            g.bench_function("reentered", |bench| bench.iter(|| py.critical_section(black_box(&a), || black_box(1))));
        });
    })
    .unwrap();
    free.destroy().unwrap();
    let locked = Interpreter::new(InterpreterConfig { lock: LockKind::Own, ..InterpreterConfig::isolated() }).unwrap();
    locked
        .attach(|py| {
            let a = object::new_int(py, 1 << 40).unwrap();
            g.bench_function("one_with_lock", |bench| {
                bench.iter(|| py.critical_section(black_box(&a), || black_box(1)))
            });
        })
        .unwrap();
    locked.destroy().unwrap();
    g.finish();
}

/// Two threads taking sections on the same object, `iters` each; time per section and thread
/// (both run at once, so contended sections park, detach and hand the mutex over).
fn contended_pair(iters: u64) -> Duration {
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let start = Arc::new(Barrier::new(2));
    let obj = interp.attach(|py| object::new_int(py, 1 << 40).unwrap().unbind()).unwrap();
    let obj = Arc::new(obj);
    let other = {
        let (interp, obj, start) = (interp.clone(), obj.clone(), start.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let o = obj.clone_ref(py).bind(py);
                    start.wait();
                    for _ in 0..iters {
                        py.critical_section(&o, || black_box(1));
                    }
                })
                .unwrap()
        })
    };
    let elapsed = interp
        .attach(|py| {
            let o = obj.clone_ref(py).bind(py);
            start.wait();
            let t = Instant::now();
            for _ in 0..iters {
                py.critical_section(&o, || black_box(1));
            }
            t.elapsed()
        })
        .unwrap();
    other.join().unwrap();
    drop(obj);
    interp.destroy().unwrap();
    elapsed
}

fn contended(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("critical_section");
    g.bench_function("contended_2threads", |b| b.iter_custom(contended_pair));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = uncontended, contended
}
criterion_main!(benches);
