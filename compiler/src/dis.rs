//! # A disassembler laid out like CPython 3.13's `dis`
//!
//! [`disassemble`] prints a code object the way `dis.dis(code)` does in CPython 3.13: a line
//! number column (only where a source line starts; `--` for code without a line), jump targets
//! and exception-table boundaries as labels `L1:`, `L2:`, ... (numbered by offset), the opcode
//! name padded to 20 columns, the oparg right-aligned in 5, and in parentheses what the oparg
//! means (the constant's `repr`, the name, the local, the jump target, the operator, ...). An
//! `ExceptionTable:` section follows when there are handlers, then the nested code objects, each
//! under `Disassembly of <code object ...>:`. Everything it needs comes from the instruction table:
//! cache sizes to skip, which opargs index which table, which are jumps.
//!
//! Where CPython prints an address (`<code object f at 0x7f...>`) we print the address of our
//! code object, so only those digits differ.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::code::{CodeObject, Constant};
use crate::instructions::Opcode;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;
const NO_LINENO: &str = "  --";

/// CPython's `cmp_op`.
const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// CPython 3.13's `_nb_ops` symbols, by `BINARY_OP` oparg.
const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=", "@=", "*=", "%=",
    "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// `CALL_INTRINSIC_1` functions, by oparg.
const INTRINSIC_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `CALL_INTRINSIC_2` functions, by oparg.
const INTRINSIC_2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// `MAKE_FUNCTION`/`SET_FUNCTION_ATTRIBUTE` flag names, by bit.
const FUNCTION_ATTR_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// One decoded instruction: byte offset, opcode (or the raw byte), oparg with `EXTENDED_ARG`s
/// folded in (`None` for instructions without one).
struct Decoded {
    offset: usize,
    op: Result<Opcode, u8>,
    arg: Option<u32>,
}

/// `_unpack_opargs`: walks the code units, skipping caches.
fn unpack(code: &CodeObject) -> Vec<Decoded> {
    let mut out = Vec::new();
    let mut extended: u32 = 0;
    let mut caches = 0;
    for (i, &unit) in code.code.iter().enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let (byte, raw_arg) = ((unit & 0xFF) as u8, (unit >> 8) as u32);
        let op = Opcode::from_u8(byte).ok_or(byte);
        caches = op.map_or(0, |o| o.base().cache_entries());
        let has_arg = op.is_ok_and(|o| o.base().has_arg());
        let arg = if has_arg {
            let arg = raw_arg | extended;
            extended = if op == Ok(Opcode::EXTENDED_ARG) { arg << 8 } else { 0 };
            Some(arg)
        } else {
            extended = 0;
            None
        };
        out.push(Decoded { offset: 2 * i, op, arg });
    }
    out
}

/// The byte offset a jump at `offset` with `arg` lands on (`offset_from_jump_arg`).
fn jump_target(op: Opcode, arg: u32, offset: usize) -> Option<usize> {
    let base = op.base();
    if !base.has_jump() {
        return None;
    }
    let caches = 2 * base.cache_entries() as i64;
    let signed = if base.is_backward_jump() { -(arg as i64) } else { arg as i64 };
    usize::try_from(offset as i64 + 2 + signed * 2 + caches).ok()
}

/// `findlinestarts`: the byte offsets where a new source line starts, with that line (`None`
/// for code without a line).
fn line_starts(code: &CodeObject) -> Vec<(usize, Option<i32>)> {
    let mut out = Vec::new();
    let mut last: Option<Option<i32>> = None;
    for (unit, loc) in code.positions().iter().enumerate() {
        let line = (loc.lineno >= 0).then_some(loc.lineno);
        if last != Some(line) {
            out.push((2 * unit, line));
            last = Some(line);
        }
    }
    out
}

fn name_at(names: &[std::sync::Arc<str>], index: u32) -> String {
    names.get(index as usize).map_or_else(|| format!("<{index}>"), |n| n.to_string())
}

/// What `dis` prints in parentheses after the oparg (`ArgResolver.get_argval_argrepr`).
fn argrepr(
    code: &CodeObject,
    op: Opcode,
    arg: u32,
    offset: usize,
    label_of: &dyn Fn(usize) -> Option<usize>,
) -> String {
    let base = op.base();
    let local = |i: u32| name_at(&code.localsplus_names, i);
    if base.has_const() {
        return code.consts.get(arg as usize).map_or_else(String::new, Constant::repr);
    }
    if base.has_name() {
        return match base {
            Opcode::LOAD_GLOBAL => {
                let name = name_at(&code.names, arg >> 1);
                if arg & 1 == 1 { format!("{name} + NULL") } else { name }
            }
            Opcode::LOAD_ATTR => {
                let name = name_at(&code.names, arg >> 1);
                if arg & 1 == 1 { format!("{name} + NULL|self") } else { name }
            }
            Opcode::LOAD_SUPER_ATTR => {
                let name = name_at(&code.names, arg >> 2);
                if arg & 1 == 1 { format!("{name} + NULL|self") } else { name }
            }
            _ => name_at(&code.names, arg),
        };
    }
    if base.has_jump() || base.is_block_push() {
        return match jump_target(op, arg, offset).and_then(label_of) {
            Some(label) => format!("to L{label}"),
            None => String::new(),
        };
    }
    match base {
        Opcode::LOAD_FAST_LOAD_FAST | Opcode::STORE_FAST_LOAD_FAST | Opcode::STORE_FAST_STORE_FAST => {
            format!("{}, {}", local(arg >> 4), local(arg & 15))
        }
        _ if base.has_local() || base.has_free() => local(arg),
        Opcode::COMPARE_OP => {
            let cmp = CMP_OP.get((arg >> 5) as usize).copied().unwrap_or("?");
            if arg & 16 != 0 { format!("bool({cmp})") } else { cmp.to_string() }
        }
        Opcode::CONVERT_VALUE => ["", "str", "repr", "ascii"].get(arg as usize).copied().unwrap_or("").to_string(),
        Opcode::SET_FUNCTION_ATTRIBUTE => FUNCTION_ATTR_FLAGS
            .iter()
            .enumerate()
            .filter(|(i, _)| arg & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        Opcode::BINARY_OP => NB_OPS.get(arg as usize).copied().unwrap_or("").to_string(),
        Opcode::CALL_INTRINSIC_1 => INTRINSIC_1.get(arg as usize).copied().unwrap_or("").to_string(),
        Opcode::CALL_INTRINSIC_2 => INTRINSIC_2.get(arg as usize).copied().unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// Disassembles one code object, without the nested ones (`dis.disassemble`).
pub fn disassemble_one(code: &CodeObject) -> String {
    let mut out = String::new();
    let instrs = unpack(code);
    let starts = line_starts(code);
    let exceptions = code.exception_entries().unwrap_or_default();

    // Labels: jump targets and exception-table boundaries, numbered in offset order.
    let mut label_offsets = BTreeSet::new();
    for d in &instrs {
        if let (Ok(op), Some(arg)) = (d.op, d.arg) {
            if let Some(target) = jump_target(op, arg, d.offset) {
                label_offsets.insert(target);
            }
        }
    }
    for e in &exceptions {
        label_offsets.insert(2 * e.start as usize);
        label_offsets.insert(2 * e.end as usize);
        label_offsets.insert(2 * e.target as usize);
    }
    let labels: Vec<usize> = label_offsets.into_iter().collect();
    let label_of = |offset: usize| labels.binary_search(&offset).ok().map(|i| i + 1);
    let label_width = 4 + labels.len().to_string().len();

    // CPython takes the widest line among the truthy ones: line 0 (a module's RESUME) does not count.
    let max_line = starts.iter().filter_map(|&(_, l)| l).filter(|&l| l != 0).max();
    let lineno_width = match max_line {
        None => 0,
        Some(max) => {
            let width = 3.max(max.to_string().len());
            if width < NO_LINENO.len() && starts.iter().any(|&(_, l)| l.is_none()) { NO_LINENO.len() } else { width }
        }
    };

    for d in &instrs {
        let start = starts.binary_search_by_key(&d.offset, |&(o, _)| o).ok().map(|i| starts[i].1);
        if lineno_width > 0 && start.is_some() && d.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            fields.push(match start {
                Some(Some(line)) => format!("{line:>lineno_width$}"),
                Some(None) => format!("{NO_LINENO:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push(match label_of(d.offset) {
            Some(l) => format!("{:>label_width$}", format!("L{l}:")),
            None => " ".repeat(label_width),
        });
        fields.push("   ".to_string());
        let opname = match d.op {
            Ok(op) => op.name().to_string(),
            Err(byte) => format!("<{byte}>"),
        };
        fields.push(format!("{opname:<OPNAME_WIDTH$}"));
        if let Some(arg) = d.arg {
            let width = OPARG_WIDTH.saturating_sub(opname.len().saturating_sub(OPNAME_WIDTH));
            fields.push(format!("{arg:>width$}"));
            if let Ok(op) = d.op {
                let repr = argrepr(code, op, arg, d.offset, &label_of);
                if !repr.is_empty() {
                    fields.push(format!("({repr})"));
                }
            }
        }
        let line = fields.join(" ");
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !exceptions.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &exceptions {
            let l = |units: u32| label_of(2 * units as usize).unwrap_or(0);
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(out, "  L{} to L{} -> L{} [{}]{lasti}", l(e.start), l(e.end), l(e.target), e.depth);
        }
    }
    out
}

/// Disassembles a code object and, after it, every code object among its constants, recursively
/// (`dis.dis(code)`).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = disassemble_one(code);
    // An explicit stack of pending code objects keeps deep nesting off the native stack.
    let mut pending: Vec<&CodeObject> = nested(code).into_iter().rev().collect();
    while let Some(inner) = pending.pop() {
        out.push('\n');
        let _ = writeln!(out, "Disassembly of {}:", inner.repr());
        out.push_str(&disassemble_one(inner));
        pending.extend(nested(inner).into_iter().rev());
    }
    out
}

fn nested(code: &CodeObject) -> Vec<&CodeObject> {
    code.consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(inner) => Some(&**inner),
            _ => None,
        })
        .collect()
}
