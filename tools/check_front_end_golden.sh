#!/usr/bin/env bash
# Check that the front end's stored CPython outputs are up to date, when CPython 3.13 is here:
#   * syntax/tests/syntax_errors/expected.jsonl (the golden SyntaxError corpus), 20-100 s;
#   * cli/tests/ast/*.out, *.err (`pyrt ast` golden outputs), ~1 s.
# Without CPython 3.13 it prints a notice and succeeds (the Rust tests need no Python).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! PYENV_VERSION=3.13.0 python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then
    echo "check_front_end_golden: CPython 3.13 is not available (PYENV_VERSION=3.13.0 python3); skipped"
    exit 0
fi
PYENV_VERSION=3.13.0 python3 syntax/tests/syntax_errors/generate.py --check
PYENV_VERSION=3.13.0 python3 tools/regen_cli_ast_golden.py --check
