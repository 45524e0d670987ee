//! The `io` module: `open` (the builtin's object), the text file and `StringIO` types,
//! `UnsupportedOperation`, and the `SEEK_*` and `DEFAULT_BUFFER_SIZE` constants. The binary
//! layers (`FileIO`, `BufferedReader`, `BytesIO`, ...) need the `bytes` type and are not here.

use super::{module_set, new_builtin_module};
use crate::error::PyResult;
use crate::object::dict::as_dict;
use crate::object::int::new_int;
use crate::object::obj::Obj;
use crate::object::{intern, types};

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("io", &[])?;
    let builtins = super::builtins::builtins_dict()?;
    if let Some(open) = as_dict(&builtins).and_then(|d| d.get_str(&intern("open").ob_base)) {
        module_set(&m, "open", open)?;
    }
    let t = &types().modules;
    module_set(&m, "TextIOWrapper", Obj::new_ref(t.text_io_type.as_object()))?;
    module_set(&m, "StringIO", Obj::new_ref(t.string_io_type.as_object()))?;
    module_set(&m, "UnsupportedOperation", Obj::new_ref(t.unsupported_operation_type.as_object()))?;
    for (name, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2), ("DEFAULT_BUFFER_SIZE", 8192)] {
        module_set(&m, name, new_int(v)?)?;
    }
    Ok(m)
}
