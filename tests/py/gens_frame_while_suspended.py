# A suspended generator's frame object: locals, line, identity across resumptions, f_back
# while running (the resumer), and None once finished.
import sys


def counter(n):
    total = 0
    for i in range(n):
        total += i
        yield total
    after = "done"
    yield after


g = counter(3)
print(g.gi_frame.f_locals)  # created: only the argument
next(g)
fr = g.gi_frame
print(sorted(fr.f_locals.items()), fr.f_lineno, fr.f_code.co_name)
next(g)
print(g.gi_frame is fr, sorted(fr.f_locals.items()), fr.f_lineno)
print(list(g))
print(g.gi_frame, g.gi_suspended, g.gi_running)


def show_back():
    me = sys._getframe()
    back = me.f_back
    yield me.f_code.co_name, back.f_code.co_name if back else None
    yield me.f_code.co_name, me.f_back.f_code.co_name if me.f_back else None


def loop_over(gen):
    out = []
    for item in gen:
        out.append(item)
    return out


def via_next(gen):
    return next(gen)


print(loop_over(show_back()))
s = show_back()
print(via_next(s), via_next(s))


def outer():
    inner = show_back()
    x = yield from inner
    yield "outer", sys._getframe().f_back.f_code.co_name


print(list(outer()))


def watcher():
    frame = sys._getframe()
    yield frame is w.gi_frame, w.gi_running, w.gi_frame.f_lineno
    v = 41
    yield sorted(w.gi_frame.f_locals)


w = watcher()
print(next(w))
print(next(w))
print(w.gi_frame.f_locals["v"] + 1)


def with_cell():
    x = 1
    def get():
        return x
    yield get
    x = 2
    yield get


c = with_cell()
get = next(c)
print(get(), c.gi_frame.f_locals["x"])
next(c)
print(get(), c.gi_frame.f_locals["x"])
