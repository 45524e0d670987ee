"""Generate the golden SyntaxError corpus (expected.jsonl) with CPython 3.13.

    PYENV_VERSION=3.13.0 python3 syntax/tests/syntax_errors/generate.py          # rewrite expected.jsonl
    PYENV_VERSION=3.13.0 python3 syntax/tests/syntax_errors/generate.py --check  # regenerate in memory, diff with expected.jsonl

Inputs come from cases.py (hand-written, tagged with their family) and harvested.py (taken from
CPython 3.13's test suite by tools/harvest_syntax_cases.py; their family is found from the message
by FAMILY_BY_MESSAGE below). For every input this script records what CPython 3.13 raises:

* `compile(src, '<string>', mode)` gives the class (SyntaxError / IndentationError / TabError),
  `msg`, `lineno`, `offset`, `end_lineno`, `end_offset` (None is written as null);
* the stage: `parse` when `ast.parse` alone already fails (tokenizer or parser), `symtable`
  when `symtable.symtable` fails (symbol table and `__future__` checks), else `compile`
  (code generation: e.g. too many statically nested blocks, except* with break);
* `text`, the error's source line as `compile(src, '<string>', mode)` gives it (null for errors
  the compiler raises: it reads the line from the file named, and there is none);
* for 'exec' inputs, `report`: what `python3.13 -I case.py` prints on stderr, with the path of
  the temporary file replaced by `case.py` (the golden output of SyntaxError::format_report),
  kept only when compiling the file raises the same error as compiling the string and stderr is
  `traceback.format_exception_only` of that error; `report_text` is that error's `text` (from a
  file it can differ from the string's: compiler errors read the line from the file, and the
  tokenizer's buffer differs for a few errors).

Every message of CATALOGUE (below) must have a case, or the script fails.

One JSON object per line, keys sorted, in input order; ids are the family plus the first 10 hex
digits of the SHA-1 of mode and source, so they do not move when cases are added. The output
depends only on the inputs and the interpreter: run it twice, get the same bytes.
"""
import argparse
import ast
import concurrent.futures
import difflib
import hashlib
import json
import os
import re
import runpy
import subprocess
import symtable
import sys
import tempfile
import traceback
import warnings

if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 13):
    sys.exit("generate.py must run under CPython 3.13 (e.g. PYENV_VERSION=3.13.0 python3 ...); "
             f"this is {sys.implementation.name} {sys.version.split()[0]}")

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected.jsonl")

# Harvested inputs get their family from their message: first match wins.
FAMILY_BY_MESSAGE = [
    (r"^Missing parentheses in call to", "invalid_legacy_expression"),
    (r"^cannot use (bound|constraints) with (TypeVarTuple|ParamSpec)", "invalid_type_param"),
    (r"^Type parameter list cannot be empty", "invalid_type_params"),
    (r"^'not' after an operator", "invalid_arithmetic"),
    (r"^expected 'else' after 'if' expression|^invalid syntax. Perhaps you forgot a comma|"
     r"^invalid syntax. Is this intended|^expected expression|lambda expressions are not allowed",
     "invalid_expression"),
    (r"^(cannot use assignment expressions with|invalid syntax. Maybe you meant '==' or ':='|"
     r"cannot assign to .* here. Maybe you meant)", "invalid_named_expression"),
    (r"^(only single target|illegal target for annotation|assignment to yield expression|"
     r".* is an illegal expression for augmented assignment)", "invalid_assignment"),
    (r"^cannot delete", "invalid_del_stmt"),
    (r"^(iterable argument unpacking follows|Generator expression must be parenthesized|"
     r"expected argument value expression|positional argument follows)", "invalid_arguments"),
    (r"^(expression cannot contain assignment|cannot assign to keyword argument unpacking)", "invalid_kwarg"),
    (r"^(at least one argument must precede|/ may appear only once|/ must be ahead of|"
     r"parameter without a default follows|Function parameters cannot be|expected comma between / and \*)",
     "invalid_parameters"),
    (r"^Lambda expression parameters cannot be", "invalid_lambda_parameters"),
    (r"^expected default value expression", "invalid_default"),
    (r"^(named arguments must follow bare|var-positional argument cannot have|\* argument may appear)",
     "invalid_star_etc"),
    (r"^(var-keyword argument cannot have|arguments cannot follow var-keyword)", "invalid_kwds"),
    (r"^did you forget parentheses around the comprehension target", "invalid_comprehension"),
    (r"^dict unpacking cannot be used in dict comprehension", "invalid_dict_comprehension"),
    (r"^'in' expected after for-loop variables", "invalid_for_if_clause"),
    (r"^(cannot use starred expression here|cannot use double starred)", "invalid_group"),
    (r"^(Did you mean to use 'from ... import ...'|Expected one or more names after 'import')", "invalid_import"),
    (r"^trailing comma not allowed without surrounding", "invalid_import_from_targets"),
    (r"^expected an indented block after 'with'", "invalid_with_stmt_indent"),
    (r"^expected an indented block after 'try'|^expected 'except' or 'finally'|^cannot have both 'except'",
     "invalid_try_stmt"),
    (r"^multiple exception types must be parenthesized", "invalid_except_stmt"),
    (r"^expected one or more exception types", "invalid_except_star_stmt"),
    (r"^expected an indented block after 'finally'", "invalid_finally_stmt"),
    (r"^expected an indented block after 'except\*'", "invalid_except_star_stmt_indent"),
    (r"^expected an indented block after 'except'", "invalid_except_stmt_indent"),
    (r"^expected an indented block after 'match'", "invalid_match_stmt"),
    (r"^expected an indented block after 'case'", "invalid_case_block"),
    (r"^(cannot use '_' as a target|invalid pattern target)", "invalid_as_pattern"),
    (r"^positional patterns follow keyword patterns", "invalid_class_pattern"),
    (r"^expected an indented block after 'if'", "invalid_if_stmt"),
    (r"^expected an indented block after 'elif'", "invalid_elif_stmt"),
    (r"^expected an indented block after 'else'", "invalid_else_stmt"),
    (r"^expected an indented block after 'while'", "invalid_while_stmt"),
    (r"^expected an indented block after 'for'", "invalid_for_stmt"),
    (r"^expected an indented block after function", "invalid_def_raw"),
    (r"^expected an indented block after class", "invalid_class_def_raw"),
    (r"^expected an indented block$", "invalid_block"),
    (r"^(':' expected after dictionary key|expression expected after dictionary key|"
     r"cannot use a starred expression in a dictionary)", "invalid_double_starred_kvpairs"),
    (r"^Invalid star expression", "invalid_starred_expression"),
    (r"^f-string: (valid expression required|expecting)", "invalid_replacement_field"),
    (r"^f-string: (missing conversion|invalid conversion|conversion type must)", "invalid_conversion_character"),
    (r"^f-string", "tokenizer_fstring"),
    (r"^(unterminated (triple-quoted )?(f-)?string|EOL while|EOF while)", "tokenizer_unterminated_string"),
    (r"^('.' was never closed|unexpected EOF)", "tokenizer_eof"),
    (r"^(unmatched|closing parenthesis|too many nested parentheses)", "tokenizer_brackets"),
    (r"(literal|in complex literal|leading zeros)", "tokenizer_numbers"),
    (r"^invalid (non-printable )?character", "tokenizer_invalid_character"),
    (r"^unexpected character after line continuation", "tokenizer_line_continuation"),
    (r"^(unexpected indent|unindent does not match|inconsistent use of tabs|expected an indented)",
     "tokenizer_indentation"),
    (r"^too many levels of indentation", "tokenizer_too_deep"),
    (r"^\(unicode error\)|^bytes can only contain ASCII|^cannot mix bytes", "string_parser"),
    (r"null bytes", "tokenizer_null_bytes"),
    (r"(codec can't decode|unknown encoding|encoding problem)", "tokenizer_decoding"),
    (r"^(future feature|from __future__ imports must|not a chance)", "compiler_future"),
    (r"(global|nonlocal)", "symtable_global_nonlocal"),
    (r"outside (async )?function|inside async function", "symtable_outside_function"),
    (r"^'yield' inside", "symtable_yield_in_comprehension"),
    (r"outside loop|not properly in loop", "symtable_loops"),
    (r"^(duplicate argument|keyword argument repeated)", "symtable_arguments"),
    (r"(cannot be used within an annotation)", "symtable_annotations"),
    (r"(type parameter|TypeVar|ParamSpec|type alias|definition of a generic)", "symtable_type_params"),
    (r"assignment expression", "symtable_named_expr"),
    (r"^import \* only allowed", "symtable_misc"),
    (r"^cannot assign to|^cannot use", "invalid_assignment"),
    (r"^expected ':'|^expected '\('|invalid syntax|^multiple statements found", "generic_syntax_error"),
]


# Every error message of CPython 3.13's tokenizer, string parser, pegen helpers, symbol table,
# compiler and __future__ handling that source text can reach (regular expressions; %-formats
# become .*). generate.py fails when one of them has no case.
CATALOGUE = {
    "Parser/lexer": [
        r"^invalid digit '.' in (octal|binary) literal$", r"^invalid decimal literal$",
        r"^invalid hexadecimal literal$", r"^invalid octal literal$", r"^invalid binary literal$",
        r"^invalid imaginary literal$", r"^leading zeros in decimal integer literals are not permitted",
        r"^unterminated string literal \(detected at line \d+\)$",
        r"^unterminated string literal \(detected at line \d+\); perhaps you escaped the end quote\?$",
        r"^unterminated triple-quoted string literal \(detected at line \d+\)$",
        r"^unterminated f-string literal \(detected at line \d+\)$",
        r"^unterminated triple-quoted f-string literal \(detected at line \d+\)$",
        r"^unexpected character after line continuation character$", r"^unexpected EOF while parsing$",
        r"^invalid character '.' \(U\+[0-9A-F]{4,}\)$", r"^invalid non-printable character U\+[0-9A-F]{4,}$",
        r"^unmatched '[)\]}]'$", r"^closing parenthesis '.' does not match opening parenthesis '.'$",
        r"^closing parenthesis '.' does not match opening parenthesis '.' on line \d+$",
        r"^too many nested parentheses$", r"^'[(\[{]' was never closed$",
        r"^inconsistent use of tabs and spaces in indentation$",
        r"^unindent does not match any outer indentation level$", r"^too many levels of indentation$",
        r"^unexpected indent$", r"^f-string: expressions nested too deeply$",
        r"^f-string: single '}' is not allowed$", r"^f-string: expecting '}'$",
        r"^f-string: unmatched '.'$", r"^too many nested f-strings$",
        r"^source code string cannot contain null bytes$",
    ],
    "Parser/tokenizer, decoding": [
        r"^unknown encoding: ", r"^encoding problem: .* with BOM$", r"^\(unicode error\) 'utf-8' codec can't decode",
    ],
    "Parser/string_parser.c": [
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: truncated \\xXX escape$",
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: truncated \\uXXXX escape$",
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: truncated \\UXXXXXXXX escape$",
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: malformed \\N character escape$",
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: unknown Unicode character name$",
        r"^\(unicode error\) 'unicodeescape' codec can't decode bytes in position .*: illegal Unicode character$",
        r"^\(value error\) invalid \\x escape at position \d+$",
        r"^bytes can only contain ASCII literal characters$",
    ],
    "Parser/action_helpers.c, pegen": [
        r"^cannot mix bytes and nonbytes literals$", r"^Generator expression must be parenthesized$",
        r"^positional argument follows keyword argument unpacking$",
        r"^positional argument follows keyword argument$",
        r"^iterable argument unpacking follows keyword argument unpacking$",
        r"^f-string: invalid conversion character '.*': expected 's', 'r', or 'a'$",
        r"^f-string: conversion type must come right after the exclamanation mark$",
        r"^imaginary number required in complex literal$", r"^real number required in complex literal$",
        r"^Exceeds the limit \(4300 digits\) for integer string conversion",
        r"^invalid syntax$", r"^expected ':'$", r"^expected '\('$", r"^multiple statements found while compiling a single statement$",
        r"^cannot assign to ", r"^cannot delete ", r"^Invalid star expression$",
        r"^cannot use starred expression here$", r"^cannot use double starred expression here$",
        r"^'.*' is an illegal expression for augmented assignment$",
    ],
    "Python/symtable.c": [
        r"^name '.*' is parameter and global$", r"^name '.*' is parameter and nonlocal$",
        r"^name '.*' is assigned to before global declaration$",
        r"^name '.*' is assigned to before nonlocal declaration$",
        r"^name '.*' is used prior to global declaration$", r"^name '.*' is used prior to nonlocal declaration$",
        r"^annotated name '.*' can't be global$", r"^annotated name '.*' can't be nonlocal$",
        r"^name '.*' is nonlocal and global$", r"^nonlocal declaration not allowed at module level$",
        r"^no binding for nonlocal '.*' found$", r"^nonlocal binding not allowed for type parameter '.*'$",
        r"^import \* only allowed at module level$", r"^duplicate argument '.*' in function definition$",
        r"^duplicate type parameter '.*'$",
        r"^assignment expression within a comprehension cannot be used in a class body$",
        r"^assignment expression cannot rebind comprehension iteration variable '.*'$",
        r"^comprehension inner loop cannot rebind assignment expression target '.*'$",
        r"^assignment expression cannot be used in a comprehension iterable expression$",
        r"^assignment expression within a comprehension cannot be used in a (TypeVar bound|type alias|definition of a generic)",
        r"^'yield' inside (list|set|dict) comprehension$", r"^'yield' inside generator expression$",
        r"^(yield|await|named) expression cannot be used within (an annotation|a TypeVar bound|a type alias|the definition of a generic)$",
        r"^asynchronous comprehension outside of an asynchronous function$",
        r"^'await' outside (async )?function$",
    ],
    "Python/compile.c": [
        r"^'return' outside function$", r"^'return' with value in async generator$",
        r"^'yield' outside function$", r"^'yield from' outside function$", r"^'yield from' inside async function$",
        r"^'break' outside loop$", r"^'continue' not properly in loop$", r"^default 'except:' must be last$",
        r"^'break', 'continue' and 'return' cannot appear in an except\* block$",
        r"^too many statically nested blocks$", r"^starred assignment target must be in a list or tuple$",
        r"^multiple starred expressions in assignment$", r"^too many expressions in star-unpacking assignment$",
        r"^can't use starred expression here$", r"^'async with' outside async function$",
        r"^'async for' outside async function$", r"^wildcard makes remaining patterns unreachable$",
        r"^name capture '.*' makes remaining patterns unreachable$",
        r"^multiple assignments to name '.*' in pattern$", r"^alternative patterns bind different names$",
        r"^attribute name repeated in class pattern: ", r"^mapping pattern checks duplicate key \(",
        r"^mapping pattern keys may only match literals and attribute lookups$",
        r"^multiple starred names in sequence pattern$", r"^keyword argument repeated: ",
        r"^cannot assign to __debug__$", r"^cannot delete __debug__$",
    ],
    "Python/future.c": [
        r"^future feature .* is not defined$", r"^not a chance$",
        r"^from __future__ imports must occur at the beginning of the file$",
    ],
}


def uncovered_catalogue(messages):
    """Catalogue entries no recorded message matches."""
    return [f"{where}: {pattern}" for where, patterns in CATALOGUE.items() for pattern in patterns
            if not any(re.search(pattern, m) for m in messages)]


def family_of(msg):
    for pattern, family in FAMILY_BY_MESSAGE:
        if re.search(pattern, msg):
            return family
    return "compiler_misc"


def load_inputs():
    """(family, mode, source) in a fixed order: cases.py, then harvested.py; duplicates dropped."""
    cases = runpy.run_path(os.path.join(HERE, "cases.py"))["CASES"]
    harvested = runpy.run_path(os.path.join(HERE, "harvested.py"))["HARVESTED"]
    out, seen = [], set()
    for family, entries in cases.items():
        for entry in entries:
            mode, source = entry if isinstance(entry, tuple) else ("exec", entry)
            if (mode, source) not in seen:
                seen.add((mode, source))
                out.append((family, mode, source))
    for mode, source in harvested:
        if (mode, source) not in seen:
            seen.add((mode, source))
            out.append((None, mode, source))
    return out


def raised_by(fn):
    """The SyntaxError `fn()` raises, None if it returns, or the other exception it raises."""
    try:
        fn()
    except SyntaxError as e:
        return e
    except Exception as e:  # ValueError, RecursionError, MemoryError: not corpus material
        return e
    return None


def fields(e):
    return {
        "class": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
        "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text,
    }


def case_id(family, mode, source):
    raw = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(mode.encode() + b"\0" + raw).hexdigest()
    return family + "-" + digest[:10]


def file_report(index, source, expected_fields, workdir):
    """stderr of `python3.13 -I case.py` for `source`, or None when it is not comparable."""
    raw = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    case_dir = os.path.join(workdir, str(index))
    os.mkdir(case_dir)
    path = os.path.join(case_dir, "case.py")
    with open(path, "wb") as f:
        f.write(raw)
    # The error compiling the file by its path raises: as from the string, except that `text`
    # is read from the file when the compiler (not the parser) raises it.
    e = raised_by(lambda: compile(raw, path, "exec"))
    if not isinstance(e, SyntaxError):
        return None
    if fields(e) != {**expected_fields, "text": e.text}:
        return None
    expected = "".join(traceback.format_exception_only(e)).replace(path, "case.py")
    env = {"PATH": os.environ.get("PATH", ""), "PYTHON_COLORS": "0", "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}
    run = subprocess.run([sys.executable, "-I", "-W", "ignore", path], cwd=case_dir, env=env,
                         capture_output=True, timeout=60)
    stderr = run.stderr.decode("utf-8", "backslashreplace").replace(path, "case.py")
    # Keep only reports that print that error: running a file can fail differently (decoding
    # fails before tokenizing, or `text` is another line's).
    return (stderr, e.text) if run.returncode == 1 and stderr == expected else None


def generate():
    records = []
    problems = []
    for family, mode, source in load_inputs():
        e = raised_by(lambda: compile(source, "<string>", mode))
        if not isinstance(e, SyntaxError):
            if family is not None:
                problems.append(f"cases.py [{family}] {source!r:.200} ({mode}): "
                                f"{'accepted' if e is None else type(e).__name__}")
            continue
        f = fields(e)
        family = family or family_of(e.msg)
        if isinstance(raised_by(lambda: ast.parse(source, mode=mode)), SyntaxError):
            stage = "parse"
        elif isinstance(raised_by(lambda: symtable.symtable(source, "<string>", mode)), SyntaxError):
            stage = "symtable"
        else:
            stage = "compile"
        record = {"id": case_id(family, mode, source), "family": family, "mode": mode, "stage": stage, **f}
        if isinstance(source, bytes):
            record["source"] = None
            record["source_bytes_hex"] = source.hex()
        else:
            record["source"] = source
        records.append((record, (source, f) if mode == "exec" else None))
    if problems:
        sys.exit("inputs that are not SyntaxErrors under CPython 3.13:\n  " + "\n  ".join(problems))
    missing = uncovered_catalogue({record["msg"] for record, _ in records})
    if missing:
        sys.exit("catalogue messages without a case (add one to cases.py):\n  " + "\n  ".join(missing))

    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(file_report, i, *entry, workdir) if entry is not None else None
                   for i, (_, entry) in enumerate(records)]
        for (record, _), fut in zip(records, futures):
            record["report"], record["report_text"] = (fut and fut.result()) or (None, None)
    return "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r, _ in records)


def summary(text):
    rows = [json.loads(line) for line in text.split("\n") if line]
    by_stage, by_family = {}, {}
    for r in rows:
        by_stage[r["stage"]] = by_stage.get(r["stage"], 0) + 1
        by_family[r["family"]] = by_family.get(r["family"], 0) + 1
    lines = [f"{len(rows)} cases; by stage: " + ", ".join(f"{k} {v}" for k, v in sorted(by_stage.items())),
             f"{len(by_family)} families; with a report: {sum(r['report'] is not None for r in rows)}"]
    return "\n".join(lines)


def main():
    # SyntaxWarnings are not errors and not part of the corpus (set once: the report threads
    # compile too, and warnings.catch_warnings is not thread-safe).
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="regenerate and diff with expected.jsonl")
    args = parser.parse_args()
    text = generate()
    if args.check:
        with open(EXPECTED, encoding="utf-8") as f:
            old = f.read()
        if old != text:
            diff = difflib.unified_diff(old.split("\n"), text.split("\n"), "expected.jsonl", "regenerated",
                                        lineterm="", n=0)
            sys.stdout.writelines(line[:300] + "\n" for line in list(diff)[:60])
            sys.exit("expected.jsonl is stale: run generate.py under CPython 3.13")
        print("expected.jsonl is up to date;", summary(text))
        return
    with open(EXPECTED, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", EXPECTED + ";", summary(text))


main()
