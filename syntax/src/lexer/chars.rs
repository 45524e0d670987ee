//! Character classes the tokenizer needs, as CPython's tokenizer defines them.
//!
//! CPython scans names optimistically: any byte ≥ 128 may be part of a name
//! (`is_potential_identifier_start/char` in `Parser/lexer/lexer.c`). Only when a name contains
//! non-ASCII bytes does it check the whole name with `_PyUnicode_ScanIdentifier` (first code
//! point XID_Start or `_`, the rest XID_Continue) and reports the first offending code point as
//! `invalid character '€' (U+20AC)`, or `invalid non-printable character U+00A0` when the code
//! point is not printable (`Py_UNICODE_ISPRINTABLE`: everything except the categories Cc, Cf,
//! Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space).

/// `[a-zA-Z_]` or any non-ASCII byte.
#[inline]
pub(super) fn is_potential_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

/// `[a-zA-Z0-9_]` or any non-ASCII byte.
#[inline]
pub(super) fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// CPython's `Py_UNICODE_ISPRINTABLE`, from the tables `pyrt-pylib` generates from CPython 3.13's
/// Unicode database.
pub(super) use pyrt_pylib::unicode::is_printable;

/// Index (in bytes, into `name`) of the first code point that makes `name` not an identifier,
/// or `None` when it is one (`_PyUnicode_ScanIdentifier`).
pub(super) fn first_invalid_identifier_char(name: &str) -> Option<(usize, char)> {
    let mut chars = name.char_indices();
    let (_, first) = chars.next()?;
    if !(first == '_' || unicode_ident::is_xid_start(first)) {
        return Some((0, first));
    }
    chars.find(|&(_, c)| !unicode_ident::is_xid_continue(c))
}

/// The message CPython gives for a code point that cannot appear in a name.
pub(super) fn invalid_character_message(ch: char) -> String {
    if is_printable(ch) {
        format!("invalid character '{ch}' (U+{:04X})", ch as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", ch as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_follows_cpython_categories() {
        assert!(is_printable('a'));
        assert!(is_printable(' '));
        assert!(is_printable('€'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{200b}'));
        assert!(!is_printable('\u{7f}'));
        assert!(!is_printable('\u{e000}'));
        assert!(!is_printable('\u{2028}'));
    }

    #[test]
    fn identifiers_are_xid() {
        assert_eq!(first_invalid_identifier_char("héllo"), None);
        assert_eq!(first_invalid_identifier_char("_x1"), None);
        assert_eq!(first_invalid_identifier_char("€"), Some((0, '€')));
        assert_eq!(first_invalid_identifier_char("a€b"), Some((1, '€')));
        assert_eq!(first_invalid_identifier_char("1a"), Some((0, '1')));
        assert_eq!(invalid_character_message('€'), "invalid character '€' (U+20AC)");
        assert_eq!(invalid_character_message('\u{a0}'), "invalid non-printable character U+00A0");
    }
}
