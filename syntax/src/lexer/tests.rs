//! Unit tests of the lexer: token streams and CPython 3.13's errors (messages and positions
//! taken from `compile()` in CPython 3.13).

use super::*;
use TokenKind::*;

fn kinds(src: &str) -> Vec<TokenKind> {
    tokenize(src).unwrap().into_iter().map(|t| t.kind).collect()
}

fn texts(src: &str) -> Vec<(TokenKind, &str)> {
    tokenize(src).unwrap().into_iter().map(|t| (t.kind, &src[t.range.as_range()])).collect()
}

#[test]
fn simple_statement() {
    assert_eq!(texts("x = 1\n"), vec![(Name, "x"), (Equal, "="), (Int, "1"), (Newline, "\n"), (EndOfFile, "")]);
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(kinds("if match:\n"), vec![If, Name, Colon, Newline, EndOfFile]);
}
