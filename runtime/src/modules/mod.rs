//! Modules written in Rust: `builtins`, `sys`, `math`, `time`, `io`, a minimal `os`, `_thread`, and the
//! import system that finds them and the modules written in Python ([`import`]).
//!
//! Builtin function objects and static types are immortal and shared by every interpreter;
//! what belongs to one interpreter — the `builtins` module dict, the `sys` module, the table of
//! imported modules (`sys.modules`) — is made on first use and kept in [`InterpModules`].

pub(crate) mod abc;
pub mod builtins;
pub mod builtins_ns;
pub mod builtins_num;
pub(crate) mod clinic;
pub(crate) mod codecs;
pub(crate) mod copyreg;
mod embedded;
pub mod gc;
pub(crate) mod imp;
pub mod import;
mod import_finders;
pub(crate) mod importlib;
pub mod io;
pub mod math;
pub mod os;
pub mod shutdown;
pub mod sys;
mod sys_shared;
pub mod thread;
pub mod time;
pub(crate) mod types;
pub(crate) mod warnings;
pub mod weakref;

use crate::object::obj::Obj;
use std::sync::Mutex;

/// An object reference kept in interpreter state.
struct Held(Obj);
// SAFETY: the reference is only read and cloned by threads attached to the interpreter that
// owns the object (under the mutex); it is never dropped (see `InterpModules`'s `Drop`).
unsafe impl Send for Held {}

/// The per-interpreter module objects, made on first use.
#[derive(Default)]
pub struct InterpModules {
    builtins: Mutex<Option<Held>>,
    builtins_module: Mutex<Option<Held>>,
    sys_module: Mutex<Option<Held>>,
    sys_modules: Mutex<Option<Held>>,
    /// `gc.callbacks` and `gc.garbage` (the collector reads them; see `gc`).
    gc_callbacks: Mutex<Option<Held>>,
    gc_garbage: Mutex<Option<Held>>,
    /// `sys.get_int_max_str_digits()` (0: no limit), when set; the default otherwise.
    int_max_str_digits: std::sync::atomic::AtomicUsize,
}

impl InterpModules {
    fn get_or_make(slot: &Mutex<Option<Held>>, make: impl FnOnce() -> crate::PyResult<Obj>) -> crate::PyResult<Obj> {
        let mut g = slot.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = &*g {
            return Ok(h.0.clone());
        }
        let o = make()?;
        *g = Some(Held(o.clone()));
        Ok(o)
    }
}

impl Drop for InterpModules {
    fn drop(&mut self) {
        // The objects live in the interpreter's arena, which is released in bulk when the
        // interpreter is destroyed — possibly before this runs: never touch them here.
        for slot in [
            &mut self.builtins,
            &mut self.builtins_module,
            &mut self.sys_module,
            &mut self.sys_modules,
            &mut self.gc_callbacks,
            &mut self.gc_garbage,
        ] {
            if let Some(h) = slot.get_mut().unwrap_or_else(|e| e.into_inner()).take() {
                std::mem::forget(h);
            }
        }
    }
}

/// The current interpreter's `gc.callbacks` (`garbage == false`) or `gc.garbage` list, made on
/// first use; `None` when it was never made and `make` is false.
pub(crate) fn gc_list(garbage: bool, make: bool) -> crate::PyResult<Option<Obj>> {
    let m = current_modules();
    let slot = if garbage { &m.gc_garbage } else { &m.gc_callbacks };
    if !make {
        let g = slot.lock().unwrap_or_else(|e| e.into_inner());
        return Ok(g.as_ref().map(|h| h.0.clone()));
    }
    InterpModules::get_or_make(slot, || crate::object::list::new_list(Vec::new())).map(Some)
}

/// The current interpreter's limit on int/str conversion digits (0: none); the default on a
/// thread attached to no interpreter (pure value code, as in unit tests).
pub(crate) fn int_max_str_digits() -> usize {
    if crate::state::thread_state::current().is_none() {
        return pyrt_pylib::int_text::DEFAULT_MAX_STR_DIGITS;
    }
    match current_modules().int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed) {
        0 => pyrt_pylib::int_text::DEFAULT_MAX_STR_DIGITS,
        NO_LIMIT => 0,
        n => n,
    }
}

/// How `int_max_str_digits` stores an explicit "no limit" (0 there means "the default").
const NO_LIMIT: usize = usize::MAX;

/// `sys.set_int_max_str_digits(n)` for the current interpreter (0: no limit).
pub(crate) fn set_int_max_str_digits(n: usize) {
    let stored = if n == 0 { NO_LIMIT } else { n };
    current_modules().int_max_str_digits.store(stored, std::sync::atomic::Ordering::Relaxed);
}

fn current_modules() -> &'static InterpModules {
    let ts = crate::state::thread_state::current().unwrap_or_else(|| {
        crate::fatal::fatal_error("builtins", "no thread state is attached");
    });
    // SAFETY: the current thread state is alive while attached; its interpreter state outlives
    // every attachment, and the reference is used only during this one.
    let interp = unsafe { ts.as_ref() }.interp_state();
    // SAFETY: as above: the interpreter state lives as long as any thread is attached to it.
    unsafe { &*(&interp.modules as *const InterpModules) }
}

/// Makes a module written in Rust.
pub(crate) type MakeModule = fn() -> crate::PyResult<Obj>;

/// The modules written in Rust, by name: what `import NAME` finds before looking at `sys.path`
/// (CPython's `BuiltinImporter`), and `sys.builtin_module_names`.
pub(crate) static BUILTIN_MODULES: &[(&str, MakeModule)] = &[
    ("_codecs", codecs::make_module),
    ("_imp", imp::make_module),
    ("_thread", thread::make_module),
    ("_weakref", weakref::make_module),
    ("_warnings", warnings::make_core_module),
    ("abc", abc::make_module),
    ("builtins", builtins::builtins_module),
    ("codecs", codecs::make_codecs_module),
    ("copyreg", copyreg::make_module),
    ("encodings", codecs::make_encodings_module),
    ("gc", gc::make_module),
    ("io", io::make_module),
    ("math", math::make_module),
    ("os", os::make_module),
    ("sys", sys::sys_module),
    ("time", time::make_module),
    ("types", types::make_module),
    ("warnings", warnings::make_module),
];

/// A new module written in Rust named `name` holding the functions `defs`.
pub(crate) fn new_builtin_module(
    name: &str,
    defs: &'static [crate::object::builtin::MethodDef],
) -> crate::PyResult<Obj> {
    let m = crate::object::module::new_module(name, true)?;
    let dict = crate::object::module::module_dict(&m).expect("a module has a dict");
    let d = crate::object::dict::as_dict(&dict).expect("a dict");
    for &(key, function) in module_function_entries(defs).iter() {
        d.set(Obj::new_ref(key), Obj::new_ref(function))?;
    }
    Ok(m)
}

/// Sets `m.name = value` in a module's dict.
pub(crate) fn module_set(m: &crate::object::PyObject, name: &str, value: Obj) -> crate::PyResult<()> {
    let dict = crate::object::module::module_dict(m).expect("a module has a dict");
    crate::object::dict::as_dict(&dict).expect("a dict").set(Obj::new_ref(&crate::object::intern(name).ob_base), value)
}

/// A module function's interned name and immortal function object.
type FunctionEntry = (&'static crate::object::PyObject, &'static crate::object::PyObject);

/// The (interned name, immortal function object) pairs of the module functions `defs`, made once
/// per process and table: a module made again (by each interpreter) only inserts them, with no
/// look-up of each name in the process-wide intern table.
#[cfg(not(loom))]
fn module_function_entries(defs: &'static [crate::object::builtin::MethodDef]) -> &'static [FunctionEntry] {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    struct Tables(Mutex<HashMap<(usize, usize), &'static [FunctionEntry]>>);
    // SAFETY: immortal objects, shared by every thread and interpreter (never written).
    unsafe impl Sync for Tables {}
    // SAFETY: as above.
    unsafe impl Send for Tables {}
    static TABLES: OnceLock<Tables> = OnceLock::new();
    let tables = TABLES.get_or_init(|| Tables(Mutex::new(HashMap::new())));
    let mut t = tables.0.lock().unwrap_or_else(|e| e.into_inner());
    // One leaked slice per static table of functions (a fixed, small number of them).
    t.entry((defs.as_ptr() as usize, defs.len())).or_insert_with(|| {
        let entries: Vec<FunctionEntry> = defs
            .iter()
            .map(|def| (&crate::object::intern(def.name).ob_base, crate::object::builtin::leak_builtin(def)))
            .collect();
        Vec::leak(entries)
    })
}

/// Under loom the objects' headers hold the atomics of one explored execution: made anew.
#[cfg(loom)]
fn module_function_entries(defs: &'static [crate::object::builtin::MethodDef]) -> Vec<FunctionEntry> {
    defs.iter()
        .map(|def| (&crate::object::intern(def.name).ob_base, crate::object::builtin::leak_builtin(def)))
        .collect()
}
