//! Critical sections: CPython 3.13's `Py_BEGIN_CRITICAL_SECTION` (`Python/critical_section.c`,
//! `Include/internal/pycore_critical_section.h`).
//!
//! A critical section locks one object's mutex ([`PyMutex`], the header's `ob_mutex`) — or two,
//! always the lower address first — for the duration of a closure. Unlike a plain mutex, it
//! behaves like the interpreter lock it replaces in a free-threaded interpreter:
//!
//! * **Suspended at detach, resumed at attach.** Each thread state keeps a stack of its open
//!   sections (an intrusive list through the sections, which live in the frames of
//!   [`Python::critical_section`]). Detaching — for a blocking call, a stop-the-world, or
//!   because the thread sleeps on another mutex — unlocks the mutexes of every active section
//!   and marks them INACTIVE; attaching re-locks only the top section's; the ones below are
//!   re-locked when the top one ends. So a section only protects the code between two detaches,
//!   exactly as holding the GIL does, and a thread that detaches never keeps other threads out
//!   of an object.
//! * **Blocking detaches.** A thread that must sleep on a held mutex pushes its section first
//!   (with no mutex recorded), then detaches while it sleeps — CPython's
//!   `PyMutex_Lock(m)` with `_PY_LOCK_DETACH`. A thread asleep on an object is therefore never
//!   ATTACHED: a stop-the-world does not wait for it, and a thread that waits for it while
//!   holding the lock it needs (here: a section on that object) is not waited on in turn.
//! * **Pairs in address order.** The two-object form locks the mutex with the lower address
//!   first. Mutexes are recorded in a section only once all of its locks are taken, so a thread
//!   asleep on the second mutex keeps the first: without the order, two threads locking the same
//!   pair in opposite orders would deadlock.
//! * **Re-entry is free.** Locking a mutex the top section already holds skips the lock and the
//!   push (CPython 3.14's optimisation; 3.13 gets the same result through a detach).
//!
//! In an interpreter with a lock, holding the lock is the critical section: the closures run
//! without touching a mutex (CPython's default build compiles the macros away).
//!
//! The sections have CPython's C layout ([`CriticalSection`] = `PyCriticalSection`,
//! [`CriticalSection2`] = `PyCriticalSection2`), and a link's two low bits are CPython's tags
//! (INACTIVE, TWO_MUTEXES), so the C ABI's `PyCriticalSection_Begin` / `End` keep their sections
//! on the C caller's stack and share the stack with the Rust closures.
//!
//! ```text
//!   ThreadState.top ──▶ section C ──prev──▶ section B ──prev──▶ section A ──prev──▶ 0
//!        (tag)           mutex m3             m1, m2 (pair)      m1
//!   detach:  unlock m3, m2, m1; tag each link INACTIVE        (walk while active)
//!   attach:  lock m3 (top only); clear the top tag
//!   end C:   unlock m3; top = prev (INACTIVE) → lock m1, m2; clear the tag
//! ```

use std::cell::Cell;
use std::ptr;

use super::mutex::PyMutex;
use crate::Python;
use crate::fatal::fatal_error;
use crate::object::PyObject;
use crate::state::ThreadState;
use crate::state::thread_state;
use crate::sync::{Mutation, broken};

/// A link's tag bit: the section it points to is suspended (its mutexes are not held).
const INACTIVE: usize = 1;
/// A link's tag bit: the section it points to is a [`CriticalSection2`].
const TWO_MUTEXES: usize = 2;
const TAG_MASK: usize = INACTIVE | TWO_MUTEXES;

/// The per-thread-state stack of open critical sections: a tagged pointer to the top one.
///
/// Only the thread the state is attached on reads or writes it (open sections live in that
/// thread's frames), so it is `std`'s atomic with relaxed accesses in both builds — a plain
/// word that can sit in a `Sync` thread state. It is not part of a cross-thread protocol.
#[derive(Debug, Default)]
pub(crate) struct CriticalSectionStack {
    top: std::sync::atomic::AtomicUsize,
    /// A mutex handed to this thread while it slept detached, held until the thread is attached
    /// again — or given back if its attach must wait for a stop-the-world ([`give_back_handoff`]).
    handoff: std::sync::atomic::AtomicPtr<PyMutex>,
}

impl CriticalSectionStack {
    pub(crate) const fn new() -> Self {
        CriticalSectionStack {
            top: std::sync::atomic::AtomicUsize::new(0),
            handoff: std::sync::atomic::AtomicPtr::new(ptr::null_mut()),
        }
    }

    /// Records `m` as handed to this (detached) thread.
    pub(crate) fn hold_handoff(&self, m: &PyMutex) {
        self.handoff.store(m as *const PyMutex as *mut PyMutex, std::sync::atomic::Ordering::Relaxed);
    }

    /// Clears the hand-off slot; true if the mutex is still held (it was not given back).
    pub(crate) fn take_handoff(&self) -> bool {
        !self.handoff.swap(ptr::null_mut(), std::sync::atomic::Ordering::Relaxed).is_null()
    }

    #[inline]
    fn get(&self) -> usize {
        self.top.load(std::sync::atomic::Ordering::Relaxed)
    }

    #[inline]
    fn set(&self, tag: usize) {
        self.top.store(tag, std::sync::atomic::Ordering::Relaxed);
    }
}

/// One open critical section on one object: CPython's `PyCriticalSection`, field for field. It
/// lives in the frame that opened it (a Rust closure's caller, or a C caller's stack) and is
/// linked into its thread state's stack until it ends.
#[repr(C)]
#[derive(Debug)]
pub struct CriticalSection {
    /// The tagged link to the section below (`_cs_prev`).
    prev: Cell<usize>,
    /// The (lower) mutex (`_cs_mutex`); null while the section is being opened or is resuming,
    /// and in a section that was not pushed (nothing to end).
    mutex: Cell<*const PyMutex>,
}

/// A critical section on two objects: CPython's `PyCriticalSection2`.
#[repr(C)]
#[derive(Debug)]
pub struct CriticalSection2 {
    base: CriticalSection,
    /// The higher mutex (`_cs_mutex2`).
    mutex2: Cell<*const PyMutex>,
}

// CPython's layout, which the C headers declare (`cpython/critical_section.h`).
const _: () = {
    use std::mem::{offset_of, size_of};
    assert!(size_of::<CriticalSection>() == 2 * size_of::<usize>());
    assert!(offset_of!(CriticalSection, prev) == 0);
    assert!(offset_of!(CriticalSection, mutex) == size_of::<usize>());
    assert!(size_of::<CriticalSection2>() == 3 * size_of::<usize>());
    assert!(offset_of!(CriticalSection2, mutex2) == 2 * size_of::<usize>());
};

/// A link, untagged.
#[derive(Clone, Copy)]
struct Link<'a> {
    section: &'a CriticalSection,
    /// Its second mutex's slot, for a pair.
    mutex2: Option<&'a Cell<*const PyMutex>>,
}

impl Link<'_> {
    /// # Safety
    ///
    /// `tag` must be a non-zero link of the calling thread's current stack.
    unsafe fn from_tag<'a>(tag: usize) -> Link<'a> {
        let addr = tag & !TAG_MASK;
        // SAFETY: links point to sections whose frames are still running on this thread (a
        // section is unlinked before its frame ends, also on unwinding), and a link tagged
        // TWO_MUTEXES points to a `CriticalSection2`, whose first field is the base.
        unsafe {
            Link {
                section: &*(addr as *const CriticalSection),
                mutex2: (tag & TWO_MUTEXES != 0).then(|| &(*(addr as *const CriticalSection2)).mutex2),
            }
        }
    }

    fn holds(&self, m: *const PyMutex) -> bool {
        ptr::eq(self.section.mutex.get(), m) || self.mutex2.is_some_and(|m2| ptr::eq(m2.get(), m))
    }
}

/// Locks `m` for the attached thread state `ts` (the current one), detaching while it sleeps.
fn lock_detaching(ts: &ThreadState, m: &PyMutex) {
    debug_assert!(std::ptr::eq(thread_state::current().map_or(ptr::null(), |p| p.as_ptr()), ts));
    m.lock();
}

/// Opens a one-mutex section; false when the top section already holds `m` (nothing pushed).
fn begin(ts: &ThreadState, section: &CriticalSection, m: &PyMutex) -> bool {
    if m.try_lock() {
        let stack = &ts.critical_sections;
        section.prev.set(stack.get());
        section.mutex.set(m);
        stack.set(section as *const CriticalSection as usize);
        return true;
    }
    begin_contended(ts, section, m)
}

/// [`begin`] once the try-lock failed: re-entry on a mutex the top section holds (nothing
/// pushed: false), or a wait for the holder with the section pushed first.
#[cold]
#[inline(never)]
fn begin_contended(ts: &ThreadState, section: &CriticalSection, m: &PyMutex) -> bool {
    let stack = &ts.critical_sections;
    let top = stack.get();
    section.prev.set(top);
    // Re-entry: the active top section holds `m` already (an inactive one holds nothing).
    // SAFETY: a non-zero top is a link of this thread's stack.
    if top != 0 && top & INACTIVE == 0 && unsafe { Link::from_tag(top) }.holds(m) {
        section.mutex.set(ptr::null());
        return false;
    }
    // Push first, with no mutex recorded: if we sleep (detached), the sections below are
    // suspended and this one has nothing to give back.
    section.mutex.set(ptr::null());
    stack.set(section as *const CriticalSection as usize);
    lock_detaching(ts, m);
    section.mutex.set(m);
    true
}

/// Opens a section on two distinct mutexes, the lower address first.
fn begin2(ts: &ThreadState, section: &CriticalSection2, a: &PyMutex, b: &PyMutex) {
    let (m1, m2) = if ptr::from_ref(b) < ptr::from_ref(a) && !broken(Mutation::CriticalSectionPairUnordered) {
        (b, a)
    } else {
        (a, b)
    };
    let stack = &ts.critical_sections;
    let tag = section as *const CriticalSection2 as usize | TWO_MUTEXES;
    section.base.prev.set(stack.get());
    let m1_locked = m1.try_lock();
    if m1_locked && m2.try_lock() {
        section.base.mutex.set(m1);
        section.mutex2.set(m2);
        stack.set(tag);
        return;
    }
    section.base.mutex.set(ptr::null());
    section.mutex2.set(ptr::null());
    stack.set(tag);
    if !m1_locked {
        lock_detaching(ts, m1);
    }
    lock_detaching(ts, m2);
    section.base.mutex.set(m1);
    section.mutex2.set(m2);
}

/// Closes the top section, `link` (untagged address `addr`): unlocks its mutexes, pops it, and
/// resumes the one below if it was suspended.
fn end(ts: &ThreadState, addr: usize, link: Link<'_>) {
    let stack = &ts.critical_sections;
    if stack.get() & !TAG_MASK != addr {
        fatal_error("PyCriticalSection_End", "critical sections ended out of order");
    }
    if let Some(m2) = link.mutex2.map(Cell::get).filter(|m| !m.is_null()) {
        // SAFETY: the section holds its mutexes while it is the active top.
        unsafe { (*m2).unlock() };
    }
    let m1 = link.section.mutex.get();
    if !m1.is_null() {
        // SAFETY: as above.
        unsafe { (*m1).unlock() };
    }
    let prev = link.section.prev.get();
    stack.set(prev);
    if prev & INACTIVE != 0 {
        resume_top(ts);
    }
}

/// Detach hook (`_PyCriticalSection_SuspendAll`): unlocks the mutexes of every active section
/// of `ts`, top down, and marks each INACTIVE. Called by `detach` while `ts` is still attached.
#[inline]
pub(crate) fn suspend_all(ts: &ThreadState) {
    let top = ts.critical_sections.get();
    if top != 0 && top & INACTIVE == 0 {
        suspend_all_slow(ts, top, false);
    }
}

/// Suspends the active sections from `top` down; with `hand_off`, each mutex goes directly to a
/// thread asleep on it, if any ([`PyMutex::unlock_handing_off`]).
#[cold]
fn suspend_all_slow(ts: &ThreadState, top: usize, hand_off: bool) {
    if broken(Mutation::CriticalSectionNotSuspended) {
        return;
    }
    ts.critical_sections.set(top | INACTIVE);
    let mut tag = top;
    loop {
        // SAFETY: `tag` is a non-zero link of this thread's stack.
        let link = unsafe { Link::from_tag(tag) };
        let m1 = link.section.mutex.get();
        if !m1.is_null() {
            let release = |m: *const PyMutex| {
                // SAFETY: an active section holds the mutexes it records.
                unsafe { if hand_off { (*m).unlock_handing_off() } else { (*m).unlock() } }
            };
            release(m1);
            if let Some(m2) = link.mutex2.map(Cell::get).filter(|m| !m.is_null()) {
                release(m2);
            }
        }
        let prev = link.section.prev.get();
        if prev == 0 || prev & INACTIVE != 0 {
            return;
        }
        link.section.prev.set(prev | INACTIVE);
        tag = prev;
    }
}

/// Eval-breaker hook of a free-threaded interpreter (a drop request): if a thread sleeps on a
/// mutex held by an active section of `ts`, hand the mutexes over and take them back — a
/// detach that gives the sleepers their turn, as a forced switch of the interpreter lock does.
/// The sections stay open; the mutexes are re-taken (in the usual order) when `ts` re-attaches.
/// Nothing happens, beyond a walk of the (short) stack, when nobody waits.
pub(crate) fn yield_to_waiters(ts: &ThreadState) {
    let top = ts.critical_sections.get();
    if top == 0 || top & INACTIVE != 0 || !stack_contended(top) {
        return;
    }
    suspend_all_slow(ts, top, true);
    thread_state::detach(ts);
    thread_state::attach(ts);
}

/// Whether a mutex held by an active section from `top` down has sleepers.
fn stack_contended(top: usize) -> bool {
    let mut tag = top;
    while tag != 0 && tag & INACTIVE == 0 {
        // SAFETY: `tag` is a non-zero link of this thread's stack.
        let link = unsafe { Link::from_tag(tag) };
        let held = [link.section.mutex.get(), link.mutex2.map_or(ptr::null(), Cell::get)];
        // SAFETY: an active section holds the (live) mutexes it records.
        if held.iter().any(|m| !m.is_null() && unsafe { &**m }.has_parked()) {
            return true;
        }
        tag = link.section.prev.get();
    }
    false
}

/// Hook of a free-threaded attach that must wait for a stop-the-world: a mutex handed to the
/// thread while it slept is given back, so that a requester that needs it while the world is
/// stopped does not wait for a suspended thread. The thread retries the lock once attached.
#[inline]
pub(crate) fn give_back_handoff(ts: &ThreadState) {
    if broken(Mutation::HandoffKeptWhileSuspended) {
        return;
    }
    let m = ts.critical_sections.handoff.swap(ptr::null_mut(), std::sync::atomic::Ordering::Relaxed);
    if !m.is_null() {
        // SAFETY: the mutex was handed to this thread (it holds it) and belongs to an object its
        // lock caller keeps alive.
        unsafe { (*m).unlock() };
    }
}

/// Attach hook (`_PyCriticalSection_Resume`): re-locks the top section's mutexes if it was
/// suspended. Called by `attach` once `ts` is attached.
#[inline]
pub(crate) fn resume(ts: &ThreadState) {
    if ts.critical_sections.get() & INACTIVE != 0 {
        resume_top(ts);
    }
}

#[cold]
fn resume_top(ts: &ThreadState) {
    let stack = &ts.critical_sections;
    // SAFETY: an INACTIVE tag is a non-zero link of this thread's stack.
    let link = unsafe { Link::from_tag(stack.get()) };
    // Take the mutexes out while we lock them: if we sleep (detach, attach), the nested resume
    // finds nothing to lock, and the nested suspend nothing to unlock.
    let m1 = link.section.mutex.replace(ptr::null());
    let m2 = link.mutex2.map_or(ptr::null(), |m| m.replace(ptr::null()));
    if !m1.is_null() {
        // SAFETY: the mutexes of an open section belong to objects its opener keeps alive.
        lock_detaching(ts, unsafe { &*m1 });
    }
    if !m2.is_null() {
        // SAFETY: as above.
        lock_detaching(ts, unsafe { &*m2 });
    }
    link.section.mutex.set(m1);
    if let Some(slot) = link.mutex2 {
        slot.set(m2);
    }
    stack.set(stack.get() & !INACTIVE);
}

impl CriticalSection {
    /// A section not yet begun.
    pub fn new() -> Self {
        CriticalSection { prev: Cell::new(0), mutex: Cell::new(ptr::null()) }
    }

    /// Begins a section on `obj` for the attached thread state `ts` (`PyCriticalSection_Begin`);
    /// in an interpreter with a lock, or when the top section already holds `obj`, nothing is
    /// locked or pushed and [`CriticalSection::end`] does nothing.
    ///
    /// # Safety
    ///
    /// `ts` must be the calling thread's current thread state; the section must stay where it is
    /// and `obj` alive until [`CriticalSection::end`], which must be called on this thread with
    /// `ts` current, for the sections of `ts` in the reverse order of their beginning.
    pub unsafe fn begin(&self, ts: &ThreadState, obj: &PyObject) {
        self.mutex.set(ptr::null());
        if ts.interp_state().sched.lock.is_none() {
            begin(ts, self, obj.mutex());
        }
    }

    /// Ends a section begun by [`CriticalSection::begin`] (`PyCriticalSection_End`).
    ///
    /// # Safety
    ///
    /// As for [`CriticalSection::begin`].
    pub unsafe fn end(&self, ts: &ThreadState) {
        if !self.mutex.get().is_null() {
            end(ts, self as *const Self as usize, Link { section: self, mutex2: None });
        }
    }
}

impl CriticalSection2 {
    /// A section not yet begun.
    pub fn new() -> Self {
        CriticalSection2 { base: CriticalSection::new(), mutex2: Cell::new(ptr::null()) }
    }

    /// Begins a section on `a` and `b` (`PyCriticalSection2_Begin`): both mutexes, lower address
    /// first; the same object twice is the one-object form.
    ///
    /// # Safety
    ///
    /// As for [`CriticalSection::begin`].
    pub unsafe fn begin(&self, ts: &ThreadState, a: &PyObject, b: &PyObject) {
        self.base.mutex.set(ptr::null());
        self.mutex2.set(ptr::null());
        if ts.interp_state().sched.lock.is_some() {
            return;
        }
        if ptr::eq(a, b) {
            begin(ts, &self.base, a.mutex());
        } else {
            begin2(ts, self, a.mutex(), b.mutex());
        }
    }

    /// Ends a section begun by [`CriticalSection2::begin`] (`PyCriticalSection2_End`).
    ///
    /// # Safety
    ///
    /// As for [`CriticalSection::begin`].
    pub unsafe fn end(&self, ts: &ThreadState) {
        if self.base.mutex.get().is_null() {
            return;
        }
        let pair = !self.mutex2.get().is_null();
        let link = Link { section: &self.base, mutex2: pair.then_some(&self.mutex2) };
        end(ts, self as *const Self as usize, link);
    }
}

impl Default for CriticalSection {
    fn default() -> Self {
        Self::new()
    }
}

impl Default for CriticalSection2 {
    fn default() -> Self {
        Self::new()
    }
}

/// Ends a one-mutex section pushed by [`Python::critical_section_free_threaded`] when its frame
/// is left, also by unwinding: `mutex` is the mutex it holds (None: nothing was pushed).
struct EndOne<'a> {
    ts: &'a ThreadState,
    section: &'a CriticalSection,
    mutex: Option<&'a PyMutex>,
}

impl Drop for EndOne<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        // loom unwinds the coroutines of a failed model outside the model.
        #[cfg(loom)]
        if std::thread::panicking() {
            return;
        }
        let Some(m) = self.mutex else { return };
        let stack = &self.ts.critical_sections;
        // Closures nest, so this section is the top; code runs attached, so it is active and
        // holds its mutex (a suspended top is resumed before the thread runs again).
        debug_assert_eq!(stack.get(), self.section as *const CriticalSection as usize);
        // SAFETY: the active top section holds `m`, locked on this thread.
        unsafe { m.unlock() };
        let prev = self.section.prev.get();
        stack.set(prev);
        if prev & INACTIVE != 0 {
            resume_top(self.ts);
        }
    }
}

/// Ends a section when its frame is left, also by unwinding.
struct EndOnDrop<'a, S: Ends> {
    ts: &'a ThreadState,
    section: &'a S,
}

trait Ends {
    /// # Safety
    ///
    /// As for [`CriticalSection::end`].
    unsafe fn end_section(&self, ts: &ThreadState);
}

impl Ends for CriticalSection {
    unsafe fn end_section(&self, ts: &ThreadState) {
        // SAFETY: forwarded.
        unsafe { self.end(ts) }
    }
}

impl Ends for CriticalSection2 {
    unsafe fn end_section(&self, ts: &ThreadState) {
        // SAFETY: forwarded.
        unsafe { self.end(ts) }
    }
}

impl<S: Ends> Drop for EndOnDrop<'_, S> {
    fn drop(&mut self) {
        // loom unwinds the coroutines of a failed model outside the model.
        #[cfg(loom)]
        if std::thread::panicking() {
            return;
        }
        // SAFETY: the section was begun in the frame that owns this guard, with the token's
        // thread state, which is current again whenever that frame runs; closures nest, so
        // sections end in reverse order.
        unsafe { self.section.end_section(self.ts) };
    }
}

impl<'py> Python<'py> {
    /// Runs `f` in a critical section on `obj` (`Py_BEGIN_CRITICAL_SECTION(obj)` …
    /// `Py_END_CRITICAL_SECTION()`): in a free-threaded interpreter, `f` runs with `obj`'s mutex
    /// held — except across a detach inside `f` (a blocking call, [`Python::detach`]), which
    /// suspends the section, as releasing the GIL would. In an interpreter with a lock, the lock
    /// already serialises `f` and no mutex is taken. Nesting on the same object is allowed.
    #[inline]
    pub fn critical_section<R>(self, obj: &PyObject, f: impl FnOnce() -> R) -> R {
        if self.thread_state().attachment().free_threaded() { self.critical_section_free_threaded(obj, f) } else { f() }
    }

    /// [`Python::critical_section`] for a caller that knows the interpreter is free-threaded (the
    /// object layer's `attachment::critical_section`, which read that from the attachment it
    /// already loaded): CPython's inline `_PyCriticalSection_BeginMutex` / `_End` — one
    /// try-lock and three stores to open, one unlock, one store and one test to close — with the
    /// slow paths (contention, re-entry, a suspended section below) out of line.
    #[inline(always)]
    pub(crate) fn critical_section_free_threaded<R>(self, obj: &PyObject, f: impl FnOnce() -> R) -> R {
        let ts = self.thread_state();
        debug_assert!(ts.interp_state().sched.lock.is_none(), "a section of a free-threaded interpreter");
        let m = obj.mutex();
        let stack = &ts.critical_sections;
        // Filled for the fast path; the contended path sets both fields again.
        let section = CriticalSection { prev: Cell::new(stack.get()), mutex: Cell::new(m) };
        let pushed = if m.try_lock() {
            stack.set(&section as *const CriticalSection as usize);
            true
        } else {
            begin_contended(ts, &section, m)
        };
        let _end = EndOne { ts, section: &section, mutex: pushed.then_some(m) };
        f()
    }

    /// Runs `f` in a critical section on two objects (`Py_BEGIN_CRITICAL_SECTION2(a, b)`): both
    /// mutexes held, taken in address order so that no two threads deadlock on a pair; the same
    /// object twice is the one-object form. Otherwise as [`Python::critical_section`].
    pub fn critical_section2<R>(self, a: &PyObject, b: &PyObject, f: impl FnOnce() -> R) -> R {
        let ts = self.thread_state();
        let section = CriticalSection2::new();
        // SAFETY: as in `critical_section`.
        unsafe { section.begin(ts, a, b) };
        let _end = EndOnDrop { ts, section: &section };
        f()
    }
}
