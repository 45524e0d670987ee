#!/usr/bin/env python3
"""Check the differential corpus `tests/py/*.py` for determinism and speed under CPython 3.13.

Each script is run twice under CPython 3.13 (`PYENV_VERSION=3.13.0 python3`), from `tests/py/`
as working directory, with two different `PYTHONHASHSEED` values. A script passes when both
runs give identical stdout, stderr and exit status, each run finishes in under the time limit,
the output shows no memory address (`at 0x...`), which would differ between runtimes, and
prints something. The directory must hold only `.py` files (helper packages in `pkgs/`).
Prints one line per failing script and a summary (scripts per area, exit statuses); exit status
is 1 when any script fails.

Usage: tools/check_py_corpus.py [--dir tests/py] [--limit 1.0] [--jobs 2] [NAME ...]
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time
from collections import Counter

ADDRESS = re.compile(rb"at 0x[0-9a-fA-F]+")


def find_python313():
    """The CPython 3.13 executable: through pyenv when present (a `python3` found on PATH inside a
    pyenv-run process is that process's own version, so the shim is not enough), else `python3`."""
    env = dict(os.environ, PYENV_VERSION="3.13.0")
    try:
        found = subprocess.run(["pyenv", "which", "python3"], env=env, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    except OSError:
        pass
    return "python3"


PYTHON = find_python313()


def run_once(directory, name, seed, timeout):
    env = dict(os.environ, PYENV_VERSION="3.13.0", PYTHONHASHSEED=str(seed), PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [PYTHON, name], cwd=directory, env=env, capture_output=True, timeout=timeout * 5, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        return None, None, None, time.perf_counter() - start
    return proc.stdout, proc.stderr, proc.returncode, time.perf_counter() - start


def check(directory, name, limit):
    first = run_once(directory, name, 0, limit)
    second = run_once(directory, name, 4242, limit)
    problems = []
    if first[2] is None or second[2] is None:
        problems.append("timed out")
        return name, problems, None, max(first[3], second[3])
    if first[:3] != second[:3]:
        for label, a, b in (("stdout", first[0], second[0]), ("stderr", first[1], second[1])):
            if a != b:
                problems.append(f"{label} differs between hash seeds")
        if first[2] != second[2]:
            problems.append(f"exit status differs ({first[2]} vs {second[2]})")
    elapsed = max(first[3], second[3])
    if elapsed > limit:
        problems.append(f"slow: {elapsed:.2f}s")
    if ADDRESS.search(first[0]) or ADDRESS.search(first[1]):
        problems.append("prints a memory address")
    if not first[0] and not first[1]:
        problems.append("prints nothing")
    return name, problems, first[2], elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--dir", default=os.path.join(root, "tests", "py"))
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed per run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("names", nargs="*", help="script names (default: every *.py in the directory)")
    args = parser.parse_args()
    check_313 = subprocess.run(
        [PYTHON, "-c", "import sys; print(sys.version_info[:2] == (3, 13))"],
        env=dict(os.environ, PYENV_VERSION="3.13.0"), capture_output=True, text=True,
    )
    if check_313.stdout.strip() != "True":
        print("CPython 3.13 (PYENV_VERSION=3.13.0 python3) is not available; nothing checked")
        return 0
    names = args.names or sorted(n for n in os.listdir(args.dir) if n.endswith(".py"))
    failures = 0
    for dirpath, dirnames, filenames in os.walk(args.dir):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for stray in sorted(f for f in filenames if not f.endswith(".py")):
            if args.names:
                break
            failures += 1
            print(f"FAIL {os.path.relpath(os.path.join(dirpath, stray), args.dir)}: not a .py file (expected outputs belong to the generator)")
    areas = Counter()
    statuses = Counter()
    slowest = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for name, problems, status, elapsed in pool.map(lambda n: check(args.dir, n, args.limit), names):
            areas[name.split("_", 1)[0]] += 1
            statuses[status] += 1
            slowest.append((elapsed, name))
            if problems:
                failures += 1
                print(f"FAIL {name}: {'; '.join(problems)}")
    print(f"{len(names)} scripts, {failures} failure(s)")
    print("exit statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
    print("per area: " + ", ".join(f"{k} {v}" for k, v in sorted(areas.items())))
    slowest.sort(reverse=True)
    print("slowest: " + ", ".join(f"{n} {t:.2f}s" for t, n in slowest[:5]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
