import sys

def tracer(frame, event, arg):
    if event == "exception":
        t, v, tb = arg
        print(event, frame.f_code.co_name, frame.f_lineno, t.__name__, v, tb.tb_lineno)
    elif event in ("call", "return"):
        print(event, frame.f_code.co_name, frame.f_lineno, arg)
    return tracer

def level2():
    raise KeyError("k")

def level1():
    try:
        level2()
    finally:
        pass

def top():
    try:
        level1()
    except KeyError:
        return "handled"

sys.settrace(tracer)
print(top())
try:
    level1()
except KeyError:
    pass
sys.settrace(None)

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        raise

sys.settrace(tracer)
try:
    reraiser()
except ZeroDivisionError as e:
    print("outer", e)
sys.settrace(None)
