"""Regenerate the golden outputs of `pyrt ast` (cli/tests/ast/*.out, *.err) with CPython 3.13.

    PYENV_VERSION=3.13.0 python3 tools/regen_cli_ast_golden.py          # rewrite them
    PYENV_VERSION=3.13.0 python3 tools/regen_cli_ast_golden.py --check  # compare, change nothing

For each cli/tests/ast/NAME.py, run from cli/ with the path tests/ast/NAME.py:
* NAME.out: stdout of `python3.13 -c "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))"`
  when the file parses;
* NAME.err: otherwise, stderr of `python3.13 tests/ast/NAME.py` (CPython prints the absolute path
  of the file; the directory of cli/ is written as <CLI_DIR>, which the test substitutes back).
"""
import glob
import os
import subprocess
import sys

if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 13):
    sys.exit("regen_cli_ast_golden.py must run under CPython 3.13")

CLI_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli")
CLI_DIR = os.path.normpath(CLI_DIR)
DUMP = "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))"
ENV = {"PATH": os.environ.get("PATH", ""), "PYTHON_COLORS": "0", "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}


def expected_outputs():
    """{golden file path: its bytes} for every tests/ast/*.py."""
    out = {}
    for path in sorted(glob.glob(os.path.join(CLI_DIR, "tests", "ast", "*.py"))):
        rel = os.path.relpath(path, CLI_DIR)
        dump = subprocess.run([sys.executable, "-I", "-c", DUMP, rel], cwd=CLI_DIR, env=ENV, capture_output=True)
        if dump.returncode == 0:
            out[path[:-3] + ".out"] = dump.stdout
            continue
        run = subprocess.run([sys.executable, "-I", rel], cwd=CLI_DIR, env=ENV, capture_output=True)
        assert run.returncode == 1, (rel, run)
        out[path[:-3] + ".err"] = run.stderr.replace(CLI_DIR.encode(), b"<CLI_DIR>")
    return out


def main():
    outputs = expected_outputs()
    existing = set(glob.glob(os.path.join(CLI_DIR, "tests", "ast", "*.out")))
    existing |= set(glob.glob(os.path.join(CLI_DIR, "tests", "ast", "*.err")))
    if "--check" in sys.argv[1:]:
        stale = sorted(p for p in existing | set(outputs)
                       if p not in outputs or p not in existing or open(p, "rb").read() != outputs[p])
        if stale:
            sys.exit("stale golden files (run tools/regen_cli_ast_golden.py):\n  " + "\n  ".join(stale))
        print(f"cli/tests/ast: {len(outputs)} golden files up to date")
        return
    for path in existing - set(outputs):
        os.remove(path)
    for path, data in outputs.items():
        with open(path, "wb") as f:
            f.write(data)
        print(os.path.relpath(path, CLI_DIR))


main()
