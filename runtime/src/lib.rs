//! # pyrt — CPython's execution model on every core
//!
//! One process holds a [`Runtime`] with any number of [`Interpreter`]s. Each picks its locking at
//! creation ([`LockKind`]): the main interpreter's lock (`Shared`), a lock of its own (`Own`,
//! PEP 684) or none at all (`None`, free-threaded, PEP 703). OS threads enter an interpreter
//! through a [`ThreadState`] bound in thread-local slots.
//!
//! ```
//! use pyrt::{Interpreter, InterpreterConfig, Runtime};
//!
//! Runtime::initialize();
//! let sub = Interpreter::new(InterpreterConfig::isolated()).unwrap();
//! let n = sub.attach(|py| {
//!     py.check_eval_breaker().unwrap();
//!     py.interpreter().id()
//! }).unwrap();
//! assert_eq!(n, 1);
//! sub.destroy().unwrap();
//! // SAFETY: no thread is attached or holds an object any more.
//! unsafe { Runtime::finalize() };
//! ```
//!
//! Two layers:
//!
//! * the **safe API** — [`Interpreter::attach`], [`attach`], the [`Python`] token,
//!   [`Python::detach`] — cannot misuse a thread state from the wrong thread;
//! * the **CPython-shaped API** in [`state::thread_state`] and [`state::gilstate`]
//!   (`save_thread`, `restore_thread`, `swap`, `ensure`, `release`, ...) that the C ABI wraps;
//!   misuse there is a fatal error with CPython's message, as in CPython.
//!
//! Every synchronisation primitive comes from [`sync`], which `--cfg loom` switches to loom's
//! models (see the `loom-tests` crate).

pub mod alloc;
pub mod error;
pub(crate) mod eval;
pub mod fatal;
pub mod lock;
pub(crate) mod modules;
pub mod object;
mod python;
pub mod run;
pub mod state;
pub mod sync;

pub use error::{ExcKind, PyErr, PyResult};
pub use object::{Bound, Py, PyObject, RefcountStrategy};
pub use python::{Python, attach};
pub use state::{Interpreter, InterpreterConfig, LockKind, PendingCall, Runtime, ThreadState};
