#!/usr/bin/env python3
"""A/B the CPU time of two or more `pyrt` binaries on the benchmark programs.

Wall time on a shared, loaded machine mostly measures the other processes; the CPU time a
process was charged (user + system, from `wait4`'s rusage) is much steadier. The binaries run
interleaved, program by program, and the script prints the median and minimum of each and the
last binary's ratio to the first.

    python3 tools/cpu_ab.py OLD_PYRT,NEW_PYRT fib_recursive,nbody -n 5

Use binaries of the same build profile (e.g. two non-LTO release builds).
"""

import argparse
import os
import statistics
import subprocess
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches" / "py"


def cpu_seconds(argv: list[str]) -> float:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} exited with status {status}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", help="comma-separated pyrt binaries; the first is the baseline")
    parser.add_argument("programs", help="comma-separated benchmark names (benches/py/NAME.py)")
    parser.add_argument("-n", type=int, default=5, help="runs of each binary per program")
    parser.add_argument("-X", action="append", default=[], help="passed to pyrt as -X (e.g. gil=0)")
    args = parser.parse_args()
    binaries = args.binaries.split(",")
    extra = [a for x in args.X for a in ("-X", x)]
    for program in args.programs.split(","):
        script = str(BENCHES / f"{program}.py")
        times: dict[str, list[float]] = {b: [] for b in binaries}
        for _ in range(args.n):
            for b in binaries:
                times[b].append(cpu_seconds([b, *extra, script]))
        base, last = times[binaries[0]], times[binaries[-1]]
        cells = "  ".join(f"{Path(b).name}: med {statistics.median(t):.3f} min {min(t):.3f}" for b, t in times.items())
        ratio = statistics.median(last) / statistics.median(base)
        print(f"{program:20s} {cells}  ratio(med) {ratio:.3f}", flush=True)


if __name__ == "__main__":
    main()
