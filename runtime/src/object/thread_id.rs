//! The thread id stored in `ob_tid`: the same value in Rust and in C (`_Py_ThreadId()` in
//! `abi/include/cpython/object.h`).
//!
//! On x86-64 Linux it is the thread-control-block pointer, read from `%fs:0` — one instruction,
//! as CPython does. Elsewhere it is the address of a thread-local. Under loom every modelled
//! thread gets its own small number (loom runs them all on one OS thread).

/// The calling thread's id; never 0 (0 means "unowned" in `ob_tid`).
#[inline(always)]
pub fn thread_id() -> usize {
    #[cfg(all(target_arch = "x86_64", target_os = "linux", not(loom)))]
    {
        let tid: usize;
        // SAFETY: on x86-64 Linux, %fs points at the thread control block, whose first word is
        // its own address (the TLS ABI); reading it has no side effects.
        unsafe {
            std::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tid, options(nostack, readonly, preserves_flags, pure))
        };
        tid
    }
    #[cfg(all(not(all(target_arch = "x86_64", target_os = "linux")), not(loom)))]
    {
        thread_local_addr()
    }
    #[cfg(loom)]
    {
        crate::sync::os_thread_ident() as usize
    }
}

/// The address of a thread-local: the thread id where no thread-pointer register is read, and
/// what the C headers' `_Py_ThreadId()` calls there (`_Py_GetThreadLocal_Addr`, as CPython).
#[inline]
pub fn thread_local_addr() -> usize {
    std::thread_local! {
        static ANCHOR: u8 = const { 0 };
    }
    ANCHOR.with(|a| a as *const u8 as usize)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::thread_id;

    #[test]
    fn stable_within_a_thread_and_unique_across_threads() {
        let me = thread_id();
        assert_ne!(me, 0);
        assert_eq!(thread_id(), me);
        let others: Vec<usize> = (0..6).map(|_| std::thread::spawn(thread_id).join().unwrap()).collect();
        for o in &others {
            assert_ne!(*o, 0);
        }
        // Live threads have distinct ids (joined ones may be reused by the OS).
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        let live: Vec<_> = (0..4)
            .map(|_| {
                let b = barrier.clone();
                std::thread::spawn(move || {
                    let id = thread_id();
                    b.wait();
                    id
                })
            })
            .collect();
        let mut ids: Vec<usize> = live.into_iter().map(|h| h.join().unwrap()).collect();
        ids.push(me);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5);
    }

    #[cfg(all(target_arch = "x86_64", target_os = "linux"))]
    #[test]
    fn it_is_the_tcb_pointer() {
        // glibc's pthread_self() is the TCB address too.
        // SAFETY: pthread_self has no preconditions.
        assert_eq!(thread_id(), unsafe { libc::pthread_self() } as usize);
    }
}
