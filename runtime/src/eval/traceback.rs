//! Traceback objects and printing them in CPython 3.13's format.
//!
//! A traceback entry records the code object and the instruction that was running when the
//! exception passed through a frame (frame objects are made only on demand, so the entry keeps
//! what printing needs). Entries are prepended as the exception unwinds, so the head is the
//! outermost frame — the order `Traceback (most recent call last):` prints them in.
//!
//! Printing follows `traceback.TracebackException(..., compact=True).format()`: the chain of
//! causes and contexts (each exception once), each with its entries
//! ([`frame_summary`] prints one; runs of identical entries are summarised as
//! `[Previous line repeated N more times]`), the `Name: message` line and the notes; exception
//! groups print their members in the nested box format (`+-+---- 1 ----`, `| ` margins), at
//! most 15 members per group and 10 levels deep.

mod frame_summary;

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_and_free};
use crate::object::code::as_code;
use crate::object::exception_group::as_group;
use crate::object::exceptions::as_exception;
use crate::object::obj::Obj;
use crate::object::obj_slot::ObjSlot;
use crate::object::str::str_value;
use crate::object::{PyObject, abstract_ops, types};

/// One traceback entry.
#[repr(C)]
pub struct TracebackObject {
    /// Header.
    pub ob_base: PyObject,
    /// The next (inner) entry (read through [`TracebackObject::next`]; the collector's clear
    /// takes it).
    next: UnsafeCell<Option<Obj>>,
    /// The code object that was running.
    pub code: Obj,
    /// The instruction (code-unit index).
    pub lasti: usize,
    /// The frame object (`tb_frame`), when the entry was made for a running frame (read
    /// through [`TracebackObject::frame`]; the collector's clear takes it).
    frame: UnsafeCell<Option<Obj>>,
}

impl TracebackObject {
    /// `tb_next`: the next (inner) entry.
    pub(crate) fn next(&self) -> Option<Obj> {
        self.next_slot().get()
    }

    /// `tb_frame`.
    pub(crate) fn frame(&self) -> Option<Obj> {
        self.frame_slot().get()
    }

    fn next_slot(&self) -> ObjSlot<'_> {
        // SAFETY: the word is an initialised `Option<Obj>` inside the entry, accessed only
        // through `ObjSlot`s.
        unsafe { ObjSlot::from_raw(&self.ob_base, self.next.get()) }
    }

    fn frame_slot(&self) -> ObjSlot<'_> {
        // SAFETY: as in `next_slot`.
        unsafe { ObjSlot::from_raw(&self.ob_base, self.frame.get()) }
    }
}

/// Prepends an entry for (`code`, `lasti`) of the frame object `frame` to `exc`'s traceback.
pub(crate) fn add_traceback_with_frame(exc: &PyObject, code: &Obj, lasti: usize, frame: Option<Obj>) -> PyResult<()> {
    let Some(e) = as_exception(exc) else { return Ok(()) };
    let next = e.traceback().take();
    // SAFETY: TracebackObject starts with the header; its deallocator drops it.
    let tb = unsafe {
        alloc(types().traceback_type, |ob_base| TracebackObject {
            ob_base,
            next: UnsafeCell::new(next),
            code: code.clone(),
            lasti,
            frame: UnsafeCell::new(frame),
        })
    }?;
    e.traceback().set(Some(tb));
    Ok(())
}

fn tb_entry(o: &PyObject) -> &TracebackObject {
    assert!(std::ptr::eq(o.type_object(), types().traceback_type), "a traceback object");
    // SAFETY: checked type.
    unsafe { o.cast::<TracebackObject>() }
}

/// `tb_next`, `tb_frame`, `tb_lineno`, `tb_lasti`.
/// The `traceback` type (made with the core types), which the cycle collector tracks: an
/// exception's traceback refers to the frames that may hold the exception (`tb_traverse`).
pub(crate) fn make_traceback_type(
    type_type: &'static crate::object::TypeObject,
    object_type: &'static crate::object::TypeObject,
    specs: &mut Vec<crate::object::immortal::TypeSpec>,
) -> &'static crate::object::TypeObject {
    let ty = crate::object::immortal::new_static_type(
        type_type,
        "traceback",
        size_of::<TracebackObject>(),
        0,
        dealloc_traceback,
        |t| {
            t.hash = Some(crate::object::core_types::object_hash);
            t.traverse = Some(traceback_traverse);
            t.clear = Some(traceback_clear);
        },
    );
    specs.push(crate::object::immortal::TypeSpec {
        ty,
        base: Some(object_type),
        methods: &[],
        getsets: TRACEBACK_GETSETS,
    });
    ty
}

fn traceback(o: &PyObject) -> &TracebackObject {
    // SAFETY: installed on the traceback type only, whose instances are TracebackObject.
    unsafe { o.cast::<TracebackObject>() }
}

/// `tb_traverse`: the next entry and the frame.
fn traceback_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let tb = traceback(o);
    for slot in [tb.next_slot(), tb.frame_slot()] {
        // SAFETY: a traverse's visitor only reads (it runs no Python code, writes no object), so
        // the word is not written during the loan.
        unsafe { slot.with_borrowed(|x| x.map(&mut *visit)) };
    }
}

/// `tb_clear`: drops the next entry and the frame, which close cycles through the frame's
/// locals (an exception caught into a local, its traceback naming that frame).
fn traceback_clear(o: &PyObject) {
    let tb = traceback(o);
    let taken = (tb.next_slot().take(), tb.frame_slot().take());
    drop(taken);
}

pub(crate) static TRACEBACK_GETSETS: &[crate::object::builtin::GetSetDef] = {
    use crate::object::builtin::{GetSetDef, args};
    &[
        GetSetDef { name: "tb_next", get: |o| Ok(tb_entry(o).next().unwrap_or_else(args::none)), set: None },
        GetSetDef { name: "tb_frame", get: |o| Ok(tb_entry(o).frame().unwrap_or_else(args::none)), set: None },
        GetSetDef {
            name: "tb_lineno",
            get: |o| {
                let t = tb_entry(o);
                let line = as_code(&t.code).and_then(|c| c.positions().get(t.lasti)).map_or(-1, |p| p.lineno);
                crate::object::int::new_int(i64::from(line))
            },
            set: None,
        },
        GetSetDef { name: "tb_lasti", get: |o| crate::object::int::new_int(tb_entry(o).lasti as i64 * 2), set: None },
    ]
};

/// # Safety
///
/// See [`crate::object::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_traceback(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<TracebackObject>(op) }
}

/// `traceback`'s `_RECURSIVE_CUTOFF`: identical consecutive frames shown before the summary.
const RECURSIVE_CUTOFF: usize = 3;
/// `TracebackException`'s default `max_group_width`.
const MAX_GROUP_WIDTH: usize = 15;
/// `TracebackException`'s default `max_group_depth`.
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// The text `traceback.print_exception` prints for `exc`: chained exceptions, exception
/// groups and notes included (see [`ExcTree`]).
pub fn format_exception(exc: &PyObject) -> String {
    let tree = ExcTree::build(exc);
    let mut printer = GroupPrinter { out: String::new(), depth: 0, need_close: false };
    printer.format(&tree, 0);
    printer.out
}

/// One exception of the tree `TracebackException` builds: its cause and context (absent when
/// already seen elsewhere in the tree, or not shown) and, for a group, its members.
struct ExcNode {
    exc: Obj,
    cause: Option<usize>,
    context: Option<usize>,
    exceptions: Option<Vec<usize>>,
}

/// The nodes of `TracebackException(..., compact=True)` for an exception, in an arena. Built
/// in the same order as CPython's queue so that an exception reachable twice is expanded where
/// CPython expands it.
struct ExcTree {
    nodes: Vec<ExcNode>,
}

impl ExcTree {
    fn build(root: &PyObject) -> ExcTree {
        let mut tree = ExcTree { nodes: Vec::new() };
        let mut seen = std::collections::HashSet::new();
        seen.insert(root.addr());
        tree.nodes.push(ExcNode { exc: Obj::new_ref(root), cause: None, context: None, exceptions: None });
        let mut queue = vec![0usize];
        while let Some(i) = queue.pop() {
            let exc = tree.nodes[i].exc.clone();
            let Some(e) = as_exception(&exc) else { continue };
            let (cause, context, suppress) = (e.cause().get(), e.context().get(), e.suppress_context());
            let cause = cause.filter(|c| seen.insert(c.addr())).map(|c| tree.push(c));
            let need_context = cause.is_none() && !suppress;
            let context = context.filter(|c| need_context && seen.insert(c.addr())).map(|c| tree.push(c));
            let exceptions = as_group(&exc).map(|g| {
                g.exceptions()
                    .iter()
                    .map(|m| {
                        seen.insert(m.addr());
                        tree.push(m.clone())
                    })
                    .collect::<Vec<_>>()
            });
            let node = &mut tree.nodes[i];
            node.cause = cause;
            node.context = context;
            node.exceptions = exceptions.clone();
            queue.extend(cause);
            queue.extend(context);
            queue.extend(exceptions.into_iter().flatten());
        }
        tree
    }

    fn push(&mut self, exc: Obj) -> usize {
        self.nodes.push(ExcNode { exc, cause: None, context: None, exceptions: None });
        self.nodes.len() - 1
    }
}

/// `TracebackException.format` with its `_ExceptionPrintContext`: inside a group every line is
/// indented two spaces per level and prefixed with a margin (`| `, or `+ ` for the top group's
/// header).
struct GroupPrinter {
    out: String,
    depth: usize,
    need_close: bool,
}

impl GroupPrinter {
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = " ".repeat(2 * self.depth);
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn format(&mut self, tree: &ExcTree, root: usize) {
        let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
        let mut cur = Some(root);
        while let Some(i) = cur {
            let node = &tree.nodes[i];
            let (msg, next) = match (node.cause, node.context) {
                (Some(c), _) => (Some(CAUSE_MESSAGE), Some(c)),
                (None, Some(c)) => (Some(CONTEXT_MESSAGE), Some(c)),
                _ => (None, None),
            };
            chain.push((msg, i));
            cur = next;
        }
        for &(msg, i) in chain.iter().rev() {
            if let Some(m) = msg {
                self.emit(m, '|');
            }
            let node = &tree.nodes[i];
            let stack = format_stack(&node.exc);
            match &node.exceptions {
                None => {
                    if !stack.is_empty() {
                        self.emit("Traceback (most recent call last):\n", '|');
                        self.emit(&stack, '|');
                    }
                    self.emit(&exception_only(&node.exc), '|');
                }
                Some(_) if self.depth > MAX_GROUP_DEPTH => {
                    self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
                }
                Some(members) => self.format_group(tree, &node.exc, &stack, members),
            }
        }
    }

    fn format_group(&mut self, tree: &ExcTree, exc: &PyObject, stack: &str, members: &[usize]) {
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        if !stack.is_empty() {
            self.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
            self.emit(stack, '|');
        }
        self.emit(&exception_only(exc), '|');
        let total = members.len();
        let shown = if total <= MAX_GROUP_WIDTH { total } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for (i, &member) in members.iter().enumerate().take(shown) {
            let last = i == shown - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_owned() } else { (i + 1).to_string() };
            self.out.push_str(&" ".repeat(2 * self.depth));
            self.out.push_str(if i == 0 { "+-" } else { "  " });
            self.out.push_str(&format!("+---------------- {title} ----------------\n"));
            self.depth += 1;
            if truncated {
                let remaining = total - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else {
                self.format(tree, member);
            }
            if last && self.need_close {
                self.out.push_str(&" ".repeat(2 * self.depth));
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth = 0;
        }
    }
}

/// What the default `sys.unraisablehook` prints for `exc` (CPython's `_PyTraceBack_Print` and
/// the `Name: message` line): the C traceback printer's entries — the `File` line and the
/// source line, stripped, no caret lines — and no chained exceptions or notes.
pub(crate) fn format_unraisable(exc: &PyObject) -> String {
    let mut out = String::new();
    if as_exception(exc).is_some_and(|e| !e.traceback().is_none()) {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&format_stack_with(exc, frame_summary::format_c_entry));
    }
    out.push_str(&exception_line(exc));
    out
}

/// `StackSummary.format` for an exception's traceback: one block per entry, runs of more than
/// [`RECURSIVE_CUTOFF`] identical (file, line, function) entries summarised.
fn format_stack(exc: &PyObject) -> String {
    format_stack_with(exc, frame_summary::format_frame_summary)
}

/// [`format_stack`] with `format_entry` formatting each entry.
fn format_stack_with(exc: &PyObject, format_entry: fn(&str, &str, pyrt_compile::Location) -> String) -> String {
    let mut out = String::new();
    let mut tb = as_exception(exc).and_then(|e| e.traceback().get());
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0usize;
    let flush = |out: &mut String, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let more = count - RECURSIVE_CUTOFF;
            out.push_str(&format!("  [Previous line repeated {more} more time{}]\n", if more > 1 { "s" } else { "" }));
        }
    };
    while let Some(t) = tb {
        // SAFETY: traceback entries are TracebackObject.
        let entry = unsafe { t.cast::<TracebackObject>() };
        if let Some(code) = as_code(&entry.code) {
            let pos = code.positions().get(entry.lasti).copied().unwrap_or(pyrt_compile::Location::NO_LOCATION);
            let key = (code.code.filename.to_string(), pos.lineno, code.code.name.to_string());
            if last.as_ref() != Some(&key) {
                flush(&mut out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= RECURSIVE_CUTOFF {
                out.push_str(&format_entry(&code.code.filename, &code.code.name, pos));
            }
        }
        tb = entry.next();
    }
    flush(&mut out, count);
    out
}

/// `TracebackException.format_exception_only`: the `Name: message` line, then the notes.
fn exception_only_with_notes(exc: &PyObject) -> String {
    let mut out = syntax_error_report(exc).unwrap_or_else(|| exception_line(exc));
    let notes = match crate::object::exception_group::optional_attr(exc, "__notes__") {
        Ok(n) => n,
        Err(e) => {
            let text = abstract_ops::repr_text(&e.into_object()).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            out.push_str(&format!("Ignored error getting __notes__: {text}\n"));
            return out;
        }
    };
    let Some(notes) = notes.filter(|n| !n.is(crate::object::immortals().none)) else { return out };
    let is_text = crate::object::str::as_str_object(&notes).is_some();
    if !is_text && crate::eval::pattern::is_sequence(&notes) {
        for note in abstract_ops::collect(&notes).unwrap_or_default() {
            let text = abstract_ops::str_text(&note).unwrap_or_else(|_| "<note str() failed>".to_owned());
            for line in text.split('\n') {
                out.push_str(line);
                out.push('\n');
            }
        }
    } else {
        let text = abstract_ops::repr_text(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".to_owned());
        out.push_str(&text);
        out.push('\n');
    }
    out
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
    let args = as_exception(exc)?.args().get()?;
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

/// `Name: message` (or just `Name`) and the notes, as `traceback.format_exception_only`.
pub fn exception_only(exc: &PyObject) -> String {
    exception_only_with_notes(exc)
}

/// `Name: message` (or just `Name`), with the module prefix for non-builtin classes.
fn exception_line(exc: &PyObject) -> String {
    let ty = exc.type_object();
    let module = if ty.is_heap() {
        abstract_ops::get_attr_str(ty.as_object(), "__module__").ok().and_then(|m| str_value(&m).map(str::to_owned))
    } else {
        None
    };
    let qualname = if ty.is_heap() {
        abstract_ops::get_attr_str(ty.as_object(), "__qualname__").ok().and_then(|q| str_value(&q).map(str::to_owned))
    } else {
        None
    };
    let qualname = qualname.unwrap_or_else(|| ty.name().to_owned());
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => qualname,
        Some(m) => format!("{m}.{qualname}"),
    };
    let msg = match abstract_ops::str_text(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_owned(),
    };
    // CPython 3.13's `TracebackException` appends "Did you mean" to the message.
    let msg = msg + &crate::object::suggestions::suggestion_suffix(exc);
    if msg.is_empty() { format!("{name}\n") } else { format!("{name}: {msg}\n") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::abstract_ops as ops;
    use crate::object::list::new_list;
    use crate::object::str::new_str;

    fn exc(name: &str, msg: &str) -> Obj {
        let ty = crate::object::types().exc.named(name);
        ops::call(ty.as_object(), &[new_str(msg).unwrap()], None).unwrap()
    }

    fn group(msg: &str, members: Vec<Obj>) -> Obj {
        let ty = crate::object::types().exc.named("ExceptionGroup");
        ops::call(ty.as_object(), &[new_str(msg).unwrap(), new_list(members).unwrap()], None).unwrap()
    }

    #[test]
    fn groups_print_in_boxes_with_notes_after_the_message() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let noted = exc("KeyError", "k");
            let add_note = ops::get_attr_str(&noted, "add_note").unwrap();
            ops::call(&add_note, &[new_str("a note\non two lines").unwrap()], None).unwrap();
            let inner = group("inner", vec![noted]);
            let outer = group("outer", vec![exc("ValueError", "v"), inner]);
            let expected = "  | ExceptionGroup: outer (2 sub-exceptions)\n\
                            \x20 +-+---------------- 1 ----------------\n\
                            \x20   | ValueError: v\n\
                            \x20   +---------------- 2 ----------------\n\
                            \x20   | ExceptionGroup: inner (1 sub-exception)\n\
                            \x20   +-+---------------- 1 ----------------\n\
                            \x20     | KeyError: 'k'\n\
                            \x20     | a note\n\
                            \x20     | on two lines\n\
                            \x20     +------------------------------------\n";
            assert_eq!(format_exception(&outer), expected);
        });
    }

    #[test]
    fn a_cause_is_printed_before_its_effect() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let cause = exc("KeyError", "k");
            let effect = exc("ValueError", "v");
            ops::set_attr(&effect, &crate::object::intern("__cause__").ob_base, Some(&cause)).unwrap();
            assert_eq!(
                format_exception(&effect),
                "KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\nValueError: v\n"
            );
        });
    }
}
