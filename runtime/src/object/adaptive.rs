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
//! **Concurrency.** Code units are `AtomicU16`s: a code object is shared by every thread of its
//! interpreter, and in a free-threaded interpreter those threads run it at the same time. Every
//! access is a single relaxed load or store of one unit (a plain `mov` on x86-64 and AArch64),
//! so there is no data race. No ordering between units is promised: a thread may see a new
//! opcode with old caches, or a mixture of two specialisations' caches. In an interpreter with
//! a lock that cannot happen (one thread runs at a time, and the lock hand-off orders
//! everything); in a free-threaded one the specialiser only uses forms that stay correct under
//! any mixture (see `eval::specialize`).

use std::sync::atomic::{AtomicU16, Ordering};

use pyrt_compile::Opcode;

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

/// A code object's mutable instruction stream. See the module docs.
pub struct AdaptiveCode {
    units: Box<[AtomicU16]>,
}

impl AdaptiveCode {
    /// The quickened copy of `code` (warm-up counters in every instruction's first cache unit).
    pub fn quicken(code: &[u16]) -> AdaptiveCode {
        let units: Box<[AtomicU16]> = code.iter().map(|&u| AtomicU16::new(u)).collect();
        let mut i = 0;
        while i < code.len() {
            let caches = Opcode::from_u8((code[i] & 0xff) as u8).map_or(0, Opcode::cache_entries);
            if caches > 0 && Opcode::from_u8((code[i] & 0xff) as u8) != Some(Opcode::JUMP_BACKWARD) {
                if let Some(u) = units.get(i + 1) {
                    u.store(Counter::warmup().0, Ordering::Relaxed);
                }
            }
            i += 1 + caches;
        }
        AdaptiveCode { units }
    }

    /// The number of code units.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// The instruction unit at `i` (opcode byte low, oparg byte high).
    #[inline(always)]
    pub fn opcode_unit(&self, i: usize) -> u16 {
        self.units[i].load(Ordering::Relaxed)
    }

    /// The cache unit at `i`.
    #[inline(always)]
    pub fn cache(&self, i: usize) -> u16 {
        self.units[i].load(Ordering::Relaxed)
    }

    /// Two cache units as a 32-bit value, low unit first (CPython's `read_u32`).
    #[inline(always)]
    pub fn cache_u32(&self, i: usize) -> u32 {
        u32::from(self.cache(i)) | (u32::from(self.cache(i + 1)) << 16)
    }

    /// Writes the cache unit at `i`.
    #[inline]
    pub fn set_cache(&self, i: usize, v: u16) {
        self.units[i].store(v, Ordering::Relaxed);
    }

    /// Writes a 32-bit value as two cache units, low unit first.
    pub fn set_cache_u32(&self, i: usize, v: u32) {
        self.set_cache(i, v as u16);
        self.set_cache(i + 1, (v >> 16) as u16);
    }

    /// The counter in the cache unit at `i`.
    #[inline(always)]
    pub fn counter(&self, i: usize) -> Counter {
        Counter(self.cache(i))
    }

    /// Rewrites the opcode byte of the instruction at `i`, keeping its oparg byte. Only the
    /// thread running the instruction rewrites it, and the specialiser writes the caches first,
    /// so that in an interpreter with a lock the new form always starts with its caches.
    pub fn set_opcode(&self, i: usize, op: Opcode) {
        let byte = op.code_byte().expect("a real instruction");
        let unit = &self.units[i];
        let old = unit.load(Ordering::Relaxed);
        unit.store((old & 0xff00) | u16::from(byte), Ordering::Relaxed);
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
        a.set_opcode(6, Opcode::BINARY_OP_ADD_INT);
        assert_eq!(a.opcode_unit(6) & 0xff, u16::from(Opcode::BINARY_OP_ADD_INT.code_byte().unwrap()));
        a.set_cache_u32(3, 0x1234_5678);
        assert_eq!(a.cache_u32(3), 0x1234_5678);
    }
}
