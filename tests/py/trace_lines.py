import sys

events = []

def tracer(frame, event, arg):
    if event == 'exception':
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg[0].__name__))
    elif event == 'return':
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    else:
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def gen(n):
    for i in range(n):
        yield i

def boom():
    raise ValueError("x")

def work():
    total = 0
    for i in range(3):
        total += i
    try:
        boom()
    except ValueError:
        total += 10
    for v in gen(2):
        total += v
    return total

sys.settrace(tracer)
r = work()
sys.settrace(None)
for e in events:
    print(e)
print(r, sys.gettrace())
