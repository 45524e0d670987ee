import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("add", "gen"):
        events.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, arg if event == "return" else None))
    return tracer
def add(a, b):
    c = a + b
    return c
def gen():
    yield 1
    yield 2
sys.settrace(tracer)
add(1, 2)
list(gen())
sys.settrace(None)
for e in events:
    print(e)
print(sys.gettrace())
