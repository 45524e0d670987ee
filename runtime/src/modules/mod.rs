//! Modules written in Rust: `builtins` (and the `format()` mini-language it shares with the
//! eval loop's f-strings).
//!
//! Builtin function objects and static types are immortal and shared by every interpreter;
//! what belongs to one interpreter — the `builtins` module dict — is made on first use and
//! kept in [`InterpModules`].

pub mod builtins;
pub mod builtins_ns;
pub mod builtins_num;
pub(crate) mod clinic;
pub mod format;

use crate::object::obj::Obj;
use std::sync::Mutex;

/// An object reference kept in interpreter state.
struct Held(Obj);
// SAFETY: the reference is only read and cloned by threads attached to the interpreter that
// owns the object (under the mutex); it is never dropped (see `InterpModules`'s `Drop`).
unsafe impl Send for Held {}

/// The per-interpreter module objects, made on first use.
#[derive(Default)]
pub struct InterpModules {
    builtins: Mutex<Option<Held>>,
    builtins_module: Mutex<Option<Held>>,
}

impl InterpModules {
    fn get_or_make(slot: &Mutex<Option<Held>>, make: impl FnOnce() -> crate::PyResult<Obj>) -> crate::PyResult<Obj> {
        let mut g = slot.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = &*g {
            return Ok(h.0.clone());
        }
        let o = make()?;
        *g = Some(Held(o.clone()));
        Ok(o)
    }
}

impl Drop for InterpModules {
    fn drop(&mut self) {
        // The objects live in the interpreter's arena, which is released in bulk when the
        // interpreter is destroyed — possibly before this runs: never touch them here.
        for slot in [&mut self.builtins, &mut self.builtins_module] {
            if let Some(h) = slot.get_mut().unwrap_or_else(|e| e.into_inner()).take() {
                std::mem::forget(h);
            }
        }
    }
}

fn current_modules() -> &'static InterpModules {
    let ts = crate::state::thread_state::current().unwrap_or_else(|| {
        crate::fatal::fatal_error("builtins", "no thread state is attached");
    });
    // SAFETY: the current thread state is alive while attached; its interpreter state outlives
    // every attachment, and the reference is used only during this one.
    let interp = unsafe { ts.as_ref() }.interp_state();
    // SAFETY: as above: the interpreter state lives as long as any thread is attached to it.
    unsafe { &*(&interp.modules as *const InterpModules) }
}
