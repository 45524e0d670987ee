"""Writes rejects.txt: the standard-library files CPython 3.13's compile() rejects.

Run with CPython 3.13: `PYENV_VERSION=3.13.0 python3 gen_stdlib_rejects.py` (from this directory).
Both the 3.13 and the 3.11 standard libraries are scanned (site-packages excluded); each rejected
file gives a line `version|relative path|exception|msg|lineno` (the exception is SyntaxError,
IndentationError, TabError, or DecodeError for bytes that are not valid source).
"""
import os, sys, warnings

assert sys.version_info[:2] == (3, 13), "needs CPython 3.13"
here = os.path.dirname(os.path.abspath(__file__))
ROOTS = {
    "3.13": "/root/.pyenv/versions/3.13.0/lib/python3.13",
    "3.11": "/root/.pyenv/versions/3.11.7/lib/python3.11",
}

def files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for f in sorted(filenames):
            if f.endswith(".py"):
                yield os.path.join(dirpath, f)

out = []
warnings.simplefilter("ignore")
for version, root in ROOTS.items():
    for path in files(root):
        rel = os.path.relpath(path, root)
        with open(path, "rb") as f:
            data = f.read()
        try:
            compile(data, path, "exec")
        except SyntaxError as e:
            kind = type(e).__name__
            msg = e.msg.replace("|", "/")
            out.append(f"{version}|{rel}|{kind}|{msg}|{e.lineno}")
        except (ValueError, UnicodeDecodeError) as e:
            out.append(f"{version}|{rel}|DecodeError|{e}|0")
with open(os.path.join(here, "rejects.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
