class Yield:
    def __await__(self):
        yield "y"
async def fails():
    await Yield()
    raise ValueError("async failure")
async def catches():
    try:
        await fails()
    except ValueError as e:
        return f"caught {e}"
c = catches()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def finally_runs():
    try:
        await Yield()
    finally:
        print("async finally")
f = finally_runs()
f.send(None)
try:
    f.throw(KeyError("thrown in"))
except KeyError as e:
    print("propagated", e)
