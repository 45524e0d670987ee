//! One traceback entry as CPython 3.13's `StackSummary.format_frame_summary` prints it.
//!
//! The entry prints `  File "<file>", line <n>, in <name>`, then the source lines the failing
//! instruction spans (its position from the code object's location table), dedented together,
//! each followed — when carets are shown — by a caret line under the instruction's range. With
//! anchors (a binary operator, or the brackets of a subscript or call, found by parsing the
//! range's text in parentheses), `^` marks the anchor and `~` the rest of the range; without
//! them the whole range is `^`. Carets are left out when the range covers whole lines (nothing
//! else on the first or last line) and has no anchors, and for `return f(...)` / `x = f(...)`
//! whose call is exactly the range. Of a range over many lines only the first, the last and
//! the lines around the anchors are shown, a gap of more than one line becoming `...<N
//! lines>...`. Columns count characters; East Asian wide characters count two on caret lines.
//!
//! Offsets follow the Python code this ports: the location table's columns are UTF-8 byte
//! offsets, turned into character offsets on the line they belong to.

use pyrt_compile::Location;
use pyrt_syntax::ast::{Expr, ExprKind, Mod, StmtKind};
use unicode_width::UnicodeWidthChar;

/// The text for one entry: the `File` line and, when the source is available, its lines.
pub(crate) fn format_frame_summary(filename: &str, name: &str, pos: Location) -> String {
    let lineno = if pos.lineno < 0 { "None".to_owned() } else { pos.lineno.to_string() };
    let mut row = format!("  File \"{filename}\", line {lineno}, in {name}\n");
    if pos.lineno < 1 || pos.end_lineno < pos.lineno {
        return row;
    }
    let original: Vec<String> = (pos.lineno..=pos.end_lineno)
        .map(|l| source_line(filename, l).map(|s| s.trim_end().to_owned()).unwrap_or_default())
        .collect();
    let dedented = dedent(&original);
    if dedented.iter().all(|l| l.trim().is_empty()) {
        return row;
    }
    if pos.col_offset < 0 || pos.end_col_offset < 0 {
        // Only the first line, stripped (`textwrap.indent` leaves an empty one bare).
        let first = original[0].trim();
        if !first.is_empty() {
            row.push_str("    ");
            row.push_str(first);
        }
        row.push('\n');
        return row;
    }
    let block = source_block(&original, &dedented, pos);
    row.push_str(&indent_all(&dedent(&block.lines().map(str::to_owned).collect::<Vec<_>>()), "    "));
    row
}

/// One entry as CPython's C traceback printer writes it (`tb_displayline`): the `File` line and
/// the entry's first source line, stripped, with no caret line.
pub(crate) fn format_c_entry(filename: &str, name: &str, pos: Location) -> String {
    let mut row = format!("  File \"{filename}\", line {}, in {name}\n", pos.lineno);
    if let Some(line) = source_line(filename, pos.lineno).filter(|l| !l.trim().is_empty()) {
        row.push_str("    ");
        row.push_str(line.trim());
        row.push('\n');
    }
    row
}

fn source_line(filename: &str, lineno: i32) -> Option<String> {
    let text = crate::eval::source_cache::get(filename)?;
    text.lines().nth(usize::try_from(lineno).ok()?.checked_sub(1)?).map(str::to_owned)
}

/// `_byte_offset_to_character_offset`: characters of `line` that start before byte `offset`.
fn char_offset(line: &str, offset: usize) -> usize {
    line.char_indices().take_while(|&(i, _)| i < offset).count()
}

/// `_display_width` of the first `offset` characters.
fn display_width(line: &str, offset: usize) -> usize {
    line.chars().take(offset).map(|c| if c.width() == Some(2) { 2 } else { 1 }).sum()
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The characters `from..to` of `s`.
fn char_slice(s: &str, from: usize, to: usize) -> String {
    s.chars().skip(from).take(to.saturating_sub(from)).collect()
}

/// The source lines with their carets, before the final dedent and indent.
fn source_block(original: &[String], dedented: &[String], pos: Location) -> String {
    let first_line = &original[0];
    let last_line = &original[original.len() - 1];
    let mut start_offset = char_offset(first_line, pos.col_offset as usize);
    let mut end_offset = char_offset(last_line, pos.end_col_offset as usize);
    let all_lines = dedented;
    let dedent_chars = char_len(first_line) - char_len(&all_lines[0]);
    start_offset = start_offset.saturating_sub(dedent_chars);
    end_offset = end_offset.saturating_sub(dedent_chars);
    let last = all_lines.len() - 1;
    let dp_start = display_width(&all_lines[0], start_offset);
    let dp_end = display_width(&all_lines[last], end_offset);
    let joined = all_lines.join("\n");
    let total = char_len(&joined);
    let segment = char_slice(&joined, start_offset, total - (char_len(&all_lines[last]) - end_offset).min(total));
    let anchors = caret_anchors(&segment);
    let show_carets = should_show_carets(start_offset, end_offset, all_lines, anchors.as_ref());

    let mut significant: Vec<usize> = vec![0, last];
    let (mut left_end, mut right_start) = (0, 0);
    let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
    if let Some(a) = &anchors {
        left_end = a.left_end_offset + if a.left_end_lineno == 0 { start_offset } else { 0 };
        right_start = a.right_start_offset + if a.right_start_lineno == 0 { start_offset } else { 0 };
        left_end = display_width(&all_lines[a.left_end_lineno.min(last)], left_end);
        right_start = display_width(&all_lines[a.right_start_lineno.min(last)], right_start);
        for l in [a.left_end_lineno, a.right_start_lineno] {
            significant.extend([l.wrapping_sub(1), l, l + 1]);
        }
    }
    significant.retain(|&l| l <= last);
    significant.sort_unstable();
    significant.dedup();

    let mut result = String::new();
    let output_line = |lineno: usize, result: &mut String| {
        let line = &all_lines[lineno];
        result.push_str(line);
        result.push('\n');
        if !show_carets {
            return;
        }
        let num_spaces = char_len(line) - char_len(line.trim_start());
        let num_carets = if lineno == last { dp_end } else { display_width(line, char_len(line)) };
        for col in 0..num_carets {
            let c = if col < num_spaces || (lineno == 0 && col < dp_start) {
                ' '
            } else if anchors.as_ref().is_some_and(|a| {
                (lineno > a.left_end_lineno || (lineno == a.left_end_lineno && col >= left_end))
                    && (lineno < a.right_start_lineno || (lineno == a.right_start_lineno && col < right_start))
            }) {
                secondary
            } else {
                primary
            };
            result.push(c);
        }
        result.push('\n');
    };
    for (i, &lineno) in significant.iter().enumerate() {
        if i > 0 {
            let gap = lineno - significant[i - 1];
            if gap == 2 {
                output_line(lineno - 1, &mut result);
            } else if gap > 2 {
                result.push_str(&format!("...<{} lines>...\n", gap - 1));
            }
        }
        output_line(lineno, &mut result);
    }
    result
}

/// `textwrap.dedent` over lines: the longest common leading whitespace of the lines that are
/// not blank is removed; blank lines become empty.
fn dedent(lines: &[String]) -> Vec<String> {
    let mut margin: Option<&str> = None;
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        margin = Some(match margin {
            None => indent,
            Some(m) if indent.starts_with(m) => m,
            Some(m) if m.starts_with(indent) => indent,
            Some(m) => {
                let common = m.bytes().zip(indent.bytes()).take_while(|(a, b)| a == b).count();
                &m[..common]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines
        .iter()
        .map(|l| if l.trim().is_empty() { String::new() } else { l.strip_prefix(margin).unwrap_or(l).to_owned() })
        .collect()
}

/// `textwrap.indent(text, prefix, lambda line: True)` over lines.
fn indent_all(lines: &[String], prefix: &str) -> String {
    let mut out = String::new();
    for l in lines {
        out.push_str(prefix);
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// `_Anchors`: where the primary marker starts and ends (line index and character offset in
/// the segment's lines).
struct Anchors {
    left_end_lineno: usize,
    left_end_offset: usize,
    right_start_lineno: usize,
    right_start_offset: usize,
}

/// Line index (0-based) and byte column of `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count();
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    (line, col)
}

/// `_extract_caret_anchors_from_line_segment`: `None` when the segment does not parse as one
/// binary operation, subscript or call (or the walk runs off its text, where Python's
/// assertion fails).
fn caret_anchors(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let arena = bumpalo::Bump::new();
    let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(&wrapped, pyrt_syntax::Mode::Module, &arena) else {
        return None;
    };
    let [stmt] = body else { return None };
    let StmtKind::Expr { value } = &stmt.node else { return None };
    let lines: Vec<&str> = segment.lines().collect();
    let walker = SegmentWalk { lines: &lines, wrapped: &wrapped };
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = walker.end_of(left, true)?;
            let (lineno, col) = walker.increment_until(l, c, |ch| !ch.is_whitespace() && ch != ')')?;
            let line: Vec<char> = lines[lineno].chars().collect();
            let mut right_col = col + 1;
            let (right_line, right_byte_col) = line_col(&wrapped, right.range.start as usize);
            let right_start = right_line.checked_sub(1).map(|rl| (rl, walker.normalize(rl, right_byte_col)));
            let before_right = match right_start {
                Some((rl, rc)) => rl > lineno || right_col < rc,
                None => false,
            };
            if right_col < line.len()
                && before_right
                && !line[right_col].is_whitespace()
                && !"\\#".contains(line[right_col])
            {
                right_col += 1;
            }
            Some(Anchors {
                left_end_lineno: lineno,
                left_end_offset: col,
                right_start_lineno: lineno,
                right_start_offset: right_col,
            })
        }
        ExprKind::Subscript { value: inner, .. } | ExprKind::Call { func: inner, .. } => {
            let open = if matches!(value.node, ExprKind::Subscript { .. }) { '[' } else { '(' };
            let (l, c) = walker.end_of(inner, true)?;
            let (left_lineno, left_col) = walker.increment_until(l, c, |ch| ch == open)?;
            let (right_lineno, right_col) = walker.end_of(value, false)?;
            Some(Anchors {
                left_end_lineno: left_lineno,
                left_end_offset: left_col,
                right_start_lineno: right_lineno,
                right_start_offset: right_col,
            })
        }
        _ => None,
    }
}

/// The helpers of `_extract_caret_anchors_from_line_segment` over the segment's lines.
struct SegmentWalk<'s> {
    lines: &'s [&'s str],
    wrapped: &'s str,
}

impl SegmentWalk<'_> {
    fn char_at(&self, lineno: usize, col: usize) -> Option<char> {
        self.lines.get(lineno)?.chars().nth(col)
    }

    fn normalize(&self, lineno: usize, byte_col: usize) -> usize {
        self.lines.get(lineno).map_or(byte_col, |l| char_offset(l, byte_col))
    }

    fn next_valid_char(&self, mut lineno: usize, mut col: usize) -> Option<(usize, usize)> {
        while lineno < self.lines.len() && col >= char_len(self.lines[lineno]) {
            col = 0;
            lineno += 1;
        }
        (lineno < self.lines.len()).then_some((lineno, col))
    }

    /// `setup_positions`: the end of `expr` in the segment's coordinates.
    fn end_of(&self, expr: &Expr<'_>, force_valid: bool) -> Option<(usize, usize)> {
        let (line, byte_col) = line_col(self.wrapped, expr.range.end as usize);
        let lineno = line.checked_sub(1)?;
        let col = self.normalize(lineno, byte_col);
        if force_valid { self.next_valid_char(lineno, col) } else { Some((lineno, col)) }
    }

    fn increment_until(
        &self,
        mut lineno: usize,
        mut col: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = self.char_at(lineno, col)?;
            if ch == '\\' || ch == '#' {
                (lineno, col) = self.next_valid_char(lineno + 1, 0)?;
            } else if !stop(ch) {
                (lineno, col) = self.next_valid_char(lineno, col + 1)?;
            } else {
                return Some((lineno, col));
            }
        }
    }
}

/// `_should_show_carets`.
fn should_show_carets(start_offset: usize, end_offset: usize, all_lines: &[String], anchors: Option<&Anchors>) -> bool {
    let text = all_lines.join("\n");
    let arena = bumpalo::Bump::new();
    if let Ok(Mod::Module { body, .. }) = pyrt_syntax::parse(&text, pyrt_syntax::Mode::Module, &arena) {
        let Some(stmt) = body.first() else { return false };
        let value = match &stmt.node {
            StmtKind::Return { value: Some(v) } => match &v.node {
                ExprKind::Call { func, .. } if matches!(func.node, ExprKind::Name { .. }) => Some(*v),
                _ => None,
            },
            StmtKind::Assign { targets, value, .. } => match &value.node {
                ExprKind::Call { .. } if targets.len() == 1 && matches!(targets[0].node, ExprKind::Name { .. }) => {
                    Some(*value)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(v) = value {
            let (start_line, start_col) = line_col(&text, v.range.start as usize);
            let (end_line, end_col) = line_col(&text, v.range.end as usize);
            if start_line == 0 && end_line + 1 == all_lines.len() && start_col == start_offset && end_col == end_offset
            {
                return false;
            }
        }
    }
    if anchors.is_some() {
        return true;
    }
    let before: String = all_lines[0].chars().take(start_offset).collect();
    let after: String = all_lines[all_lines.len() - 1].chars().skip(end_offset).collect();
    !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn dedent_keeps_relative_indentation_and_empties_blank_lines() {
        assert_eq!(dedent(&lines(&["    a(", "        b,", "  ", "    )"])), lines(&["a(", "    b,", "", ")"]));
        assert_eq!(dedent(&lines(&["\tx", "\t\ty"])), lines(&["x", "\ty"]));
    }

    #[test]
    fn anchors_of_binary_operations_subscripts_and_calls() {
        let a = caret_anchors("a + b").unwrap();
        assert_eq!((a.left_end_offset, a.right_start_offset), (2, 3));
        let a = caret_anchors("x // y").unwrap();
        assert_eq!((a.left_end_offset, a.right_start_offset), (2, 4));
        let a = caret_anchors("d[\"k\"]").unwrap();
        assert_eq!((a.left_end_offset, a.right_start_offset), (1, 6));
        let a = caret_anchors("f(\n  1,\n)").unwrap();
        assert_eq!((a.left_end_lineno, a.left_end_offset, a.right_start_lineno, a.right_start_offset), (0, 1, 2, 1));
        assert!(caret_anchors("name").is_none());
    }

    #[test]
    fn whole_line_calls_in_returns_and_assignments_show_no_carets() {
        assert!(!should_show_carets(7, 10, &lines(&["return f()"]), None));
        assert!(!should_show_carets(4, 14, &lines(&["x = obj.meth()"]), None));
        assert!(should_show_carets(4, 8, &lines(&["x = f() + 1"]), None));
    }
}
