async def f():
    return 1
c = f()
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()
try:
    for _ in f():
        pass
except TypeError as e:
    print(e)
class NotAwaitable:
    pass
async def g():
    await NotAwaitable()
try:
    g().send(None)
except TypeError as e:
    print(e)
class BadAwait:
    def __await__(self):
        return 5
async def h():
    await BadAwait()
try:
    h().send(None)
except TypeError as e:
    print(e)
async def raiser():
    raise KeyError("inside coroutine")
try:
    raiser().send(None)
except KeyError as e:
    print("KeyError", e)
