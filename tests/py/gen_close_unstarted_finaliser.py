# close() of a generator that never ran drops its arguments; their finalisers may read the
# generator (its code, frame, state) and close or resume it again.
class D:
    def __del__(self):
        print("del: code", g.gi_code.co_name, "frame", g.gi_frame, "running", g.gi_running)
        print("del: close again ->", g.close())
        try:
            next(g)
        except StopIteration:
            print("del: next -> StopIteration")


def gen(d):
    yield 1


g = gen(D())
print("close ->", g.close())
print("after", g.gi_frame, list(g))


# throw() through `yield from` marks the delegator running while the delegate runs.
def inner():
    try:
        yield 1
    except ValueError:
        print("inner: running outer?", outer_gen.gi_running)
        try:
            next(outer_gen)
        except ValueError as e:
            print("inner:", e)
        yield 2


def outer():
    yield from inner()


outer_gen = outer()
print(next(outer_gen))
print(outer_gen.throw(ValueError))
print(outer_gen.gi_running, outer_gen.gi_suspended)
outer_gen.close()
print(outer_gen.gi_suspended)
