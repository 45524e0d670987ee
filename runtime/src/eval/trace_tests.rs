//! The Rust-level trace hook ([`TraceFn`]) and frame objects, driven by Python code.

use std::sync::{Arc, Mutex};

use crate::Runtime;
use crate::state::thread_state::{self, TraceArgs, TraceEvent, TraceFn};

fn with<R>(f: impl FnOnce(crate::Python<'_>) -> R) -> R {
    Runtime::initialize();
    crate::attach(f)
}

fn this_thread() -> &'static thread_state::ThreadState {
    let ts = thread_state::current().expect("attached");
    // SAFETY: the thread state stays attached for the test's `attach` call.
    unsafe { &*ts.as_ptr() }
}

type Log = Arc<Mutex<Vec<(TraceEvent, String, Option<i32>)>>>;

fn recorder(log: &Log) -> TraceFn {
    let log = log.clone();
    Arc::new(move |a: &TraceArgs<'_>| {
        log.lock().unwrap().push((a.event, a.code_name(), a.lineno()));
        Ok(())
    })
}

const PROGRAM: &[u8] = b"def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return len([t])\nf(2)\n";

#[test]
fn rust_trace_hook_sees_calls_lines_and_returns() {
    with(|py| {
        let log: Log = Arc::default();
        let ts = this_thread();
        ts.set_trace(Some(recorder(&log)));
        assert!(ts.is_hooked());
        let r = crate::run::exec(py, PROGRAM, "<trace-test>");
        ts.set_trace(None);
        assert!(!ts.is_hooked());
        r.unwrap();
        let events: Vec<_> = log.lock().unwrap().iter().filter(|e| e.1 == "f").cloned().collect();
        use TraceEvent::{Call, Line, Return};
        let expect: Vec<(TraceEvent, Option<i32>)> = vec![
            (Call, Some(1)),
            (Line, Some(2)),
            (Line, Some(3)),
            (Line, Some(4)),
            (Line, Some(3)),
            (Line, Some(4)),
            (Line, Some(3)),
            (Line, Some(5)),
            (Return, Some(5)),
        ];
        assert_eq!(events.iter().map(|e| (e.0, e.2)).collect::<Vec<_>>(), expect);
    });
}

#[test]
fn rust_profile_hook_sees_native_calls_and_no_lines() {
    with(|py| {
        let log: Log = Arc::default();
        let ts = this_thread();
        ts.set_profile(Some(recorder(&log)));
        let r = crate::run::exec(py, PROGRAM, "<profile-test>");
        ts.set_profile(None);
        r.unwrap();
        let events: Vec<TraceEvent> = log.lock().unwrap().iter().map(|e| e.0).collect();
        assert!(!events.contains(&TraceEvent::Line));
        // `range` is a type (no event); `len` is a builtin function.
        let c_calls = events.iter().filter(|e| **e == TraceEvent::CCall).count();
        assert_eq!(c_calls, 1, "{events:?}");
        assert!(events.contains(&TraceEvent::CReturn));
        assert_eq!(events.iter().filter(|e| **e == TraceEvent::Call).count(), 2, "module and f: {events:?}");
    });
}

#[test]
fn a_failing_hook_is_removed_and_its_error_propagates() {
    with(|py| {
        let ts = this_thread();
        ts.set_trace(Some(Arc::new(|a: &TraceArgs<'_>| {
            if a.event == TraceEvent::Line {
                Err(crate::PyErr::new(crate::ExcKind::RuntimeError, "hook failed"))
            } else {
                Ok(())
            }
        })));
        let err = crate::run::exec(py, b"x = 1\n", "<failing-hook>").unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: hook failed");
        assert!(ts.trace().is_none() && !ts.is_hooked());
    });
}

#[test]
fn frames_detach_with_their_locals() {
    with(|py| {
        let src = b"import sys\ndef f():\n    a = 5\n    return sys._getframe()\nfr = f()\nassert fr.f_locals['a'] == 5\nassert fr.f_back is sys._getframe()\nassert fr.f_lineno == 4\n";
        crate::run::exec(py, src, "<frames>").unwrap();
        // Out of any Python frame there is no current frame.
        assert!(super::frame_object::frame_at_depth(0).unwrap().is_none());
    });
}
