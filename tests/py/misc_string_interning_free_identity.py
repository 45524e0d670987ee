a = "hello"
b = "hel" + "lo"
print(a == b, a is not None, len({a, b}), {a: 1}[b])
c = "".join(["hel", "lo"])
print(c == a, hash(c) == hash(a))
