//! Thread states: new / clear / delete, attach / detach and their CPython-named wrappers.

mod common;

use std::ptr::NonNull;
use std::sync::Arc;

use pyrt::state::thread_state::{self, Status, TraceEvent};
use pyrt::{Interpreter, InterpreterConfig, Runtime, ThreadState};

fn ts_ref<'a>(p: NonNull<ThreadState>) -> &'a ThreadState {
    // SAFETY (test): the pointer comes from a live thread state the test has not deleted.
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { &*p.as_ptr() }
}

#[test]
fn new_attach_detach_delete() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let p = ThreadState::new(&interp);
    let ts = ts_ref(p);
    assert_eq!(ts.status(), Status::Detached);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    assert_eq!(ts.thread_id(), unsafe { libc_pthread_self() });
    assert_ne!(ts.native_thread_id(), 0);
    assert_eq!(ts.interpreter(), interp);
    assert!(!interp.lock().unwrap().is_locked());

    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(p) };
    assert_eq!(ts.status(), Status::Attached);
    assert_eq!(thread_state::current(), Some(p));
    assert!(interp.lock().unwrap().is_locked());

    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    let saved = unsafe { thread_state::save_thread() };
    assert_eq!(saved, p);
    assert_eq!(ts.status(), Status::Detached);
    assert!(thread_state::current().is_none());
    assert!(!interp.lock().unwrap().is_locked());

    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::acquire_thread(p) };
    assert_eq!(thread_state::get(), p);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::release_thread(p) };
    assert!(thread_state::current().is_none());

    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { ThreadState::delete(p) };
    assert!(interp.thread_states().is_empty());
}

unsafe fn libc_pthread_self() -> u64 {
    unsafe extern "C" {
        fn pthread_self() -> usize;
    }
    // SAFETY: no preconditions.
    unsafe { pthread_self() as u64 }
}

#[test]
fn unique_ids_and_newest_first_iteration() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let a = ThreadState::new(&interp);
    let b = ThreadState::new(&interp);
    let c = ThreadState::new(&interp);
    assert_eq!((ts_ref(a).id(), ts_ref(b).id(), ts_ref(c).id()), (1, 2, 3));
    assert_eq!(interp.thread_states(), vec![c, b, a]);
    assert_eq!(interp.thread_head(), Some(c));
    assert_eq!(interp.thread_next(c), Some(b));
    assert_eq!(interp.thread_next(b), Some(a));
    assert_eq!(interp.thread_next(a), None);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { ThreadState::delete(b) };
    assert_eq!(interp.thread_states(), vec![c, a]);
    let d = ThreadState::new(&interp);
    assert_eq!(ts_ref(d).id(), 4, "ids are never reused");
    for p in [a, c, d] {
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { ThreadState::delete(p) };
    }
}

#[test]
fn swap_moves_between_interpreters() {
    let _s = common::serial();
    let main_ts = Runtime::main_thread_state().unwrap();
    let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let sub_ts = ThreadState::new(&sub);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe {
        assert_eq!(thread_state::swap(Some(main_ts)), None);
        assert_eq!(thread_state::swap(Some(sub_ts)), Some(main_ts));
        assert_eq!(ts_ref(main_ts).status(), Status::Detached);
        assert_eq!(ts_ref(sub_ts).status(), Status::Attached);
        assert_eq!(thread_state::swap(None), Some(sub_ts));
        assert!(thread_state::current().is_none());
        ThreadState::delete(sub_ts);
    }
}

#[test]
fn new_with_thread_state_attaches_and_end_interpreter_detaches() {
    let _s = common::serial();
    let main_ts = Runtime::main_thread_state().unwrap();
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(main_ts) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    let sub_ts = unsafe { Interpreter::new_with_thread_state(InterpreterConfig::legacy()) }.unwrap();
    assert_eq!(thread_state::current(), Some(sub_ts));
    assert_eq!(ts_ref(main_ts).status(), Status::Detached, "the caller's state is left detached");
    let sub = ts_ref(sub_ts).interpreter();
    assert_eq!(sub.id(), 1);
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { pyrt::state::end_interpreter(sub_ts) };
    assert!(thread_state::current().is_none());
    assert!(sub.is_finalized());
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(main_ts) };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::save_thread() };
}

#[test]
fn clear_resets_per_thread_data() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let p = ThreadState::new(&interp);
    let ts = ts_ref(p);
    ts.with_dict(|d| d.insert("key".into(), Box::new(42u32)));
    assert_eq!(ts.with_dict(|d| *d["key"].downcast_ref::<u32>().unwrap()), 42);
    let seen: Arc<std::sync::Mutex<Vec<TraceEvent>>> = Arc::new(std::sync::Mutex::new(Vec::new()));
    let s2 = seen.clone();
    ts.set_trace(Some(Arc::new(move |a| {
        s2.lock().unwrap().push(a.event);
        Ok(())
    })));
    ts.set_profile(Some(Arc::new(|_| Ok(()))));
    assert!(ts.is_hooked());
    assert!(ts.trace().is_some() && seen.lock().unwrap().is_empty());
    ts.set_async_exc(Some(pyrt::PyErr::from_kind(pyrt::ExcKind::KeyboardInterrupt)));
    ts.clear();
    assert!(ts.is_cleared());
    assert!(ts.trace().is_none() && ts.profile().is_none());
    assert!(ts.with_dict(|d| d.is_empty()));
    // The cleared async exception is not raised.
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::restore_thread(p) };
    // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
    assert!(unsafe { pyrt::state::breaker::check_eval_breaker(ts) }.is_ok());
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { thread_state::save_thread() };
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { ThreadState::delete(p) };
}

#[test]
fn a_thread_state_can_move_to_another_os_thread_while_detached() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let p = ThreadState::new(&interp);
    let addr = p.as_ptr() as usize;
    std::thread::spawn(move || {
        let p = NonNull::new(addr as *mut ThreadState).unwrap();
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(p) };
        assert_eq!(thread_state::current(), Some(p));
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::save_thread() };
    })
    .join()
    .unwrap();
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { ThreadState::delete(p) };
}

// ---- misuse that CPython treats as fatal -------------------------------------------------

fn fatal_child(name: &str, body: impl FnOnce()) -> bool {
    if common::is_child(name) {
        Runtime::initialize();
        body();
        eprintln!("scenario returned");
        std::process::exit(3);
    }
    false
}

#[test]
fn fatal_attach_while_attached() {
    const N: &str = "fatal_attach_while_attached";
    fatal_child(N, || {
        let main_ts = Runtime::main_thread_state().unwrap();
        let other = ThreadState::new(&Runtime::main_interpreter().unwrap());
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(main_ts) };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(other) };
    });
    common::assert_fatal(N, N, "_PyThreadState_Attach", "non-NULL old thread state");
}

#[test]
fn fatal_save_thread_without_thread_state() {
    const N: &str = "fatal_save_thread_without_thread_state";
    fatal_child(N, || {
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::save_thread() };
    });
    common::assert_fatal(N, N, "PyEval_SaveThread", "the function must be called with the GIL held");
}

#[test]
fn fatal_get_without_thread_state() {
    const N: &str = "fatal_get_without_thread_state";
    fatal_child(N, || {
        thread_state::get();
    });
    common::assert_fatal(N, N, "PyThreadState_Get", "the function must be called with the GIL held");
}

#[test]
fn fatal_delete_current() {
    const N: &str = "fatal_delete_current";
    fatal_child(N, || {
        let main_ts = Runtime::main_thread_state().unwrap();
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(main_ts) };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { ThreadState::delete(main_ts) };
    });
    common::assert_fatal(N, N, "PyThreadState_Delete", "tstate 0x");
}

#[test]
fn fatal_release_thread_of_another_state() {
    const N: &str = "fatal_release_thread_of_another_state";
    fatal_child(N, || {
        let main_ts = Runtime::main_thread_state().unwrap();
        let other = ThreadState::new(&Runtime::main_interpreter().unwrap());
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::restore_thread(main_ts) };
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { thread_state::release_thread(other) };
    });
    common::assert_fatal(N, N, "PyEval_ReleaseThread", "non-current thread state");
}

#[test]
fn fatal_end_interpreter_not_current() {
    const N: &str = "fatal_end_interpreter_not_current";
    fatal_child(N, || {
        let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let ts = ThreadState::new(&sub);
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        unsafe { pyrt::state::end_interpreter(ts) };
    });
    common::assert_fatal(N, N, "Py_EndInterpreter", "thread is not current");
}
