//! Stack depth (`calculate_stackdepth` in CPython 3.13's `flowgraph.c`).
//!
//! A depth-first walk from the entry block with depth 0. Each instruction changes the depth by
//! its fall-through stack effect; a jump or `SETUP_*` also propagates `depth + effect when
//! taken` to its target. Every block must be entered with one depth whatever the path (CPython's
//! invariant that the stack depth at each instruction is static); a second, different depth is an
//! error, and so is a negative one. The result is the largest depth seen: `co_stacksize`. As in
//! CPython, each block's entry depth is kept (`startdepth`): the exception table reports the depth
//! of each handler from it. The result is at least 1, as in CPython.

use super::{Cfg, CfgError};

/// Computes every block's entry depth and returns the maximum depth.
pub fn calculate_stackdepth(cfg: &mut Cfg) -> Result<i32, CfgError> {
    for id in cfg.order() {
        cfg.blocks[id].startdepth = i32::MIN;
    }
    let mut stack = Vec::new();
    let mut maxdepth = 0;
    push(cfg, &mut stack, cfg.entry, 0)?;
    while let Some(b) = stack.pop() {
        let mut depth = cfg.blocks[b].startdepth;
        let mut next = cfg.blocks[b].next;
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            let effect = instr.op.stack_effect(instr.oparg, Some(false)).ok_or_else(|| {
                CfgError::new(format!("Invalid stack effect for opcode={}, arg={}", instr.op.number(), instr.oparg))
            })?;
            let new_depth = depth.checked_add(effect).ok_or_else(|| CfgError::new("Invalid CFG, stack overflow"))?;
            if new_depth < 0 {
                return Err(CfgError::new("Invalid CFG, stack underflow"));
            }
            maxdepth = maxdepth.max(new_depth);
            if instr.op.has_target() {
                let jump_effect = instr.op.stack_effect(instr.oparg, Some(true)).unwrap_or(effect);
                let target_depth =
                    depth.checked_add(jump_effect).ok_or_else(|| CfgError::new("Invalid CFG, stack overflow"))?;
                if target_depth < 0 {
                    return Err(CfgError::new("Invalid CFG, stack underflow"));
                }
                maxdepth = maxdepth.max(target_depth);
                push(cfg, &mut stack, Cfg::target_of(&instr)?, target_depth)?;
            }
            depth = new_depth;
            if instr.op.is_unconditional_jump() || instr.op.is_scope_exit() {
                next = None;
                break;
            }
        }
        if let Some(next) = next {
            push(cfg, &mut stack, next, depth)?;
        }
    }
    // CPython 3.13 never reports a stack size of 0 (`def f(): pass` and `while True: pass` get 1;
    // RETURN_CONST, which is LOAD_CONST + RETURN_VALUE, needs the slot for its value).
    Ok(maxdepth.max(1))
}

/// `stackdepth_push`: records the entry depth of `b`, queueing it the first time.
fn push(cfg: &mut Cfg, stack: &mut Vec<usize>, b: usize, depth: i32) -> Result<(), CfgError> {
    let block = &mut cfg.blocks[b];
    if !(block.startdepth < 0 || block.startdepth == depth) {
        return Err(CfgError::new("Invalid CFG, inconsistent stackdepth"));
    }
    if block.startdepth < depth && block.startdepth < 100 {
        block.startdepth = depth;
        stack.push(b);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::seq;
    use super::*;

    #[test]
    fn depth_of_a_loop() {
        // for x in y: f(x)  — the iterator stays on the stack across the loop.
        let s = seq(&[
            ("LOAD_NAME", 0, 1),
            ("GET_ITER", 0, 1),
            ("L0:", 0, 0),
            ("FOR_ITER", 1, 1),
            ("STORE_NAME", 1, 1),
            ("LOAD_NAME", 2, 1),
            ("PUSH_NULL", 0, 1),
            ("LOAD_NAME", 1, 1),
            ("CALL", 1, 1),
            ("POP_TOP", 0, 1),
            ("JUMP", 0, 1),
            ("L1:", 0, 0),
            ("END_FOR", 0, 1),
            ("RETURN_CONST", 0, 1),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        // iterator + callable + NULL + argument
        assert_eq!(calculate_stackdepth(&mut cfg).unwrap(), 4);
    }

    #[test]
    fn handlers_get_the_depth_of_their_setup_plus_the_exception() {
        let s = seq(&[
            ("LOAD_CONST", 0, 1),
            ("SETUP_CLEANUP", 0, 1),
            ("NOP", 0, 1),
            ("POP_BLOCK", 0, 1),
            ("RETURN_VALUE", 0, 1),
            ("L0:", 0, 0),
            ("POP_TOP", 0, 1),
            ("POP_TOP", 0, 1),
            ("RETURN_VALUE", 0, 1),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        assert_eq!(calculate_stackdepth(&mut cfg).unwrap(), 3);
        let handler = cfg.order()[1];
        assert_eq!(cfg.blocks[handler].startdepth, 3);
    }

    #[test]
    fn inconsistent_depths_are_an_error() {
        let s = seq(&[
            ("LOAD_CONST", 0, 1),
            ("POP_JUMP_IF_FALSE", 0, 1),
            ("LOAD_CONST", 0, 1),
            ("L0:", 0, 0),
            ("RETURN_CONST", 0, 1),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        assert_eq!(calculate_stackdepth(&mut cfg).unwrap_err().msg, "Invalid CFG, inconsistent stackdepth");
        let s = seq(&[("POP_TOP", 0, 1), ("RETURN_CONST", 0, 1)]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        assert_eq!(calculate_stackdepth(&mut cfg).unwrap_err().msg, "Invalid CFG, stack underflow");
    }
}
