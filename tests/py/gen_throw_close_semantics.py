# throw() argument forms, close() return values and errors, running-state errors.
def g():
    try:
        yield 1
    except ValueError as e:
        print("caught", repr(e))
        yield 2
    yield 3

it = g()
next(it)
print(it.throw(ValueError))
it = g()
next(it)
print(it.throw(ValueError("instance")))
for bad in (1, "text", None):
    try:
        g().throw(bad)
    except TypeError as e:
        print("TypeError:", e)

# throw into a generator that has not started: raised at the definition line.
it = g()
try:
    it.throw(KeyError("early"))
except KeyError as e:
    print("early", e, it.gi_suspended)
print(list(it))

# close() returns the return value of a generator that returns on GeneratorExit (3.13).
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "bye"
it = returns_on_exit()
next(it)
print("close ->", it.close())
print("again ->", it.close())

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2
it = ignores_exit()
next(it)
try:
    it.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def raises_other():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
it = raises_other()
next(it)
try:
    it.close()
except ValueError as e:
    print("ValueError:", e, type(e.__context__).__name__)

# Re-entering a running generator.
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# send() to a just-started generator and to a finished one.
def one():
    yield 1
it = one()
try:
    it.send(5)
except TypeError as e:
    print("TypeError:", e)
print(next(it))
for _ in range(2):
    try:
        it.send(None)
    except StopIteration as e:
        print("StopIteration", e.args)
# Throwing into a finished generator raises the exception as is.
try:
    it.throw(IndexError("done"))
except IndexError as e:
    print("IndexError:", e)
print(it.close())

# A delegate without throw(): the exception is raised at the `yield from`.
class NoThrow:
    def __iter__(self):
        return self
    def __next__(self):
        return "item"
def delegating():
    try:
        yield from NoThrow()
    except LookupError as e:
        yield "delegator caught " + repr(e)
d = delegating()
print(next(d))
print(d.throw(LookupError("x")))

# A delegate with throw() and close() methods sees them forwarded.
class Verbose:
    def __iter__(self):
        return self
    def __next__(self):
        return "v"
    def throw(self, exc):
        print("Verbose.throw", repr(exc))
        raise StopIteration("stopped by throw")
    def close(self):
        print("Verbose.close")
def via_verbose():
    r = yield from Verbose()
    print("yield from returned", r)
    yield "end"
d = via_verbose()
next(d)
print(d.throw(ValueError("fwd")))
d = via_verbose()
next(d)
d.close()
