"""Writes expected.txt: CPython 3.13's `symtable` output for every case of snippets.py.

Run with CPython 3.13: `PYENV_VERSION=3.13.0 python3 gen_symtable.py` (from this directory).
Layout (what `SymbolTable::dump` prints): per block `type name line`, then `  . symbol flags` sorted
by name, children indented by two spaces; cases are separated by `#### name` lines.
"""
import os, sys, symtable

assert sys.version_info[:2] == (3, 13), "needs CPython 3.13"
here = os.path.dirname(os.path.abspath(__file__))

def cases():
    name, lines = None, []
    with open(os.path.join(here, "snippets.py"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#### "):
                if name:
                    yield name, "".join(lines)
                name, lines = line[5:].strip(), []
            elif name:
                lines.append(line)
    if name:
        yield name, "".join(lines)

def dump(t, depth, out):
    pad = "  " * depth
    line = 0 if t.get_type() == symtable.SymbolTableType.MODULE else t.get_lineno()
    out.append(f"{pad}{t.get_type().value} {t.get_name()} {line}")
    for name in sorted(t._table.symbols):
        out.append(f"{pad}  . {name} {t._table.symbols[name]}")
    for c in t.get_children():
        dump(c, depth + 1, out)

if __name__ == "__main__":
    out = []
    for name, src in cases():
        out.append(f"#### {name}")
        dump(symtable.symtable(src, name, "exec"), 0, out)
    with open(os.path.join(here, "expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
