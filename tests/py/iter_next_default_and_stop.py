it = iter([1])
print(next(it, None), next(it, None), next(it, "d"))
def g():
    return
    yield
print(next(g(), "empty gen"), list(g()))
class NoNext:
    def __iter__(self):
        return self
try:
    iter(NoNext())
except TypeError as e:
    print(e)
try:
    next(NoNext())
except TypeError as e:
    print(e)
