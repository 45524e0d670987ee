import sys
def outer():
    local_a = 1
    return inner()
def inner():
    f = sys._getframe()
    back = f.f_back
    return (f.f_code.co_name, back.f_code.co_name, back.f_locals["local_a"], f.f_lineno - f.f_code.co_firstlineno, back.f_back.f_code.co_name, f.f_globals is globals())
print(outer())
def locals_snapshot():
    x = 1
    y = "two"
    return sorted(sys._getframe().f_locals.items())
print(locals_snapshot())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
