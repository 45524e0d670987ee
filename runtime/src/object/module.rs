//! The `module` type (`types.ModuleType`), and the static types the modules written in Rust
//! need besides it ([`ModuleTypes`]: text files, struct sequences).
//!
//! A module is a header, its namespace dict (at the type's `dict_offset`, so `m.__dict__`,
//! `vars(m)` and the generic attribute protocol all see it) and an "initialising" flag the
//! import system sets while the module's code runs. Attribute lookup is CPython 3.13's
//! `module_getattro`: the generic protocol first; on `AttributeError`, a `__getattr__` function
//! in the module's dict is called (PEP 562); else the error names the module, and says
//! "partially initialized" while the module's code is still running (a circular import).
//!
//! `repr` follows `importlib._bootstrap._module_repr`, reading attributes (so a subclass's
//! `__getattribute__` and a module `__getattr__` are seen): from `__spec__` when it is set,
//! else `<module 'x' from '/path/x.py'>` when the module has a `__file__`, `<module 'x'
//! (built-in)>` for modules written in Rust, `<module 'x' (loader)>` or `<module 'x'>`.
//!
//! `module(name, doc=None)` is CPython's two steps: `module.__new__` makes a module with an
//! empty dict (any subclass of `module`, with its own layout), `module.__init__` fills in
//! `__name__`, `__doc__`, `__package__`, `__loader__` and `__spec__`.

use std::cell::Cell;
use std::ptr::NonNull;

use super::alloc::{alloc, alloc_sized, drop_and_free, free_object};
use super::attr::{dict_slot, generic_getattr};
use super::builtin::args;
use super::core_types::CoreTypes;
use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, intern, new_static_type, types};
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::{TypeObject, flags};
use crate::error::{PyErr, PyResult};

/// A module object.
#[repr(C)]
pub struct ModuleObject {
    /// Header.
    pub ob_base: PyObject,
    /// The namespace (`__dict__`), at the type's `dict_offset`.
    /// (written only through `attr::dict_slot`: an `UnsafeCell` because it changes behind `&`)
    pub(crate) dict: std::cell::UnsafeCell<Option<Obj>>,
    /// True while the module's code runs (set by the import system).
    pub initializing: Cell<bool>,
    /// Set on a module the import system made before its own Python objects existed (`sys`,
    /// `builtins`, a module written in Rust imported meanwhile): the attributes those objects
    /// would have given it ([`IMPORT_STATE_NAMES`]) are made when one is first read or written
    /// (see [`complete_import_state`]).
    pub(crate) import_state_pending: crate::sync::AtomicBool,
    /// Written in Rust (`sys`, `math`, ...): its repr says `(built-in)`.
    pub builtin: bool,
}

/// The static types of the modules written in Rust.
pub struct ModuleTypes {
    /// `module`.
    pub module_type: &'static TypeObject,
    /// `_io.TextIOWrapper`.
    pub text_io_type: &'static TypeObject,
    /// `io.UnsupportedOperation`.
    pub unsupported_operation_type: &'static TypeObject,
    /// `io.StringIO`.
    pub string_io_type: &'static TypeObject,
    /// The struct sequences (`sys.version_info`, `sys.flags`, ...), see [`super::structseq`].
    pub struct_seq_types: Vec<&'static TypeObject>,
}

static MODULE_METHODS: &[super::builtin::MethodDef] = &[super::builtin::MethodDef::method("__dir__", module_dir)];

/// `module.__dir__` (CPython's `module_dir`): the module's own `__dir__()` when its dict has
/// one (PEP 562), else the names in its dict.
fn module_dir(argv: &[Obj], kwnames: Option<&PyObject>) -> crate::error::PyResult<Obj> {
    let (m, _) = super::builtin::args::method("__dir__", argv, kwnames, 0, 0)?;
    complete_import_state(m)?;
    // Read as an attribute, as CPython's `module_dir` does (a subclass may override it).
    let dict = super::abstract_ops::get_attr_str(m, "__dict__")?;
    let d = super::dict::as_dict(&dict)
        .ok_or_else(|| crate::error::PyErr::type_error("<module>.__dict__ is not a dictionary"))?;
    if let Some(custom) = d.get_str(&intern("__dir__").ob_base) {
        return super::abstract_ops::call(&custom, &[], None);
    }
    super::list::new_list(d.items().into_iter().map(|(k, _)| k).collect())
}

/// Phase one of the static types (see `immortal`): this file's types and their specs.
pub(crate) fn make_module_types(
    core: &CoreTypes,
    exc: &super::exceptions::ExceptionTypes,
    specs: &mut Vec<TypeSpec>,
) -> ModuleTypes {
    let module_type =
        new_static_type(core.type_type, "module", size_of::<ModuleObject>(), flags::BASETYPE, dealloc_module, |t| {
            t.dict_offset = std::mem::offset_of!(ModuleObject, dict);
            t.getattro = module_getattro;
            t.setattro = Some(module_setattro);
            t.repr = Some(module_repr);
            t.new = Some(module_new);
            t.init = Some(module_init);
            t.hash = core.object_type.hash;
            t.richcompare = core.object_type.richcompare;
        });
    specs.push(TypeSpec {
        ty: module_type,
        base: Some(core.object_type),
        methods: MODULE_METHODS,
        getsets: MODULE_GETSETS,
    });
    let text_io_type = super::textio::make_text_io_type(core, specs);
    let unsupported_operation_type = super::textio::make_unsupported_operation_type(core, exc.named("OSError"), specs);
    let string_io_type = super::stringio::make_string_io_type(core, specs);
    let struct_seq_types = super::structseq::make_struct_seq_types(core, specs);
    ModuleTypes { module_type, text_io_type, unsupported_operation_type, string_io_type, struct_seq_types }
}

/// The module behind `obj`, if it is one.
pub fn as_module(obj: &PyObject) -> Option<&ModuleObject> {
    if obj.type_object().is_subtype(types().modules.module_type) {
        // SAFETY: instances of `module` (and its subclasses) start with ModuleObject.
        Some(unsafe { obj.cast::<ModuleObject>() })
    } else {
        None
    }
}

/// A new module named `name` with `__name__`, `__doc__`, `__package__`, `__loader__` and
/// `__spec__` set (the last three `None`, as `PyModule_New` leaves them).
pub fn new_module(name: &str, builtin: bool) -> PyResult<Obj> {
    // A copy of the per-process template of a module's first entries (no name looked up in
    // the intern table, no hashing), then its `__name__`.
    let dict = super::dict::new_dict_from_template(module_template().0)?;
    let name_key = module_template().1;
    as_dict(&dict).expect("a dict").set(Obj::new_ref(name_key), new_str(name)?)?;
    // SAFETY: ModuleObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().modules.module_type, |ob_base| ModuleObject {
            ob_base,
            dict: std::cell::UnsafeCell::new(Some(dict)),
            initializing: Cell::new(false),
            import_state_pending: crate::sync::AtomicBool::new(false),
            builtin,
        })
    }
}

/// The template of a new module's dict — `__name__` (`None` until the module's name replaces
/// it), `__doc__`, `__package__`, `__loader__`, `__spec__`, all `None` — and the interned
/// `__name__`. Leaked, never written after it is made; once per process (per explored
/// execution under loom, whose objects' headers hold that execution's atomics).
struct ModuleTemplate(&'static super::dict::DictObject, &'static PyObject);
// SAFETY: immortal objects, never written after they are made (incref and decref never write
// immortal objects).
unsafe impl Sync for ModuleTemplate {}
// SAFETY: as above.
unsafe impl Send for ModuleTemplate {}

fn make_module_template() -> ModuleTemplate {
    let dict = super::dict::leak_dict(types().dict_type);
    let none = immortals().none;
    for k in ["__name__", "__doc__", "__package__", "__loader__", "__spec__"] {
        // SAFETY: `dict` was leaked above and is published only when this returns.
        unsafe { dict.set_immortal(&intern(k).ob_base, none) };
    }
    ModuleTemplate(dict, &intern("__name__").ob_base)
}

fn module_template() -> &'static ModuleTemplate {
    #[cfg(not(loom))]
    {
        static TEMPLATE: std::sync::OnceLock<ModuleTemplate> = std::sync::OnceLock::new();
        TEMPLATE.get_or_init(make_module_template)
    }
    #[cfg(loom)]
    {
        crate::sync::lazy_static! {
            static ref TEMPLATE: ModuleTemplate = make_module_template();
        }
        &TEMPLATE
    }
}

/// A module whose namespace is the existing dict `dict` (the `builtins` module's).
pub fn new_module_with_dict(dict: Obj, builtin: bool) -> PyResult<Obj> {
    // SAFETY: ModuleObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().modules.module_type, |ob_base| ModuleObject {
            ob_base,
            dict: std::cell::UnsafeCell::new(Some(dict)),
            initializing: Cell::new(false),
            import_state_pending: crate::sync::AtomicBool::new(false),
            builtin,
        })
    }
}

fn key(name: &str) -> Obj {
    Obj::new_ref(&intern(name).ob_base)
}

/// The module's namespace dict.
pub fn module_dict(m: &PyObject) -> Option<Obj> {
    dict_slot(m).and_then(|s| s.get())
}

/// `m.__dict__[name]` (no descriptors, no `__getattr__`).
pub fn module_get(m: &PyObject, name: &str) -> Option<Obj> {
    module_dict(m).and_then(|d| as_dict(&d).and_then(|d| d.get_str(&intern(name).ob_base)))
}

/// The module's `__name__` as text, if it is a str.
pub fn module_name(m: &PyObject) -> Option<String> {
    module_get(m, "__name__").and_then(|n| str_value(&n).map(str::to_owned))
}

/// `module.__new__` (`new_module_notrack`): a module of type `ty` with an empty dict; the
/// arguments are `__init__`'s.
fn module_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let dict = super::dict::new_dict()?;
    let size = ty.basic_size.max(size_of::<ModuleObject>());
    // SAFETY: the block holds a ModuleObject (a subclass adds nothing to the layout that needs
    // initialising: its instances use the module's dict, and weak references live outside);
    // the module deallocator drops it.
    unsafe {
        alloc_sized(ty, size, |ob_base| ModuleObject {
            ob_base,
            dict: std::cell::UnsafeCell::new(Some(dict)),
            initializing: Cell::new(false),
            import_state_pending: crate::sync::AtomicBool::new(false),
            builtin: false,
        })
    }
}

/// `module.__init__(name, doc=None)` (`module___init___impl`): the dict's `__name__`,
/// `__doc__`, `__package__`, `__loader__` and `__spec__`.
fn module_init(m: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let pos = args::positional(argv, kwnames);
    let mut name = pos.first().cloned();
    let mut doc = pos.get(1).cloned();
    for (k, v) in args::keywords(argv, kwnames) {
        match k {
            "name" => name = Some(v.clone()),
            "doc" => doc = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!("module() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            pos.len() + args::keywords(argv, kwnames).count()
        )));
    }
    let Some(name) = name else {
        return Err(PyErr::type_error("module() missing required argument 'name' (pos 1)"));
    };
    if str_value(&name).is_none() {
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.type_object().name()
        )));
    }
    let dict = match module_dict(m) {
        Some(d) => d,
        None => {
            let d = super::dict::new_dict()?;
            dict_slot(m).expect("a module has a dict slot").set(Some(d.clone()));
            d
        }
    };
    let d = as_dict(&dict).ok_or_else(|| PyErr::type_error("<module>.__dict__ is not a dictionary"))?;
    let none = || Obj::new_ref(immortals().none);
    d.set(key("__name__"), name)?;
    d.set(key("__doc__"), doc.unwrap_or_else(none))?;
    d.set(key("__package__"), none())?;
    d.set(key("__loader__"), none())?;
    d.set(key("__spec__"), none())?;
    Ok(())
}

/// The attributes of `sys` and of a module written in Rust that the import system's Python
/// objects give them (`sys.meta_path` holds `BuiltinImporter`, `math.__spec__` is a
/// `ModuleSpec`, `sys.modules` lists `_frozen_importlib`), and `__dict__`, which shows them all.
pub(crate) const IMPORT_STATE_NAMES: [&str; 8] =
    ["__spec__", "__loader__", "__package__", "__dict__", "meta_path", "path_hooks", "path_importer_cache", "modules"];

/// Whether reading or writing `name` of module `obj` must first make the import system's
/// objects (the module is marked pending and `name` is one of [`IMPORT_STATE_NAMES`]).
#[inline]
pub(crate) fn needs_import_state(obj: &PyObject, name: &PyObject) -> bool {
    as_module(obj).is_some_and(|m| m.import_state_pending.load(crate::sync::Ordering::Acquire))
        && str_value(name).is_some_and(|n| IMPORT_STATE_NAMES.contains(&n))
}

/// Marks module `m` as made before the import system's objects: they are made when one of
/// [`IMPORT_STATE_NAMES`] is first read or written.
pub(crate) fn defer_import_state(m: &PyObject) {
    if let Some(m) = as_module(m) {
        m.import_state_pending.store(true, crate::sync::Ordering::Release);
    }
}

/// Clears module `m`'s pending mark (the import system's objects are being made).
pub(crate) fn clear_import_state_pending(m: &PyObject) {
    if let Some(m) = as_module(m) {
        m.import_state_pending.store(false, crate::sync::Ordering::Release);
    }
}

/// Makes the import system's objects for a pending module (see [`defer_import_state`]),
/// through the import seam: the mark is cleared first, so that the import system reading the
/// module meanwhile does not come back here.
pub(crate) fn complete_import_state(m: &PyObject) -> PyResult<()> {
    if let Some(module) = as_module(m) {
        if module.import_state_pending.swap(false, crate::sync::Ordering::AcqRel) {
            return super::import_seam::complete_import_state(m);
        }
    }
    Ok(())
}

/// `module.__setattr__`: the generic protocol, after making the import system's objects when
/// `name` is one of theirs (so that `sys.meta_path = [...]` is not overwritten later).
fn module_setattro(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    if needs_import_state(obj, name) {
        complete_import_state(obj)?;
    }
    super::attr::generic_setattr(obj, name, value)
}

/// `module.__getattribute__` with PEP 562's `__getattr__` and CPython 3.13's messages.
pub(crate) fn module_getattro(obj: &PyObject, name: &PyObject) -> PyResult<Obj> {
    if needs_import_state(obj, name) {
        complete_import_state(obj)?;
    }
    match generic_getattr(obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(types().exc.named("AttributeError")) => {
            let dict = module_dict(obj);
            let dd = dict.as_deref().and_then(as_dict);
            if let Some(getattr) = dd.and_then(|d| d.get_str(&intern("__getattr__").ob_base)) {
                return super::abstract_ops::call(&getattr, &[Obj::new_ref(name)], None);
            }
            let attr = str_value(name).unwrap_or("?");
            let Some(mod_name) = dd.and_then(|d| d.get_str(&intern("__name__").ob_base)) else {
                return Err(PyErr::attribute_error(format!("module has no attribute '{attr}'")));
            };
            let Some(mod_name) = str_value(&mod_name).map(str::to_owned) else {
                return Err(PyErr::attribute_error(format!("module has no attribute '{attr}'")));
            };
            let initializing = as_module(obj).is_some_and(|m| m.initializing.get());
            let origin = dd
                .and_then(|d| d.get_str(&intern("__file__").ob_base))
                .and_then(|f| str_value(&f).map(|f| format!(" from '{f}'")))
                .unwrap_or_default();
            Err(PyErr::attribute_error(if initializing {
                format!(
                    "partially initialized module '{mod_name}'{origin} has no attribute '{attr}' (most likely due to a circular import)"
                )
            } else {
                format!("module '{mod_name}' has no attribute '{attr}'")
            }))
        }
        Err(e) => Err(e),
    }
}

fn module_repr(obj: &PyObject) -> PyResult<Obj> {
    use super::abstract_ops::{is_true, repr_text};
    use super::exception_group::optional_attr;
    let none = immortals().none;
    let loader = optional_attr(obj, "__loader__")?.filter(|l| !l.is(none));
    if let Some(spec) = optional_attr(obj, "__spec__")? {
        if is_true(&spec)? {
            return new_str(&repr_from_spec(&spec)?);
        }
    }
    let name = match optional_attr(obj, "__name__")? {
        Some(n) => repr_text(&n)?,
        None => "'?'".to_owned(),
    };
    let text = match optional_attr(obj, "__file__")? {
        Some(f) => format!("<module {name} from {}>", repr_text(&f)?),
        None => match loader {
            Some(l) => format!("<module {name} ({})>", repr_text(&l)?),
            None if as_module(obj).is_some_and(|m| m.builtin) => format!("<module {name} (built-in)>"),
            None => format!("<module {name}>"),
        },
    };
    new_str(&text)
}

/// `_module_repr_from_spec`.
fn repr_from_spec(spec: &PyObject) -> PyResult<String> {
    use super::abstract_ops::{get_attr_str, is_true, repr_text};
    let none = immortals().none;
    let spec_name = get_attr_str(spec, "name")?;
    let name = if spec_name.is(none) { "'?'".to_owned() } else { repr_text(&spec_name)? };
    let origin = get_attr_str(spec, "origin")?;
    if origin.is(none) {
        let loader = get_attr_str(spec, "loader")?;
        return Ok(if loader.is(none) {
            format!("<module {name}>")
        } else {
            format!("<module {name} ({})>", repr_text(&loader)?)
        });
    }
    Ok(if is_true(&*get_attr_str(spec, "has_location")?)? {
        format!("<module {name} from {}>", repr_text(&origin)?)
    } else {
        format!("<module {} ({})>", repr_text(&spec_name)?, super::abstract_ops::str_text(&origin)?)
    })
}

/// # Safety
///
/// Called once, with no reference left, on a `ModuleObject`.
unsafe fn dealloc_module(op: NonNull<PyObject>) {
    // SAFETY: the layout is ModuleObject (a subclass's block is larger, freed the same way);
    // an instance of a subclass releases its class after the block.
    unsafe {
        let ty = op.as_ref().type_object();
        if !ty.is_heap() {
            return drop_and_free::<ModuleObject>(op);
        }
        let heap = NonNull::from(ty.as_object());
        std::ptr::drop_in_place(op.cast::<ModuleObject>().as_ptr());
        free_object(op);
        super::refcount::decref(heap);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_repr_and_missing_attribute() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let m = new_module("spam", false).unwrap();
            assert_eq!(super::super::abstract_ops::repr_text(&m).unwrap(), "<module 'spam'>");
            let err = super::super::abstract_ops::get_attr_str(&m, "eggs").unwrap_err();
            assert_eq!(
                crate::object::exceptions::message_text(&err.into_object()),
                "module 'spam' has no attribute 'eggs'"
            );
            as_module(&m).unwrap().initializing.set(true);
            let err = super::super::abstract_ops::get_attr_str(&m, "eggs").unwrap_err();
            assert!(crate::object::exceptions::message_text(&err.into_object()).starts_with("partially initialized"));
            let b = new_module("sys", true).unwrap();
            assert_eq!(super::super::abstract_ops::repr_text(&b).unwrap(), "<module 'sys' (built-in)>");
        });
    }
}

static MODULE_GETSETS: &[super::builtin::GetSetDef] = &[super::builtin::GetSetDef {
    name: "__annotations__",
    get: module_get_annotations,
    set: Some(module_set_annotations),
}];

/// The module's `__dict__` for `__annotations__` (read through the attribute, as CPython does).
fn annotations_dict(m: &PyObject) -> PyResult<Obj> {
    let dict = super::abstract_ops::get_attr_str(m, "__dict__")?;
    if super::dict::as_dict(&dict).is_none() {
        return Err(PyErr::type_error("<module>.__dict__ is not a dictionary"));
    }
    Ok(dict)
}

/// `module.__annotations__` (CPython 3.13's `module_get_annotations`): the module dict's
/// `__annotations__`, or a new empty dict stored there.
fn module_get_annotations(m: &PyObject) -> PyResult<Obj> {
    let dict = annotations_dict(m)?;
    let d = super::dict::as_dict(&dict).expect("checked");
    let key = &super::immortal::intern("__annotations__").ob_base;
    if let Some(a) = d.get_str(key) {
        return Ok(a);
    }
    let fresh = super::dict::new_dict()?;
    d.set(Obj::new_ref(key), fresh.clone())?;
    Ok(fresh)
}

/// `module.__annotations__ = value` / `del module.__annotations__`.
fn module_set_annotations(m: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let dict = annotations_dict(m)?;
    let d = super::dict::as_dict(&dict).expect("checked");
    let key = &super::immortal::intern("__annotations__").ob_base;
    match value {
        Some(v) => d.set(Obj::new_ref(key), Obj::new_ref(v)),
        None => match d.remove(key)? {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(PyErr::attribute_error("__annotations__")),
        },
    }
}
