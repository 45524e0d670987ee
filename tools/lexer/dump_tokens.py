"""Dump CPython's token stream for many files, for the lexer's differential test.

Usage: python3 dump_tokens.py LIST OUT
LIST holds one file path a line. For each file, OUT gets a header line
`F <path>` followed by one line per token, `KIND SL SC EL EC` (lines 1-based, columns in
characters, as the tokenize module reports them, after translating \r\n and \r to \n as
compile() does). COMMENT, NL and ENCODING tokens are left out;
OP tokens are written as their exact type name (LPAR, NOTEQUAL, ...). A file that CPython
cannot tokenize, or that compile() rejects, gets `X <path> <message>` instead of tokens.

CPython 3.12+'s tokenize module is backed by the C tokenizer (extra_tokens mode), so this is
the token stream of the tokenizer that pyrt's lexer ports.
"""
import io
import sys
import tokenize
import token as tok
import warnings

SKIP = {tok.COMMENT, tok.NL, tok.ENCODING}


def dump(path, out):
    try:
        with open(path, "rb") as f:
            data = f.read()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
        if text.startswith("\ufeff"):
            text = text[1:]
        # compile() and import read sources with universal newlines (translate_newlines): the
        # tokenize module's readline would keep a lone "\r" inside a line.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = []
        for t in tokenize.generate_tokens(io.StringIO(text).readline):
            if t.type in SKIP:
                continue
            name = tok.tok_name[t.exact_type]
            lines.append(f"{name} {t.start[0]} {t.start[1]} {t.end[0]} {t.end[1]}\n")
        compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, UnicodeDecodeError, ValueError, tokenize.TokenError) as e:
        msg = str(e).replace("\n", " ")
        out.write(f"X {path} {type(e).__name__}: {msg}\n")
        return
    out.write(f"F {path}\n")
    out.writelines(lines)


def main():
    warnings.simplefilter("ignore")
    with open(sys.argv[1]) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    with open(sys.argv[2], "w") as out:
        for path in paths:
            dump(path, out)


if __name__ == "__main__":
    main()
