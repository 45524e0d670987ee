# aiter, anext (with and without default), anext_awaitable driven by hand; exit/quit
def attempt(e, f):
    try: print(e, "->", repr(f()))
    except BaseException as ex: print(e, "!!", type(ex).__name__, ex)
class Done:
    def __await__(self):
        raise StopAsyncIteration
        yield
class Value:
    def __init__(self, v): self.v = v
    def __await__(self):
        return iter(())
class StepIter:
    def __init__(self, steps, result):
        self.steps = list(steps); self.result = result
    def __iter__(self): return self
    def __next__(self):
        if self.steps:
            return self.steps.pop(0)
        raise StopIteration(self.result)
class Stepping:
    def __await__(self):
        return StepIter([1, 2], "result")
class Ended:
    def __await__(self):
        return EndIter()
class EndIter:
    def __iter__(self): return self
    def __next__(self): raise StopAsyncIteration
class AIt:
    def __init__(self, aw): self.aw = aw
    def __aiter__(self): return self
    def __anext__(self): return self.aw
attempt("aiter(1)", lambda: aiter(1))
attempt("anext(1)", lambda: anext(1))
class Bad:
    def __aiter__(self): return 5
attempt("aiter(Bad())", lambda: aiter(Bad()))
it = AIt(Stepping())
attempt("aiter is self", lambda: aiter(it) is it)
attempt("anext(it) no default", lambda: type(anext(it)).__name__)
aw = anext(it, "dflt")
print(type(aw).__name__)
g = aw.__await__()
print(g is aw, next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("finished with", e.value)
aw2 = anext(AIt(Ended()), "dflt")
try:
    next(aw2)
except StopIteration as e:
    print("default", e.value)
attempt("aw2.send(None)", lambda: aw2.send(None))
class EndSend(EndIter):
    def send(self, v): raise StopAsyncIteration
class EndedSend:
    def __await__(self): return EndSend()
try:
    anext(AIt(EndedSend()), 7).send(None)
except StopIteration as e:
    print("default via send", e.value)
attempt("close", lambda: anext(AIt(Stepping()), 0).close())
attempt("anext(AIt(1), 0).send(None)", lambda: anext(AIt(1), 0).send(None))
attempt("anext()", lambda: anext())
attempt("aiter(1, 2)", lambda: aiter(1, 2))
try:
    exit(3)
except SystemExit as e:
    print("exit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.code)
exit("bye")
