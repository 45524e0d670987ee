# Finalisers of a generator's locals, run as its frame ends (return or exception), see a
# finished generator: not running, close() returns None, next() raises StopIteration.
class Closer:
    def __del__(self):
        print("running:", g.gi_running, "suspended:", g.gi_suspended)
        try:
            print("close ->", g.close())
        except ValueError as e:
            print("ValueError:", e)
        try:
            next(g)
        except StopIteration:
            print("next -> StopIteration")
        except ValueError as e:
            print("ValueError:", e)
def gen():
    c = Closer()
    yield 1
g = gen(); print(list(g))
def gen2():
    c = Closer()
    yield 1
    raise KeyError("boom")
g = gen2()
try:
    for x in g: print(x)
except KeyError as e:
    print("KeyError", e)
