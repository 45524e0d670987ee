//! `co_exceptiontable`: CPython 3.13's exception table (`InternalDocs/exception_handling.md`).
//!
//! Each entry says: if an exception is raised by an instruction in `[start, end)` (code units),
//! pop the stack to `depth`, push the offset of the raising instruction if `lasti`, push the
//! exception and jump to `target`. Entries are sorted by `start` and do not overlap, so the eval
//! loop can binary-search them.
//!
//! An entry is four varints: `start`, `end - start`, `target`, `(depth << 1) | lasti`. A varint is
//! big-endian 6-bit chunks, `0x40` marks "more chunks follow", and `0x80` is set on the first byte
//! of each entry (the `start`) so a reader can find entry boundaries.

/// One decoded entry (offsets in code units).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ExceptionEntry {
    /// First code unit covered.
    pub start: u32,
    /// One past the last code unit covered.
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// The stack depth the handler expects (before `lasti` and the exception are pushed).
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed before the exception.
    pub lasti: bool,
}

/// A malformed table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DecodeError {
    /// Byte offset where decoding failed.
    pub at: usize,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed exception table at byte {}", self.at)
    }
}

impl std::error::Error for DecodeError {}

fn push_item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Appends the encoding of `entry` to `out`.
pub fn encode_entry(out: &mut Vec<u8>, entry: &ExceptionEntry) {
    push_item(out, entry.start, 0x80);
    push_item(out, entry.end - entry.start, 0);
    push_item(out, entry.target, 0);
    push_item(out, (entry.depth << 1) | entry.lasti as u32, 0);
}

/// Encodes a whole table.
pub fn encode(entries: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        encode_entry(&mut out, entry);
    }
    out
}

/// Decodes a whole table.
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionEntry>, DecodeError> {
    let mut pos = 0;
    let mut entries = Vec::new();
    let item = |pos: &mut usize, first: bool| -> Result<u32, DecodeError> {
        let at = *pos;
        let mut b = *table.get(*pos).ok_or(DecodeError { at })?;
        if first != (b & 0x80 != 0) {
            return Err(DecodeError { at });
        }
        *pos += 1;
        let mut value = (b & 0x3f) as u32;
        while b & 0x40 != 0 {
            b = *table.get(*pos).ok_or(DecodeError { at: *pos })?;
            if b & 0x80 != 0 || value >= 1 << 26 {
                return Err(DecodeError { at: *pos });
            }
            *pos += 1;
            value = (value << 6) | (b & 0x3f) as u32;
        }
        Ok(value)
    };
    while pos < table.len() {
        let start = item(&mut pos, true)?;
        let size = item(&mut pos, false)?;
        let target = item(&mut pos, false)?;
        let depth_lasti = item(&mut pos, false)?;
        entries.push(ExceptionEntry {
            start,
            end: start + size,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 == 1,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_small_and_large_values() {
        let entries = [
            ExceptionEntry { start: 2, end: 10, target: 12, depth: 0, lasti: false },
            ExceptionEntry { start: 70, end: 5000, target: 300_000, depth: 3, lasti: true },
        ];
        let table = encode(&entries);
        // First entry: 0x80|2, 8, 12, 0.
        assert_eq!(&table[..4], &[0x82, 0x08, 0x0c, 0x00]);
        assert_eq!(decode(&table).unwrap(), entries);
    }

    #[test]
    fn malformed_tables_are_errors() {
        assert_eq!(decode(&[0x02]), Err(DecodeError { at: 0 }));
        assert!(decode(&[0x82, 0x48]).is_err());
    }
}
