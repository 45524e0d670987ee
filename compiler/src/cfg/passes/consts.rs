//! `remove_unused_consts`: drop constants no instruction loads (after folding made some
//! unused), keeping the order of the rest and `consts[0]` (possibly a docstring) always.

use crate::cfg::{Cfg, CfgError};
use crate::code::Constant;

/// Compacts `consts` and renumbers the opargs of `LOAD_CONST`/`RETURN_CONST`.
pub fn remove_unused_consts(cfg: &mut Cfg, consts: &mut Vec<Constant>) -> Result<(), CfgError> {
    let n = consts.len();
    if n == 0 {
        return Ok(());
    }
    let order = cfg.order();
    let mut used = vec![false; n];
    used[0] = true;
    for &b in &order {
        for instr in &cfg.blocks[b].instrs {
            if instr.op.has_const() {
                *used.get_mut(instr.oparg as usize).ok_or_else(|| CfgError::new("constant index out of range"))? = true;
            }
        }
    }
    if used.iter().all(|&u| u) {
        return Ok(());
    }
    let mut new_index = vec![u32::MAX; n];
    let mut kept = Vec::with_capacity(n);
    for (i, c) in consts.drain(..).enumerate() {
        if used[i] {
            new_index[i] = kept.len() as u32;
            kept.push(c);
        }
    }
    *consts = kept;
    for &b in &order {
        for instr in cfg.blocks[b].instrs.iter_mut() {
            if instr.op.has_const() {
                instr.oparg = new_index[instr.oparg as usize];
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{listing, seq};
    use super::*;

    #[test]
    fn unused_constants_go_and_indices_follow() {
        let mut consts = vec![Constant::str("doc"), Constant::Int(1), Constant::Int(2), Constant::None];
        let mut cfg = Cfg::from_seq(&seq(&[("LOAD_CONST", 2, 1), ("POP_TOP", 0, 1), ("RETURN_CONST", 3, 1)])).unwrap();
        remove_unused_consts(&mut cfg, &mut consts).unwrap();
        assert_eq!(consts, vec![Constant::str("doc"), Constant::Int(2), Constant::None]);
        assert_eq!(listing(&cfg), vec!["LOAD_CONST 1", "POP_TOP", "RETURN_CONST 2"]);
    }
}
