//! Brief writes (`pyrt::object::mutation::locked_briefly`, CPython 3.14's `LOCK_OBJECT`): the
//! specialised instance-attribute store takes the object's mutex with one try-lock and no
//! critical section, and falls back to the critical section when the mutex is taken. One thread
//! writes briefly while the other writes inside a critical section on the same object — which
//! it leaves detached for a moment, so that the brief write may also run while the section is
//! suspended — and then re-enters with a brief write inside its own section (the fallback must
//! see the re-entry, not wait for itself). Every write bumps a counter with a separate load and
//! store, so two writes that overlap lose one bump, which the final count reports. The twin
//! writes without the mutex (`BriefWriteUnlocked`).
#![cfg(loom)]

use std::sync::Arc;

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::support::{Kept, new_probe};
use loom_tests::{check, check_rejected};
use pyrt::object::mutation_model::locked_briefly;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, RefcountStrategy, Runtime};

/// A counter that only holders of the object's mutex may bump: a load, then a store, so two
/// bumps that overlap lose one.
#[derive(Clone)]
struct Guarded(Arc<AtomicUsize>);

impl Guarded {
    fn bump(&self) {
        let v = self.0.load(Ordering::Relaxed);
        self.0.store(v + 1, Ordering::Relaxed);
    }
    fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

fn brief_write_vs_section() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded(Arc::new(AtomicUsize::new(0)));
    interp
        .attach(|py| {
            let a = new_probe(py, RefcountStrategy::Atomic, &Arc::new(AtomicUsize::new(0)));
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let a = Kept::bind(theirs, py);
                            locked_briefly(&a, || cell.bump());
                        })
                        .unwrap()
                })
            };
            py.critical_section(&a, || {
                cell.bump();
                // Suspended while detached: the brief write may take the mutex meanwhile.
                py.detach(|| thread::yield_now());
                cell.bump();
                locked_briefly(&a, || cell.bump());
            });
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 4, "a write was lost");
}

#[test]
fn brief_write_excludes_sections() {
    check(None, false, brief_write_vs_section);
}

#[test]
fn broken_brief_write_unlocked() {
    check_rejected(Mutation::BriefWriteUnlocked, false, "a write was lost", brief_write_vs_section);
}
