# SyntaxError's fields: read from the arguments, assignable, used by str().
for src in ("1 +", "x = )", "def f(:\n  pass", "nonlocal x"):
    try:
        compile(src, "<fix>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, str(e))
e = SyntaxError("bad thing", ("file.py", 3, 4, "text", 3, 5))
print(str(e), e.msg, e.lineno, e.filename, e.text, e.end_offset)
e.msg = "changed"
e.lineno = 10
e.filename = "/a/b/other.py"
print(str(e), e.args)
e.lineno = "x"
print(str(e))
e.filename = None
print(str(e))
del e.msg
print(e.msg, str(e))
print(str(SyntaxError()), SyntaxError().msg, str(SyntaxError("only")), SyntaxError("only").lineno)
try:
    eval("(1, 2")
except SyntaxError as err:
    print(err.msg, err.lineno, err.offset, len(err.args))
try:
    exec("if x:\npass")
except IndentationError as err:
    print(type(err).__name__, err.msg, err.lineno)
