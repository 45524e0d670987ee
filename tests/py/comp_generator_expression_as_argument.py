print(sum(x for x in range(4)), max((x for x in "abc"), key=ord), sorted((y for y in [3, 1]), reverse=True), "".join(c for c in "hello" if c != "l"), dict((k, v) for k, v in [("a", 1)]), set(x % 3 for x in range(9)))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), tuple(i for i in range(0)), list(zip((i for i in "ab"), (j for j in range(5)))))
