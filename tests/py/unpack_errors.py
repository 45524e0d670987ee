for src in [[1], [1, 2, 3], "abcd", 5]:
    try:
        a, b = src
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    (a, b), c = [1, 2], 3, 4
except ValueError as e:
    print(e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    x, y = gen()
except ValueError as e:
    print(e)
try:
    x, y = {1: 2, 3: 4, 5: 6}
except ValueError as e:
    print(e)
