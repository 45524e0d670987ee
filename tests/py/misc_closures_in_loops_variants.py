fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
fs = []
for i in range(3):
    def mk(j):
        return lambda: j
    fs.append(mk(i))
print([f() for f in fs])
fs = {}
for name in ["a", "b"]:
    fs[name] = (lambda n: lambda: n)(name)
print({k: v() for k, v in fs.items()})
i = 100
print([f() for f in [lambda: i for i in range(2)]])
