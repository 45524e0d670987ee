#!/usr/bin/env python3
"""Writes CPython 3.13's stdout, stderr and exit status beside each differential-corpus script.

For every tests/py/NAME.py (run from the workspace root as `python3.13 tests/py/NAME.py`, the
same command line the Rust test gives `pyrt`), writes NAME.stdout, NAME.stderr and NAME.status
(the exit status and a newline). The workspace root's absolute path (tracebacks print the
script's absolute path) is stored as `$ROOT`, which the Rust test substitutes back.

    PYENV_VERSION=3.13.0 python3 tools/gen_py_expected.py           # regenerate
    PYENV_VERSION=3.13.0 python3 tools/gen_py_expected.py --check   # diff, exit 1 on change

Must run under CPython 3.13; the expected files are compared byte for byte.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "py")


def main() -> int:
    if sys.version_info[:2] != (3, 13):
        print(f"gen_py_expected.py needs CPython 3.13, not {sys.version.split()[0]}", file=sys.stderr)
        return 2
    check = "--check" in sys.argv[1:]
    changed = []
    names = sorted(n[:-3] for n in os.listdir(CORPUS) if n.endswith(".py"))
    for name in names:
        rel = os.path.join("tests", "py", name + ".py")
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run(
            [sys.executable, rel], cwd=ROOT, capture_output=True, env=env, timeout=60, stdin=subprocess.DEVNULL
        )
        root = ROOT.encode()
        outputs = {
            ".stdout": proc.stdout.replace(root, b"$ROOT"),
            ".stderr": proc.stderr.replace(root, b"$ROOT"),
            ".status": f"{proc.returncode}\n".encode(),
        }
        for ext, data in outputs.items():
            path = os.path.join(CORPUS, name + ext)
            old = open(path, "rb").read() if os.path.exists(path) else None
            if old != data:
                changed.append(name + ext)
                if not check:
                    with open(path, "wb") as f:
                        f.write(data)
    verb = "differ" if check else "written"
    print(f"{len(names)} scripts, {len(changed)} expected files {verb}")
    for c in changed:
        print("  " + c)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
