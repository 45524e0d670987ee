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
//! is the failing range. A range spanning several lines prints its first and last lines (and
//! what lies between, or `...<n lines>...`) dedented together when CPython draws no carets under
//! it; the caret lines CPython draws under several lines are not drawn yet (the first line alone
//! is printed then).

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
    if pos.end_lineno > pos.lineno && pos.col_offset >= 0 && pos.end_col_offset >= 0 {
        if let Some(text) = multiline_source(&code.code.filename, pos) {
            out.push_str(&text);
            return;
        }
    }
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

/// The source of a range spanning several lines, as CPython 3.13's `format_frame_summary`
/// prints it: the significant lines (first, last, and those around the anchors; one line
/// between two is printed, longer gaps become `...<n lines>...`) of the lines dedented together,
/// each followed by its caret line when CPython draws carets, the whole dedented again and
/// indented by four spaces.
fn multiline_source(filename: &str, pos: pyrt_compile::Location) -> Option<String> {
    let text = crate::eval::source_cache::get(filename)?;
    let (first, last) = (pos.lineno as usize, pos.end_lineno as usize);
    let original: Vec<&str> = text.lines().skip(first.checked_sub(1)?).take(last - first + 1).collect();
    if original.len() != last - first + 1 {
        return None;
    }
    let all_lines = dedent(&original);
    if all_lines.iter().all(|l| l.trim().is_empty()) {
        return Some(String::new());
    }
    let n = all_lines.len();
    let chars_before = |line: &str, byte: usize| line.get(..byte.min(line.len())).map_or(0, |p| p.chars().count());
    let dedent_chars = original[0].chars().count() - all_lines[0].chars().count();
    let start = chars_before(original[0], pos.col_offset as usize).saturating_sub(dedent_chars);
    let end = chars_before(original[n - 1], pos.end_col_offset as usize).saturating_sub(dedent_chars);
    // The segment: from `start` in the first line to `end` in the last.
    let joined = all_lines.join("\n");
    let last_len = all_lines[n - 1].chars().count();
    let total = joined.chars().count();
    let keep = total.saturating_sub(last_len.saturating_sub(end)).saturating_sub(start);
    let segment: String = joined.chars().skip(start).take(keep).collect();
    let anchors = multiline_anchors(&segment);
    let show_carets = should_show_carets_multiline(&all_lines, start, end, anchors.is_some());

    let mut significant: Vec<usize> = vec![0, n - 1];
    let (mut left, mut right) = ((0, 0), (0, 0));
    let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
    if let Some(a) = anchors {
        left = (a.left_line, a.left_col + if a.left_line == 0 { start } else { 0 });
        right = (a.right_line, a.right_col + if a.right_line == 0 { start } else { 0 });
        for l in [a.left_line, a.right_line] {
            significant.extend([l.wrapping_sub(1), l, l + 1]);
        }
    }
    significant.retain(|&l| l < n);
    significant.sort_unstable();
    significant.dedup();

    let mut result: Vec<String> = Vec::new();
    let output_line = |lineno: usize, result: &mut Vec<String>| {
        let line = &all_lines[lineno];
        result.push(line.clone());
        if !show_carets {
            return;
        }
        let spaces = line.chars().count() - line.trim_start().chars().count();
        let count = if lineno == n - 1 { end } else { line.chars().count() };
        let carets: String = (0..count)
            .map(|col| {
                if col < spaces || (lineno == 0 && col < start) {
                    ' '
                } else if anchors.is_some()
                    && (lineno > left.0 || (lineno == left.0 && col >= left.1))
                    && (lineno < right.0 || (lineno == right.0 && col < right.1))
                {
                    secondary
                } else {
                    primary
                }
            })
            .collect();
        result.push(carets);
    };
    for (i, &lineno) in significant.iter().enumerate() {
        if i > 0 {
            match lineno - significant[i - 1] {
                2 => output_line(lineno - 1, &mut result),
                gap if gap > 2 => result.push(format!("...<{} lines>...", gap - 1)),
                _ => {}
            }
        }
        output_line(lineno, &mut result);
    }
    let result: Vec<&str> = result.iter().map(String::as_str).collect();
    Some(dedent(&result).iter().map(|l| format!("    {l}\n")).collect())
}

/// Anchors over several lines (line index in the segment, character column in that line).
#[derive(Clone, Copy)]
struct LineAnchors {
    left_line: usize,
    left_col: usize,
    right_line: usize,
    right_col: usize,
}

/// CPython 3.13's `_extract_caret_anchors_from_line_segment` for a segment that may span
/// several lines: the operator of a binary operation, or the brackets of a subscript or call.
fn multiline_anchors(segment: &str) -> Option<LineAnchors> {
    use pyrt_syntax::ast::{ExprKind, Mod, StmtKind};
    let wrapped = format!("(\n{segment}\n)");
    let arena = bumpalo::Bump::new();
    let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(&wrapped, pyrt_syntax::Mode::Module, &arena) else {
        return None;
    };
    let [stmt] = body else { return None };
    let StmtKind::Expr { value } = &stmt.node else { return None };
    let lines: Vec<Vec<char>> = segment.split('\n').map(|l| l.chars().collect()).collect();
    let seg_lines: Vec<&str> = segment.split('\n').collect();
    // A byte offset in `wrapped` as (line of the segment, character column).
    let line_col = |offset: u32| -> Option<(usize, usize)> {
        let before = wrapped.get(..offset as usize)?;
        let line = before.matches('\n').count().checked_sub(1)?;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = wrapped.get(line_start..offset as usize)?.chars().count();
        (line < seg_lines.len()).then_some((line, col))
    };
    let valid = |(mut l, mut c): (usize, usize)| -> Option<(usize, usize)> {
        while l < lines.len() && c >= lines[l].len() {
            c = 0;
            l += 1;
        }
        (l < lines.len()).then_some((l, c))
    };
    let increment_until = |pos: (usize, usize), stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
        let (mut l, mut c) = valid(pos)?;
        loop {
            let ch = lines[l][c];
            if ch == '\\' || ch == '#' {
                (l, c) = valid((l + 1, 0))?;
            } else if !stop(ch) {
                (l, c) = valid((l, c + 1))?;
            } else {
                return Some((l, c));
            }
        }
    };
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = increment_until(line_col(left.range.end)?, &|ch| !ch.is_whitespace() && ch != ')')?;
            let mut right_col = c + 1;
            let (right_line, right_start) = line_col(right.range.start)?;
            if right_col < lines[l].len()
                && (right_line > l || right_col < right_start)
                && !lines[l][right_col].is_whitespace()
                && !matches!(lines[l][right_col], '\\' | '#')
            {
                right_col += 1;
            }
            Some(LineAnchors { left_line: l, left_col: c, right_line: l, right_col })
        }
        ExprKind::Subscript { value: inner, .. } | ExprKind::Call { func: inner, .. } => {
            let open = if matches!(value.node, ExprKind::Subscript { .. }) { '[' } else { '(' };
            let (l, c) = increment_until(line_col(inner.range.end)?, &|ch| ch == open)?;
            let (rl, rc) = line_col(value.range.end)?;
            Some(LineAnchors { left_line: l, left_col: c, right_line: rl, right_col: rc })
        }
        _ => None,
    }
}

/// `textwrap.dedent` over lines: whitespace-only lines become empty, and the longest leading
/// whitespace common to the other lines is removed.
fn dedent(lines: &[&str]) -> Vec<String> {
    let mut margin: Option<&str> = None;
    for l in lines.iter().filter(|l| !l.trim().is_empty()) {
        let indent = &l[..l.len() - l.trim_start().len()];
        margin = Some(match margin {
            None => indent,
            Some(m) => {
                // Compared by characters, so the cut stays on a character boundary.
                let common: usize =
                    m.chars().zip(indent.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
                &m[..common]
            }
        });
    }
    let cut = margin.map_or(0, str::len);
    lines.iter().map(|l| if l.trim().is_empty() { String::new() } else { l[cut..].to_owned() }).collect()
}

/// CPython 3.13's `_should_show_carets` for several lines (`start`/`end` are character offsets
/// in the first and last of the dedented lines).
fn should_show_carets_multiline(all_lines: &[String], start: usize, end: usize, has_anchors: bool) -> bool {
    let joined = all_lines.join("\n");
    let byte_of = |line: &str, chars: usize| line.char_indices().nth(chars).map_or(line.len(), |(b, _)| b);
    let last = all_lines.len() - 1;
    let start_byte = byte_of(&all_lines[0], start);
    let end_byte = joined.len() - all_lines[last].len() + byte_of(&all_lines[last], end);
    if statement_call_range(&joined) == Some((start_byte, end_byte)) {
        return false;
    }
    if has_anchors {
        return true;
    }
    let first: String = all_lines[0].chars().take(start).collect();
    let tail: String = all_lines[last].chars().skip(end).collect();
    !first.trim_start().is_empty() || !tail.trim_end().is_empty()
}

/// CPython 3.13's `_should_show_carets` exception: `return f(...)` / `x = f(...)` whose call is
/// exactly the failing range shows no carets.
fn spans_whole_call_statement(line: &str, start: usize, end: usize) -> bool {
    statement_call_range(line) == Some((start, end))
}

/// The byte range of the call in `return name(...)` or `name = call(...)` (one plain-name
/// target), when `text`'s first statement is one: the statements whose call, when it is the
/// whole failing range, CPython 3.13's `_should_show_carets` draws no carets under.
fn statement_call_range(text: &str) -> Option<(usize, usize)> {
    use pyrt_syntax::ast::{ExprKind, Mod, StmtKind};
    let arena = bumpalo::Bump::new();
    let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(text, pyrt_syntax::Mode::Module, &arena) else {
        return None;
    };
    let value = match &body.first()?.node {
        StmtKind::Return { value: Some(v) } => match &v.node {
            ExprKind::Call { func, .. } if matches!(func.node, ExprKind::Name { .. }) => *v,
            _ => return None,
        },
        StmtKind::Assign { targets: [target], value, .. }
            if matches!(target.node, ExprKind::Name { .. }) && matches!(value.node, ExprKind::Call { .. }) =>
        {
            *value
        }
        _ => return None,
    };
    Some((value.range.start as usize, value.range.end as usize))
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
    out.push_str(&exception_only(exc));
    if let Some(e) = as_exception(exc) {
        if let Some(notes) = e.fields().notes.clone() {
            for n in abstract_ops::collect(&notes).unwrap_or_default() {
                out.push_str(&abstract_ops::str_text(&n).unwrap_or_default());
                out.push('\n');
            }
        }
    }
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

#[cfg(test)]
mod multiline_tests {
    use super::*;

    #[test]
    fn dedent_removes_the_common_margin_and_empties_blank_lines() {
        assert_eq!(dedent(&["    a(", "        b", "   ", "    )"]), ["a(", "    b", "", ")"]);
        assert_eq!(dedent(&["\tx", "\t\ty"]), ["x", "\ty"]);
        assert_eq!(dedent(&["x", "  y"]), ["x", "  y"]);
        // Different multi-byte spaces share leading bytes, not a character.
        assert_eq!(dedent(&["\u{2003}a", "\u{2002}b"]), ["\u{2003}a", "\u{2002}b"]);
    }

    #[test]
    fn anchors_of_a_call_spanning_lines_are_its_brackets() {
        let a = multiline_anchors("o.m(1,\n        2)").expect("a call has anchors");
        assert_eq!((a.left_line, a.left_col, a.right_line, a.right_col), (0, 3, 1, 10));
    }

    #[test]
    fn anchors_of_a_binary_operation_are_its_operator() {
        let a = multiline_anchors("d[\"a\"] +\n            \"s\"").expect("a binary operation has anchors");
        assert_eq!((a.left_line, a.left_col, a.right_line, a.right_col), (0, 7, 0, 8));
        assert!(multiline_anchors("async for x in y:\n    pass").is_none());
    }

    #[test]
    fn a_statement_that_is_one_call_draws_no_carets() {
        let lines = ["x = f(1,".to_owned(), "      2)".to_owned()];
        assert!(!should_show_carets_multiline(&lines, 4, 8, true));
        let lines = ["x.y = f(1,".to_owned(), "      2)".to_owned()];
        assert!(should_show_carets_multiline(&lines, 6, 8, true));
        let lines = ["async for n in g():".to_owned(), "    print(n)".to_owned()];
        assert!(!should_show_carets_multiline(&lines, 0, 12, false));
    }
}
