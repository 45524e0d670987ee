def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("done")
it2 = g()
next(it2)
try:
    it2.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
it3 = g()
try:
    it3.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted throw:", e)
print(next(it3, "closed"))
