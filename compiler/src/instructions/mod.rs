//! # The one instruction table
//!
//! Every instruction pyrt knows is declared once, in `instructions/table.rs`, as one entry of the
//! `instruction_table!` macro. The entry gives, in CPython 3.13's terms:
//!
//! - the name and opcode number (`Lib/_opcode_metadata.py`: real instructions are `0..=254`,
//!   pseudo-instructions, which only the compiler sees, are `256..=267`);
//! - the number of inline cache code units that follow it (`dis._inline_cache_entries`; every member
//!   of a specialisation family has its family's size, so the eval loop can rewrite an instruction
//!   in place);
//! - how many stack items it pops and pushes as expressions of `oparg`
//!   (`_PyOpcode_num_popped`/`_PyOpcode_num_pushed`), and for the exception-setup pseudo-instructions
//!   what it pushes when the jump (to the handler) is taken;
//! - flags ([`OpFlags`]): the `dis` categories (`ARG`, `CONST`, `NAME`, `JUMP`, `FREE`, `LOCAL`), the
//!   control-flow facts the CFG needs (`SCOPE_EXIT`, `UNCONDITIONAL_JUMP`, `BACKWARD`, `BLOCK_PUSH`)
//!   and CPython's runtime facts about the body (`EVAL_BREAK`, `ERROR`, `ESCAPES`, `DEOPT`, ...);
//! - for a specialised instruction, its `family` (the adaptive instruction it deoptimises to);
//! - for a pseudo-instruction, the real instructions it may become (`targets`);
//! - a one-line doc comment, which is also what [`Opcode::doc`] returns.
//!
//! From that one table the macro generates [`Opcode`] and all its queries. The compiler's stack-depth
//! pass, the assembler, the disassembler and (later) the eval loop all read it; the eval loop adds
//! behaviour to entries that already exist here — specialised forms included — and nothing else.
//!
//! `Opcode` is `#[repr(u16)]` with CPython's numbers as discriminants, because the pseudo-instructions
//! are numbered from 256. A code unit holds only real instructions: [`Opcode::from_u8`] decodes the
//! opcode byte of a code unit and never yields a pseudo-instruction, and [`Opcode::code_byte`] is
//! `None` for pseudo-instructions.
//!
//! The table is checked against CPython 3.13 by `tests/instruction_table.rs`, which compares every
//! entry with `tests/data/opcodes_3_13.txt`, written by `tests/data/gen_opcodes.py` from 3.13's
//! `dis`/`_opcode` modules and its `pycore_opcode_metadata.h`.

mod table;

pub use table::Opcode;

/// A set of instruction properties; see the constants.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OpFlags(u32);

impl OpFlags {
    /// The instruction uses its oparg (`dis.hasarg`).
    pub const ARG: OpFlags = OpFlags(1 << 0);
    /// The oparg indexes `co_consts` (`dis.hasconst`).
    pub const CONST: OpFlags = OpFlags(1 << 1);
    /// The oparg indexes `co_names`, possibly shifted (`dis.hasname`).
    pub const NAME: OpFlags = OpFlags(1 << 2);
    /// The oparg is a relative jump (`dis.hasjump`).
    pub const JUMP: OpFlags = OpFlags(1 << 3);
    /// The oparg indexes a cell or free variable of the localsplus array (`dis.hasfree`).
    pub const FREE: OpFlags = OpFlags(1 << 4);
    /// The oparg indexes a local of the localsplus array (`dis.haslocal`).
    pub const LOCAL: OpFlags = OpFlags(1 << 5);
    /// The body may check the eval breaker.
    pub const EVAL_BREAK: OpFlags = OpFlags(1 << 6);
    /// The body may deoptimise to its family's adaptive form.
    pub const DEOPT: OpFlags = OpFlags(1 << 7);
    /// The body may raise.
    pub const ERROR: OpFlags = OpFlags(1 << 8);
    /// The body may call arbitrary code.
    pub const ESCAPES: OpFlags = OpFlags(1 << 9);
    /// The body may take a side exit (tier 2).
    pub const SIDE_EXIT: OpFlags = OpFlags(1 << 10);
    /// The body has no side effects beyond the stack.
    pub const PURE: OpFlags = OpFlags(1 << 11);
    /// The body may raise before popping its inputs.
    pub const ERROR_NO_POP: OpFlags = OpFlags(1 << 12);
    /// Leaves the frame: no fall-through and no jump (`IS_SCOPE_EXIT_OPCODE`).
    pub const SCOPE_EXIT: OpFlags = OpFlags(1 << 13);
    /// Always jumps: no fall-through (`IS_UNCONDITIONAL_JUMP_OPCODE`).
    pub const UNCONDITIONAL_JUMP: OpFlags = OpFlags(1 << 14);
    /// The jump goes backward (`oparg` is subtracted from the next instruction's offset).
    pub const BACKWARD: OpFlags = OpFlags(1 << 15);
    /// Pushes an exception handler (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`; `dis.hasexc`).
    pub const BLOCK_PUSH: OpFlags = OpFlags(1 << 16);

    const NAMES: [(&'static str, OpFlags); 17] = [
        ("ARG", Self::ARG),
        ("CONST", Self::CONST),
        ("NAME", Self::NAME),
        ("JUMP", Self::JUMP),
        ("FREE", Self::FREE),
        ("LOCAL", Self::LOCAL),
        ("EVAL_BREAK", Self::EVAL_BREAK),
        ("DEOPT", Self::DEOPT),
        ("ERROR", Self::ERROR),
        ("ESCAPES", Self::ESCAPES),
        ("SIDE_EXIT", Self::SIDE_EXIT),
        ("PURE", Self::PURE),
        ("ERROR_NO_POP", Self::ERROR_NO_POP),
        ("SCOPE_EXIT", Self::SCOPE_EXIT),
        ("UNCONDITIONAL_JUMP", Self::UNCONDITIONAL_JUMP),
        ("BACKWARD", Self::BACKWARD),
        ("BLOCK_PUSH", Self::BLOCK_PUSH),
    ];

    /// The empty set.
    pub const fn empty() -> OpFlags {
        OpFlags(0)
    }

    /// The union of two sets.
    pub const fn union(self, other: OpFlags) -> OpFlags {
        OpFlags(self.0 | other.0)
    }

    /// Whether every flag of `other` is in `self`.
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::fmt::Debug for OpFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = Self::NAMES.iter().filter(|(_, fl)| self.contains(*fl)).map(|(n, _)| *n).collect();
        write!(f, "OpFlags({})", names.join(" | "))
    }
}

/// `given_or!(default)` is `default`; `given_or!(default, given)` is `given`: the optional fields of
/// the table.
macro_rules! given_or {
    ($default:expr) => {
        $default
    };
    ($default:expr, $given:expr) => {
        $given
    };
}

/// Clamps a stack count computed in `i64` (so no oparg can overflow it) to `i32`.
const fn saturate(count: i64) -> i32 {
    if count > i32::MAX as i64 {
        i32::MAX
    } else if count < i32::MIN as i64 {
        i32::MIN
    } else {
        count as i32
    }
}

/// Generates [`Opcode`] and its queries from the table in `table.rs`.
///
/// Each entry: `/// doc` then `NAME = number { cache: N, pop: expr, push: expr, [branch_push: expr,]
/// flags: [FLAG, ...] [, family: BASE] [, targets: [REAL, ...]] }`. The `pop`/`push` expressions
/// may use the identifier given before the first entry (the instruction's oparg, as `i64`).
macro_rules! instruction_table {
    (
        $oparg:ident;
        $(
            #[doc = $doc:literal]
            $name:ident = $num:literal {
                cache: $cache:literal,
                pop: $pop:expr,
                push: $push:expr,
                $(branch_push: $branch_push:expr,)?
                flags: [$($flag:ident),*]
                $(, family: $family:ident)?
                $(, targets: [$($target:ident),*])?
            },
        )*
    ) => {
        /// An instruction of CPython 3.13's instruction set (real, specialised, instrumented or pseudo).
        #[repr(u16)]
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum Opcode {
            $(
                #[doc = $doc]
                $name = $num,
            )*
        }

        impl Opcode {
            /// Every instruction, in opcode-number order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// CPython's name (`dis.opname`).
            #[inline]
            pub const fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name => stringify!($name),)*
                }
            }

            /// The one-line description from the table.
            #[inline]
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Opcode::$name => $doc.trim_ascii(),)*
                }
            }

            /// CPython's opcode number (`dis.opmap`; pseudo-instructions are `>= 256`).
            #[inline]
            pub const fn number(self) -> u16 {
                self as u16
            }

            /// The instruction with CPython's opcode number `number`, pseudo-instructions included.
            #[inline]
            pub const fn from_number(number: u16) -> Option<Opcode> {
                match number {
                    $($num => Some(Opcode::$name),)*
                    _ => None,
                }
            }

            /// The instruction with CPython's name `name`.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $(stringify!($name) => Some(Opcode::$name),)*
                    _ => None,
                }
            }

            /// The number of inline cache code units that follow the instruction.
            #[inline(always)]
            pub const fn cache_entries(self) -> usize {
                match self {
                    $(Opcode::$name => $cache,)*
                }
            }

            /// The properties of the instruction.
            #[inline]
            pub const fn flags(self) -> OpFlags {
                match self {
                    $(Opcode::$name => OpFlags::empty()$(.union(OpFlags::$flag))*,)*
                }
            }

            /// The adaptive instruction of the family a specialised instruction belongs to; the
            /// instruction itself when it is not specialised (CPython's `_PyOpcode_Deopt`).
            #[inline]
            pub const fn base(self) -> Opcode {
                match self {
                    $(Opcode::$name => given_or!(Opcode::$name $(, Opcode::$family)?),)*
                }
            }

            /// The real instructions a pseudo-instruction may become (empty for real instructions).
            #[inline]
            pub const fn pseudo_targets(self) -> &'static [Opcode] {
                match self {
                    $(Opcode::$name => given_or!(&[] $(, &[$(Opcode::$target),*])?),)*
                }
            }

            /// How many stack items the instruction pops for `oparg` (`_PyOpcode_num_popped`).
            #[allow(unused_variables)]
            #[inline]
            pub const fn num_popped(self, oparg: u32) -> i32 {
                let $oparg = oparg as i64;
                saturate(match self {
                    $(Opcode::$name => $pop,)*
                })
            }

            /// How many stack items the instruction pushes for `oparg` when it falls through
            /// (`_PyOpcode_num_pushed`).
            #[allow(unused_variables)]
            #[inline]
            pub const fn num_pushed(self, oparg: u32) -> i32 {
                let $oparg = oparg as i64;
                saturate(match self {
                    $(Opcode::$name => $push,)*
                })
            }

            /// How many stack items the instruction pushes for `oparg` when its jump is taken (the
            /// handler's entry for the exception-setup pseudo-instructions).
            #[allow(unused_variables)]
            #[inline]
            pub const fn num_pushed_on_jump(self, oparg: u32) -> i32 {
                let $oparg = oparg as i64;
                saturate(match self {
                    $(Opcode::$name => given_or!($push $(, $branch_push)?),)*
                })
            }
        }
    };
}

use {given_or, instruction_table};

impl Opcode {
    /// The opcode byte of a code unit: `None` for pseudo-instructions, which never reach a code object.
    #[inline]
    pub const fn code_byte(self) -> Option<u8> {
        if self.is_pseudo() { None } else { Some(self as u16 as u8) }
    }

    /// Decodes the opcode byte of a code unit (never a pseudo-instruction): one load from a
    /// table made at compile time (the eval loop decodes every instruction with this, and the
    /// 256-arm `match` of `from_number` is not inlined into it).
    #[inline(always)]
    pub const fn from_u8(byte: u8) -> Option<Opcode> {
        const BY_BYTE: [Option<Opcode>; 256] = {
            let mut table = [None; 256];
            let mut byte = 0;
            while byte < 256 {
                table[byte] = Opcode::from_number(byte as u16);
                byte += 1;
            }
            table
        };
        BY_BYTE[byte as usize]
    }

    /// Whether the instruction exists only in the compiler (`256..=267`).
    #[inline]
    pub const fn is_pseudo(self) -> bool {
        self as u16 >= 256
    }

    /// Whether the instruction is a `sys.monitoring` form (`INSTRUMENTED_*`, `236..=254`).
    #[inline]
    pub const fn is_instrumented(self) -> bool {
        let n = self as u16;
        n >= 236 && n <= 254
    }

    /// Whether the instruction is pyrt's own, not CPython 3.13's: a specialised form CPython has
    /// no counterpart of (it never appears in `co_code`, only in a code object's adaptive units).
    #[inline]
    pub const fn is_pyrt_only(self) -> bool {
        matches!(self, Opcode::CALL_GEN_SEND)
    }

    /// Whether the instruction is a specialised member of a family (PEP 659).
    #[inline]
    pub const fn is_specialized(self) -> bool {
        self.base() as u16 != self as u16
    }

    /// The specialised members of this instruction's family (empty unless it is an adaptive base).
    pub fn specializations(self) -> impl Iterator<Item = Opcode> {
        Opcode::ALL.iter().copied().filter(move |op| op.is_specialized() && op.base() == self)
    }

    /// `dis.hasarg`: the instruction uses its oparg.
    #[inline]
    pub const fn has_arg(self) -> bool {
        self.flags().contains(OpFlags::ARG)
    }

    /// `dis.hasconst`.
    #[inline]
    pub const fn has_const(self) -> bool {
        self.flags().contains(OpFlags::CONST)
    }

    /// `dis.hasname`.
    #[inline]
    pub const fn has_name(self) -> bool {
        self.flags().contains(OpFlags::NAME)
    }

    /// `dis.hasjump`: the oparg is a jump offset (or, for pseudo-instructions, a label).
    #[inline]
    pub const fn has_jump(self) -> bool {
        self.flags().contains(OpFlags::JUMP)
    }

    /// `dis.haslocal`.
    #[inline]
    pub const fn has_local(self) -> bool {
        self.flags().contains(OpFlags::LOCAL)
    }

    /// `dis.hasfree`.
    #[inline]
    pub const fn has_free(self) -> bool {
        self.flags().contains(OpFlags::FREE)
    }

    /// `dis.hasexc`: an exception-handler setup pseudo-instruction whose oparg is the handler label.
    #[inline]
    pub const fn is_block_push(self) -> bool {
        self.flags().contains(OpFlags::BLOCK_PUSH)
    }

    /// Whether the oparg names a target (a jump or a handler): CPython's `HAS_TARGET`.
    #[inline]
    pub const fn has_target(self) -> bool {
        self.has_jump() || self.is_block_push()
    }

    /// Whether the jump goes backward.
    #[inline]
    pub const fn is_backward_jump(self) -> bool {
        self.flags().contains(OpFlags::BACKWARD)
    }

    /// `IS_SCOPE_EXIT_OPCODE`: returns or raises.
    #[inline]
    pub const fn is_scope_exit(self) -> bool {
        self.flags().contains(OpFlags::SCOPE_EXIT)
    }

    /// `IS_UNCONDITIONAL_JUMP_OPCODE`.
    #[inline]
    pub const fn is_unconditional_jump(self) -> bool {
        self.flags().contains(OpFlags::UNCONDITIONAL_JUMP)
    }

    /// Whether execution never continues with the next instruction (a scope exit or an
    /// unconditional jump): the instruction ends its basic block.
    #[inline]
    pub const fn is_terminator(self) -> bool {
        self.is_scope_exit() || self.is_unconditional_jump()
    }

    /// The stack effect, as `dis.stack_effect(op, oparg, jump=jump)` computes it: `jump` `Some(true)`
    /// is the effect when the jump (or the handler) is taken, `Some(false)` when execution falls
    /// through, `None` the larger of the two. `None` is returned where CPython raises
    /// `ValueError` (specialised instructions, and `INSTRUMENTED_LINE` whose table entry has
    /// CPython's -1 for "no stack metadata"), and for opargs so large the effect does not fit.
    pub fn stack_effect(self, oparg: u32, jump: Option<bool>) -> Option<i32> {
        let popped = self.num_popped(oparg);
        if self.is_specialized() || popped < 0 || self.num_pushed(oparg) < 0 {
            return None;
        }
        let fall_through = self.num_pushed(oparg).checked_sub(popped)?;
        let taken = self.num_pushed_on_jump(oparg).checked_sub(popped)?;
        Some(match jump {
            Some(true) => taken,
            Some(false) => fall_through,
            None => taken.max(fall_through),
        })
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_bytes_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_number(op.number()), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
            match op.code_byte() {
                Some(byte) => assert_eq!(Opcode::from_u8(byte), Some(op)),
                None => assert!(op.is_pseudo()),
            }
            assert!(!op.doc().is_empty(), "{op} has no doc");
        }
        assert_eq!(Opcode::from_u8(255), None);
        assert_eq!(Opcode::LOAD_ATTR.number(), 82);
        assert_eq!(Opcode::SETUP_FINALLY.number(), 265);
    }

    #[test]
    fn families_share_their_base_cache_size() {
        for &op in Opcode::ALL {
            assert_eq!(op.cache_entries(), op.base().cache_entries(), "{op}");
        }
        let calls: Vec<Opcode> = Opcode::CALL.specializations().collect();
        assert_eq!(calls.len(), 21, "CPython 3.13's 20 and pyrt's CALL_GEN_SEND");
        assert!(Opcode::LOAD_ATTR_MODULE.is_specialized());
        assert_eq!(Opcode::LOAD_ATTR_MODULE.base(), Opcode::LOAD_ATTR);
        assert_eq!(Opcode::LOAD_ATTR.cache_entries(), 9);
    }

    #[test]
    fn control_flow_flags() {
        assert!(Opcode::RETURN_VALUE.is_terminator());
        assert!(Opcode::JUMP.is_terminator() && Opcode::JUMP.has_target());
        assert!(!Opcode::POP_JUMP_IF_TRUE.is_terminator() && Opcode::POP_JUMP_IF_TRUE.has_jump());
        assert!(Opcode::JUMP_BACKWARD.is_backward_jump() && !Opcode::JUMP_FORWARD.is_backward_jump());
        assert!(Opcode::SETUP_CLEANUP.is_block_push() && Opcode::SETUP_CLEANUP.has_target());
        assert_eq!(Opcode::JUMP.pseudo_targets(), &[Opcode::JUMP_FORWARD, Opcode::JUMP_BACKWARD]);
    }

    #[test]
    fn stack_effects_follow_oparg_and_jump() {
        assert_eq!(Opcode::CALL.stack_effect(2, None), Some(-3));
        assert_eq!(Opcode::BUILD_SLICE.stack_effect(3, None), Some(-2));
        assert_eq!(Opcode::SETUP_CLEANUP.stack_effect(0, Some(true)), Some(2));
        assert_eq!(Opcode::SETUP_CLEANUP.stack_effect(0, Some(false)), Some(0));
        assert_eq!(Opcode::SETUP_CLEANUP.stack_effect(0, None), Some(2));
        assert_eq!(Opcode::BINARY_OP_ADD_INT.stack_effect(0, None), None);
    }
}
