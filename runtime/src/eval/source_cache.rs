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

/// The source of `filename`: recorded, or read from disk.
pub fn get(filename: &str) -> Option<Arc<str>> {
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
