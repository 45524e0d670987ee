import sys

log = []

def local_tracer(frame, event, arg):
    log.append(("local", event, frame.f_code.co_name, frame.f_lineno))
    return local_tracer

def global_tracer(frame, event, arg):
    log.append(("global", event, frame.f_code.co_name, frame.f_lineno))
    if frame.f_code.co_name == "traced":
        return local_tracer
    return None

def untraced():
    x = 1
    return x

def traced():
    y = untraced()
    return y + 1

sys.settrace(global_tracer)
traced()
sys.settrace(None)
for e in log:
    print(e)

# a tracer that raises: the error propagates, tracing is turned off
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return bad

def victim():
    a = 1
    return a

sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())
print(sys.gettrace())

# f_trace_lines = False suppresses line events; f_trace_opcodes adds opcode events
seen = []
def t2(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "quiet":
        frame.f_trace_lines = False
    if event == "line" and frame.f_code.co_name == "loud":
        frame.f_trace_opcodes = True
    seen.append((event, frame.f_code.co_name))
    return t2

def quiet():
    a = 1
    return a

def loud():
    b = 2
    return b

sys.settrace(t2)
quiet()
loud()
sys.settrace(None)
print([e for e in seen if e[0] != "opcode"])
print(any(e[0] == "opcode" for e in seen), all(e[1] == "loud" for e in seen if e[0] == "opcode"))
print(seen[seen.index(("line", "loud")) + 1])
