//! The GILState API: CPython's counter semantics and binding rules, and `ensure_in`.

mod common;

use std::ptr::NonNull;
use std::sync::{Arc, Barrier};

use pyrt::state::gilstate::{self, GilState};
use pyrt::state::thread_state::{self, Status, Whence};
use pyrt::{Interpreter, InterpreterConfig, Runtime, ThreadState};

fn ts_ref<'a>(p: NonNull<ThreadState>) -> &'a ThreadState {
    // SAFETY (test): the pointer comes from a live thread state.
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { &*p.as_ptr() }
}

#[test]
fn nesting_on_the_main_thread() {
    let _s = common::serial();
    let main_ts = Runtime::main_thread_state().unwrap();
    assert!(!gilstate::check());
    let outer = gilstate::ensure();
    assert_eq!(outer, GilState::Unlocked);
    assert_eq!(thread_state::current(), Some(main_ts), "reuses the bound main thread state");
    assert!(gilstate::check());
    let inner = gilstate::ensure();
    assert_eq!(inner, GilState::Locked);
    assert_eq!(ts_ref(main_ts).gilstate_counter(), 3);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { gilstate::release(inner) };
    assert!(gilstate::check(), "only the outermost release detaches");
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { gilstate::release(outer) };
    assert!(!gilstate::check());
    assert_eq!(ts_ref(main_ts).status(), Status::Detached);
    assert!(!ts_ref(main_ts).is_deleted(), "a state Ensure did not create survives");
}

#[test]
fn foreign_thread_gets_a_state_that_its_last_release_deletes() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    std::thread::spawn(move || {
        assert!(gilstate::get_this_thread_state().is_none());
        let outer = gilstate::ensure();
        let ts = thread_state::current().unwrap();
        assert_eq!(ts_ref(ts).whence(), Whence::GilState);
        assert_eq!(ts_ref(ts).interpreter(), main);
        assert_eq!(gilstate::get_this_thread_state(), Some(ts));
        let inner = gilstate::ensure();
        assert_eq!(inner, GilState::Locked);
        // Py_BEGIN_ALLOW_THREADS inside Ensure/Release is allowed.
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        let saved = unsafe { thread_state::save_thread() };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(saved) };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { gilstate::release(inner) };
        assert_eq!(main.thread_states().len(), 2, "main + this thread's");
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { gilstate::release(outer) };
        assert!(thread_state::current().is_none());
        assert!(gilstate::get_this_thread_state().is_none());
        assert_eq!(main.thread_states().len(), 1, "deleted by the last release");
    })
    .join()
    .unwrap();
}

#[test]
fn binding_follows_the_most_recently_attached_state() {
    let _s = common::serial();
    let main_ts = Runtime::main_thread_state().unwrap();
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(main_ts) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    let sub_ts = unsafe { Interpreter::new_with_thread_state(InterpreterConfig::legacy()) }.unwrap();
    // test_current_tstate_matches: after Py_NewInterpreter, Get() == GetThisThreadState().
    assert_eq!(gilstate::get_this_thread_state(), Some(sub_ts));
    assert_eq!(thread_state::get(), sub_ts);
    // Ensure nests on the sub-interpreter's state.
    let st = gilstate::ensure();
    assert_eq!(st, GilState::Locked);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { gilstate::release(st) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::swap(Some(main_ts)) };
    assert_eq!(gilstate::get_this_thread_state(), Some(main_ts));
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::swap(Some(sub_ts)) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { pyrt::state::end_interpreter(sub_ts) };
    assert!(gilstate::get_this_thread_state().is_none(), "deleting the bound state unbinds it");
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(main_ts) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::save_thread() };
}

#[test]
fn ensure_in_binds_foreign_threads_to_a_sub_interpreter() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (sub, barrier) = (sub.clone(), barrier.clone());
            std::thread::spawn(move || {
                let g = gilstate::ensure_in(&sub).unwrap();
                let ts = g.thread_state();
                assert_eq!(ts_ref(ts).interpreter(), sub);
                let nested = gilstate::ensure_in(&sub).unwrap();
                assert_eq!(nested.thread_state(), ts);
                assert_eq!(nested.state(), GilState::Locked);
                drop(nested);
                drop(g);
                barrier.wait();
                // Every worker's state was deleted by its last release.
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert!(sub.thread_states().is_empty());
}

#[test]
fn ensure_in_raw_swaps_out_and_back_in() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let b = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let outer = gilstate::ensure();
    let main_ts = thread_state::current().unwrap();
    // SAFETY: test code: no Python token of the main thread state exists while it is swapped out.
    let in_a = unsafe { gilstate::ensure_in_raw(&a) };
    assert_eq!(in_a.previous, Some(main_ts));
    assert_eq!(ts_ref(main_ts).status(), Status::Detached, "swapped out");
    assert!(!main.lock().unwrap().is_locked());
    let a_ts = thread_state::current().unwrap();
    assert_eq!(ts_ref(a_ts).interpreter(), a);
    // SAFETY: as above.
    let in_b = unsafe { gilstate::ensure_in_raw(&b) };
    assert_eq!(in_b.previous, Some(a_ts));
    assert_eq!(gilstate::get_this_thread_state(), thread_state::current());
    // SAFETY: matching releases, innermost first.
    unsafe { gilstate::release_in(in_b) };
    assert_eq!(thread_state::current(), Some(a_ts));
    // SAFETY: as above.
    unsafe { gilstate::release_in(in_a) };
    assert_eq!(thread_state::current(), Some(main_ts), "swapped back in");
    // SAFETY: matches `outer`.
    unsafe { gilstate::release(outer) };
    assert!(thread_state::current().is_none());
    assert!(a.thread_states().is_empty() && b.thread_states().is_empty());
}

#[test]
fn the_safe_attach_detaches_explicitly_between_interpreters() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    main.attach(|py| {
        let main_ts = thread_state::current().unwrap();
        let id = py.detach(|| a.attach(|py_a| py_a.interpreter().id()).unwrap());
        assert_eq!(id, a.id());
        assert_eq!(thread_state::current(), Some(main_ts));
        assert_eq!(py.interpreter(), main);
    })
    .unwrap();
}

#[test]
fn fatal_attach_to_another_interpreter_while_attached() {
    const N: &str = "fatal_attach_to_another_interpreter_while_attached";
    if common::is_child(N) {
        Runtime::initialize();
        let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        pyrt::attach(|_py| a.attach(|_| ()).unwrap());
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "Interpreter::attach", "the thread is attached to another interpreter");
}

#[test]
fn fatal_guards_released_out_of_order() {
    const N: &str = "fatal_guards_released_out_of_order";
    if common::is_child(N) {
        Runtime::initialize();
        let main = Runtime::main_interpreter().unwrap();
        let outer = gilstate::ensure_in(&main).unwrap();
        let inner = gilstate::ensure_in(&main).unwrap();
        drop(outer);
        drop(inner);
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "PyGILState_Release", "GILState guards released out of order");
}

#[test]
fn ensure_after_finalize_and_reinitialize_gets_a_fresh_state() {
    let _s = common::serial();
    let handle = std::thread::spawn(|| {
        // Hold a GILState-created state across finalization.
        let st = gilstate::ensure();
        let old = thread_state::current().unwrap();
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::save_thread() };
        (st, old.as_ptr() as usize)
    });
    let (_st, _old) = handle.join().unwrap();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    Runtime::initialize();
    let st = gilstate::ensure();
    assert_eq!(ts_ref(thread_state::current().unwrap()).interpreter().id(), 0);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { gilstate::release(st) };
}

#[test]
fn safe_attach_and_detach() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let (id, during) = sub
        .attach(|py| {
            assert!(sub.lock().unwrap().is_locked());
            let during = py.detach(|| sub.lock().unwrap().is_locked());
            assert!(sub.lock().unwrap().is_locked());
            (py.interpreter().id(), during)
        })
        .unwrap();
    assert_eq!(id, sub.id());
    assert!(!during, "detach releases the lock");
    let main_id = pyrt::attach(|py| py.interpreter().id());
    assert_eq!(main_id, 0);
}

#[test]
fn fatal_release_without_ensure() {
    const N: &str = "fatal_release_without_ensure";
    if common::is_child(N) {
        Runtime::initialize();
        std::thread::spawn(|| {
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            unsafe { gilstate::release(GilState::Unlocked) };
        })
        .join()
        .ok();
        std::process::exit(3);
    }
    common::assert_fatal(
        N,
        N,
        "PyGILState_Release",
        "auto-releasing thread-state, but no thread-state for this thread",
    );
}

#[test]
fn fatal_release_when_not_current() {
    const N: &str = "fatal_release_when_not_current";
    if common::is_child(N) {
        Runtime::initialize();
        let st = gilstate::ensure();
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::save_thread() };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { gilstate::release(st) };
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "PyGILState_Release", "thread state 0x");
}

#[test]
fn fatal_ensure_before_initialize() {
    const N: &str = "fatal_ensure_before_initialize";
    if common::is_child(N) {
        gilstate::ensure();
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "PyGILState_Ensure", "the runtime is not initialized");
}

/// §1.2: a GILState guard moved into `Python::with_attached`'s closure and dropped there used to
/// delete the thread state under the token (a use-after-free on the next use of `py`). The token
/// now holds a nesting level, so that drop is an out-of-order release.
#[test]
fn fatal_guard_dropped_under_a_with_attached_token() {
    const N: &str = "fatal_guard_dropped_under_a_with_attached_token";
    if common::is_child(N) {
        Runtime::initialize();
        let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        std::thread::spawn(move || {
            let guard = gilstate::ensure_in(&sub).unwrap(); // a new state, deleted by this guard's release
            pyrt::Python::with_attached(move |py| {
                drop(guard);
                println!("{}", py.thread_state().id());
            });
        })
        .join()
        .unwrap();
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "PyGILState_Release", "GILState guards released out of order");
}

/// The nesting level `with_attached` takes is given back, and guards nest inside it.
#[test]
fn with_attached_nests_like_a_guard() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    std::thread::spawn(move || {
        assert!(pyrt::Python::with_attached(|_| ()).is_none(), "not attached");
        let guard = gilstate::ensure_in(&sub).unwrap();
        let ts = guard.thread_state();
        assert_eq!(ts_ref(ts).gilstate_counter(), 1);
        let id = pyrt::Python::with_attached(|py| {
            assert_eq!(py.thread_state().gilstate_counter(), 2);
            let inner = gilstate::ensure_in(&sub).unwrap();
            assert_eq!(inner.state(), GilState::Locked);
            drop(inner);
            py.thread_state().id()
        });
        assert_eq!(id, Some(ts_ref(ts).id()));
        assert_eq!(ts_ref(ts).gilstate_counter(), 1);
        drop(guard);
    })
    .join()
    .unwrap();
}

/// §1.4: the state `destroy()` attaches to run the last pending calls is a helper: re-attached
/// (here by a detach inside a pending call) it used to take the thread's GILState binding, and
/// deleting it left the thread with none; `Interpreter::attach` from such a call aborted in its
/// release. Helpers are marked on the state itself now.
#[test]
fn helper_states_never_take_the_gilstate_binding() {
    let _s = common::serial();
    let main_ts = Runtime::main_thread_state().unwrap();
    let sub = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (sub2, seen2) = (sub.clone(), seen.clone());
    sub.attach(|py| {
        py.add_pending_call(pyrt::PendingCall::new(move || {
            pyrt::Python::with_attached(|py| {
                assert!(py.thread_state().is_helper(), "destroy runs it on its helper state");
                py.detach(|| ()); // detach + re-attach of the helper
            });
            // Attaching the interpreter being destroyed nests on the helper.
            let nested =
                sub2.attach(|py| (py.thread_state().is_helper(), py.thread_state().gilstate_counter())).unwrap();
            seen2.lock().unwrap().push(nested);
            Ok(())
        }))
        .unwrap();
    })
    .unwrap();
    // The binding followed the state `attach` made (CPython's rule) and went with it: attach the
    // main state once to bind it again.
    // SAFETY: test code: the main thread's own state, live, no token in use.
    unsafe {
        thread_state::restore_thread(main_ts);
        thread_state::save_thread();
    }
    assert_eq!(gilstate::get_this_thread_state(), Some(main_ts));
    sub.destroy().unwrap();
    assert_eq!(*seen.lock().unwrap(), vec![(true, 2)], "the pending call ran and nested");
    assert_eq!(gilstate::get_this_thread_state(), Some(main_ts), "the thread keeps its binding");
    let g = gilstate::ensure();
    assert_eq!(thread_state::current(), Some(main_ts));
    // SAFETY: test code: matches the ensure above.
    unsafe { gilstate::release(g) };
}

/// A thread-dict value whose destructor uses GILState.
struct ReentersGilstate(Arc<std::sync::atomic::AtomicBool>);
impl Drop for ReentersGilstate {
    fn drop(&mut self) {
        let _ = gilstate::get_this_thread_state();
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// §1.8: the TLS bindings dropped a thread state's last reference while their `RefCell` was
/// borrowed, so a thread-dict value whose destructor re-entered GILState panicked
/// ("already mutably borrowed").
#[test]
fn a_binding_dropped_last_may_reenter_gilstate() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let dropped = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (tx, rx) = std::sync::mpsc::channel::<usize>();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
    let worker = {
        let (sub, dropped) = (sub.clone(), dropped.clone());
        std::thread::spawn(move || {
            let main = Runtime::main_interpreter().unwrap();
            let first = ThreadState::new(&main); // the thread's GILState binding
            let second = ThreadState::new(&sub); // only its binding for `sub`
            ts_ref(second).with_dict(|d| {
                d.insert("probe".into(), Box::new(ReentersGilstate(dropped)));
            });
            tx.send(second.as_ptr() as usize).unwrap();
            go_rx.recv().unwrap();
            // `second` was deleted by the main thread: the lookup drops the last reference.
            let guard = gilstate::ensure_in(&sub).unwrap();
            drop(guard);
            // SAFETY: test code: detached, never used again.
            unsafe { ThreadState::delete(first) };
        })
    };
    let second = NonNull::new(rx.recv().unwrap() as *mut ThreadState).unwrap();
    // SAFETY: test code: detached and not current here; the worker never uses it again.
    unsafe { ThreadState::delete(second) };
    go_tx.send(()).unwrap();
    worker.join().expect("the worker must not panic");
    assert!(dropped.load(std::sync::atomic::Ordering::SeqCst));
}

/// §1.8: GILState during thread-local teardown (a C++ `thread_local` destructor calling
/// `PyGILState_Ensure`) used to panic inside a TLS destructor, which aborts the process. It
/// works as in CPython now.
#[test]
fn gilstate_works_in_a_thread_local_destructor() {
    const N: &str = "gilstate_works_in_a_thread_local_destructor";
    struct UsesGilstateAtExit;
    impl Drop for UsesGilstateAtExit {
        fn drop(&mut self) {
            let g = gilstate::ensure();
            let attached = thread_state::current().is_some();
            // SAFETY: matches the ensure above.
            unsafe { gilstate::release(g) };
            println!("teardown ensure attached={attached} bound_after={}", gilstate::get_this_thread_state().is_some());
        }
    }
    thread_local! {
        static AT_EXIT: UsesGilstateAtExit = const { UsesGilstateAtExit };
    }
    if common::is_child(N) {
        Runtime::initialize();
        std::thread::spawn(|| {
            AT_EXIT.with(|_| ()); // registered before pyrt's own thread-locals: destroyed after them
            let g = gilstate::ensure();
            // SAFETY: matches the ensure above.
            unsafe { gilstate::release(g) };
        })
        .join()
        .unwrap();
        println!("joined");
        std::process::exit(0);
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([N, "--exact", "--nocapture", "--test-threads=1"])
        .env(common::CHILD_ENV, N)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "child failed: {}\n{}", stdout, String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("teardown ensure attached=true bound_after=false"), "{stdout}");
    assert!(stdout.contains("joined"), "{stdout}");
}

/// The outermost pair keeps the deleted state's memory dormant and revives it for the next
/// state, and nothing of the old state shows through: a new id, no dict, no error indicator, no
/// async exception, no hook, a clear breaker, unbound and out of the interpreter's list in
/// between (CPython's semantics, where malloc may hand the same memory back too).
#[test]
fn dormant_state_is_revived_as_a_new_state() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    std::thread::spawn(move || {
        let outer = gilstate::ensure();
        let first = thread_state::current().unwrap();
        let first_id = ts_ref(first).id();
        let os_ident = ts_ref(first).thread_id();
        ts_ref(first).with_dict(|d| d.insert("key".into(), Box::new(1u32)));
        ts_ref(first).set_raised(pyrt::PyErr::new(pyrt::ExcKind::RuntimeError, "left behind"));
        ts_ref(first).set_async_exc(Some(pyrt::PyErr::new(pyrt::ExcKind::RuntimeError, "async")));
        let hook: pyrt::state::thread_state::TraceFn = Arc::new(|_| Ok(()));
        ts_ref(first).set_trace(Some(hook));
        // SAFETY: test code: matches the ensure above; no Python token is in use.
        unsafe { gilstate::release(outer) };
        assert!(gilstate::get_this_thread_state().is_none(), "the last release deletes the state");
        assert_eq!(main.thread_states().len(), 1, "only the main thread's state is left");
        assert_eq!(main.set_async_exc(os_ident, None), 0, "a dormant state is in no list");

        let outer = gilstate::ensure();
        let second = thread_state::current().unwrap();
        let ts = ts_ref(second);
        assert_eq!(second, first, "the memory is reused");
        assert!(ts.id() > first_id, "a new state gets a new id");
        assert_eq!(ts.thread_id(), os_ident, "the same OS thread");
        assert_eq!(ts.whence(), Whence::GilState);
        assert_eq!(ts.gilstate_counter(), 1);
        assert!(!ts.is_deleted() && !ts.is_cleared());
        assert!(!ts.has_raised(), "the error indicator starts empty");
        assert!(!ts.has_async_exc(), "no async exception is pending");
        assert!(ts.trace().is_none() && !ts.is_hooked(), "no trace function");
        assert_eq!(ts.eval_breaker(), 0, "nothing is signalled");
        assert!(ts.with_dict(|d| d.is_empty()), "the dict starts empty");
        assert_eq!(gilstate::get_this_thread_state(), Some(second));
        assert_eq!(main.thread_states().len(), 2);
        assert_eq!(main.thread_states()[0], second, "newest first");
        // SAFETY: test code: matches the ensure above; no Python token is in use.
        unsafe { gilstate::release(outer) };
        assert_eq!(main.thread_states().len(), 1);
    })
    .join()
    .unwrap();
}

/// A state created on the thread while its GILState state is dormant takes the binding; the
/// dormant memory is then freed, not revived, and the next outermost ensure uses the binding.
#[test]
fn dormant_state_gives_way_to_a_new_binding() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    std::thread::spawn(move || {
        let outer = gilstate::ensure();
        // SAFETY: test code: matches the ensure above; no Python token is in use.
        unsafe { gilstate::release(outer) };
        let made = ThreadState::new(&main);
        assert_eq!(gilstate::get_this_thread_state(), Some(made), "PyThreadState_New binds an unbound thread");
        let st = gilstate::ensure();
        assert_eq!(thread_state::current(), Some(made), "the binding, not the dormant state");
        // SAFETY: test code: matches the ensure above.
        unsafe { gilstate::release(st) };
        assert!(!ts_ref(made).is_deleted(), "a state Ensure did not create survives its release");
        // SAFETY: test code: `made` is detached and not used afterwards.
        unsafe { ThreadState::delete(made) };
        let st = gilstate::ensure();
        let fresh = thread_state::current().unwrap();
        assert_eq!(ts_ref(fresh).whence(), Whence::GilState);
        assert_eq!(main.thread_states().len(), 2);
        // SAFETY: test code: matches the ensure above.
        unsafe { gilstate::release(st) };
        assert_eq!(main.thread_states().len(), 1);
    })
    .join()
    .unwrap();
}

/// A thread whose GILState state is dormant across `finalize` + `initialize` gets a state of the
/// new main interpreter at its next ensure (the dormant one, of the finalized interpreter, is
/// freed by its thread); finalization itself never saw it.
#[test]
fn dormant_state_outlives_finalize() {
    let _s = common::serial();
    let (to_worker, from_main) = std::sync::mpsc::channel::<()>();
    let (to_main, from_worker) = std::sync::mpsc::channel::<()>();
    let worker = std::thread::spawn(move || {
        let st = gilstate::ensure();
        // SAFETY: test code: matches the ensure above.
        unsafe { gilstate::release(st) };
        to_main.send(()).unwrap();
        from_main.recv().unwrap();
        let st = gilstate::ensure();
        let ts = ts_ref(thread_state::current().unwrap());
        assert_eq!(ts.interpreter().id(), 0);
        assert!(!ts.interpreter().is_finalized(), "a state of the new main interpreter");
        // SAFETY: test code: matches the ensure above.
        unsafe { gilstate::release(st) };
    });
    from_worker.recv().unwrap();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    Runtime::initialize();
    to_worker.send(()).unwrap();
    worker.join().unwrap();
}
