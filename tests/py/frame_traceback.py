import sys

def inner(n):
    local_value = n * 2
    raise ValueError(local_value)

def outer():
    marker = "outer-local"
    inner(21)

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        fr = tb.tb_frame
        entries.append((fr.f_code.co_name, tb.tb_lineno, fr.f_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(entries)
    last = e.__traceback__.tb_next.tb_next
    print(last.tb_frame.f_locals["local_value"], last.tb_frame.f_locals["n"])
    print(e.__traceback__.tb_next.tb_frame.f_locals["marker"])
    print(last.tb_frame.f_back.f_code.co_name, last.tb_frame.f_back is e.__traceback__.tb_next.tb_frame)
    print(e.__traceback__.tb_frame is sys._getframe())
    print(sorted(last.tb_frame.f_locals.items()))

def reraise():
    try:
        int("x")
    except ValueError:
        raise

try:
    reraise()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_frame.f_lineno, tb.tb_frame.f_code.co_name)

f = sys._getframe()
try:
    f.clear()
except RuntimeError as e:
    print("RuntimeError:", e)

def finished():
    x = 1
    return sys._getframe()
fr = finished()
print(fr.f_locals["x"], fr.clear(), dict(fr.f_locals))
