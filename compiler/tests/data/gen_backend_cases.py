"""Writes backend_cases_3_13.txt: CPython 3.13's code generator output and its final code objects.

Run with CPython 3.13 (`PYENV_VERSION=3.13.0 PYTHONHASHSEED=0 python3 gen_backend_cases.py [OUTPUT]`).

For each source file below (from 3.13's standard library), `_testinternalcapi.compiler_codegen`
gives the instruction sequence CPython's code generator emits for the module and, nested, for
every function, class body, lambda and generator expression, before any CFG pass; the metadata
of the module unit comes with it. `compile()` gives the final code objects. The back-end test
(`tests/backend_differential.rs`) feeds each sequence with its metadata through pyrt's CFG passes
and assembler and compares the result with CPython's code object, field by field, byte for byte.

The metadata of nested units is not returned by `compiler_codegen`, so it is rebuilt from the
final code object: names and variable tables are unchanged by the back end, and the constant
table is recovered with CPython's own optimiser (see `reconstruct_consts`). Units whose constants
cannot be pinned down are written as "opaque" (present for their parents, not compared).
"""

import ast
import dis
import opcode
import os
import struct
import sys
import sysconfig

import _testinternalcapi

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"

# PYRT_STDLIB_ROOT points the whole-stdlib mode at another tree (e.g. CPython 3.11's Lib).
STDLIB = os.environ.get("PYRT_STDLIB_ROOT") or sysconfig.get_paths()["stdlib"]
FILES = [
    "abc.py", "bisect.py", "heapq.py", "copy.py", "fnmatch.py", "glob.py", "genericpath.py",
    "posixpath.py", "string.py", "textwrap.py", "contextlib.py", "functools.py", "operator.py",
    "keyword.py", "colorsys.py", "shlex.py", "fractions.py", "statistics.py", "calendar.py",
    "gettext.py", "csv.py", "json/encoder.py", "json/decoder.py", "json/scanner.py",
    "json/__init__.py", "re/_parser.py", "re/_compiler.py", "dataclasses.py", "enum.py",
    "tokenize.py", "pprint.py", "traceback.py", "asyncio/locks.py", "asyncio/queues.py",
    "asyncio/timeouts.py", "asyncio/taskgroups.py", "graphlib.py", "_strptime.py", "codeop.py",
]

HAS_TARGET = set(dis.hasjump) | set(getattr(dis, "hasexc", []))

# Constructs the modules above use little or not at all.
EXTRA_SOURCE = """
import asyncio
from contextlib import suppress

def matcher(command, point):
    match command.split():
        case [action]:
            return action
        case ["go", ("north" | "south") as direction, *rest] if rest:
            return direction, rest
        case {"x": x, "y": 0, **others}:
            return x, others
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case [1, 2.5, -3j, b"raw", None, True, *_]:
            return "literals"
        case str() | bytes() as text if len(text) > 3:
            return text
        case _:
            return None

def groups(tasks):
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        handled = eg
    except* TypeError:
        pass
    else:
        handled = None
    finally:
        tasks.clear()
    return handled

async def agen(n):
    async with asyncio.timeout(n) as cm, suppress(KeyError):
        async for item in stream(n):
            yield item
        await asyncio.sleep(0)
    return

type Alias[T: (int, str), *Ts, **P] = dict[T, tuple[*Ts]]

class Box[T](Base, metaclass=Meta):
    x: int = 3
    def get[S](self, default: S = None) -> T | S:
        return super().get(default) or __class__

def closures(a, /, b=2, *args, c, d=4, **kw):
    total = 0
    def inner(step):
        nonlocal total
        total += step + a
        return [y for y in args if y] + [lambda: b]
    for i in range(10):
        while i:
            i -= 1
            if i == 5:
                break
            elif i % 2:
                continue
        else:
            total ^= i
    with open(c) as f, open(d) as g:
        del kw[f]
    return {k: v for k, v in kw.items()}, {*args}, (x for x in args), inner, f"{a!r:>{b}}{c=}"

"""

# Jumps over more than 255 code units need EXTENDED_ARG.
EXTRA_SOURCE += "def long_jumps(x):\n    if x:\n"
EXTRA_SOURCE += "".join("        x.a%d = x.b%d(x.c%d)\n" % (i, i, i) for i in range(100))
EXTRA_SOURCE += "    return x\n"


def enc_const(c, code_ids):
    if c is None:
        return "N"
    if c is True:
        return "T"
    if c is False:
        return "F"
    if c is Ellipsis:
        return "E"
    if type(c) is int:
        return "i%d" % c
    if type(c) is float:
        return "f%016x" % struct.unpack("<Q", struct.pack("<d", c))[0]
    if type(c) is complex:
        bits = [struct.unpack("<Q", struct.pack("<d", v))[0] for v in (c.real, c.imag)]
        return "c%016x,%016x" % tuple(bits)
    if type(c) is str:
        return "s" + percent(c.encode("utf-8", "surrogatepass"))
    if type(c) is bytes:
        return "b" + c.hex()
    if type(c) is tuple:
        return " ".join(["("] + [enc_const(x, code_ids) for x in c] + [")"])
    if type(c) is frozenset:
        return " ".join(["{"] + [enc_const(x, code_ids) for x in c] + ["}"])
    if hasattr(c, "co_code"):
        return "C%d" % code_ids[id(c)]
    raise TypeError("unexpected constant %r" % (c,))


SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def percent(data):
    """Bytes as text: safe ASCII as is, everything else as %XX."""
    return "".join(chr(b) if b in SAFE else "%%%02X" % b for b in data)


def enc_names(names):
    """Names as space-separated tokens: percent-encoded, `~` for the empty name (`from . import x`
    puts one in `co_names`)."""
    return " ".join(percent(n.encode("utf-8")) if n else "~" for n in names)


def instr_lines(seq):
    """One line per instruction: `opcode-number oparg` then the location, or `=` when it is the
    previous instruction's."""
    out = []
    prev = None
    for op, arg, *loc in seq.get_instructions():
        where = "=" if loc == prev else "%d %d %d %d" % tuple(loc)
        prev = loc
        out.append("%d %d %s" % (op, arg or 0, where))
    return out


def localsplus(co):
    """`name:kind` for each localsplus slot. The layout is locals, then cells that are not
    locals, then free variables; a local is also a cell when it is in `co_cellvars`."""
    names = []
    i = 0
    while True:
        try:
            names.append(co._varname_from_oparg(i))
        except (IndexError, ValueError):
            break
        i += 1
    nlocals, nfree = co.co_nlocals, len(co.co_freevars)
    out = []
    for i, name in enumerate(names):
        if i < nlocals:
            kind = 0x20 | (0x40 if name in co.co_cellvars else 0)
        elif i >= len(names) - nfree:
            kind = 0x80
        else:
            kind = 0x40
        out.append("%s:%d" % (enc_names([name]), kind))
    return out


def raw_cellvars(co):
    special = [n for n in ("__class__", "__classdict__") if n in co.co_cellvars]
    return sorted(n for n in co.co_cellvars if n not in special) + special


class Writer:
    def __init__(self):
        self.lines = []
        self.next_id = 0
        self.full = 0
        self.opaque = 0

    def code_unit(self, co, seq, md):
        """Writes the children first, then the unit; returns the unit's id."""
        nested = seq.get_nested()
        children = [c for c in co.co_consts if hasattr(c, "co_code")]
        code_ids = {}
        if len(nested) == len(children):
            for child, child_seq in zip(children, nested):
                code_ids[id(child)] = self.code_unit(child, child_seq, None)
        else:
            for child in children:
                code_ids[id(child)] = self.opaque_unit(child)
        uid = self.next_id
        self.next_id += 1
        instrs = instr_lines(seq)
        if md is not None:
            raw_consts = [k[1] if type(k) is tuple else k for k, _ in sorted(md["consts"].items(), key=lambda kv: kv[1])]
            # Raw code constants were made by the same compiler as compile()'s: pair them by
            # qualified name and line. One the back end dropped (unreachable) has no partner.
            unpaired = list(children)
            for raw in (c for c in raw_consts if hasattr(c, "co_code")):
                partner = next((f for f in unpaired if (f.co_qualname, f.co_firstlineno) == (raw.co_qualname, raw.co_firstlineno)), None)
                if partner is None:
                    code_ids[id(raw)] = self.opaque_unit(raw)
                else:
                    unpaired.remove(partner)
                    code_ids[id(raw)] = code_ids[id(partner)]
            names = [k for k, _ in sorted(md["names"].items(), key=lambda kv: kv[1])]
            varnames = [k for k, _ in sorted(md["varnames"].items(), key=lambda kv: kv[1])]
            cellvars = [k for k, _ in sorted(md["cellvars"].items(), key=lambda kv: kv[1])]
            freevars = [k for k, _ in sorted(md["freevars"].items(), key=lambda kv: kv[1])]
        else:
            raw_consts = self.reconstruct_consts(co, seq)
            if raw_consts is None:
                self.opaque += 1
                self.lines.append("unit %d opaque %s" % (uid, co.co_name))
                return uid
            names, varnames = list(co.co_names), list(co.co_varnames)
            cellvars, freevars = raw_cellvars(co), list(co.co_freevars)
        self.full += 1
        L = self.lines
        L.append("unit %d full %s" % (uid, co.co_name))
        L.append("qualname %s" % co.co_qualname)
        L.append("firstlineno %d" % co.co_firstlineno)
        L.append("flags %d" % co.co_flags)
        L.append("args %d %d %d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
        L.append("consts %d" % len(raw_consts))
        L.extend("c " + enc_const(c, code_ids) for c in raw_consts)
        L.append("names " + enc_names(names))
        L.append("varnames " + enc_names(varnames))
        L.append("cellvars " + enc_names(cellvars))
        L.append("freevars " + enc_names(freevars))
        L.append("instrs %d" % len(instrs))
        L.extend(instrs)
        L.append("expect_code " + co.co_code.hex())
        L.append("expect_consts %d" % len(co.co_consts))
        # A final constant that is a raw one is written as `r<index>`.
        raw_index = {}
        for k, c in enumerate(raw_consts):
            raw_index.setdefault(const_key(c), k)
        for c in co.co_consts:
            k = raw_index.get(const_key(c))
            L.append("c r%d" % k if k is not None else "c " + enc_const(c, code_ids))
        L.append("expect_names " + enc_names(co.co_names))
        L.append("expect_localsplus " + " ".join(localsplus(co)))
        L.append("expect_stacksize %d" % co.co_stacksize)
        L.append("expect_linetable " + co.co_linetable.hex())
        L.append("expect_exceptiontable " + co.co_exceptiontable.hex())
        L.append("end")
        return uid

    def opaque_unit(self, co):
        for child in co.co_consts:
            if hasattr(child, "co_code"):
                self.opaque_unit(child)
        uid = self.next_id
        self.next_id += 1
        self.opaque += 1
        self.lines.append("unit %d opaque %s" % (uid, co.co_name))
        return uid

    @staticmethod
    def reconstruct_consts(co, seq):
        """The unit's constant table as the code generator left it, or None if it cannot be
        pinned down. CPython's own optimiser (`_testinternalcapi.optimize_cfg`) is run on the
        sequence with a unique placeholder per constant; where a placeholder lands in the final
        table tells its value. Constants compared with `is None` are guessed to be None (the
        optimiser folds on that). The result is accepted only if running the optimiser on it
        gives exactly the final table of the real code object."""
        instrs = seq.get_instructions()
        used = {0}
        none_guess = set()
        for i, (op, arg, *_) in enumerate(instrs):
            if dis.opname[op] in ("LOAD_CONST", "RETURN_CONST"):
                used.add(arg)
                if i + 1 < len(instrs) and dis.opname[instrs[i + 1][0]] == "IS_OP":
                    none_guess.add(arg)
        n = max(used) + 1
        placeholders = ["\x00placeholder%d" % k for k in range(n)]
        guess = [None if k in none_guess else placeholders[k] for k in range(n)]
        final = list(co.co_consts)
        optimized = list(guess)
        _testinternalcapi.optimize_cfg(rebuild(instrs), optimized, len(co.co_varnames))
        if len(optimized) != len(final):
            return None
        raw = list(guess)

        def learn(ours, theirs):
            if isinstance(ours, str) and ours.startswith("\x00placeholder"):
                raw[int(ours[len("\x00placeholder"):])] = theirs
                return True
            if type(ours) is tuple:
                return type(theirs) is tuple and len(ours) == len(theirs) and all(map(learn, ours, theirs))
            return const_key(ours) == const_key(theirs)

        if not all(map(learn, optimized, final)):
            return None
        # A constant the optimiser dropped keeps its placeholder; that is harmless unless its
        # truth value decided something (a constant condition), which the placeholder would fake.
        for i, (op, arg, *_) in enumerate(instrs):
            if dis.opname[op] == "LOAD_CONST" and raw[arg] is placeholders[arg] and i + 1 < len(instrs):
                if dis.opname[instrs[i + 1][0]] in ("TO_BOOL", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "COPY"):
                    return None
        check = list(raw)
        _testinternalcapi.optimize_cfg(rebuild(instrs), check, len(co.co_varnames))
        if [const_key(c) for c in check] != [const_key(c) for c in final]:
            return None
        return raw


def const_key(c):
    """CPython's notion of "the same constant" (`_PyCode_ConstantKey`), for comparisons."""
    if type(c) is tuple:
        return ("tuple", tuple(const_key(x) for x in c))
    if type(c) is frozenset:
        return ("frozenset", frozenset(const_key(x) for x in c))
    if type(c) is float:
        return ("float", struct.pack("<d", c))
    if type(c) is complex:
        return ("complex", struct.pack("<dd", c.real, c.imag))
    if hasattr(c, "co_code"):
        return ("code", id(c))
    return (type(c).__name__, c)


def rebuild(instrs):
    """A fresh InstructionSequence from `get_instructions()` output (targets are indices)."""
    seq = _testinternalcapi.new_instruction_sequence()
    targets = {arg for op, arg, *_ in instrs if op in HAS_TARGET}
    for index, (op, arg, *loc) in enumerate(instrs):
        if index in targets:
            seq.use_label(index)
        seq.addop(op, arg or 0, *loc)
    return seq


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "backend_cases_3_13.txt")
    w = Writer()
    w.lines.append("# CPython %s code generator output and code objects, written by gen_backend_cases.py; do not edit" % sys.version.split()[0])
    files = FILES
    if os.environ.get("PYRT_ALL_STDLIB"):
        # A one-off wider check (not stored): every module of the standard library, tests included.
        files = sorted(
            os.path.relpath(os.path.join(d, f), STDLIB)
            for d, _, fs in os.walk(STDLIB)
            if "site-packages" not in d
            for f in fs
            if f.endswith(".py")
        )
    sources = [("<extra>", EXTRA_SOURCE)]
    for rel in files:
        try:
            text = open(os.path.join(STDLIB, rel), encoding="utf-8").read()
            compile(text, rel, "exec", dont_inherit=True)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        sources.append(("Lib/" + rel, text))
    for filename, src in sources:
        w.lines.append("file %s" % filename)
        seq, md = _testinternalcapi.compiler_codegen(ast.parse(src), filename, 0, 0)
        co = compile(src, filename, "exec", dont_inherit=True, optimize=0)
        w.code_unit(co, seq, md)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(w.lines) + "\n")
    print("units: %d compared, %d opaque" % (w.full, w.opaque), file=sys.stderr)


if __name__ == "__main__":
    main()
