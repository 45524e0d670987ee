//! What every interpreter's `sys` module shares: a per-process template of its dict.
//!
//! Most of `sys` is fixed facts about the build and the process — `version`, `version_info`,
//! `hexversion`, `implementation`, `platform`, `maxsize`, `flags`, `float_info`, `int_info`,
//! `builtin_module_names`, `stdlib_module_names`, `executable`, the functions — held in
//! immutable objects (str, int, float, tuple, struct sequence, frozenset). They are made once
//! per process as immortal objects and shared: object identity across interpreters is not
//! observable from Python, and an immutable object cannot carry a change from one interpreter
//! to another. Rebinding `sys.version` in one interpreter writes that interpreter's dict only.
//!
//! A new `sys` dict is a copy of the template's table ([`new_dict_from_template`]: two
//! allocations, no hashing), in which the per-interpreter entries — the mutable containers
//! and objects with state: `modules`, `path`, `argv`, `warnoptions`, `orig_argv` and the
//! standard streams — hold `None` until [`super::sys`] stores the interpreter's own objects
//! there (a replacement of an existing key: no growth). The template's key order is the order
//! of `sys.__dict__`.
//!
//! Under loom the template is made once per explored execution (the objects' headers hold that
//! execution's atomics).

use crate::error::PyResult;
use crate::object::PyObject;
use crate::object::dict::{DictObject, leak_dict};
use crate::object::float::FloatObject;
use crate::object::int::IntObject;
use crate::object::obj::Obj;
use crate::object::str::leak_str;
use crate::object::structseq::{StructSeq, leak_struct_seq};
use crate::object::{immortals, intern, types};

/// `sys.hexversion` for 3.13.0 final.
const HEXVERSION: i64 = 0x030D_00F0;

/// `sys.int_info.str_digits_check_threshold`: the smallest limit but 0 that may be set.
pub(super) const STR_DIGITS_CHECK_THRESHOLD: i64 = 640;

/// The entries of `sys` that belong to one interpreter, in dict order (`None` in the template).
pub(super) const PER_INTERPRETER: [&str; 11] = [
    "modules",
    "path",
    "argv",
    "warnoptions",
    "orig_argv",
    "stdin",
    "stdout",
    "stderr",
    "__stdin__",
    "__stdout__",
    "__stderr__",
];

/// The per-process part of `sys`.
pub(super) struct SysShared {
    /// The template of a new `sys` dict (immortal, never written after it is made).
    pub(super) dict: &'static DictObject,
    /// The interned keys of [`PER_INTERPRETER`], in that order.
    pub(super) per_interpreter_keys: [&'static PyObject; PER_INTERPRETER.len()],
    /// The items of `sys.orig_argv` (the process's arguments), each an immortal str.
    pub(super) orig_argv: Vec<&'static PyObject>,
    /// The empty string, `sys.argv`'s one item before `configure_main`.
    pub(super) empty_str: &'static PyObject,
}
// SAFETY: immortal objects, shared by every thread and interpreter; the template dict is never
// written after it is made (incref and decref never write immortal objects).
unsafe impl Sync for SysShared {}
// SAFETY: as above.
unsafe impl Send for SysShared {}

/// The per-process part of `sys`, made on first use.
pub(super) fn shared() -> &'static SysShared {
    #[cfg(not(loom))]
    {
        static SHARED: std::sync::OnceLock<SysShared> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| make().expect("the shared sys facts are made of immortal values"))
    }
    #[cfg(loom)]
    {
        crate::sync::lazy_static! {
            static ref SHARED: SysShared = make().expect("the shared sys facts are made of immortal values");
        }
        &SHARED
    }
}

fn immortal_int(value: i64) -> &'static PyObject {
    if let Some(small) = immortals().small_int(value) {
        return &small.ob_base;
    }
    // SAFETY: IntObject starts with the header; immortal, never freed; `int` is a static type.
    let i = unsafe {
        crate::object::alloc::leak_immortal(types().int_type, |ob_base| IntObject { ob_base, value, big: None })
    };
    &i.ob_base
}

fn immortal_float(value: f64) -> &'static PyObject {
    // SAFETY: FloatObject starts with the header; immortal, never freed; `float` is a static type.
    let f =
        unsafe { crate::object::alloc::leak_immortal(types().float_type, |ob_base| FloatObject { ob_base, value }) };
    &f.ob_base
}

fn immortal_str(text: &str) -> &'static PyObject {
    &leak_str(types().str_type, text).ob_base
}

fn immortal_bool(value: bool) -> &'static PyObject {
    let im = immortals();
    if value { &im.true_.ob_base } else { &im.false_.ob_base }
}

/// A struct sequence of immortal items (the references cost no counts).
fn struct_seq(kind: StructSeq, values: &[&'static PyObject]) -> &'static PyObject {
    leak_struct_seq(kind, values.iter().map(|&v| Obj::new_ref(v)).collect())
}

fn make() -> PyResult<SysShared> {
    let dict = leak_dict(types().dict_type);
    let key = |name: &str| -> &'static PyObject { &intern(name).ob_base };
    let put = |name: &str, v: &'static PyObject| {
        // SAFETY: `dict` was leaked above and is published only when this function returns; the
        // keys are interned strings.
        unsafe { dict.set_immortal(key(name), v) }
    };
    let none = immortals().none;
    put("__name__", key("sys"));
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        put(k, none);
    }
    let functions = super::module_function_entries(super::sys::SYS_FUNCTIONS);
    let mut excepthook = none;
    for &(name, function) in functions.iter() {
        // SAFETY: see `put`.
        unsafe { dict.set_immortal(name, function) };
        if crate::object::str::str_value(name) == Some("excepthook") {
            excepthook = function;
        }
    }
    let (interp_first, interp_streams) = PER_INTERPRETER.split_at(5);
    for k in interp_first {
        if *k == "path" {
            // The import system's hooks, at CPython's place among the keys (after `modules`,
            // before `path`); `None` until the interpreter's import system is made and sets
            // them (`importlib::bootstrap`, at the first import, `import sys` included).
            for hook in ["meta_path", "path_importer_cache", "path_hooks"] {
                put(hook, none);
            }
        }
        put(k, none);
    }
    put("__excepthook__", excepthook);
    for k in interp_streams {
        put(k, none);
    }
    put("version", immortal_str(&format!("3.13.0 (pyrt {}) [rustc]", env!("CARGO_PKG_VERSION"))));
    let version_info = struct_seq(
        StructSeq::VersionInfo,
        &[immortal_int(3), immortal_int(13), immortal_int(0), key("final"), immortal_int(0)],
    );
    put("version_info", version_info);
    let hexversion = immortal_int(HEXVERSION);
    put("hexversion", hexversion);
    put("api_version", immortal_int(1013));
    put("implementation", struct_seq(StructSeq::Implementation, &[key("pyrt"), none, version_info, hexversion]));
    let platform = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    };
    put("platform", key(platform));
    put("byteorder", key(if cfg!(target_endian = "little") { "little" } else { "big" }));
    put("maxsize", immortal_int(isize::MAX as i64));
    put("maxunicode", immortal_int(0x10ffff));
    let exe = immortal_str(&std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default());
    put("executable", exe);
    put("_base_executable", exe);
    let empty_str = key("");
    put("prefix", empty_str);
    put("exec_prefix", empty_str);
    put("dont_write_bytecode", immortal_bool(true));
    let names = super::sys::module_names();
    put("builtin_module_names", names.builtin_module_names);
    let stdlib = names.stdlib.iter().map(|&n| Obj::new_ref(n)).collect();
    put("stdlib_module_names", crate::object::set::leak_frozenset(stdlib)?);
    let (i0, i1) = (immortal_int(0), immortal_int(1));
    let max_str_digits = immortal_int(pyrt_pylib::int_text::DEFAULT_MAX_STR_DIGITS as i64);
    put(
        "flags",
        struct_seq(
            StructSeq::Flags,
            &[
                i0,                   // debug
                i0,                   // inspect
                i0,                   // interactive
                i0,                   // optimize
                i1,                   // dont_write_bytecode
                i0,                   // no_user_site
                i0,                   // no_site
                i0,                   // ignore_environment
                i0,                   // verbose
                i0,                   // bytes_warning
                i0,                   // quiet
                i1,                   // hash_randomization
                i0,                   // isolated
                immortal_bool(false), // dev_mode
                i0,                   // utf8_mode
                i0,                   // warn_default_encoding
                immortal_bool(false), // safe_path
                max_str_digits,
            ],
        ),
    );
    put(
        "float_info",
        struct_seq(
            StructSeq::FloatInfo,
            &[
                immortal_float(f64::MAX),
                immortal_int(f64::MAX_EXP as i64),
                immortal_int(f64::MAX_10_EXP as i64),
                immortal_float(f64::MIN_POSITIVE),
                immortal_int(f64::MIN_EXP as i64),
                immortal_int(f64::MIN_10_EXP as i64),
                immortal_int(f64::DIGITS as i64),
                immortal_int(f64::MANTISSA_DIGITS as i64),
                immortal_float(f64::EPSILON),
                immortal_int(f64::RADIX as i64),
                i1,
            ],
        ),
    );
    put(
        "int_info",
        struct_seq(
            StructSeq::IntInfo,
            &[immortal_int(30), immortal_int(4), max_str_digits, immortal_int(STR_DIGITS_CHECK_THRESHOLD)],
        ),
    );
    // The parameters of the numeric hashes (`int`, `float`, `complex` hash modulo 2**61 - 1,
    // infinity as 314159) and of `str`/`bytes` hashing (SipHash-1-3, no small-string cutoff).
    put(
        "hash_info",
        struct_seq(
            StructSeq::HashInfo,
            &[
                immortal_int(64),
                immortal_int((1 << 61) - 1),
                immortal_int(314159),
                i0,
                immortal_int(1000003),
                key("siphash13"),
                immortal_int(64),
                immortal_int(128),
                i0,
            ],
        ),
    );
    Ok(SysShared {
        dict,
        per_interpreter_keys: PER_INTERPRETER.map(key),
        orig_argv: std::env::args_os().map(|a| immortal_str(&a.to_string_lossy())).collect(),
        empty_str,
    })
}
