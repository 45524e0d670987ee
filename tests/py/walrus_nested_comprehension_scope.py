def f():
    result = [[(last := y) for y in range(x)] for x in range(4)]
    return result, last
print(f())
print([(w := i) * 2 for i in range(3)], w)
