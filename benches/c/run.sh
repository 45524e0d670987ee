#!/usr/bin/env bash
# Builds benches/c/cbench.c against pyrt's C library, CPython 3.11 (`python3-config --embed`)
# and CPython 3.13 (`PYENV_VERSION=3.13.0 python3-config --embed`), runs the three in one go and
# prints each figure per runtime with pyrt's ratio to each CPython (< 1: pyrt is faster/smaller).
#
#   benches/c/run.sh            # from the repository root or anywhere
#
# A runtime whose python3-config is missing is skipped with a notice.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${CARGO_TARGET_DIR:-$root/target}/cbench"
mkdir -p "$out"
cc="${CC:-cc}"
cflags=(-O2 -Wall -pthread)

echo "== building pyrt's C library (release)" >&2
(cd "$root" && cargo build --release -p pyrt-abi >&2)
lib="${CARGO_TARGET_DIR:-$root/target}/release"
"$cc" "${cflags[@]}" "$here/cbench.c" -I"$root/abi/include" -L"$lib" -lpyrt_abi -Wl,-rpath,"$lib" \
    -o "$out/cbench-pyrt"

build_cpython() { # <name> <env prefix...>
    local name=$1
    shift
    if ! env "$@" python3-config --prefix >/dev/null 2>&1; then
        echo "== $name: python3-config not available, skipped" >&2
        return 1
    fi
    # shellcheck disable=SC2046
    "$cc" "${cflags[@]}" "$here/cbench.c" $(env "$@" python3-config --includes) \
        $(env "$@" python3-config --embed --ldflags) -o "$out/cbench-$name"
}

runtimes=(pyrt)
build_cpython cpython3.11 PYENV_VERSION=3.11.7 && runtimes+=(cpython3.11)
build_cpython cpython3.13 PYENV_VERSION=3.13.0 && runtimes+=(cpython3.13)

for r in "${runtimes[@]}"; do
    echo "== running $r" >&2
    env -u LD_LIBRARY_PATH "$out/cbench-$r" >"$out/$r.txt"
done

# Table: one row per figure, one column per runtime, then pyrt / each CPython.
awk -v runtimes="${runtimes[*]}" '
    BEGIN { n = split(runtimes, rt, " ") }
    FNR == 1 { file++ }
    { value[$1, rt[file]] = $2; unit[$1] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++rows] = $1 } }
    END {
        printf "%-22s", "figure"
        for (i = 1; i <= n; i++) printf " %14s", rt[i]
        for (i = 2; i <= n; i++) printf " %16s", "pyrt/" rt[i]
        printf "\n"
        for (r = 1; r <= rows; r++) {
            k = order[r]
            printf "%-22s", k
            for (i = 1; i <= n; i++) printf " %10s %-3s", value[k, rt[i]], unit[k]
            for (i = 2; i <= n; i++) {
                d = value[k, rt[i]]
                if (d + 0 != 0) printf " %16.3g", value[k, "pyrt"] / d; else printf " %16s", "-"
            }
            printf "\n"
        }
    }' $(for r in "${runtimes[@]}"; do echo "$out/$r.txt"; done)
