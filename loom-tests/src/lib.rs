//! Model-checked tests of pyrt's synchronisation protocols.
//!
//! Build and run with
//!
//! ```sh
//! RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=3 cargo test -p loom-tests --release
//! ```
//!
//! Under `--cfg loom`, `pyrt::sync` hands pyrt loom's atomics, mutexes, condition variables and
//! thread-locals, so every model below drives the *real* runtime code. Each model has a
//! deliberately broken twin (`pyrt::sync::Mutation`) kept as a `#[should_panic]` test: it proves
//! the model can fail, which matters because loom misses some relaxed-ordering races.
//!
//! Without `--cfg loom` this crate is empty.

/// Runs `f` under loom with the default builder (which honours `LOOM_MAX_PREEMPTIONS`),
/// with `mutation` switched on for the whole model and timed waits set to `timeouts`.
///
/// Returns how many executions loom explored, and fails unless there was more than one: a model
/// whose threads never race collapses into a single execution, a sequential test that proves
/// nothing about the protocol. Set `LOOM_COUNTS=1` to print each model's count.
#[cfg(loom)]
pub fn check(mutation: Option<pyrt::sync::Mutation>, timeouts: bool, f: impl Fn() + Sync + Send + 'static) -> usize {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(3);
    }
    let executions = Arc::new(AtomicUsize::new(0));
    let counter = executions.clone();
    builder.check(move || {
        counter.fetch_add(1, Ordering::Relaxed);
        pyrt::sync::model::set_broken(mutation);
        pyrt::sync::model::set_timeouts_fire(timeouts);
        pyrt::sync::model::set_fair_unpark(false);
        f();
    });
    pyrt::sync::model::set_broken(None);
    pyrt::sync::model::set_timeouts_fire(false);
    pyrt::sync::model::set_fair_unpark(false);
    let n = executions.load(Ordering::Relaxed);
    if std::env::var_os("LOOM_COUNTS").is_some() {
        eprintln!("loom: {} explored {n} executions", std::thread::current().name().unwrap_or("model"));
    }
    assert!(n > 1, "the model explored a single execution: its threads never race");
    n
}
