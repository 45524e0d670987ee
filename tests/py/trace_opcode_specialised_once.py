# With f_trace_opcodes, an instruction that specialises while it is traced reports its
# 'opcode' event once (the generic form's adaptive counter fires during the traced run).
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def tracer(frame, event, arg):
    if frame.f_code.co_name in ('f', 'g'):
        frame.f_trace_opcodes = True
        if event == 'opcode':
            events.append((frame.f_code.co_name, frame.f_lineno, frame.f_lasti))
        else:
            events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def f(a, b):
    x = a + b
    if x < 10:
        x = x * 2
    return x


def g(p, items):
    total = p.norm1()
    for v in items:
        total += v
    return total + len(items) + p.x


events = []
sys.settrace(tracer)
for i in range(4):
    f(i, 1)
    g(Point(i, -i), [1, 2, 3])
sys.settrace(None)

for e in events:
    print(*e)
# every instruction of one call is reported once per execution
seen = {}
for e in events:
    seen[e] = seen.get(e, 0) + 1
print(len(events), len(seen))
