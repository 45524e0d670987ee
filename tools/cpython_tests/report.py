"""Drive run.py over CPython's test files under pyrt and under CPython 3.13; print the table.

Run with any CPython >= 3.8 (the driver itself needs the standard library):

    python3 tools/cpython_tests/report.py                      # all files, both interpreters
    python3 tools/cpython_tests/report.py --only pyrt test_int  # one file, pyrt only
    python3 tools/cpython_tests/report.py --failures FAILURES.md

Each file runs in its own interpreter process (`run.py --stream`), which prints a
START and an END line around every test. If the process dies (panic, abort,
signal) or a test exceeds the per-test timeout (a hang), the test that had
started without ending is counted as errored ("crash"/"hang") and the file is
resumed in a new process after that test (`run.py --after`), so one crash never
takes the other tests' counts down with it.
"""

import argparse
import collections
import os
import queue
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUN_PY = os.path.join(HERE, "run.py")
PREFIX = "##CPYT "
CPYTHON_313 = os.environ.get("CPYT_CPYTHON", "/root/.pyenv/versions/3.13.0/bin/python3.13")

FILES = [
    "test_int",
    "test_float",
    "test_list",
    "test_dict",
    "test_set",
    "test_str",
    "test_tuple",
    "test_range",
    "test_bool",
    "test_class",
    "test_descr",
    "test_exceptions",
    "test_generators",
    "test_scope",
    "test_grammar",
]

COUNT_KEY = {"pass": "passed", "xfail": "passed", "fail": "failed", "xpass": "failed", "error": "errored", "skip": "skipped"}


def interpreter_command(kind, pyrt):
    if kind == "pyrt":
        return [pyrt], dict(os.environ)
    # The 3.13 binary by path: under a pyenv-run driver, `python3` on PATH is the driver's own version.
    return [CPYTHON_313], dict(os.environ)


def _reader(stream, lines):
    for line in stream:
        lines.put(line)
    lines.put(None)


def _crash_message(err_lines):
    """The panic message (and its next line) or the fatal error from pyrt's stderr, else its last lines."""
    for index, line in enumerate(err_lines):
        if "panicked at" in line or "fatal runtime error" in line:
            return " ".join(l.strip() for l in err_lines[index : index + 2])
    return "".join(err_lines[-3:]).strip().replace("\n", " | ")


def run_segment(cmd, env, name, after, test_timeout, load_timeout):
    """One interpreter process from `after` on. Returns (results, summary, crash, loaderror)."""
    args = cmd + [RUN_PY, "--stream", name]
    if after is not None:
        args += ["--after", after]
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace"
    )
    lines = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    err_lines = []
    threading.Thread(target=lambda: err_lines.extend(proc.stderr), daemon=True).start()
    results = []
    summary = None
    loaderror = None
    current = None
    deadline = time.monotonic() + load_timeout
    hung = False
    while True:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            hung = True
            proc.kill()
            break
        if line is None:
            break
        line = line.rstrip("\n")
        if line.startswith(PREFIX + "START "):
            current = line[len(PREFIX + "START ") :]
            deadline = time.monotonic() + test_timeout
        elif line.startswith(PREFIX + "END "):
            rest = line[len(PREFIX + "END ") :]
            test_id, outcome, detail = (rest.split(" ", 2) + ["", ""])[:3]
            results.append((test_id, outcome, detail))
            current = None
            deadline = time.monotonic() + test_timeout
        elif line.startswith("SUMMARY "):
            summary = dict(item.split("=") for item in line.split()[2:])
        elif line.startswith("LOADERROR "):
            loaderror = line.split(" ", 2)[2] if line.count(" ") >= 2 else line
    proc.wait()
    crash = None
    if summary is None:
        tail = _crash_message(err_lines)
        if hung:
            crash = (current, "hang", "no progress for %ss" % (test_timeout if current else load_timeout))
        else:
            crash = (current, "crash", "exit status %s: %s" % (proc.returncode, tail[-300:]))
    return results, summary, crash, loaderror


def run_file(kind, pyrt, name, test_timeout=60, load_timeout=120):
    cmd, env = interpreter_command(kind, pyrt)
    results = []
    after = None
    collected = None
    loaderror = None
    for _attempt in range(200):
        seg_results, summary, crash, seg_loaderror = run_segment(cmd, env, name, after, test_timeout, load_timeout)
        results.extend(seg_results)
        if seg_loaderror:
            loaderror = seg_loaderror
        if summary is not None:
            collected = int(summary["collected"])
            break
        test_id, outcome, detail = crash
        if test_id is None:
            # died while loading the file or between tests: nothing left to resume from
            if seg_results:
                after = seg_results[-1][0]
                loaderror = "%s after %s: %s" % (outcome, after, detail)
            else:
                loaderror = "%s while loading: %s" % (outcome, detail)
            break
        results.append((test_id, outcome, detail))
        after = test_id
    counts = collections.Counter()
    for _test_id, outcome, _detail in results:
        counts[COUNT_KEY.get(outcome, "errored")] += 1
    if collected is None:
        collected = len(results)
    return {"collected": collected, "counts": counts, "results": results, "loaderror": loaderror}


def failure_key(detail):
    """Group failures by exception and message, without the location suffix."""
    text = detail.split(" [", 1)[0]
    return text[:160]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", default=FILES)
    parser.add_argument("--pyrt", default=os.path.join(ROOT, "target", "release", "pyrt"))
    parser.add_argument("--only", choices=["pyrt", "cpython"])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one test may run (default 60)")
    parser.add_argument("--failures", help="write the grouped pyrt failures to this markdown file")
    parser.add_argument("-v", action="store_true", help="print every non-passing pyrt test")
    opts = parser.parse_args()
    kinds = [opts.only] if opts.only else ["pyrt", "cpython"]
    table = []
    all_results = {}
    for name in opts.files:
        row = {"file": name}
        for kind in kinds:
            started = time.monotonic()
            res = run_file(kind, opts.pyrt, name, test_timeout=opts.timeout)
            res["seconds"] = time.monotonic() - started
            row[kind] = res
            all_results.setdefault(kind, {})[name] = res
            c = res["counts"]
            print(
                "%-16s %-8s collected=%4d passed=%4d failed=%4d errored=%4d skipped=%4d  %5.1fs%s"
                % (name, kind, res["collected"], c["passed"], c["failed"], c["errored"], c["skipped"], res["seconds"],
                   "  LOAD: " + res["loaderror"] if res["loaderror"] else ""),
                flush=True,
            )
        table.append(row)
    print()
    header = "| file | collected | " + " | ".join("passed (%s)" % k for k in kinds) + " |"
    print(header)
    print("|" + "---|" * (2 + len(kinds)))
    totals = collections.Counter()
    for row in table:
        collected = max(row[k]["collected"] for k in kinds)
        totals["collected"] += collected
        cells = []
        for k in kinds:
            passed = row[k]["counts"]["passed"]
            totals[k] += passed
            cells.append(str(passed))
        print("| %s | %d | %s |" % (row["file"], collected, " | ".join(cells)))
    print("| **total** | %d | %s |" % (totals["collected"], " | ".join(str(totals[k]) for k in kinds)))
    if "pyrt" in all_results:
        groups = collections.defaultdict(list)
        for name, res in all_results["pyrt"].items():
            for test_id, outcome, detail in res["results"]:
                if outcome in ("fail", "error", "xpass", "crash", "hang"):
                    groups[(outcome if outcome in ("crash", "hang") else "", failure_key(detail))].append(
                        (name + ":" + test_id, detail)
                    )
            if res["loaderror"]:
                groups[("load", failure_key(res["loaderror"]))].append((name, res["loaderror"]))
        ordered = sorted(groups.items(), key=lambda item: -len(item[1]))
        if opts.v:
            for (kind, key), tests in ordered:
                print("%4d  %s%s" % (len(tests), "[%s] " % kind if kind else "", key))
                for test, detail in tests[:3]:
                    print("        %s  %s" % (test, detail[len(key) :][:200]))
        if opts.failures:
            with open(opts.failures, "w") as out:
                out.write("# Raw pyrt failures grouped by message (generated by report.py)\n\n")
                for (kind, key), tests in ordered:
                    out.write("- %d x %s`%s`\n" % (len(tests), "**%s** " % kind if kind else "", key.replace("`", "'")))
                    for test, detail in tests[:3]:
                        out.write("  - %s %s\n" % (test, detail[len(key) :][:200].replace("`", "'")))


if __name__ == "__main__":
    main()
