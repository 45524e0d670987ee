#!/usr/bin/env python3
"""Run the Python benchmark suite with pyrt, CPython 3.13 and CPython 3.11 in one go.

Every program in this directory (all `*.py` except this file) is run `--runs` times by each
available runtime. Runtimes are interleaved within each round, and their order rotates from
round to round, so that noise from a shared machine falls on all of them alike. Each program
prints a checksum line; the harness checks that every runtime printed the same output as
CPython 3.13 and reports a mismatch otherwise (a mismatching runtime gets no ratio for that
program, and the harness exits with status 1).

The table gives per program the median wall time of each runtime (process start-up included)
and pyrt's speed ratios: ratio = other runtime's time / pyrt's time, so above 1.0 means pyrt is
faster. The last row gives geometric means. `--json FILE` writes every measured time.

Runtimes:
  pyrt         `--pyrt PATH` (default target/release/pyrt), skipped with a notice when absent
  pyrt-ft      pyrt with `-X gil=0`, only with `--free-threaded`
  cpython3.13  `PYENV_VERSION=3.13.0 python3` (or python3.13 on PATH)
  cpython3.11  `python3` (or python3.11 on PATH)
Each CPython candidate is checked for its version before use; a missing one is skipped.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def python_version(executable, env):
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            env=env, capture_output=True, text=True, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def find_cpython(version, pyenv_version):
    """An executable for CPython `version` ("3.13"), checked by running it, or None.

    A `python3` found on PATH inside a process that pyenv started is that process's own
    version, so pyenv is asked for the path first, then `python3.X` and `python3` on PATH."""
    candidates = []
    env = dict(os.environ)
    env.pop("PYENV_VERSION", None)
    if pyenv_version and shutil.which("pyenv"):
        found = subprocess.run(
            ["pyenv", "which", "python3"], env=dict(env, PYENV_VERSION=pyenv_version), capture_output=True, text=True
        )
        if found.returncode == 0 and found.stdout.strip():
            candidates.append(found.stdout.strip())
    for name in ("python" + version, "python3"):
        path = shutil.which(name)
        if path:
            candidates.append(path)
    for exe in candidates:
        if python_version(exe, env) == version:
            return exe
    return None


def programs(selected):
    names = sorted(n[:-3] for n in os.listdir(HERE) if n.endswith(".py") and n != "run.py")
    if selected:
        unknown = [s for s in selected if s not in names]
        if unknown:
            sys.exit(f"unknown program(s): {', '.join(unknown)}; available: {', '.join(names)}")
        names = [n for n in names if n in selected]
    return names


def run_once(command, program):
    env = dict(os.environ)
    env.pop("PYENV_VERSION", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.perf_counter()
    proc = subprocess.run(command + [os.path.join(HERE, program + ".py")], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode, proc.stdout, proc.stderr


def geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    product = 1.0
    for v in values:
        product *= v
    return product ** (1.0 / len(values))


def fmt_time(t):
    return "—" if t is None else f"{t:.3f}"


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}×"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pyrt", default=os.path.join(ROOT, "target", "release", "pyrt"), help="path of the pyrt binary")
    parser.add_argument("-n", "--runs", type=int, default=5, help="runs per program and runtime (default 5)")
    parser.add_argument("--free-threaded", action="store_true", help="also run pyrt with -X gil=0 (column pyrt-ft)")
    parser.add_argument("--json", metavar="FILE", help="write the raw times and checksums as JSON")
    parser.add_argument("programs", nargs="*", help="program names (default: all)")
    args = parser.parse_args()

    runtimes = {}
    if os.path.exists(args.pyrt) and os.access(args.pyrt, os.X_OK):
        runtimes["pyrt"] = [args.pyrt]
        if args.free_threaded:
            runtimes["pyrt-ft"] = [args.pyrt, "-X", "gil=0"]
    else:
        print(f"notice: pyrt not found at {args.pyrt}; pyrt columns skipped (build with cargo build --release)")
    for label, version, pyenv_version in (("cpython3.13", "3.13", "3.13.0"), ("cpython3.11", "3.11", "3.11.7")):
        exe = find_cpython(version, pyenv_version)
        if exe:
            runtimes[label] = [exe]
        else:
            print(f"notice: CPython {version} not found; {label} column skipped")
    if not runtimes:
        sys.exit("no runtime available")
    reference = "cpython3.13" if "cpython3.13" in runtimes else next(iter(runtimes))
    names = programs(args.programs)
    print("runtimes: " + "; ".join(f"{k} = {' '.join(v)}" for k, v in runtimes.items()))
    print(f"{len(names)} programs, {args.runs} runs each, reference output from {reference}\n")

    times = {n: {r: [] for r in runtimes} for n in names}
    outputs = {n: {} for n in names}
    failed = {n: {} for n in names}
    order = list(runtimes)
    for name in names:
        for rnd in range(args.runs):
            shift = rnd % len(order)
            for label in order[shift:] + order[:shift]:
                if label in failed[name]:
                    continue
                elapsed, status, out, err = run_once(runtimes[label], name)
                if status != 0:
                    last = err.strip().splitlines()[-1] if err.strip() else f"exit status {status}"
                    failed[name][label] = f"exit status {status}: {last}"
                    print(f"notice: {label} failed on {name}: {failed[name][label]}")
                    continue
                outputs[name].setdefault(label, out)
                if outputs[name][label] != out:
                    failed[name][label] = "output differs between runs"
                    continue
                times[name][label].append(elapsed)
        print(f"  {name}: done", file=sys.stderr)

    mismatches = []
    for name in names:
        ref = outputs[name].get(reference)
        for label, out in outputs[name].items():
            if ref is not None and out != ref and label not in failed[name]:
                failed[name][label] = "checksum differs from " + reference
                mismatches.append((name, label, out.strip(), ref.strip()))

    def median(name, label):
        if label in failed[name] or not times[name][label]:
            return None
        return statistics.median(times[name][label])

    labels = list(runtimes)
    has_pyrt = "pyrt" in runtimes
    header = ["program"] + labels
    if has_pyrt:
        header += [f"pyrt vs {c[7:]}" for c in ("cpython3.13", "cpython3.11") if c in runtimes]
        if "pyrt-ft" in runtimes:
            header.append("ft vs pyrt")
    if "cpython3.13" in runtimes and "cpython3.11" in runtimes:
        header.append("3.13 vs 3.11")
    rows = []
    columns = {h: [] for h in header[1:]}
    for name in names:
        med = {label: median(name, label) for label in labels}
        row = [name] + [fmt_time(med[l]) for l in labels]
        for label in labels:
            columns[label].append(med[label])
        ratios = []
        if has_pyrt:
            for c in ("cpython3.13", "cpython3.11"):
                if c in runtimes:
                    r = med[c] / med["pyrt"] if med[c] and med["pyrt"] else None
                    ratios.append((f"pyrt vs {c[7:]}", r))
            if "pyrt-ft" in runtimes:
                r = med["pyrt"] / med["pyrt-ft"] if med["pyrt"] and med["pyrt-ft"] else None
                ratios.append(("ft vs pyrt", r))
        if "cpython3.13" in runtimes and "cpython3.11" in runtimes:
            r = med["cpython3.11"] / med["cpython3.13"] if med["cpython3.11"] and med["cpython3.13"] else None
            ratios.append(("3.13 vs 3.11", r))
        for key, r in ratios:
            columns[key].append(r)
            row.append(fmt_ratio(r))
        rows.append(row)
    geo = ["geomean"]
    for h in header[1:]:
        g = geomean(columns[h])
        geo.append(fmt_ratio(g) if (" vs " in h) else fmt_time(g))
    rows.append(geo)
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    print("\nmedian wall seconds per run (start-up included); ratio = other's time / this one's time (> 1: faster)")
    for name, label, got, want in mismatches:
        print(f"MISMATCH {name} {label}: {got!r} != {reference} {want!r}")
    for name in names:
        for label, why in failed[name].items():
            if why != "checksum differs from " + reference:
                print(f"FAILED {name} {label}: {why}")

    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {
                    "runs": args.runs,
                    "runtimes": runtimes,
                    "reference": reference,
                    "programs": {
                        n: {"times": times[n], "output": outputs[n], "failed": failed[n]} for n in names
                    },
                },
                f,
                indent=2,
            )
        print(f"raw figures written to {args.json}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
