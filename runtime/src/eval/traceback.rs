//! Traceback objects and printing them in CPython 3.13's format.
//!
//! A traceback entry records the code object and the instruction that was running when the
//! exception passed through a frame (frame objects are made only on demand, so the entry keeps
//! what printing needs). Entries are prepended as the exception unwinds, so the head is the
//! outermost frame — the order `Traceback (most recent call last):` prints them in.
//!
//! Each entry prints `  File "<file>", line <n>, in <name>`, the source line stripped of its
//! indentation, and a caret line under the failing expression as CPython 3.13 decides it: `^`
//! under the operator of a binary operation or the brackets of a subscript or call and `~` under
//! the rest (the anchors, found by parsing the segment), plain `^` when there are no anchors and
//! the expression is not the whole line, nothing for `return f(...)` / `x = f(...)` whose call
//! is the failing range. Ranges spanning several lines print no caret line yet.

use std::ptr::NonNull;

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_and_free};
use crate::object::code::as_code;
use crate::object::exceptions::as_exception;
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::{PyObject, abstract_ops, types};

/// One traceback entry.
#[repr(C)]
pub struct TracebackObject {
    /// Header.
    pub ob_base: PyObject,
    /// The next (inner) entry.
    pub next: Option<Obj>,
    /// The code object that was running.
    pub code: Obj,
    /// The instruction (code-unit index).
    pub lasti: usize,
}

/// Prepends an entry for (`code`, `lasti`) to `exc`'s traceback.
pub fn add_traceback(exc: &PyObject, code: &Obj, lasti: usize) -> PyResult<()> {
    let Some(e) = as_exception(exc) else { return Ok(()) };
    let next = e.fields().traceback.take();
    // SAFETY: TracebackObject starts with the header; its deallocator drops it.
    let tb = unsafe {
        alloc(types().traceback_type, |ob_base| TracebackObject { ob_base, next, code: code.clone(), lasti })
    }?;
    e.fields().traceback = Some(tb);
    Ok(())
}

/// # Safety
///
/// See [`crate::object::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_traceback(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<TracebackObject>(op) }
}

fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let text = crate::eval::source_cache::get(filename)?;
    text.lines().nth(lineno as usize - 1).map(str::to_owned)
}

fn format_entry(out: &mut String, tb: &TracebackObject) {
    let Some(code) = as_code(&tb.code) else { return };
    let pos = code.positions.get(tb.lasti).copied().unwrap_or(pyrt_compile::Location::NO_LOCATION);
    let name = &code.code.name;
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.code.filename, pos.lineno, name));
    let Some(line) = source_line(&code.code.filename, pos.lineno) else { return };
    let stripped = line.trim_start();
    let indent = line.len() - stripped.len();
    let shown = stripped.trim_end();
    if shown.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(shown);
    out.push('\n');
    if pos.col_offset < 0 || pos.end_col_offset < 0 || pos.end_lineno != pos.lineno {
        return;
    }
    let (start, end) = (pos.col_offset as usize, pos.end_col_offset as usize);
    if start < indent || end > indent + shown.len() || start >= end {
        return;
    }
    let (seg_start, seg_end) = (start - indent, end - indent);
    let segment = &shown[seg_start..seg_end];
    if spans_whole_call_statement(shown, seg_start, seg_end) {
        return;
    }
    let anchors = caret_anchors(segment);
    if anchors.is_none() && seg_start == 0 && seg_end == shown.len() {
        return;
    }
    let col = shown[..seg_start].chars().count();
    out.push_str("    ");
    out.push_str(&" ".repeat(col));
    for (i, _) in segment.char_indices() {
        let primary = anchors.is_none_or(|(l, r)| l <= i && i < r);
        out.push(if primary { '^' } else { '~' });
    }
    out.push('\n');
}

/// CPython 3.13's `_should_show_carets` exception: `return f(...)` / `x = f(...)` whose call is
/// exactly the failing range shows no carets.
fn spans_whole_call_statement(line: &str, start: usize, end: usize) -> bool {
    use pyrt_syntax::ast::{ExprKind, Mod, StmtKind};
    let arena = bumpalo::Bump::new();
    let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(line, pyrt_syntax::Mode::Module, &arena) else {
        return false;
    };
    let Some(stmt) = body.first() else { return false };
    let value = match &stmt.node {
        StmtKind::Return { value: Some(v) } => *v,
        StmtKind::Assign { value, .. } => *value,
        _ => return false,
    };
    match &value.node {
        ExprKind::Call { func, .. } if matches!(func.node, ExprKind::Name { .. }) => {
            value.range.start as usize == start && value.range.end as usize == end
        }
        _ => false,
    }
}

/// CPython 3.13's `_extract_caret_anchors_from_line_segment` for one line: the byte range of a
/// binary operator, or of the brackets of a subscript or call.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use pyrt_syntax::ast::{ExprKind, Mod, StmtKind};
    let wrapped = format!("(\n{segment}\n)");
    let arena = bumpalo::Bump::new();
    let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(&wrapped, pyrt_syntax::Mode::Module, &arena) else {
        return None;
    };
    let [stmt] = body else { return None };
    let StmtKind::Expr { value } = &stmt.node else { return None };
    let bytes = segment.as_bytes();
    let at = |offset: u32| (offset as usize).saturating_sub(2);
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let mut col = at(left.range.end);
            while col < bytes.len() && (bytes[col].is_ascii_whitespace() || bytes[col] == b')') {
                col += 1;
            }
            let mut right_col = col + 1;
            if right_col < bytes.len()
                && right_col < at(right.range.start)
                && !bytes[right_col].is_ascii_whitespace()
                && !matches!(bytes[right_col], b'\\' | b'#')
            {
                right_col += 1;
            }
            Some((col, right_col))
        }
        ExprKind::Subscript { value: inner, .. } | ExprKind::Call { func: inner, .. } => {
            let open = if matches!(value.node, ExprKind::Subscript { .. }) { b'[' } else { b'(' };
            let mut col = at(inner.range.end);
            while col < bytes.len() && bytes[col] != open {
                col += 1;
            }
            Some((col, at(value.range.end)))
        }
        _ => None,
    }
}

/// The text `traceback.print_exception` prints for `exc` (chained exceptions included).
pub fn format_exception(exc: &PyObject) -> String {
    let mut out = String::new();
    format_chain(&mut out, exc, 0);
    out
}

fn format_chain(out: &mut String, exc: &PyObject, depth: usize) {
    if let Some(e) = as_exception(exc) {
        if depth < 100 {
            let (cause, context, suppress) =
                (e.fields().cause.clone(), e.fields().context.clone(), e.fields().suppress_context);
            if let Some(c) = cause {
                format_chain(out, &c, depth + 1);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if let (Some(c), false) = (context, suppress) {
                format_chain(out, &c, depth + 1);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        let mut tb = e.fields().traceback.clone();
        if tb.is_some() {
            out.push_str("Traceback (most recent call last):\n");
        }
        while let Some(t) = tb {
            // SAFETY: traceback entries are TracebackObject.
            let entry = unsafe { t.cast::<TracebackObject>() };
            format_entry(out, entry);
            tb = entry.next.clone();
        }
    }
    out.push_str(&syntax_error_report(exc).unwrap_or_else(|| exception_only(exc)));
    if let Some(e) = as_exception(exc) {
        if let Some(notes) = e.fields().notes.clone() {
            for n in abstract_ops::collect(&notes).unwrap_or_default() {
                out.push_str(&abstract_ops::str_text(&n).unwrap_or_default());
                out.push('\n');
            }
        }
    }
}

/// A `SyntaxError` (of a module compiled at run time, e.g. imported) with its location:
/// `File "x.py", line N`, the line and the markers, then `SyntaxError: msg`, as CPython's
/// `_format_syntax_error`. `None` for other exceptions and for a `SyntaxError` without
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` arguments.
fn syntax_error_report(exc: &PyObject) -> Option<String> {
    let kind = match exc.type_object().name() {
        "IndentationError" => pyrt_syntax::SyntaxErrorKind::IndentationError,
        "TabError" => pyrt_syntax::SyntaxErrorKind::TabError,
        _ if exc.type_object().is_subtype(crate::object::types().exc.named("SyntaxError")) => {
            pyrt_syntax::SyntaxErrorKind::SyntaxError
        }
        _ => return None,
    };
    let args = as_exception(exc)?.fields().args.clone()?;
    let [msg, details] = crate::object::tuple::items(&args) else { return None };
    let d = crate::object::tuple::items(details);
    let [filename, lineno, offset, text, end_lineno, end_offset] = d else { return None };
    let int = |o: &PyObject| crate::object::int::small_value(o).map_or(0, |v| v as i32);
    let error = pyrt_syntax::SyntaxError {
        kind,
        msg: str_value(msg)?.to_owned(),
        lineno: int(lineno),
        offset: int(offset),
        end_lineno: int(end_lineno),
        end_offset: int(end_offset),
        text: str_value(text).map(str::to_owned),
    };
    Some(error.format_report(str_value(filename)?))
}

/// `Name: message` (or just `Name`), with the module prefix for non-builtin classes.
pub fn exception_only(exc: &PyObject) -> String {
    let ty = exc.type_object();
    let module = if ty.is_heap() {
        abstract_ops::get_attr_str(ty.as_object(), "__module__").ok().and_then(|m| str_value(&m).map(str::to_owned))
    } else {
        None
    };
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => ty.name().to_owned(),
        Some(m) => format!("{m}.{}", ty.name()),
    };
    let msg = match abstract_ops::str_text(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_owned(),
    };
    if msg.is_empty() { format!("{name}\n") } else { format!("{name}: {msg}\n") }
}
