//! Arena pages handed from a heap that goes away (its thread state was deleted) to a heap of
//! another thread: the page's local free list and its return list both come along, and the old
//! owner's last writes to its blocks are ordered before the adopter's first ones.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::thread;
use loom_tests::check;
use loom_tests::support::Signal;
use pyrt::alloc::{Arena, Heap};
use pyrt::sync::Mutation;

struct SendPtr(NonNull<u8>);
// SAFETY: the block is handed over whole; only the receiver touches it afterwards.
unsafe impl Send for SendPtr {}

/// Thread 1 allocates `x` and `y`, hands `x` to thread 2, frees `y` itself and abandons its
/// heap; thread 2 frees `x` (onto the page's return list, racing the abandon), then allocates
/// twice from a heap of its own: it adopts the page and gets `y` (the local free list), then
/// `x` (the return list). The blocks' contents are loom cells: each owner's writes must be
/// ordered before the next owner's.
fn abandon_and_adopt() {
    let arena = Arc::new(Arena::new(None));
    let (x_contents, y_contents) = (Arc::new(UnsafeCell::new(0usize)), Arc::new(UnsafeCell::new(0usize)));
    let abandoned = Arc::new(Signal::default());
    let (tx, rx) = loom::sync::mpsc::channel::<(SendPtr, SendPtr)>();
    let first_owner = {
        let (arena, x_contents, y_contents, abandoned) =
            (arena.clone(), x_contents.clone(), y_contents.clone(), abandoned.clone());
        thread::spawn(move || {
            let heap = Heap::new();
            // SAFETY: `heap` is owned by this thread.
            let (x, y) = unsafe { (arena.alloc(&heap, 32).unwrap(), arena.alloc(&heap, 32).unwrap()) };
            // SAFETY: both blocks are ours.
            x_contents.with_mut(|c| unsafe { *c = 1 });
            // SAFETY: as above.
            y_contents.with_mut(|c| unsafe { *c = 1 });
            tx.send((SendPtr(x), SendPtr(y))).unwrap();
            // SAFETY: `y` is a live block of our own heap.
            unsafe { Arena::free(Some(&heap), y) };
            // SAFETY: this thread owns `heap`, which allocated only from `arena`.
            unsafe { arena.abandon_heap(&heap) };
            abandoned.set();
        })
    };
    let (SendPtr(x), SendPtr(y)) = rx.recv().unwrap();
    // SAFETY: `x` was handed to us.
    assert_eq!(x_contents.with(|c| unsafe { *c }), 1);
    let heap = Heap::new();
    // SAFETY: a live block of `arena`; `heap` is ours (and does not own the block's page).
    unsafe { Arena::free(Some(&heap), x) };
    abandoned.wait();
    // SAFETY: `heap` is owned by this thread.
    let (first, second) = unsafe { (arena.alloc(&heap, 32).unwrap(), arena.alloc(&heap, 32).unwrap()) };
    assert_eq!((first, second), (y, x), "the abandoned page was not adopted with its free lists");
    // SAFETY: both blocks are ours again; loom checks these writes against the first owner's.
    y_contents.with_mut(|c| unsafe { *c = 2 });
    // SAFETY: as above.
    x_contents.with_mut(|c| unsafe { *c = 2 });
    first_owner.join().unwrap();
    // SAFETY: this thread owns `heap`, which allocated only from `arena`.
    unsafe { arena.abandon_heap(&heap) };
}

#[test]
fn arena_heap_abandon_adopt() {
    check(None, false, abandon_and_adopt);
}

#[test]
#[should_panic(expected = "the abandoned page was not adopted")]
fn broken_arena_abandon_drops_pages() {
    check(Some(Mutation::ArenaAbandonDropsPages), false, abandon_and_adopt);
}
