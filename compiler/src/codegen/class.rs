//! Class definitions (`compiler_class`, `compiler_class_body`).
//!
//! `class C(B, metaclass=M): body` becomes `C = __build_class__(<function of body>, 'C', B,
//! metaclass=M)`. The body function stores `__module__`, `__qualname__`, `__firstlineno__` and (in
//! 3.13) `__static_attributes__` — the names assigned as `self.x` in its methods — and returns the
//! `__class__` cell when a method uses `super()` or `__class__`. A generic class
//! `class C[T](B)` is built inside a `<generic parameters of C>` scope that also passes
//! `Generic[T]` (`.generic_base`) as an extra base.

use pyrt_syntax::ast::{ExprContext, ExprKind, Stmt, StmtKind};

use super::*;

impl<'a> Compiler<'a, '_> {
    pub(crate) fn class_def(&mut self, s: &'a Stmt<'a>) -> CResult {
        let StmtKind::ClassDef { name, bases, keywords, body, decorator_list, type_params } = &s.node else {
            unreachable!("a class definition")
        };
        self.decorators(decorator_list)?;
        let firstlineno = match decorator_list.first() {
            Some(d) => self.loc(d.range).lineno as u32,
            None => self.loc(s.range).lineno as u32,
        };
        let loc = self.loc(s.range);
        let is_generic = !type_params.is_empty();
        if is_generic {
            let scope_name = format!("<generic parameters of {name}>");
            self.enter_scope(&scope_name, ScopeType::TypeParams, symtable::type_params_key(type_params), firstlineno)?;
            self.u().private = Some(name.to_string());
            self.type_params(type_params)?;
            self.nameop(".type_params", ExprContext::Store, loc)?;
        }
        self.class_body(s, name, body, type_params.len(), firstlineno)?;
        if is_generic {
            self.nameop(".type_params", ExprContext::Load, loc)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, loc);
            self.nameop(".generic_base", ExprContext::Store, loc)?;
            let generic_base =
                ast::Expr { node: ExprKind::Name { id: ".generic_base", ctx: ExprContext::Load }, range: s.range };
            let mut all_bases: Vec<ast::Expr<'a>> = bases.to_vec();
            all_bases.push(generic_base);
            let all_bases = self.arena.alloc_slice_clone(&all_bases);
            self.call_helper(loc, 2, all_bases, keywords)?;
            let code = self.finish_unit(false)?;
            self.make_closure(loc, code, 0)?;
            self.emit_noarg(Opcode::PUSH_NULL, loc);
            self.emit(Opcode::CALL, 0, loc);
        } else {
            self.call_helper(loc, 2, bases, keywords)?;
        }
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store, loc)
    }

    /// `compiler_class_body`: compiles the body function and pushes `__build_class__`, NULL, the
    /// function and the name.
    fn class_body(
        &mut self,
        s: &'a Stmt<'a>,
        name: &str,
        body: &'a [Stmt<'a>],
        n_type_params: usize,
        firstlineno: u32,
    ) -> CResult {
        self.enter_scope(name, ScopeType::Class, symtable::key_of(s), firstlineno)?;
        let loc = Location::new(firstlineno as i32, firstlineno as i32, 0, 0);
        self.u().private = Some(name.to_string());
        self.nameop("__name__", ExprContext::Load, loc)?;
        self.nameop("__module__", ExprContext::Store, loc)?;
        let qualname = self.ur().meta.qualname.clone();
        self.load_const(Constant::str(&qualname), loc);
        self.nameop("__qualname__", ExprContext::Store, loc)?;
        let first = self.ur().meta.firstlineno;
        self.load_const(Constant::Int(first as i64), loc);
        self.nameop("__firstlineno__", ExprContext::Store, loc)?;
        if n_type_params > 0 {
            self.nameop(".type_params", ExprContext::Load, loc)?;
            self.nameop("__type_params__", ExprContext::Store, loc)?;
        }
        if self.ste().needs_classdict {
            self.emit_noarg(Opcode::LOAD_LOCALS, loc);
            self.emit_deref(Opcode::STORE_DEREF, "__classdict__", loc);
        }
        self.body(loc, body)?;
        let attrs = self.u().static_attributes.take().unwrap_or_default();
        self.load_const(Constant::tuple(attrs.iter().map(|a| Constant::str(a))), Location::NO_LOCATION);
        self.nameop("__static_attributes__", ExprContext::Store, Location::NO_LOCATION)?;
        if self.ste().needs_classdict {
            let i = self.deref_index("__classdict__");
            self.emit(Opcode::LOAD_CLOSURE, i, Location::NO_LOCATION);
            self.nameop("__classdictcell__", ExprContext::Store, Location::NO_LOCATION)?;
        }
        if self.ste().needs_class_closure {
            let i = self.deref_index("__class__");
            self.emit(Opcode::LOAD_CLOSURE, i, Location::NO_LOCATION);
            self.emit(Opcode::COPY, 1, Location::NO_LOCATION);
            self.nameop("__classcell__", ExprContext::Store, Location::NO_LOCATION)?;
        } else {
            self.load_const(Constant::None, Location::NO_LOCATION);
        }
        self.emit_noarg(Opcode::RETURN_VALUE, Location::NO_LOCATION);
        let code = self.finish_unit(true)?;
        let loc = self.loc(s.range);
        self.emit_noarg(Opcode::LOAD_BUILD_CLASS, loc);
        self.emit_noarg(Opcode::PUSH_NULL, loc);
        self.make_closure(loc, code, 0)?;
        self.load_const(Constant::str(name), loc);
        Ok(())
    }
}
