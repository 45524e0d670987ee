//! Locks: the interpreter lock (the GIL) that serialises the threads of an interpreter with a
//! lock, and — for free-threaded interpreters — the one-byte per-object mutex and the critical
//! sections built on it, which stand in for the GIL around one or two objects.
//!
//! The critical sections live here, beside the mutex they drive, although they need the thread
//! state: detaching suspends them and attaching resumes them ([`critical_section`]'s hooks).

pub mod critical_section;
mod interpreter_lock;
mod mutex;

pub use critical_section::{CriticalSection, CriticalSection2};
pub use interpreter_lock::{DEFAULT_SWITCH_INTERVAL, DROP_REQUEST_BIT, InterpreterLock};
pub use mutex::PyMutex;
