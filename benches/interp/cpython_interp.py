"""CPython's figures for an interpreter with builtins and sys ready, beside pyrt's
`interp/create_ready_destroy_own` and `memory/idle_interpreter_ready`:

    PYENV_VERSION=3.13.0 python3 benches/interp/cpython_interp.py
    PYENV_VERSION=3.11.7 python3 benches/interp/cpython_interp.py

create_destroy: `_interpreters.create()` + `destroy()` (3.13; `_xxsubinterpreters` on 3.11),
which makes a sub-interpreter with its own GIL (3.13's default config: isolated) and its
builtins, sys and __main__; median of 7 rounds of 10. idle memory: resident growth per
interpreter with 20 kept (`/proc/self/statm`), after one `exec` of `pass` in each.
"""

import os
import statistics
import sys
import time

try:
    import _interpreters as interpreters
except ImportError:
    import _xxsubinterpreters as interpreters


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGESIZE")


def run(interp, source):
    if hasattr(interpreters, "run_string"):
        interpreters.run_string(interp, source)
    else:
        interpreters.exec(interp, source)


def main():
    version = "%d.%d" % sys.version_info[:2]
    rounds, per_round, kept = 7, 10, 20
    run(interpreters.create(), "pass")  # warm up
    per = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(per_round):
            interpreters.destroy(interpreters.create())
        per.append((time.perf_counter() - t0) / per_round)
    print(
        f"cpython{version}/interp_create_destroy: {statistics.median(per) * 1e3:.2f} ms "
        f"(median of {rounds} rounds of {per_round}; best {min(per) * 1e3:.2f} ms)"
    )
    before = resident_bytes()
    ids = []
    for _ in range(kept):
        i = interpreters.create()
        run(i, "pass")
        ids.append(i)
    print(f"cpython{version}/idle_interp_resident: {(resident_bytes() - before) // kept // 1024} KiB per interpreter ({kept} kept)")
    for i in ids:
        interpreters.destroy(i)


main()
