//! The per-interpreter arena: limits, statistics, cross-thread frees, the allocator domains.

mod common;

use std::sync::mpsc;

use pyrt::alloc::domains;
use pyrt::object;
use pyrt::{ExcKind, Interpreter, InterpreterConfig};

#[test]
fn an_allocation_over_the_limit_raises_memory_error_and_the_interpreter_stays_usable() {
    let _s = common::serial();
    let interp =
        Interpreter::new(InterpreterConfig { arena_limit: Some(256 << 10), ..InterpreterConfig::isolated() }).unwrap();
    interp
        .attach(|py| {
            let mut keep = Vec::new();
            let err = loop {
                match object::new_str(py, "xy") {
                    Ok(o) => keep.push(o),
                    Err(e) => break e,
                }
            };
            assert_eq!(err.kind(), ExcKind::MemoryError);
            assert!(err.message().contains("262144"), "{err}");
            assert!(keep.len() > 1000);
            // Large allocations are refused too.
            assert!(domains::malloc(py, 1 << 20).is_none());
            // Free some: the interpreter allocates again.
            keep.truncate(keep.len() / 2);
            let again = object::new_str(py, "again").unwrap();
            assert_eq!(object::str_value(&again), Some("again"));
        })
        .unwrap();
}

#[test]
fn statistics_count_live_blocks_per_class() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    assert_eq!(interp.arena_stats().chunks, 0, "an idle interpreter maps nothing");
    interp
        .attach(|py| {
            let ints: Vec<_> = (0..1000).map(|i| object::new_int(py, 1000 + i).unwrap()).collect();
            let stats = interp.arena_stats();
            let (size, count) = stats.live_per_class.iter().copied().find(|(s, _)| *s == 48).unwrap();
            assert_eq!((size, count), (48, 1000), "ints are 40 bytes: class 48");
            assert!(stats.live_bytes >= 48_000);
            assert_eq!(stats.chunks, 1);
            let big = domains::malloc(py, 10_000).unwrap();
            let stats = interp.arena_stats();
            assert_eq!(stats.large_objects, 1);
            assert!(stats.live_bytes >= 58_000);
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            unsafe { domains::free(py, big.as_ptr()) };
            drop(ints);
            let stats = interp.arena_stats();
            assert_eq!(stats.live_bytes, 0);
            assert_eq!(stats.large_objects, 0);
        })
        .unwrap();
}

#[test]
fn a_free_by_another_thread_returns_the_block_to_its_page() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let (tx, rx) = mpsc::channel();
    let owner = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let objs: Vec<_> = (0..500).map(|i| object::new_int(py, 10_000 + i).unwrap()).collect();
                    let addrs: Vec<usize> = objs.iter().map(|o| o.as_ptr().as_ptr() as usize).collect();
                    tx.send(objs.into_iter().map(|o| o.unbind()).collect::<Vec<_>>()).unwrap();
                    (addrs, py.thread_state().id())
                })
                .unwrap()
        })
    };
    let objs = rx.recv().unwrap();
    let (addrs, _) = owner.join().unwrap();
    // Strangers free them all: every block goes onto its page's return list.
    interp.attach(|py| drop(objs.into_iter().map(|o| o.bind(py)).collect::<Vec<_>>())).unwrap();
    assert_eq!(interp.arena_stats().live_bytes, 0);
    // A new thread adopts the abandoned page and reuses the returned blocks.
    interp
        .attach(|py| {
            let again: Vec<_> = (0..500).map(|i| object::new_int(py, 20_000 + i).unwrap()).collect();
            let reused = again.iter().filter(|o| addrs.contains(&(o.as_ptr().as_ptr() as usize))).count();
            assert_eq!(reused, 500, "returned blocks are reused");
        })
        .unwrap();
}

#[test]
fn allocator_domains() {
    let _s = common::serial();
    let raw = domains::raw_malloc(0).unwrap();
    // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
    let raw = unsafe { domains::raw_realloc(raw.as_ptr(), 100) }.unwrap();
    // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
    unsafe { domains::raw_free(raw.as_ptr()) };
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    interp
        .attach(|py| {
            let z = domains::calloc(py, 10, 10).unwrap();
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            let bytes = unsafe { std::slice::from_raw_parts(z.cast::<u8>().as_ptr(), 100) };
            assert!(bytes.iter().all(|b| *b == 0));
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            unsafe { z.cast::<u8>().as_ptr().write(42) };
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            let grown = unsafe { domains::realloc(py, z.as_ptr(), 1000) }.unwrap();
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            assert_eq!(unsafe { grown.cast::<u8>().as_ptr().read() }, 42, "realloc keeps the contents");
            let p0 = domains::malloc(py, 0).unwrap();
            let p1 = domains::malloc(py, 0).unwrap();
            assert_ne!(p0, p1, "zero-byte requests are unique");
            // SAFETY: test code: the block is live (allocated above, not yet freed) and the arena still exists.
            unsafe {
                domains::free(py, grown.as_ptr());
                domains::free(py, p0.as_ptr());
                domains::free(py, p1.as_ptr());
                domains::free(py, std::ptr::null_mut());
            }
            assert_eq!(interp.arena_stats().live_bytes, 0);
        })
        .unwrap();
}

#[test]
fn a_heap_never_adopts_a_full_page() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    // 1365 blocks of 48 bytes fill one 64 KiB page exactly; the first attach's heap goes away
    // with its thread state and leaves the full page behind.
    let blocks: Vec<usize> =
        interp.attach(|py| (0..1365).map(|_| domains::malloc(py, 40).unwrap().as_ptr() as usize).collect()).unwrap();
    let more: Vec<usize> =
        interp.attach(|py| (0..10).map(|_| domains::malloc(py, 40).unwrap().as_ptr() as usize).collect()).unwrap();
    assert!(more.iter().all(|p| !blocks.contains(p)));
    interp
        .attach(|py| {
            for p in blocks.into_iter().chain(more) {
                // SAFETY: test code: live blocks of this arena, freed once.
                unsafe { domains::free(py, p as *mut std::ffi::c_void) };
            }
            assert_eq!(interp.arena_stats().live_bytes, 0);
        })
        .unwrap();
}
