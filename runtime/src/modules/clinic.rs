//! Argument parsing for the builtins with keyword parameters, with the exact messages of
//! CPython's Argument Clinic parser (`_PyArg_UnpackKeywords` in `Python/getargs.c`): the total
//! count first, then positional overflow, missing positional-only arguments, missing required
//! ones (in parameter order), arguments given twice, and unknown keywords last.

use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::builtin::args;
use crate::object::obj::Obj;

/// A builtin's signature: parameter names in order, how many are positional-only, how many
/// are required, and how many may be given by position (the rest are keyword-only).
pub(crate) struct Signature {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub posonly: usize,
    pub required: usize,
    pub maxpos: usize,
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The arguments of a call bound to `sig`'s parameters (`None` where not given).
pub(crate) fn bind<'a>(sig: &Signature, a: &'a [Obj], k: Option<&'a PyObject>) -> PyResult<Vec<Option<&'a Obj>>> {
    let name = sig.name;
    let pos = args::positional(a, k);
    let kws: Vec<(&str, &Obj)> = args::keywords(a, k).collect();
    let (nargs, nkw, maxargs) = (pos.len(), kws.len(), sig.params.len());
    if nargs + nkw > maxargs {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkw
        )));
    }
    if nargs > sig.maxpos {
        return Err(PyErr::type_error(if sig.maxpos == 0 {
            format!("{name}() takes no positional arguments")
        } else {
            format!(
                "{name}() takes {} {} positional argument{} ({nargs} given)",
                if sig.required < sig.maxpos { "at most" } else { "exactly" },
                sig.maxpos,
                plural(sig.maxpos)
            )
        }));
    }
    let min_posonly = sig.required.min(sig.posonly);
    if nargs < min_posonly {
        return Err(PyErr::type_error(format!(
            "{name}() takes {} {min_posonly} positional argument{} ({nargs} given)",
            if sig.posonly < sig.maxpos { "at least" } else { "exactly" },
            plural(min_posonly)
        )));
    }
    let mut out: Vec<Option<&Obj>> = vec![None; maxargs];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for i in nargs.max(sig.posonly)..maxargs {
        match kws.iter().find(|(n, _)| *n == sig.params[i]) {
            Some((_, v)) => out[i] = Some(v),
            None if i < sig.required => {
                return Err(PyErr::type_error(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    sig.params[i],
                    i + 1
                )));
            }
            None => {}
        }
    }
    for (kw, _) in &kws {
        match sig.params.iter().position(|p| p == kw) {
            Some(i) if i < nargs && i >= sig.posonly => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{kw}') and position ({})",
                    i + 1
                )));
            }
            Some(i) if i >= sig.posonly => {}
            _ => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{kw}'"))),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POW: Signature =
        Signature { name: "pow", params: &["base", "exp", "mod"], posonly: 0, required: 2, maxpos: 3 };

    fn message(a: &[Obj], k: Option<&PyObject>) -> String {
        bind(&POW, a, k).map(|_| String::new()).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn messages_follow_argument_clinic_order() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let int = |v| crate::object::int::new_int(v).expect("an int");
            let four = [int(1), int(2), int(3), int(4)];
            assert_eq!(message(&four, None), "TypeError: pow() takes at most 3 arguments (4 given)");
            assert_eq!(message(&four[..1], None), "TypeError: pow() missing required argument 'exp' (pos 2)");
            let names = crate::object::tuple::new_tuple(vec![crate::object::str::new_str("base").expect("a str")])
                .expect("a tuple");
            assert_eq!(
                message(&four[..3], Some(&names)),
                "TypeError: argument for pow() given by name ('base') and position (1)"
            );
            let bound = bind(&POW, &four[..3], None).expect("bound");
            assert!(bound.iter().all(Option::is_some));
        });
    }
}
