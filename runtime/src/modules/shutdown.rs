//! The part of CPython's interpreter finalization (`Py_FinalizeEx`, `finalize_modules`) that a
//! script can observe: the objects `__main__` still holds are released, so their `__del__`
//! methods and weak-reference callbacks run before the process exits.
//!
//! CPython removes `__main__` from `sys.modules` and collects: the module's dict dies (by its
//! count, or — when functions defined in the module refer back to it — as cyclic garbage, whose
//! finalizers run and whose weak references to each other call nothing back). pyrt does the
//! same steps: a collection (garbage cycles first), `sys.modules['__main__'] = None` and the
//! module dropped, a last collection. When something else keeps the module, its globals are
//! released in insertion order instead (`__builtins__` kept, so late finalizers still find
//! builtins). Other modules are left to the interpreter's bulk release.

use crate::object::dict::as_dict;
use crate::object::immortal::intern;
use crate::object::obj::Obj;

/// Releases what `__main__` holds (see the module docs). Runs attached, after the script.
pub(crate) fn finalize_main() {
    let ts = crate::state::thread_state::current_or_fatal("finalize_main");
    super::gc::collect_at_exit(ts);
    let modules = super::sys::modules_dict().ok();
    let Some(modules) = modules.as_deref().and_then(as_dict) else { return };
    let key = &intern("__main__").ob_base;
    let Some(main) = modules.get_str(key) else { return };
    let main_dict = crate::object::module::module_dict(&main);
    // CPython sets the entry to None; the module dies with its last reference, and its dict
    // then goes by count or, if functions refer back to it, as garbage of the collection.
    let _ = modules.set(Obj::new_ref(key), Obj::new_ref(crate::object::immortals().none));
    let alone = main.refcnt() == 1;
    drop(main);
    if !alone && let Some(d) = main_dict.as_deref().and_then(as_dict) {
        // Someone else keeps the module: release its globals (`_PyModule_ClearDict`).
        let builtins_key = &intern("__builtins__").ob_base;
        let builtins: Option<Obj> = d.get_str(builtins_key);
        d.clear();
        if let Some(b) = builtins {
            let _ = d.set(Obj::new_ref(builtins_key), b);
        }
    }
    drop(main_dict);
    super::gc::collect_at_exit(ts);
}
