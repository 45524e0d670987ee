//! Pending calls, async exceptions and signals.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use pyrt::state::thread_state;
use pyrt::{ExcKind, Interpreter, InterpreterConfig, PendingCall, PyErr, Runtime};

fn record(log: &Arc<Mutex<Vec<u32>>>, n: u32) -> PendingCall {
    let log = log.clone();
    PendingCall::new(move || {
        log.lock().unwrap().push(n);
        Ok(())
    })
}

#[test]
fn pending_calls_run_in_order_on_the_interpreter_main_thread() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    interp
        .attach(|py| {
            assert!(py.thread_state().is_interpreter_main());
            // Other threads queue calls...
            let adders: Vec<_> = (0..4)
                .map(|t| {
                    let (interp, log) = (interp.clone(), log.clone());
                    std::thread::spawn(move || {
                        for i in 0..10 {
                            interp.add_pending_call(record(&log, t * 100 + i)).unwrap();
                        }
                    })
                })
                .collect();
            for a in adders {
                a.join().unwrap();
            }
            assert_eq!(interp.pending_calls(), 40);
            assert!(log.lock().unwrap().is_empty(), "nothing runs before a breaker check");
            py.check_eval_breaker().unwrap();
        })
        .unwrap();
    let log = log.lock().unwrap();
    assert_eq!(log.len(), 40, "nothing lost, nothing run twice");
    for t in 0..4 {
        let mine: Vec<_> = log.iter().filter(|n| **n / 100 == t).copied().collect();
        assert_eq!(mine, (0..10).map(|i| t * 100 + i).collect::<Vec<_>>(), "FIFO per adder");
    }
}

#[test]
fn a_full_queue_gives_the_call_back_and_keeps_the_rest() {
    let _s = common::serial();
    let interp =
        Interpreter::new(InterpreterConfig { pending_call_limit: 3, ..InterpreterConfig::isolated() }).unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    for i in 0..3 {
        interp.add_pending_call(record(&log, i)).unwrap();
    }
    let refused = interp.add_pending_call(record(&log, 99));
    assert!(refused.is_err());
    assert_eq!(interp.pending_calls(), 3);
    interp.attach(|py| py.check_eval_breaker().unwrap()).unwrap();
    assert_eq!(*log.lock().unwrap(), vec![0, 1, 2]);
}

#[test]
fn a_failing_call_raises_in_the_thread_that_ran_it() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    interp.add_pending_call(record(&log, 1)).unwrap();
    interp.add_pending_call(PendingCall::new(|| Err(PyErr::new(ExcKind::ValueError, "boom")))).unwrap();
    interp.add_pending_call(record(&log, 3)).unwrap();
    interp
        .attach(|py| {
            let err = py.check_eval_breaker().unwrap_err();
            assert_eq!(err, PyErr::new(ExcKind::ValueError, "boom"));
            assert_eq!(*log.lock().unwrap(), vec![1]);
            // The call behind it runs at the next check.
            py.check_eval_breaker().unwrap();
            assert_eq!(*log.lock().unwrap(), vec![1, 3]);
        })
        .unwrap();
}

/// §3: per-interpreter calls run on whichever thread of the interpreter checks its breaker
/// first (CPython 3.13's handling-thread rule), not only on the interpreter's main thread state.
#[test]
fn interpreter_calls_run_on_whichever_thread_checks_first() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let ran_on = Arc::new(Mutex::new(None));
    let main_ts = pyrt::ThreadState::new(&interp); // the interpreter's first (main) state, detached
    {
        let ran_on = ran_on.clone();
        interp
            .add_pending_call(PendingCall::new(move || {
                *ran_on.lock().unwrap() = thread_state::current().map(|p| p.as_ptr() as usize);
                Ok(())
            }))
            .unwrap();
    }
    let interp2 = interp.clone();
    let checker = std::thread::spawn(move || {
        interp2
            .attach(|py| {
                py.check_eval_breaker().unwrap();
                py.thread_state() as *const pyrt::ThreadState as usize
            })
            .unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(*ran_on.lock().unwrap(), Some(checker), "the first thread to check ran it");
    assert_ne!(checker, main_ts.as_ptr() as usize);
    // SAFETY: test code: detached, never used again.
    unsafe { pyrt::ThreadState::delete(main_ts) };
}

/// §3 and §1.8: main-thread calls (`Py_AddPendingCall`) and signal handlers run on the main OS
/// thread attached to the main interpreter — a role of the OS thread, whatever thread state it
/// uses — and a call added while no state holds the role is not lost.
#[test]
fn main_thread_work_belongs_to_the_main_os_thread() {
    let _s = common::serial();
    // The state `initialize` made for this thread goes away: the role is vacant.
    let init_ts = Runtime::main_thread_state().unwrap();
    // SAFETY: test code: detached, never used again.
    unsafe { pyrt::ThreadState::delete(init_ts) };
    let ran = Arc::new(AtomicU64::new(0));
    let r = ran.clone();
    Runtime::add_pending_call(PendingCall::new(move || {
        r.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }))
    .unwrap();
    Runtime::trip_signal(pyrt::state::SIGINT);
    // Another OS thread in the main interpreter runs neither.
    std::thread::spawn(|| pyrt::attach(|py| py.check_eval_breaker()).unwrap()).join().unwrap();
    assert_eq!(ran.load(Ordering::SeqCst), 0);
    // The main OS thread, with a brand-new state, runs both.
    let err = pyrt::attach(|py| {
        assert!(py.check_eval_breaker().is_err_and(|e| e.kind() == ExcKind::KeyboardInterrupt));
        py.check_eval_breaker()
    });
    assert!(err.is_ok());
    assert_eq!(ran.load(Ordering::SeqCst), 1);
}

#[test]
fn py_add_pending_call_uses_the_main_queue_of_32() {
    let _s = common::serial();
    let count = Arc::new(AtomicU64::new(0));
    let mut accepted = 0;
    for _ in 0..40 {
        let c = count.clone();
        if Runtime::add_pending_call(PendingCall::new(move || {
            c.fetch_add(1, Ordering::Relaxed);
            Ok(())
        }))
        .is_ok()
        {
            accepted += 1;
        }
    }
    assert_eq!(accepted, pyrt::state::MAX_PENDING_CALLS_MAIN);
    // A C function pointer works too, once there is room.
    pyrt::attach(|py| py.check_eval_breaker().unwrap());
    assert_eq!(count.load(Ordering::Relaxed), 32);
    static C_CALLS: AtomicU64 = AtomicU64::new(0);
    unsafe extern "C" fn c_call(arg: *mut std::ffi::c_void) -> std::ffi::c_int {
        C_CALLS.fetch_add(arg as u64, Ordering::Relaxed);
        0
    }
    // SAFETY: c_call only bumps a counter; its argument is a plain integer.
    Runtime::add_pending_call(unsafe { PendingCall::from_c(c_call, 5 as *mut _) }).unwrap();
    pyrt::attach(|py| py.check_eval_breaker().unwrap());
    assert_eq!(C_CALLS.load(Ordering::Relaxed), 5);
}

fn async_exc_interrupts_a_loop(config: InterpreterConfig) {
    let interp = Interpreter::new(config).unwrap();
    let (tx, rx) = mpsc::channel();
    let worker = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    tx.send(py.thread_state().thread_id()).unwrap();
                    let mut spins = 0u64;
                    loop {
                        spins += 1;
                        if let Err(e) = py.check_eval_breaker() {
                            return (e, spins);
                        }
                    }
                })
                .unwrap()
        })
    };
    let tid = rx.recv().unwrap();
    assert_eq!(interp.set_async_exc(0xdead_beef, Some(PyErr::from_kind(ExcKind::SystemExit))), 0, "bogus id");
    assert_eq!(interp.set_async_exc(tid, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt))), 1);
    let (err, _) = worker.join().unwrap();
    assert_eq!(err.kind(), ExcKind::KeyboardInterrupt);
}

#[test]
fn async_exception_stops_a_runaway_loop_own_lock() {
    let _s = common::serial();
    async_exc_interrupts_a_loop(InterpreterConfig::isolated());
}

#[test]
fn async_exception_stops_a_runaway_loop_free_threaded() {
    let _s = common::serial();
    async_exc_interrupts_a_loop(InterpreterConfig::free_threaded());
}

#[test]
fn async_exception_can_be_cleared_before_it_is_raised() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let (tid_tx, tid_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let worker = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            let g = pyrt::state::gilstate::ensure_in(&interp).unwrap();
            let ts = g.thread_state();
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            let saved = unsafe { thread_state::save_thread() };
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            tid_tx.send(unsafe { ts.as_ref() }.thread_id()).unwrap();
            go_rx.recv().unwrap();
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            unsafe { thread_state::restore_thread(saved) };
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            let r = unsafe { pyrt::state::breaker::check_eval_breaker(ts.as_ref()) };
            drop(g);
            r
        })
    };
    let tid = tid_rx.recv().unwrap();
    assert_eq!(interp.set_async_exc(tid, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt))), 1);
    assert_eq!(interp.set_async_exc(tid, None), 1);
    go_tx.send(()).unwrap();
    assert!(worker.join().unwrap().is_ok(), "a cleared async exception is not raised");
}

#[test]
fn sigint_raises_keyboard_interrupt_in_the_main_thread() {
    let _s = common::serial();
    Runtime::trip_signal(pyrt::state::SIGINT);
    let err = pyrt::attach(|py| py.check_eval_breaker().unwrap_err());
    assert_eq!(err.kind(), ExcKind::KeyboardInterrupt);
    let seen = Arc::new(AtomicU64::new(0));
    let s = seen.clone();
    Runtime::set_signal_handler(
        10,
        Some(Arc::new(move |sig| {
            s.store(sig as u64, Ordering::Relaxed);
            Ok(())
        })),
    )
    .unwrap();
    Runtime::trip_signal(10);
    // Another thread does not handle signals.
    std::thread::spawn(|| pyrt::attach(|py| py.check_eval_breaker().unwrap())).join().unwrap();
    assert_eq!(seen.load(Ordering::Relaxed), 0);
    pyrt::attach(|py| py.check_eval_breaker().unwrap());
    assert_eq!(seen.load(Ordering::Relaxed), 10);
}

/// §3: calls still queued when an interpreter is destroyed run there (before its last-thread
/// check, as 3.13's `Py_EndInterpreter`), and a failing one has its exception printed as CPython
/// 3.13's `_Py_FinishPendingCalls` prints it — never silently dropped; the calls behind it run.
#[test]
fn a_failing_call_at_destroy_is_reported() {
    const N: &str = "a_failing_call_at_destroy_is_reported";
    if common::is_child(N) {
        Runtime::initialize();
        let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        sub.add_pending_call(PendingCall::new(|| Err(PyErr::new(ExcKind::ValueError, "boom")))).unwrap();
        sub.add_pending_call(PendingCall::new(|| {
            eprintln!("second call ran");
            Ok(())
        }))
        .unwrap();
        unsafe extern "C" fn c_fails(_: *mut std::ffi::c_void) -> std::ffi::c_int {
            -1
        }
        // SAFETY: `c_fails` touches nothing.
        sub.add_pending_call(unsafe { PendingCall::from_c(c_fails, std::ptr::null_mut()) }).unwrap();
        sub.destroy().unwrap();
        std::process::exit(0);
    }
    let (aborted, stderr) = common::run_child(N, N);
    assert!(!aborted, "{stderr}");
    let bad = "SystemError: Python/ceval_gil.c:1020: bad argument to internal function";
    let expected = format!(
        "ValueError: boom\n\nDuring handling of the above exception, another exception occurred:\n\n{bad}\nsecond call ran\n{bad}\n"
    );
    assert!(stderr.contains(&expected), "expected {expected:?} in:\n{stderr}");
}
