#!/usr/bin/env python3
"""Generates the expected outputs of pyrt-pylib's differential tests with CPython 3.13.

Run with CPython 3.13:  PYENV_VERSION=3.13.0 python3 pylib/tests/gen_expected.py
Each data file in pylib/tests/data/ is JSON lines: one case per line, a JSON array whose first
element names the operation. The inputs are drawn from a fixed random seed, so the files are
reproducible. `--check` regenerates into memory and exits non-zero if any stored file differs.
"""
import json
import math
import os
import random
import struct
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def err(e):
    return ["ERR", type(e).__name__, str(e)]


def outcome(f):
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - every exception is an expected outcome
        return err(e)


def interesting_floats(rng, n):
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.2345, 1e16, 1e15, 1e-4, 1e-5,
          9.995, 0.995, 99.5, 5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e23,
          123456789.0, 0.30000000000000004, 4.35, 1e100, 1.5e-7, 9.5, 10.5, 0.05, 0.45, 1e300, 2.0**53, 2.0**63]
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if not math.isfinite(x):
                continue
        elif kind == 1:
            x = round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
        elif kind == 2:
            x = rng.randrange(-4000, 4000) / 8 * 10.0 ** rng.randrange(-3, 4)
        elif kind == 3:
            x = rng.uniform(0, 1) * 10.0 ** rng.randrange(-30, 30)
        else:
            x = (rng.randrange(1, 2000) + 0.5) / 10 ** rng.randrange(0, 4)
        xs.append(x)
    return xs


def gen_float(rng):
    out = []
    xs = interesting_floats(rng, 1500)
    specials = [math.inf, -math.inf, math.nan]
    for x in xs + specials:
        out.append(["repr", bits(x), repr(x)])
        out.append(["hex", bits(x), x.hex()])
        out.append(["is_integer", bits(x), x.is_integer()])
        r = outcome(lambda: list(x.as_integer_ratio()))
        out.append(["ratio", bits(x), [str(v) for v in r] if r[0] != "ERR" else r])
        r = outcome(lambda: str(round(x)))
        out.append(["round", bits(x), r])
    for x in xs:
        for _ in range(3):
            n = rng.randrange(-12, 20)
            r = outcome(lambda: bits(round(x, n)))
            out.append(["round_n", bits(x), n, r])
    for x in xs + specials:
        for _ in range(4):
            code = rng.choice("eEfFgG")
            prec = rng.choice([0, 1, 2, 3, 5, 6, 10, 15, 17, 20, 25, rng.randrange(0, 60)])
            flags = rng.choice(["", "", "#", "+", "+#"])
            spec = "%s.%d%s" % (flags, prec, code)
            out.append(["dts", bits(x), code, prec, flags, format(x, spec)])
        prec = rng.randrange(0, 20)
        # No type and a precision: 'g' with add_dot_0.
        out.append(["dts", bits(x), "", prec, "", format(x, ".%d" % prec)])
    for s in ["1.5", " -1_000.000_1e1_0\n", ".5", "5.", "1e500", "-1e500", "1e-400", "-iNfInItY", "+NaN",
              "\u3000\u0661\u0662.\u0665\u00a0", "", " ", "x", "1_", "_1", "1__0", "1_.5", "1._5", "1e",
              "1e_5", "in_f", ".", "e5", "1.5e+", "++1", "it's", "0x10", "1,5", "1e5.5", "infinityx",
              "\t+0.0\x0c", "-0", "00012", "1" * 400, "0." + "0" * 400 + "1", "2.5e-324", "\u00bd",
              "1\u00002", "\U0001d7d7", "nan(1)", "9" * 30 + "e-20", "\x1c1", "1\x1f", "\x0b1\x0c", "\x851",
              "\x7f1", "1\u2028"]:
        r = outcome(lambda: bits(float(s)))
        out.append(["parse", s, r])
    for x in xs[:300]:
        s = repr(x)
        out.append(["parse", s, bits(float(s))])
        out.append(["parse", "%.25e" % x, bits(float("%.25e" % x))])
    for s in ["0x1.8p1", "  -0X.8p+1 ", "1", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x1.00000000000008p0",
              "0x1.00000000000018p0", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "-Infinity", "nan",
              "", "0x", "0x1p", "1.2.3", "0x1 2", "infin", "0x_1", "\u00a01", "0x1p-99999999999999999999",
              "0x1p99999999999999999999", "0x.0000000000001p-1022", "0x0.0000000000001p-1022", "0X1P+3",
              "0x3.a7p10", "0x1.1p-1075", "0x1.000000000000000000000001p-1075", "  0x0p0  ", "-0x0p0",
              "0x1.fffffffffffffp1023", "fffp-2", "0x1e", "0x1p+", "0x1p-x"]:
        r = outcome(lambda: bits(float.fromhex(s)))
        out.append(["fromhex", s, r])
    for x in xs:
        h = x.hex()
        out.append(["fromhex", h, bits(float.fromhex(h))])
    return out


def random_spec(rng):
    """A random format spec: mostly well-formed, sometimes with a fault."""
    parts = []
    if rng.random() < 0.4:
        fill = rng.choice(["", "", "*", "0", "x", "\u20ac", " ", "=", "z"])
        parts.append(fill + rng.choice("<>^="))
    if rng.random() < 0.4:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.15:
        parts.append("z")
    if rng.random() < 0.25:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.choice([1, 2, 5, 8, 10, 12, 15, 20, 25, 30])))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_", ",", "_", ",_", "_,"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.choice([0, 1, 2, 3, 4, 6, 10, 17, 20])) if rng.random() < 0.95 else ".")
    if rng.random() < 0.8:
        parts.append(rng.choice("bcdoxXneEfFgG%sr!a\u00e9"))
    spec = "".join(parts)
    if rng.random() < 0.05 and spec:
        i = rng.randrange(len(spec) + 1)
        spec = spec[:i] + rng.choice("xx.,_#0+9") + spec[i:]
    return spec


def value_json(v):
    if v is None:
        return ["none"]
    if isinstance(v, list):
        return ["list", [value_json(x) for x in v]]
    if isinstance(v, dict):
        return ["dict", [[k, value_json(x)] for k, x in v.items()]]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", bits(v)]
    if isinstance(v, complex):
        return ["complex", bits(v.real), bits(v.imag)]
    return ["str", v]


def gen_format_spec(rng):
    out = []
    ints = [0, 1, -1, 5, 65, 255, -255, 1234567, -12345678, 2**31, 2**63, -2**64 - 1, 10**30 + 7, 0x10FFFF, 0x110000,
            True, False]
    floats = [0.0, -0.0, 1.0, -1.5, 0.1, 2.675, 1e6, 1234567.891, 1e16, 1e-7, -1e-5, 1e300, 5e-324, 123.456,
              math.inf, -math.inf, math.nan, 0.5, 2.5, -0.0001, 99.995]
    strs = ["", "a", "hello", "\u00e9t\u00e9", "\U0001f600x", "a b", "0"]
    complexes = [0j, 1j, -1j, 1 + 2j, -0.0 - 0.0j, complex(-0.0, 1), complex(1.5, -2.25), complex(1e300, 1e-300),
                 complex(math.inf, math.nan), complex(0.1, 0.2), complex(12345.678, -0.001)]
    values = ints + floats + strs + complexes
    specs = ["", "z", "z.1f", "zd", "+", "#", "=", "0", "010", ",", "_", "x", ".2", ".2d", "c", "+c", "#c", ",c",
             "_x", ",x", "_,", ",_", ".", "10.", "xx", "d", "%", ",.2f", "_n", ",n", "\x00", "\u20ac", "<\u20ac",
             "99999999999999999999", ".99999999999999999999", ".,", ".,f", "._f", "=10", "<010", "#b", "#X",
             "#_X", "=+#12_x", "n", "#.0", ".2%", "e", ",d", ".0%", ",f", "^5", "z=10", "=010", "=+10", "-", " ",
             "07.1f", "015,.2f", "016,.2f", "017,.2f", "010,", "=+010,", "z+", "#.3", ".3", ".0", "\u0661\u0660",
             ".1\u0660", "=^10", "x^10x", "\U0001F600^5", "<20", "^20.2f", "_g", "#.0f", "z%", "10.5%", "_b",
             "_o", "#_x", "0=20_x", "020,", "+021,d", ".0e", "#.0e", ".0f", "s", "r", "^", "^^", "0^5", "05",
             ".3s", "10.3s", "*^10.3", "=5s", "+s", " s", "zs", "#s", "_s", ",s", "%s", "g", "G", "E", "F",
             "#g", "#.10g", "+.3e", " .3e", "z.0f", "z.3g", "-#10.3%", "_.3f", "0,.1f", ",.0f", "30,.2e"]
    for v in values:
        for spec in specs:
            out.append(["format", value_json(v), spec, outcome(lambda: format(v, spec))])
        for _ in range(40):
            spec = random_spec(rng)
            out.append(["format", value_json(v), spec, outcome(lambda: format(v, spec))])
    return out


def args_json(args):
    if isinstance(args, tuple):
        return ["tuple", [value_json(a) for a in args]]
    return value_json(args)


def gen_printf(rng):
    fixed = [("%d", "x"), ("%x", 1.5), ("%x", "s"), ("%f", "s"), ("%c", 1.5), ("%c", "ab"), ("%c", -1), ("%c", 2**70),
             ("%s %s", (1,)), ("%s", (1, 2)), ("hello", 5), ("hello", []), ("hello", {}), ("%(a)s", 5),
             ("%(a", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%*d", {"a": 1}), ("%*d", ("x", 5)), ("%*d", (2**70, 5)),
             ("%.*f", (-3, 1.5)), ("%*d", (-5, 3)), ("%y", 1), ("%\u20ac", 1), ("%", 1), ("abc%", ()), ("%5%", ()),
             ("%-5%|", ()), ("%ld", 5), ("%lld", 5), ("%hd", 5), ("%Ld", 5), ("%99999999999999999999d", 5),
             ("%.99999999999999999999d", 5), ("%.2147483648d", 5), ("%(a)*d", {"a": 1}), ("%d", 2**64),
             ("%x", -255), ("%#X", -255), ("%#o", 8), ("%+.3d", 5), ("%08.3d", -5), ("%-08d|", 5), ("% d", 5),
             ("%+ d", 5), ("%#5x", 255), ("%#05x", 255), ("%05s", "ab"), ("%.1s", "abc"), ("%5r", "a"),
             ("%a", "\u00e9"), ("%c", "\u00e9"), ("%5c", 65), ("%e", 1e100), ("%#.0f", 1.0), ("%g", 1e-5),
             ("%G", math.inf), ("%010.2f", -math.inf), ("%+f", math.nan), ("%d", 1.9), ("%d", -1.9),
             ("%d", math.inf), ("%d", math.nan), ("%i", True), ("%u", 7), ("%x", True), ("%s", None),
             ("%.0s|", "abc"), ("%(a)s", {}), ("%()s", {"": 1}), ("%(a(b))s", {"a(b)": 1}), ("%d %d", (1,)),
             ("%s", ()), ("%r", ("a",)), ("%", ()), ("%.", 1), ("%5", 1), ("%*", (1,)), ("%.*", (1,)), ("%*", ()),
             ("%z", 1), ("%F", 1.5), ("%d", 1j), ("%f", 1j), ("%f", 10**400), ("%c", 0x110000), ("%s %", (1,)),
             ("%.3x", -5), ("%#.3x", 5), ("%-*d|", (3, 1)), ("% 05d", 3), ("%+05d", -3), ("%0-5d|", 3),
             ("%#.3o", 0), ("%#x", 0), ("%.0d", 0), ("%.0x", 0), ("%-#10.4X|", 255), ("%5%", (1,)),
             ("%%", ()), ("%%", (1,)), ("%(a)%", {"a": 1}), ("%s%%", (1,)), ("%.2%", (1,)), ("%*%", (3, 1)),
             ("%(a)d %(b)s", {"a": 1, "b": "x"}), ("%s", [1]), ("%s", {"a": 1}), ("%d", [1]), ("%s %(a)s", {"a": 1}),
             ("%*.*f", (8, 2, 3.14159)), ("%.*s", (2, "abcdef")), ("%c", ""), ("%5.3s|", "abcdef"), ("%-5s|", "ab"),
             ("% s", "ab"), ("%+s", "ab"), ("%#s", "ab"), ("%0s", "ab"), ("%#r", "ab"), ("%+c", 65), ("%05c", 65),
             ("%#c", 65), ("%.3c", 65), ("%+r", 5), ("%e", 5), ("%f", True), ("%g", 10**20), ("% f", 1.0),
             ("%+ f", 1.0), ("%- 8.2f|", 1.0), ("%08.2f", -1.0), ("%#08x", -255), ("%0#8x", -255), ("%08x", -255),
             ("%-#8o|", 8), ("%.*f", (2**40, 1.0)), ("%*d", (-2**70, 1)), ("%\x1f", 1), ("%\x7f", 1),
             ("%5.2f %s %r %d %x %o %e %g %c %%", (3.14159, "s", "r", 42, 255, 8, 1e100, 1e-5, 65)),
             ("\u00e9%s\u00e9%5s|", ("\U0001f600", "\u00e9")), ("%s", "x"), ("%s", ("x",)), ("%r", "it's"),
             ("%a", "\U0001f600\n"), ("%r", None), ("%d", None), ("%c", None), ("%x", 2**100), ("%o", -2**100),
             ("%030d", -2**100), ("%.50d", 7), ("%s", [1, "a", None]), ("%(x)s", [1]), ("%d", "5")]
    out = []
    for fmt, args in fixed:
        out.append(["printf", fmt, args_json(args), outcome(lambda: fmt % args)])
    pool = {"d": [0, 1, -1, 42, -12345, 2**70, True, 1.9, -2.5, "s"], "s": ["", "abc", "\u00e9t\u00e9", 5, None, 1.5],
            "f": [0.0, -0.0, 1.5, -2.675, 1e300, 1e-7, math.inf, math.nan, 3, -7, True]}
    kinds = {"d": "d", "i": "d", "u": "d", "o": "d", "x": "d", "X": "d", "s": "s", "r": "s", "a": "s",
             "e": "f", "E": "f", "f": "f", "F": "f", "g": "f", "G": "f", "c": "d"}
    for _ in range(2500):
        nconv = rng.randrange(1, 4)
        fmt_parts, args = [], []
        for _ in range(nconv):
            flags = "".join(rng.sample("-+ #0", rng.randrange(0, 3)))
            width = rng.choice(["", "", "1", "5", "10", "*"])
            prec = rng.choice(["", "", ".0", ".1", ".3", ".10", ".*", "."])
            kind = rng.choice(list(kinds))
            fmt_parts.append(rng.choice(["", "x", " | "]) + "%" + flags + width + prec + kind)
            if width == "*":
                args.append(rng.choice([-8, -3, 0, 4, 12]))
            if prec == ".*":
                args.append(rng.choice([-1, 0, 2, 7]))
            args.append(rng.choice(pool[kinds[kind]]))
        fmt = "".join(fmt_parts) + rng.choice(["", "|", "%%"])
        if rng.random() < 0.05 and args:
            args.pop()
        elif rng.random() < 0.05:
            args.append(1)
        targs = tuple(args) if len(args) != 1 or rng.random() < 0.5 else args[0]
        if isinstance(targs, tuple) or not isinstance(targs, (list, dict)):
            out.append(["printf", fmt, args_json(targs), outcome(lambda: fmt % targs)])
    return out


class Counted:
    """An element whose __lt__ is counted and may raise after a limit."""
    __slots__ = ("v", "i")
    calls = 0
    limit = None

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        Counted.calls += 1
        if Counted.limit is not None and Counted.calls > Counted.limit:
            raise ValueError("limit")
        return self.v < other.v


def sort_inputs(rng):
    for n in [0, 1, 2, 3, 5, 8, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 255, 256, 1000, 1024, 2049]:
        yield [rng.randrange(1 << 20) for _ in range(n)]
        yield [rng.randrange(4) for _ in range(n)]
        yield list(range(n))
        yield list(range(n, 0, -1))
        yield [i % 7 for i in range(n)]
        yield sorted(rng.randrange(100) for _ in range(n))[::-1]
        yield [rng.randrange(50) for _ in range(n // 2)] + sorted(rng.randrange(50) for _ in range(n - n // 2))
    for n in [200, 1000, 3000]:
        # Runs of assorted lengths, ascending and descending, to exercise galloping and merging.
        v = []
        while len(v) < n:
            run = sorted(rng.randrange(1000) for _ in range(rng.choice([1, 3, 10, 40, 100, 300])))
            v.extend(run if rng.random() < 0.5 else run[::-1])
        yield v[:n]
        yield [x // 3 for x in v[:n]]
    for _ in range(40):
        n = rng.randrange(0, 1500)
        yield [rng.randrange(rng.choice([2, 10, 1000, 1 << 20])) for _ in range(n)]


def order_hash(indices):
    """FNV-1a (64-bit) over the indices as little-endian u32s: a compact check of an order."""
    h = 0xCBF29CE484222325
    for i in indices:
        for byte in i.to_bytes(4, "little"):
            h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def gen_sort(rng):
    out = []
    for values in sort_inputs(rng):
        for reverse in (False, True):
            limits = [None]
            if len(values) > 10 and rng.random() < 0.5:
                limits.append(rng.randrange(len(values) * 3))
            for limit in limits:
                items = [Counted(v, i) for i, v in enumerate(values)]
                Counted.calls = 0
                Counted.limit = limit
                raised = False
                try:
                    items.sort(reverse=reverse)
                except ValueError:
                    raised = True
                Counted.limit = None
                out.append(["sort", values, reverse, limit, Counted.calls, raised, order_hash([x.i for x in items])])
    return out


def fnv(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def scalar_values():
    return (chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)


UNICODE_PREDICATES = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace", "isprintable", "islower",
                      "isupper", "istitle", "isidentifier"]
UNICODE_MAPPINGS = ["lower", "upper", "casefold", "title", "capitalize", "swapcase"]


def gen_unicode(rng):
    out = []
    # Every scalar value: one byte per character for each predicate, the UTF-8 of each mapping
    # followed by a NUL, and unicodedata.decimal (0xff for none); stored as FNV-1a hashes.
    import unicodedata
    for name in UNICODE_PREDICATES:
        out.append(["all_chars", name, fnv(bytes(getattr(str, name)(c) for c in scalar_values()))])
    for name in UNICODE_MAPPINGS:
        out.append(["all_chars", name, fnv(b"".join(getattr(str, name)(c).encode() + b"\0" for c in scalar_values()))])
    out.append(["all_chars", "decimal", fnv(bytes(unicodedata.decimal(c, 255) for c in scalar_values()))])
    alphabet = list("aZ 09_'.-\t\n\r") + ["\u03a3", "\u03c3", "\u03c2", "\u00df", "\u0130", "\u0131", "\ufb01",
                                          "\u01c5", "\u01c6", "\u01c4", "\u0345", "\u0301", "\u2019", "\u00b7",
                                          "\u13a0", "\uab70", "\u10d0", "\u1c90", "\u0660", "\u00b2", "\u00bd",
                                          "\u2160", "\u3000", "\u00a0", "\u2028", "\u0085", "\x1c", "\x0b",
                                          "\U0001d7d7", "\U0001f600", "\u1e9e", "\u0587", "\u1f80", "\u1fbc",
                                          "\u0149", "\u00c9", "\u00e9", "\u4e00", "\u200b", "\ue000", "\u0378"]
    samples = ["", "hello world", "HELLO", "Hello World", "\u03a3", "A\u03a3", "A\u03a3B", "A\u03a3'", "A\u03a3'B",
               "\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3.", "stra\u00dfe", "\u0130stanbul",
               "\ufb01sh", "\u01c6ungla", "a\r\nb\rc\n", "x\x1cy\x1dz\x1e\x85\u2028\u2029\x0b\x0c",
               " a  b\u3000c ", "_id\u00e9ntifier1", "1abc", "\u0345\u03a3", "A\u0345\u03a3", "\u03a3\u0345"]
    for _ in range(600):
        samples.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))))
    for text in samples:
        row = {}
        for name in UNICODE_PREDICATES + UNICODE_MAPPINGS:
            row[name] = getattr(text, name)()
        row["splitlines"] = text.splitlines()
        row["splitlines_keep"] = text.splitlines(True)
        row["split"] = text.split()
        row["split1"] = text.split(None, 1)
        row["rsplit1"] = text.rsplit(None, 1)
        out.append(["str", text, row])
    return out


def gen_int_text(rng):
    out = []
    fixed = [("09", 0), ("0", 0), ("00", 0), ("0_0", 0), ("0x", 16), ("0x_1f", 16), ("0x__1f", 16), ("0x1f", 0),
             ("1f", 16), ("_1", 10), ("1_", 10), ("1__2", 10), ("1_2", 10), (" 12 ", 10), ("\x1c12", 10),
             ("\u300012\u3000", 10), ("\u0661\u0662", 10), ("+12", 10), ("-12", 10), ("+-1", 10), ("- 1", 10),
             ("", 10), (" ", 10), ("z", 36), ("Z", 36), ("10", 2), ("2", 2), ("0b101", 0), ("0B101", 2),
             ("0o17", 8), ("0O17", 0), ("017", 8), ("0b", 0), ("12", 1), ("12", 37), ("12", -1), ("1" * 4300, 10),
             ("1" * 4301, 10), ("1_" * 4300 + "1", 10), ("1" * 5000, 16), ("1" * 5000, 7), ("x" * 300, 10),
             ("1\x00", 10), ("0x1f", 10), ("\u0661\u0662", 16), ("ab", 16), ("AB", 16), ("0_", 0), ("0_1", 0),
             ("00_0", 0), ("0x1_f", 0), ("-0x1f", 0), (" -0b1_1 ", 0), ("1e5", 10), ("1.0", 10), ("\u00b2", 10),
             ("\U0001d7d7", 10), ("0" * 5000, 10), ("-" + "9" * 4301, 10), ("1 2", 10), ("1" * 5000 + "x", 7),
             ("9223372036854775807", 10), ("9223372036854775808", 10), ("-9223372036854775808", 10),
             ("-9223372036854775809", 10), ("7" * 640, 10), ("\x85 12", 10), ("0x\u0661", 16), ("\uff11", 10),
             ("\u00e9", 16), ("0o8", 0), ("0b2", 0), ("1\u2028", 10), ("\t\n\x0b\x0c\r1", 10)]
    for _ in range(800):
        base = rng.choice([0, 2, 3, 8, 10, 10, 16, 36, 7])
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[: base or 10]
        n = rng.choice([1, 2, 5, 10, 18, 19, 20, 40, 100, 700])
        body = "".join(rng.choice(digits) for _ in range(n))
        if rng.random() < 0.2:
            body = "_".join(body[i:i + 3] for i in range(0, len(body), 3))
        if rng.random() < 0.3:
            body = rng.choice(["-", "+", " ", " -"]) + body
        if rng.random() < 0.1:
            body = body[:n // 2] + rng.choice(["_", "__", "x", " ", "\u0663"]) + body[n // 2:]
        fixed.append((body, base))
    def show(v):
        # Values beyond the str() limit are compared in hex.
        return str(v) if abs(v).bit_length() < 13000 else hex(v)

    for s, b in fixed:
        out.append(["parse", s, b, outcome(lambda: show(int(s, b)))])
    for i in range(300):
        sizes = [14000, 14280, 14290, 14300, 15000] if i % 20 == 0 else [1, 8, 63, 64, 100, 1000]
        v = rng.getrandbits(rng.choice(sizes)) * rng.choice([1, -1])
        big = abs(v).bit_length() > 14000
        out.append(["str", str(v) if not big else hex(v), outcome(lambda: str(v)[:50] + "|%d" % len(str(v))),
                    bin(v)[:40], oct(v)[:40], hex(v)[:40]])
    for v in [10**4299, 10**4300 - 1, 10**4300, -(10**4300) + 1, -(10**4300)]:
        out.append(["str", hex(v), outcome(lambda: str(v)[:50] + "|%d" % len(str(v))), bin(v)[:40], oct(v)[:40],
                    hex(v)[:40]])
    return out


FORMAT_ARGS = ([1, 2], 3, 4.5, "xyz", {"k": "v", "0": "zero"})
FORMAT_KWARGS = {"a": "A", "n": 7}


def gen_str_format(rng):
    fixed = ["{", "}", "{}}", "{{}}", "{0}{}", "{}{0}", "{0!}", "{0!x}", "{0!rr}", "{0!r:}", "{0:{1}}", "{1:{2}}",
             "{1:{3}}", "{0:{1:{2}}}", "{0:{1:{2:{3}}}}", "{0.}", "{0[}", "{0[]}", "{0[a}", "{0]}", "{0.a}",
             "{0[0]}", "{0[a]}", "{a}", "{ a}", "{0 }", "{-1}", "{1}", "{00}", "{0:", "{0:x", "{0!r", "{!r}", "{:}",
             "{0.a.b}", "{0[1x]}", "{0[0]x}", "{0.a[0]}", "{0x}", "{0:}}", "{0:{}}", "{0:{{}}}", "{:{}}{}",
             "{0:{a}}", "abc{2:>{1}.{1}f}def", "{0!s:>5}", "{0!a}", "}}x{{", "{1:%}", "{1:d}", "{1:{1}d}", "{[0]}",
             "{1.real}", "{1.real.imag}", "{99999999999999999999}", "{0[99999999999999999999]}", "{9}", "{}{}{}{}{}{}",
             "{!", "{a{}", "{4[k]}", "{4[0]}", "{4[k]!r:>6}", "{n:{n}}", "{n:{n}{n}}", "{3!r:^{1}}", "{3:.{1}}",
             "{2!s:>9}", "{1!\u20ac}", "{0[1]}", "{0[5]}", "{\u0661}", "{0[\u0661]}", "{a.b}", "{n.real}",
             "x{{y}}z", "{}", "{2:{n}.{1}}", "{0!r:{{}}", "{2:{}}", "{:{}}", "{1:{a}}", "{3:{0[0]}}"]
    pieces = ["{}", "{0}", "{1}", "{2}", "{3}", "{a}", "{n}", "{1:>{n}}", "{2:.{1}f}", "{3!r}", "{0[1]}", "{4[k]}",
              "{{", "}}", "x", " ", "{1:x}", "{2:e}", "{n:{}}", "{3:^{n}}", "{0!s}", "{2!r:>8}", "{1.real}"]
    for _ in range(400):
        fixed.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 5))))
    out = []
    for f in fixed:
        out.append(["format", f, outcome(lambda: f.format(*FORMAT_ARGS, **FORMAT_KWARGS))])
        if rng.random() < 0.2 or f in ("{a}", "{0}", "{}", "{n:{n}}"):
            out.append(["format_map", f, outcome(lambda: f.format_map(FORMAT_KWARGS))])
    return out


def gen_complex(rng):
    fixed = ["1+2j", " ( 1+2j ) ", "(1+2j", "1+2j)", "1_0+2_0j", "1__0j", "_1j", "j", "+j", "-J", "1+j", "1-j",
             "inf+nanj", "-infj", "nan", "1e500j", "1e", "1e+j", "1ej", "", " ", "()", "(j)", "1 + 2j", "1+2 j",
             "1+2jj", "infinityj", "\u0661+\u0662j", "\u3000 1j", "\x1c1j", "1.5e-3-2.5E+3J", ".5j", "5.j", "+1.5",
             "j+1", "1j+1", "+-1j", "1++1j", "nanj", "-nan-nanj", "1,2j", "0x1j", "\u00e9", "1__\u00e9", "\u00e9_",
             "1\x7f", "( j )", "(1)", "((1))", "1e-400j", "-0j", "-0-0j", "0.1+0.2j", "1_j", "1j_", "1e1_0j",
             "infj+1", "-inf-infj", "Infinity-Infinityj", "1.e5+.5e-5j", "\t(\n2-3.5j\x0c)\r"]
    parts = ["", "1", "-2.5", "+.5", "3e2", "1_0", "inf", "-nan", "j", "J", "+", "-", " ", "(", ")", "e", "_"]
    for _ in range(300):
        fixed.append("".join(rng.choice(parts) for _ in range(rng.randrange(1, 6))))
    out = []
    for s in fixed:
        out.append(["complex", s, outcome(lambda: [bits(complex(s).real), bits(complex(s).imag)])])
    return out


def gen_float_arith(rng):
    values = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 7.5, 1e308, -1e308, 1e-308, 5e-324, 10.0,
              math.inf, -math.inf, math.nan, 1 / 3, -2.5, 1e16, 0.1, 400.0, -400.0, 1e300, 2.0**53 + 2, 1.5]
    values += [rng.uniform(-100, 100) for _ in range(12)] + [rng.uniform(-1, 1) * 10.0 ** rng.randrange(-20, 20)
                                                            for _ in range(12)]
    ops = {"div": lambda x, y: [bits(x / y)], "rem": lambda x, y: [bits(x % y)],
           "floordiv": lambda x, y: [bits(x // y)], "divmod": lambda x, y: [bits(v) for v in divmod(x, y)]}

    def power(x, y):
        try:
            r = x ** y
        except OverflowError as e:
            if str(e) == "complex exponentiation":  # raised by complex.__pow__, not float's
                return "complex"
            raise
        return "complex" if isinstance(r, complex) else [bits(r)]

    ops["pow"] = power
    out = []
    for x in values:
        for y in values:
            for name, fn in ops.items():
                out.append([name, bits(x), bits(y), outcome(lambda: fn(x, y))])
    return out


def gen_int_arith(rng):
    out = []
    fixed = [(0, -5), (-0, 5), (1, 0), (10**400, 1), (10**400, 10**100), (10**309, 10), (1, 10**400), (-1, 10**400),
             (2**1024, 2), (2**1024 - 2**970, 1), (2**1024 - 2**971, 1), (1, 3), (10**30, 7), (1, 2**1074),
             (3, 2**1075), (1, 2**1075), (3, 2**1076), (2**53 + 1, 1), (2**54 + 3, 2), (-(2**60) - 1, 3)]
    for _ in range(1500):
        a = rng.getrandbits(rng.choice([1, 10, 53, 54, 60, 64, 100, 200, 1000, 1100, 2000])) * rng.choice([1, -1])
        b = rng.getrandbits(rng.choice([1, 10, 53, 54, 60, 64, 100, 200, 1000, 1100, 2000])) * rng.choice([1, -1])
        if rng.random() < 0.1:
            b = 2 ** rng.randrange(1000, 1200) + rng.randrange(-3, 4)
        fixed.append((a, b))
    for a, b in fixed:
        out.append(["truediv", hex(a), hex(b), outcome(lambda: bits(a / b))])
    triples = [(3, 4, 5), (3, 4, -5), (-3, 3, 7), (3, -1, 7), (5, 0, 1), (2, -1, 4), (2, 1, 0), (0, 0, 7), (0, -1, 7),
               (7, -3, -10), (-7, -3, 10), (10**50, 10**20, 10**30 + 7), (5, 0, -1), (0, 0, -3)]
    for _ in range(300):
        triples.append((rng.randrange(-10**30, 10**30), rng.randrange(-50, 10**6), rng.choice([-1, 1]) *
                        rng.randrange(1, 10 ** rng.randrange(1, 40))))
    for a, b, m in triples:
        out.append(["powmod", hex(a), hex(b), hex(m), outcome(lambda: hex(pow(a, b, m)))])
    for _ in range(300):
        a = rng.randrange(-10 ** rng.randrange(1, 60), 10 ** rng.randrange(1, 60))
        n = rng.randrange(-65, 5)
        if rng.random() < 0.2:
            a = rng.randrange(1, 10) * 10 ** rng.randrange(1, 30) // 2 * rng.choice([1, -1])  # ties
        out.append(["round", hex(a), n, hex(round(a, n))])
    return out


GENERATORS = {"int_arith": gen_int_arith, "float_arith": gen_float_arith, "complex": gen_complex, "str_format": gen_str_format, "float": gen_float, "format_spec": gen_format_spec, "printf": gen_printf, "sort": gen_sort,
              "unicode": gen_unicode, "int_text": gen_int_text}


def render(name):
    rng = random.Random(8 + sum(map(ord, name)))
    lines = [json.dumps(case, ensure_ascii=True) for case in GENERATORS[name](rng)]
    return "\n".join(lines) + "\n"


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("run with CPython 3.13 (PYENV_VERSION=3.13.0 python3)")
    check = "--check" in sys.argv[1:]
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or list(GENERATORS)
    stale = []
    for name in names:
        text = render(name)
        path = os.path.join(DATA, name + ".jsonl")
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(path)
        else:
            os.makedirs(DATA, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote %s (%d cases)" % (path, text.count("\n")))
    if stale:
        sys.exit("stale expected outputs: " + ", ".join(stale))


if __name__ == "__main__":
    main()
