import sys
log = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "fails":
        if event == "exception":
            log.append((event, arg[0].__name__, str(arg[1])))
        else:
            log.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer
def fails():
    x = 1
    raise ValueError("traced")
sys.settrace(tracer)
try:
    fails()
except ValueError:
    pass
sys.settrace(None)
print(log)
