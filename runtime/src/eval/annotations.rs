//! `SETUP_ANNOTATIONS`: a module or class body with annotated assignments (`x: int = 1`) gets
//! an `__annotations__` dict in its namespace before the first one runs; each annotation is
//! then stored into it by ordinary `STORE_SUBSCR` code (CPython 3.13's eager annotations,
//! before PEP 649). An `__annotations__` the namespace already holds is kept.

use crate::error::PyResult;
use crate::object::abstract_ops as ops;
use crate::object::dict::{as_dict, new_dict};
use crate::object::obj::Obj;
use crate::object::{PyObject, intern, types};

/// Makes sure `locals` (the namespace of a module or class body) has `__annotations__`.
pub(crate) fn setup_annotations(locals: &PyObject) -> PyResult<()> {
    let key = &intern("__annotations__").ob_base;
    let present = match as_dict(locals) {
        Some(d) => d.get_str(key).is_some(),
        None => match ops::get_item(locals, key) {
            Ok(_) => true,
            Err(e) if e.matches(types().exc.named("KeyError")) => false,
            Err(e) => return Err(e),
        },
    };
    if present {
        return Ok(());
    }
    let ann: Obj = new_dict()?;
    match as_dict(locals) {
        Some(d) => d.set(Obj::new_ref(key), ann),
        None => ops::set_item(locals, key, Some(&ann)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::str::new_str;

    #[test]
    fn creates_the_dict_once_and_keeps_an_existing_one() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let ns = new_dict().unwrap();
            setup_annotations(&ns).unwrap();
            let key = new_str("__annotations__").unwrap();
            let first = as_dict(&ns).unwrap().get(&key).unwrap().expect("created");
            assert!(as_dict(&first).is_some_and(|d| d.is_empty()));
            setup_annotations(&ns).unwrap();
            let second = as_dict(&ns).unwrap().get(&key).unwrap().unwrap();
            assert!(first.is(&second), "an existing __annotations__ is kept");
        });
    }
}
