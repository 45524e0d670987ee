"""Regenerate syntax/tests/data/snippets_ast_3.13.txt for syntax/tests/parser_snippets.rs.

Takes every string constant (up to 2000 characters, with at least one non-space character) of
CPython 3.13's own parser-related test modules, and records what CPython 3.13's `ast.parse`
gives for it in "exec" mode — the sha256 of `ast.dump(tree, include_attributes=True)`, or the
exception — so that the parser is compared with CPython on thousands of edge cases written by
CPython's developers. One tab-separated line per snippet (source escaped as in
gen_parser_cases.py):

    <escaped source> OK <sha256 of the dump with positions>
    <escaped source> ERR <type> <msg> <lineno> <offset> <end_lineno> <end_offset>

Run with CPython 3.13:  PYENV_VERSION=3.13.0 python3 syntax/scripts/gen_snippets_manifest.py
"""
import ast
import hashlib
import os
import sys
import warnings

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"
warnings.simplefilter("ignore")
TESTS = "/root/.pyenv/versions/3.13.0/lib/python3.13/test/"
MODULES = ["test_grammar.py", "test_syntax.py", "test_fstring.py", "test_patma.py", "test_ast/test_ast.py",
           "test_exceptions.py", "test_positional_only_arg.py", "test_type_params.py", "test_type_aliases.py",
           "test_named_expressions.py", "test_genexps.py", "test_string_literals.py", "test_unparse.py",
           "test_compile.py", "test_keywords.py", "test_pep646_syntax.py", "test_unicode_identifiers.py",
           "test_eof.py", "test_syntax.py", "test_listcomps.py", "test_setcomps.py", "test_dictcomps.py",
           "test_decorators.py", "test_with.py", "test_except_star.py", "test_coroutines.py", "test_future_stmt/test_future.py"]


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    seen = set()
    lines = []
    for module in MODULES:
        path = TESTS + module
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            src = node.value
            if not src.strip() or len(src) > 2000 or src in seen or "\0" in src:
                continue
            try:
                src.encode("utf-8")
            except UnicodeEncodeError:
                continue
            seen.add(src)
            try:
                dump = ast.dump(ast.parse(src), include_attributes=True)
                digest = hashlib.sha256(dump.encode("utf-8", "surrogatepass")).hexdigest()
                lines.append("\t".join([esc(src), "OK", digest]))
            except SyntaxError as e:
                fields = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
                lines.append("\t".join([esc(src), "ERR"] + [esc(str(x)) for x in fields]))
            except (ValueError, MemoryError, RecursionError):
                continue
    out = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "snippets_ast_3.13.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(len(lines), "snippets;", sum("\tERR\t" in l for l in lines), "rejected")


main()
