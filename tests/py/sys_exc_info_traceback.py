import sys
def f():
    raise ValueError("x")
try:
    f()
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    print(type(tb).__name__, v.__traceback__ is tb)
print(sys.exc_info())
def g():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name, sys._getframe().f_lineno
print(g())
