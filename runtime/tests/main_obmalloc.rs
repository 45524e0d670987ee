//! `use_main_obmalloc` (§3): an interpreter created with it allocates its objects from the main
//! interpreter's arena, as CPython's share the main obmalloc state, and destroying it leaves the
//! main interpreter intact. (Membership — each interpreter's objects stay its own — is checked
//! by `state::memory`'s unit tests; valgrind runs the C API's form in `abi/tests`.)

mod common;

use pyrt::object;
use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

fn live(i: &Interpreter) -> usize {
    i.arena_stats().live_bytes
}

#[test]
fn a_shared_interpreter_on_the_main_obmalloc_is_counted_in_the_main_arena() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let legacy = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    assert_eq!(legacy.lock_kind(), LockKind::Shared);
    assert!(legacy.config().use_main_obmalloc);
    let before = live(&main);
    legacy
        .attach(|py| {
            let kept: Vec<_> = (0..5000).map(|i| object::new_str(py, &format!("legacy {i}")).unwrap()).collect();
            let during = live(&main);
            assert!(during >= before + 5000 * 32, "main arena: {before} -> {during} bytes");
            assert_eq!(legacy.arena_stats(), main.arena_stats(), "one arena");
            drop(kept);
        })
        .unwrap();
    assert!(live(&main) < before + 5000 * 32, "freed blocks leave the main arena's count");
    // With its own obmalloc, an interpreter's objects are not the main arena's.
    let isolated = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let main_now = live(&main);
    isolated
        .attach(|py| {
            let kept: Vec<_> = (0..5000).map(|i| object::new_str(py, &format!("isolated {i}")).unwrap()).collect();
            assert_eq!(live(&main), main_now);
            assert!(live(&isolated) >= 5000 * 32);
            drop(kept);
        })
        .unwrap();
    legacy.destroy().unwrap();
    isolated.destroy().unwrap();
}

#[test]
fn destroying_it_releases_nothing_of_the_main_interpreter() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let kept = main
        .attach(|py| (0..2000).map(|i| object::new_int(py, 1_000_000 + i).unwrap().unbind()).collect::<Vec<_>>())
        .unwrap();
    let before = main.arena_stats();
    let legacy = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    let leaked = legacy
        .attach(|py| {
            for i in 0..20_000 {
                drop(object::new_int(py, 5_000_000 + i).unwrap());
            }
            pyrt::run::exec(py, b"data = [str(i) for i in range(3000)]\n", "<legacy>").unwrap();
            object::new_int(py, 42_000_000).unwrap().unbind()
        })
        .unwrap();
    legacy.destroy().unwrap();
    // Dropped after its interpreter is gone: nothing happens (the block stays reserved).
    drop(leaked);
    let after = main.arena_stats();
    assert!(after.chunks >= before.chunks, "no chunk of the main arena went away");
    assert!(after.live_bytes >= before.live_bytes, "{before:?} -> {after:?}");
    main.attach(|py| {
        for (i, o) in kept.iter().enumerate() {
            assert_eq!(object::int_value(&o.clone_ref(py).bind(py)), Some(1_000_000 + i as i64));
        }
        let fresh: Vec<_> = (0..20_000).map(|i| object::new_int(py, 10_000_000 + i).unwrap()).collect();
        assert_eq!(object::int_value(&fresh[19_999]), Some(10_019_999));
        pyrt::run::exec(py, b"assert sum(range(100)) == 4950\n", "<main>").unwrap();
        drop(kept);
    })
    .unwrap();
}

#[test]
fn an_arena_limit_keeps_an_arena_of_its_own() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let limited =
        Interpreter::new(InterpreterConfig { arena_limit: Some(4 << 20), ..InterpreterConfig::legacy() }).unwrap();
    let main_now = live(&main);
    limited
        .attach(|py| {
            let kept: Vec<_> = (0..1000).map(|i| object::new_int(py, 1_000_000 + i).unwrap()).collect();
            assert_eq!(live(&main), main_now);
            assert!(live(&limited) >= 1000 * 32);
            drop(kept);
        })
        .unwrap();
    limited.destroy().unwrap();
}

#[test]
fn a_free_threaded_interpreter_on_the_main_obmalloc_allocates_from_several_threads() {
    let _s = common::serial();
    let main = Runtime::main_interpreter().unwrap();
    let config = InterpreterConfig { use_main_obmalloc: true, ..InterpreterConfig::free_threaded() };
    let ft = Interpreter::new(config).unwrap();
    assert_eq!(ft.lock_kind(), LockKind::None);
    let before = live(&main);
    let barrier = std::sync::Barrier::new(3);
    std::thread::scope(|s| {
        for t in 0..2 {
            let (ft, main, barrier) = (&ft, &main, &barrier);
            s.spawn(move || {
                ft.attach(|py| {
                    let kept: Vec<_> =
                        (0..3000).map(|i| object::new_str(py, &format!("thread {t} item {i}")).unwrap()).collect();
                    barrier.wait(); // both threads' objects are alive now
                    assert!(live(main) >= before + 2 * 3000 * 32);
                    barrier.wait();
                    drop(kept);
                })
                .unwrap();
            });
        }
        barrier.wait();
        barrier.wait();
    });
    ft.destroy().unwrap();
    main.attach(|py| pyrt::run::exec(py, b"assert ''.join(['a', 'b']) == 'ab'\n", "<main>").unwrap()).unwrap();
}
