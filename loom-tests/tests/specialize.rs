//! The specialiser's publication protocol (`pyrt::object::adaptive::AdaptiveCode::publish`;
//! the argument is in `eval::specialize`'s "Threads" docs): one thread of a free-threaded
//! interpreter publishes a `LOAD_ATTR` form with its caches on a fresh instruction, then
//! re-specialises the same instruction to another form with other caches, while a second
//! thread executes the instruction twice — loads the opcode, reads the caches its form reads
//! (the real `opcode_unit`/`acquire_caches`/`cache_u32`/`cache`), and checks its eval breaker between the two
//! executions, as the loop does at a backward jump.
//!
//! The reader's claim: whenever it runs a specialised form, the version its guard compares and
//! the index it then uses come from the publication of that very opcode — never a version from
//! one publication with an index from another, never the caches of another form.
#![cfg(loom)]

use std::sync::Arc;

use loom::thread;
use loom_tests::check;
use pyrt::object::adaptive::{AdaptiveCode, CacheWrites, Counter};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};
use pyrt_compile::Opcode;

/// The first publication: a value index guarded by a type version.
const FIRST: (Opcode, u32, u16) = (Opcode::LOAD_ATTR_INSTANCE_VALUE, 0x0001_1000, 3);
/// The re-specialisation: a member offset guarded by another type's version. Both halves of the
/// version and the index differ, so any mixture of the two publications is visible.
const SECOND: (Opcode, u32, u16) = (Opcode::LOAD_ATTR_SLOT, 0x0002_2000, 5);

fn op_unit(op: Opcode) -> u16 {
    u16::from(op.code_byte().unwrap())
}

fn publish_then_respecialise() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let mut units = vec![0u16; 1 + Opcode::LOAD_ATTR.cache_entries()];
    units[0] = op_unit(Opcode::LOAD_ATTR);
    let code = Arc::new(AdaptiveCode::quicken(&units));
    let reader = {
        let (interp, code) = (interp.clone(), code.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    for _ in 0..2 {
                        let op = Opcode::from_u8((code.opcode_unit(0) & 0xff) as u8).unwrap();
                        if op != Opcode::LOAD_ATTR {
                            code.acquire_caches();
                            // The guard's version, then the index the body uses.
                            let (version, index) = (code.cache_u32(2), code.cache(4));
                            let expected = if op == FIRST.0 { FIRST } else { SECOND };
                            assert_eq!((op, version, index), expected, "a form ran with caches of another publication");
                        }
                        py.check_eval_breaker().unwrap();
                    }
                })
                .unwrap()
        })
    };
    interp
        .attach(|_py| {
            for (form, version, index) in [FIRST, SECOND] {
                let caches = *CacheWrites::none().u32(2, version).unit(4, index);
                assert!(code.publish(0, form, &caches, Counter::cooldown()), "one publisher: never refused");
            }
        })
        .unwrap();
    reader.join().unwrap();
    assert_eq!(Opcode::from_u8((code.opcode_unit(0) & 0xff) as u8), Some(SECOND.0));
}

#[test]
fn specialize_publication() {
    check(None, false, publish_then_respecialise);
}

/// An opcode published with `Relaxed`: the reader can see the new form with the caches the
/// compiler left (zeros).
#[test]
#[should_panic(expected = "a form ran with caches of another publication")]
fn broken_specialize_publish_relaxed() {
    check(Some(Mutation::SpecializePublishRelaxed), false, publish_then_respecialise);
}

/// A re-specialisation that rewrites the caches in place without stopping the world: the
/// reader can take the first form's version and the second form's index.
#[test]
#[should_panic(expected = "a form ran with caches of another publication")]
fn broken_specialize_rewrite_without_stop() {
    check(Some(Mutation::SpecializeRewriteWithoutStop), false, publish_then_respecialise);
}
