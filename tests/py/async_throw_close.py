class Yield:
    def __await__(self):
        yield "y"
async def guarded():
    try:
        await Yield()
        await Yield()
    except ValueError as e:
        print("coroutine caught", e)
        return "handled"
    finally:
        print("coroutine finally")
c = guarded()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result", e.value)
c2 = guarded(); c2.send(None); c2.close(); print("closed")
c3 = guarded()
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print(e)
c4 = guarded(); c4.send(None); c4.send(None)
try:
    c4.send(None)
except StopIteration as e:
    print("ended", e.value)
try:
    c4.send(None)
except RuntimeError as e:
    print(e)
