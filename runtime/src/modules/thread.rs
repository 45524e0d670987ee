//! The `_thread` module: OS threads that run Python in the interpreter that started them, and
//! the locks they synchronise with (CPython's `Modules/_threadmodule.c`, the minimal part).
//!
//! **Threads.** `start_new_thread(func, args[, kwargs])` spawns an OS thread that attaches to the
//! starting thread's interpreter with a thread state of its own (a GILState attachment, deleted
//! when the function returns), calls `func(*args, **kwargs)` and ends. It runs its Python code
//! as `pyrt::run` runs the main program: in an interpreter with a lock the lock serialises the
//! threads, in a free-threaded one the code runs under the interpreter's language lock
//! ([`crate::run::one_at_a_time`]), and both hand over at eval-breaker checks (drop requests) or
//! whenever a thread detaches — a blocking `acquire`, `time.sleep`. An exception that escapes
//! `func` is printed as CPython prints it (`Exception ignored in thread started by <func>:` and
//! the traceback, on stderr); `SystemExit` (`_thread.exit()`) ends the thread silently.
//!
//! **Locks.** A `lock` is a flag under a `parking_lot` mutex with a condition variable, so that
//! any thread may release it (as `_thread` allows) and a wait can have a deadline. A blocking
//! acquire first tries without waiting; if it must wait, the thread detaches for the wait
//! ([`Python::detach`]): other threads of the interpreter run meanwhile, a stop-the-world does
//! not wait for it, and in a free-threaded interpreter the language lock is released with the
//! other critical sections and re-taken on the way back. The main thread (the one signals go
//! to) waits in slices and runs its signal handlers between them, so Ctrl-C interrupts it.
//! `RLock` adds an owner (the thread state's id) and a recursion count.
//!
//! **Thread-local data.** `_local()` keeps one attribute dict per thread state (by its id,
//! unique in the interpreter); attribute access goes to the calling thread's dict, then to the
//! type. The dicts of finished threads stay until the `_local` object goes (CPython drops them
//! when the thread ends).

use std::collections::HashMap;
use std::ptr::NonNull;
use std::time::{Duration, Instant};

use super::new_builtin_module;
use crate::Python;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::alloc::{alloc, drop_and_free};
use crate::object::builtin::{MethodDef, args};
use crate::object::core_types::CoreTypes;
use crate::object::dict::{as_dict, new_dict};
use crate::object::immortal::{TypeSpec, new_static_type, types};
use crate::object::int::{new_bool, new_int};
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::typeobj::TypeObject;
use crate::state::thread_state::{self, ThreadState};

/// `_thread.TIMEOUT_MAX`: CPython's `PY_TIMEOUT_MAX` in seconds on Linux (`LLONG_MAX` µs / 1e6,
/// rounded to what a double holds).
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The native stack of a thread started by `start_new_thread`: glibc's default for a new
/// pthread (the usual 8 MiB `RLIMIT_STACK`), which CPython's threads get and the main thread
/// has — the native recursion guard's limit is sized for it (Rust's default of 2 MiB is not
/// enough for a debug build).
const THREAD_STACK_SIZE: usize = 8 << 20;

/// The module's types.
pub struct ThreadTypes {
    /// `_thread.lock` (`LockType`).
    pub lock_type: &'static TypeObject,
    /// `_thread.RLock`.
    pub rlock_type: &'static TypeObject,
    /// `_thread._local`.
    pub local_type: &'static TypeObject,
}

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("_thread", THREAD_FUNCTIONS)?;
    let t = &types().thread;
    super::module_set(&m, "LockType", Obj::new_ref(t.lock_type.as_object()))?;
    super::module_set(&m, "lock", Obj::new_ref(t.lock_type.as_object()))?;
    super::module_set(&m, "RLock", Obj::new_ref(t.rlock_type.as_object()))?;
    super::module_set(&m, "_local", Obj::new_ref(t.local_type.as_object()))?;
    super::module_set(&m, "error", Obj::new_ref(types().exc.named("RuntimeError").as_object()))?;
    super::module_set(&m, "TIMEOUT_MAX", crate::object::float::new_float(TIMEOUT_MAX)?)?;
    Ok(m)
}

/// The calling thread's (attached) thread state.
fn current(func: &str) -> &'static ThreadState {
    thread_state::current_or_fatal(func)
}

/// Runs `f` detached from the interpreter (`Py_BEGIN_ALLOW_THREADS`): for a wait that may be
/// long. Other threads of the interpreter run meanwhile.
pub(crate) fn detached<T: Send>(f: impl Send + FnOnce() -> T) -> T {
    match thread_state::current() {
        // SAFETY: the current thread state is attached on this thread for the whole call, and
        // the token does not outlive it.
        Some(ts) => unsafe { Python::assume_attached(ts) }.detach(f),
        None => f(),
    }
}

// ---- threads ------------------------------------------------------------------------------

/// The number of threads started by `start_new_thread` still running, per interpreter id.
static RUNNING: parking_lot::Mutex<Option<HashMap<i64, usize>>> = parking_lot::Mutex::new(None);

fn count_running(interp: i64, delta: isize) -> usize {
    let mut g = RUNNING.lock();
    let counts = g.get_or_insert_with(HashMap::new);
    let n = counts.entry(interp).or_insert(0);
    *n = n.saturating_add_signed(delta);
    let now = *n;
    if now == 0 {
        counts.remove(&interp);
    }
    now
}

fn start_new_thread(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("start_new_thread", a, k, 2, 3)?;
    if a[0].type_object().call.is_none() {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    if !crate::object::tuple::is_tuple(&a[1]) {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    }
    let kwargs = a.get(2).filter(|kw| !kw.is(crate::object::immortals().none));
    if kwargs.is_some_and(|kw| as_dict(kw).is_none()) {
        return Err(PyErr::type_error("optional 3rd arg must be a dictionary"));
    }
    let ts = current("_thread.start_new_thread");
    let interp = ts.interpreter();
    if !interp.config().allow_threads {
        return Err(PyErr::runtime_error("thread is not supported for isolated subinterpreters"));
    }
    if interp.is_finalized() {
        return Err(PyErr::runtime_error("can't create new thread at interpreter shutdown"));
    }
    let unbind = |o: &Obj| crate::object::handle::Py::from_obj_attached(o.clone());
    let job = (unbind(&a[0]), unbind(&a[1]), kwargs.map(unbind));
    let id = interp.id();
    count_running(id, 1);
    let spawned =
        std::thread::Builder::new().name("pyrt-thread".into()).stack_size(THREAD_STACK_SIZE).spawn(move || {
            let (func, argv, kwargs) = job;
            let ran = interp.attach(|py| {
                let run = || {
                    let func = func.into_obj_attached();
                    let argv = argv.into_obj_attached();
                    let kwargs = kwargs.map(|k| k.into_obj_attached());
                    if let Err(err) = call_with(&func, &argv, kwargs.as_deref()) {
                        report_thread_exception(&func, err);
                    }
                    Ok(())
                };
                let _ = crate::run::one_at_a_time(py, run);
            });
            // A thread that could not attach (the interpreter is going away) just ends; its
            // references were dropped with the closure (their decrements deferred).
            drop(ran);
            count_running(id, -1);
        });
    match spawned {
        Ok(handle) => {
            let ident = os_thread_ident_of(&handle);
            drop(handle); // detached, as `_thread` threads are
            new_int(ident)
        }
        Err(e) => {
            count_running(id, -1);
            Err(PyErr::runtime_error(format!("can't start new thread: {e}")))
        }
    }
}

/// The `get_ident()` the new thread will report: its `pthread_t`.
fn os_thread_ident_of(handle: &std::thread::JoinHandle<()>) -> i64 {
    use std::os::unix::thread::JoinHandleExt;
    handle.as_pthread_t() as i64
}

/// `func(*argv, **kwargs)`.
fn call_with(func: &PyObject, argv: &PyObject, kwargs: Option<&PyObject>) -> PyResult<Obj> {
    let mut values: Vec<Obj> = crate::object::tuple::items(argv).to_vec();
    let mut names = Vec::new();
    if let Some(kw) = kwargs.and_then(as_dict) {
        for (k, v) in kw.items() {
            names.push(k);
            values.push(v);
        }
    }
    let kwnames = if names.is_empty() { None } else { Some(crate::object::tuple::new_tuple(names)?) };
    crate::object::abstract_ops::call(func, &values, kwnames.as_deref())
}

/// What CPython's `thread_run` does with an exception that escapes the thread's function:
/// `SystemExit` is ignored, anything else reported as unraisable.
fn report_thread_exception(func: &PyObject, err: PyErr) {
    if err.matches(types().exc.named("SystemExit")) {
        return;
    }
    let exc = err.into_object();
    let what = crate::object::abstract_ops::repr_text(func).unwrap_or_else(|_| "<object repr() failed>".to_owned());
    let _ = crate::object::textio::flush_stdout();
    eprint!("Exception ignored in thread started by {what}:\n{}", crate::eval::traceback::format_unraisable(&exc));
}

/// `_thread.exit()`: `SystemExit()`, which ends the thread silently.
fn raise_system_exit() -> PyErr {
    let exc = crate::object::exceptions::new_exception(
        types().exc.named("SystemExit"),
        Obj::new_ref(crate::object::immortals().empty_tuple),
    );
    match exc {
        Ok(e) => PyErr::from_object(e),
        Err(e) => e,
    }
}

fn thread_ident(ts: &ThreadState) -> PyResult<Obj> {
    new_int(ts.thread_id() as i64)
}

static THREAD_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("start_new_thread", start_new_thread),
    MethodDef::function("start_new", start_new_thread),
    MethodDef::function("allocate_lock", |a, k| {
        args::exact("allocate_lock", a, k, 0, 0)?;
        new_lock()
    }),
    MethodDef::function("allocate", |a, k| {
        args::exact("allocate", a, k, 0, 0)?;
        new_lock()
    }),
    MethodDef::function("get_ident", |a, k| {
        args::exact("get_ident", a, k, 0, 0)?;
        thread_ident(current("_thread.get_ident"))
    }),
    MethodDef::function("get_native_id", |a, k| {
        args::exact("get_native_id", a, k, 0, 0)?;
        new_int(current("_thread.get_native_id").native_thread_id() as i64)
    }),
    MethodDef::function("exit", |a, k| {
        args::exact("_thread.exit", a, k, 0, 0)?;
        Err(raise_system_exit())
    }),
    MethodDef::function("exit_thread", |a, k| {
        args::exact("_thread.exit_thread", a, k, 0, 0)?;
        Err(raise_system_exit())
    }),
    MethodDef::function("daemon_threads_allowed", |a, k| {
        args::exact("daemon_threads_allowed", a, k, 0, 0)?;
        Ok(new_bool(current("_thread.daemon_threads_allowed").interpreter().config().allow_daemon_threads))
    }),
    MethodDef::function("_is_main_interpreter", |a, k| {
        args::exact("_is_main_interpreter", a, k, 0, 0)?;
        Ok(new_bool(current("_thread._is_main_interpreter").interpreter().is_main()))
    }),
    MethodDef::function("_count", |a, k| {
        args::exact("_count", a, k, 0, 0)?;
        let id = current("_thread._count").interpreter().id();
        new_int(count_running(id, 0) as i64)
    }),
];

// ---- lock ---------------------------------------------------------------------------------

/// A lock any thread may release: a flag and a condition variable to wait for it to clear.
#[derive(Default)]
struct RawLock {
    locked: parking_lot::Mutex<bool>,
    released: parking_lot::Condvar,
}

impl RawLock {
    fn try_acquire(&self) -> bool {
        let mut l = self.locked.lock();
        !std::mem::replace(&mut *l, true)
    }

    /// Waits until the lock is free or `deadline` passes; true if it was taken.
    fn acquire_until(&self, deadline: Option<Instant>) -> bool {
        let mut l = self.locked.lock();
        while *l {
            match deadline {
                None => self.released.wait(&mut l),
                Some(d) => {
                    if self.released.wait_until(&mut l, d).timed_out() && *l {
                        return false;
                    }
                }
            }
        }
        *l = true;
        true
    }

    /// Releases; false if it was not held.
    fn release(&self) -> bool {
        let mut l = self.locked.lock();
        if !std::mem::replace(&mut *l, false) {
            return false;
        }
        drop(l);
        self.released.notify_one();
        true
    }

    fn is_locked(&self) -> bool {
        *self.locked.lock()
    }

    /// `acquire(blocking, timeout)` once the arguments are checked: tries first, then waits
    /// detached. The main thread of the main interpreter — the one signals are delivered to —
    /// waits in slices and runs its signal handlers between them, so that Ctrl-C interrupts a
    /// blocked `acquire` with `KeyboardInterrupt` (CPython's `acquire_timed` on `EINTR`).
    fn acquire(&self, wait: Wait) -> PyResult<bool> {
        if self.try_acquire() {
            return Ok(true);
        }
        let deadline = match wait {
            Wait::No => return Ok(false),
            Wait::Forever => None,
            Wait::For(d) => Instant::now().checked_add(d),
        };
        let ts = current("_thread.lock.acquire");
        if !crate::state::pending::can_handle_main_thread_work(ts) {
            return Ok(detached(|| self.acquire_until(deadline)));
        }
        loop {
            let slice_end = Instant::now() + SIGNAL_POLL;
            let until = deadline.map_or(slice_end, |d| d.min(slice_end));
            if detached(|| self.acquire_until(Some(until))) {
                return Ok(true);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(false);
            }
            crate::state::breaker::check(ts)?;
        }
    }
}

/// How often the main thread, blocked in `acquire`, looks for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// How long an `acquire` may wait.
#[derive(Clone, Copy)]
enum Wait {
    No,
    Forever,
    For(Duration),
}

/// Parses `acquire(blocking=True, timeout=-1)` (CPython's `lock_acquire_parse_args`).
fn acquire_args(name: &str, a: &[Obj], k: Option<&PyObject>) -> PyResult<(Obj, Wait)> {
    let pos = args::positional(a, k);
    let (recv, rest) = pos.split_first().ok_or_else(|| PyErr::type_error(format!("{name}() needs a receiver")))?;
    if rest.len() > 2 {
        return Err(PyErr::type_error(format!("{name}() takes at most 2 arguments ({} given)", rest.len())));
    }
    let (mut blocking, mut timeout) = (rest.first().cloned(), rest.get(1).cloned());
    for (key, v) in args::keywords(a, k) {
        let slot = match key {
            "blocking" => &mut blocking,
            "timeout" => &mut timeout,
            other => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
        };
        if slot.is_some() {
            return Err(PyErr::type_error(format!("argument for {name}() given by name ('{key}') and position")));
        }
        *slot = Some(v.clone());
    }
    let blocking = match blocking {
        Some(b) => crate::object::abstract_ops::is_true(&b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => timeout_seconds(&t)?,
        None => -1.0,
    };
    let wait = if !blocking {
        if timeout != -1.0 {
            return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
        }
        Wait::No
    } else if timeout == -1.0 {
        Wait::Forever
    } else if timeout < 0.0 {
        return Err(PyErr::value_error("timeout value must be a non-negative number"));
    } else {
        Wait::For(Duration::from_secs_f64(timeout))
    };
    Ok((recv.clone(), wait))
}

/// A timeout in seconds as CPython's `_PyTime_FromSecondsObject` reads it: an int or a float,
/// within what a nanosecond count (`PyTime_t`) and a `time_t` hold.
fn timeout_seconds(t: &PyObject) -> PyResult<f64> {
    use crate::object::int::{IntVal, as_int};
    let too_large = || PyErr::overflow("timestamp too large to convert to C PyTime_t");
    if let Some(v) = as_int(t) {
        return match v {
            IntVal::Small(v) if v.unsigned_abs() <= TIMEOUT_MAX as u64 => Ok(v as f64),
            _ => Err(too_large()),
        };
    }
    match crate::object::float::as_float(t) {
        Some(f) if f.is_nan() => Err(PyErr::value_error("Invalid value NaN (not a number)")),
        Some(f) if f.abs() > TIMEOUT_MAX => Err(PyErr::overflow("timestamp out of range for platform time_t")),
        Some(f) => Ok(f),
        None => {
            Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", t.type_object().name())))
        }
    }
}

/// A `_thread.lock` object.
#[repr(C)]
struct LockObject {
    ob_base: PyObject,
    lock: RawLock,
}

fn new_lock() -> PyResult<Obj> {
    // SAFETY: LockObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().thread.lock_type, |ob_base| LockObject { ob_base, lock: RawLock::default() }) }
}

fn lock_of(o: &PyObject) -> PyResult<&RawLock> {
    if std::ptr::eq(o.type_object(), types().thread.lock_type) {
        // SAFETY: instances of the lock type are LockObjects.
        Ok(&unsafe { o.cast::<LockObject>() }.lock)
    } else {
        Err(PyErr::type_error(format!(
            "descriptor requires a '_thread.lock' object but received a '{}'",
            o.type_object().name()
        )))
    }
}

fn release_unlocked() -> PyErr {
    PyErr::runtime_error("release unlocked lock")
}

fn lock_acquire(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, wait) = acquire_args("acquire", a, k)?;
    Ok(new_bool(lock_of(&s)?.acquire(wait)?))
}

fn lock_release(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("release", a, k, 0, 0)?;
    if lock_of(s)?.release() { Ok(args::none()) } else { Err(release_unlocked()) }
}

static LOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", lock_acquire),
    MethodDef::method("acquire_lock", lock_acquire),
    MethodDef::method("__enter__", lock_acquire),
    MethodDef::method("release", lock_release),
    MethodDef::method("release_lock", lock_release),
    MethodDef::method("__exit__", |a, _k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("__exit__ needs a receiver"))?;
        if lock_of(s)?.release() { Ok(args::none()) } else { Err(release_unlocked()) }
    }),
    MethodDef::method("locked", |a, k| {
        let (s, _) = args::method("locked", a, k, 0, 0)?;
        Ok(new_bool(lock_of(s)?.is_locked()))
    }),
    MethodDef::method("locked_lock", |a, k| {
        let (s, _) = args::method("locked_lock", a, k, 0, 0)?;
        Ok(new_bool(lock_of(s)?.is_locked()))
    }),
];

fn lock_repr(o: &PyObject) -> PyResult<Obj> {
    let state = if lock_of(o)?.is_locked() { "locked" } else { "unlocked" };
    new_str(&format!("<{state} _thread.lock object at {:#x}>", o as *const PyObject as usize))
}

// ---- RLock --------------------------------------------------------------------------------

/// The owner and recursion count of an `RLock`; only its owner changes them while it is held.
#[derive(Default)]
struct RLockState {
    lock: RawLock,
    /// `(owner thread state id, count)`; the owner is 0 when free.
    owner: parking_lot::Mutex<(u64, u64)>,
}

#[repr(C)]
struct RLockObject {
    ob_base: PyObject,
    state: RLockState,
}

fn rlock_of(o: &PyObject) -> PyResult<&RLockState> {
    if std::ptr::eq(o.type_object(), types().thread.rlock_type) {
        // SAFETY: instances of the RLock type are RLockObjects.
        Ok(&unsafe { o.cast::<RLockObject>() }.state)
    } else {
        Err(PyErr::type_error(format!(
            "descriptor requires a '_thread.RLock' object but received a '{}'",
            o.type_object().name()
        )))
    }
}

/// `RLock(*args, **kwargs)`: the arguments are ignored, as CPython's `rlock_new` ignores them.
fn new_rlock(_ty: &TypeObject, _a: &[Obj], _k: Option<&PyObject>) -> PyResult<Obj> {
    // SAFETY: RLockObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().thread.rlock_type, |ob_base| RLockObject { ob_base, state: RLockState::default() }) }
}

fn rlock_acquire(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, wait) = acquire_args("acquire", a, k)?;
    let r = rlock_of(&s)?;
    let me = current("_thread.RLock.acquire").id();
    {
        let mut owner = r.owner.lock();
        if owner.0 == me {
            owner.1 = owner.1.checked_add(1).ok_or_else(|| PyErr::overflow("Internal lock count overflowed"))?;
            return Ok(new_bool(true));
        }
    }
    if !r.lock.acquire(wait)? {
        return Ok(new_bool(false));
    }
    *r.owner.lock() = (me, 1);
    Ok(new_bool(true))
}

fn rlock_release(a: &[Obj], _k: Option<&PyObject>) -> PyResult<Obj> {
    let s = a.first().ok_or_else(|| PyErr::type_error("release() needs a receiver"))?;
    let r = rlock_of(s)?;
    let me = current("_thread.RLock.release").id();
    let mut owner = r.owner.lock();
    if owner.0 != me || owner.1 == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    owner.1 -= 1;
    if owner.1 == 0 {
        owner.0 = 0;
        drop(owner);
        r.lock.release();
    }
    Ok(args::none())
}

static RLOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", rlock_acquire),
    MethodDef::method("__enter__", rlock_acquire),
    MethodDef::method("release", rlock_release),
    MethodDef::method("__exit__", rlock_release),
    MethodDef::method("_is_owned", |a, k| {
        let (s, _) = args::method("_is_owned", a, k, 0, 0)?;
        let owner = *rlock_of(s)?.owner.lock();
        Ok(new_bool(owner.1 > 0 && owner.0 == current("_thread.RLock._is_owned").id()))
    }),
    MethodDef::method("_recursion_count", |a, k| {
        let (s, _) = args::method("_recursion_count", a, k, 0, 0)?;
        let owner = *rlock_of(s)?.owner.lock();
        let mine = owner.0 == current("_thread.RLock._recursion_count").id();
        new_int(if mine { owner.1 as i64 } else { 0 })
    }),
];

fn rlock_repr(o: &PyObject) -> PyResult<Obj> {
    let (owner, count) = *rlock_of(o)?.owner.lock();
    let state = if count > 0 { "locked" } else { "unlocked" };
    // CPython shows the owner's `get_ident()`; a thread state id is what is recorded here.
    new_str(&format!(
        "<{state} _thread.RLock object owner={owner} count={count} at {:#x}>",
        o as *const PyObject as usize
    ))
}

// ---- _local -------------------------------------------------------------------------------

/// A `_thread._local` object: one attribute dict per thread state id.
#[repr(C)]
struct LocalObject {
    ob_base: PyObject,
    dicts: parking_lot::Mutex<HashMap<u64, Obj>>,
}

fn local_of(o: &PyObject) -> &LocalObject {
    // SAFETY: the `_local` type's slots are only called with its instances (it is not a base
    // type, so there are no subclass layouts).
    unsafe { o.cast::<LocalObject>() }
}

fn new_local(_ty: &TypeObject, a: &[Obj], _k: Option<&PyObject>) -> PyResult<Obj> {
    if !a.is_empty() {
        return Err(PyErr::type_error("Initialization arguments are not supported"));
    }
    // SAFETY: LocalObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().thread.local_type, |ob_base| LocalObject {
            ob_base,
            dicts: parking_lot::Mutex::new(HashMap::new()),
        })
    }
}

/// The calling thread's dict of `o`, made on first use.
fn local_dict(o: &PyObject) -> PyResult<Obj> {
    let me = current("_thread._local").id();
    let mut dicts = local_of(o).dicts.lock();
    if let Some(d) = dicts.get(&me) {
        return Ok(d.clone());
    }
    let d = new_dict()?;
    dicts.insert(me, d.clone());
    Ok(d)
}

fn is_dict_name(name: &PyObject) -> bool {
    str_value(name) == Some("__dict__")
}

fn local_getattro(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    let d = local_dict(o)?;
    if is_dict_name(name) {
        return Ok(d);
    }
    if let Some(v) = as_dict(&d).expect("a dict").get(name)? {
        return Ok(v);
    }
    crate::object::attr::generic_getattr(o, name)
}

fn local_setattro(o: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    if is_dict_name(name) {
        return Err(PyErr::attribute_error(format!(
            "'{}' object attribute '__dict__' is read-only",
            o.type_object().name()
        )));
    }
    let d = local_dict(o)?;
    let d = as_dict(&d).expect("a dict");
    match value {
        Some(v) => d.set(Obj::new_ref(name), Obj::new_ref(v)),
        None => match d.remove(name)? {
            Some(_) => Ok(()),
            None => Err(crate::object::attr::no_attribute(o, name)),
        },
    }
}

// ---- types --------------------------------------------------------------------------------

/// Phase one of the static types (see `immortal`): this module's types and their specs.
pub(crate) fn make_thread_types(core: &CoreTypes, specs: &mut Vec<TypeSpec>) -> ThreadTypes {
    let lock_type =
        new_static_type(core.type_type, "_thread.lock", size_of::<LockObject>(), 0, dealloc::<LockObject>, |t| {
            t.repr = Some(lock_repr);
            t.hash = core.object_type.hash;
            t.richcompare = core.object_type.richcompare;
        });
    specs.push(TypeSpec { ty: lock_type, base: Some(core.object_type), methods: LOCK_METHODS, getsets: &[] });
    let rlock_type =
        new_static_type(core.type_type, "_thread.RLock", size_of::<RLockObject>(), 0, dealloc::<RLockObject>, |t| {
            t.new = Some(new_rlock);
            t.repr = Some(rlock_repr);
            t.hash = core.object_type.hash;
            t.richcompare = core.object_type.richcompare;
        });
    specs.push(TypeSpec { ty: rlock_type, base: Some(core.object_type), methods: RLOCK_METHODS, getsets: &[] });
    let local_type =
        new_static_type(core.type_type, "_thread._local", size_of::<LocalObject>(), 0, dealloc::<LocalObject>, |t| {
            t.new = Some(new_local);
            t.getattro = local_getattro;
            t.setattro = Some(local_setattro);
            t.hash = core.object_type.hash;
            t.richcompare = core.object_type.richcompare;
        });
    specs.push(TypeSpec { ty: local_type, base: Some(core.object_type), methods: &[], getsets: &[] });
    ThreadTypes { lock_type, rlock_type, local_type }
}

/// # Safety
///
/// Called once, with no reference left, on a `T` (the type's layout).
unsafe fn dealloc<T>(op: NonNull<PyObject>) {
    // SAFETY: forwarded: the layout is `T`.
    unsafe { drop_and_free::<T>(op) }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn raw_lock_is_released_by_another_thread() {
        let l = Arc::new(RawLock::default());
        assert!(l.try_acquire());
        assert!(!l.try_acquire());
        let other = l.clone();
        let t = std::thread::spawn(move || other.release());
        assert!(t.join().unwrap());
        assert!(!l.is_locked());
        assert!(!l.release(), "releasing a free lock fails");
    }

    #[test]
    fn raw_lock_timeout_expires() {
        let l = RawLock::default();
        assert!(l.try_acquire());
        let start = Instant::now();
        assert!(!l.acquire_until(Some(start + Duration::from_millis(20))));
        assert!(start.elapsed() >= Duration::from_millis(20));
    }

    #[test]
    fn raw_lock_waiter_wakes_on_release() {
        let l = Arc::new(RawLock::default());
        assert!(l.try_acquire());
        let other = l.clone();
        let t = std::thread::spawn(move || other.acquire_until(None));
        std::thread::sleep(Duration::from_millis(10));
        assert!(l.release());
        assert!(t.join().unwrap());
        assert!(l.is_locked(), "the waiter holds it now");
    }
}
