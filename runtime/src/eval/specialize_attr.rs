//! The attribute families of the specialiser: `LOAD_ATTR` and `STORE_ATTR`
//! (`Python/specialize.c`'s `_Py_Specialize_LoadAttr` / `_Py_Specialize_StoreAttr`,
//! `specialize_dict_access`, `analyze_descriptor`; the forms' semantics are
//! `Python/bytecodes.c`'s).
//!
//! The owner is classified once, when the counter reaches zero:
//!
//! | owner, attribute | form | caches after the counter |
//! |---|---|---|
//! | instance with inline values, name in the class's shared keys, no data descriptor | `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` | type version, value index |
//! | a `__slots__` member (`member_descriptor`) | `LOAD_ATTR_SLOT` / `STORE_ATTR_SLOT` | type version, member offset in words |
//! | instance with a materialised (or builtin-subclass) dict | `LOAD_ATTR_WITH_HINT` / `STORE_ATTR_WITH_HINT` | type version, dict entry hint |
//! | method, instance with inline values or a dict | `LOAD_ATTR_METHOD_WITH_VALUES` | type version, MRO hint, shared keys version |
//! | method, instance without a dict | `LOAD_ATTR_METHOD_NO_DICT` | type version, MRO hint |
//! | plain class attribute (no `__get__`), instance with inline values | `LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES` | type version, MRO hint, shared keys version |
//! | plain class attribute (no `__get__`), instance without a dict | `LOAD_ATTR_NONDESCRIPTOR_NO_DICT` | type version, MRO hint |
//! | module attribute | `LOAD_ATTR_MODULE` | module dict keys version, entry hint |
//! | plain attribute of a class | `LOAD_ATTR_CLASS` | class version, MRO hint |
//! | `property` whose getter is a Python function of one parameter (not a method load) | `LOAD_ATTR_PROPERTY` | type version, MRO hint |
//!
//! `LOAD_ATTR` caches: `i+2..i+3` a 32-bit version, `i+4` an index (value index, member
//! offset in words, or dict entry hint), `i+5` an MRO position, `i+6..i+7` the shared keys
//! version. `STORE_ATTR`: `i+2..i+3` the type version, `i+4` the index.
//!
//! The type version tag is the one guard of the instance forms: a class's shared keys are
//! append-only (a name's value index never changes) and every change of the class or of a
//! base renews the tag, so "same version" proves the layout, the absence of a data descriptor
//! and the member offsets. The shared keys version proves that no instance of the class has an
//! attribute of the method's (or class attribute's) name. Each form also checks what it reads —
//! a value that is unset, values invalidated by a materialised `__dict__`, a hint pointing at
//! another key — and misses to the generic body. No cached pointer is ever dereferenced.
//!
//! Every interpreter kind uses every form: the caches are published as a whole
//! (`specialize`'s "Threads" protocol), so a guard never sees a version from one
//! specialisation next to an index from another. The forms that read a class's dict through a
//! hint after their version guard ([`class_entry`]) check the version again after the read: a
//! class mutation racing them takes the tag away before and after its dict write.

use pyrt_compile::Opcode;

use super::specialize::{fail, is_exact, specialize_with};
use crate::error::{PyErr, PyResult};
use crate::object::adaptive::{AdaptiveCode, CacheWrites};
use crate::object::attr::{dict_slot, generic_getattr, generic_getattr_with_descr, generic_setattr, lookup};
use crate::object::dict::{as_dict, value_ref_in_dict_slot};
use crate::object::immortal::types_known_made;
use crate::object::inline_values as values;
use crate::object::member::{as_member, load_member, store_member};
use crate::object::obj::Obj;
use crate::object::typeobj::{GetattroFn, SetattroFn, TypeObject, as_type};
use crate::object::{PyObject, types};

fn has_generic_getattr(ty: &TypeObject) -> bool {
    std::ptr::fn_addr_eq(ty.getattro, generic_getattr as GetattroFn)
}

/// `(MRO position, dict entry)` of `name` in `ty`'s MRO, found by identity.
pub(super) fn mro_hint(ty: &TypeObject, name: &PyObject) -> Option<(u16, u16)> {
    for (pos, t) in ty.mro().iter().enumerate() {
        let d = as_type(t)?.dict().and_then(as_dict)?;
        if let Some(ix) = d.index_of_identical(name) {
            return Some((u16::try_from(pos).ok()?, u16::try_from(ix).ok()?));
        }
        if d.get_str(name).is_some() {
            return None; // an equal key that is not the interned name: no hint
        }
    }
    None
}

/// The attribute `name` of the MRO entry `pos` through a hint.
#[inline(always)]
fn mro_value(ty: &TypeObject, pos: usize, ix: usize, name: &PyObject) -> Option<Obj> {
    let t = as_type(ty.mro().get(pos)?)?;
    let d = t.dict().and_then(as_dict)?;
    // A static type's dict holds the runtime's own descriptors, never objects the reading thread
    // owns: the owner's shortcut would only read the entry twice.
    if t.is_heap() { crate::object::owned_read::hinted_value_ref(d, ix, name) } else { d.value_ref_at_if_key(ix, name) }
}

/// The guard of the forms that read a class's dict after their version guard: the entry of
/// `name` through the hint `(pos, ix)`, provided `ty`'s version is `version` both before and
/// after the read (a class mutation takes the tag away before and after its dict write, with a
/// fence between tag and dict; see `specialize`'s module docs), `None` on a miss.
#[inline(always)]
pub(super) fn class_entry(ty: &TypeObject, version: u32, pos: usize, ix: usize, name: &PyObject) -> Option<Obj> {
    if ty.version() != version {
        return None;
    }
    let v = mro_value(ty, pos, ix, name)?;
    crate::sync::fence(crate::sync::Ordering::Acquire);
    (ty.version() == version).then_some(v)
}

/// Whether `d` is a function or an instance-method descriptor (what `load_method` unbinds).
fn is_plain_method(d: &PyObject) -> bool {
    let dt = d.type_object();
    let t = types_known_made(d);
    std::ptr::eq(dt, t.function_type)
        || (std::ptr::eq(dt, t.method_descriptor_type)
            // SAFETY: method descriptors are MethodDescr.
            && unsafe { d.cast::<crate::object::builtin::MethodDescr>() }.def.kind
                == crate::object::builtin::MethodKind::Instance)
}

/// A member offset as the cache's word index.
fn member_word(d: &PyObject) -> Option<u16> {
    u16::try_from(as_member(d)?.offset / size_of::<Obj>()).ok()
}

/// `_Py_Specialize_LoadAttr`.
pub(crate) fn specialize_load_attr(code: &AdaptiveCode, i: usize, owner: &PyObject, name: &PyObject, method: bool) {
    let mut caches = CacheWrites::none();
    match load_attr_form(&mut caches, owner, name, method) {
        Some(f) => specialize_with(code, i, f, &caches),
        None => fail(code, i, Opcode::LOAD_ATTR),
    }
}

/// The form for `owner.name` and its caches (offsets from the instruction). Every tag is taken
/// before the dicts it covers are read, so a class changed meanwhile has lost it again.
fn load_attr_form(c: &mut CacheWrites, owner: &PyObject, name: &PyObject, method: bool) -> Option<Opcode> {
    if let Some(cls) = as_type(owner) {
        // `C.attr` for a plain class attribute (no descriptor), looked up by `type`'s own
        // `getattro` with no metatype attribute in the way.
        if method || !is_exact(owner, types_known_made(owner).type_type) || lookup(types().type_type, name).is_some() {
            return None;
        }
        let version = cls.version_for_cache();
        let (pos, ix) = mro_hint(cls, name)?;
        let v = mro_value(cls, pos as usize, ix as usize, name)?;
        if v.type_object().descr_get.is_some() || version == 0 {
            return None;
        }
        c.u32(2, version).unit(4, ix).unit(5, pos);
        return Some(Opcode::LOAD_ATTR_CLASS);
    }
    if is_exact(owner, types_known_made(owner).modules.module_type) {
        return module_form(c, owner, name);
    }
    let ty = owner.type_object();
    let version = ty.version_for_cache();
    if !has_generic_getattr(ty) || version == 0 {
        return None;
    }
    let class_attr = lookup(ty, name);
    if let Some(d) = &class_attr {
        if method && is_plain_method(d) {
            let (pos, ix) = mro_hint(ty, name)?;
            let form = if ty.dict_offset == 0 {
                Opcode::LOAD_ATTR_METHOD_NO_DICT
            } else {
                // The instance must not shadow the method: proved by the shared keys version
                // (no instance has the name), else checked at every execution.
                if values::get_attr(owner, name).is_some() {
                    return None;
                }
                let kv = if values::key_index(ty, name).is_none() { values::keys_version(ty) } else { 0 };
                c.u32(6, kv);
                Opcode::LOAD_ATTR_METHOD_WITH_VALUES
            };
            c.u32(2, version).unit(4, ix).unit(5, pos);
            return Some(form);
        }
        if let Some(word) = member_word(d) {
            if method {
                return None;
            }
            c.u32(2, version).unit(4, word);
            return Some(Opcode::LOAD_ATTR_SLOT);
        }
        if !method && property_function(d).is_some() {
            // A property whose getter is a Python function of one parameter: the getter's
            // frame runs in the loop (`LOAD_ATTR_PROPERTY`).
            let (pos, ix) = mro_hint(ty, name)?;
            c.u32(2, version).unit(4, ix).unit(5, pos);
            return Some(Opcode::LOAD_ATTR_PROPERTY);
        }
        if d.type_object().descr_set.is_some() {
            return None; // a data descriptor wins over the instance dict
        }
        if !method && d.type_object().descr_get.is_none() && ty.dict_offset == 0 {
            // A class attribute of an instance without a `__dict__` (`__slots__`, or a builtin
            // type's instance): nothing can shadow it (`LOAD_ATTR_NONDESCRIPTOR_NO_DICT`).
            let (pos, ix) = mro_hint(ty, name)?;
            c.u32(2, version).unit(4, ix).unit(5, pos);
            return Some(Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT);
        }
        if !method
            && d.type_object().descr_get.is_none()
            && values::has_valid_values(owner)
            && values::key_index(ty, name).is_none()
        {
            // A class attribute no instance shadows (`LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES`).
            let (pos, ix) = mro_hint(ty, name)?;
            let kv = values::keys_version(ty);
            if kv == 0 {
                return None;
            }
            c.u32(2, version).unit(4, ix).unit(5, pos).u32(6, kv);
            return Some(Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES);
        }
    }
    if values::has_valid_values(owner) {
        // An instance attribute in the inline values (`LOAD_ATTR_INSTANCE_VALUE`).
        let ix = values::key_index(ty, name)?;
        values::value_at(owner, ix)?;
        c.u32(2, version).unit(4, u16::try_from(ix).ok()?);
        return Some(Opcode::LOAD_ATTR_INSTANCE_VALUE);
    }
    // An instance attribute in the instance's dict.
    let dict = dict_slot(owner).and_then(|s| s.get_unlocked(owner))?;
    let ix = u16::try_from(as_dict(&dict)?.index_of_identical(name)?).ok()?;
    c.u32(2, version).unit(4, ix);
    Some(Opcode::LOAD_ATTR_WITH_HINT)
}

/// `LOAD_ATTR_MODULE`: a module attribute found in the module's dict, guarded by the dict's keys
/// version (module attributes that are data descriptors of `module` itself stay generic).
fn module_form(c: &mut CacheWrites, owner: &PyObject, name: &PyObject) -> Option<Opcode> {
    // (an import attribute made on first use stays generic until it is made)
    if lookup(types().modules.module_type, name).is_some() || crate::object::module::needs_import_state(owner, name) {
        return None;
    }
    let dict = dict_slot(owner).and_then(|s| s.get_unlocked(owner))?;
    let d = as_dict(&dict)?;
    let ix = u16::try_from(d.index_of_identical(name)?).ok()?;
    let kv = d.keys_version();
    if kv == 0 {
        return None;
    }
    c.u32(2, kv).unit(4, ix);
    Some(Opcode::LOAD_ATTR_MODULE)
}

/// `LOAD_ATTR_INSTANCE_VALUE` (the loop's own arm for the commonest form: no name, its three
/// cache units read with one bounds check): the value, `None` on a miss.
#[inline(always)]
pub(crate) fn instance_value(code: &AdaptiveCode, i: usize, owner: &PyObject) -> Option<Obj> {
    // Every cache unit first, as in `load_attr`.
    code.acquire_caches();
    let [lo, hi, ix] = code.cache_units::<3>(i + 2);
    if owner.type_object().version() != (u32::from(lo) | u32::from(hi) << 16) {
        return None;
    }
    values::value_at(owner, ix as usize)
}

/// The `LOAD_ATTR` forms: `(attribute, self for a method call)`, `None` on a miss.
#[inline(always)]
pub(crate) fn load_attr(
    form: Opcode,
    code: &AdaptiveCode,
    i: usize,
    owner: &Obj,
    name: &PyObject,
) -> Option<(Obj, bool)> {
    // Every cache unit first, before anything that may detach (a critical section's lock).
    code.acquire_caches();
    let version = code.cache_u32(i + 2);
    let ix = code.cache(i + 4) as usize;
    match form {
        Opcode::LOAD_ATTR_INSTANCE_VALUE => {
            if owner.type_object().version() != version {
                return None;
            }
            Some((values::value_at(owner, ix)?, false))
        }
        Opcode::LOAD_ATTR_SLOT => {
            if owner.type_object().version() != version {
                return None;
            }
            // SAFETY: the type version says the type lays out this member (`member_word`).
            Some((unsafe { load_member(owner, ix * size_of::<Obj>()) }?, false))
        }
        Opcode::LOAD_ATTR_MODULE => {
            if !is_exact(owner, types_known_made(owner).modules.module_type) {
                return None;
            }
            // SAFETY: `dict_slot(owner)` is the owner's `__dict__` word, written in its section.
            let v = unsafe { value_ref_in_dict_slot(owner, &dict_slot(owner)?, ix, name, Some(version)) };
            Some((v?, false))
        }
        Opcode::LOAD_ATTR_WITH_HINT => {
            if owner.type_object().version() != version {
                return None;
            }
            // SAFETY: `dict_slot(owner)` is the owner's `__dict__` word, written in its section.
            let v = unsafe { value_ref_in_dict_slot(owner, &dict_slot(owner)?, ix, name, None) };
            Some((v?, false))
        }
        Opcode::LOAD_ATTR_METHOD_NO_DICT
        | Opcode::LOAD_ATTR_METHOD_WITH_VALUES
        | Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
        | Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT => {
            let (pos, keys_version) = (code.cache(i + 5) as usize, code.cache_u32(i + 6));
            let ty = owner.type_object();
            if ty.version() != version {
                return None;
            }
            if form != Opcode::LOAD_ATTR_METHOD_NO_DICT && form != Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT {
                let unshadowed = values::has_valid_values(owner) && values::keys_version_is(ty, keys_version);
                if !unshadowed
                    && (form == Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES || values::get_attr(owner, name).is_some())
                {
                    return None;
                }
            }
            let attr = class_entry(ty, version, pos, ix, name)?;
            let is_method = matches!(form, Opcode::LOAD_ATTR_METHOD_NO_DICT | Opcode::LOAD_ATTR_METHOD_WITH_VALUES);
            Some((attr, is_method))
        }
        _ => {
            // LOAD_ATTR_CLASS
            let pos = code.cache(i + 5) as usize;
            let cls = as_type(owner)?;
            if !is_exact(owner, types_known_made(owner).type_type) {
                return None;
            }
            Some((class_entry(cls, version, pos, ix, name)?, false))
        }
    }
}

/// The getter of an exact `property` when it is a Python function taking exactly the instance.
fn property_function(d: &PyObject) -> Option<Obj> {
    let fget = crate::object::descriptors::exact_property_fget(d)?;
    super::specialize::exact_args_function(&fget, 1)?;
    Some(fget)
}

/// The guard of `LOAD_ATTR_PROPERTY`: the getter to enter with the owner as its argument. The
/// owner's type is the one specialised for (so the name still finds the property, and no
/// instance attribute can shadow a data descriptor); the property is re-read through its MRO
/// hint and its getter checked at every execution (a property's getter can be replaced).
#[inline(always)]
pub(crate) fn property_getter(code: &AdaptiveCode, i: usize, owner: &PyObject, name: &PyObject) -> Option<Obj> {
    code.acquire_caches();
    let (version, ix, pos) = (code.cache_u32(i + 2), code.cache(i + 4) as usize, code.cache(i + 5) as usize);
    let d = class_entry(owner.type_object(), version, pos, ix, name)?;
    property_function(&d)
}

/// What the generic `LOAD_ATTR` found (an attribute load, not a method load).
pub(crate) enum GenericAttr {
    /// The attribute's value.
    Value(Obj),
    /// The getter of a property (a Python function taking exactly the instance), for the loop
    /// to run as a frame with the owner as its argument.
    Getter(Obj),
}

/// The generic `LOAD_ATTR` body (`PyObject_GetAttr`), except that a property whose getter is
/// a Python function of one parameter hands its getter back for the loop to enter as a frame —
/// what `LOAD_ATTR_PROPERTY` does — instead of calling it from native code. A site whose owners
/// alternate between classes misses its specialised form for every other class and runs this
/// body: entering the getter's frame costs a frame push where a native call re-enters the loop
/// (about 2,800 machine instructions per load in `benches/py/method_calls.py`). The rest is
/// `attr::generic_getattr` with the MRO lookup done once (`generic_getattr_with_descr`): a
/// property is a data descriptor, so it wins over the instance dict whatever the instance holds.
// Out of line: the generic body is off the specialised forms' path; inlined into the dispatch
// loop it cost programs that never run it (nbody +1.2% instructions, non-LTO build).
#[inline(never)]
pub(crate) fn generic_load_attr(owner: &PyObject, name: &PyObject) -> PyResult<GenericAttr> {
    let ty = owner.type_object();
    if !has_generic_getattr(ty) {
        return crate::object::abstract_ops::get_attr(owner, name).map(GenericAttr::Value);
    }
    let descr = lookup(ty, name);
    if let Some(getter) = descr.as_deref().and_then(property_function) {
        return Ok(GenericAttr::Getter(getter));
    }
    generic_getattr_with_descr(owner, name, descr)
        .map(GenericAttr::Value)
        .map_err(|e| crate::object::exceptions::with_attribute_context(e, owner, name))
}

/// `_Py_Specialize_StoreAttr`: an instance of a class with the generic `setattro` and no data
/// descriptor for the name (a `__slots__` member excepted): the member, the inline value's
/// index (the name is added to the class's shared keys now if there is room), or the name's
/// entry in the instance dict — `NO_HINT` when it is not there yet (the store then inserts it:
/// the version guard is what proves no descriptor intercepts it).
pub(crate) fn specialize_store_attr(code: &AdaptiveCode, i: usize, owner: &PyObject, name: &PyObject) {
    let ty = owner.type_object();
    let version = ty.version_for_cache();
    let ok = version != 0
        && as_type(owner).is_none()
        && ty.setattro.is_some_and(|f| std::ptr::fn_addr_eq(f, generic_setattr as SetattroFn));
    if !ok {
        return fail(code, i, Opcode::STORE_ATTR);
    }
    let descr = lookup(ty, name);
    let (form, ix) = match &descr {
        Some(d) if as_member(d).is_some() => match member_word(d) {
            Some(w) => (Opcode::STORE_ATTR_SLOT, Some(w)),
            None => return fail(code, i, Opcode::STORE_ATTR),
        },
        Some(d) if d.type_object().descr_set.is_some() => return fail(code, i, Opcode::STORE_ATTR),
        _ if ty.dict_offset == 0 => return fail(code, i, Opcode::STORE_ATTR),
        _ if values::has_valid_values(owner) => (
            Opcode::STORE_ATTR_INSTANCE_VALUE,
            values::key_index_for_store(ty, name).and_then(|ix| u16::try_from(ix).ok()),
        ),
        _ => (
            Opcode::STORE_ATTR_WITH_HINT,
            dict_slot(owner)
                .and_then(|s| s.get_unlocked(owner))
                .and_then(|d| as_dict(&d).and_then(|dd| dd.index_of_identical(name)))
                .map_or(Some(NO_HINT), |ix| u16::try_from(ix).ok().filter(|&ix| ix != NO_HINT)),
        ),
    };
    match ix {
        Some(ix) => specialize_with(code, i, form, CacheWrites::none().u32(2, version).unit(4, ix)),
        None => fail(code, i, Opcode::STORE_ATTR),
    }
}

/// The `STORE_ATTR_WITH_HINT` hint for "not in the instance dict when specialised".
const NO_HINT: u16 = u16::MAX;

/// The guard of the `STORE_ATTR` forms: the owner's type is the one specialised for, unchanged.
#[inline(always)]
pub(crate) fn store_attr_guard(code: &AdaptiveCode, i: usize, owner: &PyObject) -> bool {
    code.acquire_caches();
    owner.type_object().version() == code.cache_u32(i + 2)
}

/// The `STORE_ATTR` forms (after [`store_attr_guard`]): the replaced value, if any, for the
/// caller to drop.
#[inline(always)]
pub(crate) fn store_attr(
    form: Opcode,
    code: &AdaptiveCode,
    i: usize,
    owner: &PyObject,
    name: &PyObject,
    value: Obj,
) -> PyResult<Option<Obj>> {
    let ix = code.cache(i + 4);
    let value = match form {
        Opcode::STORE_ATTR_INSTANCE_VALUE => match values::store_at(owner, ix as usize, value) {
            Ok(old) => return Ok(old),
            Err(v) => v,
        },
        Opcode::STORE_ATTR_SLOT => {
            // SAFETY: the guard checked the type version, which says the type lays out this
            // member (`member_word`).
            return Ok(unsafe { store_member(owner, ix as usize * size_of::<Obj>(), Some(value)) });
        }
        _ => match dict_slot(owner).and_then(|s| s.get_unlocked(owner)) {
            Some(dict) if ix != NO_HINT => match as_dict(&dict) {
                Some(d) => match d.replace_at_if_key(ix as usize, name, value) {
                    Ok(old) => return Ok(Some(old)),
                    Err(v) => v,
                },
                None => value,
            },
            _ => value,
        },
    };
    // Not where the cache says (values invalidated, or not in the dict yet): the instance
    // store (the type version still rules out a data descriptor).
    match values::set_attr(owner, name, Some(&value))? {
        values::Stored::Done => Ok(None),
        _ => Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            owner.type_object().name(),
            crate::object::str::str_value(name).unwrap_or("?")
        ))),
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use pyrt_compile::Opcode;

    use crate::eval::specialize::tests::run_in;

    const PROGRAM: &str = "\
import math
class S:
    __slots__ = ('a',)
class P:
    k = 3
    def __init__(self):
        self.x = 1
def f(s, p, n):
    t = 0
    for i in range(n):
        s.a = i
        p.y = i
        t = t + s.a + p.y + p.k + math.tau
    return t
s = S()
p = P()
result = [f(s, p, 20)]
p.k = 100
result.append(f(s, p, 3))
";

    #[test]
    fn slot_module_and_instance_value_forms() {
        let (with_lock, ops) = run_in(crate::InterpreterConfig::isolated(), PROGRAM);
        assert_eq!(with_lock, "[565.6637061435916, 324.84955592153875]");
        for form in [
            Opcode::STORE_ATTR_SLOT,
            Opcode::LOAD_ATTR_SLOT,
            Opcode::STORE_ATTR_INSTANCE_VALUE,
            Opcode::LOAD_ATTR_INSTANCE_VALUE,
            Opcode::LOAD_ATTR_MODULE,
        ] {
            assert!(ops.contains(&form), "{form:?} in {ops:?}");
        }
        let (free_threaded, ft_ops) = run_in(crate::InterpreterConfig::free_threaded(), PROGRAM);
        assert_eq!(free_threaded, with_lock);
        assert_eq!(ft_ops, ops, "the same forms in a free-threaded interpreter");
    }

    #[test]
    fn a_property_getter_runs_as_a_frame_of_the_loop() {
        let src = "\
class C:
    def __init__(self):
        self.v = 2
    @property
    def double(self):
        return self.v * 2
def f(o, n):
    t = 0
    for i in range(n):
        t = t + o.double
    return t
c = C()
result = [f(c, 20)]
";
        let (text, ops) = run_in(crate::InterpreterConfig::isolated(), src);
        assert_eq!(text, "[80]");
        assert!(ops.contains(&Opcode::LOAD_ATTR_PROPERTY), "{ops:?}");
        // A new getter changes the class's version tag: the guard misses, the new one runs; a
        // getter that raises fails the loading instruction; a builtin getter stays generic.
        let more = "\
C.double = property(lambda self: 1)
result.append(f(c, 3))
def bad(self):
    raise KeyError('k')
C.double = property(bad)
try:
    f(c, 1)
except KeyError as e:
    result.append(e.args)
C.double = property(abs)
try:
    f(c, 1)
except TypeError:
    result.append('builtin')
";
        let (text, _) = run_in(crate::InterpreterConfig::isolated(), &format!("{src}{more}"));
        assert_eq!(text, "[80, 3, ('k',), 'builtin']");
        let (free_threaded, ops) = run_in(crate::InterpreterConfig::free_threaded(), src);
        assert_eq!(free_threaded, "[80]");
        assert!(ops.contains(&Opcode::LOAD_ATTR_PROPERTY), "{ops:?}");
    }

    #[test]
    fn a_class_attribute_no_instance_shadows_is_guarded_by_the_keys_version() {
        let src = "\
class C:
    k = 5
    def __init__(self):
        self.v = 1
def f(o, n):
    t = 0
    for i in range(n):
        t = t + o.k
    return t
c = C()
result = [f(c, 20)]
";
        let (text, ops) = run_in(crate::InterpreterConfig::isolated(), src);
        assert_eq!(text, "[100]");
        assert!(ops.contains(&Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES), "{ops:?}");
        // An instance attribute of the name misses the guard (the keys version changed).
        let (text, _) =
            run_in(crate::InterpreterConfig::isolated(), &format!("{src}c.k = 7\nresult.append(f(c, 2))\n"));
        assert_eq!(text, "[100, 14]");
    }
}
