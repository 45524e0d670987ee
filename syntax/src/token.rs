//! Tokens: what the tokenizer hands the parser.
//!
//! A token is a kind and a byte range into the decoded source; its text is `&source[range]`.
//! The kinds follow CPython's `token` module (`Grammar/Tokens`) with two differences: hard
//! keywords get kinds of their own (the parser matches on them without comparing text), and
//! numbers are split into `Int`, `Float` and `Complex` (the tokenizer already knows which).
//! Soft keywords (`match`, `case`, `type`, `_`) stay `Name`: only the parser knows when they are
//! keywords. Comments and non-logical newlines (CPython's `COMMENT` and `NL`) are not produced.

/// A half-open byte range `start..end` into the decoded UTF-8 source.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    #[inline]
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// The empty range at `offset`.
    #[inline]
    pub const fn empty(offset: u32) -> Self {
        Self { start: offset, end: offset }
    }

    /// The smallest range covering both.
    #[inline]
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn as_range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One token: its kind and where it is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}

macro_rules! token_kinds {
    ($( $(#[$doc:meta])* $name:ident => $text:literal ),* $(,)?) => {
        /// Every kind of token. `text()` is the spelling for operators and keywords and a
        /// description (CPython's token name) for the others.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum TokenKind {
            $( $(#[$doc])* $name, )*
        }

        impl TokenKind {
            pub const fn text(self) -> &'static str {
                match self {
                    $( TokenKind::$name => $text, )*
                }
            }
        }
    };
}

token_kinds! {
    // Tokens with a value (their text is in the source).
    EndOfFile => "ENDMARKER",
    Name => "NAME",
    Int => "NUMBER",
    Float => "NUMBER",
    Complex => "NUMBER",
    /// A whole string literal, prefix and quotes included (not an f-string).
    String => "STRING",
    /// `f"`, `rf'''`, ...: the prefix and opening quote of an f-string (PEP 701).
    FStringStart => "FSTRING_START",
    /// Literal text inside an f-string or its format spec, escapes not yet decoded.
    FStringMiddle => "FSTRING_MIDDLE",
    /// The closing quote of an f-string.
    FStringEnd => "FSTRING_END",
    Newline => "NEWLINE",
    Indent => "INDENT",
    Dedent => "DEDENT",

    // Operators and delimiters (CPython's `Grammar/Tokens`).
    Lpar => "(",
    Rpar => ")",
    Lsqb => "[",
    Rsqb => "]",
    Colon => ":",
    Comma => ",",
    Semi => ";",
    Plus => "+",
    Minus => "-",
    Star => "*",
    Slash => "/",
    Vbar => "|",
    Amper => "&",
    Less => "<",
    Greater => ">",
    Equal => "=",
    Dot => ".",
    Percent => "%",
    Lbrace => "{",
    Rbrace => "}",
    EqEqual => "==",
    NotEqual => "!=",
    LessEqual => "<=",
    GreaterEqual => ">=",
    Tilde => "~",
    Circumflex => "^",
    LeftShift => "<<",
    RightShift => ">>",
    DoubleStar => "**",
    PlusEqual => "+=",
    MinEqual => "-=",
    StarEqual => "*=",
    SlashEqual => "/=",
    PercentEqual => "%=",
    AmperEqual => "&=",
    VbarEqual => "|=",
    CircumflexEqual => "^=",
    LeftShiftEqual => "<<=",
    RightShiftEqual => ">>=",
    DoubleStarEqual => "**=",
    DoubleSlash => "//",
    DoubleSlashEqual => "//=",
    At => "@",
    AtEqual => "@=",
    Rarrow => "->",
    Ellipsis => "...",
    ColonEqual => ":=",
    /// `!` — only inside an f-string replacement field (`{x!r}`); CPython's `EXCLAMATION`.
    Exclamation => "!",
    /// Any other ASCII punctuation (`$`, `?`, `` ` ``): CPython's tokenizer hands the parser a
    /// generic `OP` token for it, which no grammar rule accepts ("invalid syntax").
    Op => "OP",

    // Hard keywords (`keyword.kwlist`).
    False => "False",
    None => "None",
    True => "True",
    And => "and",
    As => "as",
    Assert => "assert",
    Async => "async",
    Await => "await",
    Break => "break",
    Class => "class",
    Continue => "continue",
    Def => "def",
    Del => "del",
    Elif => "elif",
    Else => "else",
    Except => "except",
    Finally => "finally",
    For => "for",
    From => "from",
    Global => "global",
    If => "if",
    Import => "import",
    In => "in",
    Is => "is",
    Lambda => "lambda",
    Nonlocal => "nonlocal",
    Not => "not",
    Or => "or",
    Pass => "pass",
    Raise => "raise",
    Return => "return",
    Try => "try",
    While => "while",
    With => "with",
    Yield => "yield",
}

impl TokenKind {
    /// The hard keyword spelled `text`, if it is one.
    pub fn keyword(text: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match text {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_round_trips_through_its_text() {
        let words = [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        ];
        for w in words {
            let k = TokenKind::keyword(w).unwrap();
            assert!(k.is_keyword());
            assert_eq!(k.text(), w);
        }
        assert_eq!(TokenKind::keyword("match"), None);
        assert!(!TokenKind::Name.is_keyword());
        assert!(!TokenKind::Exclamation.is_keyword());
    }

    #[test]
    fn ranges_cover_and_measure() {
        let r = TextRange::new(3, 5).cover(TextRange::new(1, 4));
        assert_eq!(r, TextRange::new(1, 5));
        assert_eq!(r.len(), 4);
        assert!(TextRange::empty(7).is_empty());
        assert_eq!(&"abcdef"[TextRange::new(1, 3).as_range()], "bc");
    }
}
