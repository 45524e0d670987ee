//! Exception handlers: from `SETUP_*`/`POP_BLOCK` pseudo-instructions to a handler per instruction.
//!
//! Code generation brackets protected code with `SETUP_FINALLY handler` (or `SETUP_CLEANUP`,
//! `SETUP_WITH`) and `POP_BLOCK`. [`label_exception_targets`] walks the graph with a stack of
//! active handlers per path (`ExceptStack`), and records in every instruction the handler that is
//! on top when it runs (`i_except`); `POP_BLOCK`s become `NOP`s. Assembly later turns runs of
//! instructions with the same handler into exception-table entries, so no instruction is spent
//! on setting up a `try` (zero-cost exceptions).
//!
//! The same walk sets bit 2 of the oparg of a `RESUME` after a `yield` when exactly one handler is
//! active at that `yield` (`RESUME_OPARG_DEPTH1_MASK`): the generator's own cleanup handler.

use crate::cfg::{BlockId, Cfg, CfgError};
use crate::instructions::Opcode;

/// `RESUME`'s oparg for the start of a function (the others follow a yield or an await).
const RESUME_AT_FUNC_START: u32 = 0;
/// Set in `RESUME`'s oparg when the yield it follows had an exception depth of one.
const RESUME_OPARG_DEPTH1_MASK: u32 = 0x4;

/// Marks the targets of `SETUP_*` as exception handlers (`mark_except_handlers`).
pub fn mark_except_handlers(cfg: &mut Cfg) -> Result<(), CfgError> {
    for b in cfg.order() {
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.is_block_push() {
                let target = Cfg::target_of(&instr)?;
                cfg.blocks[target].except_handler = true;
            }
        }
    }
    Ok(())
}

/// The handlers active on one path: `handlers[0]` is "none", the top is the innermost.
#[derive(Clone)]
struct ExceptStack {
    handlers: Vec<Option<BlockId>>,
}

impl ExceptStack {
    fn top(&self) -> Option<BlockId> {
        *self.handlers.last().unwrap_or(&None)
    }

    fn depth(&self) -> usize {
        self.handlers.len() - 1
    }
}

/// `label_exception_targets` (see the module doc).
pub fn label_exception_targets(cfg: &mut Cfg) -> Result<(), CfgError> {
    cfg.clear_visited();
    let mut stacks: Vec<Option<ExceptStack>> = vec![None; cfg.blocks.len()];
    let entry = cfg.entry;
    stacks[entry] = Some(ExceptStack { handlers: vec![None] });
    cfg.blocks[entry].visited = true;
    let mut todo = vec![entry];
    while let Some(b) = todo.pop() {
        let mut except_stack =
            stacks[b].take().ok_or_else(|| CfgError::new("label_exception_targets: block without a handler stack"))?;
        let mut handler = except_stack.top();
        let mut last_yield_except_depth: Option<usize> = None;
        let mut stack_moved = false;
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.is_block_push() {
                let target = Cfg::target_of(&instr)?;
                if !cfg.blocks[target].visited {
                    stacks[target] = Some(except_stack.clone());
                    cfg.blocks[target].visited = true;
                    todo.push(target);
                }
                if matches!(instr.op, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                    cfg.blocks[target].preserve_lasti = true;
                }
                except_stack.handlers.push(Some(target));
                handler = Some(target);
            } else if instr.op == Opcode::POP_BLOCK {
                if except_stack.depth() == 0 {
                    return Err(CfgError::new("POP_BLOCK without an active handler"));
                }
                except_stack.handlers.pop();
                handler = except_stack.top();
                cfg.blocks[b].instrs[i].set_op0(Opcode::NOP);
            } else if instr.op.has_jump() {
                cfg.blocks[b].instrs[i].except = handler;
                let target = Cfg::target_of(&instr)?;
                if !cfg.blocks[target].visited {
                    if cfg.blocks[b].has_fallthrough() {
                        stacks[target] = Some(except_stack.clone());
                    } else {
                        stacks[target] = Some(except_stack.clone());
                        stack_moved = true;
                    }
                    cfg.blocks[target].visited = true;
                    todo.push(target);
                }
            } else if instr.op == Opcode::YIELD_VALUE {
                cfg.blocks[b].instrs[i].except = handler;
                last_yield_except_depth = Some(except_stack.depth());
            } else if instr.op == Opcode::RESUME {
                cfg.blocks[b].instrs[i].except = handler;
                if instr.oparg != RESUME_AT_FUNC_START {
                    if last_yield_except_depth == Some(1) {
                        cfg.blocks[b].instrs[i].oparg |= RESUME_OPARG_DEPTH1_MASK;
                    }
                    last_yield_except_depth = None;
                }
            } else {
                cfg.blocks[b].instrs[i].except = handler;
            }
        }
        if cfg.blocks[b].has_fallthrough() && !stack_moved {
            if let Some(next) = cfg.blocks[b].next {
                if !cfg.blocks[next].visited {
                    stacks[next] = Some(except_stack);
                    cfg.blocks[next].visited = true;
                    todo.push(next);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::seq;
    use super::*;

    #[test]
    fn instructions_between_setup_and_pop_block_get_the_handler() {
        let s = seq(&[
            ("NOP", 0, 1),
            ("SETUP_FINALLY", 0, 1),
            ("LOAD_NAME", 0, 2),
            ("POP_TOP", 0, 2),
            ("POP_BLOCK", 0, -1),
            ("RETURN_CONST", 0, 3),
            ("L0:", 0, 0),
            ("POP_TOP", 0, 4),
            ("RETURN_CONST", 0, 4),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        mark_except_handlers(&mut cfg).unwrap();
        label_exception_targets(&mut cfg).unwrap();
        let order = cfg.order();
        let body = &cfg.blocks[order[0]];
        let handler = order[1];
        assert!(cfg.blocks[handler].except_handler);
        assert!(!cfg.blocks[handler].preserve_lasti);
        let excepts: Vec<Option<BlockId>> = body.instrs.iter().map(|i| i.except).collect();
        // NOP, SETUP (no record), LOAD_NAME, POP_TOP, POP_BLOCK->NOP (no record), RETURN_CONST
        assert_eq!(excepts, vec![None, None, Some(handler), Some(handler), None, None]);
        assert_eq!(body.instrs[4].op, Opcode::NOP);
        assert!(cfg.blocks[handler].instrs.iter().all(|i| i.except.is_none()));
    }

    #[test]
    fn resume_after_a_yield_at_depth_one_is_marked() {
        let s = seq(&[
            ("SETUP_CLEANUP", 0, -1),
            ("RESUME", 0, 1),
            ("LOAD_CONST", 0, 2),
            ("YIELD_VALUE", 0, 2),
            ("RESUME", 1, 2),
            ("RETURN_CONST", 0, 2),
            ("L0:", 0, 0),
            ("RERAISE", 1, -1),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        mark_except_handlers(&mut cfg).unwrap();
        label_exception_targets(&mut cfg).unwrap();
        let body = &cfg.blocks[cfg.entry];
        assert_eq!(body.instrs[1].oparg, 0);
        assert_eq!(body.instrs[4].oparg, 5);
        assert!(cfg.blocks[cfg.order()[1]].preserve_lasti);
    }
}
