//! # Assembly: an optimised graph in, a [`CodeObject`] out
//!
//! [`assemble_code_unit`] is the back end's entry point: it runs the whole pipeline on one code
//! unit — CFG construction and passes (`crate::cfg`), then what CPython 3.13's
//! `Python/assemble.c` does:
//!
//! 1. `resolve_unconditional_jumps`: `JUMP`/`JUMP_NO_INTERRUPT` become `JUMP_FORWARD` or
//!    `JUMP_BACKWARD[_NO_INTERRUPT]` by comparing the target's position with the jump's.
//! 2. `resolve_jump_offsets`: jump opargs become distances in code units, counted from the
//!    instruction after the jump (inline caches included). A distance above 255 needs
//!    `EXTENDED_ARG` prefixes, which move later instructions and can push other distances over
//!    a threshold, so offsets are recomputed until no instruction changes size (a fixpoint that
//!    converges because sizes only grow).
//! 3. Emission: each instruction as `EXTENDED_ARG`s, the instruction, then its zeroed cache units.
//! 4. The location table ([`linetable`]) and the exception table ([`exception_table`]): one entry
//!    per run of instructions with the same handler, with the handler's stack depth (minus the
//!    exception, and minus `lasti` when it is pushed).
//! 5. The localsplus names and kinds (`compute_localsplus_info`) and the code object.

pub mod exception_table;
pub mod linetable;

use std::sync::Arc;

use crate::cfg::{self, Cfg, CfgError, FinalInstr, UnitInputs};
use crate::code::{CodeObject, LocalKind};
use crate::instr_seq::{InstrSeq, UnitMetadata};
use crate::instructions::Opcode;
use exception_table::ExceptionEntry;

/// Compiles one code unit's instruction sequence into a code object (optimisation included).
pub fn assemble_code_unit(meta: UnitMetadata, seq: InstrSeq, filename: Arc<str>) -> Result<Arc<CodeObject>, CfgError> {
    let mut consts = meta.consts.as_slice().to_vec();
    let mut graph = Cfg::from_seq(&seq)?;
    cfg::optimize_code_unit(
        &mut graph,
        UnitInputs {
            consts: &mut consts,
            nlocals: meta.varnames.len(),
            nparams: meta.nparams(),
            firstlineno: meta.firstlineno,
        },
    )?;
    let finished = cfg::finish_code_unit(&mut graph, &meta, meta.flags)?;
    make_code_object(&meta, finished.instrs, consts, finished.stackdepth, finished.nlocalsplus, filename)
}

/// The number of code units an instruction takes: `EXTENDED_ARG` prefixes, itself, its caches.
pub fn instr_size(op: Opcode, oparg: u32) -> usize {
    let extended = (oparg > 0xFF) as usize + (oparg > 0xFFFF) as usize + (oparg > 0xFF_FFFF) as usize;
    extended + 1 + op.cache_entries()
}

/// Gives `JUMP`/`JUMP_NO_INTERRUPT` their direction (`resolve_unconditional_jumps`); opargs of
/// jumps are instruction indices here.
pub fn resolve_unconditional_jumps(instrs: &mut [FinalInstr]) {
    for (i, instr) in instrs.iter_mut().enumerate() {
        let is_forward = instr.oparg as usize > i;
        instr.op = match instr.op {
            Opcode::JUMP if is_forward => Opcode::JUMP_FORWARD,
            Opcode::JUMP => Opcode::JUMP_BACKWARD,
            Opcode::JUMP_NO_INTERRUPT if is_forward => Opcode::JUMP_FORWARD,
            Opcode::JUMP_NO_INTERRUPT => Opcode::JUMP_BACKWARD_NO_INTERRUPT,
            op => op,
        };
    }
}

/// Turns jump opargs (instruction indices) into relative offsets in code units, to the fixpoint
/// of `EXTENDED_ARG` sizes (`resolve_jump_offsets`). Returns each instruction's offset.
pub fn resolve_jump_offsets(instrs: &mut [FinalInstr]) -> Result<Vec<usize>, CfgError> {
    let targets: Vec<Option<usize>> = instrs.iter().map(|i| i.op.has_jump().then_some(i.oparg as usize)).collect();
    let mut offsets = vec![0usize; instrs.len() + 1];
    loop {
        let mut total = 0;
        for (i, instr) in instrs.iter().enumerate() {
            offsets[i] = total;
            total += instr_size(instr.op, instr.oparg);
        }
        offsets[instrs.len()] = total;
        let mut recompile = false;
        let mut offset = 0;
        for (i, instr) in instrs.iter_mut().enumerate() {
            let isize = instr_size(instr.op, instr.oparg);
            offset += isize;
            if let Some(target) = targets[i] {
                let target_offset = *offsets.get(target).ok_or_else(|| CfgError::new("jump target out of range"))?;
                instr.oparg = if target_offset < offset {
                    if !instr.op.is_backward_jump() {
                        return Err(CfgError::new(format!("{} cannot jump backwards", instr.op)));
                    }
                    (offset - target_offset) as u32
                } else {
                    if instr.op.is_backward_jump() {
                        return Err(CfgError::new(format!("{} cannot jump forwards", instr.op)));
                    }
                    (target_offset - offset) as u32
                };
                if instr_size(instr.op, instr.oparg) != isize {
                    recompile = true;
                }
            }
        }
        if !recompile {
            offsets.truncate(instrs.len());
            return Ok(offsets);
        }
    }
}

/// Writes the code units of `instrs` (`write_instr`).
pub fn emit_code(instrs: &[FinalInstr]) -> Result<Vec<u16>, CfgError> {
    let mut code = Vec::new();
    for instr in instrs {
        let byte =
            instr.op.code_byte().ok_or_else(|| CfgError::new(format!("pseudo-instruction {} left", instr.op)))?;
        let oparg = instr.oparg;
        let extended = instr_size(instr.op, oparg) - 1 - instr.op.cache_entries();
        for shift in (1..=extended).rev() {
            let arg = (oparg >> (8 * shift)) & 0xFF;
            code.push(Opcode::EXTENDED_ARG as u16 | (arg as u16) << 8);
        }
        code.push(byte as u16 | ((oparg & 0xFF) as u16) << 8);
        code.extend(std::iter::repeat_n(Opcode::CACHE as u16, instr.op.cache_entries()));
    }
    Ok(code)
}

/// The exception-table entries for `instrs`, whose offsets are `offsets` (`assemble_exception_table`).
pub fn exception_entries(instrs: &[FinalInstr], offsets: &[usize]) -> Result<Vec<ExceptionEntry>, CfgError> {
    let mut entries = Vec::new();
    let mut current: Option<cfg::Handler> = None;
    let mut start = 0;
    let mut offset = 0;
    let mut close = |handler: cfg::Handler, start: usize, end: usize| -> Result<(), CfgError> {
        // A handler no path reaches keeps the "unknown" depth (i32::MIN): an error below.
        let depth = handler.startdepth.saturating_sub(1 + handler.preserve_lasti as i32);
        if depth < 0 {
            return Err(CfgError::new("exception handler with a negative stack depth"));
        }
        entries.push(ExceptionEntry {
            start: start as u32,
            end: end as u32,
            target: offsets[handler.target] as u32,
            depth: depth as u32,
            lasti: handler.preserve_lasti,
        });
        Ok(())
    };
    for instr in instrs {
        if instr.handler.map(|h| h.target) != current.map(|h| h.target) {
            if let Some(h) = current {
                close(h, start, offset)?;
            }
            start = offset;
            current = instr.handler;
        }
        offset += instr_size(instr.op, instr.oparg);
    }
    if let Some(h) = current {
        close(h, start, offset)?;
    }
    Ok(entries)
}

/// The names and kinds of the localsplus slots (`compute_localsplus_info`).
pub fn localsplus_info(meta: &UnitMetadata, nlocalsplus: usize) -> (Vec<Arc<str>>, Vec<LocalKind>) {
    let mut names: Vec<Arc<str>> = vec![Arc::from(""); nlocalsplus];
    let mut kinds = vec![LocalKind(0); nlocalsplus];
    for (offset, name) in meta.varnames.names().iter().enumerate() {
        let mut kind = LocalKind::LOCAL;
        if meta.fasthidden.contains(name) {
            kind = kind.union(LocalKind::HIDDEN);
        }
        if meta.cellvars.contains(name) {
            kind = kind.union(LocalKind::CELL);
        }
        names[offset] = name.clone();
        kinds[offset] = kind;
    }
    let nlocals = meta.varnames.len();
    let mut dropped = 0;
    for (index, name) in meta.cellvars.names().iter().enumerate() {
        if meta.varnames.contains(name) {
            dropped += 1;
            continue;
        }
        let offset = index + nlocals - dropped;
        names[offset] = name.clone();
        kinds[offset] = LocalKind::CELL;
    }
    let ncells = meta.cellvars.len();
    for (index, name) in meta.freevars.names().iter().enumerate() {
        let offset = ncells + index + nlocals - dropped;
        names[offset] = name.clone();
        kinds[offset] = LocalKind::FREE;
    }
    (names, kinds)
}

/// Steps 1–5 of the module doc on an already optimised, linear sequence.
pub fn make_code_object(
    meta: &UnitMetadata,
    mut instrs: Vec<FinalInstr>,
    consts: Vec<crate::code::Constant>,
    stackdepth: u32,
    nlocalsplus: usize,
    filename: Arc<str>,
) -> Result<Arc<CodeObject>, CfgError> {
    resolve_unconditional_jumps(&mut instrs);
    let offsets = resolve_jump_offsets(&mut instrs)?;
    let code = emit_code(&instrs)?;
    let linetable = linetable::encode(instrs.iter().map(|i| (i.loc, instr_size(i.op, i.oparg))), meta.firstlineno);
    let exceptiontable = exception_table::encode(&exception_entries(&instrs, &offsets)?);
    let (localsplus_names, localsplus_kinds) = localsplus_info(meta, nlocalsplus);
    Ok(Arc::new(CodeObject {
        argcount: meta.argcount,
        posonlyargcount: meta.posonlyargcount,
        kwonlyargcount: meta.kwonlyargcount,
        stacksize: stackdepth,
        flags: meta.flags,
        firstlineno: meta.firstlineno,
        code: code.into(),
        consts: consts.into(),
        names: meta.names.names().to_vec().into(),
        localsplus_names: localsplus_names.into(),
        localsplus_kinds: localsplus_kinds.into(),
        filename,
        name: meta.name.clone(),
        qualname: meta.qualname.clone(),
        linetable: linetable.into(),
        exceptiontable: exceptiontable.into(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::Location;

    fn instr(op: Opcode, oparg: u32) -> FinalInstr {
        FinalInstr { op, oparg, loc: Location::NO_LOCATION, handler: None }
    }

    #[test]
    fn caches_follow_and_extended_args_precede() {
        let code = emit_code(&[instr(Opcode::LOAD_GLOBAL, 0x1_02), instr(Opcode::RETURN_VALUE, 0)]).unwrap();
        let ext = Opcode::EXTENDED_ARG as u16;
        let lg = Opcode::LOAD_GLOBAL as u16;
        assert_eq!(code, vec![ext | 1 << 8, lg | 2 << 8, 0, 0, 0, 0, Opcode::RETURN_VALUE as u16]);
    }

    #[test]
    fn long_forward_jumps_grow_extended_args_to_a_fixpoint() {
        // A forward jump over 300 NOPs: 300 units need one EXTENDED_ARG.
        let mut instrs = vec![instr(Opcode::JUMP, 301)];
        instrs.extend((0..300).map(|_| instr(Opcode::NOP, 0)));
        instrs.push(instr(Opcode::RETURN_VALUE, 0));
        resolve_unconditional_jumps(&mut instrs);
        assert_eq!(instrs[0].op, Opcode::JUMP_FORWARD);
        let offsets = resolve_jump_offsets(&mut instrs).unwrap();
        assert_eq!(instrs[0].oparg, 300);
        assert_eq!(offsets[1], 2);
        // A backward jump: counted from after the jump and its cache.
        let mut back = vec![instr(Opcode::NOP, 0), instr(Opcode::JUMP, 0)];
        resolve_unconditional_jumps(&mut back);
        resolve_jump_offsets(&mut back).unwrap();
        assert_eq!((back[1].op, back[1].oparg), (Opcode::JUMP_BACKWARD, 3));
    }
}
