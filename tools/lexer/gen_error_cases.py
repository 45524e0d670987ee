"""Expected tokenizer errors, from CPython 3.13's compile().

Usage: PYENV_VERSION=3.13.0 python3 tools/lexer/gen_error_cases.py > syntax/tests/data/lexer/errors.txt

Each output line is one case, tab-separated:
    source  type  msg  lineno  offset  end_lineno  end_offset
`source` escapes backslash, newline, carriage return, tab and NUL as \\ \n \r \t \0; a
position CPython leaves unset (None) is written as 0; -1 and 0 are written as they are (pyrt's
`SyntaxError` positions are signed and hold CPython's values). `syntax/tests/lexer_errors.rs`
checks that the lexer raises exactly these, and, when CPython 3.13 is present, that this file is
what this script prints.
"""
import sys

CASES = [
    # numbers
    "1_\n", "1__0\n", "1_a\n", "0x\n", "0xg\n", "0x_\n", "0x1_\n", "0xfor\n", "0o8\n", "0o\n", "0o1_8\n", "0o18\n",
    "0o7a\n", "0b2\n", "0b\n", "0b12\n", "0b1a\n", "012\n", "00_1\n", "0_7\n", "0_\n", "09.x\n", "1e\n", "1e+\n",
    "1e-x\n", "1ex\n", "1jx\n", "1.e\n", "1.5_\n", "1.5e_1\n", "1abc\n", "1_000x\n", "0b1e\n", "x = 'é' + 1_\n",
    "x = 1.2.3\n", "x = 1.__class__\n", "1__\n", "0e\n", "0j1\n", "1.jx\n", ".5x\n", "1.5J_\n", "é = 012\n", "0xfg\n",
    # names and characters
    "€\n", "a\u00a0b\n", "x = é€\n", "a€b = 1\n", "x = 1 $ \u200b\n", "\u00a0x\n", "x\x01\n", "x = \x7f\n",
    "def f():\n    return a\u2028b\n", "🐍 = 1\n", "x = ℕ€\n",
    # strings
    "'abc\n", "'abc", "\"abc\n", "x = 'abc\ny = 2\n", "'''abc\n\n\n", "'''abc", "x = \"\"\"abc\n'\n",
    "b'abc\n", "rb'abc\\'\n", "'abc\\\ndef\n", "x = ('a',\n 'b\n", "u'''\n\n", "'é\n", "if x:\n  x = 'é\n", "'a\\'b\n", "x = 'it\\'s'\n",
    # f-strings
    "f'{x'\n", "f'{'\n", "f'}'\n", "f'{x}}'\n", "f'{x:{y:{z:{w}}}}'\n", "f'abc\n", "f'''abc\n", "f'''abc\n\n",
    "f'{x!}'\n", "f'{x # c}'\n", "f'{)}'\n", "f'{x)}'\n", "f'{[}'\n", "f'{x:}}'\n", "f\"{'a\"\n", "f'{f\"{'\n",
    "x = f'a\nb'\n", "f'{x\n", "f'{x:{y}\n", "rf'{'\n", "f'{{}'\n", "f'a}b'\n", "f'''{x\n", "f'{x:abc\n",
    "f'{x!r'\n", "f'{\n", "f'{{{'\n", "F'abc\n", "fr'abc\n", "f'{x:{{y}}}'\n",
    # brackets
    ")\n", "]\n", "}\n", "(]\n", "(\n]\n", "x = [1, 2)\n", "x = {1: (2]}\n", "foo(a, b]\n",
    "x = (1,\n", "x = (1,", "x = (\n", "x = [\n1,\n2,\n", "{\n", "é = (1,\n", "x = (((\n", "print(f'{x}'\n",
    "(" * 200 + "\n", "(" * 201 + "\n", "[" * 199 + "]" * 199 + "\n",
    # continuation and EOF
    "x = 1 \\ y\n", "x = \\", "x = \\\n", "\\", "x = (1, \\", "é = 1 \\ y\n", "x = 1\\z\n",
    "if x:\n    \\ y\n",
    # indentation
    "if x:\n    a\n  b\n", "if x:\n\ta\n        b\n", "if x:\n        a\n\tb\n", "if x:\n  \ta\n\t  b\n",
    "if x:\n    if y:\n        a\n      b\n", "class C:\n  def f():\n    pass\n   x = 1\n",
    "".join("    " * i + "if x:\n" for i in range(100)) + "    " * 100 + "pass\n",
    "".join(" " * i + "if x:\n" for i in range(99)) + " " * 99 + "pass\n",
    "if x:\n\x0c  a\n  b\n", "if x:\n \t a\n \t b\n\t  c\n",
    # deep f-strings, errors after non-ASCII text, tabs, CRLF and CR line ends, no final newline
    "f'{" * 148 + "x" + "}'" * 148 + "\n", "f'{" * 149 + "x" + "}'" * 149 + "\n", "f'{" * 150 + "\n",
    "x = f'{a}{b:{c}}{d!r:>{e}}' + f'{f:{g:{h}}}'\n", "f'{x!r=}'\n", "f'{x:\n}'\n", "f'''{x:\n}'''\n",
    "f'''{\n(\n'''\n", "f'{x:{y]}'\n", "f'{x:{'\n", "f'{x:}' f'}'\n",
    "é = 'ü'; x = 1_\n", "é = 'ü'; (]\n", "é = 'ü'; x = 1 \\ y\n", "é = (\n", "if x:\n\tx = 1 \\ y\n",
    "ü = 1\nif x:\n    a\n  b\n", "x = 1\r\ny = 'abc\r\nz = 2\r\n", "x = 1\ry = (\r", "if x:\r\n    a\r\n  b\r\n",
    "x = 1\r\n)\r\n", "x = 0x", "x = 'abc", "x = f'{", "x = (1 +", "if x:\n    y\n  z", "x = 1 +\\",
    "  \\\nx\n", "if x:\n  \\\n    y\n", "x = \"\"\"\nabc\n", "def f():\n\treturn 1\n        pass\n",
    # null bytes
    "a\x00b\n", "x = 1\n'\x00'\n",
]


def esc(s):
    return (s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
            .replace("\x00", "\\0"))


def num(v):
    return 0 if v is None else v


def main():
    for src in CASES:
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            fields = [esc(src), type(e).__name__, esc(e.msg), num(e.lineno), num(e.offset), num(e.end_lineno),
                      num(e.end_offset)]
            print("\t".join(map(str, fields)))
        else:
            print(f"{esc(src)}\tok\t\t0\t0\t0\t0")


if __name__ == "__main__":
    sys.exit(main())
