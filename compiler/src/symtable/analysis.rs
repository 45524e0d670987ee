//! Pass 2: resolve every name of every block to a scope (`analyze_block` in `symtable.c`).
//!
//! Going down, each block receives `bound` (names bound in enclosing function-like blocks),
//! `global` (names declared or known global) and `type_params`; a class additionally lets the
//! annotation scopes directly inside it see its own namespace (`class_entry`). Each name is
//! decided by `analyze_name`:
//!
//! - `global x` → GLOBAL_EXPLICIT; `nonlocal x` → FREE, and `x` must be bound outside;
//! - bound here → LOCAL;
//! - otherwise, bound in an enclosing function → FREE, else
//!   GLOBAL_IMPLICIT (a name declared global in an enclosing block is an implicit global too).
//!
//! Coming back up, children report the names they need free; a LOCAL the children need becomes a
//! CELL (`analyze_cells`), a class swallows `__class__`/`__classdict__` (it provides those cells
//! itself, `drop_class_free`), and the remaining free names are recorded in the block too
//! (`update_symbols`), so that a function between the binding and the use passes the cell on.
//! Inlined comprehensions (list/set/dict comprehensions outside annotation scopes) have their
//! symbols merged into the parent (`inline_comprehension`) and their children spliced into the
//! parent's children.

use std::borrow::Cow;
use std::collections::BTreeSet;

use pyrt_syntax::{LineIndex, SyntaxError};

use super::*;
use crate::located::compiler_error;

type NameSet = BTreeSet<String>;

pub(super) fn analyze(table: &mut SymbolTable, source: &str) -> Result<(), SyntaxError> {
    let mut cx = Analysis { table, source, index: LineIndex::new(source) };
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    let mut type_params = NameSet::new();
    cx.analyze_block(0, None, &mut free, &mut global, &mut type_params, None)
}

struct Analysis<'t, 's> {
    table: &'t mut SymbolTable,
    source: &'s str,
    index: LineIndex,
}

/// The scope of each name of a block, while it is being analysed.
type Scopes = FxIndexMap<String, Scope>;

impl Analysis<'_, '_> {
    /// `error_at_directive`: errors about `global`/`nonlocal` point at the declaration.
    fn error_at_directive(&self, block: BlockId, name: &str, msg: String) -> SyntaxError {
        let b = &self.table.blocks[block];
        let range = b.directives.iter().find(|(n, _)| n == name).map(|(_, r)| *r).unwrap_or(b.range);
        compiler_error(msg, self.source, &self.index, range)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        block: BlockId,
        scopes: &mut Scopes,
        name: &str,
        flags: u32,
        bound: Option<&mut Cow<'_, NameSet>>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
        type_params: &mut NameSet,
        class_entry: Option<BlockId>,
    ) -> Result<(), SyntaxError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.error_at_directive(block, name, format!("name '{name}' is nonlocal and global")));
            }
            scopes.insert(name.to_string(), Scope::GlobalExplicit);
            global.insert(name.to_string());
            // Nested functions see the global, not a binding of an enclosing function.
            if let Some(bound) = bound.filter(|b| b.contains(name)) {
                bound.to_mut().remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(self.error_at_directive(
                    block,
                    name,
                    "nonlocal declaration not allowed at module level".to_string(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.error_at_directive(block, name, format!("no binding for nonlocal '{name}' found")));
            }
            if type_params.contains(name) {
                return Err(self.error_at_directive(
                    block,
                    name,
                    format!("nonlocal binding not allowed for type parameter '{name}'"),
                ));
            }
            scopes.insert(name.to_string(), Scope::Free);
            free.insert(name.to_string());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.to_string(), Scope::Local);
            local.insert(name.to_string());
            global.remove(name);
            if flags & DEF_TYPE_PARAM != 0 {
                type_params.insert(name.to_string());
            } else {
                type_params.remove(name);
            }
            return Ok(());
        }
        if let Some(class) = class_entry {
            let class_flags = self.table.blocks[class].symbol(name);
            if class_flags & DEF_GLOBAL != 0 {
                scopes.insert(name.to_string(), Scope::GlobalExplicit);
                return Ok(());
            } else if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
                scopes.insert(name.to_string(), Scope::GlobalImplicit);
                return Ok(());
            }
        }
        if bound.is_some_and(|b| b.contains(name)) {
            scopes.insert(name.to_string(), Scope::Free);
            free.insert(name.to_string());
            return Ok(());
        }
        // A global declared in an enclosing block: CPython's comment says "explicit?" but it
        // records an implicit global, which is what the compiler needs (LOAD_GLOBAL either way).
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        Ok(())
    }

    /// Analyses `block`; on return `free` holds (in addition to what it held) the names the block
    /// and its children need from outside.
    fn analyze_block(
        &mut self,
        block: BlockId,
        bound: Option<&NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
        type_params: &mut NameSet,
        class_entry: Option<BlockId>,
    ) -> Result<(), SyntaxError> {
        let mut local = NameSet::new();
        let mut scopes = Scopes::default();
        let mut newglobal = NameSet::new();
        let mut newfree = NameSet::new();
        let mut newbound = NameSet::new();
        let mut inlined_cells = NameSet::new();
        let kind = self.table.blocks[block].kind;
        // The names bound in enclosing functions, as this block passes them on: a `global x`
        // here takes `x` out for the children (CPython's `PySet_Discard(bound, name)`); copied
        // only then.
        let mut bound: Option<Cow<'_, NameSet>> = bound.map(Cow::Borrowed);

        if kind == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }

        let symbols: Vec<(String, u32)> =
            self.table.blocks[block].symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for (name, flags) in &symbols {
            self.analyze_name(
                block,
                &mut scopes,
                name,
                *flags,
                bound.as_mut(),
                &mut local,
                free,
                global,
                type_params,
                class_entry,
            )?;
        }

        if kind != BlockType::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
            newbound.insert("__classdict__".into());
        }

        let children = self.table.blocks[block].children.clone();
        let can_see_class_scope = self.table.blocks[block].can_see_class_scope;
        for &child in &children {
            let c = &self.table.blocks[child];
            let new_class_entry = if c.can_see_class_scope {
                if kind == BlockType::Class { Some(block) } else { class_entry }
            } else {
                None
            };
            let inline_comp = c.comprehension != ComprehensionKind::None && !c.generator && !can_see_class_scope;
            // analyze_child_block: the child works on copies.
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            let mut child_type_params = type_params.clone();
            crate::deep::grow(|| {
                self.analyze_block(
                    child,
                    Some(&newbound),
                    &mut child_free,
                    &mut child_global,
                    &mut child_type_params,
                    new_class_entry,
                )
            })?;
            if inline_comp {
                self.inline_comprehension(block, child, &mut scopes, &mut child_free, &mut inlined_cells);
                self.table.blocks[child].comp_inlined = true;
            }
            newfree.extend(child_free);
        }

        // Splice the children of inlined comprehensions into our children.
        let mut spliced = Vec::with_capacity(children.len());
        for &child in &children {
            if self.table.blocks[child].comp_inlined {
                spliced.extend(self.table.blocks[child].children.iter().copied());
            } else {
                spliced.push(child);
            }
        }
        self.table.blocks[block].children = spliced;

        if kind.is_function_like() {
            analyze_cells(&mut scopes, &mut newfree, &inlined_cells);
        } else if kind == BlockType::Class {
            if newfree.remove("__class__") {
                self.table.blocks[block].needs_class_closure = true;
            }
            if newfree.remove("__classdict__") {
                self.table.blocks[block].needs_classdict = true;
            }
        }
        let classflag = kind == BlockType::Class || can_see_class_scope;
        update_symbols(
            &mut self.table.blocks[block].symbols,
            &scopes,
            bound.as_deref(),
            &newfree,
            &inlined_cells,
            classflag,
        );
        free.extend(newfree);
        Ok(())
    }

    fn inline_comprehension(
        &mut self,
        block: BlockId,
        comp: BlockId,
        scopes: &mut Scopes,
        comp_free: &mut NameSet,
        inlined_cells: &mut NameSet,
    ) {
        let mut remove_dunder_class = false;
        let comp_symbols: Vec<(String, u32)> =
            self.table.blocks[comp].symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
        let block_kind = self.table.blocks[block].kind;
        for (name, comp_flags) in comp_symbols {
            if comp_flags & DEF_PARAM != 0 {
                continue; // the `.0` parameter
            }
            let mut scope = Scope::from_bits((comp_flags >> SCOPE_OFFSET) & SCOPE_MASK);
            let only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
            if scope == Scope::Cell || only_flags & DEF_COMP_CELL != 0 {
                inlined_cells.insert(name.clone());
            }
            let existing = self.table.blocks[block].symbols.get(&name).copied();
            if scope == Scope::Free && block_kind == BlockType::Class && name == "__class__" {
                scope = Scope::GlobalImplicit;
                comp_free.remove(&name);
                remove_dunder_class = true;
            }
            match existing {
                None => {
                    self.table.blocks[block].symbols.insert(name.clone(), only_flags);
                    scopes.insert(name, scope);
                }
                Some(existing) => {
                    if existing & DEF_BOUND != 0
                        && !self.is_free_in_any_child(comp, &name)
                        && block_kind != BlockType::Class
                    {
                        comp_free.remove(&name);
                    }
                }
            }
        }
        if remove_dunder_class {
            self.table.blocks[comp].symbols.shift_remove("__class__");
        }
    }

    fn is_free_in_any_child(&self, block: BlockId, name: &str) -> bool {
        self.table.blocks[block].children.iter().any(|&c| self.table.blocks[c].scope_of(name) == Scope::Free)
    }
}

/// A LOCAL that a child needs free (or that is a cell of an inlined comprehension) is a CELL.
fn analyze_cells(scopes: &mut Scopes, free: &mut NameSet, inlined_cells: &NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope != Scope::Local {
            continue;
        }
        if !free.contains(name) && !inlined_cells.contains(name) {
            continue;
        }
        *scope = Scope::Cell;
        free.remove(name);
    }
}

/// Stores each name's scope in its flags and records the free names of children that pass
/// through this block.
fn update_symbols(
    symbols: &mut FxIndexMap<String, u32>,
    scopes: &Scopes,
    bound: Option<&NameSet>,
    free: &NameSet,
    inlined_cells: &NameSet,
    classflag: bool,
) {
    for (name, flags) in symbols.iter_mut() {
        if inlined_cells.contains(name) {
            *flags |= DEF_COMP_CELL;
        }
        let scope = scopes.get(name).copied().unwrap_or(Scope::Unknown);
        *flags |= (scope as u32) << SCOPE_OFFSET;
    }
    for name in free {
        if let Some(flags) = symbols.get_mut(name) {
            if classflag {
                *flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue; // a global
        }
        symbols.insert(name.clone(), (Scope::Free as u32) << SCOPE_OFFSET);
    }
}
