//! GILState nesting from foreign threads, also while a sub-interpreter is swapped in, and the
//! thread-local binding rules.
//!
//! SAFETY (every `unsafe` block in this file): each release matches an ensure of the same
//! thread, each swap attaches a live state of this thread, and each deleted state is detached
//! and not used again.
#![cfg(loom)]

use loom::thread;
use loom_tests::check;
use pyrt::state::gilstate::{self, GilState};
use pyrt::state::thread_state;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime, ThreadState};

/// The sub-interpreter shares the main interpreter's lock (a legacy sub-interpreter), so the
/// foreign thread's Ensure and this thread's swap contend for one lock: the two threads race.
fn nesting() {
    Runtime::initialize();
    let sub = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    // A foreign thread nests Ensure/Release in the main interpreter...
    let foreign = thread::spawn(|| {
        let outer = gilstate::ensure();
        let inner = gilstate::ensure();
        assert_eq!(inner, GilState::Locked);
        // SAFETY (both releases): each releases this thread's own Ensure, innermost first, and no
        // token or handle of the state is alive.
        unsafe { gilstate::release(inner) };
        assert!(thread_state::current().is_some(), "an inner release detached");
        unsafe { gilstate::release(outer) };
        assert!(thread_state::current().is_none());
        assert!(gilstate::get_this_thread_state().is_none(), "Ensure's state outlived its last release");
    });
    // ...while this thread swaps a sub-interpreter's state in (created while the main thread
    // state is the binding, so only attach can re-bind) and nests plain Ensure on it.
    let sub_ts = ThreadState::new(&sub);
    // SAFETY (the swaps, release and delete below): this thread owns `sub_ts`, holds no token or
    // handle across them, and deletes the state only after swapping it out.
    let prev = unsafe { thread_state::swap(Some(sub_ts)) };
    assert_eq!(prev, None);
    assert_eq!(gilstate::get_this_thread_state(), Some(sub_ts), "binding did not follow the attach");
    let st = gilstate::ensure();
    assert_eq!(st, GilState::Locked);
    unsafe { gilstate::release(st) };
    assert_eq!(thread_state::current(), Some(sub_ts));
    unsafe { thread_state::swap(None) };
    unsafe { ThreadState::delete(sub_ts) };
    foreign.join().unwrap();
    assert!(sub.thread_states().is_empty());
}

#[test]
fn gilstate_nesting_foreign_and_swapped() {
    check(None, false, nesting);
}

#[test]
#[should_panic(expected = "assertion")]
fn broken_gilstate_release_ignores_counter() {
    check(Some(Mutation::GilstateReleaseIgnoresCounter), false, nesting);
}

#[test]
#[should_panic(expected = "binding did not follow the attach")]
fn broken_attach_skips_gilstate_rebind() {
    check(Some(Mutation::AttachSkipsGilstateRebind), false, nesting);
}

/// Two threads follow the binding rules at once, each in its own thread-local slots: a
/// thread without a binding binds the first state it creates; every attach re-binds to the
/// attached state; deleting a state unbinds it.
fn tls_bindings() {
    Runtime::initialize();
    let sub = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let worker = |sub: Interpreter| {
        thread::spawn(move || {
            let main = Runtime::main_interpreter().unwrap();
            let first = ThreadState::new(&main);
            assert_eq!(gilstate::get_this_thread_state(), Some(first));
            let second = ThreadState::new(&sub);
            assert_eq!(gilstate::get_this_thread_state(), Some(first), "creating does not re-bind");
            // SAFETY (the swaps, save and deletes below): both states belong to this thread, no
            // token or handle is alive, and each is deleted only when it is not current.
            unsafe { thread_state::swap(Some(second)) };
            assert_eq!(gilstate::get_this_thread_state(), Some(second), "attach re-binds");
            unsafe { thread_state::swap(Some(first)) };
            assert_eq!(gilstate::get_this_thread_state(), Some(first));
            unsafe { ThreadState::delete(second) };
            unsafe { thread_state::save_thread() };
            unsafe { ThreadState::delete(first) };
            assert!(gilstate::get_this_thread_state().is_none(), "deleting unbinds");
        })
    };
    let a = worker(sub.clone());
    let b = worker(sub.clone());
    a.join().unwrap();
    b.join().unwrap();
    assert!(sub.thread_states().is_empty());
    // The main thread's binding is untouched by theirs.
    assert_eq!(gilstate::get_this_thread_state(), Runtime::main_thread_state());
}

#[test]
fn tls_binding_rules() {
    check(None, false, tls_bindings);
}

#[test]
#[should_panic(expected = "attach re-binds")]
fn broken_tls_binding_without_rebind() {
    check(Some(Mutation::AttachSkipsGilstateRebind), false, tls_bindings);
}
