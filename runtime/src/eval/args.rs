//! Binding a call's arguments to a Python function's parameters (CPython's
//! `initialize_locals`), with CPython's error messages.

use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::code::CodeObj;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::FunctionObject;
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::tuple::{items, new_tuple};
use pyrt_compile::CodeFlags;

fn quoted_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// The error for keyword `k` matching no parameter (CPython's `initialize_locals`): names of
/// positional-only parameters passed by keyword, all listed; otherwise the unexpected keyword,
/// with the closest keyword parameter as a suggestion.
#[cold]
fn unexpected_keyword(qualname: &Qualname<'_>, code: &CodeObj, kwn: &[Obj], k: &PyObject) -> PyErr {
    let co = &code.code;
    let posonly = co.posonlyargcount as usize;
    let total = co.argcount as usize + co.kwonlyargcount as usize;
    let passed: Vec<&str> = code.localsplus_names[..posonly]
        .iter()
        .filter(|n| kwn.iter().any(|kw| kw.is(n) || str_value(kw) == str_value(n)))
        .filter_map(|n| str_value(n))
        .collect();
    if !passed.is_empty() {
        return PyErr::type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            passed.join(", ")
        ));
    }
    let keyword = str_value(k).unwrap_or("?");
    let suggestion = if total > posonly {
        crate::object::suggestions::closest(&code.localsplus_names[posonly..total], keyword)
    } else {
        None
    };
    match suggestion {
        Some(s) => PyErr::type_error(format!(
            "{qualname}() got an unexpected keyword argument '{keyword}'. Did you mean '{s}'?"
        )),
        None => PyErr::type_error(format!("{qualname}() got an unexpected keyword argument '{keyword}'")),
    }
}

/// A function's `__qualname__` for error messages, read when displayed.
struct Qualname<'a>(&'a FunctionObject);

impl std::fmt::Display for Qualname<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.qualname_text())
    }
}

/// Fills `dest` (the frame's localsplus, all empty) from `args`/`kwnames`. On a binding error
/// `dest` is emptied again: the frame is never entered, and the next frame placed there must
/// not see this call's arguments.
pub fn bind_args(
    func: &FunctionObject,
    code: &CodeObj,
    args: &[Obj],
    kwnames: Option<&PyObject>,
    dest: &mut [Option<Obj>],
) -> PyResult<()> {
    let bound = bind_into(func, code, args, kwnames, dest);
    if bound.is_err() {
        dest.iter_mut().for_each(|slot| *slot = None);
    }
    bound
}

fn bind_into(
    func: &FunctionObject,
    code: &CodeObj,
    args: &[Obj],
    kwnames: Option<&PyObject>,
    dest: &mut [Option<Obj>],
) -> PyResult<()> {
    let co = &code.code;
    // Displayed only in error messages: no text is made on the success path.
    let qualname = Qualname(func);
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let posonly = co.posonlyargcount as usize;
    let has_varargs = co.flags.contains(CodeFlags::VARARGS);
    let has_varkw = co.flags.contains(CodeFlags::VARKEYWORDS);
    let kwn = kwnames.map_or(&[][..], items);
    let npos = args.len() - kwn.len();
    let total = argcount + kwonly;
    let mut kwdict = None;
    if has_varkw {
        let d = new_dict()?;
        dest[total + has_varargs as usize] = Some(d.clone());
        kwdict = Some(d);
    }
    let n = npos.min(argcount);
    for i in 0..n {
        dest[i] = Some(args[i].clone());
    }
    if has_varargs {
        dest[total] = Some(new_tuple(args[n..npos].to_vec())?);
    } else if npos > argcount {
        let defaults = func.defaults_len();
        let given_kw = kwn.iter().filter(|k| code.localsplus_names[..total].iter().any(|n| n.is(k))).count();
        let takes = if defaults > 0 {
            format!("from {} to {} positional arguments", argcount - defaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given = if given_kw > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                given_kw,
                if given_kw == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return Err(PyErr::type_error(format!("{qualname}() takes {takes} but {given}")));
    }
    for (k, v) in kwn.iter().zip(&args[npos..]) {
        let pos = code.localsplus_names[posonly..total].iter().position(|n| n.is(k) || str_value(n) == str_value(k));
        match pos {
            Some(p) => {
                let i = p + posonly;
                if dest[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{qualname}() got multiple values for argument '{}'",
                        str_value(k).unwrap_or("?")
                    )));
                }
                dest[i] = Some(v.clone());
            }
            None => match &kwdict {
                Some(d) => as_dict(d).expect("a dict").set(k.clone(), v.clone())?,
                None => return Err(unexpected_keyword(&qualname, code, kwn, k)),
            },
        }
    }
    if npos < argcount {
        let defaults = func.defaults.get();
        let defs = defaults.as_deref().map_or(&[][..], items);
        let first_default = argcount - defs.len();
        let mut missing = Vec::new();
        for i in npos..argcount {
            if dest[i].is_none() {
                if i >= first_default {
                    dest[i] = Some(defs[i - first_default].clone());
                } else {
                    missing.push(str_value(&code.localsplus_names[i]).unwrap_or("?").to_owned());
                }
            }
        }
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(String::as_str).collect();
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                quoted_list(&names)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get();
        let mut missing = Vec::new();
        for i in argcount..total {
            if dest[i].is_none() {
                let name = &code.localsplus_names[i];
                let d = kwdefaults.as_deref().and_then(as_dict).map(|d| d.get_str(name)).unwrap_or(None);
                match d {
                    Some(v) => dest[i] = Some(v),
                    None => missing.push(str_value(name).unwrap_or("?").to_owned()),
                }
            }
        }
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(String::as_str).collect();
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                quoted_list(&names)
            )));
        }
    }
    Ok(())
}

/// `_PyObject_FunctionStr`: how call errors name the callable — `module.qualname()` (no module
/// for builtins), else `str(callable)`.
pub(crate) fn function_str(func: &PyObject) -> String {
    use crate::object::abstract_ops as ops;
    let Ok(qualname) = ops::get_attr_str(func, "__qualname__") else {
        return ops::str_text(func).unwrap_or_default();
    };
    let qualname = ops::str_text(&qualname).unwrap_or_default();
    match ops::get_attr_str(func, "__module__") {
        Ok(m) if !m.is(crate::object::immortals().none) && str_value(&m) != Some("builtins") => {
            format!("{}.{qualname}()", ops::str_text(&m).unwrap_or_default())
        }
        _ => format!("{qualname}()"),
    }
}

/// `DICT_MERGE` (a call's `**mapping` into the keyword dict `d` being built for `callable`):
/// CPython's `_PyDict_MergeEx(d, src, 2)` with `format_kwargs_error`'s messages — a
/// non-mapping, or a key already given.
pub(crate) fn merge_call_kwargs(callable: &PyObject, d: &PyObject, src: &PyObject) -> PyResult<()> {
    use crate::object::abstract_ops as ops;
    let dict = as_dict(d).expect("DICT_MERGE builds a dict");
    let keys = match as_dict(src) {
        Some(s) => s.items().into_iter().map(|(k, _)| k).collect(),
        None => match ops::get_attr_str(src, "keys") {
            Ok(keys) => ops::collect(&*ops::call(&keys, &[], None)?)?,
            Err(e) if e.matches(crate::object::types().exc.named("AttributeError")) => {
                return Err(PyErr::type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    function_str(callable),
                    src.type_object().name()
                )));
            }
            Err(e) => return Err(e),
        },
    };
    for k in keys {
        let v = ops::get_item(src, &k)?;
        if dict.get(&k)?.is_some() {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                function_str(callable),
                ops::str_text(&k)?
            )));
        }
        dict.set(k, v)?;
    }
    Ok(())
}

/// `CALL_FUNCTION_EX`'s `*args` operand as a list of arguments (`check_args_iterable`).
pub(crate) fn star_args(callable: &PyObject, posargs: &PyObject) -> PyResult<Vec<Obj>> {
    use crate::object::abstract_ops as ops;
    if crate::object::tuple::is_tuple(posargs) {
        return Ok(items(posargs).to_vec());
    }
    let ty = posargs.type_object();
    if ty.iter.is_none() && ty.mapping.subscript.is_none() {
        return Err(PyErr::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            function_str(callable),
            ty.name()
        )));
    }
    ops::collect(posargs)
}

/// `CALL_FUNCTION_EX`'s `**kwargs` operand as `(names, values)`: a non-dict mapping is merged
/// into a new dict first; every key must be a `str`.
pub(crate) fn star_kwargs(callable: &PyObject, kwargs: &PyObject) -> PyResult<(Vec<Obj>, Vec<Obj>)> {
    let merged;
    let dict = match as_dict(kwargs) {
        Some(d) if std::ptr::eq(kwargs.type_object(), crate::object::types().dict_type) => d,
        _ => {
            merged = new_dict()?;
            merge_call_kwargs(callable, &merged, kwargs)?;
            as_dict(&merged).expect("a new dict")
        }
    };
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (k, v) in dict.items() {
        if !k.type_object().is_subtype(crate::object::types().str_type) {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        names.push(k);
        values.push(v);
    }
    Ok((names, values))
}
