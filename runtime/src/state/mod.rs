//! Runtime state: the runtime, interpreters, thread states and everything that binds them.
//!
//! | file | what it owns |
//! |---|---|
//! | `runtime` | the process-wide runtime, the registry of interpreters, init/finalize |
//! | `interpreter` | interpreters, their config and lifecycle; owns one room of each below |
//! | `scheduling` | an interpreter's lock, thread list and stop-the-world coordinator |
//! | `memory` | an interpreter's arena, shared heap, merge queues and deferred decrefs |
//! | `calls` | an interpreter's pending calls and asynchronous-exception delivery |
//! | `thread_state` | thread states and the attach/detach primitives |
//! | `tls` | the thread-local slots (current thread state, GILState bindings) |
//! | `gilstate` | `PyGILState_Ensure` / `Release` and `ensure_in` |
//! | `breaker` | the eval-breaker bits and `check_eval_breaker` |
//! | `pending` | pending-call queues |
//! | `stw` | free-threaded attach/detach and stop-the-world |
//! | `signals` | signal delivery to the main thread |

pub mod breaker;
pub(crate) mod calls;
pub mod gilstate;
pub(crate) mod interpreter;
pub(crate) mod memory;
pub(crate) mod pending;
pub(crate) mod runtime;
pub(crate) mod scheduling;
pub(crate) mod signals;
pub(crate) mod stw;
pub mod thread_state;
pub(crate) mod tls;

pub use interpreter::{Interpreter, InterpreterConfig, LockKind, end_interpreter};
pub use pending::{
    MAX_PENDING_CALLS, MAX_PENDING_CALLS_LOOP, MAX_PENDING_CALLS_MAIN, PendingCall, PendingFn,
    make_pending_calls_now as make_pending_calls,
};
pub use runtime::Runtime;

/// Puts the process-wide plain statics of this room back to their start values. They sit outside
/// loom's per-execution state (a signal handler must reach them without running an
/// initialiser), so a model resets them at the start of every execution: otherwise what one
/// execution left there (a queued main-thread call, a tripped signal, the main thread's ident)
/// changes which branches the next one takes, and loom rejects the model as non-deterministic.
#[cfg(loom)]
pub fn reset_statics_for_model() {
    runtime::reset_statics_for_model();
    signals::reset_statics_for_model();
    pending::reset_statics_for_model();
}
pub use signals::{SIGINT, SignalHandler};
pub use stw::WorldStopped;
pub use thread_state::{Status, ThreadDict, ThreadState, TraceArgs, TraceEvent, TraceFn, Whence};
