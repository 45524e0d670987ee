"""Measures bytecode parity with CPython 3.13 over the whole 3.13 standard library.

Run with CPython 3.13 after `cargo build --release -p pyrt-compile --example pyrt_dis`:
    PYENV_VERSION=3.13.0 python3 stdlib_parity.py [--positions] [--diff OUT] [LIMIT]
For every .py file CPython 3.13 compiles, the pyrt_dis output is split into code objects and
compared with `dis.dis` (same normalisation as gen_bytecode.py). Prints the share of identical
code objects and files (with --positions, also files whose every co_positions() matches);
with --diff, writes the differing code objects (first 400) to OUT.
"""
import collections, os, re, subprocess, sys, warnings

from gen_bytecode import disassemble, positions

ROOT = os.environ.get("PYRT_STDLIB", "/root/.pyenv/versions/3.13.0/lib/python3.13")
PYRT_DIS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../target/release/examples/pyrt_dis")


def sections(text):
    out = [""]
    for line in text.splitlines(keepends=True):
        if line.startswith("Disassembly of "):
            out.append("")
        out[-1] += line
    return [s.rstrip() for s in out]


def split_items(body):
    """Splits the items of a set display, respecting quotes and brackets."""
    items, depth, quote, cur, i = [], 0, None, "", 0
    while i < len(body):
        ch = body[i]
        if quote:
            cur += ch
            if ch == "\\":
                cur += body[i + 1]
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            cur += ch
        elif ch in "([{":
            depth += 1
            cur += ch
        elif ch in ")]}":
            depth -= 1
            cur += ch
        elif ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        items.append(cur.strip())
    return items


def sort_frozensets(text):
    """frozenset reprs list items in hash order, which string-hash randomisation changes."""
    def fix(m):
        return "frozenset({" + ", ".join(sorted(split_items(m.group(1)))) + "})"
    return re.sub(r"frozenset\(\{(.*?)\}\)(?=\)$)", fix, text, flags=re.M)


def first_opname(section):
    for line in section.splitlines():
        m = re.match(r"\s*(\d+|--)?\s*(L\d+:)?\s*([A-Z_]+)", line)
        if m and not line.startswith("Disassembly"):
            return m.group(3)
    return ""


def main():
    args = sys.argv[1:]
    diff_out = None
    check_positions = "--positions" in args
    args = [a for a in args if a != "--positions"]
    if args[:1] == ["--diff"]:
        diff_out, args = args[1], args[2:]
    limit = int(args[0]) if args else None
    warnings.simplefilter("ignore")
    files = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    files = files[:limit]
    total = same = files_same = files_done = pos_total = pos_same = 0
    pos_diffs = []
    diffs = []
    for path in files:
        try:
            src = open(path, "rb").read()
            want = sections(sort_frozensets(disassemble(src, path)))
        except (SyntaxError, ValueError):
            continue
        r = subprocess.run([PYRT_DIS, path], capture_output=True, text=True, errors="replace")
        got = sections(sort_frozensets(re.sub(r" at 0x[0-9a-f]+", " at 0x?", r.stdout))) if r.returncode == 0 else []
        files_done += 1
        ok = len(got) == len(want)
        # Match code objects by their header (qualified position), so one extra or missing
        # code object does not misalign the rest of the file.
        by_header = {}
        for g in got:
            by_header.setdefault(g.splitlines()[0] if g else "", []).append(g)
        per_file = 0
        for i, w in enumerate(want):
            total += 1
            header = w.splitlines()[0] if w else ""
            candidates = by_header.get(header, [])
            g = candidates.pop(0) if candidates else (got[i] if i < len(got) else r.stderr)
            if g == w:
                same += 1
            else:
                ok = False
                per_file += 1
                if len(diffs) < 600 and per_file <= 2:
                    diffs.append((path, w, g))
        files_same += ok
        if check_positions:
            want_pos = positions(src, path)
            rp = subprocess.run([PYRT_DIS, "--positions", path], capture_output=True, text=True, errors="replace")
            pos_total += 1
            if rp.stdout == want_pos:
                pos_same += 1
            elif len(pos_diffs) < 50:
                pos_diffs.append(path)
    print(f"code objects identical: {same}/{total} ({100 * same / max(total, 1):.2f}%)")
    print(f"files identical: {files_same}/{files_done} ({100 * files_same / max(files_done, 1):.2f}%)")
    if check_positions:
        print(f"files with identical co_positions everywhere: {pos_same}/{pos_total}")
        for p in pos_diffs[:20]:
            print("  positions differ:", p)
    if diff_out:
        with open(diff_out, "w") as f:
            for path, w, g in diffs:
                f.write(f"## {path}\n--- cpython\n{w}\n--- pyrt\n{g}\n\n")


if __name__ == "__main__":
    main()
