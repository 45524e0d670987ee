#!/usr/bin/env bash
# Fuzz pyrt's front end (tokenizer + parser + ast.dump) for SECONDS seconds (default 60).
#
#   fuzz/run.sh 60          # what CI runs
#   fuzz/run.sh 3600        # a longer session; the corpus in fuzz/corpus/parse grows across runs
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (libFuzzer's
# instrumentation and AddressSanitizer use -Z flags). Without nightly, the stable compiler is
# used with RUSTC_BOOTSTRAP=1, which unlocks the same flags.
# Seeds: a sample of CPython 3.13's standard library (every 7th .py file under 64 KiB) and every
# input of the golden SyntaxError corpus, written to fuzz/corpus/parse on the first run.
# A crash leaves its input in fuzz/artifacts/parse/ and makes this script exit non-zero.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")"

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi

corpus=corpus/parse
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
    mkdir -p "$corpus"
    stdlib=${PYRT_FUZZ_STDLIB:-/root/.pyenv/versions/3.13.0/lib/python3.13}
    python3 - "$stdlib" "$corpus" ../syntax/tests/syntax_errors/expected.jsonl <<'PY'
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
        put(bytes.fromhex(case["source_bytes_hex"]) if case["source"] is None else case["source"].encode("utf-8", "surrogatepass"))
print(f"seeded {len(os.listdir(out))} inputs", file=sys.stderr)
PY
fi

# -rss_limit_mb: a parse must not need more; -timeout: no input may take 10 s (a hang);
# -max_len: large enough for most stdlib seeds.
"${fuzz[@]}" run parse "$corpus" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=python.dict -print_final_stats=1
