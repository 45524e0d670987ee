"""Writes errors_expected.txt: CPython 3.13's SyntaxError for every case of errors.py.

Run with CPython 3.13: `PYENV_VERSION=3.13.0 python3 gen_errors.py` (from this directory).
One line per case: `name|msg|lineno|offset|end_lineno|end_offset`.
"""
import os, sys, warnings

assert sys.version_info[:2] == (3, 13), "needs CPython 3.13"
here = os.path.dirname(os.path.abspath(__file__))


def cases(path):
    name, lines = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#### "):
                if name:
                    yield name, "".join(lines)
                name, lines = line[5:].strip(), []
            elif name:
                lines.append(line)
    if name:
        yield name, "".join(lines)


warnings.simplefilter("ignore")
out = []
for name, src in cases(os.path.join(here, "errors.py")):
    try:
        compile(src, name, "exec")
    except SyntaxError as e:
        out.append(f"{name}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}")
    else:
        raise SystemExit(f"case {name} compiles without error")
with open(os.path.join(here, "errors_expected.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
