def counter():
    yield 1
g = counter()
print(g.__name__, g.__qualname__, type(g).__name__, g.gi_code.co_name, g.gi_yieldfrom)
class K:
    def gen(self):
        yield self
print(K().gen().__qualname__)
g.__name__ = "renamed"
print(g.__name__)
