//! Quiescent-state-based reclamation (`pyrt::alloc::qsbr`): a writer swaps a container's storage
//! and retires the old one while a reader that takes no lock may still be reading it. The old
//! storage must be freed only after the reader passed a quiescent point (or went offline), and
//! it must be freed once it has.
#![cfg(loom)]

use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::check;
use pyrt::alloc::qsbr::Qsbr;
use pyrt::sync::Mutation;

/// Two storage tables and the index of the current one (the container's storage pointer). A
/// table's cell is "freed" by writing 0 into it: loom reports a read it does not order before
/// that write.
struct Tables {
    cells: [UnsafeCell<usize>; 2],
    current: AtomicUsize,
}

// SAFETY: the cells are loom's, which check every access for races; sharing them is what the
// model is about.
unsafe impl Sync for Tables {}

/// The retired table: dropping it frees it.
struct Free {
    tables: Arc<Tables>,
    index: usize,
}

impl Drop for Free {
    fn drop(&mut self) {
        // SAFETY: the model's claim under test: nobody reads the table any more.
        self.tables.cells[self.index].with_mut(|v| unsafe { *v = 0 });
    }
}

fn read_while_the_writer_retires() {
    let q = Arc::new(Qsbr::new());
    let tables = Arc::new(Tables { cells: [UnsafeCell::new(1), UnsafeCell::new(2)], current: AtomicUsize::new(0) });
    let reader_state = q.register();
    let reader = {
        let tables = tables.clone();
        thread::spawn(move || {
            reader_state.online();
            let i = tables.current.load(Ordering::Acquire);
            // SAFETY: the claim under test: a table loaded while online is not freed yet.
            let v = tables.cells[i].with(|v| unsafe { *v });
            assert_ne!(v, 0, "read a freed table");
            reader_state.quiescent();
            // Detached afterwards: it must hold nothing back.
            reader_state.offline();
        })
    };
    let mut writer = q.register();
    writer.online();
    let old = tables.current.swap(1, Ordering::AcqRel);
    writer.retire(Box::new(Free { tables: tables.clone(), index: old }));
    writer.quiescent_and_poll();
    reader.join().unwrap();
    writer.quiescent_and_poll();
    assert_eq!(writer.pending(), 0, "freed once the reader passed a quiescent point");
}

#[test]
fn qsbr_frees_after_readers_pass() {
    check(None, false, read_while_the_writer_retires);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_qsbr_free_without_waiting() {
    check(Some(Mutation::QsbrFreeWithoutWaiting), false, read_while_the_writer_retires);
}
