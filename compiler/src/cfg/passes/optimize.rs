//! `optimize_cfg`: CPython 3.13's peephole optimiser over the graph.
//!
//! In order:
//! 1. `check_cfg`: a jump or exit must end its block.
//! 2. [`inline_small_or_no_lineno_blocks`]: an unconditional jump to a small block that exits
//!    (at most four instructions), or to a block without line numbers that cannot fall through,
//!    is replaced by a copy of that block — so returns are not shared across lines.
//! 3. [`remove_unreachable`]: blocks no path from the entry reaches are emptied.
//! 4. `resolve_line_numbers` (see `lineno`).
//! 5. [`optimize_basic_block`] on each block: constant conditions (`LOAD_CONST c;
//!    POP_JUMP_IF_*` becomes a `JUMP` or nothing), `LOAD_CONST None; IS_OP; POP_JUMP_IF_*` becomes
//!    `POP_JUMP_IF_[NOT_]NONE`, `LOAD_CONST; RETURN_VALUE` becomes `RETURN_CONST`,
//!    `LOAD_CONST c; TO_BOOL` becomes `LOAD_CONST bool(c)`, tuples of constants are folded into one
//!    constant, `BUILD_TUPLE n; UNPACK_SEQUENCE n` becomes nothing or a `SWAP`, jumps to jumps are
//!    threaded, `TO_BOOL` after a comparison is merged into it, runs of `SWAP`s are minimised and
//!    applied statically to the stores that follow when that is safe.
//! 6. [`remove_redundant_nops_and_pairs`]: `NOP`s that carry no line, and `LOAD_CONST; POP_TOP` /
//!    `COPY 1; POP_TOP` pairs.
//! 7. [`remove_unreachable`] again, then [`remove_redundant_nops_and_jumps`] (a jump to the next
//!    block is dropped) until nothing changes.
//!
//! Transformations that shorten code first write `NOP`s; the later steps remove the ones that do
//! not carry a line number of their own (PEP 626 line events must survive).

use crate::cfg::{BlockId, Cfg, CfgError, CfgInstr, ends_block};
use crate::code::Constant;
use crate::instructions::Opcode;
use crate::location::Location;

use super::lineno;

/// The largest exit block copied instead of jumped to.
const MAX_COPY_SIZE: usize = 4;

/// The deepest `SWAP` run `swaptimize` rewrites.
const MAX_SWAPTIMIZE_DEPTH: usize = 1 << 16;

/// `optimize_cfg` (see the module doc).
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut Vec<Constant>, firstlineno: i32) -> Result<(), CfgError> {
    check_cfg(cfg)?;
    inline_small_or_no_lineno_blocks(cfg)?;
    remove_unreachable(cfg)?;
    lineno::resolve_line_numbers(cfg, firstlineno)?;
    for b in cfg.order() {
        optimize_basic_block(cfg, b, consts)?;
    }
    remove_redundant_nops_and_pairs(cfg);
    remove_unreachable(cfg)?;
    remove_redundant_nops_and_jumps(cfg)?;
    Ok(())
}

/// `check_cfg`: jumps and exits end their blocks.
pub fn check_cfg(cfg: &Cfg) -> Result<(), CfgError> {
    for b in cfg.order() {
        let instrs = &cfg.blocks[b].instrs;
        for (i, instr) in instrs.iter().enumerate() {
            if ends_block(instr.op) && i != instrs.len() - 1 {
                return Err(CfgError::new("malformed control flow graph."));
            }
        }
    }
    Ok(())
}

/// `inline_small_or_no_lineno_blocks`, repeated until nothing changes.
///
/// Each round inlines at most one more block of a chain of jumps into each block, so code
/// generation's graphs settle within as many rounds as there are blocks. A cycle of jumps between
/// blocks without line numbers (which CPython's code generator never emits, and on which CPython
/// would loop forever) would not settle: the rounds are capped there.
pub fn inline_small_or_no_lineno_blocks(cfg: &mut Cfg) -> Result<(), CfgError> {
    for _ in 0..=cfg.blocks.len() {
        let mut changes = false;
        let mut b = Some(cfg.entry);
        while let Some(id) = b {
            if inline_into(cfg, id)? {
                changes = true;
            }
            b = cfg.blocks[id].next;
        }
        if !changes {
            return Ok(());
        }
    }
    Ok(())
}

fn inline_into(cfg: &mut Cfg, bb: BlockId) -> Result<bool, CfgError> {
    let Some(&last) = cfg.blocks[bb].last() else { return Ok(false) };
    if !last.op.is_unconditional_jump() {
        return Ok(false);
    }
    let target = Cfg::target_of(&last)?;
    let t = &cfg.blocks[target];
    let small_exit_block = t.exits_scope() && t.instrs.len() <= MAX_COPY_SIZE;
    let no_lineno_no_fallthrough = t.has_no_lineno() && !t.has_fallthrough();
    if !(small_exit_block || no_lineno_no_fallthrough) {
        return Ok(false);
    }
    let removed_jump_opcode = last.op;
    let copied = cfg.blocks[target].instrs.clone();
    let block = &mut cfg.blocks[bb];
    let n = block.instrs.len();
    block.instrs[n - 1].set_op0(Opcode::NOP);
    block.instrs.extend(copied);
    if no_lineno_no_fallthrough {
        if let Some(last) = block.instrs.last_mut() {
            if last.op.is_unconditional_jump() && removed_jump_opcode == Opcode::JUMP {
                // Keep the eval-breaker check of the removed jump.
                last.op = Opcode::JUMP;
            }
        }
    }
    cfg.blocks[target].predecessors = cfg.blocks[target].predecessors.saturating_sub(1);
    Ok(true)
}

/// `remove_unreachable`: counts predecessors over the paths from the entry and empties the blocks
/// with none.
pub fn remove_unreachable(cfg: &mut Cfg) -> Result<(), CfgError> {
    let order = cfg.order();
    for &b in &order {
        cfg.blocks[b].predecessors = 0;
        cfg.blocks[b].visited = false;
    }
    let entry = cfg.entry;
    cfg.blocks[entry].predecessors = 1;
    cfg.blocks[entry].visited = true;
    let mut stack = vec![entry];
    while let Some(b) = stack.pop() {
        if let Some(next) = cfg.blocks[b].next {
            if cfg.blocks[b].has_fallthrough() {
                if !cfg.blocks[next].visited {
                    stack.push(next);
                    cfg.blocks[next].visited = true;
                }
                cfg.blocks[next].predecessors += 1;
            }
        }
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.has_jump() || instr.op.is_block_push() {
                let target = Cfg::target_of(&instr)?;
                if !cfg.blocks[target].visited {
                    stack.push(target);
                    cfg.blocks[target].visited = true;
                }
                cfg.blocks[target].predecessors += 1;
            }
        }
    }
    for &b in &order {
        if cfg.blocks[b].predecessors == 0 {
            cfg.blocks[b].instrs.clear();
            cfg.blocks[b].except_handler = false;
        }
    }
    Ok(())
}

/// The first instruction of the block a jump lands on (skipping empty blocks).
fn first_instr_of(cfg: &Cfg, target: BlockId) -> Option<CfgInstr> {
    cfg.next_nonempty(Some(target)).map(|b| cfg.blocks[b].instrs[0])
}

/// `add_const`: the index of `constant`, appended if absent.
pub(crate) fn add_const(consts: &mut Vec<Constant>, constant: Constant) -> Result<u32, CfgError> {
    if let Some(i) = consts.iter().position(|c| *c == constant) {
        return Ok(i as u32);
    }
    if consts.len() >= i32::MAX as usize - 1 {
        return Err(CfgError::new("too many constants"));
    }
    consts.push(constant);
    Ok(consts.len() as u32 - 1)
}

fn const_at(consts: &[Constant], index: u32) -> Result<Constant, CfgError> {
    consts
        .get(index as usize)
        .cloned()
        .ok_or_else(|| CfgError::new("Internal error: failed to get value of a constant"))
}

/// `jump_thread`: makes the jump at the end of `bb` go where the jump it lands on goes, writing a
/// `NOP` in its place and appending the new jump (with the location of the jump it skips).
fn jump_thread(cfg: &mut Cfg, bb: BlockId, i: usize, target: &CfgInstr, op: Opcode) -> bool {
    let inst = cfg.blocks[bb].instrs[i];
    if inst.target == target.target {
        return false;
    }
    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
    let mut jump = CfgInstr::new(op, target.oparg, target.loc);
    jump.target = target.target;
    cfg.blocks[bb].instrs.push(jump);
    true
}

/// `fold_tuple_on_constants`: `LOAD_CONST c1 .. LOAD_CONST cn; BUILD_TUPLE n` (starting at
/// `start`) becomes `NOP`s and `LOAD_CONST (c1, .., cn)`.
fn fold_tuple_on_constants(
    cfg: &mut Cfg,
    bb: BlockId,
    start: usize,
    n: usize,
    consts: &mut Vec<Constant>,
) -> Result<(), CfgError> {
    let instrs = &cfg.blocks[bb].instrs;
    if !instrs[start..start + n].iter().all(|i| i.op.has_const()) {
        return Ok(());
    }
    let items = instrs[start..start + n].iter().map(|i| const_at(consts, i.oparg)).collect::<Result<Vec<_>, _>>()?;
    let index = add_const(consts, Constant::Tuple(items.into()))?;
    let instrs = &mut cfg.blocks[bb].instrs;
    for instr in &mut instrs[start..start + n] {
        instr.set_op0(Opcode::NOP);
    }
    instrs[start + n].set_op1(Opcode::LOAD_CONST, index);
    Ok(())
}

/// `optimize_basic_block` (see the module doc).
pub fn optimize_basic_block(cfg: &mut Cfg, bb: BlockId, consts: &mut Vec<Constant>) -> Result<(), CfgError> {
    let nop = CfgInstr::new(Opcode::NOP, 0, Location::NO_LOCATION);
    let mut target = nop;
    let mut opcode = Opcode::NOP;
    let mut oparg = 0u32;
    let mut i = 0usize;
    // Jump threading follows chains of jumps; a cycle of jumps (never emitted by code generation)
    // would be followed forever, so the number of threadings per block is capped.
    let mut threads_left = cfg.blocks.len() + 1;
    while i < cfg.blocks[bb].instrs.len() {
        let inst = cfg.blocks[bb].instrs[i];
        let is_copy_of_load_const = opcode == Opcode::LOAD_CONST && inst.op == Opcode::COPY && inst.oparg == 1;
        if !is_copy_of_load_const {
            opcode = inst.op;
            oparg = inst.oparg;
            target = if opcode.has_target() { first_instr_of(cfg, Cfg::target_of(&inst)?).unwrap_or(nop) } else { nop };
        }
        let len = cfg.blocks[bb].instrs.len();
        let nextop = if i + 1 < len { Some(cfg.blocks[bb].instrs[i + 1].op) } else { None };
        let next_oparg = if i + 1 < len { cfg.blocks[bb].instrs[i + 1].oparg } else { 0 };
        let mut step_back = false;
        match opcode {
            Opcode::LOAD_CONST => match nextop {
                Some(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE) => {
                    let is_true = const_at(consts, oparg)?.is_truthy();
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    let jump_if_true = nextop == Some(Opcode::POP_JUMP_IF_TRUE);
                    if is_true == jump_if_true {
                        cfg.blocks[bb].instrs[i + 1].op = Opcode::JUMP;
                    } else {
                        cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::NOP);
                    }
                }
                Some(Opcode::IS_OP) if matches!(const_at(consts, oparg)?, Constant::None) && len > i + 2 => {
                    // LOAD_CONST None; IS_OP k; [TO_BOOL;] POP_JUMP_IF_* -> POP_JUMP_IF_[NOT_]NONE
                    let mut jump_at = i + 2;
                    if cfg.blocks[bb].instrs[jump_at].op == Opcode::TO_BOOL {
                        cfg.blocks[bb].instrs[jump_at].set_op0(Opcode::NOP);
                        jump_at = i + 3;
                    }
                    if jump_at < len {
                        let mut invert = next_oparg != 0;
                        let jump_op = cfg.blocks[bb].instrs[jump_at].op;
                        let folds = match jump_op {
                            Opcode::POP_JUMP_IF_FALSE => {
                                invert = !invert;
                                true
                            }
                            Opcode::POP_JUMP_IF_TRUE => true,
                            _ => false,
                        };
                        if folds {
                            cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                            cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::NOP);
                            cfg.blocks[bb].instrs[jump_at].op =
                                if invert { Opcode::POP_JUMP_IF_NOT_NONE } else { Opcode::POP_JUMP_IF_NONE };
                        }
                    }
                }
                Some(Opcode::RETURN_VALUE) => {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    i += 1;
                    cfg.blocks[bb].instrs[i].set_op1(Opcode::RETURN_CONST, oparg);
                }
                Some(Opcode::TO_BOOL) => {
                    let is_true = const_at(consts, oparg)?.is_truthy();
                    let index = add_const(consts, if is_true { Constant::True } else { Constant::False })?;
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    cfg.blocks[bb].instrs[i + 1].set_op1(Opcode::LOAD_CONST, index);
                }
                _ => {}
            },
            Opcode::BUILD_TUPLE => {
                if nextop == Some(Opcode::UNPACK_SEQUENCE) && oparg == next_oparg && (1..=3).contains(&oparg) {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    if oparg == 1 {
                        cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::NOP);
                    } else {
                        cfg.blocks[bb].instrs[i + 1].op = Opcode::SWAP;
                    }
                    i += 1;
                    continue;
                }
                let n = oparg as usize;
                if i >= n {
                    fold_tuple_on_constants(cfg, bb, i - n, n, consts)?;
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
                if target.op == Opcode::JUMP && threads_left > 0 =>
            {
                threads_left -= 1;
                step_back = jump_thread(cfg, bb, i, &target, inst.op);
            }
            Opcode::JUMP | Opcode::JUMP_NO_INTERRUPT => {
                let threaded = match target.op {
                    _ if threads_left == 0 => None,
                    Opcode::JUMP => Some(Opcode::JUMP),
                    Opcode::JUMP_NO_INTERRUPT => Some(opcode),
                    _ => None,
                };
                if let Some(op) = threaded {
                    threads_left -= 1;
                    if jump_thread(cfg, bb, i, &target, op) {
                        // `i -= 1; continue`: look at the NOP again, then the new jump.
                        continue;
                    }
                    i += 1;
                    continue;
                }
            }
            Opcode::STORE_FAST => {
                let next = cfg.blocks[bb].instrs.get(i + 1).copied();
                if let Some(next) = next {
                    if next.op == opcode && next.oparg == oparg && next.loc.lineno == inst.loc.lineno {
                        cfg.blocks[bb].instrs[i].set_op0(Opcode::POP_TOP);
                    }
                }
            }
            Opcode::SWAP if oparg == 1 => cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP),
            Opcode::LOAD_GLOBAL if nextop == Some(Opcode::PUSH_NULL) && oparg & 1 == 0 => {
                cfg.blocks[bb].instrs[i].set_op1(Opcode::LOAD_GLOBAL, oparg | 1);
                cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::NOP);
            }
            Opcode::COMPARE_OP if nextop == Some(Opcode::TO_BOOL) => {
                cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                cfg.blocks[bb].instrs[i + 1].set_op1(Opcode::COMPARE_OP, oparg | 16);
                i += 1;
                continue;
            }
            Opcode::CONTAINS_OP | Opcode::IS_OP => {
                if nextop == Some(Opcode::TO_BOOL) {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    cfg.blocks[bb].instrs[i + 1].set_op1(opcode, oparg);
                    i += 1;
                    continue;
                }
                if nextop == Some(Opcode::UNARY_NOT) {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    cfg.blocks[bb].instrs[i + 1].set_op1(opcode, oparg ^ 1);
                    i += 1;
                    continue;
                }
            }
            Opcode::TO_BOOL if nextop == Some(Opcode::TO_BOOL) => {
                cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                i += 1;
                continue;
            }
            Opcode::UNARY_NOT => {
                if nextop == Some(Opcode::TO_BOOL) {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::UNARY_NOT);
                    i += 1;
                    continue;
                }
                if nextop == Some(Opcode::UNARY_NOT) {
                    cfg.blocks[bb].instrs[i].set_op0(Opcode::NOP);
                    cfg.blocks[bb].instrs[i + 1].set_op0(Opcode::NOP);
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        if step_back {
            // `i -= 1` then the loop's `i++`: stay on the NOP, then see the appended jump.
            continue;
        }
        i += 1;
    }
    let mut i = 0;
    while i < cfg.blocks[bb].instrs.len() {
        if cfg.blocks[bb].instrs[i].op == Opcode::SWAP {
            swaptimize(&mut cfg.blocks[bb].instrs, &mut i);
            apply_static_swaps(&mut cfg.blocks[bb].instrs, i);
        }
        i += 1;
    }
    Ok(())
}

/// `swaptimize`: replaces the run of `SWAP`s and `NOP`s starting at `*ix` with the shortest run of
/// `SWAP`s that permutes the stack the same way; `*ix` is left on the last instruction of the run.
fn swaptimize(instrs: &mut [CfgInstr], ix: &mut usize) {
    let run = &mut instrs[*ix..];
    let mut depth = run[0].oparg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = run.len();
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        match run[len].op {
            Opcode::SWAP => {
                depth = depth.max(run[len].oparg as usize);
                more = true;
            }
            Opcode::NOP => {}
            _ => break,
        }
    }
    // The simulation needs one slot per stack item down to the deepest SWAP; an absurd depth
    // (not something code generation emits) is left alone rather than allocated for.
    if !more || depth == 0 || depth > MAX_SWAPTIMIZE_DEPTH {
        return;
    }
    // Simulate the run on a stack of positions (index 0 is the top).
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for instr in &run[..len] {
        if instr.op == Opcode::SWAP {
            let k = instr.oparg as usize;
            if k >= 1 && k <= depth {
                stack.swap(0, k - 1);
            }
        }
    }
    // Rebuild it as cycles through the top, writing SWAPs from the end of the run backwards.
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let slot = &mut run[current as usize];
                slot.op = Opcode::SWAP;
                slot.oparg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        run[current as usize].set_op0(Opcode::NOP);
        current -= 1;
    }
    *ix += len - 1;
}

/// Instructions a `SWAP` may be moved across: they only consume the top of the stack and cannot
/// jump, raise or run arbitrary code.
fn swappable(op: Opcode) -> bool {
    matches!(op, Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL | Opcode::POP_TOP)
}

fn stores_to(instr: &CfgInstr) -> Option<u32> {
    matches!(instr.op, Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL).then_some(instr.oparg)
}

fn next_swappable_instruction(instrs: &[CfgInstr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno >= 0 && instr.loc.lineno != lineno {
            // Reordering across lines would change which names are bound at a line event.
            return None;
        }
        if instr.op == Opcode::NOP {
            continue;
        }
        return swappable(instr.op).then_some(i);
    }
}

/// `apply_static_swaps`: `SWAP k` followed by swappable stores/pops becomes a reordering of those
/// instructions, when no store is to the same variable.
fn apply_static_swaps(instrs: &mut [CfgInstr], i: usize) {
    for i in (0..=i).rev() {
        let swap = instrs[i];
        if swap.op != Opcode::SWAP {
            if swap.op == Opcode::NOP || swappable(swap.op) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, i, -1) else { return };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        for _ in 1..swap.oparg {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(next) => k = next,
                None => return,
            }
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                if let Some(s) = stores_to(instr) {
                    if Some(s) == store_j || Some(s) == store_k {
                        return;
                    }
                }
            }
        }
        instrs[i].set_op0(Opcode::NOP);
        instrs.swap(j, k);
    }
}

/// `basicblock_remove_redundant_nops`: drops the `NOP`s whose line is already marked by a
/// neighbour; returns how many instructions were removed.
pub fn remove_redundant_nops_in_block(cfg: &mut Cfg, bb: BlockId) -> usize {
    if !cfg.blocks[bb].instrs.iter().any(|i| i.op == Opcode::NOP) {
        return 0;
    }
    // The location of the first instruction of the next non-empty block, skipping NOPs without
    // a location (they will go); needed only when the block ends with a NOP.
    let next_loc = if cfg.blocks[bb].instrs.last().is_some_and(|i| i.op == Opcode::NOP) {
        cfg.next_nonempty(cfg.blocks[bb].next).map(|next| {
            cfg.blocks[next]
                .instrs
                .iter()
                .find(|i| !(i.op == Opcode::NOP && i.loc.lineno == Location::NO_LOCATION.lineno))
                .map_or(Location::NO_LOCATION, |i| i.loc)
        })
    } else {
        None
    };
    let instrs = &mut cfg.blocks[bb].instrs;
    let mut dest = 0;
    let mut prev_lineno = -1;
    let n = instrs.len();
    for src in 0..n {
        let instr = instrs[src];
        let lineno = instr.loc.lineno;
        if instr.op == Opcode::NOP {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    instrs[src + 1].loc = instr.loc;
                    continue;
                }
            } else if let Some(next_loc) = next_loc {
                if lineno == next_loc.lineno {
                    continue;
                }
            }
        }
        instrs[dest] = instr;
        dest += 1;
        prev_lineno = lineno;
    }
    let removed = n - dest;
    instrs.truncate(dest);
    removed
}

/// `remove_redundant_nops` over every block.
pub fn remove_redundant_nops(cfg: &mut Cfg) -> usize {
    let mut changes = 0;
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        changes += remove_redundant_nops_in_block(cfg, id);
        b = cfg.blocks[id].next;
    }
    changes
}

/// `remove_redundant_nops_and_pairs`: also removes `LOAD_CONST; POP_TOP` and `COPY 1; POP_TOP`
/// (looking across fall-through edges into blocks that are not jump targets).
pub fn remove_redundant_nops_and_pairs(cfg: &mut Cfg) {
    let mut done = false;
    while !done {
        done = true;
        let mut instr: Option<(BlockId, usize)> = None;
        let mut b = Some(cfg.entry);
        while let Some(id) = b {
            remove_redundant_nops_in_block(cfg, id);
            if cfg.blocks[id].label.is_some() {
                instr = None;
            }
            for i in 0..cfg.blocks[id].instrs.len() {
                let prev = instr;
                instr = Some((id, i));
                let (prev_op, prev_oparg) = match prev {
                    Some((pb, pi)) => (Some(cfg.blocks[pb].instrs[pi].op), cfg.blocks[pb].instrs[pi].oparg),
                    None => (None, 0),
                };
                let redundant_pair = cfg.blocks[id].instrs[i].op == Opcode::POP_TOP
                    && (prev_op == Some(Opcode::LOAD_CONST) || (prev_op == Some(Opcode::COPY) && prev_oparg == 1));
                if redundant_pair {
                    if let Some((pb, pi)) = prev {
                        cfg.blocks[pb].instrs[pi].set_op0(Opcode::NOP);
                    }
                    cfg.blocks[id].instrs[i].set_op0(Opcode::NOP);
                    done = false;
                }
            }
            let ends_with_jump = instr.is_some_and(|(ib, ii)| cfg.blocks[ib].instrs[ii].op.has_jump());
            if ends_with_jump || !cfg.blocks[id].has_fallthrough() {
                instr = None;
            }
            b = cfg.blocks[id].next;
        }
    }
}

/// `remove_redundant_jumps`: an unconditional jump to the next non-empty block becomes a `NOP`;
/// returns how many.
pub fn remove_redundant_jumps(cfg: &mut Cfg) -> Result<usize, CfgError> {
    let mut changes = 0;
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        if let Some(&last) = cfg.blocks[id].last() {
            if last.op.is_unconditional_jump() {
                let jump_target = cfg.next_nonempty(last.target);
                if jump_target.is_none() {
                    return Err(CfgError::new("jump with NULL target"));
                }
                if jump_target == cfg.next_nonempty(cfg.blocks[id].next) {
                    changes += 1;
                    let n = cfg.blocks[id].instrs.len();
                    cfg.blocks[id].instrs[n - 1].set_op0(Opcode::NOP);
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    Ok(changes)
}

/// `remove_redundant_nops_and_jumps`: both, until neither changes anything.
pub fn remove_redundant_nops_and_jumps(cfg: &mut Cfg) -> Result<(), CfgError> {
    loop {
        let removed_nops = remove_redundant_nops(cfg);
        let removed_jumps = remove_redundant_jumps(cfg)?;
        if removed_nops + removed_jumps == 0 {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{listing, seq};
    use super::*;

    fn optimized(items: &[(&str, i64, i32)], consts: &mut Vec<Constant>) -> Vec<String> {
        let mut cfg = Cfg::from_seq(&seq(items)).unwrap();
        super::super::exceptions::mark_except_handlers(&mut cfg).unwrap();
        super::super::exceptions::label_exception_targets(&mut cfg).unwrap();
        optimize_cfg(&mut cfg, consts, 1).unwrap();
        listing(&cfg)
    }

    #[test]
    fn code_after_return_is_removed() {
        let mut consts = vec![Constant::None];
        let out = optimized(
            &[("LOAD_NAME", 0, 1), ("RETURN_VALUE", 0, 1), ("LOAD_NAME", 1, 2), ("RETURN_VALUE", 0, 2)],
            &mut consts,
        );
        assert_eq!(out, vec!["LOAD_NAME 0", "RETURN_VALUE"]);
    }

    #[test]
    fn a_jump_to_a_jump_is_threaded() {
        let mut consts = vec![Constant::None];
        let out = optimized(
            &[
                ("LOAD_NAME", 0, 1),
                ("POP_JUMP_IF_FALSE", 1, 1),
                ("LOAD_NAME", 1, 2),
                ("POP_TOP", 0, 2),
                ("L1:", 0, 0),
                ("JUMP", 2, 3),
                ("LOAD_NAME", 2, 4),
                ("POP_TOP", 0, 4),
                ("L2:", 0, 0),
                ("LOAD_NAME", 3, 3),
                ("POP_TOP", 0, 3),
                ("LOAD_NAME", 4, 5),
                ("RETURN_VALUE", 0, 5),
            ],
            &mut consts,
        );
        // The conditional jump now goes straight to L2's block (its first instruction is LOAD_NAME 3).
        assert!(out.contains(&"POP_JUMP_IF_FALSE -> LOAD_NAME".to_string()), "{out:?}");
        assert!(!out.iter().any(|l| l.starts_with("JUMP")), "{out:?}");
    }

    #[test]
    fn tuples_of_constants_are_folded() {
        let mut consts = vec![Constant::Int(1), Constant::Int(2)];
        let out = optimized(
            &[
                ("LOAD_CONST", 0, 1),
                ("LOAD_CONST", 1, 1),
                ("BUILD_TUPLE", 2, 1),
                ("STORE_NAME", 0, 1),
                ("RETURN_CONST", 0, 1),
            ],
            &mut consts,
        );
        assert_eq!(out, vec!["LOAD_CONST 2", "STORE_NAME 0", "RETURN_CONST 0"]);
        assert_eq!(consts[2], Constant::tuple([Constant::Int(1), Constant::Int(2)]));
    }

    #[test]
    fn constant_conditions_become_jumps_or_nothing() {
        let mut consts = vec![Constant::Int(0), Constant::None];
        // if 0: x  (the body is unreachable and goes)
        let out = optimized(
            &[
                ("LOAD_CONST", 0, 1),
                ("POP_JUMP_IF_FALSE", 0, 1),
                ("LOAD_NAME", 0, 2),
                ("POP_TOP", 0, 2),
                ("L0:", 0, 0),
                ("RETURN_CONST", 1, 3),
            ],
            &mut consts,
        );
        assert_eq!(out, vec!["NOP", "RETURN_CONST 1"]);
    }

    #[test]
    fn swaps_are_applied_to_stores() {
        let mut consts = vec![Constant::None];
        // a, b = b, a  →  LOAD_NAME b; LOAD_NAME a; SWAP 2; STORE_FAST a; STORE_FAST b
        let out = optimized(
            &[
                ("LOAD_FAST", 1, 1),
                ("LOAD_FAST", 0, 1),
                ("SWAP", 2, 1),
                ("STORE_FAST", 0, 1),
                ("STORE_FAST", 1, 1),
                ("RETURN_CONST", 0, 1),
            ],
            &mut consts,
        );
        assert_eq!(out, vec!["LOAD_FAST 1", "LOAD_FAST 0", "STORE_FAST 1", "STORE_FAST 0", "RETURN_CONST 0"]);
    }

    #[test]
    fn load_const_return_becomes_return_const() {
        let mut consts = vec![Constant::None];
        let out = optimized(&[("LOAD_CONST", 0, 1), ("RETURN_VALUE", 0, 1)], &mut consts);
        assert_eq!(out, vec!["RETURN_CONST 0"]);
    }
}
