//! The `builtins` module: its functions are immortal [`MethodDef`]s shared by every
//! interpreter; each interpreter's `builtins` dict (functions, types, exceptions, constants) is
//! made on first use.

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::builtin::{MethodDef, args, leak_builtin};
use crate::object::dict::{as_dict, new_dict};
use crate::object::int::{as_int, new_bool, new_int};
use crate::object::list::{as_list, new_list};
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
        new_str(&ascii_escape(&ops::repr_text(&args::exact("ascii", a, k, 1, 1)?[0])?))
    }),
    MethodDef::function("isinstance", builtin_isinstance),
    MethodDef::function("issubclass", builtin_issubclass),
    MethodDef::function("iter", |a, k| ops::get_iter(&args::exact("iter", a, k, 1, 1)?[0])),
    MethodDef::function("next", builtin_next),
    MethodDef::function("abs", |a, k| ops::unary_op(&args::exact("abs", a, k, 1, 1)?[0], UnaryOp::Absolute)),
    MethodDef::function("min", |a, k| min_max(a, k, "min", CompareOp::Lt)),
    MethodDef::function("max", |a, k| min_max(a, k, "max", CompareOp::Gt)),
    MethodDef::function("sum", builtin_sum),
    MethodDef::function("sorted", builtin_sorted),
    MethodDef::function("enumerate", builtin_enumerate),
    MethodDef::function("zip", builtin_zip),
    MethodDef::function("reversed", |a, k| {
        let mut v = ops::collect(&args::exact("reversed", a, k, 1, 1)?[0])?;
        v.reverse();
        crate::object::core_types::new_seq_iter(new_list(v)?)
    }),
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
        match ops::get_attr(&a[0], &a[1]) {
            Ok(_) => Ok(new_bool(true)),
            Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(new_bool(false)),
            Err(e) => Err(e),
        }
    }),
    MethodDef::function("getattr", |a, k| {
        let a = args::exact("getattr", a, k, 2, 3)?;
        if str_value(&a[1]).is_none() {
            return Err(PyErr::type_error("attribute name must be string"));
        }
        match ops::get_attr(&a[0], &a[1]) {
            Err(e) if a.len() == 3 && e.matches(types().exc.named("AttributeError")) => Ok(a[2].clone()),
            r => r,
        }
    }),
    MethodDef::function("setattr", |a, k| {
        let a = args::exact("setattr", a, k, 3, 3)?;
        ops::set_attr(&a[0], &a[1], Some(&a[2]))?;
        Ok(args::none())
    }),
    MethodDef::function("delattr", |a, k| {
        let a = args::exact("delattr", a, k, 2, 2)?;
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
        match u32::try_from(c).ok().and_then(char::from_u32) {
            Some(c) => new_str(c.encode_utf8(&mut [0; 4])),
            None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
        }
    }),
    MethodDef::function("ord", |a, k| {
        let a = args::exact("ord", a, k, 1, 1)?;
        let s = str_value(&a[0]).ok_or_else(|| {
            PyErr::type_error(format!("ord() expected string of length 1, but {} found", a[0].type_object().name()))
        })?;
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => new_int(c as i64),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        }
    }),
    MethodDef::function("divmod", |a, k| {
        let a = args::exact("divmod", a, k, 2, 2)?;
        new_tuple(vec![
            ops::binary_op(&a[0], &a[1], BinOp::FloorDivide)?,
            ops::binary_op(&a[0], &a[1], BinOp::Remainder)?,
        ])
    }),
    MethodDef::function("pow", |a, k| {
        let a = args::exact("pow", a, k, 2, 2)?;
        ops::binary_op(&a[0], &a[1], BinOp::Power)
    }),
    MethodDef::function("round", builtin_round),
    MethodDef::function("format", |a, k| {
        let a = args::exact("format", a, k, 1, 2)?;
        let spec = a.get(1).and_then(|s| str_value(s).map(str::to_owned)).unwrap_or_default();
        super::format::format(&a[0], &spec)
    }),
    MethodDef::function("__build_class__", builtin_build_class),
    MethodDef::function("__import__", super::import::builtin_import),
    MethodDef::function("open", crate::object::textio::builtin_open),
    MethodDef::function("input", super::sys::builtin_input),
    MethodDef::function("vars", super::namespaces::builtin_vars),
    MethodDef::function("globals", super::namespaces::builtin_globals),
    MethodDef::function("locals", super::namespaces::builtin_locals),
    MethodDef::function("dir", super::namespaces::builtin_dir),
    MethodDef::function("compile", super::namespaces::builtin_compile),
    MethodDef::function("exec", super::namespaces::builtin_exec),
    MethodDef::function("eval", super::namespaces::builtin_eval),
    // `super()` inside a method compiles to LOAD_SUPER_ATTR, which only checks that this name
    // is bound; `super` objects themselves (the explicit call) are not built yet.
    MethodDef::function("super", |_, _| {
        Err(PyErr::runtime_error("super objects are not supported yet; use super().name"))
    }),
];

/// `repr()` text with non-ASCII characters escaped (`ascii()`).
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            0x100..=0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            v => out.push_str(&format!("\\U{:08x}", v)),
        }
    }
    out
}

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
            text.push_str(&ops::str_text(x)?);
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

fn class_info_check(cls: &PyObject, f: &dyn Fn(&crate::object::TypeObject) -> bool, name: &str) -> PyResult<bool> {
    if crate::object::tuple::is_tuple(cls) {
        for c in crate::object::tuple::items(cls) {
            if class_info_check(c, f, name)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match as_type(cls) {
        Some(t) => Ok(f(t)),
        None => Err(PyErr::type_error(format!("{name}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn builtin_isinstance(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("isinstance", a, k, 2, 2)?;
    let ty = a[0].type_object();
    Ok(new_bool(class_info_check(&a[1], &|t| ty.is_subtype(t), "isinstance")?))
}

fn builtin_issubclass(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("issubclass", a, k, 2, 2)?;
    let sub = as_type(&a[0]).ok_or_else(|| PyErr::type_error("issubclass() arg 1 must be a class"))?;
    Ok(new_bool(class_info_check(&a[1], &|t| sub.is_subtype(t), "issubclass")?))
}

fn builtin_next(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("next", a, k, 1, 2)?;
    if a[0].type_object().iternext.is_none() {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", a[0].type_object().name())));
    }
    match ops::next(&a[0])? {
        Some(v) => Ok(v),
        None => a.get(1).cloned().ok_or_else(|| PyErr::stop_iteration(None)),
    }
}

fn keyword<'a>(a: &'a [Obj], k: Option<&'a PyObject>, name: &str) -> Option<&'a Obj> {
    args::keywords(a, k).find(|(n, _)| *n == name).map(|(_, v)| v).filter(|v| !v.is(immortals().none))
}

fn min_max(a: &[Obj], k: Option<&PyObject>, name: &str, op: CompareOp) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let key = keyword(a, k, "key");
    let default = args::keywords(a, k).find(|(n, _)| *n == "default").map(|(_, v)| v.clone());
    let candidates = match pos {
        [] => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        [one] => ops::collect(one)?,
        many => many.to_vec(),
    };
    let mut best: Option<(Obj, Obj)> = None;
    for x in candidates {
        let kx = match key {
            Some(f) => ops::call(f, &[x.clone()], None)?,
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
    let pos = args::positional(a, k);
    let start = keyword(a, k, "start").cloned().or_else(|| pos.get(1).cloned());
    let mut acc = start.unwrap_or(new_int(0)?);
    if str_value(&acc).is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = ops::get_iter(
        pos.first().ok_or_else(|| PyErr::type_error("sum() takes at least 1 positional argument (0 given)"))?,
    )?;
    // Floats are added with Neumaier's compensation while the total and the items are exact
    // floats (or machine ints), as CPython 3.12+ does: `sum([0.1] * 10) == 1.0`.
    let float_type = types().float_type;
    let mut compensated: Option<(f64, f64)> = None;
    while let Some(x) = ops::next(&it)? {
        if compensated.is_none() && std::ptr::eq(acc.type_object(), float_type) {
            compensated = crate::object::float::as_float(&acc).map(|f| (f, 0.0));
        }
        if let Some((total, c)) = compensated {
            if let Some(v) = crate::object::float::as_float(&x).filter(|_| std::ptr::eq(x.type_object(), float_type)) {
                let t = total + v;
                let c = if total.abs() >= v.abs() { c + ((total - t) + v) } else { c + ((v - t) + total) };
                compensated = Some((t, c));
                continue;
            }
            // An int that fits a C long is added as a double, without compensation (CPython's).
            if let Some(crate::object::int::IntVal::Small(v)) = as_int(&x) {
                compensated = Some((total + v as f64, c));
                continue;
            }
            acc = crate::object::float::new_float(if c != 0.0 && c.is_finite() { total + c } else { total })?;
            compensated = None;
        }
        acc = ops::binary_op(&acc, &x, BinOp::Add)?;
    }
    if let Some((total, c)) = compensated {
        acc = crate::object::float::new_float(if c != 0.0 && c.is_finite() { total + c } else { total })?;
    }
    Ok(acc)
}

/// Sorts `items` stably by `key` (merge sort through `<`, as `list.sort`'s contract requires;
/// Timsort itself comes later).
pub fn sort_objects(items: Vec<Obj>, key: Option<&Obj>, reverse: bool) -> PyResult<Vec<Obj>> {
    let keyed: Vec<(Obj, Obj)> = items
        .into_iter()
        .map(|x| {
            Ok((
                match key {
                    Some(f) => ops::call(f, &[x.clone()], None)?,
                    None => x.clone(),
                },
                x,
            ))
        })
        .collect::<PyResult<_>>()?;
    let mut keyed = keyed;
    if reverse {
        keyed.reverse();
    }
    let mut err = None;
    let sorted = merge_sort(keyed, &mut |a, b| match ops::rich_compare_bool(b, a, CompareOp::Lt) {
        Ok(v) => v,
        Err(e) => {
            err.get_or_insert(e);
            false
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    let mut out: Vec<Obj> = sorted.into_iter().map(|(_, x)| x).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// A stable merge sort; `less(a, b)` says `b < a` must not hold for `a` to stay first.
fn merge_sort(mut v: Vec<(Obj, Obj)>, lt: &mut dyn FnMut(&Obj, &Obj) -> bool) -> Vec<(Obj, Obj)> {
    if v.len() <= 1 {
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(v, lt);
    let right = merge_sort(right, lt);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        // Take from the right only when right < left (so equal keys keep their order).
        if lt(&a.0, &b.0) {
            out.push(r.next().expect("peeked"));
        } else {
            out.push(l.next().expect("peeked"));
        }
    }
    out.extend(l);
    out.extend(r);
    out
}

fn builtin_sorted(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let [iterable] = pos else {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    };
    let reverse = match keyword(a, k, "reverse") {
        Some(r) => ops::is_true(r)?,
        None => false,
    };
    new_list(sort_objects(ops::collect(iterable)?, keyword(a, k, "key"), reverse)?)
}

fn builtin_enumerate(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let start = match keyword(a, k, "start").or(pos.get(1)) {
        Some(s) => ops::index_isize(s)? as i64,
        None => 0,
    };
    let src = pos.first().ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    let v = ops::collect(src)?;
    let pairs = v
        .into_iter()
        .enumerate()
        .map(|(i, x)| new_tuple(vec![new_int(start + i as i64)?, x]))
        .collect::<PyResult<_>>()?;
    crate::object::core_types::new_seq_iter(new_list(pairs)?)
}

fn builtin_zip(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let strict = match keyword(a, k, "strict") {
        Some(s) => ops::is_true(s)?,
        None => false,
    };
    let iters: Vec<Obj> = pos.iter().map(|x| ops::get_iter(x)).collect::<PyResult<_>>()?;
    let mut rows = Vec::new();
    if !iters.is_empty() {
        'rows: loop {
            let mut row = Vec::with_capacity(iters.len());
            for (n, it) in iters.iter().enumerate() {
                match ops::next(it)? {
                    Some(x) => row.push(x),
                    None => {
                        if strict && (n > 0 || iters[1..].iter().any(|it| ops::next(it).ok().flatten().is_some())) {
                            let msg = if n > 0 {
                                format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    n + 1,
                                    if n > 1 { "s" } else { "" },
                                    if n > 1 { format!("-{n}") } else { String::new() }
                                )
                            } else {
                                "zip() argument 2 is longer than argument 1".to_owned()
                            };
                            return Err(PyErr::value_error(msg));
                        }
                        break 'rows;
                    }
                }
            }
            rows.push(new_tuple(row)?);
        }
    }
    crate::object::core_types::new_seq_iter(new_list(rows)?)
}

fn builtin_round(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let x = pos.first().ok_or_else(|| PyErr::type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = pos.get(1).or(keyword(a, k, "ndigits")).filter(|n| !n.is(immortals().none));
    if as_int(x).is_some() && nd.is_none() {
        return crate::object::core_types::to_int(x);
    }
    match crate::object::attr::lookup_str(x.type_object(), "__round__") {
        Some(f) => {
            let mut argv = vec![x.clone()];
            if let Some(n) = nd {
                argv.push(n.clone());
            }
            ops::call(&f, &argv, None)
        }
        None => Err(PyErr::type_error(format!("type {} doesn't define __round__ method", x.type_object().name()))),
    }
}

fn builtin_build_class(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let (func, name, bases) = match pos {
        [f, n, rest @ ..] => (f, n, rest.to_vec()),
        _ => return Err(PyErr::type_error("__build_class__: not enough arguments")),
    };
    let ns = new_dict()?;
    let cell = crate::eval::run_class_body(func, ns.clone())?;
    let meta = Obj::new_ref(types().type_type.as_object());
    let cls = ops::call(&meta, &[name.clone(), new_tuple(bases)?, ns.clone()], None)?;
    if let Some(c) = crate::object::function::as_cell(&cell) {
        c.set(Some(cls.clone()));
    }
    Ok(cls)
}

fn make_builtins() -> PyResult<Obj> {
    let d = new_dict()?;
    let dd = as_dict(&d).expect("a dict");
    let set = |name: &str, v: &PyObject| dd.set(Obj::new_ref(&intern(name).ob_base), Obj::new_ref(v));
    for def in BUILTINS {
        set(def.name, leak_builtin_cached(def))?;
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
    ] {
        set(ty.name(), ty.as_object())?;
    }
    for (name, ty) in &t.exc.all {
        set(name, ty.as_object())?;
    }
    set("EnvironmentError", t.exc.named("OSError").as_object())?;
    set("IOError", t.exc.named("OSError").as_object())?;
    let im = immortals();
    set("None", im.none)?;
    set("Ellipsis", im.ellipsis)?;
    set("NotImplemented", im.not_implemented)?;
    set("True", &im.true_.ob_base)?;
    set("False", &im.false_.ob_base)?;
    set("__name__", &intern("builtins").ob_base)?;
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        set(k, im.none)?;
    }
    Ok(d)
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
        crate::object::module::new_module_with_dict(builtins_dict()?, true)
    })
}

/// `list.sort` and friends use [`sort_objects`]; a list in place:
pub fn sort_list(list: &PyObject, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    let l = as_list(list).ok_or_else(|| PyErr::type_error("sort() needs a list"))?;
    let items = l.replace(Vec::new());
    match sort_objects(items.clone(), key, reverse) {
        Ok(sorted) => {
            l.replace(sorted);
            Ok(())
        }
        Err(e) => {
            l.replace(items);
            Err(e)
        }
    }
}
