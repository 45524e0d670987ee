//! The native recursion guard (CPython 3.13's `_Py_EnterRecursiveCall` and its C recursion
//! limit), and the native stack that grows on demand so the limits, not the stack, decide.
//!
//! Two depths are counted per thread, as in CPython 3.13:
//! - Python frames, against `sys.getrecursionlimit()` (`eval::depth_enter`): the message is
//!   `maximum recursion depth exceeded`.
//! - Native re-entries, against [`NATIVE_LIMIT`] (`Py_C_RECURSION_LIMIT`, 10000): a protocol
//!   that can recurse through user code (`repr`, comparison, a call through a type's `call`
//!   slot, `isinstance` hooks) takes one unit with its own message suffix (`... while getting
//!   the repr of an object`, `... in comparison`, ...), and a run of the eval loop started from
//!   native code takes [`EVAL_ENTRY_UNITS`] (`PY_EVAL_C_STACK_UNITS`) with no suffix.
//!
//! Which limit is reached first decides the message, so both are CPython's numbers: a
//! `__repr__` calling `repr(self)` uses one Python frame and three native units per level and
//! stops at the Python limit (`maximum recursion depth exceeded`), a dict nested 30000 deep
//! stops at the native limit (`... while getting the repr of an object`).
//!
//! The native stack. CPython 3.13 sizes its limit for its own C frames on an 8 MiB stack; pyrt's
//! frames differ (the eval loop's frame is ~10 KiB in a release build and several times that in
//! a debug build), and an embedder's thread may have a small stack. So the places where native
//! recursion re-enters — a run of the eval loop started from native code ([`native_eval_entry`])
//! and the `repr`/comparison protocols ([`guarded`]) — grow the stack on demand
//! (`stacker::maybe_grow`): with less than [`RED_ZONE`] left on the current stack, the rest of
//! the call runs on a fresh [`SEGMENT`] (mmap'd, freed when the call returns). The check is a
//! thread-local read and a stack-pointer compare. Every native recursion cycle passes through
//! one of those grow points or through a plain [`enter`] (the other protocols' guards), which
//! raises `RecursionError` rather than run with less than [`CHECK_MARGIN`] left; so the stack
//! never overflows, on any thread, and the depth at which `RecursionError` comes is CPython's
//! whatever the thread's stack size and the build.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{PyErr, PyResult};

/// The default recursion limit (`sys.getrecursionlimit()`).
pub const DEFAULT_PYTHON_LIMIT: usize = 1000;

/// An interpreter's recursion limit (`sys.setrecursionlimit`): one per interpreter, read by
/// every thread attached to it (each thread counts its own depth), as CPython keeps
/// `interp->ceval.recursion_limit`.
pub(crate) struct RecursionLimit(AtomicUsize);

impl Default for RecursionLimit {
    fn default() -> Self {
        RecursionLimit(AtomicUsize::new(DEFAULT_PYTHON_LIMIT))
    }
}

/// The recursion limit of the interpreter the calling thread is attached to (the default when
/// it is attached nowhere).
#[inline]
pub(crate) fn python_limit() -> usize {
    match super::attachment::current() {
        // SAFETY: the record of the thread state attached on this thread is alive while it stays
        // attached, which lasts beyond this read.
        Some(a) => unsafe { a.as_ref() }.recursion_limit().0.load(Ordering::Relaxed),
        None => DEFAULT_PYTHON_LIMIT,
    }
}

/// Sets the recursion limit of the interpreter the calling thread is attached to.
pub(crate) fn set_python_limit(n: usize) {
    super::attachment::current_or_fatal("sys.setrecursionlimit").recursion_limit().0.store(n, Ordering::Relaxed);
}

/// How deep native recursion may go, in units (CPython 3.13's `Py_C_RECURSION_LIMIT` for a
/// release build on Linux). The stack grows on demand, so one limit serves every build.
pub const NATIVE_LIMIT: u32 = 10_000;

/// The units a run of the eval loop started from native code takes (`PY_EVAL_C_STACK_UNITS`).
pub const EVAL_ENTRY_UNITS: u32 = 2;

/// A grow point moves to a new segment when less than this is left: more than the most stack
/// any path takes from one grow point to the next check (the eval loop's frame and the native
/// calls between two re-entries), plus [`CHECK_MARGIN`]. Debug frames are several times larger.
pub const RED_ZONE: usize = if cfg!(debug_assertions) { 1024 * 1024 } else { 256 * 1024 };

/// The size of each new stack segment: many levels per segment, so a recursion crossing a
/// segment's end maps one more segment rather than one per level.
pub const SEGMENT: usize = if cfg!(debug_assertions) { 16 * 1024 * 1024 } else { 4 * 1024 * 1024 };

/// A plain [`enter`] raises `RecursionError` with less than this left: more than any path from
/// one check to the next grow point needs (those paths are short: the eval loop's large frame is
/// always entered through a grow point), and small enough that a small thread's stack passes.
pub const CHECK_MARGIN: usize = if cfg!(debug_assertions) { 128 * 1024 } else { 32 * 1024 };

thread_local! {
    /// Native units in use on this thread.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Stack addresses `lo..=hi` of the stack this thread runs on now, each with at least
    /// [`RED_ZONE`] left below it: where a grow point needs no new segment and a plain check
    /// passes, without asking `stacker` (a lazily initialised thread-local and an out-of-line
    /// stack-pointer read, about 45 instructions, at every native resumption of a generator).
    /// Set by a check that found room (`hi` the address it checked at, `lo` the stack's limit
    /// plus the red zone, rounded up), emptied whenever a new segment is entered or left (see
    /// [`grow_segment`]), so it always describes the stack in use: a live stack's addresses
    /// are nobody else's. Empty (`lo > hi`) at first.
    static ROOMY: Cell<(usize, usize)> = const { Cell::new((usize::MAX, 0)) };
}

/// An address in the caller's stack frame: the stack pointer, give or take the frame.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Whether at least [`RED_ZONE`] of the current stack (segment) is left below the caller.
#[inline(always)]
fn has_room() -> bool {
    let here = stack_address();
    let (lo, hi) = ROOMY.with(Cell::get);
    // `lo <= here <= hi` (an empty range, `lo > hi`, holds nothing).
    if here.wrapping_sub(lo) <= hi.wrapping_sub(lo) && lo <= hi {
        return true;
    }
    has_room_measured(here)
}

/// [`has_room`] through `stacker` (which knows the stack's limit), remembering the addresses
/// it vouches for.
#[cold]
#[inline(never)]
fn has_room_measured(here: usize) -> bool {
    match stacker::remaining_stack() {
        Some(left) if left >= RED_ZONE => {
            // `left` was measured at a stack pointer below `here` (this function's frame), so
            // `here - left` lies above the stack's limit and everything from `lo` up to
            // `here` has more than `RED_ZONE` below it.
            let lo = here - left + RED_ZONE;
            ROOMY.with(|r| r.set((lo, here)));
            true
        }
        _ => false,
    }
}

/// Forgets [`ROOMY`]'s range when dropped: a segment is being entered or left.
struct ForgetRoom;

impl Drop for ForgetRoom {
    fn drop(&mut self) {
        ROOMY.with(|r| r.set((usize::MAX, 0)));
    }
}

/// `stacker::maybe_grow(RED_ZONE, SEGMENT, f)` with [`has_room`]'s remembered check.
#[inline(always)]
fn maybe_grow<R>(f: impl FnOnce() -> R) -> R {
    if has_room() { f() } else { grow_segment(f) }
}

/// Runs `f` on a new segment. The remembered range is forgotten on the way in (it describes
/// the stack being left) and on the way out, before the segment is freed and after (also when
/// `f` unwinds), so it never vouches for addresses of a segment that is gone.
#[cold]
#[inline(never)]
fn grow_segment<R>(f: impl FnOnce() -> R) -> R {
    let _outer = ForgetRoom;
    ROOMY.with(|r| r.set((usize::MAX, 0)));
    stacker::grow(SEGMENT, || {
        let _inner = ForgetRoom;
        f()
    })
}

/// `RecursionError` when less than [`CHECK_MARGIN`] of the current stack (segment) is left.
#[inline]
pub fn check_stack(where_: &str) -> PyResult<()> {
    // `RED_ZONE` left is more than `CHECK_MARGIN`.
    if has_room() {
        return Ok(());
    }
    match stacker::remaining_stack() {
        Some(left) if left < CHECK_MARGIN => Err(depth_exceeded(where_)),
        _ => Ok(()),
    }
}

#[cold]
#[inline(never)]
fn depth_exceeded(where_: &str) -> PyErr {
    PyErr::recursion_error(&format!("maximum recursion depth exceeded{where_}"))
}

/// Entered native units; leaving gives them back.
pub struct RecursionGuard(u32);

impl Drop for RecursionGuard {
    #[inline]
    fn drop(&mut self) {
        let units = self.0;
        DEPTH.with(|d| d.set(d.get() - units));
    }
}

/// Takes `units` native units, or raises `RecursionError` past [`NATIVE_LIMIT`].
#[inline]
fn take_units(where_: &str, units: u32) -> PyResult<RecursionGuard> {
    let depth = DEPTH.with(|d| {
        let v = d.get() + units;
        d.set(v);
        v
    });
    let guard = RecursionGuard(units);
    if depth > NATIVE_LIMIT {
        return Err(depth_exceeded(where_));
    }
    Ok(guard)
}

/// Enters a recursive call (one unit), or raises `RecursionError` past the limit or when the
/// stack is nearly used up. For protocols whose recursion passes through a grow point.
#[inline]
pub fn enter(where_: &str) -> PyResult<RecursionGuard> {
    let guard = take_units(where_, 1)?;
    check_stack(where_)?;
    Ok(guard)
}

/// Runs `f` as one level of native recursion (one unit), on a new stack segment when the
/// current one is nearly used up.
#[inline]
pub fn guarded<R>(where_: &str, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let _guard = take_units(where_, 1)?;
    maybe_grow(f)
}

/// Runs `f`, a run of the eval loop started from native code (a slot calling Python, a
/// generator resumed by `next()`), as [`EVAL_ENTRY_UNITS`] units of native recursion, on a new
/// stack segment when the current one is nearly used up.
#[inline]
pub fn native_eval_entry<R>(f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let _guard = take_units("", EVAL_ENTRY_UNITS)?;
    maybe_grow(f)
}

/// [`native_eval_entry`] in two steps, for a caller that must know the units are there before
/// it changes anything it would have to undo (a generator's resumption claims the generator
/// and pushes its frame): the units, held until the returned guard drops, or the
/// `RecursionError`.
#[inline]
pub(crate) fn take_eval_entry_units() -> PyResult<RecursionGuard> {
    take_units("", EVAL_ENTRY_UNITS)
}

/// [`native_eval_entry`]'s second step: runs `f` on a new stack segment when the current one is
/// nearly used up. The caller holds the units ([`take_eval_entry_units`]).
#[inline]
pub(crate) fn run_on_enough_stack<R>(f: impl FnOnce() -> R) -> R {
    maybe_grow(f)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn units() -> u32 {
        DEPTH.with(Cell::get)
    }

    /// Recurses `n` levels through [`guarded`], each level holding `N` bytes of locals.
    fn nest<const N: usize>(n: u32) -> PyResult<u32> {
        let ballast = std::hint::black_box([n as u8; N]);
        if n == 0 {
            return Ok(units());
        }
        let deepest = guarded(" in a test", || nest::<N>(n - 1))?;
        // Kept alive across the call, so every level's frame holds it.
        std::hint::black_box(&ballast);
        Ok(deepest)
    }

    fn attached(f: impl FnOnce() + Send + 'static) {
        crate::Runtime::initialize();
        // 128 KiB: far less than the nests below take, so only a grown stack holds them.
        std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || {
                let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
                interp.attach(|_py| f()).expect("attached");
                interp.destroy().expect("destroyed");
            })
            .expect("spawns")
            .join()
            .expect("no panic");
    }

    #[test]
    fn guarded_levels_take_units_give_them_back_and_grow_the_stack() {
        attached(|| {
            // 9000 levels of 4 KiB: ~36 MiB of locals on a 128 KiB thread.
            assert_eq!(nest::<4096>(9000).expect("within the limit"), 9000);
            assert_eq!(units(), 0);
            let e = native_eval_entry(|| nest::<64>(NATIVE_LIMIT)).expect_err("past the limit");
            assert_eq!(e.to_string(), "RecursionError: maximum recursion depth exceeded in a test");
            assert_eq!(units(), 0, "an error gives every unit back");
        });
    }

    /// Descends with plain frames (no grow point) until less than [`CHECK_MARGIN`] is left, then
    /// enters.
    fn enter_when_nearly_full() -> PyResult<()> {
        let ballast = std::hint::black_box([0u8; 2048]);
        if stacker::remaining_stack().is_some_and(|left| left < CHECK_MARGIN) {
            return enter(" in a test").map(drop);
        }
        let r = enter_when_nearly_full();
        std::hint::black_box(&ballast);
        r
    }

    #[test]
    fn a_plain_guard_passes_on_a_small_stack_and_refuses_a_nearly_full_one() {
        crate::Runtime::initialize();
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
                interp
                    .attach(|_py| {
                        assert!(enter(" in a test").is_ok(), "a 256 KiB thread has room at its top");
                        let e = enter_when_nearly_full().expect_err("refused");
                        assert_eq!(e.message(), "maximum recursion depth exceeded in a test");
                        assert_eq!(units(), 0);
                    })
                    .expect("attached");
                interp.destroy().expect("destroyed");
            })
            .expect("spawns")
            .join()
            .expect("no panic");
    }

    /// A measured check remembers its range; a segment forgets it on the way in and out, and
    /// the range measured on the segment is the segment's, not the thread's stack's.
    #[test]
    fn the_remembered_room_describes_the_stack_in_use() {
        std::thread::Builder::new()
            .stack_size(8 * 1024 * 1024)
            .spawn(|| {
                let empty = (usize::MAX, 0);
                assert_eq!(ROOMY.with(Cell::get), empty);
                assert!(has_room(), "an 8 MiB thread has room at its top");
                let (lo, hi) = ROOMY.with(Cell::get);
                assert!(lo <= hi, "a measured check remembers its range");
                assert!(has_room(), "answered from the range");
                let inner = grow_segment(|| {
                    assert_eq!(ROOMY.with(Cell::get), empty, "forgotten on the way in");
                    assert!(has_room(), "a new segment has room");
                    ROOMY.with(Cell::get)
                });
                assert!(inner.0 <= inner.1 && (inner.1 < lo || inner.0 > hi), "the segment's own range");
                assert_eq!(ROOMY.with(Cell::get), empty, "forgotten on the way out");
                assert!(has_room());
                let again = ROOMY.with(Cell::get);
                assert!(again.0 <= again.1 && again.1 >= lo && again.0 <= hi, "measured on the thread's stack again");
            })
            .expect("spawns")
            .join()
            .expect("no panic");
    }

    #[test]
    fn an_eval_entry_takes_two_units_and_the_limit_counts_them() {
        attached(|| {
            let inside = native_eval_entry(|| Ok(units())).expect("runs");
            assert_eq!(inside, EVAL_ENTRY_UNITS);
            // With all but one unit in use, an entry's two do not fit: the message has no suffix.
            let e = nest_entries(NATIVE_LIMIT - 1).expect_err("no room for two units");
            assert_eq!(e.message(), "maximum recursion depth exceeded");
            assert!(nest_entries(NATIVE_LIMIT - 2).is_ok());
        });
    }

    /// Takes `used` units one level at a time, then makes one eval entry.
    fn nest_entries(used: u32) -> PyResult<()> {
        if used == 0 {
            return native_eval_entry(|| Ok(()));
        }
        guarded("", || nest_entries(used - 1))
    }

    #[test]
    fn the_python_limit_is_the_interpreters_and_shared_by_its_threads() {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp.attach(|_py| assert_eq!(python_limit(), DEFAULT_PYTHON_LIMIT)).expect("attached");
        std::thread::scope(|s| {
            s.spawn(|| interp.attach(|_py| set_python_limit(321)).expect("attached"));
        });
        // Set on another thread, read here.
        interp.attach(|_py| assert_eq!(python_limit(), 321)).expect("attached");
        // Another interpreter keeps its own.
        let other = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        other.attach(|_py| assert_eq!(python_limit(), DEFAULT_PYTHON_LIMIT)).expect("attached");
        other.destroy().expect("destroyed");
        interp.destroy().expect("destroyed");
    }
}
