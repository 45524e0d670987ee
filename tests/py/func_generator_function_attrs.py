def gen():
    yield 1
async def coro():
    pass
async def agen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, type(gen()).__name__, type(agen()).__name__)
c = coro()
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()
print(gen.__name__, gen().__qualname__, agen().__name__)
