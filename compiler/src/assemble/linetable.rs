//! `co_linetable`: CPython 3.13's location table (`Objects/locations.md`).
//!
//! The table is a sequence of entries, each covering 1 to 8 code units with one location. An
//! entry starts with a byte `1CCCCLLL`: `CCCC` is the form, `LLL` the length minus one. Lines are
//! stored as deltas from the line of the previous entry that had one (starting at `co_firstlineno`).
//!
//! | code | form | following bytes |
//! |------|------|-----------------|
//! | 0–9  | short: same line, column `code*8 + (b>>4)`, end column `column + (b & 15)` | 1 |
//! | 10–12| one line: line delta `code-10`, column, end column | 2 |
//! | 13   | no column: signed-varint line delta | varint |
//! | 14   | long: signed line delta, end-line delta, column+1, end column+1 | 4 varints |
//! | 15   | no location | 0 |
//!
//! Varints are little-endian 6-bit chunks with `0x40` as the "more" bit; a signed varint is the
//! magnitude shifted left by one with the sign in bit 0. [`encode`] makes the same choice of form
//! as `Python/assemble.c`'s `write_location_info_entry`, so the bytes equal CPython's.

use crate::location::Location;

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

/// Builds `co_linetable` for a run of `(location, size in code units)` pairs (one pair per
/// instruction, in order; consecutive equal locations are merged as CPython merges them).
pub fn encode(instrs: impl IntoIterator<Item = (Location, usize)>, firstlineno: i32) -> Vec<u8> {
    let mut writer = Writer { out: Vec::new(), lineno: firstlineno };
    let mut current = Location::NO_LOCATION;
    let mut size = 0;
    for (loc, isize) in instrs {
        if loc != current {
            writer.emit(current, size);
            current = loc;
            size = 0;
        }
        size += isize;
    }
    writer.emit(current, size);
    writer.out
}

struct Writer {
    out: Vec<u8>,
    /// The line of the last entry that had one.
    lineno: i32,
}

impl Writer {
    fn emit(&mut self, loc: Location, mut size: usize) {
        while size > 8 {
            self.entry(loc, 8);
            size -= 8;
        }
        if size > 0 {
            self.entry(loc, size);
        }
    }

    fn first_byte(&mut self, code: u8, length: usize) {
        self.out.push(0x80 | (code << 3) | (length as u8 - 1));
    }

    fn varint(&mut self, mut value: u32) {
        while value >= 64 {
            self.out.push(0x40 | (value & 63) as u8);
            value >>= 6;
        }
        self.out.push(value as u8);
    }

    fn signed_varint(&mut self, value: i32) {
        let magnitude = value.unsigned_abs();
        self.varint(if value < 0 { (magnitude << 1) | 1 } else { magnitude << 1 });
    }

    fn entry(&mut self, loc: Location, length: usize) {
        if loc.lineno < 0 {
            self.first_byte(NONE, length);
            return;
        }
        let line_delta = loc.lineno - self.lineno;
        let (column, end_column) = (loc.col_offset, loc.end_col_offset);
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.first_byte(NO_COLUMNS, length);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                self.first_byte(SHORT0 + (column >> 3) as u8, length);
                self.out.push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.first_byte(ONE_LINE0 + line_delta as u8, length);
                self.out.push(column as u8);
                self.out.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.first_byte(LONG, length);
        self.signed_varint(line_delta);
        self.varint((loc.end_lineno - loc.lineno) as u32);
        self.varint((loc.col_offset + 1) as u32);
        self.varint((loc.end_col_offset + 1) as u32);
        self.lineno = loc.lineno;
    }
}

/// Decodes `co_linetable` into one location per code unit (what `co_positions()` yields, with
/// `-1` for `None`). A truncated or malformed table ends the output early rather than failing.
pub fn decode(table: &[u8], firstlineno: i32) -> Vec<Location> {
    let mut out = Vec::new();
    for (loc, length) in Entries::new(table, firstlineno) {
        out.extend(std::iter::repeat_n(loc, length));
    }
    out
}

/// The location of code unit `index` (`NO_LOCATION` past the end of the table).
pub fn location_of(table: &[u8], firstlineno: i32, index: usize) -> Location {
    let mut start = 0;
    for (loc, length) in Entries::new(table, firstlineno) {
        if index < start + length {
            return loc;
        }
        start += length;
    }
    Location::NO_LOCATION
}

/// The entries of a table in order: each location with the number of code units it covers.
struct Entries<'a> {
    reader: Reader<'a>,
    lineno: i32,
}

impl<'a> Entries<'a> {
    fn new(table: &'a [u8], firstlineno: i32) -> Entries<'a> {
        Entries { reader: Reader { table, pos: 0 }, lineno: firstlineno }
    }
}

impl Iterator for Entries<'_> {
    type Item = (Location, usize);

    fn next(&mut self) -> Option<(Location, usize)> {
        let reader = &mut self.reader;
        let first = reader.byte()?;
        if first & 0x80 == 0 {
            return None;
        }
        let code = (first >> 3) & 15;
        let length = (first & 7) as usize + 1;
        let loc = match code {
            NONE => Location::NO_LOCATION,
            LONG => {
                let (delta, end_delta, col, end_col) =
                    (reader.signed_varint()?, reader.varint()?, reader.varint()?, reader.varint()?);
                self.lineno = self.lineno.wrapping_add(delta);
                Location::new(
                    self.lineno,
                    self.lineno.wrapping_add(end_delta as i32),
                    col as i32 - 1,
                    end_col as i32 - 1,
                )
            }
            NO_COLUMNS => {
                self.lineno = self.lineno.wrapping_add(reader.signed_varint()?);
                Location::line(self.lineno)
            }
            ONE_LINE0..=12 => {
                let (col, end_col) = (reader.byte()?, reader.byte()?);
                self.lineno = self.lineno.wrapping_add((code - ONE_LINE0) as i32);
                Location::new(self.lineno, self.lineno, col as i32, end_col as i32)
            }
            _ => {
                let second = reader.byte()?;
                let col = (code as i32) * 8 + ((second >> 4) & 7) as i32;
                Location::new(self.lineno, self.lineno, col, col + (second & 15) as i32)
            }
        };
        Some((loc, length))
    }
}

struct Reader<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            value |= ((b & 63) as u32).checked_shl(shift)?;
            if b & 64 == 0 {
                return Some(value);
            }
            shift += 6;
        }
    }

    fn signed_varint(&mut self) -> Option<i32> {
        let raw = self.varint()?;
        let magnitude = (raw >> 1) as i32;
        Some(if raw & 1 == 1 { -magnitude } else { magnitude })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_round_trips() {
        let instrs = vec![
            (Location::new(1, 1, 0, 0), 1),         // short, empty range
            (Location::new(1, 1, 4, 12), 2),        // short
            (Location::new(2, 2, 90, 100), 1),      // one line, delta 1
            (Location::line(7), 3),                 // no column
            (Location::NO_LOCATION, 10),            // none, split into 8 + 2
            (Location::new(3, 5, 2, 1), 1),         // long, backwards line
            (Location::new(300, 300, 200, 260), 1), // long: columns too wide
        ];
        let table = encode(instrs.clone(), 1);
        let decoded = decode(&table, 1);
        let expected: Vec<Location> = instrs.iter().flat_map(|&(l, n)| std::iter::repeat_n(l, n)).collect();
        assert_eq!(decoded, expected);
        // The first entry is a short form: code 0, length 1, then column/width byte 0.
        assert_eq!(&table[..2], &[0x80, 0x00]);
    }

    #[test]
    fn malformed_tables_stop_without_panicking() {
        assert!(decode(&[0xF0], 1).is_empty()); // long form without its varints
        assert_eq!(decode(&[0xF8, 0x00], 1).len(), 1); // none, then a byte without the entry bit
    }
}
