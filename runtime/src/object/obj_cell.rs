//! `ObjCell`: an object's own field that holds a reference (`Obj` or `Option<Obj>`) and is
//! written through a shared `&` — a function's `__defaults__`, `__name__`, `__closure__`, ...
//!
//! It is [`super::obj_slot::ObjSlot`]'s twin for a field declared in a Rust struct rather than a
//! word at an offset of a layout, and it follows the same rule: no reference into the field ever
//! escapes an access, because a `&mut` (or `&`) held across a second access — another accessor
//! call, or Python code that writes the field (a descriptor, a `__del__` started by the drop of
//! the old value) — would alias, which is undefined behaviour. Like `std::cell::Cell`, values
//! move in and out:
//!
//! * [`ObjCell::get`] clones (an incref, which runs no code);
//! * [`ObjCell::replace`] / [`ObjCell::take`] give the old value back for the caller to drop
//!   after the write is complete; [`ObjCell::set`] does that drop itself, after the write;
//! * [`ObjCell::with_borrowed`] lends the value without a count, for the cycle collector's
//!   traverse (which must not change counts) and hot paths that only look at the value; it is
//!   `unsafe`: the caller promises that nothing writes the field while the loan lasts.
//!
//! **Exclusion.** Each access is one read or one write, complete before the method returns;
//! accesses never overlap because every thread that touches an object is attached and runs under
//! its interpreter's lock (`obj_slot`'s module docs). The value type is sealed to `Obj` and
//! `Option<Obj>`, whose `clone` runs no code that could reach the cell.

use std::cell::UnsafeCell;

use super::obj::Obj;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Obj {}
    impl Sealed for Option<super::Obj> {}
}

/// What an [`ObjCell`] may hold: a reference or an optional one (their `clone` is an incref).
pub(crate) trait CellValue: Clone + sealed::Sealed {}
impl CellValue for Obj {}
impl CellValue for Option<Obj> {}

/// A field holding a reference that changes behind `&` (see the module docs).
pub(crate) struct ObjCell<T: CellValue>(UnsafeCell<T>);

impl<T: CellValue> ObjCell<T> {
    /// A cell holding `value`.
    #[inline]
    pub(crate) const fn new(value: T) -> ObjCell<T> {
        ObjCell(UnsafeCell::new(value))
    }

    /// A new reference to the value.
    #[inline(always)]
    pub(crate) fn get(&self) -> T {
        // SAFETY: one read under the exclusion of the module docs; the clone (an incref) runs no
        // code, and the shared borrow ends before this returns.
        unsafe { (*self.0.get()).clone() }
    }

    /// Writes `value`; gives back the old value for the caller to drop.
    #[inline(always)]
    #[must_use = "the old value is dropped by the caller, after the write"]
    pub(crate) fn replace(&self, value: T) -> T {
        // SAFETY: one write under the exclusion of the module docs; the old value moves out
        // without being dropped, so no code runs during the write.
        unsafe { std::ptr::replace(self.0.get(), value) }
    }

    /// Writes `value` and drops the old value once the write is complete.
    #[inline]
    pub(crate) fn set(&self, value: T) {
        drop(self.replace(value));
    }

    /// Calls `f` with the value, borrowed (no reference count changes).
    ///
    /// # Safety
    ///
    /// Nothing may write this cell while `f` runs: `f` runs no Python code, drops no reference
    /// and does not write the object the cell belongs to (the loaned reference would dangle if
    /// the old value were dropped).
    #[inline(always)]
    pub(crate) unsafe fn with_borrowed<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: a shared read under the exclusion of the module docs; the caller guarantees
        // that no write overlaps the loan.
        f(unsafe { &*self.0.get() })
    }
}

impl ObjCell<Option<Obj>> {
    /// Empties the cell; gives back the old value for the caller to drop.
    #[inline]
    #[must_use = "the old value is dropped by the caller, after the write"]
    pub(crate) fn take(&self) -> Option<Obj> {
        self.replace(None)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::ObjCell;

    /// Values move in and out; what a write replaces comes back to the caller undropped.
    #[test]
    fn replace_take_get_and_loans_move_values() {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let a = crate::object::str::new_str("a").expect("str");
                let b = crate::object::str::new_str("b").expect("str");
                let cell = ObjCell::new(None);
                assert!(cell.get().is_none());
                assert!(cell.replace(Some(a.clone())).is_none());
                assert!(cell.get().is_some_and(|v| v.is(&a)));
                let old = cell.replace(Some(b.clone())).expect("the old value comes back");
                assert!(old.is(&a));
                // SAFETY: nothing writes the cell during the loan.
                assert!(unsafe { cell.with_borrowed(|v| v.as_ref().is_some_and(|v| v.is(&b))) });
                assert!(cell.take().is_some_and(|v| v.is(&b)));
                cell.set(Some(a.clone()));
                let name = ObjCell::new(b.clone());
                assert!(name.replace(a.clone()).is(&b));
                assert!(name.get().is(&a));
            })
            .expect("attached");
    }
}
