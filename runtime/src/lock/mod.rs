//! Locks: the interpreter lock (the GIL) that serialises the threads of an interpreter with a
//! lock.

mod interpreter_lock;

pub use interpreter_lock::{DEFAULT_SWITCH_INTERVAL, DROP_REQUEST_BIT, InterpreterLock};
