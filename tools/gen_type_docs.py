#!/usr/bin/env python3
"""Writes runtime/src/object/type_docs.rs: CPython 3.13's doc strings of the builtin types.

The static types get their `__doc__` from this table when they are readied (CPython keeps
`tp_doc` in the type's dict as `__doc__`). The table holds the classes the `builtins` module
exposes and the types of the core objects (functions, methods, iterators, views...), by the
name pyrt's static types carry.

    PYENV_VERSION=3.13.0 python3 tools/gen_type_docs.py
"""

import builtins
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "runtime", "src", "object", "type_docs.rs")


def samples():
    def f():
        pass

    def g():
        yield

    class C:
        def m(self):
            pass

    return [
        type(None), type(NotImplemented), type(Ellipsis), type(f), type(C().m), type(len), type([].append),
        type(list.append), type(int.__add__), type((1).__add__), type(vars(int)), type(g()), type(f.__code__),
        type(iter([])), type(iter(())), type(iter("")), type(iter(range(1))), type(iter({})), type(iter(set())),
        type({}.keys()), type({}.values()), type({}.items()), type(iter({}.values())), type(iter({}.items())),
        type(reversed([])), type(int.real), type(C.__dict__["__dict__"]), type(sys._getframe()),
        type(sys), type((lambda x: lambda: x)(1).__closure__[0]),
    ]


def rust_str(s):
    return '"' + s.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def main():
    if sys.version_info[:2] != (3, 13):
        print(f"gen_type_docs.py needs CPython 3.13, not {sys.version.split()[0]}", file=sys.stderr)
        return 2
    docs = {}
    for t in [v for v in vars(builtins).values() if isinstance(v, type)] + samples():
        # `type.__doc__` is `tp_doc` for a static type; without one it is the `__doc__` entry
        # of the type's dict (a descriptor for the instances), which is not in the table.
        if isinstance(t.__doc__, str):
            docs.setdefault(t.__name__, t.__doc__)
    lines = [
        "//! CPython 3.13's doc strings of the builtin types (`tp_doc`), by type name: a static type's",
        "//! `__doc__` when it is readied. Written by `tools/gen_type_docs.py` from CPython 3.13.",
        "",
        "/// The doc string CPython 3.13 gives the builtin type `name`.",
        "pub(crate) fn builtin_type_doc(name: &str) -> Option<&'static str> {",
        "    DOCS.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| DOCS[i].1)",
        "}",
        "",
        "static DOCS: &[(&str, &str)] = &[",
    ]
    for name in sorted(docs):
        lines.append(f"    ({rust_str(name)}, {rust_str(docs[name])}),")
    lines.append("];")
    lines.append("")
    with open(OUT, "w") as f:
        f.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
