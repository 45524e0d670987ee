//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), as CPython 3.13's
//! `Objects/exceptions.c` defines them, and the runtime half of `except*`.
//!
//! **Layout.** A group is a [`BaseExceptionObject`] followed by its `message` (a `str`) and its
//! `exceptions` (a non-empty tuple of exception instances); `args` keeps what the constructor
//! was given. `ExceptionGroup` has two bases, `BaseExceptionGroup` and `Exception`: static types
//! are built with one base, so [`ready_exception_group`] gives it its C3 MRO
//! (`ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object`) once they exist.
//!
//! **Construction** (`BaseExceptionGroup_new`): exactly two positional arguments; the message
//! must be a `str` and the exceptions a non-empty sequence of exception instances. Calling
//! `BaseExceptionGroup` with only `Exception` instances makes an `ExceptionGroup`; an
//! `ExceptionGroup` (or a user subclass of `Exception`) refuses `BaseException`s.
//!
//! **Splitting.** `split(matcher)` and `subgroup(matcher)` walk the tree: a matching node is
//! taken whole; a non-matching leaf goes to the rest; a non-matching group is split
//! recursively and each non-empty part rebuilt with `derive` (so subclasses keep their type),
//! copying the original's traceback, `__cause__`, `__context__` and a copy of `__notes__`. A
//! matcher is an exception type, a tuple of them, or a predicate (any callable but a class).
//!
//! **`except*`** (`CHECK_EG_MATCH`, `_PyEval_ExceptionGroupMatch`): the exception being handled
//! is split by the clause's type; a naked exception that matches is wrapped in
//! `ExceptionGroup("", (exc,))` (without a traceback of its own, as in 3.13). At the end of the
//! `try`, the `PREP_RERAISE_STAR` intrinsic (`_PyExc_PrepReraiseStar`) computes what to raise
//! from the original exception and the list of what each clause raised or re-raised: re-raised
//! parts (same traceback, cause and context as the original) are projected back onto the
//! original's tree, keeping its nesting; newly raised ones become siblings in a new
//! `ExceptionGroup("", [...])`.

use std::collections::HashSet;
use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::{alloc_sized, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::exceptions::{BaseExceptionObject, as_exception, new_exception_base};
use super::header::PyObject;
use super::immortal::{StaticTypes, immortals, intern, types};
use super::list::new_list;
use super::obj::Obj;
use super::str::{as_str_object, new_str};
use super::tuple::{is_tuple, items, leak_tuple, new_tuple};
use super::typeobj::{TypeObject, as_type, flags};
use crate::error::{PyErr, PyResult};

/// The layout of a group (and of instances of its subclasses).
#[repr(C)]
pub struct BaseExceptionGroupObject {
    base: BaseExceptionObject,
    message: Obj,
    exceptions: Obj,
}

fn base_group_type() -> &'static TypeObject {
    types().exc.named("BaseExceptionGroup")
}

/// The group behind `obj` (`_PyBaseExceptionGroup_Check`).
pub(crate) fn as_group(obj: &PyObject) -> Option<&BaseExceptionGroupObject> {
    if obj.type_object().is_subtype(base_group_type()) {
        // SAFETY: instances of BaseExceptionGroup and its subclasses start with this layout
        // (subclasses inherit `basic_size` and the allocating `__new__`).
        Some(unsafe { obj.cast::<BaseExceptionGroupObject>() })
    } else {
        None
    }
}

impl BaseExceptionGroupObject {
    /// `exceptions` (a tuple).
    pub(crate) fn exceptions(&self) -> &[Obj] {
        items(&self.exceptions)
    }
}

static GROUP_METHODS: &[MethodDef] = &[
    MethodDef::method("derive", group_derive),
    MethodDef::method("split", group_split),
    MethodDef::method("subgroup", group_subgroup),
];

/// `message` and `exceptions` are read-only members in CPython (`readonly attribute`).
static GROUP_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "message", get: |o| Ok(group_of(o)?.message.clone()), set: Some(readonly_member) },
    GetSetDef { name: "exceptions", get: |o| Ok(group_of(o)?.exceptions.clone()), set: Some(readonly_member) },
];

fn readonly_member(_: &PyObject, _: Option<&PyObject>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

/// The methods and getsets of `BaseExceptionGroup` (`ExceptionGroup` inherits them).
pub(crate) fn group_members(name: &str) -> Option<(&'static [MethodDef], &'static [GetSetDef])> {
    (name == "BaseExceptionGroup").then_some((GROUP_METHODS, GROUP_GETSETS))
}

/// Fills the slots of `BaseExceptionGroup` and `ExceptionGroup` while they are built.
pub(crate) fn fill_group_slots(t: &mut TypeObject) {
    t.basic_size = size_of::<BaseExceptionGroupObject>();
    t.dealloc = dealloc_group;
    t.new = Some(group_new);
    t.init = Some(group_init);
    t.str = Some(group_str);
}

/// Gives `ExceptionGroup` its second base, `Exception`, and the MRO C3 makes of
/// `(BaseExceptionGroup, Exception)`.
pub(crate) fn ready_exception_group(t: &StaticTypes) {
    let eg = t.exc.named("ExceptionGroup");
    let chain = ["ExceptionGroup", "BaseExceptionGroup", "Exception", "BaseException"];
    let immortal = |ty: &'static TypeObject| {
        // SAFETY: static types are immortal.
        unsafe { Obj::from_immortal(ty.as_object()) }
    };
    let mut mro: Vec<Obj> = chain.iter().map(|n| immortal(t.exc.named(n))).collect();
    mro.push(immortal(t.object_type));
    let bases = vec![immortal(t.exc.named("BaseExceptionGroup")), immortal(t.exc.named("Exception"))];
    // SAFETY: called inside the static types' initialiser, before they are published; the
    // tuples are leaked, so immortal.
    unsafe {
        let m = eg.mutable();
        let old_mro = m.mro.replace(Obj::from_immortal(leak_tuple(t.tuple_type, mro)));
        let old_bases = m.bases.replace(Obj::from_immortal(leak_tuple(t.tuple_type, bases)));
        // The single-base tuples `ready` made are referenced nowhere else yet: free them (they
        // would be lost memory otherwise, as valgrind reports).
        for old in [old_mro, old_bases].into_iter().flatten() {
            super::tuple::free_leaked_tuple(old.into_raw());
        }
    }
}

fn group_of(o: &PyObject) -> PyResult<&BaseExceptionGroupObject> {
    as_group(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'BaseExceptionGroup' object but received a '{}'",
            o.type_object().name()
        ))
    })
}

/// `PySequence_Check`: indexable and not a dict.
fn is_sequence(o: &PyObject) -> bool {
    let ty = o.type_object();
    ty.mapping.subscript.is_some() && ty.flags & flags::DICT_SUBCLASS == 0
}

fn group_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let [message, excs] = pos else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    };
    if as_str_object(message).is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_object().name()
        )));
    }
    if !is_sequence(excs) {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = new_tuple(ops::collect(excs)?)?;
    if items(&excs).is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = types().exc.named("Exception");
    let mut nested_base_exceptions = false;
    for (i, e) in items(&excs).iter().enumerate() {
        if as_exception(e).is_none() {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !e.type_object().is_subtype(exception) {
            nested_base_exceptions = true;
        }
    }
    let exception_group = types().exc.named("ExceptionGroup");
    let mut cls = ty;
    if std::ptr::eq(cls, exception_group) {
        if nested_base_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if std::ptr::eq(cls, base_group_type()) {
        if !nested_base_exceptions {
            cls = exception_group;
        }
    } else if nested_base_exceptions && cls.is_subtype(exception) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", cls.name())));
    }
    let args = new_tuple(pos.to_vec())?;
    let (message, exceptions) = (message.clone(), excs);
    // SAFETY: the group layout starts with the exception layout; subclasses are at least this
    // big; the group deallocator (inherited by subclasses) drops it.
    unsafe {
        alloc_sized(cls, cls.basic_size.max(size_of::<BaseExceptionGroupObject>()), |ob_base| {
            BaseExceptionGroupObject { base: new_exception_base(ob_base, args), message, exceptions }
        })
    }
}

fn group_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    args::no_keywords(o.type_object().name(), kwnames)?;
    if let Some(e) = as_exception(o) {
        let old = e.args().replace(Some(new_tuple(argv.to_vec())?));
        drop(old);
    }
    Ok(())
}

fn group_str(o: &PyObject) -> PyResult<Obj> {
    let g = group_of(o)?;
    let n = g.exceptions().len();
    let msg = ops::str_text(&g.message)?;
    new_str(&format!("{msg} ({n} sub-exception{})", if n > 1 { "s" } else { "" }))
}

/// `BaseExceptionGroup(message, excs)` through the type's call (so the class is chosen by the
/// contents) — `_PyExc_CreateExceptionGroup`.
pub(crate) fn create_exception_group(message: Obj, excs: Obj) -> PyResult<Obj> {
    ops::call(base_group_type().as_object(), &[message, excs], None)
}

fn group_derive(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseExceptionGroup.derive", argv, kwnames, 1, 1)?;
    let g = group_of(recv)?;
    create_exception_group(g.message.clone(), rest[0].clone())
}

/// What selects the exceptions `split` / `subgroup` take.
enum Matcher<'a> {
    /// An exception class or a tuple of them.
    ByType(&'a PyObject),
    /// A callable returning true for the exceptions to take.
    ByPredicate(&'a PyObject),
    /// The addresses of the leaf exceptions to keep (`PREP_RERAISE_STAR`'s projection).
    InstanceIds(&'a HashSet<usize>),
}

fn is_exception_class(o: &PyObject) -> bool {
    as_type(o).is_some_and(|t| t.flags & flags::BASE_EXC_SUBCLASS != 0)
}

fn matcher_of(value: &PyObject) -> PyResult<Matcher<'_>> {
    if as_type(value).is_none() && value.type_object().call.is_some() {
        return Ok(Matcher::ByPredicate(value));
    }
    if is_exception_class(value) {
        return Ok(Matcher::ByType(value));
    }
    if std::ptr::eq(value.type_object(), types().tuple_type) && items(value).iter().all(|t| is_exception_class(t)) {
        return Ok(Matcher::ByType(value));
    }
    Err(PyErr::type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
}

/// `PyErr_GivenExceptionMatches` for an exception instance and a class or tuple of classes.
pub(crate) fn given_exception_matches(exc: &PyObject, ty: &PyObject) -> bool {
    if is_tuple(ty) {
        return items(ty).iter().any(|t| given_exception_matches(exc, t));
    }
    as_type(ty).is_some_and(|t| exc.type_object().is_subtype(t))
}

fn check_match(exc: &PyObject, matcher: &Matcher<'_>) -> PyResult<bool> {
    match matcher {
        Matcher::ByType(t) => Ok(given_exception_matches(exc, t)),
        Matcher::ByPredicate(f) => {
            let r = ops::call(f, &[Obj::new_ref(exc)], None)?;
            ops::is_true(&r)
        }
        Matcher::InstanceIds(ids) => Ok(as_group(exc).is_none() && ids.contains(&exc.addr())),
    }
}

/// `exceptiongroup_subset`: `orig.derive(excs)` with `orig`'s metadata, or `None` for no
/// exceptions.
fn subset(orig: &PyObject, excs: Vec<Obj>) -> PyResult<Option<Obj>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = ops::get_attr_str(orig, "derive")?;
    let eg = ops::call(&derive, &[new_list(excs)?], None)?;
    if as_group(&eg).is_none() {
        return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let (src, dst) = (as_exception(orig).expect("a group"), as_exception(&eg).expect("a group"));
    let (tb, context, cause) = (src.traceback().get(), src.context().get(), src.cause().get());
    if tb.is_some() {
        dst.traceback().set(tb);
    }
    dst.context().set(context);
    dst.cause().set(cause);
    dst.set_suppress_context(true);
    if let Some(notes) = optional_attr(orig, "__notes__")? {
        if is_sequence(&notes) {
            let copy = new_list(ops::collect(&notes)?)?;
            ops::set_attr(&eg, &intern("__notes__").ob_base, Some(&copy))?;
        }
    }
    Ok(Some(eg))
}

/// `getattr(o, name, None)` that still propagates errors other than `AttributeError`.
pub(crate) fn optional_attr(o: &PyObject, name: &str) -> PyResult<Option<Obj>> {
    match ops::get_attr_str(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `exceptiongroup_split_recursive`: `(match, rest)`; `rest` only when `construct_rest`.
fn split_recursive(
    exc: &PyObject,
    matcher: &Matcher<'_>,
    construct_rest: bool,
) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if check_match(exc, matcher)? {
        return Ok((Some(Obj::new_ref(exc)), None));
    }
    let Some(group) = as_group(exc) else {
        return Ok((None, construct_rest.then(|| Obj::new_ref(exc))));
    };
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group.exceptions() {
        let _guard = super::recursion::enter(" in exceptiongroup_split_recursive")?;
        let (m, r) = split_recursive(e, matcher, construct_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let matched = subset(exc, matched)?;
    let rest = if construct_rest { subset(exc, rest)? } else { None };
    Ok((matched, rest))
}

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

fn group_split(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseExceptionGroup.split", argv, kwnames, 1, 1)?;
    let matcher = matcher_of(&rest[0])?;
    let (m, r) = split_recursive(recv, &matcher, true)?;
    new_tuple(vec![m.unwrap_or_else(none), r.unwrap_or_else(none)])
}

fn group_subgroup(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseExceptionGroup.subgroup", argv, kwnames, 1, 1)?;
    let matcher = matcher_of(&rest[0])?;
    Ok(split_recursive(recv, &matcher, false)?.0.unwrap_or_else(none))
}

/// `_PyEval_CheckExceptStarTypeValid`: the type of an `except*` clause.
pub(crate) fn check_except_star_type(ty: &PyObject) -> PyResult<()> {
    let mut candidates: Vec<&PyObject> = vec![ty];
    if is_tuple(ty) {
        candidates = items(ty).iter().map(|t| &**t).collect();
    }
    if candidates.iter().any(|t| !is_exception_class(t)) {
        return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    if candidates.iter().any(|t| as_type(t).is_some_and(|t| t.is_subtype(base_group_type()))) {
        return Err(PyErr::type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// `_PyEval_ExceptionGroupMatch` (`CHECK_EG_MATCH`): `(rest, match)` for the exception being
/// handled and an `except*` clause's type. A wrapped naked exception gets no traceback of its
/// own in 3.13 (3.14 adds the current frame's entry).
pub(crate) fn exception_group_match(exc: &PyObject, match_type: &PyObject) -> PyResult<(Obj, Obj)> {
    if exc.is(immortals().none) {
        return Ok((none(), none()));
    }
    if given_exception_matches(exc, match_type) {
        if as_group(exc).is_some() {
            return Ok((none(), Obj::new_ref(exc)));
        }
        let wrapped = create_exception_group(new_str("")?, new_tuple(vec![Obj::new_ref(exc)])?)?;
        return Ok((none(), wrapped));
    }
    if as_group(exc).is_some() {
        let split = ops::get_attr_str(exc, "split")?;
        let pair = ops::call(&split, &[Obj::new_ref(match_type)], None)?;
        let tname = exc.type_object().name();
        if !std::ptr::eq(pair.type_object(), types().tuple_type) {
            return Err(PyErr::type_error(format!(
                "{tname}.split must return a tuple, not {}",
                pair.type_object().name()
            )));
        }
        let parts = items(&pair);
        if parts.len() < 2 {
            return Err(PyErr::type_error(format!(
                "{tname}.split must return a 2-tuple, got tuple of size {}",
                parts.len()
            )));
        }
        return Ok((parts[1].clone(), parts[0].clone()));
    }
    Ok((Obj::new_ref(exc), none()))
}

fn collect_leaf_ids(exc: &PyObject, ids: &mut HashSet<usize>) -> PyResult<()> {
    if exc.is(immortals().none) {
        return Ok(());
    }
    match as_group(exc) {
        None => {
            ids.insert(exc.addr());
        }
        Some(g) => {
            for e in g.exceptions() {
                let _guard = super::recursion::enter(" in collect_exception_group_leaf_ids")?;
                collect_leaf_ids(e, ids)?;
            }
        }
    }
    Ok(())
}

/// Same traceback, cause and context (what `except*` keeps when it re-raises).
fn same_metadata(a: &PyObject, b: &PyObject) -> bool {
    let (Some(a), Some(b)) = (as_exception(a), as_exception(b)) else { return false };
    let same = |x: Option<Obj>, y: Option<Obj>| match (x, y) {
        (Some(x), Some(y)) => x.is(&y),
        (None, None) => true,
        _ => false,
    };
    same(a.traceback().get(), b.traceback().get())
        && same(a.cause().get(), b.cause().get())
        && same(a.context().get(), b.context().get())
}

/// `_PyExc_PrepReraiseStar` (the `PREP_RERAISE_STAR` intrinsic): what a `try`-`except*`
/// raises at its end, given the original exception and the list of exceptions its clauses
/// raised or re-raised (`None` entries for clauses that raised nothing); `None` for nothing.
pub(crate) fn prep_reraise_star(orig: &PyObject, excs: &PyObject) -> PyResult<Obj> {
    let excs = ops::collect(excs)?;
    if excs.is_empty() {
        return Ok(none());
    }
    if as_group(orig).is_none() {
        // A naked exception was caught and wrapped: at most one clause ran.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.into_iter().filter(|e| !e.is(immortals().none)) {
        if same_metadata(&e, orig) { reraised.push(e) } else { raised.push(e) }
    }
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids)?;
    }
    let projected = split_recursive(orig, &Matcher::InstanceIds(&ids), false)?.0;
    if raised.is_empty() {
        return Ok(projected.unwrap_or_else(none));
    }
    raised.extend(projected);
    if raised.len() > 1 {
        create_exception_group(new_str("")?, new_list(raised)?)
    } else {
        Ok(raised.pop().expect("one exception"))
    }
}

/// The group deallocator (also for subclasses).
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_group(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; groups have this layout.
    unsafe { drop_and_free::<BaseExceptionGroupObject>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::abstract_ops::repr_text;

    fn with_runtime(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    fn exc(name: &str, arg: i64) -> Obj {
        let ty = types().exc.named(name);
        ops::call(ty.as_object(), &[crate::object::int::new_int(arg).unwrap()], None).unwrap()
    }

    fn group(ty: &str, msg: &str, members: Vec<Obj>) -> PyResult<Obj> {
        ops::call(types().exc.named(ty).as_object(), &[new_str(msg)?, new_list(members)?], None)
    }

    #[test]
    fn constructor_picks_the_class_and_validates() {
        with_runtime(|| {
            let g = group("BaseExceptionGroup", "m", vec![exc("ValueError", 1)]).unwrap();
            assert_eq!(g.type_object().name(), "ExceptionGroup");
            assert!(g.type_object().is_subtype(types().exc.named("Exception")));
            assert_eq!(ops::str_text(&g).unwrap(), "m (1 sub-exception)");
            let b = group("BaseExceptionGroup", "b", vec![exc("KeyboardInterrupt", 1), exc("ValueError", 2)]).unwrap();
            assert_eq!(b.type_object().name(), "BaseExceptionGroup");
            assert_eq!(ops::str_text(&b).unwrap(), "b (2 sub-exceptions)");
            let e = group("ExceptionGroup", "x", vec![exc("SystemExit", 1)]).unwrap_err();
            assert_eq!(e.message(), "Cannot nest BaseExceptions in an ExceptionGroup");
            let e = group("ExceptionGroup", "x", vec![]).unwrap_err();
            assert_eq!(e.message(), "second argument (exceptions) must be a non-empty sequence");
            let e =
                ops::call(types().exc.named("ExceptionGroup").as_object(), &[new_str("x").unwrap()], None).unwrap_err();
            assert_eq!(e.message(), "BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
        });
    }

    #[test]
    fn split_keeps_the_nesting_and_subgroup_drops_the_rest() {
        with_runtime(|| {
            let inner = group("ExceptionGroup", "inner", vec![exc("ValueError", 3), exc("KeyError", 4)]).unwrap();
            let top = group("ExceptionGroup", "top", vec![exc("ValueError", 1), exc("TypeError", 2), inner]).unwrap();
            let value_error = types().exc.named("ValueError").as_object();
            let (m, r) = split_recursive(&top, &Matcher::ByType(value_error), true).unwrap();
            assert_eq!(
                repr_text(&m.unwrap()).unwrap(),
                "ExceptionGroup('top', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])"
            );
            assert_eq!(
                repr_text(&r.unwrap()).unwrap(),
                "ExceptionGroup('top', [TypeError(2), ExceptionGroup('inner', [KeyError(4)])])"
            );
            let os_error = types().exc.named("OSError").as_object();
            assert!(split_recursive(&top, &Matcher::ByType(os_error), false).unwrap().0.is_none());
        });
    }

    #[test]
    fn reraise_star_projects_reraised_parts_and_wraps_new_ones() {
        with_runtime(|| {
            let (v, t) = (exc("ValueError", 1), exc("TypeError", 2));
            let orig = group("ExceptionGroup", "orig", vec![v.clone(), t.clone()]).unwrap();
            // A raised group has metadata that its parts share and new exceptions lack (here a
            // cause; in the eval loop, its traceback).
            let cause = exc("KeyError", 0);
            ops::set_attr(&orig, &intern("__cause__").ob_base, Some(&cause)).unwrap();
            let value_error = types().exc.named("ValueError").as_object();
            let type_error = types().exc.named("TypeError").as_object();
            let (vm, _) = split_recursive(&orig, &Matcher::ByType(value_error), false).unwrap();
            let (tm, _) = split_recursive(&orig, &Matcher::ByType(type_error), false).unwrap();
            // Both parts re-raised: the original structure comes back.
            let both = new_list(vec![vm.clone().unwrap(), tm.unwrap()]).unwrap();
            let r = prep_reraise_star(&orig, &both).unwrap();
            assert_eq!(repr_text(&r).unwrap(), "ExceptionGroup('orig', [ValueError(1), TypeError(2)])");
            // A new exception beside a re-raised part: both in a new unnamed group.
            let new = exc("RuntimeError", 9);
            let mixed = new_list(vec![new, vm.unwrap()]).unwrap();
            let r = prep_reraise_star(&orig, &mixed).unwrap();
            assert_eq!(
                repr_text(&r).unwrap(),
                "ExceptionGroup('', [RuntimeError(9), ExceptionGroup('orig', [ValueError(1)])])"
            );
            let nothing = new_list(vec![Obj::new_ref(immortals().none)]).unwrap();
            assert!(prep_reraise_star(&orig, &nothing).unwrap().is(immortals().none));
        });
    }

    #[test]
    fn except_star_rejects_groups_and_non_exceptions() {
        with_runtime(|| {
            let eg = types().exc.named("ExceptionGroup").as_object();
            assert_eq!(
                check_except_star_type(eg).unwrap_err().message(),
                "catching ExceptionGroup with except* is not allowed. Use except instead."
            );
            let int = types().int_type.as_object();
            assert_eq!(
                check_except_star_type(int).unwrap_err().message(),
                "catching classes that do not inherit from BaseException is not allowed"
            );
            assert!(check_except_star_type(types().exc.named("ValueError").as_object()).is_ok());
            let naked = exc("ValueError", 5);
            let (rest, matched) = exception_group_match(&naked, types().exc.named("ValueError").as_object()).unwrap();
            assert!(rest.is(immortals().none));
            assert_eq!(repr_text(&matched).unwrap(), "ExceptionGroup('', (ValueError(5),))");
        });
    }
}
