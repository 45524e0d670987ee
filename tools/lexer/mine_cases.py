"""Mine tokenizer test cases from CPython's own test suite.

Usage: PYENV_VERSION=3.13.0 python3 tools/lexer/mine_cases.py > syntax/tests/data/lexer/mined.txt

Takes every string constant (up to 400 characters) of a few test modules of CPython 3.13 that
compile() either accepts or rejects with one of the tokenizer's messages, and writes it in the
format of gen_error_cases.py (source, type, msg, lineno, offset, end_lineno, end_offset).
Sources rejected with a parser message are left out: the lexer cannot be judged on them.
"""
import ast
import re
import sys
import warnings

sys.path.insert(0, __import__("os").path.dirname(__file__))
from gen_error_cases import esc, num  # noqa: E402

STDLIB = "/root/.pyenv/versions/3.13.0/lib/python3.13/test/"
MODULES = ["test_fstring.py", "test_syntax.py", "test_grammar.py", "test_string_literals.py", "test_eof.py",
           "test_exceptions.py", "test_tokenize.py", "test_unicode_identifiers.py", "test_utf8source.py",
           "test_pep646_syntax.py", "test_patma.py", "test_positional_only_arg.py", "test_type_params.py",
           "test_ast/test_ast.py", "test_compile.py", "test_float.py", "test_int_literal.py", "test_complex.py",
           "test_types.py", "test_keywords.py", "test_named_expressions.py", "test_genexps.py"]

TOKENIZER_MESSAGES = re.compile(
    r"invalid (decimal|hexadecimal|octal|binary|imaginary) literal|invalid digit|leading zeros|"
    r"invalid character|invalid non-printable character|unterminated|f-string: expecting '}'$|"
    r"f-string: single '}'|f-string: expressions nested too deeply|f-string: unmatched|too many nested|"
    r"^unmatched |closing parenthesis|was never closed|unexpected EOF while parsing|"
    r"unexpected character after line continuation|unindent does not match|inconsistent use of tabs|"
    r"too many levels of indentation|null bytes")


def main():
    warnings.simplefilter("ignore")
    seen = set()
    for module in MODULES:
        try:
            with open(STDLIB + module, encoding="utf-8") as f:
                tree = ast.parse(f.read())
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            src = node.value
            if len(src) > 400 or src in seen or "\t\t\t" in src:
                continue
            seen.add(src)
            try:
                compile(src, "<s>", "exec")
            except SyntaxError as e:
                if not TOKENIZER_MESSAGES.search(e.msg or ""):
                    continue
                fields = [esc(src), type(e).__name__, esc(e.msg), num(e.lineno), num(e.offset), num(e.end_lineno),
                          num(e.end_offset)]
            except Exception:
                continue
            else:
                fields = [esc(src), "ok", "", 0, 0, 0, 0]
            print("\t".join(map(str, fields)))


if __name__ == "__main__":
    main()
