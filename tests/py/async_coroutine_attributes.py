async def f():
    return 1
c = f()
print(type(c).__name__, c.cr_running, c.cr_frame is not None, c.cr_code.co_name, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
class Awaitable:
    def __await__(self):
        return iter([1, 2])
async def g():
    return await Awaitable()
gc = g()
print(gc.send(None), gc.send(None))
try:
    gc.send(None)
except StopIteration as e:
    print("result", e.value)
