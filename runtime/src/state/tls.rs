//! The thread-local slots that bind OS threads to thread states.
//!
//! * `current` — the thread state attached on this OS thread, or null (`_Py_tss_tstate`). It is
//!   the object layer's attachment slot (`object::attachment`): a thread state starts with its
//!   `Attachment`, so the one word serves both. A zero-initialised word with no destructor:
//!   reading it is a plain TLS load.
//! * the GILState binding (`autoTSSkey` / 3.14's `_Py_tss_gilstate`): the thread state
//!   `GILState_Ensure` uses on this OS thread. It follows the most recently attached thread state of
//!   the thread. `auto` (in [`Slots`]) is a raw mirror for the fast comparison in `attach`; the
//!   strong reference that keeps the pointee alive lives in `BINDINGS`.
//! * one binding per interpreter (`BINDINGS.per_interp`), which `ensure_in(interpreter)` uses to
//!   find this thread's thread state in a sub-interpreter — pyrt's answer to PEP 788.
//! * the dormant GILState state (`BINDINGS.dormant`): the memory of this thread's last GILState
//!   state, deleted as far as anyone can see and kept for its next outermost `GILState_Ensure`
//!   (see `thread_state`, "Dormant GILState states"). While it is dormant the raw `auto` mirror is
//!   null but `auto` and `per_interp` keep their references, so reviving it is a pointer store.
//!
//! During thread-local teardown (`BINDINGS` already destroyed: a C++ `thread_local` destructor
//! that calls `PyGILState_Ensure`), a binding keeps its strong reference in `ORPHAN`, a
//! const-initialised slot without destructor, so GILState works there as it does in CPython.
//! Strong references are always dropped after the `RefCell` borrow ends: the last one may run a
//! thread-dict value's destructor, which may use GILState again.
//!
//! Bindings hold strong references, so a thread state deleted by *another* thread (finalization,
//! `Py_EndInterpreter`) stays allocated until this thread notices its `DELETED` flag and drops the
//! binding: a stale binding is never a dangling pointer.

use std::cell::{Cell, RefCell};
use std::ptr;

use super::interpreter::InterpreterState;
use super::thread_state::ThreadState;
use crate::sync::{self, Arc};

/// The raw per-thread words every GILState call reads: the GILState binding's raw mirror and the cached kernel thread id. All-zero is the
/// valid initial value and nothing needs dropping, so they work during thread-local teardown.
#[repr(C)]
struct Slots {
    auto: Cell<*const ThreadState>,
    /// `gettid()` of this thread, 0 until first asked (glibc makes a system call for it).
    native_tid: Cell<u64>,
}

/// The slots as an initial-exec TLS symbol on x86-64 Linux: two instructions, no call.
///
/// Rust's `thread_local!` in a shared library (`libpyrt_abi.so`) uses the general-dynamic TLS
/// model, so every access is a call to `__tls_get_addr`; a `PyEval_SaveThread` +
/// `RestoreThread` pair made four of them (a fifth of its instructions under callgrind). This
/// symbol is referenced through its `@GOTTPOFF` GOT entry instead (the model CPython's
/// `_Py_tss_tstate` gets from `-ftls-model=initial-exec`-style builds): in an executable the
/// linker relaxes it to a constant offset, in a shared library it costs 16 bytes (the attachment
/// slot, `object::attachment`, 8 more) of glibc's static TLS reserve (which also serves a
/// `dlopen`ed library). The symbol is hidden: each
/// linked copy of pyrt has its own, and the library exports nothing new.
#[cfg(all(target_arch = "x86_64", target_os = "linux", not(loom)))]
mod slots_impl {
    use super::Slots;

    std::arch::global_asm!(
        ".pushsection .tbss.pyrt_thread_slots,\"awT\",@nobits",
        ".p2align 3",
        ".globl pyrt_thread_slots",
        ".hidden pyrt_thread_slots",
        ".type pyrt_thread_slots,@object",
        ".size pyrt_thread_slots,16",
        "pyrt_thread_slots:",
        ".zero 16",
        ".popsection",
    );

    const _: () = assert!(size_of::<Slots>() == 16);

    #[inline(always)]
    pub(super) fn slots() -> &'static Slots {
        let p: *const Slots;
        // SAFETY: the GOT entry holds the symbol's offset from the thread pointer, and `fs:[0]`
        // is the thread pointer itself (the x86-64 TLS ABI); adding them gives this thread's copy
        // of the zero-initialised slots. The address is constant for the thread's life (hence
        // `pure, nomem`), and the `&'static` cannot leave the thread: `Slots` is not `Sync`.
        unsafe {
            std::arch::asm!(
                "mov {p}, qword ptr [rip + pyrt_thread_slots@GOTTPOFF]",
                "add {p}, qword ptr fs:[0]",
                p = out(reg) p,
                options(pure, nomem, nostack),
            );
            &*p
        }
    }
}

/// Elsewhere (and under loom): an ordinary const-initialised thread-local without destructor.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux", not(loom))))]
mod slots_impl {
    use super::Slots;
    use std::cell::Cell;

    crate::sync::thread_local_const! {
        static SLOTS: Slots = Slots {
            auto: Cell::new(std::ptr::null()),
            native_tid: Cell::new(0),
        };
    }

    #[inline(always)]
    pub(super) fn slots() -> &'static Slots {
        // SAFETY: the slots have no destructor, so the thread-local lives as long as the thread;
        // the reference cannot leave it (`Slots` is not `Sync`).
        SLOTS.with(|s| unsafe { &*(s as *const Slots) })
    }
}

use slots_impl::slots;

sync::thread_local_const! {
    /// A strong reference (`Arc::into_raw`) for a binding made while the thread's thread-locals
    /// are torn down and `BINDINGS` is gone; it has no destructor, so it is always reachable.
    static ORPHAN: Cell<*const ThreadState> = Cell::new(ptr::null());
}

sync::thread_local! {
    static BINDINGS: RefCell<Bindings> = RefCell::new(Bindings::default());
}

#[derive(Default)]
struct Bindings {
    auto: Option<Arc<ThreadState>>,
    per_interp: Vec<Arc<ThreadState>>,
    /// This thread's dormant GILState state (see `thread_state`, "Dormant GILState states"):
    /// the reference its interpreter's thread list held. While it is dormant, `auto` and
    /// `per_interp` keep theirs (the raw `auto` mirror is null, so the thread reads as unbound);
    /// if another state takes the binding meanwhile, the dormant one is freed at the next
    /// revive attempt.
    dormant: Option<Arc<ThreadState>>,
}

impl Drop for Bindings {
    fn drop(&mut self) {
        if let Some(kept) = self.dormant.take() {
            kept.forget_lock_holder();
            drop(kept);
        }
        // The OS thread is exiting: the raw mirror must not outlive the reference it mirrors.
        // (loom tears its thread-locals down outside the model, where the slots are gone already.)
        #[cfg(not(loom))]
        slots().auto.set(ptr::null());
    }
}

/// The thread state attached on this OS thread, or null.
#[inline]
pub(crate) fn current() -> *const ThreadState {
    // The attachment is the thread state's first field (see `ThreadState`).
    crate::object::attachment::current_raw().cast()
}

#[inline]
pub(crate) fn set_current(ts: *const ThreadState) {
    crate::object::attachment::set_current(ts.cast());
}

/// The raw GILState binding of this OS thread (may point at a deleted thread state).
#[inline]
pub(crate) fn auto_raw() -> *const ThreadState {
    slots().auto.get()
}

/// This thread's kernel id (`gettid`), asked of the kernel once per thread.
#[inline]
pub(crate) fn native_thread_id() -> u64 {
    let s = slots();
    match s.native_tid.get() {
        0 => {
            let tid = sync::native_thread_id();
            s.native_tid.set(tid);
            tid
        }
        tid => tid,
    }
}

/// The live GILState binding of this OS thread. A binding whose thread state was deleted by
/// another thread is dropped here.
pub(crate) fn auto() -> Option<Arc<ThreadState>> {
    let raw = auto_raw();
    if raw.is_null() {
        return None;
    }
    // SAFETY: a non-null `auto` mirrors a strong reference (`BINDINGS.auto`, or `ORPHAN` during
    // thread-local teardown).
    let ts = unsafe { &*raw };
    if ts.is_deleted() {
        unbind(ts);
        return None;
    }
    Some(ts.to_arc())
}

/// This thread's live thread state in `interp`, if it has one.
pub(crate) fn binding_for(interp: &InterpreterState) -> Option<Arc<ThreadState>> {
    let (found, dead) = BINDINGS
        .try_with(|b| {
            let mut b = b.borrow_mut();
            let b = &mut *b;
            // Deleted states leave the list, but are dropped only after the borrow ends: the last
            // reference may run a thread-dict value's destructor, which may use GILState again.
            // The dormant state (deleted, to be revived) keeps its entry.
            let dormant = b.dormant.as_ref().map(Arc::as_ptr);
            let dead = take_where(&mut b.per_interp, |t| t.is_deleted() && Some(Arc::as_ptr(t)) != dormant);
            let found = b.per_interp.iter().find(|t| !t.is_deleted() && ptr::eq(&**t.interp_state(), interp));
            (found.cloned(), dead)
        })
        .unwrap_or_else(|_| (orphan().filter(|t| ptr::eq(&**t.interp_state(), interp)), Vec::new()));
    drop(dead);
    found
}

/// Makes `ts` this thread's GILState binding, and its binding for its interpreter.
#[cold]
pub(crate) fn bind(ts: &ThreadState) {
    let arc = ts.to_arc();
    let interp: *const InterpreterState = &**arc.interp_state();
    let replaced = BINDINGS.try_with(|b| {
        let mut b = b.borrow_mut();
        let mut gone = take_where(&mut b.per_interp, |t| t.is_deleted() || ptr::eq(&**t.interp_state(), interp));
        b.per_interp.push(arc.clone());
        gone.extend(b.auto.replace(arc.clone()));
        gone
    });
    match replaced {
        // Dropped after the borrow ends (see `binding_for`).
        Ok(gone) => drop(gone),
        // The thread's thread-locals are being torn down (a C++ `thread_local` destructor calls
        // `PyGILState_Ensure`): keep the reference in the const-initialised ORPHAN slot.
        Err(_) => set_orphan(Some(arc)),
    }
    slots().auto.set(ts);
}

/// Moves the entries of `list` that match `pred` out, in place (the list keeps its capacity, and
/// nothing is allocated when nothing matches: an outermost GILState pair binds and unbinds one
/// state each time).
fn take_where(list: &mut Vec<Arc<ThreadState>>, pred: impl Fn(&Arc<ThreadState>) -> bool) -> Vec<Arc<ThreadState>> {
    let mut gone = Vec::new();
    let mut i = 0;
    while i < list.len() {
        if pred(&list[i]) {
            gone.push(list.swap_remove(i));
        } else {
            i += 1;
        }
    }
    gone
}

/// Binds `ts` only if this thread has no live GILState binding yet (`PyThreadState_New`'s rule).
pub(crate) fn bind_if_unbound(ts: &ThreadState) {
    if auto().is_none() {
        bind(ts);
    } else if binding_for(ts.interp_state()).is_none() {
        // Still record it as this thread's state in its interpreter.
        let arc = ts.to_arc();
        let _ = BINDINGS.try_with(|b| b.borrow_mut().per_interp.push(arc));
    }
}

/// Removes every binding this thread holds to `ts`.
pub(crate) fn unbind(ts: &ThreadState) {
    if ptr::eq(auto_raw(), ts) {
        slots().auto.set(ptr::null());
    }
    if orphan().is_some_and(|o| ptr::eq(Arc::as_ptr(&o), ts)) {
        set_orphan(None);
    }
    let removed = BINDINGS.try_with(|b| {
        let mut b = b.borrow_mut();
        // A state is in the list at most once (`bind` replaces its interpreter's entry).
        let listed = b.per_interp.iter().position(|t| ptr::eq(Arc::as_ptr(t), ts)).map(|i| b.per_interp.swap_remove(i));
        let auto = b.auto.take_if(|a| ptr::eq(Arc::as_ptr(a), ts));
        (listed, auto)
    });
    // Dropped after the borrow ends (see `binding_for`).
    drop(removed);
}

/// Whether `ts`, this thread's current GILState state, may go dormant: it is the thread's
/// binding (in `auto` and `per_interp`), no other state is dormant, and the thread-locals are
/// alive. Never under loom: the models check the protocols of real allocations and deletions
/// (the lock's idle holder, the one thing a dormant state keeps, has its own model).
pub(crate) fn can_keep_dormant(ts: &ThreadState) -> bool {
    if cfg!(loom) || !ptr::eq(auto_raw(), ts) {
        return false;
    }
    BINDINGS
        .try_with(|b| {
            let b = b.borrow();
            b.dormant.is_none()
                && b.auto.as_ref().is_some_and(|a| ptr::eq(Arc::as_ptr(a), ts))
                && b.per_interp.iter().any(|t| ptr::eq(Arc::as_ptr(t), ts))
        })
        .unwrap_or(false)
}

/// Keeps `listed` (the thread list's reference to the state going dormant) and makes the
/// thread read as unbound. Gives the reference back if the thread-locals are gone.
pub(crate) fn keep_dormant(listed: Arc<ThreadState>) -> Option<Arc<ThreadState>> {
    let mut listed = Some(listed);
    let _ = BINDINGS.try_with(|b| b.borrow_mut().dormant = listed.take());
    if listed.is_none() {
        slots().auto.set(ptr::null());
    }
    listed
}

/// Takes this thread's dormant state out, with whether it is still the thread's binding (only
/// then can it be revived).
pub(crate) fn take_dormant() -> Option<(Arc<ThreadState>, bool)> {
    if cfg!(loom) {
        return None;
    }
    BINDINGS
        .try_with(|b| {
            let mut b = b.borrow_mut();
            let d = b.dormant.take()?;
            let bound =
                b.auto.as_ref().is_some_and(|a| Arc::ptr_eq(a, &d)) && b.per_interp.iter().any(|t| Arc::ptr_eq(t, &d));
            Some((d, bound))
        })
        .ok()
        .flatten()
}

/// Makes the revived dormant state `ts` the thread's binding again (its references never left
/// the bindings: only the raw mirror is set).
pub(crate) fn rebind_dormant(ts: &ThreadState) {
    slots().auto.set(ts);
}

/// The binding made while this thread's thread-locals were being torn down, if any.
fn orphan() -> Option<Arc<ThreadState>> {
    let raw = ORPHAN.with(|o| o.get());
    // SAFETY: a non-null ORPHAN owns a strong reference (from `Arc::into_raw`).
    (!raw.is_null()).then(|| unsafe { &*raw }.to_arc())
}

fn set_orphan(ts: Option<Arc<ThreadState>>) {
    let new = ts.map_or(ptr::null(), Arc::into_raw);
    let old = ORPHAN.with(|o| o.replace(new));
    if !old.is_null() {
        // SAFETY: the slot owned this strong reference (from `Arc::into_raw`).
        drop(unsafe { Arc::from_raw(old) });
    }
}
