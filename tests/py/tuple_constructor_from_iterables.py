print(tuple(), tuple([]), tuple(range(3)), tuple("ab"), tuple({"k": 1}), tuple({3}), tuple(x * 2 for x in (1, 2)), tuple(b"ab"), tuple(tuple([1]) for _ in range(2)))
try:
    tuple(1)
except TypeError as e:
    print(e)
try:
    tuple(1, 2)
except TypeError as e:
    print(e)
