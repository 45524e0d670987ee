//! Stop-the-world against other stops and against thread states that come and go during a stop
//! (free-threaded interpreter). Every write to the plain cell happens while the writer's world
//! is stopped or while it is attached, so loom reports any two writes a stop fails to order.
#![cfg(loom)]

use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::thread;
use loom_tests::check;
use pyrt::state::WorldStopped;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Python, Runtime};

/// Stops the world of `interp` from the thread attached as `py` (one place to adapt if the
/// stop-the-world entry point changes).
fn stop_the_world<'py>(_interp: &Interpreter, py: Python<'py>) -> WorldStopped<'py> {
    py.stop_the_world()
}

#[derive(Clone)]
struct Cell(Arc<UnsafeCell<usize>>);

impl Cell {
    fn new() -> Self {
        Cell(Arc::new(UnsafeCell::new(0)))
    }
    fn bump(&self) {
        // SAFETY: called with the world stopped or while attached; loom checks the ordering.
        self.0.with_mut(|v| unsafe { *v += 1 });
    }
    fn get(&self) -> usize {
        // SAFETY: every other thread is joined.
        self.0.with(|v| unsafe { *v })
    }
}

/// Two attached threads stop the world at the same time: the stops run one after the other,
/// each with the other thread parked (the second requester detaches while it waits its turn).
fn two_requesters() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Cell::new();
    let other = {
        let (interp, cell) = (interp.clone(), cell.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let world = stop_the_world(&interp, py);
                    cell.bump();
                    drop(world);
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let world = stop_the_world(&interp, py);
            cell.bump();
            drop(world);
        })
        .unwrap();
    other.join().unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn stw_two_concurrent_requesters() {
    check(None, false, two_requesters);
}

/// Two overlapping stops each wait for the other requester to park: deadlock.
#[test]
#[should_panic(expected = "deadlock")]
fn broken_stw_request_not_exclusive() {
    check(Some(Mutation::StwRequestNotExclusive), false, two_requesters);
}

/// Without the requester's fence, the requester can count the waiting requester as attached
/// while that thread's detach misses the request (store buffering): nobody counts down.
#[test]
#[should_panic(expected = "deadlock")]
fn broken_stw_requester_no_fence() {
    check(Some(Mutation::StwRequesterNoFence), false, two_requesters);
}

/// A thread enters the interpreter (its thread state is created, attached, then deleted by
/// the last release) while this thread stops the world: created during the stop, the state
/// must start SUSPENDED; deleted while counted, it must leave the count.
fn states_come_and_go_during_a_stop() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Cell::new();
    let newcomer = {
        let (interp, cell) = (interp.clone(), cell.clone());
        thread::spawn(move || interp.attach(|_py| cell.bump()).unwrap())
    };
    interp
        .attach(|py| {
            let world = stop_the_world(&interp, py);
            cell.bump();
            drop(world);
        })
        .unwrap();
    newcomer.join().unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn stw_thread_states_created_and_deleted_during_a_stop() {
    check(None, false, states_come_and_go_during_a_stop);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_stw_create_ignores_stop() {
    check(Some(Mutation::StwCreateIgnoresStop), false, states_come_and_go_during_a_stop);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_stw_delete_skips_forget() {
    check(Some(Mutation::StwDeleteSkipsForget), false, states_come_and_go_during_a_stop);
}
