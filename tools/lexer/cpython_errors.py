"""Print what CPython's compile() says about each source: one JSON object per input.

Input (stdin): a JSON list of source strings. Output (stdout): a JSON list of
{"ok": true} or {"type", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"},
plus "warnings": the SyntaxWarning messages compile() emitted.
Run with CPython 3.13: `PYENV_VERSION=3.13.0 python3 tools/lexer/cpython_errors.py < cases.json`.
"""
import json
import sys
import warnings


def probe(src):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<s>", "exec")
            out = {"ok": True}
        except SyntaxError as e:
            out = {
                "type": type(e).__name__,
                "msg": e.msg,
                "lineno": e.lineno,
                "offset": e.offset,
                "end_lineno": e.end_lineno,
                "end_offset": e.end_offset,
                "text": e.text,
            }
        except ValueError as e:
            out = {"type": "ValueError", "msg": str(e)}
    out["warnings"] = [str(w.message) for w in caught if issubclass(w.category, SyntaxWarning)]
    return out


json.dump([probe(s) for s in json.load(sys.stdin)], sys.stdout, indent=None)
print()
