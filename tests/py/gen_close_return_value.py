def g():
    try:
        yield 1
    except GeneratorExit:
        return "value from close"
it = g()
next(it)
print(it.close())
def h():
    yield 1
it2 = h()
print(it2.close())
next(it2, None)
print(it2.close())
