"""Writes dis_cases_3_13.txt: code objects made by CPython 3.13 and what its `dis.dis` prints.

Run with CPython 3.13 (`PYENV_VERSION=3.13.0 PYTHONHASHSEED=0 python3 gen_dis_cases.py [OUTPUT]`).
For each module below, every code object (children first) is written field by field, then the
text `dis.dis(module_code)` prints. `tests/dis_differential.rs` rebuilds the code objects as
pyrt `CodeObject`s and compares pyrt's disassembly with that text (addresses aside). It also
checks pyrt's table decoders: `positions()` against `co_positions()` and `exception_entries()`
against `dis._parse_exception_table`.
"""

import dis
import io
import os
import re
import sys
import sysconfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_backend_cases import EXTRA_SOURCE, enc_const, enc_names, localsplus  # noqa: E402

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"

# PYRT_STDLIB_ROOT points the whole-stdlib mode at another tree (e.g. CPython 3.11's Lib).
STDLIB = os.environ.get("PYRT_STDLIB_ROOT") or sysconfig.get_paths()["stdlib"]
FILES = ["json/decoder.py", "contextlib.py", "string.py"]


def write_code(lines, co, ids):
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            write_code(lines, c, ids)
    uid = ids[id(co)] = len(ids)
    lines.append("code %d %s" % (uid, co.co_name))
    lines.append("qualname %s" % co.co_qualname)
    lines.append("firstlineno %d" % co.co_firstlineno)
    lines.append("flags %d" % co.co_flags)
    lines.append("args %d %d %d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
    lines.append("stacksize %d" % co.co_stacksize)
    lines.append("bytecode " + co.co_code.hex())
    lines.append("consts %d" % len(co.co_consts))
    lines.extend("c " + enc_const(c, ids) for c in co.co_consts)
    lines.append("names " + enc_names(co.co_names))
    lines.append("localsplus " + " ".join(localsplus(co)))
    lines.append("linetable " + co.co_linetable.hex())
    lines.append("exceptiontable " + co.co_exceptiontable.hex())
    positions = ["%s,%s,%s,%s" % tuple("-" if v is None else v for v in p) for p in co.co_positions()]
    lines.append("positions " + " ".join(positions))
    entries = ["%d,%d,%d,%d,%d" % (e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(co)]
    lines.append("exceptions " + " ".join(entries))
    return uid


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "dis_cases_3_13.txt")
    lines = ["# CPython %s code objects and dis.dis output, written by gen_dis_cases.py; do not edit" % sys.version.split()[0]]
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
        co = compile(src, filename, "exec", dont_inherit=True)
        lines.append("file %s" % filename)
        write_code(lines, co, {})
        text = io.StringIO()
        dis.dis(co, file=text)
        # Addresses of code objects differ from run to run.
        dis_lines = re.sub(r" at 0x[0-9a-f]+", " at 0x?", text.getvalue()).splitlines()
        lines.append("dis %d" % len(dis_lines))
        lines.extend("| " + l for l in dis_lines)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
