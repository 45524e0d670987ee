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

#[test]
fn indentation_emits_indent_and_dedent() {
    assert_eq!(
        kinds("if a:\n    if b:\n        c\nd\n"),
        vec![
            If, Name, Colon, Newline, Indent, If, Name, Colon, Newline, Indent, Name, Newline, Dedent, Dedent, Name,
            Newline, EndOfFile
        ]
    );
    // Blank and comment-only lines, at any indentation, produce nothing.
    assert_eq!(
        kinds("if a:\n\n  # c\n        \n    b\n"),
        vec![If, Name, Colon, Newline, Indent, Name, Newline, Dedent, EndOfFile]
    );
    // Tabs go to multiples of 8: a tab and 8 spaces are the same level when both agree.
    assert_eq!(
        kinds("if a:\n\tb\n\tc\n"),
        vec![If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, EndOfFile]
    );
    let tokens = tokenize("if a:\n  b\n").unwrap();
    assert_eq!(tokens[4].range, TextRange::new(6, 8), "INDENT covers the leading blanks");
    assert_eq!(tokens[7].range, TextRange::empty(10), "DEDENT at the end");
}

#[test]
fn missing_final_newline_is_synthesised_empty() {
    let tokens = tokenize("x").unwrap();
    assert_eq!(tokens.iter().map(|t| t.kind).collect::<Vec<_>>(), vec![Name, Newline, EndOfFile]);
    assert_eq!(tokens[1].range, TextRange::empty(1));
    assert_eq!(kinds(""), vec![EndOfFile]);
    assert_eq!(kinds("# c"), vec![EndOfFile]);
    assert_eq!(kinds("if a:\n  b"), vec![If, Name, Colon, Newline, Indent, Name, Newline, Dedent, EndOfFile]);
}

#[test]
fn line_joining() {
    assert_eq!(kinds("x = (1,\n  2)\n"), vec![Name, Equal, Lpar, Int, Comma, Int, Rpar, Newline, EndOfFile]);
    assert_eq!(kinds("x = 1 + \\\n  2\n"), vec![Name, Equal, Int, Plus, Int, Newline, EndOfFile]);
    assert_eq!(
        texts("a\r\nb\rc\n").iter().filter(|t| t.0 == Newline).map(|t| t.1).collect::<Vec<_>>(),
        vec!["\r\n", "\r", "\n"]
    );
}

#[test]
fn numbers_split_by_kind() {
    assert_eq!(
        texts("1 1_000 0x_Ff 0o17 0b1 0 00 1. .5 1e5 1.5E-3 1j 1.5J 0e0\n")
            .into_iter()
            .filter(|t| t.0 != Newline && t.0 != EndOfFile)
            .collect::<Vec<_>>(),
        vec![
            (Int, "1"),
            (Int, "1_000"),
            (Int, "0x_Ff"),
            (Int, "0o17"),
            (Int, "0b1"),
            (Int, "0"),
            (Int, "00"),
            (Float, "1."),
            (Float, ".5"),
            (Float, "1e5"),
            (Float, "1.5E-3"),
            (Complex, "1j"),
            (Complex, "1.5J"),
            (Float, "0e0"),
        ]
    );
}

#[test]
fn number_before_keyword_warns() {
    let mut lexer = Lexer::new("1if x else 2\n");
    assert_eq!(lexer.next_token().unwrap().kind, Int);
    assert_eq!(lexer.next_token().unwrap().kind, If);
    assert_eq!(lexer.warnings()[0].msg, "invalid decimal literal");
    assert_eq!(lexer.warnings()[0].range, TextRange::new(0, 1));
    assert_eq!(texts("1else")[..2], [(Int, "1"), (Else, "else")]);
}

#[test]
fn string_prefixes_and_quotes() {
    for src in [
        "'a'",
        "\"a\"",
        "b'a'",
        "B'a'",
        "r'a'",
        "R'a'",
        "u'a'",
        "U'a'",
        "rb'a'",
        "bR'a'",
        "Rb'a'",
        "BR'a'",
        "'''a'b''c'''",
        "\"\"\"a\n\"\"\"",
        "''",
        "'\\''",
        "'a\\\nb'",
    ] {
        let tokens = texts(src);
        assert_eq!(tokens[0], (String, src), "{src}");
        assert_eq!(tokens[1].0, Newline, "{src}");
    }
    // `ur` and `bu` are not prefixes: a name, then a string.
    assert_eq!(texts("ur'a'")[..2], [(Name, "ur"), (String, "'a'")]);
    assert_eq!(texts("bu'a'")[..2], [(Name, "bu"), (String, "'a'")]);
}

#[test]
fn fstring_tokens() {
    assert_eq!(
        texts("f'a{{b}}c{x!r:>{w}}'\n"),
        vec![
            (FStringStart, "f'"),
            (FStringMiddle, "a{"),
            (FStringMiddle, "b}"),
            (FStringMiddle, "c"),
            (Lbrace, "{"),
            (Name, "x"),
            (Exclamation, "!"),
            (Name, "r"),
            (Colon, ":"),
            (FStringMiddle, ">"),
            (Lbrace, "{"),
            (Name, "w"),
            (Rbrace, "}"),
            (FStringMiddle, ""),
            (Rbrace, "}"),
            (FStringEnd, "'"),
            (Newline, "\n"),
            (EndOfFile, ""),
        ]
    );
    // Same quotes nested (PEP 701), `=` debug, `!=` inside a field, `:=` at the top level is a
    // format spec.
    assert_eq!(
        kinds("f\"{f\"{x}\"}\""),
        vec![
            FStringStart,
            Lbrace,
            FStringStart,
            Lbrace,
            Name,
            Rbrace,
            FStringEnd,
            Rbrace,
            FStringEnd,
            Newline,
            EndOfFile
        ]
    );
    assert_eq!(kinds("f'{x=}'")[..5], [FStringStart, Lbrace, Name, Equal, Rbrace]);
    assert_eq!(kinds("f'{a!=b}'")[..6], [FStringStart, Lbrace, Name, NotEqual, Name, Rbrace]);
    assert_eq!(texts("f'{x:=5}'")[3..5], [(Colon, ":"), (FStringMiddle, "=5")]);
    assert_eq!(texts("rf'\\{x}'")[1], (FStringMiddle, "\\"));
    assert_eq!(texts("f'\\N{DASH} {x}'")[1], (FStringMiddle, "\\N{DASH}"));
    assert_eq!(texts("f'''a\nb{x}'''")[1], (FStringMiddle, "a\nb"));
}

#[test]
fn operators_longest_match() {
    assert_eq!(
        kinds("**= //= >>= <<= -> := ... . != <> ! $ ? @="),
        vec![
            DoubleStarEqual,
            DoubleSlashEqual,
            RightShiftEqual,
            LeftShiftEqual,
            Rarrow,
            ColonEqual,
            Ellipsis,
            Dot,
            NotEqual,
            NotEqual,
            Exclamation,
            Op,
            Op,
            AtEqual,
            Newline,
            EndOfFile
        ]
    );
}

#[test]
fn names_may_be_unicode() {
    assert_eq!(texts("été ℕ x·y _\n")[..4], [(Name, "été"), (Name, "ℕ"), (Name, "x·y"), (Name, "_")]);
}

#[test]
fn errors_are_sticky_and_positioned() {
    let mut lexer = Lexer::new("x = (1,\n");
    for _ in 0..5 {
        lexer.next_token().unwrap(); // x = ( 1 ,
    }
    let e = lexer.next_token().unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno, e.offset, e.end_offset), ("'(' was never closed", 1, 5, 0));
    assert_eq!(e.text.as_deref(), Some("x = (1,\n"));
    assert_eq!(lexer.next_token().unwrap_err(), e);
    let e = tokenize("if x:\n\ta\n        b\n").unwrap_err();
    assert_eq!((e.kind, e.lineno, e.offset), (SyntaxErrorKind::TabError, 3, 1));
    let e = tokenize("x = '\n").unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.offset, e.text.as_deref()),
        ("unterminated string literal (detected at line 1)", 5, Some("x = '"))
    );
    let e = tokenize("ok\0").unwrap_err();
    assert_eq!(e.msg, "source code string cannot contain null bytes");
}

#[test]
fn a_final_backslash_without_exec_input_is_followed_by_nothing() {
    // CPython 3.13: compile('x\\', 's', 'eval') -> (1, 2, 'x\\', 1, 0); in exec mode the
    // appended newline makes it "unexpected EOF while parsing".
    let next_error = |mut lexer: Lexer<'_>| loop {
        match lexer.next_token() {
            Ok(t) if t.kind == TokenKind::EndOfFile => panic!("no error"),
            Ok(_) => {}
            Err(e) => break e,
        }
    };
    let e = next_error(Lexer::new("x\\").without_exec_input());
    assert_eq!(e.msg, "unexpected character after line continuation character");
    assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (1, 2, 1, 0));
    let e = next_error(Lexer::new("x\\"));
    assert_eq!(e.msg, "unexpected EOF while parsing");
    assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (1, 3, 1, -1));
}

#[test]
fn eval_input_without_a_final_newline_ends_without_newline_token() {
    let mut lexer = Lexer::new("1 +").without_final_newline();
    let mut kinds = Vec::new();
    loop {
        let t = lexer.next_token().unwrap();
        kinds.push(t.kind);
        if t.kind == EndOfFile {
            break;
        }
    }
    assert_eq!(kinds, [Int, Plus, EndOfFile]);
    assert_eq!(self::kinds("1 +"), [Int, Plus, Newline, EndOfFile]);
}
