//! Functions, lambdas, PEP 695 type parameters and type aliases (`compiler_function`,
//! `compiler_lambda`, `compiler_type_params`, `compiler_typealias`), and `MAKE_FUNCTION` with
//! its `SET_FUNCTION_ATTRIBUTE`s (`compiler_make_closure`).
//!
//! A generic function `def f[T](x=1): ...` is compiled inside an extra scope, `<generic
//! parameters of f>`, which creates the type variables, makes the function and attaches them
//! with `CALL_INTRINSIC_2 SET_FUNCTION_TYPE_PARAMS`; the enclosing scope makes that scope a
//! function and calls it with the defaults as arguments.

use pyrt_syntax::ast::{Arguments, Expr, ExprContext, ExprKind, Stmt, StmtKind, TypeParam, TypeParamKind};

use super::*;

impl<'a> Compiler<'a, '_> {
    /// `compiler_make_closure`: pushes a function made from `code`, with the closure cells it
    /// needs and the attributes in `flags` (already on the stack in `SET_FUNCTION_ATTRIBUTE`
    /// order).
    pub(crate) fn make_closure(&mut self, loc: Location, code: Arc<CodeObject>, mut flags: u32) -> CResult {
        let freevars = code.freevars();
        if !freevars.is_empty() {
            for name in &freevars {
                let reftype = self.ref_type(name);
                let arg = if reftype == Scope::Cell {
                    self.ur().meta.cellvars.get(name)
                } else {
                    self.ur().meta.freevars.get(name).map(|i| i + self.ur().meta.cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(self.error_at(
                        format!("internal compiler error: no closure cell for '{name}' in {}", self.ur().meta.name),
                        loc,
                    ));
                };
                self.emit(Opcode::LOAD_CLOSURE, arg, loc);
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, freevars.len() as u32, loc);
        }
        // Equal code objects are one constant (CPython's constant cache compares code objects
        // with `code_richcompare`): a loop condition compiled twice shares its generator.
        let existing = self.ur().meta.consts.as_slice().iter().find_map(|c| match c {
            Constant::Code(other) if same_code(other, &code) => Some(other.clone()),
            _ => None,
        });
        self.load_const(Constant::Code(existing.unwrap_or(code)), loc);
        self.emit_noarg(Opcode::MAKE_FUNCTION, loc);
        for flag in [MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_KWDEFAULTS, MAKE_FUNCTION_DEFAULTS]
        {
            if flags & flag != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, flag, loc);
            }
        }
        Ok(())
    }

    /// `compiler_check_debug_args`.
    fn check_debug_args(&self, args: &Arguments<'_>) -> CResult {
        let all = args.posonlyargs.iter().chain(args.args).chain(args.vararg).chain(args.kwonlyargs).chain(args.kwarg);
        for a in all {
            if a.arg == "__debug__" {
                return Err(self.error("cannot assign to __debug__", a.range));
            }
        }
        Ok(())
    }

    /// `compiler_default_arguments`: pushes the defaults tuple and the keyword-only defaults
    /// dict; returns the `MAKE_FUNCTION` flags for them.
    fn default_arguments(&mut self, loc: Location, args: &'a Arguments<'a>) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.visit_exprs(args.defaults)?;
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32, loc);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(args.kw_defaults) {
            if let Some(default) = default {
                keys.push(Constant::str(&self.mangle(arg.arg)));
                self.visit_expr(default)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::tuple(keys), loc);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n, loc);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// `compiler_visit_annotations`: pushes `(name, annotation, ...)` and returns whether it did.
    fn annotations(&mut self, loc: Location, args: &'a Arguments<'a>, returns: Option<&'a Expr<'a>>) -> CResult<bool> {
        let mut len = 0;
        for a in args.args.iter().chain(args.posonlyargs) {
            self.arg_annotation(loc, a.arg, a.annotation, &mut len)?;
        }
        if let Some(v) = args.vararg {
            self.arg_annotation(loc, v.arg, v.annotation, &mut len)?;
        }
        for a in args.kwonlyargs {
            self.arg_annotation(loc, a.arg, a.annotation, &mut len)?;
        }
        if let Some(k) = args.kwarg {
            self.arg_annotation(loc, k.arg, k.annotation, &mut len)?;
        }
        self.arg_annotation(loc, "return", returns, &mut len)?;
        if len > 0 {
            self.emit(Opcode::BUILD_TUPLE, len, loc);
        }
        Ok(len > 0)
    }

    fn arg_annotation(
        &mut self,
        loc: Location,
        name: &str,
        annotation: Option<&'a Expr<'a>>,
        len: &mut u32,
    ) -> CResult {
        let Some(annotation) = annotation else { return Ok(()) };
        let mangled = self.mangle(name);
        self.load_const(Constant::str(&mangled), loc);
        if self.future.annotations() {
            self.annotation_value(annotation)?;
        } else if let ExprKind::Starred { value, .. } = &annotation.node {
            self.visit_expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1, loc);
        } else {
            self.visit_expr(annotation)?;
        }
        *len += 2;
        Ok(())
    }

    pub(crate) fn decorators(&mut self, decorators: &'a [Expr<'a>]) -> CResult {
        self.visit_exprs(decorators)
    }

    pub(crate) fn apply_decorators(&mut self, decorators: &'a [Expr<'a>]) {
        for d in decorators.iter().rev() {
            let loc = self.loc(d.range);
            self.emit(Opcode::CALL, 0, loc);
        }
    }

    /// `compiler_function`.
    pub(crate) fn function_def(&mut self, s: &'a Stmt<'a>) -> CResult {
        let (name, args, body, decorators, returns, type_params, is_async) = match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_params, .. } => {
                (*name, *args, *body, *decorator_list, *returns, *type_params, false)
            }
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_params, .. } => {
                (*name, *args, *body, *decorator_list, *returns, *type_params, true)
            }
            _ => unreachable!("a function definition"),
        };
        self.check_debug_args(args)?;
        self.decorators(decorators)?;
        let firstlineno = match decorators.first() {
            Some(d) => self.loc(d.range).lineno as u32,
            None => self.loc(s.range).lineno as u32,
        };
        let loc = self.loc(s.range);
        let is_generic = !type_params.is_empty();
        let mut funcflags = self.default_arguments(loc, args)?;
        let mut num_typeparam_args = 0;
        if is_generic {
            if funcflags & MAKE_FUNCTION_DEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & MAKE_FUNCTION_KWDEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.emit(Opcode::SWAP, 2, loc);
            }
            let scope_name = format!("<generic parameters of {name}>");
            self.enter_scope(&scope_name, ScopeType::TypeParams, symtable::type_params_key(type_params), firstlineno)?;
            self.type_params(type_params)?;
            for i in 0..num_typeparam_args {
                self.emit(Opcode::LOAD_FAST, i, loc);
            }
        }
        if self.annotations(loc, args, returns)? {
            funcflags |= MAKE_FUNCTION_ANNOTATIONS;
        }
        self.function_body(s, name, args, body, is_async, funcflags, firstlineno)?;
        if is_generic {
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc);
            self.u().meta.argcount = num_typeparam_args;
            let code = self.finish_unit(false)?;
            self.make_closure(loc, code, 0)?;
            if num_typeparam_args > 0 {
                self.emit(Opcode::SWAP, num_typeparam_args + 1, loc);
                self.emit(Opcode::CALL, num_typeparam_args - 1, loc);
            } else {
                self.emit_noarg(Opcode::PUSH_NULL, loc);
                self.emit(Opcode::CALL, 0, loc);
            }
        }
        self.apply_decorators(decorators);
        self.nameop(name, ExprContext::Store, loc)
    }

    /// `compiler_function_body`.
    #[allow(clippy::too_many_arguments)]
    fn function_body(
        &mut self,
        s: &'a Stmt<'a>,
        name: &str,
        args: &'a Arguments<'a>,
        body: &'a [Stmt<'a>],
        is_async: bool,
        funcflags: u32,
        firstlineno: u32,
    ) -> CResult {
        let scope_type = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(name, scope_type, symtable::key_of(s), firstlineno)?;
        let doc = docstring(body);
        let first = doc.is_some() as usize;
        let doc_const = match doc {
            Some((d, _)) => Constant::Str(clean_doc(&d)),
            None => Constant::None,
        };
        self.add_const(doc_const);
        self.set_arg_counts(args);
        let start = self.new_label();
        self.use_label(start);
        let ste = self.ste();
        let stop_iteration_handler = ste.coroutine || ste.generator;
        if stop_iteration_handler {
            self.push_fblock(Location::NO_LOCATION, FBlockKind::StopIteration, Some(start), None, FBlockDatum::None)?;
        }
        for st in &body[first..] {
            self.visit_stmt(st)?;
        }
        if stop_iteration_handler {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock();
        }
        let code = self.finish_unit(true)?;
        let loc = self.loc(s.range);
        self.make_closure(loc, code, funcflags)
    }

    fn set_arg_counts(&mut self, args: &Arguments<'_>) {
        let meta = &mut self.u().meta;
        meta.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        meta.posonlyargcount = args.posonlyargs.len() as u32;
        meta.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    /// `wrap_in_stopiteration_handler`: a generator body runs under a handler that turns a
    /// leaking `StopIteration` into `RuntimeError` (PEP 479).
    pub(crate) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let resume = self.ur().seq.instrs().iter().position(|i| i.op == Opcode::RESUME).unwrap_or(0);
        self.u().seq.insert(resume, Opcode::SETUP_CLEANUP, handler.index() as u32, Location::NO_LOCATION);
        self.load_const(Constant::None, Location::NO_LOCATION);
        self.emit_noarg(Opcode::RETURN_VALUE, Location::NO_LOCATION);
        self.use_label(handler);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR, Location::NO_LOCATION);
        self.emit(Opcode::RERAISE, 1, Location::NO_LOCATION);
    }

    /// `compiler_lambda`.
    pub(crate) fn lambda(&mut self, e: &'a Expr<'a>, args: &'a Arguments<'a>, body: &'a Expr<'a>) -> CResult {
        self.check_debug_args(args)?;
        let loc = self.loc(e.range);
        let funcflags = self.default_arguments(loc, args)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, symtable::key_of(e), loc.lineno as u32)?;
        self.add_const(Constant::None);
        self.set_arg_counts(args);
        self.visit_expr(body)?;
        let code = if self.ste().generator {
            self.finish_unit(false)?
        } else {
            let bloc = self.loc(body.range);
            self.emit_noarg(Opcode::RETURN_VALUE, bloc);
            self.finish_unit(true)?
        };
        self.make_closure(loc, code, funcflags)
    }

    /// `compiler_type_params`: creates the type variables, stores each in its name and leaves a
    /// tuple of them.
    pub(crate) fn type_params(&mut self, params: &'a [TypeParam<'a>]) -> CResult {
        let mut seen_default = false;
        for tp in params {
            let loc = self.loc(tp.range);
            let (name, default) = match &tp.node {
                TypeParamKind::TypeVar { name, bound, default_value } => {
                    self.load_const(Constant::str(name), loc);
                    if let Some(bound) = bound {
                        self.type_param_bound_or_default(bound, name, symtable::key_of(tp), false)?;
                        let intrinsic = if matches!(bound.node, ExprKind::Tuple { .. }) {
                            INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            INTRINSIC_TYPEVAR_WITH_BOUND
                        };
                        self.emit(Opcode::CALL_INTRINSIC_2, intrinsic, loc);
                    } else {
                        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, loc);
                    }
                    if let Some(d) = default_value {
                        self.type_param_bound_or_default(d, name, symtable::key_of(tp) + 1, false)?;
                    }
                    (*name, *default_value)
                }
                TypeParamKind::TypeVarTuple { name, default_value } => {
                    self.load_const(Constant::str(name), loc);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE, loc);
                    if let Some(d) = default_value {
                        self.type_param_bound_or_default(d, name, symtable::key_of(tp), true)?;
                    }
                    (*name, *default_value)
                }
                TypeParamKind::ParamSpec { name, default_value } => {
                    self.load_const(Constant::str(name), loc);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC, loc);
                    if let Some(d) = default_value {
                        self.type_param_bound_or_default(d, name, symtable::key_of(tp), false)?;
                    }
                    (*name, *default_value)
                }
            };
            if default.is_some() {
                self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
                seen_default = true;
            } else if seen_default {
                return Err(
                    self.error_at(format!("non-default type parameter '{name}' follows default type parameter"), loc)
                );
            }
            self.emit(Opcode::COPY, 1, loc);
            self.nameop(name, ExprContext::Store, loc)?;
        }
        let loc = self.loc(params[0].range);
        self.emit(Opcode::BUILD_TUPLE, params.len() as u32, loc);
        Ok(())
    }

    /// A lazily evaluated bound, constraint tuple or default: a function of no arguments.
    fn type_param_bound_or_default(&mut self, e: &'a Expr<'a>, name: &str, key: usize, allow_starred: bool) -> CResult {
        let loc = self.loc(e.range);
        self.enter_scope(name, ScopeType::TypeParams, key, loc.lineno as u32)?;
        match &e.node {
            ExprKind::Starred { value, .. } if allow_starred => {
                self.visit_expr(value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1, loc);
            }
            _ => self.visit_expr(e)?,
        }
        self.emit_noarg(Opcode::RETURN_VALUE, loc);
        let code = self.finish_unit(true)?;
        self.make_closure(loc, code, 0)
    }

    /// `compiler_typealias`.
    pub(crate) fn type_alias(
        &mut self,
        s: &'a Stmt<'a>,
        name: &'a Expr<'a>,
        type_params: &'a [TypeParam<'a>],
        value: &'a Expr<'a>,
    ) -> CResult {
        let loc = self.loc(s.range);
        let ExprKind::Name { id: alias_name, .. } = name.node else {
            return Err(self.error("type alias name must be a name", name.range));
        };
        let is_generic = !type_params.is_empty();
        if is_generic {
            let scope_name = format!("<generic parameters of {alias_name}>");
            self.enter_scope(
                &scope_name,
                ScopeType::TypeParams,
                symtable::type_params_key(type_params),
                loc.lineno as u32,
            )?;
            self.load_const(Constant::str(alias_name), loc);
            self.type_params(type_params)?;
        } else {
            self.load_const(Constant::str(alias_name), loc);
            self.load_const(Constant::None, loc);
        }
        // The alias body: a function evaluating the value lazily.
        self.enter_scope(alias_name, ScopeType::Function, symtable::key_of(s), loc.lineno as u32)?;
        self.add_const(Constant::None);
        self.visit_expr(value)?;
        self.emit_noarg(Opcode::RETURN_VALUE, loc);
        let code = self.finish_unit(false)?;
        self.make_closure(loc, code, 0)?;
        self.emit(Opcode::BUILD_TUPLE, 3, loc);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, loc);
        if is_generic {
            let code = self.finish_unit(false)?;
            self.make_closure(loc, code, 0)?;
            self.emit_noarg(Opcode::PUSH_NULL, loc);
            self.emit(Opcode::CALL, 0, loc);
        }
        self.nameop(alias_name, ExprContext::Store, loc)
    }
}

/// `code_richcompare`: the fields CPython compares to decide two code objects are equal.
fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && a.consts == b.consts
        && a.names == b.names
        && a.localsplus_names == b.localsplus_names
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
}
