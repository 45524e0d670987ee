"""Writes expected.txt: CPython 3.13's disassembly of every case of snippets.py.

Run with CPython 3.13: `PYENV_VERSION=3.13.0 python3 gen_bytecode.py` (from this directory).

Each case (`#### name` then its source) is compiled as a module and printed with `dis.dis`
(every code object, nested ones under `Disassembly of ...`). Code-object addresses are replaced by
`0x?`. positions_expected.txt gets every code object's `co_positions()` (line, end line,
column, end column of each code unit). `__static_attributes__` tuples are sorted: CPython 3.13.0 builds them from a set, so their
order depends on string hashing; pyrt sorts them.
"""
import dis, io, os, re, sys, types

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


def sort_static_attributes(co):
    consts = list(co.co_consts)
    for i, c in enumerate(consts):
        if isinstance(c, types.CodeType):
            consts[i] = sort_static_attributes(c)
    instrs = list(dis.get_instructions(co))
    for a, b in zip(instrs, instrs[1:]):
        if a.opname == "LOAD_CONST" and b.opname == "STORE_NAME" and b.argval == "__static_attributes__":
            consts[a.arg] = tuple(sorted(consts[a.arg]))
    return co.replace(co_consts=tuple(consts))


def mode_of(name):
    """A case named `x.eval` or `x.single` is compiled in that mode, others as modules."""
    return {"eval": "eval", "single": "single"}.get(name.rsplit(".", 1)[-1], "exec")


def disassemble(source, name):
    co = sort_static_attributes(compile(source, name, mode_of(name)))
    out = io.StringIO()
    dis.dis(co, file=out)
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", out.getvalue())


def positions(source, name):
    """Every code object (depth-first, constants in order): its qualified name, then the
    `co_positions()` of each code unit, `-` for an absent field."""
    out = []

    def walk(co):
        out.append(f"## {co.co_qualname}\n")
        for pos in co.co_positions():
            out.append(" ".join("-" if v is None else str(v) for v in pos) + "\n")
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                walk(c)

    walk(compile(source, name, mode_of(name)))
    return "".join(out)


if __name__ == "__main__":
    out, pos = [], []
    for name, src in cases(os.path.join(here, "snippets.py")):
        out.append(f"#### {name}\n")
        out.append(disassemble(src, name))
        pos.append(f"#### {name}\n")
        pos.append(positions(src, name))
    with open(os.path.join(here, "expected.txt"), "w", encoding="utf-8") as f:
        f.write("".join(out))
    with open(os.path.join(here, "positions_expected.txt"), "w", encoding="utf-8") as f:
        f.write("".join(pos))
