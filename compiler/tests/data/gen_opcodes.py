"""Writes opcodes_3_13.txt: CPython 3.13's instruction set as the instruction-table test expects it.

Run with CPython 3.13 (`PYENV_VERSION=3.13.0 PYTHONHASHSEED=0 python3 gen_opcodes.py [OUTPUT]`). Sources:
- `dis`/`opcode`/`_opcode`: names, numbers, `_inline_cache_entries`, `_specializations`, the `has_*`
  categories and `dis.stack_effect` for each opcode, oparg and `jump` value;
- 3.13's `pycore_opcode_metadata.h` (installed with its headers): `_PyOpcode_num_popped` and
  `_PyOpcode_num_pushed`, evaluated here for the same opargs, which also covers specialised
  instructions (for which `dis.stack_effect` raises).
"""

import dis
import opcode
import os
import re
import sys
import sysconfig

import _opcode

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"

OPARGS = list(range(20)) + [255, 256, 257, 513, 1027]
HEADER = os.path.join(sysconfig.get_paths()["include"], "internal", "pycore_opcode_metadata.h")


def switch(text, function):
    body = text[text.index("int %s(int opcode, int oparg)  {" % function):]
    body = body[: body.index("default:")]
    return dict(re.findall(r"case (\w+):\s*return (.*?);", body))


def c_to_python(expr):
    expr = re.sub(r"\(\((\w+) == (\d+)\) \? (\d+) : (\d+)\)", r"(\3 if \1 == \2 else \4)", expr)
    return expr


def main():
    text = open(HEADER).read()
    popped, pushed = switch(text, "_PyOpcode_num_popped"), switch(text, "_PyOpcode_num_pushed")
    allops = dict(opcode.opmap)
    allops.update(opcode._specialized_opmap)
    family = {m: base for base, members in opcode._specializations.items() for m in members}
    lines = ["# CPython %s instruction set, written by gen_opcodes.py; do not edit" % sys.version.split()[0]]
    lines.append("opargs " + " ".join(map(str, OPARGS)))
    for name, num in sorted(allops.items(), key=lambda kv: kv[1]):
        valid = _opcode.is_valid(num)
        cats = [
            cat
            for cat, test in [
                ("arg", _opcode.has_arg),
                ("const", _opcode.has_const),
                ("name", _opcode.has_name),
                ("jump", _opcode.has_jump),
                ("free", _opcode.has_free),
                ("local", _opcode.has_local),
                ("exc", _opcode.has_exc),
            ]
            if test(num)
        ]
        cache = opcode._inline_cache_entries.get(family.get(name, name), 0)
        lines.append(
            "op %d %s valid=%d cache=%d family=%s flags=%s"
            % (num, name, valid, cache, family.get(name, "-"), ",".join(cats) or "-")
        )
        for jump, label in [(None, "none"), (True, "true"), (False, "false")]:
            effects = []
            for arg in OPARGS:
                try:
                    effects.append(str(dis.stack_effect(num, arg if num >= opcode.HAVE_ARGUMENT else None, jump=jump)))
                except (ValueError, TypeError):
                    effects.append("x")
            lines.append("effect %d %s %s" % (num, label, " ".join(effects)))
        for kind, table in [("popped", popped), ("pushed", pushed)]:
            if name in table:
                expr = c_to_python(table[name])
                values = [str(eval(expr, {"oparg": arg})) for arg in OPARGS]
                lines.append("%s %d %s" % (kind, num, " ".join(values)))
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "opcodes_3_13.txt")
    out = sys.argv[1] if len(sys.argv) > 1 else default
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


main()
