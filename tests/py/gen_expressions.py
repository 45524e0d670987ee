g = (x * x for x in range(5))
print(type(g).__name__, list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "bbb", "cc"]), tuple(c.upper() for c in "ab"))
pairs = list((i, j) for i in range(3) for j in range(i))
print(pairs)
x = 10
g2 = (x + i for i in range(3))
x = 100
print(list(g2))
try:
    (1 / i for i in [0])
    print("lazy: not raised yet")
    list(1 / i for i in [0])
except ZeroDivisionError as e:
    print("raised on iteration:", e)
try:
    (y for y in undefined_iterable)
except NameError as e:
    print("first iterable evaluated eagerly:", e)
