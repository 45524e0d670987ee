#!/usr/bin/env bash
# Start-up: `pyrt -c pass` beside CPython 3.13 and 3.11 (`python3 -c pass`), one run after the
# other, in one go.
#
#   benches/startup.sh [RUNS]      # default 30 runs each; needs target/release/pyrt
#
# Wall time: median (and min) of RUNS runs, timed with bash's $EPOCHREALTIME around the
# command alone (no fork of a timer). Peak RSS: median of RUNS runs of `/usr/bin/time -f %M`
# (the kernel's maxrss of the child, KiB), in a separate loop so `time` does not add to the
# wall time. CPython runs as installed (site imported, as `python3 -c pass` does), and again
# with `-S -I` (no site, isolated), the closer match to what pyrt starts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-30}"
pyrt="${CARGO_TARGET_DIR:-$root/target}/release/pyrt"
[ -x "$pyrt" ] || { echo "build it first: cargo build --release -p pyrt-cli" >&2; exit 1; }
py313="$(PYENV_VERSION=3.13.0 pyenv which python3 2>/dev/null || true)"
py311="$(PYENV_VERSION=3.11.7 pyenv which python3 2>/dev/null || true)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

measure() { # <label> <command...>
    local label=$1 times=() rss=() t0 t1
    shift
    "$@" >/dev/null # warm the page cache
    for _ in $(seq "$runs"); do
        t0=$EPOCHREALTIME
        "$@" >/dev/null
        t1=$EPOCHREALTIME
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) * 1000}')")
    done
    for _ in $(seq "$runs"); do
        rss+=("$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)")
    done
    printf '%-26s wall median %6.2f ms  min %6.2f ms   peak RSS median %6d KiB\n' "$label" \
        "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
        "$(printf '%s\n' "${rss[@]}" | median)"
}

echo "startup, $runs runs each; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "pyrt -c pass" "$pyrt" -c pass
[ -n "$py313" ] && measure "CPython 3.13 -c pass" "$py313" -c pass
[ -n "$py313" ] && measure "CPython 3.13 -S -I -c pass" "$py313" -S -I -c pass
[ -n "$py311" ] && measure "CPython 3.11 -c pass" "$py311" -c pass
[ -n "$py311" ] && measure "CPython 3.11 -S -I -c pass" "$py311" -S -I -c pass
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
