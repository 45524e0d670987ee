//! The dispatch tables: what the loop's head dispatches to for every opcode byte.

use super::{DECODE, DECODE_TRACED, SLOW_HEAD, decode_table_for};
use pyrt_compile::instructions::Opcode;

#[test]
fn untraced_table_runs_every_instruction_directly() {
    let mut direct = 0;
    for byte in 0..=255u8 {
        let entry = DECODE[byte as usize];
        match Opcode::from_u8(byte) {
            Some(op) => {
                assert_eq!(entry, op, "byte {byte}");
                direct += 1;
            }
            // No instruction: the slow head, which raises.
            None => assert_eq!(entry, SLOW_HEAD, "byte {byte}"),
        }
    }
    // CPython 3.13's real instructions: 0..=118, 149..=222 and the instrumented 236..=254; and
    // pyrt's own `CALL_GEN_SEND` (235).
    assert_eq!(direct, 119 + 74 + 19 + 1);
}

#[test]
fn traced_table_sends_every_byte_to_the_slow_head() {
    for byte in 0..=255usize {
        assert_eq!(DECODE_TRACED[byte], SLOW_HEAD, "byte {byte}");
    }
    assert!(std::ptr::eq(decode_table_for(true), &DECODE_TRACED));
    assert!(std::ptr::eq(decode_table_for(false), &DECODE));
}

#[test]
fn slow_decoding_runs_instructions_and_rejects_the_rest() {
    // An untraced instruction is dispatched as it is (a specialised form included).
    assert_eq!(
        super::decode_slow(Opcode::BINARY_OP_ADD_INT.code_byte().expect("real")).ok(),
        Some(Opcode::BINARY_OP_ADD_INT)
    );
    assert_eq!(super::decode_slow(Opcode::EXTENDED_ARG.code_byte().expect("real")).ok(), Some(Opcode::EXTENDED_ARG));
    // An unknown byte and an `INSTRUMENTED_*` form are SystemErrors.
    crate::Runtime::initialize();
    crate::attach(|_py| {
        let unknown = super::decode_slow(130).expect_err("byte 130 is no instruction");
        assert_eq!(unknown.to_string(), "SystemError: unknown opcode 130");
        let err = super::decode_slow(Opcode::INSTRUMENTED_LINE.code_byte().expect("real")).expect_err("not run");
        assert_eq!(err.to_string(), "SystemError: opcode INSTRUMENTED_LINE is not implemented by the eval loop");
    });
}
