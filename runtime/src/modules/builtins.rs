//! The `builtins` module: its functions are immortal [`MethodDef`]s shared by every
//! interpreter; each interpreter's `builtins` dict (functions, types, exceptions, constants) is
//! made on first use.

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::builtin::{MethodDef, args, leak_builtin};
use crate::object::dict::new_dict;
use crate::object::int::{IntVal, as_int, new_bool, new_int};
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::new_tuple;
use crate::object::typeobj::{CompareOp, as_type};
use crate::object::{PyObject, immortals, intern, types};

static BUILTINS: &[MethodDef] = &[
    MethodDef::function("print", builtin_print),
    MethodDef::function("len", |a, k| new_int(ops::len(&args::exact("len", a, k, 1, 1)?[0])? as i64)),
    MethodDef::function("repr", |a, k| ops::repr(&args::exact("repr", a, k, 1, 1)?[0])),
    MethodDef::function("ascii", |a, k| {
        // An all-ASCII repr is returned as it is (a str subclass included), as CPython's
        // `PyObject_ASCII`; otherwise its non-ASCII characters are escaped.
        let r = ops::repr(&args::exact("ascii", a, k, 1, 1)?[0])?;
        if crate::object::str::as_str_object(&r).is_some_and(|s| s.is_ascii() && !s.has_lone_surrogates()) {
            return Ok(r);
        }
        let s =
            crate::object::str::as_str_object(&r).ok_or_else(|| PyErr::type_error("__repr__ returned non-string"))?;
        if s.has_lone_surrogates() {
            let escaped: String = s
                .code_points()
                .map(|c| match char::from_u32(c) {
                    Some(ch) => ascii_escape(ch.encode_utf8(&mut [0; 4])),
                    None => format!("\\u{c:04x}"),
                })
                .collect();
            return new_str(&escaped);
        }
        new_str(&ascii_escape(s.as_str()))
    }),
    MethodDef::function("isinstance", builtin_isinstance),
    MethodDef::function("issubclass", builtin_issubclass),
    MethodDef::function("iter", crate::object::iterators::builtin_iter),
    MethodDef::function("next", builtin_next),
    MethodDef::function("abs", |a, k| ops::unary_op(&args::exact("abs", a, k, 1, 1)?[0], UnaryOp::Absolute)),
    MethodDef::function("min", |a, k| min_max(a, k, "min", CompareOp::Lt)),
    MethodDef::function("max", |a, k| min_max(a, k, "max", CompareOp::Gt)),
    MethodDef::function("sum", builtin_sum),
    MethodDef::function("sorted", builtin_sorted),
    MethodDef::function("any", |a, k| {
        let it = ops::get_iter(&args::exact("any", a, k, 1, 1)?[0])?;
        while let Some(x) = ops::next(&it)? {
            if ops::is_true(&x)? {
                return Ok(new_bool(true));
            }
        }
        Ok(new_bool(false))
    }),
    MethodDef::function("all", |a, k| {
        let it = ops::get_iter(&args::exact("all", a, k, 1, 1)?[0])?;
        while let Some(x) = ops::next(&it)? {
            if !ops::is_true(&x)? {
                return Ok(new_bool(false));
            }
        }
        Ok(new_bool(true))
    }),
    MethodDef::function("hasattr", |a, k| {
        let a = args::exact("hasattr", a, k, 2, 2)?;
        attr_name_check(&a[1])?;
        match ops::get_attr(&a[0], &a[1]) {
            Ok(_) => Ok(new_bool(true)),
            Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(new_bool(false)),
            Err(e) => Err(e),
        }
    }),
    MethodDef::function("getattr", |a, k| {
        let a = args::exact("getattr", a, k, 2, 3)?;
        attr_name_check(&a[1])?;
        match ops::get_attr(&a[0], &a[1]) {
            Err(e) if a.len() == 3 && e.matches(types().exc.named("AttributeError")) => Ok(a[2].clone()),
            r => r,
        }
    }),
    MethodDef::function("setattr", |a, k| {
        let a = args::exact("setattr", a, k, 3, 3)?;
        attr_name_check(&a[1])?;
        ops::set_attr(&a[0], &a[1], Some(&a[2]))?;
        Ok(args::none())
    }),
    MethodDef::function("delattr", |a, k| {
        let a = args::exact("delattr", a, k, 2, 2)?;
        attr_name_check(&a[1])?;
        ops::set_attr(&a[0], &a[1], None)?;
        Ok(args::none())
    }),
    MethodDef::function("id", |a, k| new_int(args::exact("id", a, k, 1, 1)?[0].addr() as i64)),
    MethodDef::function("hash", |a, k| new_int(ops::hash(&args::exact("hash", a, k, 1, 1)?[0])? as i64)),
    MethodDef::function("callable", |a, k| {
        Ok(new_bool(args::exact("callable", a, k, 1, 1)?[0].type_object().call.is_some()))
    }),
    MethodDef::function("chr", |a, k| {
        let a = args::exact("chr", a, k, 1, 1)?;
        let c = ops::index_isize(&a[0])?;
        match u32::try_from(c).ok().filter(|&c| c < 0x110000) {
            Some(c) => crate::object::str::new_str_of_code_point(c),
            None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
        }
    }),
    MethodDef::function("hex", |a, k| prefixed_int(&args::exact("hex", a, k, 1, 1)?[0], 16)),
    MethodDef::function("oct", |a, k| prefixed_int(&args::exact("oct", a, k, 1, 1)?[0], 8)),
    MethodDef::function("bin", |a, k| prefixed_int(&args::exact("bin", a, k, 1, 1)?[0], 2)),
    MethodDef::function("ord", |a, k| {
        let a = args::exact("ord", a, k, 1, 1)?;
        if let Some(b) =
            crate::object::bytes::buffer_data(&a[0]).filter(|_| !crate::object::memoryview::is_memoryview(&a[0]))
        {
            return match b.len() {
                1 => new_int(b[0] as i64),
                n => Err(PyErr::type_error(format!("ord() expected a character, but string of length {n} found"))),
            };
        }
        let s = crate::object::str::as_str_object(&a[0]).ok_or_else(|| {
            PyErr::type_error(format!("ord() expected string of length 1, but {} found", a[0].type_object().name()))
        })?;
        match s.len() {
            1 => new_int(s.code_point_at(0) as i64),
            n => Err(PyErr::type_error(format!("ord() expected a character, but string of length {n} found"))),
        }
    }),
    MethodDef::function("divmod", |a, k| {
        let a = args::exact("divmod", a, k, 2, 2)?;
        crate::object::int_methods::divmod(&a[0], &a[1])
    }),
    MethodDef::function("pow", super::builtins_num::builtin_pow),
    MethodDef::function("hex", super::builtins_num::builtin_hex),
    MethodDef::function("oct", super::builtins_num::builtin_oct),
    MethodDef::function("bin", super::builtins_num::builtin_bin),
    MethodDef::function("globals", super::builtins_ns::builtin_globals),
    MethodDef::function("locals", super::builtins_ns::builtin_locals),
    MethodDef::function("vars", super::builtins_ns::builtin_vars),
    MethodDef::function("dir", super::builtins_ns::builtin_dir),
    MethodDef::function("compile", super::builtins_ns::builtin_compile),
    MethodDef::function("eval", super::builtins_ns::builtin_eval),
    MethodDef::function("exec", super::builtins_ns::builtin_exec),
    MethodDef::function("input", super::sys::builtin_input),
    MethodDef::function("aiter", crate::object::async_iter::builtin_aiter),
    MethodDef::function("anext", crate::object::async_iter::builtin_anext),
    MethodDef::function("exit", super::builtins_ns::builtin_exit),
    MethodDef::function("quit", super::builtins_ns::builtin_exit),
    MethodDef::function("round", builtin_round),
    MethodDef::function("format", |a, k| {
        let a = args::exact("format", a, k, 1, 2)?;
        let spec = match a.get(1) {
            Some(s) => str_value(s).ok_or_else(|| {
                PyErr::type_error(format!("format() argument 2 must be str, not {}", s.type_object().name()))
            })?,
            None => "",
        };
        crate::object::formatting::format(&a[0], spec)
    }),
    MethodDef::function("__build_class__", builtin_build_class),
    MethodDef::function("__import__", super::import::builtin_import),
    MethodDef::function("open", crate::object::textio::builtin_open),
];

use crate::object::attr::attr_name_check;

pub use crate::object::formatting::ascii_escape;

fn builtin_print(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let (mut sep, mut end, mut flush, mut file) = (" ".to_owned(), "\n".to_owned(), false, None);
    for (name, v) in args::keywords(a, k) {
        let text = |what: &str| -> PyResult<Option<String>> {
            if v.is(immortals().none) {
                return Ok(None);
            }
            str_value(v).map(|s| Some(s.to_owned())).ok_or_else(|| {
                PyErr::type_error(format!("{what} must be None or a string, not {}", v.type_object().name()))
            })
        };
        match name {
            "sep" => sep = text("sep")?.unwrap_or_else(|| " ".to_owned()),
            "end" => end = text("end")?.unwrap_or_else(|| "\n".to_owned()),
            "flush" => flush = ops::is_true(v)?,
            "file" => file = Some(v.clone()).filter(|f| !f.is(immortals().none)),
            other => return Err(PyErr::type_error(format!("print() got an unexpected keyword argument '{other}'"))),
        }
    }
    // `file=None` means `sys.stdout`; a `None` stdout prints nothing.
    let file = match file {
        Some(f) => f,
        None => match super::sys::sys_attr("stdout")? {
            Some(f) if !f.is(immortals().none) => f,
            Some(_) => return Ok(args::none()),
            None => return Err(PyErr::runtime_error("lost sys.stdout")),
        },
    };
    if crate::object::textio::is_text_file(&file) {
        let mut text = String::new();
        for (i, x) in pos.iter().enumerate() {
            if i > 0 {
                text.push_str(&sep);
            }
            let piece = ops::str(x)?;
            if crate::object::str::as_str_object(&piece).is_some_and(|s| s.has_lone_surrogates()) {
                // Only the codec can judge a lone surrogate: write piece by piece, as CPython's
                // print does, so an encoding error comes after the pieces before it.
                crate::object::textio::write_str(&file, &text, false)?;
                text.clear();
                crate::object::textio::write_str_object(&file, &piece, false)?;
                continue;
            }
            text.push_str(str_value(&piece).unwrap_or(""));
        }
        text.push_str(&end);
        crate::object::textio::write_str(&file, &text, flush)?;
        return Ok(args::none());
    }
    // Another file object: one `write` call per piece, as CPython's print makes.
    let write = ops::get_attr_str(&file, "write")?;
    for (i, x) in pos.iter().enumerate() {
        if i > 0 {
            ops::call(&write, &[new_str(&sep)?], None)?;
        }
        ops::call(&write, &[ops::str(x)?], None)?;
    }
    ops::call(&write, &[new_str(&end)?], None)?;
    if flush {
        let f = ops::get_attr_str(&file, "flush")?;
        ops::call(&f, &[], None)?;
    }
    Ok(args::none())
}

/// The interactive echo of `CALL_INTRINSIC_1 INTRINSIC_PRINT`.
pub fn print_repr_line(v: &PyObject) -> PyResult<()> {
    if v.is(immortals().none) {
        return Ok(());
    }
    // `sys.displayhook`'s output goes through `sys.stdout`, like `print`.
    let mut t = ops::repr_text(v)?;
    t.push('\n');
    match super::sys::sys_attr("stdout")? {
        Some(f) if crate::object::textio::is_text_file(&f) => crate::object::textio::write_str(&f, &t, false),
        Some(f) if !f.is(immortals().none) => {
            let write = ops::get_attr_str(&f, "write")?;
            ops::call(&write, &[new_str(&t)?], None).map(drop)
        }
        _ => Err(PyErr::runtime_error("lost sys.stdout")),
    }
}

fn builtin_isinstance(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("isinstance", a, k, 2, 2)?;
    Ok(new_bool(crate::object::class_check::object_isinstance(&a[0], &a[1])?))
}

fn builtin_issubclass(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("issubclass", a, k, 2, 2)?;
    Ok(new_bool(crate::object::class_check::object_issubclass(&a[0], &a[1])?))
}

fn builtin_next(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("next", a, k, 1, 2)?;
    let Some(iternext) = a[0].type_object().iternext else {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", a[0].type_object().name())));
    };
    // Called directly (not `ops::next`) so that `StopIteration(value)` reaches the caller.
    match iternext(&a[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => a.get(1).cloned().ok_or_else(|| PyErr::stop_iteration(None)),
        Err(e) if a.len() > 1 && e.matches(crate::object::types().exc.named("StopIteration")) => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

fn keyword<'a>(a: &'a [Obj], k: Option<&'a PyObject>, name: &str) -> Option<&'a Obj> {
    args::keywords(a, k).find(|(n, _)| *n == name).map(|(_, v)| v).filter(|v| !v.is(immortals().none))
}

fn min_max(a: &[Obj], k: Option<&PyObject>, name: &str, op: CompareOp) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    if let Some((other, _)) = args::keywords(a, k).find(|(n, _)| *n != "key" && *n != "default") {
        return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{other}'")));
    }
    let key = keyword(a, k, "key");
    let default = args::keywords(a, k).find(|(n, _)| *n == "default").map(|(_, v)| v.clone());
    if default.is_some() && pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let candidates = match pos {
        [] => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        [one] => ops::collect(one)?,
        many => many.to_vec(),
    };
    let mut best: Option<(Obj, Obj)> = None;
    for x in candidates {
        let kx = match key {
            Some(f) => ops::call(f, std::slice::from_ref(&x), None)?,
            None => x.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, kb)) => ops::rich_compare_bool(&kx, kb, op)?,
        };
        if better {
            best = Some((x, kx));
        }
    }
    match best {
        Some((x, _)) => Ok(x),
        None => default.ok_or_else(|| PyErr::value_error(format!("{name}() iterable argument is empty"))),
    }
}

fn builtin_sum(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: super::clinic::Signature =
        super::clinic::Signature { name: "sum", params: &["iterable", "start"], posonly: 1, required: 1, maxpos: 2 };
    let bound = super::clinic::bind(&SIG, a, k)?;
    let mut acc = match bound[1] {
        Some(s) => s.clone(),
        None => new_int(0)?,
    };
    if str_value(&acc).is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let t = crate::object::types();
    if acc.type_object().is_subtype(t.bytes_type) {
        return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if acc.type_object().is_subtype(t.bytearray_type) {
        return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = ops::get_iter(bound[0].expect("required"))?;
    // CPython's phases: ints in a machine word while everything is an int, then floats with
    // compensated summation while the total is an exact float, then plain `+`. Each phase
    // ends for good at the first item it cannot take: that item is added with `+` and the
    // next phase sees the result (`sum([2**70, -2**70, 1e16, 1.0, 1.0])` adds its floats
    // plainly, since the total was a big int when the int phase ended).
    if std::ptr::eq(acc.type_object(), t.int_type) {
        // The total in a machine word while it and every item (an exact int or a bool) fit one,
        // as CPython's `i_result`: no int object per item (`sum(x * x for x in xs)`). A start
        // that does not fit a word skips the phase, as CPython's overflowed `start`.
        if let Some(IntVal::Small(start)) = as_int(&acc) {
            let mut total = start;
            loop {
                let Some(x) = ops::next(&it)? else { return new_int(total) };
                let ty = x.type_object();
                if std::ptr::eq(ty, t.int_type) || std::ptr::eq(ty, t.bool_type) {
                    if let Some(sum) = as_int(&x).and_then(|v| match v {
                        IntVal::Small(b) => total.checked_add(b),
                        IntVal::Big(_) => None,
                    }) {
                        total = sum;
                        continue;
                    }
                }
                acc = ops::binary_op(&*new_int(total)?, &x, BinOp::Add)?;
                break;
            }
        }
    }
    if let Some(total) = crate::object::float_methods::compensated_sum(&acc, &it)? {
        return Ok(total);
    }
    while let Some(x) = ops::next(&it)? {
        acc = ops::binary_op(&acc, &x, BinOp::Add)?;
    }
    Ok(acc)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: `list(iterable)`, then `list.sort`.
fn builtin_sorted(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let [iterable] = pos else {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    };
    let list = new_list(ops::collect(iterable)?)?;
    let mut argv = vec![list.clone()];
    argv.extend_from_slice(&a[pos.len()..]);
    crate::object::list_methods::list_sort(&argv, k)?;
    Ok(list)
}

/// `hex(x)`, `oct(x)`, `bin(x)`: `operator.index(x)` with its base prefix.
fn prefixed_int(x: &PyObject, base: u32) -> PyResult<Obj> {
    let i = ops::index(x)?;
    let v = as_int(&i).map(|v| v.to_big()).unwrap_or_default();
    let mut out = String::new();
    pyrt_pylib::int_text::write_prefixed(&v, base, &mut out);
    new_str(&out)
}

fn builtin_round(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: super::clinic::Signature =
        super::clinic::Signature { name: "round", params: &["number", "ndigits"], posonly: 0, required: 1, maxpos: 2 };
    let bound = super::clinic::bind(&SIG, a, k)?;
    let x = bound[0].expect("required");
    let nd = bound[1].filter(|n| !n.is(immortals().none));
    if as_int(x).is_some() && nd.is_none() {
        return crate::object::int_methods::to_int(x);
    }
    if let (Some(v), Some(n)) = (as_int(x), nd) {
        return super::builtins_num::round_int(&v.to_big(), ops::index_isize(n)?);
    }
    match ops::lookup_special(x, "__round__")? {
        Some(f) => ops::call(&f, &nd.into_iter().cloned().collect::<Vec<_>>(), None),
        None => Err(PyErr::type_error(format!("type {} doesn't define __round__ method", x.type_object().name()))),
    }
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: picks the most derived
/// metaclass, asks its `__prepare__` for the namespace, runs the class body in it, then calls
/// the metaclass with the class keywords and fills the `__class__` cell.
fn builtin_build_class(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let (func, name, bases) = match pos {
        [f, n, rest @ ..] => (f, n, rest.to_vec()),
        _ => return Err(PyErr::type_error("__build_class__: not enough arguments")),
    };
    let mut meta: Option<Obj> = None;
    let (mut kw_values, mut kw_names) = (Vec::new(), Vec::new());
    for (kname, v) in args::keywords(a, k) {
        if kname == "metaclass" {
            meta = Some(v.clone());
        } else {
            kw_values.push(v.clone());
            kw_names.push(new_str(kname)?);
        }
    }
    // PEP 560: a base that is not a class may stand for others (`list[int]` for `list`).
    let orig_bases = bases;
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut replaced = false;
    for b in &orig_bases {
        if as_type(b).is_none() {
            if let Ok(entries) = ops::get_attr_str(b, "__mro_entries__") {
                let got = ops::call(&entries, &[new_tuple(orig_bases.clone())?], None)?;
                if !crate::object::tuple::is_tuple(&got) {
                    return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
                }
                bases.extend(crate::object::tuple::items(&got).iter().cloned());
                replaced = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let explicit = meta.is_some();
    let mut meta = meta.unwrap_or_else(|| match bases.first() {
        Some(b) => Obj::new_ref(b.type_object().as_object()),
        None => Obj::new_ref(types().type_type.as_object()),
    });
    if as_type(&meta).is_some() && (explicit || !bases.is_empty()) {
        meta = calculate_metaclass(&meta, &bases)?;
    }
    let bases_tuple = new_tuple(bases)?;
    let kwnames = if kw_names.is_empty() { None } else { Some(new_tuple(kw_names)?) };
    let ns = match ops::get_attr_str(&meta, "__prepare__") {
        Ok(prepare) => {
            let mut argv = vec![name.clone(), bases_tuple.clone()];
            argv.extend(kw_values.iter().cloned());
            ops::call(&prepare, &argv, kwnames.as_deref())?
        }
        Err(e) if e.matches(types().exc.named("AttributeError")) => new_dict()?,
        Err(e) => return Err(e),
    };
    let cell = crate::eval::run_class_body(func, ns.clone())?;
    if replaced {
        ops::set_item(&ns, &intern("__orig_bases__").ob_base, Some(&*new_tuple(orig_bases)?))?;
    }
    let mut argv = vec![name.clone(), bases_tuple, ns];
    argv.extend(kw_values);
    let cls = ops::call(&meta, &argv, kwnames.as_deref())?;
    // `type.__new__` filled the cell from the namespace's `__classcell__`; a metaclass that did
    // not pass the namespace on left it empty (CPython's checks in `builtin___build_class__`).
    if let (Some(c), Some(_)) = (crate::object::function::as_cell(&cell), as_type(&cls)) {
        match c.get() {
            Some(set) if set.is(&cls) => {}
            None => {
                return Err(PyErr::runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    ops::repr_text(name)?,
                    ops::repr_text(&cls)?
                )));
            }
            Some(set) => {
                return Err(PyErr::type_error(format!(
                    "__class__ set to {} defining {} as {}",
                    ops::repr_text(&set)?,
                    ops::repr_text(name)?,
                    ops::repr_text(&cls)?
                )));
            }
        }
    }
    Ok(cls)
}

/// `_PyType_CalculateMetaclass`: the most derived of `meta` and the bases' metaclasses.
fn calculate_metaclass(meta: &Obj, bases: &[Obj]) -> PyResult<Obj> {
    let mut winner = meta.clone();
    for b in bases {
        let candidate = b.type_object();
        let w = as_type(&winner).expect("a type");
        if w.is_subtype(candidate) {
            continue;
        }
        if candidate.is_subtype(w) {
            winner = Obj::new_ref(candidate.as_object());
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the \
             metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn make_builtins() -> PyResult<Obj> {
    crate::object::dict::new_dict_from_template(builtins_template().0)
}

/// The template of every interpreter's `builtins` dict: interned names and immortal values, in
/// insertion order; never written after it is made.
struct BuiltinsTemplate(&'static crate::object::dict::DictObject);
// SAFETY: immortal objects, shared by every thread and interpreter (incref and decref never
// write them; the template dict is not written after it is made).
unsafe impl Sync for BuiltinsTemplate {}
// SAFETY: as above.
unsafe impl Send for BuiltinsTemplate {}

/// The dict every interpreter's `builtins` dict is a copy of. Every key and value is immortal,
/// so it is made (names interned through the process-wide table) once per process and an
/// interpreter copies its table in one go (`new_dict_from_template`); under loom once per
/// explored execution (the objects' headers hold that execution's atomics).
fn builtins_template() -> &'static BuiltinsTemplate {
    #[cfg(not(loom))]
    {
        static TEMPLATE: std::sync::OnceLock<BuiltinsTemplate> = std::sync::OnceLock::new();
        TEMPLATE.get_or_init(make_builtins_template)
    }
    #[cfg(loom)]
    {
        crate::sync::lazy_static! {
            static ref TEMPLATE: BuiltinsTemplate = make_builtins_template();
        }
        &TEMPLATE
    }
}

fn make_builtins_template() -> BuiltinsTemplate {
    let dict = crate::object::dict::leak_dict(types().dict_type);
    // A name given twice (a type that is also in a table of functions) keeps its first place
    // and takes the later value, as insertions into a dict do.
    let set = |name: &str, v: &'static PyObject| {
        let key = &intern(name).ob_base;
        match dict.index_of_identical(key) {
            Some(i) => drop(dict.replace_at_if_key(i, key, Obj::new_ref(v))),
            // SAFETY: `dict` was leaked above and is published only when the template is made;
            // `key` is interned.
            None => unsafe { dict.set_immortal(key, v) },
        }
    };
    for def in BUILTINS {
        set(def.name, leak_builtin_cached(def));
    }
    let t = types();
    for ty in [
        t.object_type,
        t.type_type,
        t.int_type,
        t.bool_type,
        t.float_type,
        t.str_type,
        t.tuple_type,
        t.list_type,
        t.dict_type,
        t.range_type,
        t.slice_type,
        t.set.set_type,
        t.set.frozenset_type,
        t.iters.map_type,
        t.iters.filter_type,
        t.iters.zip_type,
        t.iters.enumerate_type,
        t.iters.reversed_type,
        t.descr.property_type,
        t.descr.staticmethod_type,
        t.descr.classmethod_type,
        t.descr.super_type,
        t.bytes_type,
        t.bytearray_type,
        t.memoryview_type,
        t.complex_type,
    ] {
        set(ty.name(), ty.as_object());
    }
    for (name, ty) in &t.exc.all {
        set(name, ty.as_object());
    }
    set("EnvironmentError", t.exc.named("OSError").as_object());
    set("IOError", t.exc.named("OSError").as_object());
    let im = immortals();
    set("None", im.none);
    set("Ellipsis", im.ellipsis);
    set("NotImplemented", im.not_implemented);
    set("True", &im.true_.ob_base);
    set("False", &im.false_.ob_base);
    set("__name__", &intern("builtins").ob_base);
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        set(k, im.none);
    }
    BuiltinsTemplate(dict)
}

/// The process-wide function object of the builtin `name` (what a fresh `builtins` dict
/// holds, whatever programs have since stored there), for the eval loop's `CALL_LEN` and
/// `CALL_ISINSTANCE` guards.
pub(crate) fn builtin_function(name: &str) -> Option<&'static PyObject> {
    BUILTINS.iter().find(|d| d.name == name).map(leak_builtin_cached)
}

/// The immortal function object of each builtin, made once per process.
fn leak_builtin_cached(def: &'static MethodDef) -> &'static PyObject {
    #[cfg(not(loom))]
    use std::sync::OnceLock;
    struct Table(Vec<&'static PyObject>);
    // SAFETY: immortal objects, shared by every thread and interpreter (never written).
    unsafe impl Sync for Table {}
    // SAFETY: as above.
    unsafe impl Send for Table {}
    // Under loom the objects' headers hold atomics of one explored execution: a table per
    // execution (`sync::lazy_static!`), process-wide otherwise.
    #[cfg(not(loom))]
    static TABLE: OnceLock<Table> = OnceLock::new();
    #[cfg(not(loom))]
    let table = TABLE.get_or_init(|| Table(BUILTINS.iter().map(leak_builtin).collect()));
    #[cfg(loom)]
    crate::sync::lazy_static! {
        static ref TABLE: Table = Table(BUILTINS.iter().map(leak_builtin).collect());
    }
    #[cfg(loom)]
    let table: &Table = &TABLE;
    let i = BUILTINS.iter().position(|d| std::ptr::eq(d, def)).expect("a builtin of the table");
    table.0[i]
}

/// The current interpreter's `builtins` dict.
pub fn builtins_dict() -> PyResult<Obj> {
    let m = super::current_modules();
    super::InterpModules::get_or_make(&m.builtins, make_builtins)
}

/// The current interpreter's `builtins` module (its namespace is [`builtins_dict`]).
pub fn builtins_module() -> PyResult<Obj> {
    let m = super::current_modules();
    super::InterpModules::get_or_make(&m.builtins_module, || {
        let m = crate::object::module::new_module_with_dict(builtins_dict()?, true)?;
        // Its `__spec__` comes with the import system's objects (`importlib`).
        crate::object::module::defer_import_state(&m);
        Ok(m)
    })
}

#[cfg(all(test, not(loom)))]
mod tests {
    #[test]
    fn builtins_template_has_each_name_once() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let template = super::builtins_template().0;
            let items = template.items();
            let names: std::collections::HashSet<&str> =
                items.iter().map(|(k, _)| crate::object::str::str_value(k).expect("a str key")).collect();
            assert_eq!(names.len(), template.len());
            let d = super::builtins_dict().unwrap();
            let d = crate::object::dict::as_dict(&d).unwrap();
            assert_eq!(d.len(), template.len());
            assert!(d.get_str(&crate::object::intern("len").ob_base).is_some());
            assert!(!std::ptr::eq(d, template), "each interpreter's builtins is its own dict");
        });
    }
}
