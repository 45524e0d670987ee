#!/usr/bin/env python3
"""Mutation fuzzing of the whole interpreter: run mutated corpus scripts through `pyrt`.

libFuzzer (fuzz/run.sh) covers the front end, where every input ends quickly. Running
arbitrary programs can loop forever, so the runtime is fuzzed here instead, one process per
input: take a script of the differential corpus (tests/py/*.py), mutate it at the level of
lines and tokens (delete, duplicate, swap or splice lines; replace a token by another token of
the same script or by an edge value such as `2**64`, `-1`, `1e308`, `''`, `None`, `[]`), and run
it with a time limit in a scratch directory. Every outcome a Python program can have is
acceptable — output, an exception with a traceback, a `SyntaxError`, a non-zero exit status, a
time-out (a mutated loop may never end) — except the ones the project's rules forbid:

* the process killed by a signal (SIGSEGV, SIGABRT, SIGBUS, SIGILL, a stack overflow),
* a Rust panic (`panicked at` on stderr, exit status 101),
* `Fatal Python error` (a Python program cannot misuse the C API).

A failing input is written to fuzz/artifacts/exec/ with its stderr, and the run ends with
status 1 when any was found.

    python3 tools/fuzz_exec.py --seconds 600                 # target/release/pyrt
    python3 tools/fuzz_exec.py --pyrt target/debug/pyrt --runs 2000 --seed 0     # what CI runs
    python3 tools/fuzz_exec.py --replay fuzz/artifacts/exec/crash-*.py

Seeds that use threads, signals, files or the `os` module are left out: their mutations could
block on a lock forever or write outside the scratch directory.
"""

from __future__ import annotations

import argparse
import hashlib
import keyword
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "py"
ARTIFACTS = ROOT / "fuzz" / "artifacts" / "exec"

# Seeds whose mutations could hang on a lock, touch files or the process (see the module doc).
UNSAFE_SEED = re.compile(r"\b(_thread|threading|signal|os|open|io|subprocess|input|sys\.stdin|time\.sleep)\b")

EDGE_VALUES = [
    "0", "1", "-1", "2**63", "2**64", "-2**63 - 1", "10**400", "1e308", "-0.0", "float('nan')",
    "float('inf')", "''", "'\\ud800'", "'é𝄞'", "b''", "None", "True", "()", "[]", "{}", "set()",
    "object()", "type", "lambda *a, **k: a", "NotImplemented", "...", "[[]] * 3", "{1: 2}",
    "iter([])", "range(-5)", "slice(None)", "Exception()", "super", "self", "__class__",
]
# The tokens a mutation replaces: names, numbers and one-line strings (brackets and operators
# would mostly make a SyntaxError, which the front end's own fuzzing already covers).
TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d*)?|'[^'\n]*'|\"[^\"\n]*\"")
# Names that must stay names: keywords, attribute names, and what def/class/import/as bind.
FIXED_NAME = re.compile(r"(?:\.|\b(?:def|class|import|from|as|global|nonlocal)\s+)$")

# Deaths by signal that are not findings: the harness's own kill, and SIGINT, which CPython
# (and pyrt) re-raise on themselves after an uncaught `KeyboardInterrupt`.
ACCEPTED_SIGNALS = {-signal.SIGKILL, -signal.SIGINT}


def seeds() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(CORPUS.glob("*.py")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if UNSAFE_SEED.search(text):
            continue
        out.append((path.name, text.splitlines(keepends=True)))
    return out


def indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def reindent(block: list[str], indent: str) -> list[str]:
    """`block` moved to `indent`, keeping its own relative indentation (so a moved compound
    statement stays well-formed and mutations reach the runtime, not just the parser)."""
    base = min((len(indent_of(line)) for line in block if line.strip()), default=0)
    return [indent + line[base:] if line.strip() else line for line in block]


def block_at(lines: list[str], k: int) -> list[str]:
    """Line `k` and, when it opens a block, the lines indented below it."""
    end = k + 1
    if lines[k].rstrip().endswith(":"):
        depth = len(indent_of(lines[k]))
        while end < len(lines) and (not lines[end].strip() or len(indent_of(lines[end])) > depth):
            end += 1
    return lines[k:end]


def mutate(rng: random.Random, lines: list[str], donors: list[list[str]]) -> list[str]:
    """Line and token mutations that keep indentation consistent: most mutants still compile,
    so they exercise the eval loop and the object layer rather than only the parser."""
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        code = [n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
        if not code:
            break
        i = rng.choice(code)
        here = indent_of(lines[i])
        kind = rng.randrange(10)
        if kind == 0:
            # Deleting a line would empty a block: it becomes `pass` (a block header's body then dedents).
            lines[i] = here + "pass\n"
        elif kind == 1:
            lines[i:i] = reindent(block_at(lines, rng.choice(code)), here)
        elif kind == 2:
            j = rng.choice(code)
            lines[i], lines[j] = (indent_of(lines[i]) + lines[j].lstrip(" \t"), indent_of(lines[j]) + lines[i].lstrip(" \t"))
        elif kind == 3:
            donor = rng.choice(donors)
            donor_code = [n for n, line in enumerate(donor) if line.strip()]
            if donor_code:
                lines[i:i] = reindent(block_at(donor, rng.choice(donor_code)), here)
        else:
            line = lines[i]
            tokens = [
                t
                for t in TOKEN.finditer(line)
                if not keyword.iskeyword(t.group()) and not FIXED_NAME.search(line[: t.start()])
            ]
            if not tokens:
                continue
            t = rng.choice(tokens)
            if kind <= 6:
                new = "(" + rng.choice(EDGE_VALUES) + ")"
            else:
                pool = [
                    m.group()
                    for other in rng.sample(lines, min(len(lines), 8))
                    for m in TOKEN.finditer(other)
                    if not keyword.iskeyword(m.group())
                ]
                new = rng.choice(pool) if pool else rng.choice(EDGE_VALUES)
            lines[i] = lines[i][: t.start()] + new + lines[i][t.end() :]
    return lines


def verdict(proc: subprocess.CompletedProcess | None) -> str | None:
    """Why this run is a finding, or None when it is an acceptable outcome."""
    if proc is None:
        return None  # timed out: a mutated loop may never end
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0 and proc.returncode not in ACCEPTED_SIGNALS:
        return f"killed by signal {-proc.returncode}"
    if "panicked at" in err or proc.returncode == 101:
        return "Rust panic"
    if "Fatal Python error" in err:
        return "fatal error"
    return None


def run_one(pyrt: str, source: bytes, scratch: str, timeout: float) -> subprocess.CompletedProcess | None:
    script = os.path.join(scratch, "fuzz_input.py")
    with open(script, "wb") as f:
        f.write(source)
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "RUST_BACKTRACE": "0", "TMPDIR": scratch}
    try:
        return subprocess.run(
            [pyrt, script], cwd=scratch, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None


def save(source: bytes, why: str, proc: subprocess.CompletedProcess) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(source).hexdigest()[:16]
    path = ARTIFACTS / f"crash-{digest}.py"
    path.write_bytes(source)
    (ARTIFACTS / f"crash-{digest}.txt").write_bytes(
        f"{why} (exit status {proc.returncode})\n".encode() + proc.stderr[-20000:]
    )
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyrt", default=str(ROOT / "target" / "release" / "pyrt"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--runs", type=int, default=None, help="stop after this many inputs (deterministic with --seed)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    ap.add_argument("--timeout", type=float, default=5.0, help="per-input time limit in seconds")
    ap.add_argument("--replay", nargs="*", help="run these inputs once each instead of fuzzing")
    args = ap.parse_args()
    args.pyrt = os.path.abspath(args.pyrt)
    if not os.access(args.pyrt, os.X_OK):
        print(f"fuzz_exec: no pyrt binary at {args.pyrt}", file=sys.stderr)
        return 2
    findings = 0
    with tempfile.TemporaryDirectory(prefix="pyrt-fuzz-exec-") as scratch:
        if args.replay is not None:
            for name in args.replay:
                proc = run_one(args.pyrt, Path(name).read_bytes(), scratch, args.timeout)
                why = verdict(proc)
                print(f"{name}: {why or 'ok'}")
                findings += why is not None
            return 1 if findings else 0
        seed = args.seed if args.seed is not None else int(time.time())
        rng = random.Random(seed)
        pool = seeds()
        donors = [lines for _, lines in pool]
        deadline = time.monotonic() + args.seconds
        runs = timeouts = 0
        while time.monotonic() < deadline and (args.runs is None or runs < args.runs):
            name, lines = rng.choice(pool)
            source = "".join(mutate(rng, lines, donors)).encode("utf-8", "surrogateescape")
            proc = run_one(args.pyrt, source, scratch, args.timeout)
            runs += 1
            timeouts += proc is None
            why = verdict(proc)
            if why is not None:
                findings += 1
                path = save(source, why, proc)
                print(f"FINDING ({why}) from {name}: {path.relative_to(ROOT)}", flush=True)
        print(f"fuzz_exec: seed {seed}, {runs} runs, {timeouts} time-outs, {findings} findings, {len(pool)} seeds")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
