"""Regenerate syntax/tests/data/parser_cases.txt: small sources and what CPython 3.13's
`ast.parse` gives for them (the dump with positions, or the error), for syntax/tests/parser_cases.rs.

Each line: <mode> TAB <escaped source> TAB OK TAB <escaped ast.dump(tree, include_attributes=True)>
       or: <mode> TAB <escaped source> TAB ERR TAB <type> TAB <msg> TAB <lineno> TAB <offset> TAB <end_lineno> TAB <end_offset>
Escaping: backslash, tab, newline and carriage return as \\\\, \\t, \\n, \\r.
Run with CPython 3.13:  PYENV_VERSION=3.13.0 python3 syntax/scripts/gen_parser_cases.py
"""
import ast
import os
import sys
import warnings

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"
warnings.simplefilter("ignore")

CASES = [
    # statements
    ("exec", "import os, sys as s\nfrom . import a\nfrom ..b.c import (d as e, f,)\nfrom ... import x\nfrom .a import *\n"),
    ("exec", "x = y = 1, 2,\na.b[c:d, ::2] += -3 ** 2\nx: int\n(y): int = 1\na.b: str\na[0]: int = yield\n"),
    ("exec", "def f(a, /, b: int = 1, *args: *Ts, c, d=2, **kw) -> None:\n    '''doc'''\n    return [i for i in range(10) if i % 2]\n"),
    ("exec", "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x: int = 0\n    async def g(self):\n        await z\n        yield\n        async for a in b: pass\n        async with c as d: pass\n        return [x async for x in y]\n"),
    ("exec", "if a: pass\nelif b: pass\nelif c:\n    pass\nelse:\n    pass\n"),
    ("exec", "with (open(x) as f, g()):\n    pass\nwith (a, b):\n    pass\nwith (a, b) as c:\n    pass\nwith a as (b, c), d as e[0]: pass\nwith (yield): pass\n"),
    ("exec", "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nexcept* C:\n    raise\nelse:\n    pass\nfinally:\n    pass\n"),
    ("exec", "try:\n    pass\nexcept:\n    pass\ntry:\n    pass\nfinally:\n    pass\n"),
    ("exec", "match p:\n    case [1, *rest] | {'k': v, **kw} if v: pass\n    case Point(x=0, y=_) as pt: pass\n    case -1+2j | None | a.b | True: pass\n    case (a, b, *_): pass\n    case (x): pass\n    case (): pass\n    case {}: pass\n    case C(1, 2, a=3): pass\n    case 'a' 'b' | b'c' | -1.5: pass\n    case _: pass\n"),
    ("exec", "match a, *b:\n    case x, y,: pass\nmatch (x):\n    case {1: _, a.b: [c]}: pass\n"),
    ("exec", "type T[X: int = str, *Ys = *tuple[int], **P = [int]] = list[X]\ntype A = int\ndef f[T = int, *U, **V](): pass\nclass K[T: (int, str)]: pass\n"),
    ("exec", "lambda a, *, b=1: (yield)\nlambda: 0\nlambda *a, **k: 0\nlambda a, b=2, /, c=3: 0\n"),
    ("exec", "def f():\n    global q; nonlocal r\n    del a, b[0], (c, d), [e.f]\n    assert x, 'm'\n"),
    ("exec", "for i, j in z: continue\nelse: break\nwhile 1: pass\nelse: pass\nfor *a, b in c: pass\nfor x, in y: pass\n"),
    ("exec", "match = 1\ntype = 2\nprint(match, type)\nmatch(x)\n_ = case = 3\nmatch.x = 1\nmatch[1] = 2\ntype(x)\n"),
    ("exec", "x = 1; y = 2;\nif x: a; b\n"),
    ("exec", "# comment only\n\n\n"),
    ("exec", ""),
    ("exec", "x = (\n  1,\n  2)\ny = [\n]\nz = {\n}\n"),
    ("exec", "ﬁ = 1\nµ = 2\nℌ = 3\n"),
    ("exec", "async def f():\n    [x async for x in y if await x]\n    {k: v async for k, v in z}\n    await (yield)\n"),
    ("exec", "def f():\n    return *a, *b\n    yield *a, b\n    x = yield from g()\n"),
    ("exec", "x[1:2:3, *a] = y\nx[a:=1] = 2\nx[(a:=1):2]\nf(a:=1, *b, c=2, **d, e=3)\nf(x for x in y)\n"),
    ("exec", "class A(x for x in y): pass\n"),
    # expressions
    ("eval", "a if b else c if d else e"),
    ("eval", "not a and b or c and not d"),
    ("eval", "a < b <= c == d != e > f >= g is h is not i in j not in k"),
    ("eval", "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o"),
    ("eval", "-1 + +2 - ~3"),
    ("eval", "a.b.c(d)[e](f=g)(*h, **i)"),
    ("eval", "(x for x in y for z in w if a if b)"),
    ("eval", "[*a, *b], {*a, 1}, {**a, 'b': 1, **c}, {k: v for k, v in d}, {x for x in y}, ()"),
    ("eval", "(a := 1, (b := 2))"),
    ("eval", "x[::], x[:], x[1:], x[:2], x[::3], x[1,], x[1, 2:3]"),
    ("eval", "..., None, True, False"),
    # numbers
    ("eval", "0, 1, 0x_ff, 0o17, 0b1010, 1_000_000, 00, 9223372036854775807, 9223372036854775808, 0xffffffffffffffffffffffff, 123456789012345678901234567890"),
    ("eval", "1.0, 1e100, 1e-5, 0.0001, 1e16, 1e15, 1.5e-7, 1e999, 3.14, 1_0.5e1_0, .5, 5., 0e0, 1e308, 2.2250738585072014e-308"),
    ("eval", "2j, 1.5j, 1e999j, 0j, 1e16j, 10J"),
    # strings
    ("eval", "'a' 'b', u'c', 'd' u'e', r'\\n', b'\\x00\\xff', rb'\\n', B'a' b'b'"),
    ("eval", "'\\x00\\x7f\\u200b\\U0001f600é\\N{BULLET}\\ud800\\U0010ffff\\xa0'"),
    ("eval", "'it\\'s', \"it's\", 'say \"hi\"', 'both \\' \"', '\\\\'"),
    ("eval", "'''multi\nline''', \"\"\"tri\"\"\""),
    ("eval", "'a\\\nb'"),
    ("eval", "'\\d\\q \\8 \\777 \\0 \\12'"),
    ("eval", "f'{x!r:>{w}} {y=} {{}} {z:{a}.{b}f}'"),
    ("eval", "f'{ x = }' f'{x=!s:>3}' f'{x=:>3}' f''"),
    ("eval", "f'a' 'b' f'{c}' u'd'"),
    ("eval", "u'a' f'{x}'"),
    ("eval", "f'{f\"{1}\"}' f'{\"a\" if x else \"b\"}'"),
    ("eval", "f'''{\nx\n}''' f'{x:}' f'{x!r:}' f'\\n{x}\\t' rf'\\n{x}'"),
    ("eval", "f'{(yield)}' f'{*a,}' f'{a:{b:{c}}}'"),
    ("eval", "f'{1+2 = # c\n}'"),
    # other modes
    ("single", "x = 1\n"),
    ("single", "if x:\n    pass\n\n"),
    ("single", "1 + 2\n"),
    ("func_type", "(int, str) -> bool"),
    ("func_type", "() -> None"),
    ("func_type", "(*int, **str) -> x"),
    # errors
    ("exec", "x = (1,"),
    ("exec", "def f(:\n    pass\n"),
    ("exec", "if x\n    pass\n"),
    ("exec", "x = [1, 2 3]\n"),
    ("exec", "f() = 1\n"),
    ("exec", "1 = x\n"),
    ("exec", "(a, b) += 1\n"),
    ("exec", "for f() in x: pass\n"),
    ("exec", "del f()\n"),
    ("exec", "  x = 1\n"),
    ("exec", "if x:\npass\n"),
    ("exec", "f(a for a in b, c)\n"),
    ("exec", "f(a=1, b)\n"),
    ("exec", "f(**a, *b)\n"),
    ("exec", "'abc\n"),
    ("exec", "b'a' 'b'\n"),
    ("exec", "'\\x4'\n"),
    ("exec", "x = €\n"),
    ("exec", "def f(a=1, b): pass\n"),
    ("exec", "*a = 1\n"),
    ("exec", "f'{x!z}'\n"),
    ("eval", "x = 1"),
    ("single", "x = 1\ny = 2\n"),
    ("single", "\n"),
    ("single", ""),
    ("eval", ""),
    ("eval", "\n"),
    ("exec", "x = 1 +"),
    ("exec", "if x:\n"),
    ("exec", "a + not b\n"),
    ("exec", "print 'hello'\n"),
    ("exec", "f(x=1 for x in y)\n"),
    ("exec", "x = {1: 2, 3}\n"),
    ("exec", "try:\n    pass\n"),
    ("exec", "import a from b\n"),
    ("exec", "[x for x]\n"),
    ("exec", "f'{}'\n"),
    ("exec", "match x:\n    case 1 + 2: pass\n"),
    ("exec", "def f[](): pass\n"),
]


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


out = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "parser_cases.txt")
with open(out, "w", encoding="utf-8", errors="surrogatepass") as f:
    for mode, src in CASES:
        try:
            tree = ast.parse(src, mode=mode)
            f.write("\t".join([mode, esc(src), "OK", esc(ast.dump(tree, include_attributes=True))]) + "\n")
        except SyntaxError as e:
            fields = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
            f.write("\t".join([mode, esc(src), "ERR"] + [esc(str(x)) for x in fields]) + "\n")
print(len(CASES), "cases")
