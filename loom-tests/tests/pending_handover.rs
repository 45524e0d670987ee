//! Pending calls across a change of the interpreter's main thread state: the state that was
//! signalled leaves the interpreter while a call is being added, and another attached thread
//! checks its breaker afterwards. The call must run there (CPython 3.13 signals every thread of
//! the interpreter for calls that are not main-thread-only; pyrt hands the role over).
#![cfg(loom)]

use std::sync::Arc;

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::support::Signal;
use loom_tests::{check, check_rejected};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, PendingCall, Runtime};

fn handover() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let ran = Arc::new(AtomicUsize::new(0));
    let (first_in, first_gone, added, second_in) = (
        Arc::new(Signal::default()),
        Arc::new(Signal::default()),
        Arc::new(Signal::default()),
        Arc::new(Signal::default()),
    );
    // The first thread state of the interpreter: its main thread, until it is deleted.
    let first = {
        let (interp, first_in, second_in, first_gone) =
            (interp.clone(), first_in.clone(), second_in.clone(), first_gone.clone());
        thread::spawn(move || {
            interp
                .attach(|_py| {
                    first_in.set();
                    second_in.wait();
                })
                .unwrap();
            first_gone.set();
        })
    };
    let adder = {
        let (interp, ran, second_in, added) = (interp.clone(), ran.clone(), second_in.clone(), added.clone());
        thread::spawn(move || {
            second_in.wait();
            let call = PendingCall::new(move || {
                ran.fetch_add(1, Ordering::Relaxed);
                Ok(())
            });
            interp.add_pending_call(call).unwrap();
            added.set();
        })
    };
    first_in.wait();
    interp
        .attach(|py| {
            second_in.set();
            first_gone.wait();
            added.wait();
            py.check_eval_breaker().unwrap();
        })
        .unwrap();
    first.join().unwrap();
    adder.join().unwrap();
    assert_eq!(ran.load(Ordering::Relaxed), 1, "the call did not run at the next breaker check");
}

/// The regression test of issue 6's §1.8/§3 (pending calls run by whichever thread checks
/// first): every thread state of the interpreter is signalled, so the first state leaving takes
/// nothing with it.
#[test]
fn pending_call_main_thread_handover() {
    check(None, false, handover);
}

/// The broken twin: the call is signalled only to the interpreter's main (first) state, which is
/// deleted without handing the signal on, so the second state's breaker never says "calls to
/// do". It fails only when the call is added before the first state is gone (after, there is no
/// main state and every state is signalled): loom has to find that interleaving.
#[test]
fn broken_pending_signals_main_state_only() {
    check_rejected(
        Mutation::PendingSignalsMainStateOnly,
        false,
        "the call did not run at the next breaker check",
        handover,
    );
}
