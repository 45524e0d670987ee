//! `PyMutex` and critical sections (CPython 3.13's `cpython/lock.h` and
//! `cpython/critical_section.h`): thin exports over `pyrt::lock`.
//!
//! The section structs live on the C caller's stack, in CPython's layout; pyrt links them into
//! the current thread state's stack exactly as the Rust closures do, so C and Rust sections nest.

use pyrt::lock::{CriticalSection, CriticalSection2, PyMutex};
use pyrt::state::thread_state;
use pyrt::{PyObject, ThreadState};

use super::guard;

/// `PyCriticalSection` (C layout: `_cs_prev`, `_cs_mutex`).
pub type PyCriticalSection = CriticalSection;
/// `PyCriticalSection2` (C layout: `_cs_base`, `_cs_mutex2`).
pub type PyCriticalSection2 = CriticalSection2;

fn attached(func: &str) -> &'static ThreadState {
    match thread_state::current() {
        // SAFETY: the current thread state stays alive while attached, and these exports use it
        // only for the duration of the call.
        Some(ts) => unsafe { &*ts.as_ptr() },
        None => pyrt::fatal::fatal_error(func, "the function must be called with an attached thread state"),
    }
}

/// `PyMutex_Lock`: sleeps (detached, if attached) while another thread holds the mutex.
///
/// # Safety
///
/// `m` must point to a live `PyMutex`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMutex_Lock(m: *mut PyMutex) {
    // SAFETY: the caller passes a live mutex.
    guard("PyMutex_Lock", || unsafe { &*m }.lock())
}

/// `PyMutex_Unlock`; unlocking a mutex nobody holds is a fatal error, as in CPython.
///
/// # Safety
///
/// `m` must point to a live `PyMutex` that the calling thread locked.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMutex_Unlock(m: *mut PyMutex) {
    // SAFETY: the caller passes a live mutex it holds.
    guard("PyMutex_Unlock", || unsafe { (*m).unlock() })
}

/// `_PyMutex_LockSlow`: the header's inline `PyMutex_Lock` calls it when its CAS fails.
///
/// # Safety
///
/// As for [`PyMutex_Lock`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyMutex_LockSlow(m: *mut PyMutex) {
    // SAFETY: the caller passes a live mutex.
    guard("_PyMutex_LockSlow", || unsafe { &*m }.lock())
}

/// `_PyMutex_UnlockSlow`: the header's inline `PyMutex_Unlock` calls it when its CAS fails
/// (parked waiters, or the mutex is not locked: fatal).
///
/// # Safety
///
/// As for [`PyMutex_Unlock`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyMutex_UnlockSlow(m: *mut PyMutex) {
    // SAFETY: the caller passes a live mutex it holds.
    guard("_PyMutex_UnlockSlow", || unsafe { (*m).unlock() })
}

/// `PyCriticalSection_Begin`.
///
/// # Safety
///
/// Attached thread; `c` stays in place and `op` alive until the matching
/// `PyCriticalSection_End`, which runs on this thread, sections ending in reverse order.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyCriticalSection_Begin(c: *mut PyCriticalSection, op: *mut PyObject) {
    guard("PyCriticalSection_Begin", || {
        let ts = attached("PyCriticalSection_Begin");
        // SAFETY: the caller's contract is `CriticalSection::begin`'s; `c` may be uninitialised
        // memory, which `write` fills without reading.
        unsafe {
            c.write(CriticalSection::new());
            (*c).begin(ts, &*op);
        }
    })
}

/// `PyCriticalSection_End`.
///
/// # Safety
///
/// `c` was begun by `PyCriticalSection_Begin` on this thread and is the innermost open section.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyCriticalSection_End(c: *mut PyCriticalSection) {
    guard("PyCriticalSection_End", || {
        let ts = attached("PyCriticalSection_End");
        // SAFETY: the caller's contract.
        unsafe { (*c).end(ts) }
    })
}

/// `PyCriticalSection2_Begin`: both objects, lower address first.
///
/// # Safety
///
/// As for `PyCriticalSection_Begin`, for both objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyCriticalSection2_Begin(c: *mut PyCriticalSection2, a: *mut PyObject, b: *mut PyObject) {
    guard("PyCriticalSection2_Begin", || {
        let ts = attached("PyCriticalSection2_Begin");
        // SAFETY: as in `PyCriticalSection_Begin`.
        unsafe {
            c.write(CriticalSection2::new());
            (*c).begin(ts, &*a, &*b);
        }
    })
}

/// `PyCriticalSection2_End`.
///
/// # Safety
///
/// As for `PyCriticalSection_End`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyCriticalSection2_End(c: *mut PyCriticalSection2) {
    guard("PyCriticalSection2_End", || {
        let ts = attached("PyCriticalSection2_End");
        // SAFETY: the caller's contract.
        unsafe { (*c).end(ts) }
    })
}
