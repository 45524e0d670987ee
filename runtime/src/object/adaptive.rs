//! The adaptive copy of a code object's instructions (CPython's `co_code_adaptive`) and the
//! backoff counters of its inline caches (`pycore_backoff.h`).
//!
//! The compiler's code units are immutable and shared by every interpreter; each `code` object
//! of an interpreter keeps a mutable copy that the eval loop runs and the specialiser
//! (`eval::specialize`) rewrites in place: an instruction's opcode byte becomes a specialised
//! form of its family and back, and its inline cache units (which follow it, zeroed by the
//! compiler) hold the adaptive counter and whatever the specialised form needs.
//!
//! **Quickening.** When the copy is made, the first cache unit of every instruction that has
//! caches gets the *warm-up* counter (value 1, backoff 1): the generic instruction specialises
//! on its second execution (CPython measured that as best, gh-98686).
//!
//! **Counters.** A 16-bit unit: a 12-bit countdown `value` and a 4-bit `backoff` exponent. The
//! generic instruction decrements the value and calls the specialiser when it reaches 0. A
//! successful specialisation stores the *cool-down* counter (value 52, backoff 0), which the
//! specialised form decrements on each guard miss (it then runs the generic body once); when it
//! reaches 0 the specialiser runs again. A failed specialisation stores the generic opcode and
//! the *restarted* counter: backoff + 1 (at most 12) and value `2^backoff - 1`, so an instruction
//! that never specialises costs exponentially fewer attempts.
//!
//! **Concurrency.** Code units are atomics: a code object is shared by every thread of its
//! interpreter, and in a free-threaded interpreter those threads run it at the same time. The
//! rules that make a specialised instruction's caches safe to read while another thread
//! re-specialises it are [`AdaptiveCode::publish`]'s (the protocol, with its argument, is in
//! `eval::specialize`'s module docs): an opcode is stored with `Release` after the caches it
//! reads, and a form that reads caches fences with `Acquire` after the dispatch's load
//! ([`AdaptiveCode::acquire_caches`]); cache units that a published
//! form may be reading are changed only with the interpreter's world stopped; counters are
//! single relaxed units whose lost updates are harmless.

use pyrt_compile::Opcode;

use crate::sync::{AtomicBool, AtomicU16, Mutation, Ordering, broken, fence};

/// A backoff counter in CPython 3.13's encoding: `value << 4 | backoff`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Counter(pub u16);

const MAX_BACKOFF: u16 = 12;
const WARMUP: Counter = Counter::new(1, 1);
const COOLDOWN: Counter = Counter::new(52, 0);

impl Counter {
    /// A counter with a countdown `value` (12 bits) and a `backoff` exponent (4 bits).
    pub const fn new(value: u16, backoff: u16) -> Counter {
        Counter(((value & 0xfff) << 4) | (backoff & 0xf))
    }

    /// The counter a code object starts with: specialise on the second execution.
    pub const fn warmup() -> Counter {
        WARMUP
    }

    /// The counter after a successful specialisation (misses count it down).
    pub const fn cooldown() -> Counter {
        COOLDOWN
    }

    /// The countdown value.
    pub const fn value(self) -> u16 {
        self.0 >> 4
    }

    /// The backoff exponent.
    pub const fn backoff(self) -> u16 {
        self.0 & 0xf
    }

    /// Whether the countdown reached zero (`backoff_counter_triggers`).
    #[inline]
    pub const fn triggers(self) -> bool {
        self.value() == 0
    }

    /// One step down (`advance_backoff_counter`).
    #[inline]
    pub const fn advance(self) -> Counter {
        Counter::new(self.value().wrapping_sub(1), self.backoff())
    }

    /// After a failed specialisation: wait twice as long as last time
    /// (`restart_backoff_counter`).
    pub const fn restart(self) -> Counter {
        let b = self.backoff();
        if b < MAX_BACKOFF {
            Counter::new((1 << (b + 1)) - 1, b + 1)
        } else {
            Counter::new((1 << MAX_BACKOFF) - 1, MAX_BACKOFF)
        }
    }
}

/// The cache units one specialisation writes, as offsets from its instruction, gathered before
/// any is stored (so that [`AdaptiveCode::publish`] decides how to store them all at once).
#[derive(Clone, Copy, Default)]
pub struct CacheWrites {
    writes: [(u8, u16); 8],
    len: u8,
}

impl CacheWrites {
    /// No cache unit (a form that reads none).
    pub const fn none() -> CacheWrites {
        CacheWrites { writes: [(0, 0); 8], len: 0 }
    }

    /// The unit at `offset` from the instruction (at least 2: the counter is not a cache here).
    pub fn unit(&mut self, offset: usize, v: u16) -> &mut CacheWrites {
        debug_assert!((2..=u8::MAX as usize).contains(&offset), "a cache unit after the counter");
        self.writes[self.len as usize] = (offset as u8, v);
        self.len += 1;
        self
    }

    /// A 32-bit value at `offset` and `offset + 1`, low unit first (CPython's `write_u32`).
    pub fn u32(&mut self, offset: usize, v: u32) -> &mut CacheWrites {
        self.unit(offset, v as u16).unit(offset + 1, (v >> 16) as u16)
    }

    /// Whether no unit is written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether some unit written is not zero.
    pub fn any_nonzero(&self) -> bool {
        self.writes[..self.len as usize].iter().any(|&(_, v)| v != 0)
    }

    fn iter(&self) -> impl Iterator<Item = (usize, u16)> + '_ {
        self.writes[..self.len as usize].iter().map(|&(o, v)| (o as usize, v))
    }
}

/// A code object's mutable instruction stream. See the module docs.
pub struct AdaptiveCode {
    units: Box<[AtomicU16]>,
    /// Taken (with a compare-and-swap, never waited for) by the one thread publishing a
    /// specialisation in this code object: writers of caches are serialised.
    publishing: AtomicBool,
}

/// The publisher's claim on a code object (releases it when dropped).
struct Publishing<'a>(&'a AtomicBool);

impl Drop for Publishing<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// The instruction unit at `i` of [`AdaptiveCode::opcode_units`]: as
/// [`AdaptiveCode::opcode_unit`], a relaxed load.
#[inline(always)]
pub fn opcode_unit_of(units: &[AtomicU16], i: usize) -> u16 {
    units[i].load(Ordering::Relaxed)
}

impl AdaptiveCode {
    /// The quickened copy of `code` (warm-up counters in every instruction's first cache unit).
    pub fn quicken(code: &[u16]) -> AdaptiveCode {
        let mut copy = code.to_vec();
        let mut i = 0;
        while i < code.len() {
            let op = Opcode::from_u8((code[i] & 0xff) as u8);
            let caches = op.map_or(0, Opcode::cache_entries);
            if caches > 0 && op != Some(Opcode::JUMP_BACKWARD) {
                if let Some(u) = copy.get_mut(i + 1) {
                    *u = Counter::warmup().0;
                }
            }
            i += 1 + caches;
        }
        AdaptiveCode { units: copy.into_iter().map(AtomicU16::new).collect(), publishing: AtomicBool::new(false) }
    }

    /// The number of code units.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// The instruction unit at `i` (opcode byte low, oparg byte high). A relaxed load: a form
    /// that reads caches calls [`AdaptiveCode::acquire_caches`] first, so the dispatch of every
    /// other instruction stays a plain load the compiler may schedule freely.
    #[inline(always)]
    pub fn opcode_unit(&self, i: usize) -> u16 {
        self.units[i].load(Ordering::Relaxed)
    }

    /// All code units, for the dispatch of the eval loop: read them with [`opcode_unit_of`]. The
    /// loop holds the slice (its pointer and length) for the frame it runs, instead of going
    /// through the code object to the units' box for every instruction.
    #[inline(always)]
    pub fn opcode_units(&self) -> &[AtomicU16] {
        &self.units
    }

    /// An `Acquire` fence: the opcode this thread loaded last (with [`AdaptiveCode::opcode_unit`])
    /// was stored with `Release` after its caches, so the fence makes them visible (a relaxed
    /// load followed by an acquire fence synchronises with the release store it read). A form
    /// calls it before its first cache read; on x86-64 it costs no instruction.
    #[inline(always)]
    pub fn acquire_caches(&self) {
        fence(Ordering::Acquire);
    }

    /// The cache unit at `i`. Read it in the same execution of the instruction whose opcode
    /// was loaded, before anything that may detach or check the eval breaker (see `publish`).
    #[inline(always)]
    pub fn cache(&self, i: usize) -> u16 {
        self.units[i].load(Ordering::Relaxed)
    }

    /// `N` consecutive cache units from `i`, read with one bounds check for all of them (each a
    /// relaxed load, as [`AdaptiveCode::cache`]).
    #[inline(always)]
    pub fn cache_units<const N: usize>(&self, i: usize) -> [u16; N] {
        let units: &[AtomicU16; N] = self.units[i..i + N].try_into().expect("a slice of N units");
        units.each_ref().map(|u| u.load(Ordering::Relaxed))
    }

    /// Two cache units as a 32-bit value, low unit first (CPython's `read_u32`).
    #[inline(always)]
    pub fn cache_u32(&self, i: usize) -> u32 {
        u32::from(self.cache(i)) | (u32::from(self.cache(i + 1)) << 16)
    }

    /// The counter in the cache unit at `i`.
    #[inline(always)]
    pub fn counter(&self, i: usize) -> Counter {
        Counter(self.cache(i))
    }

    /// Stores the counter of the instruction whose first cache unit is `i`. Any thread, any
    /// time: two threads counting down at once may lose a step, which only moves the next
    /// specialisation attempt by one execution.
    #[inline(always)]
    pub fn set_counter(&self, i: usize, c: Counter) {
        self.units[i].store(c.0, Ordering::Relaxed);
    }

    /// Rewrites the opcode byte of the instruction at `i`, keeping its oparg byte (which never
    /// changes, so two racing rewrites only decide which opcode wins), with `Release`: the
    /// caches stored before are visible to whoever loads the opcode.
    fn store_opcode(&self, i: usize, op: Opcode) {
        let byte = op.code_byte().expect("a real instruction");
        let unit = &self.units[i];
        let new = (unit.load(Ordering::Relaxed) & 0xff00) | u16::from(byte);
        let order = if broken(Mutation::SpecializePublishRelaxed) { Ordering::Relaxed } else { Ordering::Release };
        unit.store(new, order);
    }

    /// Whether every cache unit of the instruction at `i` after its counter is still zero (as
    /// the compiler left it): no form that reads a cache has been published there.
    fn fresh(&self, i: usize, op: Opcode) -> bool {
        (i + 2..=i + op.cache_entries()).all(|u| self.units[u].load(Ordering::Relaxed) == 0)
    }

    /// Publishes the form `op` at instruction `i` with its cache units and `counter` (the
    /// specialiser's one way to rewrite an instruction to a form; see `eval::specialize`'s
    /// "Threads" for the protocol and its argument):
    ///
    /// 1. the publisher claims the code object (a compare-and-swap; when another thread holds it,
    ///    only the counter is written — one step before the next attempt, so that the generic
    ///    body runs in between — and `false` is returned);
    /// 2. a *fresh* instruction (every cache unit still zero) has never published a form that
    ///    reads a cache, so no thread reads its units: they are stored, then the opcode with
    ///    `Release`;
    /// 3. otherwise a published form may be reading them right now: the units and the opcode
    ///    are stored with the calling thread's interpreter's world stopped — every other thread
    ///    is between two instructions or detached, and reads its caches only in the execution
    ///    that loaded the opcode, before any point where it could stop.
    ///
    /// Call attached (the stop needs the attachment).
    pub fn publish(&self, i: usize, op: Opcode, caches: &CacheWrites, counter: Counter) -> bool {
        if self.publishing.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            // The loop dispatches the instruction again after a specialisation attempt: with a
            // counter still at zero it would try again at once, never reaching a breaker check
            // — and the holder may be waiting for this thread there, stopping the world. One
            // more step makes the next dispatch run the generic body; the one after asks again.
            self.set_counter(i + 1, Counter::warmup());
            return false;
        }
        let _claim = Publishing(&self.publishing);
        let store_all = || {
            for (offset, v) in caches.iter() {
                self.units[i + offset].store(v, Ordering::Relaxed);
            }
            self.set_counter(i + 1, counter);
            self.store_opcode(i, op);
        };
        if caches.is_empty() || self.fresh(i, op) || broken(Mutation::SpecializeRewriteWithoutStop) {
            store_all();
        } else {
            let _world = super::attachment::stop_the_world("_Py_Specialize");
            store_all();
        }
        true
    }

    /// Turns the instruction at `i` back into its generic form `generic` with `counter` (no
    /// cache unit changes, so a thread still running the old form reads what it read before).
    pub fn deopt(&self, i: usize, generic: Opcode, counter: Counter) {
        self.set_counter(i + 1, counter);
        self.store_opcode(i, generic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_follow_cpython_3_13() {
        let w = Counter::warmup();
        assert_eq!((w.value(), w.backoff()), (1, 1));
        assert!(!w.triggers());
        assert!(w.advance().triggers());
        // A failure after the warm-up waits 3, then 7, 15, ... up to 4095.
        let r = w.advance().restart();
        assert_eq!((r.value(), r.backoff()), (3, 2));
        let r = r.restart();
        assert_eq!((r.value(), r.backoff()), (7, 3));
        let mut c = Counter::new(0, 11);
        c = c.restart();
        assert_eq!((c.value(), c.backoff()), (4095, 12));
        c = c.restart();
        assert_eq!((c.value(), c.backoff()), (4095, 12));
        assert_eq!(Counter::cooldown().value(), 52);
    }

    #[test]
    fn quicken_puts_warmup_counters_in_first_cache_units() {
        let op = |o: Opcode, arg: u16| u16::from(o.code_byte().unwrap()) | (arg << 8);
        // BINARY_OP has one cache unit, LOAD_GLOBAL four; RESUME none.
        let code = [op(Opcode::RESUME, 0), op(Opcode::LOAD_GLOBAL, 1), 0, 0, 0, 0, op(Opcode::BINARY_OP, 0), 0];
        let a = AdaptiveCode::quicken(&code);
        assert_eq!(a.len(), code.len());
        assert_eq!(a.counter(2), Counter::warmup());
        assert_eq!(a.cache(3), 0);
        assert_eq!(a.counter(7), Counter::warmup());
        assert!(a.publish(6, Opcode::BINARY_OP_ADD_INT, &CacheWrites::none(), Counter::cooldown()));
        assert_eq!(a.opcode_unit(6) & 0xff, u16::from(Opcode::BINARY_OP_ADD_INT.code_byte().unwrap()));
        assert_eq!(a.counter(7), Counter::cooldown());
        assert!(a.publish(
            1,
            Opcode::LOAD_GLOBAL_BUILTIN,
            CacheWrites::none().u32(2, 0x1234_5678).unit(4, 7),
            Counter::cooldown()
        ));
        assert_eq!((a.cache_u32(3), a.cache(5)), (0x1234_5678, 7));
        assert_eq!(a.opcode_unit(1), u16::from(Opcode::LOAD_GLOBAL_BUILTIN.code_byte().unwrap()) | (1 << 8));
        a.deopt(1, Opcode::LOAD_GLOBAL, Counter::new(3, 2));
        assert_eq!(a.cache_u32(3), 0x1234_5678, "a deopt leaves the caches");
    }
}
