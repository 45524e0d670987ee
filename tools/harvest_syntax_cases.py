"""Harvest invalid Python inputs from CPython 3.13's own test suite.

Run once (by hand) under CPython 3.13:

    PYENV_VERSION=3.13.0 python3 tools/harvest_syntax_cases.py > syntax/tests/syntax_errors/harvested.py

How: `compile`, `exec` and `eval` in `builtins` are wrapped so that every call that raises a
SyntaxError (or IndentationError / TabError) on a str or bytes source records that source and
mode; then the chosen test modules are run with unittest (test_syntax's doctests included).
Every recorded input is compiled again with a plain `compile(src, '<string>', mode)` and kept
only if it still raises a SyntaxError there (some tests pass flags or feature versions).
At most PER_MESSAGE inputs are kept per distinct message, so that the corpus covers many
messages rather than repeating a few; the output is a Python file listing the inputs, which
syntax/tests/syntax_errors/generate.py reads beside the hand-written cases.py.
"""
import builtins
import io
import sys
import unittest
import doctest
import importlib
import contextlib
import warnings

if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 13):
    sys.exit("harvest_syntax_cases.py must run under CPython 3.13")

MODULES = [
    "test.test_syntax", "test.test_exceptions", "test.test_fstring", "test.test_grammar",
    "test.test_eof", "test.test_unicode_identifiers", "test.test_string_literals",
    "test.test_positional_only_arg", "test.test_patma", "test.test_type_params",
    "test.test_genexps", "test.test_named_expressions", "test.test_keywordonlyarg",
    "test.test_global", "test.test_scope", "test.test_coroutines", "test.test_utf8source",
    "test.test_source_encoding", "test.test_flufl", "test.test_unparse", "test.test_compile",
    "test.test_ast.test_ast" if False else "test.test_ast", "test.test_listcomps",
    "test.test_setcomps", "test.test_dictcomps", "test.test_generators", "test.test_tokenize",
    "test.test_exception_group", "test.test_except_star", "test.test_type_aliases",
    "test.test_decorators", "test.test_with", "test.test_raise", "test.test_syntax",
    "test.test_future_stmt.test_future" if False else "test.test_future_stmt",
    "test.test_string", "test.test_unicode", "test.test_lambda" if False else "test.test_keyword",
    "test.test_class", "test.test_funcattrs", "test.test_named_expressions", "test.test_int_literal",
    "test.test_float", "test.test_complex", "test.test_opcodes", "test.test_peepholer",
]
PER_MESSAGE = 8
MAX_LEN = 1500

recorded = []
seen = set()
real_compile, real_exec, real_eval = builtins.compile, builtins.exec, builtins.eval


def record(source, mode):
    if mode == "single":
        # doctest compiles its examples in 'single' mode; keep them as modules unless only
        # 'single' rejects them (e.g. several statements).
        try:
            real_compile(source, "<string>", "exec")
        except SyntaxError:
            mode = "exec"
        except Exception:
            pass
    if isinstance(source, (str, bytes)) and mode in ("exec", "eval", "single"):
        key = (mode, source)
        if key not in seen:
            seen.add(key)
            recorded.append(key)


def wrap(real, default_mode):
    def wrapper(source, *args, **kwargs):
        try:
            return real(source, *args, **kwargs)
        except SyntaxError:
            if real is real_compile:
                mode = args[1] if len(args) > 1 else kwargs.get("mode")
            else:
                mode = default_mode
            record(source, mode)
            raise
    return wrapper


def run_module(name):
    try:
        module = importlib.import_module(name)
    except Exception:
        return
    loader = unittest.TestLoader()
    suite = loader.loadTestsFromModule(module)
    if name == "test.test_syntax":
        suite.addTests(doctest.DocTestSuite(module))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)


def main():
    builtins.compile = wrap(real_compile, None)
    builtins.exec = wrap(real_exec, "exec")
    builtins.eval = wrap(real_eval, "eval")
    try:
        for name in dict.fromkeys(MODULES):
            run_module(name)
    finally:
        builtins.compile, builtins.exec, builtins.eval = real_compile, real_exec, real_eval
    per_message = {}
    kept = []
    for mode, source in recorded:
        if len(source) > MAX_LEN:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                real_compile(source, "<string>", mode)
        except SyntaxError as e:
            msg = e.msg
        except Exception:
            continue
        else:
            continue
        if per_message.get(msg, 0) >= PER_MESSAGE:
            continue
        per_message[msg] = per_message.get(msg, 0) + 1
        kept.append((mode, source))
    print('"""Inputs harvested from CPython 3.13\'s test suite by tools/harvest_syntax_cases.py."""')
    print("# (mode, source); the family of each is given by generate.py's classifier.")
    print("HARVESTED = [")
    for mode, source in kept:
        print(f"    ({mode!r}, {source!r}),")
    print("]")


main()
