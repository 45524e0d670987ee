//! The source text of files run by the interpreter, for tracebacks (CPython's `linecache`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

static CACHE: OnceLock<Mutex<HashMap<String, Arc<str>>>> = OnceLock::new();

/// Records the source of `filename` (what was compiled, so tracebacks show that text even if
/// the file changes afterwards).
pub fn insert(filename: &str, source: &str) {
    let mut m = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    m.insert(filename.to_owned(), Arc::from(source));
}

thread_local! {
    /// Set while the interpreter finalizes (`without_source`).
    static HIDDEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with no source available on this thread: during finalization CPython's
/// tracebacks show no source lines (the modules that read files are gone), and pyrt's match.
pub fn without_source<R>(f: impl FnOnce() -> R) -> R {
    let before = HIDDEN.with(|h| h.replace(true));
    let r = f();
    HIDDEN.with(|h| h.set(before));
    r
}

/// The source of `filename`: recorded, or read from disk.
pub fn get(filename: &str) -> Option<Arc<str>> {
    if HIDDEN.with(|h| h.get()) {
        return None;
    }
    let mut m = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = m.get(filename) {
        return Some(s.clone());
    }
    if filename.starts_with('<') {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    let text: Arc<str> = Arc::from(pyrt_syntax::decode_source(&bytes).ok()?.as_ref());
    m.insert(filename.to_owned(), text.clone());
    Some(text)
}
