x = 1
s = """abc
\d and \q"""
b = b'\d'
o = '\777 \8'
print(x is 1, x is not "a", () is x, x is -1, x is None, x is ..., x is (1,2), x is [1], x is {1}, x is f"a")
def f():
    return (1)(2), [1](0), "a"[1,2], [1,2][1,2], (1,2)["x"], {1:2}[1], {1}[0]
assert (x, "msg")
y = 1if x else 2
print(f"{x!r}" is x)
def g(x):
    return [
        x is 1,
        x is not 2]
print(g(1))
print(not x is 1)
if x is 1 < 2:
    pass
y = True[0] if 0 else 0, (lambda: 1)[0] if 0 else 0, "abc"[1], [x][:1], "ab"[x]
z = f"{x}"() if 0 else 0, {}() if 0 else 0, {1: 2}[1], b"x"[None] if 0 else 0, [1][1.5] if 0 else 0
exec("print(1 is 1)")
print(eval("() is ()", {}))
code = compile("assert (1, 'm')\nq = 2 is not 3", "<test>", "exec")
exec(code)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("x = 'a\\k'", "<rec>", "exec")
print([(str(m.message), m.category.__name__, m.filename, m.lineno) for m in w])
with warnings.catch_warnings():
    warnings.simplefilter("error", SyntaxWarning)
    try:
        compile("1 is 1", "<err>", "eval")
    except SyntaxWarning as e:
        print("error:", e)
