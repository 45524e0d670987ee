//! The arena's cross-thread free path: a block freed by a thread that does not own its page goes
//! on the page's return list and comes back to the owner, with the freeing thread's last use
//! ordered before the owner's reuse.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::thread;
use loom_tests::check;
use pyrt::alloc::{Arena, Heap};
use pyrt::sync::Mutation;

struct SendPtr(NonNull<u8>);
// SAFETY: the block is handed over whole; only the receiver touches it afterwards.
unsafe impl Send for SendPtr {}

fn cross_thread_free() {
    let arena = Arc::new(Arena::new(None));
    let heap = Heap::new();
    // The block's logical contents, as a loom cell: the stranger reads it before freeing, the
    // owner writes it after getting the block back.
    let contents = Arc::new(UnsafeCell::new(0usize));
    // SAFETY: `heap` is owned by this thread.
    let block = unsafe { arena.alloc(&heap, 32) }.unwrap();
    // SAFETY: the block is ours until we hand it over.
    contents.with_mut(|c| unsafe { *c = 1 });
    let stranger = {
        let (contents, p) = (contents.clone(), SendPtr(block));
        thread::spawn(move || {
            let p = p;
            // SAFETY: the block was handed to us with the spawn.
            assert_eq!(contents.with(|c| unsafe { *c }), 1);
            // SAFETY: a live block of an arena that outlives this thread; no heap of ours.
            unsafe { Arena::free(None, p.0) };
        })
    };
    // Allocate until the freed block comes back through the return list.
    loop {
        // SAFETY: `heap` is owned by this thread.
        let again = unsafe { arena.alloc(&heap, 32) }.unwrap();
        if again == block {
            break;
        }
        thread::yield_now();
    }
    // SAFETY: the block is ours again; loom checks this write against the stranger's read.
    contents.with_mut(|c| unsafe { *c = 2 });
    stranger.join().unwrap();
    // SAFETY: this thread owns `heap`, which allocated only from `arena`.
    unsafe { arena.abandon_heap(&heap) };
}

#[test]
fn arena_cross_thread_free() {
    check(None, false, cross_thread_free);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_arena_return_relaxed() {
    check(Some(Mutation::ArenaReturnRelaxed), false, cross_thread_free);
}
