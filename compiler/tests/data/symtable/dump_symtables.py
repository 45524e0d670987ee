"""Prints CPython 3.13's symbol tables of the given files, in SymbolTable::dump's layout.

`PYENV_VERSION=3.13.0 python3 dump_symtables.py FILE...`: for each file a `#### FILE` line, then
the dump (see gen_symtable.py), or `!error` when CPython cannot build the table. Used by
tests/symtable_stdlib.rs, which compares pyrt's tables on a sample of the standard library.
"""
import importlib.util, sys, symtable, warnings

from gen_symtable import dump

warnings.simplefilter("ignore")
out = sys.stdout
for path in sys.argv[1:]:
    out.write(f"#### {path}\n")
    try:
        with open(path, "rb") as f:
            src = f.read()
        lines = []
        dump(symtable.symtable(importlib.util.decode_source(src), path, "exec"), 0, lines)
        out.write("\n".join(lines) + "\n")
    except (SyntaxError, ValueError, UnicodeDecodeError, LookupError):
        out.write("!error\n")
