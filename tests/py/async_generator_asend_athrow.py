class Y:
    def __await__(self):
        yield "suspend"
async def agen():
    received = []
    try:
        while True:
            v = yield len(received)
            await Y()
            received.append(v)
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("agen finally, received", received)
def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(run(g.asend(None)))
print(run(g.asend("a")))
print(run(g.asend("b")))
print(run(g.athrow(ValueError("bad"))))
try:
    run(g.aclose())
    print("aclosed")
except RuntimeError as e:
    print(e)
