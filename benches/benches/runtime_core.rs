//! Runtime-core benchmarks (issue: runtime core). Names are fixed so results can be compared
//! across changes: `lock/*`, `gilstate/*`, `interp/*`, `attach/*`, `stw/*`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt::lock::{DEFAULT_SWITCH_INTERVAL, InterpreterLock};
use pyrt::state::gilstate;
use pyrt::state::thread_state;
use pyrt::{Interpreter, InterpreterConfig, Runtime, ThreadState};

fn lock(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("lock");
    // Uncontended PyEval_SaveThread + PyEval_RestoreThread on the main interpreter.
    g.bench_function("save_restore", |b| {
        pyrt::attach(|_py| {
            b.iter(|| {
                // SAFETY: benchmark code: the thread state is live and no Python token of it is in use.
                let ts = unsafe { thread_state::save_thread() };
                // SAFETY: `ts` was current a moment ago and nobody deletes it.
                unsafe { thread_state::restore_thread(black_box(ts)) };
            })
        })
    });
    // Thread-to-thread hand-off: two threads take turns; each turn needs the lock to move.
    g.bench_function("handoff", |b| {
        b.iter_custom(|iters| {
            let lock = Arc::new(InterpreterLock::new(DEFAULT_SWITCH_INTERVAL));
            let turn = Arc::new(AtomicUsize::new(0));
            let run = move |me: usize, lock: Arc<InterpreterLock>, turn: Arc<AtomicUsize>| {
                let breaker = std::sync::atomic::AtomicUsize::new(0);
                for _ in 0..iters {
                    loop {
                        // SAFETY: `breaker` outlives the lock (both live for the whole
                        // benchmark) and each thread releases only what it acquired.
                        unsafe { lock.acquire(&breaker) };
                        if turn.load(Ordering::Relaxed) == me {
                            turn.store(1 - me, Ordering::Relaxed);
                            // SAFETY: as above.
                            unsafe { lock.release(&breaker) };
                            break;
                        }
                        // SAFETY: as above.
                        unsafe { lock.release(&breaker) };
                        std::hint::spin_loop();
                    }
                }
            };
            let (l2, t2) = (lock.clone(), turn.clone());
            let start = Instant::now();
            let other = std::thread::spawn(move || run(1, l2, t2));
            run(0, lock, turn);
            other.join().unwrap();
            // Two hand-offs per iteration (0 → 1 → 0).
            start.elapsed() / 2
        })
    });
    g.finish();
}

fn gilstate(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("gilstate");
    g.bench_function("nested", |b| {
        pyrt::attach(|_py| {
            b.iter(|| {
                let st = gilstate::ensure();
                // SAFETY: benchmark code: the thread state is live and no Python token of it is in use.
                unsafe { gilstate::release(black_box(st)) };
            })
        })
    });
    // The main thread keeps its (detached) thread state between rounds.
    g.bench_function("outermost", |b| {
        b.iter(|| {
            let st = gilstate::ensure();
            // SAFETY: benchmark code: the thread state is live and no Python token of it is in use.
            unsafe { gilstate::release(black_box(st)) };
        })
    });
    // A fresh OS thread's first Ensure (creates, binds and attaches a thread state) and the
    // Release that deletes it. Thread creation itself is not timed.
    g.bench_function("first_on_new_thread", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += std::thread::spawn(|| {
                    let start = Instant::now();
                    let st = gilstate::ensure();
                    // SAFETY: benchmark code: the thread state is live and no Python token of it is in use.
                    unsafe { gilstate::release(black_box(st)) };
                    start.elapsed()
                })
                .join()
                .unwrap();
            }
            total
        })
    });
    g.finish();
}

fn interp(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("interp");
    for (name, config) in [
        ("create_destroy_own", InterpreterConfig::isolated()),
        ("create_destroy_shared", InterpreterConfig::legacy()),
        ("create_destroy_free_threaded", InterpreterConfig::free_threaded()),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let i = Interpreter::new(config.clone()).unwrap();
                i.destroy().unwrap();
            })
        });
    }
    // What an interpreter with builtins will meet: objects of 8 size classes, alive when it is
    // destroyed (the arena releases them in bulk).
    g.bench_function("create_destroy_own_8_classes", |b| {
        b.iter(|| {
            let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
            i.attach(|py| pyrt_benches::objects_in_8_classes(py)).unwrap();
            i.destroy().unwrap();
        })
    });
    // The honest figure for "an interpreter with builtins": create, run `pass` as `__main__`
    // through the public API (which makes the `builtins` dict and module, `sys.modules` and the
    // `__main__` module, and compiles `pass`), destroy.
    g.bench_function("create_exec_pass_destroy_own", |b| {
        b.iter(|| {
            let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
            i.attach(|py| pyrt::run::exec(py, b"pass", "<string>").unwrap()).unwrap();
            i.destroy().unwrap();
        })
    });
    // What `pyrt -c pass` makes ready: also the `sys` module (`configure_main` sets `sys.argv`
    // and `sys.path[0]`), with its standard streams and build facts.
    g.bench_function("create_ready_destroy_own", |b| {
        b.iter(|| {
            let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
            i.attach(|py| pyrt_benches::make_ready(py)).unwrap();
            i.destroy().unwrap();
        })
    });
    g.finish();
}

fn attach(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("attach");
    let free = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let ts = ThreadState::new(&free);
    g.bench_function("free_threaded", |b| {
        b.iter(|| {
            // SAFETY: `ts` is live and not attached anywhere else.
            unsafe { thread_state::restore_thread(black_box(ts)) };
            // SAFETY: benchmark code: the thread state is live and no Python token of it is in use.
            unsafe { thread_state::save_thread() };
        })
    });
    g.finish();
    // SAFETY: detached and never used again.
    unsafe { ThreadState::delete(ts) };
    free.destroy().unwrap();
}

fn stw(c: &mut Criterion) {
    Runtime::initialize();
    let mut g = c.benchmark_group("stw");
    for others in [1usize, 2] {
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(std::sync::Barrier::new(others + 1));
        let workers: Vec<_> = (0..others)
            .map(|_| {
                let (interp, stop, ready) = (interp.clone(), stop.clone(), ready.clone());
                std::thread::spawn(move || {
                    interp
                        .attach(|py| {
                            ready.wait();
                            while !stop.load(Ordering::Relaxed) {
                                py.check_eval_breaker().unwrap();
                            }
                        })
                        .unwrap()
                })
            })
            .collect();
        ready.wait();
        interp
            .attach(|py| {
                g.bench_function(format!("round_trip_{others}"), |b| b.iter(|| drop(black_box(py.stop_the_world()))));
            })
            .unwrap();
        stop.store(true, Ordering::Relaxed);
        for w in workers {
            w.join().unwrap();
        }
        interp.destroy().unwrap();
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = lock, gilstate, interp, attach, stw
}
criterion_main!(benches);
