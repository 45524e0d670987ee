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
#[cfg(loom)]
pub fn check(mutation: Option<pyrt::sync::Mutation>, timeouts: bool, f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(3);
    }
    builder.check(move || {
        pyrt::sync::model::set_broken(mutation);
        pyrt::sync::model::set_timeouts_fire(timeouts);
        f();
    });
    pyrt::sync::model::set_broken(None);
    pyrt::sync::model::set_timeouts_fire(false);
}
