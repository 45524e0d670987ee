//! A `list` read without any lock while other threads of the same free-threaded interpreter
//! write it (issue 8's proof of `list_items`): two writers append (the block is reallocated
//! and the old one retired through QSBR under the readers), replace items (the replaced ones
//! are released, most of them freed at once), and insert and remove in the middle (the tail
//! moves under the readers); two readers index the list through the lock-free path
//! (`ListObject::get_item`) and check every item they get. Python code runs nowhere here, so
//! the language lock of `pyrt::run` is not involved: only the objects' critical sections.

use std::sync::Arc;

use crate::Runtime;
use crate::object::int::{int_value, new_int};
use crate::object::list::{as_list, new_list};
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

/// Values are large (never the cached small ints) and say where they belong:
/// `BASE + slot * STRIDE + generation`, or `TMP` for the transient middle items.
const BASE: i64 = 1 << 40;
const STRIDE: i64 = 1 << 20;
const TMP: i64 = -(1 << 41);
const SLOTS: usize = 64;

fn encode(slot: usize, generation: usize) -> i64 {
    BASE + slot as i64 * STRIDE + generation as i64
}

/// Whether `v` is a value some writer may have stored anywhere.
fn plausible(v: i64) -> bool {
    v == TMP
        || (v >= BASE
            && (v - BASE) / STRIDE < (SLOTS as i64 + 2 * PER_WRITER as i64)
            && (v - BASE) % STRIDE < PER_WRITER as i64 + 1)
}

const PER_WRITER: usize = 4_000;

#[test]
fn lock_free_readers_never_see_a_freed_item_while_writers_resize_and_replace() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let list: Py = interp
        .attach(|py| {
            let items = (0..SLOTS).map(|s| new_int(encode(s, 0)).unwrap()).collect();
            Bound::new_ref(py, &new_list(items).unwrap()).unbind()
        })
        .unwrap();
    let list = Arc::new(list);
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writers = (0..2usize).map(|t| {
        let (interp, list, done) = (interp.clone(), list.clone(), done.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let l = list.clone_ref(py).bind(py);
                    let lo = as_list(&l).expect("a list");
                    for i in 1..=PER_WRITER {
                        // Appends: slots SLOTS + t * PER_WRITER + i - 1, generation 0.
                        lo.push(new_int(encode(SLOTS + t * PER_WRITER + i - 1, 0)).unwrap());
                        // Replaces one of this writer's half of the first SLOTS items.
                        let slot = t * SLOTS / 2 + i % (SLOTS / 2);
                        let old = lo.mutate(|v| v.set(slot, new_int(encode(slot, i)).unwrap()));
                        drop(old);
                        if i % 8 == 0 {
                            // A transient item in the middle: the tail moves right, then back.
                            lo.mutate(|v| v.insert(SLOTS, new_int(TMP).unwrap()));
                            let gone = lo.mutate(|v| v.remove(SLOTS));
                            assert_eq!(int_value(&gone), Some(TMP));
                        }
                        if i % 64 == 0 {
                            py.check_eval_breaker().unwrap();
                        }
                    }
                })
                .unwrap();
            done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        })
    });
    let writers: Vec<_> = writers.collect();
    let readers: Vec<_> = (0..2usize)
        .map(|r| {
            let (interp, list, done) = (interp.clone(), list.clone(), done.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let l = list.clone_ref(py).bind(py);
                        let lo = as_list(&l).expect("a list");
                        let mut reads = 0usize;
                        let mut i = r;
                        while done.load(std::sync::atomic::Ordering::SeqCst) < 2 || reads < 10_000 {
                            let len = lo.len();
                            i = (i * 7 + 13) % len.max(1);
                            if let Some(x) = lo.get_item(i) {
                                let v = int_value(&x).expect("an int item");
                                assert!(plausible(v), "read {v} at {i}");
                            }
                            reads += 1;
                            if reads % 64 == 0 {
                                // A quiescent point: retired blocks may be freed from here on.
                                py.check_eval_breaker().unwrap();
                            }
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    let lock_free_before = crate::object::list::LOCK_FREE_READS.load(std::sync::atomic::Ordering::Relaxed);
    for t in writers.into_iter().chain(readers) {
        t.join().unwrap();
    }
    let lock_free = crate::object::list::LOCK_FREE_READS.load(std::sync::atomic::Ordering::Relaxed) - lock_free_before;
    assert!(lock_free >= 10_000, "the readers took the lock-free path ({lock_free} reads)");
    interp
        .attach(|py| {
            let l = list.clone_ref(py).bind(py);
            let got: Vec<i64> = as_list(&l).unwrap().items().iter().map(|x| int_value(x).unwrap()).collect();
            let want: Vec<i64> = (0..SLOTS)
                .map(|s| {
                    let i = s % (SLOTS / 2);
                    // The last generation each writer stored in slot s: the largest i <= PER_WRITER
                    // with i % (SLOTS / 2) == s % (SLOTS / 2).
                    let last = PER_WRITER - (PER_WRITER + SLOTS / 2 - i) % (SLOTS / 2);
                    encode(s, last)
                })
                .collect();
            let mut appended: Vec<i64> = (0..2 * PER_WRITER).map(|k| encode(SLOTS + k, 0)).collect();
            let mut tail = got[SLOTS..].to_vec();
            tail.sort_unstable();
            appended.sort_unstable();
            assert_eq!(tail, appended, "every append once, no transient left");
            assert_eq!(&got[..SLOTS], &want[..]);
        })
        .unwrap();
    drop(list);
    interp.destroy().unwrap();
}
