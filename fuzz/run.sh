#!/usr/bin/env bash
# Fuzz pyrt's front end for SECONDS seconds in all (default 60), split evenly between the
# targets named (default: parse compile).
#   parse:   decode_source + tokenizer + parser (3 modes) + ast.dump
#   compile: decode_source + pyrt_compile::compile + disassembly
#
#   fuzz/run.sh 60               # what CI runs: 30 s each
#   fuzz/run.sh 3600 parse       # a longer session of one target; corpora in fuzz/corpus/<target> grow across runs
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer's instrumentation and AddressSanitizer
# use -Z flags: the stable compiler is used with RUSTC_BOOTSTRAP=1, which unlocks them.
# Seeds: a sample of CPython 3.13's standard library (every 7th .py file under 64 KiB) and every
# input of the golden SyntaxError corpus, written to fuzz/corpus/<target> on the first run.
# A crash leaves its input in fuzz/artifacts/<target>/ and makes this script exit non-zero.
set -euo pipefail
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parse compile)
per_target=$(( seconds / ${#targets[@]} ))
[ "$per_target" -ge 1 ] || per_target=1
cd "$(dirname "$0")"

# The stable toolchain with RUSTC_BOOTSTRAP=1 by default, so that every machine (CI has only
# stable) builds the same way; PYRT_FUZZ_NIGHTLY=1 uses a nightly toolchain instead.
if [ "${PYRT_FUZZ_NIGHTLY:-0}" = 1 ]; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo +stable fuzz)
fi

seed() { # seed DIR: stdlib sample + the golden corpus's inputs
    mkdir -p "$1"
    python3 - "${PYRT_FUZZ_STDLIB:-/root/.pyenv/versions/3.13.0/lib/python3.13}" "$1" \
        ../syntax/tests/syntax_errors/expected.jsonl <<'PY'
import hashlib, json, os, sys
stdlib, out, expected = sys.argv[1:]
def put(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
files = []
for root, dirs, names in os.walk(stdlib):
    dirs.sort()
    files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
for path in files[::7]:
    if os.path.getsize(path) < 65536:
        with open(path, "rb") as f:
            put(f.read())
with open(expected, encoding="utf-8") as f:
    for line in f:
        case = json.loads(line)
        if case["source"] is None:
            put(bytes.fromhex(case["source_bytes_hex"]))
        else:
            put(case["source"].encode("utf-8", "surrogatepass"))
print(f"seeded {out} with {len(os.listdir(out))} inputs", file=sys.stderr)
PY
}

for target in "${targets[@]}"; do
    corpus=corpus/$target
    if [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
        seed "$corpus"
    fi
    # -timeout: no input may take 10 s (a hang); -rss_limit_mb: nor need 2 GiB;
    # -max_len: large enough for most stdlib seeds.
    "${fuzz[@]}" run "$target" "$corpus" -- \
        -max_total_time="$per_target" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict=python.dict -print_final_stats=1
done
