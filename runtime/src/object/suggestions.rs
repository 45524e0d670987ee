//! "Did you mean ...?" suggestions, as CPython 3.13's `Python/suggestions.c` computes them
//! (here for unexpected keyword arguments: `int('1', bas=2)` suggests `'base'`).
//!
//! The distance is Levenshtein's over UTF-8 bytes with CPython's costs: inserting, deleting or
//! substituting a byte costs 2, except a substitution that only flips ASCII case, which costs 1.
//! A common prefix and suffix are trimmed first; strings of more than 40 bytes (after trimming)
//! never match. A candidate qualifies when its distance is at most
//! `(len(name) + len(candidate) + 3) * 2 / 6` (about a third of the characters) and beats the
//! best so far; the first best candidate wins. Lists of 750 candidates or more get no
//! suggestion.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) { CASE_COST } else { MOVE_COST }
}

/// The edit distance of `a` and `b`, or `max_cost + 1` once it is certain to exceed `max_cost`.
fn levenshtein<'s>(mut a: &'s [u8], mut b: &'s [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..i + 1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut distance = j * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ai) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ai);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate CPython would suggest for the mistyped `name`, if any.
pub(crate) fn suggest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(item, _)| item)
}

/// `"{func}() got an unexpected keyword argument '{name}'"`, with CPython 3.13's suggestion
/// among the function's keyword parameters.
pub(crate) fn unexpected_keyword(func: &str, name: &str, params: &[&str]) -> String {
    match suggest(name, params) {
        Some(s) => format!("{func}() got an unexpected keyword argument '{name}'. Did you mean '{s}'?"),
        None => format!("{func}() got an unexpected keyword argument '{name}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_follow_cpython() {
        assert_eq!(suggest("bas", &["base"]), Some("base"));
        assert_eq!(suggest("kye", &["key", "reverse"]), None);
        assert_eq!(suggest("key2", &["key", "reverse"]), Some("key"));
        assert_eq!(suggest("x", &["key", "reverse"]), None);
        assert_eq!(suggest("REVERSE", &["key", "reverse"]), None);
        assert_eq!(suggest("Reverse", &["key", "reverse"]), Some("reverse"));
        assert_eq!(suggest("ky", &["key", "reverse"]), Some("key"));
        assert_eq!(suggest("base", &["base"]), None);
    }

    #[test]
    fn distances_use_cpython_costs() {
        assert_eq!(levenshtein(b"abc", b"abc", 10), 0);
        assert_eq!(levenshtein(b"abc", b"aBc", 10), CASE_COST);
        assert_eq!(levenshtein(b"abc", b"axc", 10), MOVE_COST);
        assert_eq!(levenshtein(b"abc", b"abcd", 10), MOVE_COST);
        assert_eq!(levenshtein(b"abcdef", b"zzzzzz", 3), 4);
    }
}
