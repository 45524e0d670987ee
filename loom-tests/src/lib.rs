//! Model-checked tests of pyrt's synchronisation protocols.
//!
//! Build and run with
//!
//! ```sh
//! CARGO_TARGET_DIR=target/loom RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=3 \
//!     cargo nextest run -p loom-tests --cargo-profile loom
//! ```
//!
//! nextest runs each model in a process of its own, and that matters: a broken twin fails by
//! panicking in the middle of a loom execution, which abandons the execution's runtime (its
//! objects, arena chunks and thread states are never torn down). Run in one process after such a
//! twin, `tls_binding_rules` took a different path in its fourth execution than loom recorded,
//! and loom rejected it as non-deterministic. `cargo test` also works when a binary holds no twin
//! that fails before a model; [`check`] serialises the models of one process and resets the
//! runtime's plain statics at every execution either way.
//!
//! Under `--cfg loom`, `pyrt::sync` hands pyrt loom's atomics, mutexes, condition variables and
//! thread-locals, so every model below drives the *real* runtime code. Each model has a
//! deliberately broken twin (`pyrt::sync::Mutation`) kept as a `#[should_panic]` test: it proves
//! the model can fail, which matters because loom misses some relaxed-ordering races.
//!
//! Without `--cfg loom` this crate is empty.

/// Branches (modelled operations) one execution may take. Loom's default, 1000, is exceeded
/// before a model's threads start: the first use of the static types builds them inside the
/// execution (every builtin type, its dict and its method descriptors, each touching modelled
/// atomics), a long stretch on one thread that adds no interleavings.
#[cfg(loom)]
const MAX_BRANCHES: usize = 200_000;

/// Serialises the models of one test binary. The test harness runs tests on parallel threads,
/// but the runtime keeps a few plain process-wide statics outside loom's per-execution state
/// (see `pyrt::state::reset_statics_for_model`); two models running at once would see each
/// other's values there and take different branches from one execution to the next, which loom
/// reports as a non-deterministic model. The lock is held for a whole model; a twin's expected
/// panic poisons it, which says nothing about the next model, so poisoning is ignored.
#[cfg(loom)]
fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    static MODELS: std::sync::Mutex<()> = std::sync::Mutex::new(());
    MODELS.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f` under loom with the default builder (which honours `LOOM_MAX_PREEMPTIONS`),
/// with `mutation` switched on for the whole model and timed waits set to `timeouts`.
///
/// Returns how many executions loom explored, and fails unless there was more than one: a model
/// whose threads never race collapses into a single execution, a sequential test that proves
/// nothing about the protocol. Set `LOOM_COUNTS=1` to print each model's count.
#[cfg(loom)]
pub fn check(mutation: Option<pyrt::sync::Mutation>, timeouts: bool, f: impl Fn() + Sync + Send + 'static) -> usize {
    check_bounded(usize::MAX, mutation, timeouts, f)
}

/// The preemption bound of a model: `LOOM_MAX_PREEMPTIONS` (3 when unset), lowered to `cap`.
#[cfg(loom)]
fn builder(cap: usize) -> loom::model::Builder {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(builder.preemption_bound.unwrap_or(3).min(cap));
    builder.max_branches = MAX_BRANCHES;
    builder
}

/// [`check`] with the preemption bound lowered to `cap`, for a model whose state space at the
/// suite's bound does not end in minutes (the dict models: every probe step of the real lookup
/// is a modelled access). Its twin must be rejected at the same cap ([`check_rejected_bounded`]),
/// which shows the cap still reaches the interleaving that matters.
#[cfg(loom)]
pub fn check_bounded(
    cap: usize,
    mutation: Option<pyrt::sync::Mutation>,
    timeouts: bool,
    f: impl Fn() + Sync + Send + 'static,
) -> usize {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let _exclusive = exclusive();
    let builder = builder(cap);
    let executions = Arc::new(AtomicUsize::new(0));
    let counter = executions.clone();
    /// With `LOOM_COUNTS`, says after how many executions a failing model (a twin) failed.
    struct ReportFailure(Arc<AtomicUsize>);
    impl Drop for ReportFailure {
        fn drop(&mut self) {
            if std::thread::panicking() && std::env::var_os("LOOM_COUNTS").is_some() {
                let name = std::thread::current().name().unwrap_or("model").to_string();
                eprintln!("loom: {name} failed in execution {}", self.0.load(Ordering::Relaxed));
            }
        }
    }
    let _report = ReportFailure(executions.clone());
    builder.check(move || {
        counter.fetch_add(1, Ordering::Relaxed);
        pyrt::sync::model::set_broken(mutation);
        pyrt::sync::model::set_timeouts_fire(timeouts);
        pyrt::sync::model::set_fair_unpark(false);
        pyrt::sync::model::set_timeout_budget(0);
        pyrt::state::reset_statics_for_model();
        f();
    });
    pyrt::sync::model::set_broken(None);
    pyrt::sync::model::set_timeouts_fire(false);
    pyrt::sync::model::set_fair_unpark(false);
    pyrt::sync::model::set_timeout_budget(0);
    let n = executions.load(Ordering::Relaxed);
    if std::env::var_os("LOOM_COUNTS").is_some() {
        eprintln!("loom: {} explored {n} executions", std::thread::current().name().unwrap_or("model"));
    }
    assert!(n > 1, "the model explored a single execution: its threads never race");
    n
}

/// Runs a broken twin under loom (as [`check`] does, with `mutation` switched on) and asserts
/// that loom rejects it with a panic whose message contains `expected`, after exploring more than
/// one execution: the failure needs a particular interleaving, found by the search, so the
/// model's threads really race. Returns the number of the failing execution.
#[cfg(loom)]
pub fn check_rejected(
    mutation: pyrt::sync::Mutation,
    timeouts: bool,
    expected: &str,
    f: impl Fn() + Sync + Send + 'static,
) -> usize {
    check_rejected_bounded(usize::MAX, mutation, timeouts, expected, f)
}

/// [`check_rejected`] with the preemption bound lowered to `cap` (see [`check_bounded`]).
#[cfg(loom)]
pub fn check_rejected_bounded(
    cap: usize,
    mutation: pyrt::sync::Mutation,
    timeouts: bool,
    expected: &str,
    f: impl Fn() + Sync + Send + 'static,
) -> usize {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let _exclusive = exclusive();
    let executions = Arc::new(AtomicUsize::new(0));
    let counter = executions.clone();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        builder(cap).check(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            pyrt::sync::model::set_broken(Some(mutation));
            pyrt::sync::model::set_timeouts_fire(timeouts);
            pyrt::sync::model::set_fair_unpark(false);
            pyrt::sync::model::set_timeout_budget(0);
            pyrt::state::reset_statics_for_model();
            f();
        });
    }));
    pyrt::sync::model::set_broken(None);
    pyrt::sync::model::set_timeouts_fire(false);
    pyrt::sync::model::set_fair_unpark(false);
    pyrt::sync::model::set_timeout_budget(0);
    let n = executions.load(Ordering::Relaxed);
    let payload = match outcome {
        Ok(()) => panic!("loom accepted the broken twin after {n} executions"),
        Err(payload) => payload,
    };
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    assert!(msg.contains(expected), "the twin failed for another reason: {msg}");
    if std::env::var_os("LOOM_COUNTS").is_some() {
        eprintln!("loom: {} rejected in execution {n}", std::thread::current().name().unwrap_or("model"));
    }
    assert!(n > 1, "the twin failed in the first execution: its failure needs no race");
    n
}

/// Helpers shared by the models.
#[cfg(loom)]
pub mod support {
    use std::mem::ManuallyDrop;
    use std::ops::Deref;
    use std::ptr::NonNull;
    use std::sync::Arc;

    use loom::sync::atomic::{AtomicUsize, Ordering};
    use loom::sync::{Condvar, Mutex};
    use pyrt::Python;
    use pyrt::object::types::TypeObject;
    use pyrt::object::{Bound, Py, PyObject, RefcountStrategy, types};

    /// A one-shot signal between two modelled threads.
    #[derive(Default)]
    pub struct Signal(Mutex<bool>, Condvar);

    impl Signal {
        /// Sets the signal and wakes every waiter.
        pub fn set(&self) {
            *self.0.lock().unwrap() = true;
            self.1.notify_all();
        }

        /// Waits until the signal is set.
        pub fn wait(&self) {
            let mut s = self.0.lock().unwrap();
            while !*s {
                s = self.1.wait(s).unwrap();
            }
        }
    }

    /// A boxed object with nothing but a header and a counter of how often it was freed.
    #[repr(C)]
    struct Probe {
        ob_base: PyObject,
        frees: Arc<AtomicUsize>,
    }

    /// A probe's deallocator.
    ///
    /// # Safety
    ///
    /// `op` is a probe made by `new_probe` whose last reference is gone.
    unsafe fn probe_dealloc(op: NonNull<PyObject>) {
        // SAFETY: probes are boxed (see `new_probe`) and this is the last reference.
        let probe = unsafe { Box::from_raw(op.cast::<Probe>().as_ptr()) };
        probe.frees.fetch_add(1, Ordering::Relaxed);
    }

    /// A new probe of the attached interpreter, counted with `strategy`; `frees` counts its
    /// deallocations.
    pub fn new_probe<'py>(py: Python<'py>, strategy: RefcountStrategy, frees: &Arc<AtomicUsize>) -> Kept<'py> {
        // SAFETY: probes are boxed Probe values, which `probe_dealloc` frees.
        let ty: &'static TypeObject =
            unsafe { TypeObject::leak_static(types().type_type, "Probe", size_of::<Probe>(), probe_dealloc) };
        let probe = Box::new(Probe {
            // SAFETY: the header starts a boxed Probe of type `ty`.
            ob_base: unsafe { PyObject::new_header(ty, strategy) },
            frees: frees.clone(),
        });
        // SAFETY: the header holds one reference, which moves into the handle; we are attached.
        Kept(ManuallyDrop::new(unsafe { Bound::from_owned(py, NonNull::from(Box::leak(probe)).cast()) }))
    }

    /// How often the probe counter says it was freed.
    pub fn frees(counter: &AtomicUsize) -> usize {
        counter.load(Ordering::Relaxed)
    }

    /// An owned handle that is not released while a failed model unwinds: loom's objects are
    /// gone then, and touching them would abort the test process instead of failing a twin.
    pub struct Kept<'py>(ManuallyDrop<Bound<'py>>);

    impl<'py> Kept<'py> {
        /// Binds an unbound reference.
        pub fn bind(theirs: Py, py: Python<'py>) -> Self {
            Kept(ManuallyDrop::new(theirs.bind(py)))
        }

        /// A new unbound reference to the same object.
        pub fn unbind_clone(&self) -> Py {
            Bound::clone(&self.0).unbind()
        }
    }

    impl Deref for Kept<'_> {
        type Target = PyObject;
        fn deref(&self) -> &PyObject {
            &self.0
        }
    }

    impl Drop for Kept<'_> {
        fn drop(&mut self) {
            if !std::thread::panicking() {
                // SAFETY: dropped once, here.
                unsafe { ManuallyDrop::drop(&mut self.0) };
            }
        }
    }
}
