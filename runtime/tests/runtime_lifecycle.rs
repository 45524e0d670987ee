//! Runtime initialize/finalize, the interpreter registry and its iteration order.

mod common;

use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

#[test]
fn initialize_is_idempotent_and_creates_main_interpreter() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    Runtime::initialize(); // second call: no-op
    assert_eq!(Runtime::main_interpreter().unwrap(), main);
    assert_eq!(main.id(), 0);
    assert!(main.is_main());
    assert_eq!(main.lock_kind(), LockKind::Own);
    assert_eq!(Runtime::interpreters(), vec![main.clone()]);
    // The main thread state exists, bound to this thread, detached.
    let ts = Runtime::main_thread_state().unwrap();
    assert_eq!(main.thread_states(), vec![ts]);
    assert_eq!(pyrt::state::gilstate::get_this_thread_state(), Some(ts));
    assert!(pyrt::state::thread_state::current().is_none());
}

#[test]
fn finalize_is_idempotent() {
    let _s = common::serial();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    assert!(!Runtime::is_initialized());
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    assert!(!Runtime::is_initialized());
    assert!(Runtime::main_interpreter().is_none());
    assert!(Runtime::interpreters().is_empty());
}

#[test]
fn registry_is_newest_first_with_ids_from_zero() {
    let _s = common::serial();
    let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let b = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    let c = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    assert_eq!((a.id(), b.id(), c.id()), (1, 2, 3));
    let main = Runtime::main_interpreter().unwrap();
    assert_eq!(Runtime::interpreters(), vec![c.clone(), b.clone(), a.clone(), main.clone()]);
    // PyInterpreterState_Head / Next
    let head = Runtime::interpreter_head().unwrap();
    assert_eq!(head, c);
    assert_eq!(head.next().unwrap(), b);
    assert_eq!(b.next().unwrap(), a);
    assert_eq!(a.next().unwrap(), main);
    assert!(main.next().is_none());
    assert_eq!(Runtime::interpreter_by_id(2).unwrap(), b);
    b.destroy().unwrap();
    assert_eq!(Runtime::interpreters(), vec![c, a, main]);
    assert!(Runtime::interpreter_by_id(2).is_none());
}

#[test]
fn ids_restart_after_finalize_and_cycles_leave_nothing() {
    let _s = common::serial();
    for _cycle in 0..5 {
        let subs: Vec<_> =
            [InterpreterConfig::isolated(), InterpreterConfig::legacy(), InterpreterConfig::free_threaded()]
                .into_iter()
                .map(|c| Interpreter::new(c).unwrap())
                .collect();
        assert_eq!(subs.iter().map(|i| i.id()).collect::<Vec<_>>(), vec![1, 2, 3]);
        for s in &subs {
            s.attach(|py| py.check_eval_breaker().unwrap()).unwrap();
        }
        let weak_main = Runtime::main_interpreter().unwrap();
        // SAFETY: no token, guard or object handle is alive at this point.
        unsafe { Runtime::finalize() };
        assert!(weak_main.is_finalized());
        assert!(subs.iter().all(|s| s.is_finalized()));
        assert!(Runtime::interpreters().is_empty());
        Runtime::initialize();
        assert_eq!(Runtime::main_interpreter().unwrap().id(), 0);
    }
}

#[test]
fn all_three_lock_kinds_coexist() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let own = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let shared = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    let free = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let main_lock = main.lock().unwrap() as *const _;
    assert!(std::ptr::eq(shared.lock().unwrap(), main_lock), "Shared uses the main lock");
    assert!(!std::ptr::eq(own.lock().unwrap(), main_lock), "Own has its own lock");
    assert!(free.lock().is_none(), "None has no lock");
    // A thread can be in all of them: detach from one to enter the next.
    let id = own
        .attach(|py| {
            py.detach(|| shared.attach(|py| py.detach(|| free.attach(|py| py.interpreter().id()).unwrap())).unwrap())
        })
        .unwrap();
    assert_eq!(id, free.id());
}

#[test]
fn config_mirrors_py_interpreter_config() {
    let _s = common::serial();
    let iso = InterpreterConfig::isolated();
    assert_eq!(iso.lock, LockKind::Own);
    assert!(iso.allow_threads && !iso.allow_daemon_threads && iso.check_multi_interp_extensions);
    let legacy = InterpreterConfig::legacy();
    assert_eq!(legacy.lock, LockKind::Shared);
    assert!(legacy.allow_threads && legacy.allow_daemon_threads && !legacy.check_multi_interp_extensions);
    // Invalid combinations are refused with InterpreterError, as CPython's are.
    let bad = InterpreterConfig { check_multi_interp_extensions: false, ..InterpreterConfig::isolated() };
    let err = Interpreter::new(bad).unwrap_err();
    assert_eq!(err.kind(), pyrt::ExcKind::InterpreterError);
    assert_eq!(err.message(), "per-interpreter obmalloc does not support single-phase init extension modules");
    // As in CPython 3.13: the main obmalloc permits single-phase init extensions, with any lock;
    // daemon threads without threads are not refused.
    let main_obmalloc = InterpreterConfig {
        use_main_obmalloc: true,
        check_multi_interp_extensions: false,
        ..InterpreterConfig::isolated()
    };
    Interpreter::new(main_obmalloc).unwrap().destroy().unwrap();
    let daemons =
        InterpreterConfig { allow_threads: false, allow_daemon_threads: true, ..InterpreterConfig::isolated() };
    Interpreter::new(daemons).unwrap().destroy().unwrap();
    let limited = InterpreterConfig { arena_limit: Some(1 << 20), ..InterpreterConfig::isolated() };
    let i = Interpreter::new(limited).unwrap();
    assert_eq!(i.config().arena_limit, Some(1 << 20));
}

#[test]
fn switch_interval_is_per_lock() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let own = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let shared = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    assert_eq!(main.switch_interval(), Some(std::time::Duration::from_millis(5)));
    shared.set_switch_interval(std::time::Duration::from_millis(1)).unwrap();
    assert_eq!(main.switch_interval(), Some(std::time::Duration::from_millis(1)));
    assert_eq!(own.switch_interval(), Some(std::time::Duration::from_millis(5)));
    assert_eq!(own.set_switch_interval(std::time::Duration::ZERO).unwrap_err().kind(), pyrt::ExcKind::ValueError);
    let free = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    assert_eq!(free.switch_interval(), None);
}

#[test]
fn destroy_refuses_main_and_current() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    assert!(main.clone().destroy().is_err());
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let err = sub.attach(|py| py.interpreter().destroy().unwrap_err()).unwrap();
    assert_eq!(err.message(), "cannot destroy the current interpreter");
    sub.clone().destroy().unwrap();
    assert!(sub.destroy().is_err(), "second destroy");
}

#[test]
fn creating_before_initialize_is_an_error() {
    let _s = common::serial();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    let err = Interpreter::new(InterpreterConfig::isolated()).unwrap_err();
    assert_eq!(err.kind(), pyrt::ExcKind::RuntimeError);
}

/// §1.7: `destroy()` while another thread holds a (detached) thread state used to abort the
/// host (`Py_EndInterpreter: not the last thread`); the safe API now refuses with an error and
/// leaves the interpreter usable.
#[test]
fn destroy_with_another_threads_state_is_an_error() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let (held_tx, held_rx) = std::sync::mpsc::channel();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let holder = {
        let sub = sub.clone();
        std::thread::spawn(move || {
            let guard = pyrt::state::gilstate::ensure_in(&sub).unwrap();
            pyrt::Python::with_attached(|py| {
                py.detach(move || {
                    held_tx.send(()).unwrap();
                    done_rx.recv().unwrap();
                })
            });
            drop(guard);
        })
    };
    held_rx.recv().unwrap();
    let err = sub.clone().destroy().unwrap_err();
    assert_eq!(err.kind(), pyrt::ExcKind::InterpreterError);
    assert!(!sub.is_finalized());
    done_tx.send(()).unwrap();
    holder.join().unwrap();
    assert_eq!(sub.attach(|py| py.interpreter().id()).unwrap(), sub.id(), "still usable");
    sub.destroy().unwrap();
}

/// §1.7: `attach()` to a destroyed interpreter used to abort (`PyThreadState_New: the
/// interpreter is finalized`); attaching while another thread destroys it could park the thread
/// for good. Both are errors now, and `f` does not run.
#[test]
fn attach_to_a_destroyed_or_dying_interpreter_is_an_error() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    sub.clone().destroy().unwrap();
    let err = sub.attach(|_| unreachable!("must not run")).unwrap_err();
    assert_eq!(
        (err.kind(), err.message().as_str()),
        (pyrt::ExcKind::InterpreterError, "the interpreter was destroyed")
    );
    assert!(pyrt::state::gilstate::ensure_in(&sub).is_err());

    // Attaching during a destroy: a pending call that the destroy runs lets another thread try.
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let racer = sub.clone();
    sub.attach(|py| {
        py.add_pending_call(pyrt::PendingCall::new(move || {
            let r = std::thread::spawn(move || racer.attach(|_| ()).map_err(|e| e.message())).join().unwrap();
            tx.send(r).unwrap();
            Ok(())
        }))
        .unwrap();
    })
    .unwrap();
    sub.destroy().unwrap();
    assert_eq!(rx.recv().unwrap(), Err("the interpreter is being destroyed".to_string()));
}

/// The C API keeps CPython's fatal error: `Py_EndInterpreter` with another thread state — after
/// running the pending calls still queued (CPython 3.13's order, §3).
#[test]
fn end_interpreter_with_another_thread_state_is_fatal() {
    const NAME: &str = "end_interpreter_with_another_thread_state_is_fatal";
    if common::is_child(NAME) {
        pyrt::Runtime::initialize();
        // SAFETY: test code: no token in use.
        let ts = unsafe { Interpreter::new_with_thread_state(InterpreterConfig::isolated()) }.unwrap();
        // SAFETY: as above.
        let sub = unsafe { ts.as_ref() }.interpreter();
        let _other = pyrt::ThreadState::new(&sub);
        sub.add_pending_call(pyrt::PendingCall::new(|| {
            eprintln!("the pending call ran");
            Ok(())
        }))
        .unwrap();
        // SAFETY: `ts` is current.
        unsafe { pyrt::state::end_interpreter(ts) };
        unreachable!();
    }
    common::assert_fatal(NAME, NAME, "Py_EndInterpreter", "not the last thread");
    let (_, stderr) = common::run_child(NAME, NAME);
    let (ran, fatal) = (stderr.find("the pending call ran"), stderr.find("Fatal Python error"));
    assert!(ran.is_some() && ran < fatal, "pending calls run before the last-thread check:\n{stderr}");
}
