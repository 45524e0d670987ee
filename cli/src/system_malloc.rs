//! The system allocator's trimming policy for the `pyrt` process (glibc only).
//!
//! Objects live in the interpreter's arena, but what they own beside it — a big `int`'s digits
//! (`num_bigint`'s vectors), a list's item block, string buffers, objects above the arena's size
//! classes — comes from the system allocator. glibc's `free` gives the top of the main heap back
//! to the kernel (`brk` down) as soon as a free leaves more than `M_TRIM_THRESHOLD` (128 KiB by
//! default) free there, and the next allocation that does not fit takes it back (`brk` up, then
//! one page fault per page, zeroed by the kernel). A program whose live data sits near the
//! threshold pays that round trip over and over: `benches/py/pidigits.py`, whose big-int
//! temporaries grow as the digits come, made 3 500 to 42 000 `brk` calls and up to 125 000 page
//! faults per run, and *which* number it got depended on the heap's layout at start-up — the
//! length of the script's path, or whether the interpreter was free-threaded (its thread state
//! allocates a little more) — so the same program ran 10% slower in one mode than in the other
//! with the same instruction count.
//!
//! glibc stops the round trips on its own once it has freed a block it had mapped (its
//! "dynamic threshold": the mmap threshold becomes that block's size and the trim threshold
//! twice that), which a program of small and middling blocks never does. This module sets the
//! same pair up front, as a long-running glibc process would reach them: blocks under 4 MiB come
//! from the heap, and its top is trimmed once 8 MiB are free there. Memory is still returned —
//! above 8 MiB of free top, and every mapped block at its free — so peak RSS is unchanged
//! (pidigits: 8.4 MB either way; 22 000 page faults fewer). A user who tunes malloc through the
//! environment (`GLIBC_TUNABLES`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_MMAP_THRESHOLD_`,
//! `MALLOC_TOP_PAD_`) keeps their settings. This belongs to the program, not to the embeddable runtime: a host
//! process owns its allocator's policy.

/// The largest block served from the heap rather than its own mapping.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 4 << 20;
/// How much free memory may stay at the top of the heap before `free` returns it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 2 * MMAP_THRESHOLD;

/// Whether the environment already tunes glibc's malloc.
fn tuned_by_environment(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    ["GLIBC_TUNABLES", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"]
        .iter()
        .any(|name| var(name).is_some())
}

/// Sets the thresholds (see the module docs); call first thing in `main`, before other threads.
pub fn configure() {
    if tuned_by_environment(|name| std::env::var_os(name)) {
        return;
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes the allocator's parameters (under its arena lock); both
    // values are in the ranges glibc accepts (the mmap threshold at most 32 MiB on 64-bit).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

#[cfg(test)]
mod tests {
    use super::tuned_by_environment;

    #[test]
    fn a_malloc_setting_in_the_environment_is_left_alone() {
        assert!(!tuned_by_environment(|_| None));
        assert!(tuned_by_environment(|n| (n == "GLIBC_TUNABLES").then(|| "glibc.malloc.trim_threshold=1".into())));
        assert!(tuned_by_environment(|n| (n == "MALLOC_TRIM_THRESHOLD_").then(|| "0".into())));
        assert!(!tuned_by_environment(|n| (n == "PYTHONMALLOC").then(|| "malloc".into())));
    }
}
