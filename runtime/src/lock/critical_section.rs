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

/// The per-thread-state stack of open critical sections: a tagged pointer to the top one.
///
/// Only the thread the state is attached on reads or writes it (open sections live in that
/// thread's frames), so it is `std`'s atomic with relaxed accesses in both builds — a plain
/// word that can sit in a `Sync` thread state. It is not part of a cross-thread protocol.
#[derive(Debug, Default)]
pub(crate) struct CriticalSectionStack {
    top: std::sync::atomic::AtomicUsize,
}

impl CriticalSectionStack {
    pub(crate) const fn new() -> Self {
        CriticalSectionStack { top: std::sync::atomic::AtomicUsize::new(0) }
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

/// One open critical section (CPython's `PyCriticalSection` / `PyCriticalSection2`). It lives in
/// the frame of the function that opened it and is linked into its thread state's stack.
#[repr(align(8))]
struct Section {
    /// The (lower) mutex; null while the section is being opened or is resuming.
    mutex: Cell<*const PyMutex>,
    /// The higher mutex of a pair; null for one object.
    mutex2: Cell<*const PyMutex>,
    /// The tagged link to the section below.
    prev: Cell<usize>,
}

impl Section {
    fn new() -> Self {
        Section { mutex: Cell::new(ptr::null()), mutex2: Cell::new(ptr::null()), prev: Cell::new(0) }
    }

    fn tag(&self) -> usize {
        self as *const Section as usize
    }

    /// # Safety
    ///
    /// `tag` must be a non-zero link of the calling thread's current stack.
    unsafe fn untag<'a>(tag: usize) -> &'a Section {
        // SAFETY: links point to sections whose frames are still running on this thread (a
        // section is unlinked before its frame returns, also on unwinding).
        unsafe { &*((tag & !INACTIVE) as *const Section) }
    }

    fn holds(&self, m: *const PyMutex) -> bool {
        ptr::eq(self.mutex.get(), m) || ptr::eq(self.mutex2.get(), m)
    }
}

/// Locks `m` for the attached thread state `ts` (the current one), detaching while it sleeps.
fn lock_detaching(ts: &ThreadState, m: &PyMutex) {
    debug_assert!(std::ptr::eq(thread_state::current().map_or(ptr::null(), |p| p.as_ptr()), ts));
    m.lock();
}

/// Opens a one-mutex section; false when the top section already holds `m` (nothing pushed).
fn begin(ts: &ThreadState, section: &Section, m: &PyMutex) -> bool {
    let stack = &ts.critical_sections;
    let top = stack.get();
    if m.try_lock() {
        section.mutex.set(m);
        section.prev.set(top);
        stack.set(section.tag());
        return true;
    }
    // SAFETY: a non-zero top is a link of this thread's stack.
    if top != 0 && unsafe { Section::untag(top) }.holds(m) {
        return false;
    }
    // Push first, with no mutex recorded: if we sleep (detached), the sections below are
    // suspended and this one has nothing to give back.
    section.prev.set(top);
    stack.set(section.tag());
    lock_detaching(ts, m);
    section.mutex.set(m);
    true
}

/// Opens a section on two distinct mutexes, the lower address first.
fn begin2(ts: &ThreadState, section: &Section, a: &PyMutex, b: &PyMutex) {
    let (m1, m2) = if ptr::from_ref(b) < ptr::from_ref(a) && !broken(Mutation::CriticalSectionPairUnordered) {
        (b, a)
    } else {
        (a, b)
    };
    let stack = &ts.critical_sections;
    let m1_locked = m1.try_lock();
    if m1_locked && m2.try_lock() {
        section.mutex.set(m1);
        section.mutex2.set(m2);
        section.prev.set(stack.get());
        stack.set(section.tag());
        return;
    }
    section.prev.set(stack.get());
    stack.set(section.tag());
    if !m1_locked {
        lock_detaching(ts, m1);
    }
    lock_detaching(ts, m2);
    section.mutex.set(m1);
    section.mutex2.set(m2);
}

/// Closes the top section: unlocks its mutexes, pops it, and resumes the one below if it was
/// suspended.
fn end(ts: &ThreadState, section: &Section) {
    let stack = &ts.critical_sections;
    if stack.get() & !INACTIVE != section.tag() {
        fatal_error("PyCriticalSection_End", "critical sections ended out of order");
    }
    let m2 = section.mutex2.get();
    if !m2.is_null() {
        // SAFETY: the section holds its mutexes while it is the active top.
        unsafe { (*m2).unlock() };
    }
    let m1 = section.mutex.get();
    if !m1.is_null() {
        // SAFETY: as above.
        unsafe { (*m1).unlock() };
    }
    let prev = section.prev.get();
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
        suspend_all_slow(ts, top);
    }
}

#[cold]
fn suspend_all_slow(ts: &ThreadState, top: usize) {
    if broken(Mutation::CriticalSectionNotSuspended) {
        return;
    }
    ts.critical_sections.set(top | INACTIVE);
    let mut tag = top;
    loop {
        // SAFETY: `tag` is a non-zero link of this thread's stack.
        let section = unsafe { Section::untag(tag) };
        let m1 = section.mutex.get();
        if !m1.is_null() {
            // SAFETY: an active section holds the mutexes it records.
            unsafe { (*m1).unlock() };
            let m2 = section.mutex2.get();
            if !m2.is_null() {
                // SAFETY: as above.
                unsafe { (*m2).unlock() };
            }
        }
        let prev = section.prev.get();
        if prev == 0 || prev & INACTIVE != 0 {
            return;
        }
        section.prev.set(prev | INACTIVE);
        tag = prev;
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
    let section = unsafe { Section::untag(stack.get()) };
    // Take the mutexes out while we lock them: if we sleep (detach, attach), the nested resume
    // finds nothing to lock, and the nested suspend nothing to unlock.
    let m1 = section.mutex.replace(ptr::null());
    let m2 = section.mutex2.replace(ptr::null());
    if !m1.is_null() {
        // SAFETY: the mutexes of an open section belong to objects the section's frame keeps
        // alive.
        lock_detaching(ts, unsafe { &*m1 });
    }
    if !m2.is_null() {
        // SAFETY: as above.
        lock_detaching(ts, unsafe { &*m2 });
    }
    section.mutex.set(m1);
    section.mutex2.set(m2);
    stack.set(stack.get() & !INACTIVE);
}

/// Ends a section when its frame is left, also by unwinding.
struct EndOnDrop<'a> {
    ts: &'a ThreadState,
    section: &'a Section,
}

impl Drop for EndOnDrop<'_> {
    fn drop(&mut self) {
        // loom unwinds the coroutines of a failed model outside the model.
        #[cfg(loom)]
        if std::thread::panicking() {
            return;
        }
        end(self.ts, self.section);
    }
}

impl<'py> Python<'py> {
    /// Runs `f` in a critical section on `obj` (`Py_BEGIN_CRITICAL_SECTION(obj)` …
    /// `Py_END_CRITICAL_SECTION()`): in a free-threaded interpreter, `f` runs with `obj`'s mutex
    /// held — except across a detach inside `f` (a blocking call, [`Python::detach`]), which
    /// suspends the section, as releasing the GIL would. In an interpreter with a lock, the lock
    /// already serialises `f` and no mutex is taken. Nesting on the same object is allowed.
    pub fn critical_section<R>(self, obj: &PyObject, f: impl FnOnce() -> R) -> R {
        let ts = self.thread_state();
        if ts.interp_state().lock.is_some() {
            return f();
        }
        let section = Section::new();
        if !begin(ts, &section, obj.mutex()) {
            return f();
        }
        let _end = EndOnDrop { ts, section: &section };
        f()
    }

    /// Runs `f` in a critical section on two objects (`Py_BEGIN_CRITICAL_SECTION2(a, b)`): both
    /// mutexes held, taken in address order so that no two threads deadlock on a pair; the same
    /// object twice is the one-object form. Otherwise as [`Python::critical_section`].
    pub fn critical_section2<R>(self, a: &PyObject, b: &PyObject, f: impl FnOnce() -> R) -> R {
        if ptr::eq(a, b) {
            return self.critical_section(a, f);
        }
        let ts = self.thread_state();
        if ts.interp_state().lock.is_some() {
            return f();
        }
        let section = Section::new();
        begin2(ts, &section, a.mutex(), b.mutex());
        let _end = EndOnDrop { ts, section: &section };
        f()
    }
}
