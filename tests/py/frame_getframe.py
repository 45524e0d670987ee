import sys

def show(fr):
    return (fr.f_code.co_name, fr.f_lineno)

def inner():
    fr = sys._getframe()
    print(show(fr), show(fr.f_back), show(sys._getframe(1)))
    print(sys._getframe(2).f_code.co_name, sys._getframe(2).f_back)
    print(fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__)
    print(fr.f_lasti > 0, type(fr).__name__, fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
    print(sys._getframe() is fr, fr.f_back is sys._getframe(1))
    return fr

def outer():
    return inner()

fr = outer()
print("after:", show(fr), fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name)
r = repr(fr)
print(r.startswith("<frame at 0x"), r.endswith(", file '" + __file__ + "', line 13, code inner>"))

try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError")

def lines():
    f = sys._getframe()
    a = f.f_lineno
    b = f.f_lineno
    return a, b
print(lines())

class C:
    fr = sys._getframe()
    x = 1
print(C.fr.f_code.co_name, 'x' in C.fr.f_locals, C.fr.f_locals is not None)
print(sys._getframe().f_locals is globals())

# called from native code: sorted(key=...)
def key(v):
    return sys._getframe(1).f_code.co_name
print(sorted([1], key=key) and key.__name__, [key(0)])
print(sorted([2, 1], key=lambda v: (sys._getframe(1).f_code.co_name, v)))
