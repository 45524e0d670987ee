//! The pending-call queue under concurrent adds: nothing lost, nothing run twice, a full queue
//! reported.
#![cfg(loom)]

use std::sync::Arc;
// std atomics: loom does not need to see these bookkeeping counters, and calls left in the
// queue by a broken twin must be droppable after the model ends.
use loom::thread;
use loom_tests::check;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, PendingCall, Runtime};
use std::sync::atomic::{AtomicUsize, Ordering};

fn concurrent_adds() {
    Runtime::initialize();
    let interp =
        Interpreter::new(InterpreterConfig { pending_call_limit: 2, ..InterpreterConfig::isolated() }).unwrap();
    let ran = Arc::new(AtomicUsize::new(0)); // bit i: call i ran
    let refused = Arc::new(AtomicUsize::new(0)); // bit i: call i was refused
    let call = |i: usize, ran: &Arc<AtomicUsize>| {
        let ran = ran.clone();
        PendingCall::new(move || {
            let before = ran.fetch_or(1 << i, Ordering::Relaxed);
            assert_eq!(before & (1 << i), 0, "call {i} ran twice");
            Ok(())
        })
    };
    interp
        .attach(|py| {
            // This thread is the interpreter's main thread: it runs the calls.
            let adders: Vec<_> = (0..2)
                .map(|t| {
                    let (interp, ran, refused) = (interp.clone(), ran.clone(), refused.clone());
                    let c = call(t, &ran);
                    thread::spawn(move || {
                        if interp.add_pending_call(c).is_err() {
                            refused.fetch_or(1 << t, Ordering::Relaxed);
                        }
                    })
                })
                .collect();
            if interp.add_pending_call(call(2, &ran)).is_err() {
                refused.fetch_or(1 << 2, Ordering::Relaxed);
            }
            py.check_eval_breaker().unwrap();
            for a in adders {
                a.join().unwrap();
            }
            py.check_eval_breaker().unwrap();
        })
        .unwrap();
    let (ran, refused) = (ran.load(Ordering::Relaxed), refused.load(Ordering::Relaxed));
    assert_eq!(ran & refused, 0, "a refused call ran");
    assert_eq!(ran | refused, 0b111, "a call was lost: ran {ran:b} refused {refused:b}");
    assert_eq!(interp.pending_calls(), 0);
}

#[test]
fn pending_calls_concurrent_adds() {
    check(None, false, concurrent_adds);
}

#[test]
#[should_panic(expected = "a call was lost")]
fn broken_pending_unsignal_after_drain() {
    check(Some(Mutation::PendingUnsignalAfterDrain), false, concurrent_adds);
}
