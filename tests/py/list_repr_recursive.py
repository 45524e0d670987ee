a = [1, 2]
a.append(a)
print(a, len(a))
d = {"k": a}
a.append(d)
print(a)
print(repr([]), repr([[]]), str(["a", 'b"', "c'"]), [1.0, None, True, ...])
