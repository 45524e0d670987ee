//! "Did you mean" suggestions for `NameError`, `AttributeError` and `ImportError`, as CPython
//! 3.13 prints them after the message of an uncaught exception (`traceback.py`'s
//! `_compute_suggestion_error`, with the edit distance of `Python/suggestions.c`).
//!
//! The algorithm: the candidates are
//! - `AttributeError`: `dir(e.obj)`, without the names starting with `_` unless the missing
//!   name does;
//! - `ImportError` (`from m import x`): `dir(m)`, the same filter;
//! - `NameError`: the raising frame's local names, then its globals, then its builtins — and
//!   first, inside a method, `self.x` when `self` has the attribute.
//!
//! A list of 750 or more candidates gives no suggestion. Each candidate is scored by a
//! Levenshtein distance over the UTF-8 bytes where an insertion, deletion or substitution
//! costs 2 and a substitution that only flips ASCII case costs 1; a candidate qualifies when
//! its distance is at most `(len(name) + len(candidate) + 3) * 2 // 6` (a third of the
//! characters) and beats the best so far; the first best wins. Common prefixes and suffixes are
//! trimmed first, and strings longer than 40 bytes (after trimming) never match.
//!
//! A `NameError` for a standard-library module's name adds "Did you forget to import 'x'?".
//!
//! CPython finds the `NameError`'s frame from the traceback when printing; the eval loop here
//! records the frame's namespaces on the exception when it leaves that frame
//! ([`capture_name_scope`]): the local names as a snapshot (or the namespace mapping of a module
//! or class body), the globals and builtins dicts themselves (read when printing, as CPython's
//! frame would be).

use super::abstract_ops as ops;
use super::exceptions::as_exception;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::obj::Obj;
use super::str::str_value;
use super::tuple::{items, new_tuple};
use crate::error::PyResult;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `sys.stdlib_module_names` of CPython 3.13.
pub(crate) static STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_android_support",
    "_ast",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_colorize",
    "_compat_pickle",
    "_compression",
    "_contextvars",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_imp",
    "_interpchannels",
    "_interpqueues",
    "_interpreters",
    "_io",
    "_ios_support",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_opcode_metadata",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_pyrepl",
    "_queue",
    "_random",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_suggestions",
    "_symtable",
    "_sysconfig",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_wmi",
    "_zoneinfo",
    "abc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

/// The cost of replacing byte `a` by byte `b`.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of `Python/suggestions.c`: the weighted edit distance of `a` and `b`,
/// or any value above `max_cost` once it is certain to exceed it.
fn levenshtein_distance<'s>(mut a: &'s [u8], mut b: &'s [u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // The shorter string is the row.
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost of turning b[..b_index] into a[..i + 1], updated in place.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `_Py_CalculateSuggestions`: the closest of `candidates` to `name` (see the module docs).
/// Also used for a call's unexpected keyword argument (`eval::args`).
pub(crate) fn closest<'a>(candidates: &'a [Obj], name: &str) -> Option<&'a str> {
    let texts: Option<Vec<&'a str>> = candidates.iter().map(|c| str_value(c)).collect();
    suggest(name, &texts?)
}

/// [`closest`] over plain names (a builtin's keyword parameters).
pub(crate) fn suggest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let distance = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(s, _)| s)
}

/// `"{func}() got an unexpected keyword argument '{name}'"`, with CPython 3.13's suggestion
/// among a builtin's keyword parameters.
pub(crate) fn unexpected_keyword(func: &str, name: &str, params: &[&str]) -> String {
    match suggest(name, params) {
        Some(s) => format!("{func}() got an unexpected keyword argument '{name}'. Did you mean '{s}'?"),
        None => format!("{func}() got an unexpected keyword argument '{name}'"),
    }
}

/// `dir(obj)`, without the `_` names unless `name` starts with `_`.
fn visible_dir(obj: &PyObject, name: &str) -> Option<Vec<Obj>> {
    let listing = crate::modules::builtins_ns::builtin_dir(&[Obj::new_ref(obj)], None).ok()?;
    let names = ops::collect(&listing).ok()?;
    let hide_underscored = !name.starts_with('_');
    Some(
        names.into_iter().filter(|n| !(hide_underscored && str_value(n).is_some_and(|s| s.starts_with('_')))).collect(),
    )
}

/// Records where a `NameError` is leaving its first frame (see the module docs): `locals` is
/// the frame's namespace mapping or its bound local names, `self_` the value of a local `self`.
pub(crate) fn capture_name_scope(
    exc: &PyObject,
    locals: impl FnOnce() -> PyResult<Obj>,
    globals: &Obj,
    builtins: &Obj,
    self_: Option<Obj>,
) {
    if !wants_name_scope(exc) {
        return;
    }
    let Some(e) = as_exception(exc) else { return };
    let made = (|| {
        let self_marker = new_tuple(self_.into_iter().collect())?;
        new_tuple(vec![locals()?, globals.clone(), builtins.clone(), self_marker])
    })();
    if let Ok(scope) = made {
        e.name_scope().set(Some(scope));
    }
}

/// Whether `exc` is a `NameError` with a name that has no scope recorded yet: the only
/// exceptions [`capture_name_scope`] records anything for. Checked first by the unwinder, which
/// would otherwise collect a frame's locals for every exception leaving a frame.
pub(crate) fn wants_name_scope(exc: &PyObject) -> bool {
    let Some(e) = as_exception(exc) else { return false };
    if e.name().is_none() || !e.name_scope().is_none() {
        return false;
    }
    exc.type_object().is_subtype(types().exc.named("NameError"))
}

/// The suggestion for a `NameError` named `name` (see the module docs).
fn name_error_suggestion(scope: &PyObject, name: &str, name_obj: &PyObject) -> Option<String> {
    let [locals, globals, builtins, self_marker] = items(scope) else { return None };
    if let Some(self_) = items(self_marker).first() {
        if ops::get_attr(self_, name_obj).is_ok() {
            return Some(format!("self.{name}"));
        }
    }
    let mut candidates = Vec::new();
    for namespace in [locals, globals, builtins] {
        candidates.extend(ops::collect(namespace).ok()?);
    }
    closest(&candidates, name).map(str::to_owned)
}

/// What CPython 3.13 appends to the message line of `exc` when printing it: `". Did you mean:
/// 'x'?"`, the standard-library import hint, or nothing.
pub(crate) fn suggestion_suffix(exc: &PyObject) -> String {
    let Some(e) = as_exception(exc) else { return String::new() };
    let ty = exc.type_object();
    let t = types();
    if ty.is_subtype(t.exc.named("ImportError")) {
        let name_from = ops::get_attr_str(exc, "name_from").ok();
        let Some(wrong) = name_from.as_deref().and_then(str_value) else { return String::new() };
        // `traceback.py` imports `e.name` with `__import__` (the top-level package of a dotted name).
        let module_name = ops::get_attr_str(exc, "name").ok().filter(|m| str_value(m).is_some());
        let module = module_name.and_then(|m| crate::modules::import::builtin_import(&[m], None).ok());
        let suggestion =
            module.and_then(|m| visible_dir(&m, wrong)).and_then(|d| closest(&d, wrong).map(str::to_owned));
        return suggestion.map(|s| format!(". Did you mean: '{s}'?")).unwrap_or_default();
    }
    let is_name_error = ty.is_subtype(t.exc.named("NameError"));
    if !is_name_error && !ty.is_subtype(t.exc.named("AttributeError")) {
        return String::new();
    }
    let Some(name_obj) = e.name().get() else { return String::new() };
    let Some(wrong) = str_value(&name_obj) else { return String::new() };
    let suggestion = if is_name_error {
        e.name_scope().get().and_then(|scope| name_error_suggestion(&scope, wrong, &name_obj))
    } else {
        let obj = e.obj().get().unwrap_or_else(|| Obj::new_ref(immortals().none));
        visible_dir(&obj, wrong).and_then(|d| closest(&d, wrong).map(str::to_owned))
    };
    let mut out = suggestion.as_ref().map(|s| format!(". Did you mean: '{s}'?")).unwrap_or_default();
    if is_name_error && STDLIB_MODULE_NAMES.contains(&wrong) {
        if suggestion.is_some() {
            out.push_str(&format!(" Or did you forget to import '{wrong}'?"));
        } else {
            out.push_str(&format!(". Did you forget to import '{wrong}'?"));
        }
    }
    out
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str) -> usize {
        levenshtein_distance(a.as_bytes(), b.as_bytes(), usize::MAX / 4)
    }

    #[test]
    fn distances_weigh_case_flips_half() {
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("abc", "abd"), 2);
        assert_eq!(distance("abc", "aBc"), 1);
        assert_eq!(distance("value", "False"), 4);
        assert_eq!(distance("reslts", "results"), 2);
        assert_eq!(distance("", "ab"), 4);
    }

    #[test]
    fn long_strings_never_match() {
        let a = "x".repeat(41) + "a";
        let b = "x".repeat(41) + "b";
        // The common prefix is trimmed, so these two match after all.
        assert_eq!(distance(&a, &b), 2);
        let c = "a".repeat(41);
        let d = "b".repeat(41);
        assert_eq!(levenshtein_distance(c.as_bytes(), d.as_bytes(), 10), 11);
    }

    #[test]
    fn stdlib_names_are_sorted_for_a_reader() {
        assert!(STDLIB_MODULE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(STDLIB_MODULE_NAMES.contains(&"math") && STDLIB_MODULE_NAMES.contains(&"sys"));
    }
}
